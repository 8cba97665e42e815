/*
** test-arena-observer.c -- the arena's observer API (alloc/arena.h,
** ht_arena_set_observer): an observer sees every logged event with its user
** data, only while a recorder is active, after the recorder; one observer at
** a time; removing it stops the calls.  The recorder itself is replaced by
** the arena's event hook (arena-private.h), so no profile is written.
*/
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "arena-private.h"
#include "recorder.h"
#include "tap.h"

typedef struct seen {
  int kind;                    /* ht_event_kind */
  ht_tag tag;                  /* tag */
  uintptr_t obj, old;          /* blocks */
  size_t size;                 /* bytes */
  int order;                   /* recorder events logged before this call */
} seen;

static seen obs[16];
static int nobs, nrec, other_calls;

/* Stands in for the recorder. */
static void sink(ht_event_kind kind, ht_tag tag, uintptr_t obj, uintptr_t old, size_t size) {
  (void)kind; (void)tag; (void)obj; (void)old; (void)size;
  nrec++;
}

static void observer(void *ud, int kind, ht_tag tag, uintptr_t obj, uintptr_t old, size_t size) {
  int *mine = ud;
  (*mine)++;
  if (nobs < 16) obs[nobs++] = (seen){kind, tag, obj, old, size, nrec};
}

static void other(void *ud, int kind, ht_tag tag, uintptr_t obj, uintptr_t old, size_t size) {
  (void)ud; (void)kind; (void)tag; (void)obj; (void)old; (void)size;
  other_calls++;
}

int main(void) {
  int calls = 0, saved = ht_rec_active;
  if (ht_arena_init()) {
    tap_ok(0, "ht_arena_init");
    return tap_done();
  }
  ht_arena_set_event_hook(sink);
  tap_is_int(ht_arena_set_observer(observer, &calls), 0, "an observer is installed");
  void *p = ht_alloc(HT_TAG_LIST, 40);
  ht_free(HT_TAG_LIST, p, 40);
  tap_is_int(calls, 0, "no calls while no recorder is active");

  ht_rec_active = 1;
  p = ht_alloc(HT_TAG_LIST, 40);
  void *q = ht_realloc(HT_TAG_LIST, p, 40, 3000);
  ht_free(HT_TAG_LIST, q, 3000);
  ht_rec_active = saved;
  tap_is_int(calls, 3, "one call per logged event, with the user data (got %d)", calls);
  tap_ok(nobs == 3 && obs[0].kind == HT_EV_ALLOC && obs[0].tag == HT_TAG_LIST &&
             obs[0].obj == (uintptr_t)p && obs[0].size == 40,
         "ALLOC: kind, tag, block, size");
  tap_ok(obs[1].kind == HT_EV_REALLOC && obs[1].obj == (uintptr_t)q && obs[1].old == (uintptr_t)p &&
             obs[1].size == 3000 && obs[2].kind == HT_EV_FREE && obs[2].obj == (uintptr_t)q,
         "REALLOC (new and old block), then FREE");
  tap_ok(obs[0].order == 1 && obs[1].order == 2 && obs[2].order == 3,
         "each call comes after the recorder logged the event");
  tap_ok(ht_arena_set_observer(other, NULL) == -1 && ht_arena_set_observer(observer, &calls) == 0,
         "a second, different observer is refused; the same one again is fine");

  tap_is_int(ht_arena_set_observer(NULL, NULL), 0, "removed");
  ht_rec_active = 1;
  p = ht_alloc(HT_TAG_DICT, 64);
  ht_free(HT_TAG_DICT, p, 64);
  ht_rec_active = saved;
  tap_ok(calls == 3 && other_calls == 0 && nrec == 5,
         "no calls once removed; the recorder still gets its events");
  ht_arena_set_event_hook(NULL);
  ht_arena_shutdown();
  return tap_done();
}
