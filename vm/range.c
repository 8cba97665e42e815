/*
** range.c -- range objects and their iterator.
**
** A range holds start, stop, step and its length as 64-bit integers (tag
** OTHER; it refers to no objects, so it is not a GC object).  Arguments
** beyond 64 bits raise NotImplementedError rather than misbehave; within
** them every operation is CPython's: length, indexing, slicing (which
** gives a new range, as CPython's compute_slice), `in` and index/count in
** O(1) for ints, ==, hash of (len, start, step) with CPython's
** normalisation, repr.  Intermediate arithmetic is done in 128 bits.
**
** The iterator (range_iterator, tag ITERATOR) counts down a remaining
** length, so it never overflows; reversed(range) is the same iterator
** started at the last item with the step negated.
*/
#include "vm.h"
#include "containers.h"

typedef struct RangeObj {
  Obj ob;
  int64_t start;                  /* first value */
  int64_t stop;                   /* bound, as given */
  int64_t step;                   /* never 0 */
  int64_t len;                    /* number of values */
} RangeObj;

typedef struct RangeIterObj {
  Obj ob;
  int64_t next;                   /* the value returned next */
  int64_t step;                   /* added after each value */
  int64_t remaining;              /* values left */
} RangeIterObj;

#define R(o) ((RangeObj *)(o))

/* Number of values of range(start, stop, step), or -1 if it exceeds 64
** bits. */
static int64_t range_length(int64_t start, int64_t stop, int64_t step) {
  __int128 lo = start, hi = stop, st = step, n = 0;
  if (st > 0 && lo < hi) n = (hi - lo - 1) / st + 1;
  else if (st < 0 && lo > hi) n = (lo - hi - 1) / (-st) + 1;
  if (n > INT64_MAX) return -1;
  return (int64_t)n;
}

static Obj *range_make(VM *vm, int64_t start, int64_t stop, int64_t step) {
  int64_t len = range_length(start, stop, step);
  if (len < 0)
    return vm_raise(vm, &Exc_NotImplementedError,
                    "range() with more than 2**63-1 items is not supported");
  RangeObj *r = (RangeObj *)obj_alloc(vm, &Range_Type, sizeof(RangeObj));
  if (!r) return NULL;
  r->start = start;
  r->stop = stop;
  r->step = step;
  r->len = len;
  return OBJ(r);
}

Obj *range_new(VM *vm, int64_t start, int64_t stop, int64_t step) {
  if (step == 0) return vm_raise(vm, &Exc_ValueError, "range() arg 3 must not be zero");
  return range_make(vm, start, stop, step);
}

/* One constructor argument as int64. */
static int range_arg(VM *vm, Obj *a, int64_t *out) {
  Obj *iv;
  if (int_check(a)) {
    iv = incref(a);
  } else if (a->type->index) {
    iv = obj_index(vm, a);
    if (!iv) return -1;
  } else {
    vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
             obj_type_name(a));
    return -1;
  }
  bool fits = int_fits_i64(iv);
  if (fits) *out = int_as_i64_unchecked(iv);
  decref(vm, iv);
  if (!fits) {
    vm_raise(vm, &Exc_NotImplementedError,
             "range() arguments beyond 64-bit integers are not supported");
    return -1;
  }
  return 0;
}

static Obj *range_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  int64_t start = 0, stop, step = 1;
  if (cont_nokw(vm, "range", kwnames) < 0) return NULL;
  if (nargs == 0)
    return vm_raise(vm, &Exc_TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3)
    return vm_raise(vm, &Exc_TypeError, "range expected at most 3 arguments, got %zu", nargs);
  if (nargs == 1) {
    if (range_arg(vm, args[0], &stop) < 0) return NULL;
  } else {
    if (range_arg(vm, args[0], &start) < 0) return NULL;
    if (range_arg(vm, args[1], &stop) < 0) return NULL;
    if (nargs == 3 && range_arg(vm, args[2], &step) < 0) return NULL;
  }
  return range_new(vm, start, stop, step);
}

static void range_dealloc(VM *vm, Obj *o) { obj_free(vm, o, sizeof(RangeObj)); }

static size_t range_sizeof(Obj *o) { return sizeof(RangeObj); }

static ssize range_len(VM *vm, Obj *o) { return (ssize)R(o)->len; }

static int range_bool(VM *vm, Obj *o) { return R(o)->len != 0; }

/* The value at index I (0 <= I < len). */
static inline int64_t range_item(RangeObj *r, int64_t i) {
  return (int64_t)((__int128)r->start + (__int128)i * r->step);
}

/* Position of V in R, or -1. */
static int64_t range_find(RangeObj *r, int64_t v) {
  __int128 d = (__int128)v - r->start;
  if (r->len == 0) return -1;
  if (r->step > 0 ? (v < r->start || v >= r->stop) : (v > r->start || v <= r->stop))
    return -1;
  if (d % r->step != 0) return -1;
  return (int64_t)(d / r->step);
}

static bool is_exact_int(Obj *o) { return o->type == &Int_Type || o->type == &Bool_Type; }

static int range_contains(VM *vm, Obj *o, Obj *x) {
  if (is_exact_int(x)) {
    if (!int_fits_i64(x)) return 0;
    return range_find(R(o), int_as_i64_unchecked(x)) >= 0;
  }
  /* Anything else: compare with every value. */
  for (int64_t i = 0; i < R(o)->len; i++) {
    Obj *v = int_from_i64(vm, range_item(R(o), i));
    if (!v) return -1;
    int r = obj_richcmp_bool(vm, v, x, CMP_EQ);
    decref(vm, v);
    if (r) return r;
  }
  return 0;
}

static Obj *range_subscript(VM *vm, Obj *o, Obj *key) {
  RangeObj *r = R(o);
  if (obj_is(key, &Slice_Type)) {
    ssize start, stop, step;
    if (slice_indices(vm, key, (ssize)r->len, &start, &stop, &step) < 0) return NULL;
    __int128 nstep = (__int128)r->step * step;
    __int128 nstart = (__int128)r->start + (__int128)start * r->step;
    __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
    if (nstep > INT64_MAX || nstep < INT64_MIN || nstart > INT64_MAX ||
        nstart < INT64_MIN || nstop > INT64_MAX || nstop < INT64_MIN)
      return vm_raise(vm, &Exc_NotImplementedError,
                      "range slice beyond 64-bit integers is not supported");
    return range_make(vm, (int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
  }
  Obj *iv;
  if (int_check(key)) {
    iv = incref(key);
  } else if (key->type->index) {
    if (!(iv = obj_index(vm, key))) return NULL;
  } else {
    return vm_raise(vm, &Exc_TypeError, "range indices must be integers or slices, not %s",
                    obj_type_name(key));
  }
  bool fits = int_fits_i64(iv);
  int64_t i = fits ? int_as_i64_unchecked(iv) : 0;
  decref(vm, iv);
  if (fits && i < 0) i += r->len;
  if (!fits || i < 0 || i >= r->len)
    return vm_raise(vm, &Exc_IndexError, "range object index out of range");
  return int_from_i64(vm, range_item(r, i));
}

static Obj *range_repr(VM *vm, Obj *o) {
  RangeObj *r = R(o);
  if (r->step == 1)
    return str_fromf(vm, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
  return str_fromf(vm, "range(%lld, %lld, %lld)", (long long)r->start,
                   (long long)r->stop, (long long)r->step);
}

static Obj *range_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!obj_is(a, &Range_Type) || !obj_is(b, &Range_Type) ||
      (op != CMP_EQ && op != CMP_NE))
    return incref(NotImplemented);
  RangeObj *x = R(a), *y = R(b);
  bool eq;
  if (x == y) eq = true;
  else if (x->len != y->len) eq = false;
  else if (x->len == 0) eq = true;
  else if (x->start != y->start) eq = false;
  else eq = x->len == 1 || x->step == y->step;
  return bool_new(op == CMP_EQ ? eq : !eq);
}

/* hash((len, start, step)), with start and step None when they do not
** matter (len 0; step when len 1), as CPython. */
static hash_t range_hash(VM *vm, Obj *o) {
  RangeObj *r = R(o);
  Obj *len = int_from_i64(vm, r->len);
  if (!len) return -1;
  Obj *start = None, *step = None, *t;
  if (r->len != 0) {
    start = int_from_i64(vm, r->start);
    if (!start) { decref(vm, len); return -1; }
    if (r->len != 1) {
      step = int_from_i64(vm, r->step);
      if (!step) { decref(vm, len); decref(vm, start); return -1; }
    } else {
      incref(step);
    }
  } else {
    incref(start);
    incref(step);
  }
  t = tuple_new(vm, 3);
  if (!t) { decref(vm, len); decref(vm, start); decref(vm, step); return -1; }
  TUPLE_ITEMS(t)[0] = len;
  TUPLE_ITEMS(t)[1] = start;
  TUPLE_ITEMS(t)[2] = step;
  hash_t h = obj_hash(vm, t);
  decref(vm, t);
  return h;
}

/* ------------------------------------------------------------------ */
/* Iterator                                                           */
/* ------------------------------------------------------------------ */

static Obj *rangeiter_make(VM *vm, int64_t next, int64_t step, int64_t n) {
  RangeIterObj *it = (RangeIterObj *)obj_alloc(vm, &RangeIter_Type, sizeof(RangeIterObj));
  if (!it) return NULL;
  it->next = next;
  it->step = step;
  it->remaining = n;
  return OBJ(it);
}

static Obj *range_iter(VM *vm, Obj *o) {
  return rangeiter_make(vm, R(o)->start, R(o)->step, R(o)->len);
}

static Obj *rangeiter_next(VM *vm, Obj *o) {
  RangeIterObj *it = (RangeIterObj *)o;
  if (it->remaining <= 0) return NULL;
  int64_t v = it->next;
  it->remaining--;
  /* Wraps harmlessly past the last value. */
  it->next = (int64_t)((uint64_t)v + (uint64_t)it->step);
  return int_from_i64(vm, v);
}

static void rangeiter_dealloc(VM *vm, Obj *o) { obj_free(vm, o, sizeof(RangeIterObj)); }

static size_t rangeiter_sizeof(Obj *o) { return sizeof(RangeIterObj); }

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

#define METHOD(name) \
  static Obj *name(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames)

METHOD(rangeiter_m_length_hint) {
  if (cont_noargs(vm, "range_iterator.__length_hint__", nargs, kwnames) < 0) return NULL;
  return int_from_i64(vm, ((RangeIterObj *)self)->remaining);
}

static const MethodDef rangeiter_methods[] = {
  {"__length_hint__", rangeiter_m_length_hint, 0},
  {NULL, NULL, 0}
};

TypeObj RangeIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "range_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(RangeIterObj),
  .dealloc = rangeiter_dealloc,
  .sizeof_ = rangeiter_sizeof,
  .iter = iter_self,
  .iternext = rangeiter_next,
  .methods = rangeiter_methods,
};

/* ------------------------------------------------------------------ */
/* Methods and attributes                                             */
/* ------------------------------------------------------------------ */

METHOD(range_m_reversed) {
  RangeObj *r = R(self);
  if (cont_noargs(vm, "range.__reversed__", nargs, kwnames) < 0) return NULL;
  if (r->len == 0) return rangeiter_make(vm, 0, 1, 0);
  if (r->step == INT64_MIN)
    return vm_raise(vm, &Exc_NotImplementedError,
                    "reversed() of a range with step -2**63 is not supported");
  return rangeiter_make(vm, range_item(r, r->len - 1), -r->step, r->len);
}

METHOD(range_m_count) {
  if (cont_onearg(vm, "range.count", nargs, kwnames) < 0) return NULL;
  Obj *x = args[0];
  if (is_exact_int(x)) {
    int c = int_fits_i64(x) && range_find(R(self), int_as_i64_unchecked(x)) >= 0;
    return int_from_i64(vm, c);
  }
  int64_t c = 0;
  for (int64_t i = 0; i < R(self)->len; i++) {
    Obj *v = int_from_i64(vm, range_item(R(self), i));
    if (!v) return NULL;
    int r = obj_richcmp_bool(vm, v, x, CMP_EQ);
    decref(vm, v);
    if (r < 0) return NULL;
    c += r;
  }
  return int_from_i64(vm, c);
}

METHOD(range_m_index) {
  if (cont_onearg(vm, "range.index", nargs, kwnames) < 0) return NULL;
  Obj *x = args[0];
  if (is_exact_int(x)) {
    int64_t i = int_fits_i64(x) ? range_find(R(self), int_as_i64_unchecked(x)) : -1;
    if (i < 0) return vm_raise(vm, &Exc_ValueError, "%R is not in range", x);
    return int_from_i64(vm, i);
  }
  for (int64_t i = 0; i < R(self)->len; i++) {
    Obj *v = int_from_i64(vm, range_item(R(self), i));
    if (!v) return NULL;
    int r = obj_richcmp_bool(vm, v, x, CMP_EQ);
    decref(vm, v);
    if (r < 0) return NULL;
    if (r) return int_from_i64(vm, i);
  }
  return vm_raise(vm, &Exc_ValueError, "sequence.index(x): x not in sequence");
}

METHOD(range_m_getitem) {
  if (cont_onearg(vm, "range.__getitem__", nargs, kwnames) < 0) return NULL;
  return range_subscript(vm, self, args[0]);
}

static Obj *range_get_start(VM *vm, Obj *o) { return int_from_i64(vm, R(o)->start); }
static Obj *range_get_stop(VM *vm, Obj *o) { return int_from_i64(vm, R(o)->stop); }
static Obj *range_get_step(VM *vm, Obj *o) { return int_from_i64(vm, R(o)->step); }

static const MethodDef range_methods[] = {
  {"__reversed__", range_m_reversed, 0},
  {"count", range_m_count, 0},
  {"index", range_m_index, 0},
  {"__getitem__", range_m_getitem, 0},
  {NULL, NULL, 0}
};

static const GetSetDef range_getset[] = {
  {"start", range_get_start, NULL},
  {"stop", range_get_stop, NULL},
  {"step", range_get_step, NULL},
  {NULL, NULL, NULL}
};

TypeObj Range_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "range",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(RangeObj),
  .dealloc = range_dealloc,
  .sizeof_ = range_sizeof,
  .new_ = range_ctor,
  .init = cont_init_accept,
  .repr = range_repr,
  .hash = range_hash,
  .richcmp = range_richcmp,
  .iter = range_iter,
  .len = range_len,
  .getitem = range_subscript,
  .contains = range_contains,
  .bool_ = range_bool,
  .methods = range_methods,
  .getset = range_getset,
  .doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
         "Return an object that produces a sequence of integers from start (inclusive)\n"
         "to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.\n"
         "start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.\n"
         "These are exactly the valid indices for a list of 4 elements.\n"
         "When step is given, it specifies the increment (or decrement).",
};
