/*
** bool.c -- the bool type and its two instances.
**
** True and False are static, immortal IntObj values 1 and 0 (int.h's
** layout, two digits as every int) whose type is Bool_Type, a subclass of
** int that cannot itself be subclassed.  Every int operation accepts them;
** only & | ^ between two bools give a bool, as in CPython.  bool(x) is
** obj_truthy(x).
*/
#include "config.h"

#include <string.h>

#include "int.h"
#include "vm.h"

IntObj True_Obj = { OBJ_STATIC_INIT(&Bool_Type), 1, INT_MIN_ALLOC, { 1, 0 } };
IntObj False_Obj = { OBJ_STATIC_INIT(&Bool_Type), 0, INT_MIN_ALLOC, { 0, 0 } };

static Obj *bool_repr(VM *vm, Obj *o) {
  return incref(str_intern_cstr(vm, o == True_ ? "True" : "False"));
}

static Obj *bool_type_new(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames) > 0)
    return vm_raise(vm, &Exc_TypeError, "bool() takes no keyword arguments");
  if (nargs > 1)
    return vm_raise(vm, &Exc_TypeError, "bool expected at most 1 argument, got %zu", nargs);
  if (nargs == 0) return bool_new(false);
  int t = obj_truthy(vm, args[0]);
  if (t < 0) return NULL;
  return bool_new(t);
}

static inline bool is_bool(Obj *o) { return o->type == &Bool_Type; }

static Obj *bool_and(VM *vm, Obj *a, Obj *b) {
  if (is_bool(a) && is_bool(b)) return bool_new(a == True_ && b == True_);
  return int_and(vm, a, b);
}

static Obj *bool_or(VM *vm, Obj *a, Obj *b) {
  if (is_bool(a) && is_bool(b)) return bool_new(a == True_ || b == True_);
  return int_or(vm, a, b);
}

static Obj *bool_xor(VM *vm, Obj *a, Obj *b) {
  if (is_bool(a) && is_bool(b)) return bool_new(a != b);
  return int_xor(vm, a, b);
}

static int bool_bool(VM *vm, Obj *o) { return o == True_; }

static Obj *bool_int(VM *vm, Obj *o) { return int_exact(vm, o); }

static Obj *bool_float(VM *vm, Obj *o) { return float_new(vm, o == True_ ? 1.0 : 0.0); }

static void bool_dealloc(VM *vm, Obj *o) {
  /* True and False are immortal; reaching here means a refcount bug. */
  (void)vm;
  o->refcnt = IMMORTAL_REF;
}

static size_t bool_sizeof(Obj *o) { return INT_SIZE_OF(INT_MIN_ALLOC); }

TypeObj Bool_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "bool",
  .tag = HT_TAG_INT,
  .basicsize = offsetof(IntObj, d),
  .itemsize = sizeof(digit),
  .flags = TF_INT_SUBCLASS,
  .base = &Int_Type,
  .dealloc = bool_dealloc,
  .sizeof_ = bool_sizeof,
  .new_ = bool_type_new,
  .repr = bool_repr,
  .hash = int_hash,
  .richcmp = int_richcmp,
  .bool_ = bool_bool,
  .binop = {
    [BINOP_ADD] = int_add, [BINOP_SUB] = int_sub, [BINOP_MUL] = int_mul,
    [BINOP_FLOORDIV] = int_floordiv, [BINOP_MOD] = int_mod,
    [BINOP_TRUEDIV] = int_truediv, [BINOP_POW] = int_pow,
    [BINOP_LSHIFT] = int_lshift, [BINOP_RSHIFT] = int_rshift,
    [BINOP_AND] = bool_and, [BINOP_OR] = bool_or, [BINOP_XOR] = bool_xor,
  },
  .neg = int_neg,
  .pos = bool_int,
  .invert = int_invert,
  .abs = int_abs,
  .int_ = bool_int,
  .float_ = bool_float,
  .index = bool_int,
  .doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.",
};

TypeObj *const numbers_types[] = {&Int_Type, &Bool_Type, &Float_Type, NULL};
