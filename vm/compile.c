/*
** compile.c -- AST + symbol table to code objects (see compile.h).
**
** Structure follows CPython 3.11's Python/compile.c: one compiler Unit per
** code object being built (module, function, lambda, comprehension), a
** stack of "frame blocks" (loops, try bodies, handlers) that break /
** continue / return unwind, and an assembler that resolves labels to
** absolute code-unit offsets (iterating while EXTENDED_ARG prefixes grow),
** computes the stack depth by walking the flow graph with
** opcode_stack_effect(), and writes one line number per code unit.
**
** Exception handling uses the frame's block stack (SETUP_FINALLY pushes a
** handler, POP_BLOCK pops it; on an exception the stack is cut to the
** block's level, the exception pushed and control moves to the handler):
**
**     try/except                         try/finally
**       SETUP_FINALLY  L_except            SETUP_FINALLY  L_exc
**       <body>                             <body>
**       POP_BLOCK                          POP_BLOCK
**       <else>; JUMP L_end                 <finalbody>; JUMP L_end
**     L_except:            [exc]         L_exc:               [exc]
**       SETUP_FINALLY  L_cleanup           SETUP_FINALLY  L_cleanup
**       PUSH_EXC_INFO      [prev, exc]     PUSH_EXC_INFO        [prev, exc]
**       <type> CHECK_EXC_MATCH             <finalbody>
**       POP_JUMP_IF_FALSE next             RERAISE
**       POP_TOP / STORE name  [prev]     L_cleanup:           [prev, exc2]
**       <handler body>                     SWAP 2; POP_EXCEPT; RERAISE
**       POP_BLOCK; POP_EXCEPT; JUMP L_end
**     next: ... RERAISE
**     L_cleanup: SWAP 2; POP_EXCEPT; RERAISE
**
** L_cleanup's block is pushed while the stack holds [exc], so that after
** PUSH_EXC_INFO its level keeps exactly `prev`: an exception inside a
** handler restores the previous exception state before propagating.
** `with` statements use the same blocks around BEFORE_WITH and
** WITH_EXCEPT_START (compile_with).
**
** Every instruction also records the source range of the node being
** compiled (CPython's co_positions, for the traceback's carets), appended
** compactly to the code's line table (format in compile.h).
*/
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object.h"
#include "vm.h"
#include "opcodes.h"
#include "ast.h"
#include "lexer.h"
#include "parser.h"
#include "symtable.h"
#include "compile.h"
#include "int.h"

#define STACK_USE_GUIDELINE 30
#define CO_MAXBLOCKS 20

/* ------------------------------------------------------------------ */
/* Structures                                                         */
/* ------------------------------------------------------------------ */

typedef struct Instr {
  int op;                         /* Opcode */
  int arg;                        /* oparg; a label for jumps; a cell/free index for derefs */
  int line;                       /* source line, -1 = as the previous instruction */
  Pos pos;                        /* source range (co_positions); lineno 0 = none */
} Instr;
#define NOPOS ((Pos){0, -1, 0, -1})

enum FBlockType {
  FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END,
  FB_EXCEPTION_HANDLER, FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_WITH
};

typedef struct FBlock {
  int type;                       /* FB_* */
  int block;                      /* label: loop start (continue) */
  int exit;                       /* label: loop exit (break) */
  const void *datum;              /* finally body (StmtSeq*) or handler name */
} FBlock;

enum UnitKind { U_MODULE, U_CLASS, U_FUNCTION, U_LAMBDA, U_COMPREHENSION };

typedef struct ConstEntry {
  const char *key;                /* dedupe key (arena), NULL = never merged */
  size_t keylen;                  /* its length */
  Obj *obj;                       /* the value (owned) */
} ConstEntry;

typedef struct Unit Unit;
struct Unit {
  Unit *parent;                   /* enclosing unit */
  Scope *ste;                     /* symbol table scope */
  int kind;                       /* U_* */
  const char *name;               /* co_name */
  const char *qualname;           /* co_qualname */
  const char *priv;               /* class name for mangling, or NULL */
  Instr *instrs;                  /* instructions (arena) */
  int ninstrs, capinstrs;
  int *labels;                    /* label -> instruction index (-1 unbound) */
  int nlabels, caplabels;
  ConstEntry *consts;             /* co_consts in order */
  int nconsts, capconsts;
  PtrVec names;                   /* co_names: interned C strings */
  PtrVec varnames;                /* co_varnames */
  PtrVec cellvars;                /* co_cellvars (sorted) */
  PtrVec freevars;                /* co_freevars (sorted) */
  int argcount, posonlyargcount, kwonlyargcount;
  int firstlineno;                /* co_firstlineno */
  bool is_async;                  /* an async def (COMPILER_SCOPE_ASYNC_FUNCTION) */
  Pos loc;                        /* location of the node being compiled */
  FBlock fblocks[CO_MAXBLOCKS];   /* frame blocks */
  int nfblocks;
};

typedef struct Compiler {
  VM *vm;                         /* the VM (borrowed) */
  Arena *arena;                   /* HT_TAG_COMPILER arena (borrowed) */
  Interner *names;                /* identifiers (borrowed) */
  SymTable *st;                   /* scopes (borrowed) */
  Obj *filename;                  /* str (borrowed) */
  const char *src;                /* the source, for error lines */
  size_t srclen;
  Unit *u;                        /* current unit */
  int depth;                      /* recursion depth */
  bool failed;                    /* an exception is set */
  char unsupported[160];          /* first construct the VM cannot run, or "" */
  int unsupported_line;           /* its line */
  size_t *line_starts;            /* offset of each source line (built for warnings) */
  int nlines;                     /* entries in line_starts */
} Compiler;

/* ------------------------------------------------------------------ */
/* Errors                                                             */
/* ------------------------------------------------------------------ */

/* Line LINENO of the original source (without its newline). */
static const char *src_line(const char *src, size_t n, int lineno, int *len) {
  size_t i = 0;
  int ln = 1;
  if (src == NULL || lineno < 1) return NULL;
  while (ln < lineno && i < n) {
    if (src[i] == '\n') ln++;
    else if (src[i] == '\r') {
      if (i + 1 < n && src[i + 1] == '\n') i++;
      ln++;
    }
    i++;
  }
  if (ln != lineno || i >= n) return NULL;
  {
    size_t j = i;
    while (j < n && src[j] != '\n' && src[j] != '\r') j++;
    *len = (int)(j - i);
  }
  return src + i;
}

typedef struct LineCtx { const char *src; size_t n; } LineCtx;

static const char *line_cb(void *ctx, int lineno, int *len) {
  LineCtx *lc = ctx;
  return src_line(lc->src, lc->n, lineno, len);
}

/* vm_raise_syntax, then the fields it cannot express: CPython reports
** end_lineno, and end offsets of 0 or -1, as they are. */
static void raise_syntax_full(VM *vm, TypeObj *type, const char *msg, Obj *filename,
                              int lineno, int offset, int end_lineno, int end_offset,
                              const char *text) {
  Obj *exc;
  vm_raise_syntax(vm, type, msg, filename, lineno, offset, end_offset > 0 ? end_offset : 0,
                  text);
  if (lineno <= 0 || (offset > 0 && end_offset > 0 && end_lineno == lineno)) return;
  exc = vm_exc_fetch(vm);
  if (exc == NULL) return;
  if (!obj_isinstance(exc, &Exc_SyntaxError)) {
    vm_exc_restore(vm, exc);
    return;
  }
  {
    Obj *v = int_from_i64(vm, end_lineno > 0 ? end_lineno : lineno);
    if (v) {
      if (obj_setattr(vm, exc, str_intern_cstr(vm, "end_lineno"), v) < 0) vm_exc_clear(vm);
      decref(vm, v);
    }
    v = int_from_i64(vm, end_offset);
    if (v) {
      if (obj_setattr(vm, exc, str_intern_cstr(vm, "end_offset"), v) < 0) vm_exc_clear(vm);
      decref(vm, v);
    }
    if (offset <= 0) {
      v = int_from_i64(vm, offset);
      if (v) {
        if (obj_setattr(vm, exc, str_intern_cstr(vm, "offset"), v) < 0) vm_exc_clear(vm);
        decref(vm, v);
      }
    }
    if (vm_exc_occurred(vm)) vm_exc_clear(vm);
  }
  vm_exc_restore(vm, exc);
}

/* Raise a SyntaxErr record as the VM exception. */
static void raise_syntaxerr(VM *vm, SyntaxErr *e, Obj *filename) {
  char line[4096];
  const char *text = NULL;
  if (e->text) {
    int n = e->textlen < (int)sizeof line - 1 ? e->textlen : (int)sizeof line - 1;
    memcpy(line, e->text, (size_t)n);
    line[n] = 0;
    text = line;
  }
  switch (e->kind) {
  case ERR_SYNTAX:
    raise_syntax_full(vm, &Exc_SyntaxError, e->msg, filename, e->lineno, e->offset,
                      e->end_lineno, e->end_offset, text);
    break;
  case ERR_INDENT:
    raise_syntax_full(vm, &Exc_IndentationError, e->msg, filename, e->lineno, e->offset,
                      e->end_lineno, e->end_offset, text);
    break;
  case ERR_TAB:
    raise_syntax_full(vm, &Exc_TabError, e->msg, filename, e->lineno, e->offset,
                      e->end_lineno, e->end_offset, text);
    break;
  case ERR_DECODE: {
    char msg[512];
    snprintf(msg, sizeof msg, "Non-UTF-8 code starting with '\\x%02x' in file %s on line %d, "
             "but no encoding declared; see https://peps.python.org/pep-0263/ for details",
             e->decode_byte, str_check(filename) ? STR_UTF8(filename) : "?", e->lineno);
    vm_raise_syntax(vm, &Exc_SyntaxError, msg, filename, 0, 0, 0, NULL);
    break;
  }
  case ERR_NOTIMPL:
    vm_raise(vm, &Exc_NotImplementedError, "%s (%S, line %d)", e->msg, filename, e->lineno);
    break;
  case ERR_RECURSION:
    vm_raise(vm, &Exc_RecursionError, "%s", e->msg);
    break;
  case ERR_NOMEM:
  default:
    if (e->msg[0]) vm_raise(vm, &Exc_MemoryError, "%s", e->msg);
    else vm_raise_nomem(vm);
    break;
  }
}

/* compiler_error: a SyntaxError at the current location (byte columns, as
** CPython's compiler reports them). */
static int compiler_error(Compiler *c, const char *fmt, ...) {
  char msg[512], line[4096];
  const char *text;
  int len = 0;
  va_list ap;
  if (c->failed) return -1;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  text = src_line(c->src, c->srclen, c->u->loc.lineno, &len);
  if (text) {
    if (len > (int)sizeof line - 1) len = (int)sizeof line - 1;
    memcpy(line, text, (size_t)len);
    line[len] = 0;
  }
  raise_syntax_full(c->vm, &Exc_SyntaxError, msg, c->filename, c->u->loc.lineno,
                    c->u->loc.col + 1, c->u->loc.end_lineno, c->u->loc.end_col + 1,
                    text ? line : NULL);
  c->failed = true;
  return -1;
}

/* A construct the VM cannot run yet.  It is recorded, and compilation goes
** on (emitting placeholders) so that a SyntaxError CPython would report
** anywhere in the module still wins; compile_module raises
** NotImplementedError for the first such construct when there is none. */
static int not_supported(Compiler *c, const char *what) {
  if (c->unsupported[0] == 0) {
    snprintf(c->unsupported, sizeof c->unsupported, "%s are not supported yet", what);
    c->unsupported_line = c->u->loc.lineno > 0 ? c->u->loc.lineno : c->u->firstlineno;
  }
  return 0;
}

/* compiler_warn: a SyntaxWarning, printed as warnings.showwarning does
** ("FILE:LINE: SyntaxWarning: MSG" and the stripped source line) to the
** VM's stderr.  CPython passes no registry, so each occurrence prints. */
static int compiler_warn(Compiler *c, const char *fmt, ...) {
  char msg[512];
  const char *text;
  int len = 0;
  FILE *err = c->vm->err ? c->vm->err : stderr;
  va_list ap;
  if (c->failed) return -1;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  if (c->vm->out) fflush(c->vm->out);
  fprintf(err, "%s:%d: SyntaxWarning: %s\n", str_check(c->filename) ? STR_UTF8(c->filename) : "?",
          c->u->loc.lineno, msg);
  text = NULL;
  if (c->line_starts == NULL && c->src) {
    /* index the lines once: a module may warn many times */
    size_t i, k = 1, cap = 64;
    c->line_starts = arena_alloc(c->arena, sizeof(size_t) * cap);
    if (c->line_starts) c->line_starts[0] = 0;
    for (i = 0; c->line_starts && i < c->srclen; i++) {
      if (c->src[i] == '\r' && i + 1 < c->srclen && c->src[i + 1] == '\n') i++;
      if (c->src[i] != '\n' && c->src[i] != '\r') continue;
      if (k == cap) {
        size_t *nl = arena_alloc(c->arena, sizeof(size_t) * cap * 2);
        if (nl == NULL) { c->line_starts = NULL; break; }
        memcpy(nl, c->line_starts, sizeof(size_t) * cap);
        c->line_starts = nl;
        cap *= 2;
      }
      c->line_starts[k++] = i + 1;
    }
    c->nlines = (int)k;
  }
  if (c->line_starts && c->u->loc.lineno >= 1 && c->u->loc.lineno <= c->nlines) {
    size_t a = c->line_starts[c->u->loc.lineno - 1], b = a;
    while (b < c->srclen && c->src[b] != '\n' && c->src[b] != '\r') b++;
    if (a < c->srclen) {
      text = c->src + a;
      len = (int)(b - a);
    }
  }
  if (text) {
    while (len > 0 && (*text == ' ' || *text == '\t' || *text == '\014')) { text++; len--; }
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t')) len--;
    fprintf(err, "  %.*s\n", len, text);
  }
  fflush(err);
  return 0;
}

static int nomem(Compiler *c) {
  if (!c->failed) vm_raise_nomem(c->vm);
  c->failed = true;
  return -1;
}

/* ------------------------------------------------------------------ */
/* Emitting                                                           */
/* ------------------------------------------------------------------ */

static int addop_line(Compiler *c, int op, int arg, int line) {
  Unit *u = c->u;
  Instr *in;
  if (c->failed) return -1;
  if (u->ninstrs == u->capinstrs) {
    int ncap = u->capinstrs ? u->capinstrs * 2 : 64;
    Instr *ni = arena_alloc(c->arena, sizeof(Instr) * (size_t)ncap);
    if (ni == NULL) return nomem(c);
    if (u->ninstrs) memcpy(ni, u->instrs, sizeof(Instr) * (size_t)u->ninstrs);
    u->instrs = ni;
    u->capinstrs = ncap;
  }
  in = &u->instrs[u->ninstrs++];
  in->op = op;
  in->arg = arg;
  in->line = line;
  /* the range of the node being compiled, as CPython's i_loc */
  if (line > 0 && line == u->loc.lineno) in->pos = u->loc;
  else in->pos = (Pos){line > 0 ? line : 0, -1, line > 0 ? line : 0, -1};
  return 0;
}

static int addop_i(Compiler *c, int op, int arg) {
  return addop_line(c, op, arg, c->u->loc.lineno > 0 ? c->u->loc.lineno : -1);
}

static int addop(Compiler *c, int op) { return addop_i(c, op, 0); }

/* An artificial instruction: no line of its own. */
static int addop_noline(Compiler *c, int op, int arg) { return addop_line(c, op, arg, -1); }

static int new_label(Compiler *c) {
  Unit *u = c->u;
  if (u->nlabels == u->caplabels) {
    int ncap = u->caplabels ? u->caplabels * 2 : 16;
    int *nl = arena_alloc(c->arena, sizeof(int) * (size_t)ncap);
    if (nl == NULL) { nomem(c); return 0; }
    if (u->nlabels) memcpy(nl, u->labels, sizeof(int) * (size_t)u->nlabels);
    u->labels = nl;
    u->caplabels = ncap;
  }
  u->labels[u->nlabels] = -1;
  return u->nlabels++;
}

static void use_label(Compiler *c, int label) {
  if (c->failed) return;
  c->u->labels[label] = c->u->ninstrs;
}

static int addop_jump(Compiler *c, int op, int label) { return addop_i(c, op, label); }

/* ------------------------------------------------------------------ */
/* Constants and names                                                */
/* ------------------------------------------------------------------ */

static int add_const_keyed(Compiler *c, Obj *obj, const char *key, size_t keylen) {
  Unit *u = c->u;
  int i;
  if (obj == NULL) { c->failed = true; return -1; }
  if (key) {
    for (i = 0; i < u->nconsts; i++)
      if (u->consts[i].key && u->consts[i].keylen == keylen &&
          memcmp(u->consts[i].key, key, keylen) == 0) {
        decref(c->vm, obj);
        return i;
      }
  }
  if (u->nconsts == u->capconsts) {
    int ncap = u->capconsts ? u->capconsts * 2 : 16;
    ConstEntry *nc = arena_alloc(c->arena, sizeof(ConstEntry) * (size_t)ncap);
    if (nc == NULL) { decref(c->vm, obj); return nomem(c); }
    if (u->nconsts) memcpy(nc, u->consts, sizeof(ConstEntry) * (size_t)u->nconsts);
    u->consts = nc;
    u->capconsts = ncap;
  }
  if (key) {
    char *k = arena_alloc(c->arena, keylen + 1);
    if (k == NULL) { decref(c->vm, obj); return nomem(c); }
    memcpy(k, key, keylen);
    key = k;
  }
  u->consts[u->nconsts].key = key;
  u->consts[u->nconsts].keylen = keylen;
  u->consts[u->nconsts].obj = obj;
  return u->nconsts++;
}

/* A new reference to the value of constant K. */
static Obj *const_value(Compiler *c, const Const *k) {
  VM *vm = c->vm;
  Obj *o = NULL;
  switch (k->kind) {
  case CONST_NONE: return incref(None);
  case CONST_TRUE: return incref(True_);
  case CONST_FALSE: return incref(False_);
  case CONST_ELLIPSIS: return incref(Ellipsis);
  case CONST_INT: o = int_from_str(vm, k->s, k->n, 0); break;
  case CONST_FLOAT: o = float_new(vm, k->d); break;
  case CONST_STR: o = str_new(vm, k->s, k->n); break;
  case CONST_BYTES: o = bytes_new(vm, k->s, k->n); break;
  case CONST_COMPLEX: not_supported(c, "complex numbers"); return incref(None);
  }
  if (o == NULL) c->failed = true;
  return o;
}

/* The dedupe key of any constant object (folded results): type tag and
** value, recursively for tuples and frozensets, as _PyCode_ConstantKey. */
static bool obj_key(Compiler *c, Obj *o, char **buf, size_t *len, size_t *cap) {
  const char *data = NULL;
  char tag, tmp[32];
  size_t n = 0;
  Obj *r = NULL;
  ssize i;
  if (o == None) { tag = 'N'; }
  else if (o == True_) { tag = 'T'; }
  else if (o == False_) { tag = 'F'; }
  else if (o == Ellipsis) { tag = 'E'; }
  else if (o->type == &Int_Type) {
    r = obj_repr(c->vm, o);
    if (r == NULL) { c->failed = true; return false; }
    tag = 'i'; data = STR_UTF8(r); n = (size_t)STR_NBYTES(r);
  } else if (o->type == &Float_Type) {
    double d = FLOAT_VAL(o);
    memcpy(tmp, &d, sizeof d);
    tag = 'f'; data = tmp; n = sizeof d;
  } else if (o->type == &Str_Type) {
    tag = 's'; data = STR_UTF8(o); n = (size_t)STR_NBYTES(o);
  } else if (o->type == &Bytes_Type) {
    tag = 'b'; data = ((BytesObj *)o)->data; n = (size_t)((BytesObj *)o)->size;
  } else if (o->type == &Tuple_Type) {
    tag = '(';
  } else {
    return false;                 /* never merged */
  }
  /* tag, length, data */
  while (*len + n + 24 > *cap) {
    size_t ncap = *cap ? *cap * 2 : 128;
    char *nb = arena_alloc(c->arena, ncap);
    if (nb == NULL) { xdecref(c->vm, r); nomem(c); return false; }
    if (*len) memcpy(nb, *buf, *len);
    *buf = nb;
    *cap = ncap;
  }
  (*buf)[(*len)++] = tag;
  *len += (size_t)snprintf(*buf + *len, 20, "%zu:", n);
  if (n) memcpy(*buf + *len, data, n);
  *len += n;
  xdecref(c->vm, r);
  if (o->type == &Tuple_Type) {
    for (i = 0; i < TUPLE_SIZE(o); i++)
      if (!obj_key(c, TUPLE_GET(o, i), buf, len, cap)) return false;
    if (*len + 1 > *cap && !obj_key(c, None, buf, len, cap)) return false;
    (*buf)[(*len)++] = ')';
  }
  return true;
}

/* Add a constant object (steals O), merged with an equal one. */
static int add_const_obj(Compiler *c, Obj *o) {
  char *key = NULL;
  size_t len = 0, cap = 0;
  if (o == NULL) { c->failed = true; return -1; }
  if (!obj_key(c, o, &key, &len, &cap)) {
    if (c->failed) { decref(c->vm, o); return -1; }
    return add_const_keyed(c, o, NULL, 0);
  }
  return add_const_keyed(c, o, key, len);
}

static int add_const(Compiler *c, const Const *k) {
  Obj *o;
  char *key;
  size_t keylen;
  static const Const none_const = {CONST_NONE, NULL, 0, 0, false};
  if (c->failed) return -1;
  if (k->kind == CONST_COMPLEX) {
    not_supported(c, "complex numbers");
    k = &none_const;
  }
  (void)key;
  (void)keylen;
  o = const_value(c, k);
  if (o == NULL) return -1;
  return add_const_obj(c, o);
}

static int add_const_none(Compiler *c) {
  Const k = {CONST_NONE, NULL, 0, 0, false};
  return add_const(c, &k);
}

static int add_const_str(Compiler *c, const char *s) {
  Const k = {CONST_STR, s, strlen(s), 0, false};
  return add_const(c, &k);
}

static int add_const_int(Compiler *c, long v) {
  char buf[32];
  Const k = {CONST_INT, buf, 0, 0, false};
  k.n = (size_t)snprintf(buf, sizeof buf, "%ld", v);
  return add_const(c, &k);
}

/* A tuple of N str constants (kwnames, import fromlists). */
static int add_const_str_tuple(Compiler *c, const char *const *strs, int n) {
  Obj *t;
  size_t keylen = 1;
  char *key, *p;
  int i;
  if (c->failed) return -1;
  for (i = 0; i < n; i++) keylen += strlen(strs[i]) + 1;
  key = arena_alloc(c->arena, keylen);
  if (key == NULL) return nomem(c);
  p = key;
  *p++ = 'u';
  for (i = 0; i < n; i++) {
    size_t l = strlen(strs[i]);
    memcpy(p, strs[i], l);
    p += l;
    *p++ = 0;
  }
  t = tuple_new(c->vm, n);
  if (t == NULL) { c->failed = true; return -1; }
  for (i = 0; i < n; i++) {
    Obj *s = str_from_cstr(c->vm, strs[i]);
    if (s == NULL) {
      int j;
      for (j = i; j < n; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(c->vm, t);
      c->failed = true;
      return -1;
    }
    TUPLE_ITEMS(t)[i] = s;
  }
  return add_const_keyed(c, t, key, keylen);
}

/* A tuple of constant expressions (BUILD_CONST_KEY_MAP keys). */
static int add_const_expr_tuple(Compiler *c, Expr **elts, int n) {
  Obj *t;
  int i;
  if (c->failed) return -1;
  t = tuple_new(c->vm, n);
  if (t == NULL) { c->failed = true; return -1; }
  for (i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = NULL;
  for (i = 0; i < n; i++) {
    Obj *v = const_value(c, &elts[i]->v.Constant.c);
    if (v == NULL) {
      int j;
      for (j = i; j < n; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(c->vm, t);
      return -1;
    }
    TUPLE_ITEMS(t)[i] = v;
  }
  return add_const_keyed(c, t, NULL, 0);
}

static int vec_index(Compiler *c, PtrVec *v, const char *name, bool add) {
  int i;
  for (i = 0; i < v->n; i++)
    if (v->items[i] == name) return i;
  if (!add) return -1;
  if (ptrvec_push(c->arena, v, (void *)name) < 0) return nomem(c);
  return v->n - 1;
}

static const char *intern(Compiler *c, const char *s) {
  const char *r = intern_cstr(c->names, s);
  if (r == NULL) nomem(c);
  return r;
}

static const char *mangle(Compiler *c, const char *name) {
  const char *r = symtable_mangle(c->names, c->u->priv, name);
  if (r == NULL) nomem(c);
  return r;
}

static int addop_name(Compiler *c, int op, const char *name) {
  int i;
  name = mangle(c, name);
  if (name == NULL) return -1;
  i = vec_index(c, &c->u->names, name, true);
  if (i < 0) return -1;
  return addop_i(c, op, i);
}

/* Like addop_name but without mangling (attribute names of imports...). */
static int addop_name_raw(Compiler *c, int op, const char *name) {
  int i = vec_index(c, &c->u->names, name, true);
  if (i < 0) return -1;
  return addop_i(c, op, i);
}

static int addop_load_const(Compiler *c, const Const *k) {
  int i = add_const(c, k);
  if (i < 0) return -1;
  return addop_i(c, OP_LOAD_CONST, i);
}

static int load_none(Compiler *c) {
  int i = add_const_none(c);
  if (i < 0) return -1;
  return addop_i(c, OP_LOAD_CONST, i);
}

/* ------------------------------------------------------------------ */
/* Units                                                              */
/* ------------------------------------------------------------------ */

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int enter_scope(Compiler *c, const char *name, int kind, const void *key,
                       int lineno) {
  Unit *u = arena_alloc(c->arena, sizeof *u);
  Scope *ste;
  int i;
  if (u == NULL) return nomem(c);
  ste = key ? symtable_lookup_scope(c->st, key) : c->st->top;
  if (ste == NULL) {
    vm_raise(c->vm, &Exc_RuntimeError, "compiler: no symbol table for %s", name);
    c->failed = true;
    return -1;
  }
  u->parent = c->u;
  u->ste = ste;
  u->kind = kind;
  u->name = name;
  u->firstlineno = lineno;
  u->priv = c->u ? c->u->priv : NULL;
  if (kind == U_CLASS) u->priv = name;
  /* parameters first in co_varnames */
  for (i = 0; i < ste->varnames.n; i++)
    if (ptrvec_push(c->arena, &u->varnames, ste->varnames.items[i]) < 0) return nomem(c);
  /* cell and free variables, sorted by name (CPython's dictbytype) */
  for (i = 0; i < ste->nsyms; i++) {
    Symbol *s = &ste->syms[i];
    if (s->scope == SC_CELL && ptrvec_push(c->arena, &u->cellvars, (void *)s->name) < 0)
      return nomem(c);
    if ((s->scope == SC_FREE || (s->flags & DEF_FREE_CLASS)) &&
        ptrvec_push(c->arena, &u->freevars, (void *)s->name) < 0)
      return nomem(c);
  }
  if (kind == U_CLASS && ste->needs_class_closure) {
    const char *cls = intern(c, "__class__");
    if (cls == NULL || ptrvec_push(c->arena, &u->cellvars, (void *)cls) < 0) return nomem(c);
  }
  if (u->cellvars.n > 1)
    qsort(u->cellvars.items, (size_t)u->cellvars.n, sizeof(void *), cmp_names);
  if (u->freevars.n > 1)
    qsort(u->freevars.items, (size_t)u->freevars.n, sizeof(void *), cmp_names);
  /* qualname (compiler_set_qualname) */
  if (c->u == NULL || c->u->kind == U_MODULE) {
    u->qualname = name;
  } else {
    Unit *p = c->u;
    bool force_global = false;
    char buf[1024];
    if (kind == U_FUNCTION || kind == U_CLASS) {
      const char *m = symtable_mangle(c->names, p->priv, name);
      if (m && scope_get(p->ste, m) == SC_GLOBAL_EXPLICIT) force_global = true;
    }
    if (force_global) u->qualname = name;
    else {
      if (p->kind == U_FUNCTION || p->kind == U_LAMBDA)
        snprintf(buf, sizeof buf, "%s.<locals>.%s", p->qualname, name);
      else
        snprintf(buf, sizeof buf, "%s.%s", p->qualname, name);
      u->qualname = intern(c, buf);
      if (u->qualname == NULL) return -1;
    }
  }
  u->loc.lineno = lineno;
  c->u = u;
  return 0;
}

static void release_consts(Compiler *c, Unit *u) {
  int i;
  for (i = 0; i < u->nconsts; i++) xdecref(c->vm, u->consts[i].obj);
  u->nconsts = 0;
}

static void exit_scope(Compiler *c) {
  Unit *u = c->u;
  release_consts(c, u);
  c->u = u->parent;
}

/* Index of NAME among cellvars ++ freevars (deref operand before fix-up). */
static int deref_index(Compiler *c, Unit *u, const char *name) {
  int i = vec_index(c, &u->cellvars, name, false);
  if (i >= 0) return i;
  i = vec_index(c, &u->freevars, name, false);
  if (i >= 0) return u->cellvars.n + i;
  vm_raise(c->vm, &Exc_RuntimeError, "compiler: no cell or free variable '%s' in %s", name,
           u->name);
  c->failed = true;
  return -1;
}

/* ------------------------------------------------------------------ */
/* Frame blocks                                                       */
/* ------------------------------------------------------------------ */

static int push_fblock(Compiler *c, int type, int block, int exit, const void *datum) {
  FBlock *f;
  if (c->u->nfblocks >= CO_MAXBLOCKS)
    return compiler_error(c, "too many statically nested blocks");
  f = &c->u->fblocks[c->u->nfblocks++];
  f->type = type;
  f->block = block;
  f->exit = exit;
  f->datum = datum;
  return 0;
}

static void pop_fblock(Compiler *c) { c->u->nfblocks--; }

static int visit_stmts(Compiler *c, const StmtSeq *s);
static int visit_expr(Compiler *c, Expr *e);
static int compile_yield_from(Compiler *c);
static int nameop(Compiler *c, const char *name, ExprCtx ctx);

/* With [exit] on the stack: exit(None, None, None), the result on the
** stack.  The bound __exit__ sits in CALL's "method" slot and the first
** None in its "self" slot, as CPython 3.11's compiler_call_exit_with_nones. */
static int call_exit_with_nones(Compiler *c) {
  if (load_none(c) < 0 || load_none(c) < 0 || load_none(c) < 0) return -1;
  return addop_i(c, OP_CALL, 2);
}

/* CPython 3.11.2's update_start_location_to_match_attr: an attribute
** spanning lines is located at its name, on its last line (so tracebacks
** point at `.name`, not at the start of the value). */
static void attr_loc(Compiler *c, const Expr *attr) {
  Pos *l = &c->u->loc;
  if (l->lineno == attr->pos.end_lineno) return;
  l->lineno = attr->pos.end_lineno;
  int len = 0;                    /* characters of the name, as PyUnicode */
  for (const char *p = attr->v.Attribute.attr; *p; p++)
    if (((unsigned char)*p & 0xC0) != 0x80) len++;
  if (len <= attr->pos.end_col) {
    l->col = attr->pos.end_col - len;
  } else {
    l->col = -1;
    l->end_col = -1;
  }
  if (l->end_lineno < l->lineno) l->end_lineno = l->lineno;
  if (l->lineno == l->end_lineno && l->end_col < l->col) l->end_col = l->col;
}

static int unwind_fblock(Compiler *c, FBlock *info, bool preserve_tos) {
  switch (info->type) {
  case FB_WHILE_LOOP: case FB_EXCEPTION_HANDLER:
    return 0;
  case FB_FOR_LOOP:
    if (preserve_tos && addop_i(c, OP_SWAP, 2) < 0) return -1;
    return addop(c, OP_POP_TOP);
  case FB_TRY_EXCEPT:
    return addop(c, OP_POP_BLOCK);
  case FB_FINALLY_TRY: {
    Pos saved = c->u->loc;
    if (addop(c, OP_POP_BLOCK) < 0) return -1;
    if (preserve_tos && push_fblock(c, FB_POP_VALUE, 0, 0, NULL) < 0) return -1;
    if (visit_stmts(c, info->datum) < 0) return -1;
    if (preserve_tos) pop_fblock(c);
    c->u->loc = saved;
    c->u->loc.lineno = -1;
    return 0;
  }
  case FB_FINALLY_END:
    if (preserve_tos && addop_i(c, OP_SWAP, 2) < 0) return -1;
    if (addop(c, OP_POP_TOP) < 0) return -1;
    if (preserve_tos && addop_i(c, OP_SWAP, 2) < 0) return -1;
    if (addop(c, OP_POP_BLOCK) < 0) return -1;
    return addop(c, OP_POP_EXCEPT);
  case FB_HANDLER_CLEANUP:
    if (info->datum && addop(c, OP_POP_BLOCK) < 0) return -1;
    if (preserve_tos && addop_i(c, OP_SWAP, 2) < 0) return -1;
    if (addop(c, OP_POP_BLOCK) < 0 || addop(c, OP_POP_EXCEPT) < 0) return -1;
    if (info->datum) {
      if (load_none(c) < 0 || nameop(c, info->datum, CTX_STORE) < 0 ||
          nameop(c, info->datum, CTX_DEL) < 0)
        return -1;
    }
    return 0;
  case FB_POP_VALUE:
    if (preserve_tos && addop_i(c, OP_SWAP, 2) < 0) return -1;
    return addop(c, OP_POP_TOP);
  case FB_WITH: {
    /* leaving a with block by return/break/continue: __exit__(None,
    ** None, None) on the with statement's line, then the unwinding
    ** instruction stays artificial (CPython's UNSET_LOC) */
    Pos saved = c->u->loc;
    c->u->loc = ((const Stmt *)info->datum)->pos;
    if (addop(c, OP_POP_BLOCK) < 0) return -1;
    if (preserve_tos && addop_i(c, OP_SWAP, 2) < 0) return -1;
    if (call_exit_with_nones(c) < 0 || addop(c, OP_POP_TOP) < 0) return -1;
    c->u->loc = saved;
    c->u->loc.lineno = -1;
    return 0;
  }
  }
  return 0;
}

/* Unwind every frame block (or up to the innermost loop when LOOP is
** given, which then receives it). */
static int unwind_fblock_stack(Compiler *c, bool preserve_tos, FBlock **loop) {
  FBlock copy;
  Unit *u = c->u;
  if (u->nfblocks == 0) return 0;
  copy = u->fblocks[u->nfblocks - 1];
  if (loop && (copy.type == FB_WHILE_LOOP || copy.type == FB_FOR_LOOP)) {
    *loop = &u->fblocks[u->nfblocks - 1];
    return 0;
  }
  u->nfblocks--;
  if (unwind_fblock(c, &copy, preserve_tos) < 0) return -1;
  if (unwind_fblock_stack(c, preserve_tos, loop) < 0) return -1;
  u->fblocks[u->nfblocks++] = copy;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Names                                                              */
/* ------------------------------------------------------------------ */

static int nameop(Compiler *c, const char *name, ExprCtx ctx) {
  Unit *u = c->u;
  const char *mangled;
  enum { OP_NAMEKIND_FAST, OP_NAMEKIND_GLOBAL, OP_NAMEKIND_DEREF, OP_NAMEKIND_NAME } kind;
  SymScope scope;
  int arg, op = OP_NOP;
  if (c->failed) return -1;
  if (strcmp(name, "__debug__") == 0) {
    if (ctx == CTX_LOAD) {
      Const k = {CONST_TRUE, NULL, 0, 0, false};
      return addop_load_const(c, &k);
    }
    return compiler_error(c, ctx == CTX_STORE ? "cannot assign to __debug__"
                                              : "cannot delete __debug__");
  }
  mangled = mangle(c, name);
  if (mangled == NULL) return -1;
  scope = scope_get(u->ste, mangled);
  kind = OP_NAMEKIND_NAME;
  switch (scope) {
  case SC_FREE: case SC_CELL: kind = OP_NAMEKIND_DEREF; break;
  case SC_LOCAL: if (u->ste->type == BLOCK_FUNCTION) kind = OP_NAMEKIND_FAST; break;
  case SC_GLOBAL_IMPLICIT: if (u->ste->type == BLOCK_FUNCTION) kind = OP_NAMEKIND_GLOBAL; break;
  case SC_GLOBAL_EXPLICIT: kind = OP_NAMEKIND_GLOBAL; break;
  default: break;
  }
  switch (kind) {
  case OP_NAMEKIND_DEREF:
    arg = deref_index(c, u, mangled);
    if (arg < 0) return -1;
    op = ctx == CTX_LOAD ? (u->ste->type == BLOCK_CLASS ? OP_LOAD_CLASSDEREF : OP_LOAD_DEREF)
         : ctx == CTX_STORE ? OP_STORE_DEREF : OP_DELETE_DEREF;
    return addop_i(c, op, arg);
  case OP_NAMEKIND_FAST:
    arg = vec_index(c, &u->varnames, mangled, true);
    if (arg < 0) return -1;
    op = ctx == CTX_LOAD ? OP_LOAD_FAST : ctx == CTX_STORE ? OP_STORE_FAST : OP_DELETE_FAST;
    return addop_i(c, op, arg);
  case OP_NAMEKIND_GLOBAL:
    op = ctx == CTX_LOAD ? OP_LOAD_GLOBAL : ctx == CTX_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL;
    break;
  case OP_NAMEKIND_NAME:
    op = ctx == CTX_LOAD ? OP_LOAD_NAME : ctx == CTX_STORE ? OP_STORE_NAME : OP_DELETE_NAME;
    break;
  }
  arg = vec_index(c, &u->names, mangled, true);
  if (arg < 0) return -1;
  return addop_i(c, op, arg);
}

/* ------------------------------------------------------------------ */
/* Constant folding (CPython's Python/ast_opt.c)                      */
/* ------------------------------------------------------------------ */

#define MAX_INT_SIZE 128          /* bits */
#define MAX_COLLECTION_SIZE 256   /* items */
#define MAX_STR_SIZE 4096         /* characters */
#define MAX_TOTAL_ITEMS 1024      /* including nested collections */

static Obj *fold(Compiler *c, Expr *e);
static int starunpack_tuple(Compiler *c, const ExprSeq *elts);
static Expr *optimize_format(Compiler *c, Expr *e);
#define SEQ_FROM_VEC(seq, vec) do { (seq).a = (void *)(vec).items; (seq).n = (vec).n; } while (0)

/* A folding operation failed: drop the exception (no folding), as
** make_const does. */
static Obj *fold_result(Compiler *c, Obj *v) {
  if (v == NULL && vm_exc_occurred(c->vm)) vm_exc_clear(c->vm);
  return v;
}

static bool is_int(Obj *o) { return o->type == &Int_Type || o->type == &Bool_Type; }

static int64_t num_bits(Obj *o) { return int_bit_length(o); }

static ssize obj_size(Obj *o) {
  if (o->type == &Tuple_Type) return TUPLE_SIZE(o);
  if (o->type == &Str_Type) return STR_LEN(o);
  if (o->type == &Bytes_Type) return ((BytesObj *)o)->size;
  return -1;
}

/* check_complexity: nested tuple items within LIMIT */
static ssize complexity(Obj *o, ssize limit) {
  ssize i;
  if (o->type != &Tuple_Type) return limit;
  limit -= TUPLE_SIZE(o);
  for (i = 0; limit >= 0 && i < TUPLE_SIZE(o); i++) limit = complexity(TUPLE_GET(o, i), limit);
  return limit;
}

static Obj *safe_multiply(Compiler *c, Obj *v, Obj *w) {
  if (is_int(v) && is_int(w) && int_sign(v) && int_sign(w)) {
    if (num_bits(v) + num_bits(w) > MAX_INT_SIZE) return NULL;
  } else if (is_int(v) && w->type == &Tuple_Type) {
    ssize size = TUPLE_SIZE(w);
    if (size) {
      int64_t n;
      if (int_as_i64(c->vm, v, &n) < 0) return fold_result(c, NULL);
      if (n < 0 || n > MAX_COLLECTION_SIZE / size) return NULL;
      if (n && complexity(w, MAX_TOTAL_ITEMS / n) < 0) return NULL;
    }
  } else if (is_int(v) && (w->type == &Str_Type || w->type == &Bytes_Type)) {
    ssize size = obj_size(w);
    if (size) {
      int64_t n;
      if (int_as_i64(c->vm, v, &n) < 0) return fold_result(c, NULL);
      if (n < 0 || n > MAX_STR_SIZE / size) return NULL;
    }
  } else if (is_int(w) && (v->type == &Tuple_Type || v->type == &Str_Type ||
                           v->type == &Bytes_Type)) {
    return safe_multiply(c, w, v);
  }
  return fold_result(c, obj_binop(c->vm, v, w, BINOP_MUL));
}

static Obj *fold_binop(Compiler *c, Expr *e) {
  Obj *l, *r, *v = NULL;
  int op = e->v.BinOp.op;
  if (op == BINOP_MATMUL) return NULL;
  if ((l = fold(c, e->v.BinOp.left)) == NULL) return NULL;
  if ((r = fold(c, e->v.BinOp.right)) == NULL) { decref(c->vm, l); return NULL; }
  switch (op) {
  case BINOP_MUL:
    v = safe_multiply(c, l, r);
    break;
  case BINOP_POW:
    if (is_int(l) && is_int(r) && int_sign(l) && int_sign(r) > 0) {
      int64_t wbits;
      if (int_as_i64(c->vm, r, &wbits) < 0) { vm_exc_clear(c->vm); break; }
      if (num_bits(l) > MAX_INT_SIZE / wbits) break;
    }
    v = fold_result(c, obj_binop(c->vm, l, r, BINOP_POW));
    break;
  case BINOP_LSHIFT:
    if (is_int(l) && is_int(r) && int_sign(l) && int_sign(r)) {
      int64_t wbits;
      if (int_sign(r) < 0) { v = fold_result(c, obj_binop(c->vm, l, r, op)); break; }
      if (int_as_i64(c->vm, r, &wbits) < 0) { vm_exc_clear(c->vm); break; }
      if (wbits > MAX_INT_SIZE || num_bits(l) > MAX_INT_SIZE - wbits) break;
    }
    v = fold_result(c, obj_binop(c->vm, l, r, BINOP_LSHIFT));
    break;
  case BINOP_MOD:
    if (l->type == &Str_Type || l->type == &Bytes_Type) break;
    v = fold_result(c, obj_binop(c->vm, l, r, BINOP_MOD));
    break;
  default:
    v = fold_result(c, obj_binop(c->vm, l, r, (BinOp)op));
    break;
  }
  decref(c->vm, l);
  decref(c->vm, r);
  return v;
}

/* A new tuple of the folded values of ELTS, or NULL. */
static Obj *fold_tuple_of(Compiler *c, ExprSeq *elts) {
  Obj *t;
  int i;
  for (i = 0; i < elts->n; i++)
    if (elts->a[i]->kind == E_Starred) return NULL;
  t = tuple_new(c->vm, elts->n);
  if (t == NULL) return fold_result(c, NULL);
  for (i = 0; i < elts->n; i++) TUPLE_ITEMS(t)[i] = NULL;
  for (i = 0; i < elts->n; i++) {
    Obj *v = fold(c, elts->a[i]);
    if (v == NULL) {
      int j;
      for (j = i; j < elts->n; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(c->vm, t);
      return NULL;
    }
    TUPLE_ITEMS(t)[i] = v;
  }
  return t;
}

/* The constant E folds to (a new reference), or NULL: no exception. */
static Obj *fold(Compiler *c, Expr *e) {
  Obj *v, *w;
  if (c->failed) return NULL;
  switch (e->kind) {
  case E_Constant:
    if (e->v.Constant.c.kind == CONST_COMPLEX) return NULL;
    return fold_result(c, const_value(c, &e->v.Constant.c));
  case E_UnaryOp:
    if ((v = fold(c, e->v.UnaryOp.operand)) == NULL) return NULL;
    switch (e->v.UnaryOp.op) {
    case UOP_NOT: w = obj_not(c->vm, v); break;
    case UOP_USUB: w = obj_neg(c->vm, v); break;
    case UOP_UADD: w = obj_pos(c->vm, v); break;
    default: w = obj_invert(c->vm, v); break;
    }
    decref(c->vm, v);
    return fold_result(c, w);
  case E_BinOp:
    return fold_binop(c, e);
  case E_Tuple:
    if (e->v.List.ctx != CTX_LOAD) return NULL;
    return fold_tuple_of(c, &e->v.List.elts);
  case E_Subscript:
    if (e->v.Subscript.ctx != CTX_LOAD) return NULL;
    if ((v = fold(c, e->v.Subscript.value)) == NULL) return NULL;
    if ((w = fold(c, e->v.Subscript.slice)) == NULL) { decref(c->vm, v); return NULL; }
    {
      Obj *r = obj_getitem(c->vm, v, w);
      decref(c->vm, v);
      decref(c->vm, w);
      return fold_result(c, r);
    }
  case E_Name:
    if (e->v.Name.ctx == CTX_LOAD && strcmp(e->v.Name.id, "__debug__") == 0)
      return incref(True_);
    return NULL;
  default:
    return NULL;
  }
}

/* Emit E folded to a constant when CPython's optimizer would; 1 when done,
** 0 when E must be compiled, -1 on error. */
static int try_fold(Compiler *c, Expr *e) {
  Obj *v;
  int k;
  switch (e->kind) {
  case E_UnaryOp: case E_BinOp: case E_Subscript: break;
  case E_Tuple: if (e->v.List.ctx == CTX_LOAD) break; return 0;
  default: return 0;
  }
  if (e->kind == E_Subscript && e->v.Subscript.ctx != CTX_LOAD) return 0;
  v = fold(c, e);
  if (c->failed) { xdecref(c->vm, v); return -1; }
  if (v == NULL) return 0;
  k = add_const_obj(c, v);
  if (k < 0) return -1;
  return addop_i(c, OP_LOAD_CONST, k) < 0 ? -1 : 1;
}

/* fold_iter: a literal list iterated over (for, comprehensions, `in`) is a
** tuple, constant when it can be; a literal set of constants a frozenset. */
static int visit_iter(Compiler *c, Expr *e) {
  if (e->kind == E_List && e->v.List.ctx == CTX_LOAD) {
    int i;
    Obj *t;
    for (i = 0; i < e->v.List.elts.n; i++)
      if (e->v.List.elts.a[i]->kind == E_Starred) return visit_expr(c, e);
    t = fold_tuple_of(c, &e->v.List.elts);
    if (c->failed) { xdecref(c->vm, t); return -1; }
    if (t) {
      Pos saved = c->u->loc;
      int k;
      c->u->loc = e->pos;
      k = add_const_obj(c, t);
      if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
      c->u->loc = saved;
      return 0;
    }
    {
      Pos saved = c->u->loc;
      int r;
      c->u->loc = e->pos;
      r = starunpack_tuple(c, &e->v.List.elts);
      c->u->loc = saved;
      return r;
    }
  }
  if (e->kind == E_Set) {
    Obj *t = fold_tuple_of(c, &e->v.Set.elts), *fs;
    if (c->failed) { xdecref(c->vm, t); return -1; }
    if (t) {
      Pos saved = c->u->loc;
      int k;
      fs = frozenset_new(c->vm, t);
      decref(c->vm, t);
      if (fs == NULL) { vm_exc_clear(c->vm); return visit_expr(c, e); }
      c->u->loc = e->pos;
      k = add_const_keyed(c, fs, NULL, 0);
      if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
      c->u->loc = saved;
      return 0;
    }
  }
  return visit_expr(c, e);
}

/* ------------------------------------------------------------------ */
/* Expressions                                                        */
/* ------------------------------------------------------------------ */

static int visit_exprs(Compiler *c, const ExprSeq *s) {
  int i;
  for (i = 0; i < s->n; i++)
    if (visit_expr(c, s->a[i]) < 0) return -1;
  return 0;
}

static int cmpop_arg(CmpOpKind k, int *op) {
  switch (k) {
  case CMPK_EQ: *op = OP_COMPARE_OP; return CMP_EQ;
  case CMPK_NOTEQ: *op = OP_COMPARE_OP; return CMP_NE;
  case CMPK_LT: *op = OP_COMPARE_OP; return CMP_LT;
  case CMPK_LTE: *op = OP_COMPARE_OP; return CMP_LE;
  case CMPK_GT: *op = OP_COMPARE_OP; return CMP_GT;
  case CMPK_GTE: *op = OP_COMPARE_OP; return CMP_GE;
  case CMPK_IS: *op = OP_IS_OP; return 0;
  case CMPK_ISNOT: *op = OP_IS_OP; return 1;
  case CMPK_IN: *op = OP_CONTAINS_OP; return 0;
  case CMPK_NOTIN: *op = OP_CONTAINS_OP; return 1;
  }
  *op = OP_COMPARE_OP;
  return CMP_EQ;
}

static int addop_compare(Compiler *c, CmpOpKind k) {
  int op, arg = cmpop_arg(k, &op);
  return addop_i(c, op, arg);
}

static int check_compare(Compiler *c, const Expr *e);
static int visit_iter(Compiler *c, Expr *e);

/* Comparator I of E; the last one of `in` / `not in` is folded as an
** iterable (fold_compare). */
static int visit_comparator(Compiler *c, Expr *e, int i) {
  Expr *x = e->v.Compare.comparators.a[i];
  if (i == e->v.Compare.nops - 1 &&
      (e->v.Compare.ops[i] == CMPK_IN || e->v.Compare.ops[i] == CMPK_NOTIN))
    return visit_iter(c, x);
  return visit_expr(c, x);
}

/* compiler_jump_if: jump to NEXT when E's truth equals COND. */
static int jump_if(Compiler *c, Expr *e, int next, bool cond) {
  switch (e->kind) {
  case E_UnaryOp:
    if (e->v.UnaryOp.op == UOP_NOT) return jump_if(c, e->v.UnaryOp.operand, next, !cond);
    break;
  case E_BoolOp: {
    ExprSeq *s = &e->v.BoolOp.values;
    int i, n = s->n - 1, next2 = next;
    bool cond2 = e->v.BoolOp.op == BOOL_OR;
    if (cond2 != cond) next2 = new_label(c);
    for (i = 0; i < n; i++)
      if (jump_if(c, s->a[i], next2, cond2) < 0) return -1;
    if (jump_if(c, s->a[n], next, cond) < 0) return -1;
    if (next2 != next) use_label(c, next2);
    return c->failed ? -1 : 0;
  }
  case E_IfExp: {
    int end = new_label(c), next2 = new_label(c);
    if (jump_if(c, e->v.IfExp.test, next2, false) < 0) return -1;
    if (jump_if(c, e->v.IfExp.body, next, cond) < 0) return -1;
    if (addop_noline(c, OP_JUMP, end) < 0) return -1;
    use_label(c, next2);
    if (jump_if(c, e->v.IfExp.orelse, next, cond) < 0) return -1;
    use_label(c, end);
    return 0;
  }
  case E_Compare: {
    int i, n = e->v.Compare.nops - 1;
    /* CPython 3.11 sets the location to the comparison and leaves it
    ** there: the jump and what follows in the statement (an assert's
    ** raise) carry the comparison's range */
    c->u->loc = e->pos;
    if (n > 0) {
      int cleanup = new_label(c), end;
      if (check_compare(c, e) < 0) return -1;
      if (visit_expr(c, e->v.Compare.left) < 0) return -1;
      for (i = 0; i < n; i++) {
        if (visit_expr(c, e->v.Compare.comparators.a[i]) < 0 || addop_i(c, OP_SWAP, 2) < 0 ||
            addop_i(c, OP_COPY, 2) < 0 || addop_compare(c, e->v.Compare.ops[i]) < 0 ||
            addop_jump(c, OP_POP_JUMP_IF_FALSE, cleanup) < 0)
          return -1;
      }
      if (visit_comparator(c, e, n) < 0 ||
          addop_compare(c, e->v.Compare.ops[n]) < 0 ||
          addop_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next) < 0)
        return -1;
      end = new_label(c);
      if (addop_noline(c, OP_JUMP, end) < 0) return -1;
      use_label(c, cleanup);
      if (addop(c, OP_POP_TOP) < 0) return -1;
      if (!cond && addop_noline(c, OP_JUMP, next) < 0) return -1;
      use_label(c, end);
      return 0;
    }
    break;
  }
  default:
    break;
  }
  if (visit_expr(c, e) < 0) return -1;
  return addop_jump(c, cond ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, next);
}

/* The frozenset constant of the tuple ITEMS (stolen), as CPython 3.11 leaves
** it: PyFrozenSet_New(items), then rebuilt by merge_consts_recursive from a
** tuple of its own iteration order -- which decides the order a set display
** iterates in.  New reference, or NULL with c->failed. */
static Obj *const_frozenset(Compiler *c, Obj *items) {
  VM *vm = c->vm;
  ssize n = TUPLE_SIZE(items), k = 0;
  Obj *fs = frozenset_new(vm, items), *it = NULL, *v, *order, *r = NULL;
  Obj **buf = arena_alloc(c->arena, sizeof(Obj *) * (size_t)(n ? n : 1));
  decref(vm, items);
  if (fs == NULL || buf == NULL || (it = obj_iter(vm, fs)) == NULL) goto done;
  while (k < n && (v = obj_iternext(vm, it)) != NULL) buf[k++] = v;
  if (!vm_exc_occurred(vm) && (order = tuple_from_array(vm, buf, k)) != NULL) {
    r = frozenset_new(vm, order);
    decref(vm, order);
  }
  while (k > 0) decref(vm, buf[--k]);
done:
  xdecref(vm, it);
  xdecref(vm, fs);
  if (r == NULL) {
    if (!vm_exc_occurred(vm)) vm_raise_nomem(vm);
    c->failed = true;
  }
  return r;
}

/* starunpack_helper: build a list/set/tuple from ELTS, PUSHED items already
** on the stack. */
static int starunpack(Compiler *c, const ExprSeq *elts, int pushed, int build, int add,
                      int extend, bool tuple) {
  int i, n = elts->n;
  bool big = n + pushed > STACK_USE_GUIDELINE, seen_star = false, built = false;
  if (n > 2) {
    /* every item a constant (after folding): one tuple or frozenset
    ** constant, as CPython 3.11 -- BUILD_SET 0; LOAD_CONST frozenset(..);
    ** SET_UPDATE 1 (so a set display iterates in CPython's order) */
    Obj *folded = fold_tuple_of(c, (ExprSeq *)elts);
    if (c->failed) { xdecref(c->vm, folded); return -1; }
    if (folded) {
      int k;
      if (tuple && !pushed) {
        if ((k = add_const_obj(c, folded)) < 0) return -1;
        return addop_i(c, OP_LOAD_CONST, k);
      }
      if (add == OP_SET_ADD && (folded = const_frozenset(c, folded)) == NULL) return -1;
      if (addop_i(c, build, pushed) < 0) { decref(c->vm, folded); return -1; }
      if ((k = add_const_obj(c, folded)) < 0) return -1;
      if (addop_i(c, OP_LOAD_CONST, k) < 0 || addop_i(c, extend, 1) < 0) return -1;
      return tuple ? addop(c, OP_LIST_TO_TUPLE) : 0;
    }
  }
  for (i = 0; i < n; i++)
    if (elts->a[i]->kind == E_Starred) seen_star = true;
  if (!seen_star && !big) {
    if (visit_exprs(c, elts) < 0) return -1;
    return addop_i(c, tuple ? OP_BUILD_TUPLE : build, n + pushed);
  }
  if (big) {
    if (addop_i(c, build, pushed) < 0) return -1;
    built = true;
  }
  for (i = 0; i < n; i++) {
    Expr *elt = elts->a[i];
    if (elt->kind == E_Starred) {
      if (!built) {
        if (addop_i(c, build, i + pushed) < 0) return -1;
        built = true;
      }
      if (visit_expr(c, elt->v.Starred.value) < 0 || addop_i(c, extend, 1) < 0) return -1;
    } else {
      if (visit_expr(c, elt) < 0) return -1;
      if (built && addop_i(c, add, 1) < 0) return -1;
    }
  }
  if (tuple) return addop(c, OP_LIST_TO_TUPLE);
  return 0;
}

/* CPython 3.11's optimize_format: "fmt" % (a, b) with only %s %r %a units
** (flags, width <= 2 digits, precision) becomes an f-string. */
static Expr *new_str_const(Compiler *c, const char *s, size_t n) {
  Expr *k = arena_alloc(c->arena, sizeof *k);
  char *copy = arena_alloc(c->arena, n + 1);
  if (k == NULL || copy == NULL) { nomem(c); return NULL; }
  memcpy(copy, s, n);
  copy[n] = 0;
  k->kind = E_Constant;
  k->pos.lineno = k->pos.end_lineno = -1;
  k->pos.col = k->pos.end_col = -1;
  k->v.Constant.c.kind = CONST_STR;
  k->v.Constant.c.s = copy;
  k->v.Constant.c.n = n;
  return k;
}

static Expr *optimize_format(Compiler *c, Expr *e) {
  Expr *rhs = e->v.BinOp.right, *res;
  Obj *fmtobj, *t;
  const char *fmt;
  size_t len, pos = 0;
  int cnt = 0, i;
  PtrVec seq = {0};
  if (rhs->kind != E_Tuple) return NULL;
  for (i = 0; i < rhs->v.List.elts.n; i++)
    if (rhs->v.List.elts.a[i]->kind == E_Starred) return NULL;
  /* a tuple of constants is folded first, and then nothing applies */
  t = fold_tuple_of(c, &rhs->v.List.elts);
  if (t) { decref(c->vm, t); return NULL; }
  if (c->failed) return NULL;
  fmtobj = fold(c, e->v.BinOp.left);
  if (fmtobj == NULL) return NULL;
  if (fmtobj->type != &Str_Type) { decref(c->vm, fmtobj); return NULL; }
  fmt = STR_UTF8(fmtobj);
  len = (size_t)STR_NBYTES(fmtobj);
  for (;;) {
    /* literal up to the next single '%', with %% unescaped */
    size_t start = pos;
    bool percents = false;
    while (pos < len) {
      if (fmt[pos] != '%') pos++;
      else if (pos + 1 < len && fmt[pos + 1] == '%') { percents = true; pos += 2; }
      else break;
    }
    if (pos > start) {
      char *lit = arena_alloc(c->arena, pos - start + 1);
      size_t j, m = 0;
      Expr *k;
      if (lit == NULL) { nomem(c); goto fail; }
      for (j = start; j < pos; j++) {
        lit[m++] = fmt[j];
        if (percents && fmt[j] == '%') j++;
      }
      if ((k = new_str_const(c, lit, m)) == NULL || ptrvec_push(c->arena, &seq, k) < 0) {
        nomem(c);
        goto fail;
      }
    }
    if (pos >= len) break;
    if (cnt >= rhs->v.List.elts.n) goto fail;     /* more units than items */
    pos++;                                          /* the '%' */
    {
      int flags = 0, width = -1, prec = -1, spec, digits;
      char buf[16], *b = buf;
      Expr *fv, *spec_e = NULL, *arg = rhs->v.List.elts.a[cnt++];
      int ch;
#define NEXTC do { if (pos >= len) goto fail; ch = (unsigned char)fmt[pos++]; } while (0)
      for (;;) {
        NEXTC;
        if (ch == '-') { flags |= 1; continue; }
        if (ch == '+' || ch == ' ' || ch == '#' || ch == '0') { flags |= 2; continue; }
        break;
      }
      if (ch >= '0' && ch <= '9') {
        width = 0;
        digits = 0;
        while (ch >= '0' && ch <= '9') {
          width = width * 10 + (ch - '0');
          NEXTC;
          if (++digits >= 3) goto fail;
        }
      }
      if (ch == '.') {
        NEXTC;
        prec = 0;
        digits = 0;
        while (ch >= '0' && ch <= '9') {
          prec = prec * 10 + (ch - '0');
          NEXTC;
          if (++digits >= 3) goto fail;
        }
      }
#undef NEXTC
      spec = ch;
      if (spec != 's' && spec != 'r' && spec != 'a') goto fail;
      if (!(flags & 1) && width > 0) *b++ = '>';
      if (width >= 0) b += snprintf(b, 4, "%d", width);
      if (prec >= 0) b += snprintf(b, 5, ".%d", prec);
      if (b != buf && (spec_e = new_str_const(c, buf, (size_t)(b - buf))) == NULL) goto fail;
      fv = arena_alloc(c->arena, sizeof *fv);
      if (fv == NULL) { nomem(c); goto fail; }
      fv->kind = E_FormattedValue;
      fv->pos = arg->pos;
      fv->v.FormattedValue.value = arg;
      fv->v.FormattedValue.conversion = spec;
      /* CPython passes the spec as a plain constant */
      fv->v.FormattedValue.format_spec = spec_e;
      if (ptrvec_push(c->arena, &seq, fv) < 0) { nomem(c); goto fail; }
    }
  }
  if (cnt < rhs->v.List.elts.n) goto fail;          /* more items than units */
  decref(c->vm, fmtobj);
  res = arena_alloc(c->arena, sizeof *res);
  if (res == NULL) { nomem(c); return NULL; }
  res->kind = E_JoinedStr;
  res->pos = e->pos;
  SEQ_FROM_VEC(res->v.JoinedStr.values, seq);
  return res;
fail:
  decref(c->vm, fmtobj);
  return NULL;
}

static int starunpack_tuple(Compiler *c, const ExprSeq *elts) {
  return starunpack(c, elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true);
}

/* unpack_helper + assignment_helper */
static int assignment_helper(Compiler *c, const ExprSeq *elts) {
  int i, n = elts->n;
  bool seen_star = false;
  for (i = 0; i < n; i++) {
    Expr *elt = elts->a[i];
    if (elt->kind == E_Starred && !seen_star) {
      if (i >= (1 << 8) || n - i - 1 >= (0x7fffffff >> 8))
        return compiler_error(c, "too many expressions in star-unpacking assignment");
      if (addop_i(c, OP_UNPACK_EX, i + ((n - i - 1) << 8)) < 0) return -1;
      seen_star = true;
    } else if (elt->kind == E_Starred) {
      return compiler_error(c, "multiple starred expressions in assignment");
    }
  }
  if (!seen_star && addop_i(c, OP_UNPACK_SEQUENCE, n) < 0) return -1;
  for (i = 0; i < n; i++) {
    Expr *elt = elts->a[i];
    if (visit_expr(c, elt->kind != E_Starred ? elt : elt->v.Starred.value) < 0) return -1;
  }
  return 0;
}

static bool all_const(ExprSeq *s, int begin, int end) {
  int i;
  for (i = begin; i < end; i++)
    if (s->a[i] == NULL || s->a[i]->kind != E_Constant ||
        s->a[i]->v.Constant.c.kind == CONST_COMPLEX)
      return false;
  return true;
}

/* compiler_subdict: keys/values [begin, end) of dict E */
static int subdict(Compiler *c, Expr *e, int begin, int end) {
  int i, n = end - begin, k;
  bool big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big && all_const(&e->v.Dict.keys, begin, end)) {
    for (i = begin; i < end; i++)
      if (visit_expr(c, e->v.Dict.values.a[i]) < 0) return -1;
    k = add_const_expr_tuple(c, e->v.Dict.keys.a + begin, n);
    if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
    return addop_i(c, OP_BUILD_CONST_KEY_MAP, n);
  }
  if (big && addop_i(c, OP_BUILD_MAP, 0) < 0) return -1;
  for (i = begin; i < end; i++) {
    if (visit_expr(c, e->v.Dict.keys.a[i]) < 0 || visit_expr(c, e->v.Dict.values.a[i]) < 0)
      return -1;
    if (big && addop_i(c, OP_MAP_ADD, 1) < 0) return -1;
  }
  if (!big) return addop_i(c, OP_BUILD_MAP, n);
  return 0;
}

static int compile_dict(Compiler *c, Expr *e) {
  int i, n = e->v.Dict.values.n, elements = 0;
  bool have_dict = false;
  for (i = 0; i < n; i++) {
    if (e->v.Dict.keys.a[i] == NULL) {
      if (elements) {
        if (subdict(c, e, i - elements, i) < 0) return -1;
        if (have_dict && addop_i(c, OP_DICT_UPDATE, 1) < 0) return -1;
        have_dict = true;
        elements = 0;
      }
      if (!have_dict) {
        if (addop_i(c, OP_BUILD_MAP, 0) < 0) return -1;
        have_dict = true;
      }
      if (visit_expr(c, e->v.Dict.values.a[i]) < 0 || addop_i(c, OP_DICT_UPDATE, 1) < 0)
        return -1;
    } else if (elements * 2 > STACK_USE_GUIDELINE) {
      if (subdict(c, e, i - elements, i + 1) < 0) return -1;
      if (have_dict && addop_i(c, OP_DICT_UPDATE, 1) < 0) return -1;
      have_dict = true;
      elements = 0;
    } else {
      elements++;
    }
  }
  if (elements) {
    if (subdict(c, e, n - elements, n) < 0) return -1;
    if (have_dict && addop_i(c, OP_DICT_UPDATE, 1) < 0) return -1;
    have_dict = true;
  }
  if (!have_dict) return addop_i(c, OP_BUILD_MAP, 0);
  return 0;
}

/* What CPython's AST optimizer would fold into a constant: 0 no, 1 None /
** True / False / Ellipsis, 2 another literal (numbers, strings, tuples of
** constants, -N). */
static int folded_const(const Expr *e) {
  int i;
  switch (e->kind) {
  case E_Constant:
    switch (e->v.Constant.c.kind) {
    case CONST_NONE: case CONST_TRUE: case CONST_FALSE: case CONST_ELLIPSIS: return 1;
    default: return 2;
    }
  case E_UnaryOp: {
    int k = folded_const(e->v.UnaryOp.operand);
    if (k == 0) return 0;
    if (e->v.UnaryOp.op == UOP_NOT) return 1;
    if (k == 2 && e->v.UnaryOp.operand->kind == E_Constant) {
      ConstKind ck = e->v.UnaryOp.operand->v.Constant.c.kind;
      if (ck == CONST_INT || ck == CONST_FLOAT || ck == CONST_COMPLEX)
        return e->v.UnaryOp.op == UOP_INVERT && ck != CONST_INT ? 0 : 2;
    }
    return 0;
  }
  case E_Tuple:
    for (i = 0; i < e->v.List.elts.n; i++)
      if (folded_const(e->v.List.elts.a[i]) == 0) return 0;
    return 2;
  default:
    return 0;
  }
}

/* infer_type: the type name of an expression whose type is known at
** compile time, or NULL. */
static const char *infer_type(const Expr *e) {
  switch (e->kind) {
  case E_Tuple: return "tuple";
  case E_List: case E_ListComp: return "list";
  case E_Dict: case E_DictComp: return "dict";
  case E_Set: case E_SetComp: return "set";
  case E_GeneratorExp: return "generator";
  case E_Lambda: return "function";
  case E_JoinedStr: case E_FormattedValue: return "str";
  case E_Slice: return "slice";
  case E_Constant:
    switch (e->v.Constant.c.kind) {
    case CONST_NONE: return "NoneType";
    case CONST_TRUE: case CONST_FALSE: return "bool";
    case CONST_ELLIPSIS: return "ellipsis";
    case CONST_INT: return "int";
    case CONST_FLOAT: return "float";
    case CONST_COMPLEX: return "complex";
    case CONST_STR: return "str";
    case CONST_BYTES: return "bytes";
    }
    return NULL;
  default:
    return NULL;
  }
}

/* check_compare: "is" with a literal */
static int check_compare(Compiler *c, const Expr *e) {
  int i, n = e->v.Compare.nops;
  bool left = folded_const(e->v.Compare.left) != 2;
  for (i = 0; i < n; i++) {
    CmpOpKind op = e->v.Compare.ops[i];
    bool right = folded_const(e->v.Compare.comparators.a[i]) != 2;
    if ((op == CMPK_IS || op == CMPK_ISNOT) && (!right || !left))
      return compiler_warn(c, op == CMPK_IS ? "\"is\" with a literal. Did you mean \"==\"?"
                                            : "\"is not\" with a literal. Did you mean \"!=\"?");
    left = right;
  }
  return 0;
}

static int compile_compare(Compiler *c, Expr *e) {
  int i, n = e->v.Compare.nops - 1;
  if (check_compare(c, e) < 0) return -1;
  if (visit_expr(c, e->v.Compare.left) < 0) return -1;
  if (n == 0) {
    if (visit_comparator(c, e, 0) < 0) return -1;
    return addop_compare(c, e->v.Compare.ops[0]);
  }
  {
    int cleanup = new_label(c), end;
    for (i = 0; i < n; i++) {
      if (visit_expr(c, e->v.Compare.comparators.a[i]) < 0 || addop_i(c, OP_SWAP, 2) < 0 ||
          addop_i(c, OP_COPY, 2) < 0 || addop_compare(c, e->v.Compare.ops[i]) < 0 ||
          addop_jump(c, OP_JUMP_IF_FALSE_OR_POP, cleanup) < 0)
        return -1;
    }
    if (visit_comparator(c, e, n) < 0 ||
        addop_compare(c, e->v.Compare.ops[n]) < 0)
      return -1;
    end = new_label(c);
    if (addop_noline(c, OP_JUMP, end) < 0) return -1;
    use_label(c, cleanup);
    if (addop_i(c, OP_SWAP, 2) < 0 || addop(c, OP_POP_TOP) < 0) return -1;
    use_label(c, end);
  }
  return 0;
}

/* validate_keywords */
static int validate_keywords(Compiler *c, KeywordSeq *kws) {
  int i, j;
  for (i = 0; i < kws->n; i++) {
    Keyword *k = kws->a[i];
    if (k->arg == NULL) continue;
    if (strcmp(k->arg, "__debug__") == 0) {
      c->u->loc = k->pos;
      return compiler_error(c, "cannot assign to __debug__");
    }
    for (j = i + 1; j < kws->n; j++) {
      Keyword *o = kws->a[j];
      if (o->arg && o->arg == k->arg) {
        c->u->loc = o->pos;
        return compiler_error(c, "keyword argument repeated: %s", k->arg);
      }
    }
  }
  return 0;
}

/* KW_NAMES for keywords [begin, end) */
static int kw_names(Compiler *c, KeywordSeq *kws, int begin, int end) {
  const char *tmp[64];
  const char **names = tmp;
  int i, k, n = end - begin;
  if (n > 64) {
    names = arena_alloc(c->arena, sizeof(char *) * (size_t)n);
    if (names == NULL) return nomem(c);
  }
  for (i = 0; i < n; i++) names[i] = kws->a[begin + i]->arg;
  k = add_const_str_tuple(c, names, n);
  if (k < 0) return -1;
  return addop_i(c, OP_KW_NAMES, k);
}

static int subkwargs(Compiler *c, KeywordSeq *kws, int begin, int end) {
  int i, n = end - begin;
  bool big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    const char *tmp[STACK_USE_GUIDELINE];
    int k;
    for (i = begin; i < end; i++)
      if (visit_expr(c, kws->a[i]->value) < 0) return -1;
    for (i = 0; i < n; i++) tmp[i] = kws->a[begin + i]->arg;
    k = add_const_str_tuple(c, tmp, n);
    if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
    return addop_i(c, OP_BUILD_CONST_KEY_MAP, n);
  }
  if (big && addop_noline(c, OP_BUILD_MAP, 0) < 0) return -1;
  for (i = begin; i < end; i++) {
    int k = add_const_str(c, kws->a[i]->arg);
    if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
    if (visit_expr(c, kws->a[i]->value) < 0) return -1;
    if (big && addop_noline(c, OP_MAP_ADD, 1) < 0) return -1;
  }
  if (!big) return addop_i(c, OP_BUILD_MAP, n);
  return 0;
}

/* compiler_call_helper: N items (self/method) already pushed. */
static int call_helper(Compiler *c, int n, ExprSeq *args, KeywordSeq *kws) {
  int i, nelts = args->n, nkw = kws->n;
  if (validate_keywords(c, kws) < 0) return -1;
  if (nelts + nkw * 2 > STACK_USE_GUIDELINE) goto ex_call;
  for (i = 0; i < nelts; i++)
    if (args->a[i]->kind == E_Starred) goto ex_call;
  for (i = 0; i < nkw; i++)
    if (kws->a[i]->arg == NULL) goto ex_call;
  if (visit_exprs(c, args) < 0) return -1;
  if (nkw) {
    for (i = 0; i < nkw; i++)
      if (visit_expr(c, kws->a[i]->value) < 0) return -1;
    if (kw_names(c, kws, 0, nkw) < 0) return -1;
  }
  return addop_i(c, OP_CALL, n + nelts + nkw);

ex_call:
  if (n == 0 && nelts == 1 && args->a[0]->kind == E_Starred) {
    if (visit_expr(c, args->a[0]->v.Starred.value) < 0) return -1;
  } else if (starunpack(c, args, n, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND, true) < 0) {
    return -1;
  }
  if (nkw) {
    bool have_dict = false;
    int nseen = 0;
    for (i = 0; i < nkw; i++) {
      Keyword *kw = kws->a[i];
      if (kw->arg == NULL) {
        if (nseen) {
          if (subkwargs(c, kws, i - nseen, i) < 0) return -1;
          if (have_dict && addop_i(c, OP_DICT_MERGE, 1) < 0) return -1;
          have_dict = true;
          nseen = 0;
        }
        if (!have_dict) {
          if (addop_i(c, OP_BUILD_MAP, 0) < 0) return -1;
          have_dict = true;
        }
        if (visit_expr(c, kw->value) < 0 || addop_i(c, OP_DICT_MERGE, 1) < 0) return -1;
      } else {
        nseen++;
      }
    }
    if (nseen) {
      if (subkwargs(c, kws, nkw - nseen, nkw) < 0) return -1;
      if (have_dict && addop_i(c, OP_DICT_MERGE, 1) < 0) return -1;
    }
  }
  return addop_i(c, OP_CALL_FUNCTION_EX, nkw > 0);
}

/* Is E a name bound by a module-level import?  (is_import_originated) */
static bool is_import_originated(Compiler *c, Expr *e) {
  Symbol *s;
  if (e->kind != E_Name) return false;
  s = scope_lookup(c->st->top, e->v.Name.id);
  return s && (s->flags & DEF_IMPORT);
}

static int compile_call(Compiler *c, Expr *e) {
  Expr *meth = e->v.Call.func;
  ExprSeq *args = &e->v.Call.args;
  KeywordSeq *kws = &e->v.Call.keywords;
  int i;
  /* maybe_optimize_method_call */
  if (meth->kind == E_Attribute && meth->v.Attribute.ctx == CTX_LOAD &&
      !is_import_originated(c, meth->v.Attribute.value) &&
      args->n + kws->n + (kws->n != 0) < STACK_USE_GUIDELINE) {
    bool ok = true;
    for (i = 0; i < args->n; i++) if (args->a[i]->kind == E_Starred) ok = false;
    for (i = 0; i < kws->n; i++) if (kws->a[i]->arg == NULL) ok = false;
    if (ok) {
      Pos saved = c->u->loc;
      if (validate_keywords(c, kws) < 0) return -1;
      if (visit_expr(c, meth->v.Attribute.value) < 0) return -1;
      /* LOAD_METHOD and KW_NAMES at the attribute, CALL at the call, both
      ** moved to the attribute's name when it spans lines (3.11.2) */
      c->u->loc = meth->pos;
      attr_loc(c, meth);
      if (addop_name(c, OP_LOAD_METHOD, meth->v.Attribute.attr) < 0) return -1;
      if (visit_exprs(c, args) < 0) return -1;
      if (kws->n) {
        for (i = 0; i < kws->n; i++)
          if (visit_expr(c, kws->a[i]->value) < 0) return -1;
        if (kw_names(c, kws, 0, kws->n) < 0) return -1;
      }
      c->u->loc = e->pos;
      attr_loc(c, meth);
      if (addop_i(c, OP_CALL, args->n + kws->n) < 0) return -1;
      c->u->loc = saved;
      return 0;
    }
  }
  /* check_caller */
  switch (meth->kind) {
  case E_Constant: case E_Tuple: case E_List: case E_ListComp: case E_Dict: case E_DictComp:
  case E_Set: case E_SetComp: case E_GeneratorExp: case E_JoinedStr: case E_FormattedValue:
    if (compiler_warn(c, "'%s' object is not callable; perhaps you missed a comma?",
                      folded_const(meth) == 2 && meth->kind == E_Tuple ? "tuple"
                      : infer_type(meth)) < 0)
      return -1;
    break;
  default:
    break;
  }
  {
    Pos saved = c->u->loc;
    c->u->loc = meth->pos;
    if (addop(c, OP_PUSH_NULL) < 0) return -1;
    c->u->loc = saved;
  }
  if (visit_expr(c, meth) < 0) return -1;
  return call_helper(c, 0, args, kws);
}

static int compile_slice(Compiler *c, Expr *s) {
  int n = 2;
  if (s->v.Slice.lower) { if (visit_expr(c, s->v.Slice.lower) < 0) return -1; }
  else if (load_none(c) < 0) return -1;
  if (s->v.Slice.upper) { if (visit_expr(c, s->v.Slice.upper) < 0) return -1; }
  else if (load_none(c) < 0) return -1;
  if (s->v.Slice.step) {
    n++;
    if (visit_expr(c, s->v.Slice.step) < 0) return -1;
  }
  return addop_i(c, OP_BUILD_SLICE, n);
}

static int compile_boolop(Compiler *c, Expr *e) {
  int i, n = e->v.BoolOp.values.n - 1, end = new_label(c);
  int op = e->v.BoolOp.op == BOOL_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP;
  for (i = 0; i < n; i++)
    if (visit_expr(c, e->v.BoolOp.values.a[i]) < 0 || addop_jump(c, op, end) < 0) return -1;
  if (visit_expr(c, e->v.BoolOp.values.a[n]) < 0) return -1;
  use_label(c, end);
  return 0;
}

static int compile_ifexp(Compiler *c, Expr *e) {
  int end = new_label(c), next = new_label(c);
  if (jump_if(c, e->v.IfExp.test, next, false) < 0) return -1;
  if (visit_expr(c, e->v.IfExp.body) < 0) return -1;
  if (addop_noline(c, OP_JUMP, end) < 0) return -1;
  use_label(c, next);
  if (visit_expr(c, e->v.IfExp.orelse) < 0) return -1;
  use_label(c, end);
  return 0;
}

static int compile_lambda(Compiler *c, Expr *e);
static int compile_comprehension(Compiler *c, Expr *e);

/* check_subscripter + check_index */
static int check_subscript(Compiler *c, const Expr *e) {
  const Expr *v = e->v.Subscript.value, *s = e->v.Subscript.slice;
  const char *index_type;
  switch (v->kind) {
  case E_Constant: {
    ConstKind k = v->v.Constant.c.kind;
    if (!(k == CONST_NONE || k == CONST_ELLIPSIS || k == CONST_INT || k == CONST_FLOAT ||
          k == CONST_COMPLEX || k == CONST_TRUE || k == CONST_FALSE))
      break;
  }
    /* fall through */
  case E_Set: case E_SetComp: case E_GeneratorExp: case E_Lambda:
    return compiler_warn(c, "'%s' object is not subscriptable; perhaps you missed a comma?",
                         infer_type(v));
  default:
    break;
  }
  index_type = infer_type(s);
  if (index_type == NULL || strcmp(index_type, "int") == 0 || strcmp(index_type, "bool") == 0 ||
      strcmp(index_type, "slice") == 0)
    return 0;
  switch (v->kind) {
  case E_Constant: {
    ConstKind k = v->v.Constant.c.kind;
    if (!(k == CONST_STR || k == CONST_BYTES)) return 0;
  }
    /* fall through */
  case E_Tuple: case E_List: case E_ListComp: case E_JoinedStr: case E_FormattedValue:
    return compiler_warn(c, "%s indices must be integers or slices, not %s; "
                            "perhaps you missed a comma?", infer_type(v), index_type);
  default:
    return 0;
  }
}

static int visit_expr1(Compiler *c, Expr *e) {
  int i;
  switch (e->kind) {
  case E_NamedExpr:
    if (visit_expr(c, e->v.NamedExpr.value) < 0 || addop_i(c, OP_COPY, 1) < 0) return -1;
    return visit_expr(c, e->v.NamedExpr.target);
  case E_BoolOp:
    return compile_boolop(c, e);
  case E_BinOp: {
    Expr *js;
    if (e->v.BinOp.op == BINOP_MOD && (js = optimize_format(c, e)) != NULL)
      return visit_expr(c, js);
    if (c->failed) return -1;
    if (visit_expr(c, e->v.BinOp.left) < 0 || visit_expr(c, e->v.BinOp.right) < 0) return -1;
    return addop_i(c, OP_BINARY_OP, e->v.BinOp.op);
  }
  case E_UnaryOp: {
    static const int ops[] = {OP_UNARY_INVERT, OP_UNARY_NOT, OP_UNARY_POSITIVE,
                              OP_UNARY_NEGATIVE};
    if (visit_expr(c, e->v.UnaryOp.operand) < 0) return -1;
    return addop(c, ops[e->v.UnaryOp.op]);
  }
  case E_Lambda:
    return compile_lambda(c, e);
  case E_IfExp:
    return compile_ifexp(c, e);
  case E_Dict:
    return compile_dict(c, e);
  case E_Set:
    return starunpack(c, &e->v.Set.elts, 0, OP_BUILD_SET, OP_SET_ADD, OP_SET_UPDATE, false);
  case E_ListComp: case E_SetComp: case E_DictComp: case E_GeneratorExp:
    return compile_comprehension(c, e);
  case E_Yield: case E_YieldFrom:
    if (c->u->ste->type != BLOCK_FUNCTION) return compiler_error(c, "'yield' outside function");
    if (e->kind == E_YieldFrom && c->u->is_async)
      return compiler_error(c, "'yield from' inside async function");
    if (c->u->is_async) not_supported(c, "asynchronous generators");
    if (e->kind == E_Yield) {
      if ((e->v.Yield.value ? visit_expr(c, e->v.Yield.value) : load_none(c)) < 0) return -1;
      return addop(c, OP_YIELD_VALUE);
    }
    if (visit_expr(c, e->v.YieldFrom.value) < 0 || addop(c, OP_GET_YIELD_FROM_ITER) < 0 ||
        load_none(c) < 0)
      return -1;
    return compile_yield_from(c);
  case E_Await:
    if (c->u->ste->type != BLOCK_FUNCTION) return compiler_error(c, "'await' outside function");
    if (!c->u->is_async && c->u->kind != U_COMPREHENSION)
      return compiler_error(c, "'await' outside async function");
    not_supported(c, "await expressions");
    return visit_expr(c, e->v.Await.value);
  case E_Compare:
    return compile_compare(c, e);
  case E_Call:
    return compile_call(c, e);
  case E_Constant:
    return addop_load_const(c, &e->v.Constant.c);
  case E_JoinedStr:
    if (e->v.JoinedStr.values.n > STACK_USE_GUIDELINE) {
      int k = add_const_str(c, "");
      if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
      if (addop_name_raw(c, OP_LOAD_METHOD, intern(c, "join")) < 0) return -1;
      if (addop_i(c, OP_BUILD_LIST, 0) < 0) return -1;
      for (i = 0; i < e->v.JoinedStr.values.n; i++)
        if (visit_expr(c, e->v.JoinedStr.values.a[i]) < 0 ||
            addop_i(c, OP_LIST_APPEND, 1) < 0)
          return -1;
      return addop_i(c, OP_CALL, 1);
    }
    if (visit_exprs(c, &e->v.JoinedStr.values) < 0) return -1;
    if (e->v.JoinedStr.values.n != 1)
      return addop_i(c, OP_BUILD_STRING, e->v.JoinedStr.values.n);
    return 0;
  case E_FormattedValue: {
    int oparg;
    if (visit_expr(c, e->v.FormattedValue.value) < 0) return -1;
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
    }
    if (e->v.FormattedValue.format_spec) {
      if (visit_expr(c, e->v.FormattedValue.format_spec) < 0) return -1;
      oparg |= 4;
    }
    return addop_i(c, OP_FORMAT_VALUE, oparg);
  }
  case E_Attribute:
    if (visit_expr(c, e->v.Attribute.value) < 0) return -1;
    attr_loc(c, e);               /* visit_expr restores the location */
    if (e->v.Attribute.ctx == CTX_LOAD)
      return addop_name(c, OP_LOAD_ATTR, e->v.Attribute.attr);
    if (e->v.Attribute.ctx == CTX_STORE) {
      if (strcmp(e->v.Attribute.attr, "__debug__") == 0)
        return compiler_error(c, "cannot assign to __debug__");
      return addop_name(c, OP_STORE_ATTR, e->v.Attribute.attr);
    }
    return addop_name(c, OP_DELETE_ATTR, e->v.Attribute.attr);
  case E_Subscript:
    if (e->v.Subscript.ctx == CTX_LOAD && check_subscript(c, e) < 0) return -1;
    if (visit_expr(c, e->v.Subscript.value) < 0 || visit_expr(c, e->v.Subscript.slice) < 0)
      return -1;
    return addop(c, e->v.Subscript.ctx == CTX_LOAD ? OP_BINARY_SUBSCR
                    : e->v.Subscript.ctx == CTX_STORE ? OP_STORE_SUBSCR : OP_DELETE_SUBSCR);
  case E_Starred:
    if (e->v.Starred.ctx == CTX_STORE)
      return compiler_error(c, "starred assignment target must be in a list or tuple");
    return compiler_error(c, "can't use starred expression here");
  case E_Slice:
    return compile_slice(c, e);
  case E_Name:
    return nameop(c, e->v.Name.id, e->v.Name.ctx);
  case E_List:
    if (e->v.List.ctx == CTX_STORE) return assignment_helper(c, &e->v.List.elts);
    if (e->v.List.ctx == CTX_DEL) return visit_exprs(c, &e->v.List.elts);
    return starunpack(c, &e->v.List.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND,
                      false);
  case E_Tuple:
    if (e->v.List.ctx == CTX_STORE) return assignment_helper(c, &e->v.List.elts);
    if (e->v.List.ctx == CTX_DEL) return visit_exprs(c, &e->v.List.elts);
    return starunpack(c, &e->v.List.elts, 0, OP_BUILD_LIST, OP_LIST_APPEND, OP_LIST_EXTEND,
                      true);
  default:
    return not_supported(c, "these expressions");
  }
}

static int visit_expr(Compiler *c, Expr *e) {
  Pos saved;
  int r;
  if (c->failed) return -1;
  if (++c->depth > 3000) {
    vm_raise(c->vm, &Exc_RecursionError, "maximum recursion depth exceeded during compilation");
    c->failed = true;
    c->depth--;
    return -1;
  }
  saved = c->u->loc;
  c->u->loc = e->pos;
  r = try_fold(c, e);
  if (r == 0) r = visit_expr1(c, e);
  else if (r > 0) r = 0;
  c->u->loc = saved;
  c->depth--;
  return r;
}

/* ------------------------------------------------------------------ */
/* Functions, lambdas, comprehensions                                 */
/* ------------------------------------------------------------------ */

static Obj *assemble(Compiler *c, bool is_function);

/* compiler_make_closure: CODE (new ref, consumed) with FLAGS. */
static int make_closure(Compiler *c, Obj *code, int flags) {
  CodeObj *co = (CodeObj *)code;
  int i, k;
  if (co->nfreevars) {
    for (i = 0; i < co->nfreevars; i++) {
      Obj *name = TUPLE_GET(co->freevars, i);
      const char *cname = intern(c, STR_UTF8(name));
      int arg;
      if (cname == NULL) { decref(c->vm, code); return -1; }
      arg = deref_index(c, c->u, cname);
      if (arg < 0 || addop_i(c, OP_LOAD_CLOSURE, arg) < 0) { decref(c->vm, code); return -1; }
    }
    flags |= 8;
    if (addop_i(c, OP_BUILD_TUPLE, co->nfreevars) < 0) { decref(c->vm, code); return -1; }
  }
  k = add_const_keyed(c, code, NULL, 0);
  if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
  return addop_i(c, OP_MAKE_FUNCTION, flags);
}

/* Defaults and keyword-only defaults: returns the MAKE_FUNCTION flags. */
static int default_arguments(Compiler *c, Arguments *a) {
  int flags = 0, i, n = 0;
  if (a->defaults.n > 0) {
    if (visit_exprs(c, &a->defaults) < 0 || addop_i(c, OP_BUILD_TUPLE, a->defaults.n) < 0)
      return -1;
    flags |= 1;
  }
  for (i = 0; i < a->kwonlyargs.n; i++)
    if (a->kw_defaults.a[i]) n++;
  if (n > 0) {
    const char **keys = arena_alloc(c->arena, sizeof(char *) * (size_t)n);
    int j = 0, k;
    if (keys == NULL) return nomem(c);
    for (i = 0; i < a->kwonlyargs.n; i++) {
      if (!a->kw_defaults.a[i]) continue;
      keys[j] = mangle(c, a->kwonlyargs.a[i]->arg);
      if (keys[j] == NULL) return -1;
      j++;
      if (visit_expr(c, a->kw_defaults.a[i]) < 0) return -1;
    }
    k = add_const_str_tuple(c, keys, n);
    if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0 || addop_i(c, OP_BUILD_CONST_KEY_MAP, n) < 0)
      return -1;
    flags |= 2;
  }
  return flags;
}

static int ann_arg(Compiler *c, const char *name, Expr *ann, int *n) {
  int k;
  if (ann == NULL) return 0;
  name = mangle(c, name);
  if (name == NULL) return -1;
  k = add_const_str(c, name);
  if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
  if (visit_expr(c, ann) < 0) return -1;
  *n += 2;
  return 0;
}

/* compiler_visit_annotations: returns 1 when a tuple was pushed. */
static int visit_annotations(Compiler *c, Arguments *a, Expr *returns) {
  int i, n = 0;
  for (i = 0; i < a->args.n; i++)
    if (ann_arg(c, a->args.a[i]->arg, a->args.a[i]->annotation, &n) < 0) return -1;
  if (a->vararg && ann_arg(c, a->vararg->arg, a->vararg->annotation, &n) < 0) return -1;
  for (i = 0; i < a->kwonlyargs.n; i++)
    if (ann_arg(c, a->kwonlyargs.a[i]->arg, a->kwonlyargs.a[i]->annotation, &n) < 0) return -1;
  if (a->kwarg && ann_arg(c, a->kwarg->arg, a->kwarg->annotation, &n) < 0) return -1;
  for (i = 0; i < a->posonlyargs.n; i++)
    if (ann_arg(c, a->posonlyargs.a[i]->arg, a->posonlyargs.a[i]->annotation, &n) < 0)
      return -1;
  if (returns && ann_arg(c, intern(c, "return"), returns, &n) < 0) return -1;
  if (n) {
    if (addop_i(c, OP_BUILD_TUPLE, n) < 0) return -1;
    return 1;
  }
  return 0;
}

static const Const *docstring_of(const StmtSeq *body) {
  Stmt *s;
  if (body->n == 0) return NULL;
  s = body->a[0];
  if (s->kind != S_Expr || s->v.Expr.value->kind != E_Constant ||
      s->v.Expr.value->v.Constant.c.kind != CONST_STR)
    return NULL;
  return &s->v.Expr.value->v.Constant.c;
}

static int set_arg_counts(Unit *u, Arguments *a) {
  u->argcount = a->posonlyargs.n + a->args.n;
  u->posonlyargcount = a->posonlyargs.n;
  u->kwonlyargcount = a->kwonlyargs.n;
  return 0;
}

static int compile_function(Compiler *c, Stmt *s) {
  Arguments *a = s->v.FunctionDef.args;
  ExprSeq *decos = &s->v.FunctionDef.decorator_list;
  const StmtSeq *body = &s->v.FunctionDef.body;
  const Const *doc;
  int flags, ann, firstlineno = s->pos.lineno, i;
  Obj *co;
  if (s->kind == S_AsyncFunctionDef) not_supported(c, "async functions");
  if (visit_exprs(c, decos) < 0) return -1;
  if (decos->n) firstlineno = decos->a[0]->pos.lineno;
  if ((flags = default_arguments(c, a)) < 0) return -1;
  if ((ann = visit_annotations(c, a, s->v.FunctionDef.returns)) < 0) return -1;
  if (ann) flags |= 4;
  if (enter_scope(c, s->v.FunctionDef.name, U_FUNCTION, s, firstlineno) < 0) return -1;
  c->u->is_async = s->kind == S_AsyncFunctionDef;
  doc = docstring_of(body);
  if ((doc ? add_const(c, doc) : add_const_none(c)) < 0) { exit_scope(c); return -1; }
  set_arg_counts(c->u, a);
  {
    StmtSeq rest;
    rest.a = body->a + (doc ? 1 : 0);
    rest.n = body->n - (doc ? 1 : 0);
    if (visit_stmts(c, &rest) < 0) { exit_scope(c); return -1; }
  }
  co = assemble(c, true);
  exit_scope(c);
  if (co == NULL) return -1;
  c->u->loc = s->pos;
  if (make_closure(c, co, flags) < 0) return -1;
  for (i = 0; i < decos->n; i++)
    if (addop_i(c, OP_CALL, 0) < 0) return -1;
  return nameop(c, s->v.FunctionDef.name, CTX_STORE);
}

static int compile_lambda(Compiler *c, Expr *e) {
  Arguments *a = e->v.Lambda.args;
  int flags;
  Obj *co;
  if ((flags = default_arguments(c, a)) < 0) return -1;
  if (enter_scope(c, intern(c, "<lambda>"), U_LAMBDA, e, e->pos.lineno) < 0) return -1;
  if (add_const_none(c) < 0) { exit_scope(c); return -1; }
  set_arg_counts(c->u, a);
  c->u->loc = e->pos;
  if (visit_expr(c, e->v.Lambda.body) < 0 || addop(c, OP_RETURN_VALUE) < 0) {
    exit_scope(c);
    return -1;
  }
  co = assemble(c, true);
  exit_scope(c);
  if (co == NULL) return -1;
  return make_closure(c, co, flags);
}

/* `yield from`, after GET_YIELD_FROM_ITER and the first value (None):
** SEND to the receiver until it returns; each value it yields is yielded
** on (gen.c finds the receiver of a suspended frame by this shape). */
static int compile_yield_from(Compiler *c) {
  int start = new_label(c), exit = new_label(c);
  use_label(c, start);
  if (addop_jump(c, OP_SEND, exit) < 0 || addop(c, OP_YIELD_VALUE) < 0 ||
      addop_jump(c, OP_JUMP, start) < 0)
    return -1;
  use_label(c, exit);
  return 0;
}

/* compiler_sync_comprehension_generator */
static int comprehension_generator(Compiler *c, ComprehensionSeq *gens, int gen_index,
                                   int depth, Expr *elt, Expr *val, ExprKind type) {
  Comprehension *gen = gens->a[gen_index];
  int start = new_label(c), if_cleanup = new_label(c), anchor = new_label(c), i;
  bool have_start = true;
  if (gen->is_async) not_supported(c, "asynchronous comprehensions");
  if (gen_index == 0) {
    c->u->argcount = 1;
    if (addop_i(c, OP_LOAD_FAST, 0) < 0) return -1;
  } else {
    ExprSeq *elts = NULL;
    if (gen->iter->kind == E_List || gen->iter->kind == E_Tuple) elts = &gen->iter->v.List.elts;
    if (elts && elts->n == 1 && elts->a[0]->kind != E_Starred) {
      if (visit_expr(c, elts->a[0]) < 0) return -1;
      have_start = false;
    }
    if (have_start) {
      if (visit_iter(c, gen->iter) < 0 || addop(c, OP_GET_ITER) < 0) return -1;
    }
  }
  if (have_start) {
    depth++;
    use_label(c, start);
    if (addop_jump(c, OP_FOR_ITER, anchor) < 0) return -1;
  }
  if (visit_expr(c, gen->target) < 0) return -1;
  for (i = 0; i < gen->ifs.n; i++)
    if (jump_if(c, gen->ifs.a[i], if_cleanup, false) < 0) return -1;
  if (++gen_index < gens->n) {
    if (comprehension_generator(c, gens, gen_index, depth, elt, val, type) < 0) return -1;
  } else {
    switch (type) {
    case E_ListComp:
      if (visit_expr(c, elt) < 0 || addop_i(c, OP_LIST_APPEND, depth + 1) < 0) return -1;
      break;
    case E_SetComp:
      if (visit_expr(c, elt) < 0 || addop_i(c, OP_SET_ADD, depth + 1) < 0) return -1;
      break;
    case E_GeneratorExp:
      if (visit_expr(c, elt) < 0 || addop(c, OP_YIELD_VALUE) < 0 || addop(c, OP_POP_TOP) < 0)
        return -1;
      break;
    default:
      if (visit_expr(c, elt) < 0 || visit_expr(c, val) < 0 ||
          addop_i(c, OP_MAP_ADD, depth + 1) < 0)
        return -1;
      break;
    }
  }
  use_label(c, if_cleanup);
  if (have_start) {
    if (addop_jump(c, OP_JUMP, start) < 0) return -1;
    use_label(c, anchor);
  }
  return 0;
}

static int compile_comprehension(Compiler *c, Expr *e) {
  ComprehensionSeq *gens = e->kind == E_DictComp ? &e->v.DictComp.generators
                                                 : &e->v.ListComp.generators;
  Expr *elt = e->kind == E_DictComp ? e->v.DictComp.key : e->v.ListComp.elt;
  Expr *val = e->kind == E_DictComp ? e->v.DictComp.value : NULL;
  const char *name = e->kind == E_ListComp ? "<listcomp>" : e->kind == E_SetComp ? "<setcomp>"
                     : e->kind == E_GeneratorExp ? "<genexpr>" : "<dictcomp>";
  Comprehension *outermost = gens->a[0];
  Obj *co;
  bool outer_ok = c->u->is_async || c->u->kind == U_COMPREHENSION;
  if (enter_scope(c, intern(c, name), U_COMPREHENSION, e, e->pos.lineno) < 0) return -1;
  c->u->loc = e->pos;
  if (c->u->ste->coroutine) {
    if (!outer_ok) {
      compiler_error(c, "asynchronous comprehension outside of an asynchronous function");
      exit_scope(c);
      return -1;
    }
    not_supported(c, "asynchronous comprehensions");
  }
  if (e->kind == E_GeneratorExp) {
    /* the implicit "return None" ends it */
    if (comprehension_generator(c, gens, 0, 0, elt, val, e->kind) < 0) {
      exit_scope(c);
      return -1;
    }
  } else if (addop_i(c, e->kind == E_ListComp ? OP_BUILD_LIST : e->kind == E_SetComp ? OP_BUILD_SET
                        : OP_BUILD_MAP, 0) < 0 ||
             comprehension_generator(c, gens, 0, 0, elt, val, e->kind) < 0 ||
             addop(c, OP_RETURN_VALUE) < 0) {
    exit_scope(c);
    return -1;
  }
  co = assemble(c, true);
  exit_scope(c);
  if (co == NULL) return -1;
  if (make_closure(c, co, 0) < 0) return -1;
  if (visit_iter(c, outermost->iter) < 0) return -1;
  if (addop(c, OP_GET_ITER) < 0) return -1;
  return addop_i(c, OP_CALL, 0);
}

/* ------------------------------------------------------------------ */
/* Statements                                                         */
/* ------------------------------------------------------------------ */

static int compile_augassign(Compiler *c, Stmt *s) {
  Expr *e = s->v.AugAssign.target;
  Pos saved = c->u->loc;
  c->u->loc = e->pos;
  switch (e->kind) {
  case E_Attribute: {
    if (visit_expr(c, e->v.Attribute.value) < 0 || addop_i(c, OP_COPY, 1) < 0) return -1;
    attr_loc(c, e);
    if (addop_name(c, OP_LOAD_ATTR, e->v.Attribute.attr) < 0) return -1;
    break;
  }
  case E_Subscript:
    if (visit_expr(c, e->v.Subscript.value) < 0 || visit_expr(c, e->v.Subscript.slice) < 0 ||
        addop_i(c, OP_COPY, 2) < 0 || addop_i(c, OP_COPY, 2) < 0 ||
        addop(c, OP_BINARY_SUBSCR) < 0)
      return -1;
    break;
  case E_Name:
    if (nameop(c, e->v.Name.id, CTX_LOAD) < 0) return -1;
    break;
  default:
    return compiler_error(c, "invalid node type for augmented assignment");
  }
  c->u->loc = saved;
  if (visit_expr(c, s->v.AugAssign.value) < 0) return -1;
  if (addop_i(c, OP_BINARY_OP, BINOP_INPLACE + s->v.AugAssign.op) < 0) return -1;
  c->u->loc = e->pos;
  switch (e->kind) {
  case E_Attribute:
    attr_loc(c, e);
    if (addop_i(c, OP_SWAP, 2) < 0) return -1;
    return addop_name(c, OP_STORE_ATTR, e->v.Attribute.attr);
  case E_Subscript:
    if (addop_i(c, OP_SWAP, 3) < 0 || addop_i(c, OP_SWAP, 2) < 0) return -1;
    return addop(c, OP_STORE_SUBSCR);
  default:
    return nameop(c, e->v.Name.id, CTX_STORE);
  }
}

static int check_ann_expr(Compiler *c, Expr *e) {
  if (visit_expr(c, e) < 0) return -1;
  return addop(c, OP_POP_TOP);
}

static int check_ann_subscr(Compiler *c, Expr *e) {
  int i;
  switch (e->kind) {
  case E_Slice:
    if (e->v.Slice.lower && check_ann_expr(c, e->v.Slice.lower) < 0) return -1;
    if (e->v.Slice.upper && check_ann_expr(c, e->v.Slice.upper) < 0) return -1;
    if (e->v.Slice.step && check_ann_expr(c, e->v.Slice.step) < 0) return -1;
    return 0;
  case E_Tuple:
    for (i = 0; i < e->v.List.elts.n; i++)
      if (check_ann_subscr(c, e->v.List.elts.a[i]) < 0) return -1;
    return 0;
  default:
    return check_ann_expr(c, e);
  }
}

static int compile_annassign(Compiler *c, Stmt *s) {
  Expr *targ = s->v.AnnAssign.target;
  bool module_or_class = c->u->kind == U_MODULE || c->u->kind == U_CLASS;
  if (s->v.AnnAssign.value) {
    if (visit_expr(c, s->v.AnnAssign.value) < 0 || visit_expr(c, targ) < 0) return -1;
  }
  switch (targ->kind) {
  case E_Name:
    if (strcmp(targ->v.Name.id, "__debug__") == 0)
      return compiler_error(c, "cannot assign to __debug__");
    if (s->v.AnnAssign.simple && module_or_class) {
      const char *m;
      int k;
      if (visit_expr(c, s->v.AnnAssign.annotation) < 0) return -1;
      if (addop_name_raw(c, OP_LOAD_NAME, intern(c, "__annotations__")) < 0) return -1;
      m = mangle(c, targ->v.Name.id);
      if (m == NULL) return -1;
      k = add_const_str(c, m);
      if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0 || addop(c, OP_STORE_SUBSCR) < 0) return -1;
    }
    break;
  case E_Attribute:
    if (!s->v.AnnAssign.value && check_ann_expr(c, targ->v.Attribute.value) < 0) return -1;
    break;
  case E_Subscript:
    if (!s->v.AnnAssign.value && (check_ann_expr(c, targ->v.Subscript.value) < 0 ||
                                  check_ann_subscr(c, targ->v.Subscript.slice) < 0))
      return -1;
    break;
  default:
    return compiler_error(c, "invalid node type for annotated assignment");
  }
  if (!s->v.AnnAssign.simple && module_or_class &&
      check_ann_expr(c, s->v.AnnAssign.annotation) < 0)
    return -1;
  return 0;
}

static int compile_if(Compiler *c, Stmt *s) {
  int end = new_label(c), next;
  next = s->v.While.orelse.n ? new_label(c) : end;
  if (jump_if(c, s->v.While.test, next, false) < 0) return -1;
  if (visit_stmts(c, &s->v.While.body) < 0) return -1;
  if (s->v.While.orelse.n) {
    if (addop_noline(c, OP_JUMP, end) < 0) return -1;
    use_label(c, next);
    if (visit_stmts(c, &s->v.While.orelse) < 0) return -1;
  }
  use_label(c, end);
  return 0;
}

static int compile_while(Compiler *c, Stmt *s) {
  int loop = new_label(c), body = new_label(c), anchor = new_label(c), end = new_label(c);
  use_label(c, loop);
  if (push_fblock(c, FB_WHILE_LOOP, loop, end, NULL) < 0) return -1;
  if (jump_if(c, s->v.While.test, anchor, false) < 0) return -1;
  use_label(c, body);
  if (visit_stmts(c, &s->v.While.body) < 0) return -1;
  c->u->loc = s->pos;
  if (jump_if(c, s->v.While.test, body, true) < 0) return -1;
  pop_fblock(c);
  use_label(c, anchor);
  if (visit_stmts(c, &s->v.While.orelse) < 0) return -1;
  use_label(c, end);
  return 0;
}

static int compile_for(Compiler *c, Stmt *s) {
  int start = new_label(c), cleanup = new_label(c), end = new_label(c);
  if (s->kind == S_AsyncFor) {
    if (!c->u->is_async) return compiler_error(c, "'async for' outside async function");
    not_supported(c, "async for loops");
  }
  if (push_fblock(c, FB_FOR_LOOP, start, end, NULL) < 0) return -1;
  if (visit_iter(c, s->v.For.iter) < 0 || addop(c, OP_GET_ITER) < 0) return -1;
  use_label(c, start);
  if (addop_jump(c, OP_FOR_ITER, cleanup) < 0) return -1;
  if (visit_expr(c, s->v.For.target) < 0) return -1;
  if (visit_stmts(c, &s->v.For.body) < 0) return -1;
  if (addop_noline(c, OP_JUMP, start) < 0) return -1;
  use_label(c, cleanup);
  pop_fblock(c);
  if (visit_stmts(c, &s->v.For.orelse) < 0) return -1;
  use_label(c, end);
  return 0;
}

static int compile_return(Compiler *c, Stmt *s) {
  Expr *v = s->v.Return.value;
  bool preserve_tos = v != NULL && v->kind != E_Constant;
  if (c->u->ste->type != BLOCK_FUNCTION) return compiler_error(c, "'return' outside function");
  if (preserve_tos && visit_expr(c, v) < 0) return -1;
  if (unwind_fblock_stack(c, preserve_tos, NULL) < 0) return -1;
  if (v == NULL) {
    if (load_none(c) < 0) return -1;
  } else if (!preserve_tos) {
    if (addop_load_const(c, &v->v.Constant.c) < 0) return -1;
  }
  return addop(c, OP_RETURN_VALUE);
}

static int compile_break(Compiler *c, bool is_continue) {
  FBlock *loop = NULL;
  Pos saved = c->u->loc;
  if (unwind_fblock_stack(c, false, &loop) < 0) return -1;
  if (loop == NULL) {
    c->u->loc = saved;            /* unwinding a finally unset it */
    return compiler_error(c, is_continue ? "'continue' not properly in loop"
                                         : "'break' outside loop");
  }
  if (is_continue) return addop_jump(c, OP_JUMP, loop->block);
  if (unwind_fblock(c, loop, false) < 0) return -1;
  return addop_jump(c, OP_JUMP, loop->exit);
}

/* The handler that restores the previous exception and re-raises. */
static int pop_except_and_reraise(Compiler *c) {
  if (addop_noline(c, OP_SWAP, 2) < 0 || addop_noline(c, OP_POP_EXCEPT, 0) < 0) return -1;
  return addop_noline(c, OP_RERAISE, 0);
}

static int compile_try_except(Compiler *c, Stmt *s) {
  int except = new_label(c), end = new_label(c), cleanup = new_label(c), i, n;
  HandlerSeq *hs = &s->v.Try.handlers;
  if (addop_jump(c, OP_SETUP_FINALLY, except) < 0) return -1;
  if (push_fblock(c, FB_TRY_EXCEPT, 0, 0, NULL) < 0) return -1;
  if (visit_stmts(c, &s->v.Try.body) < 0) return -1;
  pop_fblock(c);
  if (addop_noline(c, OP_POP_BLOCK, 0) < 0) return -1;
  if (visit_stmts(c, &s->v.Try.orelse) < 0) return -1;
  if (addop_noline(c, OP_JUMP, end) < 0) return -1;
  n = hs->n;
  use_label(c, except);
  c->u->loc.lineno = -1;
  if (addop_jump(c, OP_SETUP_FINALLY, cleanup) < 0) return -1;
  if (addop(c, OP_PUSH_EXC_INFO) < 0) return -1;
  if (push_fblock(c, FB_EXCEPTION_HANDLER, 0, 0, NULL) < 0) return -1;
  for (i = 0; i < n; i++) {
    ExceptHandler *h = hs->a[i];
    int next;
    c->u->loc = h->pos;
    if (!h->type && i < n - 1) return compiler_error(c, "default 'except:' must be last");
    next = new_label(c);
    if (h->type) {
      if (visit_expr(c, h->type) < 0 || addop(c, OP_CHECK_EXC_MATCH) < 0 ||
          addop_jump(c, OP_POP_JUMP_IF_FALSE, next) < 0)
        return -1;
    }
    if (h->name) {
      int cleanup_end = new_label(c);
      if (nameop(c, h->name, CTX_STORE) < 0) return -1;
      if (addop_jump(c, OP_SETUP_FINALLY, cleanup_end) < 0) return -1;
      if (push_fblock(c, FB_HANDLER_CLEANUP, 0, 0, h->name) < 0) return -1;
      if (visit_stmts(c, &h->body) < 0) return -1;
      pop_fblock(c);
      c->u->loc.lineno = -1;
      if (addop(c, OP_POP_BLOCK) < 0 || addop(c, OP_POP_BLOCK) < 0 ||
          addop(c, OP_POP_EXCEPT) < 0 || load_none(c) < 0 ||
          nameop(c, h->name, CTX_STORE) < 0 || nameop(c, h->name, CTX_DEL) < 0 ||
          addop_jump(c, OP_JUMP, end) < 0)
        return -1;
      use_label(c, cleanup_end);
      c->u->loc.lineno = -1;
      if (load_none(c) < 0 || nameop(c, h->name, CTX_STORE) < 0 ||
          nameop(c, h->name, CTX_DEL) < 0 || addop_i(c, OP_RERAISE, 1) < 0)
        return -1;
    } else {
      if (addop(c, OP_POP_TOP) < 0) return -1;
      if (push_fblock(c, FB_HANDLER_CLEANUP, 0, 0, NULL) < 0) return -1;
      if (visit_stmts(c, &h->body) < 0) return -1;
      pop_fblock(c);
      c->u->loc.lineno = -1;
      if (addop(c, OP_POP_BLOCK) < 0 || addop(c, OP_POP_EXCEPT) < 0 ||
          addop_jump(c, OP_JUMP, end) < 0)
        return -1;
    }
    use_label(c, next);
  }
  c->u->loc.lineno = -1;
  pop_fblock(c);
  if (addop_i(c, OP_RERAISE, 0) < 0) return -1;
  use_label(c, cleanup);
  if (pop_except_and_reraise(c) < 0) return -1;
  use_label(c, end);
  return 0;
}

static int compile_try_finally(Compiler *c, Stmt *s) {
  int end = new_label(c), exit = new_label(c), cleanup = new_label(c);
  if (addop_jump(c, OP_SETUP_FINALLY, end) < 0) return -1;
  if (push_fblock(c, FB_FINALLY_TRY, 0, 0, &s->v.Try.finalbody) < 0) return -1;
  if (s->v.Try.handlers.n) {
    if (compile_try_except(c, s) < 0) return -1;
  } else if (visit_stmts(c, &s->v.Try.body) < 0) {
    return -1;
  }
  if (addop_noline(c, OP_POP_BLOCK, 0) < 0) return -1;
  pop_fblock(c);
  if (visit_stmts(c, &s->v.Try.finalbody) < 0) return -1;
  if (addop_noline(c, OP_JUMP, exit) < 0) return -1;
  use_label(c, end);
  c->u->loc.lineno = -1;
  if (addop_jump(c, OP_SETUP_FINALLY, cleanup) < 0 || addop(c, OP_PUSH_EXC_INFO) < 0) return -1;
  if (push_fblock(c, FB_FINALLY_END, end, 0, NULL) < 0) return -1;
  if (visit_stmts(c, &s->v.Try.finalbody) < 0) return -1;
  pop_fblock(c);
  if (addop_noline(c, OP_RERAISE, 0) < 0) return -1;
  use_label(c, cleanup);
  if (pop_except_and_reraise(c) < 0) return -1;
  use_label(c, exit);
  return 0;
}

/* with item POS of S (and, nested inside it, the following items), as
** CPython 3.11's compiler_with, fitted to the block stack:
**
**       <context_expr>                  [mgr]
**       SETUP_FINALLY  L_final          block level: the mgr slot
**       BEFORE_WITH                     [exit, enter()]  (on failure it
**       STORE x  (or POP_TOP)            drops the block: no __exit__)
**       <body>
**       POP_BLOCK
**       LOAD_CONST None x3; CALL 2; POP_TOP; JUMP L_exit
**     L_final:                          [exit, exc]
**       SETUP_FINALLY  L_cleanup
**       PUSH_EXC_INFO                   [exit, prev, exc]
**       WITH_EXCEPT_START               [exit, prev, exc, res]
**       POP_JUMP_IF_TRUE L_suppress
**       RERAISE 2
**     L_cleanup: SWAP 2; POP_EXCEPT; RERAISE
**     L_suppress: POP_TOP; POP_BLOCK; POP_EXCEPT; POP_TOP
**     L_exit:
**
** The SETUP_FINALLY comes before BEFORE_WITH (CPython's SETUP_WITH comes
** after it) so that the handler's stack level keeps the bound __exit__;
** the store of the `as` target is protected, as in CPython. */
static int compile_with(Compiler *c, Stmt *s, int pos) {
  WithItem *item = s->v.With.items.a[pos];
  int final = new_label(c), exit = new_label(c), cleanup = new_label(c),
      suppress = new_label(c);
  if (visit_expr(c, item->context_expr) < 0) return -1;
  c->u->loc = s->pos;
  if (addop_jump(c, OP_SETUP_FINALLY, final) < 0 || addop(c, OP_BEFORE_WITH) < 0) return -1;
  if (push_fblock(c, FB_WITH, 0, 0, s) < 0) return -1;
  if (item->optional_vars) {
    if (visit_expr(c, item->optional_vars) < 0) return -1;
  } else if (addop(c, OP_POP_TOP) < 0) {
    return -1;
  }
  if (pos + 1 == s->v.With.items.n) {
    if (visit_stmts(c, &s->v.With.body) < 0) return -1;
  } else if (compile_with(c, s, pos + 1) < 0) {
    return -1;
  }
  pop_fblock(c);
  if (addop_noline(c, OP_POP_BLOCK, 0) < 0) return -1;
  /* the normal exit and the handler are on the with statement's line */
  c->u->loc = s->pos;
  if (call_exit_with_nones(c) < 0 || addop(c, OP_POP_TOP) < 0 ||
      addop_jump(c, OP_JUMP, exit) < 0)
    return -1;
  use_label(c, final);
  if (addop_jump(c, OP_SETUP_FINALLY, cleanup) < 0 || addop(c, OP_PUSH_EXC_INFO) < 0 ||
      addop(c, OP_WITH_EXCEPT_START) < 0 ||
      addop_jump(c, OP_POP_JUMP_IF_TRUE, suppress) < 0 || addop_i(c, OP_RERAISE, 2) < 0)
    return -1;
  use_label(c, cleanup);
  if (pop_except_and_reraise(c) < 0) return -1;
  use_label(c, suppress);
  if (addop(c, OP_POP_TOP) < 0 || addop(c, OP_POP_BLOCK) < 0 ||
      addop(c, OP_POP_EXCEPT) < 0 || addop(c, OP_POP_TOP) < 0)
    return -1;
  use_label(c, exit);
  return 0;
}

static int compile_import(Compiler *c, Stmt *s) {
  int i;
  for (i = 0; i < s->v.Import.names.n; i++) {
    Alias *a = s->v.Import.names.a[i];
    int k = add_const_int(c, 0);
    const char *dot;
    if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0 || load_none(c) < 0) return -1;
    if (addop_name_raw(c, OP_IMPORT_NAME, a->name) < 0) return -1;
    dot = strchr(a->name, '.');
    if (a->asname) {
      if (dot) {
        const char *p = dot + 1;
        for (;;) {
          const char *q = strchr(p, '.');
          const char *attr = intern_n(c->names, p, q ? (size_t)(q - p) : strlen(p));
          if (attr == NULL) return nomem(c);
          if (addop_name_raw(c, OP_IMPORT_FROM, attr) < 0) return -1;
          if (!q) break;
          if (addop_i(c, OP_SWAP, 2) < 0 || addop(c, OP_POP_TOP) < 0) return -1;
          p = q + 1;
        }
        if (nameop(c, a->asname, CTX_STORE) < 0 || addop(c, OP_POP_TOP) < 0) return -1;
      } else if (nameop(c, a->asname, CTX_STORE) < 0) {
        return -1;
      }
    } else {
      const char *store = a->name;
      if (dot) {
        store = intern_n(c->names, a->name, (size_t)(dot - a->name));
        if (store == NULL) return nomem(c);
      }
      if (nameop(c, store, CTX_STORE) < 0) return -1;
    }
  }
  return 0;
}

static const char *const future_features[] = {
  "nested_scopes", "generators", "division", "absolute_import", "with_statement",
  "print_function", "unicode_literals", "barry_as_FLUFL", "generator_stop", NULL
};

static int compile_from_import(Compiler *c, Stmt *s, bool future_ok) {
  int n = s->v.ImportFrom.names.n, i, k;
  const char **names;
  if (s->v.ImportFrom.module && strcmp(s->v.ImportFrom.module, "__future__") == 0) {
    if (!future_ok)
      return compiler_error(c, "from __future__ imports must occur at the beginning of the file");
    for (i = 0; i < n; i++) {
      const char *f = s->v.ImportFrom.names.a[i]->name;
      int j;
      bool known = false;
      /* CPython's future.c reports these at the statement's start, no end */
      c->u->loc.end_lineno = c->u->loc.lineno;
      c->u->loc.end_col = -1;
      if (strcmp(f, "braces") == 0) return compiler_error(c, "not a chance");
      if (strcmp(f, "annotations") == 0)
        not_supported(c, "postponed annotations (from __future__ import annotations)");
      if (strcmp(f, "barry_as_FLUFL") == 0)
        not_supported(c, "the '<>' operator (from __future__ import barry_as_FLUFL)");
      for (j = 0; future_features[j]; j++)
        if (strcmp(f, future_features[j]) == 0) known = true;
      if (!known) return compiler_error(c, "future feature %s is not defined", f);
    }
  }
  names = arena_alloc(c->arena, sizeof(char *) * (size_t)(n ? n : 1));
  if (names == NULL) return nomem(c);
  for (i = 0; i < n; i++) names[i] = s->v.ImportFrom.names.a[i]->name;
  k = add_const_int(c, s->v.ImportFrom.level);
  if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
  k = add_const_str_tuple(c, names, n);
  if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
  if (addop_name_raw(c, OP_IMPORT_NAME, s->v.ImportFrom.module ? s->v.ImportFrom.module
                                                               : intern(c, "")) < 0)
    return -1;
  for (i = 0; i < n; i++) {
    Alias *a = s->v.ImportFrom.names.a[i];
    if (i == 0 && a->name[0] == '*') return addop(c, OP_IMPORT_STAR);
    if (addop_name_raw(c, OP_IMPORT_FROM, a->name) < 0) return -1;
    if (nameop(c, a->asname ? a->asname : a->name, CTX_STORE) < 0) return -1;
  }
  return addop(c, OP_POP_TOP);
}

static int compile_assert(Compiler *c, Stmt *s) {
  int end = new_label(c);
  if (s->v.Assert.test->kind == E_Tuple && s->v.Assert.test->v.List.elts.n > 0 &&
      compiler_warn(c, "assertion is always true, perhaps remove parentheses?") < 0)
    return -1;
  if (jump_if(c, s->v.Assert.test, end, true) < 0) return -1;
  if (addop(c, OP_LOAD_ASSERTION_ERROR) < 0) return -1;
  if (s->v.Assert.msg) {
    if (visit_expr(c, s->v.Assert.msg) < 0 || addop_i(c, OP_CALL, 0) < 0) return -1;
  }
  if (addop_i(c, OP_RAISE_VARARGS, 1) < 0) return -1;
  use_label(c, end);
  return 0;
}

/* compiler_class: decorators, then __build_class__(<body function>, name,
** *bases, **keywords); the body stores into the class namespace and, when
** methods use super()/__class__, returns the __class__ cell. */
static bool find_ann(const StmtSeq *stmts);

static int compile_class(Compiler *c, Stmt *s) {
  ExprSeq *decos = &s->v.ClassDef.decorator_list;
  const StmtSeq *body = &s->v.ClassDef.body;
  const Const *doc;
  int i, firstlineno = s->pos.lineno;
  Obj *co;
  if (visit_exprs(c, decos) < 0) return -1;
  if (decos->n) firstlineno = decos->a[0]->pos.lineno;
  if (enter_scope(c, s->v.ClassDef.name, U_CLASS, s, firstlineno) < 0) return -1;
  c->u->loc.lineno = firstlineno;
  if (addop_name_raw(c, OP_LOAD_NAME, intern(c, "__name__")) < 0 ||
      addop_name_raw(c, OP_STORE_NAME, intern(c, "__module__")) < 0) {
    exit_scope(c);
    return -1;
  }
  {
    int k = add_const_str(c, c->u->qualname);
    if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0 ||
        addop_name_raw(c, OP_STORE_NAME, intern(c, "__qualname__")) < 0) {
      exit_scope(c);
      return -1;
    }
  }
  /* a class body that annotates names gets its own __annotations__ */
  if (find_ann(body) && (addop_i(c, OP_BUILD_MAP, 0) < 0 ||
                         addop_name_raw(c, OP_STORE_NAME, intern(c, "__annotations__")) < 0)) {
    exit_scope(c);
    return -1;
  }
  i = 0;
  doc = docstring_of(body);
  if (doc) {
    c->u->loc = body->a[0]->pos;
    if (addop_load_const(c, doc) < 0 ||
        nameop(c, intern(c, "__doc__"), CTX_STORE) < 0) {
      exit_scope(c);
      return -1;
    }
    i = 1;
  }
  {
    StmtSeq rest;
    rest.a = body->a + i;
    rest.n = body->n - i;
    if (visit_stmts(c, &rest) < 0) { exit_scope(c); return -1; }
  }
  if (c->u->ste->needs_class_closure) {
    int arg = deref_index(c, c->u, intern(c, "__class__"));
    if (arg < 0 || addop_i(c, OP_LOAD_CLOSURE, arg) < 0 || addop_i(c, OP_COPY, 1) < 0 ||
        addop_name_raw(c, OP_STORE_NAME, intern(c, "__classcell__")) < 0 ||
        addop(c, OP_RETURN_VALUE) < 0) {
      exit_scope(c);
      return -1;
    }
  }
  co = assemble(c, true);
  exit_scope(c);
  if (co == NULL) return -1;
  c->u->loc = s->pos;
  if (addop(c, OP_PUSH_NULL) < 0 || addop(c, OP_LOAD_BUILD_CLASS) < 0) return -1;
  if (make_closure(c, co, 0) < 0) return -1;
  {
    int k = add_const_str(c, s->v.ClassDef.name);
    if (k < 0 || addop_i(c, OP_LOAD_CONST, k) < 0) return -1;
  }
  if (call_helper(c, 2, &s->v.ClassDef.bases, &s->v.ClassDef.keywords) < 0) return -1;
  for (i = 0; i < decos->n; i++)
    if (addop_i(c, OP_CALL, 0) < 0) return -1;
  return nameop(c, s->v.ClassDef.name, CTX_STORE);
}

static int visit_stmt(Compiler *c, Stmt *s, bool future_ok) {
  int i;
  c->u->loc = s->pos;
  switch (s->kind) {
  case S_FunctionDef: case S_AsyncFunctionDef:
    return compile_function(c, s);
  case S_ClassDef:
    return compile_class(c, s);
  case S_Return:
    return compile_return(c, s);
  case S_Delete:
    return visit_exprs(c, &s->v.Delete.targets);
  case S_Assign: {
    int n = s->v.Assign.targets.n;
    if (visit_expr(c, s->v.Assign.value) < 0) return -1;
    for (i = 0; i < n; i++) {
      if (i < n - 1 && addop_i(c, OP_COPY, 1) < 0) return -1;
      if (visit_expr(c, s->v.Assign.targets.a[i]) < 0) return -1;
    }
    return 0;
  }
  case S_AugAssign:
    return compile_augassign(c, s);
  case S_AnnAssign:
    return compile_annassign(c, s);
  case S_For: case S_AsyncFor:
    return compile_for(c, s);
  case S_While:
    return compile_while(c, s);
  case S_If:
    return compile_if(c, s);
  case S_With: case S_AsyncWith:
    if (s->kind == S_AsyncWith && !c->u->is_async)
      return compiler_error(c, "'async with' outside async function");
    if (s->kind == S_AsyncWith) not_supported(c, "async with statements");
    return compile_with(c, s, 0);
  case S_Raise: {
    int n = 0;
    if (s->v.Raise.exc) {
      if (visit_expr(c, s->v.Raise.exc) < 0) return -1;
      n++;
      if (s->v.Raise.cause) {
        if (visit_expr(c, s->v.Raise.cause) < 0) return -1;
        n++;
      }
    }
    return addop_i(c, OP_RAISE_VARARGS, n);
  }
  case S_Try:
    if (s->v.Try.finalbody.n) return compile_try_finally(c, s);
    return compile_try_except(c, s);
  case S_TryStar:
    not_supported(c, "except* clauses");
    if (s->v.Try.finalbody.n) return compile_try_finally(c, s);
    return compile_try_except(c, s);
  case S_Assert:
    return compile_assert(c, s);
  case S_Import:
    return compile_import(c, s);
  case S_ImportFrom:
    return compile_from_import(c, s, future_ok);
  case S_Global: case S_Nonlocal: case S_Pass:
    return 0;
  case S_Expr: {
    Expr *v = s->v.Expr.value;
    if (v->kind == E_Constant) {
      if (v->v.Constant.c.kind == CONST_COMPLEX) not_supported(c, "complex numbers");
      return 0;                 /* a constant statement does nothing */
    }
    if (visit_expr(c, v) < 0) return -1;
    return addop(c, OP_POP_TOP);
  }
  case S_Break:
    return compile_break(c, false);
  case S_Continue:
    return compile_break(c, true);
  default:
    return not_supported(c, "these statements");
  }
}

static int visit_stmts(Compiler *c, const StmtSeq *s) {
  int i;
  for (i = 0; i < s->n; i++) {
    int r;
    if (c->failed) return -1;
    if (++c->depth > 3000) {
      vm_raise(c->vm, &Exc_RecursionError, "maximum recursion depth exceeded during compilation");
      c->failed = true;
      c->depth--;
      return -1;
    }
    r = visit_stmt(c, s->a[i], false);
    c->depth--;
    if (r < 0) return -1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Assembler                                                          */
/* ------------------------------------------------------------------ */

static bool is_deref_op(int op) {
  return op == OP_MAKE_CELL || op == OP_LOAD_CLOSURE || op == OP_LOAD_DEREF ||
         op == OP_STORE_DEREF || op == OP_DELETE_DEREF || op == OP_LOAD_CLASSDEREF;
}

static bool is_terminator(int op) {
  return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RERAISE || op == OP_RAISE_VARARGS;
}

static int instr_size(int arg) {
  if (arg > 0xFFFFFF) return 4;
  if (arg > 0xFFFF) return 3;
  if (arg > 0xFF) return 2;
  return 1;
}

/* Build the tuple of C strings V (interned str objects). */
static Obj *names_tuple(Compiler *c, PtrVec *v) {
  Obj *t = tuple_new(c->vm, v->n);
  int i;
  if (t == NULL) return NULL;
  for (i = 0; i < v->n; i++) TUPLE_ITEMS(t)[i] = NULL;
  for (i = 0; i < v->n; i++) {
    Obj *s = str_new(c->vm, v->items[i], strlen(v->items[i]));
    if (s == NULL) {
      int j;
      for (j = i; j < v->n; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(c->vm, t);
      return NULL;
    }
    TUPLE_ITEMS(t)[i] = s;
  }
  return t;
}

/* Finish the current unit: prologue, implicit return, label resolution,
** stack depth, line table, and the code object.  Returns a new CodeObj. */
/* Does U's code make a generator (a function or lambda containing yield,
** or a generator expression)? */
static bool is_generator_unit(const Unit *u) {
  return u->ste->type == BLOCK_FUNCTION && u->ste->generator;
}

/* ---- the position table (format in compile.h) ---- */

static size_t put_varint(uint8_t *p, unsigned v) {
  size_t k = 0;
  while (v >= 0x80) {
    p[k++] = (uint8_t)(v | 0x80);
    v >>= 7;
  }
  p[k++] = (uint8_t)v;
  return k;
}

/* Encode the positions of CODE[0..N) (whose sizes in code units come from
** POS) into BUF (at least 20 bytes per instruction); returns the length. */
static size_t encode_positions(const Instr *code, int n, const int *pos, uint8_t *buf) {
  size_t len = 0;
  int i = 0;
  while (i < n) {
    const Pos *p = &code[i].pos;
    bool known = p->lineno > 0 && p->lineno == code[i].line && p->col >= 0 &&
                 p->end_col >= 0 && p->end_lineno >= p->lineno;
    int j = i + 1;
    /* a run of instructions with the same columns */
    while (j < n) {
      const Pos *q = &code[j].pos;
      bool kq = q->lineno > 0 && q->lineno == code[j].line && q->col >= 0 &&
                q->end_col >= 0 && q->end_lineno >= q->lineno;
      if (kq != known) break;
      if (known && (q->col != p->col || q->end_col != p->end_col ||
                    q->end_lineno - q->lineno != p->end_lineno - p->lineno))
        break;
      j++;
    }
    unsigned run = (unsigned)(pos[j] - pos[i]);
    unsigned d = known ? (unsigned)(p->end_lineno - p->lineno) + 1 : 0;
    buf[len++] = (uint8_t)((run <= 7 ? run - 1 : 7) | (d < 31 ? d : 31) << 3);
    if (run > 7) len += put_varint(buf + len, run);
    if (d >= 31) len += put_varint(buf + len, d);
    if (known) {
      len += put_varint(buf + len, (unsigned)p->col);
      len += put_varint(buf + len, (unsigned)p->end_col);
    }
    i = j;
  }
  return len;
}

/* Append the position table to CO's linetable (after its int32 lines). */
static int attach_positions(Compiler *c, CodeObj *co, const uint8_t *tab, size_t len) {
  BytesObj *old = (BytesObj *)co->linetable;
  size_t olen = (size_t)co->ncode * sizeof(int32_t);
  if (old == NULL || (size_t)old->size != olen || len == 0) return 0;
  char *both = arena_alloc(c->arena, olen + len);
  if (both == NULL) return nomem(c);
  memcpy(both, old->data, olen);
  memcpy(both + olen, tab, len);
  Obj *nb = bytes_new(c->vm, both, olen + len);
  if (nb == NULL) return -1;
  co->linetable = nb;
  decref(c->vm, (Obj *)old);
  return 0;
}

static Obj *assemble(Compiler *c, bool is_function) {
  Unit *u = c->u;
  VM *vm = c->vm;
  int n, i, ncells = u->cellvars.n, nfrees = u->freevars.n, nlocals, extra = 0;
  int *cellslot, *pos, *depth, maxdepth = 0, *work, nwork = 0, flags = 0;
  char *inwork;
  Instr *code;
  uint16_t *units = NULL;
  int *lines = NULL;
  int nunits = 0, nprologue = 0;
  bool changed;
  Obj *consts = NULL, *names = NULL, *varnames = NULL, *cellvars = NULL, *freevars = NULL;
  Obj *name = NULL, *qualname = NULL, *co = NULL;

  if (c->failed) return NULL;
  if (c->unsupported[0]) {
    /* placeholder code never runs: keep the names and constants (nested
    ** code objects, closures), replace the instructions by a valid
    ** "return None" */
    u->ninstrs = 0;
    u->nlabels = 0;
    if (load_none(c) < 0 || addop_noline(c, OP_RETURN_VALUE, 0) < 0) return NULL;
  }
  /* implicit "return None" when the end is reachable */
  {
    bool reachable = u->ninstrs == 0 || !is_terminator(u->instrs[u->ninstrs - 1].op);
    for (i = 0; i < u->nlabels && !reachable; i++)
      if (u->labels[i] == u->ninstrs) reachable = true;
    if (reachable) {
      if (load_none(c) < 0 || addop_noline(c, OP_RETURN_VALUE, 0) < 0) return NULL;
      /* they carry the line of the last statement */
      u->instrs[u->ninstrs - 2].line = -1;
    }
  }
  nlocals = u->varnames.n;
  /* localsplus slots of the cells (arguments keep their slot) */
  cellslot = arena_alloc(c->arena, sizeof(int) * (size_t)(ncells + nfrees + 1));
  if (cellslot == NULL) { nomem(c); return NULL; }
  for (i = 0; i < ncells; i++) {
    int j = vec_index(c, &u->varnames, u->cellvars.items[i], false);
    cellslot[i] = j >= 0 ? j : nlocals + extra++;
  }
  for (i = 0; i < nfrees; i++) cellslot[ncells + i] = nlocals + extra + i;

  /* prologue: COPY_FREE_VARS, then MAKE_CELL in slot order; a generator
  ** then becomes one (RETURN_GENERATOR) and drops the first sent value */
  nprologue = (nfrees ? 1 : 0) + ncells + (is_generator_unit(u) ? 2 : 0);
  n = u->ninstrs + nprologue;
  code = arena_alloc(c->arena, sizeof(Instr) * (size_t)(n + 1));
  if (code == NULL) { nomem(c); return NULL; }
  {
    int k = 0, slot;
    if (nfrees) code[k++] = (Instr){OP_COPY_FREE_VARS, nfrees, u->firstlineno, NOPOS};
    for (slot = 0; slot < nlocals + extra; slot++)
      for (i = 0; i < ncells; i++)
        if (cellslot[i] == slot) code[k++] = (Instr){OP_MAKE_CELL, i, u->firstlineno, NOPOS};
    if (is_generator_unit(u)) {
      code[k++] = (Instr){OP_RETURN_GENERATOR, 0, u->firstlineno, NOPOS};
      code[k++] = (Instr){OP_POP_TOP, 0, u->firstlineno, NOPOS};
    }
    memcpy(code + k, u->instrs, sizeof(Instr) * (size_t)u->ninstrs);
  }
  /* operands: labels to instruction indexes (shifted), derefs to slots */
  for (i = nprologue; i < n; i++) {
    Instr *in = &code[i];
    if (opcode_is_jump(in->op)) {
      int target = u->labels[in->arg];
      if (target < 0) {
        vm_raise(vm, &Exc_RuntimeError, "compiler: unbound label in %s", u->name);
        c->failed = true;
        return NULL;
      }
      in->arg = target + nprologue;
    }
  }
  for (i = 0; i < n; i++)
    if (is_deref_op(code[i].op)) code[i].arg = cellslot[code[i].arg];
  /* lines: artificial instructions take the previous line */
  {
    int last = u->firstlineno > 0 ? u->firstlineno : 1;
    Pos lastpos = {0, -1, 0, -1};
    for (i = 0; i < n; i++) {
      if (code[i].line <= 0) {
        code[i].line = last;
        code[i].pos = lastpos;    /* and the previous range (CPython) */
      } else {
        last = code[i].line;
        lastpos = code[i].pos;
      }
    }
  }
  /* stack depth: walk the flow graph */
  depth = arena_alloc(c->arena, sizeof(int) * (size_t)(n + 1));
  work = arena_alloc(c->arena, sizeof(int) * (size_t)(n + 1));
  inwork = arena_alloc(c->arena, (size_t)(n + 1));
  if (depth == NULL || work == NULL || inwork == NULL) { nomem(c); return NULL; }
  for (i = 0; i <= n; i++) depth[i] = -1;
  depth[0] = 0;
  /* placeholder code (after an unsupported construct) never runs and need
  ** not balance: skip the analysis */
  if (!c->unsupported[0]) {
    work[nwork++] = 0;
    inwork[0] = 1;
  }
  while (nwork > 0) {
    int ip = work[--nwork], d = depth[ip];
    inwork[ip] = 0;
    while (ip < n) {
      Instr *in = &code[ip];
      if (opcode_is_jump(in->op)) {
        int t = in->arg, dj = d + opcode_stack_effect(in->op, in->arg, 1);
        if (dj > maxdepth) maxdepth = dj;
        if (t < n && depth[t] < dj) {
          depth[t] = dj;
          if (!inwork[t]) { inwork[t] = 1; work[nwork++] = t; }
        }
      }
      d += opcode_stack_effect(in->op, in->arg, 0);
      if (d > maxdepth) maxdepth = d;
      if (d < 0 || d > 4 * n + 64) {
        /* a compiler bug: never loop or emit a code object that would
        ** underflow the frame's stack */
        vm_raise(vm, &Exc_RuntimeError, "compiler: inconsistent stack depth in %s", u->name);
        c->failed = true;
        return NULL;
      }
      if (is_terminator(in->op)) break;
      ip++;
      if (ip >= n || depth[ip] >= d) break;
      depth[ip] = d;
    }
  }
  /* sizes and offsets, growing EXTENDED_ARG prefixes until stable */
  pos = arena_alloc(c->arena, sizeof(int) * (size_t)(n + 1));
  if (pos == NULL) { nomem(c); return NULL; }
  {
    int *size = arena_alloc(c->arena, sizeof(int) * (size_t)(n + 1));
    if (size == NULL) { nomem(c); return NULL; }
    for (i = 0; i < n; i++) size[i] = opcode_is_jump(code[i].op) ? 1 : instr_size(code[i].arg);
    do {
      int off = 0;
      changed = false;
      for (i = 0; i < n; i++) { pos[i] = off; off += size[i]; }
      pos[n] = off;
      for (i = 0; i < n; i++) {
        if (opcode_is_jump(code[i].op)) {
          int s = instr_size(pos[code[i].arg]);
          if (s > size[i]) { size[i] = s; changed = true; }
        }
      }
    } while (changed);
    nunits = pos[n];
  }
  units = ht_alloc(HT_TAG_COMPILER, sizeof(uint16_t) * (size_t)(nunits + 1));
  lines = ht_alloc(HT_TAG_COMPILER, sizeof(int) * (size_t)(nunits + 1));
  if (units == NULL || lines == NULL) { nomem(c); goto fail; }
  {
    int k = 0;
    for (i = 0; i < n; i++) {
      int arg = opcode_is_jump(code[i].op) ? pos[code[i].arg] : code[i].arg;
      int sz = pos[i + 1] - pos[i], sh;
      for (sh = (sz - 1) * 8; sh > 0; sh -= 8) {
        units[k] = (uint16_t)(OP_EXTENDED_ARG | (((arg >> sh) & 0xFF) << 8));
        lines[k++] = code[i].line;
      }
      units[k] = (uint16_t)(code[i].op | ((arg & 0xFF) << 8));
      lines[k++] = code[i].line;
    }
  }
  /* flags */
  if (is_function) {
    flags |= CO_OPTIMIZED | CO_NEWLOCALS;
    if (u->ste->nested) flags |= CO_NESTED;
    if (u->ste->varargs) flags |= CO_VARARGS;
    if (u->ste->varkeywords) flags |= CO_VARKEYWORDS;
    if (is_generator_unit(u)) flags |= CO_GENERATOR;
  }
  consts = tuple_new(vm, u->nconsts);
  if (consts == NULL) goto fail;
  for (i = 0; i < u->nconsts; i++) TUPLE_ITEMS(consts)[i] = incref(u->consts[i].obj);
  if ((names = names_tuple(c, &u->names)) == NULL) goto fail;
  if ((varnames = names_tuple(c, &u->varnames)) == NULL) goto fail;
  if ((cellvars = names_tuple(c, &u->cellvars)) == NULL) goto fail;
  if ((freevars = names_tuple(c, &u->freevars)) == NULL) goto fail;
  if ((name = str_from_cstr(vm, u->name)) == NULL) goto fail;
  if ((qualname = str_from_cstr(vm, u->qualname)) == NULL) goto fail;
  co = code_new(vm, units, nunits, lines, consts, names, varnames, cellvars, freevars,
                c->filename, name, qualname, u->argcount, u->posonlyargcount,
                u->kwonlyargcount, maxdepth, flags, u->firstlineno > 0 ? u->firstlineno : 1);
  if (co != NULL) {
    uint8_t *tab = arena_alloc(c->arena, (size_t)n * 20 + 1);
    if (tab == NULL || attach_positions(c, (CodeObj *)co, tab,
                                        encode_positions(code, n, pos, tab)) < 0) {
      if (tab == NULL) nomem(c);
      decref(vm, co);
      co = NULL;
    }
  }
fail:
  if (units) ht_free(HT_TAG_COMPILER, units, sizeof(uint16_t) * (size_t)(nunits + 1));
  if (lines) ht_free(HT_TAG_COMPILER, lines, sizeof(int) * (size_t)(nunits + 1));
  xdecref(vm, consts);
  xdecref(vm, names);
  xdecref(vm, varnames);
  xdecref(vm, cellvars);
  xdecref(vm, freevars);
  xdecref(vm, name);
  xdecref(vm, qualname);
  if (co == NULL) c->failed = true;
  return co;
}

/* ------------------------------------------------------------------ */
/* Module                                                             */
/* ------------------------------------------------------------------ */

/* find_ann: does the block annotate a name (so __annotations__ is set up)? */
static bool find_ann(const StmtSeq *stmts) {
  int i, j;
  for (i = 0; i < stmts->n; i++) {
    Stmt *s = stmts->a[i];
    switch (s->kind) {
    case S_AnnAssign: return true;
    case S_For: case S_AsyncFor:
      if (find_ann(&s->v.For.body) || find_ann(&s->v.For.orelse)) return true;
      break;
    case S_While: case S_If:
      if (find_ann(&s->v.While.body) || find_ann(&s->v.While.orelse)) return true;
      break;
    case S_With: case S_AsyncWith:
      if (find_ann(&s->v.With.body)) return true;
      break;
    case S_Try: case S_TryStar:
      for (j = 0; j < s->v.Try.handlers.n; j++)
        if (find_ann(&s->v.Try.handlers.a[j]->body)) return true;
      if (find_ann(&s->v.Try.body) || find_ann(&s->v.Try.finalbody) ||
          find_ann(&s->v.Try.orelse))
        return true;
      break;
    default: break;
    }
  }
  return false;
}

static Obj *compile_mod(Compiler *c, Module *m) {
  const Const *doc;
  int i = 0;
  bool future_ok = true;
  Obj *co;
  if (enter_scope(c, intern(c, "<module>"), U_MODULE, NULL, 1) < 0) return NULL;
  if (find_ann(&m->body)) {
    c->u->loc = m->body.a[0]->pos;
    if (addop_i(c, OP_BUILD_MAP, 0) < 0 ||
        addop_name_raw(c, OP_STORE_NAME, intern(c, "__annotations__")) < 0)
      goto fail;
  }
  doc = docstring_of(&m->body);
  if (doc) {
    c->u->loc = m->body.a[0]->pos;
    if (addop_load_const(c, doc) < 0 || nameop(c, intern(c, "__doc__"), CTX_STORE) < 0) goto fail;
    i = 1;
  }
  for (; i < m->body.n; i++) {
    Stmt *s = m->body.a[i];
    bool is_future = s->kind == S_ImportFrom && s->v.ImportFrom.module &&
                     strcmp(s->v.ImportFrom.module, "__future__") == 0;
    if (!is_future) future_ok = false;
    if (visit_stmt(c, s, future_ok) < 0) goto fail;
  }
  co = assemble(c, false);
  exit_scope(c);
  return co;
fail:
  exit_scope(c);
  return NULL;
}

Obj *compile_module(VM *vm, const char *src, size_t n, Obj *filename) {
  Arena ast_arena, comp_arena;
  Interner names;
  SyntaxErr err;
  Module *mod;
  SymTable st;
  Compiler c;
  LineCtx lc = {src, n};
  Obj *co = NULL;
  arena_init(&ast_arena, HT_TAG_AST);
  arena_init(&comp_arena, HT_TAG_COMPILER);
  interner_init(&names, &ast_arena);
  mod = parse_module(&ast_arena, &names, src, n, &err);
  if (mod == NULL) {
    raise_syntaxerr(vm, &err, filename);
    goto done;
  }
  memset(&err, 0, sizeof err);
  if (symtable_build(&st, &comp_arena, &names, mod, line_cb, &lc, &err) < 0) {
    raise_syntaxerr(vm, &err, filename);
    goto done;
  }
  memset(&c, 0, sizeof c);
  c.vm = vm;
  c.arena = &comp_arena;
  c.names = &names;
  c.st = &st;
  c.filename = filename;
  c.src = src;
  c.srclen = n;
  co = compile_mod(&c, mod);
  while (c.u) exit_scope(&c);
  if (co == NULL && !vm_exc_occurred(vm)) vm_raise_nomem(vm);
  if (co != NULL && c.unsupported[0]) {
    decref(vm, co);
    co = NULL;
    vm_raise(vm, &Exc_NotImplementedError, "%s (%S, line %d)", c.unsupported, filename,
             c.unsupported_line);
  }
done:
  arena_free(&comp_arena);
  arena_free(&ast_arena);
  return co;
}

/* ------------------------------------------------------------------ */
/* Traceback anchors                                                  */
/* ------------------------------------------------------------------ */

int compile_caret_anchors(const char *seg, size_t n, int *left, int *right) {
  Arena arena;
  Interner names;
  SyntaxErr err;
  Module *mod;
  int found = 0;
  arena_init(&arena, HT_TAG_AST);
  interner_init(&names, &arena);
  memset(&err, 0, sizeof err);
  mod = parse_module(&arena, &names, seg, n, &err);
  if (mod != NULL && mod->body.n == 1 && mod->body.a[0]->kind == S_Expr) {
    const Expr *e = mod->body.a[0]->v.Expr.value;
    if (e->kind == E_BinOp) {
      /* the operator: the first non-blank between the operands, two
      ** characters when the next one is not blank (//, **, <<...) */
      const Expr *l = e->v.BinOp.left, *r = e->v.BinOp.right;
      for (int i = l->pos.end_col; i < r->pos.col && (size_t)i < n; i++) {
        if (seg[i] == ' ' || seg[i] == '\t' || seg[i] == '\f') continue;
        *left = i;
        *right = i + 1;
        if (i + 1 < r->pos.col && seg[i + 1] != ' ' && seg[i + 1] != '\t' &&
            seg[i + 1] != '\f')
          ++*right;
        found = 1;
        break;
      }
    } else if (e->kind == E_Subscript) {
      *left = e->v.Subscript.value->pos.end_col;
      *right = e->v.Subscript.slice->pos.end_col + 1;
      found = 1;
    }
  }
  arena_free(&arena);
  return found;
}
