/*
** type.c -- the `type` and `object` types, the None / NotImplemented /
** Ellipsis singletons, and readying static types.
**
** type_ready() turns a statically initialised TypeObj into a usable class:
** it defaults the base to `object`, readies the base, copies the slots the
** type leaves NULL from its base (CPython's inherit_slots: hash and richcmp
** travel together, so a type defining == without a hash is unhashable),
** sets the fast-subclass flags, builds __bases__ and __mro__, and fills the
** type's dict from its MethodDef/GetSetDef tables plus one slot wrapper per
** slot the type defines itself (`int.__add__`, `list.__len__`, ...).
**
** Static type objects are immortal and process-wide, but their dicts, bases
** and mro tuples are VM objects: each VM records the types it readied and
** types_fini() releases those tuples and dicts at teardown, leaving the
** types ready to be readied again by the next VM.
**
** type_lookup() walks the mro; a direct-mapped cache keyed by (version
** tag, interned name) in front of it makes attribute and method lookups one
** probe, absent names included.  Each type gets a unique version tag from a
** global counter (so a new type at a freed type's address never matches),
** renewed by type_modified(), which also bumps type_attr_epoch: with no
** subclass lists, the epoch is what invalidates the subclasses' entries.
** The evaluator's LOAD_ATTR / LOAD_METHOD / STORE_ATTR caches use the same
** (tag, epoch) pair.
*/
#include <string.h>
#include <stdio.h>
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "containers.h"
#include "modules.h"

/* ------------------------------------------------------------------ */
/* The method cache                                                   */
/* ------------------------------------------------------------------ */

#define MCACHE_SIZE 4096
typedef struct MCacheEntry {
  uint64_t tag;                   /* the type's version_tag when filled */
  uint64_t epoch;                 /* type_attr_epoch when filled */
  Obj *name;                      /* borrowed interned str key */
  Obj *value;                     /* borrowed result, NULL = absent */
} MCacheEntry;
static MCacheEntry mcache[MCACHE_SIZE];
static uint64_t next_version_tag = 1;
uint64_t type_attr_epoch = 1;

uint64_t type_version_tag(TypeObj *t) {
  if (!t->version_tag) t->version_tag = next_version_tag++;
  return t->version_tag;
}

void type_modified(TypeObj *t) {
  if (t) t->version_tag = next_version_tag++;
  type_attr_epoch++;
}

static Obj *lookup_uncached(TypeObj *type, Obj *name) {
  Obj *mro = type->mro;
  if (!mro) {
    for (TypeObj *t = type; t; t = t->base) {
      if (!t->dict) continue;
      Obj *v = dict_get(NULL, t->dict, name);
      if (v) return v;
    }
    return NULL;
  }
  ssize n = TUPLE_SIZE(mro);
  for (ssize i = 0; i < n; i++) {
    TypeObj *t = (TypeObj *)TUPLE_GET(mro, i);
    if (!t->dict) continue;
    Obj *v = dict_get(NULL, t->dict, name);
    if (v) return v;
  }
  return NULL;
}

Obj *type_lookup(TypeObj *type, Obj *name) {
  if (!str_check(name) || !((StrObj *)name)->interned)
    return lookup_uncached(type, name);
  uint64_t tag = type_version_tag(type);
  uintptr_t h = (uintptr_t)tag * 0x9E3779B1u ^ ((uintptr_t)name >> 3) ^
                ((uintptr_t)name >> 12);
  MCacheEntry *e = &mcache[h & (MCACHE_SIZE - 1)];
  if (e->tag == tag && e->name == name && e->epoch == type_attr_epoch)
    return e->value;
  Obj *v = lookup_uncached(type, name);
  e->tag = tag;
  e->name = name;
  e->value = v;
  e->epoch = type_attr_epoch;
  return v;
}

bool type_is_subtype(TypeObj *a, TypeObj *b) {
  if (a == b) return true;
  Obj *mro = a->mro;
  if (mro) {
    ssize n = TUPLE_SIZE(mro);
    for (ssize i = 0; i < n; i++)
      if (TUPLE_GET(mro, i) == (Obj *)b) return true;
    return false;
  }
  for (TypeObj *t = a->base; t; t = t->base)
    if (t == b) return true;
  return b == &Object_Type;
}

/* ------------------------------------------------------------------ */
/* Slot wrappers: `int.__add__`, `list.__len__`                       */
/* ------------------------------------------------------------------ */

typedef enum SlotKind {
  SW_REPR, SW_STR, SW_HASH, SW_LEN, SW_ITER, SW_NEXT, SW_GETITEM,
  SW_SETITEM, SW_DELITEM, SW_CONTAINS, SW_BOOL, SW_CALL, SW_INIT,
  SW_NEG, SW_POS, SW_INVERT, SW_ABS, SW_INT, SW_FLOAT, SW_INDEX,
  SW_GETATTR, SW_SETATTR, SW_DELATTR, SW_GET, SW_SET, SW_DELETE,
  SW_CMP,          /* + CmpOp */
  SW_BINOP = SW_CMP + 6,             /* + BinOp */
  SW_RBINOP = SW_BINOP + BINOP_COUNT, /* + BinOp, reflected */
  SW_IBINOP = SW_RBINOP + BINOP_COUNT,/* + BinOp, in place */
  SW_COUNT = SW_IBINOP + BINOP_COUNT
} SlotKind;

typedef struct SlotWrapperObj {
  Obj ob;
  TypeObj *type;                  /* the type whose slot it calls (static) */
  int kind;                       /* SlotKind */
  Obj *name;                      /* interned str (borrowed) */
} SlotWrapperObj;

TypeObj SlotWrapper_Type;

static const char *const cmp_dunder[6] = {"__lt__", "__le__", "__eq__",
                                          "__ne__", "__gt__", "__ge__"};
static const char *const binop_dunder[BINOP_COUNT] = {
  "add", "and", "floordiv", "lshift", "matmul", "mul", "mod", "or", "pow",
  "rshift", "sub", "truediv", "xor"};

static int sw_nargs(int kind) {
  switch (kind) {
  case SW_GETITEM: case SW_DELITEM: case SW_CONTAINS: case SW_GETATTR:
  case SW_DELATTR: case SW_DELETE:
    return 1;
  case SW_SETITEM: case SW_SETATTR: case SW_SET:
    return 2;
  case SW_CALL: case SW_INIT: case SW_GET:
    return -1;
  default:
    if (kind >= SW_CMP && kind < SW_COUNT) return 1;
    return 0;
  }
}

static Obj *sw_call_slot(VM *vm, SlotWrapperObj *w, Obj *self,
                         Obj *const *args, size_t nargs, Obj *kwnames) {
  TypeObj *t = w->type;
  int k = w->kind;
  int want = sw_nargs(k);
  if (want >= 0) {
    if (kwnames && TUPLE_SIZE(kwnames)) {
      return vm_raise(vm, &Exc_TypeError, "wrapper %S() takes no keyword arguments",
                      w->name);
    }
    if ((int)nargs != want) {
      if (want == 0)
        return vm_raise(vm, &Exc_TypeError,
                        "expected 0 arguments, got %d", (int)nargs);
      return vm_raise(vm, &Exc_TypeError,
                      "expected %d argument%s, got %d", want,
                      want == 1 ? "" : "s", (int)nargs);
    }
  }
  if (k >= SW_CMP && k < SW_CMP + 6) return t->richcmp(vm, self, args[0], k - SW_CMP);
  if (k >= SW_BINOP && k < SW_RBINOP) return t->binop[k - SW_BINOP](vm, self, args[0]);
  if (k >= SW_RBINOP && k < SW_IBINOP) return t->binop[k - SW_RBINOP](vm, args[0], self);
  if (k >= SW_IBINOP && k < SW_COUNT) return t->inplace[k - SW_IBINOP](vm, self, args[0]);
  switch (k) {
  case SW_REPR: return t->repr(vm, self);
  case SW_STR: return t->str(vm, self);
  case SW_HASH: {
    hash_t h = t->hash(vm, self);
    return h == -1 ? NULL : int_from_i64(vm, h);
  }
  case SW_LEN: {
    ssize n = t->len(vm, self);
    return n < 0 ? NULL : int_from_i64(vm, n);
  }
  case SW_ITER: return t->iter(vm, self);
  case SW_NEXT: {
    Obj *r = t->iternext(vm, self);
    if (!r && !vm_exc_occurred(vm)) return vm_raise_stop(vm, NULL);
    return r;
  }
  case SW_GETITEM: return t->getitem(vm, self, args[0]);
  case SW_SETITEM:
    return t->setitem(vm, self, args[0], args[1]) < 0 ? NULL : none_new();
  case SW_DELITEM:
    return t->setitem(vm, self, args[0], NULL) < 0 ? NULL : none_new();
  case SW_CONTAINS: {
    int r = t->contains(vm, self, args[0]);
    return r < 0 ? NULL : bool_new(r);
  }
  case SW_BOOL: {
    int r = t->bool_(vm, self);
    return r < 0 ? NULL : bool_new(r);
  }
  case SW_CALL: return t->call(vm, self, args, nargs, kwnames);
  case SW_INIT:
    return t->init(vm, self, args, nargs, kwnames) < 0 ? NULL : none_new();
  case SW_NEG: return t->neg(vm, self);
  case SW_POS: return t->pos(vm, self);
  case SW_INVERT: return t->invert(vm, self);
  case SW_ABS: return t->abs(vm, self);
  case SW_INT: return t->int_(vm, self);
  case SW_FLOAT: return t->float_(vm, self);
  case SW_INDEX: return t->index(vm, self);
  case SW_GETATTR:
    return t->getattr ? t->getattr(vm, self, args[0])
                      : obj_generic_getattr(vm, self, args[0]);
  case SW_SETATTR:
    return (t->setattr ? t->setattr(vm, self, args[0], args[1])
                       : obj_generic_setattr(vm, self, args[0], args[1])) < 0
               ? NULL : none_new();
  case SW_DELATTR:
    return (t->setattr ? t->setattr(vm, self, args[0], NULL)
                       : obj_generic_setattr(vm, self, args[0], NULL)) < 0
               ? NULL : none_new();
  case SW_GET: {
    /* __get__(instance, owner=None, /) */
    if (kwnames && TUPLE_SIZE(kwnames))
      return vm_raise(vm, &Exc_TypeError, "wrapper __get__() takes no keyword arguments");
    if (nargs < 1 || nargs > 2)
      return vm_raise(vm, &Exc_TypeError, "expected 1 or 2 arguments, got %d", (int)nargs);
    Obj *obj = args[0] == None ? NULL : args[0];
    Obj *owner = nargs == 2 && args[1] != None ? args[1] : NULL;
    if (!obj && !owner)
      return vm_raise(vm, &Exc_TypeError, "__get__(None, None) is invalid");
    return t->descr_get(vm, self, obj, owner ? owner : (Obj *)obj->type);
  }
  case SW_SET:
    return t->descr_set(vm, self, args[0], args[1]) < 0 ? NULL : none_new();
  case SW_DELETE:
    return t->descr_set(vm, self, args[0], NULL) < 0 ? NULL : none_new();
  }
  return vm_raise(vm, &Exc_RuntimeError, "bad slot wrapper");
}

static Obj *sw_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                    Obj *kwnames) {
  SlotWrapperObj *w = (SlotWrapperObj *)callable;
  if (nargs < 1)
    return vm_raise(vm, &Exc_TypeError,
                    "descriptor '%S' of '%s' object needs an argument", w->name,
                    w->type->name);
  if (!obj_isinstance(args[0], w->type))
    return vm_raise(vm, &Exc_TypeError,
                    "descriptor '%S' requires a '%s' object but received a '%s'",
                    w->name, w->type->name, obj_type_name(args[0]));
  return sw_call_slot(vm, w, args[0], args + 1, nargs - 1, kwnames);
}

static Obj *sw_descr_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  if (!obj || obj == None) return incref(descr);
  return method_new(vm, descr, obj);
}

static Obj *sw_repr(VM *vm, Obj *o) {
  SlotWrapperObj *w = (SlotWrapperObj *)o;
  return str_fromf(vm, "<slot wrapper '%S' of '%s' objects>", w->name,
                   w->type->name);
}

static void sw_dealloc(VM *vm, Obj *o) { obj_free(vm, o, sizeof(SlotWrapperObj)); }

TypeObj SlotWrapper_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "wrapper_descriptor",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(SlotWrapperObj),
  .dealloc = sw_dealloc,
  .repr = sw_repr,
  .call = sw_call,
  .descr_get = sw_descr_get,
};

/* Used by Method_Type's repr: "<method-wrapper '__add__' of int object at ...>". */
bool slot_wrapper_check(Obj *o);
bool slot_wrapper_check(Obj *o) { return o->type == &SlotWrapper_Type; }
Obj *slot_wrapper_name(Obj *o);
Obj *slot_wrapper_name(Obj *o) { return ((SlotWrapperObj *)o)->name; }

static int add_wrapper(VM *vm, TypeObj *t, const char *name, int kind) {
  Obj *key = str_intern_cstr(vm, name);
  if (!key) return -1;
  if (dict_get(vm, t->dict, key)) return 0;   /* an explicit method wins */
  SlotWrapperObj *w = (SlotWrapperObj *)obj_alloc(vm, &SlotWrapper_Type,
                                                  sizeof(SlotWrapperObj));
  if (!w) return -1;
  w->type = t;
  w->kind = kind;
  w->name = key;
  int r = dict_set(vm, t->dict, key, (Obj *)w);
  decref(vm, (Obj *)w);
  return r;
}

/* Add a wrapper for every slot T defines itself (differs from its base). */
static int add_slot_wrappers(VM *vm, TypeObj *t) {
  TypeObj *b = t->base;
#define OWN(f) (t->f && (!b || t->f != b->f))
#define W(f, name, kind) \
  if (OWN(f) && add_wrapper(vm, t, name, kind) < 0) return -1;
  W(repr, "__repr__", SW_REPR)
  W(str, "__str__", SW_STR)
  W(hash, "__hash__", SW_HASH)
  W(len, "__len__", SW_LEN)
  W(iter, "__iter__", SW_ITER)
  W(iternext, "__next__", SW_NEXT)
  W(getitem, "__getitem__", SW_GETITEM)
  if (OWN(setitem)) {
    if (add_wrapper(vm, t, "__setitem__", SW_SETITEM) < 0) return -1;
    if (add_wrapper(vm, t, "__delitem__", SW_DELITEM) < 0) return -1;
  }
  W(contains, "__contains__", SW_CONTAINS)
  W(bool_, "__bool__", SW_BOOL)
  W(call, "__call__", SW_CALL)
  W(init, "__init__", SW_INIT)
  W(neg, "__neg__", SW_NEG)
  W(pos, "__pos__", SW_POS)
  W(invert, "__invert__", SW_INVERT)
  W(abs, "__abs__", SW_ABS)
  W(int_, "__int__", SW_INT)
  W(float_, "__float__", SW_FLOAT)
  W(index, "__index__", SW_INDEX)
  W(descr_get, "__get__", SW_GET)
  if (OWN(descr_set)) {
    if (add_wrapper(vm, t, "__set__", SW_SET) < 0) return -1;
    if (add_wrapper(vm, t, "__delete__", SW_DELETE) < 0) return -1;
  }
  if (OWN(getattr) || t == &Object_Type)
    if (add_wrapper(vm, t, "__getattribute__", SW_GETATTR) < 0) return -1;
  if (OWN(setattr) || t == &Object_Type) {
    if (add_wrapper(vm, t, "__setattr__", SW_SETATTR) < 0) return -1;
    if (add_wrapper(vm, t, "__delattr__", SW_DELATTR) < 0) return -1;
  }
  if (OWN(richcmp))
    for (int i = 0; i < 6; i++)
      if (add_wrapper(vm, t, cmp_dunder[i], SW_CMP + i) < 0) return -1;
  for (int i = 0; i < BINOP_COUNT; i++) {
    if (t->binop[i] && (!b || t->binop[i] != b->binop[i])) {
      char nm[32];
      snprintf(nm, sizeof nm, "__%s__", binop_dunder[i]);
      if (add_wrapper(vm, t, nm, SW_BINOP + i) < 0) return -1;
      snprintf(nm, sizeof nm, "__r%s__", binop_dunder[i]);
      if (add_wrapper(vm, t, nm, SW_RBINOP + i) < 0) return -1;
    }
    if (t->inplace[i] && (!b || t->inplace[i] != b->inplace[i])) {
      char nm[32];
      snprintf(nm, sizeof nm, "__i%s__", binop_dunder[i]);
      if (add_wrapper(vm, t, nm, SW_IBINOP + i) < 0) return -1;
    }
  }
#undef W
#undef OWN
  return 0;
}

/* `T.__new__(T, ...)`: a static method calling T's constructor slot. */
static Obj *tp_new_wrapper(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  TypeObj *t = (TypeObj *)self;
  if (nargs < 1)
    return vm_raise(vm, &Exc_TypeError, "%s.__new__(): not enough arguments",
                    t->name);
  Obj *sub = args[0];
  if (!obj_isinstance(sub, &Type_Type))
    return vm_raise(vm, &Exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                    t->name, obj_type_name(sub));
  if (!type_is_subtype((TypeObj *)sub, t))
    return vm_raise(vm, &Exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s",
                    t->name, ((TypeObj *)sub)->name, ((TypeObj *)sub)->name,
                    t->name);
  if (t == &Str_Type && sub != self) {
    /* str's constructor makes exact strs: copy into the subtype */
    Obj *r = t->new_(vm, self, args + 1, nargs - 1, kwnames);
    if (!r) return NULL;
    Obj *c = class_subtype_copy(vm, (TypeObj *)sub, r);
    decref(vm, r);
    return c;
  }
  return t->new_(vm, sub, args + 1, nargs - 1, kwnames);
}
static const MethodDef tp_new_def = {"__new__", tp_new_wrapper, 0};

/* ------------------------------------------------------------------ */
/* type_ready                                                         */
/* ------------------------------------------------------------------ */

extern TypeObj MethodDescr_Type, ClassMethodDescr_Type, GetSetDescr_Type;
Obj *descr_new_method(VM *vm, TypeObj *type, const MethodDef *def);
Obj *descr_new_classmethod(VM *vm, TypeObj *type, const MethodDef *def);
Obj *descr_new_getset(VM *vm, TypeObj *type, const GetSetDef *def);
Obj *staticmethod_new(VM *vm, Obj *callable);

static void inherit_slots(TypeObj *t, TypeObj *b) {
#define INH(f) if (!t->f) t->f = b->f;
  if (!t->basicsize) t->basicsize = b->basicsize;
  if (!t->itemsize) t->itemsize = b->itemsize;
  if ((t->flags & TF_GC) == (b->flags & TF_GC)) {
    INH(traverse) INH(clear)
  }
  if (t->basicsize == b->basicsize && t->itemsize == b->itemsize) {
    INH(dealloc) INH(sizeof_)
  }
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
  if (!t->dictoffset) t->dictoffset = b->dictoffset;
#undef INH
}

static int remember_type(VM *vm, TypeObj *t) {
  if (vm->nready_types == vm->ready_cap) {
    ssize ncap = vm->ready_cap ? vm->ready_cap * 2 : 256;
    TypeObj **p = ht_realloc(HT_TAG_VMINTERNAL, vm->ready_types,
                             vm->ready_cap * sizeof(TypeObj *),
                             ncap * sizeof(TypeObj *));
    if (!p) {
      vm_raise_nomem(vm);
      return -1;
    }
    vm->ready_types = p;
    vm->ready_cap = ncap;
  }
  vm->ready_types[vm->nready_types++] = t;
  return 0;
}

int type_ready(VM *vm, TypeObj *t) {
  if (t->dict) return 0;
  if (t != &Object_Type && !t->base) t->base = &Object_Type;
  TypeObj *b = t->base;
  if (b && !b->dict && type_ready(vm, b) < 0) return -1;
  if (b) inherit_slots(t, b);
  static const struct { TypeObj *base; unsigned flag; } fast[] = {
    {&Int_Type, TF_INT_SUBCLASS}, {&Str_Type, TF_STR_SUBCLASS},
    {&Tuple_Type, TF_TUPLE_SUBCLASS}, {&List_Type, TF_LIST_SUBCLASS},
    {&Dict_Type, TF_DICT_SUBCLASS}, {&Type_Type, TF_TYPE_SUBCLASS},
  };
  for (TypeObj *a = b; a; a = a->base) {
    for (size_t i = 0; i < sizeof fast / sizeof fast[0]; i++)
      if (a == fast[i].base) t->flags |= fast[i].flag;
    if (a == &Exc_BaseException) t->flags |= TF_EXC_SUBCLASS;
  }

  Obj *dict = dict_new(vm);
  if (!dict) return -1;
  /* bases and mro (single inheritance for static types) */
  Obj *bases = b ? tuple_pack(vm, 1, (Obj *)b) : tuple_new(vm, 0);
  if (!bases) goto fail_dict;
  ssize nb = b ? TUPLE_SIZE(b->mro) : 0;
  Obj *mro = tuple_new(vm, nb + 1);
  if (!mro) {
    decref(vm, bases);
    goto fail_dict;
  }
  TUPLE_ITEMS(mro)[0] = incref((Obj *)t);
  for (ssize i = 0; i < nb; i++)
    TUPLE_ITEMS(mro)[i + 1] = incref(TUPLE_GET(b->mro, i));
  obj_setref(vm, &t->bases, bases);
  obj_setref(vm, &t->mro, mro);
  t->dict = dict;
  if (remember_type(vm, t) < 0) goto fail;

  for (const MethodDef *m = t->methods; m && m->name; m++) {
    Obj *d;
    if (m->flags & METH_CLASS) {
      d = descr_new_classmethod(vm, t, m);
    } else if (m->flags & METH_STATIC) {
      Obj *f = builtin_new(vm, m, NULL);
      if (!f) goto fail;
      d = staticmethod_new(vm, f);
      decref(vm, f);
    } else {
      d = descr_new_method(vm, t, m);
    }
    if (!d) goto fail;
    int r = dict_set_cstr(vm, dict, m->name, d);
    decref(vm, d);
    if (r < 0) goto fail;
  }
  for (const GetSetDef *g = t->getset; g && g->name; g++) {
    Obj *d = descr_new_getset(vm, t, g);
    if (!d) goto fail;
    int r = dict_set_cstr(vm, dict, g->name, d);
    decref(vm, d);
    if (r < 0) goto fail;
  }
  if (add_slot_wrappers(vm, t) < 0) goto fail;
  if (t->new_ && (!b || t->new_ != b->new_ || t == &Object_Type) &&
      !dict_get_cstr(vm, dict, "__new__")) {
    Obj *f = builtin_new(vm, &tp_new_def, (Obj *)t);
    if (!f) goto fail;
    Obj *sm = staticmethod_new(vm, f);
    decref(vm, f);
    if (!sm) goto fail;
    int r = dict_set_cstr(vm, dict, "__new__", sm);
    decref(vm, sm);
    if (r < 0) goto fail;
  }
  if (!dict_get_cstr(vm, dict, "__doc__")) {
    Obj *doc = t->doc ? str_from_cstr(vm, t->doc) : none_new();
    if (!doc) goto fail;
    int r = dict_set_cstr(vm, dict, "__doc__", doc);
    decref(vm, doc);
    if (r < 0) goto fail;
  }
  type_modified(t);
  return 0;
fail:
  return -1;   /* the dict stays attached; types_fini releases it */
fail_dict:
  decref(vm, dict);
  return -1;
}

void types_fini(VM *vm) {
  /* Clear the dicts first (they hold descriptors that refer to one
  ** another's types only by pointer), then drop the tuples. */
  for (ssize i = vm->nready_types - 1; i >= 0; i--) {
    TypeObj *t = vm->ready_types[i];
    if (t->dict) dict_clear(vm, t->dict);
  }
  for (ssize i = vm->nready_types - 1; i >= 0; i--) {
    TypeObj *t = vm->ready_types[i];
    Obj *d = t->dict, *m = t->mro, *bs = t->bases;
    t->dict = t->mro = t->bases = NULL;
    xdecref(vm, d);
    xdecref(vm, m);
    xdecref(vm, bs);
  }
  if (vm->ready_types)
    ht_free(HT_TAG_VMINTERNAL, vm->ready_types, vm->ready_cap * sizeof(TypeObj *));
  vm->ready_types = NULL;
  vm->nready_types = vm->ready_cap = 0;
  type_modified(NULL);
}

/* ------------------------------------------------------------------ */
/* type                                                               */
/* ------------------------------------------------------------------ */

static Obj *type_qualname_str(VM *vm, TypeObj *t) {
  if (t->qualname) return incref(t->qualname);
  const char *dot = strrchr(t->name, '.');
  return str_from_cstr(vm, dot ? dot + 1 : t->name);
}

static Obj *type_module_str(VM *vm, TypeObj *t) {
  if (t->module) return incref(t->module);
  const char *dot = strrchr(t->name, '.');
  if (dot) return str_new(vm, t->name, (size_t)(dot - t->name));
  return str_from_cstr(vm, "builtins");
}

static Obj *type_repr(VM *vm, Obj *o) {
  TypeObj *t = (TypeObj *)o;
  Obj *mod = type_module_str(vm, t);
  if (!mod) return NULL;
  Obj *qn = type_qualname_str(vm, t);
  if (!qn) {
    decref(vm, mod);
    return NULL;
  }
  Obj *r;
  if (str_eq_cstr(mod, "builtins"))
    r = str_fromf(vm, "<class '%S'>", qn);
  else
    r = str_fromf(vm, "<class '%S.%S'>", mod, qn);
  decref(vm, mod);
  decref(vm, qn);
  return r;
}

/* type.__init__(cls, name, bases, ns, **kw): nothing to do (type.__new__
** made the class); keywords are __init_subclass__'s. */
static int type_init(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  (void)self; (void)args; (void)kwnames;
  if (nargs != 1 && nargs != 3) {
    vm_raise(vm, &Exc_TypeError, "type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

static Obj *type_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  TypeObj *t = (TypeObj *)callable;
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  if (t == &Type_Type) {
    if (nargs == 1 && nkw == 0) return incref((Obj *)args[0]->type);
    if (nargs == 3) {   /* keywords go to the new class's __init_subclass__ */
      /* a base's metaclass more derived than type makes the class (CPython) */
      TypeObj *winner = &Type_Type;
      if (tuple_check(args[1]))
        for (ssize i = 0; i < TUPLE_SIZE(args[1]); i++) {
          TypeObj *mt = TUPLE_GET(args[1], i)->type;
          if (type_is_subtype(mt, winner)) winner = mt;
        }
      if (winner != &Type_Type) return obj_call(vm, (Obj *)winner, args, nargs, kwnames);
      return class_type_new_kw(vm, t, args[0], args[1], args[2], args + 3, kwnames);
    }
    return vm_raise(vm, &Exc_TypeError, "type() takes 1 or 3 arguments");
  }
  Obj *o;
  if (!t->new_ && (t->flags & TF_TYPE_SUBCLASS) && nargs == 3)
    o = class_type_new(vm, t, args[0], args[1], args[2]);
  else if (!t->new_)
    return vm_raise(vm, &Exc_TypeError, "cannot create '%s' instances", t->name);
  else
    o = t->new_(vm, callable, args, nargs, kwnames);
  if (!o) return NULL;
  if (t->init && obj_isinstance(o, t)) {
    if (o->type->init(vm, o, args, nargs, kwnames) < 0) {
      decref(vm, o);
      return NULL;
    }
  }
  return o;
}

static Obj *type_getattro(VM *vm, Obj *o, Obj *name) {
  TypeObj *t = (TypeObj *)o;
  TypeObj *meta = o->type;
  Obj *meta_attr = type_lookup(meta, name);
  Obj *(*meta_get)(VM *, Obj *, Obj *, Obj *) = NULL;
  if (meta_attr) {
    meta_get = meta_attr->type->descr_get;
    if (meta_get && meta_attr->type->descr_set) {
      incref(meta_attr);
      Obj *r = meta_get(vm, meta_attr, o, (Obj *)meta);
      decref(vm, meta_attr);
      return r;
    }
  }
  Obj *attr = type_lookup(t, name);
  if (attr) {
    Obj *(*get)(VM *, Obj *, Obj *, Obj *) = attr->type->descr_get;
    if (get) {
      incref(attr);
      Obj *r = get(vm, attr, NULL, o);
      decref(vm, attr);
      return r;
    }
    return incref(attr);
  }
  if (meta_get) {
    incref(meta_attr);
    Obj *r = meta_get(vm, meta_attr, o, (Obj *)meta);
    decref(vm, meta_attr);
    return r;
  }
  if (meta_attr) return incref(meta_attr);
  vm_raise(vm, &Exc_AttributeError, "type object '%s' has no attribute '%S'",
           t->name, name);
  if (vm->exc && vm->exc->type == &Exc_AttributeError) {
    ExcObj *e = (ExcObj *)vm->exc;
    obj_setref(vm, &e->extra[0], incref(name));
    obj_setref(vm, &e->extra[1], incref(o));
  }
  return NULL;
}

static int type_setattro(VM *vm, Obj *o, Obj *name, Obj *value) {
  TypeObj *t = (TypeObj *)o;
  if (!(t->flags & TF_HEAPTYPE)) {
    vm_raise(vm, &Exc_TypeError,
             "cannot set '%S' attribute of immutable type '%s'", name, t->name);
    return -1;
  }
  Obj *meta_attr = type_lookup(o->type, name);
  if (meta_attr && meta_attr->type->descr_set)
    return meta_attr->type->descr_set(vm, meta_attr, o, value);
  int r;
  if (value) {
    r = dict_set(vm, t->dict, name, value);
  } else {
    r = dict_del(vm, t->dict, name);
    if (r < 0 && vm_exc_matches(vm, &Exc_KeyError)) {
      vm_exc_clear(vm);
      vm_raise(vm, &Exc_AttributeError, "type object '%s' has no attribute '%S'",
               t->name, name);
    }
  }
  type_modified(t);
  /* a special method set or deleted: the slots follow (CPython's update_slot) */
  if (r == 0 && str_check(name) && STR_NBYTES(name) > 4 && STR_UTF8(name)[0] == '_' &&
      STR_UTF8(name)[1] == '_' && STR_UTF8(name)[STR_NBYTES(name) - 1] == '_' &&
      STR_UTF8(name)[STR_NBYTES(name) - 2] == '_')
    r = class_update_slots(vm, t);
  return r;
}

static Obj *type_get_name(VM *vm, Obj *o) {
  if (((TypeObj *)o)->flags & TF_HEAPTYPE) return str_from_cstr(vm, ((TypeObj *)o)->name);
  return type_qualname_str(vm, (TypeObj *)o);
}
static Obj *type_get_qualname(VM *vm, Obj *o) {
  return type_qualname_str(vm, (TypeObj *)o);
}
static Obj *type_get_module(VM *vm, Obj *o) {
  return type_module_str(vm, (TypeObj *)o);
}
/* A class's __module__ may be rebound (namedtuple and typing do it); a
** builtin type's may not. */
static int type_set_module(VM *vm, Obj *o, Obj *value) {
  TypeObj *t = (TypeObj *)o;
  if (!(t->flags & TF_HEAPTYPE)) {
    vm_raise(vm, &Exc_TypeError, "cannot set '__module__' attribute of immutable type '%s'",
             t->name);
    return -1;
  }
  if (!value) {
    vm_raise(vm, &Exc_TypeError, "cannot delete '__module__' attribute of immutable type '%s'", t->name);
    return -1;
  }
  if (!str_check(value)) {
    vm_raise(vm, &Exc_NotImplementedError, "a class's __module__ must be a str here, not %s",
             obj_type_name(value));
    return -1;
  }
  obj_setref(vm, &t->module, incref(value));
  return 0;
}

static Obj *type_get_mro(VM *vm, Obj *o) {
  TypeObj *t = (TypeObj *)o;
  return t->mro ? incref(t->mro) : tuple_new(vm, 0);
}
static Obj *type_get_bases(VM *vm, Obj *o) {
  TypeObj *t = (TypeObj *)o;
  return t->bases ? incref(t->bases) : tuple_new(vm, 0);
}
static Obj *type_get_base(VM *vm, Obj *o) {
  TypeObj *t = (TypeObj *)o;
  return t->base ? incref((Obj *)t->base) : none_new();
}
static Obj *type_get_doc(VM *vm, Obj *o) {
  TypeObj *t = (TypeObj *)o;
  if (t->dict) {
    Obj *d = dict_get_cstr(vm, t->dict, "__doc__");
    if (d) {
      if (d->type->descr_get) return d->type->descr_get(vm, d, NULL, o);
      return incref(d);
    }
  }
  return t->doc ? str_from_cstr(vm, t->doc) : none_new();
}
/* C.__doc__ = v: heap types only (CPython's type_set_doc). */
static int type_set_doc(VM *vm, Obj *o, Obj *value) {
  TypeObj *t = (TypeObj *)o;
  if (!(t->flags & TF_HEAPTYPE)) {
    vm_raise(vm, &Exc_TypeError, "cannot set '__doc__' attribute of immutable type '%s'",
             t->name);
    return -1;
  }
  if (!value) {
    vm_raise(vm, &Exc_TypeError, "cannot delete '__doc__' attribute of immutable type '%s'", t->name);
    return -1;
  }
  int r = dict_set_cstr(vm, t->dict, "__doc__", value);
  type_modified(t);
  return r;
}
static Obj *type_get_dict(VM *vm, Obj *o) {
  TypeObj *t = (TypeObj *)o;
  /* CPython returns a read-only mappingproxy; a copy keeps the type's dict
  ** unchanged while giving the same contents. */
  return t->dict ? dict_copy(vm, t->dict) : dict_new(vm);
}

static const GetSetDef type_getset[] = {
  {"__name__", type_get_name, NULL},
  {"__qualname__", type_get_qualname, NULL},
  {"__module__", type_get_module, type_set_module},
  {"__mro__", type_get_mro, NULL},
  {"__bases__", type_get_bases, NULL},
  {"__base__", type_get_base, NULL},
  {"__doc__", type_get_doc, type_set_doc},
  {"__dict__", type_get_dict, NULL},
  {NULL, NULL, NULL},
};

static Obj *type_mro_method(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  if (args_check(vm, "mro", nargs, kwnames, 0, 0) < 0) return NULL;
  TypeObj *t = (TypeObj *)self;
  if (!t->mro) return list_new(vm, 0);
  return seq_to_list(vm, t->mro);
}

static const MethodDef type_methods[] = {
  {"mro", type_mro_method, 0},
  {"__class_getitem__", cont_class_getitem, METH_CLASS},   /* type[int] */
  {NULL, NULL, 0},
};

static hash_t ptr_hash(VM *vm, Obj *o) { return hash_pointer(o); }

TypeObj Type_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "type",
  .tag = HT_TAG_CLASS,
  .basicsize = sizeof(TypeObj),
  .flags = TF_GC | TF_BASETYPE,   /* heap types are GC objects; static ones are
                                     immortal and carry no GCHead */
  .dealloc = class_type_dealloc,
  .traverse = class_type_traverse,
  .clear = class_type_clear,
  .new_ = class_type_tp_new,
  .repr = type_repr,
  .hash = ptr_hash,
  .getattr = type_getattro,
  .setattr = type_setattro,
  .call = type_call,
  .init = type_init,
  .binop = {[BINOP_OR] = union_or},          /* int | None */
  .methods = type_methods,
  .getset = type_getset,
  .doc = "type(object) -> the object's type\n"
         "type(name, bases, dict, **kwds) -> a new type",
};

/* ------------------------------------------------------------------ */
/* object                                                             */
/* ------------------------------------------------------------------ */

static int object_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames);

static Obj *object_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  TypeObj *t = (TypeObj *)type;
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  if (nargs || nkw) {
    if (t->new_ != object_new)
      return vm_raise(vm, &Exc_TypeError,
                      "object.__new__() takes exactly one argument (the type to "
                      "instantiate)");
    if (t->init == object_init)
      return vm_raise(vm, &Exc_TypeError, "%s() takes no arguments", t->name);
  }
  if (t->flags & TF_GC) return gc_alloc(vm, t, t->basicsize);
  return obj_alloc(vm, t, t->basicsize);
}

static int object_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  TypeObj *t = self->type;
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  if (nargs || nkw) {
    if (t->init != object_init) {
      vm_raise(vm, &Exc_TypeError,
               "object.__init__() takes exactly one argument (the instance to "
               "initialize)");
      return -1;
    }
    if (t->new_ == object_new) {
      vm_raise(vm, &Exc_TypeError, "%s() takes no arguments", t->name);
      return -1;
    }
  }
  return 0;
}

static Obj *object_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (op == CMP_EQ) return incref(a == b ? True_ : NotImplemented);
  if (op == CMP_NE) {
    /* != is the inverse of ==, unless == is not implemented */
    Obj *r = a->type->richcmp ? a->type->richcmp(vm, a, b, CMP_EQ)
                              : incref(a == b ? True_ : NotImplemented);
    if (!r || r == NotImplemented) return r;
    int t = obj_truthy(vm, r);
    decref(vm, r);
    if (t < 0) return NULL;
    return bool_new(!t);
  }
  return incref(NotImplemented);
}

static Obj *object_get_class(VM *vm, Obj *o) { return incref((Obj *)o->type); }

static Obj *object_format(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (args_check(vm, "__format__", nargs, kwnames, 1, 1) < 0) return NULL;
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError,
                    "__format__() argument must be str, not %s",
                    obj_type_name(args[0]));
  if (STR_LEN(args[0]) > 0)
    return vm_raise(vm, &Exc_TypeError,
                    "unsupported format string passed to %s.__format__",
                    obj_type_name(self));
  return obj_str(vm, self);
}

static Obj *object_sizeof(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (args_check(vm, "__sizeof__", nargs, kwnames, 0, 0) < 0) return NULL;
  TypeObj *t = self->type;
  size_t n = t->sizeof_ ? t->sizeof_(self) : t->basicsize;
  return int_from_u64(vm, n);
}

/* object.__repr__(o): the default repr, whatever O's type defines. */
static Obj *object_repr_m(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  (void)args;
  if (args_check(vm, "__repr__", nargs, kwnames, 0, 0) < 0) return NULL;
  TypeObj *t = self->type;
  if ((t->flags & TF_HEAPTYPE) && t->module && str_check(t->module) &&
      !str_eq_cstr(t->module, "builtins"))
    return str_fromf(vm, "<%S.%S object at %p>", t->module,
                     t->qualname ? t->qualname : str_intern_cstr(vm, t->name),
                     (void *)self);
  return str_fromf(vm, "<%s object at %p>", t->name, (void *)self);
}

/* object.__str__(o): repr(o), through O's type's __repr__. */
static Obj *object_str_m(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  (void)args;
  if (args_check(vm, "__str__", nargs, kwnames, 0, 0) < 0) return NULL;
  return obj_repr(vm, self);
}

/* object.__init_subclass__(): the end of the chain of a class's bases'
** __init_subclass__, taking nothing. */
static Obj *object_init_subclass(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                                 Obj *kwnames) {
  (void)self; (void)args;
  if (kwnames && TUPLE_SIZE(kwnames))
    return vm_raise(vm, &Exc_TypeError, "%s.__init_subclass__() takes no keyword arguments",
                    ((TypeObj *)self)->name);
  if (nargs)
    return vm_raise(vm, &Exc_TypeError,
                    "object.__init_subclass__() takes no arguments (%d given)", (int)nargs);
  return none_new();
}

/* object.__subclasshook__(C): NotImplemented (the normal issubclass rules). */
static Obj *object_subclasshook(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                                Obj *kwnames) {
  (void)self; (void)args;
  if (kwnames && TUPLE_SIZE(kwnames))
    return vm_raise(vm, &Exc_TypeError, "__subclasshook__() takes no keyword arguments");
  return incref(NotImplemented);
}

static const MethodDef object_methods[] = {
  {"__repr__", object_repr_m, 0},
  {"__init_subclass__", object_init_subclass, METH_CLASS},
  {"__subclasshook__", object_subclasshook, METH_CLASS},
  {"__str__", object_str_m, 0},
  {"__format__", object_format, 0},
  {"__sizeof__", object_sizeof, 0},
  {NULL, NULL, 0},
};
static const GetSetDef object_getset[] = {
  {"__class__", object_get_class, NULL},
  {NULL, NULL, NULL},
};

TypeObj Object_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "object",
  .tag = HT_TAG_INSTANCE,
  .basicsize = sizeof(Obj),
  .flags = TF_BASETYPE,
  .hash = ptr_hash,
  .richcmp = object_richcmp,
  .new_ = object_new,
  .init = object_init,
  .methods = object_methods,
  .getset = object_getset,
  .doc = "The base class of the class hierarchy.",
};

/* ------------------------------------------------------------------ */
/* None, NotImplemented, Ellipsis                                     */
/* ------------------------------------------------------------------ */

static Obj *intern_new(VM *vm, const char *s) {
  Obj *o = str_intern_cstr(vm, s);
  return o ? incref(o) : NULL;
}

static Obj *none_repr(VM *vm, Obj *o) { return intern_new(vm, "None"); }
static int none_bool(VM *vm, Obj *o) { return 0; }
static Obj *none_new_(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
    return vm_raise(vm, &Exc_TypeError, "NoneType takes no arguments");
  return none_new();
}

TypeObj None_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "NoneType",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(Obj),
  .repr = none_repr,
  .hash = ptr_hash,
  .bool_ = none_bool,
  .new_ = none_new_,
};
Obj None_Obj = OBJ_STATIC_INIT(&None_Type);

static Obj *ni_repr(VM *vm, Obj *o) {
  return intern_new(vm, "NotImplemented");
}
static Obj *ni_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                   Obj *kwnames) {
  if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
    return vm_raise(vm, &Exc_TypeError, "NotImplementedType takes no arguments");
  return incref(NotImplemented);
}
TypeObj NotImplemented_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "NotImplementedType",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(Obj),
  .repr = ni_repr,
  .hash = ptr_hash,
  .new_ = ni_new,
};
Obj NotImplemented_Obj = OBJ_STATIC_INIT(&NotImplemented_Type);

static Obj *ellipsis_repr(VM *vm, Obj *o) {
  return intern_new(vm, "Ellipsis");
}
static Obj *ellipsis_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
    return vm_raise(vm, &Exc_TypeError, "ellipsis takes no arguments");
  return incref(Ellipsis);
}
TypeObj Ellipsis_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "ellipsis",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(Obj),
  .repr = ellipsis_repr,
  .hash = ptr_hash,
  .new_ = ellipsis_new,
};
Obj Ellipsis_Obj = OBJ_STATIC_INIT(&Ellipsis_Type);

/* ------------------------------------------------------------------ */
/* Readying everything                                                */
/* ------------------------------------------------------------------ */

extern TypeObj *const numbers_types[] __attribute__((weak));
extern TypeObj *const text_types[] __attribute__((weak));
extern TypeObj *const containers_types[] __attribute__((weak));
extern TypeObj *const modules_types[] __attribute__((weak));
extern TypeObj *const frontend_types[] __attribute__((weak));
extern TypeObj *const core_exc_types[];
extern TypeObj Property_Type, StaticMethod_Type, ClassMethod_Type,
  Builtin_Type, Method_Type, Cell_Type, Code_Type, Function_Type, Frame_Type,
  Module_Type, Traceback_Type, Generator_Type;

static TypeObj *const core_types[] = {
  &Object_Type, &Type_Type, &None_Type, &NotImplemented_Type, &Ellipsis_Type,
  &SlotWrapper_Type, &MethodDescr_Type, &ClassMethodDescr_Type,
  &GetSetDescr_Type, &Builtin_Type, &Method_Type, &StaticMethod_Type,
  &ClassMethod_Type, &Property_Type, &Cell_Type, &Code_Type, &Function_Type,
  &Frame_Type, &Module_Type, &Traceback_Type, &Generator_Type, &Super_Type, &Member_Type, NULL,
};

static int ready_list(VM *vm, TypeObj *const *list) {
  if (!list) return 0;
  for (; *list; list++)
    if (type_ready(vm, *list) < 0) return -1;
  return 0;
}

int types_ready_all(VM *vm) {
  if (ready_list(vm, core_types) < 0) return -1;
  if (ready_list(vm, core_exc_types) < 0) return -1;
  if (ready_list(vm, numbers_types) < 0) return -1;
  if (ready_list(vm, text_types) < 0) return -1;
  if (ready_list(vm, containers_types) < 0) return -1;
  if (ready_list(vm, modules_types) < 0) return -1;
  if (ready_list(vm, frontend_types) < 0) return -1;
  return 0;
}
