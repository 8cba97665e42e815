/*
** mod_itertools.c -- the `itertools` module: count, islice, chain (and
** chain.from_iterable), product, permutations, combinations,
** combinations_with_replacement, repeat, accumulate, zip_longest, cycle,
** takewhile, dropwhile, starmap, groupby (with its _grouper), tee, compress,
** filterfalse and pairwise.
**
** Every iterator is a GC object with tag ITERATOR; the index arrays of the
** combinatoric iterators are separate ITERATOR blocks they own.  Each
** iterator's references are listed once, as offsets (REFS below), and the
** shared traverse/clear/dealloc walk that list.  The algorithms are
** CPython's, so the order of the items and the calls made on the inputs
** (next() on each iterator, the key function, comparisons) are the same:
**   - product, permutations, combinations and combinations_with_replacement
**     copy each input into a tuple first and step index arrays the way
**     itertoolsmodule.c does;
**   - groupby shares its current key and value with the _grouper it handed
**     out last, and a grouper only runs while it is that current one;
**   - tee buffers values in linked chunks of 57 shared by all its copies;
**     a chunk is freed when no copy needs it any more.
*/
#include "config.h"

#include <string.h>

#include "containers.h"
#include "modules.h"
#include "stdmods.h"
#include "str.h"
#include "vm.h"

#define IT_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static ssize nkw(Obj *kwnames) { return kwnames ? TUPLE_SIZE(kwnames) : 0; }

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

static size_t it_sizeof(Obj *o) { return GC_SIZEOF(o->type->basicsize); }

/* The next item of an iterator we own: NULL at the end, a StopIteration
** raised by a Python __next__ being cleared. */
#define NEXT(it) stdmods_next(vm, (it))

/* ------------------------------------------------------------------ */
/* References by offset                                               */
/* ------------------------------------------------------------------ */

#define NOFFS(a) (sizeof(a) / sizeof((a)[0]))
#define SLOT(o, off) ((Obj **)((char *)(o) + (off)))

static int refs_traverse(Obj *o, const size_t *offs, size_t n, visitproc visit, void *arg) {
  for (size_t i = 0; i < n; i++) {
    Obj *v = *SLOT(o, offs[i]);
    if (v) {
      int r = visit(v, EDGE_OTHER, (ssize)i, NULL, arg);
      if (r) return r;
    }
  }
  return 0;
}

static void refs_clear(VM *vm, Obj *o, const size_t *offs, size_t n) {
  for (size_t i = 0; i < n; i++) obj_setref(vm, SLOT(o, offs[i]), NULL);
}

/* traverse, clear and dealloc for a type whose references are the listed
** fields of T. */
#define REFS(name, T, ...)                                                    \
  static const size_t name##_offs[] = {__VA_ARGS__};                          \
  static int name##_traverse(Obj *o, visitproc visit, void *arg) {            \
    return refs_traverse(o, name##_offs, NOFFS(name##_offs), visit, arg);     \
  }                                                                           \
  static int name##_clear(VM *vm, Obj *o) {                                   \
    refs_clear(vm, o, name##_offs, NOFFS(name##_offs));                       \
    return 0;                                                                 \
  }                                                                           \
  static void name##_dealloc(VM *vm, Obj *o) {                                \
    gc_untrack(o);                                                            \
    name##_clear(vm, o);                                                      \
    gc_free(vm, o, o->type->basicsize);                                       \
  }
#define F(T, f) offsetof(T, f)

/* The TypeObj of an iterator NAME whose functions are PREFIX_*. */
#define IT_TYPE(var, pyname, T, prefix, ...)                                  \
  TypeObj var = {                                                             \
    .ob = OBJ_STATIC_INIT(&Type_Type),                                        \
    .name = "itertools." pyname,                                              \
    .tag = HT_TAG_ITERATOR,                                                   \
    .basicsize = sizeof(T),                                                   \
    .flags = TF_GC | TF_BASETYPE,                                             \
    .dealloc = prefix##_dealloc,                                              \
    .sizeof_ = it_sizeof,                                                     \
    .traverse = prefix##_traverse,                                            \
    .clear = prefix##_clear,                                                  \
    .new_ = prefix##_new,                                                     \
    .init = accept_init,                                                      \
    .iter = iter_self,                                                        \
    .iternext = prefix##_next,                                                \
    __VA_ARGS__                                                               \
  }

static int accept_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  return 0;
}

static Obj *it_alloc(VM *vm, Obj *type) {
  return gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
}

/* "name() takes no keyword arguments" for the exact type only (CPython
** lets subclasses take keywords). */
static bool no_kw(VM *vm, Obj *type, TypeObj *exact, const char *name, Obj *kwnames) {
  if ((TypeObj *)type == exact && nkw(kwnames)) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", name);
    return false;
  }
  return true;
}

/* A non-negative ssize from an index-able object. */
static int ssize_arg(VM *vm, Obj *o, ssize *out) {
  Obj *i = obj_index(vm, o);
  if (!i) return -1;
  *out = obj_as_ssize(vm, i);
  decref(vm, i);
  return *out == -1 && vm_exc_occurred(vm) ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* count                                                              */
/* ------------------------------------------------------------------ */

typedef struct CountObj {
  Obj ob;
  Obj *cnt;                       /* the next value (owned) */
  Obj *step;                      /* the increment (owned) */
} CountObj;

REFS(count, CountObj, F(CountObj, cnt), F(CountObj, step))

/* PyNumber_Check */
static bool is_number(Obj *o) {
  TypeObj *t = o->type;
  return t->index || t->int_ || t->float_ || int_check(o) || obj_isinstance(o, &Float_Type);
}

static const char *const count_names[] = {"start", "step"};
static const ModArgSpec count_spec = {"count", count_names, 2, 0, 2, 0};

static Obj *count_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  Obj *a[2];
  if (mod_args(vm, &count_spec, args, nargs, kwnames, a) < 0) return NULL;
  if ((a[0] && !is_number(a[0])) || (a[1] && !is_number(a[1])))
    return vm_raise(vm, &Exc_TypeError, "a number is required");
  CountObj *c = (CountObj *)it_alloc(vm, type);
  if (!c) return NULL;
  c->cnt = a[0] ? incref(a[0]) : int_from_i64(vm, 0);
  c->step = a[1] ? incref(a[1]) : int_from_i64(vm, 1);
  if (!c->cnt || !c->step) {
    decref(vm, (Obj *)c);
    return NULL;
  }
  return (Obj *)c;
}

static Obj *count_next(VM *vm, Obj *o) {
  CountObj *c = (CountObj *)o;
  Obj *next = obj_binop(vm, c->cnt, c->step, BINOP_ADD);
  if (!next) return NULL;
  Obj *r = c->cnt;
  c->cnt = next;
  return r;
}

static Obj *count_repr(VM *vm, Obj *o) {
  CountObj *c = (CountObj *)o;
  const char *dot = strrchr(o->type->name, '.');
  const char *name = dot ? dot + 1 : o->type->name;
  if (c->step->type == &Int_Type && int_fits_i64(c->step) &&
      int_as_i64_unchecked(c->step) == 1)
    return str_fromf(vm, "%s(%R)", name, c->cnt);
  return str_fromf(vm, "%s(%R, %R)", name, c->cnt, c->step);
}

IT_TYPE(Count_Type, "count", CountObj, count, .repr = count_repr,
        .doc = "Return a count object whose .__next__() method returns consecutive values.");

/* ------------------------------------------------------------------ */
/* islice                                                             */
/* ------------------------------------------------------------------ */

typedef struct ISliceObj {
  Obj ob;
  Obj *it;                        /* the source, NULL when done (owned) */
  ssize next;                     /* index of the next item to yield */
  ssize stop;                     /* -1: no stop */
  ssize step;                     /* >= 1 */
  ssize cnt;                      /* items taken from the source so far */
} ISliceObj;

REFS(islice, ISliceObj, F(ISliceObj, it))

/* PyNumber_AsSsize_t(o, NULL) with the error cleared: big values clip to
** the ssize range, anything that is not an integer gives -1. */
static ssize as_ssize_clip(VM *vm, Obj *o) {
  Obj *i = obj_index(vm, o);
  if (!i) {
    vm_exc_clear(vm);
    return -1;
  }
  ssize r;
  if (int_fits_i64(i)) r = (ssize)int_as_i64_unchecked(i);
  else r = int_sign(i) < 0 ? PTRDIFF_MIN : PTRDIFF_MAX;
  decref(vm, i);
  return r;
}

static Obj *islice_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  static const char *const stopmsg =
    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  if (!no_kw(vm, type, &ISlice_Type, "islice", kwnames)) return NULL;
  if (mod_check_pos(vm, "islice", nargs, NULL, 2, 4) < 0) return NULL;
  ssize start = 0, stop = -1, step = 1;
  Obj *a1 = args[1];
  if (nargs == 2) {
    if (a1 != None && (stop = as_ssize_clip(vm, a1)) == -1)
      return vm_raise(vm, &Exc_ValueError, "%s", stopmsg);
  } else {
    if (a1 != None) start = as_ssize_clip(vm, a1);
    if (args[2] != None && (stop = as_ssize_clip(vm, args[2])) == -1)
      return vm_raise(vm, &Exc_ValueError, "%s", stopmsg);
  }
  if (start < 0 || stop < -1)
    return vm_raise(vm, &Exc_ValueError,
                    "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (nargs == 4 && args[3] != None) step = as_ssize_clip(vm, args[3]);
  if (step < 1)
    return vm_raise(vm, &Exc_ValueError, "Step for islice() must be a positive integer or None.");
  Obj *it = obj_iter(vm, args[0]);
  if (!it) return NULL;
  ISliceObj *s = (ISliceObj *)it_alloc(vm, type);
  if (!s) {
    decref(vm, it);
    return NULL;
  }
  s->it = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return (Obj *)s;
}

static Obj *islice_next(VM *vm, Obj *o) {
  ISliceObj *s = (ISliceObj *)o;
  Obj *item;
  if (!s->it) return NULL;
  while (s->cnt < s->next) {
    if (!(item = NEXT(s->it))) goto empty;
    decref(vm, item);
    s->cnt++;
  }
  if (s->stop != -1 && s->cnt >= s->stop) goto empty;
  if (!(item = NEXT(s->it))) goto empty;
  s->cnt++;
  ssize old = s->next;
  s->next = (ssize)((size_t)s->next + (size_t)s->step);
  if (s->next < old || (s->stop != -1 && s->next > s->stop)) s->next = s->stop;
  return item;
empty:
  obj_setref(vm, &s->it, NULL);
  return NULL;
}

IT_TYPE(ISlice_Type, "islice", ISliceObj, islice,
        .doc = "islice(iterable, stop) --> islice object\n"
               "islice(iterable, start, stop[, step]) --> islice object");

/* ------------------------------------------------------------------ */
/* chain                                                              */
/* ------------------------------------------------------------------ */

typedef struct ChainObj {
  Obj ob;
  Obj *source;                    /* iterator over the iterables (owned) */
  Obj *active;                    /* the current iterable's iterator (owned) */
} ChainObj;

REFS(chain, ChainObj, F(ChainObj, source), F(ChainObj, active))

static Obj *chain_make(VM *vm, Obj *type, Obj *source) {
  ChainObj *c = (ChainObj *)it_alloc(vm, type);
  if (!c) {
    decref(vm, source);
    return NULL;
  }
  c->source = source;
  return (Obj *)c;
}

static Obj *chain_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (!no_kw(vm, type, &Chain_Type, "chain", kwnames)) return NULL;
  Obj *t = tuple_from_array(vm, args, (ssize)nargs);
  if (!t) return NULL;
  Obj *src = obj_iter(vm, t);
  decref(vm, t);
  return src ? chain_make(vm, type, src) : NULL;
}

static Obj *chain_from_iterable(IT_ARGS) {
  if (mod_check_o(vm, "chain.from_iterable", nargs, kwnames) < 0) return NULL;
  Obj *src = obj_iter(vm, args[0]);
  return src ? chain_make(vm, self, src) : NULL;
}

static Obj *chain_next(VM *vm, Obj *o) {
  ChainObj *c = (ChainObj *)o;
  while (c->source) {
    if (!c->active) {
      Obj *iterable = NEXT(c->source);
      if (!iterable) {
        obj_setref(vm, &c->source, NULL);
        return NULL;
      }
      c->active = obj_iter(vm, iterable);
      decref(vm, iterable);
      if (!c->active) {
        obj_setref(vm, &c->source, NULL);
        return NULL;
      }
    }
    Obj *item = NEXT(c->active);
    if (item) return item;
    if (vm_exc_occurred(vm)) return NULL;
    obj_setref(vm, &c->active, NULL);
  }
  return NULL;
}

static const MethodDef chain_methods[] = {
  {"from_iterable", chain_from_iterable, METH_CLASS},
  {NULL, NULL, 0},
};

IT_TYPE(Chain_Type, "chain", ChainObj, chain, .methods = chain_methods,
        .doc = "chain(*iterables) --> chain object\n\n"
               "Return a chain object whose .__next__() method returns elements from the\n"
               "first iterable until it is exhausted, then elements from the next\n"
               "iterable, until all of the iterables are exhausted.");

/* ------------------------------------------------------------------ */
/* Combinatorics: product, permutations, combinations, cwr            */
/* ------------------------------------------------------------------ */

typedef struct CombObj {
  Obj ob;
  Obj *pools;                     /* product: tuple of tuples; others: the pool tuple (owned) */
  Obj *result;                    /* the last tuple yielded, NULL before the first (owned) */
  ssize *indices;                 /* ITERATOR block of nindices entries (owned) */
  ssize *cycles;                  /* permutations: max(r, 1) entries (owned) */
  ssize nindices;                 /* entries in indices (at least 1) */
  ssize r;                        /* length of each result */
  bool stopped;                   /* exhausted */
} CombObj;

static const size_t comb_offs[] = {F(CombObj, pools), F(CombObj, result)};

static int comb_traverse(Obj *o, visitproc visit, void *arg) {
  return refs_traverse(o, comb_offs, NOFFS(comb_offs), visit, arg);
}

static int comb_clear(VM *vm, Obj *o) {
  refs_clear(vm, o, comb_offs, NOFFS(comb_offs));
  return 0;
}

static void comb_dealloc(VM *vm, Obj *o) {
  CombObj *c = (CombObj *)o;
  gc_untrack(o);
  comb_clear(vm, o);
  if (c->indices) ht_free(HT_TAG_ITERATOR, c->indices, (size_t)c->nindices * sizeof(ssize));
  if (c->cycles) ht_free(HT_TAG_ITERATOR, c->cycles, (size_t)(c->r ? c->r : 1) * sizeof(ssize));
  gc_free(vm, o, o->type->basicsize);
}

static size_t comb_sizeof(Obj *o) {
  CombObj *c = (CombObj *)o;
  return GC_SIZEOF(o->type->basicsize) + (size_t)c->nindices * sizeof(ssize) +
         (c->cycles ? (size_t)(c->r ? c->r : 1) * sizeof(ssize) : 0);
}

static ssize *index_array(VM *vm, ssize n) {
  ssize *a = ht_calloc(HT_TAG_ITERATOR, (size_t)(n ? n : 1) * sizeof(ssize));
  if (!a) vm_raise_nomem(vm);
  return a;
}

/* A new CombObj of TYPE with POOLS (stolen) and N indices. */
static CombObj *comb_make(VM *vm, Obj *type, Obj *pools, ssize n, ssize r) {
  CombObj *c = (CombObj *)it_alloc(vm, type);
  if (!c) {
    decref(vm, pools);
    return NULL;
  }
  c->pools = pools;
  c->r = r;
  c->nindices = n ? n : 1;
  if (!(c->indices = index_array(vm, n))) {
    c->nindices = 0;
    decref(vm, (Obj *)c);
    return NULL;
  }
  return c;
}

/* The tuple of POOL[idx[i]] for i < R. */
static Obj *pick(VM *vm, Obj *pool, const ssize *idx, ssize r) {
  Obj *t = tuple_new(vm, r);
  if (!t) return NULL;
  for (ssize i = 0; i < r; i++) TUPLE_ITEMS(t)[i] = incref(TUPLE_GET(pool, idx[i]));
  return t;
}

static Obj *tuple_copy(VM *vm, Obj *t) {
  return tuple_from_array(vm, TUPLE_ITEMS(t), TUPLE_SIZE(t));
}

/* Replace item I of the fresh tuple T (stealing V). */
static void tuple_put(VM *vm, Obj *t, ssize i, Obj *v) {
  Obj *old = TUPLE_ITEMS(t)[i];
  TUPLE_ITEMS(t)[i] = v;
  decref(vm, old);
}

/* product */

static Obj *product_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  ssize repeat = 1;
  for (ssize k = 0; k < nkw(kwnames); k++) {
    Obj *kn = TUPLE_GET(kwnames, k);
    if (!str_eq_cstr(kn, "repeat"))
      return vm_raise(vm, &Exc_TypeError, "'%S' is an invalid keyword argument for product()", kn);
    if (ssize_arg(vm, args[nargs + k], &repeat) < 0) return NULL;
    if (repeat < 0) return vm_raise(vm, &Exc_ValueError, "repeat argument cannot be negative");
  }
  ssize n = repeat ? (ssize)nargs : 0;   /* repeat=0 ignores the inputs, as CPython */
  if (repeat && n > PTRDIFF_MAX / (ssize)sizeof(Obj *) / repeat)
    return vm_raise(vm, &Exc_OverflowError, "repeat argument too large");
  ssize npools = n * repeat;
  Obj *pools = tuple_new(vm, npools);
  if (!pools) return NULL;
  for (ssize i = 0; i < npools; i++) TUPLE_ITEMS(pools)[i] = NULL;
  for (ssize i = 0; i < n; i++) {
    Obj *p = seq_to_tuple(vm, args[i]);
    if (!p) {
      for (ssize j = i; j < npools; j++) if (!TUPLE_ITEMS(pools)[j]) TUPLE_ITEMS(pools)[j] = incref(None);
      decref(vm, pools);
      return NULL;
    }
    TUPLE_ITEMS(pools)[i] = p;
  }
  for (ssize i = n; i < npools; i++) TUPLE_ITEMS(pools)[i] = incref(TUPLE_GET(pools, i - n));
  CombObj *c = comb_make(vm, type, pools, npools, npools);
  return (Obj *)c;
}

static Obj *product_next(VM *vm, Obj *o) {
  CombObj *c = (CombObj *)o;
  if (c->stopped) return NULL;
  ssize npools = TUPLE_SIZE(c->pools);
  if (!c->result) {
    Obj *t = tuple_new(vm, npools);
    if (!t) return NULL;
    for (ssize i = 0; i < npools; i++) {
      Obj *pool = TUPLE_GET(c->pools, i);
      if (TUPLE_SIZE(pool) == 0) {
        for (ssize j = i; j < npools; j++) TUPLE_ITEMS(t)[j] = incref(None);
        decref(vm, t);
        c->stopped = true;
        return NULL;
      }
      TUPLE_ITEMS(t)[i] = incref(TUPLE_GET(pool, 0));
    }
    c->result = t;
    return incref(t);
  }
  if (npools == 0) {
    c->stopped = true;
    return NULL;
  }
  Obj *t = tuple_copy(vm, c->result);
  if (!t) return NULL;
  ssize i;
  for (i = npools - 1; i >= 0; i--) {
    Obj *pool = TUPLE_GET(c->pools, i);
    c->indices[i]++;
    if (c->indices[i] == TUPLE_SIZE(pool)) {
      c->indices[i] = 0;
      tuple_put(vm, t, i, incref(TUPLE_GET(pool, 0)));
    } else {
      tuple_put(vm, t, i, incref(TUPLE_GET(pool, c->indices[i])));
      break;
    }
  }
  if (i < 0) {
    decref(vm, t);
    c->stopped = true;
    return NULL;
  }
  obj_setref(vm, &c->result, t);
  return incref(t);
}

TypeObj Product_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "itertools.product",
  .tag = HT_TAG_ITERATOR, .basicsize = sizeof(CombObj), .flags = TF_GC | TF_BASETYPE,
  .dealloc = comb_dealloc, .sizeof_ = comb_sizeof, .traverse = comb_traverse,
  .clear = comb_clear, .new_ = product_new, .init = accept_init, .iter = iter_self,
  .iternext = product_next,
  .doc = "product(*iterables, repeat=1) --> product object",
};

/* permutations */

static int r_arg(VM *vm, Obj *o, ssize *r) {
  if (!int_check(o)) {
    vm_raise(vm, &Exc_TypeError, "Expected int as r");
    return -1;
  }
  if (ssize_arg(vm, o, r) < 0) return -1;
  if (*r < 0) {
    vm_raise(vm, &Exc_ValueError, "r must be non-negative");
    return -1;
  }
  return 0;
}

static const char *const perm_names[] = {"iterable", "r"};
static const ModArgSpec perm_spec = {"permutations", perm_names, 2, 0, 2, 1};

static Obj *permutations_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                             Obj *kwnames) {
  Obj *a[2];
  if (mod_args(vm, &perm_spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *pool = seq_to_tuple(vm, a[0]);
  if (!pool) return NULL;
  ssize n = TUPLE_SIZE(pool), r = n;
  if (a[1] && a[1] != None && r_arg(vm, a[1], &r) < 0) {
    decref(vm, pool);
    return NULL;
  }
  CombObj *c = comb_make(vm, type, pool, n, r);
  if (!c) return NULL;
  if (!(c->cycles = index_array(vm, r))) {
    decref(vm, (Obj *)c);
    return NULL;
  }
  for (ssize i = 0; i < n; i++) c->indices[i] = i;
  for (ssize i = 0; i < r; i++) c->cycles[i] = n - i;
  c->stopped = r > n;
  return (Obj *)c;
}

static Obj *permutations_next(VM *vm, Obj *o) {
  CombObj *c = (CombObj *)o;
  Obj *pool = c->pools;
  ssize n = TUPLE_SIZE(pool), r = c->r;
  if (c->stopped) return NULL;
  if (!c->result) {
    c->result = pick(vm, pool, c->indices, r);
    return c->result ? incref(c->result) : NULL;
  }
  if (n == 0) goto empty;
  Obj *t = tuple_copy(vm, c->result);
  if (!t) return NULL;
  ssize i;
  for (i = r - 1; i >= 0; i--) {
    c->cycles[i] -= 1;
    if (c->cycles[i] == 0) {
      ssize index = c->indices[i];
      for (ssize j = i; j < n - 1; j++) c->indices[j] = c->indices[j + 1];
      c->indices[n - 1] = index;
      c->cycles[i] = n - i;
    } else {
      ssize j = c->cycles[i], tmp = c->indices[i];
      c->indices[i] = c->indices[n - j];
      c->indices[n - j] = tmp;
      for (ssize k = i; k < r; k++) tuple_put(vm, t, k, incref(TUPLE_GET(pool, c->indices[k])));
      break;
    }
  }
  if (i < 0) {
    decref(vm, t);
    goto empty;
  }
  obj_setref(vm, &c->result, t);
  return incref(t);
empty:
  c->stopped = true;
  return NULL;
}

TypeObj Permutations_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "itertools.permutations",
  .tag = HT_TAG_ITERATOR, .basicsize = sizeof(CombObj), .flags = TF_GC | TF_BASETYPE,
  .dealloc = comb_dealloc, .sizeof_ = comb_sizeof, .traverse = comb_traverse,
  .clear = comb_clear, .new_ = permutations_new, .init = accept_init, .iter = iter_self,
  .iternext = permutations_next,
  .doc = "Return successive r-length permutations of elements in the iterable.",
};

/* combinations and combinations_with_replacement */

static Obj *comb_common_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                            Obj *kwnames, const char *fname, bool repl) {
  static const char *const names[] = {"iterable", "r"};
  ModArgSpec spec = {fname, names, 2, 0, 2, 2};
  Obj *a[2];
  if (mod_args(vm, &spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *pool = seq_to_tuple(vm, a[0]);
  if (!pool) return NULL;
  ssize r;
  if (ssize_arg(vm, a[1], &r) < 0) {
    decref(vm, pool);
    return NULL;
  }
  if (r < 0) {
    decref(vm, pool);
    return vm_raise(vm, &Exc_ValueError, "r must be non-negative");
  }
  ssize n = TUPLE_SIZE(pool);
  CombObj *c = comb_make(vm, type, pool, r, r);
  if (!c) return NULL;
  for (ssize i = 0; i < r; i++) c->indices[i] = repl ? 0 : i;
  c->stopped = repl ? (n == 0 && r > 0) : r > n;
  return (Obj *)c;
}

static Obj *combinations_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                             Obj *kwnames) {
  return comb_common_new(vm, type, args, nargs, kwnames, "combinations", false);
}

static Obj *combinations_next(VM *vm, Obj *o) {
  CombObj *c = (CombObj *)o;
  Obj *pool = c->pools;
  ssize n = TUPLE_SIZE(pool), r = c->r;
  if (c->stopped) return NULL;
  if (!c->result) {
    c->result = pick(vm, pool, c->indices, r);
    return c->result ? incref(c->result) : NULL;
  }
  ssize i;
  for (i = r - 1; i >= 0 && c->indices[i] == i + n - r; i--) {}
  if (i < 0) {
    c->stopped = true;
    return NULL;
  }
  Obj *t = tuple_copy(vm, c->result);
  if (!t) return NULL;
  c->indices[i]++;
  for (ssize j = i + 1; j < r; j++) c->indices[j] = c->indices[j - 1] + 1;
  for (ssize j = i; j < r; j++) tuple_put(vm, t, j, incref(TUPLE_GET(pool, c->indices[j])));
  obj_setref(vm, &c->result, t);
  return incref(t);
}

TypeObj Combinations_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "itertools.combinations",
  .tag = HT_TAG_ITERATOR, .basicsize = sizeof(CombObj), .flags = TF_GC | TF_BASETYPE,
  .dealloc = comb_dealloc, .sizeof_ = comb_sizeof, .traverse = comb_traverse,
  .clear = comb_clear, .new_ = combinations_new, .init = accept_init, .iter = iter_self,
  .iternext = combinations_next,
  .doc = "Return successive r-length combinations of elements in the iterable.",
};

static Obj *cwr_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  return comb_common_new(vm, type, args, nargs, kwnames, "combinations_with_replacement", true);
}

static Obj *cwr_next(VM *vm, Obj *o) {
  CombObj *c = (CombObj *)o;
  Obj *pool = c->pools;
  ssize n = TUPLE_SIZE(pool), r = c->r;
  if (c->stopped) return NULL;
  if (!c->result) {
    c->result = pick(vm, pool, c->indices, r);
    return c->result ? incref(c->result) : NULL;
  }
  ssize i;
  for (i = r - 1; i >= 0 && c->indices[i] == n - 1; i--) {}
  if (i < 0) {
    c->stopped = true;
    return NULL;
  }
  Obj *t = tuple_copy(vm, c->result);
  if (!t) return NULL;
  ssize index = c->indices[i] + 1;
  for (ssize j = i; j < r; j++) {
    c->indices[j] = index;
    tuple_put(vm, t, j, incref(TUPLE_GET(pool, index)));
  }
  obj_setref(vm, &c->result, t);
  return incref(t);
}

TypeObj CombWithRep_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "itertools.combinations_with_replacement",
  .tag = HT_TAG_ITERATOR, .basicsize = sizeof(CombObj), .flags = TF_GC | TF_BASETYPE,
  .dealloc = comb_dealloc, .sizeof_ = comb_sizeof, .traverse = comb_traverse,
  .clear = comb_clear, .new_ = cwr_new, .init = accept_init, .iter = iter_self,
  .iternext = cwr_next,
  .doc = "Return successive r-length combinations of elements in the iterable\n"
         "allowing individual elements to have successive repeats.",
};

/* ------------------------------------------------------------------ */
/* repeat                                                             */
/* ------------------------------------------------------------------ */

typedef struct RepeatObj {
  Obj ob;
  Obj *element;                   /* owned */
  ssize cnt;                      /* remaining, -1 = forever */
} RepeatObj;

REFS(repeat, RepeatObj, F(RepeatObj, element))

static const char *const repeat_names[] = {"object", "times"};
static const ModArgSpec repeat_spec = {"repeat", repeat_names, 2, 0, 2, 1};

static Obj *repeat_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  Obj *a[2];
  if (mod_args(vm, &repeat_spec, args, nargs, kwnames, a) < 0) return NULL;
  ssize cnt = -1;
  if (a[1]) {
    if (ssize_arg(vm, a[1], &cnt) < 0) return NULL;
    if (cnt < 0) cnt = 0;
  }
  RepeatObj *r = (RepeatObj *)it_alloc(vm, type);
  if (!r) return NULL;
  r->element = incref(a[0]);
  r->cnt = cnt;
  return (Obj *)r;
}

static Obj *repeat_next(VM *vm, Obj *o) {
  RepeatObj *r = (RepeatObj *)o;
  if (r->cnt == 0) return NULL;
  if (r->cnt > 0) r->cnt--;
  return incref(r->element);
}

static Obj *repeat_repr(VM *vm, Obj *o) {
  RepeatObj *r = (RepeatObj *)o;
  const char *dot = strrchr(o->type->name, '.');
  const char *name = dot ? dot + 1 : o->type->name;
  if (r->cnt == -1) return str_fromf(vm, "%s(%R)", name, r->element);
  return str_fromf(vm, "%s(%R, %zd)", name, r->element, (ssize_t)r->cnt);
}

static Obj *repeat_length_hint(IT_ARGS) {
  RepeatObj *r = (RepeatObj *)self;
  if (mod_check_noargs(vm, "__length_hint__", nargs, kwnames) < 0) return NULL;
  if (r->cnt == -1) return vm_raise(vm, &Exc_TypeError, "len() of unsized object");
  return int_from_i64(vm, r->cnt);
}

static const MethodDef repeat_methods[] = {
  {"__length_hint__", repeat_length_hint, 0},
  {NULL, NULL, 0},
};

IT_TYPE(Repeat_Type, "repeat", RepeatObj, repeat, .repr = repeat_repr,
        .methods = repeat_methods,
        .doc = "repeat(object [,times]) -> create an iterator which returns the object\n"
               "for the specified number of times.  If not specified, returns the object\n"
               "endlessly.");

/* ------------------------------------------------------------------ */
/* accumulate                                                         */
/* ------------------------------------------------------------------ */

typedef struct AccObj {
  Obj ob;
  Obj *it;                        /* owned */
  Obj *func;                      /* binary function or NULL for + (owned) */
  Obj *total;                     /* running total (owned) */
  Obj *initial;                   /* pending initial value (owned) */
} AccObj;

REFS(accumulate, AccObj, F(AccObj, it), F(AccObj, func), F(AccObj, total), F(AccObj, initial))

static const char *const acc_names[] = {"iterable", "func", "initial"};
static const ModArgSpec acc_spec = {"accumulate", acc_names, 3, 0, 2, 1};

static Obj *accumulate_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  Obj *a[3];
  if (mod_args(vm, &acc_spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *it = obj_iter(vm, a[0]);
  if (!it) return NULL;
  AccObj *c = (AccObj *)it_alloc(vm, type);
  if (!c) {
    decref(vm, it);
    return NULL;
  }
  c->it = it;
  c->func = a[1] && a[1] != None ? incref(a[1]) : NULL;
  c->initial = a[2] && a[2] != None ? incref(a[2]) : NULL;
  return (Obj *)c;
}

static Obj *accumulate_next(VM *vm, Obj *o) {
  AccObj *c = (AccObj *)o;
  if (c->initial) {
    c->total = c->initial;
    c->initial = NULL;
    return incref(c->total);
  }
  Obj *val = NEXT(c->it);
  if (!val) return NULL;
  if (!c->total) {
    c->total = incref(val);
    return val;
  }
  Obj *nt = c->func ? obj_call2(vm, c->func, c->total, val)
                    : obj_binop(vm, c->total, val, BINOP_ADD);
  decref(vm, val);
  if (!nt) return NULL;
  obj_setref(vm, &c->total, incref(nt));
  return nt;
}

IT_TYPE(Accumulate_Type, "accumulate", AccObj, accumulate,
        .doc = "Return series of accumulated sums (or other binary function results).");

/* ------------------------------------------------------------------ */
/* zip_longest                                                        */
/* ------------------------------------------------------------------ */

typedef struct ZipLObj {
  Obj ob;
  Obj *its;                       /* tuple of iterators; None once exhausted (owned) */
  Obj *fill;                      /* fillvalue (owned) */
  ssize numactive;                /* iterators not yet exhausted */
} ZipLObj;

REFS(ziplongest, ZipLObj, F(ZipLObj, its), F(ZipLObj, fill))

static Obj *ziplongest_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  Obj *fill = None;
  for (ssize k = 0; k < nkw(kwnames); k++) {
    if (!str_eq_cstr(TUPLE_GET(kwnames, k), "fillvalue"))
      return vm_raise(vm, &Exc_TypeError, "zip_longest() got an unexpected keyword argument");
    fill = args[nargs + k];
  }
  Obj *its = tuple_new(vm, (ssize)nargs);
  if (!its) return NULL;
  for (size_t i = 0; i < nargs; i++) TUPLE_ITEMS(its)[i] = incref(None);
  for (size_t i = 0; i < nargs; i++) {
    Obj *it = obj_iter(vm, args[i]);
    if (!it) {
      decref(vm, its);
      return NULL;
    }
    tuple_put(vm, its, (ssize)i, it);
  }
  ZipLObj *z = (ZipLObj *)it_alloc(vm, type);
  if (!z) {
    decref(vm, its);
    return NULL;
  }
  z->its = its;
  z->fill = incref(fill);
  z->numactive = (ssize)nargs;
  return (Obj *)z;
}

static Obj *ziplongest_next(VM *vm, Obj *o) {
  ZipLObj *z = (ZipLObj *)o;
  ssize n = TUPLE_SIZE(z->its);
  if (n == 0 || z->numactive == 0) return NULL;
  Obj *t = tuple_new(vm, n);
  if (!t) return NULL;
  for (ssize i = 0; i < n; i++) TUPLE_ITEMS(t)[i] = incref(None);
  for (ssize i = 0; i < n; i++) {
    Obj *it = TUPLE_GET(z->its, i), *item;
    if (it == None) {
      item = incref(z->fill);
    } else {
      item = NEXT(it);
      if (!item) {
        z->numactive--;
        if (z->numactive == 0 || vm_exc_occurred(vm)) {
          z->numactive = 0;
          decref(vm, t);
          return NULL;
        }
        item = incref(z->fill);
        tuple_put(vm, z->its, i, incref(None));
      }
    }
    tuple_put(vm, t, i, item);
  }
  return t;
}

IT_TYPE(ZipLongest_Type, "zip_longest", ZipLObj, ziplongest,
        .doc = "zip_longest(iter1 [,iter2 [...]], [fillvalue=None]) --> zip_longest object");

/* ------------------------------------------------------------------ */
/* cycle                                                              */
/* ------------------------------------------------------------------ */

typedef struct CycleObj {
  Obj ob;
  Obj *it;                        /* the source until exhausted (owned) */
  Obj *saved;                     /* list of the items seen (owned) */
  ssize index;                    /* next saved item to yield */
} CycleObj;

REFS(cycle, CycleObj, F(CycleObj, it), F(CycleObj, saved))

static Obj *cycle_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (!no_kw(vm, type, &Cycle_Type, "cycle", kwnames)) return NULL;
  if (mod_check_pos(vm, "cycle", nargs, NULL, 1, 1) < 0) return NULL;
  Obj *it = obj_iter(vm, args[0]);
  if (!it) return NULL;
  Obj *saved = list_new(vm, 0);
  CycleObj *c = saved ? (CycleObj *)it_alloc(vm, type) : NULL;
  if (!c) {
    decref(vm, it);
    xdecref(vm, saved);
    return NULL;
  }
  c->it = it;
  c->saved = saved;
  return (Obj *)c;
}

static Obj *cycle_next(VM *vm, Obj *o) {
  CycleObj *c = (CycleObj *)o;
  if (c->it) {
    Obj *item = NEXT(c->it);
    if (item) {
      if (list_append(vm, c->saved, item) < 0) {
        decref(vm, item);
        return NULL;
      }
      return item;
    }
    if (vm_exc_occurred(vm)) return NULL;
    obj_setref(vm, &c->it, NULL);
  }
  ssize n = LIST_SIZE(c->saved);
  if (n == 0) return NULL;
  Obj *item = incref(LIST_ITEMS(c->saved)[c->index]);
  if (++c->index >= n) c->index = 0;
  return item;
}

IT_TYPE(Cycle_Type, "cycle", CycleObj, cycle,
        .doc = "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely.");

/* ------------------------------------------------------------------ */
/* takewhile, dropwhile, filterfalse, starmap                         */
/* ------------------------------------------------------------------ */

typedef struct PredObj {
  Obj ob;
  Obj *func;                      /* predicate / function (owned) */
  Obj *it;                        /* owned */
  bool flag;                      /* takewhile: stopped; dropwhile: started */
} PredObj;

REFS(pred, PredObj, F(PredObj, func), F(PredObj, it))

static Obj *pred_make(VM *vm, Obj *type, TypeObj *exact, const char *name, Obj *const *args,
                      size_t nargs, Obj *kwnames) {
  if (!no_kw(vm, type, exact, name, kwnames)) return NULL;
  if (mod_check_pos(vm, name, nargs, NULL, 2, 2) < 0) return NULL;
  Obj *it = obj_iter(vm, args[1]);
  if (!it) return NULL;
  PredObj *p = (PredObj *)it_alloc(vm, type);
  if (!p) {
    decref(vm, it);
    return NULL;
  }
  p->func = incref(args[0]);
  p->it = it;
  return (Obj *)p;
}

static int pred_test(VM *vm, Obj *func, Obj *item) {
  if (func == None || func == (Obj *)&Bool_Type) return obj_truthy(vm, item);
  Obj *r = obj_call1(vm, func, item);
  if (!r) return -1;
  int t = obj_truthy(vm, r);
  decref(vm, r);
  return t;
}

#define takewhile_dealloc pred_dealloc
#define takewhile_traverse pred_traverse
#define takewhile_clear pred_clear
static Obj *takewhile_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  return pred_make(vm, type, &TakeWhile_Type, "takewhile", args, nargs, kwnames);
}

static Obj *takewhile_next(VM *vm, Obj *o) {
  PredObj *p = (PredObj *)o;
  if (p->flag) return NULL;
  Obj *item = NEXT(p->it);
  if (!item) return NULL;
  Obj *r = obj_call1(vm, p->func, item);
  int ok = r ? obj_truthy(vm, r) : -1;
  xdecref(vm, r);
  if (ok > 0) return item;
  decref(vm, item);
  if (ok == 0) p->flag = true;
  return NULL;
}

IT_TYPE(TakeWhile_Type, "takewhile", PredObj, takewhile,
        .doc = "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.");

#define dropwhile_dealloc pred_dealloc
#define dropwhile_traverse pred_traverse
#define dropwhile_clear pred_clear
static Obj *dropwhile_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  return pred_make(vm, type, &DropWhile_Type, "dropwhile", args, nargs, kwnames);
}

static Obj *dropwhile_next(VM *vm, Obj *o) {
  PredObj *p = (PredObj *)o;
  for (;;) {
    Obj *item = NEXT(p->it);
    if (!item) return NULL;
    if (p->flag) return item;
    Obj *r = obj_call1(vm, p->func, item);
    int ok = r ? obj_truthy(vm, r) : -1;
    xdecref(vm, r);
    if (ok < 0) {
      decref(vm, item);
      return NULL;
    }
    if (!ok) {
      p->flag = true;
      return item;
    }
    decref(vm, item);
  }
}

IT_TYPE(DropWhile_Type, "dropwhile", PredObj, dropwhile,
        .doc = "Drop items from the iterable while predicate(item) is true.");

#define filterfalse_dealloc pred_dealloc
#define filterfalse_traverse pred_traverse
#define filterfalse_clear pred_clear
static Obj *filterfalse_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  return pred_make(vm, type, &FilterFalse_Type, "filterfalse", args, nargs, kwnames);
}

static Obj *filterfalse_next(VM *vm, Obj *o) {
  PredObj *p = (PredObj *)o;
  for (;;) {
    Obj *item = NEXT(p->it);
    if (!item) return NULL;
    int ok = pred_test(vm, p->func, item);
    if (ok == 0) return item;
    decref(vm, item);
    if (ok < 0) return NULL;
  }
}

IT_TYPE(FilterFalse_Type, "filterfalse", PredObj, filterfalse,
        .doc = "Return those items of iterable for which function(item) is false.");

#define starmap_dealloc pred_dealloc
#define starmap_traverse pred_traverse
#define starmap_clear pred_clear
static Obj *starmap_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  return pred_make(vm, type, &StarMap_Type, "starmap", args, nargs, kwnames);
}

static Obj *starmap_next(VM *vm, Obj *o) {
  PredObj *p = (PredObj *)o;
  Obj *a = NEXT(p->it);
  if (!a) return NULL;
  if (a->type != &Tuple_Type) {
    Obj *t = seq_to_tuple(vm, a);
    decref(vm, a);
    if (!(a = t)) return NULL;
  }
  Obj *r = stdmods_call_tuple(vm, p->func, a);
  decref(vm, a);
  return r;
}

IT_TYPE(StarMap_Type, "starmap", PredObj, starmap,
        .doc = "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.");

/* ------------------------------------------------------------------ */
/* compress, pairwise                                                 */
/* ------------------------------------------------------------------ */

typedef struct PairObj {
  Obj ob;
  Obj *a;                         /* compress: data; pairwise: the source (owned) */
  Obj *b;                         /* compress: selectors; pairwise: the last item (owned) */
} PairObj;

REFS(pair, PairObj, F(PairObj, a), F(PairObj, b))

#define compress_dealloc pair_dealloc
#define compress_traverse pair_traverse
#define compress_clear pair_clear
static const char *const compress_names[] = {"data", "selectors"};
static const ModArgSpec compress_spec = {"compress", compress_names, 2, 0, 2, 2};

static Obj *compress_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  Obj *v[2];
  if (mod_args(vm, &compress_spec, args, nargs, kwnames, v) < 0) return NULL;
  Obj *d = obj_iter(vm, v[0]);
  if (!d) return NULL;
  Obj *s = obj_iter(vm, v[1]);
  if (!s) {
    decref(vm, d);
    return NULL;
  }
  PairObj *p = (PairObj *)it_alloc(vm, type);
  if (!p) {
    decref(vm, d);
    decref(vm, s);
    return NULL;
  }
  p->a = d;
  p->b = s;
  return (Obj *)p;
}

static Obj *compress_next(VM *vm, Obj *o) {
  PairObj *p = (PairObj *)o;
  for (;;) {
    Obj *datum = NEXT(p->a);
    if (!datum) return NULL;
    Obj *sel = NEXT(p->b);
    if (!sel) {
      decref(vm, datum);
      return NULL;
    }
    int ok = obj_truthy(vm, sel);
    decref(vm, sel);
    if (ok > 0) return datum;
    decref(vm, datum);
    if (ok < 0) return NULL;
  }
}

IT_TYPE(Compress_Type, "compress", PairObj, compress,
        .doc = "Return data elements corresponding to true selector elements.");

#define pairwise_dealloc pair_dealloc
#define pairwise_traverse pair_traverse
#define pairwise_clear pair_clear
static Obj *pairwise_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (!no_kw(vm, type, &Pairwise_Type, "pairwise", kwnames)) return NULL;
  if (mod_check_pos(vm, "pairwise", nargs, NULL, 1, 1) < 0) return NULL;
  Obj *it = obj_iter(vm, args[0]);
  if (!it) return NULL;
  PairObj *p = (PairObj *)it_alloc(vm, type);
  if (!p) {
    decref(vm, it);
    return NULL;
  }
  p->a = it;
  return (Obj *)p;
}

static Obj *pairwise_next(VM *vm, Obj *o) {
  PairObj *p = (PairObj *)o;
  if (!p->a) return NULL;
  if (!p->b) {
    p->b = NEXT(p->a);
    if (!p->b) {
      obj_setref(vm, &p->a, NULL);
      return NULL;
    }
  }
  Obj *nw = NEXT(p->a);
  if (!nw) {
    obj_setref(vm, &p->a, NULL);
    obj_setref(vm, &p->b, NULL);
    return NULL;
  }
  Obj *r = tuple_pack(vm, 2, p->b, nw);
  obj_setref(vm, &p->b, nw);
  return r;
}

IT_TYPE(Pairwise_Type, "pairwise", PairObj, pairwise,
        .doc = "Return an iterator of overlapping pairs taken from the input iterator.\n\n"
               "    s -> (s0,s1), (s1,s2), (s2, s3), ...");

/* ------------------------------------------------------------------ */
/* groupby                                                            */
/* ------------------------------------------------------------------ */

typedef struct GroupByObj {
  Obj ob;
  Obj *it;                        /* owned */
  Obj *keyfunc;                   /* None for identity (owned) */
  Obj *tgtkey;                    /* key of the current group (owned) */
  Obj *currkey;                   /* key of currvalue (owned) */
  Obj *currvalue;                 /* the item read ahead (owned) */
  Obj *currgrouper;               /* the grouper handed out last (borrowed; identity only) */
} GroupByObj;

REFS(groupby, GroupByObj, F(GroupByObj, it), F(GroupByObj, keyfunc), F(GroupByObj, tgtkey),
     F(GroupByObj, currkey), F(GroupByObj, currvalue))

static const char *const groupby_names[] = {"iterable", "key"};
static const ModArgSpec groupby_spec = {"groupby", groupby_names, 2, 0, 2, 1};

static Obj *groupby_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  Obj *a[2];
  if (mod_args(vm, &groupby_spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *it = obj_iter(vm, a[0]);
  if (!it) return NULL;
  GroupByObj *g = (GroupByObj *)it_alloc(vm, type);
  if (!g) {
    decref(vm, it);
    return NULL;
  }
  g->it = it;
  g->keyfunc = incref(a[1] ? a[1] : None);
  return (Obj *)g;
}

/* Read the next value and its key into currvalue/currkey: 0, or -1 at the
** end (no exception) or on error. */
static int groupby_step(VM *vm, GroupByObj *g) {
  Obj *v = NEXT(g->it);
  if (!v) return -1;
  Obj *k = g->keyfunc == None ? incref(v) : obj_call1(vm, g->keyfunc, v);
  if (!k) {
    decref(vm, v);
    return -1;
  }
  obj_setref(vm, &g->currvalue, v);
  obj_setref(vm, &g->currkey, k);
  return 0;
}

typedef struct GrouperObj {
  Obj ob;
  Obj *parent;                    /* the groupby (owned) */
  Obj *tgtkey;                    /* this group's key (owned) */
} GrouperObj;

REFS(grouper, GrouperObj, F(GrouperObj, parent), F(GrouperObj, tgtkey))

static Obj *groupby_next(VM *vm, Obj *o) {
  GroupByObj *g = (GroupByObj *)o;
  g->currgrouper = NULL;
  for (;;) {
    if (!g->currkey) {
      /* read ahead */
    } else if (!g->tgtkey) {
      break;
    } else {
      int eq = obj_richcmp_bool(vm, g->tgtkey, g->currkey, CMP_EQ);
      if (eq < 0) return NULL;
      if (eq == 0) break;
    }
    if (groupby_step(vm, g) < 0) return NULL;
  }
  obj_setref(vm, &g->tgtkey, incref(g->currkey));
  GrouperObj *gr = (GrouperObj *)gc_alloc(vm, &Grouper_Type, sizeof(GrouperObj));
  if (!gr) return NULL;
  gr->parent = incref(o);
  gr->tgtkey = incref(g->tgtkey);
  g->currgrouper = (Obj *)gr;
  Obj *r = tuple_pack(vm, 2, g->currkey, (Obj *)gr);
  decref(vm, (Obj *)gr);
  return r;
}

IT_TYPE(GroupBy_Type, "groupby", GroupByObj, groupby,
        .doc = "make an iterator that returns consecutive keys and groups from the iterable");

static Obj *grouper_next(VM *vm, Obj *o) {
  GrouperObj *gr = (GrouperObj *)o;
  GroupByObj *g = (GroupByObj *)gr->parent;
  if (g->currgrouper != o) return NULL;
  if (!g->currvalue && groupby_step(vm, g) < 0) return NULL;
  int eq = obj_richcmp_bool(vm, gr->tgtkey, g->currkey, CMP_EQ);
  if (eq <= 0) return NULL;
  Obj *r = g->currvalue;
  g->currvalue = NULL;
  obj_setref(vm, &g->currkey, NULL);
  return r;
}

static Obj *grouper_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  return vm_raise(vm, &Exc_TypeError, "cannot create 'itertools._grouper' instances");
}

TypeObj Grouper_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "itertools._grouper",
  .tag = HT_TAG_ITERATOR, .basicsize = sizeof(GrouperObj), .flags = TF_GC,
  .dealloc = grouper_dealloc, .sizeof_ = it_sizeof, .traverse = grouper_traverse,
  .clear = grouper_clear, .new_ = grouper_new, .iter = iter_self, .iternext = grouper_next,
};

/* ------------------------------------------------------------------ */
/* tee                                                                */
/* ------------------------------------------------------------------ */

#define TEE_LINKCELLS 57

typedef struct TeeData {
  Obj ob;
  Obj *it;                        /* the shared source (owned) */
  Obj *nextlink;                  /* the following chunk, or NULL (owned) */
  int numread;                    /* values filled */
  bool running;                   /* re-entrancy guard while reading it */
  Obj *values[TEE_LINKCELLS];     /* owned */
} TeeData;

static int teedata_traverse(Obj *o, visitproc visit, void *arg) {
  TeeData *d = (TeeData *)o;
  int r;
  if (d->it && (r = visit(d->it, EDGE_OTHER, 0, NULL, arg))) return r;
  for (int i = 0; i < d->numread; i++)
    if ((r = visit(d->values[i], EDGE_ITEM, i, NULL, arg))) return r;
  if (d->nextlink && (r = visit(d->nextlink, EDGE_OTHER, 1, NULL, arg))) return r;
  return 0;
}

static int teedata_clear(VM *vm, Obj *o) {
  TeeData *d = (TeeData *)o;
  int n = d->numread;
  d->numread = 0;
  for (int i = 0; i < n; i++) obj_setref(vm, &d->values[i], NULL);
  obj_setref(vm, &d->it, NULL);
  /* release the chain iteratively, so long chains do not recurse */
  Obj *next = d->nextlink;
  d->nextlink = NULL;
  while (next && next->refcnt == 1) {
    TeeData *nd = (TeeData *)next;
    Obj *after = nd->nextlink;
    nd->nextlink = NULL;
    decref(vm, next);
    next = after;
  }
  xdecref(vm, next);
  return 0;
}

static void teedata_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  teedata_clear(vm, o);
  gc_free(vm, o, sizeof(TeeData));
}

static TypeObj TeeData_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "itertools._tee_dataobject",
  .tag = HT_TAG_ITERATOR, .basicsize = sizeof(TeeData), .flags = TF_GC,
  .dealloc = teedata_dealloc, .sizeof_ = it_sizeof, .traverse = teedata_traverse,
  .clear = teedata_clear,
};

static Obj *teedata_new(VM *vm, Obj *it) {
  TeeData *d = (TeeData *)gc_alloc(vm, &TeeData_Type, sizeof(TeeData));
  if (!d) return NULL;
  d->it = incref(it);
  return (Obj *)d;
}

typedef struct TeeObj {
  Obj ob;
  Obj *data;                      /* the current chunk (owned) */
  int index;                      /* next value in it */
} TeeObj;

REFS(tee, TeeObj, F(TeeObj, data))

static Obj *tee_from(VM *vm, Obj *data, int index) {
  TeeObj *t = (TeeObj *)gc_alloc(vm, &Tee_Type, sizeof(TeeObj));
  if (!t) return NULL;
  t->data = incref(data);
  t->index = index;
  return (Obj *)t;
}

static Obj *tee_next(VM *vm, Obj *o) {
  TeeObj *t = (TeeObj *)o;
  TeeData *d = (TeeData *)t->data;
  if (t->index >= TEE_LINKCELLS) {
    if (!d->nextlink && !(d->nextlink = teedata_new(vm, d->it))) return NULL;
    obj_setref(vm, &t->data, incref(d->nextlink));
    t->index = 0;
    d = (TeeData *)t->data;
  }
  if (t->index < d->numread) return incref(d->values[t->index++]);
  if (d->running)
    return vm_raise(vm, &Exc_RuntimeError, "cannot re-enter the tee iterator");
  d->running = true;
  Obj *v = NEXT(d->it);
  d->running = false;
  if (!v) return NULL;
  d->values[d->numread++] = v;
  t->index++;
  return incref(v);
}

static Obj *tee_copy(IT_ARGS) {
  if (mod_check_noargs(vm, "_tee.__copy__", nargs, kwnames) < 0) return NULL;
  return tee_from(vm, ((TeeObj *)self)->data, ((TeeObj *)self)->index);
}

static Obj *tee_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (mod_check_pos(vm, "_tee", nargs, kwnames, 1, 1) < 0) return NULL;
  Obj *it = obj_iter(vm, args[0]);
  if (!it) return NULL;
  if (it->type == &Tee_Type) {
    Obj *r = tee_from(vm, ((TeeObj *)it)->data, ((TeeObj *)it)->index);
    decref(vm, it);
    return r;
  }
  Obj *d = teedata_new(vm, it);
  decref(vm, it);
  if (!d) return NULL;
  Obj *r = tee_from(vm, d, 0);
  decref(vm, d);
  return r;
}

static const MethodDef tee_methods[] = {
  {"__copy__", tee_copy, 0},
  {NULL, NULL, 0},
};

TypeObj Tee_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "itertools._tee",
  .tag = HT_TAG_ITERATOR, .basicsize = sizeof(TeeObj), .flags = TF_GC,
  .dealloc = tee_dealloc, .sizeof_ = it_sizeof, .traverse = tee_traverse,
  .clear = tee_clear, .new_ = tee_new, .init = accept_init, .iter = iter_self,
  .iternext = tee_next, .methods = tee_methods,
  .doc = "Iterator wrapped to make it copyable.",
};

static Obj *it_tee(IT_ARGS) {
  if (mod_check_pos(vm, "tee", nargs, kwnames, 1, 2) < 0) return NULL;
  ssize n = 2;
  if (nargs == 2 && ssize_arg(vm, args[1], &n) < 0) return NULL;
  if (n < 0) return vm_raise(vm, &Exc_ValueError, "n must be >= 0");
  Obj *result = tuple_new(vm, n);
  if (!result || n == 0) return result;
  for (ssize i = 0; i < n; i++) TUPLE_ITEMS(result)[i] = incref(None);
  Obj *first = tee_new(vm, (Obj *)&Tee_Type, args, 1, NULL);
  if (!first) {
    decref(vm, result);
    return NULL;
  }
  tuple_put(vm, result, 0, first);
  for (ssize i = 1; i < n; i++) {
    Obj *c = tee_from(vm, ((TeeObj *)first)->data, ((TeeObj *)first)->index);
    if (!c) {
      decref(vm, result);
      return NULL;
    }
    tuple_put(vm, result, i, c);
  }
  return result;
}

/* ------------------------------------------------------------------ */
/* The module                                                         */
/* ------------------------------------------------------------------ */

static const MethodDef itertools_funcs[] = {
  {"tee", it_tee, 0},
  {NULL, NULL, 0},
};

static TypeObj *const itertools_types[] = {
  &Accumulate_Type, &Chain_Type, &Combinations_Type, &CombWithRep_Type,
  &Compress_Type, &Count_Type, &Cycle_Type, &DropWhile_Type, &FilterFalse_Type,
  &GroupBy_Type, &ISlice_Type, &Pairwise_Type, &Permutations_Type,
  &Product_Type, &Repeat_Type, &StarMap_Type, &TakeWhile_Type,
  &ZipLongest_Type, &Grouper_Type, &Tee_Type, &TeeData_Type, NULL,
};

Obj *itertoolsmod_init(VM *vm) {
  return stdmods_module(vm, "itertools", itertools_funcs, itertools_types);
}
