/*
** test-containers.c -- the containers' C API against CPython 3.11.
**
** Every expected figure below was printed by /usr/bin/python3 (3.11.2):
**   - list capacities: (sys.getsizeof(l) - 56) // 8 after each append,
**     pop, insert, and for list(...) of sized and unsized iterables;
**   - the number of items at which sys.getsizeof({...}) changes;
**   - set iteration orders: list(set(...));
**   - hash(tuple) and hash(frozenset) values;
**   - slice(a, b, c).indices(n).
** The VM's own sizes differ from CPython's by a constant (our headers), so
** capacities are compared in slots and resize points in item counts.
*/
#include <stdlib.h>
#include <string.h>
#include "vm.h"
#include "containers.h"
#include "arena.h"
#include "tap.h"

static VM *vm;

static Obj *I(int64_t v) { return int_from_i64(vm, v); }

/* A list of the ints in VALS. */
static Obj *int_list(const int64_t *vals, int n) {
  Obj *l = list_new(vm, 0);
  for (int i = 0; i < n; i++) {
    Obj *v = I(vals[i]);
    list_append(vm, l, v);
    decref(vm, v);
  }
  return l;
}

static ssize cap_of(Obj *l) { return ((ListObj *)l)->allocated; }

/* ------------------------------------------------------------------ */

static void test_list_growth(void) {
  /* (items, capacity) at each capacity change while appending 200 ints. */
  static const int steps[][2] = {
    {1, 4}, {5, 8}, {9, 16}, {17, 24}, {25, 32}, {33, 40}, {41, 52}, {53, 64},
    {65, 76}, {77, 92}, {93, 108}, {109, 128}, {129, 148}, {149, 172}, {173, 200},
  };
  const int nsteps = sizeof steps / sizeof steps[0];
  Obj *l = list_new(vm, 0);
  size_t base = List_Type.sizeof_(l);
  uint64_t before = ht_arena_stats(HT_TAG_LIST)->total_count;
  int k = 0, ok = 1;
  ssize prev = 0;
  for (int i = 1; i <= 200; i++) {
    Obj *v = I(i);
    list_append(vm, l, v);
    decref(vm, v);
    ssize c = cap_of(l);
    if (c != prev) {
      if (k >= nsteps || steps[k][0] != i || steps[k][1] != c) {
        tap_diag("append %d: capacity %zd, CPython step %d is (%d, %d)", i, (ssize_t)c,
                 k, k < nsteps ? steps[k][0] : -1, k < nsteps ? steps[k][1] : -1);
        ok = 0;
      }
      k++;
      prev = c;
    }
  }
  uint64_t reallocs = ht_arena_stats(HT_TAG_LIST)->total_count - before;
  tap_ok(ok && k == nsteps, "append: capacities step as CPython's (%d steps)", k);
  tap_is_int(reallocs, nsteps, "append: one REALLOC per growth (%llu)",
             (unsigned long long)reallocs);
  tap_is_int(List_Type.sizeof_(l) - base, 200 * sizeof(Obj *),
             "sizeof grows by 8 bytes per slot");
  tap_is_int(LIST_SIZE(l), 200, "200 items");
  decref(vm, l);

  /* pops from [0]*10 */
  static const int pops[] = {10, 10, 10, 10, 10, 8, 8, 8, 4, 0};
  Obj *zero = I(0), *one = I(10);
  Obj *t = list_new(vm, 1);
  LIST_ITEMS(t)[0] = incref(zero);
  Obj *ten = obj_binop(vm, t, one, BINOP_MUL);
  decref(vm, t);
  ok = ten && cap_of(ten) == 10;
  for (int i = 0; ok && i < 10; i++) {
    Obj *v = list_pop(vm, ten);
    decref(vm, v);
    if (cap_of(ten) != pops[i]) {
      tap_diag("pop %d: capacity %zd, CPython %d", i, (ssize_t)cap_of(ten), pops[i]);
      ok = 0;
    }
  }
  tap_ok(ok, "pop: shrinks as CPython's");
  xdecref(vm, ten);

  /* insert(0, i) ten times */
  static const int ins[] = {4, 4, 4, 4, 8, 8, 8, 8, 16, 16};
  l = list_new(vm, 0);
  ok = 1;
  for (int i = 0; i < 10; i++) {
    list_insert(vm, l, 0, zero);
    if (cap_of(l) != ins[i]) ok = 0;
  }
  tap_ok(ok, "insert: grows as CPython's");
  decref(vm, l);
  decref(vm, zero);
  decref(vm, one);

  /* list(range(n)), list(iter(list(range(n)))), list(generator) */
  static const int sized[] = {0, 2, 2, 4, 4, 6, 6, 8, 8, 10, 10, 12};
  ok = 1;
  for (int n = 0; n < 12; n++) {
    Obj *r = range_new(vm, 0, n, 1);
    Obj *nl = obj_call1(vm, (Obj *)&List_Type, r);
    if (!nl || cap_of(nl) != sized[n] || LIST_SIZE(nl) != n) {
      tap_diag("list(range(%d)): capacity %zd, CPython %d", n,
               nl ? (ssize_t)cap_of(nl) : -1, sized[n]);
      ok = 0;
    }
    Obj *it = nl ? obj_iter(vm, nl) : NULL;
    Obj *nl2 = it ? obj_call1(vm, (Obj *)&List_Type, it) : NULL;
    if (!nl2 || cap_of(nl2) != sized[n]) {
      tap_diag("list(iter(list)) %d: capacity %zd, CPython %d", n,
               nl2 ? (ssize_t)cap_of(nl2) : -1, sized[n]);
      ok = 0;
    }
    xdecref(vm, nl2);
    xdecref(vm, it);
    xdecref(vm, nl);
    decref(vm, r);
  }
  if (vm_exc_occurred(vm)) vm_exc_clear(vm);
  tap_ok(ok, "list(sized iterable): exact capacity rounded to even");
}

static void test_list_ops(void) {
  int64_t v[] = {5, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};
  Obj *l = int_list(v, 11);
  tap_ok(list_sort(vm, l, NULL, false) == 0, "sort ok");
  int64_t want[] = {1, 1, 2, 3, 4, 5, 5, 5, 5, 6, 9};
  int ok = 1;
  for (int i = 0; i < 11; i++)
    if (int_as_i64_unchecked(LIST_ITEMS(l)[i]) != want[i]) ok = 0;
  tap_ok(ok, "sorted order");
  list_reverse(l);
  ok = int_as_i64_unchecked(LIST_ITEMS(l)[0]) == 9 &&
       int_as_i64_unchecked(LIST_ITEMS(l)[10]) == 1;
  tap_ok(ok, "reverse");

  /* a longer pseudo-random list exercises runs, galloping and merges */
  Obj *big = list_new(vm, 0);
  uint64_t x = 12345;
  for (int i = 0; i < 5000; i++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    Obj *iv = I((int64_t)(x >> 40) % 1000);
    list_append(vm, big, iv);
    decref(vm, iv);
  }
  list_sort(vm, big, NULL, false);
  ok = 1;
  for (ssize i = 1; i < LIST_SIZE(big); i++)
    if (int_as_i64_unchecked(LIST_ITEMS(big)[i - 1]) > int_as_i64_unchecked(LIST_ITEMS(big)[i]))
      ok = 0;
  tap_ok(ok, "5000 pseudo-random ints sorted");
  list_sort(vm, big, NULL, true);
  ok = 1;
  for (ssize i = 1; i < LIST_SIZE(big); i++)
    if (int_as_i64_unchecked(LIST_ITEMS(big)[i - 1]) < int_as_i64_unchecked(LIST_ITEMS(big)[i]))
      ok = 0;
  tap_ok(ok, "reverse sort");
  decref(vm, big);

  /* slicing and slice assignment */
  Obj *s = slice_new(vm, NULL, NULL, I(-2));
  Obj *r = obj_getitem(vm, l, s);
  tap_ok(r && LIST_SIZE(r) == 6 && int_as_i64_unchecked(LIST_ITEMS(r)[0]) == 1,
         "l[::-2]");
  xdecref(vm, r);
  Obj *bad = list_new(vm, 0);
  tap_ok(obj_setitem(vm, l, s, bad) < 0 && vm_exc_matches(vm, &Exc_ValueError),
         "extended slice size mismatch raises ValueError");
  vm_exc_clear(vm);
  tap_ok(obj_delitem(vm, l, s) == 0 && LIST_SIZE(l) == 5, "del l[::-2]");
  decref(vm, bad);
  decref(vm, s);
  decref(vm, l);
}

static void test_slice_indices(void) {
  /* slice(a, b, c).indices(n) from CPython; None is encoded as 999. */
  static const int64_t cases[][8] = {
    /* n, a, b, c, start, stop, step, len */
    {10, 999, 999, 999, 0, 10, 1, 10},
    {10, 999, 999, -1, 9, -1, -1, 10},
    {10, -3, 999, 999, 7, 10, 1, 3},
    {10, 999, -3, -2, 9, 7, -2, 1},
    {10, 100, -100, -3, 9, -1, -3, 4},
    {10, -100, 100, 3, 0, 10, 3, 4},
    {5, 3, 1, 1, 3, 1, 1, 0},
    {0, 999, 999, -1, -1, -1, -1, 0},
    {1, -1, 999, -2, 0, -1, -2, 1},
    {7, 1, 6, 2, 1, 6, 2, 3},
  };
  int ok = 1;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const int64_t *c = cases[i];
    Obj *a = c[1] == 999 ? NULL : I(c[1]);
    Obj *b = c[2] == 999 ? NULL : I(c[2]);
    Obj *st = c[3] == 999 ? NULL : I(c[3]);
    Obj *s = slice_new(vm, a, b, st);
    ssize start, stop, step;
    ssize len = slice_indices(vm, s, c[0], &start, &stop, &step);
    if (start != c[4] || stop != c[5] || step != c[6] || len != c[7]) {
      tap_diag("case %zu: got (%zd, %zd, %zd) len %zd", i, (ssize_t)start,
               (ssize_t)stop, (ssize_t)step, (ssize_t)len);
      ok = 0;
    }
    decref(vm, s);
    xdecref(vm, a);
    xdecref(vm, b);
    xdecref(vm, st);
  }
  tap_ok(ok, "slice_indices matches PySlice_GetIndicesEx");
  Obj *z = I(0);
  Obj *s = slice_new(vm, NULL, NULL, z);
  ssize a, b, c;
  tap_ok(slice_indices(vm, s, 5, &a, &b, &c) < 0 && vm_exc_matches(vm, &Exc_ValueError),
         "step 0 raises ValueError");
  vm_exc_clear(vm);
  decref(vm, s);
  decref(vm, z);
}

static void test_tuple_hash(void) {
  Obj *one = I(1), *two = I(2), *three = I(3), *m1 = I(-1), *zero = I(0);
  Obj *empty = tuple_new(vm, 0);
  Obj *t1 = tuple_pack(vm, 1, one);
  Obj *t12 = tuple_pack(vm, 2, one, two);
  Obj *t23 = tuple_pack(vm, 2, two, three);
  Obj *tn = tuple_pack(vm, 2, one, t23);
  Obj *tm = tuple_pack(vm, 1, m1);
  Obj *t00 = tuple_pack(vm, 2, zero, zero);
  Obj *tee = tuple_pack(vm, 2, empty, empty);
  tap_is_int(obj_hash(vm, empty), 5740354900026072187LL, "hash(())");
  tap_is_int(obj_hash(vm, t1), -6644214454873602895LL, "hash((1,))");
  tap_is_int(obj_hash(vm, t12), -3550055125485641917LL, "hash((1, 2))");
  tap_is_int(obj_hash(vm, tn), 7267574591690527098LL, "hash((1, (2, 3)))");
  tap_is_int(obj_hash(vm, tm), 8078679518589016365LL, "hash((-1,))");
  tap_is_int(obj_hash(vm, t00), -8458139203682520985LL, "hash((0, 0))");
  tap_is_int(obj_hash(vm, tee), 9028247024705308198LL, "hash(((), ()))");
  tap_ok(tuple_new(vm, 0) == empty, "the empty tuple is shared");
  decref(vm, empty);

  Obj *tmp = tuple_pack(vm, 3, one, two, three);
  Obj *fs = frozenset_new(vm, tmp);
  decref(vm, tmp);
  tap_is_int(obj_hash(vm, fs), -272375401224217160LL, "hash(frozenset({1, 2, 3}))");
  Obj *fe = frozenset_new(vm, NULL);
  tap_is_int(obj_hash(vm, fe), 133146708735736LL, "hash(frozenset())");
  tmp = tuple_pack(vm, 1, t12);
  Obj *fp = frozenset_new(vm, tmp);
  decref(vm, tmp);
  tap_is_int(obj_hash(vm, fp), 3819360209092968377LL, "hash(frozenset({(1, 2)}))");
  decref(vm, fs); decref(vm, fe); decref(vm, fp);
  decref(vm, t1); decref(vm, t12); decref(vm, t23); decref(vm, tn);
  decref(vm, tm); decref(vm, t00); decref(vm, tee); decref(vm, empty);
  decref(vm, one); decref(vm, two); decref(vm, three); decref(vm, m1); decref(vm, zero);
}

/* The set's iteration order as ints. */
static int same_order(Obj *set, const int64_t *want, int n, const char *what) {
  ssize pos = 0;
  Obj *k;
  int i = 0, ok = set_size(set) == n;
  while (set_next(set, &pos, &k, NULL)) {
    if (i >= n || int_as_i64_unchecked(k) != want[i]) ok = 0;
    i++;
  }
  return tap_ok(ok && i == n, "set order: %s", what);
}

static Obj *int_set(const int64_t *vals, int n) {
  Obj *l = int_list(vals, n);
  Obj *s = set_new(vm, l);
  decref(vm, l);
  return s;
}

static void test_set_order(void) {
  static const int64_t a[] = {5, 3, 9, 1}, a_o[] = {9, 3, 5, 1};
  static const int64_t b[] = {100, 8, 16, 1000, -1, 33}, b_o[] = {33, 100, 8, 1000, 16, -1};
  static const int64_t c[] = {1099511627776LL, 7, -7, 64, 128, 256, 31},
                       c_o[] = {1099511627776LL, 64, 128, 256, 7, -7, 31};
  static const int64_t d[] = {1, 9, 17, 25, 33, 41}, d_o[] = {1, 33, 9, 41, 17, 25};
  static const int64_t sq_o[] = {0, 1, 256, 4, 9, 16, 144, 400, 529, 784, 25, 289, 36,
                                 676, 169, 49, 441, 64, 576, 196, 324, 841, 81, 729,
                                 225, 100, 484, 361, 625, 121};
  int64_t sq[30];
  for (int i = 0; i < 30; i++) sq[i] = (int64_t)i * i;
  Obj *s;
  same_order(s = int_set(a, 4), a_o, 4, "{5, 3, 9, 1}"); decref(vm, s);
  same_order(s = int_set(b, 6), b_o, 6, "{100, 8, 16, 1000, -1, 33}"); decref(vm, s);
  same_order(s = int_set(c, 7), c_o, 7, "{2**40, 7, -7, 64, 128, 256, 31}"); decref(vm, s);
  same_order(s = int_set(d, 6), d_o, 6, "{1, 9, 17, 25, 33, 41}"); decref(vm, s);
  same_order(s = int_set(sq, 30), sq_o, 30, "squares below 900"); decref(vm, s);

  /* s = set(range(10)); discard 3, 5; add 100, 3 */
  int64_t r10[10];
  for (int i = 0; i < 10; i++) r10[i] = i;
  s = int_set(r10, 10);
  Obj *k3 = I(3), *k5 = I(5), *k100 = I(100);
  set_discard(vm, s, k3);
  set_discard(vm, s, k5);
  set_add(vm, s, k100);
  set_add(vm, s, k3);
  static const int64_t e_o[] = {0, 1, 2, 3, 4, 100, 6, 7, 8, 9};
  same_order(s, e_o, 10, "dummy slots reused as CPython");
  decref(vm, s);
  decref(vm, k3); decref(vm, k5); decref(vm, k100);

  /* table resizes at 5, 19 and 77 items (8 -> 32 -> 128 -> 512 slots) */
  s = set_new(vm, NULL);
  size_t prev = Set_Type.sizeof_(s);
  int changes[4], nch = 0;
  for (int i = 0; i < 300; i++) {
    Obj *v = I(i);
    set_add(vm, s, v);
    decref(vm, v);
    size_t now = Set_Type.sizeof_(s);
    if (now != prev && nch < 4) changes[nch++] = i + 1;
    prev = now;
  }
  tap_ok(nch == 3 && changes[0] == 5 && changes[1] == 19 && changes[2] == 77,
         "set table grows at 5, 19, 77 items");
  decref(vm, s);
}

static void test_dict(void) {
  Obj *d = dict_new(vm);
  const char *names[] = {"one", "two", "three", "four", "five", "six", "seven"};
  for (int i = 0; i < 7; i++) {
    Obj *v = I(i + 1);
    dict_set_cstr(vm, d, names[i], v);
    decref(vm, v);
  }
  Obj *k = str_from_cstr(vm, "two");
  tap_ok(dict_del(vm, d, k) == 0, "del d['two']");
  Obj *v = I(22);
  dict_set(vm, d, k, v);
  decref(vm, v);
  /* order: one three four five six seven two */
  const char *order[] = {"one", "three", "four", "five", "six", "seven", "two"};
  ssize pos = 0;
  Obj *key, *val;
  int i = 0, ok = 1;
  while (dict_next(d, &pos, &key, &val)) {
    if (i >= 7 || !str_eq_cstr(key, order[i])) ok = 0;
    i++;
  }
  tap_ok(ok && i == 7, "insertion order kept; a re-inserted key goes last");
  tap_ok(dict_get(vm, d, k) && int_as_i64_unchecked(dict_get(vm, d, k)) == 22, "d['two'] == 22");
  tap_ok(dict_del(vm, d, k) == 0 && dict_del(vm, d, k) < 0 &&
         vm_exc_matches(vm, &Exc_KeyError), "deleting twice raises KeyError");
  vm_exc_clear(vm);
  tap_ok(dict_get(vm, d, k) == NULL && !vm_exc_occurred(vm), "absent: NULL, no exception");
  decref(vm, k);

  Obj *c = dict_copy(vm, d);
  tap_ok(c && dict_size(c) == 6 && obj_eq(vm, c, d) == 1, "copy is equal");
  dict_clear(vm, c);
  tap_ok(dict_size(c) == 0 && obj_eq(vm, c, d) == 0, "cleared copy differs");
  decref(vm, c);
  decref(vm, d);

  /* sizeof changes at the same item counts as CPython's getsizeof */
  static const int want[] = {1, 6, 11, 22, 43, 86, 171};
  d = dict_new(vm);
  size_t prev = Dict_Type.sizeof_(d);
  int got[8], n = 0;
  for (int j = 0; j < 200; j++) {
    Obj *iv = I(j);
    dict_set(vm, d, iv, iv);
    decref(vm, iv);
    size_t now = Dict_Type.sizeof_(d);
    if (now != prev && n < 8) got[n++] = j + 1;
    prev = now;
  }
  ok = n == 7;
  for (int j = 0; ok && j < 7; j++) ok = got[j] == want[j];
  tap_ok(ok, "dict table grows at 1, 6, 11, 22, 43, 86, 171 items");
  /* int keys: deleting and re-adding keeps the live ones in order */
  for (int j = 0; j < 200; j += 2) {
    Obj *iv = I(j);
    dict_del(vm, d, iv);
    decref(vm, iv);
  }
  pos = 0;
  ok = dict_size(d) == 100;
  int64_t expect = 1;
  while (dict_next(d, &pos, &key, &val)) {
    if (int_as_i64_unchecked(key) != expect) ok = 0;
    expect += 2;
  }
  tap_ok(ok, "odd keys remain, in order");
  decref(vm, d);
}

static void test_repr(void) {
  Obj *l = list_new(vm, 0);
  list_append(vm, l, l);
  Obj *one = I(1);
  list_append(vm, l, one);
  Obj *r = obj_repr(vm, l);
  tap_ok(r && str_eq_cstr(r, "[[...], 1]"), "recursive list repr");
  xdecref(vm, r);
  Obj *t = tuple_pack(vm, 1, one);
  r = obj_repr(vm, t);
  tap_ok(r && str_eq_cstr(r, "(1,)"), "repr((1,))");
  xdecref(vm, r);
  Obj *d = dict_new(vm);
  dict_set(vm, d, one, t);
  dict_set_cstr(vm, d, "x", d);
  r = obj_repr(vm, d);
  tap_ok(r && str_eq_cstr(r, "{1: (1,), 'x': {...}}"), "recursive dict repr");
  xdecref(vm, r);
  Obj *s = set_new(vm, NULL);
  r = obj_repr(vm, s);
  tap_ok(r && str_eq_cstr(r, "set()"), "repr(set())");
  xdecref(vm, r);
  Obj *rg = range_new(vm, 0, 10, 3);
  r = obj_repr(vm, rg);
  tap_ok(r && str_eq_cstr(r, "range(0, 10, 3)"), "repr(range(0, 10, 3))");
  xdecref(vm, r);
  /* break the cycles so teardown finds nothing live */
  Obj *empty = list_new(vm, 0);
  Obj *all = slice_new(vm, NULL, NULL, NULL);
  obj_setitem(vm, l, all, empty);
  dict_clear(vm, d);
  decref(vm, all); decref(vm, empty);
  decref(vm, rg); decref(vm, s); decref(vm, d); decref(vm, t); decref(vm, one); decref(vm, l);
}

/* Objects whose < records every comparison, to check that the sort makes
** exactly CPython's comparisons (expected logs: tests/lang/
** containers_sort_compares.py under python3). */
typedef struct LoggedObj { Obj ob; int64_t v; } LoggedObj;
static int64_t cmp_log[4096][2];
static int ncmp;

static Obj *logged_richcmp(VM *vm_, Obj *a, Obj *b, CmpOp op) {
  if (op != CMP_LT) return incref(NotImplemented);
  if (ncmp < 4096) {
    cmp_log[ncmp][0] = ((LoggedObj *)a)->v;
    cmp_log[ncmp][1] = ((LoggedObj *)b)->v;
  }
  ncmp++;
  return bool_new(((LoggedObj *)a)->v < ((LoggedObj *)b)->v);
}

static void logged_dealloc(VM *vm_, Obj *o) { obj_free(vm_, o, sizeof(LoggedObj)); }

static TypeObj Logged_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "Logged",
  .tag = HT_TAG_INSTANCE,
  .basicsize = sizeof(LoggedObj),
  .dealloc = logged_dealloc,
  .richcmp = logged_richcmp,
};

static uint64_t lcg = 12345;
static int64_t rnd(void) {
  lcg = (lcg * 1103515245 + 12345) % 2147483648ULL;
  return (int64_t)lcg;
}

static Obj *logged_list(const int64_t *vals, int n) {
  Obj *l = list_new(vm, n);
  for (int i = 0; i < n; i++) {
    LoggedObj *o = (LoggedObj *)obj_alloc(vm, &Logged_Type, sizeof(LoggedObj));
    o->v = vals[i];
    LIST_ITEMS(l)[i] = OBJ(o);
  }
  return l;
}

static bool log_starts(const int64_t (*want)[2], int n, int from) {
  for (int i = 0; i < n; i++)
    if (cmp_log[from + i][0] != want[i][0] || cmp_log[from + i][1] != want[i][1]) {
      tap_diag("comparison %d: (%lld, %lld), CPython (%lld, %lld)", from + i,
               (long long)cmp_log[from + i][0], (long long)cmp_log[from + i][1],
               (long long)want[i][0], (long long)want[i][1]);
      return false;
    }
  return true;
}

static void test_sort_compares(void) {
  int64_t vals[300];
  for (int i = 0; i < 300; i++) vals[i] = rnd() % 100;
  Obj *l = logged_list(vals, 300);
  ncmp = 0;
  list_sort(vm, l, NULL, false);
  static const int64_t first[20][2] = {
    {75, 6}, {24, 75}, {24, 75}, {24, 6}, {73, 24}, {73, 75}, {78, 73}, {78, 75},
    {59, 73}, {59, 24}, {92, 73}, {92, 78}, {93, 73}, {93, 78}, {93, 92}, {10, 75},
    {10, 59}, {10, 24}, {10, 6}, {67, 73}};
  tap_is_int(ncmp, 2081, "300 random items: %d comparisons, as CPython", ncmp);
  tap_ok(log_starts(first, 20, 0), "the first 20 comparisons are CPython's");
  decref(vm, l);

  int64_t v2[300];
  for (int i = 0; i < 200; i++) v2[i] = i / 3;
  for (int i = 0; i < 100; i++) v2[200 + i] = 100 - i;
  l = logged_list(v2, 300);
  ncmp = 0;
  list_sort(vm, l, NULL, false);
  tap_is_int(ncmp, 578, "runs with duplicates: %d comparisons, as CPython", ncmp);
  decref(vm, l);

  static const int64_t v3[] = {5, 1, 4, 1, 5, 9, 2, 6};
  l = logged_list(v3, 8);
  ncmp = 0;
  list_sort(vm, l, NULL, true);
  int ok = ncmp == 16;
  static const int64_t want3[] = {9, 6, 5, 5, 4, 2, 1, 1};
  for (int i = 0; i < 8; i++) ok = ok && ((LoggedObj *)LIST_ITEMS(l)[i])->v == want3[i];
  tap_ok(ok, "reverse sort: 16 comparisons and CPython's order");
  decref(vm, l);

  int64_t v4[70];
  for (int i = 0; i < 70; i++) v4[i] = rnd() % 10;
  l = logged_list(v4, 70);
  ncmp = 0;
  list_sort(vm, l, NULL, false);
  static const int64_t head[15][2] = {
    {1, 2}, {8, 1}, {8, 2}, {9, 2}, {9, 8}, {8, 8}, {8, 9}, {7, 8}, {7, 2}, {0, 8},
    {0, 2}, {0, 1}, {5, 7}, {5, 1}, {5, 2}};
  static const int64_t tail[15][2] = {
    {6, 7}, {6, 7}, {6, 7}, {6, 7}, {7, 7}, {7, 7}, {7, 7}, {7, 7}, {7, 7}, {7, 8},
    {7, 8}, {7, 8}, {7, 8}, {7, 8}, {7, 8}};
  tap_is_int(ncmp, 332, "70 items in 10 values: %d comparisons, as CPython", ncmp);
  tap_ok(ncmp == 332 && log_starts(head, 15, 0) && log_starts(tail, 15, 332 - 15),
         "first and last 15 comparisons (galloping) are CPython's");
  decref(vm, l);
}

static void test_deep_dealloc(void) {
  /* A chain of 200000 nested lists frees without deep C recursion. */
  Obj *l = list_new(vm, 0);
  for (int i = 0; i < 200000; i++) {
    Obj *outer = list_new(vm, 0);
    list_append(vm, outer, l);
    decref(vm, l);
    l = outer;
  }
  uint64_t live = ht_arena_stats(HT_TAG_LIST)->cur_count;
  decref(vm, l);
  uint64_t after = ht_arena_stats(HT_TAG_LIST)->cur_count;
  tap_ok(live - after >= 400000, "nested chain freed (%llu blocks)",
         (unsigned long long)(live - after));
}

int main(int argc, char **argv) {
  ht_arena_init();
  vm = vm_new(argc, argv, "test-containers");
  if (!vm) {
    printf("Bail out! vm_new failed\n");
    return 1;
  }
  type_ready(vm, &Logged_Type);   /* its dict and mro live until vm_free */
  uint64_t live_start[HT_NTAGS];
  for (int t = 0; t < HT_NTAGS; t++) live_start[t] = ht_arena_stats(t)->cur_count;

  test_list_growth();
  test_list_ops();
  test_slice_indices();
  test_tuple_hash();
  test_set_order();
  test_dict();
  test_repr();
  test_sort_compares();
  test_deep_dealloc();

  if (vm_exc_occurred(vm)) {
    tap_diag("unexpected exception left set");
    vm_exc_clear(vm);
  }
  static const ht_tag tags[] = {HT_TAG_TUPLE, HT_TAG_LIST, HT_TAG_DICT, HT_TAG_SET,
                                HT_TAG_ITERATOR};
  int clean = 1;
  for (size_t i = 0; i < sizeof tags / sizeof tags[0]; i++) {
    uint64_t now = ht_arena_stats(tags[i])->cur_count;
    if (now != live_start[tags[i]]) {
      tap_diag("tag %s: %llu live blocks, %llu at start", ht_tag_name(tags[i]),
               (unsigned long long)now, (unsigned long long)live_start[tags[i]]);
      clean = 0;
    }
  }
  tap_ok(clean, "no container blocks leaked");
  vm_free(vm);
  return tap_done();
}
