/*
** float.c -- the float type: IEEE doubles with CPython's semantics.
**
** Arithmetic accepts int and bool operands on either side (converted with
** int_as_double, which rounds correctly and raises OverflowError "int too
** large to convert to float").  Floor division, modulo and divmod follow
** CPython's float_divmod: fmod first, then the sign fix-up, so that every
** result matches CPython bit for bit.  Comparisons with ints are exact for
** any magnitude: an int is never rounded to a double to be compared.
**
** hash(x) is CPython's: x = m * 2**e reduced modulo 2**61 - 1 (with 2**-1
** = 2**60 in that field), so that equal ints and floats hash alike;
** hash(inf) = 314159 and NaN hashes by identity.
**
** This file also holds round() for all the numbers (num_round), float(...)
** and num_as_double, the PyFloat_AsDouble of this VM.
*/
#include "config.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "floatobj.h"
#include "int.h"
#include "str.h"
#include "vm.h"

/* ------------------------------------------------------------------ */
/* Objects                                                             */
/* ------------------------------------------------------------------ */

Obj *float_new(VM *vm, double v) {
  Obj *o = obj_alloc(vm, &Float_Type, sizeof(FloatObj));
  if (!o) return NULL;
  FLOAT_VAL(o) = v;
  return o;
}

/* Subtype instances (heap classes) are freed by class.c's dealloc; this
** frees with the size the type says anyway, for any other caller. */
static void float_dealloc(VM *vm, Obj *o) {
  TypeObj *t = o->type;
  if (t == &Float_Type) obj_free(vm, o, sizeof(FloatObj));
  else if (t->flags & TF_GC) gc_free(vm, o, t->basicsize);
  else obj_free(vm, o, t->basicsize);
}

static size_t float_sizeof(Obj *o) { return sizeof(FloatObj); }

/* A new float of the heap subtype TYPE with value V. */
static Obj *float_subtype_new(VM *vm, TypeObj *type, double v) {
  Obj *o = (type->flags & TF_GC) ? gc_alloc(vm, type, type->basicsize)
                                 : obj_alloc(vm, type, type->basicsize);
  if (!o) return NULL;
  FLOAT_VAL(o) = v;
  if (type->flags & TF_GC) gc_track(vm, o);
  return o;
}

/* ------------------------------------------------------------------ */
/* Conversions                                                         */
/* ------------------------------------------------------------------ */

/* Convert a number operand: 1 with *OUT set, 0 when O is not an int or a
** float (the operator returns NotImplemented), -1 with an exception. */
static inline int to_double(VM *vm, Obj *o, double *out) {
  if (o->type == &Float_Type || float_check(o)) {
    *out = FLOAT_VAL(o);
    return 1;
  }
  if (o->type == &Int_Type || (o->type->flags & TF_INT_SUBCLASS)) {
    if (int_is_small(o)) {
      *out = (double)int_small_value(o);
      return 1;
    }
    double d = int_as_double(vm, o);
    if (d == -1.0 && vm_exc_occurred(vm)) return -1;
    *out = d;
    return 1;
  }
  return 0;
}

static Obj *call_dunder(VM *vm, Obj *o, const char *name, bool *found) {
  Obj *f = type_lookup(TYPE(o), str_intern_cstr(vm, name));
  *found = f != NULL;
  if (!f) return NULL;
  return obj_call(vm, f, &o, 1, NULL);
}

/* __float__ then __index__ of O; *FOUND false when it has neither. */
static int dunder_double(VM *vm, Obj *o, double *out, bool *found) {
  TypeObj *t = TYPE(o);
  Obj *r;
  bool heap = (t->flags & TF_HEAPTYPE) != 0;
  if (t->float_ && !heap) {
    r = t->float_(vm, o);
    *found = true;
  } else {
    r = call_dunder(vm, o, "__float__", found);
  }
  if (*found) {
    if (!r) return -1;
    if (!float_check(r)) {
      vm_raise(vm, &Exc_TypeError, "%s.__float__ returned non-float (type %s)",
               t->name, obj_type_name(r));
      decref(vm, r);
      return -1;
    }
    *out = FLOAT_VAL(r);
    decref(vm, r);
    return 0;
  }
  if (t->index && !heap) {
    r = t->index(vm, o);
    *found = true;
  } else {
    r = call_dunder(vm, o, "__index__", found);
  }
  if (*found) {
    if (!r) return -1;
    if (!int_check(r)) {
      vm_raise(vm, &Exc_TypeError, "__index__ returned non-int (type %s)", obj_type_name(r));
      decref(vm, r);
      return -1;
    }
    double d = int_as_double(vm, r);
    decref(vm, r);
    if (d == -1.0 && vm_exc_occurred(vm)) return -1;
    *out = d;
    return 0;
  }
  return 0;
}

double num_as_double(VM *vm, Obj *o) {
  double d;
  int rc = to_double(vm, o, &d);
  if (rc > 0) return d;
  if (rc < 0) return -1.0;
  bool found;
  if (dunder_double(vm, o, &d, &found) < 0) return -1.0;
  if (found) return d;
  vm_raise(vm, &Exc_TypeError, "must be real number, not %s", obj_type_name(o));
  return -1.0;
}

static bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static bool ieq(const char *s, size_t n, const char *word) {
  if (strlen(word) != n) return false;
  for (size_t i = 0; i < n; i++)
    if ((s[i] | 0x20) != word[i]) return false;
  return true;
}

/* Validate a run of digits with single underscores between digits,
** starting at *P; returns the number of digits. */
static size_t digit_run(const char **p, const char *end, char *out, size_t *k) {
  size_t nd = 0;
  const char *q = *p;
  while (q < end) {
    if (*q >= '0' && *q <= '9') {
      out[(*k)++] = *q++;
      nd++;
    } else if (*q == '_' && nd > 0 && q + 1 < end && q[1] >= '0' && q[1] <= '9') {
      q++;
    } else {
      break;
    }
  }
  *p = q;
  return nd;
}

int float_parse(VM *vm, const char *s, size_t n, Obj *orig, double *out) {
  const char *p = s, *end = s + n;
  while (p < end && is_space(*p)) p++;
  while (end > p && is_space(end[-1])) end--;
  size_t len = (size_t)(end - p);
  char small[64];
  char *clean = len + 8 <= sizeof small ? small : big_alloc(len + 8);
  if (!clean) {
    vm_raise_nomem(vm);
    return -1;
  }
  size_t k = 0;
  bool ok = false;
  const char *q = p;
  bool neg = false;
  if (q < end && (*q == '+' || *q == '-')) {
    neg = *q == '-';
    clean[k++] = *q++;
  }
  size_t rest = (size_t)(end - q);
  if (ieq(q, rest, "inf") || ieq(q, rest, "infinity")) {
    *out = neg ? -INFINITY : INFINITY;
    ok = true;
    goto done;
  }
  if (ieq(q, rest, "nan")) {
    *out = neg ? -NAN : NAN;
    ok = true;
    goto done;
  }
  size_t nint = digit_run(&q, end, clean, &k);
  size_t nfrac = 0;
  if (q < end && *q == '.') {
    clean[k++] = *q++;
    if (q < end && *q == '_') goto done;
    nfrac = digit_run(&q, end, clean, &k);
  }
  if (nint + nfrac == 0) goto done;
  if (q < end && (*q == 'e' || *q == 'E')) {
    clean[k++] = *q++;
    if (q < end && (*q == '+' || *q == '-')) clean[k++] = *q++;
    if (digit_run(&q, end, clean, &k) == 0) goto done;
  }
  if (q != end) goto done;
  clean[k] = 0;
  errno = 0;
  *out = strtod(clean, NULL);    /* overflow gives +-inf, as Python wants */
  ok = true;
done:
  if (clean != small) big_free(clean, len + 8);
  if (!ok) {
    if (orig) {
      vm_raise(vm, &Exc_ValueError, "could not convert string to float: %R", orig);
    } else {
      Obj *str = str_new(vm, s, n);
      if (str) {
        vm_raise(vm, &Exc_ValueError, "could not convert string to float: %R", str);
        decref(vm, str);
      }
    }
    return -1;
  }
  return 0;
}

/* float(S) for a str or bytes-like S: 1 with *OUT, 0 when S is neither. */
static int text_to_double(VM *vm, Obj *o, double *out) {
  if (str_check(o)) {
    if (((StrObj *)o)->ascii)
      return float_parse(vm, STR_UTF8(o), (size_t)STR_NBYTES(o), o, out) < 0 ? -1 : 1;
    size_t an, cap;
    char *a = num_ascii_text(vm, STR_UTF8(o), (size_t)STR_NBYTES(o), &an, &cap);
    if (!a) return -1;
    int rc = float_parse(vm, a, an, o, out);
    big_free(a, cap);
    return rc < 0 ? -1 : 1;
  }
  const char *data;
  ssize size;
  if (bytes_buffer(o, &data, &size)) {
    for (ssize i = 0; i < size; i++)
      if (data[i] == 0 || (unsigned char)data[i] >= 0x80) {
        vm_raise(vm, &Exc_ValueError, "could not convert string to float: %R", o);
        return -1;
      }
    return float_parse(vm, data, (size_t)size, o, out) < 0 ? -1 : 1;
  }
  return 0;
}

Obj *float_from_obj(VM *vm, Obj *o) {
  if (o->type == &Float_Type) return incref(o);
  double d;
  if (float_check(o) && !(o->type->flags & TF_HEAPTYPE)) return float_new(vm, FLOAT_VAL(o));
  if (int_check(o) && !(o->type->flags & TF_HEAPTYPE)) {
    d = int_as_double(vm, o);
    if (d == -1.0 && vm_exc_occurred(vm)) return NULL;
    return float_new(vm, d);
  }
  /* Exact str, bytes and bytearray have no __float__ or __index__. */
  if (o->type == &Str_Type || o->type == &Bytes_Type || o->type == &ByteArray_Type) {
    if (text_to_double(vm, o, &d) < 0) return NULL;
    return float_new(vm, d);
  }
  bool found;
  if (dunder_double(vm, o, &d, &found) < 0) return NULL;
  if (found) return float_new(vm, d);
  int rc = text_to_double(vm, o, &d);
  if (rc < 0) return NULL;
  if (rc > 0) return float_new(vm, d);
  return vm_raise(vm, &Exc_TypeError,
                  "float() argument must be a string or a real number, not '%s'",
                  obj_type_name(o));
}

Obj *float_type_new(VM *vm, Obj *callable, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames) > 0)
    return vm_raise(vm, &Exc_TypeError, "float() takes no keyword arguments");
  if (nargs > 1)
    return vm_raise(vm, &Exc_TypeError, "float expected at most 1 argument, got %zu", nargs);
  Obj *r = nargs ? float_from_obj(vm, args[0]) : float_new(vm, 0.0);
  if (!r || callable == (Obj *)&Float_Type) return r;
  Obj *s = float_subtype_new(vm, (TypeObj *)callable, FLOAT_VAL(r));
  decref(vm, r);
  return s;
}

/* ------------------------------------------------------------------ */
/* Arithmetic                                                          */
/* ------------------------------------------------------------------ */

#define CONVERT_BOTH(a, b, x, y)                   \
  double x, y;                                     \
  do {                                             \
    int rc_ = to_double(vm, a, &x);                \
    if (rc_ <= 0) return rc_ < 0 ? NULL : incref(NotImplemented); \
    rc_ = to_double(vm, b, &y);                    \
    if (rc_ <= 0) return rc_ < 0 ? NULL : incref(NotImplemented); \
  } while (0)

/* Both operands exact floats: the common case, without conversions. */
#define BOTH_EXACT(a, b) ((a)->type == &Float_Type && (b)->type == &Float_Type)

Obj *float_add(VM *vm, Obj *a, Obj *b) {
  if (BOTH_EXACT(a, b)) return float_new(vm, FLOAT_VAL(a) + FLOAT_VAL(b));
  CONVERT_BOTH(a, b, x, y);
  return float_new(vm, x + y);
}

Obj *float_sub(VM *vm, Obj *a, Obj *b) {
  if (BOTH_EXACT(a, b)) return float_new(vm, FLOAT_VAL(a) - FLOAT_VAL(b));
  CONVERT_BOTH(a, b, x, y);
  return float_new(vm, x - y);
}

Obj *float_mul(VM *vm, Obj *a, Obj *b) {
  if (BOTH_EXACT(a, b)) return float_new(vm, FLOAT_VAL(a) * FLOAT_VAL(b));
  CONVERT_BOTH(a, b, x, y);
  return float_new(vm, x * y);
}

Obj *float_truediv(VM *vm, Obj *a, Obj *b) {
  if (BOTH_EXACT(a, b) && FLOAT_VAL(b) != 0.0)
    return float_new(vm, FLOAT_VAL(a) / FLOAT_VAL(b));
  CONVERT_BOTH(a, b, x, y);
  if (y == 0.0) return vm_raise(vm, &Exc_ZeroDivisionError, "float division by zero");
  return float_new(vm, x / y);
}

/* CPython's float_divmod arithmetic (y != 0). */
static void divmod_double(double x, double y, double *pdiv, double *pmod) {
  double mod = fmod(x, y);
  double div = (x - mod) / y;
  if (mod) {
    if ((y < 0) != (mod < 0)) {
      mod += y;
      div -= 1.0;
    }
  } else {
    mod = copysign(0.0, y);
  }
  double floordiv;
  if (div) {
    floordiv = floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = copysign(0.0, x / y);
  }
  *pdiv = floordiv;
  *pmod = mod;
}

Obj *float_floordiv(VM *vm, Obj *a, Obj *b) {
  CONVERT_BOTH(a, b, x, y);
  if (y == 0.0) return vm_raise(vm, &Exc_ZeroDivisionError, "float floor division by zero");
  double d, m;
  divmod_double(x, y, &d, &m);
  return float_new(vm, d);
}

Obj *float_mod(VM *vm, Obj *a, Obj *b) {
  CONVERT_BOTH(a, b, x, y);
  if (y == 0.0) return vm_raise(vm, &Exc_ZeroDivisionError, "float modulo");
  double mod = fmod(x, y);
  if (mod) {
    if ((y < 0) != (mod < 0)) mod += y;
  } else {
    mod = copysign(0.0, y);
  }
  return float_new(vm, mod);
}

Obj *float_divmod(VM *vm, Obj *a, Obj *b) {
  CONVERT_BOTH(a, b, x, y);
  if (y == 0.0) return vm_raise(vm, &Exc_ZeroDivisionError, "float divmod()");
  double d, m;
  divmod_double(x, y, &d, &m);
  Obj *fd = float_new(vm, d);
  if (!fd) return NULL;
  Obj *fm = float_new(vm, m);
  if (!fm) {
    decref(vm, fd);
    return NULL;
  }
  Obj *t = tuple_new(vm, 2);
  if (!t) {
    decref(vm, fd);
    decref(vm, fm);
    return NULL;
  }
  TUPLE_ITEMS(t)[0] = fd;
  TUPLE_ITEMS(t)[1] = fm;
  return t;
}

/* Raise TYPE(errno, strerror(errno)) as PyErr_SetFromErrno does. */
static Obj *raise_errno(VM *vm, TypeObj *type, int err) {
  Obj *code = int_from_i64(vm, err);
  if (!code) return NULL;
  Obj *msg = str_from_cstr(vm, strerror(err));
  if (!msg) {
    decref(vm, code);
    return NULL;
  }
  Obj *args[2] = {code, msg};
  Obj *exc = obj_call(vm, (Obj *)type, args, 2, NULL);
  decref(vm, code);
  decref(vm, msg);
  if (!exc) return NULL;
  vm_raise_obj(vm, exc);
  decref(vm, exc);
  return NULL;
}

static bool is_odd_integer(double y) { return fmod(fabs(y), 2.0) == 1.0; }

Obj *float_pow_double(VM *vm, double x, double y) {
  if (y == 0) return float_new(vm, 1.0);
  if (isnan(x)) return float_new(vm, x);
  if (isnan(y)) return float_new(vm, x == 1.0 ? 1.0 : y);
  if (isinf(y)) {
    double ax = fabs(x);
    if (ax == 1.0) return float_new(vm, 1.0);
    if ((y > 0.0) == (ax > 1.0)) return float_new(vm, fabs(y));
    return float_new(vm, 0.0);
  }
  if (isinf(x)) {
    bool odd = is_odd_integer(y);
    if (y > 0.0) return float_new(vm, odd ? x : fabs(x));
    return float_new(vm, odd ? copysign(0.0, x) : 0.0);
  }
  if (x == 0.0) {
    bool odd = is_odd_integer(y);
    if (y < 0.0)
      return vm_raise(vm, &Exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
    return float_new(vm, odd ? x : 0.0);
  }
  bool negate = false;
  if (x < 0.0) {
    if (y != floor(y))
      return vm_raise(vm, &Exc_NotImplementedError,
                      "complex numbers are not supported (a negative number raised to a "
                      "fractional power)");
    x = -x;
    negate = is_odd_integer(y);
  }
  if (x == 1.0) return float_new(vm, negate ? -1.0 : 1.0);
  errno = 0;
  double r = pow(x, y);
  if (errno == 0) {
    if (isinf(r)) errno = ERANGE;
  } else if (errno == ERANGE && r == 0.0) {
    errno = 0;
  }
  if (negate) r = -r;
  if (errno) return raise_errno(vm, errno == ERANGE ? &Exc_OverflowError : &Exc_ValueError, errno);
  return float_new(vm, r);
}

Obj *float_pow(VM *vm, Obj *a, Obj *b) {
  CONVERT_BOTH(a, b, x, y);
  return float_pow_double(vm, x, y);
}

static Obj *float_neg(VM *vm, Obj *a) { return float_new(vm, -FLOAT_VAL(a)); }
static Obj *float_pos(VM *vm, Obj *a) { return float_new(vm, FLOAT_VAL(a)); }
static Obj *float_abs(VM *vm, Obj *a) { return float_new(vm, fabs(FLOAT_VAL(a))); }
static int float_bool(VM *vm, Obj *a) { return FLOAT_VAL(a) != 0.0; }
static Obj *float_int(VM *vm, Obj *a) { return int_from_double(vm, FLOAT_VAL(a)); }
static Obj *float_float(VM *vm, Obj *a) {
  return a->type == &Float_Type ? incref(a) : float_new(vm, FLOAT_VAL(a));
}

/* ------------------------------------------------------------------ */
/* Comparison and hashing                                              */
/* ------------------------------------------------------------------ */

static Obj *cmp_bool(int c, CmpOp op) {
  bool r;
  switch (op) {
  case CMP_LT: r = c < 0; break;
  case CMP_LE: r = c <= 0; break;
  case CMP_EQ: r = c == 0; break;
  case CMP_NE: r = c != 0; break;
  case CMP_GT: r = c > 0; break;
  default: r = c >= 0; break;
  }
  return bool_new(r);
}

static CmpOp swapped(CmpOp op) {
  static const CmpOp sw[6] = {CMP_GT, CMP_GE, CMP_EQ, CMP_NE, CMP_LT, CMP_LE};
  return sw[op];
}

/* Compare the float X with the int I exactly: -1, 0, 1 (X finite); -2 on
** error. */
static int cmp_float_int(VM *vm, double x, Obj *i) {
  if (int_is_small(i)) {
    int64_t v = int_small_value(i);
    if (v > -((int64_t)1 << 53) && v < ((int64_t)1 << 53)) {
      double dv = (double)v;
      return x < dv ? -1 : x > dv;
    }
  }
  /* Compare floor(x) as an exact int, then the fraction. */
  double fl = floor(x);
  double frac = x - fl;
  Obj *fi = int_from_double(vm, fl);
  if (!fi) return -2;
  int c = int_compare(fi, i);
  decref(vm, fi);
  if (c != 0) return c;
  return frac > 0 ? 1 : 0;
}

Obj *float_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!float_check(a)) {
    if (!float_check(b)) return incref(NotImplemented);
    Obj *t = a; a = b; b = t;
    op = swapped(op);
  }
  double x = FLOAT_VAL(a);
  if (float_check(b)) {
    double y = FLOAT_VAL(b);
    bool r;
    switch (op) {
    case CMP_LT: r = x < y; break;
    case CMP_LE: r = x <= y; break;
    case CMP_EQ: r = x == y; break;
    case CMP_NE: r = x != y; break;
    case CMP_GT: r = x > y; break;
    default: r = x >= y; break;
    }
    return bool_new(r);
  }
  if (!int_check(b)) return incref(NotImplemented);
  if (isnan(x)) return bool_new(op == CMP_NE);
  if (isinf(x)) return cmp_bool(x > 0 ? 1 : -1, op);
  int c = cmp_float_int(vm, x, b);
  if (c == -2) return NULL;
  return cmp_bool(c, op);
}

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

hash_t float_hash_double(double v) {
  if (isinf(v)) return v > 0 ? HASH_INF : -HASH_INF;
  if (v == 0) return 0;
  int e;
  double m = frexp(fabs(v), &e);          /* |v| = m * 2**e, 0.5 <= m < 1 */
  uint64_t mant = (uint64_t)ldexp(m, DBL_MANT_DIG);
  e -= DBL_MANT_DIG;                      /* |v| = mant * 2**e */
  uint64_t x = mant % HASH_MODULUS;
  /* 2**e mod M == 2**(e mod 61): rotate left within 61 bits. */
  int r = e % HASH_BITS;
  if (r < 0) r += HASH_BITS;
  if (r) x = ((x << r) & HASH_MODULUS) | (x >> (HASH_BITS - r));
  hash_t h = v < 0 ? -(hash_t)x : (hash_t)x;
  return h == -1 ? -2 : h;
}

hash_t float_hash(VM *vm, Obj *o) {
  double v = FLOAT_VAL(o);
  if (isnan(v)) {
    /* CPython 3.10+: NaN hashes by identity (_Py_HashPointer). */
    uintptr_t y = (uintptr_t)o;
    y = (y >> 4) | (y << (8 * sizeof(y) - 4));
    hash_t h = (hash_t)y;
    return h == -1 ? -2 : h;
  }
  return float_hash_double(v);
}

/* ------------------------------------------------------------------ */
/* round()                                                             */
/* ------------------------------------------------------------------ */

/* round(x, n) for a double: correctly rounded, half to even on the exact
** binary value, as CPython's double_round (dtoa mode 3). */
static Obj *round_double(VM *vm, double x, int64_t nd) {
  /* Beyond these, the result is x itself or a zero (CPython's NDIGITS_MAX/MIN). */
  const int64_t ndmax = (int64_t)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  const int64_t ndmin = -(int64_t)((DBL_MAX_EXP + 1) * 0.30103);
  if (!isfinite(x) || x == 0.0) return float_new(vm, x);
  if (nd > ndmax) return float_new(vm, x);
  if (nd < ndmin) return float_new(vm, 0.0 * x);
  double r;
  if (nd >= 0) {
    size_t sz = (size_t)nd + 340;
    char *buf = big_alloc(sz);
    if (!buf) return vm_raise_nomem(vm);
    snprintf(buf, sz, "%.*f", (int)nd, x);
    r = strtod(buf, NULL);
    big_free(buf, sz);
  } else {
    /* Round the integer part at 10**-nd, half to even, with the
    ** fraction as a sticky bit. */
    double ax = fabs(x);
    double ip = floor(ax);
    bool sticky = ax != ip;
    char buf[400];
    int len = snprintf(buf, sizeof buf - 8, "%.0f", ip);
    int k = (int)-nd;
    if (k > len) {
      r = 0.0;                   /* below half of 10**k */
    } else {
      int cut = len - k;          /* digits kept: buf[0..cut) */
      int c = k > 0 ? buf[cut] - '0' : 0;
      bool rest = sticky;
      for (int i = cut + 1; i < len && !rest; i++) rest = buf[i] != '0';
      bool up = c > 5 || (c == 5 && (rest || (cut > 0 && ((buf[cut - 1] - '0') & 1))));
      if (k == len && c == 5 && !rest) up = false;   /* 0 is even */
      /* Build the kept digits (+1 if rounding up) followed by eK. */
      char out[420];
      int n = 0;
      if (cut <= 0) {
        out[n++] = up ? '1' : '0';
      } else {
        memcpy(out, buf, (size_t)cut);
        n = cut;
        if (up) {
          int i = n - 1;
          while (i >= 0 && out[i] == '9') out[i--] = '0';
          if (i >= 0) {
            out[i]++;
          } else {
            memmove(out + 1, out, (size_t)n);
            out[0] = '1';
            n++;
          }
        }
      }
      snprintf(out + n, sizeof out - (size_t)n, "e%d", k);
      r = strtod(out, NULL);
    }
    if (x < 0) r = -r;
    else r = fabs(r);
  }
  if (x < 0 && r == 0) r = -0.0;
  if (isinf(r))
    return vm_raise(vm, &Exc_OverflowError, "rounded value too large to represent");
  return float_new(vm, r);
}

/* round(x) with no digits: the nearest int, half to even. */
static Obj *round_to_int(VM *vm, double x) {
  double r = round(x);
  if (fabs(x - r) == 0.5) r = 2.0 * round(x / 2.0);
  return int_from_double(vm, r);
}

Obj *num_round(VM *vm, Obj *x, Obj *ndigits) {
  if (ndigits == None) ndigits = NULL;
  if (int_check(x)) {
    if (!ndigits) return int_exact(vm, x);
    Obj *n = obj_index(vm, ndigits);
    if (!n) return NULL;
    Obj *r = int_sign(n) < 0 ? int_round_neg(vm, x, n) : int_exact(vm, x);
    decref(vm, n);
    return r;
  }
  if (float_check(x)) {
    if (!ndigits) return round_to_int(vm, FLOAT_VAL(x));
    Obj *n = obj_index(vm, ndigits);
    if (!n) return NULL;
    int64_t nd = int_fits_i64(n) ? int_as_i64_unchecked(n) : (int_sign(n) < 0 ? INT64_MIN : INT64_MAX);
    decref(vm, n);
    return round_double(vm, FLOAT_VAL(x), nd);
  }
  return vm_raise(vm, &Exc_TypeError, "type %s doesn't define __round__ method",
                  obj_type_name(x));
}

/* ------------------------------------------------------------------ */
/* Methods                                                             */
/* ------------------------------------------------------------------ */

static int no_args(VM *vm, const char *name, size_t nargs, Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames) > 0) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no arguments (%zu given)", name, nargs);
    return -1;
  }
  return 0;
}

static Obj *m_is_integer(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "float.is_integer", nargs, kw) < 0) return NULL;
  double x = FLOAT_VAL(self);
  return bool_new(isfinite(x) && floor(x) == x);
}

static Obj *m_as_integer_ratio(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "float.as_integer_ratio", nargs, kw) < 0) return NULL;
  double x = FLOAT_VAL(self);
  if (isinf(x))
    return vm_raise(vm, &Exc_OverflowError, "cannot convert Infinity to integer ratio");
  if (isnan(x)) return vm_raise(vm, &Exc_ValueError, "cannot convert NaN to integer ratio");
  int e;
  double m = frexp(x, &e);
  /* Make the mantissa integral, 300 bits at a time is not needed: 53. */
  for (int i = 0; i < 300 && m != floor(m); i++) {
    m *= 2.0;
    e--;
  }
  Obj *num = int_from_double(vm, m);
  if (!num) return NULL;
  Obj *den = int_from_i64(vm, 1);
  Obj *sh = int_from_i64(vm, e > 0 ? e : -e);
  if (!den || !sh) goto fail;
  if (e > 0) {
    Obj *t = int_lshift(vm, num, sh);
    if (!t) goto fail;
    decref(vm, num);
    num = t;
  } else {
    Obj *t = int_lshift(vm, den, sh);
    if (!t) goto fail;
    decref(vm, den);
    den = t;
  }
  decref(vm, sh);
  Obj *tup = tuple_pack(vm, 2, num, den);
  decref(vm, num);
  decref(vm, den);
  return tup;
fail:
  decref(vm, num);
  xdecref(vm, den);
  xdecref(vm, sh);
  return NULL;
}

static Obj *m_conjugate(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "float.conjugate", nargs, kw) < 0) return NULL;
  return float_float(vm, self);
}

static Obj *m_trunc(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "float.__trunc__", nargs, kw) < 0) return NULL;
  return int_from_double(vm, FLOAT_VAL(self));
}

static Obj *m_floor(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "float.__floor__", nargs, kw) < 0) return NULL;
  return int_from_double(vm, floor(FLOAT_VAL(self)));
}

static Obj *m_ceil(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "float.__ceil__", nargs, kw) < 0) return NULL;
  return int_from_double(vm, ceil(FLOAT_VAL(self)));
}

static Obj *m_round(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  static const char *const names[] = {"ndigits"};
  Obj *nd = NULL;
  if (args_parse(vm, "__round__", args, nargs, kw, names, 1, 0, &nd) < 0) return NULL;
  return num_round(vm, self, nd);
}

static Obj *m_getnewargs(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "float.__getnewargs__", nargs, kw) < 0) return NULL;
  Obj *f = float_new(vm, FLOAT_VAL(self));
  if (!f) return NULL;
  Obj *t = tuple_pack(vm, 1, f);
  decref(vm, f);
  return t;
}

static Obj *m_format(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (kw && TUPLE_SIZE(kw))
    return vm_raise(vm, &Exc_TypeError, "__format__() takes no keyword arguments");
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "__format__() takes exactly one argument (%zu given)",
                    nargs);
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError, "__format__() argument must be str, not %s",
                    obj_type_name(args[0]));
  return float_format(vm, FLOAT_VAL(self), STR_UTF8(args[0]), (size_t)STR_NBYTES(args[0]));
}

static Obj *m_sizeof(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "float.__sizeof__", nargs, kw) < 0) return NULL;
  return int_from_i64(vm, (int64_t)sizeof(FloatObj));
}

static Obj *g_real(VM *vm, Obj *self) { return float_float(vm, self); }
static Obj *g_imag(VM *vm, Obj *self) { return float_new(vm, 0.0); }

/* float.hex(): CPython's float_hex -- "[-]0x1.<13 hex digits>p<exp>", a
** leading 0 for subnormals, and 0x0.0p+0, inf, nan as special cases. */
static Obj *m_hex(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "float.hex", nargs, kw) < 0) return NULL;
  double x = FLOAT_VAL(self);
  if (isnan(x)) return str_from_cstr(vm, "nan");
  if (isinf(x)) return str_from_cstr(vm, x < 0 ? "-inf" : "inf");
  if (x == 0) return str_from_cstr(vm, copysign(1.0, x) < 0 ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = frexp(fabs(x), &e);
  int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
  m = ldexp(m, shift);
  e -= shift;
  char buf[40], *p = buf;
  if (x < 0) *p++ = '-';
  *p++ = '0';
  *p++ = 'x';
  int d = (int)m;
  *p++ = "0123456789abcdef"[d];
  m -= d;
  *p++ = '.';
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
    m *= 16.0;
    d = (int)m;
    *p++ = "0123456789abcdef"[d];
    m -= d;
  }
  snprintf(p, sizeof buf - (size_t)(p - buf), "p%c%d", e < 0 ? '-' : '+', e < 0 ? -e : e);
  return str_from_cstr(vm, buf);
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* Parse CPython's hexadecimal float syntax; 0 with *OUT set, -1 = invalid,
** -2 = too large.  Rounds half to even, subnormals included. */
static int parse_hex_double(const char *s, size_t n, double *out) {
  const char *p = s, *end = s + n;
  while (p < end && (*p == ' ' || (*p >= '\t' && *p <= '\r'))) p++;
  while (end > p && (end[-1] == ' ' || (end[-1] >= '\t' && end[-1] <= '\r'))) end--;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
  size_t rest = (size_t)(end - p);
  if ((rest == 3 || rest == 8) && (strncasecmp(p, "inf", 3) == 0) &&
      (rest == 3 || strncasecmp(p, "infinity", 8) == 0)) {
    *out = neg ? -HUGE_VAL : HUGE_VAL;
    return 0;
  }
  if (rest == 3 && strncasecmp(p, "nan", 3) == 0) {
    *out = neg ? -NAN : NAN;
    return 0;
  }
  if (end - p >= 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) p += 2;
  uint64_t mant = 0;        /* the first 60 significant bits' digits */
  int64_t exp2 = 0;         /* value = mant * 2**exp2 (+ sticky) */
  bool sticky = false, any = false, dot = false;
  int ndig = 0;             /* significant digits stored in mant */
  for (; p < end; p++) {
    if (*p == '.') {
      if (dot) return -1;
      dot = true;
      continue;
    }
    int v = hexval((unsigned char)*p);
    if (v < 0) break;
    any = true;
    if (ndig == 0 && v == 0) {
      if (dot) exp2 -= 4;
      continue;
    }
    if (ndig < 15) {
      mant = mant << 4 | (uint64_t)v;
      ndig++;
      if (dot) exp2 -= 4;
    } else {
      if (v) sticky = true;
      if (!dot) exp2 += 4;
    }
  }
  if (!any) return -1;
  if (p < end && (*p == 'p' || *p == 'P')) {
    p++;
    bool eneg = false;
    if (p < end && (*p == '+' || *p == '-')) eneg = *p++ == '-';
    if (p >= end || *p < '0' || *p > '9') return -1;
    int64_t ev = 0;
    for (; p < end && *p >= '0' && *p <= '9'; p++)
      if (ev < (int64_t)1 << 40) ev = ev * 10 + (*p - '0');
    exp2 += eneg ? -ev : ev;
  }
  if (p != end) return -1;
  if (mant == 0) {
    *out = neg ? -0.0 : 0.0;
    return 0;
  }
  /* normalise: top bit at 63; the value is mant * 2**(exp2) */
  int lz = __builtin_clzll(mant);
  mant <<= lz;
  exp2 -= lz;
  /* value = 1.xxx * 2**(exp2 + 63) */
  int64_t e = exp2 + 63;
  if (e > DBL_MAX_EXP + 1) return -2;
  int keep = DBL_MANT_DIG;                      /* bits kept */
  if (e < DBL_MIN_EXP - 1) {                    /* subnormal */
    int64_t k = DBL_MANT_DIG - (DBL_MIN_EXP - 1 - e);
    if (k < 0) {
      *out = neg ? -0.0 : 0.0;
      return 0;
    }
    keep = (int)k;
  }
  uint64_t q = keep ? mant >> (64 - keep) : 0;
  uint64_t rem = keep ? mant << keep : mant;    /* dropped bits, top-aligned */
  bool half = rem >> 63, below = (rem << 1) != 0 || sticky;
  if (half && (below || (q & 1))) q++;
  double r = ldexp((double)q, (int)(exp2 + (64 - keep)));
  if (isinf(r)) return -2;
  *out = neg ? -r : r;
  return 0;
}

/* float.fromhex(s): a class method. */
static Obj *m_fromhex(VM *vm, Obj *cls, Obj *const *args, size_t nargs, Obj *kw) {
  if (kw && TUPLE_SIZE(kw))
    return vm_raise(vm, &Exc_TypeError, "float.fromhex() takes no keyword arguments");
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "float.fromhex() takes exactly one argument (%zu given)",
                    nargs);
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError, "fromhex() argument must be str, not %s",
                    obj_type_name(args[0]));
  double d;
  int rc = parse_hex_double(STR_UTF8(args[0]), (size_t)STR_NBYTES(args[0]), &d);
  if (rc == -1)
    return vm_raise(vm, &Exc_ValueError, "invalid hexadecimal floating-point string");
  if (rc == -2)
    return vm_raise(vm, &Exc_OverflowError, "hexadecimal value too large to represent as a float");
  Obj *f = float_new(vm, d);
  if (!f || cls == (Obj *)&Float_Type) return f;
  Obj *r = obj_call1(vm, cls, f);
  decref(vm, f);
  return r;
}

static const MethodDef float_methods[] = {
  {"hex", m_hex, 0},
  {"fromhex", m_fromhex, METH_CLASS},
  {"is_integer", m_is_integer, 0},
  {"as_integer_ratio", m_as_integer_ratio, 0},
  {"conjugate", m_conjugate, 0},
  {"__trunc__", m_trunc, 0},
  {"__floor__", m_floor, 0},
  {"__ceil__", m_ceil, 0},
  {"__round__", m_round, 0},
  {"__getnewargs__", m_getnewargs, 0},
  {"__format__", m_format, 0},
  {"__sizeof__", m_sizeof, 0},
  {NULL, NULL, 0}
};

static const GetSetDef float_getset[] = {
  {"real", g_real, NULL},
  {"imag", g_imag, NULL},
  {NULL, NULL, NULL}
};

TypeObj Float_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "float",
  .tag = HT_TAG_FLOAT,
  .basicsize = sizeof(FloatObj),
  .flags = TF_BASETYPE,
  .base = &Object_Type,
  .dealloc = float_dealloc,
  .sizeof_ = float_sizeof,
  .new_ = float_type_new,
  .repr = float_repr,
  .hash = float_hash,
  .richcmp = float_richcmp,
  .bool_ = float_bool,
  .binop = {
    [BINOP_ADD] = float_add, [BINOP_SUB] = float_sub, [BINOP_MUL] = float_mul,
    [BINOP_TRUEDIV] = float_truediv, [BINOP_FLOORDIV] = float_floordiv,
    [BINOP_MOD] = float_mod, [BINOP_POW] = float_pow,
  },
  .neg = float_neg,
  .pos = float_pos,
  .abs = float_abs,
  .int_ = float_int,
  .float_ = float_float,
  .methods = float_methods,
  .getset = float_getset,
  .doc = "Convert a string or number to a floating point number, if possible.",
};
