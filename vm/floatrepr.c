/*
** floatrepr.c -- numbers as text: float repr, the fixed-precision layouts
** of PyOS_double_to_string, and the format-spec mini-language for int and
** float (format(), f-strings, str.format) plus %-style conversions.
**
** Digits.  repr needs the shortest digit string that reads back as the
** same double, and of those the one nearest to it (Gay's mode 0, which
** CPython uses); Ryu's method below finds it with 64-bit arithmetic and
** two tables of 125-bit powers of five.  Fixed-precision digits come from
** glibc, whose printf rounds exactly (half to even on the exact binary
** value), as CPython's dtoa does.
**
** Layout.  digits_layout() turns (digits, decimal point position) into the
** text, with the same rules as CPython's format_float_short: when to use an
** exponent, zero padding for 'e'/'f', '#' keeping trailing zeros, ".0" for
** integral values in repr, at least two exponent digits.
**
** Format specs.  parse_spec() reads [[fill]align][sign][z][#][0][width]
** [,|_][.precision][type]; lay_number() places sign, prefix, grouped digits
** (zero padding goes through the grouping, "0,001,234"), the remainder
** (fraction, exponent, '%') and the fill, as calc_number_widths and
** fill_number do.  Width and fill are counted in code points.
*/
#include "config.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "floatobj.h"
#include "int.h"
#include "str.h"
#include "vm.h"

/* ------------------------------------------------------------------ */
/* A small growable byte buffer (arena VMINTERNAL beyond its inline part) */
/* ------------------------------------------------------------------ */

typedef struct Buf {
  char *p;                        /* the bytes: `small` or an arena block */
  size_t len;                     /* bytes used */
  size_t cap;                     /* bytes available at p */
  bool failed;                    /* an allocation failed */
  char small[128];                /* inline storage */
} Buf;

static void buf_init(Buf *b) {
  b->p = b->small;
  b->len = 0;
  b->cap = sizeof b->small;
  b->failed = false;
}

static void buf_free(Buf *b) {
  if (b->p != b->small) big_free(b->p, b->cap);
  buf_init(b);
}

static bool buf_grow(Buf *b, size_t extra) {
  if (b->failed) return false;
  if (b->len + extra + 1 <= b->cap) return true;
  size_t ncap = b->cap * 2;
  while (ncap < b->len + extra + 1) ncap *= 2;
  char *np = big_alloc(ncap);
  if (!np) {
    b->failed = true;
    return false;
  }
  memcpy(np, b->p, b->len);
  if (b->p != b->small) big_free(b->p, b->cap);
  b->p = np;
  b->cap = ncap;
  return true;
}

static void buf_add(Buf *b, const char *s, size_t n) {
  if (!buf_grow(b, n)) return;
  memcpy(b->p + b->len, s, n);
  b->len += n;
  b->p[b->len] = 0;
}

static void buf_addc(Buf *b, char c) { buf_add(b, &c, 1); }

static void buf_fill(Buf *b, char c, ssize n) {
  if (n <= 0 || !buf_grow(b, (size_t)n)) return;
  memset(b->p + b->len, c, (size_t)n);
  b->len += (size_t)n;
  b->p[b->len] = 0;
}

/* Repeat the UTF-8 sequence FILL (FN bytes) N times. */
static void buf_fill_seq(Buf *b, const char *fill, size_t fn, ssize n) {
  if (fn == 1) {
    buf_fill(b, fill[0], n);
    return;
  }
  for (ssize i = 0; i < n; i++) buf_add(b, fill, fn);
}

/* Detach the bytes as an arena block for float_to_string's callers. */
static char *buf_detach(Buf *b, size_t *len, size_t *cap) {
  if (b->failed) {
    buf_free(b);
    return NULL;
  }
  if (b->p == b->small) {
    char *np = big_alloc(b->len + 1);
    if (!np) return NULL;
    memcpy(np, b->p, b->len + 1);
    *len = b->len;
    *cap = b->len + 1;
    return np;
  }
  *len = b->len;
  *cap = b->cap;
  return b->p;
}

/* ------------------------------------------------------------------ */
/* Digit generation                                                    */
/* ------------------------------------------------------------------ */

/* |X| (finite, nonzero) rounded to P significant digits: the digits go to
** D (P bytes, no NUL); returns the decimal point position (x = 0.D * 10**r). */
static int digits_prec(double x, int p, char *d) {
  char buf[48];
  snprintf(buf, sizeof buf, "%.*e", p - 1, fabs(x));
  d[0] = buf[0];
  const char *q = buf + 1;
  if (*q == '.') {
    q++;
    for (int i = 1; i < p; i++) d[i] = *q++;
  }
  /* q now at 'e' */
  return atoi(q + 1) + 1;
}

/* ------------------------------------------------------------------ */
/* Shortest round-trip digits (repr)                                   */
/* ------------------------------------------------------------------ */
/* Ulf Adams' Ryu method: with x = m2 * 2**e2, scale the bounds of x's
** rounding interval, 4*m2 - 1 - mmShift, 4*m2 and 4*m2 + 2 (in quarter
** units), by 10**-q using 125-bit approximations of powers of five, so that
** only 64-bit arithmetic remains; then drop decimal digits while the lower
** and upper bounds still differ, and round the last one.  The tables are
** built once, exactly, with the bigint routines. */

#define POW5_INV_BITCOUNT 125
#define POW5_BITCOUNT 125
#define POW5_INV_TABLE 342
#define POW5_TABLE 326

static uint64_t pow5_inv_split[POW5_INV_TABLE][2];   /* [low, high] */
static uint64_t pow5_split[POW5_TABLE][2];
static bool tables_ready;

static int pow5bits(int e) { return (int)(((uint32_t)e * 1217359u) >> 19) + 1; }
static int log10pow2(int e) { return (int)(((uint32_t)e * 78913u) >> 18); }
static int log10pow5(int e) { return (int)(((uint32_t)e * 732923u) >> 20); }

/* The low 128 bits of the magnitude D (N digits) as two words. */
static void low128(const digit *d, ssize n, uint64_t out[2]) {
  unsigned __int128 acc = 0;
  for (ssize i = n < 5 ? n : 5; i-- > 0;) acc = (acc << INT_SHIFT) | d[i];
  out[0] = (uint64_t)acc;
  out[1] = (uint64_t)(acc >> 64);
}

/* Build both tables: pow5_split[i] = 5**i scaled to exactly 125 bits;
** pow5_inv_split[i] = floor(2**(bits(5**i) - 1 + 125) / 5**i) + 1.
** Returns false if scratch memory ran out. */
static bool build_tables(void) {
  enum { MAXD = 40 };
  digit p5[MAXD] = {1}, num[MAXD], q[MAXD], r[MAXD], t[MAXD];
  ssize np = 1;
  for (int i = 0; i < POW5_INV_TABLE; i++) {
    int bits = (int)((np - 1) * INT_SHIFT + big_bits_in_digit(p5[np - 1]));
    if (i < POW5_TABLE) {
      int shift = bits - POW5_BITCOUNT;
      memset(t, 0, sizeof t);
      if (shift >= 0) {
        ssize w = shift / INT_SHIFT;
        big_rshift(t, p5 + w, np - w, shift % INT_SHIFT);
      } else {
        ssize w = (-shift) / INT_SHIFT;
        t[w + np] = big_lshift(t + w, p5, np, (-shift) % INT_SHIFT);
      }
      low128(t, MAXD, pow5_split[i]);
    }
    /* 2**j / 5**i with j = bits - 1 + 125 */
    int j = bits - 1 + POW5_INV_BITCOUNT;
    ssize nn = j / INT_SHIFT + 1;
    memset(num, 0, sizeof num);
    num[j / INT_SHIFT] = (digit)1 << (j % INT_SHIFT);
    memset(q, 0, sizeof q);
    if (np == 1) {
      big_divrem1(q, num, nn, p5[0]);
    } else if (big_divrem(q, r, num, nn, p5, np) < 0) {
      return false;
    }
    uint64_t w[2];
    low128(q, MAXD, w);
    w[0]++;
    if (w[0] == 0) w[1]++;
    pow5_inv_split[i][0] = w[0];
    pow5_inv_split[i][1] = w[1];
    digit carry = big_mul1(p5, p5, np, 5, 0);
    if (carry) p5[np++] = carry;
  }
  tables_ready = true;
  return true;
}

/* (m * mul) >> j for a 125-bit MUL and j >= 64. */
static inline uint64_t mul_shift64(uint64_t m, const uint64_t *mul, int j) {
  unsigned __int128 b0 = (unsigned __int128)m * mul[0];
  unsigned __int128 b2 = (unsigned __int128)m * mul[1];
  return (uint64_t)(((b0 >> 64) + b2) >> (j - 64));
}

static int pow5_factor(uint64_t v) {
  int count = 0;
  while (v % 5 == 0) {
    v /= 5;
    count++;
  }
  return count;
}

/* Shortest digits of the finite, nonzero |X|: *OUT * 10**(*EXP10). */
static bool ryu(double x, uint64_t *out, int *exp10) {
  if (!tables_ready && !build_tables()) return false;
  uint64_t bits;
  memcpy(&bits, &x, sizeof bits);
  uint64_t ieee_m = bits & (((uint64_t)1 << 52) - 1);
  int ieee_e = (int)((bits >> 52) & 0x7ff);
  int e2;
  uint64_t m2;
  if (ieee_e == 0) {
    e2 = 1 - 1023 - 52 - 2;
    m2 = ieee_m;
  } else {
    e2 = ieee_e - 1023 - 52 - 2;
    m2 = ((uint64_t)1 << 52) | ieee_m;
  }
  bool accept_bounds = (m2 & 1) == 0;       /* round-half-even at the bounds */
  uint64_t mv = 4 * m2;
  uint32_t mm_shift = ieee_m != 0 || ieee_e <= 1;
  uint64_t vr, vp, vm;
  int e10;
  bool vm_tz = false, vr_tz = false;       /* trailing zeros removed are all 0 */
  if (e2 >= 0) {
    int q = log10pow2(e2) - (e2 > 3);
    e10 = q;
    int k = POW5_INV_BITCOUNT + pow5bits(q) - 1;
    int i = -e2 + q + k;
    vr = mul_shift64(4 * m2, pow5_inv_split[q], i);
    vp = mul_shift64(4 * m2 + 2, pow5_inv_split[q], i);
    vm = mul_shift64(4 * m2 - 1 - mm_shift, pow5_inv_split[q], i);
    if (q <= 21) {
      if (mv % 5 == 0) vr_tz = pow5_factor(mv) >= q;
      else if (accept_bounds) vm_tz = pow5_factor(mv - 1 - mm_shift) >= q;
      else vp -= pow5_factor(mv + 2) >= q;
    }
  } else {
    int q = log10pow5(-e2) - (-e2 > 1);
    e10 = q + e2;
    int i = -e2 - q;
    int k = pow5bits(i) - POW5_BITCOUNT;
    int j = q - k;
    vr = mul_shift64(4 * m2, pow5_split[i], j);
    vp = mul_shift64(4 * m2 + 2, pow5_split[i], j);
    vm = mul_shift64(4 * m2 - 1 - mm_shift, pow5_split[i], j);
    if (q <= 1) {
      vr_tz = true;
      if (accept_bounds) vm_tz = mm_shift == 1;
      else vp--;
    } else if (q < 63) {
      vr_tz = (mv & (((uint64_t)1 << q) - 1)) == 0;
    }
  }
  int removed = 0;
  uint8_t last = 0;
  uint64_t output;
  if (vm_tz || vr_tz) {
    for (;;) {
      uint64_t vpd = vp / 10, vmd = vm / 10;
      if (vpd <= vmd) break;
      uint8_t vm_mod = (uint8_t)(vm % 10);
      uint64_t vrd = vr / 10;
      uint8_t vr_mod = (uint8_t)(vr % 10);
      vm_tz &= vm_mod == 0;
      vr_tz &= last == 0;
      last = vr_mod;
      vr = vrd;
      vp = vpd;
      vm = vmd;
      removed++;
    }
    if (vm_tz) {
      for (;;) {
        uint64_t vmd = vm / 10;
        if (vm % 10 != 0) break;
        uint64_t vpd = vp / 10, vrd = vr / 10;
        uint8_t vr_mod = (uint8_t)(vr % 10);
        vr_tz &= last == 0;
        last = vr_mod;
        vr = vrd;
        vp = vpd;
        vm = vmd;
        removed++;
      }
    }
    if (vr_tz && last == 5 && vr % 2 == 0) last = 4;   /* exact tie: to even */
    output = vr + ((vr == vm && (!accept_bounds || !vm_tz)) || last >= 5);
  } else {
    bool round_up = false;
    if (vp / 100 > vm / 100) {
      round_up = vr % 100 >= 50;
      vr /= 100;
      vp /= 100;
      vm /= 100;
      removed += 2;
    }
    for (;;) {
      uint64_t vpd = vp / 10, vmd = vm / 10;
      if (vpd <= vmd) break;
      round_up = vr % 10 >= 5;
      vr /= 10;
      vp = vpd;
      vm = vmd;
      removed++;
    }
    output = vr + (vr == vm || round_up);
  }
  *out = output;
  *exp10 = e10 + removed;
  return true;
}

/* Shortest round-trip digits of |X| (finite, nonzero): D gets them (at
** most 17, no trailing zeros); returns the count, *DECPT the point. */
static int shortest_digits(double x, char *d, int *decpt) {
  uint64_t out;
  int e10;
  if (!ryu(x, &out, &e10)) {
    *decpt = digits_prec(x, 17, d);     /* correct, if not shortest */
    int n = 17;
    while (n > 1 && d[n - 1] == '0') n--;
    return n;
  }
  char tmp[24];
  int n = 0;
  do {
    tmp[n++] = (char)('0' + out % 10);
    out /= 10;
  } while (out);
  int k = 0;
  while (k < n - 1 && tmp[k] == '0') k++;  /* trailing zeros of the value */
  int len = n - k;
  for (int i = 0; i < len; i++) d[i] = tmp[n - 1 - i];
  *decpt = n + e10;
  return len;
}

/* The digits of |X| for CPython's dtoa MODE (0 shortest, 2 PREC significant
** digits, 3 PREC digits after the point) into B (trailing zeros stripped;
** zero gives "0" with the point at 1).  Returns the point position. */
typedef unsigned __int128 u128;

/* 5**0 .. 5**27 (5**27 < 2**63). */
static const uint64_t pow5_u64[28] = {
  1ull, 5ull, 25ull, 125ull, 625ull, 3125ull, 15625ull, 78125ull, 390625ull,
  1953125ull, 9765625ull, 48828125ull, 244140625ull, 1220703125ull,
  6103515625ull, 30517578125ull, 152587890625ull, 762939453125ull,
  3814697265625ull, 19073486328125ull, 95367431640625ull, 476837158203125ull,
  2384185791015625ull, 11920928955078125ull, 59604644775390625ull,
  298023223876953125ull, 1490116119384765625ull, 7450580596923828125ull,
};

static int u128_bits(u128 v) {
  uint64_t hi = (uint64_t)(v >> 64);
  if (hi) return 128 - __builtin_clzll(hi);
  uint64_t lo = (uint64_t)v;
  return lo ? 64 - __builtin_clzll(lo) : 0;
}

/* Q = round-half-even(N / D) for D > 0. */
static u128 div_round(u128 n, u128 d) {
  u128 q = n / d, r = n % d;
  u128 twice = r << 1;             /* r < d < 2**127: no overflow */
  if (twice > d || (twice == d && (q & 1))) q++;
  return q;
}

/* |x| * 10**p rounded half to even to an integer, exactly, when 128-bit
** arithmetic suffices (|p| <= 27 and the shifted values fit); false
** otherwise. */
static bool scaled_round(double x, int p, u128 *out) {
  if (p > 27 || p < -27) return false;
  int e;
  double f = frexp(fabs(x), &e);
  uint64_t m = (uint64_t)ldexp(f, 53);
  e -= 53;                          /* |x| = m * 2**e */
  int s = e + p;                    /* |x| * 10**p = m * 5**p * 2**s (p >= 0) */
  if (p >= 0) {
    u128 num = (u128)m * pow5_u64[p];
    if (s >= 0) {
      if (u128_bits(num) + s > 127) return false;
      *out = num << s;
      return true;
    }
    if (-s >= 127) {
      *out = 0;                     /* below 2**-10: rounds to 0 */
      return true;
    }
    *out = div_round(num, (u128)1 << -s);
    return true;
  }
  /* p < 0: m * 2**s / 5**-p */
  uint64_t d5 = pow5_u64[-p];
  if (s >= 0) {
    if (53 + s > 127) return false;
    *out = div_round((u128)m << s, d5);
    return true;
  }
  int db = 64 - __builtin_clzll(d5);
  if (db + -s > 126) {
    *out = 0;                       /* the divisor dwarfs m < 2**53 */
    return true;
  }
  *out = div_round(m, (u128)d5 << -s);
  return true;
}

/* Append the decimal digits of V (no leading zeros; "0" for 0). */
static void add_u128(Buf *b, u128 v) {
  char tmp[48];
  int k = (int)sizeof tmp;
  do {
    tmp[--k] = (char)('0' + (int)(v % 10));
    v /= 10;
  } while (v);
  buf_add(b, tmp + k, sizeof tmp - (size_t)k);
}

/* The fixed-precision digits without printf, for moderate values: mode 3
** (PREC digits after the point) and mode 2 (PREC significant digits).
** Returns the point position, or INT32_MIN when out of range. */
static int fast_digits(double x, int mode, int prec, Buf *b) {
  u128 n;
  if (mode == 3) {
    if (!scaled_round(x, prec, &n)) return INT32_MIN;
    if (n == 0) {
      buf_addc(b, '0');
      return 1;
    }
    size_t start = b->len;
    add_u128(b, n);
    return (int)(b->len - start) - prec;
  }
  if (prec > 19) return INT32_MIN;
  int k = (int)floor(log10(fabs(x)));      /* 10**k <= |x|, maybe off by one */
  u128 lo = 1;
  for (int i = 1; i < prec; i++) lo *= 10;  /* 10**(prec-1) */
  u128 hi = lo * 10;
  for (int tries = 0; tries < 3; tries++) {
    if (!scaled_round(x, prec - 1 - k, &n)) return INT32_MIN;
    if (n >= hi) {
      k++;                          /* too many digits: x >= 10**(k+1) or rounded up */
      continue;
    }
    if (n < lo) {
      k--;
      continue;
    }
    if (n == lo) {
      /* Maybe x < 10**k and only rounding reached 10**(prec-1): then one
      ** more digit of scale still rounds below 10**prec. */
      u128 n2;
      if (!scaled_round(x, prec - k, &n2)) return INT32_MIN;
      if (n2 < hi) {
        n = n2;
        k--;
      }
    }
    add_u128(b, n);
    return k + 1;
  }
  return INT32_MIN;
}

static int get_digits(double x, int mode, int prec, Buf *b) {
  int decpt;
  if (x == 0) {
    buf_addc(b, '0');
    return 1;
  }
  if (mode == 0) {
    char d[24];
    int n = shortest_digits(x, d, &decpt);
    buf_add(b, d, (size_t)n);
    return decpt;
  }
  if (mode == 2 && prec < 1) prec = 1;
  size_t start = b->len;
  decpt = fast_digits(x, mode, prec, b);
  if (decpt != INT32_MIN) {
    while (b->len > start + 1 && b->p[b->len - 1] == '0') b->len--;
    if (!b->failed) b->p[b->len] = 0;
    return decpt;
  }
  b->len = start;
  if (mode == 2) {
    if (prec < 1) prec = 1;
    size_t sz = (size_t)prec + 32;
    char *t = big_alloc(sz);
    if (!t) {
      b->failed = true;
      return 1;
    }
    snprintf(t, sz, "%.*e", prec - 1, fabs(x));
    char *e = strchr(t, 'e');
    decpt = atoi(e + 1) + 1;
    buf_addc(b, t[0]);
    if (t[1] == '.') buf_add(b, t + 2, (size_t)(e - t - 2));
    big_free(t, sz);
  } else {
    size_t sz = (size_t)prec + 330;
    char *t = big_alloc(sz);
    if (!t) {
      b->failed = true;
      return 1;
    }
    int len = snprintf(t, sz, "%.*f", prec, fabs(x));
    char *dot = strchr(t, '.');
    size_t ilen = dot ? (size_t)(dot - t) : (size_t)len;
    decpt = (int)ilen;
    buf_add(b, t, ilen);
    if (dot) buf_add(b, dot + 1, (size_t)len - ilen - 1);
    big_free(t, sz);
    /* Strip leading zeros, moving the point. */
    size_t lead = 0;
    while (lead < b->len && b->p[lead] == '0') lead++;
    if (lead == b->len) {
      b->len = 0;
      buf_addc(b, '0');
      return 1;
    }
    memmove(b->p, b->p + lead, b->len - lead);
    b->len -= lead;
    decpt -= (int)lead;
  }
  while (b->len > 1 && b->p[b->len - 1] == '0') b->len--;
  if (!b->failed) b->p[b->len] = 0;
  return decpt;
}

/* ------------------------------------------------------------------ */
/* PyOS_double_to_string                                               */
/* ------------------------------------------------------------------ */

/* PyOS_double_to_string into OUT (initialised by the caller); OUT->failed
** tells of a memory failure. */
static void float_to_buf(double x, char code, int prec, int flags, Buf *outp) {
#define out (*outp)
  bool upper = code == 'E' || code == 'F' || code == 'G';
  char lc = upper ? (char)(code + 32) : code;
  bool neg = signbit(x) != 0;
  if (isnan(x)) {
    if (flags & FR_SIGN) buf_addc(&out, '+');
    buf_add(&out, upper ? "NAN" : "nan", 3);
    return;
  }
  if (isinf(x)) {
    if (neg) buf_addc(&out, '-');
    else if (flags & FR_SIGN) buf_addc(&out, '+');
    buf_add(&out, upper ? "INF" : "inf", 3);
    return;
  }
  int mode;
  switch (lc) {
  case 'e': mode = 2; prec++; break;
  case 'f': mode = 3; break;
  case 'g': mode = 2; if (prec == 0) prec = 1; break;
  default: mode = 0; prec = 0; lc = 'r'; break;
  }
  Buf dg;
  buf_init(&dg);
  int decpt = get_digits(x, mode, prec, &dg);
  if (dg.failed) {
    buf_free(&dg);
    out.failed = true;
    return;
  }
  const char *digits = dg.p;
  int nd = (int)dg.len;
  if ((flags & FR_NO_NEG_0) && neg) {
    /* 'z': a value that rounds to zero loses its sign. */
    bool allzero = true;
    for (int i = 0; i < nd && allzero; i++) allzero = digits[i] == '0';
    if (allzero) neg = false;
  }
  if (neg) buf_addc(&out, '-');
  else if (flags & FR_SIGN) buf_addc(&out, '+');

  bool add_dot_0 = (flags & FR_ADD_DOT_0) != 0, alt = (flags & FR_ALT) != 0;
  bool use_exp = false;
  int vend = nd;                  /* digits to show, counting padding zeros */
  switch (lc) {
  case 'e': use_exp = true; vend = prec; break;
  case 'f': vend = decpt + prec; break;
  case 'g':
    if (decpt <= -4 || decpt > (add_dot_0 ? prec - 1 : prec)) use_exp = true;
    if (alt) vend = prec;
    break;
  case 'r':
    if (decpt <= -4 || decpt > 16) use_exp = true;
    break;
  }
  int exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  /* The shown digits span positions vstart..vend around the point. */
  int vstart = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0) vend = vend > decpt ? vend : decpt + 1;
  else vend = vend > decpt ? vend : decpt;

  if (decpt <= 0) {
    buf_fill(&out, '0', decpt - vstart);   /* "0" */
    buf_addc(&out, '.');
    buf_fill(&out, '0', -decpt);
  } else {
    buf_fill(&out, '0', -vstart);
  }
  if (decpt > 0 && decpt <= nd) {
    buf_add(&out, digits, (size_t)decpt);
    buf_addc(&out, '.');
    buf_add(&out, digits + decpt, (size_t)(nd - decpt));
  } else {
    buf_add(&out, digits, (size_t)nd);
  }
  if (nd < decpt) {
    buf_fill(&out, '0', decpt - nd);
    buf_addc(&out, '.');
    buf_fill(&out, '0', vend - decpt);
  } else {
    buf_fill(&out, '0', vend - nd);
  }
  if (!out.failed && out.len && out.p[out.len - 1] == '.' && !alt) out.p[--out.len] = 0;
  if (use_exp) {
    char e[16];
    int k = snprintf(e, sizeof e, "%c%+.02d", upper ? 'E' : 'e', exp);
    buf_add(&out, e, (size_t)k);
  }
  buf_free(&dg);
#undef out
}

char *float_to_string(double x, char code, int prec, int flags, size_t *len,
                      size_t *cap) {
  Buf out;
  buf_init(&out);
  float_to_buf(x, code, prec, flags, &out);
  return buf_detach(&out, len, cap);
}

char *float_repr_buf(double v, char *buf) {
  Buf out;
  buf_init(&out);
  float_to_buf(v, 'r', 0, FR_ADD_DOT_0, &out);
  if (out.failed || out.len > 31) {
    /* Out of memory for a few bytes: fall back on a 17-digit form. */
    snprintf(buf, 32, "%.17g", v);
  } else {
    memcpy(buf, out.p, out.len + 1);
  }
  buf_free(&out);
  return buf;
}

/* A new str of N ASCII bytes. */
static Obj *ascii_str(VM *vm, const char *s, size_t n) {
  if (n <= 1) return str_new(vm, s, n);
  Obj *r = str_new_uninit(vm, n, (ssize)n, true);
  if (r) memcpy(STR_UTF8(r), s, n);
  return r;
}

Obj *float_repr(VM *vm, Obj *o) {
  char buf[32];
  float_repr_buf(FLOAT_VAL(o), buf);
  return ascii_str(vm, buf, strlen(buf));
}

/* ------------------------------------------------------------------ */
/* The format-spec mini-language                                       */
/* ------------------------------------------------------------------ */

typedef struct Spec {
  char fill[5];                   /* UTF-8 fill character, NUL-terminated */
  size_t fill_len;                /* its bytes */
  char align;                     /* '<' '>' '^' '=' */
  char sign;                      /* '+' ' ' '-' or 0 */
  bool no_neg_0;                  /* 'z' */
  bool alt;                       /* '#' */
  ssize width;                    /* -1 when absent */
  char sep;                       /* ',' '_' or 0 */
  int group;                      /* digits per group: 3, or 4 for '_' with b/o/x */
  ssize precision;                /* -1 when absent */
  uint32_t type;                  /* presentation type code point, 0 when absent */
} Spec;

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static int get_integer(VM *vm, const char *s, size_t n, size_t *pos, ssize *out) {
  int consumed = 0;
  ssize v = 0;
  while (*pos < n && s[*pos] >= '0' && s[*pos] <= '9') {
    int dv = s[*pos] - '0';
    if (v > (INTPTR_MAX - dv) / 10) {
      vm_raise(vm, &Exc_ValueError, "Too many decimal digits in format string");
      return -1;
    }
    v = v * 10 + dv;
    (*pos)++;
    consumed++;
  }
  *out = v;
  return consumed;
}

static Obj *type_code_error(VM *vm, uint32_t type, const char *tname) {
  if (type > 32 && type < 128)
    return vm_raise(vm, &Exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                    (int)type, tname);
  return vm_raise(vm, &Exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                  (unsigned)type, tname);
}

/* Parse SPEC as CPython's parse_internal_render_format_spec, with numbers'
** defaults (align '>', type DEFTYPE).  0 or -1. */
static int parse_spec(VM *vm, const char *s, size_t n, char deftype, const char *tname,
                      Spec *f) {
  memset(f, 0, sizeof *f);
  f->fill[0] = ' ';
  f->fill_len = 1;
  f->align = '>';
  f->width = -1;
  f->precision = -1;
  f->type = (uint32_t)deftype;
  size_t pos = 0;
  bool fill_given = false, align_given = false;
  if (n > 0) {
    size_t i = 0;
    utf8_next(s, &i);               /* the first code point spans 0..i */
    if (i < n && is_align((unsigned char)s[i])) {
      memcpy(f->fill, s, i);
      f->fill[i] = 0;
      f->fill_len = i;
      f->align = s[i];
      fill_given = align_given = true;
      pos = i + 1;
    } else if (is_align((unsigned char)s[0])) {
      f->align = s[0];
      align_given = true;
      pos = 1;
    }
  }
  if (pos < n && (s[pos] == '+' || s[pos] == '-' || s[pos] == ' ')) f->sign = s[pos++];
  if (pos < n && s[pos] == 'z') {
    f->no_neg_0 = true;
    pos++;
  }
  if (pos < n && s[pos] == '#') {
    f->alt = true;
    pos++;
  }
  if (!fill_given && pos < n && s[pos] == '0') {
    f->fill[0] = '0';
    f->fill_len = 1;
    if (!align_given) f->align = '=';
    pos++;
  }
  int c = get_integer(vm, s, n, &pos, &f->width);
  if (c < 0) return -1;
  if (c == 0) f->width = -1;
  if (pos < n && s[pos] == ',') {
    f->sep = ',';
    pos++;
  }
  if (pos < n && s[pos] == '_') {
    if (f->sep) {
      vm_raise(vm, &Exc_ValueError, "Cannot specify both ',' and '_'.");
      return -1;
    }
    f->sep = '_';
    pos++;
  }
  if (pos < n && s[pos] == ',' && f->sep == '_') {
    vm_raise(vm, &Exc_ValueError, "Cannot specify both ',' and '_'.");
    return -1;
  }
  if (pos < n && s[pos] == '.') {
    pos++;
    c = get_integer(vm, s, n, &pos, &f->precision);
    if (c < 0) return -1;
    if (c == 0) {
      vm_raise(vm, &Exc_ValueError, "Format specifier missing precision");
      return -1;
    }
  }
  if (pos < n) {
    size_t i = pos;
    uint32_t t = utf8_next(s, &i);
    if (i < n) {
      vm_raise(vm, &Exc_ValueError, "Invalid format specifier '%.*s' for object of type '%s'",
               (int)n, s, tname);
      return -1;
    }
    f->type = t;
  }
  f->group = 3;
  if (f->sep) {
    switch (f->type) {
    case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
      break;
    case 'b': case 'o': case 'x': case 'X':
      if (f->sep == '_') {
        f->group = 4;
        break;
      }
      /* fall through */
    default:
      if (f->type > 32 && f->type < 128)
        vm_raise(vm, &Exc_ValueError, "Cannot specify '%c' with '%c'.", f->sep, (int)f->type);
      else
        vm_raise(vm, &Exc_ValueError, "Cannot specify '%c' with '\\x%x'.", f->sep,
                 (unsigned)f->type);
      return -1;
    }
  }
  return 0;
}

/* Length of the digit run grouped by GROUP with separators, zero padded to
** MIN_WIDTH, written backwards into OUT (when not NULL, ending at *END).
** Mirrors _PyUnicode_InsertThousandsGrouping. */
static ssize group_digits(const char *digits, ssize nd, ssize min_width, int group, char sep,
                          Buf *out) {
  /* Build the grouped text right to left in a scratch buffer. */
  Buf rev;
  buf_init(&rev);
  ssize remaining = nd, count = 0;
  bool use_sep = false, broken = false;
  const char *src = digits + nd;   /* one past the next digit to copy */
  int gsize = sep ? group : 0;
  while (gsize > 0) {
    ssize l = gsize;
    ssize m = remaining > min_width ? remaining : min_width;
    if (m < 1) m = 1;
    if (l > m) l = m;
    ssize nzeros = l - remaining > 0 ? l - remaining : 0;
    ssize nchars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
    if (use_sep) {
      buf_addc(&rev, sep);
      count++;
    }
    for (ssize i = 0; i < nchars; i++) buf_addc(&rev, *--src);
    buf_fill(&rev, '0', nzeros);
    count += nzeros + nchars;
    use_sep = true;
    remaining -= nchars;
    min_width -= l;
    if (remaining <= 0 && min_width <= 0) {
      broken = true;
      break;
    }
    min_width -= 1;
  }
  if (!broken) {
    ssize l = remaining > min_width ? remaining : min_width;
    if (l < 1) l = 1;
    ssize nzeros = l - remaining > 0 ? l - remaining : 0;
    ssize nchars = remaining < l ? (remaining > 0 ? remaining : 0) : l;
    if (use_sep) {
      buf_addc(&rev, sep);
      count++;
    }
    for (ssize i = 0; i < nchars; i++) buf_addc(&rev, *--src);
    buf_fill(&rev, '0', nzeros);
    count += nzeros + nchars;
  }
  if (out && buf_grow(out, (size_t)count)) {
    for (ssize i = (ssize)rev.len; i-- > 0;) out->p[out->len++] = rev.p[i];
    out->p[out->len] = 0;
  }
  if (rev.failed && out) out->failed = true;
  buf_free(&rev);
  return count;
}

/* Code points in S (N bytes of UTF-8). */
static ssize cp_count(const char *s, size_t n) {
  ssize c = 0;
  for (size_t i = 0; i < n; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
  return c;
}

/* Lay out a number: SIGNCH is '-' or 0 for the value's sign; PREFIX (e.g.
** "0x") is kept after the sign; DIGITS (ND bytes) are grouped; REM (NREM
** bytes: decimal part, exponent, '%', or the 'c' character) follows.
** HAS_DECIMAL says REM starts with the decimal point.  Returns a new str. */
static Obj *lay_number(VM *vm, const Spec *f, char signch, const char *prefix,
                       const char *digits, ssize nd, const char *rem, size_t nrem) {
  char sign = 0;
  if (f->sign == '+') sign = signch == '-' ? '-' : '+';
  else if (f->sign == ' ') sign = signch == '-' ? '-' : ' ';
  else if (signch == '-') sign = '-';
  ssize nprefix = (ssize)strlen(prefix);
  ssize nrem_cp = cp_count(rem, nrem);
  ssize non_digit = (sign ? 1 : 0) + nprefix + nrem_cp;
  ssize min_width = 0;
  if (f->fill_len == 1 && f->fill[0] == '0' && f->align == '=')
    min_width = f->width - non_digit;
  ssize ngrouped = nd == 0 ? 0 : group_digits(digits, nd, min_width, f->group, f->sep, NULL);
  ssize padding = f->width - (non_digit + ngrouped);
  ssize lpad = 0, spad = 0, rpad = 0;
  if (padding > 0) {
    switch (f->align) {
    case '<': rpad = padding; break;
    case '^': lpad = padding / 2; rpad = padding - lpad; break;
    case '=': spad = padding; break;
    default: lpad = padding; break;
    }
  }
  Buf b;
  buf_init(&b);
  buf_fill_seq(&b, f->fill, f->fill_len, lpad);
  if (sign) buf_addc(&b, sign);
  buf_add(&b, prefix, (size_t)nprefix);
  buf_fill_seq(&b, f->fill, f->fill_len, spad);
  if (nd) group_digits(digits, nd, min_width, f->group, f->sep, &b);
  buf_add(&b, rem, nrem);
  buf_fill_seq(&b, f->fill, f->fill_len, rpad);
  if (b.failed) {
    buf_free(&b);
    return vm_raise_nomem(vm);
  }
  Obj *r = str_new(vm, b.p, b.len);
  buf_free(&b);
  return r;
}

/* Format the double V per F (type already validated as a float type). */
static Obj *format_double(VM *vm, double v, const Spec *f) {
  uint32_t type = f->type;
  int flags = 0;
  ssize prec = f->precision;
  int defprec = 6;
  bool pct = false;
  if (prec > INT32_MAX) return vm_raise(vm, &Exc_ValueError, "precision too big");
  if (f->alt) flags |= FR_ALT;
  if (f->no_neg_0) flags |= FR_NO_NEG_0;
  if (type == 0) {
    flags |= FR_ADD_DOT_0;
    type = 'r';
    defprec = 0;
  }
  if (type == 'n') type = 'g';
  if (type == '%') {
    type = 'f';
    v *= 100;
    pct = true;
  }
  if (prec < 0) prec = defprec;
  else if (type == 'r') type = 'g';
  Buf text;
  buf_init(&text);
  float_to_buf(v, (char)type, (int)prec, flags, &text);
  if (pct) buf_addc(&text, '%');
  if (text.failed) {
    buf_free(&text);
    return vm_raise_nomem(vm);
  }
  /* Split: sign, integer digits, remainder (point, fraction, exponent, %). */
  const char *s = text.p, *p = s;
  char signch = 0;
  if (*p == '-') {
    signch = '-';
    p++;
  }
  const char *q = p;
  while (*q >= '0' && *q <= '9') q++;
  Obj *r = lay_number(vm, f, signch, "", p, (ssize)(q - p), q, text.len - (size_t)(q - s));
  buf_free(&text);
  return r;
}

static bool is_float_type(uint32_t t) {
  return t == 0 || t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' ||
         t == 'n' || t == '%';
}

Obj *float_format(VM *vm, double v, const char *spec, size_t n) {
  if (n == 0) {
    char buf[32];
    float_repr_buf(v, buf);
    return str_new(vm, buf, strlen(buf));
  }
  Spec f;
  if (parse_spec(vm, spec, n, 0, "float", &f) < 0) return NULL;
  if (!is_float_type(f.type)) return type_code_error(vm, f.type, "float");
  return format_double(vm, v, &f);
}

Obj *int_format(VM *vm, Obj *v, const char *spec, size_t n) {
  if (n == 0) return obj_str(vm, v);
  const char *tname = obj_type_name(v);
  Spec f;
  if (parse_spec(vm, spec, n, 'd', tname, &f) < 0) return NULL;
  uint32_t t = f.type;
  if (t == 'e' || t == 'E' || t == 'f' || t == 'F' || t == 'g' || t == 'G' || t == '%') {
    double d = int_as_double(vm, v);
    if (d == -1.0 && vm_exc_occurred(vm)) return NULL;
    return format_double(vm, d, &f);
  }
  if (t != 'd' && t != 'n' && t != 'b' && t != 'o' && t != 'x' && t != 'X' && t != 'c')
    return type_code_error(vm, t, tname);
  if (f.precision != -1)
    return vm_raise(vm, &Exc_ValueError, "Precision not allowed in integer format specifier");
  if (f.no_neg_0)
    return vm_raise(vm, &Exc_ValueError,
                    "Negative zero coercion (z) not allowed in integer format specifier");
  if (t == 'c') {
    if (f.sign)
      return vm_raise(vm, &Exc_ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f.alt)
      return vm_raise(vm, &Exc_ValueError,
                      "Alternate form (#) not allowed with integer format specifier 'c'");
    if (!int_fits_i64(v))
      return vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C long");
    int64_t x = int_as_i64_unchecked(v);
    if (x < 0 || x > 0x10ffff)
      return vm_raise(vm, &Exc_OverflowError, "%%c arg not in range(0x110000)");
    char ch[4];
    int k = utf8_put(ch, (uint32_t)x);
    return lay_number(vm, &f, 0, "", "", 0, ch, (size_t)k);
  }
  int base = t == 'b' ? 2 : t == 'o' ? 8 : (t == 'x' || t == 'X') ? 16 : 10;
  size_t len, cap = 0;
  char small[72], *digits;
  if (int_is_small(v)) {
    /* Below 2**60: the digits fit on the stack. */
    int64_t sv = int_small_value(v);
    uint64_t m = sv < 0 ? -(uint64_t)sv : (uint64_t)sv;
    size_t k = sizeof small;
    do {
      small[--k] = "0123456789abcdef"[m % (uint64_t)base];
      m /= (uint64_t)base;
    } while (m);
    len = sizeof small - k;
    digits = small + k;
  } else {
    digits = int_digits_base(vm, v, base, &len, &cap);
    if (!digits) return NULL;
  }
  if (t == 'X')
    for (size_t i = 0; i < len; i++)
      if (digits[i] >= 'a' && digits[i] <= 'f') digits[i] = (char)(digits[i] - 32);
  const char *prefix = "";
  if (f.alt && base != 10)
    prefix = base == 2 ? "0b" : base == 8 ? "0o" : t == 'X' ? "0X" : "0x";
  Spec g = f;
  if (t == 'n') g.sep = 0;        /* the C locale has no grouping */
  Obj *r = lay_number(vm, &g, int_sign(v) < 0 ? '-' : 0, prefix, digits, (ssize)len, "", 0);
  if (cap) big_free(digits, cap);
  return r;
}

/* ------------------------------------------------------------------ */
/* %-style conversions                                                 */
/* ------------------------------------------------------------------ */

/* Pad BODY (with its sign SIGNCH and PREFIX) to WIDTH as printf-style
** formatting does. */
static Obj *percent_pad(VM *vm, int flags, int width, char signch, const char *prefix,
                        const char *body, size_t nbody) {
  char sign = 0;
  if (signch == '-') sign = '-';
  else if (flags & NUM_PF_SIGN) sign = '+';
  else if (flags & NUM_PF_BLANK) sign = ' ';
  size_t npre = strlen(prefix);
  ssize len = (sign ? 1 : 0) + (ssize)npre + cp_count(body, nbody);
  ssize pad = width > len ? width - len : 0;
  Buf b;
  buf_init(&b);
  if (!(flags & NUM_PF_LJUST) && !(flags & NUM_PF_ZERO)) buf_fill(&b, ' ', pad);
  if (sign) buf_addc(&b, sign);
  buf_add(&b, prefix, npre);
  if (!(flags & NUM_PF_LJUST) && (flags & NUM_PF_ZERO)) buf_fill(&b, '0', pad);
  buf_add(&b, body, nbody);
  if (flags & NUM_PF_LJUST) buf_fill(&b, ' ', pad);
  if (b.failed) {
    buf_free(&b);
    return vm_raise_nomem(vm);
  }
  Obj *r = str_new(vm, b.p, b.len);
  buf_free(&b);
  return r;
}

Obj *num_percent_format(VM *vm, Obj *v, char conv, int flags, int width, int prec) {
  switch (conv) {
  case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
    Obj *iv;
    bool intconv = conv == 'd' || conv == 'i' || conv == 'u';
    if (int_check(v)) {
      iv = incref(v);
    } else if (intconv && (float_check(v) || TYPE(v)->int_ || TYPE(v)->float_)) {
      if (float_check(v)) {
        iv = int_from_double(vm, FLOAT_VAL(v));
      } else {
        iv = int_from_obj(vm, v);
      }
      if (!iv) return NULL;
    } else if (TYPE(v)->index) {
      iv = obj_index(vm, v);
      if (!iv) return NULL;
    } else {
      if (intconv)
        return vm_raise(vm, &Exc_TypeError, "%%%c format: a real number is required, not %s",
                        conv, obj_type_name(v));
      return vm_raise(vm, &Exc_TypeError, "%%%c format: an integer is required, not %s", conv,
                      obj_type_name(v));
    }
    int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
    size_t len, cap;
    char *digits = int_digits_base(vm, iv, base, &len, &cap);
    char signch = int_sign(iv) < 0 ? '-' : 0;
    decref(vm, iv);
    if (!digits) return NULL;
    if (conv == 'X')
      for (size_t i = 0; i < len; i++)
        if (digits[i] >= 'a' && digits[i] <= 'f') digits[i] = (char)(digits[i] - 32);
    Buf body;
    buf_init(&body);
    if (prec > 0 && (size_t)prec > len) buf_fill(&body, '0', (ssize)(prec - (int)len));
    buf_add(&body, digits, len);
    big_free(digits, cap);
    const char *prefix = "";
    if ((flags & NUM_PF_ALT) && base != 10)
      prefix = base == 8 ? "0o" : conv == 'X' ? "0X" : "0x";
    Obj *r = body.failed ? vm_raise_nomem(vm)
                         : percent_pad(vm, flags, width, signch, prefix, body.p, body.len);
    buf_free(&body);
    return r;
  }
  case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
    double d = num_as_double(vm, v);
    if (d == -1.0 && vm_exc_occurred(vm)) return NULL;
    if (prec < 0) prec = 6;
    int fl = (flags & NUM_PF_ALT) ? FR_ALT : 0;
    Buf text;
    buf_init(&text);
    float_to_buf(d, conv, prec, fl, &text);
    if (text.failed) {
      buf_free(&text);
      return vm_raise_nomem(vm);
    }
    const char *s = text.p, *p = s;
    size_t len = text.len;
    char signch = 0;
    if (*p == '-') {
      signch = '-';
      p++;
    }
    Obj *r = percent_pad(vm, flags, width, signch, "", p, len - (size_t)(p - s));
    buf_free(&text);
    return r;
  }
  case 'c': {
    if (!int_check(v))
      return vm_raise(vm, &Exc_TypeError, "%%c requires int or char");
    if (!int_fits_i64(v) || int_as_i64_unchecked(v) < 0 ||
        int_as_i64_unchecked(v) > 0x10ffff)
      return vm_raise(vm, &Exc_OverflowError, "%%c arg not in range(0x110000)");
    char ch[4];
    int k = utf8_put(ch, (uint32_t)int_as_i64_unchecked(v));
    return percent_pad(vm, flags & ~(NUM_PF_SIGN | NUM_PF_BLANK | NUM_PF_ZERO), width, 0, "",
                       ch, (size_t)k);
  }
  default:
    return vm_raise(vm, &Exc_ValueError, "unsupported format character '%c' (0x%x)", conv,
                    (unsigned)(unsigned char)conv);
  }
}
