/*
** int.c -- the int type: arbitrary-precision integers with CPython's
** semantics.
**
** Layout and the small-value fast path are described in int.h.  Every
** operator first tries the fast path (both operands below 2**60, computed
** in int64 arithmetic); otherwise it works on the digit arrays with the
** routines of bigint.c.  Results are normalised with int_norm(), which also
** swaps a fresh object for the shared static one when the value is in
** -5..256.
**
** Floor division and modulo follow Python's rules (the remainder takes the
** divisor's sign); the bitwise operators act on the infinite two's
** complement form of negative values; true division is correctly rounded
** (the quotient is computed exactly to 55+ bits and rounded once); int ->
** float conversion is correctly rounded (half to even); hash(n) is n mod
** 2**61 - 1 with the sign kept and -1 mapped to -2, exactly CPython's.
**
** Decimal conversion in both directions goes through base 10**9 and obeys
** the int_max_str_digits limit (default 4300), with CPython's messages.
*/
#include "config.h"

#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "floatobj.h"
#include "int.h"
#include "str.h"
#include "vm.h"

#define IV(o) ((IntObj *)(o))
#define DEFAULT_MAX_STR_DIGITS 4300
#define MAX_STR_DIGITS_THRESHOLD 640     /* smallest limit one may set */

/* ------------------------------------------------------------------ */
/* The shared small ints                                               */
/* ------------------------------------------------------------------ */

#define SMALL_(v) \
  { OBJ_STATIC_INIT(&Int_Type), (v) < 0 ? -1 : (v) > 0, INT_MIN_ALLOC, \
    { (digit)((v) < 0 ? -(v) : (v)), 0 } }
#define SMALL4_(b) SMALL_(b), SMALL_(b + 1), SMALL_(b + 2), SMALL_(b + 3)
#define SMALL16_(b) SMALL4_(b), SMALL4_(b + 4), SMALL4_(b + 8), SMALL4_(b + 12)
#define SMALL64_(b) SMALL16_(b), SMALL16_(b + 16), SMALL16_(b + 32), SMALL16_(b + 48)

IntSmallObj int_small_table[INT_SMALL_MAX - INT_SMALL_MIN + 1] = {
  SMALL_(-5), SMALL_(-4), SMALL_(-3), SMALL_(-2), SMALL_(-1),
  SMALL64_(0), SMALL64_(64), SMALL64_(128), SMALL64_(192), SMALL_(256)
};

static inline Obj *small_int(int64_t v) {
  return incref((Obj *)&int_small_table[v - INT_SMALL_MIN]);
}

static inline ssize ndig(Obj *o) {
  int32_t s = IV(o)->size;
  return s < 0 ? -(ssize)s : s;
}
static inline bool isneg(Obj *o) { return IV(o)->size < 0; }
static inline bool iszero(Obj *o) { return IV(o)->size == 0; }

/* ------------------------------------------------------------------ */
/* Allocation                                                          */
/* ------------------------------------------------------------------ */

/* A new int with room for N digits, SIZE N (the caller sets the sign and
** normalises); digits are zero. */
static IntObj *int_alloc(VM *vm, ssize n) {
  if (n > INT_MAX_DIGITS) {
    vm_raise_nomem(vm);
    return NULL;
  }
  uint32_t na = n < INT_MIN_ALLOC ? INT_MIN_ALLOC : (uint32_t)n;
  IntObj *v = (IntObj *)obj_alloc(vm, &Int_Type, INT_SIZE_OF(na));
  if (!v) return NULL;
  v->size = (int32_t)n;
  v->nalloc = na;
  return v;
}

/* Free an int that was never published (refcnt 1, exact type). */
static void int_discard(VM *vm, IntObj *v) {
  obj_free(vm, (Obj *)v, INT_SIZE_OF(v->nalloc));
}

static void int_dealloc(VM *vm, Obj *o) {
  obj_free(vm, o, INT_SIZE_OF(IV(o)->nalloc));
}

static size_t int_sizeof(Obj *o) { return INT_SIZE_OF(IV(o)->nalloc); }

/* Strip leading zero digits; return the shared object for small values.
** Steals V. */
static Obj *int_norm(VM *vm, IntObj *v) {
  int32_t s = v->size;
  ssize n = s < 0 ? -(ssize)s : s;
  while (n > 0 && v->d[n - 1] == 0) n--;
  if (n <= 1) {
    int64_t val = n ? (int64_t)v->d[0] : 0;
    if (s < 0) val = -val;
    if (val >= INT_SMALL_MIN && val <= INT_SMALL_MAX) {
      int_discard(vm, v);
      return small_int(val);
    }
  }
  v->size = (int32_t)(s < 0 ? -n : n);
  return (Obj *)v;
}

/* A new int from a magnitude (N digits) and a sign. */
static Obj *int_from_digits(VM *vm, const digit *d, ssize n, bool neg) {
  IntObj *z = int_alloc(vm, n);
  if (!z) return NULL;
  memcpy(z->d, d, (size_t)n * sizeof(digit));
  if (neg) z->size = (int32_t)-n;
  return int_norm(vm, z);
}

/* ------------------------------------------------------------------ */
/* Conversions (object.h)                                              */
/* ------------------------------------------------------------------ */

bool int_check(Obj *o) {
  return o->type == &Int_Type || (o->type->flags & TF_INT_SUBCLASS);
}

static Obj *from_mag64(VM *vm, uint64_t m, bool neg) {
  int n = m < ((uint64_t)1 << 30) ? 1 : m < ((uint64_t)1 << 60) ? 2 : 3;
  IntObj *r = int_alloc(vm, n);
  if (!r) return NULL;
  r->d[0] = (digit)(m & INT_MASK);
  r->d[1] = (digit)((m >> 30) & INT_MASK);
  if (n == 3) r->d[2] = (digit)(m >> 60);
  r->size = neg ? -n : n;
  return (Obj *)r;
}

Obj *int_from_i64(VM *vm, int64_t v) {
  if (v >= INT_SMALL_MIN && v <= INT_SMALL_MAX) return small_int(v);
  return from_mag64(vm, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0);
}

Obj *int_from_u64(VM *vm, uint64_t v) {
  if (v <= INT_SMALL_MAX) return small_int((int64_t)v);
  return from_mag64(vm, v, false);
}

/* Magnitude of O as a uint64 when it has at most 64 bits. */
static bool mag_u64(Obj *o, uint64_t *out) {
  ssize n = ndig(o);
  const digit *d = IV(o)->d;
  if (n <= 2) {
    *out = (uint64_t)d[0] | ((uint64_t)d[1] << 30);
    return true;
  }
  if (n == 3 && d[2] < 16) {
    *out = (uint64_t)d[0] | ((uint64_t)d[1] << 30) | ((uint64_t)d[2] << 60);
    return true;
  }
  return false;
}

bool int_fits_i64(Obj *o) {
  uint64_t m;
  if (!mag_u64(o, &m)) return false;
  return isneg(o) ? m <= (uint64_t)1 << 63 : m <= (uint64_t)INT64_MAX;
}

int64_t int_as_i64_unchecked(Obj *o) {
  uint64_t m = 0;
  mag_u64(o, &m);
  return isneg(o) ? (int64_t)(0 - m) : (int64_t)m;
}

int int_as_i64(VM *vm, Obj *o, int64_t *out) {
  if (!int_fits_i64(o)) {
    vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C long");
    return -1;
  }
  *out = int_as_i64_unchecked(o);
  return 0;
}

int int_sign(Obj *o) { return IV(o)->size < 0 ? -1 : IV(o)->size > 0; }

int64_t int_bit_length(Obj *o) {
  ssize n = ndig(o);
  if (n == 0) return 0;
  return (int64_t)(n - 1) * INT_SHIFT + big_bits_in_digit(IV(o)->d[n - 1]);
}

/* |O| >> SHIFT as a uint64 (the caller knows it fits), and whether any
** of the bits shifted out were set. */
static uint64_t top_bits(Obj *o, int64_t shift, bool *inexact) {
  ssize n = ndig(o);
  const digit *d = IV(o)->d;
  ssize first = (ssize)(shift / INT_SHIFT);
  int off = (int)(shift % INT_SHIFT);
  bool lost = false;
  for (ssize i = 0; i < first && !lost; i++) lost = d[i] != 0;
  if (first < n && (d[first] & (((digit)1 << off) - 1))) lost = true;
  uint64_t acc = 0;
  int got = 0;
  for (ssize i = first; i < n && got < 64 + INT_SHIFT; i++) {
    uint64_t part = (uint64_t)d[i];
    if (i == first) {
      part >>= off;
      acc |= part;
      got = INT_SHIFT - off;
    } else {
      if (got < 64) acc |= part << got;
      got += INT_SHIFT;
    }
  }
  *inexact = lost;
  return acc;
}

double int_as_double(VM *vm, Obj *o) {
  uint64_t m;
  if (mag_u64(o, &m)) {
    double r = (double)m;          /* one correctly rounded conversion */
    return isneg(o) ? -r : r;
  }
  int64_t nbits = int_bit_length(o);
  if (nbits > DBL_MAX_EXP) goto overflow;
  /* Keep 55 bits (53 + guard + round), fold the rest into a sticky bit. */
  int64_t shift = nbits - (DBL_MANT_DIG + 2);
  bool inexact;
  uint64_t x = top_bits(o, shift, &inexact);
  if (inexact) x |= 1;
  double r = ldexp((double)x, (int)shift);
  if (isinf(r)) goto overflow;
  return isneg(o) ? -r : r;
overflow:
  vm_raise(vm, &Exc_OverflowError, "int too large to convert to float");
  return -1.0;
}

double int_frexp(Obj *o, int64_t *e) {
  int64_t nbits = int_bit_length(o);
  if (nbits == 0) {
    *e = 0;
    return 0.0;
  }
  double x;
  if (nbits <= DBL_MANT_DIG + 2) {
    uint64_t m = 0;
    mag_u64(o, &m);
    x = ldexp((double)m, (int)-nbits);
  } else {
    bool inexact;
    int64_t shift = nbits - (DBL_MANT_DIG + 2);
    uint64_t top = top_bits(o, shift, &inexact);
    if (inexact) top |= 1;
    x = ldexp((double)top, -(DBL_MANT_DIG + 2));   /* rounds to 53 bits */
  }
  if (x == 1.0) {                  /* rounding carried into a new bit */
    x = 0.5;
    nbits++;
  }
  *e = nbits;
  return isneg(o) ? -x : x;
}

/* |O| << SHIFT (SHIFT >= 0), with O's sign. */
static Obj *lshift_mag(VM *vm, Obj *o, int64_t shift);

Obj *int_from_double(VM *vm, double d) {
  if (isinf(d))
    return vm_raise(vm, &Exc_OverflowError, "cannot convert float infinity to integer");
  if (isnan(d))
    return vm_raise(vm, &Exc_ValueError, "cannot convert float NaN to integer");
  d = trunc(d);
  if (fabs(d) < 9.2233720368547758e18) return int_from_i64(vm, (int64_t)d);
  int e;
  double f = frexp(fabs(d), &e);
  uint64_t mant = (uint64_t)ldexp(f, DBL_MANT_DIG);
  Obj *m = from_mag64(vm, mant, d < 0);
  if (!m) return NULL;
  Obj *r = lshift_mag(vm, m, e - DBL_MANT_DIG);
  decref(vm, m);
  return r;
}

Obj *int_exact(VM *vm, Obj *o) {
  if (o->type == &Int_Type) return incref(o);
  if (ndig(o) <= 1) return int_from_i64(vm, int_small_value(o));
  return int_from_digits(vm, IV(o)->d, ndig(o), isneg(o));
}

/* ------------------------------------------------------------------ */
/* Comparison and hashing                                              */
/* ------------------------------------------------------------------ */

int int_compare(Obj *a, Obj *b) {
  int32_t sa = IV(a)->size, sb = IV(b)->size;
  if (sa >= -2 && sa <= 2 && sb >= -2 && sb <= 2) {
    int64_t x = int_small_value(a), y = int_small_value(b);
    return x < y ? -1 : x > y;
  }
  if (sa != sb) return sa < sb ? -1 : 1;
  int c = big_cmp(IV(a)->d, ndig(a), IV(b)->d, ndig(b));
  return sa < 0 ? -c : c;
}

static Obj *cmp_result(int c, CmpOp op) {
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

Obj *int_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!int_check(a) || !int_check(b)) return incref(NotImplemented);
  return cmp_result(int_compare(a, b), op);
}

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)

hash_t int_hash(VM *vm, Obj *o) {
  ssize n = ndig(o);
  if (n <= 2) {
    int64_t v = int_small_value(o);  /* |v| < 2**60 < modulus */
    return v == -1 ? -2 : v;
  }
  uint64_t x = 0;
  for (ssize i = n; i-- > 0;) {
    /* x = x * 2**30 mod M: a rotation within 61 bits, since 2**61 = 1. */
    x = ((x << INT_SHIFT) & HASH_MODULUS) | (x >> (HASH_BITS - INT_SHIFT));
    x += IV(o)->d[i];
    if (x >= HASH_MODULUS) x -= HASH_MODULUS;
  }
  hash_t h = isneg(o) ? -(hash_t)x : (hash_t)x;
  return h == -1 ? -2 : h;
}

static int int_bool(VM *vm, Obj *o) { return IV(o)->size != 0; }

/* ------------------------------------------------------------------ */
/* Decimal and power-of-two string conversion                          */
/* ------------------------------------------------------------------ */

ssize int_get_max_str_digits(VM *vm) {
  ssize v = vm->int_max_str_digits;
  return v == 0 ? DEFAULT_MAX_STR_DIGITS : v < 0 ? 0 : v;
}

int int_set_max_str_digits(VM *vm, ssize maxdigits) {
  if (maxdigits != 0 && maxdigits < MAX_STR_DIGITS_THRESHOLD) {
    vm_raise(vm, &Exc_ValueError, "maxdigits must be 0 or larger than %d",
             MAX_STR_DIGITS_THRESHOLD);
    return -1;
  }
  vm->int_max_str_digits = maxdigits == 0 ? -1 : maxdigits;
  return 0;
}

static Obj *raise_str_limit(VM *vm) {
  return vm_raise(vm, &Exc_ValueError,
                  "Exceeds the limit (%zd digits) for integer string "
                  "conversion; use sys.set_int_max_str_digits() to increase "
                  "the limit", (ssize_t)int_get_max_str_digits(vm));
}

/* Write |O| in decimal into a new arena block; *LEN gets its length.  The
** block has *CAP bytes (free with big_free).  NULL with an exception. */
static char *decimal_digits(VM *vm, Obj *o, size_t *len, size_t *cap) {
  ssize n = ndig(o);
  ssize limit = int_get_max_str_digits(vm);
  /* Cheap early refusal, before the quadratic conversion. */
  if (limit > 0 && n >= 10 * limit / (3 * INT_SHIFT) + 2) {
    raise_str_limit(vm);
    return NULL;
  }
  uint32_t *limbs;
  ssize nl, lcap;
  if (big_to_decimal(IV(o)->d, n, &limbs, &nl, &lcap) < 0) {
    vm_raise_nomem(vm);
    return NULL;
  }
  size_t c = (size_t)nl * 9 + 2;
  char *buf = big_alloc(c);
  if (!buf) {
    big_free(limbs, (size_t)lcap * sizeof(uint32_t));
    vm_raise_nomem(vm);
    return NULL;
  }
  int k = snprintf(buf, c, "%u", limbs[nl - 1]);
  char *p = buf + k;
  for (ssize i = nl - 1; i-- > 0;) {
    uint32_t w = limbs[i];
    for (int j = 8; j >= 0; j--) {
      p[j] = (char)('0' + w % 10);
      w /= 10;
    }
    p += 9;
  }
  *p = 0;
  big_free(limbs, (size_t)lcap * sizeof(uint32_t));
  *len = (size_t)(p - buf);
  *cap = c;
  if (limit > 0 && (ssize)*len > limit) {
    big_free(buf, c);
    raise_str_limit(vm);
    return NULL;
  }
  return buf;
}

/* A new str of N ASCII bytes. */
static Obj *ascii_str(VM *vm, const char *s, size_t n) {
  if (n <= 1) return str_new(vm, s, n);
  Obj *r = str_new_uninit(vm, n, (ssize)n, true);
  if (r) memcpy(STR_UTF8(r), s, n);
  return r;
}

Obj *int_repr(VM *vm, Obj *o) {
  if (ndig(o) <= 2) {
    /* Below 2**60: at most 19 digits and a sign. */
    char tmp[24];
    int64_t v = int_small_value(o);
    uint64_t m = v < 0 ? -(uint64_t)v : (uint64_t)v;
    int k = (int)sizeof tmp;
    do {
      tmp[--k] = (char)('0' + m % 10);
      m /= 10;
    } while (m);
    if (v < 0) tmp[--k] = '-';
    return ascii_str(vm, tmp + k, sizeof tmp - (size_t)k);
  }
  size_t len, cap;
  char *buf = decimal_digits(vm, o, &len, &cap);
  if (!buf) return NULL;
  Obj *r;
  if (isneg(o)) {
    /* Make room for the sign: the digits start at buf[0]. */
    char *t = big_alloc(len + 2);
    if (!t) {
      big_free(buf, cap);
      return vm_raise_nomem(vm);
    }
    t[0] = '-';
    memcpy(t + 1, buf, len);
    r = ascii_str(vm, t, len + 1);
    big_free(t, len + 2);
  } else {
    r = ascii_str(vm, buf, len);
  }
  big_free(buf, cap);
  return r;
}

char *int_digits_base(VM *vm, Obj *o, int base, size_t *len, size_t *cap) {
  if (base == 10) return decimal_digits(vm, o, len, cap);
  int bits = base == 2 ? 1 : base == 8 ? 3 : 4;
  int64_t nbits = int_bit_length(o);
  size_t nch = nbits == 0 ? 1 : (size_t)((nbits + bits - 1) / bits);
  char *buf = big_alloc(nch + 1);
  if (!buf) {
    vm_raise_nomem(vm);
    return NULL;
  }
  const digit *d = IV(o)->d;
  ssize n = ndig(o);
  twodigits acc = 0;
  int accbits = 0;
  size_t pos = nch;
  ssize i = 0;
  while (pos > 0) {
    if (accbits < bits && i < n) {
      acc |= (twodigits)d[i++] << accbits;
      accbits += INT_SHIFT;
    }
    buf[--pos] = "0123456789abcdef"[acc & (twodigits)(base - 1)];
    acc >>= bits;
    accbits -= bits;
  }
  buf[nch] = 0;
  *len = nch;
  *cap = nch + 1;
  return buf;
}

Obj *int_to_str_base(VM *vm, Obj *o, int base, bool prefix) {
  size_t len, cap;
  char *digits = int_digits_base(vm, o, base, &len, &cap);
  if (!digits) return NULL;
  size_t tot = len + 3;
  char *t = big_alloc(tot);
  if (!t) {
    big_free(digits, cap);
    return vm_raise_nomem(vm);
  }
  size_t k = 0;
  if (isneg(o)) t[k++] = '-';
  if (prefix && base != 10) {
    t[k++] = '0';
    t[k++] = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
  }
  memcpy(t + k, digits, len);
  Obj *r = ascii_str(vm, t, k + len);
  big_free(t, tot);
  big_free(digits, cap);
  return r;
}

/* ------------------------------------------------------------------ */
/* Parsing                                                             */
/* ------------------------------------------------------------------ */

/* Code points of the digit zero of each Unicode decimal-digit block (all
** of category Nd: ten consecutive code points each), from Unicode 14 as
** in CPython 3.11. */
static const uint32_t nd_zeros[] = {
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66,
  0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810,
  0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620,
  0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10, 0x104a0, 0x10d30,
  0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
  0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60,
  0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140,
  0x1e2f0, 0x1e950, 0x1fbf0,
};

static bool uni_space(uint32_t c) {
  return (c >= 0x9 && c <= 0xd) || (c >= 0x1c && c <= 0x20) || c == 0x85 ||
         c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
         c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

static int uni_decimal(uint32_t c) {
  for (size_t i = 0; i < sizeof nd_zeros / sizeof nd_zeros[0]; i++)
    if (c >= nd_zeros[i] && c < nd_zeros[i] + 10) return (int)(c - nd_zeros[i]);
  return -1;
}

char *num_ascii_text(VM *vm, const char *s, size_t n, size_t *outn,
                     size_t *cap) {
  char *out = big_alloc(n + 1);
  if (!out) {
    vm_raise_nomem(vm);
    return NULL;
  }
  size_t k = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      out[k++] = (char)c;
      i++;
      continue;
    }
    /* S is valid UTF-8 (a str's text). */
    uint32_t cp;
    int len;
    if (c >= 0xF0) { cp = c & 0x07; len = 4; }
    else if (c >= 0xE0) { cp = c & 0x0F; len = 3; }
    else if (c >= 0xC0) { cp = c & 0x1F; len = 2; }
    else { cp = 0xFFFD; len = 1; }
    if (i + (size_t)len > n) len = (int)(n - i);
    for (int j = 1; j < len; j++) cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3F);
    i += (size_t)len;
    int dv;
    if (uni_space(cp)) out[k++] = ' ';
    else if ((dv = uni_decimal(cp)) >= 0) out[k++] = (char)('0' + dv);
    else out[k++] = '?';
  }
  out[k] = 0;
  *outn = k;
  *cap = n + 1;
  return out;
}

static bool is_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

static int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

/* Build the magnitude of the digits S[0..n) (valid in BASE, underscores
** already checked and present) as a new int. */
static Obj *digits_to_int(VM *vm, const char *s, size_t n, int base,
                          size_t ndigits, bool neg) {
  if ((base & (base - 1)) == 0) {
    int bits = base == 2 ? 1 : base == 4 ? 2 : base == 8 ? 3 : base == 16 ? 4 : 5;
    ssize nd = (ssize)(((uint64_t)ndigits * bits + INT_SHIFT - 1) / INT_SHIFT);
    IntObj *z = int_alloc(vm, nd ? nd : 1);
    if (!z) return NULL;
    twodigits acc = 0;
    int accbits = 0;
    ssize k = 0;
    for (size_t i = n; i-- > 0;) {
      if (s[i] == '_') continue;
      acc |= (twodigits)digit_value(s[i]) << accbits;
      accbits += bits;
      if (accbits >= INT_SHIFT) {
        z->d[k++] = (digit)(acc & INT_MASK);
        acc >>= INT_SHIFT;
        accbits -= INT_SHIFT;
      }
    }
    if (accbits) z->d[k++] = (digit)acc;
    z->size = (int32_t)(neg ? -k : k);
    return int_norm(vm, z);
  }
  /* Other bases: consume chunks of K digits, z = z * base**K + chunk. */
  int k = 1;
  digit chunkmax = (digit)base;
  while ((twodigits)chunkmax * (twodigits)base < INT_BASE) {
    chunkmax *= (digit)base;
    k++;
  }
  double bits_per = log2((double)base);
  ssize cap = (ssize)((double)ndigits * bits_per / INT_SHIFT) + 2;
  IntObj *z = int_alloc(vm, cap);
  if (!z) return NULL;
  ssize size = 0;
  size_t i = 0;
  while (i < n) {
    digit chunk = 0, mult = 1;
    int got = 0;
    while (i < n && got < k) {
      if (s[i] != '_') {
        chunk = chunk * (digit)base + (digit)digit_value(s[i]);
        mult *= (digit)base;
        got++;
      }
      i++;
    }
    digit carry = big_mul1(z->d, z->d, size, mult, chunk);
    if (carry) z->d[size++] = carry;
  }
  z->size = (int32_t)(neg ? -size : size);
  return int_norm(vm, z);
}

static Obj *invalid_literal(VM *vm, int base, Obj *orig, const char *s,
                            size_t n) {
  Obj *r = orig ? obj_repr(vm, orig) : NULL;
  if (!r && orig) return NULL;
  if (!r) {
    Obj *str = str_new(vm, s, n);
    if (!str) return NULL;
    r = obj_repr(vm, str);
    decref(vm, str);
    if (!r) return NULL;
  }
  /* CPython prints at most 200 characters of the repr (%.200R). */
  const char *t = STR_UTF8(r);
  size_t cut = 0, chars = 0;
  while (cut < (size_t)STR_NBYTES(r) && chars < 200) {
    unsigned char c = (unsigned char)t[cut];
    cut += c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    chars++;
  }
  vm_raise(vm, &Exc_ValueError, "invalid literal for int() with base %d: %.*s",
           base, (int)cut, t);
  decref(vm, r);
  return NULL;
}

/* Parse ASCII text S (N bytes; the caller has mapped Unicode digits and
** spaces) in BASE (0 or 2..36).  ORIG is the object for error messages
** (NULL: a str made from S). */
static Obj *parse_int(VM *vm, const char *s, size_t n, int base, Obj *orig,
                      const char *msg_s, size_t msg_n) {
  const char *p = s, *end = s + n;
  int orig_base = base;
  while (p < end && is_space(*p)) p++;
  while (end > p && is_space(end[-1])) end--;
  bool neg = false;
  if (p < end && (*p == '+' || *p == '-')) {
    neg = *p == '-';
    p++;
  }
  bool prefixed = false;
  if (p + 1 < end && p[0] == '0') {
    char c = (char)(p[1] | 0x20);
    int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
    if (pb && (base == 0 || base == pb)) {
      base = pb;
      p += 2;
      prefixed = true;
    }
  }
  bool zero_lead = false;
  if (base == 0) {
    base = 10;
    if (p < end && *p == '0') zero_lead = true;
  }
  /* Validate digits and underscores. */
  size_t ndigits = 0;
  bool allzero = true;
  const char *q = p;
  if (q < end && *q == '_') {
    if (!prefixed) goto bad;
    q++;
  }
  if (q >= end) goto bad;
  for (; q < end; q++) {
    if (*q == '_') {
      if (q + 1 >= end || q[1] == '_') goto bad;
      continue;
    }
    int dv = digit_value(*q);
    if (dv >= base) goto bad;
    if (dv) allzero = false;
    ndigits++;
  }
  if (ndigits == 0) goto bad;
  if (zero_lead && !allzero) goto bad;    /* "010" with base 0 */
  if ((base & (base - 1)) != 0) {
    ssize limit = int_get_max_str_digits(vm);
    if (limit > 0 && (ssize)ndigits > limit)
      return vm_raise(vm, &Exc_ValueError,
                      "Exceeds the limit (%zd digits) for integer string "
                      "conversion: value has %zu digits; use "
                      "sys.set_int_max_str_digits() to increase the limit",
                      (ssize_t)limit, ndigits);
  }
  if (ndigits <= 18 && base == 10) {
    int64_t v = 0;
    for (const char *r = p; r < end; r++)
      if (*r != '_') v = v * 10 + (*r - '0');
    return int_from_i64(vm, neg ? -v : v);
  }
  return digits_to_int(vm, p, (size_t)(end - p), base, ndigits, neg);
bad:
  return invalid_literal(vm, orig_base, orig, msg_s, msg_n);
}

Obj *int_from_str(VM *vm, const char *s, size_t n, int base) {
  size_t an, cap;
  char *a = num_ascii_text(vm, s, n, &an, &cap);
  if (!a) return NULL;
  Obj *r = parse_int(vm, a, an, base, NULL, s, n);
  big_free(a, cap);
  return r;
}

Obj *int_from_literal(VM *vm, const char *s, size_t n) {
  return parse_int(vm, s, n, 0, NULL, s, n);
}

/* int(S, base) for a str or bytes-like object S. */
static Obj *int_from_text_obj(VM *vm, Obj *o, int base) {
  if (str_check(o)) {
    if (((StrObj *)o)->ascii)
      return parse_int(vm, STR_UTF8(o), (size_t)STR_NBYTES(o), base, o, NULL, 0);
    size_t an, cap;
    char *a = num_ascii_text(vm, STR_UTF8(o), (size_t)STR_NBYTES(o), &an, &cap);
    if (!a) return NULL;
    Obj *r = parse_int(vm, a, an, base, o, NULL, 0);
    big_free(a, cap);
    return r;
  }
  const char *data;
  ssize size;
  if (bytes_buffer(o, &data, &size)) {
    /* Bytes: NUL or non-ASCII bytes make the literal invalid. */
    for (ssize i = 0; i < size; i++)
      if (data[i] == 0 || (unsigned char)data[i] >= 0x80)
        return invalid_literal(vm, base, o, NULL, 0);
    return parse_int(vm, data, (size_t)size, base, o, NULL, 0);
  }
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Addition, subtraction, multiplication                               */
/* ------------------------------------------------------------------ */

/* +-(|a| + |b|) */
static Obj *x_add(VM *vm, Obj *a, Obj *b, bool neg) {
  ssize na = ndig(a), nb = ndig(b);
  if (na < nb) {
    Obj *t = a; a = b; b = t;
    ssize tn = na; na = nb; nb = tn;
  }
  IntObj *z = int_alloc(vm, na + 1);
  if (!z) return NULL;
  big_add(z->d, IV(a)->d, na, IV(b)->d, nb);
  if (neg) z->size = -z->size;
  return int_norm(vm, z);
}

/* +-(|a| - |b|) */
static Obj *x_sub(VM *vm, Obj *a, Obj *b, bool neg) {
  ssize na = ndig(a), nb = ndig(b);
  int c = big_cmp(IV(a)->d, na, IV(b)->d, nb);
  if (c == 0) return small_int(0);
  if (c < 0) {
    Obj *t = a; a = b; b = t;
    ssize tn = na; na = nb; nb = tn;
    neg = !neg;
  }
  IntObj *z = int_alloc(vm, na);
  if (!z) return NULL;
  big_sub(z->d, IV(a)->d, na, IV(b)->d, nb);
  if (neg) z->size = -z->size;
  return int_norm(vm, z);
}

#define BOTH_INTS(a, b) \
  if (!int_check(a) || !int_check(b)) return incref(NotImplemented)

static inline bool both_small(Obj *a, Obj *b) {
  return int_is_small(a) && int_is_small(b);
}

static Obj *add_ints(VM *vm, Obj *a, Obj *b) {
  if (both_small(a, b)) return int_from_i64(vm, int_small_value(a) + int_small_value(b));
  if (isneg(a)) return isneg(b) ? x_add(vm, a, b, true) : x_sub(vm, b, a, false);
  return isneg(b) ? x_sub(vm, a, b, false) : x_add(vm, a, b, false);
}

static Obj *sub_ints(VM *vm, Obj *a, Obj *b) {
  if (both_small(a, b)) return int_from_i64(vm, int_small_value(a) - int_small_value(b));
  if (isneg(a)) return isneg(b) ? x_sub(vm, a, b, true) : x_add(vm, a, b, true);
  return isneg(b) ? x_add(vm, a, b, false) : x_sub(vm, a, b, false);
}

static Obj *mul_ints(VM *vm, Obj *a, Obj *b) {
  if (both_small(a, b)) {
    int64_t r;
    if (!__builtin_mul_overflow(int_small_value(a), int_small_value(b), &r))
      return int_from_i64(vm, r);
  }
  ssize na = ndig(a), nb = ndig(b);
  if (na == 0 || nb == 0) return small_int(0);
  IntObj *z = int_alloc(vm, na + nb);
  if (!z) return NULL;
  if (big_mul(z->d, IV(a)->d, na, IV(b)->d, nb) < 0) {
    int_discard(vm, z);
    return vm_raise_nomem(vm);
  }
  if (isneg(a) != isneg(b)) z->size = -z->size;
  return int_norm(vm, z);
}

Obj *int_add(VM *vm, Obj *a, Obj *b) { BOTH_INTS(a, b); return add_ints(vm, a, b); }
Obj *int_sub(VM *vm, Obj *a, Obj *b) { BOTH_INTS(a, b); return sub_ints(vm, a, b); }
Obj *int_mul(VM *vm, Obj *a, Obj *b) { BOTH_INTS(a, b); return mul_ints(vm, a, b); }

/* ------------------------------------------------------------------ */
/* Division                                                            */
/* ------------------------------------------------------------------ */

/* Truncated division of A by B (B != 0): *PQ = trunc(a / b), *PR = a -
** b * q (sign of a).  Either pointer may be NULL.  0 or -1. */
static int x_divrem(VM *vm, Obj *a, Obj *b, Obj **pq, Obj **pr) {
  ssize na = ndig(a), nb = ndig(b);
  bool qneg = isneg(a) != isneg(b), rneg = isneg(a);
  if (na < nb || (na == nb && IV(a)->d[na - 1] < IV(b)->d[nb - 1])) {
    if (pq) *pq = small_int(0);
    if (pr) {
      *pr = int_exact(vm, a);
      if (!*pr) {
        if (pq) decref(vm, *pq);
        return -1;
      }
    }
    return 0;
  }
  IntObj *q, *r;
  if (nb == 1) {
    q = int_alloc(vm, na);
    if (!q) return -1;
    digit rem = big_divrem1(q->d, IV(a)->d, na, IV(b)->d[0]);
    Obj *ro = int_from_i64(vm, rneg ? -(int64_t)rem : (int64_t)rem);
    if (!ro) {
      int_discard(vm, q);
      return -1;
    }
    if (qneg) q->size = -q->size;
    Obj *qo = int_norm(vm, q);
    if (pq) *pq = qo; else decref(vm, qo);
    if (pr) *pr = ro; else decref(vm, ro);
    return 0;
  }
  q = int_alloc(vm, na - nb + 1);
  if (!q) return -1;
  r = int_alloc(vm, nb);
  if (!r) {
    int_discard(vm, q);
    return -1;
  }
  if (big_divrem(q->d, r->d, IV(a)->d, na, IV(b)->d, nb) < 0) {
    int_discard(vm, q);
    int_discard(vm, r);
    vm_raise_nomem(vm);
    return -1;
  }
  if (qneg) q->size = -q->size;
  if (rneg) r->size = -r->size;
  Obj *qo = int_norm(vm, q), *ro = int_norm(vm, r);
  if (pq) *pq = qo; else decref(vm, qo);
  if (pr) *pr = ro; else decref(vm, ro);
  return 0;
}

/* Floor division and modulo (B != 0).  Either pointer may be NULL. */
static int l_divmod(VM *vm, Obj *a, Obj *b, Obj **pdiv, Obj **pmod) {
  if (both_small(a, b)) {
    int64_t x = int_small_value(a), y = int_small_value(b);
    int64_t q = x / y, r = x % y;
    if (r && ((r ^ y) < 0)) {
      r += y;
      q--;
    }
    if (pdiv && !(*pdiv = int_from_i64(vm, q))) return -1;
    if (pmod && !(*pmod = int_from_i64(vm, r))) {
      if (pdiv) decref(vm, *pdiv);
      return -1;
    }
    return 0;
  }
  Obj *q, *r;
  if (x_divrem(vm, a, b, &q, &r) < 0) return -1;
  if (!iszero(r) && isneg(r) != isneg(b)) {
    Obj *q2 = sub_ints(vm, q, (Obj *)&int_small_table[1 - INT_SMALL_MIN]);
    Obj *r2 = q2 ? add_ints(vm, r, b) : NULL;
    decref(vm, q);
    decref(vm, r);
    if (!r2) {
      xdecref(vm, q2);
      return -1;
    }
    q = q2;
    r = r2;
  }
  if (pdiv) *pdiv = q; else decref(vm, q);
  if (pmod) *pmod = r; else decref(vm, r);
  return 0;
}

Obj *int_floordiv(VM *vm, Obj *a, Obj *b) {
  BOTH_INTS(a, b);
  if (iszero(b))
    return vm_raise(vm, &Exc_ZeroDivisionError, "integer division or modulo by zero");
  Obj *q;
  return l_divmod(vm, a, b, &q, NULL) < 0 ? NULL : q;
}

Obj *int_mod(VM *vm, Obj *a, Obj *b) {
  BOTH_INTS(a, b);
  if (iszero(b)) return vm_raise(vm, &Exc_ZeroDivisionError, "integer modulo by zero");
  Obj *r;
  return l_divmod(vm, a, b, NULL, &r) < 0 ? NULL : r;
}

Obj *int_divmod(VM *vm, Obj *a, Obj *b) {
  BOTH_INTS(a, b);
  if (iszero(b))
    return vm_raise(vm, &Exc_ZeroDivisionError, "integer division or modulo by zero");
  Obj *q, *r;
  if (l_divmod(vm, a, b, &q, &r) < 0) return NULL;
  Obj *t = tuple_new(vm, 2);
  if (!t) {
    decref(vm, q);
    decref(vm, r);
    return NULL;
  }
  TUPLE_ITEMS(t)[0] = q;
  TUPLE_ITEMS(t)[1] = r;
  return t;
}

/* a / b correctly rounded, as CPython's long_true_divide. */
Obj *int_truediv(VM *vm, Obj *a, Obj *b) {
  BOTH_INTS(a, b);
  if (iszero(b)) return vm_raise(vm, &Exc_ZeroDivisionError, "division by zero");
  bool neg = isneg(a) != isneg(b);
  if (iszero(a)) return float_new(vm, neg ? -0.0 : 0.0);
  uint64_t ma, mb;
  if (mag_u64(a, &ma) && mag_u64(b, &mb) && ma <= ((uint64_t)1 << DBL_MANT_DIG) &&
      mb <= ((uint64_t)1 << DBL_MANT_DIG)) {
    /* Both exact as doubles: one IEEE division rounds correctly. */
    double r = (double)ma / (double)mb;
    return float_new(vm, neg ? -r : r);
  }
  int64_t la = int_bit_length(a), lb = int_bit_length(b);
  int64_t diff = la - lb;
  if (diff > DBL_MAX_EXP)
    return vm_raise(vm, &Exc_OverflowError, "integer division result too large for a float");
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return float_new(vm, neg ? -0.0 : 0.0);
  /* Scale so that the quotient has DBL_MANT_DIG + 2 or + 3 bits (fewer for
  ** subnormal results), then divide exactly, keeping a sticky bit. */
  int64_t shift = (diff > DBL_MIN_EXP ? diff : DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  bool inexact = false;
  Obj *x;
  Obj *absa = isneg(a) ? int_neg(vm, a) : int_exact(vm, a);
  if (!absa) return NULL;
  if (shift <= 0) {
    x = lshift_mag(vm, absa, -shift);
  } else {
    /* x = |a| >> shift, noting lost bits. */
    int64_t nb2 = la - shift;
    if (nb2 <= 0) {
      x = small_int(0);
      inexact = true;
    } else {
      ssize first = (ssize)(shift / INT_SHIFT);
      int off = (int)(shift % INT_SHIFT);
      ssize n = ndig(absa);
      for (ssize i = 0; i < first && !inexact; i++) inexact = IV(absa)->d[i] != 0;
      IntObj *z = int_alloc(vm, n - first);
      if (!z) {
        decref(vm, absa);
        return NULL;
      }
      digit lost = big_rshift(z->d, IV(absa)->d + first, n - first, off);
      if (lost) inexact = true;
      x = int_norm(vm, z);
    }
  }
  decref(vm, absa);
  if (!x) return NULL;
  Obj *absb = isneg(b) ? int_neg(vm, b) : int_exact(vm, b);
  if (!absb) {
    decref(vm, x);
    return NULL;
  }
  Obj *q, *r;
  int rc = x_divrem(vm, x, absb, &q, &r);
  decref(vm, x);
  decref(vm, absb);
  if (rc < 0) return NULL;
  if (!iszero(r)) inexact = true;
  decref(vm, r);
  uint64_t qv = 0;
  mag_u64(q, &qv);               /* at most DBL_MANT_DIG + 3 bits */
  int qbits = qv ? 64 - __builtin_clzll(qv) : 0;
  decref(vm, q);
  /* Bits to drop: down to 53 significant bits, or to the subnormal
  ** granularity 2**(DBL_MIN_EXP - DBL_MANT_DIG). */
  int64_t extra = qbits - DBL_MANT_DIG;
  int64_t sub = (DBL_MIN_EXP - DBL_MANT_DIG) - shift;
  if (sub > extra) extra = sub;
  if (extra > 0) {
    uint64_t half = (uint64_t)1 << (extra - 1);
    uint64_t low = qv & ((half << 1) - 1);
    qv >>= extra;
    if (low > half || (low == half && (inexact || (qv & 1)))) qv++;
    shift += extra;
  }
  double res = ldexp((double)qv, (int)shift);
  if (isinf(res))
    return vm_raise(vm, &Exc_OverflowError, "integer division result too large for a float");
  return float_new(vm, neg ? -res : res);
}

/* ------------------------------------------------------------------ */
/* Unary operators                                                     */
/* ------------------------------------------------------------------ */

Obj *int_neg(VM *vm, Obj *a) {
  if (int_is_small(a)) return int_from_i64(vm, -int_small_value(a));
  Obj *r = int_from_digits(vm, IV(a)->d, ndig(a), !isneg(a));
  return r;
}

static Obj *int_pos(VM *vm, Obj *a) { return int_exact(vm, a); }

Obj *int_abs(VM *vm, Obj *a) { return isneg(a) ? int_neg(vm, a) : int_exact(vm, a); }

Obj *int_invert(VM *vm, Obj *a) {
  if (int_is_small(a)) return int_from_i64(vm, ~int_small_value(a));
  /* ~a == -(a + 1) */
  Obj *one = (Obj *)&int_small_table[1 - INT_SMALL_MIN];
  Obj *t = add_ints(vm, a, one);
  if (!t) return NULL;
  Obj *r = int_neg(vm, t);
  decref(vm, t);
  return r;
}

static Obj *int_int(VM *vm, Obj *a) { return int_exact(vm, a); }

static Obj *int_float(VM *vm, Obj *a) {
  double d = int_as_double(vm, a);
  if (d == -1.0 && vm_exc_occurred(vm)) return NULL;
  return float_new(vm, d);
}

/* ------------------------------------------------------------------ */
/* Shifts                                                              */
/* ------------------------------------------------------------------ */

static Obj *lshift_mag(VM *vm, Obj *o, int64_t shift) {
  if (iszero(o) || shift == 0) return int_exact(vm, o);
  ssize n = ndig(o);
  int64_t wshift = shift / INT_SHIFT;
  int bits = (int)(shift % INT_SHIFT);
  if (wshift + n + 1 > INT_MAX_DIGITS) return vm_raise_nomem(vm);
  IntObj *z = int_alloc(vm, (ssize)wshift + n + 1);
  if (!z) return NULL;
  z->d[wshift + n] = big_lshift(z->d + wshift, IV(o)->d, n, bits);
  if (isneg(o)) z->size = -z->size;
  return int_norm(vm, z);
}

/* floor(o / 2**shift) */
static Obj *rshift_floor(VM *vm, Obj *o, int64_t shift) {
  if (int_is_small(o)) {
    int64_t v = int_small_value(o);
    if (shift >= 63) return int_from_i64(vm, v < 0 ? -1 : 0);
    return int_from_i64(vm, v >> shift);   /* arithmetic shift floors */
  }
  if (isneg(o)) {
    /* -(((|o| - 1) >> s) + 1) */
    Obj *one = (Obj *)&int_small_table[1 - INT_SMALL_MIN];
    Obj *m = int_neg(vm, o);
    if (!m) return NULL;
    Obj *m1 = sub_ints(vm, m, one);
    decref(vm, m);
    if (!m1) return NULL;
    Obj *s = rshift_floor(vm, m1, shift);
    decref(vm, m1);
    if (!s) return NULL;
    Obj *s1 = add_ints(vm, s, one);
    decref(vm, s);
    if (!s1) return NULL;
    Obj *r = int_neg(vm, s1);
    decref(vm, s1);
    return r;
  }
  ssize n = ndig(o);
  int64_t wshift = shift / INT_SHIFT;
  if (wshift >= n) return small_int(0);
  IntObj *z = int_alloc(vm, n - (ssize)wshift);
  if (!z) return NULL;
  big_rshift(z->d, IV(o)->d + wshift, n - (ssize)wshift, (int)(shift % INT_SHIFT));
  return int_norm(vm, z);
}

/* The shift count B as an int64; -1 with ValueError when negative; sets
** *HUGE when it does not fit. */
static int shift_count(VM *vm, Obj *b, int64_t *out, bool *huge) {
  if (isneg(b)) {
    vm_raise(vm, &Exc_ValueError, "negative shift count");
    return -1;
  }
  *huge = !int_fits_i64(b);
  *out = *huge ? INT64_MAX : int_as_i64_unchecked(b);
  return 0;
}

Obj *int_lshift(VM *vm, Obj *a, Obj *b) {
  BOTH_INTS(a, b);
  int64_t s;
  bool huge;
  if (shift_count(vm, b, &s, &huge) < 0) return NULL;
  if (iszero(a)) return small_int(0);
  if (huge) return vm_raise_nomem(vm);
  if (int_is_small(a) && s < 62) {
    int64_t v = int_small_value(a);
    if (v >= 0 ? v < ((int64_t)1 << (62 - s)) : -v < ((int64_t)1 << (62 - s)))
      return int_from_i64(vm, (int64_t)((uint64_t)v << s));
  }
  return lshift_mag(vm, a, s);
}

Obj *int_rshift(VM *vm, Obj *a, Obj *b) {
  BOTH_INTS(a, b);
  int64_t s;
  bool huge;
  if (shift_count(vm, b, &s, &huge) < 0) return NULL;
  return rshift_floor(vm, a, s);
}

/* ------------------------------------------------------------------ */
/* Bitwise operators (two's complement semantics)                      */
/* ------------------------------------------------------------------ */

/* Fill OUT[0..n) with the two's complement digits of O (sign-extended). */
static void twos_complement(Obj *o, digit *out, ssize n) {
  ssize no = ndig(o);
  const digit *d = IV(o)->d;
  if (!isneg(o)) {
    memcpy(out, d, (size_t)no * sizeof(digit));
    memset(out + no, 0, (size_t)(n - no) * sizeof(digit));
    return;
  }
  /* -x == ~(x - 1) */
  digit borrow = 1;
  for (ssize i = 0; i < n; i++) {
    digit v = i < no ? d[i] : 0;
    digit t = v - borrow;
    borrow = (t >> INT_SHIFT) & 1;
    out[i] = ~t & INT_MASK;
  }
}

static Obj *bitwise(VM *vm, Obj *a, Obj *b, char op) {
  if (both_small(a, b)) {
    int64_t x = int_small_value(a), y = int_small_value(b);
    return int_from_i64(vm, op == '&' ? x & y : op == '|' ? x | y : x ^ y);
  }
  ssize na = ndig(a), nb = ndig(b);
  ssize n = (na > nb ? na : nb) + 1;
  bool nega = isneg(a), negb = isneg(b);
  bool negz = op == '&' ? nega && negb : op == '|' ? nega || negb : nega != negb;
  size_t bytes = (size_t)(2 * n) * sizeof(digit);
  digit *ta = big_alloc(bytes);
  if (!ta) return vm_raise_nomem(vm);
  digit *tb = ta + n;
  twos_complement(a, ta, n);
  twos_complement(b, tb, n);
  IntObj *z = int_alloc(vm, n);
  if (!z) {
    big_free(ta, bytes);
    return NULL;
  }
  for (ssize i = 0; i < n; i++)
    z->d[i] = op == '&' ? ta[i] & tb[i] : op == '|' ? ta[i] | tb[i] : ta[i] ^ tb[i];
  big_free(ta, bytes);
  if (negz) {
    /* Back from two's complement: magnitude = ~z + 1. */
    digit carry = 1;
    for (ssize i = 0; i < n; i++) {
      digit t = (~z->d[i] & INT_MASK) + carry;
      z->d[i] = t & INT_MASK;
      carry = t >> INT_SHIFT;
    }
    z->size = -z->size;
  }
  return int_norm(vm, z);
}

Obj *int_and(VM *vm, Obj *a, Obj *b) { BOTH_INTS(a, b); return bitwise(vm, a, b, '&'); }
Obj *int_or(VM *vm, Obj *a, Obj *b) { BOTH_INTS(a, b); return bitwise(vm, a, b, '|'); }
Obj *int_xor(VM *vm, Obj *a, Obj *b) { BOTH_INTS(a, b); return bitwise(vm, a, b, '^'); }

/* ------------------------------------------------------------------ */
/* Powers                                                              */
/* ------------------------------------------------------------------ */

/* (a * b) mod m, or a * b when M is NULL.  Steals A. */
static Obj *mulmod(VM *vm, Obj *a, Obj *b, Obj *m) {
  Obj *p = mul_ints(vm, a, b);
  decref(vm, a);
  if (!p || !m) return p;
  Obj *r;
  int rc = l_divmod(vm, p, m, NULL, &r);
  decref(vm, p);
  return rc < 0 ? NULL : r;
}

/* The inverse of A modulo M (M > 1), by the extended Euclidean algorithm;
** ValueError when gcd(a, m) != 1. */
static Obj *inverse_mod(VM *vm, Obj *a, Obj *m) {
  Obj *zero = (Obj *)&int_small_table[0 - INT_SMALL_MIN];
  Obj *one = (Obj *)&int_small_table[1 - INT_SMALL_MIN];
  Obj *b = NULL, *c = incref(m), *x = incref(one), *y = incref(zero);
  if (l_divmod(vm, a, m, NULL, &b) < 0) goto fail;
  /* Invariants: b == x*a (mod m), c == y*a (mod m). */
  while (!iszero(c)) {
    Obj *q, *r;
    if (l_divmod(vm, b, c, &q, &r) < 0) goto fail;
    Obj *qy = mul_ints(vm, q, y);
    decref(vm, q);
    if (!qy) {
      decref(vm, r);
      goto fail;
    }
    Obj *nx = sub_ints(vm, x, qy);
    decref(vm, qy);
    if (!nx) {
      decref(vm, r);
      goto fail;
    }
    decref(vm, b);
    b = c;
    c = r;
    decref(vm, x);
    x = y;
    y = nx;
  }
  if (int_compare(b, one) != 0) {
    vm_raise(vm, &Exc_ValueError, "base is not invertible for the given modulus");
    goto fail;
  }
  Obj *res;
  if (l_divmod(vm, x, m, NULL, &res) < 0) goto fail;
  decref(vm, b);
  decref(vm, c);
  decref(vm, x);
  decref(vm, y);
  return res;
fail:
  xdecref(vm, b);
  decref(vm, c);
  decref(vm, x);
  decref(vm, y);
  return NULL;
}

/* a ** b for b >= 0, optionally modulo M (M > 0, A already reduced). */
static Obj *pow_nonneg(VM *vm, Obj *a, Obj *b, Obj *m) {
  if (!m && int_is_small(a) && int_is_small(b)) {
    int64_t base = int_small_value(a), e = int_small_value(b), r = 1;
    bool ok = true;
    while (e > 0 && ok) {
      if (e & 1) ok = !__builtin_mul_overflow(r, base, &r);
      e >>= 1;
      if (e && ok) ok = !__builtin_mul_overflow(base, base, &base);
    }
    if (ok) return int_from_i64(vm, r);
  }
  if (!m && int_is_small(a)) {
    int64_t v = int_small_value(a);
    if (v == 0 || v == 1) return int_from_i64(vm, iszero(b) ? 1 : v);
    if (v == -1) return int_from_i64(vm, (IV(b)->d[0] & 1) ? -1 : 1);
    if (v == 2 && int_fits_i64(b)) {
      Obj *one = (Obj *)&int_small_table[1 - INT_SMALL_MIN];
      return lshift_mag(vm, one, int_as_i64_unchecked(b));
    }
  }
  Obj *result = small_int(1);
  int64_t nbits = int_bit_length(b);
  for (int64_t i = nbits; i-- > 0;) {
    result = mulmod(vm, result, result, m);
    if (!result) return NULL;
    if ((IV(b)->d[i / INT_SHIFT] >> (i % INT_SHIFT)) & 1) {
      result = mulmod(vm, result, a, m);
      if (!result) return NULL;
    }
  }
  if (m && nbits == 0) {
    /* a ** 0 mod m == 1 mod m */
    Obj *r;
    int rc = l_divmod(vm, result, m, NULL, &r);
    decref(vm, result);
    return rc < 0 ? NULL : r;
  }
  return result;
}

/* pow(a, b, m) for ints; M may be NULL. */
static Obj *int_pow3(VM *vm, Obj *a, Obj *b, Obj *m) {
  if (!m) {
    if (isneg(b)) {
      double x = int_as_double(vm, a);
      if (x == -1.0 && vm_exc_occurred(vm)) return NULL;
      double y = int_as_double(vm, b);
      if (y == -1.0 && vm_exc_occurred(vm)) return NULL;
      return float_pow_double(vm, x, y);
    }
    return pow_nonneg(vm, a, b, NULL);
  }
  if (iszero(m)) return vm_raise(vm, &Exc_ValueError, "pow() 3rd argument cannot be 0");
  bool negm = isneg(m);
  Obj *mm = negm ? int_neg(vm, m) : int_exact(vm, m);
  if (!mm) return NULL;
  Obj *one = (Obj *)&int_small_table[1 - INT_SMALL_MIN];
  Obj *base = NULL, *exp = NULL, *r = NULL;
  if (int_compare(mm, one) == 0) {
    decref(vm, mm);
    return small_int(0);
  }
  if (l_divmod(vm, a, mm, NULL, &base) < 0) goto done;
  if (isneg(b)) {
    Obj *inv = inverse_mod(vm, base, mm);
    if (!inv) goto done;
    decref(vm, base);
    base = inv;
    exp = int_neg(vm, b);
  } else {
    exp = incref(b);
  }
  if (!exp) goto done;
  r = pow_nonneg(vm, base, exp, mm);
  if (r && negm && !iszero(r)) {
    Obj *t = sub_ints(vm, r, mm);
    decref(vm, r);
    r = t;
  }
done:
  xdecref(vm, base);
  xdecref(vm, exp);
  decref(vm, mm);
  return r;
}

Obj *int_pow(VM *vm, Obj *a, Obj *b) {
  BOTH_INTS(a, b);
  return int_pow3(vm, a, b, NULL);
}

static bool is_number(Obj *o) {
  return int_check(o) || float_check(o);
}

Obj *num_pow(VM *vm, Obj *a, Obj *b, Obj *m) {
  if (m && m != None) {
    if (!int_check(a) || !int_check(b) || !int_check(m)) {
      if (is_number(a) && is_number(b) && is_number(m))
        return vm_raise(vm, &Exc_TypeError,
                        "pow() 3rd argument not allowed unless all arguments are integers");
      return vm_raise(vm, &Exc_TypeError,
                      "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                      obj_type_name(a), obj_type_name(b), obj_type_name(m));
    }
    return int_pow3(vm, a, b, m);
  }
  if (int_check(a) && int_check(b)) return int_pow3(vm, a, b, NULL);
  if (is_number(a) && is_number(b)) return float_pow(vm, a, b);
  return incref(NotImplemented);
}

Obj *num_divmod(VM *vm, Obj *a, Obj *b) {
  if (int_check(a) && int_check(b)) return int_divmod(vm, a, b);
  if (is_number(a) && is_number(b)) return float_divmod(vm, a, b);
  return incref(NotImplemented);
}

/* ------------------------------------------------------------------ */
/* round()                                                             */
/* ------------------------------------------------------------------ */

Obj *int_round_neg(VM *vm, Obj *v, Obj *ndigits) {
  Obj *ten = (Obj *)&int_small_table[10 - INT_SMALL_MIN];
  /* |v| < 10**(digits of v): past that, v rounds to 0 without computing
  ** a huge power of ten. */
  int64_t vdigits = int_bit_length(v) * 30103 / 100000 + 2;
  if (!int_fits_i64(ndigits) || int_as_i64_unchecked(ndigits) < -vdigits)
    return small_int(0);
  Obj *e = int_neg(vm, ndigits);
  if (!e) return NULL;
  Obj *p = pow_nonneg(vm, ten, e, NULL);
  decref(vm, e);
  if (!p) return NULL;
  Obj *q, *r;
  if (l_divmod(vm, v, p, &q, &r) < 0) {
    decref(vm, p);
    return NULL;
  }
  /* Compare 2r with p; r in [0, p). */
  Obj *two_r = add_ints(vm, r, r);
  int c = two_r ? int_compare(two_r, p) : 0;
  xdecref(vm, two_r);
  Obj *res = NULL;
  if (two_r) {
    bool up = c > 0 || (c == 0 && ndig(q) > 0 && (IV(q)->d[0] & 1));
    Obj *base = sub_ints(vm, v, r);
    if (base && up) {
      res = add_ints(vm, base, p);
      decref(vm, base);
    } else {
      res = base;
    }
  }
  decref(vm, q);
  decref(vm, r);
  decref(vm, p);
  return res;
}

/* ------------------------------------------------------------------ */
/* The int(...) constructor                                            */
/* ------------------------------------------------------------------ */

static Obj *call_dunder(VM *vm, Obj *o, const char *name, bool *found) {
  Obj *f = type_lookup(TYPE(o), str_intern_cstr(vm, name));
  *found = f != NULL;
  if (!f) return NULL;
  return obj_call(vm, f, &o, 1, NULL);
}

Obj *int_from_obj(VM *vm, Obj *o) {
  if (o->type == &Int_Type) return incref(o);
  if (int_check(o) && !(o->type->flags & TF_HEAPTYPE)) return int_exact(vm, o);
  if (o->type == &Float_Type) return int_from_double(vm, FLOAT_VAL(o));
  /* Exact str, bytes and bytearray have no __int__/__index__/__trunc__. */
  if (o->type == &Str_Type || o->type == &Bytes_Type || o->type == &ByteArray_Type)
    return int_from_text_obj(vm, o, 10);
  TypeObj *t = TYPE(o);
  bool found = false;
  Obj *r = NULL;
  if (t->int_ && !(t->flags & TF_HEAPTYPE)) {
    r = t->int_(vm, o);
    found = true;
  } else {
    r = call_dunder(vm, o, "__int__", &found);
  }
  if (found) {
    if (!r) return NULL;
    if (!int_check(r)) {
      vm_raise(vm, &Exc_TypeError, "__int__ returned non-int (type %s)", obj_type_name(r));
      decref(vm, r);
      return NULL;
    }
    Obj *e = int_exact(vm, r);
    decref(vm, r);
    return e;
  }
  if (t->index && !(t->flags & TF_HEAPTYPE)) {
    r = t->index(vm, o);
    found = true;
  } else {
    r = call_dunder(vm, o, "__index__", &found);
  }
  if (found) {
    if (!r) return NULL;
    if (!int_check(r)) {
      vm_raise(vm, &Exc_TypeError, "__index__ returned non-int (type %s)", obj_type_name(r));
      decref(vm, r);
      return NULL;
    }
    Obj *e = int_exact(vm, r);
    decref(vm, r);
    return e;
  }
  r = call_dunder(vm, o, "__trunc__", &found);
  if (found) {
    if (!r) return NULL;
    if (int_check(r)) {
      Obj *e = int_exact(vm, r);
      decref(vm, r);
      return e;
    }
    Obj *e = int_from_obj(vm, r);   /* CPython: __trunc__'s result via __index__ */
    decref(vm, r);
    return e;
  }
  if (str_check(o) || bytes_buffer(o, &(const char *){0}, &(ssize){0}))
    return int_from_text_obj(vm, o, 10);
  return vm_raise(vm, &Exc_TypeError,
                  "int() argument must be a string, a bytes-like object or a "
                  "real number, not '%s'", obj_type_name(o));
}

/* Make an instance of the int subclass TYPE holding the value of V. */
static Obj *int_subtype_new(VM *vm, TypeObj *type, Obj *v) {
  return class_subtype_copy(vm, type, v);
}

Obj *int_type_new(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                  Obj *kwnames) {
  size_t nkw = kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0;
  Obj *x = nargs > 0 ? args[0] : NULL, *base = nargs > 1 ? args[1] : NULL;
  if (nargs + nkw > 2)
    return vm_raise(vm, &Exc_TypeError, "int() takes at most 2 arguments (%zu given)",
                    nargs + nkw);
  for (size_t i = 0; i < nkw; i++) {
    Obj *k = TUPLE_GET(kwnames, i);
    if (!str_eq_cstr(k, "base"))
      return vm_raise(vm, &Exc_TypeError, "'%s' is an invalid keyword argument for int()",
                      STR_UTF8(k));
    if (base)
      return vm_raise(vm, &Exc_TypeError,
                      "argument for int() given by name ('base') and position (2)");
    base = args[nargs + i];
  }
  Obj *r;
  if (!x) {
    if (base) return vm_raise(vm, &Exc_TypeError, "int() missing string argument");
    r = small_int(0);
  } else if (!base) {
    r = int_from_obj(vm, x);
  } else {
    Obj *bi = obj_index(vm, base);
    if (!bi) return NULL;
    int64_t bv = int_fits_i64(bi) ? int_as_i64_unchecked(bi) : -1;
    decref(vm, bi);
    if (bv != 0 && (bv < 2 || bv > 36))
      return vm_raise(vm, &Exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
    if (!str_check(x) && !bytes_buffer(x, &(const char *){0}, &(ssize){0}))
      return vm_raise(vm, &Exc_TypeError, "int() can't convert non-string with explicit base");
    r = int_from_text_obj(vm, x, (int)bv);
  }
  if (!r || callable == (Obj *)&Int_Type) return r;
  Obj *s = int_subtype_new(vm, (TypeObj *)callable, r);
  decref(vm, r);
  return s;
}

/* ------------------------------------------------------------------ */
/* Methods and attributes                                              */
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

static Obj *m_bit_length(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "int.bit_length", nargs, kw) < 0) return NULL;
  return int_from_i64(vm, int_bit_length(self));
}

static Obj *m_bit_count(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "int.bit_count", nargs, kw) < 0) return NULL;
  int64_t c = 0;
  for (ssize i = 0; i < ndig(self); i++) c += __builtin_popcount(IV(self)->d[i]);
  return int_from_i64(vm, c);
}

static Obj *m_exact(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "int.conjugate", nargs, kw) < 0) return NULL;
  return int_exact(vm, self);
}

static Obj *m_trunc(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "int.__trunc__", nargs, kw) < 0) return NULL;
  return int_exact(vm, self);
}

static Obj *m_as_integer_ratio(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                               Obj *kw) {
  if (no_args(vm, "int.as_integer_ratio", nargs, kw) < 0) return NULL;
  Obj *n = int_exact(vm, self);
  if (!n) return NULL;
  Obj *t = tuple_pack(vm, 2, n, (Obj *)&int_small_table[1 - INT_SMALL_MIN]);
  decref(vm, n);
  return t;
}

static Obj *m_getnewargs(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "int.__getnewargs__", nargs, kw) < 0) return NULL;
  Obj *n = int_exact(vm, self);
  if (!n) return NULL;
  Obj *t = tuple_pack(vm, 1, n);
  decref(vm, n);
  return t;
}

static Obj *m_sizeof(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (no_args(vm, "int.__sizeof__", nargs, kw) < 0) return NULL;
  return int_from_i64(vm, (int64_t)int_sizeof(self));
}

static Obj *m_round(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  static const char *const names[] = {"ndigits"};
  Obj *nd = NULL;
  if (args_parse(vm, "__round__", args, nargs, kw, names, 1, 0, &nd) < 0) return NULL;
  if (!nd) return int_exact(vm, self);
  Obj *n = obj_index(vm, nd);
  if (!n) return NULL;
  Obj *r = isneg(n) ? int_round_neg(vm, self, n) : int_exact(vm, self);
  decref(vm, n);
  return r;
}

static Obj *m_format(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  if (kw && TUPLE_SIZE(kw)) return vm_raise(vm, &Exc_TypeError, "__format__() takes no keyword arguments");
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "__format__() takes exactly one argument (%zu given)", nargs);
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError, "__format__() argument must be str, not %s",
                    obj_type_name(args[0]));
  return int_format(vm, self, STR_UTF8(args[0]), (size_t)STR_NBYTES(args[0]));
}

/* byteorder argument: 1 little, 0 big, -1 error. */
static int byteorder_arg(VM *vm, const char *fname, Obj *o) {
  if (!o) return 0;
  if (!str_check(o)) {
    vm_raise(vm, &Exc_TypeError, "%s() argument 'byteorder' must be str, not %s", fname,
             obj_type_name(o));
    return -1;
  }
  if (str_eq_cstr(o, "little")) return 1;
  if (str_eq_cstr(o, "big")) return 0;
  vm_raise(vm, &Exc_ValueError, "byteorder must be either 'little' or 'big'");
  return -1;
}

static Obj *m_to_bytes(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kw) {
  static const char *const names[] = {"length", "byteorder", "signed"};
  Obj *a[3] = {NULL, NULL, NULL};
  if (nargs > 2)
    return vm_raise(vm, &Exc_TypeError, "to_bytes() takes at most 2 positional arguments (%zu given)",
                    nargs);
  if (args_parse(vm, "to_bytes", args, nargs, kw, names, 3, 0, a) < 0) return NULL;
  int64_t length = 1;
  if (a[0]) {
    Obj *l = obj_index(vm, a[0]);
    if (!l) return NULL;
    int rc = int_as_i64(vm, l, &length);
    decref(vm, l);
    if (rc < 0) return NULL;
    if (length < 0) return vm_raise(vm, &Exc_ValueError, "length argument must be non-negative");
  }
  int little = byteorder_arg(vm, "to_bytes", a[1]);
  if (little < 0) return NULL;
  int sgn = a[2] ? obj_truthy(vm, a[2]) : 0;
  if (sgn < 0) return NULL;
  if (isneg(self) && !sgn)
    return vm_raise(vm, &Exc_OverflowError, "can't convert negative int to unsigned");
  /* Fits?  unsigned: bits <= 8*len; signed: -(2**(8len-1)) <= v < 2**(8len-1). */
  int64_t bits = int_bit_length(self);
  bool fits;
  if (!sgn) {
    fits = bits <= 8 * length;
  } else if (!isneg(self)) {
    fits = bits < 8 * length || (bits == 0);
  } else {
    /* -v <= 2**(8len-1): bits(|v|) <= 8len-1, or |v| is exactly 2**(8len-1). */
    fits = bits <= 8 * length - 1;
    if (!fits && bits == 8 * length) {
      bool pow2 = true;
      for (ssize i = 0; i < ndig(self) - 1 && pow2; i++) pow2 = IV(self)->d[i] == 0;
      digit top = IV(self)->d[ndig(self) - 1];
      fits = pow2 && (top & (top - 1)) == 0;
    }
  }
  if (!fits) return vm_raise(vm, &Exc_OverflowError, "int too big to convert");
  Obj *b = bytes_new_uninit(vm, (size_t)length);
  if (!b) return NULL;
  unsigned char *out = (unsigned char *)((BytesObj *)b)->data;
  /* Little-endian bytes of the two's complement value. */
  ssize n = ndig(self);
  digit borrow = isneg(self) ? 1 : 0;
  twodigits acc = 0;
  int accbits = 0;
  ssize di = 0;
  for (int64_t i = 0; i < length; i++) {
    while (accbits < 8) {
      digit v = di < n ? IV(self)->d[di] : 0;
      di++;
      if (isneg(self)) {
        digit t = v - borrow;
        borrow = (t >> INT_SHIFT) & 1;
        v = ~t & INT_MASK;
      }
      acc |= (twodigits)v << accbits;
      accbits += INT_SHIFT;
    }
    unsigned char byte = (unsigned char)(acc & 0xFF);
    acc >>= 8;
    accbits -= 8;
    out[little ? i : length - 1 - i] = byte;
  }
  return b;
}

static Obj *m_from_bytes(VM *vm, Obj *cls, Obj *const *args, size_t nargs, Obj *kw) {
  static const char *const names[] = {"bytes", "byteorder", "signed"};
  Obj *a[3] = {NULL, NULL, NULL};
  if (nargs > 2)
    return vm_raise(vm, &Exc_TypeError,
                    "from_bytes() takes at most 2 positional arguments (%zu given)", nargs);
  if (args_parse(vm, "from_bytes", args, nargs, kw, names, 3, 1, a) < 0) return NULL;
  int little = byteorder_arg(vm, "from_bytes", a[1]);
  if (little < 0) return NULL;
  int sgn = a[2] ? obj_truthy(vm, a[2]) : 0;
  if (sgn < 0) return NULL;
  const char *data;
  ssize size;
  Obj *owned = NULL;
  if (!bytes_buffer(a[0], &data, &size)) {
    if (str_check(a[0]))
      return vm_raise(vm, &Exc_TypeError, "cannot convert 'str' object to bytes");
    Obj *items = seq_to_tuple(vm, a[0]);
    if (!items) return NULL;
    owned = bytes_new_uninit(vm, (size_t)TUPLE_SIZE(items));
    if (!owned) {
      decref(vm, items);
      return NULL;
    }
    for (ssize i = 0; i < TUPLE_SIZE(items); i++) {
      Obj *it = TUPLE_GET(items, i);
      int64_t v;
      if (!int_check(it)) {
        Obj *ix = obj_index(vm, it);
        if (!ix) goto fail_items;
        v = int_fits_i64(ix) ? int_as_i64_unchecked(ix) : -1;
        decref(vm, ix);
      } else {
        v = int_fits_i64(it) ? int_as_i64_unchecked(it) : -1;
      }
      if (v < 0 || v > 255) {
        vm_raise(vm, &Exc_ValueError, "bytes must be in range(0, 256)");
        goto fail_items;
      }
      ((BytesObj *)owned)->data[i] = (char)v;
      continue;
    fail_items:
      decref(vm, items);
      decref(vm, owned);
      return NULL;
    }
    decref(vm, items);
    data = ((BytesObj *)owned)->data;
    size = ((BytesObj *)owned)->size;
  }
  ssize nd = (ssize)(((uint64_t)size * 8 + INT_SHIFT - 1) / INT_SHIFT) + 1;
  IntObj *z = int_alloc(vm, nd);
  if (!z) {
    xdecref(vm, owned);
    return NULL;
  }
  twodigits acc = 0;
  int accbits = 0;
  ssize k = 0;
  for (ssize i = 0; i < size; i++) {
    unsigned char byte = (unsigned char)data[little ? i : size - 1 - i];
    acc |= (twodigits)byte << accbits;
    accbits += 8;
    if (accbits >= INT_SHIFT) {
      z->d[k++] = (digit)(acc & INT_MASK);
      acc >>= INT_SHIFT;
      accbits -= INT_SHIFT;
    }
  }
  if (accbits) z->d[k++] = (digit)acc;
  bool negative = sgn && size > 0 &&
                  ((unsigned char)data[little ? size - 1 : 0] & 0x80);
  xdecref(vm, owned);
  Obj *r = int_norm(vm, z);
  if (r && negative) {
    /* value - 2**(8*size) */
    Obj *one = (Obj *)&int_small_table[1 - INT_SMALL_MIN];
    Obj *p = lshift_mag(vm, one, 8 * (int64_t)size);
    Obj *t = p ? sub_ints(vm, r, p) : NULL;
    xdecref(vm, p);
    decref(vm, r);
    r = t;
  }
  if (!r || cls == (Obj *)&Int_Type) return r;
  Obj *inst = obj_call1(vm, cls, r);
  decref(vm, r);
  return inst;
}

static Obj *g_self(VM *vm, Obj *self) { return int_exact(vm, self); }
static Obj *g_zero(VM *vm, Obj *self) { return small_int(0); }
static Obj *g_one(VM *vm, Obj *self) { return small_int(1); }

static const MethodDef int_methods[] = {
  {"bit_length", m_bit_length, 0},
  {"bit_count", m_bit_count, 0},
  {"to_bytes", m_to_bytes, 0},
  {"from_bytes", m_from_bytes, METH_CLASS},
  {"conjugate", m_exact, 0},
  {"as_integer_ratio", m_as_integer_ratio, 0},
  {"__trunc__", m_trunc, 0},
  {"__floor__", m_trunc, 0},
  {"__ceil__", m_trunc, 0},
  {"__round__", m_round, 0},
  {"__getnewargs__", m_getnewargs, 0},
  {"__sizeof__", m_sizeof, 0},
  {"__format__", m_format, 0},
  {NULL, NULL, 0}
};

static const GetSetDef int_getset[] = {
  {"real", g_self, NULL},
  {"imag", g_zero, NULL},
  {"numerator", g_self, NULL},
  {"denominator", g_one, NULL},
  {NULL, NULL, NULL}
};

TypeObj Int_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "int",
  .tag = HT_TAG_INT,
  .basicsize = offsetof(IntObj, d),
  .itemsize = sizeof(digit),
  .flags = TF_BASETYPE | TF_INT_SUBCLASS,
  .base = &Object_Type,
  .dealloc = int_dealloc,
  .sizeof_ = int_sizeof,
  .new_ = int_type_new,
  .repr = int_repr,
  .hash = int_hash,
  .richcmp = int_richcmp,
  .bool_ = int_bool,
  .binop = {
    [BINOP_ADD] = int_add, [BINOP_SUB] = int_sub, [BINOP_MUL] = int_mul,
    [BINOP_FLOORDIV] = int_floordiv, [BINOP_MOD] = int_mod,
    [BINOP_TRUEDIV] = int_truediv, [BINOP_POW] = int_pow,
    [BINOP_LSHIFT] = int_lshift, [BINOP_RSHIFT] = int_rshift,
    [BINOP_AND] = int_and, [BINOP_OR] = int_or, [BINOP_XOR] = int_xor,
  },
  .neg = int_neg,
  .pos = int_pos,
  .invert = int_invert,
  .abs = int_abs,
  .int_ = int_int,
  .float_ = int_float,
  .index = int_int,
  .methods = int_methods,
  .getset = int_getset,
  .doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\n"
         "Convert a number or string to an integer, or return 0 if no arguments\n"
         "are given.",
};
