/*
** tuple.c -- tuples and their iterator.
**
** A tuple is one TUPLE-tagged GC block: the TupleObj header (object.h)
** followed by SIZE owned item pointers.  Tuples are immutable once
** published; tuple_new() hands out NULL slots the caller fills before the
** tuple is seen by anyone (traverse skips NULL slots, since gc_alloc links
** the object at once).  The empty tuple is shared: vm->empty_tuple, made by
** containers_init().
**
** The hash is CPython 3.11's tuplehash (an xxHash-style mix of the item
** hashes), so sets of tuples iterate in CPython's order.
**
** Subclass instances (namedtuple-style classes) are allocated with
** type->basicsize + SIZE item pointers; the items stay at TupleObj.items,
** so anything a subclass adds to basicsize (a __dict__ slot) ends up after
** the items, at the end of the block (CPython's negative tp_dictoffset).
*/
#include <string.h>
#include "vm.h"
#include "containers.h"

static size_t tuple_block_size(TypeObj *type, ssize n) {
  return type->basicsize + (size_t)n * sizeof(Obj *);
}

/* A new tuple of TYPE (Tuple_Type or a subclass) with N NULL items. */
static Obj *tuple_alloc(VM *vm, TypeObj *type, ssize n) {
  if (n < 0) {
    vm_raise(vm, &Exc_RuntimeError, "negative tuple size");
    return NULL;
  }
  if ((size_t)n > (SIZE_MAX - type->basicsize) / sizeof(Obj *) / 2)
    return vm_raise_nomem(vm);
  TupleObj *t = (TupleObj *)gc_alloc(vm, type, tuple_block_size(type, n));
  if (!t) return NULL;
  t->size = n;
  return OBJ(t);
}

Obj *tuple_new(VM *vm, ssize n) {
  if (n == 0) {
    if (!vm->empty_tuple) return vm_raise_nomem(vm);
    return incref(vm->empty_tuple);
  }
  return tuple_alloc(vm, &Tuple_Type, n);
}

Obj *tuple_from_array(VM *vm, Obj *const *items, ssize n) {
  Obj *t = tuple_new(vm, n);
  if (!t) return NULL;
  Obj **dst = TUPLE_ITEMS(t);
  for (ssize i = 0; i < n; i++) dst[i] = incref(items[i]);
  return t;
}

Obj *tuple_pack(VM *vm, ssize n, ...) {
  Obj *t = tuple_new(vm, n);
  if (!t) return NULL;
  va_list ap;
  va_start(ap, n);
  for (ssize i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = incref(va_arg(ap, Obj *));
  va_end(ap);
  return t;
}

Obj *tuple_getslice(VM *vm, Obj *tuple, ssize lo, ssize hi) {
  ssize n = TUPLE_SIZE(tuple);
  if (lo < 0) lo = 0;
  if (hi > n) hi = n;
  if (hi < lo) hi = lo;
  if (lo == 0 && hi == n && obj_is(tuple, &Tuple_Type)) return incref(tuple);
  return tuple_from_array(vm, TUPLE_ITEMS(tuple) + lo, hi - lo);
}

/* ------------------------------------------------------------------ */
/* Hash: CPython 3.11's tuplehash                                     */
/* ------------------------------------------------------------------ */

#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

/* The mixing step and the finish are split so tuple_hash can stop at the
** first unhashable item without computing every hash first. */
static inline uint64_t xx_lane(uint64_t acc, uint64_t lane) {
  acc += lane * XXPRIME_2;
  acc = XXROTATE(acc);
  return acc * XXPRIME_1;
}

static inline hash_t xx_finish(uint64_t acc, ssize n) {
  acc += (uint64_t)n ^ (XXPRIME_5 ^ 3527539UL);
  if (acc == (uint64_t)-1) return 1546275796;
  return (hash_t)acc;
}

hash_t tuple_hash_items(const hash_t *hashes, ssize n) {
  uint64_t acc = XXPRIME_5;
  for (ssize i = 0; i < n; i++) acc = xx_lane(acc, (uint64_t)hashes[i]);
  return xx_finish(acc, n);
}

static hash_t tuple_hash(VM *vm, Obj *o) {
  ssize n = TUPLE_SIZE(o);
  Obj **items = TUPLE_ITEMS(o);
  uint64_t acc = XXPRIME_5;
  for (ssize i = 0; i < n; i++) {
    hash_t h = obj_hash(vm, items[i]);
    if (h == -1) return -1;
    acc = xx_lane(acc, (uint64_t)h);
  }
  return xx_finish(acc, n);
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                          */
/* ------------------------------------------------------------------ */

static void tuple_dealloc(VM *vm, Obj *o) {
  TupleObj *t = (TupleObj *)o;
  gc_untrack(o);
  ssize i, n = t->size;
  for (i = n - 1; i >= 0; i--)
    if (t->items[i] && t->items[i]->refcnt <= n) break;
  if (i < 0) {
    /* every item holds more references than this tuple can drop (it may
    ** hold one object several times), so nothing else dies: there is no
    ** chain of deallocations for the trash queue (trash_begin) to bound */
    for (i = n - 1; i >= 0; i--)
      if (t->items[i]) t->items[i]->refcnt--;
    gc_free(vm, o, tuple_block_size(o->type, t->size));
    return;
  }
  if (!trash_begin(vm, o)) return;
  for (i = t->size - 1; i >= 0; i--) xdecref(vm, t->items[i]);
  gc_free(vm, o, tuple_block_size(o->type, t->size));
  trash_end(vm);
}

static size_t tuple_sizeof(Obj *o) {
  return GC_SIZEOF(tuple_block_size(o->type, TUPLE_SIZE(o)));
}

static int tuple_traverse(Obj *o, visitproc visit, void *arg) {
  TupleObj *t = (TupleObj *)o;
  for (ssize i = 0; i < t->size; i++) {
    if (t->items[i]) {
      int r = visit(t->items[i], EDGE_ITEM, i, NULL, arg);
      if (r) return r;
    }
  }
  return 0;
}

/* Tuples have no clear: CPython breaks cycles through the mutable objects
** in them.  (A cycle made only of tuples cannot be built.) */

/* ------------------------------------------------------------------ */
/* Construction                                                       */
/* ------------------------------------------------------------------ */

/* The items of ITERABLE as a new exact tuple. */
static Obj *tuple_from_iterable(VM *vm, Obj *iterable) {
  if (obj_is(iterable, &Tuple_Type)) return incref(iterable);
  if (list_check(iterable))
    return tuple_from_array(vm, LIST_ITEMS(iterable), LIST_SIZE(iterable));
  if (tuple_check(iterable))
    return tuple_from_array(vm, TUPLE_ITEMS(iterable), TUPLE_SIZE(iterable));
  Obj *l = list_new(vm, 0);
  if (!l) return NULL;
  if (list_extend(vm, l, iterable) < 0) { decref(vm, l); return NULL; }
  Obj *t = list_as_tuple(vm, l);
  decref(vm, l);
  return t;
}

static Obj *tuple_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  TypeObj *tp = (TypeObj *)type;
  if (tp == &Tuple_Type && kwnames && TUPLE_SIZE(kwnames))
    return vm_raise(vm, &Exc_TypeError, "tuple() takes no keyword arguments");
  if (nargs > 1)
    return vm_raise(vm, &Exc_TypeError, "tuple expected at most 1 argument, got %zu",
                    nargs);
  Obj *t = nargs ? tuple_from_iterable(vm, args[0]) : tuple_new(vm, 0);
  if (!t || tp == &Tuple_Type) return t;
  /* A subclass: copy the items into an instance of TP. */
  ssize n = TUPLE_SIZE(t);
  Obj *r = tuple_alloc(vm, tp, n);
  if (r) for (ssize i = 0; i < n; i++) TUPLE_ITEMS(r)[i] = incref(TUPLE_ITEMS(t)[i]);
  decref(vm, t);
  return r;
}

/* ------------------------------------------------------------------ */
/* Protocols                                                          */
/* ------------------------------------------------------------------ */

static ssize tuple_len(VM *vm, Obj *o) { return TUPLE_SIZE(o); }

static int tuple_contains(VM *vm, Obj *o, Obj *x) {
  ssize n = TUPLE_SIZE(o);
  for (ssize i = 0; i < n; i++) {
    int r = obj_richcmp_bool(vm, TUPLE_ITEMS(o)[i], x, CMP_EQ);
    if (r) return r;
  }
  return 0;
}

static Obj *tuple_subscript(VM *vm, Obj *o, Obj *key) {
  ssize n = TUPLE_SIZE(o);
  if (obj_is(key, &Slice_Type)) {
    ssize start, stop, step;
    ssize len = slice_indices(vm, key, n, &start, &stop, &step);
    if (len < 0) return NULL;
    if (step == 1) return tuple_getslice(vm, o, start, stop);
    Obj *t = tuple_new(vm, len);
    if (!t) return NULL;
    for (ssize i = 0, j = start; i < len; i++, j += step)
      TUPLE_ITEMS(t)[i] = incref(TUPLE_ITEMS(o)[j]);
    return t;
  }
  ssize i;
  if (cont_index(vm, key, "tuple", &i) < 0) return NULL;
  if (i < 0) i += n;
  if ((size_t)i >= (size_t)n)
    return vm_raise(vm, &Exc_IndexError, "tuple index out of range");
  return incref(TUPLE_ITEMS(o)[i]);
}

static Obj *tuple_concat(VM *vm, Obj *a, Obj *b) {
  ssize na = TUPLE_SIZE(a), nb = TUPLE_SIZE(b);
  if (na == 0 && obj_is(b, &Tuple_Type)) return incref(b);
  if (nb == 0 && obj_is(a, &Tuple_Type)) return incref(a);
  Obj *t = tuple_new(vm, na + nb);
  if (!t) return NULL;
  for (ssize i = 0; i < na; i++) TUPLE_ITEMS(t)[i] = incref(TUPLE_ITEMS(a)[i]);
  for (ssize i = 0; i < nb; i++) TUPLE_ITEMS(t)[na + i] = incref(TUPLE_ITEMS(b)[i]);
  return t;
}

static Obj *tuple_repeat(VM *vm, Obj *a, ssize k) {
  ssize n = TUPLE_SIZE(a);
  if (k < 0) k = 0;
  if (n == 0 || k == 0) return tuple_new(vm, 0);
  if (k == 1 && obj_is(a, &Tuple_Type)) return incref(a);
  if (n > INTPTR_MAX / k) return vm_raise_nomem(vm);
  Obj *t = tuple_new(vm, n * k);
  if (!t) return NULL;
  Obj **dst = TUPLE_ITEMS(t);
  for (ssize r = 0; r < k; r++)
    for (ssize i = 0; i < n; i++) *dst++ = incref(TUPLE_ITEMS(a)[i]);
  return t;
}

static Obj *tuple_add(VM *vm, Obj *a, Obj *b) {
  if (!tuple_check(a)) return incref(NotImplemented);
  if (!tuple_check(b)) {
    if ((b->type->flags & TF_HEAPTYPE) && b->type->binop[BINOP_ADD])
      return incref(NotImplemented);
    return vm_raise(vm, &Exc_TypeError,
                    "can only concatenate tuple (not \"%s\") to tuple",
                    obj_type_name(b));
  }
  return tuple_concat(vm, a, b);
}

static Obj *tuple_mul(VM *vm, Obj *a, Obj *b) {
  Obj *seq = tuple_check(a) ? a : b, *n = seq == a ? b : a;
  ssize k;
  bool handled;
  if (cont_repeat_count(vm, n, &k, &handled) < 0) return NULL;
  if (!handled) return incref(NotImplemented);
  return tuple_repeat(vm, seq, k);
}

static Obj *tuple_richcmp(VM *vm, Obj *v, Obj *w, CmpOp op) {
  if (!tuple_check(v) || !tuple_check(w)) return incref(NotImplemented);
  ssize vlen = TUPLE_SIZE(v), wlen = TUPLE_SIZE(w), i;
  for (i = 0; i < vlen && i < wlen; i++) {
    int k = obj_richcmp_bool(vm, TUPLE_ITEMS(v)[i], TUPLE_ITEMS(w)[i], CMP_EQ);
    if (k < 0) return NULL;
    if (!k) break;
  }
  if (i >= vlen || i >= wlen) {
    bool r = false;
    switch (op) {
    case CMP_LT: r = vlen < wlen; break;
    case CMP_LE: r = vlen <= wlen; break;
    case CMP_EQ: r = vlen == wlen; break;
    case CMP_NE: r = vlen != wlen; break;
    case CMP_GT: r = vlen > wlen; break;
    case CMP_GE: r = vlen >= wlen; break;
    }
    return bool_new(r);
  }
  if (op == CMP_EQ) return bool_new(false);
  if (op == CMP_NE) return bool_new(true);
  return obj_richcmp(vm, TUPLE_ITEMS(v)[i], TUPLE_ITEMS(w)[i], op);
}

static Obj *tuple_repr(VM *vm, Obj *o) {
  ssize n = TUPLE_SIZE(o);
  if (n == 0) return str_from_cstr(vm, "()");
  int st = repr_enter(vm, o);
  if (st != 0) return st > 0 ? str_from_cstr(vm, "(...)") : NULL;
  Obj *result = NULL;
  Obj **parts = ht_alloc(HT_TAG_VMINTERNAL, (size_t)n * sizeof(Obj *));
  ssize done = 0;
  if (!parts) { vm_raise_nomem(vm); goto out; }
  for (; done < n; done++) {
    parts[done] = obj_repr(vm, TUPLE_ITEMS(o)[done]);
    if (!parts[done]) goto out;
  }
  result = cont_join_repr(vm, "(", parts, n, n == 1 ? ",)" : ")");
out:
  if (parts) {
    for (ssize i = 0; i < done; i++) decref(vm, parts[i]);
    ht_free(HT_TAG_VMINTERNAL, parts, (size_t)n * sizeof(Obj *));
  }
  repr_leave(vm, o);
  return result;
}

static int tuple_bool(VM *vm, Obj *o) { return TUPLE_SIZE(o) != 0; }

/* ------------------------------------------------------------------ */
/* Methods                                                            */
/* ------------------------------------------------------------------ */

static Obj *tuple_m_count(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (cont_onearg(vm, "tuple.count", nargs, kwnames) < 0) return NULL;
  int64_t c = 0;
  for (ssize i = 0; i < TUPLE_SIZE(self); i++) {
    int r = obj_richcmp_bool(vm, TUPLE_ITEMS(self)[i], args[0], CMP_EQ);
    if (r < 0) return NULL;
    c += r;
  }
  return int_from_i64(vm, c);
}

static Obj *tuple_m_index(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  ssize n = TUPLE_SIZE(self), start = 0, stop = n;
  if (cont_posargs(vm, "tuple.index", nargs, kwnames, 1, 3) < 0) return NULL;
  if (nargs > 1 && cont_clamp_index(vm, args[1], n, &start) < 0) return NULL;
  if (nargs > 2 && cont_clamp_index(vm, args[2], n, &stop) < 0) return NULL;
  for (ssize i = start; i < stop && i < TUPLE_SIZE(self); i++) {
    int r = obj_richcmp_bool(vm, TUPLE_ITEMS(self)[i], args[0], CMP_EQ);
    if (r < 0) return NULL;
    if (r) return int_from_i64(vm, i);
  }
  return vm_raise(vm, &Exc_ValueError, "tuple.index(x): x not in tuple");
}

static Obj *tuple_m_getitem(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  if (cont_onearg(vm, "tuple.__getitem__", nargs, kwnames) < 0) return NULL;
  return tuple_subscript(vm, self, args[0]);
}

static Obj *tuple_m_getnewargs(VM *vm, Obj *self, Obj *const *args,
                               size_t nargs, Obj *kwnames) {
  if (cont_noargs(vm, "tuple.__getnewargs__", nargs, kwnames) < 0) return NULL;
  Obj *copy = tuple_from_array(vm, TUPLE_ITEMS(self), TUPLE_SIZE(self));
  if (!copy) return NULL;
  Obj *r = tuple_pack(vm, 1, copy);
  decref(vm, copy);
  return r;
}

static const MethodDef tuple_methods[] = {
  {"count", tuple_m_count, 0},
  {"index", tuple_m_index, 0},
  {"__getitem__", tuple_m_getitem, 0},
  {"__getnewargs__", tuple_m_getnewargs, 0},
  {"__class_getitem__", cont_class_getitem, METH_CLASS},
  {NULL, NULL, 0}
};

/* ------------------------------------------------------------------ */
/* Iterator                                                           */
/* ------------------------------------------------------------------ */

typedef struct TupleIterObj {
  Obj ob;
  ssize index;                    /* next position */
  Obj *seq;                       /* the tuple (owned); NULL once exhausted */
} TupleIterObj;

static Obj *tuple_iter(VM *vm, Obj *o) {
  TupleIterObj *it = (TupleIterObj *)gc_alloc(vm, &TupleIter_Type,
                                              sizeof(TupleIterObj));
  if (!it) return NULL;
  it->seq = incref(o);
  return OBJ(it);
}

static Obj *tupleiter_next(VM *vm, Obj *o) {
  TupleIterObj *it = (TupleIterObj *)o;
  Obj *seq = it->seq;
  if (!seq) return NULL;
  if (it->index < TUPLE_SIZE(seq)) return incref(TUPLE_ITEMS(seq)[it->index++]);
  it->seq = NULL;
  decref(vm, seq);
  return NULL;
}

static void tupleiter_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  xdecref(vm, ((TupleIterObj *)o)->seq);
  gc_free(vm, o, sizeof(TupleIterObj));
}

static int tupleiter_traverse(Obj *o, visitproc visit, void *arg) {
  Obj *seq = ((TupleIterObj *)o)->seq;
  return seq ? visit(seq, EDGE_OTHER, 0, NULL, arg) : 0;
}

static int tupleiter_clear(VM *vm, Obj *o) {
  obj_setref(vm, &((TupleIterObj *)o)->seq, NULL);
  return 0;
}

static size_t tupleiter_sizeof(Obj *o) { return GC_SIZEOF(sizeof(TupleIterObj)); }

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

static Obj *tupleiter_m_length_hint(VM *vm, Obj *self, Obj *const *args,
                                    size_t nargs, Obj *kwnames) {
  TupleIterObj *it = (TupleIterObj *)self;
  if (cont_noargs(vm, "tuple_iterator.__length_hint__", nargs, kwnames) < 0)
    return NULL;
  return int_from_i64(vm, it->seq ? TUPLE_SIZE(it->seq) - it->index : 0);
}

static const MethodDef tupleiter_methods[] = {
  {"__length_hint__", tupleiter_m_length_hint, 0},
  {NULL, NULL, 0}
};

TypeObj TupleIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "tuple_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(TupleIterObj),
  .flags = TF_GC,
  .dealloc = tupleiter_dealloc,
  .sizeof_ = tupleiter_sizeof,
  .traverse = tupleiter_traverse,
  .clear = tupleiter_clear,
  .iter = iter_self,
  .iternext = tupleiter_next,
  .methods = tupleiter_methods,
};

TypeObj Tuple_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "tuple",
  .tag = HT_TAG_TUPLE,
  .basicsize = sizeof(TupleObj),
  .itemsize = sizeof(Obj *),
  .flags = TF_GC | TF_BASETYPE | TF_TUPLE_SUBCLASS,
  .dealloc = tuple_dealloc,
  .sizeof_ = tuple_sizeof,
  .traverse = tuple_traverse,
  .new_ = tuple_ctor,
  .init = cont_init_accept,
  .repr = tuple_repr,
  .hash = tuple_hash,
  .richcmp = tuple_richcmp,
  .iter = tuple_iter,
  .len = tuple_len,
  .getitem = tuple_subscript,
  .contains = tuple_contains,
  .bool_ = tuple_bool,
  .binop = { [BINOP_ADD] = tuple_add, [BINOP_MUL] = tuple_mul },
  .methods = tuple_methods,
  .doc = "Built-in immutable sequence.\n\n"
         "If no argument is given, the constructor returns an empty tuple.\n"
         "If iterable is specified the tuple is initialized from iterable's items.\n\n"
         "If the argument is a tuple, the return value is the same object.",
};
