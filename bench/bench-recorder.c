/*
** bench-recorder.c -- events/s into the profile and bytes/event on disk.
**
** Usage: bench-recorder [EVENTS] [PROFILE] [--native]
** (default: 20 million events into a scratch profile in $TMPDIR, removed at
** the end)
**
** A trace of about a million events is generated first, modelled on what the
** VM produces: allocs and frees of many tags, sizes from each tag's usual
** range, addresses from a per-tag allocator model (size-class slabs, LIFO
** reuse of freed slots, as jemalloc's tcache does), mostly short lifetimes
** with a long-lived tail, list-style REALLOC growth, script-stack ids with a
** skewed distribution, a few marks.  The trace frees everything it allocates,
** so it can be replayed back to back until EVENTS events have been logged.
**
** Reported:
**   log ev/s      events / time spent in ht_rec_event (the VM-side cost)
**   sustained     events / time until the last event is committed (includes
**                 the writer catching up: this is the recorder's throughput)
**   CPU ns/event  CPU time of the VM thread (the replay loop included) and of
**                 the writer thread per event; the slower of the two bounds
**                 the rate on two idle cores, whatever else loads the machine
**   raw B/ev      bytes of chunk BLOBs / events
**   file B/ev     size of the profile file (+ WAL) / events, before closing
**                 (chunks, and the objects the writer has derived so far)
**   close         ht_rec_close time (the writer's backlog, the rest of the
**                 derived tables, the WAL checkpoint), and the final file's
**                 size, whose objects `object` reads back
** Benchmarks measure; they never pass or fail.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "profile.h"
#include "recorder.h"
#include "tags.h"

typedef struct tev {
  uint8_t kind, tag;
  uint32_t stack;
  uint64_t obj, old, size;
} tev;

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static double clock_s(clockid_t id) {
  struct timespec ts;
  clock_gettime(id, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static double now_s(void) { return clock_s(CLOCK_MONOTONIC); }

/* ---- an allocator model ---- */

#define NCLASS 32
typedef struct tagmodel {
  uint64_t base;                 /* the tag's arena */
  uint64_t bump[NCLASS];         /* next fresh slot per size class */
  uint64_t *freelist[NCLASS];    /* LIFO of freed slots */
  int nfree[NCLASS], capfree[NCLASS];
} tagmodel;

static tagmodel tm[HT_NTAGS];

static int size_class(uint64_t size) {
  int c = 0;
  uint64_t s = 16;
  while (s < size && c < NCLASS - 1) { s += s / 4 > 16 ? s / 4 : 16; c++; }
  return c;
}

static uint64_t model_alloc(int tag, uint64_t size) {
  tagmodel *m = &tm[tag];
  int c = size_class(size);
  if (m->nfree[c]) return m->freelist[c][--m->nfree[c]];
  uint64_t cls = 16;
  for (int i = 0; i < c; i++) cls += cls / 4 > 16 ? cls / 4 : 16;
  if (!m->bump[c]) m->bump[c] = m->base + ((uint64_t)c << 26);
  uint64_t a = m->bump[c];
  m->bump[c] += (cls + 15) & ~15ull;
  return a;
}

static void model_free(int tag, uint64_t addr, uint64_t size) {
  tagmodel *m = &tm[tag];
  int c = size_class(size);
  if (m->nfree[c] == m->capfree[c]) {
    m->capfree[c] = m->capfree[c] ? m->capfree[c] * 2 : 256;
    m->freelist[c] = realloc(m->freelist[c], m->capfree[c] * sizeof(uint64_t));
  }
  m->freelist[c][m->nfree[c]++] = addr;
}

/* Typical sizes per tag, loosely after the VM's objects. */
static uint64_t tag_size(int tag) {
  switch (tag) {
  case HT_TAG_FRAME: return 112 + 8 * (rnd() % 12);
  case HT_TAG_CELL: return 24;
  case HT_TAG_FUNCTION: return 96;
  case HT_TAG_TUPLE: return 24 + 8 * (rnd() % 6);
  case HT_TAG_LIST: return 40;
  case HT_TAG_DICT: return 64 + 32 * (rnd() % 4);
  case HT_TAG_STR: return 40 + rnd() % 60;
  case HT_TAG_INT: return 32;
  case HT_TAG_FLOAT: return 24;
  case HT_TAG_INSTANCE: return 48;
  case HT_TAG_METHOD: return 40;
  case HT_TAG_ITERATOR: return 32;
  case HT_TAG_ARRAY: return 8 * (1 + rnd() % 64);
  default: return 16 + 8 * (rnd() % 16);
  }
}

static const int common_tags[] = {
  HT_TAG_FRAME, HT_TAG_FRAME, HT_TAG_INT, HT_TAG_INT, HT_TAG_INT, HT_TAG_STR, HT_TAG_STR,
  HT_TAG_TUPLE, HT_TAG_TUPLE, HT_TAG_LIST, HT_TAG_ARRAY, HT_TAG_DICT, HT_TAG_FLOAT,
  HT_TAG_CELL, HT_TAG_FUNCTION, HT_TAG_INSTANCE, HT_TAG_METHOD, HT_TAG_ITERATOR,
  HT_TAG_BYTES, HT_TAG_AST, HT_TAG_STACK,
};

typedef struct liveobj { uint64_t addr, size; uint32_t stack; uint8_t tag; } liveobj;

static tev *make_trace(size_t target, uint32_t *stacks, int nstacks, size_t *out_n) {
  size_t cap = target + target / 2 + 1024, n = 0;
  tev *t = malloc(cap * sizeof *t);
  liveobj *live = malloc(cap * sizeof *live);
  size_t nlive = 0;
  for (int i = 0; i < HT_NTAGS; i++) tm[i].base = 0x7f1000000000ull + ((uint64_t)i << 32);
  while (n < target) {
    /* A skewed stack choice: a few hot sites. */
    uint32_t r = (uint32_t)rnd();
    int si = (r & 3) ? (int)(r >> 8) % 16 : (int)(r >> 8) % nstacks;
    uint32_t stack = stacks[si];
    uint64_t roll = rnd() % 1000;
    if (roll < 3) {
      t[n++] = (tev){ HT_EV_MARK, 0, stack, n, 0, 0 };
    } else if (nlive && roll < 30) {
      /* grow a list's item array in place or elsewhere */
      size_t k = nlive - 1 - rnd() % (nlive < 64 ? nlive : 64);
      liveobj *o = &live[k];
      uint64_t ns = o->size + o->size / 8 + 32;
      uint64_t na = model_alloc(o->tag, ns);
      model_free(o->tag, o->addr, o->size);
      t[n++] = (tev){ HT_EV_REALLOC, o->tag, stack, na, o->addr, ns };
      o->addr = na;
      o->size = ns;
    } else if (nlive && (roll < 520 || nlive > 20000)) {
      /* Free: mostly recent objects (short lifetimes), sometimes old ones. */
      size_t k = rnd() % 8 ? nlive - 1 - rnd() % (nlive < 8 ? nlive : 8) : rnd() % nlive;
      liveobj o = live[k];
      live[k] = live[--nlive];
      model_free(o.tag, o.addr, o.size);
      t[n++] = (tev){ HT_EV_FREE, o.tag, stack, o.addr, 0, o.size };
    } else {
      int tag = common_tags[(si + rnd() % 3) % (sizeof common_tags / sizeof *common_tags)];
      uint64_t size = tag_size(tag);
      uint64_t a = model_alloc(tag, size);
      live[nlive++] = (liveobj){ a, size, stack, (uint8_t)tag };
      t[n++] = (tev){ HT_EV_ALLOC, (uint8_t)tag, stack, a, 0, size };
    }
    if (n + nlive + 16 >= cap) break;
  }
  while (nlive) {        /* balance the trace: free what is left */
    liveobj o = live[--nlive];
    model_free(o.tag, o.addr, o.size);
    t[n++] = (tev){ HT_EV_FREE, o.tag, stacks[0], o.addr, 0, o.size };
  }
  free(live);
  *out_n = n;
  return t;
}

static uint32_t cur_stack;
static uint32_t stack_fn(void *ud) { (void)ud; return cur_stack; }

static long long q(const char *path, const char *sql) {
  sqlite3 *db;
  sqlite3_stmt *st;
  long long v = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK && ht_events_register(db) == 0 &&
      sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return v;
}

static long long fsize(const char *path, const char *suffix) {
  char buf[4096];
  struct stat sb;
  snprintf(buf, sizeof buf, "%s%s", path, suffix);
  return stat(buf, &sb) ? 0 : (long long)sb.st_size;
}

int main(int argc, char **argv) {
  long long events = 20000000;
  const char *path = NULL;
  char tmp[4096];
  int native = 0;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--native")) native = 1;
    else if (argv[i][0] >= '0' && argv[i][0] <= '9') events = atoll(argv[i]);
    else path = argv[i];
  }
  int remove_after = !path;
  if (!path) {   /* a scratch profile, removed at the end */
    const char *dir = getenv("TMPDIR");
    snprintf(tmp, sizeof tmp, "%s/bench-recorder-%d.db", dir && *dir ? dir : "/tmp", (int)getpid());
    path = tmp;
  }
  ht_rec_options o = { .native = native, .script = "bench", .argv = "bench-recorder" };
  if (ht_rec_open(path, &o)) {
    fprintf(stderr, "bench-recorder: %s\n", ht_rec_error());
    return 1;
  }
  /* A small script-stack tree: 8 modules/functions, nested up to depth 6. */
  uint32_t stacks[256];
  int nstacks = 0;
  uint32_t codes[8];
  for (int i = 0; i < 8; i++) {
    char name[32];
    snprintf(name, sizeof name, "f%d", i);
    codes[i] = ht_rec_code("bench.py", i ? name : "<module>", 1 + 10 * i);
  }
  uint32_t parent = 0;
  for (int i = 0; i < 256; i++) {
    if (i % 6 == 0) parent = 0;
    uint32_t id = ht_rec_stack(parent, codes[i % 8], 3 + (uint32_t)(rnd() % 40));
    stacks[nstacks++] = id;
    parent = id;
  }
  ht_rec_set_stack_fn(stack_fn, NULL);
  size_t ntrace;
  tev *trace = make_trace(native ? 200000 : 1000000, stacks, nstacks, &ntrace);

  double t0 = now_s(), spent = 0;
  double cpu_vm0 = clock_s(CLOCK_THREAD_CPUTIME_ID), cpu_all0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
  long long done = 0;
  while (done < events) {
    double a = now_s();
    size_t n = ntrace;
    if ((long long)n > events - done) n = (size_t)(events - done);
    for (size_t i = 0; i < n; i++) {
      const tev *e = &trace[i];
      cur_stack = e->stack;
      if (e->kind == HT_EV_MARK) ht_rec_mark("phase");
      else ht_rec_event(e->kind, e->tag, e->obj, e->old, e->size);
    }
    spent += now_s() - a;
    done += (long long)n;
  }
  if (ht_rec_flush()) {
    fprintf(stderr, "bench-recorder: %s\n", ht_rec_error());
    return 1;
  }
  double t1 = now_s();
  double cpu_vm = clock_s(CLOCK_THREAD_CPUTIME_ID) - cpu_vm0;
  double cpu_writer = clock_s(CLOCK_PROCESS_CPUTIME_ID) - cpu_all0 - cpu_vm;
  long long logged = (long long)ht_rec_seq();
  long long raw = q(path, "SELECT sum(length(data)) FROM chunk");
  long long disk = fsize(path, "") + fsize(path, "-wal");
  double c0 = now_s();
  if (ht_rec_close(0)) {
    fprintf(stderr, "bench-recorder: %s\n", ht_rec_error());
    return 1;
  }
  double c1 = now_s();
  printf("bench-recorder: %lld events (%zu-event trace replayed)%s\n", logged, ntrace,
         native ? ", native stacks" : "");
  printf("  log ev/s       %.1fM  (time in ht_rec_event: %.3f s)\n", logged / spent / 1e6, spent);
  printf("  sustained      %.1fM ev/s  (until the last commit: %.3f s)\n", logged / (t1 - t0) / 1e6, t1 - t0);
  printf("  CPU ns/event   VM thread %.1f (incl. this loop), writer thread %.1f: "
         "%.1fM ev/s on two idle cores\n", cpu_vm / logged * 1e9, cpu_writer / logged * 1e9,
         logged / (cpu_vm > cpu_writer ? cpu_vm : cpu_writer) / 1e6);
  printf("  raw B/ev       %.2f  (chunk BLOBs %lld bytes)\n", (double)raw / logged, raw);
  printf("  file B/ev      %.2f  (profile + WAL before finalizing: %lld bytes)\n", (double)disk / logged, disk);
  printf("  close          %.2f s; final file %.1f MB, %.2f B/ev (%lld objects)\n", c1 - c0,
         fsize(path, "") / 1048576.0, (double)fsize(path, "") / logged, q(path, "SELECT count(*) FROM object"));
  free(trace);
  if (remove_after) {
    char side[4200];
    unlink(path);
    snprintf(side, sizeof side, "%s-wal", path);
    unlink(side);
    snprintf(side, sizeof side, "%s-shm", path);
    unlink(side);
  }
  return 0;
}
