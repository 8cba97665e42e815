/*
** iter.c -- the generic iterators and the iteration builtins.
**
**   iterator           iter(seq) for objects with __getitem__ only
**   callable_iterator  iter(callable, sentinel)
**   enumerate, zip, map, filter, reversed
**                      types whose constructors are the builtins of the
**                      same name (the builtins module exposes the types)
**
** All are GC objects with tag ITERATOR.  enumerate and zip reuse their
** result tuple when the previous one was dropped (refcount 1), as CPython
** does, so `for i, x in enumerate(...)` allocates no tuple per step.
** obj_length_hint() is operator.length_hint, used to size lists built from
** iterables the way CPython does.
*/
#include "vm.h"
#include "containers.h"

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

#define METHOD(name) \
  static Obj *name(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)

/* NULL from an iterator: true (exception cleared) if it was exhaustion,
** false if a real error is pending. */
static bool exhausted(VM *vm) {
  if (!vm_exc_occurred(vm)) return true;
  if (vm_exc_matches(vm, &Exc_StopIteration)) {
    vm_exc_clear(vm);
    return true;
  }
  return false;
}

static Obj *next_of(VM *vm, Obj *it) {
  unaryfunc f = it->type->iternext;
  return f ? f(vm, it) : obj_iternext(vm, it);
}

/* ------------------------------------------------------------------ */
/* length_hint                                                        */
/* ------------------------------------------------------------------ */

ssize obj_length_hint(VM *vm, Obj *o, ssize deflt) {
  if (o->type->len) {
    ssize n = o->type->len(vm, o);
    if (n >= 0) return n;
    if (!vm_exc_matches(vm, &Exc_TypeError)) return -1;
    vm_exc_clear(vm);
  }
  Obj *name = str_intern_cstr(vm, "__length_hint__");
  if (!name) return -1;
  if (!type_lookup(o->type, name)) return deflt;
  Obj *r = obj_call_method(vm, o, "__length_hint__", NULL, 0);
  if (!r) {
    if (!vm_exc_matches(vm, &Exc_TypeError)) return -1;
    vm_exc_clear(vm);
    return deflt;
  }
  if (r == NotImplemented) {
    decref(vm, r);
    return deflt;
  }
  if (!int_check(r)) {
    vm_raise(vm, &Exc_TypeError, "__length_hint__ must be an integer, not %s",
             obj_type_name(r));
    decref(vm, r);
    return -1;
  }
  ssize n = obj_as_ssize(vm, r);
  decref(vm, r);
  if (n == -1 && vm_exc_occurred(vm)) return -1;
  if (n < 0) {
    vm_raise(vm, &Exc_ValueError, "__length_hint__() should return >= 0");
    return -1;
  }
  return n;
}

/* ------------------------------------------------------------------ */
/* Objects with one owned reference and an index: seq iterator,       */
/* reversed                                                           */
/* ------------------------------------------------------------------ */

typedef struct SeqIterObj {
  Obj ob;
  ssize index;                    /* next index (reversed: counts down) */
  Obj *seq;                       /* owned; NULL once exhausted */
} SeqIterObj;

static void seqiter_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  xdecref(vm, ((SeqIterObj *)o)->seq);
  gc_free(vm, o, sizeof(SeqIterObj));
}

static int seqiter_traverse(Obj *o, visitproc visit, void *arg) {
  Obj *s = ((SeqIterObj *)o)->seq;
  return s ? visit(s, EDGE_OTHER, 0, NULL, arg) : 0;
}

static int seqiter_clear(VM *vm, Obj *o) {
  obj_setref(vm, &((SeqIterObj *)o)->seq, NULL);
  return 0;
}

static size_t seqiter_sizeof(Obj *o) { return GC_SIZEOF(sizeof(SeqIterObj)); }

Obj *seqiter_new(VM *vm, Obj *seq) {
  SeqIterObj *it = (SeqIterObj *)gc_alloc(vm, &SeqIter_Type, sizeof(SeqIterObj));
  if (!it) return NULL;
  it->seq = incref(seq);
  return OBJ(it);
}

/* seq[i], or NULL (no exception) when IndexError/StopIteration says the
** sequence is over. */
static Obj *seq_item(VM *vm, Obj *seq, ssize i) {
  if (obj_is(seq, &Tuple_Type))
    return i < TUPLE_SIZE(seq) ? incref(TUPLE_ITEMS(seq)[i]) : NULL;
  Obj *idx = int_from_i64(vm, i);
  if (!idx) return NULL;
  Obj *r = obj_getitem(vm, seq, idx);
  decref(vm, idx);
  if (!r && (vm_exc_matches(vm, &Exc_IndexError) || vm_exc_matches(vm, &Exc_StopIteration)))
    vm_exc_clear(vm);
  return r;
}

static Obj *seqiter_next(VM *vm, Obj *o) {
  SeqIterObj *it = (SeqIterObj *)o;
  Obj *seq = it->seq;
  if (!seq) return NULL;
  Obj *r = seq_item(vm, seq, it->index);
  if (r) {
    it->index++;
    return r;
  }
  if (!vm_exc_occurred(vm)) {
    it->seq = NULL;
    decref(vm, seq);
  }
  return NULL;
}

TypeObj SeqIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(SeqIterObj),
  .flags = TF_GC,
  .dealloc = seqiter_dealloc,
  .sizeof_ = seqiter_sizeof,
  .traverse = seqiter_traverse,
  .clear = seqiter_clear,
  .iter = iter_self,
  .iternext = seqiter_next,
};

/* reversed(seq) */

static Obj *reversed_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (cont_nokw(vm, "reversed", kwnames) < 0) return NULL;
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "reversed expected 1 argument, got %zu", nargs);
  Obj *seq = args[0];
  Obj *name = str_intern_cstr(vm, "__reversed__");
  if (!name) return NULL;
  Obj *meth = type_lookup(seq->type, name);
  if (meth == None)
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not reversible", obj_type_name(seq));
  if (meth) return obj_call_method(vm, seq, "__reversed__", NULL, 0);
  /* A sequence: __len__ and __getitem__, and not a mapping. */
  if (!seq->type->getitem || !seq->type->len || dict_check(seq))
    return vm_raise(vm, &Exc_TypeError, "'%s' object is not reversible", obj_type_name(seq));
  ssize n = obj_len(vm, seq);
  if (n < 0) return NULL;
  SeqIterObj *it = (SeqIterObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
  if (!it) return NULL;
  it->index = n - 1;
  it->seq = incref(seq);
  return OBJ(it);
}

static Obj *reversed_next(VM *vm, Obj *o) {
  SeqIterObj *it = (SeqIterObj *)o;
  Obj *seq = it->seq;
  if (!seq) return NULL;
  if (it->index >= 0) {
    Obj *r = seq_item(vm, seq, it->index);
    if (r) {
      it->index--;
      return r;
    }
    if (vm_exc_occurred(vm)) return NULL;
  }
  it->index = -1;
  it->seq = NULL;
  decref(vm, seq);
  return NULL;
}

METHOD(reversed_m_length_hint) {
  SeqIterObj *it = (SeqIterObj *)self;
  if (cont_noargs(vm, "reversed.__length_hint__", nargs, kwnames) < 0) return NULL;
  if (!it->seq) return int_from_i64(vm, 0);
  ssize n = obj_len(vm, it->seq);
  if (n < 0) return NULL;
  return int_from_i64(vm, n < it->index + 1 ? 0 : it->index + 1);
}

static const MethodDef reversed_methods[] = {
  {"__length_hint__", reversed_m_length_hint, 0},
  {NULL, NULL, 0}
};

TypeObj Reversed_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "reversed",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(SeqIterObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = seqiter_dealloc,
  .sizeof_ = seqiter_sizeof,
  .traverse = seqiter_traverse,
  .clear = seqiter_clear,
  .new_ = reversed_ctor,
  .init = cont_init_accept,
  .iter = iter_self,
  .iternext = reversed_next,
  .methods = reversed_methods,
  .doc = "Return a reverse iterator over the values of the given sequence.",
};

/* ------------------------------------------------------------------ */
/* iter(callable, sentinel)                                           */
/* ------------------------------------------------------------------ */

typedef struct CallIterObj {
  Obj ob;
  Obj *func;                      /* owned; NULL once exhausted */
  Obj *sentinel;                  /* owned; NULL once exhausted */
} CallIterObj;

Obj *calliter_new(VM *vm, Obj *callable, Obj *sentinel) {
  CallIterObj *it = (CallIterObj *)gc_alloc(vm, &CallIter_Type, sizeof(CallIterObj));
  if (!it) return NULL;
  it->func = incref(callable);
  it->sentinel = incref(sentinel);
  return OBJ(it);
}

static void calliter_drop(VM *vm, CallIterObj *it) {
  obj_setref(vm, &it->func, NULL);
  obj_setref(vm, &it->sentinel, NULL);
}

static Obj *calliter_next(VM *vm, Obj *o) {
  CallIterObj *it = (CallIterObj *)o;
  if (!it->func) return NULL;
  Obj *r = obj_call0(vm, it->func);
  if (!r) {
    if (vm_exc_matches(vm, &Exc_StopIteration)) {
      vm_exc_clear(vm);
      calliter_drop(vm, it);
    }
    return NULL;
  }
  int eq = obj_richcmp_bool(vm, it->sentinel, r, CMP_EQ);
  if (eq == 0) return r;
  decref(vm, r);
  if (eq > 0) calliter_drop(vm, it);
  return NULL;
}

static void calliter_dealloc(VM *vm, Obj *o) {
  CallIterObj *it = (CallIterObj *)o;
  gc_untrack(o);
  xdecref(vm, it->func);
  xdecref(vm, it->sentinel);
  gc_free(vm, o, sizeof(CallIterObj));
}

static int calliter_traverse(Obj *o, visitproc visit, void *arg) {
  CallIterObj *it = (CallIterObj *)o;
  int r;
  if (it->func && (r = visit(it->func, EDGE_OTHER, 0, NULL, arg))) return r;
  if (it->sentinel && (r = visit(it->sentinel, EDGE_OTHER, 1, NULL, arg))) return r;
  return 0;
}

static int calliter_clear(VM *vm, Obj *o) {
  calliter_drop(vm, (CallIterObj *)o);
  return 0;
}

static size_t calliter_sizeof(Obj *o) { return GC_SIZEOF(sizeof(CallIterObj)); }

TypeObj CallIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "callable_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(CallIterObj),
  .flags = TF_GC,
  .dealloc = calliter_dealloc,
  .sizeof_ = calliter_sizeof,
  .traverse = calliter_traverse,
  .clear = calliter_clear,
  .iter = iter_self,
  .iternext = calliter_next,
};

/* ------------------------------------------------------------------ */
/* enumerate                                                          */
/* ------------------------------------------------------------------ */

typedef struct EnumerateObj {
  Obj ob;
  Obj *it;                        /* the underlying iterator (owned) */
  int64_t index;                  /* next count while it fits */
  Obj *big_index;                 /* next count once past int64 (owned), else NULL */
  Obj *result;                    /* reusable (index, item) tuple (owned) */
} EnumerateObj;

static Obj *enumerate_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  ssize nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  Obj *iterable = nargs > 0 ? args[0] : NULL, *start = nargs > 1 ? args[1] : NULL;
  if (nargs + (size_t)nkw == 0)
    return vm_raise(vm, &Exc_TypeError, "enumerate() missing required argument 'iterable'");
  if (nargs + (size_t)nkw > 2)
    return vm_raise(vm, &Exc_TypeError, "enumerate() takes at most 2 arguments (%zu given)",
                    nargs + (size_t)nkw);
  for (ssize i = 0; i < nkw; i++) {
    Obj *kw = TUPLE_ITEMS(kwnames)[i];
    if (nargs == 0 && str_eq_cstr(kw, "iterable")) iterable = args[i];
    else if (str_eq_cstr(kw, "start")) start = args[nargs + i];
    else return vm_raise(vm, &Exc_TypeError, "%R is an invalid keyword argument for enumerate()", kw);
  }
  if (!iterable)
    return vm_raise(vm, &Exc_TypeError, "enumerate() missing required argument 'iterable'");
  Obj *startv = NULL;
  if (start) {
    if (int_check(start)) startv = incref(start);
    else if (start->type->index) startv = obj_index(vm, start);
    else return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                         obj_type_name(start));
    if (!startv) return NULL;
  }
  Obj *it = obj_iter(vm, iterable);
  if (!it) { xdecref(vm, startv); return NULL; }
  EnumerateObj *en = (EnumerateObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
  if (!en) { decref(vm, it); xdecref(vm, startv); return NULL; }
  en->it = it;
  if (startv && !int_fits_i64(startv)) en->big_index = startv;
  else if (startv) { en->index = int_as_i64_unchecked(startv); decref(vm, startv); }
  en->result = tuple_pack(vm, 2, None, None);
  if (!en->result) { decref(vm, OBJ(en)); return NULL; }
  return OBJ(en);
}

static Obj *enumerate_next(VM *vm, Obj *o) {
  EnumerateObj *en = (EnumerateObj *)o;
  Obj *item = next_of(vm, en->it);
  if (!item) return NULL;
  Obj *idx;
  if (!en->big_index && en->index == INT64_MAX) {
    /* Switch to arbitrary precision from here on. */
    en->big_index = int_from_i64(vm, INT64_MAX);
    if (!en->big_index) { decref(vm, item); return NULL; }
  }
  if (en->big_index) {
    Obj *one = int_from_i64(vm, 1);
    Obj *nxt = one ? obj_binop(vm, en->big_index, one, BINOP_ADD) : NULL;
    xdecref(vm, one);
    if (!nxt) { decref(vm, item); return NULL; }
    idx = en->big_index;
    en->big_index = nxt;
  } else {
    idx = int_from_i64(vm, en->index);
    if (!idx) { decref(vm, item); return NULL; }
    en->index++;
  }
  Obj *r = en->result;
  if (r->refcnt == 1) {
    Obj *o0 = TUPLE_ITEMS(r)[0], *o1 = TUPLE_ITEMS(r)[1];
    TUPLE_ITEMS(r)[0] = idx;
    TUPLE_ITEMS(r)[1] = item;
    incref(r);
    decref(vm, o0);
    decref(vm, o1);
    return r;
  }
  r = tuple_new(vm, 2);
  if (!r) { decref(vm, idx); decref(vm, item); return NULL; }
  TUPLE_ITEMS(r)[0] = idx;
  TUPLE_ITEMS(r)[1] = item;
  return r;
}

static void enumerate_dealloc(VM *vm, Obj *o) {
  EnumerateObj *en = (EnumerateObj *)o;
  gc_untrack(o);
  xdecref(vm, en->it);
  xdecref(vm, en->big_index);
  xdecref(vm, en->result);
  gc_free(vm, o, o->type->basicsize);
}

static int enumerate_traverse(Obj *o, visitproc visit, void *arg) {
  EnumerateObj *en = (EnumerateObj *)o;
  int r;
  if (en->it && (r = visit(en->it, EDGE_OTHER, 0, NULL, arg))) return r;
  if (en->big_index && (r = visit(en->big_index, EDGE_OTHER, 1, NULL, arg))) return r;
  if (en->result && (r = visit(en->result, EDGE_OTHER, 2, NULL, arg))) return r;
  return 0;
}

static int enumerate_clear(VM *vm, Obj *o) {
  EnumerateObj *en = (EnumerateObj *)o;
  obj_setref(vm, &en->it, NULL);
  obj_setref(vm, &en->big_index, NULL);
  obj_setref(vm, &en->result, NULL);
  return 0;
}

static size_t enumerate_sizeof(Obj *o) { return GC_SIZEOF(o->type->basicsize); }

static Obj *enumerate_next_safe(VM *vm, Obj *o) {
  if (!((EnumerateObj *)o)->it) return NULL;
  return enumerate_next(vm, o);
}

TypeObj Enumerate_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "enumerate",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(EnumerateObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = enumerate_dealloc,
  .sizeof_ = enumerate_sizeof,
  .traverse = enumerate_traverse,
  .clear = enumerate_clear,
  .new_ = enumerate_ctor,
  .init = cont_init_accept,
  .iter = iter_self,
  .iternext = enumerate_next_safe,
  .doc = "Return an enumerate object.\n\n"
         "  iterable\n    an object supporting iteration\n\n"
         "The enumerate object yields pairs containing a count (from start, which\n"
         "defaults to zero) and a value yielded by the iterable argument.\n\n"
         "enumerate is useful for obtaining an indexed list:\n"
         "    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...",
};

/* ------------------------------------------------------------------ */
/* zip and map: a tuple of iterators                                  */
/* ------------------------------------------------------------------ */

typedef struct ZipObj {
  Obj ob;
  Obj *its;                       /* tuple of iterators (owned) */
  Obj *func;                      /* map: the function (owned); zip: NULL */
  Obj *result;                    /* zip: reusable result tuple (owned) */
  bool strict;                    /* zip(strict=True) */
} ZipObj;

/* A tuple of iter(x) for each of the N objects in ARGS. */
static Obj *iter_tuple(VM *vm, Obj *const *args, size_t n) {
  Obj *t = tuple_new(vm, (ssize)n);
  if (!t) return NULL;
  for (size_t i = 0; i < n; i++) {
    Obj *it = obj_iter(vm, args[i]);
    if (!it) { decref(vm, t); return NULL; }
    TUPLE_ITEMS(t)[i] = it;
  }
  return t;
}

static Obj *zip_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  ssize nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  bool strict = false;
  for (ssize i = 0; i < nkw; i++) {
    Obj *kw = TUPLE_ITEMS(kwnames)[i];
    if (!str_eq_cstr(kw, "strict"))
      return vm_raise(vm, &Exc_TypeError, "%R is an invalid keyword argument for zip()", kw);
    int t = obj_truthy(vm, args[nargs + i]);
    if (t < 0) return NULL;
    strict = t;
  }
  Obj *its = iter_tuple(vm, args, nargs);
  if (!its) return NULL;
  ZipObj *z = (ZipObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
  if (!z) { decref(vm, its); return NULL; }
  z->its = its;
  z->strict = strict;
  z->result = tuple_new(vm, (ssize)nargs);
  if (!z->result) { decref(vm, OBJ(z)); return NULL; }
  for (size_t i = 0; i < nargs; i++) TUPLE_ITEMS(z->result)[i] = incref(None);
  return OBJ(z);
}

/* zip(strict=True): iterator I ran out; say which were shorter/longer. */
static Obj *zip_strict_check(VM *vm, ZipObj *z, ssize i) {
  if (!exhausted(vm)) return NULL;
  if (i) {
    return vm_raise(vm, &Exc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                    (ssize_t)(i + 1), i == 1 ? " " : "s 1-", (ssize_t)i);
  }
  ssize n = TUPLE_SIZE(z->its);
  for (i = 1; i < n; i++) {
    Obj *item = next_of(vm, TUPLE_ITEMS(z->its)[i]);
    if (item) {
      decref(vm, item);
      return vm_raise(vm, &Exc_ValueError, "zip() argument %zd is longer than argument%s%zd",
                      (ssize_t)(i + 1), i == 1 ? " " : "s 1-", (ssize_t)i);
    }
    if (!exhausted(vm)) return NULL;
  }
  return NULL;
}

static Obj *zip_next(VM *vm, Obj *o) {
  ZipObj *z = (ZipObj *)o;
  if (!z->its) return NULL;
  ssize n = TUPLE_SIZE(z->its);
  if (n == 0) return NULL;
  Obj *r = z->result;
  if (r->refcnt == 1) {
    incref(r);
    for (ssize i = 0; i < n; i++) {
      Obj *item = next_of(vm, TUPLE_ITEMS(z->its)[i]);
      if (!item) {
        decref(vm, r);
        return z->strict ? zip_strict_check(vm, z, i) : NULL;
      }
      Obj *old = TUPLE_ITEMS(r)[i];
      TUPLE_ITEMS(r)[i] = item;
      decref(vm, old);
    }
    return r;
  }
  r = tuple_new(vm, n);
  if (!r) return NULL;
  for (ssize i = 0; i < n; i++) {
    Obj *item = next_of(vm, TUPLE_ITEMS(z->its)[i]);
    if (!item) {
      /* Fill the rest so the tuple can be released. */
      for (ssize j = i; j < n; j++) TUPLE_ITEMS(r)[j] = incref(None);
      decref(vm, r);
      return z->strict ? zip_strict_check(vm, z, i) : NULL;
    }
    TUPLE_ITEMS(r)[i] = item;
  }
  return r;
}

static void zip_dealloc(VM *vm, Obj *o) {
  ZipObj *z = (ZipObj *)o;
  gc_untrack(o);
  xdecref(vm, z->its);
  xdecref(vm, z->func);
  xdecref(vm, z->result);
  gc_free(vm, o, o->type->basicsize);
}

static int zip_traverse(Obj *o, visitproc visit, void *arg) {
  ZipObj *z = (ZipObj *)o;
  int r;
  if (z->func && (r = visit(z->func, EDGE_OTHER, 0, NULL, arg))) return r;
  if (z->its && (r = visit(z->its, EDGE_OTHER, 1, NULL, arg))) return r;
  if (z->result && (r = visit(z->result, EDGE_OTHER, 2, NULL, arg))) return r;
  return 0;
}

static int zip_clear(VM *vm, Obj *o) {
  ZipObj *z = (ZipObj *)o;
  obj_setref(vm, &z->its, NULL);
  obj_setref(vm, &z->func, NULL);
  obj_setref(vm, &z->result, NULL);
  return 0;
}

static size_t zip_sizeof(Obj *o) { return GC_SIZEOF(o->type->basicsize); }

TypeObj Zip_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "zip",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(ZipObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = zip_dealloc,
  .sizeof_ = zip_sizeof,
  .traverse = zip_traverse,
  .clear = zip_clear,
  .new_ = zip_ctor,
  .init = cont_init_accept,
  .iter = iter_self,
  .iternext = zip_next,
  .doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\n"
         "   >>> list(zip('abcdefg', range(3), range(4)))\n"
         "   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]\n\n"
         "The zip object yields n-length tuples, where n is the number of iterables\n"
         "passed as positional arguments to zip().  The i-th element in every tuple\n"
         "comes from the i-th iterable argument to zip().  This continues until the\n"
         "shortest argument is exhausted.\n\n"
         "If strict is true and one of the arguments is exhausted before the others,\n"
         "raise a ValueError.",
};

static Obj *map_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  if (((TypeObj *)type) == &Map_Type && cont_nokw(vm, "map", kwnames) < 0) return NULL;
  if (nargs < 2)
    return vm_raise(vm, &Exc_TypeError, "map() must have at least two arguments.");
  Obj *its = iter_tuple(vm, args + 1, nargs - 1);
  if (!its) return NULL;
  ZipObj *m = (ZipObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
  if (!m) { decref(vm, its); return NULL; }
  m->its = its;
  m->func = incref(args[0]);
  return OBJ(m);
}

#define MAP_STACK_ARGS 8

static Obj *map_next(VM *vm, Obj *o) {
  ZipObj *m = (ZipObj *)o;
  if (!m->its) return NULL;
  ssize n = TUPLE_SIZE(m->its), got = 0;
  Obj *small[MAP_STACK_ARGS], **argv = small, *r = NULL;
  if (n > MAP_STACK_ARGS) {
    argv = ht_alloc(HT_TAG_VMINTERNAL, (size_t)n * sizeof(Obj *));
    if (!argv) return vm_raise_nomem(vm);
  }
  for (; got < n; got++) {
    argv[got] = next_of(vm, TUPLE_ITEMS(m->its)[got]);
    if (!argv[got]) goto out;
  }
  r = obj_call(vm, m->func, argv, (size_t)n, NULL);
out:
  for (ssize i = 0; i < got; i++) decref(vm, argv[i]);
  if (argv != small) ht_free(HT_TAG_VMINTERNAL, argv, (size_t)n * sizeof(Obj *));
  return r;
}

TypeObj Map_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "map",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(ZipObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = zip_dealloc,
  .sizeof_ = zip_sizeof,
  .traverse = zip_traverse,
  .clear = zip_clear,
  .new_ = map_ctor,
  .init = cont_init_accept,
  .iter = iter_self,
  .iternext = map_next,
  .doc = "map(func, *iterables) --> map object\n\n"
         "Make an iterator that computes the function using arguments from\n"
         "each of the iterables.  Stops when the shortest iterable is exhausted.",
};

/* ------------------------------------------------------------------ */
/* filter                                                             */
/* ------------------------------------------------------------------ */

typedef struct FilterObj {
  Obj ob;
  Obj *func;                      /* predicate, or None (owned) */
  Obj *it;                        /* the underlying iterator (owned) */
} FilterObj;

static Obj *filter_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (((TypeObj *)type) == &Filter_Type && cont_nokw(vm, "filter", kwnames) < 0) return NULL;
  if (nargs != 2)
    return vm_raise(vm, &Exc_TypeError, "filter expected 2 arguments, got %zu", nargs);
  Obj *it = obj_iter(vm, args[1]);
  if (!it) return NULL;
  FilterObj *f = (FilterObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
  if (!f) { decref(vm, it); return NULL; }
  f->func = incref(args[0]);
  f->it = it;
  return OBJ(f);
}

static Obj *filter_next(VM *vm, Obj *o) {
  FilterObj *f = (FilterObj *)o;
  if (!f->it) return NULL;
  bool plain = f->func == None || f->func == (Obj *)&Bool_Type;
  for (;;) {
    Obj *item = next_of(vm, f->it);
    if (!item) return NULL;
    int ok;
    if (plain) {
      ok = obj_truthy(vm, item);
    } else {
      Obj *r = obj_call1(vm, f->func, item);
      if (!r) { decref(vm, item); return NULL; }
      ok = obj_truthy(vm, r);
      decref(vm, r);
    }
    if (ok > 0) return item;
    decref(vm, item);
    if (ok < 0) return NULL;
  }
}

static void filter_dealloc(VM *vm, Obj *o) {
  FilterObj *f = (FilterObj *)o;
  gc_untrack(o);
  xdecref(vm, f->func);
  xdecref(vm, f->it);
  gc_free(vm, o, o->type->basicsize);
}

static int filter_traverse(Obj *o, visitproc visit, void *arg) {
  FilterObj *f = (FilterObj *)o;
  int r;
  if (f->func && (r = visit(f->func, EDGE_OTHER, 0, NULL, arg))) return r;
  if (f->it && (r = visit(f->it, EDGE_OTHER, 1, NULL, arg))) return r;
  return 0;
}

static int filter_clear(VM *vm, Obj *o) {
  FilterObj *f = (FilterObj *)o;
  obj_setref(vm, &f->func, NULL);
  obj_setref(vm, &f->it, NULL);
  return 0;
}

static size_t filter_sizeof(Obj *o) { return GC_SIZEOF(o->type->basicsize); }

TypeObj Filter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "filter",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(FilterObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = filter_dealloc,
  .sizeof_ = filter_sizeof,
  .traverse = filter_traverse,
  .clear = filter_clear,
  .new_ = filter_ctor,
  .init = cont_init_accept,
  .iter = iter_self,
  .iternext = filter_next,
  .doc = "filter(function or None, iterable) --> filter object\n\n"
         "Return an iterator yielding those items of iterable for which function(item)\n"
         "is true. If function is None, return the items that are true.",
};
