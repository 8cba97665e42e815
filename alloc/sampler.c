/*
** sampler.c -- page-level memory figures for the timeline: process RSS and
** jemalloc's resident/active/mapped totals, plus active and resident bytes
** of every tag's arena.
**
** jemalloc's statistics are a snapshot refreshed by writing `epoch`; the
** refresh walks every arena (about 0.1-0.3 ms here with one arena per tag),
** so ht_arena_sample() is meant for a timer, never for every event.  The
** MIBs are resolved once, when ht_arena_init() calls ht_sampler_setup_(), and
** every read afterwards is a mallctlbymib() on a saved MIB.
**
** Threads.  The recorder's sampler thread may call ht_arena_sample() while the
** VM thread allocates: it touches only this file's MIB table, which is
** written before `ready` is stored with release order and not written again
** until ht_sampler_teardown_() clears `ready` at shutdown.  Stop the sampler
** before ht_arena_shutdown(); a sample racing with shutdown may read a
** destroyed arena, which jemalloc reports as an error, never a crash.
**
** RSS comes from /proc/self/statm, read with open/read so that sampling never
** allocates.
*/
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jemalloc/jemalloc.h>

#include "arena.h"
#include "arena-private.h"

#define MIB_MAX 6

typedef struct mib {
  size_t v[MIB_MAX];  /* the resolved name */
  size_t len;         /* components used in v */
} mib;

static struct {
  mib epoch;                       /* "epoch" */
  mib resident;                    /* "stats.resident" */
  mib active;                      /* "stats.active" */
  mib mapped;                      /* "stats.mapped" */
  mib tag_pactive[HT_NTAGS];       /* "stats.arenas.<i>.pactive" per tag */
  mib tag_resident[HT_NTAGS];      /* "stats.arenas.<i>.resident" per tag */
  int have_tag_resident;           /* the resident MIB resolved */
  size_t page;                     /* jemalloc's page size, for pactive */
} S;

static atomic_int ready;           /* S is complete and may be read */

static int resolve(const char *name, mib *m) {
  m->len = MIB_MAX;
  return mallctlnametomib(name, m->v, &m->len) == 0 ? 0 : -1;
}

/* Per-arena MIB: NAME is "stats.arenas.0.<x>", whose component 2 is the
** arena index. */
static int resolve_arena(const char *name, const unsigned *arena_ind,
                         mib *out) {
  mib base;
  int t;
  if (resolve(name, &base) != 0 || base.len < 3)
    return -1;
  for (t = 0; t < HT_NTAGS; t++) {
    out[t] = base;
    out[t].v[2] = arena_ind[t];
  }
  return 0;
}

int ht_sampler_setup_(const unsigned *arena_ind) {
  size_t sz = sizeof S.page;

  atomic_store_explicit(&ready, 0, memory_order_relaxed);
  if (mallctl("arenas.page", &S.page, &sz, NULL, 0) != 0)
    return -1;
  if (resolve("epoch", &S.epoch) != 0 ||
      resolve("stats.resident", &S.resident) != 0 ||
      resolve("stats.active", &S.active) != 0 ||
      resolve("stats.mapped", &S.mapped) != 0 ||
      resolve_arena("stats.arenas.0.pactive", arena_ind, S.tag_pactive) != 0)
    return -1;
  S.have_tag_resident =
      resolve_arena("stats.arenas.0.resident", arena_ind, S.tag_resident) == 0;
  atomic_store_explicit(&ready, 1, memory_order_release);
  return 0;
}

void ht_sampler_teardown_(void) {
  atomic_store_explicit(&ready, 0, memory_order_release);
}

/* Read one size_t figure; returns 0 on success. */
static int read_size(const mib *m, uint64_t *out) {
  size_t v;
  size_t sz = sizeof v;
  if (mallctlbymib(m->v, m->len, &v, &sz, NULL, 0) != 0)
    return -1;
  *out = v;
  return 0;
}

/* Process RSS in bytes from /proc/self/statm (second field, in pages);
** 0 when it cannot be read. */
static uint64_t read_rss(void) {
  char buf[128];
  ssize_t n;
  char *s;
  char *end;
  unsigned long long pages;
  int fd;

  do
    fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    return 0;
  do
    n = read(fd, buf, sizeof buf - 1);
  while (n < 0 && errno == EINTR);
  close(fd);
  if (n <= 0)
    return 0;
  buf[n] = '\0';
  s = strchr(buf, ' ');  /* skip the first field, total program size */
  if (s == NULL)
    return 0;
  pages = strtoull(s + 1, &end, 10);
  if (end == s + 1)
    return 0;
  return (uint64_t)pages * (uint64_t)sysconf(_SC_PAGESIZE);
}

int ht_arena_sample(ht_mem_sample *out) {
  uint64_t epoch = 1;
  size_t sz = sizeof epoch;
  int rc = 0;
  int t;

  memset(out, 0, sizeof *out);
  out->rss = read_rss();
  if (out->rss == 0)
    rc = -1;
  if (!atomic_load_explicit(&ready, memory_order_acquire))
    return -1;
  if (mallctlbymib(S.epoch.v, S.epoch.len, &epoch, &sz, &epoch,
                   sizeof epoch) != 0)
    rc = -1;
  if (read_size(&S.resident, &out->je_resident) != 0 ||
      read_size(&S.active, &out->je_active) != 0 ||
      read_size(&S.mapped, &out->je_mapped) != 0)
    rc = -1;
  for (t = 0; t < HT_NTAGS; t++) {
    uint64_t pages;
    if (read_size(&S.tag_pactive[t], &pages) == 0)
      out->tag_active[t] = pages * S.page;
    else
      rc = -1;
    if (S.have_tag_resident && read_size(&S.tag_resident[t],
                                         &out->tag_resident[t]) != 0)
      rc = -1;
  }
  return rc;
}
