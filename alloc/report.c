/*
** report.c -- `heaptrail report`: the summary of a profile (analysis.h).
**
** What it gathers, and from where:
**   the peaks       exact, by ht_ana_peak (object tags; all tags);
**   peak RSS        the largest `sample.rss`;
**   per tag         at exit and at the peak from the live sets, the tag's own
**                   peak from the series, totals from `site`;
**   top sites       the live set at the object peak, and `site` by bytes
**                   allocated (alloc_bytes: objects created and their sizes
**                   when created; REALLOC activity is the reallocs column);
**   temporaries     one pass over the event log, decoded straight from the
**                   chunks (see below);
**   advice          advice.c, fed with the peak, the live set at exit and the
**                   per-line churn figures of the same pass.
**
** Temporary allocations, as heaptrack counts them: an allocation is
** temporary when it is freed before any other object is allocated -- no
** ALLOC (or REALLOC that creates a block) of any tag comes between its
** allocation and its free.  With --temp-window K, an allocation freed within
** K events of its own allocation is temporary as well (K = 0, the default,
** keeps heaptrack's rule alone).  In `object` terms: a row is temporary when
** its free_seq is smaller than the next row's id, or free_seq - id <= K.  The
** pass finds them in the event stream instead -- a FREE of the block created
** last, or of one created within K events -- because one decode of the
** chunks costs a tenth of stepping through `object` row by row.  Objects
** that existed before the recording began, and objects freed by the
** interpreter's teardown (after the exit moment), are never temporaries.
**
** The same pass follows, for the churn detector, the function and cell
** objects of the candidate lines: a count per line of those alive, and its
** maximum.
*/
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"
#include "encode.h"
#include "jsonout.h"
#include "recorder.h"

void ht_report_defaults(ht_report_opts *o) {
  memset(o, 0, sizeof *o);
  o->top = 10;
  o->temp_window = 0;
  ht_advice_defaults(&o->advice);
}

void ht_report_free(ht_report *r) {
  if (!r) return;
  free(r->tags);
  ht_site_set_free(&r->at_peak);
  ht_site_set_free(&r->by_total);
  ht_site_set_free(&r->temps);
  ht_site_set_free(&r->at_exit);
  free(r->findings);
  free(r);
}

/* ---- the event pass ---- */

/* A small map from (address, tag) to what is known of the block living
** there: open addressing, linear probing, backward-shift deletion. */
typedef struct aentry {
  uint64_t key;                /* address | tag << 56; 0 = empty */
  int64_t seq;                 /* seq of the creating event */
  int64_t val;                 /* stack node, or churn group + 1 */
} aentry;

typedef struct amap {
  aentry *v;                   /* (owned) */
  size_t mask, n;
} amap;

static uint64_t akey(uint64_t addr, unsigned tag) {
  return (addr & 0x00ffffffffffffffull) | (uint64_t)tag << 56 | 1ull << 55;
}

static size_t aslot(const amap *m, uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdull;
  key ^= key >> 33;
  return (size_t)key & m->mask;
}

static aentry *amap_find(const amap *m, uint64_t key) {
  if (!m->v) return NULL;
  for (size_t i = aslot(m, key);; i = (i + 1) & m->mask) {
    if (!m->v[i].key) return NULL;
    if (m->v[i].key == key) return &m->v[i];
  }
}

static int amap_put(amap *m, uint64_t key, int64_t seq, int64_t val) {
  if (!m->v || (m->n + 1) * 4 > (m->mask + 1) * 3) {
    size_t cap = m->v ? (m->mask + 1) * 2 : 1024;
    aentry *nv = calloc(cap, sizeof *nv);
    if (!nv) return -1;
    amap old = *m;
    m->v = nv;
    m->mask = cap - 1;
    m->n = 0;
    for (size_t i = 0; old.v && i <= old.mask; i++)
      if (old.v[i].key) amap_put(m, old.v[i].key, old.v[i].seq, old.v[i].val);
    free(old.v);
  }
  aentry *e = amap_find(m, key);
  if (!e) {
    size_t i = aslot(m, key);
    while (m->v[i].key) i = (i + 1) & m->mask;
    e = &m->v[i];
    m->n++;
  }
  e->key = key;
  e->seq = seq;
  e->val = val;
  return 0;
}

static void amap_del(amap *m, aentry *e) {
  size_t i = (size_t)(e - m->v);
  for (size_t j = (i + 1) & m->mask;; j = (j + 1) & m->mask) {
    if (!m->v[j].key) break;
    size_t home = aslot(m, m->v[j].key);
    if (((j - home) & m->mask) >= ((j - i) & m->mask)) {
      m->v[i] = m->v[j];
      i = j;
    }
  }
  m->v[i].key = 0;
  m->n--;
}

typedef struct ring_ent {
  uint64_t key;
  int64_t seq;
} ring_ent;

typedef struct epass {
  ht_report *r;                /* receives the temporaries */
  int64_t exit_seq;            /* frees after this are teardown: never temporaries */
  int64_t window;              /* --temp-window K */
  /* heaptrack's rule: the most recent creation, while it is the most recent */
  int have_last;
  uint64_t last_key;
  uint32_t last_stack;
  /* the window: recent creations, and a FIFO of them to forget the old */
  amap recent;
  ring_ent *ring;              /* (owned) */
  size_t ring_cap, ring_head, ring_n;
  /* churn */
  ht_line_group *groups;       /* (borrowed) */
  size_t ngroups;
  const ht_site_set *map;      /* (stack, tag) -> group + 1 (borrowed) */
  int64_t *live;               /* per group: alive now (owned) */
  amap owner;                  /* block -> group + 1, for the groups' blocks */
  uint32_t memo_stack;         /* last (stack, tag) looked up ... */
  int memo_tag;
  int64_t memo_group;          /* ... and its group + 1 */
} epass;

static int add_temp(epass *p, uint32_t stack, unsigned tag, int64_t size, int64_t seq) {
  ht_site_stat *s = ht_site_set_get(&p->r->temps, stack, (int)tag);
  if (!s) return -1;
  s->count++;
  s->bytes += size;
  if (seq < s->first) s->first = seq;
  p->r->temp_count++;
  p->r->temp_bytes += size;
  return 0;
}

static int64_t group_of(epass *p, uint32_t stack, int tag) {
  if (stack != p->memo_stack || tag != p->memo_tag) {
    const ht_site_stat *m = ht_site_set_find(p->map, stack, tag);
    p->memo_stack = stack;
    p->memo_tag = tag;
    p->memo_group = m ? m->count : 0;
  }
  return p->memo_group;
}

static int on_create(epass *p, const ht_event *e, uint64_t key) {
  p->have_last = 1;
  p->last_key = key;
  p->last_stack = e->stack;
  if (p->window > 0) {
    int64_t seq = (int64_t)e->seq;
    while (p->ring_n && p->ring[p->ring_head].seq < seq - p->window) {
      aentry *x = amap_find(&p->recent, p->ring[p->ring_head].key);
      if (x && x->seq == p->ring[p->ring_head].seq) amap_del(&p->recent, x);
      p->ring_head = (p->ring_head + 1) % p->ring_cap;
      p->ring_n--;
    }
    if (p->ring_n == p->ring_cap) {
      size_t cap = p->ring_cap ? p->ring_cap * 2 : 256;
      ring_ent *nr = malloc(cap * sizeof *nr);
      if (!nr) return -1;
      for (size_t k = 0; k < p->ring_n; k++) nr[k] = p->ring[(p->ring_head + k) % p->ring_cap];
      free(p->ring);
      p->ring = nr;
      p->ring_cap = cap;
      p->ring_head = 0;
    }
    p->ring[(p->ring_head + p->ring_n++) % p->ring_cap] = (ring_ent){ key, seq };
    if (amap_put(&p->recent, key, seq, e->stack)) return -1;
  }
  if (p->ngroups) {
    int64_t g = group_of(p, e->stack, e->tag);
    if (g) {
      ht_line_group *lg = &p->groups[g - 1];
      if (++p->live[g - 1] > lg->max_alive) lg->max_alive = p->live[g - 1];
      if ((int64_t)e->seq < lg->first) lg->first = (int64_t)e->seq;
      if (amap_put(&p->owner, key, (int64_t)e->seq, g)) return -1;
    }
  }
  return 0;
}

static int on_free(epass *p, const ht_event *e, uint64_t key) {
  int64_t seq = (int64_t)e->seq;
  int counted = 0;
  if (p->have_last && p->last_key == key) {
    p->have_last = 0;
    if (seq <= p->exit_seq) {
      if (add_temp(p, p->last_stack, e->tag, (int64_t)e->size, seq)) return -1;
      counted = 1;
    }
  }
  if (p->window > 0) {
    aentry *x = amap_find(&p->recent, key);
    if (x) {
      if (!counted && seq <= p->exit_seq && seq - x->seq <= p->window &&
          add_temp(p, (uint32_t)x->val, e->tag, (int64_t)e->size, seq))
        return -1;
      amap_del(&p->recent, x);
    }
  }
  if (p->ngroups) {
    aentry *x = amap_find(&p->owner, key);
    if (x) {
      p->live[x->val - 1]--;
      amap_del(&p->owner, x);
    }
  }
  return 0;
}

/* A block moves (REALLOC of a known block): keep following it. */
static int on_move(epass *p, const ht_event *e, uint64_t from, uint64_t to) {
  if (p->have_last && p->last_key == from) p->last_key = to;
  if (from == to) return 0;
  aentry *x;
  if (p->window > 0 && (x = amap_find(&p->recent, from))) {
    int64_t s = x->seq, v = x->val;
    amap_del(&p->recent, x);
    if (amap_put(&p->recent, to, s, v)) return -1;
  }
  if (p->ngroups && (x = amap_find(&p->owner, from))) {
    int64_t s = x->seq, v = x->val;
    amap_del(&p->owner, x);
    if (amap_put(&p->owner, to, s, v)) return -1;
  }
  (void)e;
  return 0;
}

static int epass_chunk(void *ud, const ht_event *ev, size_t n) {
  epass *p = ud;
  for (size_t i = 0; i < n; i++) {
    const ht_event *e = &ev[i];
    uint64_t key = akey(e->obj, e->tag);
    int rc = 0;
    switch (e->kind) {
    case HT_EV_ALLOC: rc = on_create(p, e, key); break;
    case HT_EV_FREE: rc = on_free(p, e, key); break;
    case HT_EV_REALLOC:
      rc = e->old ? on_move(p, e, akey(e->old, e->tag), key) : on_create(p, e, key);
      break;
    default: break;
    }
    if (rc) return -1;
  }
  return 0;
}

/* The pass runs in a worker thread with its own read-only connection (it
** only reads `chunk`), while the main thread computes the live sets: the
** two take about as long, and the machine has two cores.  When the thread or
** its connection cannot be had, the pass runs inline. */
typedef struct worker {
  ht_ana *a;                   /* (borrowed; the worker reads path and nevents) */
  epass p;                     /* the pass's state */
  int rc;                      /* the scan's result */
  int threaded;                /* the thread was started */
  pthread_t tid;
  char err[1024];
} worker;

static void *worker_main(void *arg) {
  worker *w = arg;
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(w->a->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
    snprintf(w->err, sizeof w->err, "%s: %s", w->a->path, db ? sqlite3_errmsg(db) : "out of memory");
    w->rc = -1;
  } else {
    sqlite3_busy_timeout(db, 5000);
    sqlite3_exec(db, "PRAGMA mmap_size=2147418112", NULL, NULL, NULL);
    w->rc = ht_ana_scan_db(db, w->a->path, 0, w->a->nevents - 1, epass_chunk, &w->p, w->err, sizeof w->err);
  }
  sqlite3_close_v2(db);
  return NULL;
}

static int event_pass_start(ht_ana *a, ht_report *r, worker *w, ht_line_group *groups, size_t ngroups,
                            const ht_site_set *map, char *err, size_t errsz) {
  memset(w, 0, sizeof *w);
  w->a = a;
  epass *p = &w->p;
  p->r = r;
  p->exit_seq = r->exit_seq;
  p->window = r->opts.temp_window;
  p->groups = groups;
  p->ngroups = ngroups;
  p->map = map;
  p->memo_stack = UINT32_MAX;
  p->memo_tag = -1;
  p->live = calloc(ngroups ? ngroups : 1, sizeof *p->live);
  if (!p->live) {
    snprintf(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  if (a->nevents > 0 && !getenv("HT_ANA_NO_THREADS") && pthread_create(&w->tid, NULL, worker_main, w) == 0)
    w->threaded = 1;
  return 0;
}

/* Wait for (or run) the pass; returns 0 on success. */
static int event_pass_finish(ht_ana *a, worker *w, char *err, size_t errsz) {
  if (w->threaded) {
    pthread_join(w->tid, NULL);
    w->threaded = 0;
    if (w->rc && !w->err[0]) snprintf(w->err, sizeof w->err, "%s: out of memory", a->path);
    /* The worker's own connection failed (not the data): run it here. */
    if (w->rc && !strstr(w->err, "corrupt") && !strstr(w->err, "out of memory")) {
      w->err[0] = 0;
      w->rc = 1;
    }
  } else {
    w->rc = 1;
  }
  if (w->rc == 1)
    w->rc = a->nevents > 0 ? ht_ana_scan(a, 0, a->nevents - 1, epass_chunk, &w->p, w->err, sizeof w->err) : 0;
  if (w->rc) snprintf(err, errsz, "%s", w->err[0] ? w->err : "out of memory");
  free(w->p.live);
  free(w->p.recent.v);
  free(w->p.ring);
  free(w->p.owner.v);
  memset(&w->p, 0, sizeof w->p);
  return w->rc ? -1 : 0;
}

/* ---- building ---- */

static int rss_peak(ht_ana *a, ht_report *r) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT rss, seq, t FROM sample WHERE rss IS NOT NULL AND rss > 0 "
                                "ORDER BY rss DESC, seq LIMIT 1",
                         -1, &st, NULL) != SQLITE_OK)
    return -1;
  if (sqlite3_step(st) == SQLITE_ROW) {
    r->has_rss = 1;
    r->rss_peak = sqlite3_column_int64(st, 0);
    r->rss_seq = sqlite3_column_int64(st, 1);
    r->rss_t = sqlite3_column_int64(st, 2);
  }
  sqlite3_finalize(st);
  return 0;
}

static ht_tag_summary *tag_row(ht_report *r, int tag) {
  for (int i = 0; i < r->ntags; i++)
    if (r->tags[i].tag == tag) return &r->tags[i];
  return NULL;
}

static int tag_cmp(const void *x, const void *y) {
  const ht_tag_summary *a = x, *b = y;
  return a->tag < b->tag ? -1 : a->tag > b->tag;
}

static int build_tags(ht_ana *a, ht_report *r, char *err, size_t errsz) {
  int64_t *tpeak = calloc(256, sizeof *tpeak);
  r->tags = calloc(256, sizeof *r->tags);
  if (!tpeak || !r->tags) {
    free(tpeak);
    snprintf(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  if (ht_ana_tag_peaks(a, tpeak, err, errsz)) {
    free(tpeak);
    return -1;
  }
  /* Every tag with any activity gets a row. */
  for (int t = 0; t < a->ntags; t++) {
    ht_tag_summary *s = &r->tags[r->ntags];
    memset(s, 0, sizeof *s);
    s->tag = t;
    s->peak_bytes = tpeak[t];
    r->ntags++;
  }
  free(tpeak);
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT tag, sum(allocs), sum(alloc_bytes), sum(reallocs), "
                                "sum(realloc_bytes) FROM site GROUP BY tag",
                         -1, &st, NULL) != SQLITE_OK) {
    snprintf(err, errsz, "%s: %s (reading sites)", a->path, sqlite3_errmsg(a->db));
    return -1;
  }
  while (sqlite3_step(st) == SQLITE_ROW) {
    ht_tag_summary *s = tag_row(r, sqlite3_column_int(st, 0));
    if (!s) continue;
    s->allocs = sqlite3_column_int64(st, 1);
    s->alloc_bytes = sqlite3_column_int64(st, 2);
    s->reallocs = sqlite3_column_int64(st, 3);
    s->realloc_bytes = sqlite3_column_int64(st, 4);
    r->allocs += s->allocs;
    r->alloc_bytes += s->alloc_bytes;
  }
  sqlite3_finalize(st);
  for (size_t i = 0; i < r->at_exit.n; i++) {
    ht_tag_summary *s = tag_row(r, r->at_exit.v[i].tag);
    if (!s) continue;
    s->exit_count += r->at_exit.v[i].count;
    s->exit_bytes += r->at_exit.v[i].bytes;
  }
  for (size_t i = 0; i < r->at_peak.n; i++) {
    ht_tag_summary *s = tag_row(r, r->at_peak.v[i].tag);
    if (!s) continue;
    s->at_peak_count += r->at_peak.v[i].count;
    s->at_peak_bytes += r->at_peak.v[i].bytes;
  }
  for (size_t i = 0; i < r->temps.n; i++) {
    ht_tag_summary *s = tag_row(r, r->temps.v[i].tag);
    if (!s) continue;
    s->temp_count += r->temps.v[i].count;
    s->temp_bytes += r->temps.v[i].bytes;
  }
  /* Drop the tags that never did anything. */
  int k = 0;
  for (int i = 0; i < r->ntags; i++) {
    const ht_tag_summary *s = &r->tags[i];
    if (s->allocs || s->reallocs || s->exit_count || s->peak_bytes || s->at_peak_count)
      r->tags[k++] = *s;
  }
  r->ntags = k;
  qsort(r->tags, (size_t)r->ntags, sizeof *r->tags, tag_cmp);
  return 0;
}

static int load_site_totals(ht_ana *a, ht_report *r, char *err, size_t errsz) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT stack, tag, allocs, alloc_bytes FROM site WHERE allocs > 0", -1,
                         &st, NULL) != SQLITE_OK) {
    snprintf(err, errsz, "%s: %s (reading sites)", a->path, sqlite3_errmsg(a->db));
    return -1;
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    ht_site_stat *s = ht_site_set_get(&r->by_total, (uint32_t)sqlite3_column_int64(st, 0),
                                      sqlite3_column_int(st, 1));
    if (!s) {
      sqlite3_finalize(st);
      snprintf(err, errsz, "%s: out of memory", a->path);
      return -1;
    }
    s->count = sqlite3_column_int64(st, 2);
    s->bytes = sqlite3_column_int64(st, 3);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    snprintf(err, errsz, "%s: %s (reading sites)", a->path, sqlite3_errmsg(a->db));
    return -1;
  }
  return 0;
}

/* HT_ANA_TRACE=1 in the environment prints each phase's wall and CPU time
** to stderr. */
static void phase(const char *what) {
  static int on = -1;
  static double last, last_cpu;
  if (on < 0) on = getenv("HT_ANA_TRACE") && *getenv("HT_ANA_TRACE") == '1';
  if (!on) return;
  struct timespec ts, cs;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cs);
  double t = (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
  double c = (double)cs.tv_sec + (double)cs.tv_nsec * 1e-9;
  if (what) fprintf(stderr, "heaptrail: %-24s %7.3f s  (cpu %.3f s)\n", what, t - last, c - last_cpu);
  last = t;
  last_cpu = c;
}

int ht_report_build(ht_ana *a, const ht_report_opts *o, ht_report **out, char *err, size_t errsz) {
  ht_report *r = calloc(1, sizeof *r);
  ht_line_group *groups = NULL;
  size_t ngroups = 0;
  ht_site_set map;
  worker w;
  int started = 0;
  ht_site_set_init(&map);
  *out = NULL;
  if (!r) {
    snprintf(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  if (o) r->opts = *o;
  else ht_report_defaults(&r->opts);
  if (r->opts.top <= 0) r->opts.top = 10;
  ht_site_set_init(&r->at_peak);
  ht_site_set_init(&r->by_total);
  ht_site_set_init(&r->temps);
  ht_site_set_init(&r->at_exit);
  r->exit_seq = ht_ana_exit_seq(a);
  r->at_teardown = a->teardown_seq >= 0;
  phase(NULL);
  if (ht_advice_churn_groups(a, &r->opts.advice, &groups, &ngroups, &map, err, errsz)) goto fail;
  if (event_pass_start(a, r, &w, groups, ngroups, &map, err, errsz)) goto fail;
  started = 1;
  if (ht_ana_peak(a, HT_SEL_OBJECTS, &r->peak_objects, err, errsz) ||
      ht_ana_peak(a, HT_SEL_ALL, &r->peak_all, err, errsz))
    goto fail;
  phase("peaks");
  if (rss_peak(a, r)) {
    snprintf(err, errsz, "%s: %s (reading samples)", a->path, sqlite3_errmsg(a->db));
    goto fail;
  }
  if (r->peak_objects.seq >= 0 &&
      ht_ana_live_at(a, r->peak_objects.seq, 0, &r->at_peak, err, errsz))
    goto fail;
  phase("live set at the peak");
  if (ht_ana_live_at(a, r->exit_seq, 0, &r->at_exit, err, errsz)) goto fail;
  phase("live set at exit");
  if (load_site_totals(a, r, err, errsz)) goto fail;
  phase("sites");
  started = 0;
  if (event_pass_finish(a, &w, err, errsz)) goto fail;
  phase("event pass (waited for)");
  ht_site_set_free(&map);
  if (build_tags(a, r, err, errsz)) goto fail;
  phase("tags");
  ht_advice_input in = { r->peak_objects, r->exit_seq, &r->at_exit, groups, ngroups };
  if (ht_advice_run(a, &r->opts.advice, &in, &r->findings, &r->nfindings, err, errsz)) goto fail;
  phase("advice");
  free(groups);
  ht_site_set_sort(&r->at_peak);
  ht_site_set_sort(&r->by_total);
  ht_site_set_sort(&r->temps);
  ht_site_set_sort(&r->at_exit);
  *out = r;
  return 0;
fail:
  if (started) {
    char ignored[16];
    event_pass_finish(a, &w, ignored, sizeof ignored);
  }
  free(groups);
  ht_site_set_free(&map);
  ht_report_free(r);
  return -1;
}

/* ---- text ---- */

/* STACK innermost first: the first frame where the cursor is, the others on
** lines of their own after INDENT. */
void ht_print_stack(const ht_ana *a, uint32_t stack, const char *indent, FILE *out) {
  char buf[700];
  if (stack == 0 || stack >= a->nnodes) {
    fprintf(out, "%s\n", ht_ana_frame_str(a, stack, 1, buf, sizeof buf));
    return;
  }
  for (uint32_t s = stack; s && s < a->nnodes; s = a->nodes[s].parent)
    fprintf(out, "%s%s\n", s == stack ? "" : indent, ht_ana_frame_str(a, s, 1, buf, sizeof buf));
}

static void print_sites(const ht_ana *a, const ht_site_set *s, int top, const char *count_label,
                        FILE *out) {
  char b[32];
  if (!s->n) {
    fprintf(out, "  (none)\n");
    return;
  }
  fprintf(out, "  %3s  %10s  %9s  %-10s  %s\n", "#", "bytes", count_label, "tag",
          "stack, innermost first");
  for (size_t i = 0; i < s->n && (int)i < top; i++) {
    const ht_site_stat *e = &s->v[i];
    fprintf(out, "  %3zu  %10s  %9" PRId64 "  %-10s  ", i + 1, ht_fmt_bytes(e->bytes, b, sizeof b),
            e->count, ht_ana_tag_name(a, e->tag));
    ht_print_stack(a, e->stack, "                                          ", out);
  }
  if (s->n > (size_t)top) fprintf(out, "  ... %zu more sites\n", s->n - (size_t)top);
}

static void print_peak(const ht_ana *a, const char *label, const ht_peak *p, FILE *out) {
  char b[32], f[700];
  if (p->seq < 0) {
    fprintf(out, "  %-9s nothing was ever alive\n", label);
    return;
  }
  fprintf(out, "  %-9s %s (%" PRId64 " B) at seq %" PRId64 ", %.3f s, %s\n", label,
          ht_fmt_bytes(p->bytes, b, sizeof b), p->bytes, p->seq, (double)p->t / 1e9,
          ht_ana_frame_str(a, p->stack, 1, f, sizeof f));
}

void ht_report_print_text(const ht_ana *a, const ht_report *r, FILE *out) {
  char b1[32], b2[32], b3[32], b4[32], b5[32];
  fprintf(out, "heaptrail report: %s\n", a->path);
  if (a->script) fprintf(out, "script: %s", a->script);
  else fprintf(out, "script: (unknown)");
  if (a->exit_status >= 0) fprintf(out, " (exit status %" PRId64 ")", a->exit_status);
  fprintf(out, "\n%" PRId64 " events over %.3f s, %" PRId64 " allocations (%s)\n\n", a->nevents,
          (double)a->end_t / 1e9, r->allocs, ht_fmt_bytes(r->alloc_bytes, b1, sizeof b1));

  fprintf(out, "Peak of live bytes\n");
  print_peak(a, "objects", &r->peak_objects, out);
  print_peak(a, "all tags", &r->peak_all, out);
  if (r->has_rss)
    fprintf(out, "  %-9s %s (%" PRId64 " B) sampled at seq %" PRId64 ", %.3f s\n", "RSS",
            ht_fmt_bytes(r->rss_peak, b1, sizeof b1), r->rss_peak, r->rss_seq, (double)r->rss_t / 1e9);
  else
    fprintf(out, "  %-9s no samples in this profile\n", "RSS");
  if (r->at_teardown)
    fprintf(out, "  \"at exit\" is seq %" PRId64 ", the mark %s (before interpreter teardown)\n",
            r->exit_seq, HT_TEARDOWN_MARK);
  else
    fprintf(out, "  \"at exit\" is the end of the log (the profile has no %s mark)\n",
            HT_TEARDOWN_MARK);

  fprintf(out, "\nPer tag\n");
  fprintf(out, "  %-10s %-8s  %21s  %10s  %21s  %21s  %9s  %9s\n", "", "", "at exit", "peak",
          "at the peak", "allocated", "reallocs", "temporary");
  fprintf(out, "  %-10s %-8s  %9s %11s  %10s  %9s %11s  %9s %11s  %9s  %9s\n", "tag", "kind", "count",
          "bytes", "bytes", "count", "bytes", "count", "bytes", "count", "count");
  ht_tag_summary tot;
  memset(&tot, 0, sizeof tot);
  for (int i = 0; i < r->ntags; i++) {
    const ht_tag_summary *s = &r->tags[i];
    fprintf(out, "  %-10s %-8s  %9" PRId64 " %11s  %10s  %9" PRId64 " %11s  %9" PRId64 " %11s  %9" PRId64
                 "  %9" PRId64 "\n",
            ht_ana_tag_name(a, s->tag), ht_ana_tag_is_internal(a, s->tag) ? "internal" : "object",
            s->exit_count, ht_fmt_bytes(s->exit_bytes, b1, sizeof b1),
            ht_fmt_bytes(s->peak_bytes, b2, sizeof b2), s->at_peak_count,
            ht_fmt_bytes(s->at_peak_bytes, b3, sizeof b3), s->allocs,
            ht_fmt_bytes(s->alloc_bytes, b4, sizeof b4), s->reallocs, s->temp_count);
    tot.exit_count += s->exit_count;
    tot.exit_bytes += s->exit_bytes;
    tot.at_peak_count += s->at_peak_count;
    tot.at_peak_bytes += s->at_peak_bytes;
    tot.allocs += s->allocs;
    tot.alloc_bytes += s->alloc_bytes;
    tot.reallocs += s->reallocs;
    tot.temp_count += s->temp_count;
  }
  fprintf(out, "  %-10s %-8s  %9" PRId64 " %11s  %10s  %9" PRId64 " %11s  %9" PRId64 " %11s  %9" PRId64
               "  %9" PRId64 "\n",
          "total", "", tot.exit_count, ht_fmt_bytes(tot.exit_bytes, b1, sizeof b1),
          ht_fmt_bytes(r->peak_all.bytes, b2, sizeof b2), tot.at_peak_count,
          ht_fmt_bytes(tot.at_peak_bytes, b3, sizeof b3), tot.allocs,
          ht_fmt_bytes(tot.alloc_bytes, b4, sizeof b4), tot.reallocs, tot.temp_count);
  fprintf(out, "  (\"at the peak\" is the object peak; the total's peak is the all-tags peak)\n");

  fprintf(out, "\nTop allocation sites at the peak (seq %" PRId64 ")\n", r->peak_objects.seq);
  print_sites(a, &r->at_peak, r->opts.top, "alive", out);
  fprintf(out, "\nTop allocation sites by bytes allocated\n");
  print_sites(a, &r->by_total, r->opts.top, "allocs", out);
  fprintf(out, "\nTemporary allocations: %" PRId64 " (%s), freed before any other allocation",
          r->temp_count, ht_fmt_bytes(r->temp_bytes, b5, sizeof b5));
  if (r->opts.temp_window > 0) fprintf(out, " or within %" PRId64 " events", r->opts.temp_window);
  fprintf(out, "\n");
  if (r->temps.n) print_sites(a, &r->temps, r->opts.top, "temps", out);

  fprintf(out, "\nAdvice\n");
  if (!r->nfindings) fprintf(out, "  no findings\n");
  /* At most --top findings of each kind (they come sorted by kind). */
  size_t shown = 0;
  for (size_t i = 0; i < r->nfindings;) {
    size_t k = i;
    while (k < r->nfindings && r->findings[k].kind == r->findings[i].kind) k++;
    for (size_t j = i; j < k && j - i < (size_t)r->opts.top; j++) {
      char text[2048];
      fprintf(out, "  %zu. [%s] %s\n", ++shown, ht_finding_kind_name(r->findings[j].kind),
              ht_finding_text(a, &r->findings[j], text, sizeof text));
    }
    if (k - i > (size_t)r->opts.top)
      fprintf(out, "  ... %zu more %s findings (--top, or --format json for all)\n", k - i - (size_t)r->opts.top,
              ht_finding_kind_name(r->findings[i].kind));
    i = k;
  }
}

/* ---- JSON ---- */

void ht_json_stack(ht_json *j, const ht_ana *a, uint32_t stack) {
  ht_json_begin_array(j);
  for (uint32_t s = stack; s && s < a->nnodes; s = a->nodes[s].parent) {
    const ht_code_loc *c = &a->codes[a->nodes[s].code];
    ht_json_begin_object(j);
    ht_json_key(j, "file");
    ht_json_str(j, c->filename ? c->filename : "?");
    ht_json_key(j, "line");
    ht_json_int(j, a->nodes[s].line);
    ht_json_key(j, "qualname");
    ht_json_str(j, c->qualname ? c->qualname : "?");
    ht_json_end(j);
  }
  ht_json_end(j);
}

static void json_peak(ht_json *j, const ht_ana *a, const ht_peak *p) {
  if (p->seq < 0) {
    ht_json_null(j);
    return;
  }
  ht_json_begin_object(j);
  ht_json_key(j, "bytes");
  ht_json_int(j, p->bytes);
  ht_json_key(j, "seq");
  ht_json_int(j, p->seq);
  ht_json_key(j, "t_ns");
  ht_json_int(j, p->t);
  ht_json_key(j, "stack");
  ht_json_stack(j, a, p->stack);
  ht_json_end(j);
}

static void json_sites(ht_json *j, const ht_ana *a, const ht_site_set *s, int top) {
  ht_json_begin_array(j);
  for (size_t i = 0; i < s->n && (top <= 0 || (int)i < top); i++) {
    const ht_site_stat *e = &s->v[i];
    ht_json_begin_object(j);
    ht_json_key(j, "tag");
    ht_json_str(j, ht_ana_tag_name(a, e->tag));
    ht_json_key(j, "count");
    ht_json_int(j, e->count);
    ht_json_key(j, "bytes");
    ht_json_int(j, e->bytes);
    ht_json_key(j, "stack");
    ht_json_stack(j, a, e->stack);
    ht_json_end(j);
  }
  ht_json_end(j);
}

void ht_json_finding(ht_json *j, const ht_ana *a, const ht_finding *f) {
  char text[2048];
  const ht_code_loc *c = f->code < a->ncodes ? &a->codes[f->code] : NULL;
  ht_json_begin_object(j);
  ht_json_key(j, "kind");
  ht_json_str(j, ht_finding_kind_name(f->kind));
  ht_json_key(j, "file");
  ht_json_str(j, c && c->filename ? c->filename : "?");
  ht_json_key(j, "line");
  ht_json_int(j, f->line);
  ht_json_key(j, "qualname");
  ht_json_str(j, c && c->qualname ? c->qualname : "?");
  ht_json_key(j, "tag");
  ht_json_str(j, ht_ana_tag_name(a, f->tag));
  ht_json_key(j, "bytes");
  ht_json_int(j, f->bytes);
  ht_json_key(j, "count");
  ht_json_int(j, f->count);
  switch (f->kind) {
  case HT_FIND_REBIND:
    ht_json_key(j, "old_bytes");
    ht_json_int(j, f->old_bytes);
    ht_json_key(j, "new_bytes");
    ht_json_int(j, f->new_bytes);
    ht_json_key(j, "peak_before");
    ht_json_int(j, f->peak_before);
    ht_json_key(j, "peak_after");
    ht_json_int(j, f->peak_after);
    ht_json_key(j, "exact");
    ht_json_bool(j, f->exact);
    ht_json_key(j, "seq");
    ht_json_int(j, f->seq);
    break;
  case HT_FIND_CHURN:
    ht_json_key(j, "max_alive");
    ht_json_int(j, f->max_alive);
    ht_json_key(j, "first_seq");
    ht_json_int(j, f->seq);
    break;
  case HT_FIND_RETENTION:
    ht_json_key(j, "cell_bytes");
    ht_json_int(j, f->cell_bytes);
    ht_json_key(j, "along_count");
    ht_json_int(j, f->along_count);
    ht_json_key(j, "along_bytes");
    ht_json_int(j, f->along_bytes);
    ht_json_key(j, "retainers_available");
    ht_json_bool(j, a->has_snapshots);
    break;
  case HT_FIND_GROWTH:
    break;
  }
  ht_json_key(j, "stack");
  ht_json_stack(j, a, f->stack);
  ht_json_key(j, "message");
  ht_json_str(j, ht_finding_text(a, f, text, sizeof text));
  ht_json_end(j);
}

void ht_json_header(ht_json *j, const ht_ana *a, const char *schema) {
  ht_json_key(j, "schema");
  ht_json_str(j, schema);
  ht_json_key(j, "version");
  ht_json_int(j, 1);
  if (!a) return;
  ht_json_key(j, "profile");
  ht_json_str(j, a->path);
  ht_json_key(j, "script");
  ht_json_str(j, a->script);
  ht_json_key(j, "exit_status");
  if (a->exit_status >= 0) ht_json_int(j, a->exit_status);
  else ht_json_null(j);
  ht_json_key(j, "events");
  ht_json_int(j, a->nevents);
  ht_json_key(j, "duration_ns");
  ht_json_int(j, a->end_t);
}

int ht_report_print_json(const ht_ana *a, const ht_report *r, FILE *out) {
  ht_json j;
  ht_json_init(&j, out, 1);
  ht_json_begin_object(&j);
  ht_json_header(&j, a, "heaptrail.report");
  ht_json_key(&j, "peak");
  ht_json_begin_object(&j);
  ht_json_key(&j, "objects");
  json_peak(&j, a, &r->peak_objects);
  ht_json_key(&j, "all");
  json_peak(&j, a, &r->peak_all);
  ht_json_key(&j, "rss");
  if (r->has_rss) {
    ht_json_begin_object(&j);
    ht_json_key(&j, "bytes");
    ht_json_int(&j, r->rss_peak);
    ht_json_key(&j, "seq");
    ht_json_int(&j, r->rss_seq);
    ht_json_key(&j, "t_ns");
    ht_json_int(&j, r->rss_t);
    ht_json_end(&j);
  } else {
    ht_json_null(&j);
  }
  ht_json_end(&j);
  ht_json_key(&j, "exit");
  ht_json_begin_object(&j);
  ht_json_key(&j, "seq");
  ht_json_int(&j, r->exit_seq);
  ht_json_key(&j, "teardown_mark");
  ht_json_bool(&j, r->at_teardown);
  ht_json_end(&j);
  ht_json_key(&j, "totals");
  ht_json_begin_object(&j);
  ht_json_key(&j, "allocs");
  ht_json_int(&j, r->allocs);
  ht_json_key(&j, "alloc_bytes");
  ht_json_int(&j, r->alloc_bytes);
  ht_json_end(&j);
  ht_json_key(&j, "tags");
  ht_json_begin_array(&j);
  for (int i = 0; i < r->ntags; i++) {
    const ht_tag_summary *s = &r->tags[i];
    ht_json_begin_object(&j);
    ht_json_key(&j, "tag");
    ht_json_str(&j, ht_ana_tag_name(a, s->tag));
    ht_json_key(&j, "kind");
    ht_json_str(&j, ht_ana_tag_is_internal(a, s->tag) ? "internal" : "object");
    const char *k[] = { "exit_count", "exit_bytes", "peak_bytes", "at_peak_count", "at_peak_bytes",
                        "allocs", "alloc_bytes", "reallocs", "realloc_bytes", "temp_count", "temp_bytes" };
    int64_t v[] = { s->exit_count, s->exit_bytes, s->peak_bytes, s->at_peak_count, s->at_peak_bytes,
                    s->allocs, s->alloc_bytes, s->reallocs, s->realloc_bytes, s->temp_count, s->temp_bytes };
    for (size_t i2 = 0; i2 < sizeof v / sizeof *v; i2++) {
      ht_json_key(&j, k[i2]);
      ht_json_int(&j, v[i2]);
    }
    ht_json_end(&j);
  }
  ht_json_end(&j);
  ht_json_key(&j, "top_at_peak");
  json_sites(&j, a, &r->at_peak, r->opts.top);
  ht_json_key(&j, "top_by_total");
  json_sites(&j, a, &r->by_total, r->opts.top);
  ht_json_key(&j, "temporary");
  ht_json_begin_object(&j);
  ht_json_key(&j, "window");
  ht_json_int(&j, r->opts.temp_window);
  ht_json_key(&j, "count");
  ht_json_int(&j, r->temp_count);
  ht_json_key(&j, "bytes");
  ht_json_int(&j, r->temp_bytes);
  ht_json_key(&j, "sites");
  json_sites(&j, a, &r->temps, r->opts.top);
  ht_json_end(&j);
  ht_json_key(&j, "findings");
  ht_json_begin_array(&j);
  for (size_t i = 0; i < r->nfindings; i++) ht_json_finding(&j, a, &r->findings[i]);
  ht_json_end(&j);
  ht_json_end(&j);
  return ht_json_finish(&j);
}
