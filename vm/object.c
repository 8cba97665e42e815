/*
** object.c -- allocation and the generic object protocol: repr/str, hashing,
** truth, rich comparison, attributes, calls, items, iteration, the number
** protocol's binary-operator dispatch, and the argument helpers for builtins.
**
** The dispatch rules are CPython's (Objects/object.c, Objects/abstract.c):
**   - binary operators try the left operand's slot, then the right one's,
**     except that a right operand whose type is a proper subclass of the
**     left one's goes first; a slot answers NotImplemented to pass;
**   - rich comparisons do the same with the reflected operator, and fall
**     back to identity for == and !=;
**   - attribute lookup follows the descriptor protocol: data descriptors on
**     the type, then the instance dict, then other descriptors and plain
**     class attributes.
** Error texts are CPython 3.11's, checked against /usr/bin/python3.
*/
#include <string.h>
#include <stdio.h>
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "containers.h"

const char *const binop_symbol[BINOP_COUNT] = {
#define X_(e, s) s,
  BINOP_LIST(X_)
#undef X_
};
const char *const cmpop_symbol[6] = {"<", "<=", "==", "!=", ">", ">="};
static const CmpOp swapped_op[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT,
                                    CMP_LE};

/* ------------------------------------------------------------------ */
/* Allocation                                                         */
/* ------------------------------------------------------------------ */

/* Zero the N bytes after the header: small objects word by word (a libc
** call costs more than the stores).  The allocators that inline it are
** compiled without loop-to-memset pattern replacement, which would turn
** the loop into `rep stos`, slower still for a few words. */
#define NO_MEMSET_PATTERN __attribute__((optimize("no-tree-loop-distribute-patterns")))
static inline void zero_body(Obj *o, size_t size) {
  if (size <= sizeof(Obj)) return;
  size_t n = size - sizeof(Obj);
  if (n <= 128 && (n & 7) == 0) {
    uint64_t *w = (uint64_t *)(o + 1);
    for (size_t i = 0; i < n / 8; i++) w[i] = 0;
  } else {
    memset(o + 1, 0, n);
  }
}

NO_MEMSET_PATTERN Obj *obj_alloc(VM *vm, TypeObj *type, size_t size) {
  Obj *o = ht_alloc(type->tag, size);
  if (!o) return vm_raise_nomem(vm);
  zero_body(o, size);
  o->refcnt = 1;
  o->type = type;
  if (type->flags & TF_HEAPTYPE) type->ob.refcnt++;  /* instances own their class */
  return o;
}

void obj_free(VM *vm, Obj *o, size_t size) {
  (void)vm;
  ht_free(o->type->tag, o, size);
}

/* The generation-0 trigger lives in gc.c; gc_alloc links the new object
** into generation 0 (contract: object.h). */
void gc_maybe_collect(VM *vm);

NO_MEMSET_PATTERN Obj *gc_alloc(VM *vm, TypeObj *type, size_t size) {
  GCState *gc = &vm->gc;
  if (gc->count >= gc->threshold && gc->enabled && !gc->collecting &&
      gc->threshold > 0)
    gc_maybe_collect(vm);
  GCHead *g = ht_alloc(type->tag, sizeof(GCHead) + size);
  if (!g) return vm_raise_nomem(vm);
  Obj *o = GC_OBJ(g);
  zero_body(o, size);
  o->refcnt = 1;
  o->type = type;
  if (type->flags & TF_HEAPTYPE) type->ob.refcnt++;  /* instances own their class */
  gc->count++;
  GCHead *h = &gc->head;
  g->gc_refs = 0;
  g->prev = h->prev;
  g->next = h;
  h->prev->next = g;
  h->prev = g;
  return o;
}

void gc_free(VM *vm, Obj *o, size_t size) {
  GCHead *g = GC_HEAD(o);
  if (g->next) {
    g->prev->next = g->next;
    g->next->prev = g->prev;
    g->next = g->prev = NULL;
  }
  if (vm->gc.count > 0) vm->gc.count--;
  ht_free(o->type->tag, g, size + sizeof(GCHead));
}

void gc_untrack(Obj *o) {
  GCHead *g = GC_HEAD(o);
  if (g->next) {
    g->prev->next = g->next;
    g->next->prev = g->prev;
    g->next = g->prev = NULL;
  }
}

void gc_track(VM *vm, Obj *o) {
  GCHead *g = GC_HEAD(o);
  if (g->next) return;
  GCHead *h = &vm->gc.head;
  g->gc_refs = 0;
  g->prev = h->prev;
  g->next = h;
  h->prev->next = g;
  h->prev = g;
}

void obj_dealloc(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  if (t->dealloc) {
    t->dealloc(vm, o);
  } else if (t->flags & TF_GC) {
    gc_free(vm, o, t->basicsize);
  } else {
    obj_free(vm, o, t->basicsize);
  }
}

/* ------------------------------------------------------------------ */
/* Small helpers                                                      */
/* ------------------------------------------------------------------ */

const char *obj_type_name(Obj *o) { return o->type->name; }

hash_t hash_pointer(const void *p) {
  /* CPython's _Py_HashPointer: rotate by 4 so that aligned addresses
  ** spread over the low bits. */
  uintptr_t y = (uintptr_t)p;
  y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
  hash_t h = (hash_t)y;
  if (h == -1) h = -2;
  return h;
}

/* A str from a plain printf format (no %R/%S/%T). */
static Obj *cfmt(VM *vm, const char *fmt, ...)
  __attribute__((format(printf, 2, 3)));
static Obj *cfmt(VM *vm, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0;
  if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
  return str_new(vm, buf, (size_t)n);
}

/* The default repr: "<int object at 0x7f...>" (module-qualified for heap
** types, as CPython's object_repr). */
static Obj *default_repr(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  if ((t->flags & TF_HEAPTYPE) && t->module && str_check(t->module) &&
      !str_eq_cstr(t->module, "builtins"))
    return str_fromf(vm, "<%S.%S object at %p>", t->module,
                     t->qualname ? t->qualname : str_intern_cstr(vm, t->name),
                     (void *)o);
  return cfmt(vm, "<%s object at %p>", t->name, (void *)o);
}

/* ------------------------------------------------------------------ */
/* repr, str, hash, truth                                             */
/* ------------------------------------------------------------------ */

Obj *obj_repr(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  if (!t->repr) return default_repr(vm, o);
  if (t == &Str_Type) return t->repr(vm, o);
  if (vm_enter_recursive(vm, " while getting the repr of an object"))
    return NULL;
  Obj *r = t->repr(vm, o);
  vm_leave_recursive(vm);
  if (r && !str_check(r)) {
    vm_raise(vm, &Exc_TypeError, "__repr__ returned non-string (type %s)",
             obj_type_name(r));
    decref(vm, r);
    return NULL;
  }
  return r;
}

Obj *obj_str(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  if (t == &Str_Type) return incref(o);
  if (!t->str) return obj_repr(vm, o);
  if (vm_enter_recursive(vm, " while getting the str of an object"))
    return NULL;
  Obj *r = t->str(vm, o);
  vm_leave_recursive(vm);
  if (r && !str_check(r)) {
    vm_raise(vm, &Exc_TypeError, "__str__ returned non-string (type %s)",
             obj_type_name(r));
    decref(vm, r);
    return NULL;
  }
  return r;
}

hash_t obj_hash(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  if (t == &Str_Type) {
    hash_t h = ((StrObj *)o)->hash;
    if (h != -1) return h;
  }
  if (!t->hash) {
    vm_raise(vm, &Exc_TypeError, "unhashable type: '%s'", t->name);
    return -1;
  }
  /* hashing nested tuples recurses in C: guard the stack only (CPython
  ** counts no recursion depth here) */
  char probe;
  if (__builtin_expect((char *)&probe < vm->c_stack_limit, 0)) {
    vm_raise(vm, &Exc_RecursionError,
             "maximum recursion depth exceeded while hashing an object");
    return -1;
  }
  return t->hash(vm, o);
}

int obj_truthy(VM *vm, Obj *o) {
  if (o == True_) return 1;
  if (o == False_ || o == None) return 0;
  TypeObj *t = o->type;
  if (t->bool_) return t->bool_(vm, o);
  if (t->len) {
    ssize n = t->len(vm, o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

Obj *obj_not(VM *vm, Obj *o) {
  int r = obj_truthy(vm, o);
  if (r < 0) return NULL;
  return bool_new(!r);
}

/* ------------------------------------------------------------------ */
/* Rich comparison                                                    */
/* ------------------------------------------------------------------ */

static Obj *do_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  TypeObj *ta = a->type, *tb = b->type;
  bool checked_reverse = false;
  Obj *r;
  if (ta != tb && tb->richcmp && type_is_subtype(tb, ta)) {
    checked_reverse = true;
    r = tb->richcmp(vm, b, a, swapped_op[op]);
    if (r != NotImplemented) return r;
    decref(vm, r);
  }
  if (ta->richcmp) {
    r = ta->richcmp(vm, a, b, op);
    if (r != NotImplemented) return r;
    decref(vm, r);
  }
  if (!checked_reverse && tb->richcmp) {
    r = tb->richcmp(vm, b, a, swapped_op[op]);
    if (r != NotImplemented) return r;
    decref(vm, r);
  }
  switch (op) {
  case CMP_EQ: return bool_new(a == b);
  case CMP_NE: return bool_new(a != b);
  default:
    return vm_raise(vm, &Exc_TypeError,
                    "'%s' not supported between instances of '%s' and '%s'",
                    cmpop_symbol[op], ta->name, tb->name);
  }
}

Obj *obj_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (vm_enter_recursive(vm, " in comparison")) return NULL;
  Obj *r = do_richcmp(vm, a, b, op);
  vm_leave_recursive(vm);
  return r;
}

int obj_richcmp_bool(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (a == b) {
    if (op == CMP_EQ) return 1;
    if (op == CMP_NE) return 0;
  }
  Obj *r = obj_richcmp(vm, a, b, op);
  if (!r) return -1;
  int t;
  if (r == True_) t = 1;
  else if (r == False_) t = 0;
  else t = obj_truthy(vm, r);
  decref(vm, r);
  return t;
}

int obj_eq(VM *vm, Obj *a, Obj *b) { return obj_richcmp_bool(vm, a, b, CMP_EQ); }

/* ------------------------------------------------------------------ */
/* Attributes                                                         */
/* ------------------------------------------------------------------ */

static Obj *no_attr(VM *vm, Obj *o, Obj *name) {
  Obj *r = vm_raise(vm, &Exc_AttributeError,
                    "'%s' object has no attribute '%S'", obj_type_name(o), name);
  /* AttributeError.name / .obj, as CPython 3.10+ */
  if (vm->exc && vm->exc->type == &Exc_AttributeError) {
    ExcObj *e = (ExcObj *)vm->exc;
    obj_setref(vm, &e->extra[0], incref(name));
    obj_setref(vm, &e->extra[1], incref(o));
  }
  return r;
}

static bool check_attr_name(VM *vm, Obj *name) {
  if (str_check(name)) return true;
  vm_raise(vm, &Exc_TypeError, "attribute name must be string, not '%s'",
           obj_type_name(name));
  return false;
}

static inline Obj **instance_dict_slot(Obj *o) {
  ssize off = o->type->dictoffset;
  if (off < 0) return class_dict_slot(o);   /* after a variable-size part */
  return off ? (Obj **)((char *)o + off) : NULL;
}

Obj *obj_generic_getattr(VM *vm, Obj *o, Obj *name) {
  TypeObj *t = o->type;
  if (!check_attr_name(vm, name)) return NULL;
  Obj *descr = type_lookup(t, name);
  Obj *(*get)(VM *, Obj *, Obj *, Obj *) = NULL;
  if (descr) {
    incref(descr);
    get = descr->type->descr_get;
    if (get && descr->type->descr_set) {
      Obj *r = get(vm, descr, o, (Obj *)t);
      decref(vm, descr);
      return r;
    }
  }
  Obj **dslot = instance_dict_slot(o);
  if (dslot && *dslot) {
    Obj *d = *dslot;
    incref(d);
    Obj *v = dict_get(vm, d, name);
    if (v) {
      incref(v);
      decref(vm, d);
      xdecref(vm, descr);
      return v;
    }
    decref(vm, d);
    if (vm_exc_occurred(vm)) {
      xdecref(vm, descr);
      return NULL;
    }
  }
  if (get) {
    Obj *r = get(vm, descr, o, (Obj *)t);
    decref(vm, descr);
    return r;
  }
  if (descr) return descr;
  return no_attr(vm, o, name);
}

Obj *obj_getattr(VM *vm, Obj *o, Obj *name) {
  TypeObj *t = o->type;
  if (t->getattr) {
    if (!check_attr_name(vm, name)) return NULL;
    return t->getattr(vm, o, name);
  }
  return obj_generic_getattr(vm, o, name);
}

Obj *obj_getattr_cstr(VM *vm, Obj *o, const char *name) {
  Obj *n = str_intern_cstr(vm, name);
  if (!n) return NULL;
  return obj_getattr(vm, o, n);
}

int obj_generic_setattr(VM *vm, Obj *o, Obj *name, Obj *value) {
  TypeObj *t = o->type;
  if (!check_attr_name(vm, name)) return -1;
  Obj *descr = type_lookup(t, name);
  if (descr && descr->type->descr_set) {
    incref(descr);
    int r = descr->type->descr_set(vm, descr, o, value);
    decref(vm, descr);
    return r;
  }
  Obj **dslot = instance_dict_slot(o);
  if (dslot) {
    if (!value) {
      if (!*dslot || dict_del(vm, *dslot, name) < 0) {
        if (*dslot && !vm_exc_matches(vm, &Exc_KeyError)) return -1;
        vm_exc_clear(vm);
        no_attr(vm, o, name);
        return -1;
      }
      return 0;
    }
    if (!*dslot) {
      *dslot = dict_new(vm);
      if (!*dslot) return -1;
    }
    return dict_set(vm, *dslot, name, value);
  }
  if (descr) {
    vm_raise(vm, &Exc_AttributeError, "'%s' object attribute '%S' is read-only",
             t->name, name);
    return -1;
  }
  no_attr(vm, o, name);
  return -1;
}

int obj_setattr(VM *vm, Obj *o, Obj *name, Obj *value) {
  TypeObj *t = o->type;
  if (t->setattr) {
    if (!check_attr_name(vm, name)) return -1;
    return t->setattr(vm, o, name, value);
  }
  return obj_generic_setattr(vm, o, name, value);
}

/* Look NAME up on O for a call: returns 1 with *OUT an unbound function or
** method descriptor to call with O prepended, 0 with *OUT the attribute
** value, -1 on error.  *OUT is a new reference.  (CPython's
** _PyObject_GetMethod.) */
int obj_get_method(VM *vm, Obj *o, Obj *name, Obj **out) {
  TypeObj *t = o->type;
  *out = NULL;
  if (t->getattr || !str_check(name)) {
    *out = obj_getattr(vm, o, name);
    return *out ? 0 : -1;
  }
  Obj *descr = type_lookup(t, name);
  if (descr) {
    TypeObj *dt = descr->type;
    if (dt == &Function_Type || dt == &MethodDescr_Type) {
      Obj **dslot = instance_dict_slot(o);
      if (dslot && *dslot) {
        Obj *v = dict_get(vm, *dslot, name);
        if (v) {
          *out = incref(v);
          return 0;
        }
        if (vm_exc_occurred(vm)) return -1;
      }
      *out = incref(descr);
      return 1;
    }
  }
  *out = obj_generic_getattr(vm, o, name);
  return *out ? 0 : -1;
}

/* ------------------------------------------------------------------ */
/* Calls                                                              */
/* ------------------------------------------------------------------ */

Obj *obj_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
              Obj *kwnames) {
  callfunc call = callable->type->call;
  if (!call)
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not callable",
                    obj_type_name(callable));
  Obj *r = call(vm, callable, args, nargs, kwnames);
  if (!r && !vm->exc)
    vm_raise(vm, &Exc_SystemError,
             "%s returned NULL without setting an exception",
             obj_type_name(callable));
  return r;
}

Obj *obj_call0(VM *vm, Obj *callable) {
  return obj_call(vm, callable, NULL, 0, NULL);
}
Obj *obj_call1(VM *vm, Obj *callable, Obj *a) {
  Obj *args[1] = {a};
  return obj_call(vm, callable, args, 1, NULL);
}
Obj *obj_call2(VM *vm, Obj *callable, Obj *a, Obj *b) {
  Obj *args[2] = {a, b};
  return obj_call(vm, callable, args, 2, NULL);
}

Obj *obj_call_method(VM *vm, Obj *self, const char *name, Obj *const *args,
                     size_t nargs) {
  Obj *n = str_intern_cstr(vm, name);
  if (!n) return NULL;
  Obj *m;
  int k = obj_get_method(vm, self, n, &m);
  if (k < 0) return NULL;
  Obj *r;
  if (k == 1) {
    Obj *small[8];
    Obj **v = small;
    if (nargs + 1 > 8) {
      v = ht_alloc(HT_TAG_VMINTERNAL, (nargs + 1) * sizeof(Obj *));
      if (!v) {
        decref(vm, m);
        return vm_raise_nomem(vm);
      }
    }
    v[0] = self;
    for (size_t i = 0; i < nargs; i++) v[i + 1] = args[i];
    r = obj_call(vm, m, v, nargs + 1, NULL);
    if (v != small) ht_free(HT_TAG_VMINTERNAL, v, (nargs + 1) * sizeof(Obj *));
  } else {
    r = obj_call(vm, m, args, nargs, NULL);
  }
  decref(vm, m);
  return r;
}

/* ------------------------------------------------------------------ */
/* Items, length, iteration                                           */
/* ------------------------------------------------------------------ */

Obj *obj_getitem(VM *vm, Obj *o, Obj *key) {
  binaryfunc f = o->type->getitem;
  if (f) return f(vm, o, key);
  if (o->type == &Type_Type || type_is_subtype(o->type, &Type_Type)) {
    /* list[int], or a class's own __class_getitem__ (an implicit classmethod) */
    Obj *m = type_lookup((TypeObj *)o, str_intern_cstr(vm, "__class_getitem__"));
    if (m) {
      Obj *bound = m->type->descr_get ? m->type->descr_get(vm, m, None, o) : incref(m);
      if (!bound) return NULL;
      Obj *r = obj_call1(vm, bound, key);
      decref(vm, bound);
      return r;
    }
    return vm_raise(vm, &Exc_TypeError, "type '%s' is not subscriptable",
                    ((TypeObj *)o)->name);
  }
  return vm_raise(vm, &Exc_TypeError, "'%s' object is not subscriptable",
                  obj_type_name(o));
}

int obj_setitem(VM *vm, Obj *o, Obj *key, Obj *value) {
  if (o->type->setitem) return o->type->setitem(vm, o, key, value);
  vm_raise(vm, &Exc_TypeError, "'%s' object does not support item assignment",
           obj_type_name(o));
  return -1;
}

int obj_delitem(VM *vm, Obj *o, Obj *key) {
  if (o->type->setitem) return o->type->setitem(vm, o, key, NULL);
  vm_raise(vm, &Exc_TypeError, "'%s' object doesn't support item deletion",
           obj_type_name(o));
  return -1;
}

ssize obj_len(VM *vm, Obj *o) {
  if (o->type->len) return o->type->len(vm, o);
  vm_raise(vm, &Exc_TypeError, "object of type '%s' has no len()",
           obj_type_name(o));
  return -1;
}

Obj *obj_iter(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  if (t->iter) {
    Obj *it = t->iter(vm, o);
    if (it && !it->type->iternext) {
      vm_raise(vm, &Exc_TypeError, "iter() returned non-iterator of type '%s'",
               obj_type_name(it));
      decref(vm, it);
      return NULL;
    }
    return it;
  }
  if (t->getitem && t != &Dict_Type) return seqiter_new(vm, o);
  return vm_raise(vm, &Exc_TypeError, "'%s' object is not iterable",
                  obj_type_name(o));
}

Obj *obj_iternext(VM *vm, Obj *it) {
  unaryfunc f = it->type->iternext;
  if (!f)
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not an iterator",
                    obj_type_name(it));
  return f(vm, it);
}

int obj_contains(VM *vm, Obj *container, Obj *item) {
  TypeObj *t = container->type;
  if (t->contains) return t->contains(vm, container, item);
  if (!t->iter && !t->getitem) {
    vm_raise(vm, &Exc_TypeError, "argument of type '%s' is not iterable",
             t->name);
    return -1;
  }
  Obj *it = obj_iter(vm, container);
  if (!it) return -1;
  for (;;) {
    Obj *x = obj_iternext(vm, it);
    if (!x) {
      decref(vm, it);
      return vm_exc_occurred(vm) ? -1 : 0;
    }
    int eq = obj_richcmp_bool(vm, x, item, CMP_EQ);
    decref(vm, x);
    if (eq != 0) {
      decref(vm, it);
      return eq;
    }
  }
}

Obj *seq_to_list(VM *vm, Obj *o) {
  Obj *l = list_new(vm, 0);
  if (!l) return NULL;
  if (list_extend(vm, l, o) < 0) {
    decref(vm, l);
    return NULL;
  }
  return l;
}

Obj *seq_to_tuple(VM *vm, Obj *o) {
  if (o->type == &Tuple_Type) return incref(o);
  if (o->type == &List_Type) return list_as_tuple(vm, o);
  Obj *l = seq_to_list(vm, o);
  if (!l) return NULL;
  Obj *t = list_as_tuple(vm, l);
  decref(vm, l);
  return t;
}

/* ------------------------------------------------------------------ */
/* Numbers                                                            */
/* ------------------------------------------------------------------ */

static Obj *binop_error(VM *vm, Obj *a, Obj *b, BinOp op, bool inplace) {
  if (op == BINOP_POW && !inplace)
    return vm_raise(vm, &Exc_TypeError,
                    "unsupported operand type(s) for ** or pow(): '%s' and '%s'",
                    obj_type_name(a), obj_type_name(b));
  return vm_raise(vm, &Exc_TypeError,
                  "unsupported operand type(s) for %s%s: '%s' and '%s'",
                  binop_symbol[op], inplace ? "=" : "", obj_type_name(a),
                  obj_type_name(b));
}

/* CPython's binary_op1: NotImplemented when neither operand answers. */
static Obj *binop1(VM *vm, Obj *a, Obj *b, BinOp op) {
  TypeObj *ta = a->type, *tb = b->type;
  binaryfunc slota = ta->binop[op];
  binaryfunc slotb = NULL;
  if (tb != ta) {
    slotb = tb->binop[op];
    if (slotb == slota) slotb = NULL;
  }
  Obj *r;
  if (slota) {
    if (slotb && type_is_subtype(tb, ta)) {
      r = slotb(vm, a, b);
      if (r != NotImplemented) return r;
      decref(vm, r);
      slotb = NULL;
    }
    r = slota(vm, a, b);
    if (r != NotImplemented) return r;
    decref(vm, r);
  }
  if (slotb) return slotb(vm, a, b);
  return incref(NotImplemented);
}

Obj *obj_binop(VM *vm, Obj *a, Obj *b, BinOp op) {
  Obj *r = binop1(vm, a, b, op);
  if (r == NotImplemented) {
    decref(vm, r);
    return binop_error(vm, a, b, op, false);
  }
  return r;
}

Obj *obj_inplace(VM *vm, Obj *a, Obj *b, BinOp op) {
  binaryfunc f = a->type->inplace[op];
  if (f) {
    Obj *r = f(vm, a, b);
    if (r != NotImplemented) return r;
    decref(vm, r);
  }
  Obj *r = binop1(vm, a, b, op);
  if (r == NotImplemented) {
    decref(vm, r);
    return binop_error(vm, a, b, op, true);
  }
  return r;
}

static Obj *unary(VM *vm, Obj *o, unaryfunc f, const char *sym) {
  if (f) return f(vm, o);
  return vm_raise(vm, &Exc_TypeError, "bad operand type for unary %s: '%s'",
                  sym, obj_type_name(o));
}
Obj *obj_neg(VM *vm, Obj *o) { return unary(vm, o, o->type->neg, "-"); }
Obj *obj_pos(VM *vm, Obj *o) { return unary(vm, o, o->type->pos, "+"); }
Obj *obj_invert(VM *vm, Obj *o) { return unary(vm, o, o->type->invert, "~"); }

Obj *obj_index(VM *vm, Obj *o) {
  if (o->type == &Int_Type) return incref(o);
  unaryfunc f = o->type->index;
  if (!f)
    return vm_raise(vm, &Exc_TypeError,
                    "'%s' object cannot be interpreted as an integer",
                    obj_type_name(o));
  Obj *r = f(vm, o);
  if (r && !int_check(r)) {
    vm_raise(vm, &Exc_TypeError, "__index__ returned non-int (type %s)",
             obj_type_name(r));
    decref(vm, r);
    return NULL;
  }
  return r;
}

ssize obj_as_ssize(VM *vm, Obj *o) {
  Obj *i = obj_index(vm, o);
  if (!i) return -1;
  int64_t v;
  if (int_fits_i64(i)) {
    v = int_as_i64_unchecked(i);
    decref(vm, i);
    return (ssize)v;
  }
  decref(vm, i);
  vm_raise(vm, &Exc_OverflowError, "cannot fit '%s' into an index-sized integer",
           obj_type_name(o));
  return -1;
}

/* ------------------------------------------------------------------ */
/* Argument helpers for builtins                                      */
/* ------------------------------------------------------------------ */

int args_check(VM *vm, const char *fname, size_t nargs, Obj *kwnames,
               size_t min, size_t max) {
  if (kwnames && TUPLE_SIZE(kwnames) > 0) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", fname);
    return -1;
  }
  if (nargs >= min && nargs <= max) return 0;
  if (min == 0 && max == 0)
    vm_raise(vm, &Exc_TypeError, "%s() takes no arguments (%zu given)", fname,
             nargs);
  else if (min == 1 && max == 1)
    vm_raise(vm, &Exc_TypeError, "%s() takes exactly one argument (%zu given)",
             fname, nargs);
  else if (min == max)
    vm_raise(vm, &Exc_TypeError, "%s expected %zu argument%s, got %zu", fname,
             min, min == 1 ? "" : "s", nargs);
  else if (nargs < min)
    vm_raise(vm, &Exc_TypeError, "%s expected at least %zu argument%s, got %zu",
             fname, min, min == 1 ? "" : "s", nargs);
  else
    vm_raise(vm, &Exc_TypeError, "%s expected at most %zu argument%s, got %zu",
             fname, max, max == 1 ? "" : "s", nargs);
  return -1;
}

int args_parse(VM *vm, const char *fname, Obj *const *args, size_t nargs,
               Obj *kwnames, const char *const *names, int nparams, int nreq,
               Obj **out) {
  ssize nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  for (int i = 0; i < nparams; i++) out[i] = NULL;
  if ((ssize)nargs + nkw > nparams) {
    vm_raise(vm, &Exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)",
             fname, nparams, nargs == 0 ? "keyword " : "",
             nparams == 1 ? "" : "s", (ssize)nargs + nkw);
    return -1;
  }
  for (size_t i = 0; i < nargs; i++) out[i] = args[i];
  for (ssize k = 0; k < nkw; k++) {
    Obj *kn = TUPLE_GET(kwnames, k);
    int j;
    for (j = 0; j < nparams; j++)
      if (str_eq_cstr(kn, names[j])) break;
    if (j == nparams) {
      vm_raise(vm, &Exc_TypeError, "'%S' is an invalid keyword argument for %s()",
               kn, fname);
      return -1;
    }
    if ((size_t)j < nargs) {
      vm_raise(vm, &Exc_TypeError,
               "argument for %s() given by name ('%s') and position (%d)", fname,
               names[j], j + 1);
      return -1;
    }
    out[j] = args[nargs + k];
  }
  for (int i = 0; i < nreq; i++) {
    if (!out[i]) {
      vm_raise(vm, &Exc_TypeError, "%s() missing required argument '%s' (pos %d)",
               fname, names[i], i + 1);
      return -1;
    }
  }
  return 0;
}
