/*
** test-vm-core.c -- the VM core without the compiler: code objects are
** assembled by hand here, so the evaluator, calls and argument binding,
** closures, exceptions, the collector and teardown are tested on their own.
*/
#include <stdio.h>
#include <string.h>
#include <stdarg.h>
#include "tap.h"
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "int.h"
#include "opcodes.h"
#include "containers.h"

/* The compiler and two modules live in other components; the tests never
** call them, but libhtvm refers to them. */
Obj *compile_module(VM *vm, const char *src, size_t n, Obj *filename);
int dis_code(VM *vm, Obj *code);
Obj *dismod_init(VM *vm);
Obj *mathmod_init(VM *vm);
__attribute__((weak)) Obj *compile_module(VM *vm, const char *src, size_t n,
                                          Obj *filename) {
  (void)src; (void)n; (void)filename;
  return vm_raise(vm, &Exc_NotImplementedError, "no compiler in this test");
}
__attribute__((weak)) int dis_code(VM *vm, Obj *code) { (void)vm; (void)code; return -1; }
__attribute__((weak)) Obj *dismod_init(VM *vm) {
  return vm_raise(vm, &Exc_NotImplementedError, "no dis in this test");
}
__attribute__((weak)) Obj *mathmod_init(VM *vm) {
  return vm_raise(vm, &Exc_NotImplementedError, "no math in this test");
}

/* ------------------------------------------------------------------ */
/* A tiny assembler                                                   */
/* ------------------------------------------------------------------ */

typedef struct Asm {
  uint16_t code[512];
  int lines[512];
  int n;
} Asm;

static void emit(Asm *a, int op, int arg) {
  if (arg > 255) emit(a, OP_EXTENDED_ARG, arg >> 8);
  a->lines[a->n] = 1;
  a->code[a->n++] = (uint16_t)(op | ((arg & 0xFF) << 8));
}

static Obj *strs(VM *vm, int n, ...) {
  va_list ap;
  va_start(ap, n);
  Obj *t = tuple_new(vm, n);
  for (int i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = str_from_cstr(vm, va_arg(ap, const char *));
  va_end(ap);
  return t;
}

/* Build a code object; CONSTS, NAMES, VARNAMES, CELLS, FREES are stolen. */
static Obj *mkcode(VM *vm, Asm *a, const char *name, Obj *consts, Obj *names,
                   Obj *varnames, Obj *cells, Obj *frees, int argcount,
                   int kwonly, int flags) {
  Obj *fn = str_from_cstr(vm, "test.py");
  Obj *nm = str_from_cstr(vm, name);
  Obj *co = code_new(vm, a->code, a->n, a->lines, consts, names, varnames, cells,
                     frees, fn, nm, nm, argcount, 0, kwonly, 16, flags, 1);
  decref(vm, fn);
  decref(vm, nm);
  decref(vm, consts);
  decref(vm, names);
  decref(vm, varnames);
  decref(vm, cells);
  decref(vm, frees);
  return co;
}

static Obj *run_module(VM *vm, Obj *code, Obj **globals_out) {
  Obj *g = dict_new(vm);
  dict_set_cstr(vm, g, "__name__", vm->str_main);
  FrameObj *f = frame_new(vm, (CodeObj *)code, NULL, g, vm->builtins, g);
  Obj *r = f ? vm_eval(vm, f) : NULL;
  if (globals_out) *globals_out = g;
  else {
    dict_clear(vm, g);
    decref(vm, g);
  }
  return r;
}

static int64_t as_int(Obj *o) {
  return (o && int_check(o) && int_fits_i64(o)) ? int_as_i64_unchecked(o) : -999999;
}

static bool exc_is(VM *vm, TypeObj *t, const char *msg) {
  if (!vm->exc || vm->exc->type != t) return false;
  Obj *s = obj_str(vm, vm->exc);
  bool ok = s && !strcmp(STR_UTF8(s), msg);
  if (!ok && s) tap_diag("got message: %s", STR_UTF8(s));
  xdecref(vm, s);
  return ok;
}

static uint64_t live_objects(void) {
  uint64_t n = 0;
  for (int t = 0; t < HT_NTAGS; t++) n += ht_arena_stats(t)->cur_count;
  return n;
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

/* f(a, b): return a - b, called as f(10, 3) */
static void test_call(VM *vm) {
  Asm fa = {0};
  emit(&fa, OP_LOAD_FAST, 0);
  emit(&fa, OP_LOAD_FAST, 1);
  emit(&fa, OP_BINARY_OP, BINOP_SUB);
  emit(&fa, OP_RETURN_VALUE, 0);
  Obj *fcode = mkcode(vm, &fa, "f", tuple_pack(vm, 1, None), tuple_new(vm, 0),
                      strs(vm, 2, "a", "b"), tuple_new(vm, 0), tuple_new(vm, 0),
                      2, 0, CO_OPTIMIZED | CO_NEWLOCALS);
  Asm m = {0};
  emit(&m, OP_LOAD_CONST, 0);
  emit(&m, OP_MAKE_FUNCTION, 0);
  emit(&m, OP_STORE_NAME, 0);
  emit(&m, OP_PUSH_NULL, 0);
  emit(&m, OP_LOAD_NAME, 0);
  emit(&m, OP_LOAD_CONST, 1);
  emit(&m, OP_LOAD_CONST, 2);
  emit(&m, OP_CALL, 2);
  emit(&m, OP_RETURN_VALUE, 0);
  Obj *c10 = int_from_i64(vm, 10), *c3 = int_from_i64(vm, 3);
  Obj *mcode = mkcode(vm, &m, "<module>", tuple_pack(vm, 3, fcode, c10, c3),
                      strs(vm, 1, "f"), tuple_new(vm, 0), tuple_new(vm, 0),
                      tuple_new(vm, 0), 0, 0, 0);
  decref(vm, c10);
  decref(vm, c3);
  decref(vm, fcode);
  Obj *g;
  Obj *r = run_module(vm, mcode, &g);
  tap_ok(as_int(r) == 7, "f(10, 3) returns 7");
  xdecref(vm, r);

  /* argument errors through the C call path */
  Obj *f = dict_get_cstr(vm, g, "f");
  Obj *one = int_from_i64(vm, 1);
  Obj *args3[3] = {one, one, one};
  r = obj_call(vm, f, args3, 1, NULL);
  tap_ok(!r && exc_is(vm, &Exc_TypeError,
                      "f() missing 1 required positional argument: 'b'"),
         "missing argument text");
  vm_exc_clear(vm);
  r = obj_call(vm, f, args3, 3, NULL);
  tap_ok(!r && exc_is(vm, &Exc_TypeError,
                      "f() takes 2 positional arguments but 3 were given"),
         "too many arguments text");
  vm_exc_clear(vm);
  Obj *kw = strs(vm, 1, "a");
  r = obj_call(vm, f, args3, 1, kw);
  tap_ok(!r && exc_is(vm, &Exc_TypeError, "f() got multiple values for argument 'a'"),
         "multiple values text");
  vm_exc_clear(vm);
  decref(vm, kw);
  kw = strs(vm, 1, "z");
  r = obj_call(vm, f, args3, 2, kw);
  tap_ok(!r && exc_is(vm, &Exc_TypeError, "f() got an unexpected keyword argument 'z'"),
         "unexpected keyword text");
  vm_exc_clear(vm);
  decref(vm, kw);
  kw = strs(vm, 2, "b", "a");
  Obj *five = int_from_i64(vm, 5);
  Obj *kargs[2] = {one, five};
  r = obj_call(vm, f, kargs, 0, kw);
  tap_ok(as_int(r) == 4, "keywords bind by name: f(b=1, a=5) == 4");
  xdecref(vm, r);
  decref(vm, kw);
  decref(vm, five);
  decref(vm, one);
  dict_clear(vm, g);
  decref(vm, g);
  decref(vm, mcode);
}

/* def fact(n): return 1 if n <= 1 else n * fact(n - 1) -- deep recursion
** without C recursion, and RecursionError at the limit. */
static Obj *fact_module(VM *vm) {
  Asm fa = {0};
  emit(&fa, OP_LOAD_FAST, 0);          /* 0 */
  emit(&fa, OP_LOAD_CONST, 1);         /* 1 */
  emit(&fa, OP_COMPARE_OP, CMP_LE);    /* 2 */
  emit(&fa, OP_POP_JUMP_IF_FALSE, 6);  /* 3 */
  emit(&fa, OP_LOAD_CONST, 1);         /* 4 */
  emit(&fa, OP_RETURN_VALUE, 0);       /* 5 */
  emit(&fa, OP_LOAD_FAST, 0);          /* 6 */
  emit(&fa, OP_PUSH_NULL, 0);          /* 7 */
  emit(&fa, OP_LOAD_GLOBAL, 0);        /* 8 */
  emit(&fa, OP_LOAD_FAST, 0);          /* 9 */
  emit(&fa, OP_LOAD_CONST, 1);         /* 10 */
  emit(&fa, OP_BINARY_OP, BINOP_SUB);  /* 11 */
  emit(&fa, OP_CALL, 1);               /* 12 */
  emit(&fa, OP_BINARY_OP, BINOP_MUL);  /* 13 */
  emit(&fa, OP_RETURN_VALUE, 0);       /* 14 */
  Obj *one = int_from_i64(vm, 1);
  Obj *fcode = mkcode(vm, &fa, "fact", tuple_pack(vm, 2, None, one),
                      strs(vm, 1, "fact"), strs(vm, 1, "n"), tuple_new(vm, 0),
                      tuple_new(vm, 0), 1, 0, CO_OPTIMIZED | CO_NEWLOCALS);
  decref(vm, one);
  return fcode;
}

static void test_recursion(VM *vm) {
  Obj *fcode = fact_module(vm);
  Obj *g = dict_new(vm);
  dict_set_cstr(vm, g, "__name__", vm->str_main);
  Obj *fact = function_new(vm, fcode, g);
  dict_set_cstr(vm, g, "fact", fact);
  Obj *n = int_from_i64(vm, 20);
  Obj *r = obj_call1(vm, fact, n);
  tap_ok(as_int(r) == 2432902008176640000LL, "fact(20) through LOAD_GLOBAL recursion");
  xdecref(vm, r);
  decref(vm, n);

  int depth0 = vm->depth;
  n = int_from_i64(vm, 5000);
  r = obj_call1(vm, fact, n);
  tap_ok(!r && exc_is(vm, &Exc_RecursionError, "maximum recursion depth exceeded"),
         "RecursionError at the default limit");
  tap_ok(vm->depth == depth0, "depth restored after RecursionError (%d)", vm->depth);
  vm_exc_clear(vm);

  vm->recursion_limit = 200000;
  n = (decref(vm, n), int_from_i64(vm, 100000));
  r = obj_call1(vm, fact, n);
  tap_ok(r != NULL && int_check(r), "100000-deep recursion runs without C recursion");
  if (!r) vm_print_exception(vm);
  xdecref(vm, r);
  vm->recursion_limit = 1000;
  decref(vm, n);
  decref(vm, fact);
  dict_clear(vm, g);
  decref(vm, g);
  decref(vm, fcode);
}

/* def outer(x):
**     def inner(): return x
**     return inner
** outer(42)() == 42, and inner.__closure__[0].cell_contents == 42 */
static void test_closure(VM *vm) {
  Asm ia = {0};
  emit(&ia, OP_COPY_FREE_VARS, 1);
  emit(&ia, OP_LOAD_DEREF, 0);
  emit(&ia, OP_RETURN_VALUE, 0);
  Obj *icode = mkcode(vm, &ia, "inner", tuple_pack(vm, 1, None), tuple_new(vm, 0),
                      tuple_new(vm, 0), tuple_new(vm, 0), strs(vm, 1, "x"), 0, 0,
                      CO_OPTIMIZED | CO_NEWLOCALS | CO_NESTED);
  Asm oa = {0};
  emit(&oa, OP_MAKE_CELL, 0);
  emit(&oa, OP_LOAD_CLOSURE, 0);
  emit(&oa, OP_BUILD_TUPLE, 1);
  emit(&oa, OP_LOAD_CONST, 1);
  emit(&oa, OP_MAKE_FUNCTION, 8);
  emit(&oa, OP_STORE_FAST, 1);
  emit(&oa, OP_LOAD_FAST, 1);
  emit(&oa, OP_RETURN_VALUE, 0);
  Obj *ocode = mkcode(vm, &oa, "outer", tuple_pack(vm, 2, None, icode),
                      tuple_new(vm, 0), strs(vm, 2, "x", "inner"), strs(vm, 1, "x"),
                      tuple_new(vm, 0), 1, 0, CO_OPTIMIZED | CO_NEWLOCALS);
  decref(vm, icode);
  Obj *g = dict_new(vm);
  Obj *outer = function_new(vm, ocode, g);
  Obj *v = int_from_i64(vm, 42);
  Obj *inner = obj_call1(vm, outer, v);
  tap_ok(inner && inner->type == &Function_Type, "outer(42) returns a function");
  Obj *r = inner ? obj_call0(vm, inner) : NULL;
  tap_ok(as_int(r) == 42, "the closure reads its cell");
  xdecref(vm, r);
  Obj *cl = inner ? obj_getattr_cstr(vm, inner, "__closure__") : NULL;
  Obj *cc = cl && tuple_check(cl) ? obj_getattr_cstr(vm, TUPLE_GET(cl, 0), "cell_contents") : NULL;
  tap_ok(as_int(cc) == 42, "__closure__[0].cell_contents == 42");
  xdecref(vm, cc);
  xdecref(vm, cl);
  Obj *qn = inner ? obj_repr(vm, inner) : NULL;
  tap_ok(qn && !strncmp(STR_UTF8(qn), "<function inner at 0x", 21), "function repr");
  xdecref(vm, qn);
  xdecref(vm, inner);
  decref(vm, v);
  decref(vm, outer);
  decref(vm, g);
  decref(vm, ocode);
}

/* try: 1/0 except ZeroDivisionError: return 'caught' */
static void test_except(VM *vm) {
  Asm a = {0};
  emit(&a, OP_SETUP_FINALLY, 6);       /* 0 */
  emit(&a, OP_LOAD_CONST, 1);          /* 1 */
  emit(&a, OP_LOAD_CONST, 2);          /* 2 */
  emit(&a, OP_BINARY_OP, BINOP_TRUEDIV); /* 3 */
  emit(&a, OP_POP_BLOCK, 0);           /* 4 */
  emit(&a, OP_RETURN_VALUE, 0);        /* 5 */
  emit(&a, OP_PUSH_EXC_INFO, 0);       /* 6: prev, exc */
  emit(&a, OP_LOAD_GLOBAL, 0);         /* 7 */
  emit(&a, OP_CHECK_EXC_MATCH, 0);     /* 8 */
  emit(&a, OP_POP_JUMP_IF_FALSE, 14);  /* 9 */
  emit(&a, OP_POP_TOP, 0);             /* 10: prev */
  emit(&a, OP_POP_EXCEPT, 0);          /* 11 */
  emit(&a, OP_LOAD_CONST, 3);          /* 12 */
  emit(&a, OP_RETURN_VALUE, 0);        /* 13 */
  emit(&a, OP_RERAISE, 0);             /* 14 */
  Obj *one = int_from_i64(vm, 1), *zero = int_from_i64(vm, 0);
  Obj *caught = str_from_cstr(vm, "caught");
  Obj *code = mkcode(vm, &a, "<module>", tuple_pack(vm, 4, None, one, zero, caught),
                     strs(vm, 1, "ZeroDivisionError"), tuple_new(vm, 0),
                     tuple_new(vm, 0), tuple_new(vm, 0), 0, 0, 0);
  decref(vm, one);
  decref(vm, zero);
  decref(vm, caught);
  Obj *r = run_module(vm, code, NULL);
  tap_ok(r && str_check(r) && str_eq_cstr(r, "caught"), "except clause catches 1/0");
  tap_ok(vm->handled_exc == NULL, "handled exception restored");
  xdecref(vm, r);
  decref(vm, code);
}

static void test_gc(VM *vm) {
  Obj *a = list_new(vm, 0), *b = list_new(vm, 0);
  list_append(vm, a, b);
  list_append(vm, b, a);
  decref(vm, a);
  decref(vm, b);
  uint64_t before = ht_arena_stats(HT_TAG_LIST)->cur_count;
  ssize n = gc_collect(vm);
  uint64_t after = ht_arena_stats(HT_TAG_LIST)->cur_count;
  tap_ok(n == 2, "gc.collect() finds the 2 lists of a cycle (%zd)", n);
  tap_ok(after < before, "the cycle's memory is freed (%llu -> %llu)",
         (unsigned long long)before, (unsigned long long)after);
  tap_ok(gc_collect(vm) == 0, "a second collection finds nothing");
}

static void test_objects(VM *vm) {
  Obj *one = int_from_i64(vm, 1);
  Obj *s = str_from_cstr(vm, "a");
  Obj *r = obj_binop(vm, one, s, BINOP_ADD);
  tap_ok(!r && exc_is(vm, &Exc_TypeError,
                      "unsupported operand type(s) for +: 'int' and 'str'"),
         "binop TypeError text");
  vm_exc_clear(vm);
  r = obj_richcmp(vm, one, s, CMP_LT);
  tap_ok(!r && exc_is(vm, &Exc_TypeError,
                      "'<' not supported between instances of 'int' and 'str'"),
         "comparison TypeError text");
  vm_exc_clear(vm);
  tap_ok(obj_richcmp_bool(vm, one, s, CMP_EQ) == 0, "1 == 'a' is False");
  r = obj_getattr_cstr(vm, one, "nope");
  tap_ok(!r && exc_is(vm, &Exc_AttributeError, "'int' object has no attribute 'nope'"),
         "AttributeError text");
  vm_exc_clear(vm);
  r = obj_call0(vm, one);
  tap_ok(!r && exc_is(vm, &Exc_TypeError, "'int' object is not callable"),
         "not callable text");
  vm_exc_clear(vm);
  Obj *l = list_new(vm, 0);
  tap_ok(obj_hash(vm, l) == -1 && exc_is(vm, &Exc_TypeError, "unhashable type: 'list'"),
         "unhashable text");
  vm_exc_clear(vm);
  Obj *tn = obj_repr(vm, (Obj *)&Int_Type);
  tap_ok(tn && str_eq_cstr(tn, "<class 'int'>"), "repr(int)");
  xdecref(vm, tn);
  Obj *m = obj_getattr_cstr(vm, l, "append");
  Obj *mr = m ? obj_repr(vm, m) : NULL;
  tap_ok(mr && !strncmp(STR_UTF8(mr), "<built-in method append of list object at 0x", 44),
         "bound builtin method repr");
  xdecref(vm, mr);
  xdecref(vm, m);
  m = obj_getattr_cstr(vm, (Obj *)&List_Type, "append");
  mr = m ? obj_repr(vm, m) : NULL;
  tap_ok(mr && str_eq_cstr(mr, "<method 'append' of 'list' objects>"), "method descriptor repr");
  xdecref(vm, mr);
  xdecref(vm, m);
  Obj *exc = vm_raise(vm, &Exc_KeyError, "%R", s);
  (void)exc;
  Obj *e = vm_exc_fetch(vm);
  Obj *es = e ? obj_str(vm, e) : NULL;
  tap_ok(es && str_eq_cstr(es, "\"'a'\""), "str(KeyError(\"'a'\")) uses repr");
  xdecref(vm, es);
  Obj *er = e ? obj_repr(vm, e) : NULL;
  tap_ok(er && str_eq_cstr(er, "KeyError(\"'a'\")"), "repr of an exception");
  xdecref(vm, er);
  xdecref(vm, e);
  decref(vm, l);
  decref(vm, s);
  decref(vm, one);
}

int main(void) {
  ht_arena_init();
  uint64_t live0 = live_objects();
  char a0[] = "test.py", a1[] = "x";
  char *argv[] = {a0, a1};
  VM *vm = vm_new(2, argv, "/tmp/test.py");
  tap_ok(vm != NULL, "vm_new");
  if (!vm) return tap_done();
  test_call(vm);
  test_recursion(vm);
  test_closure(vm);
  test_except(vm);
  test_gc(vm);
  test_objects(vm);
  uint64_t frames = ht_arena_stats(HT_TAG_FRAME)->cur_count;
  tap_ok(frames == 0, "no frame left alive (%llu)", (unsigned long long)frames);
  vm_free(vm);
  uint64_t live1 = live_objects();
  if (live1 != live0)
    for (int t = 0; t < HT_NTAGS; t++)
      if (ht_arena_stats(t)->cur_count)
        tap_diag("tag %s: %llu live", ht_tag_name(t),
                 (unsigned long long)ht_arena_stats(t)->cur_count);
  tap_ok(live1 == live0, "vm_free releases everything (%llu live blocks before, %llu after)",
         (unsigned long long)live0, (unsigned long long)live1);
  /* a second VM in the same process works and cleans up too */
  vm = vm_new(1, argv, NULL);
  tap_ok(vm != NULL, "a second VM starts");
  if (vm) {
    test_call(vm);
    vm_free(vm);
  }
  tap_ok(live_objects() == live0, "the second VM releases everything too");
  return tap_done();
}
