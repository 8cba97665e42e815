/*
** test-arena.c -- the tagged arena (alloc/arena.h): exact per-tag counters
** against a shadow model, zeroing, one jemalloc arena per tag, events handed
** to the recorder, sampling, and shutdown's live count.
**
** Runs the same in the normal and the debug arena build.
*/
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jemalloc/jemalloc.h>

#include "arena.h"
#include "arena-private.h"
#include "recorder.h"
#include "tap.h"

/* xorshift64*: a fixed sequence, so a failure reproduces. */
static uint64_t rng_state = 0x9E3779B97F4A7C15ull;
static uint64_t rng(void) {
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 0x2545F4914F6CDD1Dull;
}

static unsigned lookup_arena(const void *p) {
  unsigned ind = UINT_MAX;
  size_t sz = sizeof ind;
  if (mallctl("arenas.lookup", &ind, &sz, &p, sizeof p) != 0)
    return UINT_MAX;
  return ind;
}

/* ---- init, tags, arenas ------------------------------------------------- */

static void test_init(void) {
  unsigned first[HT_NTAGS];
  int t, u, distinct = 1, same = 1;

  tap_ok(ht_arena_init() == 0, "ht_arena_init succeeds");
  for (t = 0; t < HT_NTAGS; t++)
    first[t] = ht_arena_index(t);
  tap_ok(ht_arena_init() == 0, "ht_arena_init again succeeds (idempotent)");
  for (t = 0; t < HT_NTAGS; t++) {
    if (ht_arena_index(t) != first[t] || first[t] == UINT_MAX)
      same = 0;
    for (u = 0; u < t; u++)
      if (first[u] == first[t])
        distinct = 0;
  }
  tap_ok(same, "a second init keeps the same arenas");
  tap_ok(distinct, "every tag has its own jemalloc arena (%d tags)", HT_NTAGS);
  tap_ok(ht_arena_stats(HT_NTAGS) == NULL && ht_arena_stats((ht_tag)-1) == NULL,
         "ht_arena_stats refuses out-of-range tags");
  for (t = 0; t < HT_NTAGS; t++) {
    const ht_tag_stats *st = ht_arena_stats(t);
    if (st->cur_count || st->peak_count || st->total_count || st->cur_bytes ||
        st->peak_bytes || st->total_bytes)
      break;
  }
  tap_ok(t == HT_NTAGS, "all counters start at zero");
}

/* Blocks of every tag, of small and large sizes, come from that tag's
** arena, also right after another tag freed blocks of the same size class
** (with a shared tcache they would be handed the other arena's regions). */
static void test_arena_per_tag(void) {
  static const size_t sizes[] = { 8, 24, 48, 100, 512, 3000, 40000, 300000 };
  enum { N = 64 };
  void *blk[N];
  int t, i, k, bad = 0, checked = 0;

  for (t = 0; t < HT_NTAGS; t++) {
    ht_tag other = (ht_tag)((t + 1) % HT_NTAGS);
    unsigned want = ht_arena_index(t);
    for (k = 0; k < (int)(sizeof sizes / sizeof sizes[0]); k++) {
      /* Large sizes bypass the tcache: a few blocks will do. */
      int n = sizes[k] > 32768 ? 4 : N;
      /* Fill OTHER's tcache with regions of this size class ... */
      for (i = 0; i < n; i++)
        blk[i] = ht_alloc(other, sizes[k]);
      for (i = 0; i < n; i++)
        ht_free(other, blk[i], sizes[k]);
      /* ... then allocate the same class in T. */
      for (i = 0; i < n; i++) {
        blk[i] = ht_alloc(t, sizes[k]);
        if (blk[i] == NULL || lookup_arena(blk[i]) != want) {
          if (!bad)
            tap_diag("tag %s size %zu: block %p is in arena %u, want %u",
                     ht_tag_name(t), sizes[k], blk[i], lookup_arena(blk[i]),
                     want);
          bad++;
        }
        checked++;
      }
      for (i = 0; i < n; i++)
        ht_free(t, blk[i], sizes[k]);
    }
  }
  tap_ok(bad == 0, "arenas.lookup puts all %d blocks in their tag's arena",
         checked);
}

/* ---- small contract points ---------------------------------------------- */

static int all_bytes(const unsigned char *p, size_t n, int v) {
  size_t i;
  for (i = 0; i < n; i++)
    if (p[i] != (unsigned char)v)
      return 0;
  return 1;
}

static void test_calloc(void) {
  static const size_t sizes[] = { 1, 16, 100, 4096, 40000, 1u << 20 };
  const ht_tag_stats *st = ht_arena_stats(HT_TAG_BYTES);
  uint64_t total0 = st->total_count;
  int k, ok = 1;

  ht_arena_reset_peaks();
  for (k = 0; k < (int)(sizeof sizes / sizeof sizes[0]); k++) {
    size_t n = sizes[k];
    unsigned char *p = ht_alloc(HT_TAG_BYTES, n);
    unsigned char *q;
    memset(p, 0xFF, n);
    ht_free(HT_TAG_BYTES, p, n);
    q = ht_calloc(HT_TAG_BYTES, n);  /* likely the region just dirtied */
    if (q == NULL || !all_bytes(q, n, 0)) {
      tap_diag("ht_calloc(%zu) is not zeroed", n);
      ok = 0;
    }
    ht_free(HT_TAG_BYTES, q, n);
  }
  tap_ok(ok, "ht_calloc zeroes blocks of 1 byte to 1 MiB, reused or not");
  tap_ok(st->cur_count == 0 && st->total_count == total0 + 12 &&
         st->peak_bytes == (1u << 20),
         "ht_calloc is counted like ht_alloc");
}

static void test_edges(void) {
  const ht_tag_stats *st = ht_arena_stats(HT_TAG_CELL);
  ht_tag_stats before = *st;
  void *p, *q;
  size_t k;
  int ok = 1;

  ht_free(HT_TAG_CELL, NULL, 123);
  tap_ok(memcmp(&before, st, sizeof before) == 0,
         "ht_free(NULL) changes nothing");
  p = ht_alloc(HT_TAG_CELL, 0);
  tap_ok(p != NULL && st->cur_count == before.cur_count + 1 &&
         st->cur_bytes == before.cur_bytes,
         "ht_alloc(0) returns a block that counts one block and 0 bytes");
  q = ht_realloc(HT_TAG_CELL, p, 0, 40);
  tap_ok(q != NULL && st->cur_count == before.cur_count + 1 &&
         st->cur_bytes == before.cur_bytes + 40 &&
         st->total_count == before.total_count + 2 &&
         st->total_bytes == before.total_bytes + 40,
         "ht_realloc of a live block keeps the count, moves the bytes");
  ht_free(HT_TAG_CELL, q, 40);
  p = ht_realloc(HT_TAG_CELL, NULL, 0, 24);
  tap_ok(p != NULL && st->cur_count == before.cur_count + 1 &&
         st->cur_bytes == before.cur_bytes + 24,
         "ht_realloc(NULL) allocates a new block");
  ht_free(HT_TAG_CELL, p, 24);
  tap_ok(st->cur_count == before.cur_count && st->cur_bytes == before.cur_bytes,
         "frees bring the tag back to where it was");
  for (k = 1; k < 70000; k = k * 3 + 1)
    if (ht_arena_usable(HT_TAG_CELL, k) < k)
      ok = 0;
  tap_ok(ok, "ht_arena_usable(n) >= n");
}

/* ---- events ------------------------------------------------------------- */

typedef struct ev {
  ht_event_kind kind;  /* event kind */
  ht_tag tag;          /* its tag */
  uintptr_t obj;       /* block */
  uintptr_t old;       /* old block (REALLOC) */
  size_t size;         /* bytes */
} ev;

static ev evs[16];
static int nev;

static void spy(ht_event_kind kind, ht_tag tag, uintptr_t obj, uintptr_t old,
                size_t size) {
  if (nev < 16)
    evs[nev] = (ev){ kind, tag, obj, old, size };
  nev++;
}

static int is_ev(int i, ht_event_kind kind, ht_tag tag, const void *obj,
                 const void *old, size_t size) {
  return i < nev && evs[i].kind == kind && evs[i].tag == tag &&
         evs[i].obj == (uintptr_t)obj && evs[i].old == (uintptr_t)old &&
         evs[i].size == size;
}

static void test_events(void) {
  void *p, *q, *r, *z;
  uintptr_t pa;
  int saved = ht_rec_active;

  ht_arena_set_event_hook(spy);
  nev = 0;
  p = ht_alloc(HT_TAG_FLOAT, 24);
  ht_free(HT_TAG_FLOAT, p, 24);
  tap_ok(nev == 0, "no events while the recorder is off");

  ht_rec_active = 1;
  p = ht_alloc(HT_TAG_LIST, 56);
  pa = (uintptr_t)p;
  q = ht_realloc(HT_TAG_LIST, p, 56, 4000);
  ht_free(HT_TAG_LIST, q, 4000);
  z = ht_calloc(HT_TAG_DICT, 100);
  r = ht_realloc(HT_TAG_DICT, NULL, 0, 8);
  ht_free(HT_TAG_DICT, r, 8);
  ht_free(HT_TAG_DICT, z, 100);
  ht_free(HT_TAG_DICT, NULL, 8);
  ht_rec_active = saved;
  ht_arena_set_event_hook(NULL);

  tap_ok(nev == 7, "one event per alloc, realloc and free (got %d)", nev);
  tap_ok(is_ev(0, HT_EV_ALLOC, HT_TAG_LIST, p, NULL, 56), "ALLOC event");
  tap_ok(is_ev(1, HT_EV_REALLOC, HT_TAG_LIST, q, (void *)pa, 4000),
         "REALLOC event carries new block, old block and new size");
  tap_ok(is_ev(2, HT_EV_FREE, HT_TAG_LIST, q, NULL, 4000), "FREE event");
  tap_ok(is_ev(3, HT_EV_ALLOC, HT_TAG_DICT, z, NULL, 100),
         "ht_calloc logs ALLOC");
  tap_ok(is_ev(4, HT_EV_REALLOC, HT_TAG_DICT, r, NULL, 8),
         "ht_realloc(NULL) logs REALLOC with old 0");
  tap_ok(is_ev(5, HT_EV_FREE, HT_TAG_DICT, r, NULL, 8) &&
         is_ev(6, HT_EV_FREE, HT_TAG_DICT, z, NULL, 100),
         "frees in order; ht_free(NULL) logs nothing");
}

/* ---- the random mix against a shadow model ------------------------------ */

enum { NOPS = 100000, MAXLIVE = 3000 };

typedef struct liveblk {
  ht_tag tag;          /* its tag */
  unsigned char *p;    /* the block */
  size_t size;         /* caller size */
  unsigned char fill;  /* byte it was filled with */
} liveblk;

typedef struct model {
  uint64_t cc, pc, tc;  /* cur/peak/total count */
  uint64_t cb, pb, tb;  /* cur/peak/total bytes */
} model;

static liveblk lv[MAXLIVE];
static int nlive;
static model shadow[HT_NTAGS];

static size_t rand_size(void) {
  uint64_t r = rng() % 100;
  if (r < 3)
    return 0;
  if (r < 72)
    return rng() % 257;
  if (r < 96)
    return 257 + rng() % 4000;
  return 4097 + rng() % 120000;
}

static void shadow_peaks(model *m) {
  if (m->cc > m->pc) m->pc = m->cc;
  if (m->cb > m->pb) m->pb = m->cb;
}

static int matches(int t, int verbose) {
  const ht_tag_stats *st = ht_arena_stats(t);
  const model *m = &shadow[t];
  int ok = st->cur_count == m->cc && st->peak_count == m->pc &&
           st->total_count == m->tc && st->cur_bytes == m->cb &&
           st->peak_bytes == m->pb && st->total_bytes == m->tb;
  if (!ok && verbose)
    tap_diag("%s: arena cur %llu/%llu peak %llu/%llu total %llu/%llu, "
             "model cur %llu/%llu peak %llu/%llu total %llu/%llu",
             ht_tag_name(t), (unsigned long long)st->cur_count,
             (unsigned long long)st->cur_bytes,
             (unsigned long long)st->peak_count,
             (unsigned long long)st->peak_bytes,
             (unsigned long long)st->total_count,
             (unsigned long long)st->total_bytes,
             (unsigned long long)m->cc, (unsigned long long)m->cb,
             (unsigned long long)m->pc, (unsigned long long)m->pb,
             (unsigned long long)m->tc, (unsigned long long)m->tb);
  return ok;
}

static void test_random_mix(void) {
  int op, t, i;
  int failed_alloc = 0, bad_content = 0, bad_checkpoint = 0;
  int nalloc = 0, nrealloc = 0, nfree = 0;

  /* The earlier tests moved the counters: start the model from them. */
  for (t = 0; t < HT_NTAGS; t++) {
    const ht_tag_stats *st = ht_arena_stats(t);
    shadow[t] = (model){ st->cur_count, st->peak_count, st->total_count,
                         st->cur_bytes, st->peak_bytes, st->total_bytes };
  }
  for (op = 0; op < NOPS; op++) {
    uint64_t r = rng() % 100;
    if (nlive == 0 || (r < 45 && nlive < MAXLIVE)) {
      liveblk *b = &lv[nlive];
      model *m;
      b->tag = (ht_tag)(rng() % HT_NTAGS);
      b->size = rand_size();
      b->fill = (unsigned char)(op | 1);
      b->p = (r % 4 == 0) ? ht_calloc(b->tag, b->size)
                          : ht_alloc(b->tag, b->size);
      if (b->p == NULL) {
        failed_alloc++;
        continue;
      }
      if ((r % 4 == 0) && !all_bytes(b->p, b->size, 0))
        bad_content++;
      memset(b->p, b->fill, b->size);
      m = &shadow[b->tag];
      m->cc++; m->tc++; m->cb += b->size; m->tb += b->size;
      shadow_peaks(m);
      nlive++;
      nalloc++;
    } else if (r < 65 && nlive > 0) {
      liveblk *b = &lv[rng() % nlive];
      size_t ns = rand_size();
      size_t keep = ns < b->size ? ns : b->size;
      unsigned char *q = ht_realloc(b->tag, b->p, b->size, ns);
      model *m = &shadow[b->tag];
      if (q == NULL) {
        failed_alloc++;
        continue;
      }
      if (!all_bytes(q, keep, b->fill))
        bad_content++;
      memset(q, b->fill, ns);
      m->tc++; m->cb = m->cb - b->size + ns; m->tb += ns;
      shadow_peaks(m);
      b->p = q;
      b->size = ns;
      nrealloc++;
    } else {
      int k = (int)(rng() % nlive);
      liveblk *b = &lv[k];
      model *m = &shadow[b->tag];
      if (!all_bytes(b->p, b->size, b->fill))
        bad_content++;
      ht_free(b->tag, b->p, b->size);
      m->cc--; m->cb -= b->size;
      lv[k] = lv[--nlive];
      nfree++;
    }
    if (op % 10000 == 9999)
      for (t = 0; t < HT_NTAGS; t++)
        if (!matches(t, bad_checkpoint == 0))
          bad_checkpoint++;
  }
  tap_diag("random mix: %d allocs, %d reallocs, %d frees, %d live at the end",
           nalloc, nrealloc, nfree, nlive);
  tap_ok(failed_alloc == 0, "no allocation failed in the random mix");
  tap_ok(bad_content == 0, "block contents survive realloc and stay intact");
  tap_ok(bad_checkpoint == 0,
         "counters equal the model at every 10000-op checkpoint");
  for (t = 0; t < HT_NTAGS; t++)
    tap_ok(matches(t, 1), "tag %s: current, peak and total count/bytes "
           "equal the model (peak %llu blocks, %llu bytes)", ht_tag_name(t),
           (unsigned long long)shadow[t].pc, (unsigned long long)shadow[t].pb);

  ht_arena_reset_peaks();
  for (t = 0; t < HT_NTAGS; t++) {
    const ht_tag_stats *st = ht_arena_stats(t);
    if (st->peak_count != st->cur_count || st->peak_bytes != st->cur_bytes)
      break;
  }
  tap_ok(t == HT_NTAGS, "ht_arena_reset_peaks sets peaks to current figures");

  for (i = 0; i < nlive; i++) {
    shadow[lv[i].tag].cc--;
    shadow[lv[i].tag].cb -= lv[i].size;
    ht_free(lv[i].tag, lv[i].p, lv[i].size);
  }
  nlive = 0;
  for (t = 0; t < HT_NTAGS; t++)
    if (ht_arena_stats(t)->cur_count != 0 || ht_arena_stats(t)->cur_bytes != 0)
      break;
  tap_ok(t == HT_NTAGS, "after freeing everything every tag is at zero");
}

/* ---- sampling ----------------------------------------------------------- */

static double now_us(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void test_sample(void) {
  static ht_mem_sample a, b, c;
  const size_t big = 16u << 20;
  unsigned char *p;
  double t0, t1;

  tap_ok(ht_arena_sample(&a) == 0, "ht_arena_sample succeeds");
  t0 = now_us();
  ht_arena_sample(&a);
  t1 = now_us();
  tap_diag("a sample took %.0f us; rss %llu, jemalloc resident %llu, "
           "active %llu, mapped %llu", t1 - t0, (unsigned long long)a.rss,
           (unsigned long long)a.je_resident, (unsigned long long)a.je_active,
           (unsigned long long)a.je_mapped);
  tap_ok(a.rss > 0, "rss is positive");
  tap_ok(a.je_active > 0 && a.je_resident >= a.je_active &&
         a.je_mapped >= a.je_active,
         "jemalloc figures are plausible (resident, mapped >= active > 0)");

  p = ht_alloc(HT_TAG_ARRAY, big);
  memset(p, 1, big);
  tap_ok(ht_arena_sample(&b) == 0, "second sample succeeds");
  tap_ok(b.tag_active[HT_TAG_ARRAY] >= a.tag_active[HT_TAG_ARRAY] + big,
         "a 16 MiB array block raises the array arena's active bytes "
         "(%llu -> %llu)", (unsigned long long)a.tag_active[HT_TAG_ARRAY],
         (unsigned long long)b.tag_active[HT_TAG_ARRAY]);
  tap_ok(b.je_active >= a.je_active + big, "and jemalloc's total active");
  tap_ok(b.tag_resident[HT_TAG_ARRAY] >= big,
         "the array arena's resident bytes cover the touched block");
  tap_ok(b.tag_active[HT_TAG_FRAME] < big,
         "the frame arena does not see it (%llu active)",
         (unsigned long long)b.tag_active[HT_TAG_FRAME]);
  tap_ok(b.rss >= big, "rss covers the touched block (%llu)",
         (unsigned long long)b.rss);
  ht_free(HT_TAG_ARRAY, p, big);
  tap_ok(ht_arena_sample(&c) == 0 &&
         c.tag_active[HT_TAG_ARRAY] + big <= b.tag_active[HT_TAG_ARRAY],
         "freeing it lowers the array arena's active bytes (%llu)",
         (unsigned long long)c.tag_active[HT_TAG_ARRAY]);
}

/* ---- shutdown ------------------------------------------------------------ */

static void test_shutdown(void) {
  void *a = ht_alloc(HT_TAG_STR, 10);
  void *b = ht_alloc(HT_TAG_STR, 20);
  void *c = ht_alloc(HT_TAG_TUPLE, 30);
  void *d;
  uint64_t live;

  (void)a; (void)b; (void)c;  /* left live on purpose */
  live = ht_arena_shutdown();
  tap_ok(live == 3, "ht_arena_shutdown reports the 3 blocks left live (%llu)",
         (unsigned long long)live);
  tap_ok(ht_arena_index(HT_TAG_STR) == UINT_MAX,
         "after shutdown no arena is attached");
  tap_ok(ht_arena_shutdown() == 0, "a second shutdown is a no-op");
  d = ht_alloc(HT_TAG_STR, 5);  /* first use initializes again */
  tap_ok(d != NULL && ht_arena_index(HT_TAG_STR) != UINT_MAX &&
         ht_arena_stats(HT_TAG_STR)->cur_count == 1 &&
         ht_arena_stats(HT_TAG_STR)->total_count == 1 &&
         ht_arena_stats(HT_TAG_STR)->cur_bytes == 5,
         "the arena comes back on first use, counters fresh");
  tap_ok(lookup_arena(d) == ht_arena_index(HT_TAG_STR),
         "and the block is in the new str arena");
  ht_free(HT_TAG_STR, d, 5);
  live = ht_arena_shutdown();
  tap_ok(live == 0, "a clean shutdown reports 0 live blocks");
}

int main(void) {
  test_init();
  test_arena_per_tag();
  test_calloc();
  test_edges();
  test_events();
  test_random_mix();
  test_sample();
  test_shutdown();
  return tap_done();
}
