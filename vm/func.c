/*
** func.c -- cells, code objects and function objects, kept apart as in
** CPython (cellobject.c, codeobject.c, funcobject.c).
**
** A cell (tag CELL) is one slot that outlives a frame: a variable that an
** inner function uses lives in a cell; the frame's localsplus slot holds the
** cell, and MAKE_FUNCTION puts the same cells in the inner function's
** __closure__ tuple.
**
** A code object (tag CODE) is the compiler's immutable output.  Its
** instructions are copied into a CODE block; its line table is a bytes
** object holding one int32 line per code unit (the "private encoding"
** object.h allows), so code_line() is one load.  The names in co_names,
** co_varnames, co_cellvars and co_freevars are interned in place, as
** CPython does, so attribute and global lookups compare pointers.
**
** A function (tag FUNCTION) pairs a code object with the globals it runs in,
** its defaults and its closure.  Module-level `def` runs MAKE_FUNCTION once;
** an inner `def` runs it on every call of the outer function -- the
** behaviour heaptrail shows.
*/
#include <string.h>
#include <stdio.h>
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "containers.h"
#include "opcodes.h"

static Obj *orn(Obj *o) { return incref(o ? o : None); }

/* ------------------------------------------------------------------ */
/* cell                                                               */
/* ------------------------------------------------------------------ */

Obj *cell_new(VM *vm, Obj *value) {
  CellObj *c = (CellObj *)gc_alloc(vm, &Cell_Type, sizeof(CellObj));
  if (!c) return NULL;
  c->ref = xincref(value);
  return (Obj *)c;
}

static void cell_dealloc(VM *vm, Obj *o) {
  CellObj *c = (CellObj *)o;
  gc_untrack(o);
  if (!c->ref || c->ref->refcnt > 1) {
    /* releasing the value frees nothing: no chain of deallocations to
    ** bound, so the trash queue (trash_begin) is not needed */
    if (c->ref) c->ref->refcnt--;
    gc_free(vm, o, sizeof(CellObj));
    return;
  }
  if (!trash_begin(vm, o)) return;
  xdecref(vm, c->ref);
  gc_free(vm, o, sizeof(CellObj));
  trash_end(vm);
}

static int cell_traverse(Obj *o, visitproc visit, void *arg) {
  CellObj *c = (CellObj *)o;
  return c->ref ? visit(c->ref, EDGE_CONTENTS, 0, NULL, arg) : 0;
}

static int cell_clear(VM *vm, Obj *o) {
  CellObj *c = (CellObj *)o;
  Obj *r = c->ref;
  c->ref = NULL;
  xdecref(vm, r);
  return 0;
}

static Obj *cell_repr(VM *vm, Obj *o) {
  CellObj *c = (CellObj *)o;
  if (!c->ref) return str_fromf(vm, "<cell at %p: empty>", (void *)o);
  return str_fromf(vm, "<cell at %p: %s object at %p>", (void *)o,
                   obj_type_name(c->ref), (void *)c->ref);
}

static Obj *cell_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (b->type != &Cell_Type) return incref(NotImplemented);
  Obj *x = ((CellObj *)a)->ref, *y = ((CellObj *)b)->ref;
  if (x && y) return obj_richcmp(vm, x, y, op);
  /* empty cells sort before full ones */
  int cx = x != NULL, cy = y != NULL;
  bool r;
  switch (op) {
  case CMP_LT: r = cx < cy; break;
  case CMP_LE: r = cx <= cy; break;
  case CMP_EQ: r = cx == cy; break;
  case CMP_NE: r = cx != cy; break;
  case CMP_GT: r = cx > cy; break;
  default: r = cx >= cy; break;
  }
  return bool_new(r);
}

static Obj *cell_get_contents(VM *vm, Obj *o) {
  CellObj *c = (CellObj *)o;
  if (!c->ref) return vm_raise(vm, &Exc_ValueError, "Cell is empty");
  return incref(c->ref);
}

static int cell_set_contents(VM *vm, Obj *o, Obj *v) {
  obj_setref(vm, &((CellObj *)o)->ref, xincref(v));
  return 0;
}

static Obj *cell_new_(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  if (args_check(vm, "cell", nargs, kwnames, 0, 1) < 0) return NULL;
  return cell_new(vm, nargs ? args[0] : NULL);
}

static const GetSetDef cell_getset[] = {
  {"cell_contents", cell_get_contents, cell_set_contents},
  {NULL, NULL, NULL},
};

TypeObj Cell_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "cell",
  .tag = HT_TAG_CELL,
  .basicsize = sizeof(CellObj),
  .flags = TF_GC,
  .dealloc = cell_dealloc,
  .traverse = cell_traverse,
  .clear = cell_clear,
  .repr = cell_repr,
  .richcmp = cell_richcmp,
  .new_ = cell_new_,
  .getset = cell_getset,
};

/* ------------------------------------------------------------------ */
/* code                                                               */
/* ------------------------------------------------------------------ */

static void intern_tuple(VM *vm, Obj *t) {
  if (!t) return;
  for (ssize i = 0; i < TUPLE_SIZE(t); i++) {
    Obj **p = &TUPLE_ITEMS(t)[i];
    if (*p && (*p)->type == &Str_Type && !((StrObj *)*p)->interned)
      str_intern_inplace(vm, p);
  }
}

/* Intern str constants made only of name characters, as CPython does. */
static void intern_consts(VM *vm, Obj *t) {
  if (!t) return;
  for (ssize i = 0; i < TUPLE_SIZE(t); i++) {
    Obj **p = &TUPLE_ITEMS(t)[i];
    if (!*p || (*p)->type != &Str_Type || ((StrObj *)*p)->interned) continue;
    const char *s = STR_UTF8(*p);
    bool ok = STR_NBYTES(*p) > 0 && ((StrObj *)*p)->ascii;
    for (ssize k = 0; ok && k < STR_NBYTES(*p); k++) {
      char c = s[k];
      ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
    }
    if (ok) str_intern_inplace(vm, p);
  }
}

/* ------------------------------------------------------------------ */
/* Verification                                                       */
/* ------------------------------------------------------------------ */

static int stack_effect(int op, int oparg, int jump) {
  switch (op) {
#define EFFECT_(name, hasarg, effect) \
  case OP_##name: return (effect);
    OPCODE_LIST(EFFECT_)
#undef EFFECT_
  }
  return 0;
}

static bool is_jump(int op) {
  switch (op) {
  case OP_FOR_ITER: case OP_JUMP: case OP_POP_JUMP_IF_FALSE:
  case OP_POP_JUMP_IF_TRUE: case OP_POP_JUMP_IF_NONE:
  case OP_POP_JUMP_IF_NOT_NONE: case OP_JUMP_IF_FALSE_OR_POP:
  case OP_JUMP_IF_TRUE_OR_POP: case OP_SETUP_FINALLY:
    return true;
  default:
    return false;
  }
}

static bool ends_block(int op) {
  return op == OP_JUMP || op == OP_RETURN_VALUE || op == OP_RERAISE ||
         op == OP_RAISE_VARARGS;
}

/* Check that CODE cannot make the evaluator misbehave: opcodes and
** arguments in range, jump targets inside the code, and a consistent
** value-stack depth everywhere (the deepest point is stored in *MAXDEPTH).
** Returns NULL on success, else a description of the first problem. */
static const char *verify_code(const uint16_t *code, ssize ncode, int nconsts,
                               int nnames, int nlocalsplus, int nlocals,
                               int nfree, int *maxdepth, int *depths) {
  /* depths[i]: stack depth before instruction i, -1 = not reached yet */
  for (ssize i = 0; i < ncode; i++) depths[i] = -1;
  if (ncode == 0) return "empty code";
  /* the worklist follows, 8-byte aligned; each index enters it once */
  ssize *work = (ssize *)(((uintptr_t)(depths + ncode) + 7) & ~(uintptr_t)7);
  ssize nwork = 0;
  depths[0] = 0;
  work[nwork++] = 0;
  int maxd = 0;
  while (nwork > 0) {
    ssize start = work[--nwork];
    int depth = depths[start];
    int arg = 0;
    for (ssize i = start; i < ncode; i++) {
      if (i != start) {
        if (depths[i] >= 0) {
          if (depths[i] != depth) return "inconsistent stack depth";
          break;                      /* already explored from here */
        }
        depths[i] = depth;
      }
      int op = code[i] & 0xFF;
      arg = (arg << 8) | (code[i] >> 8);
      if (op >= OP_COUNT) return "unknown opcode";
      if (op == OP_EXTENDED_ARG) continue;
      int a = arg;
      arg = 0;
      switch (op) {
      case OP_LOAD_CONST: case OP_KW_NAMES:
        if (a >= nconsts) return "constant index out of range";
        break;
      case OP_LOAD_GLOBAL: case OP_STORE_GLOBAL: case OP_DELETE_GLOBAL:
      case OP_LOAD_NAME: case OP_STORE_NAME: case OP_DELETE_NAME:
      case OP_LOAD_ATTR: case OP_STORE_ATTR: case OP_DELETE_ATTR:
      case OP_LOAD_METHOD: case OP_IMPORT_NAME: case OP_IMPORT_FROM:
        if (a >= nnames) return "name index out of range";
        break;
      case OP_LOAD_FAST: case OP_STORE_FAST: case OP_DELETE_FAST:
        if (a >= nlocals) return "local index out of range";
        break;
      case OP_MAKE_CELL: case OP_LOAD_CLOSURE: case OP_LOAD_DEREF:
      case OP_STORE_DEREF: case OP_DELETE_DEREF: case OP_LOAD_CLASSDEREF:
        if (a >= nlocalsplus) return "cell index out of range";
        break;
      case OP_COPY_FREE_VARS:
        if (a > nfree) return "too many free variables";
        break;
      case OP_COPY: case OP_SWAP:
        if (a < 1 || a > depth) return "COPY/SWAP beyond the stack";
        break;
      case OP_BINARY_OP:
        if (a >= BINOP_INPLACE + BINOP_COUNT) return "bad BINARY_OP argument";
        break;
      case OP_COMPARE_OP:
        if (a > CMP_GE) return "bad COMPARE_OP argument";
        break;
      case OP_BUILD_SLICE:
        if (a != 2 && a != 3) return "bad BUILD_SLICE argument";
        break;
      case OP_RAISE_VARARGS:
        if (a > 2) return "bad RAISE_VARARGS argument";
        break;
      case OP_LIST_APPEND: case OP_SET_ADD: case OP_LIST_EXTEND:
      case OP_SET_UPDATE: case OP_DICT_UPDATE: case OP_DICT_MERGE:
        if (a < 1 || a + 1 > depth) return "container operand beyond the stack";
        break;
      case OP_MAP_ADD:
        if (a < 1 || a + 2 > depth) return "container operand beyond the stack";
        break;
      default:
        break;
      }
      int need = 0;
      switch (op) {
      case OP_CALL: need = a + 2; break;
      case OP_CALL_FUNCTION_EX: need = 3 + (a & 1); break;
      case OP_BUILD_TUPLE: case OP_BUILD_LIST: case OP_BUILD_SET:
      case OP_BUILD_STRING: case OP_UNPACK_SEQUENCE: case OP_UNPACK_EX:
        need = op == OP_UNPACK_SEQUENCE || op == OP_UNPACK_EX ? 1 : a; break;
      case OP_BUILD_MAP: need = 2 * a; break;
      case OP_BUILD_CONST_KEY_MAP: need = a + 1; break;
      case OP_MAKE_FUNCTION:
        need = 1 + ((a & 1) != 0) + ((a & 2) != 0) + ((a & 4) != 0) + ((a & 8) != 0);
        break;
      default:
        need = -stack_effect(op, a, 0) > 0 ? -stack_effect(op, a, 0) : 0;
        break;
      }
      if (need > depth) return "stack underflow";
      if (is_jump(op)) {
        if (a >= ncode) return "jump target out of range";
        int jd = depth + stack_effect(op, a, 1);
        if (jd < 0) return "stack underflow";
        if (jd > maxd) maxd = jd;
        if (depths[a] < 0) {
          depths[a] = jd;
          work[nwork++] = a;
        } else if (depths[a] != jd) {
          return "inconsistent stack depth at a jump target";
        }
      }
      depth += stack_effect(op, a, 0);
      if (depth < 0) return "stack underflow";
      if (depth > maxd) maxd = depth;
      if (ends_block(op) || op == OP_JUMP) break;
      if (i + 1 >= ncode) return "code runs off its end";
    }
  }
  *maxdepth = maxd;
  return NULL;
}

int code_alloc_caches(CodeObj *co);   /* eval.c */

/* Fill XCODE: CODE with each eligible pair's first unit replaced by its
** superinstruction (frame.h).  Pairs behind an EXTENDED_ARG are left
** alone. */
static void quicken(uint16_t *xcode, const uint16_t *code, ssize ncode) {
  memcpy(xcode, code, (size_t)ncode * sizeof(uint16_t));
  for (ssize i = 0; i + 1 < ncode; i++) {
    if (i > 0 && (code[i - 1] & 0xFF) == OP_EXTENDED_ARG) continue;
    int a = code[i] & 0xFF, b = code[i + 1] & 0xFF, x = -1;
    if (a == OP_LOAD_FAST && b == OP_LOAD_FAST) x = OPX_LOAD_FAST__LOAD_FAST;
    else if (a == OP_LOAD_FAST && b == OP_LOAD_CONST) x = OPX_LOAD_FAST__LOAD_CONST;
    else if (a == OP_LOAD_CONST && b == OP_LOAD_FAST) x = OPX_LOAD_CONST__LOAD_FAST;
    else if (a == OP_STORE_FAST && b == OP_LOAD_FAST) x = OPX_STORE_FAST__LOAD_FAST;
    else if (a == OP_STORE_FAST && b == OP_STORE_FAST) x = OPX_STORE_FAST__STORE_FAST;
    if (x >= 0) xcode[i] = (uint16_t)(x | (code[i] & 0xFF00));
  }
}

Obj *code_new(VM *vm, const uint16_t *code, ssize ncode, const int *lines,
              Obj *consts, Obj *names, Obj *varnames, Obj *cellvars,
              Obj *freevars, Obj *filename, Obj *name, Obj *qualname,
              int argcount, int posonlyargcount, int kwonlyargcount,
              int stacksize, int flags, int firstlineno) {
  CodeObj *co = (CodeObj *)obj_alloc(vm, &Code_Type, sizeof(CodeObj));
  if (!co) return NULL;
  co->code = ht_alloc(HT_TAG_CODE, (size_t)(ncode ? ncode : 1) * sizeof(uint16_t));
  if (!co->code) goto nomem;
  memcpy(co->code, code, (size_t)ncode * sizeof(uint16_t));
  co->ncode = ncode;
  co->linetable = bytes_new_uninit(vm, (size_t)ncode * sizeof(int32_t));
  if (!co->linetable) goto fail;
  {
    int32_t *lt = (int32_t *)((BytesObj *)co->linetable)->data;
    for (ssize i = 0; i < ncode; i++) lt[i] = lines ? lines[i] : firstlineno;
  }
  intern_tuple(vm, names);
  intern_tuple(vm, varnames);
  intern_tuple(vm, cellvars);
  intern_tuple(vm, freevars);
  intern_consts(vm, consts);
  co->consts = incref(consts);
  co->names = incref(names);
  co->varnames = incref(varnames);
  co->cellvars = incref(cellvars);
  co->freevars = incref(freevars);
  co->filename = incref(filename);
  co->name = incref(name);
  co->qualname = incref(qualname ? qualname : name);
  co->argcount = argcount;
  co->posonlyargcount = posonlyargcount;
  co->kwonlyargcount = kwonlyargcount;
  co->nlocals = (int)TUPLE_SIZE(varnames);
  co->ncellvars = (int)TUPLE_SIZE(cellvars);
  co->nfreevars = (int)TUPLE_SIZE(freevars);
  co->stacksize = stacksize;
  co->flags = flags;
  co->firstlineno = firstlineno;
  co->cell2slot = ht_alloc(HT_TAG_CODE, (size_t)(co->ncellvars ? co->ncellvars : 1) *
                                            sizeof(int));
  if (!co->cell2slot) goto nomem;
  int extra = 0;
  for (int i = 0; i < co->ncellvars; i++) {
    Obj *cn = TUPLE_GET(cellvars, i);
    int slot = -1;
    for (int j = 0; j < co->nlocals; j++)
      if (str_eq(TUPLE_GET(varnames, j), cn)) {
        slot = j;
        break;
      }
    if (slot < 0) slot = co->nlocals + extra++;
    co->cell2slot[i] = slot;
  }
  co->nlocalsplus = co->nlocals + extra + co->nfreevars;
  {
    /* scratch: an int per unit for depths, then a worklist */
    size_t sz = (size_t)(ncode + 2) * (sizeof(int) + sizeof(ssize)) + 16;
    int *scratch = ht_alloc(HT_TAG_COMPILER, sz);
    if (!scratch) goto nomem;
    int maxd = 0;
    const char *why = verify_code(code, ncode, (int)TUPLE_SIZE(consts),
                                  (int)TUPLE_SIZE(names), co->nlocalsplus,
                                  co->nlocals, co->nfreevars, &maxd, scratch);
    ht_free(HT_TAG_COMPILER, scratch, sz);
    if (why) {
      vm_raise(vm, &Exc_SystemError, "bad code object %S: %s", co->qualname, why);
      goto fail;
    }
    if (maxd > co->stacksize) co->stacksize = maxd;
  }
  co->xcode = ht_alloc(HT_TAG_CODE, (size_t)(ncode ? ncode : 1) * sizeof(uint16_t));
  if (!co->xcode) goto nomem;
  quicken(co->xcode, code, ncode);
  code_alloc_caches(co);          /* optional: made lazily if this fails */
  int nsetup = 0;
  for (ssize i = 0; i < ncode; i++)
    if ((code[i] & 0xFF) == OP_SETUP_FINALLY) nsetup++;
  co->maxblocks = nsetup;
  return (Obj *)co;
nomem:
  vm_raise_nomem(vm);
fail:
  decref(vm, (Obj *)co);
  return NULL;
}

int code_line(CodeObj *co, ssize i) {
  if (i < 0) i = 0;
  if (i >= co->ncode) {
    if (co->ncode == 0) return co->firstlineno;
    i = co->ncode - 1;
  }
  return ((const int32_t *)((BytesObj *)co->linetable)->data)[i];
}

Obj *code_slot_name(CodeObj *co, int i) {
  if (i < co->nlocals) return TUPLE_GET(co->varnames, i);
  int firstfree = co->nlocalsplus - co->nfreevars;
  if (i >= firstfree) return TUPLE_GET(co->freevars, i - firstfree);
  for (int k = 0; k < co->ncellvars; k++)
    if (co->cell2slot[k] == i) return TUPLE_GET(co->cellvars, k);
  return NULL;
}

bool code_slot_is_free(CodeObj *co, int i) {
  return i >= co->nlocalsplus - co->nfreevars;
}

void code_free_caches(CodeObj *co);

static void code_dealloc(VM *vm, Obj *o) {
  CodeObj *co = (CodeObj *)o;
  code_free_caches(co);
  if (co->code)
    ht_free(HT_TAG_CODE, co->code, (size_t)(co->ncode ? co->ncode : 1) * sizeof(uint16_t));
  if (co->xcode)
    ht_free(HT_TAG_CODE, co->xcode, (size_t)(co->ncode ? co->ncode : 1) * sizeof(uint16_t));
  if (co->cell2slot)
    ht_free(HT_TAG_CODE, co->cell2slot,
            (size_t)(co->ncellvars ? co->ncellvars : 1) * sizeof(int));
  xdecref(vm, co->consts);
  xdecref(vm, co->names);
  xdecref(vm, co->varnames);
  xdecref(vm, co->cellvars);
  xdecref(vm, co->freevars);
  xdecref(vm, co->filename);
  xdecref(vm, co->name);
  xdecref(vm, co->qualname);
  xdecref(vm, co->linetable);
  obj_free(vm, o, sizeof(CodeObj));
}

static int code_traverse(Obj *o, visitproc visit, void *arg) {
  CodeObj *co = (CodeObj *)o;
  int r;
  if (co->consts)
    for (ssize i = 0; i < TUPLE_SIZE(co->consts); i++)
      if ((r = visit(TUPLE_GET(co->consts, i), EDGE_CONST, i, NULL, arg))) return r;
  Obj *other[] = {co->names, co->varnames, co->cellvars, co->freevars,
                  co->filename, co->name, co->qualname, co->linetable};
  for (size_t i = 0; i < sizeof other / sizeof other[0]; i++)
    if (other[i] && (r = visit(other[i], EDGE_OTHER, (ssize)i, NULL, arg))) return r;
  return 0;
}

static size_t code_sizeof(Obj *o) {
  CodeObj *co = (CodeObj *)o;
  return sizeof(CodeObj) + 2 * (size_t)co->ncode * sizeof(uint16_t) +
         (size_t)co->ncellvars * sizeof(int);
}

static Obj *code_repr(VM *vm, Obj *o) {
  CodeObj *co = (CodeObj *)o;
  return str_fromf(vm, "<code object %S at %p, file \"%S\", line %d>", co->name,
                   (void *)o, co->filename, co->firstlineno);
}

#define CO(o) ((CodeObj *)(o))
static Obj *co_name(VM *vm, Obj *o) { return incref(CO(o)->name); }
static Obj *co_qualname(VM *vm, Obj *o) { return incref(CO(o)->qualname); }
static Obj *co_filename(VM *vm, Obj *o) { return incref(CO(o)->filename); }
static Obj *co_consts(VM *vm, Obj *o) { return incref(CO(o)->consts); }
static Obj *co_names(VM *vm, Obj *o) { return incref(CO(o)->names); }
static Obj *co_varnames(VM *vm, Obj *o) { return incref(CO(o)->varnames); }
static Obj *co_cellvars(VM *vm, Obj *o) { return incref(CO(o)->cellvars); }
static Obj *co_freevars(VM *vm, Obj *o) { return incref(CO(o)->freevars); }
static Obj *co_argcount(VM *vm, Obj *o) { return int_from_i64(vm, CO(o)->argcount); }
static Obj *co_posonlyargcount(VM *vm, Obj *o) {
  return int_from_i64(vm, CO(o)->posonlyargcount);
}
static Obj *co_kwonlyargcount(VM *vm, Obj *o) {
  return int_from_i64(vm, CO(o)->kwonlyargcount);
}
static Obj *co_nlocals(VM *vm, Obj *o) { return int_from_i64(vm, CO(o)->nlocals); }
static Obj *co_stacksize(VM *vm, Obj *o) { return int_from_i64(vm, CO(o)->stacksize); }
static Obj *co_flags(VM *vm, Obj *o) { return int_from_i64(vm, CO(o)->flags); }
static Obj *co_firstlineno(VM *vm, Obj *o) {
  return int_from_i64(vm, CO(o)->firstlineno);
}
static Obj *co_code(VM *vm, Obj *o) {
  CodeObj *co = CO(o);
  Obj *b = bytes_new_uninit(vm, (size_t)co->ncode * 2);
  if (!b) return NULL;
  unsigned char *d = (unsigned char *)((BytesObj *)b)->data;
  for (ssize i = 0; i < co->ncode; i++) {
    d[2 * i] = (unsigned char)(co->code[i] & 0xFF);
    d[2 * i + 1] = (unsigned char)(co->code[i] >> 8);
  }
  return b;
}
#undef CO

static const GetSetDef code_getset[] = {
  {"co_name", co_name, NULL},
  {"co_qualname", co_qualname, NULL},
  {"co_filename", co_filename, NULL},
  {"co_consts", co_consts, NULL},
  {"co_names", co_names, NULL},
  {"co_varnames", co_varnames, NULL},
  {"co_cellvars", co_cellvars, NULL},
  {"co_freevars", co_freevars, NULL},
  {"co_argcount", co_argcount, NULL},
  {"co_posonlyargcount", co_posonlyargcount, NULL},
  {"co_kwonlyargcount", co_kwonlyargcount, NULL},
  {"co_nlocals", co_nlocals, NULL},
  {"co_stacksize", co_stacksize, NULL},
  {"co_flags", co_flags, NULL},
  {"co_firstlineno", co_firstlineno, NULL},
  {"co_code", co_code, NULL},
  {NULL, NULL, NULL},
};

TypeObj Code_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "code",
  .tag = HT_TAG_CODE,
  .basicsize = sizeof(CodeObj),
  .dealloc = code_dealloc,
  .sizeof_ = code_sizeof,
  .traverse = code_traverse,
  .repr = code_repr,
  .getset = code_getset,
};

/* ------------------------------------------------------------------ */
/* function                                                           */
/* ------------------------------------------------------------------ */

Obj *function_new(VM *vm, Obj *code, Obj *globals) {
  Obj *mod = dict_get(vm, globals, vm->str_name);
  if (!mod) vm_exc_clear(vm);
  return function_new_in(vm, code, globals, mod);
}

Obj *function_new_in(VM *vm, Obj *code, Obj *globals, Obj *module) {
  CodeObj *co = (CodeObj *)code;
  FunctionObj *f = (FunctionObj *)gc_alloc(vm, &Function_Type, sizeof(FunctionObj));
  if (!f) return NULL;
  f->code = incref(code);
  f->globals = incref(globals);
  f->builtins = incref(vm->builtins);
  f->name = incref(co->name);
  f->qualname = incref(co->qualname);
  Obj *doc = TUPLE_SIZE(co->consts) > 0 ? TUPLE_GET(co->consts, 0) : NULL;
  f->doc = (doc && str_check(doc)) ? incref(doc) : NULL;
  f->module = xincref(module);
  return (Obj *)f;
}

static void function_dealloc(VM *vm, Obj *o) {
  FunctionObj *f = (FunctionObj *)o;
  gc_untrack(o);
  /* No trash queue here (CPython's func_dealloc has no trashcan either): a
  ** function holds no function directly, so any chain of deallocations
  ** through it passes through a container -- tuple (closure, defaults,
  ** consts), dict, cell -- whose dealloc bounds the depth. */
  xdecref(vm, f->code);
  xdecref(vm, f->globals);
  xdecref(vm, f->builtins);
  xdecref(vm, f->name);
  xdecref(vm, f->qualname);
  xdecref(vm, f->defaults);
  xdecref(vm, f->kwdefaults);
  xdecref(vm, f->closure);
  xdecref(vm, f->dict);
  xdecref(vm, f->module);
  xdecref(vm, f->doc);
  gc_free(vm, o, sizeof(FunctionObj));
}

static int function_traverse(Obj *o, visitproc visit, void *arg) {
  FunctionObj *f = (FunctionObj *)o;
  int r;
#define V(x, kind, idx, nm) if ((x) && (r = visit((x), kind, idx, nm, arg))) return r;
  V(f->code, EDGE_CODE, 0, NULL)
  V(f->globals, EDGE_GLOBALS, 0, NULL)
  V(f->builtins, EDGE_OTHER, 0, NULL)
  V(f->defaults, EDGE_DEFAULTS, 0, NULL)
  V(f->kwdefaults, EDGE_DEFAULTS, 1, NULL)
  if (f->closure)
    for (ssize i = 0; i < TUPLE_SIZE(f->closure); i++)
      V(TUPLE_GET(f->closure, i), EDGE_CLOSURE, i, NULL)
  V(f->closure, EDGE_OTHER, 1, NULL)
  V(f->dict, EDGE_DICT, 0, NULL)
  V(f->name, EDGE_OTHER, 2, NULL)
  V(f->qualname, EDGE_OTHER, 3, NULL)
  V(f->module, EDGE_OTHER, 4, NULL)
  V(f->doc, EDGE_OTHER, 5, NULL)
#undef V
  return 0;
}

static int function_clear(VM *vm, Obj *o) {
  FunctionObj *f = (FunctionObj *)o;
  Obj *x[] = {f->globals, f->builtins, f->defaults, f->kwdefaults, f->closure,
              f->dict, f->module, f->doc};
  f->globals = f->builtins = f->defaults = f->kwdefaults = f->closure = NULL;
  f->dict = f->module = f->doc = NULL;
  for (size_t i = 0; i < sizeof x / sizeof x[0]; i++) xdecref(vm, x[i]);
  return 0;
}

Obj *function_call(VM *vm, Obj *func, Obj *const *args, size_t nargs,
                   Obj *kwnames) {
  FrameObj *f = frame_for_call(vm, func, args, nargs, kwnames, false);
  if (!f) return NULL;
  return vm_eval(vm, f);
}

static Obj *function_repr(VM *vm, Obj *o) {
  return str_fromf(vm, "<function %S at %p>", ((FunctionObj *)o)->qualname,
                   (void *)o);
}

static Obj *function_descr_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  if (!obj || obj == None) return incref(descr);
  return method_new(vm, descr, obj);
}

#define FN(o) ((FunctionObj *)(o))
static Obj *fn_get_name(VM *vm, Obj *o) { return incref(FN(o)->name); }
static int fn_set_name(VM *vm, Obj *o, Obj *v) {
  if (!v || !str_check(v)) {
    vm_raise(vm, &Exc_TypeError, "__name__ must be set to a string object");
    return -1;
  }
  obj_setref(vm, &FN(o)->name, incref(v));
  return 0;
}
static Obj *fn_get_qualname(VM *vm, Obj *o) { return incref(FN(o)->qualname); }
static int fn_set_qualname(VM *vm, Obj *o, Obj *v) {
  if (!v || !str_check(v)) {
    vm_raise(vm, &Exc_TypeError, "__qualname__ must be set to a string object");
    return -1;
  }
  obj_setref(vm, &FN(o)->qualname, incref(v));
  return 0;
}
static Obj *fn_get_code(VM *vm, Obj *o) { return incref(FN(o)->code); }
static int fn_set_code(VM *vm, Obj *o, Obj *v) {
  if (!v || v->type != &Code_Type) {
    vm_raise(vm, &Exc_TypeError, "__code__ must be set to a code object");
    return -1;
  }
  int nfree = ((CodeObj *)v)->nfreevars;
  int nclosure = FN(o)->closure ? (int)TUPLE_SIZE(FN(o)->closure) : 0;
  if (nfree != nclosure) {
    vm_raise(vm, &Exc_ValueError,
             "%S() requires a code object with %d free vars, not %d",
             FN(o)->name, nclosure, nfree);
    return -1;
  }
  obj_setref(vm, &FN(o)->code, incref(v));
  return 0;
}
static Obj *fn_get_closure(VM *vm, Obj *o) { return orn(FN(o)->closure); }
static Obj *fn_get_defaults(VM *vm, Obj *o) { return orn(FN(o)->defaults); }
static int fn_set_defaults(VM *vm, Obj *o, Obj *v) {
  if (v == None) v = NULL;
  if (v && !tuple_check(v)) {
    vm_raise(vm, &Exc_TypeError, "__defaults__ must be set to a tuple object");
    return -1;
  }
  obj_setref(vm, &FN(o)->defaults, xincref(v));
  return 0;
}
static Obj *fn_get_kwdefaults(VM *vm, Obj *o) { return orn(FN(o)->kwdefaults); }
static int fn_set_kwdefaults(VM *vm, Obj *o, Obj *v) {
  if (v == None) v = NULL;
  if (v && !dict_check(v)) {
    vm_raise(vm, &Exc_TypeError, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  obj_setref(vm, &FN(o)->kwdefaults, xincref(v));
  return 0;
}
static Obj *fn_get_globals(VM *vm, Obj *o) { return incref(FN(o)->globals); }
static Obj *fn_get_builtins(VM *vm, Obj *o) { return incref(FN(o)->builtins); }
static Obj *fn_get_dict(VM *vm, Obj *o) {
  if (!FN(o)->dict) {
    FN(o)->dict = dict_new(vm);
    if (!FN(o)->dict) return NULL;
  }
  return incref(FN(o)->dict);
}
static int fn_set_dict(VM *vm, Obj *o, Obj *v) {
  if (!v || !dict_check(v)) {
    vm_raise(vm, &Exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
             v ? obj_type_name(v) : "NoneType");
    return -1;
  }
  obj_setref(vm, &FN(o)->dict, incref(v));
  return 0;
}
static Obj *fn_get_module(VM *vm, Obj *o) { return orn(FN(o)->module); }
static int fn_set_module(VM *vm, Obj *o, Obj *v) {
  obj_setref(vm, &FN(o)->module, xincref(v));
  return 0;
}
static Obj *fn_get_doc(VM *vm, Obj *o) { return orn(FN(o)->doc); }
static int fn_set_doc(VM *vm, Obj *o, Obj *v) {
  obj_setref(vm, &FN(o)->doc, xincref(v == None ? NULL : v));
  return 0;
}
static Obj *fn_get_annotations(VM *vm, Obj *o) {
  Obj *d = fn_get_dict(vm, o);
  if (!d) return NULL;
  Obj *a = dict_get_cstr(vm, d, "__annotations__");
  if (!a) {
    a = dict_new(vm);
    if (!a || dict_set_cstr(vm, d, "__annotations__", a) < 0) {
      xdecref(vm, a);
      decref(vm, d);
      return NULL;
    }
    decref(vm, a);
  }
  decref(vm, d);
  return incref(a);
}
static int fn_set_annotations(VM *vm, Obj *o, Obj *v) {
  if (v == None) v = NULL;
  if (v && !dict_check(v)) {
    vm_raise(vm, &Exc_TypeError, "__annotations__ must be set to a dict object");
    return -1;
  }
  Obj *d = fn_get_dict(vm, o);
  if (!d) return -1;
  int r;
  if (v) {
    r = dict_set_cstr(vm, d, "__annotations__", v);
  } else {
    Obj *k = str_intern_cstr(vm, "__annotations__");
    r = k ? dict_del(vm, d, k) : -1;
    if (r < 0 && vm_exc_matches(vm, &Exc_KeyError)) {
      vm_exc_clear(vm);
      r = 0;
    }
  }
  decref(vm, d);
  return r;
}
#undef FN

static const GetSetDef function_getset[] = {
  {"__name__", fn_get_name, fn_set_name},
  {"__qualname__", fn_get_qualname, fn_set_qualname},
  {"__code__", fn_get_code, fn_set_code},
  {"__closure__", fn_get_closure, NULL},
  {"__defaults__", fn_get_defaults, fn_set_defaults},
  {"__kwdefaults__", fn_get_kwdefaults, fn_set_kwdefaults},
  {"__globals__", fn_get_globals, NULL},
  {"__builtins__", fn_get_builtins, NULL},
  {"__dict__", fn_get_dict, fn_set_dict},
  {"__module__", fn_get_module, fn_set_module},
  {"__doc__", fn_get_doc, fn_set_doc},
  {"__annotations__", fn_get_annotations, fn_set_annotations},
  {NULL, NULL, NULL},
};

TypeObj Function_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "function",
  .tag = HT_TAG_FUNCTION,
  .basicsize = sizeof(FunctionObj),
  .flags = TF_GC,
  .dealloc = function_dealloc,
  .traverse = function_traverse,
  .clear = function_clear,
  .repr = function_repr,
  .call = function_call,
  .descr_get = function_descr_get,
  .getset = function_getset,
  .dictoffset = offsetof(FunctionObj, dict),
};
