/*
** arena-private.h -- the tagged arena's insides, shared by arena.c,
** arena-debug.c and sampler.c, and a few hooks for the arena's own tests.
**
** State.  One process-wide `ht_arena_state` (ht_arena_g) holds, per tag, the
** jemalloc arena index, the explicit tcache index, the precomputed mallocx
** flags word (MALLOCX_ARENA(a) | MALLOCX_TCACHE(tc)) and the counters.  A
** flags word of 0 means "not initialized": MALLOCX_ARENA() of any index is
** nonzero, so the hot paths test the word they load anyway and fall into
** ht_arena_init() the first time only.  The state is owned by the VM thread;
** only ht_arena_sample() may run elsewhere, and it reads nothing here but the
** arena indices, which are fixed between init and shutdown (sampler.c keeps
** its own copy of the MIBs, published with a release store).
**
** The exact per-tag counters are ht_arena_tagstats_ and the front cache's
** steps ht_arena_bins_ (arena.h), apart from this struct because arena.h's
** inline fast paths use them.
**
** Counters count what callers asked for (their sizes), never size classes.
** The helpers below are the only code that moves them; they are plain adds
** because the arena is single-threaded.
**
** Nothing here is part of the library's contract: arena.h is.
*/
#ifndef HT_ARENA_PRIVATE_H
#define HT_ARENA_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "recorder.h"

#define HT_LIKELY(x)   __builtin_expect(!!(x), 1)
#define HT_UNLIKELY(x) __builtin_expect(!!(x), 0)

typedef struct ht_arena_state {
  int flags[HT_NTAGS];            /* mallocx flags per tag; 0 before init */
  unsigned arena_ind[HT_NTAGS];   /* jemalloc arena index per tag */
  unsigned tcache_ind[HT_NTAGS];  /* explicit tcache index per tag */
  int ready;                      /* arenas and tcaches exist */
  size_t max_request;             /* larger requests fail: physical memory */
} ht_arena_state;

extern ht_arena_state ht_arena_g;

/* Cold path of every entry point: initialize on first use.  Returns TAG's
** flags word, or 0 when initialization failed. */
__attribute__((noinline, cold))
int ht_arena_lazy_init_(ht_tag tag);

/* Flags word for TAG, initializing the arena on first use (0 on failure). */
static inline int ht_arena_flags_(ht_tag tag) {
  int flags = ht_arena_g.flags[tag];
  if (HT_UNLIKELY(flags == 0))
    flags = ht_arena_lazy_init_(tag);
  return flags;
}

/* ht_arena_count_alloc_ and ht_arena_count_free_ are in arena.h (the inline
** fast paths use them). */

/* A realloc of a live block (OLDSIZE) to NEWSIZE: the live count does not
** move, the totals count one more block of NEWSIZE bytes. */
static inline void ht_arena_count_realloc_(ht_tag_stats *st, size_t oldsize,
                                           size_t newsize) {
  uint64_t b = st->cur_bytes - oldsize + newsize;
  st->cur_bytes = b;
  st->total_bytes += newsize;
  if (b > st->peak_bytes) st->peak_bytes = b;
  st->total_count++;
}

/* Out of line: hand one event to the recorder (or to the test hook). */
__attribute__((noinline, cold))
void ht_arena_log_(ht_event_kind kind, ht_tag tag, const void *obj,
                   const void *old, size_t size);

static inline void ht_arena_event_(ht_event_kind kind, ht_tag tag,
                                   const void *obj, const void *old,
                                   size_t size) {
  if (HT_UNLIKELY(ht_rec_active))
    ht_arena_log_(kind, tag, obj, old, size);
}

/* Called by ht_arena_init() once the arenas exist: resolve the MIBs the
** sampler reads.  Returns 0 on success (the arena works without it). */
int ht_sampler_setup_(const unsigned *arena_ind);
/* Called by ht_arena_shutdown() before the arenas go away. */
void ht_sampler_teardown_(void);

#ifdef HT_DEBUG_ARENA
/* Called by ht_arena_init(): read HT_FAIL_AT and HT_MEM_LIMIT. */
void ht_arena_debug_init_(void);
#endif

/* ---- for the arena's tests ---------------------------------------------- */

/* jemalloc arena index of TAG; UINT_MAX before init. */
unsigned ht_arena_index(ht_tag tag);

/* While set (non-NULL), events go to FN instead of ht_rec_event(); they are
** still produced only while ht_rec_active is nonzero.  Pass NULL to undo. */
typedef void (*ht_arena_event_hook)(ht_event_kind kind, ht_tag tag,
                                    uintptr_t obj, uintptr_t old, size_t size);
void ht_arena_set_event_hook(ht_arena_event_hook fn);

#ifdef HT_DEBUG_ARENA
/* Re-read HT_FAIL_AT and HT_MEM_LIMIT from the environment now, and restart
** the allocation count HT_FAIL_AT refers to (the next allocation is number 1).
** Returns 0, or -1 if a variable is set but malformed (it is then ignored and
** a message goes to stderr). */
int ht_arena_debug_reload_env(void);

/* Debug block layout, exposed so tests can aim at the canaries. */
#define HT_DBG_HEAD 32   /* bytes before the caller's pointer */
#define HT_DBG_TAIL 8    /* trailing canary bytes after the caller's size */
#define HT_DBG_FRESH 0xA5
#define HT_DBG_FREED 0xDD
#endif

#endif
