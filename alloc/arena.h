/*
** arena.h -- the tagged arena: the one choke point for VM object memory.
**
** Each tag (tags.h) owns a jemalloc arena created with `arenas.create` and an
** explicit tcache created with `tcache.create`; every allocation passes
** MALLOCX_ARENA(a) | MALLOCX_TCACHE(tc) so a tag's blocks come only from its
** own arena and its per-tag page figures are true (DESIGN.md section 1 has the
** measurements behind this).  Callers pass the size back on free and realloc,
** so the arena frees with sdallocx and the log records bytes without lookups.
**
** The arena is process-wide and single-threaded: only the VM thread may call
** ht_alloc/ht_realloc/ht_free.  The recorder and SQLite never allocate here.
**
** Per-tag counters (count and bytes; current, peak and total) are exact: they
** count the sizes callers asked for, not jemalloc's size classes.
**
** When the recorder is on (recorder.h), every call below logs one event.
**
** With --enable-debug-arena (HT_DEBUG_ARENA defined) each block also carries a
** header and trailing canary, fresh memory is filled with 0xA5 and freed
** memory with 0xDD, HT_FAIL_AT=N makes the Nth allocation fail,
** HT_MEM_LIMIT=BYTES caps the live bytes, and ht_arena_shutdown() reports
** tags whose live count is not zero.
*/
#ifndef HT_ARENA_H
#define HT_ARENA_H

#include <stddef.h>
#include <stdint.h>
#include "tags.h"

/* Per-tag counters.  All figures are in caller-requested bytes. */
typedef struct ht_tag_stats {
  uint64_t cur_count;    /* blocks live now */
  uint64_t peak_count;   /* highest cur_count seen */
  uint64_t total_count;  /* blocks ever allocated (a realloc counts once more) */
  uint64_t cur_bytes;    /* bytes live now */
  uint64_t peak_bytes;   /* highest cur_bytes seen */
  uint64_t total_bytes;  /* bytes ever allocated (realloc adds the new size) */
} ht_tag_stats;

/* jemalloc's page-level figures, refreshed by ht_arena_sample(). */
typedef struct ht_mem_sample {
  uint64_t rss;                   /* process RSS from /proc/self/statm, bytes */
  uint64_t je_resident;           /* stats.resident */
  uint64_t je_active;             /* stats.active */
  uint64_t je_mapped;             /* stats.mapped */
  uint64_t tag_active[HT_NTAGS];  /* stats.arenas.<i>.pactive * page size */
  uint64_t tag_resident[HT_NTAGS];/* stats.arenas.<i>.resident (0 if absent) */
} ht_mem_sample;

/* Create the per-tag arenas and tcaches.  Idempotent.  Returns 0 on success. */
int ht_arena_init(void);

/* Destroy tcaches and arenas.  With the debug arena, prints tags with live
** blocks to stderr.  Returns the number of live blocks left (0 when clean). */
uint64_t ht_arena_shutdown(void);

/* Allocate SIZE bytes tagged TAG.  Returns NULL on failure (out of memory,
** or a failure injected by the debug arena).  SIZE 0 is treated as 1. */
void *ht_alloc(ht_tag tag, size_t size);

/* Like ht_alloc, but the memory is zeroed. */
void *ht_calloc(ht_tag tag, size_t size);

/* Resize P (allocated with TAG and OLDSIZE) to NEWSIZE.  Logs one REALLOC
** event.  Returns the new block, or NULL with P untouched on failure.
** P may be NULL (then it behaves as ht_alloc but still logs REALLOC). */
void *ht_realloc(ht_tag tag, void *p, size_t oldsize, size_t newsize);

/* Free P, which was allocated with TAG and SIZE.  P may be NULL. */
void ht_free(ht_tag tag, void *p, size_t size);

/* Borrowed pointer to TAG's counters (valid until ht_arena_shutdown). */
const ht_tag_stats *ht_arena_stats(ht_tag tag);

/* Reset peak figures to the current ones (tests, per-phase peaks). */
void ht_arena_reset_peaks(void);

/* Refresh jemalloc's epoch and fill OUT.  Costs about 0.3 ms: call it on a
** timer, never per event.  Returns 0 on success. */
int ht_arena_sample(ht_mem_sample *out);

/* jemalloc's usable size for a request of SIZE in TAG's arena (nallocx). */
size_t ht_arena_usable(ht_tag tag, size_t size);

/* ---- observers ----
** An observer sees every event the arena logs -- ALLOC, FREE and REALLOC
** (KIND is an ht_event_kind of recorder.h; OBJ the block, for REALLOC the new
** one and OLD the old one, 0 when it grew from NULL; SIZE the caller's
** size) -- right after the recorder has logged it, on the VM thread.  It is
** called only while a recorder is active (ht_rec_active), from the arena's
** out-of-line logging path: with no recorder the fast paths do not look at
** it, and with a recorder but no observer it costs one predictable test per
** logged event.  Used by `heaptrail run --refs` (vm/snapshot.c) to forget the
** objects it has described as soon as their blocks are freed or moved.
**
** An observer must not call into the arena (no ht_alloc/ht_free: it would
** recurse) nor block; it may read and change its own state.  One observer at
** a time: ht_arena_set_observer(FN, UD) installs FN with its user data UD
** and returns 0, or returns -1 when a different observer is installed;
** ht_arena_set_observer(NULL, NULL) removes it.  Not thread-safe, like the
** rest of the arena: install and remove from the VM thread. */
typedef void (*ht_arena_observer_fn)(void *ud, int kind, ht_tag tag, uintptr_t obj,
                                     uintptr_t old, size_t size);
int ht_arena_set_observer(ht_arena_observer_fn fn, void *ud);

/* ---- the inline fast paths ----
** ht_alloc and ht_free are macros over the static inline functions below,
** so that the common case costs no call into libheaptrail: a small block
** (1..HT_ARENA_CACHE_MAX_ bytes) popped from, or pushed on, its tag's front
** cache of freed blocks (arena.c describes the cache), and the counters'
** plain adds.  Everything else -- an empty or full cache step, a large or
** zero size, a NULL free, the first call before ht_arena_init(), and every
** call while a recorder is active (ht_rec_active: events and observers) --
** falls through to the out-of-line functions above, which do the whole job.
** So counters and events are exactly those of the out-of-line functions.
** A step's capacity is 0 before init, after shutdown and in the debug
** arena (HT_DEBUG_ARENA, which also leaves the macros undefined), so the
** inline paths never act then.  Names ending in `_` are the arena's
** internals, not part of the contract; arena.c and arena-debug.c define
** HT_ARENA_IMPL_ to see the real function names. */
#define HT_ARENA_CACHE_MAX_ 512                          /* largest cached size */
#define HT_ARENA_CACHE_BINS_ (HT_ARENA_CACHE_MAX_ / 16 + 1)  /* 16-byte steps, 0 unused */

typedef struct ht_arena_bin_ {
  uint32_t n;      /* blocks in slot[0..n) */
  uint32_t cap;    /* capacity of slot; 0 before init and in the debug arena */
  void **slot;     /* this step's part of the tag's pool */
} ht_arena_bin_;

extern ht_arena_bin_ ht_arena_bins_[HT_NTAGS][HT_ARENA_CACHE_BINS_];  /* per tag and step */
extern ht_tag_stats ht_arena_tagstats_[HT_NTAGS];  /* the counters ht_arena_stats returns */
extern int ht_rec_active;                          /* recorder.h */

/* The updates below are ordered so that no two adjacent fields get the same
** kind of update in one basic block: GCC's -O2 SLP vectorizer would
** otherwise pair total_count and cur_bytes into one 16-byte load, which
** stalls on the 8-byte store the previous free made to cur_bytes (a
** store-forwarding failure costing several ns per call). */
static inline void ht_arena_count_alloc_(ht_tag_stats *st, size_t size) {
  uint64_t c = st->cur_count + 1;
  uint64_t b;
  st->cur_count = c;
  if (c > st->peak_count) st->peak_count = c;
  b = st->cur_bytes + size;
  st->cur_bytes = b;
  st->total_bytes += size;
  if (b > st->peak_bytes) st->peak_bytes = b;
  st->total_count++;
}

static inline void ht_arena_count_free_(ht_tag_stats *st, size_t size) {
  st->cur_count--;
  st->cur_bytes -= size;
}

__attribute__((always_inline))
static inline void *ht_alloc_inline_(ht_tag tag, size_t size) {
  if (size - 1 < (size_t)HT_ARENA_CACHE_MAX_) {
    ht_arena_bin_ *cb = &ht_arena_bins_[tag][(size + 15) >> 4];
    uint32_t n = cb->n;
    if (__builtin_expect((n != 0) & (ht_rec_active == 0), 1)) {
      void *p = cb->slot[n - 1];
      cb->n = n - 1;
      ht_arena_count_alloc_(&ht_arena_tagstats_[tag], size);
      return p;
    }
  }
  return ht_alloc(tag, size);
}

__attribute__((always_inline))
static inline void ht_free_inline_(ht_tag tag, void *p, size_t size) {
  if (size - 1 < (size_t)HT_ARENA_CACHE_MAX_) {
    ht_arena_bin_ *cb = &ht_arena_bins_[tag][(size + 15) >> 4];
    uint32_t n = cb->n;
    if (__builtin_expect((n < cb->cap) & (ht_rec_active == 0) & (p != NULL), 1)) {
      cb->slot[n] = p;
      cb->n = n + 1;
      ht_arena_count_free_(&ht_arena_tagstats_[tag], size);
      return;
    }
  }
  ht_free(tag, p, size);
}

/* HT_ARENA_NO_INLINE keeps ht_alloc/ht_free plain calls, for a program
** that supplies its own (fuzz/fuzz-compile.c's malloc-backed front end). */
#if !defined(HT_ARENA_IMPL_) && !defined(HT_DEBUG_ARENA) && !defined(HT_ARENA_NO_INLINE)
#define ht_alloc(tag, size) ht_alloc_inline_((tag), (size))
#define ht_free(tag, p, size) ht_free_inline_((tag), (p), (size))
#endif

#endif
