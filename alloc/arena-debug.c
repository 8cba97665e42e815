/*
** arena-debug.c -- the debug arena (--enable-debug-arena): the same contract
** as arena.c's hot paths, but every block is checked and lies on purpose.
**
** Block layout.  Each block is one jemalloc allocation from the tag's arena:
**
**     | dbg_head (32 bytes) | caller's SIZE bytes | trailing canary (8) |
**     ^ jemalloc's pointer  ^ the caller's pointer
**
** The head records the caller's size and tag and a live marker, and ends in
** a 16-byte leading canary; the caller's pointer stays 16-byte aligned.  Fresh
** memory is filled with 0xA5 (ht_calloc zeroes instead); on free the whole
** block, head included, is filled with 0xDD before jemalloc gets it back, so
** a stale pointer reads 0xDD and a second free finds a dead head.  Realloc
** always moves: it makes a new block, copies, fills any growth with 0xA5 and
** frees the old block like ht_free, so code that keeps a pointer across a
** realloc breaks at once instead of sometimes.
**
** Checks.  ht_free and ht_realloc verify the live marker, both canaries and
** that the tag and size passed back match the ones recorded; any mismatch
** prints what was found, naming the tag and size, and aborts.
**
** Failure injection, read at init (and by ht_arena_debug_reload_env()):
**   HT_FAIL_AT=N      the Nth allocation (ht_alloc, ht_calloc, ht_realloc;
**                     counting from 1) fails and returns NULL; 0 disables;
**   HT_MEM_LIMIT=B    an allocation fails if the caller bytes live in all
**                     tags would exceed B (suffixes K, M, G: powers of 1024).
** Counters, events and the HT_MEM_LIMIT figure are in caller bytes, as in the
** normal arena; only jemalloc's page figures see the head and canary.
*/
#include "config.h"

#define HT_ARENA_IMPL_ 1  /* the real ht_alloc/ht_free, not arena.h's inline macros */

#ifndef HT_DEBUG_ARENA
#error "arena-debug.c is built only with --enable-debug-arena"
#endif

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jemalloc/jemalloc.h>

#include "arena.h"
#include "arena-private.h"

#define DBG_LIVE 0x564c5448u  /* "HTLV" little-endian: block is live */
#define DBG_DEAD 0xDDDDDDDDu  /* the head of a freed block */

typedef struct dbg_head {
  uint64_t size;                /* caller-requested size */
  uint32_t tag;                 /* tag the block was allocated with */
  uint32_t magic;               /* DBG_LIVE while the block is live */
  unsigned char canary[16];     /* leading canary: a copy of canary_bytes */
} dbg_head;

_Static_assert(sizeof(dbg_head) == HT_DBG_HEAD, "head size");
_Static_assert(HT_DBG_HEAD % 16 == 0, "caller pointers stay 16-aligned");

static const unsigned char canary_bytes[16] = {
  0xCA, 0xFE, 0xF0, 0x0D, 0x5E, 0xA1, 0xED, 0x42,
  0x42, 0xED, 0xA1, 0x5E, 0x0D, 0xF0, 0xFE, 0xCA
};

static struct {
  uint64_t nallocs;     /* allocation attempts since init or reload */
  uint64_t fail_at;     /* HT_FAIL_AT; 0 = off */
  uint64_t mem_limit;   /* HT_MEM_LIMIT, valid when has_limit */
  int has_limit;        /* HT_MEM_LIMIT is set */
  uint64_t live_bytes;  /* caller bytes live in all tags */
} dbg;

/* ---- environment -------------------------------------------------------- */

/* Parse an unsigned decimal with an optional K/M/G suffix.  Returns 0. */
static int parse_size(const char *s, uint64_t *out) {
  char *end;
  unsigned long long v;
  unsigned shift = 0;
  if (*s < '0' || *s > '9')
    return -1;
  errno = 0;
  v = strtoull(s, &end, 10);
  if (errno != 0)
    return -1;
  switch (*end) {
  case 'k': case 'K': shift = 10; end++; break;
  case 'm': case 'M': shift = 20; end++; break;
  case 'g': case 'G': shift = 30; end++; break;
  default: break;
  }
  if (*end != '\0' || (shift && v > (UINT64_MAX >> shift)))
    return -1;
  *out = (uint64_t)v << shift;
  return 0;
}

static int read_env(void) {
  const char *s;
  uint64_t v;
  int rc = 0;

  dbg.fail_at = 0;
  dbg.has_limit = 0;
  dbg.mem_limit = 0;
  if ((s = getenv("HT_FAIL_AT")) != NULL && *s) {
    if (parse_size(s, &v) == 0) {
      dbg.fail_at = v;
    } else {
      fprintf(stderr, "heaptrail: debug arena: ignoring HT_FAIL_AT='%s': "
              "expected an allocation number (1 is the first)\n", s);
      rc = -1;
    }
  }
  if ((s = getenv("HT_MEM_LIMIT")) != NULL && *s) {
    if (parse_size(s, &v) == 0) {
      dbg.mem_limit = v;
      dbg.has_limit = 1;
    } else {
      fprintf(stderr, "heaptrail: debug arena: ignoring HT_MEM_LIMIT='%s': "
              "expected a byte count, optionally with K, M or G\n", s);
      rc = -1;
    }
  }
  return rc;
}

void ht_arena_debug_init_(void) {
  memset(&dbg, 0, sizeof dbg);
  read_env();
}

int ht_arena_debug_reload_env(void) {
  dbg.nallocs = 0;
  return read_env();
}

/* ---- checks ------------------------------------------------------------- */

__attribute__((noreturn, format(printf, 5, 6)))
static void die(const char *fn, ht_tag tag, const void *p, size_t size,
                const char *fmt, ...) {
  va_list ap;
  fprintf(stderr, "heaptrail: debug arena: %s of a %zu-byte '%s' block at %p: ",
          fn, size, ht_tag_name(tag), p);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  fputc('\n', stderr);
  fflush(stderr);
  abort();
}

static void check_tag(const char *fn, ht_tag tag, const void *p, size_t size) {
  if ((unsigned)tag >= HT_NTAGS)
    die(fn, tag, p, size, "tag %d is not a tag (there are %d)", (int)tag,
        HT_NTAGS);
}

/* Verify the live block P passed back with TAG and SIZE; abort if wrong. */
static void check_block(const char *fn, ht_tag tag, void *p, size_t size) {
  unsigned char *b = (unsigned char *)p - HT_DBG_HEAD;
  dbg_head h;

  if (!ht_arena_g.ready)
    die(fn, tag, p, size, "the arena is not initialized");
  memcpy(&h, b, sizeof h);
  if (h.magic == DBG_DEAD)
    die(fn, tag, p, size, "the block was already freed (its head holds "
        "the 0xDD fill)");
  if (h.magic != DBG_LIVE)
    die(fn, tag, p, size, "the block's head is smashed, or the pointer "
        "did not come from ht_alloc");
  if (memcmp(h.canary, canary_bytes, sizeof h.canary) != 0)
    die(fn, tag, p, size, "leading canary smashed (a write before the "
        "start of the block)");
  if (h.tag != (uint32_t)tag)
    die(fn, tag, p, size, "the block was allocated as tag '%s'",
        ht_tag_name((int)h.tag));
  if (h.size != (uint64_t)size)
    die(fn, tag, p, size, "the block was allocated with %llu bytes",
        (unsigned long long)h.size);
  if (memcmp(b + HT_DBG_HEAD + size, canary_bytes, HT_DBG_TAIL) != 0)
    die(fn, tag, p, size, "trailing canary smashed (a write past the end "
        "of the block)");
}

/* Count one allocation attempt of NEWSIZE bytes replacing OLDSIZE live
** bytes; returns nonzero if it must fail (HT_FAIL_AT, HT_MEM_LIMIT). */
static int must_fail(size_t newsize, size_t oldsize) {
  dbg.nallocs++;
  if (dbg.fail_at != 0 && dbg.nallocs == dbg.fail_at)
    return 1;
  if (dbg.has_limit && newsize > oldsize &&
      dbg.live_bytes - oldsize + newsize > dbg.mem_limit)
    return 1;
  return 0;
}

/* ---- blocks ------------------------------------------------------------- */

/* A new block of SIZE caller bytes in FLAGS's arena, its body filled with
** FILL; returns the caller's pointer or NULL. */
static unsigned char *block_new(ht_tag tag, int flags, size_t size, int fill) {
  unsigned char *b;
  dbg_head h;

  if (size > SIZE_MAX - HT_DBG_HEAD - HT_DBG_TAIL ||
      size > ht_arena_g.max_request)
    return NULL;
  b = mallocx(HT_DBG_HEAD + size + HT_DBG_TAIL, flags);
  if (b == NULL)
    return NULL;
  h.size = size;
  h.tag = (uint32_t)tag;
  h.magic = DBG_LIVE;
  memcpy(h.canary, canary_bytes, sizeof h.canary);
  memcpy(b, &h, sizeof h);
  memset(b + HT_DBG_HEAD, fill, size);
  memcpy(b + HT_DBG_HEAD + size, canary_bytes, HT_DBG_TAIL);
  return b + HT_DBG_HEAD;
}

/* Fill the checked block P (SIZE caller bytes) with 0xDD and free it. */
static void block_free(ht_tag tag, void *p, size_t size) {
  unsigned char *b = (unsigned char *)p - HT_DBG_HEAD;
  size_t total = HT_DBG_HEAD + size + HT_DBG_TAIL;
  memset(b, HT_DBG_FREED, total);
  sdallocx(b, total, ht_arena_g.flags[tag]);
}

static void *alloc_common(const char *fn, ht_tag tag, size_t size, int fill) {
  int flags;
  void *p;

  check_tag(fn, tag, NULL, size);
  flags = ht_arena_flags_(tag);
  if (flags == 0 || must_fail(size, 0))
    return NULL;
  p = block_new(tag, flags, size, fill);
  if (p == NULL)
    return NULL;
  dbg.live_bytes += size;
  ht_arena_count_alloc_(&ht_arena_tagstats_[tag], size);
  return p;
}

/* ---- the entry points --------------------------------------------------- */

void *ht_alloc(ht_tag tag, size_t size) {
  void *p = alloc_common("ht_alloc", tag, size, HT_DBG_FRESH);
  if (p != NULL)
    ht_arena_event_(HT_EV_ALLOC, tag, p, NULL, size);
  return p;
}

void *ht_calloc(ht_tag tag, size_t size) {
  void *p = alloc_common("ht_calloc", tag, size, 0);
  if (p != NULL)
    ht_arena_event_(HT_EV_ALLOC, tag, p, NULL, size);
  return p;
}

void *ht_realloc(ht_tag tag, void *p, size_t oldsize, size_t newsize) {
  unsigned char *q;

  if (p == NULL) {
    q = alloc_common("ht_realloc", tag, newsize, HT_DBG_FRESH);
    if (q != NULL)
      ht_arena_event_(HT_EV_REALLOC, tag, q, NULL, newsize);
    return q;
  }
  check_tag("ht_realloc", tag, p, oldsize);
  check_block("ht_realloc", tag, p, oldsize);
  if (must_fail(newsize, oldsize))
    return NULL;
  q = block_new(tag, ht_arena_g.flags[tag], newsize, HT_DBG_FRESH);
  if (q == NULL)
    return NULL;
  memcpy(q, p, oldsize < newsize ? oldsize : newsize);
  block_free(tag, p, oldsize);
  dbg.live_bytes = dbg.live_bytes - oldsize + newsize;
  ht_arena_count_realloc_(&ht_arena_tagstats_[tag], oldsize, newsize);
  ht_arena_event_(HT_EV_REALLOC, tag, q, p, newsize);
  return q;
}

void ht_free(ht_tag tag, void *p, size_t size) {
  if (p == NULL)
    return;
  check_tag("ht_free", tag, p, size);
  check_block("ht_free", tag, p, size);
  block_free(tag, p, size);
  dbg.live_bytes -= size;
  ht_arena_count_free_(&ht_arena_tagstats_[tag], size);
  ht_arena_event_(HT_EV_FREE, tag, p, NULL, size);
}

size_t ht_arena_usable(ht_tag tag, size_t size) {
  /* The trailing canary sits right after the caller's bytes, so the usable
  ** size is exactly what was asked for. */
  (void)tag;
  return size;
}
