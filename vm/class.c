/* Classes: builtins.__build_class__, type(name, bases, dict) creating heap
** types (tag CLASS, TF_HEAPTYPE, C3 MRO), their instances (tag INSTANCE,
** a __dict__ at dictoffset), and the slot functions that make a heap type's
** dunder methods (__repr__, __eq__, __len__, __add__ ...) reach the
** interpreter's protocols, like CPython's slot_tp_* wrappers.
**
** Heap types are GC objects (Type_Type has TF_GC; static types are immortal
** and have no GCHead): a class refers to itself through its mro and usually
** through its methods' globals or __class__ cells, so only the cycle
** collector frees it.  class_type_traverse visits every reference a heap
** type owns (metaclass, dict, mro, bases, base, qualname, module).
**
** Subclasses of int, str, tuple and float keep their base's layout; see
** "instances" below for where their __dict__ goes. */
#include <string.h>

#include "vm/object.h"
#include "vm/vm.h"
#include "vm/frame.h"
#include "vm/gc.h"
#include "vm/int.h"

/* ------------------------------------------------------------------ */
/* helpers                                                            */
/* ------------------------------------------------------------------ */

/* Look NAME up on O's type and call it with O as first argument. */
static Obj *call_dunder(VM *vm, Obj *o, const char *name, Obj *const *args,
                        size_t nargs, bool *found) {
  Obj *n = str_intern_cstr(vm, name);
  if (!n) return NULL;
  Obj *f = type_lookup(o->type, n);
  if (found) *found = f != NULL;
  if (!f) return NULL;
  Obj *stack[4];
  stack[0] = o;
  for (size_t i = 0; i < nargs && i < 3; i++) stack[i + 1] = args[i];
  if (f->type == &Function_Type) {
    incref(f);
    Obj *r = obj_call(vm, f, stack, nargs + 1, NULL);
    decref(vm, f);
    return r;
  }
  Obj *bound;
  incref(f);
  if (f->type->descr_get) {
    bound = f->type->descr_get(vm, f, o, (Obj *)o->type);
    decref(vm, f);
    if (!bound) return NULL;
  } else {
    bound = f;
  }
  Obj *r = obj_call(vm, bound, args, nargs, NULL);
  decref(vm, bound);
  return r;
}

static Obj *dunder_or_raise(VM *vm, Obj *o, const char *name, Obj *const *args,
                            size_t nargs) {
  bool found;
  Obj *r = call_dunder(vm, o, name, args, nargs, &found);
  if (!found && !vm_exc_occurred(vm))
    vm_raise(vm, &Exc_AttributeError, "'%s' object has no attribute '%s'",
             obj_type_name(o), name);
  return r;
}

Obj *descr_new_getset(VM *vm, TypeObj *type, const GetSetDef *def);
Obj *staticmethod_new(VM *vm, Obj *callable);
void type_modified(TypeObj *t);

/* ------------------------------------------------------------------ */
/* slot functions                                                     */
/* ------------------------------------------------------------------ */

static Obj *slot_repr(VM *vm, Obj *o) {
  Obj *r = dunder_or_raise(vm, o, "__repr__", NULL, 0);
  if (r && !str_check(r)) {
    vm_raise(vm, &Exc_TypeError, "__repr__ returned non-string (type %s)",
             obj_type_name(r));
    decref(vm, r);
    return NULL;
  }
  return r;
}

static Obj *slot_str(VM *vm, Obj *o) {
  Obj *r = dunder_or_raise(vm, o, "__str__", NULL, 0);
  if (r && !str_check(r)) {
    vm_raise(vm, &Exc_TypeError, "__str__ returned non-string (type %s)",
             obj_type_name(r));
    decref(vm, r);
    return NULL;
  }
  return r;
}

static const char *const cmp_names[6] = {"__lt__", "__le__", "__eq__",
                                         "__ne__", "__gt__", "__ge__"};

static Obj *slot_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  bool found;
  Obj *r = call_dunder(vm, a, cmp_names[op], &b, 1, &found);
  if (!found && !vm_exc_occurred(vm)) return incref(NotImplemented);
  return r;
}

static hash_t slot_hash(VM *vm, Obj *o) {
  Obj *r = dunder_or_raise(vm, o, "__hash__", NULL, 0);
  if (!r) return -1;
  if (!int_check(r)) {
    vm_raise(vm, &Exc_TypeError, "__hash__ method should return an integer");
    decref(vm, r);
    return -1;
  }
  /* a result that fits is used as is (-1 becomes -2); bigger ones are
  ** reduced as the int's own hash (CPython's slot_tp_hash) */
  if (int_fits_i64(r)) {
    hash_t v = (hash_t)int_as_i64_unchecked(r);
    decref(vm, r);
    return v == -1 ? -2 : v;
  }
  hash_t h = obj_hash(vm, r);
  decref(vm, r);
  return h;
}

static int slot_bool(VM *vm, Obj *o) {
  bool found;
  Obj *r = call_dunder(vm, o, "__bool__", NULL, 0, &found);
  if (!found) {
    if (vm_exc_occurred(vm)) return -1;
    r = call_dunder(vm, o, "__len__", NULL, 0, &found);
    if (!found) return vm_exc_occurred(vm) ? -1 : 1;
    if (!r) return -1;
    ssize n = obj_as_ssize(vm, r);
    decref(vm, r);
    if (n < 0 && vm_exc_occurred(vm)) return -1;
    return n != 0;
  }
  if (!r) return -1;
  if (r->type != &Bool_Type) {
    vm_raise(vm, &Exc_TypeError, "__bool__ should return bool, returned %s",
             obj_type_name(r));
    decref(vm, r);
    return -1;
  }
  int t = r == True_;
  decref(vm, r);
  return t;
}

static ssize slot_len(VM *vm, Obj *o) {
  Obj *r = dunder_or_raise(vm, o, "__len__", NULL, 0);
  if (!r) return -1;
  if (!int_check(r)) {
    vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
             obj_type_name(r));
    decref(vm, r);
    return -1;
  }
  ssize n = obj_as_ssize(vm, r);
  decref(vm, r);
  if (n < 0 && !vm_exc_occurred(vm)) {
    vm_raise(vm, &Exc_ValueError, "__len__() should return >= 0");
    return -1;
  }
  return n;
}

static Obj *slot_getitem(VM *vm, Obj *o, Obj *k) {
  return dunder_or_raise(vm, o, "__getitem__", &k, 1);
}

static int slot_setitem(VM *vm, Obj *o, Obj *k, Obj *v) {
  Obj *r;
  if (v) {
    Obj *a[2] = {k, v};
    r = dunder_or_raise(vm, o, "__setitem__", a, 2);
  } else {
    r = dunder_or_raise(vm, o, "__delitem__", &k, 1);
  }
  if (!r) return -1;
  decref(vm, r);
  return 0;
}

static int slot_contains(VM *vm, Obj *o, Obj *k) {
  bool found;
  Obj *r = call_dunder(vm, o, "__contains__", &k, 1, &found);
  if (!found) {
    if (vm_exc_occurred(vm)) return -1;
    /* fall back to iteration */
    Obj *it = obj_iter(vm, o);
    if (!it) return -1;
    for (;;) {
      Obj *x = obj_iternext(vm, it);
      if (!x) {
        decref(vm, it);
        return vm_exc_occurred(vm) ? -1 : 0;
      }
      int e = obj_richcmp_bool(vm, x, k, CMP_EQ);
      decref(vm, x);
      if (e != 0) {
        decref(vm, it);
        return e;
      }
    }
  }
  if (!r) return -1;
  int t = obj_truthy(vm, r);
  decref(vm, r);
  return t;
}

static Obj *slot_iter(VM *vm, Obj *o) {
  Obj *r = dunder_or_raise(vm, o, "__iter__", NULL, 0);
  if (r && !r->type->iternext) {
    vm_raise(vm, &Exc_TypeError, "iter() returned non-iterator of type '%s'",
             obj_type_name(r));
    decref(vm, r);
    return NULL;
  }
  return r;
}

static Obj *slot_iternext(VM *vm, Obj *o) {
  Obj *r = dunder_or_raise(vm, o, "__next__", NULL, 0);
  if (!r && vm_exc_matches(vm, &Exc_StopIteration)) {
    /* exhausted: report it without an exception, as the slot contract says */
    Obj *e = vm_exc_fetch(vm);
    ExcObj *x = (ExcObj *)e;
    if (x->args && TUPLE_SIZE(x->args) > 0) {
      vm_exc_restore(vm, e);
      return NULL;
    }
    decref(vm, e);
  }
  return r;
}

static Obj *slot_call(VM *vm, Obj *o, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  Obj *n = str_intern_cstr(vm, "__call__");
  if (!n) return NULL;
  Obj *f = type_lookup(o->type, n);
  if (!f)
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not callable",
                    obj_type_name(o));
  incref(f);
  Obj *bound = f->type->descr_get ? f->type->descr_get(vm, f, o, (Obj *)o->type)
                                  : incref(f);
  decref(vm, f);
  if (!bound) return NULL;
  Obj *r = obj_call(vm, bound, args, nargs, kwnames);
  decref(vm, bound);
  return r;
}

static Obj *slot_neg(VM *vm, Obj *o) { return dunder_or_raise(vm, o, "__neg__", NULL, 0); }
static Obj *slot_pos(VM *vm, Obj *o) { return dunder_or_raise(vm, o, "__pos__", NULL, 0); }
static Obj *slot_invert(VM *vm, Obj *o) { return dunder_or_raise(vm, o, "__invert__", NULL, 0); }
static Obj *slot_abs(VM *vm, Obj *o) { return dunder_or_raise(vm, o, "__abs__", NULL, 0); }
static Obj *slot_int(VM *vm, Obj *o) { return dunder_or_raise(vm, o, "__int__", NULL, 0); }
static Obj *slot_float(VM *vm, Obj *o) { return dunder_or_raise(vm, o, "__float__", NULL, 0); }
static Obj *slot_index(VM *vm, Obj *o) { return dunder_or_raise(vm, o, "__index__", NULL, 0); }

static const char *const binop_names[BINOP_COUNT] = {
  "add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow",
  "rshift", "sub", "truediv", "xor"};

/* One slot per operator (the slot does not know which operator it serves),
** generated for each BinOp: a.__op__(b), or b.__rop__(a) when A is not ours. */
static Obj *binop_generic(VM *vm, Obj *a, Obj *b, int op, bool inplace) {
  char name[24];
  bool found = false;
  Obj *r = NULL;
  if (inplace) {
    snprintf(name, sizeof name, "__i%s__", binop_names[op]);
    r = call_dunder(vm, a, name, &b, 1, &found);
    return found || vm_exc_occurred(vm) ? r : incref(NotImplemented);
  }
  Obj *n1 = NULL;
  snprintf(name, sizeof name, "__%s__", binop_names[op]);
  n1 = str_intern_cstr(vm, name);
  if (!n1) return NULL;
  /* a subclass overriding the reflected method goes first (CPython's rule) */
  if (b->type != a->type && (b->type->flags & TF_HEAPTYPE) &&
      type_is_subtype(b->type, a->type)) {
    char rname[24];
    snprintf(rname, sizeof rname, "__r%s__", binop_names[op]);
    Obj *rn = str_intern_cstr(vm, rname);
    if (!rn) return NULL;
    Obj *rb = type_lookup(b->type, rn);
    if (rb && rb != type_lookup(a->type, rn)) {
      r = call_dunder(vm, b, rname, &a, 1, &found);
      if (!r || r != NotImplemented) return r;
      decref(vm, r);
      if (type_lookup(a->type, n1)) {
        r = call_dunder(vm, a, name, &b, 1, &found);
        if (found || vm_exc_occurred(vm)) return r;
      }
      return incref(NotImplemented);
    }
  }
  if (type_lookup(a->type, n1) && (a->type->flags & TF_HEAPTYPE)) {
    r = call_dunder(vm, a, name, &b, 1, &found);
    if (!r || r != NotImplemented) return r;
    decref(vm, r);
  }
  if ((b->type->flags & TF_HEAPTYPE) && b->type != a->type) {
    snprintf(name, sizeof name, "__r%s__", binop_names[op]);
    r = call_dunder(vm, b, name, &a, 1, &found);
    if (found || vm_exc_occurred(vm)) return r;
  } else if (b->type == a->type && !type_lookup(a->type, n1)) {
    snprintf(name, sizeof name, "__r%s__", binop_names[op]);
    r = call_dunder(vm, b, name, &a, 1, &found);
    if (found || vm_exc_occurred(vm)) return r;
  }
  return incref(NotImplemented);
}

#define BINOP_SLOT(e, s) \
  static Obj *slot_bin_##e(VM *vm, Obj *a, Obj *b) { return binop_generic(vm, a, b, BINOP_##e, false); } \
  static Obj *slot_ibin_##e(VM *vm, Obj *a, Obj *b) { return binop_generic(vm, a, b, BINOP_##e, true); }
BINOP_LIST(BINOP_SLOT)
#undef BINOP_SLOT
static const binaryfunc bin_slots[BINOP_COUNT] = {
#define X_(e, s) slot_bin_##e,
  BINOP_LIST(X_)
#undef X_
};
static const binaryfunc ibin_slots[BINOP_COUNT] = {
#define X_(e, s) slot_ibin_##e,
  BINOP_LIST(X_)
#undef X_
};

static Obj *slot_getattr(VM *vm, Obj *o, Obj *name) {
  Obj *r = obj_generic_getattr(vm, o, name);
  if (r || !vm_exc_matches(vm, &Exc_AttributeError)) return r;
  bool found;
  vm_exc_clear(vm);
  r = call_dunder(vm, o, "__getattr__", &name, 1, &found);
  if (!found && !vm_exc_occurred(vm))
    vm_raise(vm, &Exc_AttributeError, "'%s' object has no attribute '%S'",
             obj_type_name(o), name);
  return r;
}

static Obj *slot_getattribute(VM *vm, Obj *o, Obj *name) {
  Obj *r = dunder_or_raise(vm, o, "__getattribute__", &name, 1);
  if (r || !vm_exc_matches(vm, &Exc_AttributeError)) return r;
  bool found;
  Obj *n = str_intern_cstr(vm, "__getattr__");
  if (!n || !type_lookup(o->type, n)) return NULL;
  vm_exc_clear(vm);
  return call_dunder(vm, o, "__getattr__", &name, 1, &found);
}

static int slot_setattr(VM *vm, Obj *o, Obj *name, Obj *value) {
  Obj *r;
  if (value) {
    Obj *a[2] = {name, value};
    r = dunder_or_raise(vm, o, "__setattr__", a, 2);
  } else {
    r = dunder_or_raise(vm, o, "__delattr__", &name, 1);
  }
  if (!r) return -1;
  decref(vm, r);
  return 0;
}

static Obj *slot_descr_get(VM *vm, Obj *d, Obj *obj, Obj *type) {
  Obj *a[2] = {obj ? obj : None, type ? type : None};
  return dunder_or_raise(vm, d, "__get__", a, 2);
}

static int slot_descr_set(VM *vm, Obj *d, Obj *obj, Obj *value) {
  Obj *r;
  if (value) {
    Obj *a[2] = {obj, value};
    r = dunder_or_raise(vm, d, "__set__", a, 2);
  } else {
    r = dunder_or_raise(vm, d, "__delete__", &obj, 1);
  }
  if (!r) return -1;
  decref(vm, r);
  return 0;
}

static int slot_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  Obj *n = str_intern_cstr(vm, "__init__");
  if (!n) return -1;
  Obj *f = type_lookup(self->type, n);
  if (!f) return 0;
  incref(f);
  Obj *bound = f->type->descr_get ? f->type->descr_get(vm, f, self, (Obj *)self->type)
                                  : incref(f);
  decref(vm, f);
  if (!bound) return -1;
  Obj *r = obj_call(vm, bound, args, nargs, kwnames);
  decref(vm, bound);
  if (!r) return -1;
  if (r != None) {
    vm_raise(vm, &Exc_TypeError, "__init__() should return None, not '%s'",
             obj_type_name(r));
    decref(vm, r);
    return -1;
  }
  decref(vm, r);
  return 0;
}

static Obj *slot_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  Obj *n = str_intern_cstr(vm, "__new__");
  if (!n) return NULL;
  Obj *f = type_lookup((TypeObj *)type, n);
  if (!f) return vm_raise(vm, &Exc_TypeError, "cannot create instances");
  incref(f);
  Obj *fn = f->type->descr_get ? f->type->descr_get(vm, f, NULL, type) : incref(f);
  decref(vm, f);
  if (!fn) return NULL;
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  Obj *small[9];
  Obj **stack = small;
  if (nargs + nkw + 1 > 9) {
    stack = ht_alloc(HT_TAG_VMINTERNAL, (nargs + nkw + 1) * sizeof(Obj *));
    if (!stack) {
      decref(vm, fn);
      return vm_raise_nomem(vm);
    }
  }
  stack[0] = type;
  for (size_t i = 0; i < nargs + nkw; i++) stack[i + 1] = args[i];
  Obj *r = obj_call(vm, fn, stack, nargs + 1, kwnames);
  if (stack != small) ht_free(HT_TAG_VMINTERNAL, stack, (nargs + nkw + 1) * sizeof(Obj *));
  decref(vm, fn);
  return r;
}

/* ------------------------------------------------------------------ */
/* instances                                                          */
/* ------------------------------------------------------------------ */

/* Instances of subclasses of the variable-size builtins (int, str, tuple)
** keep the base's layout -- header then the variable part -- and the
** __dict__ pointer the subclass adds goes at the END of the block, after
** the variable part: the type's dictoffset is negative (-sizeof(Obj *)),
** counted from the block's end, as CPython's negative tp_dictoffset.  Such
** subclasses get no other slots (nonempty __slots__ is a TypeError, as in
** CPython).  EXTRA below is what the heap types added to the base's
** basicsize: the dict pointer, or 0. */

static TypeObj *solid_base(TypeObj *t) {
  while (t && (t->flags & TF_HEAPTYPE)) t = t->base;
  return t;
}

#define ROUND8(n) (((n) + 7) & ~(size_t)7)

/* Bytes of O's block (without the GCHead) when O's solid base is one of the
** builtins whose subclasses class.c lays out; 0 for anything else. */
size_t class_instance_size(Obj *o);
size_t class_instance_size(Obj *o) {
  TypeObj *t = o->type, *solid = solid_base(t);
  size_t extra = t->basicsize - solid->basicsize;
  if (solid == &Int_Type) return ROUND8(INT_SIZE_OF(((IntObj *)o)->nalloc)) + extra;
  if (solid == &Str_Type)
    return ROUND8(offsetof(StrObj, data) + (size_t)STR_NBYTES(o) + 1) + extra;
  if (solid == &Tuple_Type) return t->basicsize + (size_t)TUPLE_SIZE(o) * sizeof(Obj *);
  if (solid == &Float_Type) return t->basicsize;
  return 0;
}

/* The address of O's __dict__ pointer, or NULL when its type has none. */
Obj **class_dict_slot(Obj *o);
Obj **class_dict_slot(Obj *o) {
  ssize off = o->type->dictoffset;
  if (off > 0) return (Obj **)((char *)o + off);
  if (off == 0) return NULL;
  return (Obj **)((char *)o + class_instance_size(o) + off);
}

static int instance_traverse(Obj *o, visitproc visit, void *arg) {
  TypeObj *t = o->type;
  int r = visit((Obj *)t, EDGE_TYPE, 0, NULL, arg);
  if (r) return r;
  TypeObj *b = solid_base(t);
  if (t->dictoffset < 0) {
    Obj **slot = class_dict_slot(o);
    if (*slot && (r = visit(*slot, EDGE_DICT, 0, NULL, arg))) return r;
  } else {
    /* the pointers heap types added after the solid base: __dict__, __slots__ */
    for (size_t off = b->basicsize; off + sizeof(Obj *) <= t->basicsize; off += sizeof(Obj *)) {
      Obj *v = *(Obj **)((char *)o + off);
      if (v && (r = visit(v, (ssize)off == t->dictoffset ? EDGE_DICT : EDGE_ATTR, 0, NULL, arg)))
        return r;
    }
  }
  if (b && b->traverse) return b->traverse(o, visit, arg);
  return 0;
}

static void clear_added(VM *vm, Obj *o, TypeObj *solid) {
  TypeObj *t = o->type;
  if (t->dictoffset < 0) {
    Obj **slot = class_dict_slot(o);
    Obj *v = *slot;
    *slot = NULL;
    xdecref(vm, v);
    return;
  }
  for (size_t off = solid->basicsize; off + sizeof(Obj *) <= t->basicsize; off += sizeof(Obj *)) {
    Obj **slot = (Obj **)((char *)o + off);
    Obj *v = *slot;
    *slot = NULL;
    xdecref(vm, v);
  }
}

/* A new instance of SUB (a heap subtype of int or str) with the value of
** EXACT, an int or str. */
Obj *class_subtype_copy(VM *vm, TypeObj *sub, Obj *exact);
Obj *class_subtype_copy(VM *vm, TypeObj *sub, Obj *exact) {
  TypeObj *solid = solid_base(sub);
  size_t extra = sub->basicsize - solid->basicsize, body, size;
  if (solid == &Int_Type && int_check(exact)) {
    body = INT_SIZE_OF(((IntObj *)exact)->nalloc);
  } else if (solid == &Str_Type && str_check(exact)) {
    body = offsetof(StrObj, data) + (size_t)STR_NBYTES(exact) + 1;
  } else {
    return vm_raise(vm, &Exc_TypeError, "cannot make a '%s' from a '%s'", sub->name,
                    obj_type_name(exact));
  }
  size = extra ? ROUND8(body) + extra : body;
  Obj *o = (sub->flags & TF_GC) ? gc_alloc(vm, sub, size) : obj_alloc(vm, sub, size);
  if (!o) return NULL;
  memcpy((char *)o + sizeof(Obj), (char *)exact + sizeof(Obj), body - sizeof(Obj));
  if (solid == &Str_Type) ((StrObj *)o)->interned = 0;
  return o;
}

/* The constructor of str subclasses without a __new__ of their own (str's
** own new_ makes exact strs only): str(...) then a copy. */
static Obj *strsub_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  TypeObj *solid = solid_base((TypeObj *)type);
  Obj *r = solid->new_(vm, (Obj *)solid, args, nargs, kwnames);
  if (!r || type == (Obj *)solid) return r;
  Obj *s = class_subtype_copy(vm, (TypeObj *)type, r);
  decref(vm, r);
  return s;
}

static int instance_clear(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  TypeObj *b = t->base;
  while (b && (b->flags & TF_HEAPTYPE)) b = b->base;
  clear_added(vm, o, b);
  if (b && b->clear) return b->clear(vm, o);
  return 0;
}

static void instance_dealloc(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  Obj *n = str_intern_cstr(vm, "__del__");
  if (n && type_lookup(t, n)) {
    o->refcnt++;   /* resurrect while __del__ runs (once: gc_call_del) */
    gc_call_del(vm, o);
    if (--o->refcnt > 0) return;
  }
  TypeObj *b = solid_base(t);
  clear_added(vm, o, b);
  if (b == &Int_Type || b == &Str_Type || b == &Float_Type) {
    /* no references: free the block with the size class.c laid it out with */
    if (b == &Str_Type && vm->str_pos_str == o) vm->str_pos_str = NULL;
    size_t size = class_instance_size(o);
    if (b != &Float_Type && t->basicsize == b->basicsize) {
      size = b == &Int_Type ? INT_SIZE_OF(((IntObj *)o)->nalloc)
                            : offsetof(StrObj, data) + (size_t)STR_NBYTES(o) + 1;
    }
    if (t->flags & TF_GC) gc_free(vm, o, size);
    else obj_free(vm, o, size);
  } else if (b && b != &Object_Type && b->dealloc) {
    b->dealloc(vm, o);
  } else if (t->flags & TF_GC) {
    gc_free(vm, o, t->basicsize);
  } else {
    obj_free(vm, o, t->basicsize);
  }
  decref(vm, (Obj *)t);
}

static Obj *instance_get_dict(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  if (!t->dictoffset)
    return vm_raise(vm, &Exc_AttributeError, "'%s' object has no attribute '__dict__'",
                    t->name);
  Obj **slot = class_dict_slot(o);
  if (!*slot && !(*slot = dict_new(vm))) return NULL;
  return incref(*slot);
}

/* ------------------------------------------------------------------ */
/* __slots__: member descriptors                                      */
/* ------------------------------------------------------------------ */

typedef struct MemberObj {
  Obj ob;
  TypeObj *type;                  /* the class that declared the slot (borrowed) */
  Obj *name;                      /* slot name str (owned) */
  ssize offset;                   /* offset of the Obj * in instances */
} MemberObj;

TypeObj Member_Type;

static Obj *member_get(VM *vm, Obj *d, Obj *obj, Obj *type) {
  (void)type;
  MemberObj *m = (MemberObj *)d;
  if (!obj || obj == None) return incref(d);
  if (!obj_isinstance(obj, m->type))
    return vm_raise(vm, &Exc_TypeError,
                    "descriptor '%S' for '%s' objects doesn't apply to a '%s' object",
                    m->name, m->type->name, obj_type_name(obj));
  Obj *v = *(Obj **)((char *)obj + m->offset);
  if (!v)
    return vm_raise(vm, &Exc_AttributeError, "'%s' object has no attribute '%S'",
                    obj_type_name(obj), m->name);
  return incref(v);
}

static int member_set(VM *vm, Obj *d, Obj *obj, Obj *value) {
  MemberObj *m = (MemberObj *)d;
  if (!obj_isinstance(obj, m->type)) {
    vm_raise(vm, &Exc_TypeError,
             "descriptor '%S' for '%s' objects doesn't apply to a '%s' object",
             m->name, m->type->name, obj_type_name(obj));
    return -1;
  }
  Obj **slot = (Obj **)((char *)obj + m->offset);
  if (!value && !*slot) {
    vm_raise(vm, &Exc_AttributeError, "%S", m->name);
    return -1;
  }
  Obj *old = *slot;
  *slot = value ? incref(value) : NULL;
  xdecref(vm, old);
  return 0;
}

static Obj *member_repr(VM *vm, Obj *o) {
  MemberObj *m = (MemberObj *)o;
  return str_fromf(vm, "<member '%S' of '%s' objects>", m->name, m->type->name);
}

static void member_dealloc(VM *vm, Obj *o) {
  decref(vm, ((MemberObj *)o)->name);
  obj_free(vm, o, sizeof(MemberObj));
}

TypeObj Member_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "member_descriptor",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(MemberObj),
  .dealloc = member_dealloc,
  .repr = member_repr,
  .descr_get = member_get,
  .descr_set = member_set,
};

/* ------------------------------------------------------------------ */
/* heap types                                                         */
/* ------------------------------------------------------------------ */

/* C3 linearisation of T with BASES; a new tuple or NULL with TypeError. */
static Obj *c3_mro(VM *vm, TypeObj *t, Obj *bases) {
  ssize nb = TUPLE_SIZE(bases);
  /* sequences: each base's mro, then the bases list */
  ssize nseq = nb + 1;
  Obj **seqs[nseq > 0 ? nseq : 1];
  ssize lens[nseq > 0 ? nseq : 1], pos[nseq > 0 ? nseq : 1];
  ssize total = 1;
  for (ssize i = 0; i < nb; i++) {
    TypeObj *b = (TypeObj *)TUPLE_GET(bases, i);
    seqs[i] = TUPLE_ITEMS(b->mro);
    lens[i] = TUPLE_SIZE(b->mro);
    pos[i] = 0;
    total += lens[i];
  }
  seqs[nb] = TUPLE_ITEMS(bases);
  lens[nb] = nb;
  pos[nb] = 0;
  Obj *out = list_new(vm, 0);
  if (!out) return NULL;
  if (list_append(vm, out, (Obj *)t) < 0) goto fail;
  for (;;) {
    bool empty = true;
    Obj *cand = NULL;
    for (ssize i = 0; i < nseq; i++) {
      if (pos[i] >= lens[i]) continue;
      empty = false;
      Obj *c = seqs[i][pos[i]];
      bool in_tail = false;
      for (ssize j = 0; j < nseq && !in_tail; j++)
        for (ssize k = pos[j] + 1; k < lens[j]; k++)
          if (seqs[j][k] == c) {
            in_tail = true;
            break;
          }
      if (!in_tail) {
        cand = c;
        break;
      }
    }
    if (empty) break;
    if (!cand) {
      /* CPython: "Cannot create a consistent method resolution\norder (MRO) for bases A, B" */
      Obj *names = list_new(vm, 0);
      if (!names) goto fail;
      for (ssize i = 0; i < nseq - 1; i++) {
        if (pos[i] >= lens[i]) continue;
        Obj *c = seqs[i][pos[i]];
        bool dup = false;
        for (ssize k = 0; k < LIST_SIZE(names); k++)
          if (LIST_ITEMS(names)[k] == c) dup = true;
        if (!dup && list_append(vm, names, c) < 0) {
          decref(vm, names);
          goto fail;
        }
      }
      char buf[512];
      size_t off = 0;
      buf[0] = 0;
      for (ssize k = 0; k < LIST_SIZE(names); k++)
        off += snprintf(buf + off, off < sizeof buf ? sizeof buf - off : 0, "%s%s",
                        k ? ", " : "", ((TypeObj *)LIST_ITEMS(names)[k])->name);
      decref(vm, names);
      vm_raise(vm, &Exc_TypeError,
               "Cannot create a consistent method resolution\norder (MRO) for bases %s",
               buf);
      goto fail;
    }
    if (list_append(vm, out, cand) < 0) goto fail;
    for (ssize i = 0; i < nseq; i++)
      if (pos[i] < lens[i] && seqs[i][pos[i]] == cand) pos[i]++;
  }
  (void)total;
  Obj *tup = seq_to_tuple(vm, out);
  decref(vm, out);
  return tup;
fail:
  decref(vm, out);
  return NULL;
}

static void inherit(TypeObj *t, TypeObj *b) {
#define INH(f) if (!t->f) t->f = b->f;
  INH(repr) INH(str)
  if (!t->richcmp && !t->hash) {
    t->richcmp = b->richcmp;
    t->hash = b->hash;
  }
  INH(getattr) INH(setattr) INH(descr_get) INH(descr_set) INH(call)
  INH(iter) INH(iternext) INH(len) INH(getitem) INH(setitem) INH(contains)
  INH(bool_) INH(neg) INH(pos) INH(invert) INH(abs) INH(int_) INH(float_)
  INH(index) INH(init) INH(new_)
  for (int i = 0; i < BINOP_COUNT; i++) {
    INH(binop[i]) INH(inplace[i])
  }
#undef INH
}

static void heaptype_dealloc_fields(VM *vm, TypeObj *t) {
  Obj *d = t->dict;
  t->dict = NULL;
  xdecref(vm, d);
  Obj *o;
  o = t->mro; t->mro = NULL; xdecref(vm, o);
  o = t->bases; t->bases = NULL; xdecref(vm, o);
  o = t->qualname; t->qualname = NULL; xdecref(vm, o);
  o = t->module; t->module = NULL; xdecref(vm, o);
}

/* Type_Type's dealloc: only heap types are ever freed. */
void class_type_dealloc(VM *vm, Obj *o);
void class_type_dealloc(VM *vm, Obj *o) {
  TypeObj *t = (TypeObj *)o;
  if (!(t->flags & TF_HEAPTYPE)) return;
  gc_untrack(o);
  heaptype_dealloc_fields(vm, t);
  TypeObj *base = t->base;
  if (t->name) ht_free(HT_TAG_CLASS, (void *)t->name, strlen(t->name) + 1);
  TypeObj *meta = o->type;
  gc_free(vm, o, sizeof(TypeObj));
  if (base) decref(vm, (Obj *)base);
  if (meta != &Type_Type) decref(vm, (Obj *)meta);
  type_modified(NULL);
}

int class_type_traverse(Obj *o, visitproc visit, void *arg);
int class_type_traverse(Obj *o, visitproc visit, void *arg) {
  TypeObj *t = (TypeObj *)o;
  int r;
  if (!(t->flags & TF_HEAPTYPE)) return 0;
  /* every owned reference (the pseudo indexes are snapshot.c's type_edges') */
  if (o->type->flags & TF_HEAPTYPE && (r = visit((Obj *)o->type, EDGE_TYPE, 0, NULL, arg)))
    return r;
  if (t->dict && (r = visit(t->dict, EDGE_DICT, 0, NULL, arg))) return r;
  if (t->mro && (r = visit(t->mro, EDGE_OTHER, -1, NULL, arg))) return r;
  if (t->bases && (r = visit(t->bases, EDGE_OTHER, -2, NULL, arg))) return r;
  if (t->base && (r = visit((Obj *)t->base, EDGE_OTHER, -3, NULL, arg))) return r;
  if (t->qualname && (r = visit(t->qualname, EDGE_OTHER, -4, NULL, arg))) return r;
  if (t->module && (r = visit(t->module, EDGE_OTHER, -5, NULL, arg))) return r;
  return 0;
}

int class_type_clear(VM *vm, Obj *o);
int class_type_clear(VM *vm, Obj *o) {
  TypeObj *t = (TypeObj *)o;
  if (!(t->flags & TF_HEAPTYPE)) return 0;
  if (t->dict) dict_clear(vm, t->dict);
  Obj *m = t->mro;
  t->mro = NULL;
  xdecref(vm, m);
  type_modified(t);
  return 0;
}

static const GetSetDef instance_dict_getset = {"__dict__", instance_get_dict, NULL};

/* Set T's protocol slots from the dunder methods in its dict, and the rest
** from its MRO (CREATING: a class statement, which also sets __hash__ to
** None when __eq__ comes without __hash__).  Again after a dunder is set
** on the class or on a base (class_update_slots).  0, or -1. */
static int set_slots(VM *vm, TypeObj *t, bool creating) {
  TypeObj *base = t->base, *solid = solid_base(t);
  if (!creating) {
    t->repr = t->str = NULL;
    t->richcmp = NULL;
    t->hash = NULL;
    t->getattr = NULL;
    t->setattr = NULL;
    t->descr_get = NULL;
    t->descr_set = NULL;
    t->call = NULL;
    t->iter = t->iternext = NULL;
    t->len = NULL;
    t->getitem = NULL;
    t->setitem = NULL;
    t->contains = NULL;
    t->bool_ = NULL;
    t->neg = t->pos = t->invert = t->abs = NULL;
    t->int_ = t->float_ = t->index = NULL;
    t->init = NULL;
    t->new_ = NULL;
    for (int i = 0; i < BINOP_COUNT; i++) t->binop[i] = t->inplace[i] = NULL;
  }
  /* slots from dunders in the namespace, then the rest from the base */
  TypeObj *tt = t;
#define HAS(n) (dict_get_cstr(vm, tt->dict, n) != NULL)
  if (HAS("__repr__")) t->repr = slot_repr;
  if (HAS("__str__")) t->str = slot_str;
  if (HAS("__lt__") || HAS("__le__") || HAS("__eq__") || HAS("__ne__") ||
      HAS("__gt__") || HAS("__ge__"))
    t->richcmp = slot_richcmp;
  if (HAS("__hash__")) {
    if (dict_get_cstr(vm, t->dict, "__hash__") == None) t->hash = NULL;
    else t->hash = slot_hash;
    if (!t->richcmp) t->richcmp = base->richcmp;
  } else if (creating && HAS("__eq__")) {
    /* only a class statement's __eq__ makes instances unhashable */
    t->hash = NULL;
    if (dict_set_cstr(vm, t->dict, "__hash__", None) < 0) return -1;
  } else if (t->richcmp) {
    t->hash = base->hash;
  }
  if (HAS("__bool__") || HAS("__len__")) t->bool_ = slot_bool;
  if (HAS("__len__")) t->len = slot_len;
  if (HAS("__getitem__")) t->getitem = slot_getitem;
  if (HAS("__setitem__") || HAS("__delitem__")) t->setitem = slot_setitem;
  if (HAS("__contains__")) t->contains = slot_contains;
  if (HAS("__iter__")) t->iter = slot_iter;
  if (HAS("__next__")) t->iternext = slot_iternext;
  if (HAS("__call__")) t->call = slot_call;
  if (HAS("__neg__")) t->neg = slot_neg;
  if (HAS("__pos__")) t->pos = slot_pos;
  if (HAS("__invert__")) t->invert = slot_invert;
  if (HAS("__abs__")) t->abs = slot_abs;
  if (HAS("__int__")) t->int_ = slot_int;
  if (HAS("__float__")) t->float_ = slot_float;
  if (HAS("__index__")) t->index = slot_index;
  if (HAS("__getattribute__")) t->getattr = slot_getattribute;
  else if (HAS("__getattr__")) t->getattr = slot_getattr;
  if (HAS("__setattr__") || HAS("__delattr__")) t->setattr = slot_setattr;
  if (HAS("__get__")) t->descr_get = slot_descr_get;
  if (HAS("__set__") || HAS("__delete__")) t->descr_set = slot_descr_set;
  if (HAS("__init__")) t->init = slot_init;
  if (HAS("__new__")) t->new_ = slot_new;
  for (int i = 0; i < BINOP_COUNT; i++) {
    char n1[24], n2[24], n3[24];
    snprintf(n1, sizeof n1, "__%s__", binop_names[i]);
    snprintf(n2, sizeof n2, "__r%s__", binop_names[i]);
    snprintf(n3, sizeof n3, "__i%s__", binop_names[i]);
    if (HAS(n1) || HAS(n2)) t->binop[i] = bin_slots[i];
    if (HAS(n3)) t->inplace[i] = ibin_slots[i];
  }
#undef HAS
  /* bases after the first contribute slots too (MRO order) */
  for (ssize i = 1; i < TUPLE_SIZE(t->mro); i++) {
    TypeObj *m = (TypeObj *)TUPLE_GET(t->mro, i);
    inherit(t, m);
  }
  if (!t->getattr && t->getattr != base->getattr) t->getattr = base->getattr;
  if (solid == &Str_Type && t->new_ == Str_Type.new_) t->new_ = strsub_new;
  if (solid == &Type_Type) {
    t->traverse = class_type_traverse;
    t->clear = class_type_clear;
    t->dealloc = class_type_dealloc;
  } else {
    t->traverse = instance_traverse;
    t->clear = instance_clear;
    t->dealloc = instance_dealloc;
  }
  t->sizeof_ = NULL;
  type_modified(t);
  return 0;
}

/* Recompute the slots of heap type T and of every heap subclass of it (they
** are found among the collector's objects: heap types are GC objects),
** after a special method was set on or deleted from T. */
typedef struct SubclassScan {
  VM *vm;
  Obj *list;                      /* the subclasses found (owned by the caller) */
  TypeObj *type;                  /* whose subclasses */
} SubclassScan;

static int collect_subclass(Obj *o, void *arg) {
  SubclassScan *sc = arg;
  if (o != (Obj *)sc->type && obj_isinstance(o, &Type_Type) &&
      (((TypeObj *)o)->flags & TF_HEAPTYPE) && ((TypeObj *)o)->mro &&
      type_is_subtype((TypeObj *)o, sc->type))
    return list_append(sc->vm, sc->list, o) < 0;
  return 0;
}

int class_update_slots(VM *vm, TypeObj *t);
int class_update_slots(VM *vm, TypeObj *t) {
  if (!(t->flags & TF_HEAPTYPE)) return 0;
  if (set_slots(vm, t, false) < 0) return -1;
  Obj *subs = list_new(vm, 0);
  if (!subs) return -1;
  SubclassScan sc = {vm, subs, t};
  if (gc_foreach(vm, collect_subclass, &sc)) {
    decref(vm, subs);
    return -1;
  }
  /* bases before subclasses: by MRO length */
  ssize n = LIST_SIZE(subs);
  Obj **it = LIST_ITEMS(subs);
  for (ssize i = 1; i < n; i++)
    for (ssize j = i; j > 0 && TUPLE_SIZE(((TypeObj *)it[j - 1])->mro) >
                                   TUPLE_SIZE(((TypeObj *)it[j])->mro); j--) {
      Obj *x = it[j];
      it[j] = it[j - 1];
      it[j - 1] = x;
    }
  int rc = 0;
  for (ssize i = 0; i < n && rc == 0; i++) rc = set_slots(vm, (TypeObj *)it[i], false);
  decref(vm, subs);
  return rc;
}


Obj *class_type_new(VM *vm, TypeObj *meta, Obj *name, Obj *bases, Obj *dict) {
  return class_type_new_kw(vm, meta, name, bases, dict, NULL, NULL);
}

Obj *class_type_new_kw(VM *vm, TypeObj *meta, Obj *name, Obj *bases, Obj *dict,
                       Obj *const *kwv, Obj *kwnames) {
  if (!str_check(name))
    return vm_raise(vm, &Exc_TypeError,
                    "type.__new__() argument 1 must be str, not %s", obj_type_name(name));
  if (!tuple_check(bases))
    return vm_raise(vm, &Exc_TypeError,
                    "type.__new__() argument 2 must be tuple, not %s", obj_type_name(bases));
  if (!dict_check(dict))
    return vm_raise(vm, &Exc_TypeError,
                    "type.__new__() argument 3 must be dict, not %s", obj_type_name(dict));
  ssize nb = TUPLE_SIZE(bases);
  for (ssize i = 0; i < nb; i++)
    for (ssize j = i + 1; j < nb; j++)
      if (TUPLE_GET(bases, i) == TUPLE_GET(bases, j))
        return vm_raise(vm, &Exc_TypeError, "duplicate base class %s",
                        ((TypeObj *)TUPLE_GET(bases, i))->name);
  for (ssize i = 0; i < nb; i++) {
    Obj *b = TUPLE_GET(bases, i);
    if (!obj_isinstance(b, &Type_Type))
      return vm_raise(vm, &Exc_TypeError, "bases must be types");
    TypeObj *bt = (TypeObj *)b;
    if (!(bt->flags & TF_BASETYPE))
      return vm_raise(vm, &Exc_TypeError, "type '%s' is not an acceptable base type",
                      bt->name);
  }
  /* the solid base: the first base whose layout is not plain object's */
  TypeObj *base = nb ? (TypeObj *)TUPLE_GET(bases, 0) : &Object_Type;
  for (ssize i = 0; i < nb; i++) {
    TypeObj *bt = (TypeObj *)TUPLE_GET(bases, i);
    TypeObj *s = bt;
    while (s->flags & TF_HEAPTYPE) s = s->base;
    if (s != &Object_Type) {
      TypeObj *s0 = base;
      while (s0->flags & TF_HEAPTYPE) s0 = s0->base;
      if (s0 != &Object_Type && s0 != s && !type_is_subtype(s0, s) && !type_is_subtype(s, s0))
        return vm_raise(vm, &Exc_TypeError,
                        "multiple bases have instance lay-out conflict");
      if (s0 == &Object_Type) base = bt;
    }
  }
  TypeObj *solid = base;
  while (solid->flags & TF_HEAPTYPE) solid = solid->base;
  /* variable-size bases: int, str and tuple (their layout: see above) */
  bool varsize = solid->itemsize != 0;
  if (varsize && solid != &Int_Type && solid != &Str_Type && solid != &Tuple_Type)
    return vm_raise(vm, &Exc_NotImplementedError,
                    "subclassing '%s' is not supported yet", solid->name);
  Obj *slotsname = str_intern_cstr(vm, "__slots__");
  if (!slotsname) return NULL;
  Obj *slots = dict_get(vm, dict, slotsname);
  bool want_dict = slots == NULL;
  if (slots) {
    if (str_check(slots)) slots = tuple_pack(vm, 1, slots);
    else slots = seq_to_tuple(vm, slots);
    if (!slots) return NULL;
    for (ssize i = 0; i < TUPLE_SIZE(slots); i++) {
      Obj *sn = TUPLE_GET(slots, i);
      if (!str_check(sn)) {
        decref(vm, slots);
        return vm_raise(vm, &Exc_TypeError, "__slots__ items must be strings, not '%s'",
                        obj_type_name(sn));
      }
      if (str_eq_cstr(sn, "__dict__")) want_dict = true;
      else if (varsize) {
        decref(vm, slots);
        return vm_raise(vm, &Exc_TypeError,
                        "nonempty __slots__ not supported for subtype of '%s'", solid->name);
      } else if (dict_get(vm, dict, sn)) {
        vm_raise(vm, &Exc_ValueError,
                 "%R in __slots__ conflicts with class variable", sn);
        decref(vm, slots);
        return NULL;
      }
    }
  }

  Obj *nbases = nb ? incref(bases) : tuple_pack(vm, 1, (Obj *)&Object_Type);
  if (!nbases) {
    xdecref(vm, slots);
    return NULL;
  }
  /* a GC object (Type_Type has TF_GC): a class refers to itself through
  ** its mro and, usually, through its methods' globals or __class__ cells */
  TypeObj *t = (TypeObj *)gc_alloc(vm, meta, sizeof(TypeObj));
  if (!t) {
    decref(vm, nbases);
    xdecref(vm, slots);
    return NULL;
  }
  memset((char *)t + sizeof(Obj), 0, sizeof(TypeObj) - sizeof(Obj));
  size_t nlen = STR_LEN(name);
  const char *utf = STR_UTF8(name);
  char *cname = ht_alloc(HT_TAG_CLASS, strlen(utf) + 1);
  (void)nlen;
  if (!cname) {
    t->flags = TF_HEAPTYPE;
    decref(vm, nbases);
    xdecref(vm, slots);
    decref(vm, (Obj *)t);
    return vm_raise_nomem(vm);
  }
  strcpy(cname, utf);
  t->name = cname;
  t->tag = base->tag == HT_TAG_INSTANCE || base == &Object_Type ? HT_TAG_INSTANCE : base->tag;
  /* GC: as the base, and always when instances get a __dict__ or slots
  ** (object and the builtins whose subclass instances class.c frees) */
  t->flags = TF_HEAPTYPE | TF_BASETYPE | (base->flags & ~(TF_HEAPTYPE | TF_GC));
  if ((base->flags & TF_GC) || solid == &Object_Type) t->flags |= TF_GC;
  t->base = (TypeObj *)incref((Obj *)base);
  t->bases = nbases;
  t->basicsize = base->basicsize;
  t->itemsize = base->itemsize;
  t->dictoffset = base->dictoffset;
  t->dict = dict_copy(vm, dict);
  if (!t->dict) goto fail;
  if (slots) {
    for (ssize i = 0; i < TUPLE_SIZE(slots); i++) {
      Obj *sn = TUPLE_GET(slots, i);
      if (str_eq_cstr(sn, "__dict__")) continue;
      MemberObj *m = (MemberObj *)obj_alloc(vm, &Member_Type, sizeof(MemberObj));
      if (!m) goto fail;
      m->type = t;
      m->name = incref(sn);
      m->offset = (ssize)t->basicsize;
      t->basicsize += sizeof(Obj *);
      int r = dict_set(vm, t->dict, sn, (Obj *)m);
      decref(vm, (Obj *)m);
      if (r < 0) goto fail;
    }
    decref(vm, slots);
    slots = NULL;
  }
  if (want_dict && !t->dictoffset && solid != &Type_Type) {
    /* variable-size bases: at the block's end, after the items */
    t->dictoffset = varsize ? -(ssize)sizeof(Obj *) : (ssize)t->basicsize;
    t->basicsize += sizeof(Obj *);
  }
  if (t->basicsize > solid->basicsize &&
      (solid == &Int_Type || solid == &Str_Type || solid == &Float_Type))
    t->flags |= TF_GC;   /* the __dict__ may close a cycle */
  t->mro = c3_mro(vm, t, nbases);
  if (!t->mro) goto fail;
  /* __module__ and __qualname__ */
  {
    Obj *qn = dict_get_cstr(vm, t->dict, "__qualname__");
    if (qn) {
      if (!str_check(qn)) {
        vm_raise(vm, &Exc_TypeError, "type __qualname__ must be a str, not %s",
                 obj_type_name(qn));
        goto fail;
      }
      t->qualname = incref(qn);
      if (dict_del(vm, t->dict, str_intern_cstr(vm, "__qualname__")) < 0) goto fail;
    } else {
      t->qualname = incref(name);
    }
    Obj *mod = dict_get_cstr(vm, t->dict, "__module__");
    if (mod) {
      t->module = incref(mod);
    } else {
      /* CPython takes it from the caller's globals' __name__ */
      Obj *m = vm->frame ? dict_get_cstr(vm, vm->frame->globals, "__name__") : NULL;
      if (m) {
        t->module = incref(m);
        if (dict_set_cstr(vm, t->dict, "__module__", m) < 0) goto fail;
      }
    }
    if (!dict_get_cstr(vm, t->dict, "__doc__") &&
        dict_set_cstr(vm, t->dict, "__doc__", None) < 0)
      goto fail;
    Obj *cc = dict_get_cstr(vm, t->dict, "__classcell__");
    if (cc) {
      if (cc->type != &Cell_Type) {
        vm_raise(vm, &Exc_TypeError, "__classcell__ must be a nonlocal cell, not %s",
                 obj_type_name(cc));
        goto fail;
      }
      obj_setref(vm, &((CellObj *)cc)->ref, incref((Obj *)t));
      if (dict_del(vm, t->dict, str_intern_cstr(vm, "__classcell__")) < 0) goto fail;
    }
  }
  /* __dict__ descriptor when the base has none */
  if (t->dictoffset && !base->dictoffset && !dict_get_cstr(vm, t->dict, "__dict__")) {
    Obj *d = descr_new_getset(vm, t, &instance_dict_getset);
    if (!d) goto fail;
    int r = dict_set_cstr(vm, t->dict, "__dict__", d);
    decref(vm, d);
    if (r < 0) goto fail;
  }
  /* __new__ / __init_subclass__ / __class_getitem__ are implicit staticmethod/classmethod */
  {
    static const char *const implicit_cm[] = {"__init_subclass__", "__class_getitem__"};
    for (int k = 0; k < 2; k++) {
      Obj *isc = dict_get_cstr(vm, t->dict, implicit_cm[k]);
      if (!isc || isc->type != &Function_Type) continue;
      Obj *cm = obj_call1(vm, (Obj *)&ClassMethod_Type, isc);
      if (!cm) goto fail;
      int r = dict_set_cstr(vm, t->dict, implicit_cm[k], cm);
      decref(vm, cm);
      if (r < 0) goto fail;
    }
    Obj *nw = dict_get_cstr(vm, t->dict, "__new__");
    if (nw && nw->type == &Function_Type) {
      Obj *sm = staticmethod_new(vm, nw);
      if (!sm) goto fail;
      int r = dict_set_cstr(vm, t->dict, "__new__", sm);
      decref(vm, sm);
      if (r < 0) goto fail;
    }
  }

  if (set_slots(vm, t, true) < 0) goto fail;
  /* __set_name__ on the namespace's descriptors, then __init_subclass__ */
  {
    Obj *items = list_new(vm, 0);
    if (!items) goto fail;
    ssize pos = 0;
    Obj *k, *v;
    while (dict_next(t->dict, &pos, &k, &v)) {
      if (list_append(vm, items, k) < 0 || list_append(vm, items, v) < 0) {
        decref(vm, items);
        goto fail;
      }
    }
    for (ssize i = 0; i + 1 < LIST_SIZE(items); i += 2) {
      Obj *val = LIST_ITEMS(items)[i + 1];
      /* every value whose type has __set_name__, C descriptors included
      ** (cached_property) */
      Obj *sn = str_intern_cstr(vm, "__set_name__");
      if (sn && type_lookup(val->type, sn)) {
        bool found;
        Obj *a[2] = {(Obj *)t, LIST_ITEMS(items)[i]};
        Obj *r = call_dunder(vm, val, "__set_name__", a, 2, &found);
        if (found && !r) {
          decref(vm, items);
          goto fail;
        }
        xdecref(vm, r);
      }
    }
    decref(vm, items);
    if (vm_exc_occurred(vm)) goto fail;
    Obj *isname = str_intern_cstr(vm, "__init_subclass__");
    if (!isname) goto fail;
    for (ssize i = 1; i < TUPLE_SIZE(t->mro); i++) {
      TypeObj *m = (TypeObj *)TUPLE_GET(t->mro, i);
      Obj *f = m->dict ? dict_get(vm, m->dict, isname) : NULL;
      if (!f) continue;
      if (!f->type->descr_get) break;
      Obj *bound = f->type->descr_get(vm, f, NULL, (Obj *)t);
      if (!bound) goto fail;
      /* the class statement's keywords (class A(Base, tag=...)) */
      Obj *r = obj_call(vm, bound, kwv, 0, kwnames && TUPLE_SIZE(kwnames) ? kwnames : NULL);
      decref(vm, bound);
      if (!r) goto fail;
      decref(vm, r);
      break;
    }
  }
  return (Obj *)t;
fail:
  xdecref(vm, slots);
  decref(vm, (Obj *)t);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* __build_class__                                                    */
/* ------------------------------------------------------------------ */

/* The bases of a class statement, as PEP 560 resolves them: a base that is
** not a class but has __mro_entries__ is replaced by the classes that
** method returns (Generic[T] -> Generic).  A new tuple, or NULL; when any
** base was replaced, *ORIG is set to a new tuple of the bases as written
** (the class's __orig_bases__). */
static Obj *resolve_bases(VM *vm, Obj *const *b, size_t n, Obj **orig) {
  Obj *written = tuple_from_array(vm, b, (ssize)n);
  Obj *list = written ? list_new(vm, 0) : NULL;
  bool changed = false;
  if (!list) goto fail;
  for (size_t i = 0; i < n; i++) {
    if (obj_isinstance(b[i], &Type_Type)) {
      if (list_append(vm, list, b[i]) < 0) goto fail;
      continue;
    }
    Obj *m = obj_getattr_cstr(vm, b[i], "__mro_entries__");
    if (!m) {
      if (!vm_exc_matches(vm, &Exc_AttributeError)) goto fail;
      vm_exc_clear(vm);
      vm_raise(vm, &Exc_NotImplementedError,
               "class bases that are not classes (%s) are not supported", obj_type_name(b[i]));
      goto fail;
    }
    Obj *entries = obj_call1(vm, m, written);
    decref(vm, m);
    if (!entries) goto fail;
    if (!tuple_check(entries)) {
      decref(vm, entries);
      vm_raise(vm, &Exc_TypeError, "__mro_entries__ must return a tuple");
      goto fail;
    }
    int r = list_extend(vm, list, entries);
    decref(vm, entries);
    if (r < 0) goto fail;
    changed = true;
  }
  Obj *bases = list_as_tuple(vm, list);
  decref(vm, list);
  if (bases && changed) *orig = written;
  else decref(vm, written);
  return bases;
fail:
  xdecref(vm, list);
  xdecref(vm, written);
  return NULL;
}

Obj *class_build_class(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  (void)self;
  if (nargs < 2)
    return vm_raise(vm, &Exc_TypeError, "__build_class__: not enough arguments");
  Obj *func = args[0], *name = args[1];
  if (func->type != &Function_Type)
    return vm_raise(vm, &Exc_TypeError, "__build_class__: func must be a function");
  if (!str_check(name))
    return vm_raise(vm, &Exc_TypeError, "__build_class__: name is not a string");
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  Obj *meta = NULL;
  Obj *kwn = NULL;   /* keywords other than metaclass */
  Obj *kwv[16];
  size_t nkwv = 0;
  for (size_t i = 0; i < nkw; i++) {
    Obj *k = TUPLE_GET(kwnames, i);
    if (strcmp(STR_UTF8(k), "metaclass") == 0) meta = args[nargs + i];
    else if (nkwv < 16) kwv[nkwv++] = args[nargs + i];
    else return vm_raise(vm, &Exc_NotImplementedError, "too many class keywords");
  }
  if (nkwv) {
    kwn = tuple_new(vm, (ssize)nkwv);
    if (!kwn) return NULL;
    size_t j = 0;
    for (size_t i = 0; i < nkw; i++) {
      Obj *k = TUPLE_GET(kwnames, i);
      if (strcmp(STR_UTF8(k), "metaclass") != 0) TUPLE_ITEMS(kwn)[j++] = incref(k);
    }
  }
  Obj *orig_bases = NULL;
  Obj *bases = resolve_bases(vm, args + 2, nargs - 2, &orig_bases);
  if (!bases) {
    xdecref(vm, kwn);
    return NULL;
  }
  /* the metaclass: given, or the most derived type of the bases */
  if (!meta) {
    TypeObj *winner = &Type_Type;
    for (ssize i = 0; i < TUPLE_SIZE(bases); i++) {
      TypeObj *mt = TUPLE_GET(bases, i)->type;
      if (type_is_subtype(winner, mt)) continue;
      if (type_is_subtype(mt, winner)) {
        winner = mt;
        continue;
      }
      decref(vm, bases);
      xdecref(vm, orig_bases);
      xdecref(vm, kwn);
      return vm_raise(vm, &Exc_TypeError,
                      "metaclass conflict: the metaclass of a derived class must be a "
                      "(non-strict) subclass of the metaclasses of all its bases");
    }
    meta = (Obj *)winner;
  }
  /* the namespace: meta.__prepare__(name, bases, **kwds), or a new dict */
  Obj *ns = NULL;
  Obj *prep = obj_getattr_cstr(vm, meta, "__prepare__");
  if (prep) {
    Obj *pstack[2 + 16];
    pstack[0] = name;
    pstack[1] = bases;
    for (size_t i = 0; i < nkwv; i++) pstack[2 + i] = kwv[i];
    ns = obj_call(vm, prep, pstack, 2, kwn);
    decref(vm, prep);
    if (ns && !ns->type->getitem) {
      vm_raise(vm, &Exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
               obj_isinstance(meta, &Type_Type) ? ((TypeObj *)meta)->name : "<metaclass>",
               obj_type_name(ns));
      decref(vm, ns);
      ns = NULL;
    }
  } else if (vm_exc_matches(vm, &Exc_AttributeError)) {
    vm_exc_clear(vm);
    ns = dict_new(vm);
  }
  if (!ns) {
    decref(vm, bases);
    xdecref(vm, orig_bases);
    xdecref(vm, kwn);
    return NULL;
  }
  FunctionObj *fn = (FunctionObj *)func;
  FrameObj *f = frame_new(vm, (CodeObj *)fn->code, func, fn->globals, fn->builtins, ns);
  Obj *cell = f ? vm_eval(vm, f) : NULL;
  Obj *cls = NULL;
  if (cell && orig_bases &&
      obj_setitem(vm, ns, str_intern_cstr(vm, "__orig_bases__"), orig_bases) < 0) {
    decref(vm, cell);
    cell = NULL;
  }
  if (cell) {
    Obj *stack[3 + 16];
    stack[0] = name;
    stack[1] = bases;
    stack[2] = ns;
    for (size_t i = 0; i < nkwv; i++) stack[3 + i] = kwv[i];
    cls = obj_call(vm, meta, stack, 3, kwn);
    if (cls && cell->type == &Cell_Type && ((CellObj *)cell)->ref != cls) {
      if (!((CellObj *)cell)->ref) {
        obj_setref(vm, &((CellObj *)cell)->ref, incref(cls));
      } else {
        decref(vm, cls);
        cls = vm_raise(vm, &Exc_TypeError,
                       "__class__ set to <class '%s'> defining '%S' as <class '%s'>",
                       ((TypeObj *)((CellObj *)cell)->ref)->name, name,
                       obj_type_name(cls));
      }
    }
    decref(vm, cell);
  }
  decref(vm, ns);
  decref(vm, bases);
  xdecref(vm, orig_bases);
  xdecref(vm, kwn);
  return cls;
}


/* ------------------------------------------------------------------ */
/* super                                                              */
/* ------------------------------------------------------------------ */

typedef struct SuperObj {
  Obj ob;
  TypeObj *type;                  /* the class whose successors are searched (owned) */
  Obj *obj;                       /* the instance or class (owned), or NULL */
  TypeObj *obj_type;              /* whose MRO is searched (owned), or NULL */
} SuperObj;

static TypeObj *super_check(VM *vm, TypeObj *type, Obj *obj) {
  if (obj_isinstance(obj, &Type_Type) && type_is_subtype((TypeObj *)obj, type))
    return (TypeObj *)obj;
  if (type_is_subtype(obj->type, type)) return obj->type;
  vm_raise(vm, &Exc_TypeError,
           "super(type, obj): obj must be an instance or subtype of type");
  return NULL;
}

static Obj *super_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  (void)type;
  if (kwnames && TUPLE_SIZE(kwnames))
    return vm_raise(vm, &Exc_TypeError, "super() takes no keyword arguments");
  if (nargs > 2)
    return vm_raise(vm, &Exc_TypeError, "super() takes at most 2 arguments (%d given)",
                    (int)nargs);
  Obj *t = NULL, *obj = NULL;
  if (nargs == 0) {
    FrameObj *f = vm->frame;
    if (!f || !f->code)
      return vm_raise(vm, &Exc_RuntimeError, "super(): no current frame");
    CodeObj *co = f->code;
    if (co->argcount == 0)
      return vm_raise(vm, &Exc_RuntimeError, "super(): no arguments");
    obj = f->localsplus[0];
    if (obj && obj->type == &Cell_Type) {
      /* self captured by a closure: slot 0 holds its cell */
      Obj *n0 = TUPLE_GET(co->varnames, 0);
      for (int i = 0; i < co->ncellvars; i++)
        if (str_eq(TUPLE_GET(co->cellvars, i), n0)) {
          obj = ((CellObj *)obj)->ref;
          break;
        }
    }
    if (!obj) return vm_raise(vm, &Exc_RuntimeError, "super(): arg[0] deleted");
    int i;
    for (i = 0; i < co->nfreevars; i++)
      if (strcmp(STR_UTF8(TUPLE_GET(co->freevars, i)), "__class__") == 0) break;
    if (i == co->nfreevars)
      return vm_raise(vm, &Exc_RuntimeError, "super(): __class__ cell not found");
    Obj *cell = f->localsplus[co->nlocalsplus - co->nfreevars + i];
    if (!cell || cell->type != &Cell_Type)
      return vm_raise(vm, &Exc_RuntimeError, "super(): bad __class__ cell");
    t = ((CellObj *)cell)->ref;
    if (!t) return vm_raise(vm, &Exc_RuntimeError, "super(): empty __class__ cell");
    if (!obj_isinstance(t, &Type_Type))
      return vm_raise(vm, &Exc_RuntimeError, "super(): __class__ is not a type (%s)",
                      obj_type_name(t));
  } else {
    t = args[0];
    if (!obj_isinstance(t, &Type_Type))
      return vm_raise(vm, &Exc_TypeError, "super() argument 1 must be a type, not %s",
                      obj_type_name(t));
    obj = nargs == 2 ? args[1] : NULL;
    if (obj == None) obj = NULL;
  }
  TypeObj *ot = NULL;
  if (obj && !(ot = super_check(vm, (TypeObj *)t, obj))) return NULL;
  SuperObj *s = (SuperObj *)gc_alloc(vm, &Super_Type, sizeof(SuperObj));
  if (!s) return NULL;
  s->type = (TypeObj *)incref(t);
  s->obj = xincref(obj);
  s->obj_type = ot ? (TypeObj *)incref((Obj *)ot) : NULL;
  return (Obj *)s;
}

static Obj *super_getattro(VM *vm, Obj *self, Obj *name) {
  SuperObj *s = (SuperObj *)self;
  TypeObj *start = s->obj_type;
  if (start && !(str_check(name) && strcmp(STR_UTF8(name), "__class__") == 0)) {
    Obj *mro = start->mro;
    ssize n = mro ? TUPLE_SIZE(mro) : 0, i;
    for (i = 0; i < n; i++)
      if (TUPLE_GET(mro, i) == (Obj *)s->type) break;
    for (i++; i < n; i++) {
      TypeObj *t = (TypeObj *)TUPLE_GET(mro, i);
      Obj *v = t->dict ? dict_get(vm, t->dict, name) : NULL;
      if (!v) continue;
      incref(v);
      if (v->type->descr_get) {
        Obj *r = v->type->descr_get(vm, v, s->obj == (Obj *)start ? NULL : s->obj,
                                    (Obj *)start);
        decref(vm, v);
        return r;
      }
      return v;
    }
  }
  return obj_generic_getattr(vm, self, name);
}

static Obj *super_repr(VM *vm, Obj *self) {
  SuperObj *s = (SuperObj *)self;
  if (s->obj_type)
    return str_fromf(vm, "<super: <class '%s'>, <%s object>>", s->type->name,
                        s->obj_type->name);
  return str_fromf(vm, "<super: <class '%s'>, NULL>", s->type->name);
}

static int super_traverse(Obj *o, visitproc visit, void *arg) {
  SuperObj *s = (SuperObj *)o;
  int r;
  if ((r = visit((Obj *)s->type, EDGE_OTHER, 0, NULL, arg))) return r;
  if (s->obj && (r = visit(s->obj, EDGE_SELF, 0, NULL, arg))) return r;
  if (s->obj_type && (r = visit((Obj *)s->obj_type, EDGE_OTHER, 0, NULL, arg))) return r;
  return 0;
}

static int super_clear(VM *vm, Obj *o) {
  SuperObj *s = (SuperObj *)o;
  Obj *a = s->obj;
  s->obj = NULL;
  xdecref(vm, a);
  return 0;
}

static void super_dealloc(VM *vm, Obj *o) {
  SuperObj *s = (SuperObj *)o;
  decref(vm, (Obj *)s->type);
  xdecref(vm, s->obj);
  if (s->obj_type) decref(vm, (Obj *)s->obj_type);
  gc_free(vm, o, sizeof(SuperObj));
}

TypeObj Super_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "super",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(SuperObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = super_dealloc,
  .traverse = super_traverse,
  .clear = super_clear,
  .new_ = super_new,
  .repr = super_repr,
  .getattr = super_getattro,
  .doc = "super() -> same as super(__class__, <first argument>)",
};

/* type.__new__(meta, name, bases, dict) -- Type_Type's new_. */
Obj *class_type_tp_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  if (nargs == 1 && nkw == 0 && type == (Obj *)&Type_Type)
    return incref((Obj *)args[0]->type);
  if (nargs != 3)
    return vm_raise(vm, &Exc_TypeError, "type.__new__() takes exactly 3 arguments (%d given)",
                    (int)nargs);
  return class_type_new_kw(vm, (TypeObj *)type, args[0], args[1], args[2], args + 3, kwnames);
}
