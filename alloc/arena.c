/*
** arena.c -- the tagged arena: per-tag jemalloc arenas and tcaches, exact
** per-tag counters, and the hooks into the recorder.
**
** ht_arena_init() creates, for every tag, one arena (`arenas.create`) and one
** explicit tcache (`tcache.create`), and stores the flags word
** MALLOCX_ARENA(a) | MALLOCX_TCACHE(tc) that every jemalloc call for that tag
** passes (mallocx, rallocx, sdallocx; frees pass the size back).
** The explicit tcache matters: through the thread's default tcache a
** MALLOCX_ARENA request can be served with a region cached from another
** arena, and the per-tag page figures would lie (DESIGN.md section 1).
**
** The hot paths (ht_alloc, ht_free, ...) are a pop or push on the tag's
** front cache of small freed blocks (below) or else one jemalloc call, a
** handful of plain adds on the tag's counters and one test of ht_rec_active.
** Everything rare (first-use initialization, handing an event to the
** recorder) is out of line.
** Callers outside this file get the cache hits inline (arena.h's macros
** over ht_alloc_inline_/ht_free_inline_, while no recorder is active); the
** functions below are their fallback and do every other case.
**
** With --enable-debug-arena the four allocation entry points and
** ht_arena_usable() come from arena-debug.c instead; the rest is shared.
*/
#include "config.h"

#define HT_ARENA_IMPL_ 1  /* the real ht_alloc/ht_free, not arena.h's inline macros */

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <jemalloc/jemalloc.h>

#include "arena.h"
#include "arena-private.h"
#include "recorder.h"

ht_arena_state ht_arena_g;
ht_tag_stats ht_arena_tagstats_[HT_NTAGS];
/* The front cache's steps (below); all capacities stay 0 in the debug arena,
** so arena.h's inline fast paths always fall through to arena-debug.c. */
ht_arena_bin_ ht_arena_bins_[HT_NTAGS][HT_ARENA_CACHE_BINS_];

static ht_arena_event_hook event_hook;  /* replaces ht_rec_event; NULL normally */
static ht_arena_observer_fn observer;   /* sees each logged event; NULL normally */
static void *observer_ud;               /* its user data */

static void cache_setup(void);
static void cache_drain(void);

/* ---- life cycle --------------------------------------------------------- */

/* Destroy tcache TC (when not UINT_MAX) and arena A (when not UINT_MAX).
** The tcache goes first: an arena may only be destroyed once every tcache
** that cached its regions has been flushed. */
static void destroy_pair(unsigned tc, unsigned a) {
  if (tc != UINT_MAX)
    mallctl("tcache.destroy", NULL, NULL, &tc, sizeof tc);
  if (a != UINT_MAX) {
    size_t mib[3];
    size_t len = 3;
    if (mallctlnametomib("arena.0.destroy", mib, &len) == 0) {
      mib[1] = a;
      mallctlbymib(mib, len, NULL, NULL, NULL, 0);
    }
  }
}

/* The machine's physical memory in bytes.  jemalloc maps with MAP_NORESERVE
** where the kernel overcommits, so a request for more memory than the machine
** has can "succeed" and the process is killed when it touches the pages; a
** request that large can never be served, so the arena refuses it and the VM
** raises MemoryError, as CPython does when malloc fails. */
static size_t physical_memory(void) {
  long pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);
  if (pages <= 0 || psize <= 0 || (unsigned long)pages > SIZE_MAX / (unsigned long)psize)
    return SIZE_MAX;
  return (size_t)pages * (size_t)psize;
}

int ht_arena_init(void) {
  unsigned arena[HT_NTAGS];
  unsigned tcache[HT_NTAGS];
  int t;

  if (ht_arena_g.ready)
    return 0;
  for (t = 0; t < HT_NTAGS; t++)
    arena[t] = tcache[t] = UINT_MAX;
  for (t = 0; t < HT_NTAGS; t++) {
    unsigned ind;
    size_t sz = sizeof ind;
    if (mallctl("arenas.create", &ind, &sz, NULL, 0) != 0)
      goto fail;
    arena[t] = ind;
    sz = sizeof ind;
    if (mallctl("tcache.create", &ind, &sz, NULL, 0) != 0)
      goto fail;
    tcache[t] = ind;
  }
  /* Nothing can fail from here on. */
  memset(&ht_arena_g, 0, sizeof ht_arena_g);
  memset(ht_arena_tagstats_, 0, sizeof ht_arena_tagstats_);
  for (t = 0; t < HT_NTAGS; t++) {
    ht_arena_g.arena_ind[t] = arena[t];
    ht_arena_g.tcache_ind[t] = tcache[t];
    ht_arena_g.flags[t] = MALLOCX_ARENA(arena[t]) | MALLOCX_TCACHE(tcache[t]);
  }
  ht_arena_g.ready = 1;
  ht_arena_g.max_request = physical_memory();
  cache_setup();
#ifdef HT_DEBUG_ARENA
  ht_arena_debug_init_();
#endif
  /* Without jemalloc statistics the arena still works; ht_arena_sample()
  ** then says so by returning -1. */
  ht_sampler_setup_(ht_arena_g.arena_ind);
  return 0;

fail:
  for (t = 0; t < HT_NTAGS; t++)
    destroy_pair(tcache[t], arena[t]);
  return -1;
}

int ht_arena_lazy_init_(ht_tag tag) {
  if (ht_arena_init() != 0)
    return 0;
  return ht_arena_g.flags[tag];
}

uint64_t ht_arena_shutdown(void) {
  uint64_t live = 0;
  int t;

  if (!ht_arena_g.ready)
    return 0;
  for (t = 0; t < HT_NTAGS; t++) {
    const ht_tag_stats *st = &ht_arena_tagstats_[t];
    live += st->cur_count;
#ifdef HT_DEBUG_ARENA
    if (st->cur_count != 0)
      fprintf(stderr,
              "heaptrail: debug arena: tag '%s' has %llu live block%s "
              "(%llu bytes) at shutdown\n",
              ht_tag_name(t), (unsigned long long)st->cur_count,
              st->cur_count == 1 ? "" : "s",
              (unsigned long long)st->cur_bytes);
#endif
  }
  ht_sampler_teardown_();
  cache_drain();
  for (t = 0; t < HT_NTAGS; t++) {
    ht_arena_g.flags[t] = 0;
    destroy_pair(ht_arena_g.tcache_ind[t], ht_arena_g.arena_ind[t]);
    ht_arena_g.arena_ind[t] = ht_arena_g.tcache_ind[t] = UINT_MAX;
  }
  ht_arena_g.ready = 0;
  return live;
}

/* ---- counters and events ------------------------------------------------ */

const ht_tag_stats *ht_arena_stats(ht_tag tag) {
  if ((unsigned)tag >= HT_NTAGS)
    return NULL;
  return &ht_arena_tagstats_[tag];
}

void ht_arena_reset_peaks(void) {
  int t;
  for (t = 0; t < HT_NTAGS; t++) {
    ht_arena_tagstats_[t].peak_count = ht_arena_tagstats_[t].cur_count;
    ht_arena_tagstats_[t].peak_bytes = ht_arena_tagstats_[t].cur_bytes;
  }
}

unsigned ht_arena_index(ht_tag tag) {
  if ((unsigned)tag >= HT_NTAGS || !ht_arena_g.ready)
    return UINT_MAX;
  return ht_arena_g.arena_ind[tag];
}

void ht_arena_set_event_hook(ht_arena_event_hook fn) {
  event_hook = fn;
}

int ht_arena_set_observer(ht_arena_observer_fn fn, void *ud) {
  if (fn && observer && (observer != fn || observer_ud != ud))
    return -1;
  observer = fn;
  observer_ud = fn ? ud : NULL;
  return 0;
}

void ht_arena_log_(ht_event_kind kind, ht_tag tag, const void *obj,
                   const void *old, size_t size) {
  if (event_hook)
    event_hook(kind, tag, (uintptr_t)obj, (uintptr_t)old, size);
  else
    ht_rec_event(kind, tag, (uintptr_t)obj, (uintptr_t)old, size);
  if (observer)
    observer(observer_ud, (int)kind, tag, (uintptr_t)obj, (uintptr_t)old, size);
}

/* ---- the hot paths (the debug arena has its own in arena-debug.c) ------- */
#ifndef HT_DEBUG_ARENA

/* Small blocks go through a per-tag front cache: for each tag and each
** 16-byte step up to CACHE_MAX bytes, a LIFO stack of freed blocks.  Every
** small block is requested from jemalloc with its step's size (bin << 4), so
** any cached block of a step fits any request of that step, and is finally
** freed with sdallocx(p, bin << 4).  A step holds up to CACHE_BYTES worth of
** blocks (at least 16, at most 2048 blocks): 2048 blocks of 16 bytes, 64 of
** 512; at most about 1 MiB per tag even if every step were full.  The cap
** was 256 blocks (16 KiB a step): a heap that frees and rebuilds a few
** thousand tuples at a time (bench/vm/tuple_trees.py) overflowed it into
** mallocx/sdallocx; 2048 made that workload 3% faster (doc/PERFORMANCE.md),
** and 4096 no faster.
**
** Why: mallocx/sdallocx with MALLOCX_ARENA | MALLOCX_TCACHE skip jemalloc's
** inline malloc/free fast paths; a pair costs about 12 ns here against 6 ns
** for plain malloc/free (bench/bench-arena).  A hit in the front cache costs
** a couple of loads and stores.  The cached blocks stay in their tag's arena,
** so the per-tag page figures stay true; like jemalloc's own tcache regions
** they count as active pages while cached.  The counters and the events are
** unchanged: they follow the callers' calls, not jemalloc's.  Building with
** -DHT_ARENA_CACHE_BYTES=0 turns the cache off (for measurements). */
#ifndef HT_ARENA_CACHE_BYTES
#define HT_ARENA_CACHE_BYTES 32768
#endif
#define CACHE_MAX HT_ARENA_CACHE_MAX_
#define CACHE_BINS HT_ARENA_CACHE_BINS_
#ifndef HT_ARENA_CACHE_MAX_BLOCKS
#define HT_ARENA_CACHE_MAX_BLOCKS 2048
#endif
#define CACHE_MAX_BLOCKS HT_ARENA_CACHE_MAX_BLOCKS
#ifndef HT_ARENA_CACHE_SLOTS
#define HT_ARENA_CACHE_SLOTS 10240
#endif
#define CACHE_SLOTS HT_ARENA_CACHE_SLOTS  /* per tag; the steps' capacities add up to 8299 */

typedef ht_arena_bin_ cache_bin;  /* arena.h: the inline paths use the steps too */
#define cache ht_arena_bins_
static void *cache_pool[HT_NTAGS][CACHE_SLOTS];  /* slots, owned by cache */

/* The 16-byte step of a small SIZE (1..CACHE_BINS-1).  Size 0, which
** jemalloc leaves undefined, is served as step 1 (16 bytes); the counters
** still see the caller's 0. */
static inline unsigned small_bin(size_t size) {
  unsigned b = (unsigned)((size + 15) >> 4);
  return b + (b == 0);
}

/* Give every step its capacity and its slots (at init, caches empty). */
static void cache_setup(void) {
  int t;
  unsigned b;
  for (t = 0; t < HT_NTAGS; t++) {
    unsigned used = 0;
    for (b = 1; b < CACHE_BINS; b++) {
      unsigned cap = HT_ARENA_CACHE_BYTES / (b << 4);
      if (HT_ARENA_CACHE_BYTES > 0)
        cap = cap < 16 ? 16 : cap > CACHE_MAX_BLOCKS ? CACHE_MAX_BLOCKS : cap;
      if (cap > CACHE_SLOTS - used)  /* only if the figures above change */
        cap = CACHE_SLOTS - used;
      cache[t][b] = (cache_bin){ 0, cap, &cache_pool[t][used] };
      used += cap;
    }
  }
}

/* Give every cached block back to jemalloc (before the arenas go away). */
static void cache_drain(void) {
  int t;
  unsigned b;
  for (t = 0; t < HT_NTAGS; t++)
    for (b = 1; b < CACHE_BINS; b++) {
      cache_bin *cb = &cache[t][b];
      while (cb->n > 0)
        sdallocx(cb->slot[--cb->n], (size_t)b << 4, ht_arena_g.flags[t]);
      cb->cap = 0;
    }
}

/* A block for SIZE bytes of TAG, zeroed when ZERO is MALLOCX_ZERO. */
static inline void *block_alloc(ht_tag tag, size_t size, int zero) {
  int flags;
  if (HT_LIKELY(size <= CACHE_MAX)) {
    unsigned b = small_bin(size);
    cache_bin *cb = &cache[tag][b];
    if (cb->n > 0) {
      void *p = cb->slot[--cb->n];
      if (zero)
        memset(p, 0, size);
      return p;
    }
    size = (size_t)b << 4;
  }
  flags = ht_arena_flags_(tag);
  if (HT_UNLIKELY(flags == 0 || size > ht_arena_g.max_request))
    return NULL;
  return mallocx(size, flags | zero);
}

void *ht_alloc(ht_tag tag, size_t size) {
  void *p = block_alloc(tag, size, 0);
  if (HT_UNLIKELY(p == NULL))
    return NULL;
  ht_arena_count_alloc_(&ht_arena_tagstats_[tag], size);
  ht_arena_event_(HT_EV_ALLOC, tag, p, NULL, size);
  return p;
}

void *ht_calloc(ht_tag tag, size_t size) {
  void *p = block_alloc(tag, size, MALLOCX_ZERO);
  if (HT_UNLIKELY(p == NULL))
    return NULL;
  ht_arena_count_alloc_(&ht_arena_tagstats_[tag], size);
  ht_arena_event_(HT_EV_ALLOC, tag, p, NULL, size);
  return p;
}

void *ht_realloc(ht_tag tag, void *p, size_t oldsize, size_t newsize) {
  void *q;
  if (p == NULL) {
    q = block_alloc(tag, newsize, 0);
    if (HT_UNLIKELY(q == NULL))
      return NULL;
    ht_arena_count_alloc_(&ht_arena_tagstats_[tag], newsize);
  } else {
    size_t req = newsize <= CACHE_MAX ? (size_t)small_bin(newsize) << 4
                                      : newsize;
    if (HT_UNLIKELY(req > ht_arena_g.max_request))
      return NULL;
    q = rallocx(p, req, ht_arena_g.flags[tag]);
    if (HT_UNLIKELY(q == NULL))
      return NULL;
    ht_arena_count_realloc_(&ht_arena_tagstats_[tag], oldsize, newsize);
  }
  ht_arena_event_(HT_EV_REALLOC, tag, q, p, newsize);
  return q;
}

void ht_free(ht_tag tag, void *p, size_t size) {
  if (p == NULL)
    return;
  if (HT_LIKELY(size <= CACHE_MAX)) {
    unsigned b = small_bin(size);
    cache_bin *cb = &cache[tag][b];
    if (cb->n < cb->cap)
      cb->slot[cb->n++] = p;
    else
      sdallocx(p, (size_t)b << 4, ht_arena_g.flags[tag]);
  } else {
    sdallocx(p, size, ht_arena_g.flags[tag]);
  }
  ht_arena_count_free_(&ht_arena_tagstats_[tag], size);
  ht_arena_event_(HT_EV_FREE, tag, p, NULL, size);
}

size_t ht_arena_usable(ht_tag tag, size_t size) {
  /* Size classes are the same in every arena, so no flags are needed (and
  ** asking does not force the arena into existence).  Small requests are
  ** made in 16-byte steps, whose class is never smaller. */
  (void)tag;
  if (size <= CACHE_MAX)
    size = (size_t)small_bin(size) << 4;
  return nallocx(size, 0);
}

#else /* HT_DEBUG_ARENA */

static void cache_setup(void) {}
static void cache_drain(void) {}

#endif /* HT_DEBUG_ARENA */
