/*
** bench-analysis.c -- how long `heaptrail report` and `heaptrail leaks` take
** on a large profile.
**
** Usage: bench-analysis [EVENTS] [PROFILE] [--keep] [--reuse]
**   EVENTS   events to record (default 50000000)
**   PROFILE  where to write it (default: a temporary file, removed unless
**            --keep); --reuse analyses an existing PROFILE without recording
**
** The profile is recorded through the recorder API, as the VM would: code
** locations and a stack tree of a few thousand nodes (call paths up to 12
** deep), a stack callback, ht_rec_event for every ALLOC/FREE/REALLOC, marks
** every million events, and the "heaptrail:teardown" mark before a final
** teardown that frees everything.  The event mix is VM-like: mostly short
** lives (frames, ints, temporaries freed within a few events), a long-lived
** population that grows to about a million objects over the first 60% of
** the run and shrinks after, list item arrays growing by REALLOC, and some
** VM-internal tags.  Addresses come from a per-tag LIFO free list, so they
** are reused as an allocator reuses them.
**
** Then each analysis runs the way the command does -- open the profile
** (ht_ana_open), build, print to /dev/null -- and its wall time is printed:
** report (text and json), leaks at exit, leaks --between two marks, flame at
** the peak.  Both wall time and CPU time (all threads: report runs its pass
** over the events on a second thread) are printed, with the load average,
** since on a shared machine the wall time says more about the neighbours.
** Benchmarks measure; they never pass or fail.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "analysis.h"
#include "recorder.h"
#include "tags.h"

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static uint64_t rng = 0x9e3779b97f4a7c15ull;
static uint64_t rnd(void) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng;
}

static uint32_t cur_stack;
static uint32_t stack_fn(void *ud) {
  (void)ud;
  return cur_stack;
}

/* ---- addresses: a LIFO free list per tag ---- */

typedef struct addrs {
  uint64_t next;               /* next fresh address */
  uint64_t *free;              /* freed addresses (owned) */
  size_t n, cap;
} addrs;

static addrs pool[HT_NTAGS];

static uint64_t addr_get(int tag, uint64_t size) {
  addrs *p = &pool[tag];
  if (p->n) return p->free[--p->n];
  if (!p->next) p->next = 0x100000000000ull + ((uint64_t)tag << 36);
  uint64_t a = p->next;
  p->next += (size + 15) & ~15ull;
  return a;
}

static void addr_put(int tag, uint64_t a) {
  addrs *p = &pool[tag];
  if (p->n == p->cap) {
    p->cap = p->cap ? p->cap * 2 : 1024;
    p->free = realloc(p->free, p->cap * sizeof *p->free);
    if (!p->free) abort();
  }
  p->free[p->n++] = a;
}

/* ---- the long-lived population ---- */

typedef struct obj {
  uint64_t addr, size;
  uint32_t stack;
  uint8_t tag;
} obj;

static obj *longs;
static size_t nlong, caplong;

static uint64_t events;        /* memory events logged */

static void ev_alloc(int tag, uint64_t size, uint64_t *addr) {
  *addr = addr_get(tag, size);
  ht_rec_event(HT_EV_ALLOC, (ht_tag)tag, (uintptr_t)*addr, 0, size);
  events++;
}

static void ev_free(int tag, uint64_t addr, uint64_t size) {
  ht_rec_event(HT_EV_FREE, (ht_tag)tag, (uintptr_t)addr, 0, size);
  addr_put(tag, addr);
  events++;
}

static const int short_tags[] = { HT_TAG_FRAME, HT_TAG_INT, HT_TAG_INT, HT_TAG_STR, HT_TAG_TUPLE,
                                  HT_TAG_FLOAT, HT_TAG_METHOD, HT_TAG_ITERATOR, HT_TAG_STACK };
static const int long_tags[] = { HT_TAG_STR, HT_TAG_DICT, HT_TAG_INSTANCE, HT_TAG_TUPLE, HT_TAG_INT,
                                 HT_TAG_FUNCTION, HT_TAG_CELL, HT_TAG_LIST, HT_TAG_INTERN };

static uint64_t size_of(int tag) {
  switch (tag) {
  case HT_TAG_FRAME: return 200 + rnd() % 400;
  case HT_TAG_INT: case HT_TAG_FLOAT: return 32;
  case HT_TAG_STR: case HT_TAG_INTERN: return 50 + rnd() % 120;
  case HT_TAG_TUPLE: return 40 + 8 * (rnd() % 8);
  case HT_TAG_DICT: return 232 + 64 * (rnd() % 4);
  case HT_TAG_FUNCTION: return 144;
  case HT_TAG_CELL: return 48;
  case HT_TAG_LIST: return 56;
  default: return 48 + rnd() % 64;
  }
}

static int record(const char *path, uint64_t target) {
  ht_rec_options o;
  memset(&o, 0, sizeof o);
  o.script = "/bench/synthetic.py";
  o.argv = "bench-analysis";
  if (ht_rec_open(path, &o)) {
    fprintf(stderr, "bench-analysis: %s\n", ht_rec_error());
    return -1;
  }
  ht_rec_set_stack_fn(stack_fn, NULL);
  /* 120 functions in 12 files; a stack tree built by random descent. */
  uint32_t codes[120];
  for (int i = 0; i < 120; i++) {
    char file[64], name[64];
    snprintf(file, sizeof file, "/bench/mod%d.py", i % 12);
    snprintf(name, sizeof name, i ? "func_%d" : "<module>", i);
    codes[i] = ht_rec_code(file, name, 1 + i * 10);
  }
  enum { NNODES = 4000 };
  static uint32_t node[NNODES], depth[NNODES];
  node[0] = ht_rec_stack(0, codes[0], 1);
  depth[0] = 1;
  for (int i = 1; i < NNODES; i++) {
    int parent = (int)(rnd() % (uint64_t)i);
    if (depth[parent] >= 12) parent = 0;
    node[i] = ht_rec_stack(node[parent], codes[1 + rnd() % 119], 1 + (uint32_t)(rnd() % 40));
    depth[i] = depth[parent] + 1;
  }
  uint64_t pend_addr[8], pend_size[8];
  int pend_tag[8], npend = 0;
  uint64_t list_items = 0, list_cap = 0;
  double t0 = now_s();
  uint64_t mark_every = target / 50 ? target / 50 : 1, next_mark = mark_every;
  int mark_no = 0;
  uint64_t teardown_at = target - 1100000;   /* leave room for the teardown frees */
  while (events < teardown_at) {
    /* Skewed choice of the current line: a few hot nodes. */
    uint64_t r = rnd();
    cur_stack = node[(r & 7) ? (r >> 8) % 64 : (r >> 8) % NNODES];
    double phase = (double)events / (double)teardown_at;
    int grow = phase < 0.6;
    unsigned what = (unsigned)(rnd() % 100);
    if (what < 70) {
      /* A short life: allocate, maybe something else, free soon. */
      int tag = short_tags[rnd() % (sizeof short_tags / sizeof *short_tags)];
      uint64_t size = size_of(tag), a;
      ev_alloc(tag, size, &a);
      if (npend == 8 || rnd() % 3 == 0) {
        ev_free(tag, a, size);
      } else {
        pend_addr[npend] = a;
        pend_size[npend] = size;
        pend_tag[npend++] = tag;
      }
      while (npend && rnd() % 2) {
        npend--;
        ev_free(pend_tag[npend], pend_addr[npend], pend_size[npend]);
      }
    } else if (what < 80) {
      /* A long-lived object: 10% of steps while growing, 5% after. */
      if (!grow && rnd() % 2) continue;
      int tag = long_tags[rnd() % (sizeof long_tags / sizeof *long_tags)];
      if (nlong == caplong) {
        caplong = caplong ? caplong * 2 : 1 << 16;
        longs = realloc(longs, caplong * sizeof *longs);
        if (!longs) abort();
      }
      obj *ob = &longs[nlong++];
      ob->tag = (uint8_t)tag;
      ob->size = size_of(tag);
      ob->stack = cur_stack;
      ev_alloc(tag, ob->size, &ob->addr);
    } else if (what < 88) {
      /* A long life ends: 4.5% of steps while growing, 8% after. */
      if (!nlong || (grow && rnd() % 100 >= 56)) continue;
      size_t k = rnd() % nlong;
      ev_free(longs[k].tag, longs[k].addr, longs[k].size);
      longs[k] = longs[--nlong];
    } else {
      /* One list grows by appends: its item array is reallocated. */
      if (list_cap == 0 || list_items == list_cap) {
        uint64_t ncap = (list_items + 1 + ((list_items + 1) >> 3) + 6) & ~3ull;
        if (ncap > 100000) {   /* a new list */
          if (list_cap) ev_free(HT_TAG_LIST, 0x7e0000000000ull, list_cap * 8);
          list_items = 0;
          list_cap = 0;
          ncap = 4;
        }
        if (!list_cap) {
          ht_rec_event(HT_EV_REALLOC, HT_TAG_LIST, 0x7e0000000000ull, 0, ncap * 8);
        } else {
          ht_rec_event(HT_EV_REALLOC, HT_TAG_LIST, 0x7e0000000000ull, 0x7e0000000000ull, ncap * 8);
        }
        events++;
        list_cap = ncap;
      }
      list_items++;
    }
    if (events >= next_mark) {
      char label[32];
      snprintf(label, sizeof label, "m%d", ++mark_no);
      ht_rec_mark(label);
      next_mark += mark_every;
    }
  }
  cur_stack = 0;
  while (npend) {
    npend--;
    ev_free(pend_tag[npend], pend_addr[npend], pend_size[npend]);
  }
  ht_rec_mark(HT_TEARDOWN_MARK);
  size_t live_at_exit = nlong;
  while (nlong) {
    nlong--;
    ev_free(longs[nlong].tag, longs[nlong].addr, longs[nlong].size);
  }
  if (list_cap) ev_free(HT_TAG_LIST, 0x7e0000000000ull, list_cap * 8);
  /* Pad with short lives up to the target. */
  while (events + 2 <= target) {
    uint64_t a;
    ev_alloc(HT_TAG_INT, 32, &a);
    ev_free(HT_TAG_INT, a, 32);
  }
  double t1 = now_s();
  ht_rec_set_stack_fn(NULL, NULL);
  if (ht_rec_close(0)) {
    fprintf(stderr, "bench-analysis: %s\n", ht_rec_error());
    return -1;
  }
  double t2 = now_s();
  printf("recorded %llu memory events (%zu objects alive at the teardown mark) in %.1f s; "
         "finalized in %.1f s\n",
         (unsigned long long)events, live_at_exit, t1 - t0, t2 - t1);
  free(longs);
  for (int t = 0; t < HT_NTAGS; t++) free(pool[t].free);
  return 0;
}

#define S(x) ((char *)(x))

static double cpu_s(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 + (double)ru.ru_stime.tv_sec +
         (double)ru.ru_stime.tv_usec * 1e-6;
}

/* Run CMD(ARGV) with stdout to /dev/null; returns the wall time, *CPU the
** CPU time of all the process's threads. */
static double timed(int (*cmd)(int, char **), int argc, char **argv, int *status, double *cpu) {
  fflush(stdout);
  double c0 = cpu_s();
  int saved = dup(1);
  FILE *devnull = fopen("/dev/null", "w");
  dup2(fileno(devnull), 1);
  double t0 = now_s();
  *status = cmd(argc, argv);
  fflush(stdout);
  double t = now_s() - t0;
  *cpu = cpu_s() - c0;
  dup2(saved, 1);
  close(saved);
  fclose(devnull);
  return t;
}

int main(int argc, char **argv) {
  uint64_t target = 50000000;
  const char *path = NULL;
  int keep = 0, reuse = 0;
  char tmp[] = "/tmp/bench-analysis-XXXXXX";
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--keep")) keep = 1;
    else if (!strcmp(argv[i], "--reuse")) reuse = keep = 1;
    else if (argv[i][0] >= '0' && argv[i][0] <= '9') target = strtoull(argv[i], NULL, 10);
    else path = argv[i];
  }
  if (reuse && !path) {
    fprintf(stderr, "bench-analysis: --reuse needs a PROFILE\n");
    return 2;
  }
  char pathbuf[512];
  if (!path) {
    if (!mkdtemp(tmp)) {
      perror("mkdtemp");
      return 1;
    }
    snprintf(pathbuf, sizeof pathbuf, "%s/bench.db", tmp);
    path = pathbuf;
  }
  if (!reuse && record(path, target)) return 1;

  char *p = (char *)path;
  struct {
    const char *what;
    int (*cmd)(int, char **);
    char *argv[8];
    int argc;
  } runs[] = {
    { "report (text)", ht_cmd_report, { S("report"), p }, 2 },
    { "report --format json", ht_cmd_report, { S("report"), p, S("--format"), S("json") }, 4 },
    { "leaks (at exit)", ht_cmd_leaks, { S("leaks"), p }, 2 },
    { "leaks --between m10 m30", ht_cmd_leaks, { S("leaks"), p, S("--between"), S("m10"), S("m30") }, 5 },
    { "leaks --format html", ht_cmd_leaks, { S("leaks"), p, S("--format"), S("html") }, 4 },
    { "flame --metric peak", ht_cmd_flame, { S("flame"), p, S("--folded") }, 3 },
    { "flame --metric total", ht_cmd_flame, { S("flame"), p, S("--folded"), S("--metric"), S("total") }, 5 },
  };
  double load[3] = { 0, 0, 0 };
  FILE *lf = fopen("/proc/loadavg", "r");
  if (lf) {
    if (fscanf(lf, "%lf %lf %lf", &load[0], &load[1], &load[2]) != 3) load[0] = -1;
    fclose(lf);
  }
  printf("  machine load average %.2f (wall times stretch when other jobs share the cores)\n", load[0]);
  printf("  %-26s %9s %9s\n", "command", "wall", "cpu");
  for (size_t i = 0; i < sizeof runs / sizeof *runs; i++) {
    int status;
    double cpu;
    double t = timed(runs[i].cmd, runs[i].argc, runs[i].argv, &status, &cpu);
    printf("  %-26s %7.2f s %7.2f s%s\n", runs[i].what, t, cpu, status ? "  (failed)" : "");
  }
  /* The phases of a report, on a fresh context. */
  ht_ana *a;
  char err[1024];
  double t0 = now_s();
  if (ht_ana_open(&a, path, err, sizeof err)) {
    fprintf(stderr, "bench-analysis: %s\n", err);
    return 1;
  }
  double t1 = now_s();
  ht_peak pk;
  ht_ana_peak(a, HT_SEL_OBJECTS, &pk, err, sizeof err);
  double t2 = now_s();
  ht_site_set s;
  ht_site_set_init(&s);
  ht_ana_live_at(a, pk.seq, 0, &s, err, sizeof err);
  double t3 = now_s();
  printf("  phases: open %.2f s, exact peak %.2f s (%.1f MB at seq %lld), live set at the peak "
         "%.2f s (%zu sites)\n",
         t1 - t0, t2 - t1, (double)pk.bytes / 1e6, (long long)pk.seq, t3 - t2, s.n);
  printf("  profile: %lld events, %lld objects, %lld level-0 buckets of %lld events\n",
         (long long)a->nevents, (long long)a->nobjects, (long long)a->nbuckets, (long long)a->width0);
  ht_site_set_free(&s);
  ht_ana_close(a);
  if (!keep) {
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd)) {}
  } else {
    printf("  profile kept: %s\n", path);
  }
  return 0;
}
