/*
** test-float.c -- the float type against vectors computed by CPython.
**
** tests/unit/float-vectors.txt (gen-num-vectors.py, /usr/bin/python3) has
** one case per line, op|operands...|expected, floats written as
** float.hex() so that both sides agree to the bit; "!Type: message" is an
** expected exception.  Covered: repr of random doubles (shortest
** round-trip), hash, arithmetic with CPython's special cases and error
** texts, mixed int/float comparison and addition, round(), format() specs
** and float() parsing.  One TAP test per operation, plus structural checks
** and a FLOAT/INT leak check.
*/
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "floatobj.h"
#include "int.h"
#include "tap.h"
#include "vm.h"

static VM *vm;

typedef struct OpStat {
  const char *name;               /* operation name in the vector file */
  int run, failed;                /* cases replayed / failed */
} OpStat;

static OpStat stats[64];
static int nstats;

static OpStat *stat_for(const char *name) {
  for (int i = 0; i < nstats; i++)
    if (!strcmp(stats[i].name, name)) return &stats[i];
  stats[nstats].name = strdup(name);
  return &stats[nstats++];
}

static char *take_exc(void) {
  static char buf[600];
  if (!vm_exc_occurred(vm)) return NULL;
  Obj *e = vm_exc_fetch(vm);
  Obj *s = obj_str(vm, e);
  snprintf(buf, sizeof buf, "%s: %s", TYPE(e)->name, s ? STR_UTF8(s) : "?");
  if (s) decref(vm, s);
  else vm_exc_clear(vm);
  decref(vm, e);
  return buf;
}

static double F(const char *s) { return strtod(s, NULL); }

static Obj *I(const char *s) {
  Obj *o = int_from_str(vm, s, strlen(s), 0);
  if (!o) {
    fprintf(stderr, "cannot parse int %.60s: %s\n", s, take_exc());
    exit(2);
  }
  return o;
}

static bool same_double(double a, double b) {
  if (isnan(a) || isnan(b)) return isnan(a) && isnan(b);
  return a == b && signbit(a) == signbit(b);
}

/* Text of a result for comparison with EXPECT: floats as %a-compatible
** values (compared numerically), ints in decimal, strs as they are. */
static bool check(Obj *r, const char *expect, char *why, size_t whyn) {
  if (expect[0] == '!') {
    char *e = take_exc();
    if (r) {
      snprintf(why, whyn, "no exception, expected %s", expect + 1);
      decref(vm, r);
      return false;
    }
    if (strcmp(e, expect + 1)) {
      snprintf(why, whyn, "raised %s, expected %s", e, expect + 1);
      return false;
    }
    return true;
  }
  if (!r) {
    snprintf(why, whyn, "raised %s", take_exc());
    return false;
  }
  bool ok = false;
  if (r->type == &Float_Type) {
    ok = same_double(FLOAT_VAL(r), F(expect));
    if (!ok) snprintf(why, whyn, "got %a, expected %s", FLOAT_VAL(r), expect);
  } else if (int_check(r)) {
    Obj *x = I(expect);
    ok = int_compare(r, x) == 0;
    decref(vm, x);
    if (!ok) snprintf(why, whyn, "wrong int");
  } else if (str_check(r)) {
    ok = !strcmp(STR_UTF8(r), expect);
    if (!ok) snprintf(why, whyn, "got '%.100s', expected '%.100s'", STR_UTF8(r), expect);
  } else if (r->type == &Tuple_Type && TUPLE_SIZE(r) == 2) {
    char want[200];
    snprintf(want, sizeof want, "%s", expect);
    char *comma = strchr(want, ',');
    if (comma) {
      *comma = 0;
      ok = same_double(FLOAT_VAL(TUPLE_GET(r, 0)), F(want)) &&
           same_double(FLOAT_VAL(TUPLE_GET(r, 1)), F(comma + 1));
    }
    if (!ok)
      snprintf(why, whyn, "got (%a, %a)", FLOAT_VAL(TUPLE_GET(r, 0)), FLOAT_VAL(TUPLE_GET(r, 1)));
  }
  decref(vm, r);
  return ok;
}

static void replay(char *line, int lineno) {
  char *f[8];
  int nf = 0;
  char *p = line;
  f[nf++] = p;
  while ((p = strchr(p, '|')) && nf < 8) {
    *p++ = 0;
    f[nf++] = p;
  }
  const char *op = f[0];
  OpStat *st = stat_for(op);
  char why[400] = "";
  bool ok = false;
  if (!strcmp(op, "repr")) {
    char buf[32];
    float_repr_buf(F(f[1]), buf);
    ok = !strcmp(buf, f[2]);
    if (!ok) snprintf(why, sizeof why, "repr(%s) gave %s, expected %s", f[1], buf, f[2]);
    /* repr through the type slot too */
    Obj *x = float_new(vm, F(f[1]));
    Obj *s = TYPE(x)->repr(vm, x);
    ok = ok && s && !strcmp(STR_UTF8(s), f[2]);
    xdecref(vm, s);
    decref(vm, x);
  } else if (!strcmp(op, "hash")) {
    Obj *x = float_new(vm, F(f[1]));
    hash_t h = float_hash(vm, x);
    decref(vm, x);
    ok = h == strtoll(f[2], NULL, 10);
    if (!ok) snprintf(why, sizeof why, "hash(%s) = %lld", f[1], (long long)h);
  } else if (!strcmp(op, "parse")) {
    /* parse|text|expected: float(text) with the text a str */
    Obj *s = str_new(vm, f[1], strlen(f[1]));
    Obj *r = float_from_obj(vm, s);
    decref(vm, s);
    ok = check(r, f[2], why, sizeof why);
  } else if (!strcmp(op, "fmt")) {
    /* fmt|x|spec|expected (the expected text may contain '|') */
    const char *exp = f[3];
    for (int i = 4; i < nf; i++) f[i][-1] = '|';
    Obj *r = float_format(vm, F(f[1]), f[2], strlen(f[2]));
    ok = check(r, exp, why, sizeof why);
    if (!ok) {
      size_t n = strlen(why);
      snprintf(why + n, sizeof why - n, " [format(%s, '%s')]", f[1], f[2]);
    }
  } else if (!strcmp(op, "round")) {
    Obj *x = float_new(vm, F(f[1]));
    Obj *n = strcmp(f[2], "None") ? I(f[2]) : incref(None);
    ok = check(num_round(vm, x, n), f[3], why, sizeof why);
    if (!ok) {
      size_t k = strlen(why);
      snprintf(why + k, sizeof why - k, " [round(%s, %s)]", f[1], f[2]);
    }
    decref(vm, x);
    decref(vm, n);
  } else if (!strcmp(op, "cmpi")) {
    Obj *x = float_new(vm, F(f[1])), *i = I(f[2]);
    Obj *gt = float_richcmp(vm, x, i, CMP_GT), *eq = float_richcmp(vm, i, x, CMP_EQ);
    Obj *lt = float_richcmp(vm, x, i, CMP_LT);
    int c = gt == True_ ? 1 : lt == True_ ? -1 : eq == True_ ? 0 : 9;
    int want = !strcmp(f[3], "nan") ? 9 : atoi(f[3]);
    ok = c == want;
    if (!ok) snprintf(why, sizeof why, "compare(%s, %s) gave %d", f[1], f[2], c);
    decref(vm, gt);
    decref(vm, eq);
    decref(vm, lt);
    decref(vm, x);
    decref(vm, i);
  } else if (!strcmp(op, "addi")) {
    Obj *x = float_new(vm, F(f[1])), *i = I(f[2]);
    ok = check(float_add(vm, x, i), f[3], why, sizeof why);
    decref(vm, x);
    decref(vm, i);
  } else {
    static const struct { const char *name; binaryfunc fn; } ops[] = {
      {"add", float_add}, {"sub", float_sub}, {"mul", float_mul},
      {"truediv", float_truediv}, {"floordiv", float_floordiv}, {"mod", float_mod},
      {"pow", float_pow}, {"divmod", float_divmod},
    };
    binaryfunc fn = NULL;
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
      if (!strcmp(op, ops[i].name)) fn = ops[i].fn;
    if (!fn) {
      snprintf(why, sizeof why, "unknown op");
    } else {
      Obj *a = float_new(vm, F(f[1])), *b = float_new(vm, F(f[2]));
      ok = check(fn(vm, a, b), f[3], why, sizeof why);
      if (!ok) {
        size_t k = strlen(why);
        snprintf(why + k, sizeof why - k, " [%s %s %s]", op, f[1], f[2]);
      }
      decref(vm, a);
      decref(vm, b);
    }
  }
  st->run++;
  if (!ok) {
    st->failed++;
    if (st->failed <= 8) tap_diag("line %d (%s): %s", lineno, op, why);
  }
}

/* ------------------------------------------------------------------ */
/* Randomised cross-checks against glibc (independent of the vectors)  */
/* ------------------------------------------------------------------ */

static uint64_t rng_state = 88172645463325252ull;
static uint64_t rng(void) {
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 7;
  rng_state ^= rng_state << 17;
  return rng_state;
}

static double random_double(long i) {
  double x;
  uint64_t b = rng();
  switch (i % 4) {
  case 0: memcpy(&x, &b, sizeof x); break;                       /* any bits */
  case 1: x = (double)(int64_t)(b >> 20) / pow(10, (double)(rng() % 12)); break;
  case 2: x = ldexp((double)(b >> 11), (int)(rng() % 2200) - 1150); break;
  default: b &= ~(((uint64_t)1 << 40) - 1); memcpy(&x, &b, sizeof x); break;  /* short */
  }
  return x;
}

/* The significant digits of a number's text (no sign, point, exponent,
** leading or trailing zeros). */
static void sig_digits(const char *s, char *out) {
  size_t k = 0;
  for (; *s && *s != 'e' && *s != 'E'; s++)
    if (*s >= '0' && *s <= '9' && (k > 0 || *s != '0')) out[k++] = *s;
  while (k > 1 && out[k - 1] == '0') k--;
  out[k] = 0;
}

/* Reference shortest round-trip digits: for P = 1..17, the nearest
** P-digit decimal or its neighbour on the other side of x. */
static void reference_shortest(double x, char *out) {
  for (int p = 1; p <= 17; p++) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", p - 1, fabs(x));
    double y = strtod(buf, NULL);
    if (y == fabs(x)) {
      sig_digits(buf, out);
      return;
    }
    /* the other candidate: one unit in the last place towards x */
    char *e = strchr(buf, 'e');
    int exp = atoi(e + 1);
    char d[64];
    int n = 0;
    for (char *q = buf; q < e && n < 40; q++)
      if (*q != '.') d[n++] = *q;
    if (y < fabs(x)) {
      int i = n - 1;
      while (i >= 0 && d[i] == '9') d[i--] = '0';
      if (i >= 0) d[i]++;
      else { d[0] = '1'; exp++; }
    } else {
      int i = n - 1;
      while (i >= 0 && d[i] == '0') d[i--] = '9';
      if (i >= 0) d[i]--;
      if (d[0] == '0') { for (int j = 0; j < n; j++) d[j] = '9'; exp--; }
    }
    char cand[64];
    snprintf(cand, sizeof cand, "0.%.*se%d", n, d, exp + 1);
    if (strtod(cand, NULL) == fabs(x)) {
      d[n] = 0;
      sig_digits(d, out);
      return;
    }
  }
  out[0] = 0;
}

static void crosscheck(void) {
  long bad = 0, n = 0;
  char got[32], ref[32], gd[32];
  for (long i = 0; i < 100000; i++) {
    double x = random_double(i);
    if (!isfinite(x) || x == 0) continue;
    n++;
    float_repr_buf(x, got);
    sig_digits(got, gd);
    reference_shortest(x, ref);
    if (strtod(got, NULL) != x || strcmp(gd, ref)) {
      if (bad++ < 5) tap_diag("repr(%a) = %s, reference digits %s", x, got, ref);
    }
  }
  tap_ok(bad == 0, "repr of %ld random doubles: shortest, nearest, round-trips", n);
  bad = n = 0;
  for (long i = 0; i < 200000; i++) {
    double x = random_double(i);
    if (!isfinite(x)) continue;
    int p = (int)(rng() % 30);
    char code = "fegFEG"[rng() % 6];
    size_t len, cap;
    char *s = float_to_string(x, code, p, 0, &len, &cap);
    char fmt[16], want[800];
    snprintf(fmt, sizeof fmt, "%%.%d%c", p, code);
    snprintf(want, sizeof want, fmt, x);
    n++;
    if (!s || strcmp(s, want) || strlen(s) != len) {
      if (bad++ < 5) tap_diag("%s of %a gave %s, printf %s", fmt, x, s ? s : "NULL", want);
    }
    if (s) big_free(s, cap);
  }
  tap_ok(bad == 0, "%ld random %%e/%%f/%%g conversions equal glibc's printf", n);
  /* Next to powers of ten, where log10 misleads and rounding carries. */
  bad = n = 0;
  for (int k = -320; k <= 308; k++) {
    char lit[16];
    snprintf(lit, sizeof lit, "1e%d", k);
    double t = strtod(lit, NULL);
    double xs[5] = {t, nextafter(t, 0), nextafter(t, INFINITY), t * 0.99999999999999994,
                    t * 9.9999999999999995};
    for (int j = 0; j < 5; j++) {
      for (int p = 0; p < 24; p++) {
        for (const char *c = "efg"; *c; c++) {
          size_t len, cap;
          char *s = float_to_string(xs[j], *c, p, 0, &len, &cap);
          char fmt[16], want[800];
          snprintf(fmt, sizeof fmt, "%%.%d%c", p, *c);
          snprintf(want, sizeof want, fmt, xs[j]);
          n++;
          if (!s || strcmp(s, want)) {
            if (bad++ < 5) tap_diag("%s of %a gave %s, printf %s", fmt, xs[j], s ? s : "NULL", want);
          }
          if (s) big_free(s, cap);
        }
      }
    }
  }
  tap_ok(bad == 0, "%ld conversions next to powers of ten equal glibc's printf", n);
}

static void structural(void) {
  char buf[32];
  tap_ok(!strcmp(float_repr_buf(0.1, buf), "0.1"), "repr(0.1)");
  tap_ok(!strcmp(float_repr_buf(-0.0, buf), "-0.0"), "repr(-0.0)");
  tap_ok(!strcmp(float_repr_buf(1e16, buf), "1e+16"), "repr(1e16)");
  tap_ok(!strcmp(float_repr_buf(NAN, buf), "nan"), "repr(nan)");
  Obj *x = float_new(vm, 2.5);
  Obj *i = int_from_i64(vm, 2);
  Obj *r = float_richcmp(vm, i, x, CMP_LT);       /* reflected: 2 < 2.5 */
  tap_ok(r == True_, "int < float through the float slot (either order)");
  xdecref(vm, r);
  r = int_richcmp(vm, i, x, CMP_LT);
  tap_ok(r == NotImplemented, "int's richcmp leaves floats to float");
  xdecref(vm, r);
  r = float_add(vm, i, x);
  tap_ok(r && FLOAT_VAL(r) == 4.5, "int + float through the float slot");
  xdecref(vm, r);
  Obj *s = str_new(vm, "x", 1);
  r = float_add(vm, x, s);
  tap_ok(r == NotImplemented, "float + str is NotImplemented");
  xdecref(vm, r);
  decref(vm, s);
  tap_ok(float_hash(vm, x) == 1152921504606846978LL, "hash(2.5) is CPython's");
  Obj *two = float_new(vm, 2.0);
  tap_ok(float_hash(vm, two) == int_hash(vm, i), "hash(2.0) == hash(2)");
  decref(vm, two);
  decref(vm, x);
  decref(vm, i);
  Obj *big = int_from_str(vm, "1" "000000000000000000000000000000000000000000", 43, 10);
  double d = int_as_double(vm, big);
  tap_ok(d == 1e42, "int 10**42 converts to 1e42");
  decref(vm, big);
}

int main(int argc, char **argv) {
  const char *srcdir = getenv("top_srcdir");
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/unit/float-vectors.txt", srcdir ? srcdir : ".");
  if (argc > 1) snprintf(path, sizeof path, "%s", argv[1]);
  FILE *fp = fopen(path, "r");
  if (!fp) {
    printf("Bail out! cannot open %s\n", path);
    return 1;
  }
  vm = vm_new(0, NULL, "test-float");
  if (!vm) {
    printf("Bail out! vm_new failed\n");
    return 1;
  }
  uint64_t floats_before = ht_arena_stats(HT_TAG_FLOAT)->cur_count;
  uint64_t ints_before = ht_arena_stats(HT_TAG_INT)->cur_count;
  structural();
  crosscheck();
  char line[8192];
  int lineno = 0;
  while (fgets(line, sizeof line, fp)) {
    lineno++;
    size_t len = strlen(line);
    if (len && line[len - 1] == '\n') line[--len] = 0;
    if (len == 0) continue;
    replay(line, lineno);
  }
  fclose(fp);
  for (int i = 0; i < nstats; i++)
    tap_ok(stats[i].failed == 0, "%s: %d of %d vectors match CPython", stats[i].name,
           stats[i].run - stats[i].failed, stats[i].run);
  tap_ok(ht_arena_stats(HT_TAG_FLOAT)->cur_count == floats_before &&
             ht_arena_stats(HT_TAG_INT)->cur_count == ints_before,
         "no FLOAT or INT blocks leaked");
  vm_free(vm);
  return tap_done();
}
