/*
** test-int.c -- the int type against vectors computed by CPython.
**
** tests/unit/int-vectors.txt (made by gen-num-vectors.py with
** /usr/bin/python3) holds one case per line: op|operands...|expected, with
** "!Type: message" for an expected exception.  Each line is replayed
** through the numbers component's slots and entry points; the TAP output
** has one test per operation (listing the first failures) plus a few
** structural checks: shared small ints, bool layout, and that every INT
** block allocated during the run is freed again.
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

/* "Type: message" of the pending exception (cleared); NULL if none. */
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

static Obj *I(const char *s) {
  Obj *o = int_from_str(vm, s, strlen(s), 0);
  if (!o) {
    fprintf(stderr, "cannot parse int operand %.60s: %s\n", s, take_exc());
    exit(2);
  }
  return o;
}

static double F(const char *s) { return strtod(s, NULL); }

static bool same_double(double a, double b) {
  if (isnan(a) || isnan(b)) return isnan(a) && isnan(b);
  return a == b && signbit(a) == signbit(b);
}

/* Compare the outcome R (an object or NULL with an exception) with EXPECT.
** KIND: 'i' int, 'f' float (EXPECT in float.hex form), 's' str. */
static bool check(Obj *r, const char *expect, char kind, char *why, size_t whyn) {
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
  if (kind == 'i') {
    if (!int_check(r)) {
      snprintf(why, whyn, "result is a %s", obj_type_name(r));
    } else {
      Obj *x = I(expect);
      ok = int_compare(r, x) == 0 && r->type == &Int_Type;
      if (!ok) {
        Obj *s = int_to_str_base(vm, r, 16, true);
        snprintf(why, whyn, "got %.80s", s ? STR_UTF8(s) : "?");
        if (s) decref(vm, s);
      }
      decref(vm, x);
    }
  } else if (kind == 'f') {
    if (r->type != &Float_Type) {
      snprintf(why, whyn, "result is a %s", obj_type_name(r));
    } else {
      ok = same_double(FLOAT_VAL(r), F(expect));
      if (!ok) snprintf(why, whyn, "got %a", FLOAT_VAL(r));
    }
  } else {
    ok = str_check(r) && !strcmp(STR_UTF8(r), expect);
    if (!ok) snprintf(why, whyn, "got '%.100s'", str_check(r) ? STR_UTF8(r) : "?");
  }
  decref(vm, r);
  return ok;
}

static Obj *binop(const char *op, Obj *a, Obj *b) {
  static const struct { const char *name; binaryfunc fn; } ops[] = {
    {"add", int_add}, {"sub", int_sub}, {"mul", int_mul}, {"floordiv", int_floordiv},
    {"mod", int_mod}, {"truediv", int_truediv}, {"and", int_and}, {"or", int_or},
    {"xor", int_xor}, {"pow", int_pow}, {"lshift", int_lshift}, {"rshift", int_rshift},
  };
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (!strcmp(op, ops[i].name)) return ops[i].fn(vm, a, b);
  return NULL;
}

/* Replay one vector line (modified in place). */
static void replay(char *line, int lineno) {
  char *f[6];
  int nf = 0;
  char *p = line;
  f[nf++] = p;
  while ((p = strchr(p, '|')) && nf < 6) {
    *p++ = 0;
    f[nf++] = p;
  }
  /* The expected value is the last field; it may itself contain '|'. */
  const char *op = f[0];
  OpStat *st = stat_for(op);
  char why[300] = "";
  bool ok = false;
  const char *expect = f[nf - 1];
  if (!strcmp(op, "parse")) {
    /* parse|text|base|expected (text may be empty) */
    Obj *r = int_from_str(vm, f[1], strlen(f[1]), atoi(f[2]));
    ok = check(r, f[3], 'i', why, sizeof why);
  } else if (!strcmp(op, "fmt")) {
    /* fmt|int|spec|expected: the spec never holds '|', the text may. */
    Obj *a = I(f[1]);
    char *spec = f[2];
    const char *exp = f[3];
    if (nf > 4) f[3][strlen(f[3])] = '|';    /* rejoin */
    Obj *r = int_format(vm, a, spec, strlen(spec));
    ok = check(r, exp, 's', why, sizeof why);
    decref(vm, a);
  } else if (!strcmp(op, "powmod")) {
    Obj *a = I(f[1]), *b = I(f[2]), *m = I(f[3]);
    ok = check(num_pow(vm, a, b, m), f[4], 'i', why, sizeof why);
    decref(vm, a);
    decref(vm, b);
    decref(vm, m);
  } else if (!strcmp(op, "cmp")) {
    Obj *a = I(f[1]), *b = I(f[2]);
    int c = int_compare(a, b);
    ok = c == atoi(f[3]);
    /* The richcmp slot must agree. */
    Obj *lt = int_richcmp(vm, a, b, CMP_LT), *eq = int_richcmp(vm, a, b, CMP_EQ);
    ok = ok && (lt == True_) == (c < 0) && (eq == True_) == (c == 0);
    decref(vm, lt);
    decref(vm, eq);
    if (!ok) snprintf(why, sizeof why, "compare gave %d", c);
    decref(vm, a);
    decref(vm, b);
  } else if (!strcmp(op, "cmpf")) {
    Obj *a = I(f[1]);
    Obj *x = float_new(vm, F(f[2]));
    Obj *lt = float_richcmp(vm, x, a, CMP_GT);     /* a < x */
    Obj *eq = float_richcmp(vm, a, x, CMP_EQ);     /* reflected order */
    Obj *gt = float_richcmp(vm, x, a, CMP_LT);     /* a > x */
    int c = lt == True_ ? -1 : gt == True_ ? 1 : eq == True_ ? 0 : 9;
    int want = !strcmp(f[3], "nan") ? 9 : atoi(f[3]);
    ok = c == want;
    if (!ok) snprintf(why, sizeof why, "compare gave %d", c);
    decref(vm, lt);
    decref(vm, eq);
    decref(vm, gt);
    decref(vm, a);
    decref(vm, x);
  } else if (!strcmp(op, "round")) {
    Obj *a = I(f[1]), *n = I(f[2]);
    ok = check(num_round(vm, a, n), f[3], 'i', why, sizeof why);
    decref(vm, a);
    decref(vm, n);
  } else if (nf == 3) {
    /* Unary: op|a|expected */
    Obj *a = I(f[1]);
    Obj *r = NULL;
    char kind = 'i';
    if (!strcmp(op, "invert")) r = int_invert(vm, a);
    else if (!strcmp(op, "neg")) r = int_neg(vm, a);
    else if (!strcmp(op, "hash")) r = int_from_i64(vm, int_hash(vm, a));
    else if (!strcmp(op, "hex")) { r = int_to_str_base(vm, a, 16, true); kind = 's'; }
    else if (!strcmp(op, "oct")) { r = int_to_str_base(vm, a, 8, true); kind = 's'; }
    else if (!strcmp(op, "bin")) { r = int_to_str_base(vm, a, 2, true); kind = 's'; }
    else if (!strcmp(op, "str")) { r = int_repr(vm, a); kind = 's'; }
    else if (!strcmp(op, "bitlen")) r = int_from_i64(vm, int_bit_length(a));
    else if (!strcmp(op, "float")) {
      double d = int_as_double(vm, a);
      r = (d == -1.0 && vm_exc_occurred(vm)) ? NULL : float_new(vm, d);
      kind = 'f';
    }
    ok = check(r, expect, kind, why, sizeof why);
    decref(vm, a);
  } else {
    Obj *a = I(f[1]), *b = I(f[2]);
    Obj *r = binop(op, a, b);
    char kind = 'i';
    if (!strcmp(op, "truediv") || (!strcmp(op, "pow") && int_sign(b) < 0)) kind = 'f';
    ok = check(r, expect, kind, why, sizeof why);
    decref(vm, a);
    decref(vm, b);
  }
  st->run++;
  if (!ok) {
    st->failed++;
    if (st->failed <= 5) tap_diag("line %d (%s): %s", lineno, op, why);
  }
}

static void structural(void) {
  Obj *a = int_from_i64(vm, 256), *b = int_from_i64(vm, 256);
  tap_ok(a == b, "256 is shared");
  decref(vm, a);
  decref(vm, b);
  a = int_from_i64(vm, 257);
  b = int_from_i64(vm, 257);
  tap_ok(a != b, "257 is not shared");
  decref(vm, a);
  decref(vm, b);
  a = int_from_i64(vm, -5);
  tap_ok(a == (Obj *)&int_small_table[0], "-5 is the first shared int");
  decref(vm, a);
  tap_ok(int_check(True_) && int_is_small(True_) && int_small_value(True_) == 1 &&
             int_small_value(False_) == 0, "True and False are ints 1 and 0");
  Obj *t = int_add(vm, True_, True_);
  tap_ok(t && t->type == &Int_Type && int_small_value(t) == 2, "True + True == 2 (an int)");
  xdecref(vm, t);
  Obj *big = int_from_str(vm, "123456789012345678901234567890", 30, 10);
  tap_ok(big && !int_is_small(big) && !int_fits_i64(big), "big ints leave the fast path");
  int64_t v;
  tap_ok(int_as_i64(vm, big, &v) < 0 && vm_exc_matches(vm, &Exc_OverflowError),
         "int_as_i64 raises OverflowError");
  vm_exc_clear(vm);
  decref(vm, big);
  Obj *m = int_from_i64(vm, INT64_MIN);
  tap_ok(m && int_fits_i64(m) && int_as_i64_unchecked(m) == INT64_MIN, "INT64_MIN round-trips");
  decref(vm, m);
  Obj *u = int_from_u64(vm, UINT64_MAX);
  tap_ok(u && !int_fits_i64(u) && int_bit_length(u) == 64, "UINT64_MAX has 64 bits");
  decref(vm, u);
  Obj *sm = int_from_i64(vm, ((int64_t)1 << 60) - 1);
  tap_ok(int_is_small(sm) && int_small_value(sm) == ((int64_t)1 << 60) - 1,
         "2**60-1 is read by the fast path");
  decref(vm, sm);
  /* The digit limit follows int_set_max_str_digits. */
  tap_ok(int_get_max_str_digits(vm) == 4300, "default int_max_str_digits is 4300");
  tap_ok(int_set_max_str_digits(vm, 5) < 0, "limit 5 is refused");
  char *e = take_exc();
  tap_ok(e && !strcmp(e, "ValueError: maxdigits must be 0 or larger than 640"),
         "limit error text (%s)", e ? e : "none");
  int_set_max_str_digits(vm, 0);
  Obj *p = int_from_i64(vm, 10);
  Obj *q = int_from_i64(vm, 6000);
  Obj *huge = int_pow(vm, p, q);
  Obj *s = huge ? int_repr(vm, huge) : NULL;
  tap_ok(s && STR_NBYTES(s) == 6001, "no limit: str(10**6000) has 6001 digits");
  xdecref(vm, s);
  int_set_max_str_digits(vm, 4300);
  s = int_repr(vm, huge);
  tap_ok(!s && vm_exc_matches(vm, &Exc_ValueError), "limit restored");
  vm_exc_clear(vm);
  xdecref(vm, huge);
  decref(vm, p);
  decref(vm, q);
}

/* Large products against identities that do not use multiplication's
** algorithm: (a*b) // b == a, (a*b) % m == (a%m)*(b%m) % m, and
** (a+b)**2 == a*a + 2*a*b + b*b, for sizes across Karatsuba's cutoffs,
** balanced and lopsided. */
static void karatsuba_identities(void) {
  static const int bits[] = {1000, 2100, 2101, 4200, 8400, 20000, 65000, 200000};
  int bad = 0, n = 0;
  uint64_t st = 0x9E3779B97F4A7C15ull;
  for (size_t i = 0; i < sizeof bits / sizeof bits[0]; i++) {
    for (size_t j = 0; j < sizeof bits / sizeof bits[0]; j++) {
      /* Random operands: hex text from a xorshift generator. */
      Obj *ops[2];
      int want[2] = {bits[i], bits[j]};
      for (int k = 0; k < 2; k++) {
        size_t nh = (size_t)want[k] / 4 + 1;
        char *hex = malloc(nh + 4);
        hex[0] = '0';
        hex[1] = 'x';
        for (size_t h = 0; h < nh; h++) {
          st ^= st << 13;
          st ^= st >> 7;
          st ^= st << 17;
          hex[2 + h] = "0123456789abcdef"[h == 0 ? 1 + st % 15 : st % 16];
        }
        hex[2 + nh] = 0;
        ops[k] = I(hex);
        free(hex);
      }
      Obj *a = ops[0], *b = ops[1];
      Obj *m = int_from_i64(vm, 1000000007), *one = int_from_i64(vm, 1);
      Obj *p = int_mul(vm, a, b);
      Obj *q = int_floordiv(vm, p, b);
      Obj *pm = int_mod(vm, p, m), *am = int_mod(vm, a, m), *bm = int_mod(vm, b, m);
      Obj *abm = int_mul(vm, am, bm), *abmm = int_mod(vm, abm, m);
      Obj *s = int_add(vm, a, b), *s2 = int_mul(vm, s, s);
      Obj *aa = int_mul(vm, a, a), *bb = int_mul(vm, b, b), *ab2 = int_add(vm, p, p);
      Obj *t1 = int_add(vm, aa, bb), *t2 = int_add(vm, t1, ab2);
      bool ok = int_compare(q, a) == 0 && int_compare(pm, abmm) == 0 && int_compare(s2, t2) == 0;
      n++;
      if (!ok) {
        bad++;
        tap_diag("identities fail for %d x %d bits", bits[i], bits[j]);
      }
      Obj *all[] = {a, b, m, one, p, q, pm, am, bm, abm, abmm, s, s2, aa, bb, ab2, t1, t2};
      for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) decref(vm, all[k]);
    }
  }
  tap_ok(bad == 0, "big products satisfy %d sets of identities", n);
}

int main(int argc, char **argv) {
  const char *srcdir = getenv("top_srcdir");
  char path[4096];
  snprintf(path, sizeof path, "%s/tests/unit/int-vectors.txt", srcdir ? srcdir : ".");
  if (argc > 1) snprintf(path, sizeof path, "%s", argv[1]);
  FILE *fp = fopen(path, "r");
  if (!fp) {
    printf("Bail out! cannot open %s\n", path);
    return 1;
  }
  vm = vm_new(0, NULL, "test-int");
  if (!vm) {
    printf("Bail out! vm_new failed\n");
    return 1;
  }
  uint64_t ints_before = ht_arena_stats(HT_TAG_INT)->cur_count;
  structural();
  karatsuba_identities();
  size_t cap = 1 << 16;
  char *line = malloc(cap);
  int lineno = 0;
  for (;;) {
    size_t len = 0;
    if (!fgets(line, (int)cap, fp)) break;
    len = strlen(line);
    while (len == cap - 1 && line[len - 1] != '\n') {
      cap *= 2;
      line = realloc(line, cap);
      if (!fgets(line + len, (int)(cap - len), fp)) break;
      len += strlen(line + len);
    }
    lineno++;
    if (len && line[len - 1] == '\n') line[--len] = 0;
    if (len == 0) continue;
    replay(line, lineno);
  }
  fclose(fp);
  free(line);
  for (int i = 0; i < nstats; i++)
    tap_ok(stats[i].failed == 0, "%s: %d of %d vectors match CPython", stats[i].name,
           stats[i].run - stats[i].failed, stats[i].run);
  uint64_t ints_after = ht_arena_stats(HT_TAG_INT)->cur_count;
  tap_ok(ints_after == ints_before, "no INT blocks leaked (%llu before, %llu after)",
         (unsigned long long)ints_before, (unsigned long long)ints_after);
  vm_free(vm);
  return tap_done();
}
