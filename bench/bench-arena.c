/*
** bench-arena.c -- what the tagged arena costs: ns per alloc+free pair
** through ht_alloc/ht_free, against plain malloc/free (jemalloc's, since
** the program links libjemalloc) and against mallocx/sdallocx with default
** flags (jemalloc's shared per-thread tcache and automatic arenas).
**
**   bench/bench-arena [pairs]      (default 2000000 pairs per measurement)
**
** Two patterns per size: "pair" frees each block at once (the tcache's best
** case), "batch" allocates 256 blocks and then frees them oldest first.
** Each figure is the best of 7 runs.  The recorder is off, so this is the
** arena's own overhead: the per-tag flags, the counters and the
** ht_rec_active test.  Build with -O2; a debug-arena build measures the
** debug arena instead and says so.
*/
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jemalloc/jemalloc.h>

#include "arena.h"

enum { BATCH = 256, RUNS = 7 };

/* Keep the compiler from proving a block unused and dropping the pair. */
#define KEEP(p) __asm__ __volatile__("" : : "r"(p) : "memory")

typedef enum { USE_HT, USE_MALLOC, USE_MALLOCX } way;

static void *blocks[BATCH];

static double now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void run_pairs(way w, size_t size, long n) {
  long i;
  switch (w) {
  case USE_HT:
    for (i = 0; i < n; i++) {
      void *p = ht_alloc(HT_TAG_TUPLE, size);
      KEEP(p);
      ht_free(HT_TAG_TUPLE, p, size);
    }
    break;
  case USE_MALLOC:
    for (i = 0; i < n; i++) {
      void *p = malloc(size);
      KEEP(p);
      free(p);
    }
    break;
  case USE_MALLOCX:
    for (i = 0; i < n; i++) {
      void *p = mallocx(size, 0);
      KEEP(p);
      sdallocx(p, size, 0);
    }
    break;
  }
}

static void run_batches(way w, size_t size, long n) {
  long done;
  int i;
  for (done = 0; done < n; done += BATCH) {
    switch (w) {
    case USE_HT:
      for (i = 0; i < BATCH; i++)
        blocks[i] = ht_alloc(HT_TAG_TUPLE, size);
      KEEP(blocks);
      for (i = 0; i < BATCH; i++)
        ht_free(HT_TAG_TUPLE, blocks[i], size);
      break;
    case USE_MALLOC:
      for (i = 0; i < BATCH; i++)
        blocks[i] = malloc(size);
      KEEP(blocks);
      for (i = 0; i < BATCH; i++)
        free(blocks[i]);
      break;
    case USE_MALLOCX:
      for (i = 0; i < BATCH; i++)
        blocks[i] = mallocx(size, 0);
      KEEP(blocks);
      for (i = 0; i < BATCH; i++)
        sdallocx(blocks[i], size, 0);
      break;
    }
  }
}

/* Best ns per pair over RUNS runs of N pairs. */
static double measure(void (*run)(way, size_t, long), way w, size_t size,
                      long n) {
  double best = 1e30;
  int r;
  run(w, size, n / 10 + 1);  /* warm the caches */
  for (r = 0; r < RUNS; r++) {
    double t0 = now_ns();
    double dt;
    run(w, size, n);
    dt = (now_ns() - t0) / (double)n;
    if (dt < best)
      best = dt;
  }
  return best;
}

static int malloc_is_jemalloc(void) {
  void *p = malloc(64);
  unsigned ind = UINT_MAX;
  size_t sz = sizeof ind;
  int ok = mallctl("arenas.lookup", &ind, &sz, &p, sizeof p) == 0;
  free(p);
  return ok;
}

static void table(const char *title, void (*run)(way, size_t, long), long n) {
  static const size_t sizes[] = { 16, 32, 48, 64, 96, 128, 192, 256, 384, 512 };
  double worst = 0, sum = 0;
  int k, nk = (int)(sizeof sizes / sizeof sizes[0]);

  printf("\n%s: ns per alloc+free pair (best of %d runs of %ld pairs)\n",
         title, RUNS, n);
  printf("%6s %10s %10s %10s %12s %12s\n", "size", "ht_alloc", "malloc",
         "mallocx", "ht/malloc", "ht/mallocx");
  for (k = 0; k < nk; k++) {
    double ht = measure(run, USE_HT, sizes[k], n);
    double ma = measure(run, USE_MALLOC, sizes[k], n);
    double mx = measure(run, USE_MALLOCX, sizes[k], n);
    printf("%6zu %10.2f %10.2f %10.2f %12.2f %12.2f\n", sizes[k], ht, ma, mx,
           ht / ma, ht / mx);
    if (ht / ma > worst)
      worst = ht / ma;
    sum += ht / ma;
  }
  printf("ht/malloc: mean %.2f, worst %.2f (target: within 1.50)\n",
         sum / nk, worst);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 2000000;
  if (n <= 0) {
    fprintf(stderr, "usage: %s [pairs]   (pairs > 0)\n", argv[0]);
    return 2;
  }
  if (ht_arena_init() != 0) {
    fprintf(stderr, "bench-arena: ht_arena_init failed\n");
    return 1;
  }
#ifdef HT_DEBUG_ARENA
  printf("debug arena: ON (canaries and fills; not the production figures)\n");
#endif
  printf("malloc is jemalloc's: %s\n", malloc_is_jemalloc() ? "yes" : "no");
  table("pair (free at once)", run_pairs, n);
  table("batch (256 allocs, then 256 frees)", run_batches,
        (n + BATCH - 1) / BATCH * BATCH);
  ht_arena_shutdown();
  return 0;
}
