/*
** test-stdmods.c -- what the language tests cannot see about the
** standard-library modules written in C (vm/mod_*.c):
**
**   tags       each kind of object comes from the arena with its type's
**              tag: itertools iterators ITERATOR, partial FUNCTION, deque
**              LIST (object + ring buffer), defaultdict/Counter DICT,
**              Random and itemgetter OTHER;
**   teardown   after vm_free no block of those tags is left;
**   re-import  the modules' types are readied on import, so a second and
**              third VM in the same process import and use them again.
*/
#define _GNU_SOURCE 1
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "tap.h"
#include "vm.h"

/* Run SRC in a fresh VM, its stdout in *OUT (to free).  KEEP runs before
** the VM is freed.  Returns the exit status. */
static int run(const char *src, char **out, void (*keep)(VM *)) {
  size_t n = 0;
  char *buf = NULL;
  FILE *mem = open_memstream(&buf, &n);
  VM *vm = vm_new(0, NULL, "/tmp/test-stdmods.py");
  if (!vm) {
    fclose(mem);
    free(buf);
    *out = strdup("<no vm>");
    return -1;
  }
  vm->out = mem;
  int status = vm_run_main(vm, "/tmp/test-stdmods.py", src, strlen(src));
  if (keep) keep(vm);
  vm_free(vm);
  fclose(mem);
  *out = buf;
  return status;
}

static const ht_tag tags[] = {HT_TAG_ITERATOR, HT_TAG_FUNCTION, HT_TAG_LIST, HT_TAG_DICT,
                              HT_TAG_OTHER};
#define NTAGS (sizeof tags / sizeof tags[0])
static uint64_t live[NTAGS];

static void snap(VM *vm) {
  (void)vm;
  for (size_t i = 0; i < NTAGS; i++) live[i] = ht_arena_stats(tags[i])->cur_count;
}

/* Live blocks per tag at the end of PRELUDE + "xs = [EXPR for i in range(100)]",
** minus the same with EXPR = None. */
static void delta(const char *prelude, const char *expr, int64_t out[NTAGS]) {
  char src[1024], *o;
  uint64_t base[NTAGS];
  snprintf(src, sizeof src, "%sxs = [None for i in range(100)]\n", prelude);
  run(src, &o, snap);
  free(o);
  memcpy(base, live, sizeof base);
  snprintf(src, sizeof src, "%sxs = [%s for i in range(100)]\n", prelude, expr);
  int st = run(src, &o, snap);
  if (st != 0) tap_diag("script failed: %s", src);
  free(o);
  for (size_t i = 0; i < NTAGS; i++) out[i] = (int64_t)live[i] - (int64_t)base[i];
}

enum { IT, FN, LI, DI, OT };

static void test_tags(void) {
  int64_t d[NTAGS];
  delta("import itertools\n", "itertools.count(i)", d);
  tap_is_int(d[IT], 100, "100 count() iterators are 100 ITERATOR blocks (%lld)", (long long)d[IT]);
  delta("import itertools\n", "itertools.permutations(range(3))", d);
  tap_is_int(d[IT], 300, "a permutations iterator is an ITERATOR block + its indices and cycles "
             "(%lld blocks each)", (long long)d[IT] / 100);
  delta("import functools\n", "functools.partial(print, i)", d);
  tap_is_int(d[FN], 100, "100 partial objects are 100 FUNCTION blocks (%lld)", (long long)d[FN]);
  delta("import collections\n", "collections.deque(range(5))", d);
  tap_is_int(d[LI], 200, "a deque is a LIST block plus its LIST ring buffer (%lld)", (long long)d[LI]);
  delta("import collections\n", "collections.defaultdict(list, a=i)", d);
  tap_ok(d[DI] >= 100 && d[DI] <= 200, "defaultdicts are DICT blocks (%lld for 100)", (long long)d[DI]);
  delta("import collections\n", "collections.Counter([i])", d);
  tap_ok(d[DI] >= 100 && d[DI] <= 200, "Counters are DICT blocks (%lld for 100)", (long long)d[DI]);
  delta("import random\n", "random.Random(i)", d);
  tap_is_int(d[OT], 100, "100 Random objects are 100 OTHER blocks (%lld)", (long long)d[OT]);
  delta("import operator\n", "operator.itemgetter(i)", d);
  tap_is_int(d[OT], 100, "100 itemgetters are 100 OTHER blocks (%lld)", (long long)d[OT]);
}

static const char everything[] =
  "import random, itertools, collections, functools, operator, copy, bisect, heapq, string\n"
  "r = random.Random(3)\n"
  "d = collections.deque(range(50), maxlen=20)\n"
  "d.append(d)\n"
  "dd = collections.defaultdict(list)\n"
  "dd['x'].append(dd)\n"
  "c = collections.Counter('hello world')\n"
  "od = collections.OrderedDict(a=1)\n"
  "p = functools.partial(print, 1)\n"
  "p.me = p\n"
  "@functools.lru_cache(maxsize=2)\n"
  "def f(x):\n"
  "    return [x, f]\n"
  "f(1); f(2); f(3)\n"
  "t1, t2 = itertools.tee(itertools.count())\n"
  "next(t1)\n"
  "g = itertools.groupby('aabbc')\n"
  "k, grp = next(g)\n"
  "h = []\n"
  "heapq.heappush(h, (1, h))\n"
  "m = heapq.merge([1, 3], [2])\n"
  "next(m)\n"
  "cp = copy.deepcopy([d, dd, c, od])\n"
  "ig = operator.itemgetter(0)\n"
  "print(r.randint(1, 6), len(d), c.most_common(1), bisect.bisect([1, 2], 1), string.digits)\n";

static void test_teardown(void) {
  char *out;
  int st = run(everything, &out, NULL);
  tap_ok(st == 0 && strcmp(out, "2 20 [('l', 3)] 1 0123456789\n") == 0,
         "a program using every module runs (%.*s)", (int)strcspn(out, "\n"), out);
  free(out);
  static const char *const names[] = {"ITERATOR", "FUNCTION", "LIST", "DICT", "OTHER"};
  for (size_t i = 0; i < NTAGS; i++)
    tap_is_int(ht_arena_stats(tags[i])->cur_count, 0, "no %s block outlives the VM", names[i]);
}

static void test_reimport(void) {
  for (int k = 0; k < 3; k++) {
    char *out;
    int st = run("import collections, random, itertools, functools\n"
                 "c = collections.Counter('abca')\n"
                 "print(c['a'], random.Random(1).randint(1, 100), list(itertools.islice(itertools.count(5), 2)),\n"
                 "      functools.partial(max, 3)(4), type(collections.deque()).__name__)\n",
                 &out, NULL);
    tap_ok(st == 0 && strcmp(out, "2 18 [5, 6] 4 deque\n") == 0,
           "VM %d imports and uses the modules (%.*s)", k + 1, (int)strcspn(out, "\n"), out);
    free(out);
  }
}

int main(void) {
  if (ht_arena_init() != 0) return 99;
  test_tags();
  test_teardown();
  test_reimport();
  return tap_done();
}
