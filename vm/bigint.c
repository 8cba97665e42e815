/*
** bigint.c -- digit-level arithmetic on magnitudes in base 2**30.
**
** These routines know nothing of objects, signs or exceptions: they work on
** little-endian digit arrays with explicit lengths, and int.c builds the
** Python semantics on top.  The algorithms are the textbook ones CPython
** also uses: schoolbook addition and subtraction, schoolbook multiplication
** below KARATSUBA_CUTOFF digits and Karatsuba above it (with a "lopsided"
** split when one operand is much longer), Knuth's algorithm D for division,
** and a base-10**9 conversion for decimal output.
**
** Scratch memory comes from the arena with tag VMINTERNAL, so a leak report
** can tell it from user objects; it never outlives the call.
*/
#include "config.h"

#include <string.h>

#include "int.h"

#define KARATSUBA_CUTOFF 70        /* below: schoolbook multiplication */
#define DEC_BASE 1000000000u       /* 10**9: one decimal limb */

void *big_alloc(size_t nbytes) { return ht_alloc(HT_TAG_VMINTERNAL, nbytes); }
void big_free(void *p, size_t nbytes) { ht_free(HT_TAG_VMINTERNAL, p, nbytes); }

int big_bits_in_digit(digit d) { return d ? 32 - __builtin_clz(d) : 0; }

int big_cmp(const digit *a, ssize na, const digit *b, ssize nb) {
  if (na != nb) return na < nb ? -1 : 1;
  while (--na >= 0)
    if (a[na] != b[na]) return a[na] < b[na] ? -1 : 1;
  return 0;
}

void big_add(digit *z, const digit *a, ssize na, const digit *b, ssize nb) {
  digit carry = 0;
  ssize i;
  for (i = 0; i < nb; i++) {
    carry += a[i] + b[i];
    z[i] = carry & INT_MASK;
    carry >>= INT_SHIFT;
  }
  for (; i < na; i++) {
    carry += a[i];
    z[i] = carry & INT_MASK;
    carry >>= INT_SHIFT;
  }
  z[i] = carry;
}

void big_sub(digit *z, const digit *a, ssize na, const digit *b, ssize nb) {
  digit borrow = 0;
  ssize i;
  for (i = 0; i < nb; i++) {
    borrow = a[i] - b[i] - borrow;
    z[i] = borrow & INT_MASK;
    borrow = (borrow >> INT_SHIFT) & 1;
  }
  for (; i < na; i++) {
    borrow = a[i] - borrow;
    z[i] = borrow & INT_MASK;
    borrow = (borrow >> INT_SHIFT) & 1;
  }
}

/* a += b in place over NA digits (NA >= NB); returns the carry out. */
static digit v_iadd(digit *a, ssize na, const digit *b, ssize nb) {
  digit carry = 0;
  ssize i;
  for (i = 0; i < nb; i++) {
    carry += a[i] + b[i];
    a[i] = carry & INT_MASK;
    carry >>= INT_SHIFT;
  }
  for (; carry && i < na; i++) {
    carry += a[i];
    a[i] = carry & INT_MASK;
    carry >>= INT_SHIFT;
  }
  return carry;
}

/* a -= b in place over NA digits (NA >= NB); returns the borrow out. */
static digit v_isub(digit *a, ssize na, const digit *b, ssize nb) {
  digit borrow = 0;
  ssize i;
  for (i = 0; i < nb; i++) {
    borrow = a[i] - b[i] - borrow;
    a[i] = borrow & INT_MASK;
    borrow = (borrow >> INT_SHIFT) & 1;
  }
  for (; borrow && i < na; i++) {
    borrow = a[i] - borrow;
    a[i] = borrow & INT_MASK;
    borrow = (borrow >> INT_SHIFT) & 1;
  }
  return borrow;
}

digit big_mul1(digit *z, const digit *a, ssize n, digit m, digit add) {
  twodigits carry = add;
  for (ssize i = 0; i < n; i++) {
    carry += (twodigits)a[i] * m;
    z[i] = (digit)(carry & INT_MASK);
    carry >>= INT_SHIFT;
  }
  return (digit)carry;
}

digit big_divrem1(digit *q, const digit *a, ssize n, digit d) {
  twodigits rem = 0;
  while (--n >= 0) {
    rem = (rem << INT_SHIFT) | a[n];
    digit hi = (digit)(rem / d);
    rem -= (twodigits)hi * d;
    q[n] = hi;
  }
  return (digit)rem;
}

digit big_lshift(digit *z, const digit *a, ssize n, int bits) {
  digit carry = 0;
  for (ssize i = 0; i < n; i++) {
    twodigits acc = ((twodigits)a[i] << bits) | carry;
    z[i] = (digit)acc & INT_MASK;
    carry = (digit)(acc >> INT_SHIFT);
  }
  return carry;
}

digit big_rshift(digit *z, const digit *a, ssize n, int bits) {
  digit carry = 0;
  digit mask = ((digit)1 << bits) - 1;
  for (ssize i = n; i-- > 0;) {
    twodigits acc = ((twodigits)carry << INT_SHIFT) | a[i];
    carry = a[i] & mask;
    z[i] = (digit)(acc >> bits) & INT_MASK;
  }
  return carry;
}

/* ------------------------------------------------------------------ */
/* Multiplication                                                      */
/* ------------------------------------------------------------------ */

/* z[0..na+nb) = a * b by the schoolbook method; every digit of Z is
** written (Z need not be zeroed). */
static void mul_school(digit *z, const digit *a, ssize na, const digit *b,
                       ssize nb) {
  if (a == b && na == nb) {
    memset(z, 0, (size_t)(na + nb) * sizeof(digit));
    /* Squaring: each cross product a[i]*a[j] (i < j) once, doubled. */
    for (ssize i = 0; i < na; i++) {
      twodigits f = a[i];
      digit *pz = z + 2 * i;
      twodigits carry = *pz + f * f;
      *pz++ = (digit)(carry & INT_MASK);
      carry >>= INT_SHIFT;
      f <<= 1;
      for (ssize j = i + 1; j < na; j++) {
        carry += *pz + a[j] * f;
        *pz++ = (digit)(carry & INT_MASK);
        carry >>= INT_SHIFT;
      }
      while (carry) {
        carry += *pz;
        *pz++ = (digit)(carry & INT_MASK);
        carry >>= INT_SHIFT;
      }
    }
    return;
  }
  /* Row 0 assigns z[0..nb]; row i adds into z[i..i+nb) (written by the
  ** rows before it) and assigns z[i+nb]. */
  if (na == 0) {
    memset(z, 0, (size_t)nb * sizeof(digit));
    return;
  }
  twodigits f0 = a[0], carry0 = 0;
  for (ssize j = 0; j < nb; j++) {
    carry0 += b[j] * f0;
    z[j] = (digit)(carry0 & INT_MASK);
    carry0 >>= INT_SHIFT;
  }
  z[nb] = (digit)carry0;
  for (ssize i = 1; i < na; i++) {
    twodigits f = a[i];
    digit *pz = z + i;
    if (f == 0) {
      pz[nb] = 0;
      continue;
    }
    twodigits carry = 0;
    for (ssize j = 0; j < nb; j++) {
      carry += *pz + b[j] * f;
      *pz++ = (digit)(carry & INT_MASK);
      carry >>= INT_SHIFT;
    }
    *pz = (digit)carry;
  }
}

/* Length of A without its leading zero digits. */
static ssize norm_len(const digit *a, ssize n) {
  while (n > 0 && a[n - 1] == 0) n--;
  return n;
}

/* Karatsuba with a scratch stack WS of WSN digits.  NA <= NB; z[0..na+nb)
** is fully written.  Returns the scratch needed when WS is NULL. */
static void kmul(digit *z, const digit *a, ssize na, const digit *b, ssize nb,
                 digit *ws);

/* Scratch digits kmul may use for operands of at most N digits. */
static size_t kmul_scratch(ssize n) {
  size_t need = 0;
  while (n >= KARATSUBA_CUTOFF) {
    ssize shift = n >> 1;
    /* t1, t2, two sums, t3, plus the lopsided chunk product. */
    need += (size_t)(6 * (shift + 2) + 2 * n + 8);
    n = shift + 2;
  }
  return need + 16;
}

/* z = a * b where NA is much smaller than NB: cut B into NA-digit slices. */
static void kmul_lopsided(digit *z, const digit *a, ssize na, const digit *b,
                          ssize nb, digit *ws) {
  digit *prod = ws;                /* 2 * na digits */
  ws += 2 * na;
  memset(z, 0, (size_t)(na + nb) * sizeof(digit));
  ssize done = 0;
  while (done < nb) {
    ssize chunk = nb - done < na ? nb - done : na;
    if (chunk < na)
      kmul(prod, b + done, chunk, a, na, ws);
    else
      kmul(prod, a, na, b + done, chunk, ws);
    v_iadd(z + done, na + nb - done, prod, na + chunk);
    done += chunk;
  }
}

static void kmul(digit *z, const digit *a, ssize na, const digit *b, ssize nb,
                 digit *ws) {
  if (na > nb) {
    const digit *t = a; a = b; b = t;
    ssize tn = na; na = nb; nb = tn;
  }
  if (na < KARATSUBA_CUTOFF) {
    mul_school(z, a, na, b, nb);
    return;
  }
  if (2 * na <= nb) {
    kmul_lopsided(z, a, na, b, nb, ws);
    return;
  }
  ssize shift = nb >> 1;           /* split both at this digit */
  const digit *al = a, *ah = a + shift;
  const digit *bl = b, *bh = b + shift;
  ssize nal = norm_len(al, shift), nah = na - shift;
  ssize nbl = norm_len(bl, shift), nbh = nb - shift;

  /* z low = al*bl, z high = ah*bh. */
  memset(z, 0, (size_t)(na + nb) * sizeof(digit));
  digit *t1 = ws;                  /* ah*bh: nah + nbh digits */
  digit *t2 = t1 + nah + nbh;      /* al*bl: 2*shift digits */
  digit *sa = t2 + 2 * shift;      /* al + ah: shift + 1 digits */
  digit *sb = sa + shift + 1;      /* bl + bh: shift + 1 digits */
  digit *t3 = sb + shift + 1;      /* sa * sb: 2*shift + 2 digits */
  digit *rest = t3 + 2 * shift + 2;

  kmul(t1, ah, nah, bh, nbh, rest);
  memcpy(z + 2 * shift, t1, (size_t)(nah + nbh) * sizeof(digit));
  ssize nt1 = norm_len(t1, nah + nbh);
  ssize nt2 = 0;
  if (nal && nbl) {
    kmul(t2, al, nal, bl, nbl, rest);
    nt2 = norm_len(t2, nal + nbl);
    memcpy(z, t2, (size_t)nt2 * sizeof(digit));
  }
  ssize zlen = na + nb - shift;    /* digits of z from shift upward */
  v_isub(z + shift, zlen, t2, nt2);
  v_isub(z + shift, zlen, t1, nt1);

  /* sa = al + ah, sb = bl + bh (nah <= shift + 1 since na <= nb). */
  ssize nsa, nsb;
  if (nah >= nal) { big_add(sa, ah, nah, al, nal); nsa = nah + 1; }
  else { big_add(sa, al, nal, ah, nah); nsa = nal + 1; }
  nsa = norm_len(sa, nsa);
  if (nbh >= nbl) { big_add(sb, bh, nbh, bl, nbl); nsb = nbh + 1; }
  else { big_add(sb, bl, nbl, bh, nbh); nsb = nbl + 1; }
  nsb = norm_len(sb, nsb);
  if (nsa && nsb) {
    if (nsa <= nsb) kmul(t3, sa, nsa, sb, nsb, rest);
    else kmul(t3, sb, nsb, sa, nsa, rest);
    ssize nt3 = norm_len(t3, nsa + nsb);
    v_iadd(z + shift, zlen, t3, nt3);
  }
}

int big_mul(digit *z, const digit *a, ssize na, const digit *b, ssize nb) {
  ssize small = na < nb ? na : nb;
  if (small < KARATSUBA_CUTOFF) {
    if (na <= nb) mul_school(z, a, na, b, nb);
    else mul_school(z, b, nb, a, na);
    return 0;
  }
  ssize big = na < nb ? nb : na;
  size_t wsn = kmul_scratch(big) + (size_t)(2 * big);
  digit *ws = big_alloc(wsn * sizeof(digit));
  if (!ws) return -1;
  kmul(z, a, na, b, nb, ws);
  big_free(ws, wsn * sizeof(digit));
  return 0;
}

/* ------------------------------------------------------------------ */
/* Division                                                            */
/* ------------------------------------------------------------------ */

int big_divrem(digit *q, digit *r, const digit *a, ssize na, const digit *b,
               ssize nb) {
  /* Normalise: shift so the divisor's top digit has its high bit set. */
  int d = INT_SHIFT - big_bits_in_digit(b[nb - 1]);
  size_t bytes = (size_t)(na + 1 + nb) * sizeof(digit);
  digit *u = big_alloc(bytes);
  if (!u) return -1;
  digit *v = u + na + 1;
  big_lshift(v, b, nb, d);
  u[na] = big_lshift(u, a, na, d);

  digit vtop = v[nb - 1], vsecond = v[nb - 2];
  for (ssize j = na - nb; j >= 0; j--) {
    digit *uj = u + j;             /* the window u[j .. j+nb] */
    digit utop = uj[nb];
    twodigits vv = ((twodigits)utop << INT_SHIFT) | uj[nb - 1];
    twodigits qhat = vv / vtop;
    twodigits rhat = vv - qhat * vtop;
    if (qhat >= INT_BASE) {
      qhat = INT_BASE - 1;
      rhat = vv - qhat * vtop;
    }
    while (rhat < INT_BASE &&
           (twodigits)vsecond * qhat > ((rhat << INT_SHIFT) | uj[nb - 2])) {
      qhat--;
      rhat += vtop;
    }
    /* uj -= qhat * v */
    stwodigits zhi = 0;
    for (ssize i = 0; i < nb; i++) {
      stwodigits z = (stwodigits)uj[i] + zhi - (stwodigits)(qhat * v[i]);
      uj[i] = (digit)z & INT_MASK;
      zhi = z >> INT_SHIFT;        /* arithmetic shift: floor division */
    }
    if ((stwodigits)utop + zhi < 0) {
      /* qhat was one too big: add v back. */
      digit carry = 0;
      for (ssize i = 0; i < nb; i++) {
        carry += uj[i] + v[i];
        uj[i] = carry & INT_MASK;
        carry >>= INT_SHIFT;
      }
      qhat--;
    }
    uj[nb] = 0;
    q[j] = (digit)qhat;
  }
  big_rshift(r, u, nb, d);
  big_free(u, bytes);
  return 0;
}

/* ------------------------------------------------------------------ */
/* Decimal conversion                                                  */
/* ------------------------------------------------------------------ */

int big_to_decimal(const digit *a, ssize n, uint32_t **out, ssize *outlen,
                   ssize *outsize) {
  /* Each 30-bit digit adds at most 30*log10(2)/9 ~ 1.0034 limbs. */
  ssize cap = n + n / 200 + 2;
  uint32_t *pout = big_alloc((size_t)cap * sizeof(uint32_t));
  if (!pout) return -1;
  ssize size = 0;
  for (ssize i = n; i-- > 0;) {
    digit hi = a[i];
    for (ssize j = 0; j < size; j++) {
      twodigits z = ((twodigits)pout[j] << INT_SHIFT) | hi;
      hi = (digit)(z / DEC_BASE);
      pout[j] = (uint32_t)(z - (twodigits)hi * DEC_BASE);
    }
    while (hi) {
      pout[size++] = hi % DEC_BASE;
      hi /= DEC_BASE;
    }
  }
  if (size == 0) pout[size++] = 0;
  *out = pout;
  *outlen = size;
  *outsize = cap;
  return 0;
}
