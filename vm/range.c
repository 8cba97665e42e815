/*
** range.c -- range objects and their iterator.
**
** A range holds start, stop, step and its length as 64-bit integers (tag
** OTHER; it refers to no objects but ints, so it is not a GC object).
** Every operation is CPython's: length, indexing, slicing (which gives a
** new range, as CPython's compute_slice), `in` and index/count in O(1) for
** ints, ==, hash of (len, start, step) with CPython's normalisation, repr.
** Intermediate arithmetic is done in 128 bits.
**
** A "big" range -- one whose start, stop, step or length does not fit 64
** bits -- keeps them instead as int objects in the tuple BIG (start, stop,
** step, len), and its operations go through int arithmetic (the big_*
** functions below), like CPython's range object, which always does.
** len() of a range longer than 2**63-1 raises OverflowError, as CPython.
**
** The iterator (range_iterator, tag ITERATOR) counts down a remaining
** length, so it never overflows; reversed(range) is the same iterator
** started at the last item with the step negated.  Big ranges iterate with
** longrange_iterator, which holds int objects.
*/
#include "vm.h"
#include "containers.h"

typedef struct RangeObj {
  Obj ob;
  int64_t start;                  /* first value */
  int64_t stop;                   /* bound, as given */
  int64_t step;                   /* never 0 */
  int64_t len;                    /* number of values */
  Obj *big;                       /* NULL, or (start, stop, step, len) as ints
                                     when one of them exceeds 64 bits (owned) */
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

/* One constructor argument as an int (new reference). */
static Obj *range_arg(VM *vm, Obj *a) {
  if (int_check(a)) return incref(a);
  if (a->type->index) return obj_index(vm, a);
  return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                  obj_type_name(a));
}

/* ---- big ranges: int-object arithmetic ---------------------------- */

#define BIG_START(r) TUPLE_GET((r)->big, 0)
#define BIG_STOP(r) TUPLE_GET((r)->big, 1)
#define BIG_STEP(r) TUPLE_GET((r)->big, 2)
#define BIG_LEN(r) TUPLE_GET((r)->big, 3)

static Obj *small_int_obj(VM *vm, int64_t v) { return int_from_i64(vm, v); }

/* A op b for ints; steals nothing. */
static inline Obj *iop(VM *vm, Obj *a, Obj *b, BinOp op) { return obj_binop(vm, a, b, op); }

/* Start, stop, step and length of R as new int references. */
static int range_fields(VM *vm, RangeObj *r, Obj *out[4]) {
  if (r->big) {
    for (int i = 0; i < 4; i++) out[i] = incref(TUPLE_GET(r->big, i));
    return 0;
  }
  int64_t v[4] = {r->start, r->stop, r->step, r->len};
  for (int i = 0; i < 4; i++)
    if (!(out[i] = small_int_obj(vm, v[i]))) {
      while (i--) decref(vm, out[i]);
      return -1;
    }
  return 0;
}

/* CPython's compute_range_length on ints. */
static Obj *big_length(VM *vm, Obj *start, Obj *stop, Obj *step) {
  Obj *lo, *hi, *st;
  if (int_sign(step) > 0) {
    lo = start; hi = stop; st = incref(step);
  } else {
    lo = stop; hi = start;
    if (!(st = obj_neg(vm, step))) return NULL;
  }
  int ge = obj_richcmp_bool(vm, lo, hi, CMP_GE);
  if (ge != 0) {
    decref(vm, st);
    return ge < 0 ? NULL : int_from_i64(vm, 0);
  }
  Obj *one = int_from_i64(vm, 1), *d = NULL, *d1 = NULL, *q = NULL, *n = NULL;
  if (one && (d = iop(vm, hi, lo, BINOP_SUB)) && (d1 = iop(vm, d, one, BINOP_SUB)) &&
      (q = iop(vm, d1, st, BINOP_FLOORDIV)))
    n = iop(vm, q, one, BINOP_ADD);
  xdecref(vm, one); xdecref(vm, d); xdecref(vm, d1); xdecref(vm, q);
  decref(vm, st);
  return n;
}

/* A range from int objects (borrowed): a small one when everything fits. */
static Obj *range_from_ints(VM *vm, Obj *start, Obj *stop, Obj *step) {
  if (int_sign(step) == 0) return vm_raise(vm, &Exc_ValueError, "range() arg 3 must not be zero");
  if (int_fits_i64(start) && int_fits_i64(stop) && int_fits_i64(step)) {
    int64_t a = int_as_i64_unchecked(start), b = int_as_i64_unchecked(stop),
            c = int_as_i64_unchecked(step);
    if (range_length(a, b, c) >= 0) return range_make(vm, a, b, c);
  }
  Obj *len = big_length(vm, start, stop, step);
  if (!len) return NULL;
  Obj *big = tuple_pack(vm, 4, start, stop, step, len);
  decref(vm, len);
  if (!big) return NULL;
  RangeObj *r = (RangeObj *)obj_alloc(vm, &Range_Type, sizeof(RangeObj));
  if (!r) {
    decref(vm, big);
    return NULL;
  }
  r->big = big;
  return OBJ(r);
}

/* START + I * STEP of R, I an int object. */
static Obj *big_item(VM *vm, RangeObj *r, Obj *i) {
  Obj *f[4];
  if (range_fields(vm, r, f) < 0) return NULL;
  Obj *m = iop(vm, i, f[2], BINOP_MUL), *v = m ? iop(vm, f[0], m, BINOP_ADD) : NULL;
  xdecref(vm, m);
  for (int k = 0; k < 4; k++) decref(vm, f[k]);
  return v;
}

/* Position of the int X in R (new int), or None when absent. */
static Obj *big_find(VM *vm, RangeObj *r, Obj *x) {
  Obj *f[4];
  if (range_fields(vm, r, f) < 0) return NULL;
  Obj *res = NULL;
  int in;
  if (int_sign(f[2]) > 0) {
    in = obj_richcmp_bool(vm, f[0], x, CMP_LE);
    if (in > 0) in = obj_richcmp_bool(vm, x, f[1], CMP_LT);
  } else {
    in = obj_richcmp_bool(vm, x, f[0], CMP_LE);
    if (in > 0) in = obj_richcmp_bool(vm, f[1], x, CMP_LT);
  }
  if (in < 0) goto out;
  if (!in) {
    res = none_new();
    goto out;
  }
  Obj *d = iop(vm, x, f[0], BINOP_SUB);
  Obj *m = d ? iop(vm, d, f[2], BINOP_MOD) : NULL;
  if (m && int_sign(m) == 0) res = iop(vm, d, f[2], BINOP_FLOORDIV);
  else if (m) res = none_new();
  xdecref(vm, d);
  xdecref(vm, m);
out:
  for (int k = 0; k < 4; k++) decref(vm, f[k]);
  return res;
}

/* One slice bound, CPython's _PySlice_GetLongIndices rules. */
static Obj *slice_bound(VM *vm, Obj *v, Obj *len, Obj *lower, Obj *upper, Obj *dflt) {
  if (v == None) return incref(dflt);
  Obj *i = obj_index(vm, v);
  if (!i) return NULL;
  if (int_sign(i) < 0) {
    Obj *j = iop(vm, i, len, BINOP_ADD);
    decref(vm, i);
    if (!(i = j)) return NULL;
    int lt = obj_richcmp_bool(vm, i, lower, CMP_LT);
    if (lt) {
      decref(vm, i);
      return lt < 0 ? NULL : incref(lower);
    }
    return i;
  }
  int gt = obj_richcmp_bool(vm, i, upper, CMP_GT);
  if (gt) {
    decref(vm, i);
    return gt < 0 ? NULL : incref(upper);
  }
  return i;
}

/* R[SLICE] for any range, with int objects. */
static Obj *big_slice(VM *vm, RangeObj *r, Obj *key) {
  SliceObj *sl = (SliceObj *)key;
  Obj *f[4], *step = NULL, *lower = NULL, *upper = NULL, *a = NULL, *b = NULL, *res = NULL;
  Obj *ns = NULL, *nb = NULL, *ne = NULL, *m1 = NULL, *m2 = NULL;
  if (range_fields(vm, r, f) < 0) return NULL;
  if (sl->step == None) step = int_from_i64(vm, 1);
  else if ((step = obj_index(vm, sl->step)) && int_sign(step) == 0) {
    vm_raise(vm, &Exc_ValueError, "slice step cannot be zero");
    goto out;
  }
  if (!step) goto out;
  if (int_sign(step) < 0) {
    lower = int_from_i64(vm, -1);
    upper = lower ? iop(vm, f[3], lower, BINOP_ADD) : NULL;
  } else {
    lower = int_from_i64(vm, 0);
    upper = incref(f[3]);
  }
  if (!lower || !upper) goto out;
  bool neg = int_sign(step) < 0;
  if (!(a = slice_bound(vm, sl->start, f[3], lower, upper, neg ? upper : lower))) goto out;
  if (!(b = slice_bound(vm, sl->stop, f[3], lower, upper, neg ? lower : upper))) goto out;
  if (!(ns = iop(vm, f[2], step, BINOP_MUL))) goto out;
  if (!(m1 = iop(vm, a, f[2], BINOP_MUL)) || !(nb = iop(vm, f[0], m1, BINOP_ADD))) goto out;
  if (!(m2 = iop(vm, b, f[2], BINOP_MUL)) || !(ne = iop(vm, f[0], m2, BINOP_ADD))) goto out;
  res = range_from_ints(vm, nb, ne, ns);
out:
  for (int k = 0; k < 4; k++) decref(vm, f[k]);
  xdecref(vm, step); xdecref(vm, lower); xdecref(vm, upper); xdecref(vm, a); xdecref(vm, b);
  xdecref(vm, ns); xdecref(vm, nb); xdecref(vm, ne); xdecref(vm, m1); xdecref(vm, m2);
  return res;
}

static Obj *range_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  if (cont_nokw(vm, "range", kwnames) < 0) return NULL;
  if (nargs == 0)
    return vm_raise(vm, &Exc_TypeError, "range expected at least 1 argument, got 0");
  if (nargs > 3)
    return vm_raise(vm, &Exc_TypeError, "range expected at most 3 arguments, got %zu", nargs);
  Obj *v[3] = {NULL, NULL, NULL}, *r = NULL;
  if (nargs == 1) {
    v[0] = int_from_i64(vm, 0);
    v[1] = range_arg(vm, args[0]);
    v[2] = int_from_i64(vm, 1);
  } else {
    v[0] = range_arg(vm, args[0]);
    v[1] = v[0] ? range_arg(vm, args[1]) : NULL;
    v[2] = v[1] ? (nargs == 3 ? range_arg(vm, args[2]) : int_from_i64(vm, 1)) : NULL;
  }
  if (v[0] && v[1] && v[2]) r = range_from_ints(vm, v[0], v[1], v[2]);
  for (int i = 0; i < 3; i++) xdecref(vm, v[i]);
  return r;
}

static void range_dealloc(VM *vm, Obj *o) {
  xdecref(vm, R(o)->big);
  obj_free(vm, o, sizeof(RangeObj));
}

static size_t range_sizeof(Obj *o) { return sizeof(RangeObj); }

static ssize range_len(VM *vm, Obj *o) {
  if (!R(o)->big) return (ssize)R(o)->len;
  if (int_fits_i64(BIG_LEN(R(o)))) return (ssize)int_as_i64_unchecked(BIG_LEN(R(o)));
  vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C ssize_t");
  return -1;
}

static int range_bool(VM *vm, Obj *o) {
  return R(o)->big ? int_sign(BIG_LEN(R(o))) != 0 : R(o)->len != 0;
}

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
  if (R(o)->big || (is_exact_int(x) && !int_fits_i64(x))) {
    if (!is_exact_int(x)) {
      /* compare with every value, as CPython (rarely finishes) */
      Obj *it = obj_iter(vm, o);
      if (!it) return -1;
      for (;;) {
        Obj *v = obj_iternext(vm, it);
        if (!v) {
          decref(vm, it);
          return vm_exc_occurred(vm) ? -1 : 0;
        }
        int e = obj_richcmp_bool(vm, v, x, CMP_EQ);
        decref(vm, v);
        if (e) {
          decref(vm, it);
          return e;
        }
      }
    }
    Obj *i = big_find(vm, R(o), x);
    if (!i) return -1;
    int found = i != None;
    decref(vm, i);
    return found;
  }
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
  if (r->big) {
    if (obj_is(key, &Slice_Type)) return big_slice(vm, r, key);
    Obj *i;
    if (int_check(key)) i = incref(key);
    else if (key->type->index) { if (!(i = obj_index(vm, key))) return NULL; }
    else return vm_raise(vm, &Exc_TypeError, "range indices must be integers or slices, not %s",
                         obj_type_name(key));
    if (int_sign(i) < 0) {
      Obj *j = iop(vm, i, BIG_LEN(r), BINOP_ADD);
      decref(vm, i);
      if (!(i = j)) return NULL;
    }
    int bad = int_sign(i) < 0 ? 1 : obj_richcmp_bool(vm, i, BIG_LEN(r), CMP_GE);
    if (bad) {
      decref(vm, i);
      return bad < 0 ? NULL : vm_raise(vm, &Exc_IndexError, "range object index out of range");
    }
    Obj *v = big_item(vm, r, i);
    decref(vm, i);
    return v;
  }
  if (obj_is(key, &Slice_Type)) {
    ssize start, stop, step;
    if (slice_indices(vm, key, (ssize)r->len, &start, &stop, &step) < 0) return NULL;
    __int128 nstep = (__int128)r->step * step;
    __int128 nstart = (__int128)r->start + (__int128)start * r->step;
    __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
    if (nstep > INT64_MAX || nstep < INT64_MIN || nstart > INT64_MAX ||
        nstart < INT64_MIN || nstop > INT64_MAX || nstop < INT64_MIN)
      return big_slice(vm, r, key);
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
  if (r->big) {
    if (int_fits_i64(BIG_STEP(r)) && int_as_i64_unchecked(BIG_STEP(r)) == 1)
      return str_fromf(vm, "range(%R, %R)", BIG_START(r), BIG_STOP(r));
    return str_fromf(vm, "range(%R, %R, %R)", BIG_START(r), BIG_STOP(r), BIG_STEP(r));
  }
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
  if (x->big || y->big) {
    /* same length; then same start unless empty; then same step unless one item */
    Obj *f[4], *g[4];
    if (range_fields(vm, x, f) < 0) return NULL;
    if (range_fields(vm, y, g) < 0) {
      for (int k = 0; k < 4; k++) decref(vm, f[k]);
      return NULL;
    }
    int e = obj_richcmp_bool(vm, f[3], g[3], CMP_EQ);
    if (e > 0 && int_sign(f[3]) != 0) {
      e = obj_richcmp_bool(vm, f[0], g[0], CMP_EQ);
      if (e > 0 && !(int_fits_i64(f[3]) && int_as_i64_unchecked(f[3]) == 1))
        e = obj_richcmp_bool(vm, f[2], g[2], CMP_EQ);
    }
    for (int k = 0; k < 4; k++) {
      decref(vm, f[k]);
      decref(vm, g[k]);
    }
    if (e < 0) return NULL;
    return bool_new(op == CMP_EQ ? e : !e);
  }
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
  if (r->big) {
    Obj *len = BIG_LEN(r);
    bool empty = int_sign(len) == 0, one = int_fits_i64(len) && int_as_i64_unchecked(len) == 1;
    Obj *t = tuple_pack(vm, 3, len, empty ? None : BIG_START(r),
                        empty || one ? None : BIG_STEP(r));
    if (!t) return -1;
    hash_t h = obj_hash(vm, t);
    decref(vm, t);
    return h;
  }
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

/* The iterator of big ranges: int objects (CPython's longrange_iterator). */
typedef struct LongRangeIterObj {
  Obj ob;
  Obj *next;                      /* the value returned next (owned int) */
  Obj *step;                      /* added after each value (owned int) */
  Obj *remaining;                 /* values left (owned int) */
} LongRangeIterObj;

TypeObj LongRangeIter_Type;

static Obj *longrangeiter_make(VM *vm, Obj *next, Obj *step, Obj *n) {
  /* readied on first use (the containers' type list is not range.c's) */
  if (!LongRangeIter_Type.dict && type_ready(vm, &LongRangeIter_Type) < 0) return NULL;
  LongRangeIterObj *it =
    (LongRangeIterObj *)obj_alloc(vm, &LongRangeIter_Type, sizeof(LongRangeIterObj));
  if (!it) return NULL;
  it->next = incref(next);
  it->step = incref(step);
  it->remaining = incref(n);
  return OBJ(it);
}

static Obj *longrangeiter_next(VM *vm, Obj *o) {
  LongRangeIterObj *it = (LongRangeIterObj *)o;
  if (int_sign(it->remaining) <= 0) return NULL;
  Obj *one = int_from_i64(vm, 1);
  if (!one) return NULL;
  Obj *rem = iop(vm, it->remaining, one, BINOP_SUB);
  decref(vm, one);
  if (!rem) return NULL;
  Obj *nx = iop(vm, it->next, it->step, BINOP_ADD);
  if (!nx) {
    decref(vm, rem);
    return NULL;
  }
  Obj *v = it->next;
  it->next = nx;
  obj_setref(vm, &it->remaining, rem);
  return v;
}

static void longrangeiter_dealloc(VM *vm, Obj *o) {
  LongRangeIterObj *it = (LongRangeIterObj *)o;
  decref(vm, it->next);
  decref(vm, it->step);
  decref(vm, it->remaining);
  obj_free(vm, o, sizeof(LongRangeIterObj));
}

static Obj *range_iter(VM *vm, Obj *o) {
  RangeObj *r = R(o);
  if (r->big) return longrangeiter_make(vm, BIG_START(r), BIG_STEP(r), BIG_LEN(r));
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

METHOD(longrangeiter_m_length_hint) {
  if (cont_noargs(vm, "longrange_iterator.__length_hint__", nargs, kwnames) < 0) return NULL;
  return incref(((LongRangeIterObj *)self)->remaining);
}

static const MethodDef longrangeiter_methods[] = {
  {"__length_hint__", longrangeiter_m_length_hint, 0},
  {NULL, NULL, 0}
};

TypeObj LongRangeIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "longrange_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(LongRangeIterObj),
  .dealloc = longrangeiter_dealloc,
  .iter = iter_self,
  .iternext = longrangeiter_next,
  .methods = longrangeiter_methods,
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
  if (!r->big && r->len == 0) return rangeiter_make(vm, 0, 1, 0);
  if (r->big || r->step == INT64_MIN || (__int128)range_item(r, r->len - 1) - r->step > INT64_MAX ||
      (__int128)range_item(r, r->len - 1) - r->step < INT64_MIN) {
    /* last item, step negated, as ints */
    Obj *f[4];
    if (range_fields(vm, r, f) < 0) return NULL;
    Obj *one = int_from_i64(vm, 1), *lm = NULL, *last = NULL, *ns = NULL, *it = NULL;
    if (one && (lm = iop(vm, f[3], one, BINOP_SUB)) && (last = big_item(vm, r, lm)) &&
        (ns = obj_neg(vm, f[2])))
      it = longrangeiter_make(vm, last, ns, f[3]);
    xdecref(vm, one); xdecref(vm, lm); xdecref(vm, last); xdecref(vm, ns);
    for (int k = 0; k < 4; k++) decref(vm, f[k]);
    return it;
  }
  return rangeiter_make(vm, range_item(r, r->len - 1), -r->step, r->len);
}

METHOD(range_m_count) {
  if (cont_onearg(vm, "range.count", nargs, kwnames) < 0) return NULL;
  Obj *x = args[0];
  if (is_exact_int(x) || R(self)->big) {
    int c = range_contains(vm, self, x);
    return c < 0 ? NULL : int_from_i64(vm, c);
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
  if (R(self)->big || (is_exact_int(x) && !int_fits_i64(x))) {
    if (!is_exact_int(x)) {
      /* compare with every value */
      Obj *it = obj_iter(vm, self);
      if (!it) return NULL;
      for (int64_t i = 0;; i++) {
        Obj *v = obj_iternext(vm, it);
        if (!v) {
          decref(vm, it);
          return vm_exc_occurred(vm)
                   ? NULL
                   : vm_raise(vm, &Exc_ValueError, "sequence.index(x): x not in sequence");
        }
        int e = obj_richcmp_bool(vm, v, x, CMP_EQ);
        decref(vm, v);
        if (e) {
          decref(vm, it);
          return e < 0 ? NULL : int_from_i64(vm, i);
        }
      }
    }
    Obj *i = big_find(vm, R(self), x);
    if (i == None) {
      decref(vm, i);
      return vm_raise(vm, &Exc_ValueError, "%R is not in range", x);
    }
    return i;
  }
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

static Obj *range_get_start(VM *vm, Obj *o) {
  return R(o)->big ? incref(BIG_START(R(o))) : int_from_i64(vm, R(o)->start);
}
static Obj *range_get_stop(VM *vm, Obj *o) {
  return R(o)->big ? incref(BIG_STOP(R(o))) : int_from_i64(vm, R(o)->stop);
}
static Obj *range_get_step(VM *vm, Obj *o) {
  return R(o)->big ? incref(BIG_STEP(R(o))) : int_from_i64(vm, R(o)->step);
}

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
