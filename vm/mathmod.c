/*
** mathmod.c -- the math module, with CPython 3.11's results and errors.
**
** Most functions call the C library, as CPython does, so on the same
** machine they return the same doubles.  The error rules are CPython's
** (math_1 / math_2 / is_error): a NaN from non-NaN input is ValueError
** "math domain error"; an infinity from finite input is OverflowError
** "math range error" for functions that can overflow and ValueError for
** singularities; ERANGE with a result below 1.5 in magnitude is an
** underflow and not an error.
**
** Where CPython has its own algorithm, this file follows the same method so
** that the doubles agree: gamma and lgamma (Lanczos, N=13, g=6.0247, with
** the reflection formula and the rounding-error correction), atan2 and
** remainder special cases, hypot/dist (scaled, Veltkamp-Dekker squares,
** compensated sums and one square-root correction), fsum (Shewchuk's exact
** partials with half-even rounding across partials), log of huge ints
** (through int_frexp).  Integer functions (factorial, comb, perm, gcd, lcm,
** isqrt) are exact, whatever the algorithm.
*/
#include "config.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "floatobj.h"
#include "int.h"
#include "str.h"
#include "vm.h"

static const double PI = 3.141592653589793238462643383279502884197;
static const double LOGPI = 1.144729885849400174143427351353058711647;

/* ------------------------------------------------------------------ */
/* Argument checks and error rules                                     */
/* ------------------------------------------------------------------ */

/* METH_O functions: "math.sqrt() takes exactly one argument (2 given)". */
static int one_arg(VM *vm, const char *name, size_t nargs, Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames) > 0) {
    vm_raise(vm, &Exc_TypeError, "math.%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs != 1) {
    vm_raise(vm, &Exc_TypeError, "math.%s() takes exactly one argument (%zu given)", name,
             nargs);
    return -1;
  }
  return 0;
}

/* Fixed positional arity: "pow expected 2 arguments, got 1". */
static int n_args(VM *vm, const char *name, size_t nargs, Obj *kwnames, size_t min, size_t max) {
  if (kwnames && TUPLE_SIZE(kwnames) > 0) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs < min) {
    if (min == max)
      vm_raise(vm, &Exc_TypeError, "%s expected %zu argument%s, got %zu", name, min,
               min == 1 ? "" : "s", nargs);
    else
      vm_raise(vm, &Exc_TypeError, "%s expected at least %zu argument%s, got %zu", name, min,
               min == 1 ? "" : "s", nargs);
    return -1;
  }
  if (nargs > max) {
    if (min == max)
      vm_raise(vm, &Exc_TypeError, "%s expected %zu argument%s, got %zu", name, max,
               max == 1 ? "" : "s", nargs);
    else
      vm_raise(vm, &Exc_TypeError, "%s expected at most %zu argument%s, got %zu", name, max,
               max == 1 ? "" : "s", nargs);
    return -1;
  }
  return 0;
}

/* A double argument (PyFloat_AsDouble); 0 or -1. */
static int arg_double(VM *vm, Obj *o, double *out) {
  if (o->type == &Float_Type) {
    *out = FLOAT_VAL(o);
    return 0;
  }
  double d = num_as_double(vm, o);
  if (d == -1.0 && vm_exc_occurred(vm)) return -1;
  *out = d;
  return 0;
}

static Obj *domain_error(VM *vm) { return vm_raise(vm, &Exc_ValueError, "math domain error"); }
static Obj *range_error(VM *vm) { return vm_raise(vm, &Exc_OverflowError, "math range error"); }

/* CPython's is_error: raise for errno (set) unless it is a harmless
** underflow; returns true when an exception was raised. */
static bool is_error(VM *vm, double r) {
  if (errno == EDOM) {
    domain_error(vm);
    return true;
  }
  if (errno == ERANGE) {
    if (fabs(r) < 1.5) return false;
    range_error(vm);
    return true;
  }
  vm_raise(vm, &Exc_ValueError, "math domain error");
  return true;
}

/* math_1: wrap a libm function of one double. */
static Obj *math_1(VM *vm, const char *name, Obj *const *args, size_t nargs, Obj *kw,
                   double (*fn)(double), bool can_overflow) {
  double x;
  if (one_arg(vm, name, nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  errno = 0;
  double r = fn(x);
  if (isnan(r) && !isnan(x)) return domain_error(vm);
  if (isinf(r) && isfinite(x)) return can_overflow ? range_error(vm) : domain_error(vm);
  if (isfinite(r) && errno && is_error(vm, r)) return NULL;
  return float_new(vm, r);
}

/* math_1a: for functions that set errno themselves. */
static Obj *math_1a(VM *vm, const char *name, Obj *const *args, size_t nargs, Obj *kw,
                    double (*fn)(double)) {
  double x;
  if (one_arg(vm, name, nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  errno = 0;
  double r = fn(x);
  if (errno && is_error(vm, r)) return NULL;
  return float_new(vm, r);
}

/* math_2: wrap a function of two doubles. */
static Obj *math_2(VM *vm, const char *name, Obj *const *args, size_t nargs, Obj *kw,
                   double (*fn)(double, double)) {
  double x, y;
  if (n_args(vm, name, nargs, kw, 2, 2) < 0 || arg_double(vm, args[0], &x) < 0 ||
      arg_double(vm, args[1], &y) < 0)
    return NULL;
  errno = 0;
  double r = fn(x, y);
  if (isnan(r)) errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
  else if (isinf(r)) errno = (isfinite(x) && isfinite(y)) ? ERANGE : 0;
  if (errno && is_error(vm, r)) return NULL;
  return float_new(vm, r);
}

/* ------------------------------------------------------------------ */
/* CPython's own real functions                                        */
/* ------------------------------------------------------------------ */

static double m_sinpi(double x) {
  double y = fmod(fabs(x), 2.0), r;
  int n = (int)round(2.0 * y);
  switch (n) {
  case 0: r = sin(PI * y); break;
  case 1: r = cos(PI * (y - 0.5)); break;
  case 2: r = sin(PI * (1.0 - y)); break;   /* not -sin(pi*(y-1)): keeps +0.0 */
  case 3: r = -cos(PI * (y - 1.5)); break;
  default: r = sin(PI * (y - 2.0)); break;
  }
  return copysign(1.0, x) * r;
}

/* Lanczos approximation, N = 13, g = 6.024680040776729583740234375 (the
** Boost parameters), written as a rational function. */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
  23531376880.410759688572007674451636754734846804940,
  42919803642.649098768957899047001988850926355848959,
  35711959237.355668049440185451547166705960488635843,
  17921034426.037209699919755754458931112671403265390,
  6039542586.3520280050642916443072979210699388420708,
  1439720407.3117216736632230727949123939715485786772,
  248874557.86205415651146038641322942321632125127801,
  31426415.585400194380614231628318205362874684987640,
  2876370.6289353724412254090516208496135991145378768,
  186056.26539522349504029498971604569928220784236328,
  8071.6720023658162106380029022722506138218516325024,
  210.82427775157934587250973392071336271166969580291,
  2.5066282746310002701649081771338373386264310793408,
};
/* x*(x+1)*...*(x+11) expanded. */
static const double lanczos_den[LANCZOS_N] = {
  0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
  13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0,
};
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
  1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
  3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
  1307674368000.0, 20922789888000.0, 355687428096000.0,
  6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
  51090942171709440000.0, 1124000727777607680000.0,
};

static double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = LANCZOS_N; --i >= 0;) {
      num = num * x + lanczos_num[i];
      den = den * x + lanczos_den[i];
    }
  } else {
    /* In 1/x, to avoid overflow for large x. */
    for (int i = 0; i < LANCZOS_N; i++) {
      num = num / x + lanczos_num[i];
      den = den / x + lanczos_den[i];
    }
  }
  return num / den;
}

static double m_tgamma(double x) {
  if (!isfinite(x)) {
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x == 0.0) {
    errno = EDOM;
    return copysign(HUGE_VAL, x);
  }
  if (x == floor(x)) {
    if (x < 0.0) {
      errno = EDOM;
      return NAN;
    }
    if (x <= NGAMMA_INTEGRAL) return gamma_integral[(int)x - 1];
  }
  double absx = fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    if (isinf(r)) errno = ERANGE;
    return r;
  }
  if (absx > 200.0) {
    if (x < 0.0) return 0.0 / m_sinpi(x);
    errno = ERANGE;
    return HUGE_VAL;
  }
  double y = absx + lanczos_g_minus_half;
  /* The rounding error of y, to correct pow(y, ...) / exp(y) below. */
  double z;
  if (absx > lanczos_g_minus_half) {
    double q = y - absx;
    z = q - lanczos_g_minus_half;
  } else {
    double q = y - lanczos_g_minus_half;
    z = q - absx;
  }
  z = z * lanczos_g / y;
  double r;
  if (x < 0.0) {
    r = -PI / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= pow(y, absx - 0.5);
    } else {
      double sqrtpow = pow(y, absx / 2.0 - 0.25);
      r /= sqrtpow;
      r /= sqrtpow;
    }
  } else {
    r = lanczos_sum(absx) / exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= pow(y, absx - 0.5);
    } else {
      double sqrtpow = pow(y, absx / 2.0 - 0.25);
      r *= sqrtpow;
      r *= sqrtpow;
    }
  }
  if (isinf(r)) errno = ERANGE;
  return r;
}

static double m_lgamma(double x) {
  if (!isfinite(x)) return isnan(x) ? x : HUGE_VAL;
  if (x == floor(x) && x <= 2.0) {
    if (x <= 0.0) {
      errno = EDOM;
      return HUGE_VAL;
    }
    return 0.0;
  }
  double absx = fabs(x);
  if (absx < 1e-20) return -log(absx);
  double r = log(lanczos_sum(absx)) - lanczos_g;
  r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
  if (x < 0.0) r = LOGPI - log(fabs(m_sinpi(absx))) - log(absx) - r;
  if (isinf(r)) errno = ERANGE;
  return r;
}

static double m_atan2(double y, double x) {
  if (isnan(x) || isnan(y)) return NAN;
  if (isinf(y)) {
    if (isinf(x)) return copysign(copysign(1., x) == 1. ? 0.25 * PI : 0.75 * PI, y);
    return copysign(0.5 * PI, y);
  }
  if (isinf(x) || y == 0.) return copysign(copysign(1., x) == 1. ? 0. : PI, y);
  return atan2(y, x);
}

/* IEEE remainder: x - n*y with n the nearest integer to x/y, ties even. */
static double m_remainder(double x, double y) {
  if (isfinite(x) && isfinite(y)) {
    if (y == 0.0) return NAN;
    double absx = fabs(x), absy = fabs(y);
    double m = fmod(absx, absy);
    double c = absy - m, r;
    if (m < c) r = m;
    else if (m > c) r = -c;
    else r = m - 2.0 * fmod(0.5 * (absx - m), absy);   /* a tie: pick n even */
    return copysign(1.0, x) * r;
  }
  if (isnan(x)) return x;
  if (isnan(y)) return y;
  if (isinf(x)) return NAN;
  return x;
}

static double m_log(double x) {
  if (isfinite(x)) {
    if (x > 0.0) return log(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

static double m_log2(double x) {
  if (!isfinite(x)) {
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
  }
  if (x > 0.0) return log2(x);
  errno = EDOM;
  return x == 0.0 ? -HUGE_VAL : NAN;
}

static double m_log10(double x) {
  if (isfinite(x)) {
    if (x > 0.0) return log10(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
  }
  if (isnan(x) || x > 0.0) return x;
  errno = EDOM;
  return NAN;
}

static double m_log1p(double x) { return x == 0.0 ? x : log1p(x); }

/* ------------------------------------------------------------------ */
/* One- and two-argument libm wrappers                                 */
/* ------------------------------------------------------------------ */

#define FUNC1(pyname, fn, ovf)                                                      \
  static Obj *math_##pyname(VM *vm, Obj *self, Obj *const *args, size_t nargs,     \
                            Obj *kw) {                                              \
    return math_1(vm, #pyname, args, nargs, kw, fn, ovf);                           \
  }
#define FUNC1A(pyname, fn)                                                          \
  static Obj *math_##pyname(VM *vm, Obj *self, Obj *const *args, size_t nargs,     \
                            Obj *kw) {                                              \
    return math_1a(vm, #pyname, args, nargs, kw, fn);                               \
  }
#define FUNC2(pyname, fn)                                                           \
  static Obj *math_##pyname(VM *vm, Obj *self, Obj *const *args, size_t nargs,     \
                            Obj *kw) {                                              \
    return math_2(vm, #pyname, args, nargs, kw, fn);                                \
  }

FUNC1(acos, acos, false)
FUNC1(acosh, acosh, false)
FUNC1(asin, asin, false)
FUNC1(asinh, asinh, false)
FUNC1(atan, atan, false)
FUNC1(atanh, atanh, false)
FUNC1(cbrt, cbrt, false)
FUNC1(cos, cos, false)
FUNC1(cosh, cosh, true)
FUNC1(exp, exp, true)
FUNC1(exp2, exp2, true)
FUNC1(expm1, expm1, true)
FUNC1(fabs, fabs, false)
FUNC1(log1p, m_log1p, false)
FUNC1(sin, sin, false)
FUNC1(sinh, sinh, true)
FUNC1(sqrt, sqrt, false)
FUNC1(tan, tan, false)
FUNC1(tanh, tanh, false)
FUNC1A(erf, erf)
FUNC1A(erfc, erfc)
FUNC1A(gamma, m_tgamma)
FUNC1A(lgamma, m_lgamma)
FUNC2(atan2, m_atan2)
FUNC2(copysign, copysign)
FUNC2(remainder, m_remainder)

/* ------------------------------------------------------------------ */
/* Rounding to integers                                                */
/* ------------------------------------------------------------------ */

/* Call O's special method NAME with no arguments; *FOUND false if absent. */
static Obj *call_special(VM *vm, Obj *o, const char *name, bool *found) {
  Obj *f = type_lookup(TYPE(o), str_intern_cstr(vm, name));
  *found = f != NULL;
  if (!f) return NULL;
  return obj_call(vm, f, &o, 1, NULL);
}

static Obj *round_int(VM *vm, const char *name, const char *special, Obj *const *args,
                      size_t nargs, Obj *kw, double (*fn)(double)) {
  if (one_arg(vm, name, nargs, kw) < 0) return NULL;
  Obj *x = args[0];
  if (x->type == &Float_Type) return int_from_double(vm, fn(FLOAT_VAL(x)));
  if (int_check(x) && !(x->type->flags & TF_HEAPTYPE)) return int_exact(vm, x);
  bool found;
  Obj *r = call_special(vm, x, special, &found);
  if (found) return r;
  double d;
  if (arg_double(vm, x, &d) < 0) return NULL;
  return int_from_double(vm, fn(d));
}

static Obj *math_floor(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  return round_int(vm, "floor", "__floor__", args, nargs, kw, floor);
}

static Obj *math_ceil(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  return round_int(vm, "ceil", "__ceil__", args, nargs, kw, ceil);
}

static Obj *math_trunc(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (one_arg(vm, "trunc", nargs, kw) < 0) return NULL;
  Obj *x = args[0];
  if (x->type == &Float_Type) return int_from_double(vm, FLOAT_VAL(x));
  if (int_check(x) && !(x->type->flags & TF_HEAPTYPE)) return int_exact(vm, x);
  bool found;
  Obj *r = call_special(vm, x, "__trunc__", &found);
  if (found) return r;
  return vm_raise(vm, &Exc_TypeError, "type %s doesn't define __trunc__ method",
                  obj_type_name(x));
}

/* ------------------------------------------------------------------ */
/* Integer functions                                                   */
/* ------------------------------------------------------------------ */

static Obj *one(void) { return incref((Obj *)&int_small_table[1 - INT_SMALL_MIN]); }

/* Product of the integers in [lo, hi) (lo >= 1), by binary splitting so
** that the big multiplications are balanced. */
static Obj *range_product(VM *vm, uint64_t lo, uint64_t hi) {
  if (hi <= lo) return one();
  if (hi - lo <= 16) {
    /* Accumulate in 64 bits while it fits. */
    uint64_t acc = 1;
    Obj *r = NULL;
    for (uint64_t i = lo; i < hi; i++) {
      uint64_t t;
      if (__builtin_mul_overflow(acc, i, &t)) {
        Obj *part = int_from_u64(vm, acc);
        if (!part) goto fail;
        if (r) {
          Obj *p = int_mul(vm, r, part);
          decref(vm, r);
          decref(vm, part);
          r = p;
          if (!r) return NULL;
        } else {
          r = part;
        }
        acc = i;
      } else {
        acc = t;
      }
    }
    Obj *part = int_from_u64(vm, acc);
    if (!part) goto fail;
    if (!r) return part;
    Obj *p = int_mul(vm, r, part);
    decref(vm, r);
    decref(vm, part);
    return p;
  fail:
    xdecref(vm, r);
    return NULL;
  }
  uint64_t mid = lo + (hi - lo) / 2;
  Obj *a = range_product(vm, lo, mid);
  if (!a) return NULL;
  Obj *b = range_product(vm, mid, hi);
  if (!b) {
    decref(vm, a);
    return NULL;
  }
  Obj *r = int_mul(vm, a, b);
  decref(vm, a);
  decref(vm, b);
  return r;
}

/* An int argument through __index__ (TypeError "'float' object cannot be
** interpreted as an integer"). */
static Obj *arg_index(VM *vm, Obj *o) { return obj_index(vm, o); }

static Obj *factorial_of(VM *vm, Obj *n) {
  if (int_sign(n) < 0)
    return vm_raise(vm, &Exc_ValueError, "factorial() not defined for negative values");
  if (!int_fits_i64(n))
    return vm_raise(vm, &Exc_OverflowError,
                    "factorial() argument should not exceed 9223372036854775807");
  return range_product(vm, 1, (uint64_t)int_as_i64_unchecked(n) + 1);
}

static Obj *math_factorial(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (one_arg(vm, "factorial", nargs, kw) < 0) return NULL;
  Obj *n = arg_index(vm, args[0]);
  if (!n) return NULL;
  Obj *r = factorial_of(vm, n);
  decref(vm, n);
  return r;
}

static Obj *math_perm(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (n_args(vm, "perm", nargs, kw, 1, 2) < 0) return NULL;
  Obj *n = arg_index(vm, args[0]);
  if (!n) return NULL;
  if (nargs == 1 || args[1] == None) {
    Obj *r = factorial_of(vm, n);
    decref(vm, n);
    return r;
  }
  Obj *k = arg_index(vm, args[1]), *r = NULL;
  if (!k) goto done;
  if (int_sign(n) < 0) {
    vm_raise(vm, &Exc_ValueError, "n must be a non-negative integer");
    goto done;
  }
  if (int_sign(k) < 0) {
    vm_raise(vm, &Exc_ValueError, "k must be a non-negative integer");
    goto done;
  }
  if (int_compare(k, n) > 0) {
    r = int_from_i64(vm, 0);
    goto done;
  }
  if (!int_fits_i64(k)) {
    vm_raise(vm, &Exc_OverflowError, "k must not exceed 9223372036854775807");
    goto done;
  }
  if (int_fits_i64(n)) {
    uint64_t nn = (uint64_t)int_as_i64_unchecked(n), kk = (uint64_t)int_as_i64_unchecked(k);
    r = range_product(vm, nn - kk + 1, nn + 1);
  } else {
    /* n huge: k factors n, n-1, ..., n-k+1 one by one. */
    r = one();
    Obj *f = int_exact(vm, n);
    Obj *o = one();
    for (int64_t i = 0; r && f && i < int_as_i64_unchecked(k); i++) {
      Obj *t = int_mul(vm, r, f);
      decref(vm, r);
      r = t;
      Obj *g = int_sub(vm, f, o);
      decref(vm, f);
      f = g;
    }
    xdecref(vm, f);
    decref(vm, o);
  }
done:
  decref(vm, n);
  xdecref(vm, k);
  return r;
}

static Obj *math_comb(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (n_args(vm, "comb", nargs, kw, 2, 2) < 0) return NULL;
  Obj *n = arg_index(vm, args[0]);
  if (!n) return NULL;
  Obj *k = arg_index(vm, args[1]), *r = NULL, *nk = NULL;
  if (!k) goto done;
  if (int_sign(n) < 0) {
    vm_raise(vm, &Exc_ValueError, "n must be a non-negative integer");
    goto done;
  }
  if (int_sign(k) < 0) {
    vm_raise(vm, &Exc_ValueError, "k must be a non-negative integer");
    goto done;
  }
  nk = int_sub(vm, n, k);
  if (!nk) goto done;
  if (int_sign(nk) < 0) {
    r = int_from_i64(vm, 0);
    goto done;
  }
  Obj *kmin = int_compare(nk, k) < 0 ? nk : k;
  if (!int_fits_i64(kmin)) {
    vm_raise(vm, &Exc_OverflowError, "min(n - k, k) must not exceed 9223372036854775807");
    goto done;
  }
  int64_t kk = int_as_i64_unchecked(kmin);
  /* comb = n * (n-1) * ... * (n-k+1) / k!  (exact division) */
  Obj *numer;
  if (int_fits_i64(n)) {
    uint64_t nn = (uint64_t)int_as_i64_unchecked(n);
    numer = range_product(vm, nn - (uint64_t)kk + 1, nn + 1);
  } else {
    Obj *a[2] = {n, NULL};
    a[1] = int_from_i64(vm, kk);
    numer = a[1] ? math_perm(vm, NULL, a, 2, NULL) : NULL;
    xdecref(vm, a[1]);
  }
  if (!numer) goto done;
  Obj *den = range_product(vm, 1, (uint64_t)kk + 1);
  if (!den) {
    decref(vm, numer);
    goto done;
  }
  r = int_floordiv(vm, numer, den);
  decref(vm, numer);
  decref(vm, den);
done:
  decref(vm, n);
  xdecref(vm, k);
  xdecref(vm, nk);
  return r;
}

/* gcd(|a|, |b|) by Euclid's algorithm. */
static Obj *gcd2(VM *vm, Obj *a, Obj *b) {
  Obj *x = int_abs(vm, a);
  if (!x) return NULL;
  Obj *y = int_abs(vm, b);
  if (!y) {
    decref(vm, x);
    return NULL;
  }
  while (int_sign(y) != 0) {
    if (int_is_small(x) && int_is_small(y)) {
      uint64_t u = (uint64_t)int_small_value(x), v = (uint64_t)int_small_value(y);
      while (v) {
        uint64_t t = u % v;
        u = v;
        v = t;
      }
      decref(vm, x);
      decref(vm, y);
      return int_from_u64(vm, u);
    }
    Obj *r = int_mod(vm, x, y);
    decref(vm, x);
    if (!r) {
      decref(vm, y);
      return NULL;
    }
    x = y;
    y = r;
  }
  decref(vm, y);
  return x;
}

static Obj *math_gcd(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (kw && TUPLE_SIZE(kw) > 0)
    return vm_raise(vm, &Exc_TypeError, "gcd() takes no keyword arguments");
  Obj *res = int_from_i64(vm, 0);
  for (size_t i = 0; i < nargs && res; i++) {
    Obj *x = arg_index(vm, args[i]);
    if (!x) {
      decref(vm, res);
      return NULL;
    }
    Obj *g = gcd2(vm, res, x);
    decref(vm, res);
    decref(vm, x);
    res = g;
  }
  return res;
}

static Obj *math_lcm(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (kw && TUPLE_SIZE(kw) > 0)
    return vm_raise(vm, &Exc_TypeError, "lcm() takes no keyword arguments");
  Obj *res = int_from_i64(vm, 1);
  for (size_t i = 0; i < nargs && res; i++) {
    Obj *x = arg_index(vm, args[i]);
    if (!x) {
      decref(vm, res);
      return NULL;
    }
    Obj *r = NULL;
    if (int_sign(res) == 0 || int_sign(x) == 0) {
      r = int_from_i64(vm, 0);
    } else {
      Obj *g = gcd2(vm, res, x);
      Obj *f = g ? int_floordiv(vm, res, g) : NULL;
      Obj *m = f ? int_mul(vm, f, x) : NULL;
      r = m ? int_abs(vm, m) : NULL;
      xdecref(vm, g);
      xdecref(vm, f);
      xdecref(vm, m);
    }
    decref(vm, res);
    decref(vm, x);
    res = r;
  }
  return res;
}

/* Integer square root by Newton's iteration with growing precision. */
static Obj *math_isqrt(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (one_arg(vm, "isqrt", nargs, kw) < 0) return NULL;
  Obj *n = arg_index(vm, args[0]);
  if (!n) return NULL;
  if (int_sign(n) < 0) {
    decref(vm, n);
    return vm_raise(vm, &Exc_ValueError, "isqrt() argument must be nonnegative");
  }
  if (int_sign(n) == 0) {
    decref(vm, n);
    return int_from_i64(vm, 0);
  }
  if (int_bit_length(n) <= 52) {
    uint64_t v = (uint64_t)int_as_i64_unchecked(n);
    uint64_t a = (uint64_t)sqrt((double)v);
    while (a * a > v) a--;
    while ((a + 1) * (a + 1) <= v) a++;
    decref(vm, n);
    return int_from_u64(vm, a);
  }
  /* c = (bits - 1) // 2; a = 1; d = 0; for s in reversed(range(c.bit_length())):
  **   e = d; d = c >> s; a = (a << (d - e - 1)) + (n >> (2c - e - d + 1)) // a */
  int64_t c = (int_bit_length(n) - 1) / 2;
  int cbits = 64 - __builtin_clzll((uint64_t)c);
  Obj *a = one();
  int64_t d = 0;
  for (int s = cbits - 1; s >= 0 && a; s--) {
    int64_t e = d;
    d = c >> s;
    Obj *sh1 = int_from_i64(vm, d - e - 1), *sh2 = int_from_i64(vm, 2 * c - e - d + 1);
    Obj *t1 = sh1 ? int_lshift(vm, a, sh1) : NULL;
    Obj *t2 = sh2 ? int_rshift(vm, n, sh2) : NULL;
    Obj *t3 = t2 ? int_floordiv(vm, t2, a) : NULL;
    Obj *na = t1 && t3 ? int_add(vm, t1, t3) : NULL;
    xdecref(vm, sh1);
    xdecref(vm, sh2);
    xdecref(vm, t1);
    xdecref(vm, t2);
    xdecref(vm, t3);
    decref(vm, a);
    a = na;
  }
  if (a) {
    Obj *sq = int_mul(vm, a, a);
    if (!sq) {
      decref(vm, a);
      a = NULL;
    } else {
      if (int_compare(sq, n) > 0) {
        Obj *o = one();
        Obj *t = int_sub(vm, a, o);
        decref(vm, o);
        decref(vm, a);
        a = t;
      }
      decref(vm, sq);
    }
  }
  decref(vm, n);
  return a;
}

/* ------------------------------------------------------------------ */
/* Floating-point decomposition                                        */
/* ------------------------------------------------------------------ */

static Obj *pair_dd(VM *vm, double a, double b) {
  Obj *x = float_new(vm, a);
  if (!x) return NULL;
  Obj *y = float_new(vm, b);
  if (!y) {
    decref(vm, x);
    return NULL;
  }
  Obj *t = tuple_pack(vm, 2, x, y);
  decref(vm, x);
  decref(vm, y);
  return t;
}

static Obj *math_frexp(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x;
  if (one_arg(vm, "frexp", nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  int e = 0;
  if (!isnan(x) && !isinf(x) && x != 0) x = frexp(x, &e);
  Obj *m = float_new(vm, x);
  if (!m) return NULL;
  Obj *ei = int_from_i64(vm, e);
  if (!ei) {
    decref(vm, m);
    return NULL;
  }
  Obj *t = tuple_pack(vm, 2, m, ei);
  decref(vm, m);
  decref(vm, ei);
  return t;
}

static Obj *math_ldexp(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x;
  if (n_args(vm, "ldexp", nargs, kw, 2, 2) < 0 || arg_double(vm, args[0], &x) < 0)
    return NULL;
  if (!int_check(args[1]))
    return vm_raise(vm, &Exc_TypeError, "Expected an int as second argument to ldexp.");
  int64_t exp = int_fits_i64(args[1]) ? int_as_i64_unchecked(args[1])
                                      : (int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX);
  double r;
  errno = 0;
  if (x == 0. || !isfinite(x)) {
    r = x;
  } else if (exp > INT32_MAX) {
    r = copysign(HUGE_VAL, x);
    errno = ERANGE;
  } else if (exp < INT32_MIN) {
    r = copysign(0., x);
  } else {
    r = ldexp(x, (int)exp);
    errno = isinf(r) ? ERANGE : 0;
  }
  if (errno && is_error(vm, r)) return NULL;
  return float_new(vm, r);
}

static Obj *math_modf(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x;
  if (one_arg(vm, "modf", nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  if (isinf(x)) return pair_dd(vm, copysign(0., x), x);
  if (isnan(x)) return pair_dd(vm, x, x);
  double ip;
  double fp = modf(x, &ip);
  return pair_dd(vm, fp, ip);
}

static Obj *math_fmod(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x, y;
  if (n_args(vm, "fmod", nargs, kw, 2, 2) < 0 || arg_double(vm, args[0], &x) < 0 ||
      arg_double(vm, args[1], &y) < 0)
    return NULL;
  if (isinf(y) && isfinite(x)) return float_new(vm, x);
  errno = 0;
  double r = fmod(x, y);
  if (isnan(r)) errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
  if (errno && is_error(vm, r)) return NULL;
  return float_new(vm, r);
}

static Obj *math_nextafter(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x, y;
  if (n_args(vm, "nextafter", nargs, kw, 2, 2) < 0 || arg_double(vm, args[0], &x) < 0 ||
      arg_double(vm, args[1], &y) < 0)
    return NULL;
  return float_new(vm, nextafter(x, y));
}

static Obj *math_ulp(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x;
  if (one_arg(vm, "ulp", nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  if (isnan(x)) return float_new(vm, x);
  x = fabs(x);
  if (isinf(x)) return float_new(vm, x);
  double x2 = nextafter(x, INFINITY);
  if (isinf(x2)) {
    x2 = nextafter(x, -INFINITY);
    return float_new(vm, x - x2);
  }
  return float_new(vm, x2 - x);
}

/* ------------------------------------------------------------------ */
/* Logarithms and powers                                               */
/* ------------------------------------------------------------------ */

/* log/log2/log10 of any number; ints of any size are handled here. */
static Obj *loghelper(VM *vm, Obj *x, double (*fn)(double)) {
  if (int_check(x)) {
    if (int_sign(x) <= 0) return domain_error(vm);
    double d = int_as_double(vm, x);
    if (d == -1.0 && vm_exc_occurred(vm)) {
      if (!vm_exc_matches(vm, &Exc_OverflowError)) return NULL;
      vm_exc_clear(vm);
      int64_t e;
      double m = int_frexp(x, &e);
      return float_new(vm, fn(m) + fn(2.0) * (double)e);
    }
    return float_new(vm, fn(d));
  }
  double d;
  if (arg_double(vm, x, &d) < 0) return NULL;
  errno = 0;
  double r = fn(d);
  if (isnan(r) && !isnan(d)) return domain_error(vm);
  if (isinf(r) && isfinite(d)) return domain_error(vm);
  if (isfinite(r) && errno && is_error(vm, r)) return NULL;
  return float_new(vm, r);
}

static Obj *math_log(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (kw && TUPLE_SIZE(kw) > 0)
    return vm_raise(vm, &Exc_TypeError, "log() takes no keyword arguments");
  if (nargs < 1 || nargs > 2)
    return vm_raise(vm, &Exc_TypeError, "math.log requires 1 to 2 arguments");
  Obj *num = loghelper(vm, args[0], m_log);
  if (!num || nargs == 1) return num;
  Obj *den = loghelper(vm, args[1], m_log);
  if (!den) {
    decref(vm, num);
    return NULL;
  }
  Obj *r = float_truediv(vm, num, den);
  decref(vm, num);
  decref(vm, den);
  return r;
}

static Obj *math_log2(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (one_arg(vm, "log2", nargs, kw) < 0) return NULL;
  return loghelper(vm, args[0], m_log2);
}

static Obj *math_log10(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (one_arg(vm, "log10", nargs, kw) < 0) return NULL;
  return loghelper(vm, args[0], m_log10);
}

static Obj *math_pow(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x, y, r = 0.;
  if (n_args(vm, "pow", nargs, kw, 2, 2) < 0 || arg_double(vm, args[0], &x) < 0 ||
      arg_double(vm, args[1], &y) < 0)
    return NULL;
  errno = 0;
  if (!isfinite(x) || !isfinite(y)) {
    if (isnan(x)) {
      r = y == 0. ? 1. : x;
    } else if (isnan(y)) {
      r = x == 1. ? 1. : y;
    } else if (isinf(x)) {
      bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
      if (y > 0.) r = odd_y ? x : fabs(x);
      else if (y == 0.) r = 1.;
      else r = odd_y ? copysign(0., x) : 0.;
    } else {
      if (fabs(x) == 1.0) r = 1.;
      else if (y > 0. && fabs(x) > 1.0) r = y;
      else if (y < 0. && fabs(x) < 1.0) r = -y;
      else r = 0.;
    }
  } else {
    r = pow(x, y);
    if (!isfinite(r)) {
      if (isnan(r)) errno = EDOM;
      else errno = x == 0. ? EDOM : ERANGE;
    }
  }
  if (errno && is_error(vm, r)) return NULL;
  return float_new(vm, r);
}

static Obj *math_degrees(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x;
  if (one_arg(vm, "degrees", nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  return float_new(vm, x * (180.0 / PI));
}

static Obj *math_radians(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x;
  if (one_arg(vm, "radians", nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  return float_new(vm, x * (PI / 180.0));
}

static Obj *math_isfinite(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x;
  if (one_arg(vm, "isfinite", nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  return bool_new(isfinite(x));
}

static Obj *math_isnan(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x;
  if (one_arg(vm, "isnan", nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  return bool_new(isnan(x));
}

static Obj *math_isinf(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  double x;
  if (one_arg(vm, "isinf", nargs, kw) < 0 || arg_double(vm, args[0], &x) < 0) return NULL;
  return bool_new(isinf(x));
}

static Obj *math_isclose(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  static const char *const names[] = {"a", "b", "rel_tol", "abs_tol"};
  Obj *a[4] = {NULL, NULL, NULL, NULL};
  if (nargs > 2)
    return vm_raise(vm, &Exc_TypeError,
                    "isclose() takes exactly 2 positional arguments (%zu given)", nargs);
  if (args_parse(vm, "isclose", args, nargs, kw, names, 4, 2, a) < 0) return NULL;
  double x, y, rel = 1e-09, abst = 0.0;
  if (arg_double(vm, a[0], &x) < 0 || arg_double(vm, a[1], &y) < 0) return NULL;
  if (a[2] && arg_double(vm, a[2], &rel) < 0) return NULL;
  if (a[3] && arg_double(vm, a[3], &abst) < 0) return NULL;
  if (rel < 0.0 || abst < 0.0)
    return vm_raise(vm, &Exc_ValueError, "tolerances must be non-negative");
  if (x == y) return bool_new(true);
  if (isinf(x) || isinf(y)) return bool_new(false);
  double diff = fabs(y - x);
  return bool_new(diff <= fabs(rel * y) || diff <= fabs(rel * x) || diff <= abst);
}

/* ------------------------------------------------------------------ */
/* Sums, products and norms                                            */
/* ------------------------------------------------------------------ */

/* Shewchuk's exact partials; the result is the correctly rounded sum. */
static Obj *math_fsum(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (one_arg(vm, "fsum", nargs, kw) < 0) return NULL;
  Obj *it = obj_iter(vm, args[0]);
  if (!it) return NULL;
  double small[32], *p = small;
  size_t n = 0, cap = 32;
  double special_sum = 0.0, inf_sum = 0.0;
  Obj *result = NULL;
  volatile double hi, yr, lo = 0.0;
  for (;;) {
    Obj *item = obj_iternext(vm, it);
    if (!item) {
      if (vm_exc_occurred(vm)) goto done;
      break;
    }
    double x;
    int rc = arg_double(vm, item, &x);
    decref(vm, item);
    if (rc < 0) goto done;
    double xsave = x;
    size_t i = 0;
    for (size_t j = 0; j < n; j++) {
      double y = p[j];
      if (fabs(x) < fabs(y)) {
        double t = x;
        x = y;
        y = t;
      }
      hi = x + y;
      yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) p[i++] = lo;
      x = hi;
    }
    n = i;
    if (x != 0.0) {
      if (!isfinite(x)) {
        /* From an overflow, or from an inf or nan among the items. */
        if (isfinite(xsave)) {
          vm_raise(vm, &Exc_OverflowError, "intermediate overflow in fsum");
          goto done;
        }
        if (isinf(xsave)) inf_sum += xsave;
        special_sum += xsave;
        n = 0;
      } else {
        if (n >= cap) {
          double *np = big_alloc(2 * cap * sizeof(double));
          if (!np) {
            vm_raise(vm, &Exc_MemoryError, "math.fsum partials");
            goto done;
          }
          memcpy(np, p, n * sizeof(double));
          if (p != small) big_free(p, cap * sizeof(double));
          p = np;
          cap *= 2;
        }
        p[n++] = x;
      }
    }
  }
  if (special_sum != 0.0) {
    if (isnan(inf_sum)) vm_raise(vm, &Exc_ValueError, "-inf + inf in fsum");
    else result = float_new(vm, special_sum);
    goto done;
  }
  hi = 0.0;
  if (n > 0) {
    hi = p[--n];
    /* Add the partials from the top until the sum becomes inexact. */
    while (n > 0) {
      double x = hi, y = p[--n];
      hi = x + y;
      yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    /* Half-even rounding across partials: if the next partial has the
    ** same sign as the error, the true sum is beyond the halfway point. */
    if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  result = float_new(vm, hi);
done:
  if (p != small) big_free(p, cap * sizeof(double));
  decref(vm, it);
  return result;
}

static Obj *math_prod(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  static const char *const names[] = {"iterable", "start"};
  Obj *a[2] = {NULL, NULL};
  if (nargs > 1)
    return vm_raise(vm, &Exc_TypeError,
                    "prod() takes exactly 1 positional argument (%zu given)", nargs);
  if (args_parse(vm, "prod", args, nargs, kw, names, 2, 1, a) < 0) return NULL;
  Obj *it = obj_iter(vm, a[0]);
  if (!it) return NULL;
  Obj *result = a[1] ? incref(a[1]) : int_from_i64(vm, 1);
  while (result) {
    Obj *item = obj_iternext(vm, it);
    if (!item) {
      if (vm_exc_occurred(vm)) {
        decref(vm, result);
        result = NULL;
      }
      break;
    }
    Obj *t;
    if (int_both_small(result, item) || (int_check(result) && int_check(item)))
      t = int_mul(vm, result, item);
    else
      t = obj_binop(vm, result, item, BINOP_MUL);
    decref(vm, result);
    decref(vm, item);
    result = t;
  }
  decref(vm, it);
  return result;
}

/* sqrt(sum(x*x)) with scaling, Veltkamp-Dekker splitting, compensated
** summation and a differential correction of the square root.  VEC holds
** |x| values; MAX is the largest. */
static double vector_norm(size_t n, const double *vec, double max, bool found_nan) {
  const double T27 = 134217729.0;   /* 2**27 + 1 */
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0, frac3 = 0.0;
  if (isinf(max)) return max;
  if (found_nan) return NAN;
  if (max == 0.0 || n <= 1) return max;
  int max_e;
  frexp(max, &max_e);
  if (max_e >= -1023) {
    double scale = ldexp(1.0, -max_e);
    for (size_t i = 0; i < n; i++) {
      double x = vec[i] * scale;
      double t = x * T27;
      double hi = t - (t - x);
      double lo = x - hi;
      x = hi * hi;
      double oldcsum = csum;
      csum += x;
      frac1 += (oldcsum - csum) + x;
      x = 2.0 * hi * lo;
      oldcsum = csum;
      csum += x;
      frac2 += (oldcsum - csum) + x;
      frac3 += lo * lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
    double x = h;
    double t = x * T27;
    double hi = t - (t - x);
    double lo = x - hi;
    x = -hi * hi;
    double oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
    x = -2.0 * hi * lo;
    oldcsum = csum;
    csum += x;
    frac2 += (oldcsum - csum) + x;
    x = -lo * lo;
    oldcsum = csum;
    csum += x;
    frac3 += (oldcsum - csum) + x;
    x = csum - 1.0 + (frac1 + frac2 + frac3);
    return (h + x / (2.0 * h)) / scale;
  }
  /* Tiny max: 2**-max_e would overflow, divide by max instead. */
  for (size_t i = 0; i < n; i++) {
    double x = vec[i] / max;
    x = x * x;
    double oldcsum = csum;
    csum += x;
    frac1 += (oldcsum - csum) + x;
  }
  return max * sqrt(csum - 1.0 + frac1);
}

static Obj *math_hypot(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (kw && TUPLE_SIZE(kw) > 0)
    return vm_raise(vm, &Exc_TypeError, "hypot() takes no keyword arguments");
  double small[16], *v = nargs > 16 ? big_alloc(nargs * sizeof(double)) : small;
  if (!v) return vm_raise_nomem(vm);
  double max = 0.0;
  bool found_nan = false;
  Obj *r = NULL;
  for (size_t i = 0; i < nargs; i++) {
    double x;
    if (arg_double(vm, args[i], &x) < 0) goto done;
    x = fabs(x);
    v[i] = x;
    found_nan |= isnan(x) != 0;
    if (x > max) max = x;
  }
  r = float_new(vm, vector_norm(nargs, v, max, found_nan));
done:
  if (v != small) big_free(v, nargs * sizeof(double));
  return r;
}

static Obj *math_dist(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (n_args(vm, "dist", nargs, kw, 2, 2) < 0) return NULL;
  Obj *p = seq_to_tuple(vm, args[0]);
  if (!p) return NULL;
  Obj *q = seq_to_tuple(vm, args[1]);
  if (!q) {
    decref(vm, p);
    return NULL;
  }
  Obj *r = NULL;
  size_t n = (size_t)TUPLE_SIZE(p);
  double small[16], *v = small;
  if ((size_t)TUPLE_SIZE(q) != n) {
    vm_raise(vm, &Exc_ValueError, "both points must have the same number of dimensions");
    goto out;
  }
  if (n > 16 && !(v = big_alloc(n * sizeof(double)))) {
    v = small;
    vm_raise_nomem(vm);
    goto out;
  }
  double max = 0.0;
  bool found_nan = false;
  for (size_t i = 0; i < n; i++) {
    double px, qx;
    if (arg_double(vm, TUPLE_GET(p, i), &px) < 0 || arg_double(vm, TUPLE_GET(q, i), &qx) < 0)
      goto out;
    double x = fabs(px - qx);
    v[i] = x;
    found_nan |= isnan(x) != 0;
    if (x > max) max = x;
  }
  r = float_new(vm, vector_norm(n, v, max, found_nan));
out:
  if (v != small) big_free(v, n * sizeof(double));
  decref(vm, p);
  decref(vm, q);
  return r;
}

/* ------------------------------------------------------------------ */
/* The module                                                          */
/* ------------------------------------------------------------------ */

static const MethodDef math_functions[] = {
  {"acos", math_acos, 0}, {"acosh", math_acosh, 0}, {"asin", math_asin, 0},
  {"asinh", math_asinh, 0}, {"atan", math_atan, 0}, {"atan2", math_atan2, 0},
  {"atanh", math_atanh, 0}, {"cbrt", math_cbrt, 0}, {"ceil", math_ceil, 0},
  {"comb", math_comb, 0}, {"copysign", math_copysign, 0}, {"cos", math_cos, 0},
  {"cosh", math_cosh, 0}, {"degrees", math_degrees, 0}, {"dist", math_dist, 0},
  {"erf", math_erf, 0}, {"erfc", math_erfc, 0}, {"exp", math_exp, 0},
  {"exp2", math_exp2, 0}, {"expm1", math_expm1, 0}, {"fabs", math_fabs, 0},
  {"factorial", math_factorial, 0}, {"floor", math_floor, 0}, {"fmod", math_fmod, 0},
  {"frexp", math_frexp, 0}, {"fsum", math_fsum, 0}, {"gamma", math_gamma, 0},
  {"gcd", math_gcd, 0}, {"hypot", math_hypot, 0}, {"isclose", math_isclose, 0},
  {"isfinite", math_isfinite, 0}, {"isinf", math_isinf, 0}, {"isnan", math_isnan, 0},
  {"isqrt", math_isqrt, 0}, {"lcm", math_lcm, 0}, {"ldexp", math_ldexp, 0},
  {"lgamma", math_lgamma, 0}, {"log", math_log, 0}, {"log10", math_log10, 0},
  {"log1p", math_log1p, 0}, {"log2", math_log2, 0}, {"modf", math_modf, 0},
  {"nextafter", math_nextafter, 0}, {"perm", math_perm, 0}, {"pow", math_pow, 0},
  {"prod", math_prod, 0}, {"radians", math_radians, 0}, {"remainder", math_remainder, 0},
  {"sin", math_sin, 0}, {"sinh", math_sinh, 0}, {"sqrt", math_sqrt, 0},
  {"tan", math_tan, 0}, {"tanh", math_tanh, 0}, {"trunc", math_trunc, 0},
  {"ulp", math_ulp, 0},
  {NULL, NULL, 0}
};

static int set_const(VM *vm, Obj *mod, const char *name, double v) {
  Obj *f = float_new(vm, v);
  if (!f) return -1;
  int rc = dict_set_cstr(vm, ((ModuleObj *)mod)->dict, name, f);
  decref(vm, f);
  return rc;
}

Obj *mathmod_init(VM *vm) {
  Obj *m = module_new(vm, "math", math_functions);
  if (!m) return NULL;
  if (set_const(vm, m, "pi", PI) < 0 || set_const(vm, m, "e", 2.718281828459045235360287) < 0 ||
      set_const(vm, m, "tau", 6.283185307179586476925287) < 0 ||
      set_const(vm, m, "inf", INFINITY) < 0 || set_const(vm, m, "nan", NAN) < 0) {
    decref(vm, m);
    return NULL;
  }
  return m;
}
