/*
** numpy.c -- a small subset of numpy, enough for the preallocation
** examples: zeros/ones/empty/arange/array, random.random/rand/seed, copy,
** elementwise arithmetic and comparisons with broadcasting, indexing of rows
** and elements, reductions, and numpy 1.24's repr/str layout.
**
** Memory.  An array that owns its data is ONE arena block with tag ARRAY:
** the ArrayObj header (rounded up to 16 bytes) followed by the elements, so a
** 1000x1000 float64 array is one 8,000,096-byte allocation and the profile
** sees exactly the buffers numpy would allocate.  A view (a row a[i], a
** slice a[i:j], a.reshape(...)) is a header-only ARRAY block whose data
** points into its base's block and which holds a reference to that base;
** views of views point at the owner, as numpy's do.  Arrays reference no
** other Python objects, so they are not GC objects.
**
** Layout.  Every array, view or not, is C-contiguous: views are only made
** where numpy's result would be contiguous too (integer indices then at
** most one step-1 slice).  Other indexing raises NotImplementedError rather
** than returning a copy whose memory would differ from numpy's.
**
** dtypes: float64, int64 and bool.  Elements come out as Python float, int
** and bool; numpy 1.24 prints its float64/int64 scalars exactly as Python
** prints floats and ints, so output matches, but np.float64 here IS float
** (and np.int64 is int, np.bool_ is bool).
**
** Arithmetic follows numpy's rules for these dtypes: int64 wraps, integer
** division or remainder by zero gives 0, float division by zero gives
** inf/nan (numpy's RuntimeWarnings are not printed), Python scalars take the
** array's kind when they fit it (value-based casting of numpy 1.24).
** float64 sums use numpy's pairwise summation over blocks of 8192 elements
** (its buffered reduction), so results agree to the last bit.
**
** numpy.random uses MT19937 with numpy's legacy seeding and random_sample
** (53-bit doubles from two 32-bit draws), so seeded sequences equal
** numpy's.  Unseeded, it is seeded from the OS as numpy's is.  The state is
** process-wide, as numpy's global RandomState is.
*/
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <unistd.h>

#include "containers.h"
#include "int.h"
#include "modules.h"
#include "str.h"
#include "vm.h"

#define ND_MAXDIM 8               /* numpy allows 32; the subset stops at 8 */

enum { DT_BOOL, DT_INT64, DT_FLOAT64 };   /* ordered by kind */

typedef struct ArrayObj {
  Obj ob;
  Obj *base;                      /* the owning array for a view, else NULL (owned) */
  char *data;                     /* the elements, C order (in this block or base's) */
  size_t alloc;                   /* bytes of this object's arena block */
  ssize size;                     /* number of elements */
  int ndim;                       /* 0..ND_MAXDIM */
  int dtype;                      /* DT_* */
  ssize shape[ND_MAXDIM];         /* extent of each axis */
} ArrayObj;

#define ARR(o) ((ArrayObj *)(o))
#define ARR_HDR ((sizeof(ArrayObj) + 15) & ~(size_t)15)

static const size_t dt_itemsize[3] = {1, 8, 8};
static const char *const dt_name[3] = {"bool", "int64", "float64"};

static bool is_array(Obj *o) { return obj_is(o, &NDArray_Type); }

static Obj *not_supported(VM *vm, const char *what) {
  return vm_raise(vm, &Exc_NotImplementedError,
                  "heaptrail's numpy subset does not support %s", what);
}

/* ------------------------------------------------------------------ */
/* dtype objects                                                      */
/* ------------------------------------------------------------------ */

typedef struct DTypeObj {
  Obj ob;
  int dtype;                      /* DT_* */
} DTypeObj;

static DTypeObj dtype_objs[3] = {
  {OBJ_STATIC_INIT(&DType_Type), DT_BOOL},
  {OBJ_STATIC_INIT(&DType_Type), DT_INT64},
  {OBJ_STATIC_INIT(&DType_Type), DT_FLOAT64},
};

/* Parse a dtype= argument: None (DEFLT), a dtype, float/int/bool (which
** are also np.float64/np.int64/np.bool_) or a name.  Returns DT_* or -1. */
static int parse_dtype(VM *vm, Obj *o, int deflt) {
  static const struct {
    const char *name;
    int dt;
  } names[] = {
    {"float64", DT_FLOAT64}, {"float", DT_FLOAT64}, {"f8", DT_FLOAT64},
    {"d", DT_FLOAT64}, {"double", DT_FLOAT64}, {"int64", DT_INT64},
    {"int", DT_INT64}, {"i8", DT_INT64}, {"l", DT_INT64}, {"int_", DT_INT64},
    {"bool", DT_BOOL}, {"?", DT_BOOL}, {"bool_", DT_BOOL},
  };
  if (!o || o == None) return deflt;
  if (obj_is(o, &DType_Type)) return ((DTypeObj *)o)->dtype;
  if (o == OBJ(&Float_Type)) return DT_FLOAT64;
  if (o == OBJ(&Int_Type)) return DT_INT64;
  if (o == OBJ(&Bool_Type)) return DT_BOOL;
  if (str_check(o)) {
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
      if (str_eq_cstr(o, names[i].name)) return names[i].dt;
    vm_raise(vm, &Exc_TypeError, "data type '%s' not understood", STR_UTF8(o));
    return -1;
  }
  Obj *r = obj_repr(vm, o);
  if (r) {
    vm_raise(vm, &Exc_TypeError, "Cannot interpret '%s' as a data type",
             STR_UTF8(r));
    decref(vm, r);
  }
  return -1;
}

static Obj *dtype_repr(VM *vm, Obj *o) {
  return str_fromf(vm, "dtype('%s')", dt_name[((DTypeObj *)o)->dtype]);
}

static Obj *dtype_str(VM *vm, Obj *o) {
  return str_from_cstr(vm, dt_name[((DTypeObj *)o)->dtype]);
}

static hash_t dtype_hash(VM *vm, Obj *o) {
  return str_hash(vm, str_intern_cstr(vm, dt_name[((DTypeObj *)o)->dtype]));
}

/* dtype == other: other is anything parse_dtype understands. */
static Obj *dtype_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  int other;
  if (op != CMP_EQ && op != CMP_NE) return incref(NotImplemented);
  other = parse_dtype(vm, b, -2);
  if (other == -1) {
    vm_exc_clear(vm);
    return incref(NotImplemented);
  }
  bool eq = other == ((DTypeObj *)a)->dtype;
  return bool_new(op == CMP_EQ ? eq : !eq);
}

static Obj *dtype_get_name(VM *vm, Obj *o) { return dtype_str(vm, o); }
static Obj *dtype_get_itemsize(VM *vm, Obj *o) {
  return int_from_i64(vm, (int64_t)dt_itemsize[((DTypeObj *)o)->dtype]);
}

static const GetSetDef dtype_getset[] = {
  {"name", dtype_get_name, NULL},
  {"itemsize", dtype_get_itemsize, NULL},
  {NULL, NULL, NULL},
};

TypeObj DType_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "numpy.dtype",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(DTypeObj),
  .repr = dtype_repr,
  .str = dtype_str,
  .hash = dtype_hash,
  .richcmp = dtype_richcmp,
  .getset = dtype_getset,
};

/* ------------------------------------------------------------------ */
/* Allocation                                                         */
/* ------------------------------------------------------------------ */

/* "(2, 3)" / "(5,)" as Python prints the shape tuple. */
static void shape_str(char *buf, size_t n, int ndim, const ssize *shape,
                      bool compact) {
  size_t k = 0;
  k += (size_t)snprintf(buf + k, n - k, "(");
  for (int i = 0; i < ndim && k < n; i++)
    k += (size_t)snprintf(buf + k, n - k, "%s%ld", i ? (compact ? "," : ", ") : "",
                          (long)shape[i]);
  if (k < n) snprintf(buf + k, n - k, ndim == 1 ? ",)" : ")");
}

/* numpy's _size_to_string for MemoryError messages. */
static void size_to_string(char *buf, size_t n, double bytes) {
  static const char *const units[] = {"bytes", "KiB", "MiB", "GiB", "TiB",
                                      "PiB", "EiB"};
  uint64_t b = (uint64_t)bytes;
  int bits = b ? 64 - __builtin_clzll(b) : 0;
  int unit = (bits - 1 > 1 ? bits - 1 : 1) / 10;
  double v = bytes / ldexp(1.0, unit * 10);
  if (nearbyint(v) == 1024) {
    unit++;
    v /= 1024;
  }
  if (unit > 6) {
    v *= ldexp(1.0, (unit - 6) * 10);
    unit = 6;
  }
  if (unit == 0) snprintf(buf, n, "%.0f %s", v, units[unit]);
  else if (nearbyint(v) < 1000) snprintf(buf, n, "%#.3g %s", v, units[unit]);
  else snprintf(buf, n, "%#.0f %s", v, units[unit]);
}

/* A new array owning uninitialised (zeroed) data of DTYPE and SHAPE. */
static ArrayObj *arr_new(VM *vm, int dtype, int ndim, const ssize *shape) {
  ssize size = 1;
  size_t nbytes;
  ArrayObj *a;
  for (int i = 0; i < ndim; i++) {
    if (shape[i] < 0) {
      vm_raise(vm, &Exc_ValueError, "negative dimensions are not allowed");
      return NULL;
    }
    if (__builtin_mul_overflow(size, shape[i], &size) || size > (ssize)(PTRDIFF_MAX / 16)) {
      vm_raise(vm, &Exc_ValueError,
               "array is too big; `arr.size * arr.dtype.itemsize` is larger than "
               "the maximum possible size.");
      return NULL;
    }
  }
  nbytes = (size_t)size * dt_itemsize[dtype];
  a = (ArrayObj *)obj_alloc(vm, &NDArray_Type, ARR_HDR + nbytes);
  if (!a) {
    char sz[48], sh[200];
    if (!vm_exc_matches(vm, &Exc_MemoryError)) return NULL;
    vm_exc_clear(vm);
    size_to_string(sz, sizeof sz, (double)nbytes);
    shape_str(sh, sizeof sh, ndim, shape, false);
    vm_raise(vm, &Exc_MemoryError,
             "Unable to allocate %s for an array with shape %s and data type %s",
             sz, sh, dt_name[dtype]);
    return NULL;
  }
  a->base = NULL;
  a->data = (char *)a + ARR_HDR;
  a->alloc = ARR_HDR + nbytes;
  a->size = size;
  a->ndim = ndim;
  a->dtype = dtype;
  for (int i = 0; i < ndim; i++) a->shape[i] = shape[i];
  return a;
}

/* A view of SRC's elements from DATA on, with SHAPE (size already known to
** fit inside SRC). */
static ArrayObj *arr_view(VM *vm, ArrayObj *src, char *data, int ndim,
                          const ssize *shape) {
  ArrayObj *v = (ArrayObj *)obj_alloc(vm, &NDArray_Type, ARR_HDR);
  if (!v) return NULL;
  v->base = incref(src->base ? src->base : OBJ(src));
  v->data = data;
  v->alloc = ARR_HDR;
  v->ndim = ndim;
  v->dtype = src->dtype;
  v->size = 1;
  for (int i = 0; i < ndim; i++) {
    v->shape[i] = shape[i];
    v->size *= shape[i];
  }
  return v;
}

static void arr_dealloc(VM *vm, Obj *o) {
  Obj *base = ARR(o)->base;
  obj_free(vm, o, ARR(o)->alloc);
  xdecref(vm, base);
}

static size_t arr_sizeof(Obj *o) { return ARR(o)->alloc; }

static int arr_traverse(Obj *o, visitproc visit, void *arg) {
  if (ARR(o)->base) return visit(ARR(o)->base, EDGE_OTHER, 0, NULL, arg);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Elements                                                           */
/* ------------------------------------------------------------------ */

static inline double elem_d(const ArrayObj *a, ssize i) {
  switch (a->dtype) {
  case DT_FLOAT64: return ((const double *)a->data)[i];
  case DT_INT64: return (double)((const int64_t *)a->data)[i];
  default: return ((const uint8_t *)a->data)[i];
  }
}

/* A double cast to int64 as numpy does on x86-64: truncation, and
** INT64_MIN for NaN and values out of range (where C leaves it undefined). */
static inline int64_t d2i(double v) {
  return v >= -9223372036854775808.0 && v < 9223372036854775808.0 ? (int64_t)v : INT64_MIN;
}

static inline int64_t elem_i(const ArrayObj *a, ssize i) {
  switch (a->dtype) {
  case DT_FLOAT64: return d2i(((const double *)a->data)[i]);
  case DT_INT64: return ((const int64_t *)a->data)[i];
  default: return ((const uint8_t *)a->data)[i];
  }
}

/* Element I as a Python scalar. */
static Obj *elem_obj(VM *vm, const ArrayObj *a, ssize i) {
  switch (a->dtype) {
  case DT_FLOAT64: return float_new(vm, ((const double *)a->data)[i]);
  case DT_INT64: return int_from_i64(vm, ((const int64_t *)a->data)[i]);
  default: return bool_new(((const uint8_t *)a->data)[i] != 0);
  }
}

/* A numeric Python scalar: its kind (DT_*) and value.  Returns 0, or 1 if O
** is not a number (no exception), or -1 on error (an int too large for
** int64 that must be one). */
typedef struct Scalar {
  int kind;                       /* DT_BOOL, DT_INT64 or DT_FLOAT64 */
  bool big;                       /* an int outside int64 (value in d only) */
  int64_t i;                      /* value for bool/int */
  double d;                       /* value as a double */
} Scalar;

static int scalar_of(VM *vm, Obj *o, Scalar *s) {
  s->big = false;
  if (obj_is(o, &Bool_Type)) {
    s->kind = DT_BOOL;
    s->i = o == True_;
    s->d = (double)s->i;
    return 0;
  }
  if (int_check(o)) {
    s->kind = DT_INT64;
    if (int_fits_i64(o)) {
      s->i = int_as_i64_unchecked(o);
      s->d = (double)s->i;
    } else {
      s->big = true;
      s->i = 0;
      s->d = int_as_double(vm, o);
      if (s->d == -1.0 && vm_exc_occurred(vm)) return -1;
    }
    return 0;
  }
  if (obj_isinstance(o, &Float_Type)) {
    s->kind = DT_FLOAT64;
    s->d = FLOAT_VAL(o);
    s->i = 0;
    return 0;
  }
  return 1;
}

/* Store scalar S into element I of A (numpy's unsafe cast on setitem). */
static int store_scalar(VM *vm, ArrayObj *a, ssize i, const Scalar *s) {
  switch (a->dtype) {
  case DT_FLOAT64:
    ((double *)a->data)[i] = s->kind == DT_FLOAT64 || s->big ? s->d : (double)s->i;
    return 0;
  case DT_INT64:
    if (s->big) {
      vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C long");
      return -1;
    }
    ((int64_t *)a->data)[i] = s->kind == DT_FLOAT64 ? d2i(s->d) : s->i;
    return 0;
  default:
    ((uint8_t *)a->data)[i] = s->kind == DT_FLOAT64 ? s->d != 0 : s->i != 0 || s->big;
    return 0;
  }
}

/* Copy SRC's elements into DST (same size), converting dtype. */
static void copy_cast(ArrayObj *dst, ssize doff, const ArrayObj *src, ssize soff,
                      ssize n) {
  if (dst->dtype == src->dtype) {
    size_t is = dt_itemsize[dst->dtype];
    memmove(dst->data + (size_t)doff * is, src->data + (size_t)soff * is,
            (size_t)n * is);
    return;
  }
  for (ssize k = 0; k < n; k++) {
    switch (dst->dtype) {
    case DT_FLOAT64: ((double *)dst->data)[doff + k] = elem_d(src, soff + k); break;
    case DT_INT64: ((int64_t *)dst->data)[doff + k] = elem_i(src, soff + k); break;
    default: ((uint8_t *)dst->data)[doff + k] = elem_d(src, soff + k) != 0; break;
    }
  }
}

/* ------------------------------------------------------------------ */
/* Shapes                                                             */
/* ------------------------------------------------------------------ */

/* Parse a shape argument: an int or a sequence of ints.  Returns ndim or
** -1. */
static int parse_shape(VM *vm, Obj *o, ssize *shape) {
  if (int_check(o) || TYPE(o)->index) {
    if (obj_isinstance(o, &Float_Type)) goto bad_float;
    shape[0] = obj_as_ssize(vm, o);
    if (shape[0] == -1 && vm_exc_occurred(vm)) return -1;
    return 1;
  }
  if (obj_isinstance(o, &Float_Type)) goto bad_float;
  if (tuple_check(o) || list_check(o)) {
    ssize n = obj_len(vm, o);
    if (n > ND_MAXDIM) {
      vm_raise(vm, &Exc_ValueError,
               "maximum supported dimension for an ndarray is %d, found %ld "
               "(heaptrail's numpy subset)", ND_MAXDIM, (long)n);
      return -1;
    }
    for (ssize i = 0; i < n; i++) {
      Obj *item = tuple_check(o) ? TUPLE_GET(o, i) : LIST_ITEMS(o)[i];
      shape[i] = obj_as_ssize(vm, item);
      if (shape[i] == -1 && vm_exc_occurred(vm)) return -1;
    }
    return (int)n;
  }
  vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
           obj_type_name(o));
  return -1;
bad_float: {
    Obj *r = obj_repr(vm, o);
    if (r) {
      vm_raise(vm, &Exc_TypeError,
               "expected a sequence of integers or a single integer, got '%s'",
               STR_UTF8(r));
      decref(vm, r);
    }
    return -1;
  }
}

static Obj *shape_tuple(VM *vm, int ndim, const ssize *shape) {
  Obj *t = tuple_new(vm, ndim);
  if (!t) return NULL;
  for (int i = 0; i < ndim; i++) {
    Obj *v = int_from_i64(vm, shape[i]);
    if (!v) {
      for (int j = i; j < ndim; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(vm, t);
      return NULL;
    }
    TUPLE_ITEMS(t)[i] = v;
  }
  return t;
}

/* ------------------------------------------------------------------ */
/* Construction: zeros, ones, empty, arange, array                    */
/* ------------------------------------------------------------------ */

#define NP_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static const char *const fill_names[] = {"shape", "dtype", "order"};

static Obj *filled(VM *vm, const char *fname, Obj *const *args, size_t nargs,
                   Obj *kwnames, int value) {
  ModArgSpec spec = {fname, fill_names, 3, 0, 3, 1};
  Obj *a[3];
  ssize shape[ND_MAXDIM];
  int ndim, dt;
  ArrayObj *arr;
  if (mod_args(vm, &spec, args, nargs, kwnames, a) < 0) return NULL;
  if ((ndim = parse_shape(vm, a[0], shape)) < 0) return NULL;
  if ((dt = parse_dtype(vm, a[1], DT_FLOAT64)) < 0) return NULL;
  if (a[2] && !(str_check(a[2]) && str_eq_cstr(a[2], "C")))
    return not_supported(vm, "orders other than 'C'");
  arr = arr_new(vm, dt, ndim, shape);
  if (!arr) return NULL;
  if (value == 1) {
    for (ssize i = 0; i < arr->size; i++) {
      switch (dt) {
      case DT_FLOAT64: ((double *)arr->data)[i] = 1.0; break;
      case DT_INT64: ((int64_t *)arr->data)[i] = 1; break;
      default: ((uint8_t *)arr->data)[i] = 1; break;
      }
    }
  }
  return OBJ(arr);
}

static Obj *np_zeros(NP_ARGS) { return filled(vm, "zeros", args, nargs, kwnames, 0); }
static Obj *np_ones(NP_ARGS) { return filled(vm, "ones", args, nargs, kwnames, 1); }
/* empty(): the arena hands out zeroed memory, so empty equals zeros. */
static Obj *np_empty(NP_ARGS) { return filled(vm, "empty", args, nargs, kwnames, 0); }

static const char *const arange_names[] = {"start", "stop", "step", "dtype"};
static const ModArgSpec arange_spec = {"arange", arange_names, 4, 0, 3, 0};

/* arange([start,] stop[, step], dtype=None): the length is
** ceil((stop - start) / step); float values are start + i*delta with
** delta = (start + step) - start, as numpy fills them. */
static Obj *np_arange(NP_ARGS) {
  Obj *a[4];
  Scalar st[3] = {{DT_INT64, false, 0, 0.0}, {DT_INT64, false, 0, 0.0},
                  {DT_INT64, false, 1, 1.0}};
  int kind = DT_INT64, dt;
  ssize len;
  ArrayObj *arr;
  if (mod_args(vm, &arange_spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!a[0] && !a[1])
    return vm_raise(vm, &Exc_TypeError, "arange() requires stop to be specified.");
  if (!a[1] || a[1] == None) {   /* arange(stop) */
    a[1] = a[0];
    a[0] = NULL;
  }
  for (int i = 0; i < 3; i++) {
    if (!a[i] || a[i] == None) continue;
    int r = scalar_of(vm, a[i], &st[i]);
    if (r < 0) return NULL;
    if (r > 0 || st[i].big)
      return not_supported(vm, "arange() arguments other than int64 or float values");
    if (st[i].kind == DT_FLOAT64) kind = DT_FLOAT64;
  }
  if ((dt = parse_dtype(vm, a[3], kind)) < 0) return NULL;
  if (kind == DT_INT64) {
    int64_t start = st[0].i, stop = st[1].i, step = st[2].i;
    if (step == 0) return vm_raise(vm, &Exc_ZeroDivisionError, "division by zero");
    double q = ((double)stop - (double)start) / (double)step;
    len = q > 0 ? (ssize)ceil(q) : 0;
    arr = arr_new(vm, dt, 1, &len);
    if (!arr) return NULL;
    for (ssize i = 0; i < len; i++) {
      int64_t v = (int64_t)((uint64_t)start + (uint64_t)i * (uint64_t)step);
      switch (dt) {
      case DT_FLOAT64: ((double *)arr->data)[i] = (double)v; break;
      case DT_INT64: ((int64_t *)arr->data)[i] = v; break;
      default: ((uint8_t *)arr->data)[i] = v != 0; break;
      }
    }
    return OBJ(arr);
  }
  double start = st[0].d, stop = st[1].d, step = st[2].d;
  if (step == 0) return vm_raise(vm, &Exc_ZeroDivisionError, "division by zero");
  double q = (stop - start) / step;
  if (isnan(q))
    return vm_raise(vm, &Exc_ValueError, "arange: cannot compute length");
  if (q > 1e15)
    return vm_raise(vm, &Exc_ValueError, "Maximum allowed size exceeded");
  len = q > 0 ? (ssize)ceil(q) : 0;
  arr = arr_new(vm, dt, 1, &len);
  if (!arr) return NULL;
  double delta = (start + step) - start;
  for (ssize i = 0; i < len; i++) {
    double v = i == 0 ? start : i == 1 ? start + step : start + (double)i * delta;
    switch (dt) {
    case DT_FLOAT64: ((double *)arr->data)[i] = v; break;
    case DT_INT64: ((int64_t *)arr->data)[i] = d2i(v); break;
    default: ((uint8_t *)arr->data)[i] = v != 0; break;
    }
  }
  return OBJ(arr);
}

/* Discover the shape and kind of a nested list/tuple of numbers (or
** arrays).  DEPTH is the axis being examined. */
typedef struct Discover {
  int ndim;                       /* -1 until the first leaf fixes it */
  ssize shape[ND_MAXDIM];         /* extents found */
  int kind;                       /* highest DT_* seen, -1 when none */
  bool ragged;                    /* an inhomogeneous shape was found */
  int ragged_after;               /* axes that were consistent */
} Discover;

static int discover(VM *vm, Obj *o, int depth, Discover *d) {
  if (is_array(o)) {
    ArrayObj *a = ARR(o);
    if (depth + a->ndim > ND_MAXDIM) goto toodeep;
    if (d->ndim < 0) {
      d->ndim = depth + a->ndim;
      for (int i = 0; i < a->ndim; i++) d->shape[depth + i] = a->shape[i];
    } else if (d->ndim != depth + a->ndim) {
      goto ragged;
    } else {
      for (int i = 0; i < a->ndim; i++)
        if (d->shape[depth + i] != a->shape[i]) goto ragged;
    }
    if (a->dtype > d->kind) d->kind = a->dtype;
    return 0;
  }
  if (list_check(o) || tuple_check(o)) {
    ssize n = list_check(o) ? LIST_SIZE(o) : TUPLE_SIZE(o);
    if (depth >= ND_MAXDIM) goto toodeep;
    if (d->ndim >= 0 && (d->ndim <= depth || d->shape[depth] != n)) goto ragged;
    if (d->ndim < 0 && n == 0) {
      d->ndim = depth + 1;
      d->shape[depth] = 0;
      return 0;
    }
    for (ssize i = 0; i < n; i++) {
      if (d->ndim < 0) d->shape[depth] = n;
      Obj *item = list_check(o) ? LIST_ITEMS(o)[i] : TUPLE_GET(o, i);
      if (discover(vm, item, depth + 1, d) < 0) return -1;
      if (d->ragged) return 0;
    }
    return 0;
  }
  Scalar s;
  int r = scalar_of(vm, o, &s);
  if (r < 0) return -1;
  if (r > 0) {
    not_supported(vm, "arrays of non-numeric objects");
    return -1;
  }
  if (s.big) {
    not_supported(vm, "ints beyond int64 (numpy makes an object array)");
    return -1;
  }
  if (d->ndim < 0) d->ndim = depth;
  else if (d->ndim != depth) goto ragged;
  if (s.kind > d->kind) d->kind = s.kind;
  return 0;
ragged:
  d->ragged = true;
  d->ragged_after = depth;
  return 0;
toodeep:
  vm_raise(vm, &Exc_ValueError,
           "maximum supported dimension for an ndarray is %d (heaptrail's numpy "
           "subset)", ND_MAXDIM);
  return -1;
}

/* Fill A from nested sequence O, writing from *POS on. */
static int fill_from(VM *vm, ArrayObj *a, Obj *o, ssize *pos) {
  if (is_array(o)) {
    copy_cast(a, *pos, ARR(o), 0, ARR(o)->size);
    *pos += ARR(o)->size;
    return 0;
  }
  if (list_check(o) || tuple_check(o)) {
    ssize n = list_check(o) ? LIST_SIZE(o) : TUPLE_SIZE(o);
    for (ssize i = 0; i < n; i++)
      if (fill_from(vm, a, list_check(o) ? LIST_ITEMS(o)[i] : TUPLE_GET(o, i), pos) < 0)
        return -1;
    return 0;
  }
  Scalar s;
  if (scalar_of(vm, o, &s) != 0) return -1;
  if (store_scalar(vm, a, *pos, &s) < 0) return -1;
  (*pos)++;
  return 0;
}

/* A new array from O (an array, a nested sequence or a scalar). */
static ArrayObj *array_from(VM *vm, Obj *o, int dtype) {
  Discover d;
  ArrayObj *a;
  ssize pos = 0;
  d.ndim = -1;
  d.kind = -1;
  d.ragged = false;
  if (discover(vm, o, 0, &d) < 0) return NULL;
  if (d.ragged) {
    char sh[200];
    shape_str(sh, sizeof sh, d.ragged_after, d.shape, false);
    vm_raise(vm, &Exc_ValueError,
             "setting an array element with a sequence. The requested array has an "
             "inhomogeneous shape after %d dimensions. The detected shape was %s + "
             "inhomogeneous part.", d.ragged_after, sh);
    return NULL;
  }
  if (dtype < 0) dtype = d.kind < 0 ? DT_FLOAT64 : d.kind;
  a = arr_new(vm, dtype, d.ndim, d.shape);
  if (!a) return NULL;
  if (fill_from(vm, a, o, &pos) < 0) {
    decref(vm, OBJ(a));
    return NULL;
  }
  return a;
}

static const char *const array_names[] = {"object", "dtype"};
static const ModArgSpec array_spec = {"array", array_names, 2, 0, 2, 1};

static Obj *np_array(NP_ARGS) {
  Obj *a[2];
  int dt;
  if (mod_args(vm, &array_spec, args, nargs, kwnames, a) < 0) return NULL;
  if ((dt = parse_dtype(vm, a[1], -1)) == -1 && vm_exc_occurred(vm)) return NULL;
  return OBJ(array_from(vm, a[0], dt));
}

/* ------------------------------------------------------------------ */
/* numpy.random: MT19937 as numpy's legacy RandomState                 */
/* ------------------------------------------------------------------ */

#define MT_N 624
#define MT_M 397

static struct {
  uint32_t key[MT_N];             /* the generator state */
  int pos;                        /* next word to temper; MT_N = regenerate */
  bool seeded;                    /* seeded yet (else seed from the OS) */
} mt;

static void mt_seed(uint32_t s) {
  for (int i = 0; i < MT_N; i++) {
    mt.key[i] = s;
    s = 1812433253u * (s ^ (s >> 30)) + (uint32_t)i + 1;
  }
  mt.pos = MT_N;
  mt.seeded = true;
}

/* init_by_array of the reference implementation. */
static void mt_seed_array(const uint32_t *k, int n) {
  int i = 1, j = 0;
  mt_seed(19650218u);
  for (int c = MT_N > n ? MT_N : n; c; c--) {
    mt.key[i] = (mt.key[i] ^ ((mt.key[i - 1] ^ (mt.key[i - 1] >> 30)) * 1664525u)) +
                k[j] + (uint32_t)j;
    i++;
    j++;
    if (i >= MT_N) {
      mt.key[0] = mt.key[MT_N - 1];
      i = 1;
    }
    if (j >= n) j = 0;
  }
  for (int c = MT_N - 1; c; c--) {
    mt.key[i] = (mt.key[i] ^ ((mt.key[i - 1] ^ (mt.key[i - 1] >> 30)) * 1566083941u)) -
                (uint32_t)i;
    i++;
    if (i >= MT_N) {
      mt.key[0] = mt.key[MT_N - 1];
      i = 1;
    }
  }
  mt.key[0] = 0x80000000u;
  mt.pos = MT_N;
}

static void mt_seed_os(void) {
  uint32_t k[MT_N];
  if (getrandom(k, sizeof k, 0) != (ssize_t)sizeof k) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    for (int i = 0; i < MT_N; i++)
      k[i] = (uint32_t)(ts.tv_nsec ^ (ts.tv_sec << 7) ^ getpid()) * 2654435761u + (uint32_t)i;
  }
  mt_seed_array(k, MT_N);
}

static uint32_t mt_next32(void) {
  uint32_t y;
  if (!mt.seeded) mt_seed_os();
  if (mt.pos >= MT_N) {
    int i;
    for (i = 0; i < MT_N - MT_M; i++) {
      y = (mt.key[i] & 0x80000000u) | (mt.key[i + 1] & 0x7fffffffu);
      mt.key[i] = mt.key[i + MT_M] ^ (y >> 1) ^ (-(y & 1) & 0x9908b0dfu);
    }
    for (; i < MT_N - 1; i++) {
      y = (mt.key[i] & 0x80000000u) | (mt.key[i + 1] & 0x7fffffffu);
      mt.key[i] = mt.key[i + (MT_M - MT_N)] ^ (y >> 1) ^ (-(y & 1) & 0x9908b0dfu);
    }
    y = (mt.key[MT_N - 1] & 0x80000000u) | (mt.key[0] & 0x7fffffffu);
    mt.key[MT_N - 1] = mt.key[MT_M - 1] ^ (y >> 1) ^ (-(y & 1) & 0x9908b0dfu);
    mt.pos = 0;
  }
  y = mt.key[mt.pos++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

static double mt_double(void) {
  uint32_t a = mt_next32() >> 5, b = mt_next32() >> 6;
  return ((double)a * 67108864.0 + (double)b) / 9007199254740992.0;
}

static Obj *random_array(VM *vm, int ndim, const ssize *shape) {
  ArrayObj *a = arr_new(vm, DT_FLOAT64, ndim, shape);
  if (!a) return NULL;
  for (ssize i = 0; i < a->size; i++) ((double *)a->data)[i] = mt_double();
  return OBJ(a);
}

static const char *const random_names[] = {"size"};
static const ModArgSpec random_spec = {"random", random_names, 1, 0, 1, 0};

/* random(size=None): a float, or an array of SIZE. */
static Obj *np_random_random(NP_ARGS) {
  Obj *size;
  ssize shape[ND_MAXDIM];
  int ndim;
  if (mod_args(vm, &random_spec, args, nargs, kwnames, &size) < 0) return NULL;
  if (!size || size == None) return float_new(vm, mt_double());
  if ((ndim = parse_shape(vm, size, shape)) < 0) return NULL;
  return random_array(vm, ndim, shape);
}

/* rand(d0, d1, ...): random() with the dimensions as arguments. */
static Obj *np_random_rand(NP_ARGS) {
  ssize shape[ND_MAXDIM];
  if (kwnames && TUPLE_SIZE(kwnames) > 0)
    return vm_raise(vm, &Exc_TypeError, "rand() takes no keyword arguments");
  if (nargs == 0) return float_new(vm, mt_double());
  if (nargs > ND_MAXDIM) return not_supported(vm, "more than 8 dimensions");
  for (size_t i = 0; i < nargs; i++) {
    shape[i] = obj_as_ssize(vm, args[i]);
    if (shape[i] == -1 && vm_exc_occurred(vm)) return NULL;
  }
  return random_array(vm, (int)nargs, shape);
}

static const char *const seed_names[] = {"seed"};
static const ModArgSpec seed_spec = {"seed", seed_names, 1, 0, 1, 0};

static Obj *np_random_seed(NP_ARGS) {
  Obj *s;
  if (mod_args(vm, &seed_spec, args, nargs, kwnames, &s) < 0) return NULL;
  if (!s || s == None) {
    mt_seed_os();
    mt.seeded = true;
    return none_new();
  }
  if (!int_check(s)) return not_supported(vm, "seeds other than an int or None");
  if (!int_fits_i64(s) || int_as_i64_unchecked(s) < 0 ||
      int_as_i64_unchecked(s) > 0xFFFFFFFFll)
    return vm_raise(vm, &Exc_ValueError, "Seed must be between 0 and 2**32 - 1");
  mt_seed((uint32_t)int_as_i64_unchecked(s));
  return none_new();
}

/* ------------------------------------------------------------------ */
/* Elementwise operations                                             */
/* ------------------------------------------------------------------ */

/* One operand of an elementwise operation: an array, or a Python scalar
** seen as a 0-d array stored in VAL. */
typedef struct Operand {
  const char *data;               /* elements (an array's, or &val) */
  int dtype;                      /* storage dtype of data */
  bool weak;                      /* a Python scalar (value-based casting) */
  bool big;                       /* an int beyond int64 (val.d holds it) */
  int ndim;                       /* dimensions */
  ssize shape[ND_MAXDIM];         /* extents */
  ssize size;                     /* elements */
  ArrayObj *arr;                  /* the array, or NULL for a scalar (borrowed) */
  ArrayObj *tmp;                  /* a converted or copied array (owned), or NULL */
  union {
    double d;
    int64_t i;
    uint8_t b;
  } val;                          /* the scalar's value */
} Operand;

static void operand_release(VM *vm, Operand *p) {
  if (p->tmp) decref(vm, OBJ(p->tmp));
  p->tmp = NULL;
}

static void operand_set_array(Operand *p, ArrayObj *a) {
  p->arr = a;
  p->data = a->data;
  p->dtype = a->dtype;
  p->weak = false;
  p->big = false;
  p->ndim = a->ndim;
  p->size = a->size;
  for (int i = 0; i < a->ndim; i++) p->shape[i] = a->shape[i];
}

/* Make O an operand.  Returns 0, 1 when O is not something numpy would
** take (NotImplemented), or -1 on error. */
static int operand_of(VM *vm, Obj *o, Operand *p) {
  Scalar s;
  int r;
  p->tmp = NULL;
  if (is_array(o)) {
    operand_set_array(p, ARR(o));
    return 0;
  }
  if (list_check(o) || tuple_check(o)) {
    ArrayObj *a = array_from(vm, o, -1);
    if (!a) return -1;
    operand_set_array(p, a);
    p->tmp = a;
    return 0;
  }
  r = scalar_of(vm, o, &s);
  if (r != 0) return r;
  p->arr = NULL;
  p->weak = true;
  p->big = s.big;
  p->ndim = 0;
  p->size = 1;
  p->dtype = s.kind;
  if (s.kind == DT_FLOAT64 || s.big) p->val.d = s.d;
  else if (s.kind == DT_INT64) p->val.i = s.i;
  else p->val.b = (uint8_t)s.i;
  p->data = (const char *)&p->val;
  return 0;
}

/* numpy 1.24's result kind: a Python scalar only raises the array's kind
** when it is of a higher kind. */
static int result_kind(const Operand *x, const Operand *y) {
  if (x->weak && !y->weak) return x->dtype > y->dtype ? x->dtype : y->dtype;
  if (y->weak && !x->weak) return y->dtype > x->dtype ? y->dtype : x->dtype;
  return x->dtype > y->dtype ? x->dtype : y->dtype;
}

/* The broadcast shape of X and Y into OUT; returns ndim or -1. */
static int broadcast(VM *vm, const Operand *x, const Operand *y, ssize *out) {
  int nd = x->ndim > y->ndim ? x->ndim : y->ndim;
  for (int i = 0; i < nd; i++) {
    int ix = x->ndim - nd + i, iy = y->ndim - nd + i;
    ssize dx = ix >= 0 ? x->shape[ix] : 1, dy = iy >= 0 ? y->shape[iy] : 1;
    if (dx == dy || dy == 1) {
      out[i] = dx;
    } else if (dx == 1) {
      out[i] = dy;
    } else {
      char sx[200], sy[200];
      shape_str(sx, sizeof sx, x->ndim, x->shape, true);
      shape_str(sy, sizeof sy, y->ndim, y->shape, true);
      vm_raise(vm, &Exc_ValueError,
               "operands could not be broadcast together with shapes %s %s ", sx, sy);
      return -1;
    }
  }
  return nd;
}

/* Element strides of P over the ND-dimensional broadcast shape OUT (0
** along broadcast axes). */
static void bstrides(const Operand *p, int nd, const ssize *out, ssize *st) {
  ssize s = 1;
  for (int i = nd - 1; i >= 0; i--) {
    int ip = p->ndim - nd + i;
    ssize d = ip >= 0 ? p->shape[ip] : 1;
    st[i] = d == out[i] ? s : 0;
    s *= d;
  }
}

/* Operation codes: the BinOp values, and comparisons after them. */
#define OP_CMP(c) (BINOP_COUNT + (int)(c))

#define CHUNK 256

/* Convert N elements (stride S) of data D of dtype DT to CT (a C double or
** int64 in BUF).  With S 0 only one element is converted. */
static void convert(void *buf, int ct, const char *d, int dt, ssize s, ssize n) {
  if (s == 0) n = 1;
  for (ssize k = 0; k < n; k++) {
    double v;
    int64_t iv;
    switch (dt) {
    case DT_FLOAT64: v = ((const double *)d)[k * s]; iv = d2i(v); break;
    case DT_INT64: iv = ((const int64_t *)d)[k * s]; v = (double)iv; break;
    default: iv = ((const uint8_t *)d)[k * s]; v = (double)iv; break;
    }
    if (ct == DT_FLOAT64) ((double *)buf)[k] = v;
    else ((int64_t *)buf)[k] = iv;
  }
}

/* Apply EXPR over a chunk, specialised on the strides. */
#define EW_LOOP(T, OT, EXPR)                                                  \
  do {                                                                        \
    const T *x_ = (const T *)xv, *y_ = (const T *)yv;                         \
    OT *o_ = (OT *)ov;                                                        \
    if (sx == 1 && sy == 1) {                                                 \
      for (ssize k = 0; k < m; k++) { T a = x_[k], b = y_[k]; o_[k] = (EXPR); } \
    } else if (sy == 0) {                                                     \
      T b = y_[0];                                                            \
      for (ssize k = 0; k < m; k++) { T a = x_[k * sx]; o_[k] = (EXPR); }     \
    } else if (sx == 0) {                                                     \
      T a = x_[0];                                                            \
      for (ssize k = 0; k < m; k++) { T b = y_[k * sy]; o_[k] = (EXPR); }     \
    } else {                                                                  \
      for (ssize k = 0; k < m; k++) { T a = x_[k * sx], b = y_[k * sy]; o_[k] = (EXPR); } \
    }                                                                         \
  } while (0)

static double d_floordiv(double a, double b) {
  double mod, div, fl;
  if (b == 0) return a / b;
  mod = fmod(a, b);
  div = (a - mod) / b;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) div -= 1.0;
  }
  if (div != 0) {
    fl = floor(div);
    if (div - fl > 0.5) fl += 1.0;
  } else {
    fl = copysign(0.0, a / b);
  }
  return fl;
}

static double d_mod(double a, double b) {
  double mod;
  if (b == 0) return fmod(a, b);
  mod = fmod(a, b);
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = copysign(0.0, b);
  }
  return mod;
}

static int64_t i_floordiv(int64_t a, int64_t b) {
  if (b == 0) return 0;
  if (a == INT64_MIN && b == -1) return INT64_MIN;
  int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) q--;
  return q;
}

static int64_t i_mod(int64_t a, int64_t b) {
  if (b == 0 || b == -1) return 0;
  int64_t r = a % b;
  if (r != 0 && ((r < 0) != (b < 0))) r += b;
  return r;
}

static int64_t i_pow(int64_t a, int64_t b) {
  uint64_t r = 1, base = (uint64_t)a;
  while (b > 0) {
    if (b & 1) r *= base;
    base *= base;
    b >>= 1;
  }
  return (int64_t)r;
}

#define U(v) ((uint64_t)(v))

/* One chunk of M results of OP computed in CT from XV/YV into OV. */
static void kernel(int op, int ct, void *ov, const void *xv, ssize sx,
                   const void *yv, ssize sy, ssize m) {
  if (ct == DT_FLOAT64) {
    switch (op) {
    case BINOP_ADD: EW_LOOP(double, double, a + b); break;
    case BINOP_SUB: EW_LOOP(double, double, a - b); break;
    case BINOP_MUL: EW_LOOP(double, double, a * b); break;
    case BINOP_TRUEDIV: EW_LOOP(double, double, a / b); break;
    case BINOP_FLOORDIV: EW_LOOP(double, double, d_floordiv(a, b)); break;
    case BINOP_MOD: EW_LOOP(double, double, d_mod(a, b)); break;
    case BINOP_POW: EW_LOOP(double, double, pow(a, b)); break;
    case OP_CMP(CMP_LT): EW_LOOP(double, uint8_t, a < b); break;
    case OP_CMP(CMP_LE): EW_LOOP(double, uint8_t, a <= b); break;
    case OP_CMP(CMP_EQ): EW_LOOP(double, uint8_t, a == b); break;
    case OP_CMP(CMP_NE): EW_LOOP(double, uint8_t, a != b); break;
    case OP_CMP(CMP_GT): EW_LOOP(double, uint8_t, a > b); break;
    case OP_CMP(CMP_GE): EW_LOOP(double, uint8_t, a >= b); break;
    }
    return;
  }
  switch (op) {
  case BINOP_ADD: EW_LOOP(int64_t, int64_t, (int64_t)(U(a) + U(b))); break;
  case BINOP_SUB: EW_LOOP(int64_t, int64_t, (int64_t)(U(a) - U(b))); break;
  case BINOP_MUL: EW_LOOP(int64_t, int64_t, (int64_t)(U(a) * U(b))); break;
  case BINOP_FLOORDIV: EW_LOOP(int64_t, int64_t, i_floordiv(a, b)); break;
  case BINOP_MOD: EW_LOOP(int64_t, int64_t, i_mod(a, b)); break;
  case BINOP_POW: EW_LOOP(int64_t, int64_t, i_pow(a, b)); break;
  case BINOP_OR: EW_LOOP(int64_t, uint8_t, (a | b) != 0); break;   /* bool + bool */
  case BINOP_AND: EW_LOOP(int64_t, uint8_t, (a & b) != 0); break;  /* bool * bool */
  case OP_CMP(CMP_LT): EW_LOOP(int64_t, uint8_t, a < b); break;
  case OP_CMP(CMP_LE): EW_LOOP(int64_t, uint8_t, a <= b); break;
  case OP_CMP(CMP_EQ): EW_LOOP(int64_t, uint8_t, a == b); break;
  case OP_CMP(CMP_NE): EW_LOOP(int64_t, uint8_t, a != b); break;
  case OP_CMP(CMP_GT): EW_LOOP(int64_t, uint8_t, a > b); break;
  case OP_CMP(CMP_GE): EW_LOOP(int64_t, uint8_t, a >= b); break;
  }
}

/* A row of N results: X and Y advance by SX / SY elements (0 or 1
** usually), OUT by one; values are converted to CT in chunks. */
static void run_row(int op, int ct, char *out, size_t osz, const Operand *x,
                    const char *xp, ssize sx, const Operand *y, const char *yp,
                    ssize sy, ssize n) {
  union { double d[CHUNK]; int64_t i[CHUNK]; } bx, by;
  size_t xsz = dt_itemsize[x->dtype], ysz = dt_itemsize[y->dtype];
  for (ssize k0 = 0; k0 < n; k0 += CHUNK) {
    ssize m = n - k0 < CHUNK ? n - k0 : CHUNK;
    const void *xv = xp + (size_t)(k0 * sx) * xsz, *yv = yp + (size_t)(k0 * sy) * ysz;
    ssize csx = sx, csy = sy;
    if (x->dtype != ct) {
      convert(&bx, ct, xv, x->dtype, sx, m);
      xv = &bx;
      csx = sx ? 1 : 0;
    }
    if (y->dtype != ct) {
      convert(&by, ct, yv, y->dtype, sy, m);
      yv = &by;
      csy = sy ? 1 : 0;
    }
    kernel(op, ct, out + (size_t)k0 * osz, xv, csx, yv, csy, m);
  }
}

/* Compute OP over the broadcast of X and Y into OUT (of ND dims SHAPE). */
static void run_binary(int op, int ct, ArrayObj *out, const Operand *x,
                       const Operand *y, int nd, const ssize *shape) {
  ssize stx[ND_MAXDIM], sty[ND_MAXDIM], idx[ND_MAXDIM] = {0};
  size_t osz = dt_itemsize[out->dtype], xsz = dt_itemsize[x->dtype],
         ysz = dt_itemsize[y->dtype];
  if (out->size == 0) return;
  bool xfull = x->size == out->size, yfull = y->size == out->size;
  if ((xfull || x->size == 1) && (yfull || y->size == 1)) {
    run_row(op, ct, out->data, osz, x, x->data, xfull ? 1 : 0, y, y->data,
            yfull ? 1 : 0, out->size);
    return;
  }
  bstrides(x, nd, shape, stx);
  bstrides(y, nd, shape, sty);
  ssize n = shape[nd - 1], rows = out->size / n;
  char *o = out->data;
  for (ssize r = 0; r < rows; r++) {
    ssize xo = 0, yo = 0;
    for (int i = 0; i < nd - 1; i++) {
      xo += idx[i] * stx[i];
      yo += idx[i] * sty[i];
    }
    run_row(op, ct, o, osz, x, x->data + (size_t)xo * xsz, stx[nd - 1], y,
            y->data + (size_t)yo * ysz, sty[nd - 1], n);
    o += (size_t)n * osz;
    for (int i = nd - 2; i >= 0; i--) {
      if (++idx[i] < shape[i]) break;
      idx[i] = 0;
    }
  }
}

static const char *ufunc_name(int op) {
  switch (op) {
  case BINOP_ADD: return "add";
  case BINOP_SUB: return "subtract";
  case BINOP_MUL: return "multiply";
  case BINOP_TRUEDIV: return "divide";
  case BINOP_FLOORDIV: return "floor_divide";
  case BINOP_MOD: return "remainder";
  case BINOP_POW: return "power";
  default: return "?";
  }
}

/* Does any element of the int operand P fall below zero? */
static bool has_negative(const Operand *p) {
  if (p->dtype != DT_INT64) return false;
  for (ssize i = 0; i < p->size; i++)
    if (((const int64_t *)p->data)[i] < 0) return true;
  return false;
}

static bool overlaps(const ArrayObj *a, const Operand *p) {
  if (!p->arr) return false;
  const char *a0 = a->data, *a1 = a0 + (size_t)a->size * dt_itemsize[a->dtype];
  const char *p0 = p->data, *p1 = p0 + (size_t)p->size * dt_itemsize[p->dtype];
  return p0 < a1 && a0 < p1 && !(p0 == a0 && p->size == a->size);
}

/* X op Y for arrays and numbers; INTO is the array of an in-place op
** (then X is INTO) or NULL. */
static Obj *elementwise(VM *vm, Obj *xo, Obj *yo, int op, ArrayObj *into) {
  Operand x, y;
  ssize shape[ND_MAXDIM];
  int r, nd, kind, ct, outdt;
  bool cmp = op >= BINOP_COUNT;
  ArrayObj *out = NULL;
  if ((r = operand_of(vm, xo, &x)) != 0)
    return r < 0 ? NULL : incref(NotImplemented);
  if ((r = operand_of(vm, yo, &y)) != 0) {
    operand_release(vm, &x);
    return r < 0 ? NULL : incref(NotImplemented);
  }
  if ((nd = broadcast(vm, &x, &y, shape)) < 0) goto fail;
  kind = result_kind(&x, &y);
  if (cmp) {
    ct = kind == DT_FLOAT64 ? DT_FLOAT64 : DT_INT64;
    outdt = DT_BOOL;
  } else if (op == BINOP_TRUEDIV) {
    ct = outdt = DT_FLOAT64;
  } else if (kind == DT_BOOL) {
    if (op == BINOP_SUB) {
      vm_raise(vm, &Exc_TypeError,
               "numpy boolean subtract, the `-` operator, is not supported, use "
               "the bitwise_xor, the `^` operator, or the logical_xor function "
               "instead.");
      goto fail;
    }
    if (op != BINOP_ADD && op != BINOP_MUL) {
      not_supported(vm, "this operator on two bool arrays");
      goto fail;
    }
    op = op == BINOP_ADD ? BINOP_OR : BINOP_AND;
    ct = DT_INT64;
    outdt = DT_BOOL;
  } else {
    ct = outdt = kind;
  }
  if ((x.big || y.big) && ct == DT_INT64) {
    vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C long");
    goto fail;
  }
  if (x.big) x.dtype = DT_FLOAT64;
  if (y.big) y.dtype = DT_FLOAT64;
  if (op == BINOP_POW && ct == DT_INT64 && has_negative(&y)) {
    vm_raise(vm, &Exc_ValueError, "Integers to negative integer powers are not allowed.");
    goto fail;
  }
  if (into) {
    bool same = nd == into->ndim;
    for (int i = 0; same && i < nd; i++) same = shape[i] == into->shape[i];
    if (!same) {
      char so[200], sb[200];
      shape_str(so, sizeof so, into->ndim, into->shape, true);
      shape_str(sb, sizeof sb, nd, shape, true);
      vm_raise(vm, &Exc_ValueError,
               "non-broadcastable output operand with shape %s doesn't match the "
               "broadcast shape %s", so, sb);
      goto fail;
    }
    if (outdt > into->dtype) {
      vm_raise(vm, &Exc_TypeError,
               "Cannot cast ufunc '%s' output from dtype('%s') to dtype('%s') with "
               "casting rule 'same_kind'", ufunc_name(op == BINOP_OR ? BINOP_ADD : op),
               dt_name[outdt], dt_name[into->dtype]);
      goto fail;
    }
    if (overlaps(into, &y)) {
      ArrayObj *c = arr_new(vm, y.dtype, y.ndim, y.shape);
      if (!c) goto fail;
      copy_cast(c, 0, y.arr, 0, y.size);
      operand_release(vm, &y);
      operand_set_array(&y, c);
      y.tmp = c;
    }
    /* X is INTO, so the result kind is never below INTO's dtype: after the
    ** check above the result has INTO's dtype exactly. */
    out = ARR(incref(OBJ(into)));
  } else {
    out = arr_new(vm, outdt, nd, shape);
    if (!out) goto fail;
  }
  run_binary(op, ct, out, &x, &y, nd, shape);
  operand_release(vm, &x);
  operand_release(vm, &y);
  return OBJ(out);
fail:
  operand_release(vm, &x);
  operand_release(vm, &y);
  return NULL;
}

#define BINSLOT(fn, op)                                                       \
  static Obj *fn(VM *vm, Obj *a, Obj *b) { return elementwise(vm, a, b, op, NULL); } \
  static Obj *fn##_inplace(VM *vm, Obj *a, Obj *b) {                          \
    if (!is_array(a)) return incref(NotImplemented);                          \
    return elementwise(vm, a, b, op, ARR(a));                                 \
  }
BINSLOT(nd_add, BINOP_ADD)
BINSLOT(nd_sub, BINOP_SUB)
BINSLOT(nd_mul, BINOP_MUL)
BINSLOT(nd_truediv, BINOP_TRUEDIV)
BINSLOT(nd_floordiv, BINOP_FLOORDIV)
BINSLOT(nd_mod, BINOP_MOD)
BINSLOT(nd_pow, BINOP_POW)

static const CmpOp cmp_swapped[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};

static Obj *nd_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  Obj *r;
  if (!is_array(a)) {
    Obj *t = a;
    a = b;
    b = t;
    op = cmp_swapped[op];
  }
  r = elementwise(vm, a, b, OP_CMP(op), NULL);
  if (r == NotImplemented && (op == CMP_EQ || op == CMP_NE)) {
    /* numpy compares with a non-number elementwise: all unequal. */
    ArrayObj *res = arr_new(vm, DT_BOOL, ARR(a)->ndim, ARR(a)->shape);
    decref(vm, r);
    if (!res) return NULL;
    memset(res->data, op == CMP_NE, (size_t)res->size);
    return OBJ(res);
  }
  return r;
}

/* A new array of A's shape with F applied to each element. */
static Obj *unary(VM *vm, Obj *o, int what) {
  ArrayObj *a = ARR(o), *r;
  if (what == 0 && a->dtype == DT_BOOL)
    return vm_raise(vm, &Exc_TypeError,
                    "The numpy boolean negative, the `-` operator, is not supported, "
                    "use the `~` operator or the logical_not function instead.");
  r = arr_new(vm, a->dtype, a->ndim, a->shape);
  if (!r) return NULL;
  copy_cast(r, 0, a, 0, a->size);
  if (what == 1 || a->dtype == DT_BOOL) return OBJ(r);
  for (ssize i = 0; i < r->size; i++) {
    if (a->dtype == DT_FLOAT64) {
      double *v = &((double *)r->data)[i];
      *v = what == 0 ? -*v : fabs(*v);
    } else {
      int64_t *v = &((int64_t *)r->data)[i];
      if (what == 0 || *v < 0) *v = (int64_t)(0 - (uint64_t)*v);
    }
  }
  return OBJ(r);
}

static Obj *nd_neg(VM *vm, Obj *o) { return unary(vm, o, 0); }
static Obj *nd_pos(VM *vm, Obj *o) { return unary(vm, o, 1); }
static Obj *nd_abs(VM *vm, Obj *o) { return unary(vm, o, 2); }

static int nd_bool(VM *vm, Obj *o) {
  ArrayObj *a = ARR(o);
  if (a->size == 1) return elem_d(a, 0) != 0;
  if (a->size == 0) return 0;
  vm_raise(vm, &Exc_ValueError,
           "The truth value of an array with more than one element is ambiguous. "
           "Use a.any() or a.all()");
  return -1;
}

/* ------------------------------------------------------------------ */
/* Indexing                                                           */
/* ------------------------------------------------------------------ */

/* The part of an array an index selects: a contiguous block. */
typedef struct Region {
  ssize off;                      /* first element */
  int ndim;                       /* 0: a single element */
  ssize shape[ND_MAXDIM];         /* extents */
  ssize size;                     /* elements */
} Region;

static Obj *bad_index(VM *vm) {
  return vm_raise(vm, &Exc_IndexError,
                  "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis "
                  "(`None`) and integer or boolean arrays are valid indices");
}

/* Resolve KEY against A.  Only contiguous selections are supported:
** integer indices, then at most one slice with step 1, then whole axes. */
static int resolve(VM *vm, ArrayObj *a, Obj *key, Region *r) {
  Obj *const *items = tuple_check(key) ? TUPLE_ITEMS(key) : &key;
  ssize n = tuple_check(key) ? TUPLE_SIZE(key) : 1;
  ssize stride[ND_MAXDIM], s = 1;
  for (int i = a->ndim - 1; i >= 0; i--) {
    stride[i] = s;
    s *= a->shape[i];
  }
  for (ssize k = 0; k < n; k++) {
    Obj *it = items[k];
    if (it == Ellipsis || it == None || is_array(it) || list_check(it) ||
        obj_is(it, &Bool_Type)) {
      not_supported(vm, "indexing with ..., None, bools, lists or arrays");
      return -1;
    }
    if (!obj_is(it, &Slice_Type) && (obj_isinstance(it, &Float_Type) || !TYPE(it)->index)) {
      bad_index(vm);
      return -1;
    }
  }
  if (n > a->ndim) {
    vm_raise(vm, &Exc_IndexError,
             "too many indices for array: array is %d-dimensional, but %ld were indexed",
             a->ndim, (long)n);
    return -1;
  }
  /* Per axis: the first element selected, how many, and whether the axis
  ** stays (a slice, or an axis the key does not mention). */
  ssize first[ND_MAXDIM], count[ND_MAXDIM];
  bool keep[ND_MAXDIM], spread = false, contiguous = true;
  for (int k = 0; k < a->ndim; k++) {
    ssize len = a->shape[k];
    first[k] = 0;
    count[k] = len;
    keep[k] = true;
    if (k >= n) continue;
    Obj *it = items[k];
    if (obj_is(it, &Slice_Type)) {
      ssize start, stop, step;
      ssize sl = slice_indices(vm, it, len, &start, &stop, &step);
      if (sl < 0) return -1;
      if (step != 1 && sl > 1) {
        not_supported(vm, "slices with a step other than 1 (numpy returns a strided view)");
        return -1;
      }
      first[k] = sl ? start : 0;
      count[k] = sl;
      continue;
    }
    ssize v = obj_as_ssize(vm, it);
    if (v == -1 && vm_exc_occurred(vm)) return -1;
    ssize orig = v;
    if (v < 0) v += len;
    if (v < 0 || v >= len) {
      vm_raise(vm, &Exc_IndexError, "index %ld is out of bounds for axis %d with size %ld",
               (long)orig, k, (long)len);
      return -1;
    }
    first[k] = v;
    count[k] = 1;
    keep[k] = false;
  }
  /* Contiguous when every axis before the first one selecting several
  ** elements selects one, and every axis after it is whole. */
  r->off = 0;
  r->ndim = 0;
  r->size = 1;
  for (int k = 0; k < a->ndim; k++) {
    if (spread && count[k] != a->shape[k]) contiguous = false;
    if (count[k] != 1) spread = true;
    r->off += first[k] * stride[k];
    r->size *= count[k];
    if (keep[k]) r->shape[r->ndim++] = count[k];
  }
  if (!contiguous && r->size > 0) {
    not_supported(vm, "indexing that selects a non-contiguous view (such as a[:, 0])");
    return -1;
  }
  if (r->size == 0) r->off = 0;
  return 0;
}

static Obj *nd_getitem(VM *vm, Obj *o, Obj *key) {
  ArrayObj *a = ARR(o);
  Region r;
  if (resolve(vm, a, key, &r) < 0) return NULL;
  if (r.ndim == 0) return elem_obj(vm, a, r.off);
  return OBJ(arr_view(vm, a, a->data + (size_t)r.off * dt_itemsize[a->dtype], r.ndim,
                      r.shape));
}

/* Assign VALUE (a number, an array or a nested sequence) to region R of A,
** broadcasting it. */
static int assign(VM *vm, ArrayObj *a, const Region *r, Obj *value) {
  Operand y;
  int rc = operand_of(vm, value, &y);
  ssize st[ND_MAXDIM], idx[ND_MAXDIM] = {0};
  if (rc != 0) {
    if (rc > 0)
      not_supported(vm, "assigning non-numeric values to array elements");
    return -1;
  }
  if (y.big && a->dtype == DT_INT64) {
    vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C long");
    goto fail;
  }
  if (y.big) y.dtype = DT_FLOAT64;
  /* Y's shape must broadcast to R's. */
  bool ok = y.ndim <= r->ndim;
  for (int i = 0; ok && i < y.ndim; i++) {
    ssize d = y.shape[y.ndim - 1 - i], t = r->shape[r->ndim - 1 - i];
    ok = d == t || d == 1;
  }
  if (!ok) {
    char sy[200], sr[200];
    shape_str(sy, sizeof sy, y.ndim, y.shape, false);
    shape_str(sr, sizeof sr, r->ndim, r->shape, false);
    vm_raise(vm, &Exc_ValueError, "could not broadcast input array from shape %s into shape %s",
             sy, sr);
    goto fail;
  }
  ArrayObj tgt = *a;
  tgt.data = a->data + (size_t)r->off * dt_itemsize[a->dtype];
  tgt.size = r->size;
  tgt.ndim = r->ndim;
  for (int i = 0; i < r->ndim; i++) tgt.shape[i] = r->shape[i];
  if (overlaps(&tgt, &y)) {
    ArrayObj *c = arr_new(vm, y.dtype, y.ndim, y.shape);
    if (!c) goto fail;
    copy_cast(c, 0, y.arr, 0, y.size);
    operand_release(vm, &y);
    operand_set_array(&y, c);
    y.tmp = c;
  }
  if (y.size == tgt.size && y.arr) {
    copy_cast(&tgt, 0, y.arr, 0, y.size);
  } else {
    ArrayObj src = tgt;
    src.data = (char *)y.data;
    src.dtype = y.dtype;
    bstrides(&y, r->ndim, r->shape, st);
    for (ssize i = 0; i < tgt.size; i++) {
      ssize yo = 0;
      for (int k = 0; k < r->ndim; k++) yo += idx[k] * st[k];
      switch (tgt.dtype) {
      case DT_FLOAT64: ((double *)tgt.data)[i] = elem_d(&src, yo); break;
      case DT_INT64: ((int64_t *)tgt.data)[i] = elem_i(&src, yo); break;
      default: ((uint8_t *)tgt.data)[i] = elem_d(&src, yo) != 0; break;
      }
      for (int k = r->ndim - 1; k >= 0; k--) {
        if (++idx[k] < r->shape[k]) break;
        idx[k] = 0;
      }
    }
  }
  operand_release(vm, &y);
  return 0;
fail:
  operand_release(vm, &y);
  return -1;
}

static int nd_setitem(VM *vm, Obj *o, Obj *key, Obj *value) {
  Region r;
  if (!value) {
    vm_raise(vm, &Exc_ValueError, "cannot delete array elements");
    return -1;
  }
  if (resolve(vm, ARR(o), key, &r) < 0) return -1;
  return assign(vm, ARR(o), &r, value);
}

static ssize nd_len(VM *vm, Obj *o) {
  if (ARR(o)->ndim == 0) {
    vm_raise(vm, &Exc_TypeError, "len() of unsized object");
    return -1;
  }
  return ARR(o)->shape[0];
}

/* Iteration over the first axis: views of the rows, or the elements. */
typedef struct ArrayIterObj {
  Obj ob;
  Obj *arr;                       /* the array (owned) */
  ssize i;                        /* next row */
} ArrayIterObj;

static Obj *nd_iter(VM *vm, Obj *o) {
  ArrayIterObj *it;
  if (ARR(o)->ndim == 0)
    return vm_raise(vm, &Exc_TypeError, "iteration over a 0-d array");
  it = (ArrayIterObj *)obj_alloc(vm, &ArrayIter_Type, sizeof(ArrayIterObj));
  if (!it) return NULL;
  it->arr = incref(o);
  it->i = 0;
  return OBJ(it);
}

static Obj *arriter_next(VM *vm, Obj *o) {
  ArrayIterObj *it = (ArrayIterObj *)o;
  ArrayObj *a = ARR(it->arr);
  if (it->i >= a->shape[0]) return NULL;
  ssize i = it->i++;
  if (a->ndim == 1) return elem_obj(vm, a, i);
  ssize row = a->size / a->shape[0];
  return OBJ(arr_view(vm, a, a->data + (size_t)(i * row) * dt_itemsize[a->dtype],
                      a->ndim - 1, a->shape + 1));
}

static Obj *arriter_iter(VM *vm, Obj *o) { return incref(o); }

static void arriter_dealloc(VM *vm, Obj *o) {
  Obj *arr = ((ArrayIterObj *)o)->arr;
  obj_free(vm, o, sizeof(ArrayIterObj));
  decref(vm, arr);
}

static size_t arriter_sizeof(Obj *o) { return sizeof(ArrayIterObj); }

static int arriter_traverse(Obj *o, visitproc visit, void *arg) {
  return visit(((ArrayIterObj *)o)->arr, EDGE_OTHER, 0, NULL, arg);
}

TypeObj ArrayIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(ArrayIterObj),
  .dealloc = arriter_dealloc,
  .sizeof_ = arriter_sizeof,
  .traverse = arriter_traverse,
  .iter = arriter_iter,
  .iternext = arriter_next,
};

/* ------------------------------------------------------------------ */
/* Reductions                                                         */
/* ------------------------------------------------------------------ */

/* numpy's pairwise summation of N doubles at stride S (elements). */
static double pairwise(const double *a, ssize n, ssize s) {
  if (n < 8) {
    double res = 0.0;
    for (ssize i = 0; i < n; i++) res += a[i * s];
    return res;
  }
  if (n <= 128) {
    double r[8], res;
    ssize i;
    for (int j = 0; j < 8; j++) r[j] = a[j * s];
    for (i = 8; i < n - (n % 8); i += 8)
      for (int j = 0; j < 8; j++) r[j] += a[(i + j) * s];
    res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
    for (; i < n; i++) res += a[i * s];
    return res;
  }
  ssize n2 = n / 2;
  n2 -= n2 % 8;
  return pairwise(a, n2, s) + pairwise(a + n2 * s, n - n2, s);
}

#define NP_BUFSIZE 8192           /* numpy's reduction buffer, in elements */

/* Sum of N elements of A from OFF at stride S, as doubles: pairwise within
** each buffer of 8192 elements, buffers added in order. */
static double sum_double(const ArrayObj *a, ssize off, ssize n, ssize s) {
  static double buf[NP_BUFSIZE];  /* conversion buffer (the VM is single-threaded) */
  double res = 0.0;
  if (a->dtype == DT_FLOAT64) {
    const double *d = (const double *)a->data + off;
    for (ssize k = 0; k < n; k += NP_BUFSIZE)
      res += pairwise(d + k * s, n - k < NP_BUFSIZE ? n - k : NP_BUFSIZE, s);
    return res;
  }
  /* ints and bools are converted a buffer at a time, as numpy's buffered
  ** reduction does, and each buffer is summed pairwise. */
  for (ssize k = 0; k < n; k += NP_BUFSIZE) {
    ssize m = n - k < NP_BUFSIZE ? n - k : NP_BUFSIZE;
    for (ssize j = 0; j < m; j++) buf[j] = elem_d(a, off + (k + j) * s);
    res += pairwise(buf, m, 1);
  }
  return res;
}

static int64_t sum_int(const ArrayObj *a, ssize off, ssize n, ssize s) {
  uint64_t acc = 0;
  for (ssize i = 0; i < n; i++) acc += (uint64_t)elem_i(a, off + i * s);
  return (int64_t)acc;
}

static const char *const reduce_names[] = {"axis", "dtype", "out", "keepdims"};

/* sum/mean along AXIS (or all) of A.  MEAN divides by the count. */
static Obj *reduce_sum(VM *vm, ArrayObj *a, const char *fname, Obj *const *args,
                       size_t nargs, Obj *kwnames, bool mean) {
  ModArgSpec spec = {fname, reduce_names, 4, 0, 4, 0};
  Obj *p[4];
  int axis;
  ssize oshape[ND_MAXDIM];
  ArrayObj *out;
  bool as_float = mean || a->dtype == DT_FLOAT64;
  if (mod_args(vm, &spec, args, nargs, kwnames, p) < 0) return NULL;
  if ((p[1] && p[1] != None) || (p[2] && p[2] != None) || p[3])
    return not_supported(vm, "the dtype=, out= and keepdims= arguments");
  if (!p[0] || p[0] == None) {
    if (mean) {
      if (a->size == 0) return float_new(vm, NAN);
      return float_new(vm, sum_double(a, 0, a->size, 1) / (double)a->size);
    }
    if (as_float) return float_new(vm, sum_double(a, 0, a->size, 1));
    return int_from_i64(vm, sum_int(a, 0, a->size, 1));
  }
  if (mod_as_int(vm, p[0], &axis) < 0) return NULL;
  if (axis < 0) axis += a->ndim;
  if (axis < 0 || axis >= a->ndim)
    return vm_raise(vm, &Exc_ValueError, "axis %d is out of bounds for array of dimension %d",
                    axis < 0 ? axis - a->ndim : axis, a->ndim);
  for (int i = 0, j = 0; i < a->ndim; i++)
    if (i != axis) oshape[j++] = a->shape[i];
  out = arr_new(vm, as_float ? DT_FLOAT64 : DT_INT64, a->ndim - 1, oshape);
  if (!out) return NULL;
  ssize inner = 1, outer = 1, len = a->shape[axis];
  for (int i = axis + 1; i < a->ndim; i++) inner *= a->shape[i];
  for (int i = 0; i < axis; i++) outer *= a->shape[i];
  for (ssize o = 0; o < outer; o++) {
    for (ssize in = 0; in < inner; in++) {
      ssize base = o * len * inner + in, oi = o * inner + in;
      if (!as_float) {
        ((int64_t *)out->data)[oi] = sum_int(a, base, len, inner);
        continue;
      }
      double v;
      if (inner == 1) {
        v = sum_double(a, base, len, 1);
      } else {
        v = 0.0;   /* a non-innermost axis: rows added in order */
        for (ssize k = 0; k < len; k++) v += elem_d(a, base + k * inner);
      }
      ((double *)out->data)[oi] = mean ? v / (double)len : v;
    }
  }
  if (out->ndim == 0) {
    Obj *r = elem_obj(vm, out, 0);
    decref(vm, OBJ(out));
    return r;
  }
  return OBJ(out);
}

/* min()/max() over all elements; NaN wins, as in numpy. */
static Obj *reduce_minmax(VM *vm, ArrayObj *a, const char *qname, size_t nargs,
                          Obj *kwnames, bool max) {
  if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
    return not_supported(vm, "arguments to min()/max()");
  if (a->size == 0)
    return vm_raise(vm, &Exc_ValueError,
                    "zero-size array to reduction operation %s which has no identity",
                    max ? "maximum" : "minimum");
  (void)qname;
  if (a->dtype == DT_FLOAT64) {
    const double *d = (const double *)a->data;
    double best = d[0];
    for (ssize i = 1; i < a->size && !isnan(best); i++) {
      if (isnan(d[i])) best = d[i];
      else if (max ? d[i] > best : d[i] < best) best = d[i];
    }
    return float_new(vm, best);
  }
  ssize bi = 0;
  for (ssize i = 1; i < a->size; i++)
    if (max ? elem_i(a, i) > elem_i(a, bi) : elem_i(a, i) < elem_i(a, bi)) bi = i;
  return elem_obj(vm, a, bi);
}

/* ------------------------------------------------------------------ */
/* Methods and attributes                                             */
/* ------------------------------------------------------------------ */

#define M_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static Obj *arr_copy_of(VM *vm, ArrayObj *a, int dtype) {
  ArrayObj *c = arr_new(vm, dtype, a->ndim, a->shape);
  if (!c) return NULL;
  copy_cast(c, 0, a, 0, a->size);
  return OBJ(c);
}

static Obj *m_copy(M_ARGS) {
  if (mod_check_noargs(vm, "copy", nargs, kwnames) < 0) return NULL;
  return arr_copy_of(vm, ARR(self), ARR(self)->dtype);
}

static Obj *m_astype(M_ARGS) {
  int dt;
  if (mod_check_o(vm, "astype", nargs, kwnames) < 0) return NULL;
  if ((dt = parse_dtype(vm, args[0], DT_FLOAT64)) < 0) return NULL;
  return arr_copy_of(vm, ARR(self), dt);
}

static Obj *m_sum(M_ARGS) {
  return reduce_sum(vm, ARR(self), "sum", args, nargs, kwnames, false);
}
static Obj *m_mean(M_ARGS) {
  return reduce_sum(vm, ARR(self), "mean", args, nargs, kwnames, true);
}
static Obj *m_max(M_ARGS) { return reduce_minmax(vm, ARR(self), "max", nargs, kwnames, true); }
static Obj *m_min(M_ARGS) { return reduce_minmax(vm, ARR(self), "min", nargs, kwnames, false); }

static Obj *any_all(VM *vm, ArrayObj *a, size_t nargs, Obj *kwnames, bool any) {
  if (nargs || (kwnames && TUPLE_SIZE(kwnames)))
    return not_supported(vm, "arguments to any()/all()");
  for (ssize i = 0; i < a->size; i++)
    if ((elem_d(a, i) != 0) == any) return bool_new(any);
  return bool_new(!any);
}

static Obj *m_any(M_ARGS) { return any_all(vm, ARR(self), nargs, kwnames, true); }
static Obj *m_all(M_ARGS) { return any_all(vm, ARR(self), nargs, kwnames, false); }

/* reshape(*shape) or reshape(shape): a view; one extent may be -1. */
static Obj *m_reshape(M_ARGS) {
  ArrayObj *a = ARR(self);
  ssize shape[ND_MAXDIM], known = 1;
  int ndim, unknown = -1;
  if (kwnames && TUPLE_SIZE(kwnames)) return not_supported(vm, "reshape(order=...)");
  if (nargs == 1) {
    if ((ndim = parse_shape(vm, args[0], shape)) < 0) return NULL;
  } else {
    if (nargs > ND_MAXDIM) return not_supported(vm, "more than 8 dimensions");
    for (size_t i = 0; i < nargs; i++) {
      shape[i] = obj_as_ssize(vm, args[i]);
      if (shape[i] == -1 && vm_exc_occurred(vm)) return NULL;
    }
    ndim = (int)nargs;
  }
  for (int i = 0; i < ndim; i++) {
    if (shape[i] == -1) {
      if (unknown >= 0)
        return vm_raise(vm, &Exc_ValueError, "can only specify one unknown dimension");
      unknown = i;
    } else if (shape[i] < 0) {
      return vm_raise(vm, &Exc_ValueError, "negative dimensions not allowed");
    } else {
      known *= shape[i];
    }
  }
  if (unknown >= 0 && known > 0 && a->size % known == 0) shape[unknown] = a->size / known;
  else if (unknown >= 0) known = -1;
  if ((unknown < 0 && known != a->size) || known < 0) {
    char sh[200];
    shape_str(sh, sizeof sh, ndim, shape, false);
    return vm_raise(vm, &Exc_ValueError, "cannot reshape array of size %ld into shape %s",
                    (long)a->size, sh);
  }
  return OBJ(arr_view(vm, a, a->data, ndim, shape));
}

static Obj *tolist_at(VM *vm, ArrayObj *a, int axis, ssize off) {
  if (axis == a->ndim) return elem_obj(vm, a, off);
  ssize n = a->shape[axis], stride = 1;
  for (int i = axis + 1; i < a->ndim; i++) stride *= a->shape[i];
  Obj *l = list_new(vm, n);
  if (!l) return NULL;
  for (ssize i = 0; i < n; i++) {
    Obj *v = tolist_at(vm, a, axis + 1, off + i * stride);
    if (!v) {
      for (ssize j = i; j < n; j++) LIST_ITEMS(l)[j] = incref(None);
      decref(vm, l);
      return NULL;
    }
    LIST_ITEMS(l)[i] = v;
  }
  return l;
}

static Obj *m_tolist(M_ARGS) {
  if (mod_check_noargs(vm, "tolist", nargs, kwnames) < 0) return NULL;
  return tolist_at(vm, ARR(self), 0, 0);
}

static Obj *m_fill(M_ARGS) {
  Region r;
  ArrayObj *a = ARR(self);
  if (mod_check_o(vm, "fill", nargs, kwnames) < 0) return NULL;
  r.off = 0;
  r.ndim = a->ndim;
  r.size = a->size;
  for (int i = 0; i < a->ndim; i++) r.shape[i] = a->shape[i];
  if (assign(vm, a, &r, args[0]) < 0) return NULL;
  return none_new();
}

static Obj *get_shape(VM *vm, Obj *o) { return shape_tuple(vm, ARR(o)->ndim, ARR(o)->shape); }
static Obj *get_ndim(VM *vm, Obj *o) { return int_from_i64(vm, ARR(o)->ndim); }
static Obj *get_size(VM *vm, Obj *o) { return int_from_i64(vm, ARR(o)->size); }
static Obj *get_nbytes(VM *vm, Obj *o) {
  return int_from_i64(vm, ARR(o)->size * (ssize)dt_itemsize[ARR(o)->dtype]);
}
static Obj *get_itemsize(VM *vm, Obj *o) {
  return int_from_i64(vm, (ssize)dt_itemsize[ARR(o)->dtype]);
}
static Obj *get_dtype(VM *vm, Obj *o) { return incref(OBJ(&dtype_objs[ARR(o)->dtype])); }
static Obj *get_base(VM *vm, Obj *o) { return incref(ARR(o)->base ? ARR(o)->base : None); }

static const MethodDef nd_methods[] = {
  {"copy", m_copy, 0},
  {"astype", m_astype, 0},
  {"sum", m_sum, 0},
  {"mean", m_mean, 0},
  {"max", m_max, 0},
  {"min", m_min, 0},
  {"any", m_any, 0},
  {"all", m_all, 0},
  {"reshape", m_reshape, 0},
  {"tolist", m_tolist, 0},
  {"fill", m_fill, 0},
  {NULL, NULL, 0},
};

static const GetSetDef nd_getset[] = {
  {"shape", get_shape, NULL},
  {"ndim", get_ndim, NULL},
  {"size", get_size, NULL},
  {"nbytes", get_nbytes, NULL},
  {"itemsize", get_itemsize, NULL},
  {"dtype", get_dtype, NULL},
  {"base", get_base, NULL},
  {NULL, NULL, NULL},
};

/* ------------------------------------------------------------------ */
/* repr and str: numpy 1.24's array2string for these dtypes            */
/* ------------------------------------------------------------------ */

#define EDGE_ITEMS 3
#define THRESHOLD 1000
#define LINE_WIDTH 75
#define FLOAT_PREC 8

/* The element formatter chosen from the (summarised) data, as numpy's
** FloatingFormat / IntegerFormat / BoolFormat. */
typedef struct ElemFmt {
  int dtype;                      /* DT_* */
  bool exp;                       /* floats: scientific notation */
  int precision;                  /* floats, scientific: mantissa digits */
  int pad_left;                   /* floats: width of the integer part */
  int pad_right;                  /* floats: width of the fraction */
  int exp_size;                   /* floats, scientific: exponent digits */
  int width;                      /* ints: field width */
  bool any_finite;                /* floats: some value is finite */
  bool neg_inf;                   /* floats: some value is -inf */
  bool any_nonfinite;             /* floats: some value is nan or inf */
  bool scalar;                    /* a 0-d array (bools print without pad) */
  double max_abs, min_abs;        /* floats: over finite nonzero values */
  bool any_nonzero;               /* floats: some finite value is nonzero */
} ElemFmt;

/* The shortest round-trip digits of X >= 0 (no dot, no trailing zeros
** beyond the first) and the decimal exponent of the first digit. */
static int shortest_digits(double x, char *dig, int *e10) {
  char buf[40];
  int n = 0;
  for (int p = 0; p < 17; p++) {
    snprintf(buf, sizeof buf, "%.*e", p, x);
    if (strtod(buf, NULL) == x) break;
  }
  char *e = strchr(buf, 'e');
  for (char *c = buf; c < e; c++)
    if (*c >= '0' && *c <= '9') dig[n++] = *c;
  while (n > 1 && dig[n - 1] == '0') n--;
  dig[n] = 0;
  *e10 = atoi(e + 1);
  return n;
}

/* Positional digits of finite X as numpy's dragon4_positional with
** precision 8, unique, trim '.': the integer part into IP, the fraction into
** FP (without the point).  Both include no padding; IP has the sign. */
static void positional(double x, char *ip, char *fp) {
  char dig[40];
  int e10, n = shortest_digits(fabs(x), dig, &e10);
  int nfrac = n - 1 - e10;
  char *p = ip;
  if (signbit(x)) *p++ = '-';
  if (nfrac > FLOAT_PREC) {
    char buf[64], *dot;
    snprintf(buf, sizeof buf, "%.*f", FLOAT_PREC, fabs(x));
    dot = strchr(buf, '.');
    *dot = 0;
    strcpy(p, buf);
    strcpy(fp, dot + 1);
    size_t l = strlen(fp);
    while (l > 0 && fp[l - 1] == '0') fp[--l] = 0;
    return;
  }
  if (e10 >= 0) {
    for (int i = 0; i <= e10; i++) *p++ = i < n ? dig[i] : '0';
    *p = 0;
    int k = 0;
    for (int i = e10 + 1; i < n; i++) fp[k++] = dig[i];
    fp[k] = 0;
  } else {
    *p++ = '0';
    *p = 0;
    int k = 0;
    for (int i = 0; i < -e10 - 1; i++) fp[k++] = '0';
    for (int i = 0; i < n; i++) fp[k++] = dig[i];
    fp[k] = 0;
  }
  if (strcmp(fp, "0") == 0) fp[0] = 0;
}

static void fmt_observe(ElemFmt *f, const ArrayObj *a, ssize i) {
  if (a->dtype == DT_INT64) {
    char buf[32];
    int w = snprintf(buf, sizeof buf, "%ld", (long)((int64_t *)a->data)[i]);
    if (w > f->width) f->width = w;
    return;
  }
  if (a->dtype != DT_FLOAT64) return;
  double x = ((double *)a->data)[i];
  if (!isfinite(x)) {
    f->any_nonfinite = true;
    if (isinf(x) && x < 0) f->neg_inf = true;
    return;
  }
  f->any_finite = true;
  if (x != 0) {
    double ax = fabs(x);
    if (!f->any_nonzero || ax > f->max_abs) f->max_abs = ax;
    if (!f->any_nonzero || ax < f->min_abs) f->min_abs = ax;
    f->any_nonzero = true;
  }
}

/* Second pass over the floats once the notation is known. */
static void fmt_measure(ElemFmt *f, const ArrayObj *a, ssize i) {
  double x = ((double *)a->data)[i];
  if (a->dtype != DT_FLOAT64 || !isfinite(x)) return;
  if (f->exp) {
    char dig[40];
    int e10, n = shortest_digits(fabs(x), dig, &e10);
    int prec = n - 1;
    if (prec > FLOAT_PREC) {
      /* rounded to 8 digits after the point, then trailing zeros trimmed */
      char buf[64], *e;
      snprintf(buf, sizeof buf, "%.*e", FLOAT_PREC, fabs(x));
      e = strchr(buf, 'e');
      e10 = atoi(e + 1);
      prec = FLOAT_PREC;
      while (prec > 0 && e[-1] == '0') {
        prec--;
        e--;
      }
    }
    int il = signbit(x) ? 2 : 1;
    int ed = abs(e10) >= 100 ? 3 : 2;
    if (prec > f->precision) f->precision = prec;
    if (il > f->pad_left) f->pad_left = il;
    if (ed > f->exp_size) f->exp_size = ed;
  } else {
    char ip[400], fp[400];
    positional(x, ip, fp);
    int l = (int)strlen(ip), r = (int)strlen(fp);
    if (l > f->pad_left) f->pad_left = l;
    if (r > f->pad_right) f->pad_right = r;
  }
}

/* Call FN on every element numpy looks at to choose the format: all of
** them, or with SUMMARY only the first and last EDGE_ITEMS along each long
** axis. */
static void for_format_data(ElemFmt *f, const ArrayObj *a, bool summary, int axis,
                            ssize off, void (*fn)(ElemFmt *, const ArrayObj *, ssize)) {
  if (axis == a->ndim) {
    fn(f, a, off);
    return;
  }
  ssize n = a->shape[axis], stride = 1;
  for (int i = axis + 1; i < a->ndim; i++) stride *= a->shape[i];
  bool cut = summary && n > 2 * EDGE_ITEMS;
  for (ssize i = 0; i < n; i++) {
    if (cut && i == EDGE_ITEMS) i = n - EDGE_ITEMS;
    for_format_data(f, a, summary, axis + 1, off + i * stride, fn);
  }
}

static void fmt_setup(ElemFmt *f, const ArrayObj *a, bool summary) {
  memset(f, 0, sizeof *f);
  f->dtype = a->dtype;
  f->scalar = a->ndim == 0;
  for_format_data(f, a, summary, 0, 0, fmt_observe);
  if (a->dtype != DT_FLOAT64) return;
  if (f->any_nonzero &&
      (f->max_abs >= 1e8 || f->min_abs < 0.0001 || f->max_abs / f->min_abs > 1000.))
    f->exp = true;
  if (f->any_finite) {
    for_format_data(f, a, summary, 0, 0, fmt_measure);
    if (f->exp) f->pad_right = f->exp_size + 2 + f->precision;
  }
  if (f->any_nonfinite) {
    int offset = f->pad_right + 1, inflen = 3 + (f->neg_inf ? 1 : 0);
    if (3 - offset > f->pad_left) f->pad_left = 3 - offset;
    if (inflen - offset > f->pad_left) f->pad_left = inflen - offset;
  }
}

/* Format element I into BUF (at least 512 bytes); returns its length. */
static int fmt_elem(const ElemFmt *f, const ArrayObj *a, ssize i, char *buf) {
  if (a->dtype == DT_BOOL) {
    bool v = ((uint8_t *)a->data)[i] != 0;
    return snprintf(buf, 512, "%s", v ? (f->scalar ? "True" : " True") : "False");
  }
  if (a->dtype == DT_INT64)
    return snprintf(buf, 512, "%*ld", f->width, (long)((int64_t *)a->data)[i]);
  double x = ((double *)a->data)[i];
  if (!isfinite(x)) {
    const char *s = isnan(x) ? "nan" : x < 0 ? "-inf" : "inf";
    return snprintf(buf, 512, "%*s", f->pad_left + f->pad_right + 1, s);
  }
  if (f->exp) {
    char m[64], *e;
    snprintf(m, sizeof m, "%.*e", f->precision, fabs(x));
    e = strchr(m, 'e');
    *e = 0;
    int ex = atoi(e + 1);
    char mant[80];
    if (f->precision == 0) snprintf(mant, sizeof mant, "%s%s.", signbit(x) ? "-" : "", m);
    else snprintf(mant, sizeof mant, "%s%s", signbit(x) ? "-" : "", m);
    int il = (int)(strchr(mant, '.') - mant);
    return snprintf(buf, 512, "%*s%se%c%0*d", f->pad_left - il, "", mant,
                    ex < 0 ? '-' : '+', f->exp_size, abs(ex));
  }
  char ip[400], fp[400];
  positional(x, ip, fp);
  return snprintf(buf, 512, "%*s.%-*s", f->pad_left, ip, f->pad_right, fp);
}

/* The state of one array2string. */
typedef struct Printer {
  VM *vm;
  const ArrayObj *a;
  ElemFmt f;                      /* the element format */
  const char *sep;                /* ", " (repr) or " " (str) */
  bool summary;                   /* more than THRESHOLD elements */
  bool failed;                    /* out of memory */
} Printer;

static void sb_spaces(VM *vm, StrBuf *b, int n) {
  for (int i = 0; i < n; i++) sb_addc(vm, b, ' ');
}

/* numpy's _extendLine: wrap LINE into S when WORD would pass WIDTH. */
static void extend_line(VM *vm, StrBuf *s, StrBuf *line, const char *word, size_t wl,
                        int width, int hang) {
  bool wrap = (int)(line->len + wl) > width;
  if ((int)line->len <= hang) wrap = false;
  if (wrap) {
    size_t l = line->len;
    while (l > 0 && line->p[l - 1] == ' ') l--;
    sb_add(vm, s, line->p, l);
    sb_addc(vm, s, '\n');
    line->len = 0;
    sb_spaces(vm, line, hang);
  }
  sb_add(vm, line, word, wl);
}

/* numpy's _formatArray recurser for the sub-array at OFF along AXIS, into
** OUT. */
static void format_axis(Printer *pr, StrBuf *out, int axis, ssize off, int hang,
                        int width) {
  VM *vm = pr->vm;
  const ArrayObj *a = pr->a;
  ssize n = a->shape[axis], stride = 1;
  int axes_left = a->ndim - axis;
  bool show = pr->summary && 2 * EDGE_ITEMS < n;
  ssize lead = show ? EDGE_ITEMS : 0, trail = show ? EDGE_ITEMS : n;
  StrBuf s;
  char word[512];
  for (int i = axis + 1; i < a->ndim; i++) stride *= a->shape[i];
  sb_init(&s);
  if (axes_left == 1) {
    int elem_width = width - 1;
    StrBuf line;
    sb_init(&line);
    sb_spaces(vm, &line, hang);
    for (ssize i = 0; i < lead; i++) {
      int wl = fmt_elem(&pr->f, a, off + i, word);
      extend_line(vm, &s, &line, word, (size_t)wl, elem_width, hang);
      sb_add(vm, &line, pr->sep, strlen(pr->sep));
    }
    if (show) {
      extend_line(vm, &s, &line, "...", 3, elem_width, hang);
      sb_add(vm, &line, pr->sep, strlen(pr->sep));
    }
    for (ssize i = trail; i > 1; i--) {
      int wl = fmt_elem(&pr->f, a, off + n - i, word);
      extend_line(vm, &s, &line, word, (size_t)wl, elem_width, hang);
      sb_add(vm, &line, pr->sep, strlen(pr->sep));
    }
    int wl = fmt_elem(&pr->f, a, off + n - 1, word);
    extend_line(vm, &s, &line, word, (size_t)wl, elem_width, hang);
    sb_add(vm, &s, line.p, line.len);
    if (line.failed) pr->failed = true;
    sb_free(&line);
  } else {
    char line_sep[16];
    int k = 0;
    if (pr->sep[0] == ',') line_sep[k++] = ',';
    for (int i = 0; i < axes_left - 1 && k < 15; i++) line_sep[k++] = '\n';
    line_sep[k] = 0;
    for (ssize i = 0; i < n; i++) {
      if (show && i == lead) {
        sb_spaces(vm, &s, hang);
        sb_add(vm, &s, "...", 3);
        sb_add(vm, &s, line_sep, (size_t)k);
        i = n - trail;
      }
      sb_spaces(vm, &s, hang);
      format_axis(pr, &s, axis + 1, off + i * stride, hang + 1, width - 1);
      if (i < n - 1) sb_add(vm, &s, line_sep, (size_t)k);
    }
  }
  sb_addc(vm, out, '[');
  if (s.len > (size_t)hang) sb_add(vm, out, s.p + hang, s.len - (size_t)hang);
  sb_addc(vm, out, ']');
  if (s.failed) pr->failed = true;
  sb_free(&s);
}

static Obj *nd_format(VM *vm, Obj *o, bool repr) {
  ArrayObj *a = ARR(o);
  Printer pr;
  StrBuf b;
  char word[512];
  if (a->size == 0) {
    if (!repr) return str_from_cstr(vm, "[]");
    if (a->ndim == 1) return str_fromf(vm, "array([], dtype=%s)", dt_name[a->dtype]);
    char sh[200];
    shape_str(sh, sizeof sh, a->ndim, a->shape, false);
    return str_fromf(vm, "array([], shape=%s, dtype=%s)", sh, dt_name[a->dtype]);
  }
  if (a->ndim == 0 && !repr) {
    Obj *v = elem_obj(vm, a, 0), *s;
    if (!v) return NULL;
    s = obj_str(vm, v);
    decref(vm, v);
    return s;
  }
  pr.vm = vm;
  pr.a = a;
  pr.sep = repr ? ", " : " ";
  pr.summary = a->size > THRESHOLD;
  pr.failed = false;
  fmt_setup(&pr.f, a, pr.summary);
  sb_init(&b);
  if (repr) sb_add(vm, &b, "array(", 6);
  if (a->ndim == 0) {
    int wl = fmt_elem(&pr.f, a, 0, word);
    sb_add(vm, &b, word, (size_t)wl);
  } else {
    format_axis(&pr, &b, 0, 0, repr ? 7 : 1, repr ? LINE_WIDTH - 1 : LINE_WIDTH);
  }
  if (repr) sb_addc(vm, &b, ')');
  if (pr.failed) {
    sb_free(&b);
    return vm_raise_nomem(vm);
  }
  return sb_finish(vm, &b);
}

static Obj *nd_repr(VM *vm, Obj *o) { return nd_format(vm, o, true); }
static Obj *nd_str(VM *vm, Obj *o) { return nd_format(vm, o, false); }

/* ------------------------------------------------------------------ */
/* The type and the module                                            */
/* ------------------------------------------------------------------ */

TypeObj NDArray_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "numpy.ndarray",
  .tag = HT_TAG_ARRAY,
  .basicsize = sizeof(ArrayObj),
  .dealloc = arr_dealloc,
  .sizeof_ = arr_sizeof,
  .traverse = arr_traverse,
  .repr = nd_repr,
  .str = nd_str,
  .richcmp = nd_richcmp,
  .iter = nd_iter,
  .len = nd_len,
  .getitem = nd_getitem,
  .setitem = nd_setitem,
  .bool_ = nd_bool,
  .binop = {
    [BINOP_ADD] = nd_add, [BINOP_SUB] = nd_sub, [BINOP_MUL] = nd_mul,
    [BINOP_TRUEDIV] = nd_truediv, [BINOP_FLOORDIV] = nd_floordiv,
    [BINOP_MOD] = nd_mod, [BINOP_POW] = nd_pow,
  },
  .inplace = {
    [BINOP_ADD] = nd_add_inplace, [BINOP_SUB] = nd_sub_inplace,
    [BINOP_MUL] = nd_mul_inplace, [BINOP_TRUEDIV] = nd_truediv_inplace,
    [BINOP_FLOORDIV] = nd_floordiv_inplace, [BINOP_MOD] = nd_mod_inplace,
    [BINOP_POW] = nd_pow_inplace,
  },
  .neg = nd_neg,
  .pos = nd_pos,
  .abs = nd_abs,
  .methods = nd_methods,
  .getset = nd_getset,
};

static const MethodDef numpy_funcs[] = {
  {"zeros", np_zeros, 0},
  {"ones", np_ones, 0},
  {"empty", np_empty, 0},
  {"arange", np_arange, 0},
  {"array", np_array, 0},
  {NULL, NULL, 0},
};

static const MethodDef random_funcs[] = {
  {"random", np_random_random, 0},
  {"random_sample", np_random_random, 0},
  {"rand", np_random_rand, 0},
  {"seed", np_random_seed, 0},
  {NULL, NULL, 0},
};

Obj *numpy_init(VM *vm) {
  Obj *m = module_new(vm, "numpy", numpy_funcs), *d, *rnd;
  if (!m) return NULL;
  d = ((ModuleObj *)m)->dict;
  rnd = module_new(vm, "numpy.random", random_funcs);
  if (!rnd) goto fail;
  if (dict_set_cstr(vm, d, "random", rnd) < 0) {
    decref(vm, rnd);
    goto fail;
  }
  decref(vm, rnd);
  if (dict_set_cstr(vm, d, "ndarray", OBJ(&NDArray_Type)) < 0 ||
      dict_set_cstr(vm, d, "dtype", OBJ(&DType_Type)) < 0 ||
      dict_set_cstr(vm, d, "float64", OBJ(&Float_Type)) < 0 ||
      dict_set_cstr(vm, d, "int64", OBJ(&Int_Type)) < 0 ||
      dict_set_cstr(vm, d, "bool_", OBJ(&Bool_Type)) < 0)
    goto fail;
  return m;
fail:
  decref(vm, m);
  return NULL;
}
