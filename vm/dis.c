/*
** dis.c -- the opcode tables derived from OPCODE_LIST, and the disassembler.
**
** opcode_names / opcode_hasarg / opcode_stack_effect / opcode_is_jump are
** generated from the one list in opcodes.h, so the interpreter, the
** compiler's stack-depth pass and dis never disagree about an instruction.
**
** dis_code() lays instructions out as CPython 3.11's dis module does
** (Lib/dis.py, Instruction._disassemble): a line-number column (3 wide, or
** wider for lines >= 1000) printed where a new source line starts, with a
** blank line before it; then "-->" or three spaces; ">>" on jump targets;
** the byte offset (2 * code-unit index) right-aligned in 4 (or more);
** the opcode name left-aligned in 20; the argument right-aligned in 5; and
** the argument's meaning in parentheses.  Nested code objects follow, each
** introduced by "Disassembly of <code object ...>:".  The opcodes
** themselves are this VM's, not CPython's (no RESUME, PRECALL or CACHE).
**
** The text is built in a buffer and written with sys.stdout.write (or the
** file= argument's write), so redirection works as it does for print.
*/
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "object.h"
#include "vm.h"
#include "opcodes.h"
#include "compile.h"
#include "frame.h"

const char *const opcode_names[OP_COUNT] = {
#define X_(name, hasarg, effect) #name,
  OPCODE_LIST(X_)
#undef X_
};

const unsigned char opcode_hasarg[OP_COUNT] = {
#define X_(name, hasarg, effect) hasarg,
  OPCODE_LIST(X_)
#undef X_
};

int opcode_stack_effect(int op, int oparg, int jump) {
  (void)oparg;
  (void)jump;
  switch (op) {
#define X_(name, hasarg, effect) case OP_##name: return (effect);
    OPCODE_LIST(X_)
#undef X_
  default: return 0;
  }
}

int opcode_is_jump(int op) {
  switch (op) {
  case OP_FOR_ITER: case OP_JUMP: case OP_POP_JUMP_IF_FALSE: case OP_POP_JUMP_IF_TRUE:
  case OP_POP_JUMP_IF_NONE: case OP_POP_JUMP_IF_NOT_NONE: case OP_JUMP_IF_FALSE_OR_POP:
  case OP_JUMP_IF_TRUE_OR_POP: case OP_SETUP_FINALLY: case OP_SEND:
    return 1;
  default:
    return 0;
  }
}

/* ------------------------------------------------------------------ */
/* Output buffer                                                      */
/* ------------------------------------------------------------------ */

typedef struct Out {
  char *data;                     /* HT_TAG_VMINTERNAL block */
  size_t len, cap;                /* used / allocated */
  bool failed;                    /* out of memory */
} Out;

static void out_put(Out *o, const char *s, size_t n) {
  if (o->failed) return;
  if (o->len + n + 1 > o->cap) {
    size_t ncap = o->cap ? o->cap * 2 : 4096;
    char *nd;
    while (ncap < o->len + n + 1) ncap *= 2;
    nd = ht_realloc(HT_TAG_VMINTERNAL, o->data, o->cap, ncap);
    if (nd == NULL) { o->failed = true; return; }
    o->data = nd;
    o->cap = ncap;
  }
  memcpy(o->data + o->len, s, n);
  o->len += n;
}

static void out_printf(Out *o, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  out_put(o, buf, (size_t)n < sizeof buf ? (size_t)n : sizeof buf - 1);
}

static void out_obj(Out *o, Obj *s) {
  out_put(o, STR_UTF8(s), (size_t)STR_NBYTES(s));
}

static void out_free(Out *o) {
  if (o->data) ht_free(HT_TAG_VMINTERNAL, o->data, o->cap);
  o->data = NULL;
  o->len = o->cap = 0;
}

/* ------------------------------------------------------------------ */
/* One code object                                                    */
/* ------------------------------------------------------------------ */

static const char *const cmp_names[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const nb_names[] = {
  "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
  "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="
};

static bool has_name(int op) {
  switch (op) {
  case OP_LOAD_ATTR: case OP_STORE_ATTR: case OP_DELETE_ATTR: case OP_LOAD_METHOD:
  case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL: case OP_LOAD_NAME:
  case OP_STORE_NAME: case OP_DELETE_NAME: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
    return true;
  default:
    return false;
  }
}

static bool has_localplus(int op) {
  switch (op) {
  case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST: case OP_MAKE_CELL:
  case OP_LOAD_CLOSURE: case OP_LOAD_DEREF: case OP_STORE_DEREF: case OP_DELETE_DEREF:
  case OP_LOAD_CLASSDEREF:
    return true;
  default:
    return false;
  }
}

/* Name of localsplus slot I (CPython's _varname_from_oparg). */
static Obj *slot_name(CodeObj *co, int i) {
  int k, firstfree = co->nlocalsplus - co->nfreevars;
  if (i < 0 || i >= co->nlocalsplus) return NULL;
  if (i < co->nlocals) return TUPLE_GET(co->varnames, i);
  if (i >= firstfree) return TUPLE_GET(co->freevars, i - firstfree);
  for (k = 0; k < co->ncellvars; k++)
    if (co->cell2slot[k] == i) return TUPLE_GET(co->cellvars, k);
  return NULL;
}

/* The argument's meaning; returns a new str, or NULL (no text / error). */
static int argrepr(VM *vm, Out *o, CodeObj *co, int op, int arg) {
  if (op == OP_LOAD_CONST || op == OP_KW_NAMES) {
    Obj *r;
    if (arg >= TUPLE_SIZE(co->consts)) return 0;
    r = obj_repr(vm, TUPLE_GET(co->consts, arg));
    if (r == NULL) return -1;
    out_put(o, "(", 1);
    out_obj(o, r);
    out_put(o, ")", 1);
    decref(vm, r);
    return 0;
  }
  if (has_name(op)) {
    if (arg >= TUPLE_SIZE(co->names)) return 0;
    out_put(o, "(", 1);
    out_obj(o, TUPLE_GET(co->names, arg));
    out_put(o, ")", 1);
    return 0;
  }
  if (opcode_is_jump(op)) {
    out_printf(o, "(to %d)", arg * 2);
    return 0;
  }
  if (has_localplus(op)) {
    Obj *n = slot_name(co, arg);
    if (n) {
      out_put(o, "(", 1);
      out_obj(o, n);
      out_put(o, ")", 1);
    }
    return 0;
  }
  switch (op) {
  case OP_COMPARE_OP:
    if (arg >= 0 && arg < 6) out_printf(o, "(%s)", cmp_names[arg]);
    return 0;
  case OP_BINARY_OP:
    if (arg >= 0 && arg < 26) out_printf(o, "(%s)", nb_names[arg]);
    return 0;
  case OP_FORMAT_VALUE: {
    static const char *const conv[] = {"", "str", "repr", "ascii"};
    const char *c = conv[arg & 3];
    if (arg & 4) out_printf(o, "(%s%swith format)", c, *c ? ", " : "");
    else if (*c) out_printf(o, "(%s)", c);
    return 0;
  }
  case OP_MAKE_FUNCTION: {
    static const char *const flags[] = {"defaults", "kwdefaults", "annotations", "closure"};
    int i;
    bool first = true;
    if ((arg & 15) == 0) return 0;
    out_put(o, "(", 1);
    for (i = 0; i < 4; i++)
      if (arg & (1 << i)) {
        out_printf(o, "%s%s", first ? "" : ", ", flags[i]);
        first = false;
      }
    out_put(o, ")", 1);
    return 0;
  }
  default:
    return 0;
  }
}

static int disassemble_one(VM *vm, Out *o, CodeObj *co) {
  ssize i, n = co->ncode;
  int maxline = 0, lineno_width, offset_width, lastline = -1, extended = 0;
  unsigned char *target;
  ssize prologue = 0;
  /* the MAKE_CELL / COPY_FREE_VARS prologue has no line (CPython: None) */
  while (prologue < n && ((co->code[prologue] & 0xFF) == OP_MAKE_CELL ||
                          (co->code[prologue] & 0xFF) == OP_COPY_FREE_VARS))
    prologue++;
  target = ht_calloc(HT_TAG_VMINTERNAL, (size_t)(n + 1));
  if (target == NULL) {
    vm_raise_nomem(vm);
    return -1;
  }
  {
    int ext = 0;
    for (i = 0; i < n; i++) {
      int op = co->code[i] & 0xFF, arg = (co->code[i] >> 8) | ext;
      ext = op == OP_EXTENDED_ARG ? arg << 8 : 0;
      if (op < OP_COUNT && opcode_is_jump(op) && arg >= 0 && arg < n) target[arg] = 1;
      if (i >= prologue && code_line(co, i) > maxline) maxline = code_line(co, i);
    }
  }
  lineno_width = maxline >= 1000 ? snprintf(NULL, 0, "%d", maxline) : 3;
  offset_width = (n * 2 - 2) >= 10000 ? snprintf(NULL, 0, "%zd", (ssize_t)(n * 2 - 2)) : 4;
  for (i = 0; i < n; i++) {
    int op = co->code[i] & 0xFF, arg = (co->code[i] >> 8) | extended, line, startpos;
    bool starts_line = false;
    extended = op == OP_EXTENDED_ARG ? arg << 8 : 0;
    if (i >= prologue) {
      line = code_line(co, i);
      if (line != lastline) {
        starts_line = true;
        lastline = line;
      }
    } else {
      line = 0;
    }
    if (starts_line && i > 0) out_put(o, "\n", 1);
    startpos = (int)o->len;
    if (starts_line) out_printf(o, "%*d", lineno_width, line);
    else out_printf(o, "%*s", lineno_width, "");
    out_printf(o, "     %s %*d %-20s", target[i] ? ">>" : "  ", offset_width, (int)(i * 2),
               op < OP_COUNT ? opcode_names[op] : "<unknown>");
    if (op < OP_COUNT && opcode_hasarg[op]) {
      out_printf(o, " %5d ", arg);
      if (argrepr(vm, o, co, op, arg) < 0) {
        ht_free(HT_TAG_VMINTERNAL, target, (size_t)(n + 1));
        return -1;
      }
    }
    /* rstrip */
    while (!o->failed && o->len > (size_t)startpos && o->data[o->len - 1] == ' ') o->len--;
    out_put(o, "\n", 1);
  }
  ht_free(HT_TAG_VMINTERNAL, target, (size_t)(n + 1));
  return 0;
}

static int disassemble_recursive(VM *vm, Out *o, CodeObj *co, int depth) {
  ssize i;
  if (disassemble_one(vm, o, co) < 0) return -1;
  if (depth == 0) return 0;
  for (i = 0; i < TUPLE_SIZE(co->consts); i++) {
    Obj *x = TUPLE_GET(co->consts, i);
    Obj *r;
    if (x->type != &Code_Type) continue;
    r = obj_repr(vm, x);
    if (r == NULL) return -1;
    out_put(o, "\nDisassembly of ", 16);
    out_obj(o, r);
    out_put(o, ":\n", 2);
    decref(vm, r);
    if (disassemble_recursive(vm, o, (CodeObj *)x, depth < 0 ? -1 : depth - 1) < 0) return -1;
  }
  return 0;
}

/* Write the buffer with FILE.write, or sys.stdout.write when FILE is NULL. */
static int write_out(VM *vm, Out *o, Obj *file) {
  Obj *s, *r, *out = file;
  if (o->failed) {
    vm_raise_nomem(vm);
    return -1;
  }
  s = str_new(vm, o->len ? o->data : "", o->len);
  if (s == NULL) return -1;
  if (out == NULL) {
    Obj *sys = vm->modules ? dict_get_cstr(vm, vm->modules, "sys") : NULL;
    if (sys) out = obj_getattr_cstr(vm, sys, "stdout");
    else out = vm->sys_stdout ? incref(vm->sys_stdout) : NULL;
    if (out == NULL) {
      int rc;
      vm_exc_clear(vm);
      rc = vm_write_stdout(vm, STR_UTF8(s), (size_t)STR_NBYTES(s));
      decref(vm, s);
      return rc;
    }
  } else {
    incref(out);
  }
  r = obj_call_method(vm, out, "write", &s, 1);
  decref(vm, out);
  decref(vm, s);
  if (r == NULL) return -1;
  decref(vm, r);
  return 0;
}

static int dis_to(VM *vm, Obj *code, Obj *file, int depth) {
  Out o = {0};
  int rc;
  if (code->type != &Code_Type) {
    vm_raise(vm, &Exc_TypeError, "don't know how to disassemble %T objects", code);
    return -1;
  }
  rc = disassemble_recursive(vm, &o, (CodeObj *)code, depth);
  if (rc == 0) rc = write_out(vm, &o, file);
  out_free(&o);
  return rc;
}

int dis_code(VM *vm, Obj *code) {
  return dis_to(vm, code, NULL, -1);
}

/* ------------------------------------------------------------------ */
/* The dis module                                                     */
/* ------------------------------------------------------------------ */

/* dis.dis(x=None, *, file=None, depth=None) */
static Obj *dis_dis(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  static const char *const names[] = {"x", "file", "depth"};
  Obj *a[3] = {NULL, NULL, NULL};
  Obj *x, *code = NULL, *file;
  int depth = -1, rc;
  (void)self;
  if (args_parse(vm, "dis", args, nargs, kwnames, names, 3, 0, a) < 0) return NULL;
  x = a[0];
  file = (a[1] && a[1] != None) ? a[1] : NULL;
  if (a[2] && a[2] != None) {
    ssize d = obj_as_ssize(vm, a[2]);
    if (d == -1 && vm_exc_occurred(vm)) return NULL;
    depth = d < 0 ? 0 : (int)d;
  }
  if (x == NULL || x == None) {
    vm_raise(vm, &Exc_NotImplementedError, "dis.dis() of the last traceback is not supported");
    return NULL;
  }
  if (str_check(x)) {
    Obj *fn = str_from_cstr(vm, "<dis>");
    if (fn == NULL) return NULL;
    code = compile_module(vm, STR_UTF8(x), (size_t)STR_NBYTES(x), fn);
    decref(vm, fn);
    if (code == NULL) return NULL;
  } else if (x->type == &Code_Type) {
    code = incref(x);
  } else {
    Obj *f = x;
    if (x->type == &Method_Type) f = ((MethodObj *)x)->func;
    if (f->type == &Function_Type) {
      code = incref(((FunctionObj *)f)->code);
    } else {
      vm_raise(vm, &Exc_TypeError, "don't know how to disassemble %T objects", x);
      return NULL;
    }
  }
  rc = dis_to(vm, code, file, depth);
  decref(vm, code);
  if (rc < 0) return NULL;
  return none_new();
}

static const MethodDef dis_methods[] = {
  {"dis", dis_dis, 0},
  {NULL, NULL, 0}
};

Obj *dismod_init(VM *vm) {
  return module_new(vm, "dis", dis_methods);
}
