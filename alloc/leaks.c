/*
** leaks.c -- `heaptrail leaks`: what is still alive when it should not be.
**
** Two questions, both answered by a live set (ht_ana_live_at):
**   at exit         objects alive at the teardown mark (the VM logs
**                   "heaptrail:teardown" before it tears the interpreter
**                   down; without the mark, at the end of the log);
**   between marks   objects allocated at or after mark A and still alive at
**                   mark B (the first B after A).
** Objects are grouped by allocation site (script stack) and tag, largest
** first.  Two kinds of groups are listed apart and never count as leaks:
** VM-internal tags (tag.kind = 'internal': parser, compiler, interned
** strings, VM stacks), and objects allocated with no script frame at all --
** the VM's start-up (builtins, module tables) happens before the script's
** first frame, so its objects are the interpreter's, not the script's.
**
** Retainers.  When the profile holds heap snapshots, the reference graph at
** the moment is loaded (ht_graph_load at the seq: the exit snapshot, taken
** just before the teardown mark; or for --between the last snapshot at or
** before mark B, replayed to it when the run logged --refs).  Each leaked
** object is then classified (ht_graph_classify_leaks): a root leak, held by
** a root through no other leaked object; kept alive only by other leaked
** objects; held only by the VM's internals (sys.modules, interned strings:
** moved out of the leaks); or absent from the graph: allocated after the
** snapshot when the graph is not exact, else a private block of an object
** (a list's item array, a dict's table: the graph's nodes are objects, and
** a node's size includes its blocks, but the snapshot does not record which
** blocks an object owns).  Each group shows one retainer
** path: that of its member nearest a root.  A graph that is not the heap at
** the moment (no --refs log, and events between the snapshot and the mark)
** is used all the same, and the note says how far it is.  Without snapshots
** the groups are listed unclassified and the note says paths are
** unavailable.
**
** Cycles.  Collections are bracketed by GC_START and GC_END events; the
** objects freed inside one (allocated before it started) were freed by the
** cycle collector, not by their reference counts dropping to zero.  They
** are grouped by site and tag for the window of the report (the whole run
** up to the moment, or between the marks).
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"
#include "encode.h"
#include "graph.h"
#include "jsonout.h"
#include "recorder.h"

#define LEAKS_JSON_VERSION 2

/* ---- groups ---- */

static void list_free(ht_leak_list *l) {
  free(l->v);
  free(l->hash);
  memset(l, 0, sizeof *l);
}

static size_t site_hash(uint32_t stack, int tag) {
  uint64_t x = ((uint64_t)stack << 8) ^ (uint64_t)(unsigned)tag;
  x *= 0x9e3779b97f4a7c15ull;
  return (size_t)(x >> 17);
}

/* The group of (STACK, TAG) in L, created when new; NULL when out of memory. */
static ht_leak_group *list_get(ht_leak_list *l, uint32_t stack, int tag) {
  if (l->hash) {
    for (size_t j = site_hash(stack, tag) & l->hmask; l->hash[j]; j = (j + 1) & l->hmask) {
      ht_leak_group *g = &l->v[l->hash[j] - 1];
      if (g->stack == stack && g->tag == tag) return g;
    }
  }
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    ht_leak_group *nv = realloc(l->v, cap * sizeof *nv);
    if (!nv) return NULL;
    l->v = nv;
    l->cap = cap;
  }
  if ((l->n + 1) * 2 > l->hmask) {
    size_t mask = l->hmask ? l->hmask * 2 + 1 : 63;
    uint32_t *h = calloc(mask + 1, sizeof *h);
    if (!h) return NULL;
    for (size_t i = 0; i < l->n; i++) {
      size_t j = site_hash(l->v[i].stack, l->v[i].tag) & mask;
      while (h[j]) j = (j + 1) & mask;
      h[j] = (uint32_t)i + 1;
    }
    free(l->hash);
    l->hash = h;
    l->hmask = mask;
  }
  size_t j = site_hash(stack, tag) & l->hmask;
  while (l->hash[j]) j = (j + 1) & l->hmask;
  l->hash[j] = (uint32_t)l->n + 1;
  ht_leak_group *g = &l->v[l->n++];
  memset(g, 0, sizeof *g);
  g->stack = stack;
  g->tag = tag;
  g->first = INT64_MAX;
  g->node = -1;
  g->gc_seq = -1;
  return g;
}

/* Count object ID of BYTES in its group; NODE (-1: none) at DEPTH becomes
** the group's path when it is nearer a root than the one it has. */
static int list_add(ht_leak_list *l, uint32_t stack, int tag, int64_t id, int64_t bytes,
                    int64_t node, uint32_t depth) {
  ht_leak_group *g = list_get(l, stack, tag);
  if (!g) return -1;
  g->count++;
  g->bytes += bytes;
  if (id < g->first) g->first = id;
  if (node >= 0 && (g->node < 0 || depth < g->depth || (depth == g->depth && node < g->node))) {
    g->node = node;
    g->depth = depth;
  }
  l->count++;
  l->bytes += bytes;
  return 0;
}

static int cmp_group(const void *pa, const void *pb) {
  const ht_leak_group *a = pa, *b = pb;
  if (a->bytes != b->bytes) return a->bytes > b->bytes ? -1 : 1;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  if (a->stack != b->stack) return a->stack < b->stack ? -1 : 1;
  return a->tag < b->tag ? -1 : a->tag > b->tag;
}

static void list_sort(ht_leak_list *l) {
  free(l->hash);
  l->hash = NULL;
  l->hmask = 0;
  if (l->n > 1) qsort(l->v, l->n, sizeof *l->v, cmp_group);
}

void ht_leaks_free(ht_leaks *l) {
  if (!l) return;
  ht_site_set_free(&l->objects);
  ht_site_set_free(&l->startup);
  ht_site_set_free(&l->internal);
  list_free(&l->roots);
  list_free(&l->kept);
  list_free(&l->blocks);
  list_free(&l->later);
  list_free(&l->vmheld);
  list_free(&l->cycles);
  ht_graph_free(l->graph);
  free(l);
}

/* ---- the leaked objects, one by one ---- */

typedef struct lobj {
  int64_t id;                  /* object id */
  int64_t size;                /* bytes at the moment */
  uint32_t stack;              /* allocation site */
  int tag;                     /* tag */
} lobj;

typedef struct lobjs {
  lobj *v;                     /* (owned) */
  size_t n, cap;               /* used, allocated */
} lobjs;

static int cmp_lobj(const void *pa, const void *pb) {
  const lobj *a = pa, *b = pb;
  return a->id < b->id ? -1 : a->id > b->id;
}

static int sqlfail(ht_ana *a, char *err, size_t errsz, const char *what) {
  snprintf(err, errsz, "%s: %s: %s", a->path, what, sqlite3_errmsg(a->db));
  return -1;
}

/* The script's objects (object tags, allocated under a script frame) alive
** at L->to_seq and allocated at or after L->from_seq, with their sizes at
** to_seq, in id order. */
static int load_leaked(ht_ana *a, const ht_leaks *l, lobjs *out, char *err, size_t errsz) {
  sqlite3_stmt *st = NULL;
  int rc;
  if (sqlite3_prepare_v2(a->db,
                         "SELECT id, stack, tag, size FROM object WHERE id >= ?2 AND id <= ?1 "
                         "AND (free_seq IS NULL OR free_seq > ?1)",
                         -1, &st, NULL) != SQLITE_OK)
    return sqlfail(a, err, errsz, "reading objects");
  sqlite3_bind_int64(st, 1, l->to_seq);
  sqlite3_bind_int64(st, 2, l->from_seq);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    uint32_t stack = (uint32_t)sqlite3_column_int64(st, 1);
    int tag = sqlite3_column_int(st, 2);
    if (stack == 0 || ht_ana_tag_is_internal(a, tag)) continue;
    if (out->n == out->cap) {
      size_t cap = out->cap ? out->cap * 2 : 1024;
      lobj *nv = realloc(out->v, cap * sizeof *nv);
      if (!nv) {
        sqlite3_finalize(st);
        snprintf(err, errsz, "%s: out of memory", a->path);
        return -1;
      }
      out->v = nv;
      out->cap = cap;
    }
    out->v[out->n++] = (lobj){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 3), stack, tag};
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return sqlfail(a, err, errsz, "reading objects");
  qsort(out->v, out->n, sizeof *out->v, cmp_lobj);
  /* Objects resized after to_seq had, at to_seq, the old size of their
  ** first resize after it. */
  if (sqlite3_prepare_v2(a->db,
                         "SELECT r.obj, r.old_size FROM (SELECT obj, min(seq) AS s FROM resize "
                         "WHERE seq > ?1 AND obj >= ?2 AND obj <= ?1 GROUP BY obj) f "
                         "JOIN resize r ON r.seq = f.s AND r.obj = f.obj",
                         -1, &st, NULL) != SQLITE_OK)
    return sqlfail(a, err, errsz, "reading resizes");
  sqlite3_bind_int64(st, 1, l->to_seq);
  sqlite3_bind_int64(st, 2, l->from_seq);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    lobj key = {sqlite3_column_int64(st, 0), 0, 0, 0};
    lobj *o = bsearch(&key, out->v, out->n, sizeof *out->v, cmp_lobj);
    if (o) o->size = sqlite3_column_int64(st, 1);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return sqlfail(a, err, errsz, "reading resizes");
  return 0;
}

/* Memory events (ALLOC, FREE, REALLOC) with LO <= seq <= HI?  Returns 1, 0,
** or -1 on an error. */
typedef struct memscan {
  int found;                   /* a memory event was seen */
} memscan;

static int memscan_fn(void *ud, const ht_event *ev, size_t n) {
  memscan *m = ud;
  for (size_t i = 0; i < n; i++)
    if (ev[i].kind == HT_EV_ALLOC || ev[i].kind == HT_EV_FREE || ev[i].kind == HT_EV_REALLOC) {
      m->found = 1;
      return 1;
    }
  return 0;
}

static int memory_events_between(ht_ana *a, int64_t lo, int64_t hi, char *err, size_t errsz) {
  memscan m = {0};
  if (lo > hi) return 0;
  if (ht_ana_scan(a, lo, hi, memscan_fn, &m, err, errsz) < 0) return -1;
  return m.found;
}

/* Load the graph at L->to_seq and classify the leaked objects on it.  A
** profile without snapshots is not an error: the note says so. */
static int classify(ht_ana *a, ht_leaks *l, char *err, size_t errsz) {
  char gerr[600];
  ht_graph *g = NULL;
  lobjs objs = {0};
  int8_t *cls = NULL;
  int64_t *ids = NULL;
  int rc = -1;
  if (!a->has_snapshots || !ht_graph_has_snapshots(a->db)) {
    snprintf(l->note, sizeof l->note,
             "retainer paths, and root leaks vs objects kept alive only by other leaks: "
             "unavailable (they need a heap snapshot, and this profile has none: recorded "
             "with heaptrail run --no-snapshots)");
    return 0;
  }
  if (ht_graph_load(a->db, HT_AT_SEQ, l->to_seq, &g, gerr, sizeof gerr)) {
    /* no snapshot at or before the moment (a --between that ends before
    ** the first one): the report stands without paths */
    snprintf(l->note, sizeof l->note, "retainer paths: unavailable (%s)", gerr);
    return 0;
  }
  const ht_graph_info *in = ht_graph_info_of(g);
  l->snapshot = in->snapshot;
  l->snapshot_seq = in->snapshot_seq;
  l->graph_exact = in->exact;
  if (!in->exact && !strcmp(in->trigger, "exit")) {
    /* The exit snapshot is taken just before the teardown mark: when no
    ** memory event lies between them the graph is the heap at the mark. */
    int m = memory_events_between(a, in->snapshot_seq, l->to_seq, err, errsz);
    if (m < 0) goto out;
    l->graph_exact = !m;
  }
  if (in->exact)
    snprintf(l->note, sizeof l->note, "retainers from the heap graph at seq %" PRId64 ": %s",
             l->to_seq, in->note);
  else if (l->graph_exact)
    snprintf(l->note, sizeof l->note,
             "retainers from the heap graph at seq %" PRId64 ": snapshot %" PRId64
             " (exit) taken at seq %" PRId64 ", with no allocation or free after it",
             l->to_seq, in->snapshot, in->snapshot_seq);
  else
    snprintf(l->note, sizeof l->note,
             "retainers are approximate: %s (objects allocated after the snapshot are not in "
             "it; record with --refs for the graph at the exact seq)",
             in->note);
  if (load_leaked(a, l, &objs, err, errsz)) goto out;
  ids = malloc(sizeof *ids * (objs.n ? objs.n : 1));
  cls = malloc(objs.n ? objs.n : 1);
  if (!ids || !cls) {
    snprintf(err, errsz, "%s: out of memory", a->path);
    goto out;
  }
  for (size_t k = 0; k < objs.n; k++) ids[k] = objs.v[k].id;
  if (ht_graph_classify_leaks(g, ids, objs.n, cls)) {
    snprintf(err, errsz, "%s: out of memory classifying the leaks", a->path);
    goto out;
  }
  /* the leaks proper replace the live set's groups: objects only the VM's
  ** internals hold leave them */
  ht_site_set_free(&l->objects);
  ht_site_set_init(&l->objects);
  l->count = l->bytes = 0;
  for (size_t k = 0; k < objs.n; k++) {
    const lobj *o = &objs.v[k];
    int64_t node = ht_graph_find(g, o->id);
    const ht_gnode *x = node >= 0 ? ht_graph_node(g, (uint32_t)node) : NULL;
    /* a node no root reaches has no path to show */
    int64_t pnode = x && x->reach != HT_REACH_NONE ? node : -1;
    uint32_t depth = x ? x->depth : 0;
    ht_leak_list *dst;
    switch (cls[k]) {
    case 1: dst = &l->roots; break;
    case 0: dst = x && x->reach == HT_REACH_NONE ? &l->roots : &l->kept; break;
    case 2: dst = &l->vmheld; break;
    default:
      /* not a node: allocated after the snapshot, or a block that is not an
      ** object of the graph (a list's item array, a dict's table) */
      dst = !l->graph_exact && o->id >= l->snapshot_seq ? &l->later : &l->blocks;
      break;
    }
    if (list_add(dst, o->stack, o->tag, o->id, o->size, pnode, depth)) goto oom;
    if (dst == &l->vmheld) continue;
    ht_site_stat *s = ht_site_set_get(&l->objects, o->stack, o->tag);
    if (!s) goto oom;
    if (!s->count || o->id < s->first) s->first = o->id;
    s->count++;
    s->bytes += o->size;
    l->count++;
    l->bytes += o->size;
  }
  ht_site_set_sort(&l->objects);
  list_sort(&l->roots);
  list_sort(&l->kept);
  list_sort(&l->blocks);
  list_sort(&l->later);
  list_sort(&l->vmheld);
  l->graph = g;
  g = NULL;
  l->retainers = 1;
  rc = 0;
  goto out;
oom:
  snprintf(err, errsz, "%s: out of memory", a->path);
out:
  ht_graph_free(g);
  free(objs.v);
  free(ids);
  free(cls);
  return rc;
}

/* ---- cycles freed by the collector ---- */

typedef struct gcwin {
  int64_t start, end;          /* GC_START and GC_END seqs */
  int64_t collected;           /* GC_END's count of unreachable objects */
  uint32_t stack;              /* script stack at GC_START */
  int freed;                   /* it freed script objects */
} gcwin;

typedef struct gcscan {
  gcwin *v;                    /* collections, in seq order (owned) */
  size_t n, cap;               /* used, allocated */
  int open;                    /* a GC_START without its GC_END yet */
  int oom;                     /* allocation failed */
} gcscan;

static int gcscan_fn(void *ud, const ht_event *ev, size_t n) {
  gcscan *s = ud;
  for (size_t i = 0; i < n; i++) {
    if (ev[i].kind == HT_EV_GC_START) {
      if (s->n == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        gcwin *nv = realloc(s->v, cap * sizeof *nv);
        if (!nv) {
          s->oom = 1;
          return 1;
        }
        s->v = nv;
        s->cap = cap;
      }
      s->v[s->n++] = (gcwin){(int64_t)ev[i].seq, INT64_MAX, 0, ev[i].stack, 0};
      s->open = 1;
    } else if (ev[i].kind == HT_EV_GC_END && s->open) {
      s->v[s->n - 1].end = (int64_t)ev[i].seq;
      s->v[s->n - 1].collected = (int64_t)ev[i].obj;
      s->open = 0;
    }
  }
  return 0;
}

/* The collection whose window holds FREE_SEQ, or -1. */
static int64_t window_of(const gcscan *s, int64_t free_seq) {
  size_t lo = 0, hi = s->n;
  while (lo < hi) {                 /* first window starting at or after free_seq */
    size_t mid = (lo + hi) / 2;
    if (s->v[mid].start < free_seq) lo = mid + 1;
    else hi = mid;
  }
  if (!lo) return -1;
  const gcwin *w = &s->v[lo - 1];
  return free_seq < w->end ? (int64_t)lo - 1 : -1;
}

/* A (group, collection) pair, to count each collection once per group. */
typedef struct gwpair {
  uint32_t group, win;
} gwpair;

static int cmp_gwpair(const void *pa, const void *pb) {
  const gwpair *a = pa, *b = pb;
  if (a->group != b->group) return a->group < b->group ? -1 : 1;
  return a->win < b->win ? -1 : a->win > b->win;
}

typedef struct cycctx {
  ht_leaks *l;                 /* where the groups go */
  gcscan *s;                   /* the collections */
  gwpair *pairs;               /* (owned) */
  size_t npairs, cap;          /* used, allocated */
} cycctx;

/* Object ID (STACK, TAG, SIZE) was freed inside collection W: count it
** when it is the script's and was allocated in the window before W began. */
static int cyc_add(ht_ana *a, cycctx *c, int64_t id, uint32_t stack, int tag, int64_t size,
                   size_t w) {
  gcwin *win = &c->s->v[w];
  if (id < c->l->from_seq || id >= win->start) return 0;
  if (stack == 0 || ht_ana_tag_is_internal(a, tag)) return 0;
  if (list_add(&c->l->cycles, stack, tag, id, size, -1, 0)) return -1;
  ht_leak_group *g = list_get(&c->l->cycles, stack, tag);
  if (g->gc_seq < 0 || win->start < g->gc_seq) {
    g->gc_seq = win->start;
    g->gc_stack = win->stack;
  }
  win->freed = 1;
  if (c->npairs == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 1024;
    gwpair *nv = realloc(c->pairs, cap * sizeof *nv);
    if (!nv) return -1;
    c->pairs = nv;
    c->cap = cap;
  }
  c->pairs[c->npairs++] = (gwpair){(uint32_t)(g - c->l->cycles.v), (uint32_t)w};
  return 0;
}

/* The script's objects freed inside the collections that started in
** [from_seq, to_seq], allocated at or after from_seq and before the
** collection.  Two plans, as ht_ana_live_at has: look the frees of each
** collection up by free_seq (about 1.6 us per object found: GC_END says how
** many the collector found unreachable, and about as many more die with
** them), or read the objects of the window by id (about 55 ns per row). */
static int find_cycles(ht_ana *a, ht_leaks *l, char *err, size_t errsz) {
  gcscan s = {0};
  cycctx c = {l, &s, NULL, 0, 0};
  sqlite3_stmt *st = NULL;
  int rc = -1, r = SQLITE_DONE;
  if (l->to_seq >= l->from_seq && a->nevents > 0) {
    int64_t hi = l->to_seq < a->nevents - 1 ? l->to_seq : a->nevents - 1;
    if (ht_ana_scan(a, l->from_seq, hi, gcscan_fn, &s, err, errsz) < 0) goto out;
    if (s.oom) goto oom;
  }
  l->gc_passes = (int64_t)s.n;
  if (!s.n) {
    rc = 0;
    goto out;
  }
  double found = 0, rows = 0;
  for (size_t w = 0; w < s.n; w++) found += 2.0 * (double)s.v[w].collected + 1;
  if (a->nevents > 0)
    rows = (double)(s.v[s.n - 1].start - l->from_seq) * (double)a->nobjects / (double)a->nevents;
  if (found * 1600.0 + (double)s.n * 2000.0 < rows * 55.0) {
    if (sqlite3_prepare_v2(a->db,
                           "SELECT id, stack, tag, size FROM object WHERE free_seq > ?1 AND "
                           "free_seq < ?2",
                           -1, &st, NULL) != SQLITE_OK)
      goto sqlerr;
    for (size_t w = 0; w < s.n; w++) {
      sqlite3_reset(st);
      sqlite3_bind_int64(st, 1, s.v[w].start);
      sqlite3_bind_int64(st, 2, s.v[w].end);
      while ((r = sqlite3_step(st)) == SQLITE_ROW)
        if (cyc_add(a, &c, sqlite3_column_int64(st, 0), (uint32_t)sqlite3_column_int64(st, 1),
                    sqlite3_column_int(st, 2), sqlite3_column_int64(st, 3), w))
          goto oom;
      if (r != SQLITE_DONE) goto sqlerr;
    }
  } else {
    if (sqlite3_prepare_v2(a->db,
                           "SELECT id, stack, tag, size, free_seq FROM object WHERE id >= ?1 "
                           "AND id < ?2",
                           -1, &st, NULL) != SQLITE_OK)
      goto sqlerr;
    sqlite3_bind_int64(st, 1, l->from_seq);
    sqlite3_bind_int64(st, 2, s.v[s.n - 1].start);
    while ((r = sqlite3_step(st)) == SQLITE_ROW) {
      if (sqlite3_column_type(st, 4) == SQLITE_NULL) continue;
      int64_t w = window_of(&s, sqlite3_column_int64(st, 4));
      if (w < 0) continue;
      if (cyc_add(a, &c, sqlite3_column_int64(st, 0), (uint32_t)sqlite3_column_int64(st, 1),
                  sqlite3_column_int(st, 2), sqlite3_column_int64(st, 3), (size_t)w))
        goto oom;
    }
    if (r != SQLITE_DONE) goto sqlerr;
  }
  /* collections per group: the distinct (group, collection) pairs */
  if (c.npairs) qsort(c.pairs, c.npairs, sizeof *c.pairs, cmp_gwpair);
  for (size_t i = 0; i < c.npairs; i++)
    if (!i || cmp_gwpair(&c.pairs[i - 1], &c.pairs[i])) l->cycles.v[c.pairs[i].group].gcs++;
  for (size_t w = 0; w < s.n; w++) l->gc_passes_freeing += s.v[w].freed;
  list_sort(&l->cycles);
  rc = 0;
  goto out;
sqlerr:
  rc = sqlfail(a, err, errsz, "reading objects");
  goto out;
oom:
  snprintf(err, errsz, "%s: out of memory", a->path);
out:
  sqlite3_finalize(st);
  free(s.v);
  free(c.pairs);
  return rc;
}

int ht_leaks_build(ht_ana *a, const ht_leaks_opts *o, ht_leaks **out, char *err, size_t errsz) {
  ht_leaks *l = calloc(1, sizeof *l);
  ht_site_set all;
  *out = NULL;
  ht_site_set_init(&all);
  if (!l) {
    snprintf(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  ht_site_set_init(&l->objects);
  ht_site_set_init(&l->startup);
  ht_site_set_init(&l->internal);
  l->snapshot = l->snapshot_seq = -1;
  l->retainers_note = l->note;
  if (o && (o->mark_a || o->mark_b)) {
    if (!o->mark_a || !o->mark_b) {
      snprintf(err, errsz, "--between needs two marks");
      goto fail;
    }
    l->between = 1;
    l->mark_a = o->mark_a;
    l->mark_b = o->mark_b;
    if (ht_ana_find_mark(a, o->mark_a, -1, &l->from_seq, err, errsz) ||
        ht_ana_find_mark(a, o->mark_b, l->from_seq, &l->to_seq, err, errsz))
      goto fail;
  } else {
    l->from_seq = 0;
    l->to_seq = ht_ana_exit_seq(a);
    l->at_teardown = a->teardown_seq >= 0;
  }
  if (ht_ana_live_at(a, l->to_seq, l->from_seq, &all, err, errsz)) goto fail;
  for (size_t i = 0; i < all.n; i++) {
    const ht_site_stat *s = &all.v[i];
    int internal = ht_ana_tag_is_internal(a, s->tag);
    int startup = !internal && s->stack == 0;
    ht_site_stat *d = ht_site_set_get(internal ? &l->internal : startup ? &l->startup : &l->objects,
                                      s->stack, s->tag);
    if (!d) {
      snprintf(err, errsz, "%s: out of memory", a->path);
      goto fail;
    }
    *d = *s;
    if (internal) {
      l->internal_count += s->count;
      l->internal_bytes += s->bytes;
    } else if (startup) {
      l->startup_count += s->count;
      l->startup_bytes += s->bytes;
    } else {
      l->count += s->count;
      l->bytes += s->bytes;
    }
  }
  ht_site_set_free(&all);
  ht_site_set_sort(&l->objects);
  ht_site_set_sort(&l->startup);
  ht_site_set_sort(&l->internal);
  if (classify(a, l, err, errsz)) goto fail;
  if (find_cycles(a, l, err, errsz)) goto fail;
  *out = l;
  return 0;
fail:
  ht_site_set_free(&all);
  ht_leaks_free(l);
  return -1;
}

/* ---- printing ---- */

/* One sentence saying which objects the report is about. */
static void describe(const ht_ana *a, const ht_leaks *l, char *buf, size_t n) {
  if (l->between)
    snprintf(buf, n,
             "objects allocated between mark \"%s\" (seq %" PRId64 ") and mark \"%s\" (seq %" PRId64
             ") and still alive at the second",
             l->mark_a, l->from_seq, l->mark_b, l->to_seq);
  else if (l->at_teardown)
    snprintf(buf, n, "objects alive at exit (seq %" PRId64 ", the %s mark, before interpreter teardown)",
             l->to_seq, HT_TEARDOWN_MARK);
  else
    snprintf(buf, n, "objects alive at the end of the log (seq %" PRId64 "; the profile has no %s mark, "
             "so this includes whatever the interpreter's teardown left)",
             a->nevents, HT_TEARDOWN_MARK);
}

/* The retainer path of G's representative into BUF with ARROW, or NULL
** when it has none. */
static const char *group_path(const ht_leaks *l, const ht_leak_group *g, const char *arrow,
                              char *buf, size_t n) {
  ht_gpath *p = NULL;
  size_t np = 0;
  if (!l->graph || g->node < 0) return NULL;
  if (ht_graph_retainers(l->graph, (uint32_t)g->node, 1, &p, &np) || !np) {
    ht_graph_paths_free(p, np);
    return NULL;
  }
  ht_graph_path_str(l->graph, &p[0], arrow, buf, n);
  ht_graph_paths_free(p, np);
  return buf;
}

/* Why a group of list L has no path. */
static const char *no_path_reason(const ht_leaks *l, const ht_leak_list *list) {
  if (list == &l->later) return "(allocated after the snapshot)";
  if (list == &l->blocks) return "(a private block of an object: the graph has objects, not their blocks)";
  if (list == &l->roots) return "(no root reaches it: garbage the cycle collector had not freed yet)";
  return "(none)";
}

static void text_groups(const ht_ana *a, const ht_site_set *s, FILE *out) {
  char b[32];
  fprintf(out, "  %4s  %10s  %8s  %-10s  %s\n", "#", "bytes", "count", "tag",
          "allocated at, innermost first");
  for (size_t i = 0; i < s->n; i++) {
    const ht_site_stat *e = &s->v[i];
    fprintf(out, "  %4zu  %10s  %8" PRId64 "  %-10s  ", i + 1, ht_fmt_bytes(e->bytes, b, sizeof b),
            e->count, ht_ana_tag_name(a, e->tag));
    ht_print_stack(a, e->stack, "                                          ", out);
  }
}

#define TEXT_INDENT "                                          "

static void text_list(const ht_ana *a, const ht_leaks *l, const ht_leak_list *s, const char *arrow,
                      FILE *out) {
  char b[32], path[2048], f[700];
  fprintf(out, "  %4s  %10s  %8s  %-10s  %s\n", "#", "bytes", "count", "tag",
          "allocated at, innermost first");
  for (size_t i = 0; i < s->n; i++) {
    const ht_leak_group *e = &s->v[i];
    fprintf(out, "  %4zu  %10s  %8" PRId64 "  %-10s  ", i + 1, ht_fmt_bytes(e->bytes, b, sizeof b),
            e->count, ht_ana_tag_name(a, e->tag));
    ht_print_stack(a, e->stack, TEXT_INDENT, out);
    if (s == &l->cycles) {
      fprintf(out, TEXT_INDENT "freed by %" PRId64 " collection%s, the first at seq %" PRId64
                               " (%s)\n",
              e->gcs, e->gcs == 1 ? "" : "s", e->gc_seq,
              ht_ana_frame_str(a, e->gc_stack, 1, f, sizeof f));
    } else {
      const char *p = group_path(l, e, arrow, path, sizeof path);
      fprintf(out, TEXT_INDENT "retainer: %s\n", p ? p : no_path_reason(l, s));
    }
  }
}

static void text_count(int64_t count, int64_t bytes, char *buf, size_t n) {
  char b[32];
  snprintf(buf, n, "%" PRId64 " %s (%s)", count, count == 1 ? "object" : "objects",
           ht_fmt_bytes(bytes, b, sizeof b));
}

void ht_leaks_print_text(const ht_ana *a, const ht_leaks *l, const char *arrow, FILE *out) {
  char what[512], b[32], c1[80], c2[80], c3[80], c4[80];
  if (!arrow) arrow = " → ";
  describe(a, l, what, sizeof what);
  fprintf(out, "heaptrail leaks: %s\n%s\n%s\n\n", a->path, what, l->retainers_note);
  fprintf(out, "Leaked objects: %" PRId64 " (%s, %" PRId64 " B) in %zu group%s\n", l->count,
          ht_fmt_bytes(l->bytes, b, sizeof b), l->bytes, l->objects.n, l->objects.n == 1 ? "" : "s");
  if (!l->retainers) {
    if (l->objects.n) text_groups(a, &l->objects, out);
  } else {
    text_count(l->roots.count, l->roots.bytes, c1, sizeof c1);
    text_count(l->kept.count, l->kept.bytes, c2, sizeof c2);
    fprintf(out, "  root leaks: %s; kept alive only by other leaks: %s", c1, c2);
    if (l->blocks.count) {
      text_count(l->blocks.count, l->blocks.bytes, c3, sizeof c3);
      snprintf(c3, sizeof c3, "%" PRId64 " block%s (%s)", l->blocks.count,
               l->blocks.count == 1 ? "" : "s", ht_fmt_bytes(l->blocks.bytes, b, sizeof b));
      fprintf(out, "; private blocks: %s", c3);
    }
    if (l->later.count) {
      text_count(l->later.count, l->later.bytes, c4, sizeof c4);
      fprintf(out, "; allocated after the snapshot: %s", c4);
    }
    fprintf(out, "\n\nRoot leaks (a root holds them through no other leaked object): %s in %zu group%s\n",
            c1, l->roots.n, l->roots.n == 1 ? "" : "s");
    if (l->roots.n) text_list(a, l, &l->roots, arrow, out);
    fprintf(out, "\nKept alive only by other leaked objects: %s in %zu group%s\n", c2, l->kept.n,
            l->kept.n == 1 ? "" : "s");
    if (l->kept.n) text_list(a, l, &l->kept, arrow, out);
    if (l->blocks.n) {
      fprintf(out, "\nPrivate blocks (item arrays, hash tables) of objects, not objects themselves: "
                   "%s in %zu group%s\n", c3, l->blocks.n, l->blocks.n == 1 ? "" : "s");
      text_list(a, l, &l->blocks, arrow, out);
    }
    if (l->later.n) {
      fprintf(out, "\nLeaked, but allocated after the snapshot: %s in %zu group%s\n", c4,
              l->later.n, l->later.n == 1 ? "" : "s");
      text_list(a, l, &l->later, arrow, out);
    }
    text_count(l->vmheld.count, l->vmheld.bytes, c1, sizeof c1);
    fprintf(out, "\nScript objects held only by the VM's internals (not leaks): %s in %zu group%s\n",
            c1, l->vmheld.n, l->vmheld.n == 1 ? "" : "s");
    if (l->vmheld.n) text_list(a, l, &l->vmheld, arrow, out);
  }
  text_count(l->cycles.count, l->cycles.bytes, c1, sizeof c1);
  fprintf(out, "\nCycles freed only by the cycle collector: %s in %zu group%s (%" PRId64
               " of %" PRId64 " collection%s freed script objects)\n",
          c1, l->cycles.n, l->cycles.n == 1 ? "" : "s", l->gc_passes_freeing, l->gc_passes,
          l->gc_passes == 1 ? "" : "s");
  if (l->cycles.n) text_list(a, l, &l->cycles, arrow, out);
  fprintf(out, "\nObjects of the VM's start-up, allocated with no script frame (not leaks): %" PRId64
               " (%s) in %zu group%s\n",
          l->startup_count, ht_fmt_bytes(l->startup_bytes, b, sizeof b), l->startup.n,
          l->startup.n == 1 ? "" : "s");
  if (l->startup.n) text_groups(a, &l->startup, out);
  fprintf(out, "\nVM-internal memory still allocated (not leaks): %" PRId64 " (%s) in %zu group%s\n",
          l->internal_count, ht_fmt_bytes(l->internal_bytes, b, sizeof b), l->internal.n,
          l->internal.n == 1 ? "" : "s");
  if (l->internal.n) text_groups(a, &l->internal, out);
}

/* ---- JSON ---- */

static void json_path(ht_json *j, const ht_leaks *l, const ht_leak_group *g) {
  ht_gpath *p = NULL;
  size_t np = 0;
  char buf[2048];
  if (!l->graph || g->node < 0 || ht_graph_retainers(l->graph, (uint32_t)g->node, 1, &p, &np) ||
      !np) {
    ht_graph_paths_free(p, np);
    ht_json_null(j);
    return;
  }
  const ht_graph *gr = l->graph;
  ht_json_begin_object(j);
  ht_json_key(j, "object");
  ht_json_int(j, ht_graph_node(gr, (uint32_t)g->node)->id);
  ht_json_key(j, "root");
  ht_json_str(j, ht_graph_root_str(gr, &p[0], buf, sizeof buf));
  ht_json_key(j, "root_kind");
  ht_json_str(j, p[0].root->kind);
  ht_json_key(j, "text");
  ht_json_str(j, ht_graph_path_str(gr, &p[0], " → ", buf, sizeof buf));
  ht_json_key(j, "steps");
  ht_json_begin_array(j);
  for (size_t s = 0; s < p[0].nsteps; s++) {
    const ht_gedge *e = p[0].steps[s];
    ht_json_begin_object(j);
    ht_json_key(j, "label");
    ht_json_str(j, e->label);
    ht_json_key(j, "kind");
    ht_json_str(j, e->kind);
    ht_json_key(j, "to");
    ht_json_int(j, ht_graph_node(gr, e->dst)->id);
    ht_json_end(j);
  }
  ht_json_end(j);
  ht_json_end(j);
  ht_graph_paths_free(p, np);
}

/* The members every group object has: tag, count, bytes, first_seq, stack. */
static void json_group_members(ht_json *j, const ht_ana *a, int tag, int64_t count,
                               int64_t bytes, int64_t first, uint32_t stack) {
  ht_json_key(j, "tag");
  ht_json_str(j, ht_ana_tag_name(a, tag));
  ht_json_key(j, "count");
  ht_json_int(j, count);
  ht_json_key(j, "bytes");
  ht_json_int(j, bytes);
  ht_json_key(j, "first_seq");
  ht_json_int(j, first);
  ht_json_key(j, "stack");
  ht_json_stack(j, a, stack);
}

static void json_site_groups(ht_json *j, const ht_ana *a, const ht_site_set *s) {
  ht_json_begin_array(j);
  for (size_t i = 0; i < s->n; i++) {
    const ht_site_stat *e = &s->v[i];
    ht_json_begin_object(j);
    json_group_members(j, a, e->tag, e->count, e->bytes, e->first, e->stack);
    ht_json_end(j);
  }
  ht_json_end(j);
}

/* The groups of S as JSON; CLASS names their class ("root", "kept",
** "block", "later", "vm", "cycle" or "unclassified"). */
static void json_list_groups(ht_json *j, const ht_ana *a, const ht_leaks *l, const ht_leak_list *s,
                             const char *cls) {
  for (size_t i = 0; i < s->n; i++) {
    const ht_leak_group *e = &s->v[i];
    ht_json_begin_object(j);
    ht_json_key(j, "class");
    ht_json_str(j, cls);
    json_group_members(j, a, e->tag, e->count, e->bytes, e->first, e->stack);
    if (s == &l->cycles) {
      ht_json_key(j, "collections");
      ht_json_int(j, e->gcs);
      ht_json_key(j, "first_collection_seq");
      ht_json_int(j, e->gc_seq);
      ht_json_key(j, "first_collection_stack");
      ht_json_stack(j, a, e->gc_stack);
    } else {
      ht_json_key(j, "retainer");
      json_path(j, l, e);
    }
    ht_json_end(j);
  }
}

static void json_total(ht_json *j, const char *key, int64_t count, int64_t bytes) {
  ht_json_key(j, key);
  ht_json_begin_object(j);
  ht_json_key(j, "count");
  ht_json_int(j, count);
  ht_json_key(j, "bytes");
  ht_json_int(j, bytes);
  ht_json_end(j);
}

int ht_leaks_print_json(const ht_ana *a, const ht_leaks *l, FILE *out) {
  ht_json j;
  ht_json_init(&j, out, 1);
  ht_json_begin_object(&j);
  ht_json_key(&j, "schema");
  ht_json_str(&j, "heaptrail.leaks");
  ht_json_key(&j, "version");
  ht_json_int(&j, LEAKS_JSON_VERSION);
  ht_json_key(&j, "profile");
  ht_json_str(&j, a->path);
  ht_json_key(&j, "script");
  ht_json_str(&j, a->script);
  ht_json_key(&j, "exit_status");
  if (a->exit_status >= 0) ht_json_int(&j, a->exit_status);
  else ht_json_null(&j);
  ht_json_key(&j, "events");
  ht_json_int(&j, a->nevents);
  ht_json_key(&j, "duration_ns");
  ht_json_int(&j, a->end_t);
  ht_json_key(&j, "mode");
  ht_json_str(&j, l->between ? "between" : "exit");
  ht_json_key(&j, "from_seq");
  ht_json_int(&j, l->from_seq);
  ht_json_key(&j, "to_seq");
  ht_json_int(&j, l->to_seq);
  ht_json_key(&j, "marks");
  if (l->between) {
    ht_json_begin_array(&j);
    ht_json_str(&j, l->mark_a);
    ht_json_str(&j, l->mark_b);
    ht_json_end(&j);
  } else {
    ht_json_null(&j);
  }
  ht_json_key(&j, "teardown_mark");
  ht_json_bool(&j, l->at_teardown);
  ht_json_key(&j, "retainers_available");
  ht_json_bool(&j, l->retainers);
  ht_json_key(&j, "graph");
  if (l->retainers) {
    const ht_graph_info *in = ht_graph_info_of(l->graph);
    ht_json_begin_object(&j);
    ht_json_key(&j, "snapshot");
    ht_json_int(&j, l->snapshot);
    ht_json_key(&j, "snapshot_seq");
    ht_json_int(&j, l->snapshot_seq);
    ht_json_key(&j, "trigger");
    ht_json_str(&j, in->trigger);
    ht_json_key(&j, "seq");
    ht_json_int(&j, in->seq);
    ht_json_key(&j, "replayed");
    ht_json_bool(&j, in->replayed);
    ht_json_key(&j, "exact");
    ht_json_bool(&j, l->graph_exact);
    ht_json_end(&j);
  } else {
    ht_json_null(&j);
  }
  ht_json_key(&j, "note");
  ht_json_str(&j, l->retainers_note);
  ht_json_key(&j, "leaked");
  ht_json_begin_object(&j);
  ht_json_key(&j, "count");
  ht_json_int(&j, l->count);
  ht_json_key(&j, "bytes");
  ht_json_int(&j, l->bytes);
  if (l->retainers) {
    json_total(&j, "root", l->roots.count, l->roots.bytes);
    json_total(&j, "kept_by_leaks", l->kept.count, l->kept.bytes);
    json_total(&j, "blocks", l->blocks.count, l->blocks.bytes);
    json_total(&j, "after_snapshot", l->later.count, l->later.bytes);
  } else {
    ht_json_key(&j, "root");
    ht_json_null(&j);
    ht_json_key(&j, "kept_by_leaks");
    ht_json_null(&j);
    ht_json_key(&j, "blocks");
    ht_json_null(&j);
    ht_json_key(&j, "after_snapshot");
    ht_json_null(&j);
  }
  ht_json_key(&j, "groups");
  ht_json_begin_array(&j);
  if (l->retainers) {
    json_list_groups(&j, a, l, &l->roots, "root");
    json_list_groups(&j, a, l, &l->kept, "kept");
    json_list_groups(&j, a, l, &l->blocks, "block");
    json_list_groups(&j, a, l, &l->later, "later");
  } else {
    for (size_t i = 0; i < l->objects.n; i++) {
      const ht_site_stat *e = &l->objects.v[i];
      ht_json_begin_object(&j);
      ht_json_key(&j, "class");
      ht_json_str(&j, "unclassified");
      ht_json_key(&j, "tag");
      ht_json_str(&j, ht_ana_tag_name(a, e->tag));
      ht_json_key(&j, "count");
      ht_json_int(&j, e->count);
      ht_json_key(&j, "bytes");
      ht_json_int(&j, e->bytes);
      ht_json_key(&j, "first_seq");
      ht_json_int(&j, e->first);
      ht_json_key(&j, "stack");
      ht_json_stack(&j, a, e->stack);
      ht_json_key(&j, "retainer");
      ht_json_null(&j);
      ht_json_end(&j);
    }
  }
  ht_json_end(&j);
  ht_json_end(&j);
  ht_json_key(&j, "vm_held");
  ht_json_begin_object(&j);
  ht_json_key(&j, "count");
  ht_json_int(&j, l->vmheld.count);
  ht_json_key(&j, "bytes");
  ht_json_int(&j, l->vmheld.bytes);
  ht_json_key(&j, "groups");
  ht_json_begin_array(&j);
  json_list_groups(&j, a, l, &l->vmheld, "vm");
  ht_json_end(&j);
  ht_json_end(&j);
  ht_json_key(&j, "cycles");
  ht_json_begin_object(&j);
  ht_json_key(&j, "count");
  ht_json_int(&j, l->cycles.count);
  ht_json_key(&j, "bytes");
  ht_json_int(&j, l->cycles.bytes);
  ht_json_key(&j, "collections");
  ht_json_int(&j, l->gc_passes);
  ht_json_key(&j, "collections_freeing");
  ht_json_int(&j, l->gc_passes_freeing);
  ht_json_key(&j, "groups");
  ht_json_begin_array(&j);
  json_list_groups(&j, a, l, &l->cycles, "cycle");
  ht_json_end(&j);
  ht_json_end(&j);
  ht_json_key(&j, "startup");
  ht_json_begin_object(&j);
  ht_json_key(&j, "count");
  ht_json_int(&j, l->startup_count);
  ht_json_key(&j, "bytes");
  ht_json_int(&j, l->startup_bytes);
  ht_json_key(&j, "groups");
  json_site_groups(&j, a, &l->startup);
  ht_json_end(&j);
  ht_json_key(&j, "internal");
  ht_json_begin_object(&j);
  ht_json_key(&j, "count");
  ht_json_int(&j, l->internal_count);
  ht_json_key(&j, "bytes");
  ht_json_int(&j, l->internal_bytes);
  ht_json_key(&j, "groups");
  json_site_groups(&j, a, &l->internal);
  ht_json_end(&j);
  ht_json_end(&j);
  return ht_json_finish(&j);
}

/* ---- HTML ---- */

static void html_esc(FILE *out, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '&': fputs("&amp;", out); break;
    case '"': fputs("&quot;", out); break;
    case '\'': fputs("&#39;", out); break;
    default: putc(*s, out);
    }
  }
}

static void html_stack(const ht_ana *a, uint32_t stack, FILE *out) {
  char buf[700];
  fputs("<ol class=\"stack\">", out);
  if (stack == 0 || stack >= a->nnodes) {
    fputs("<li>", out);
    html_esc(out, ht_ana_frame_str(a, stack, 1, buf, sizeof buf));
    fputs("</li>", out);
  }
  for (uint32_t s = stack; s && s < a->nnodes; s = a->nodes[s].parent) {
    fputs("<li>", out);
    html_esc(out, ht_ana_frame_str(a, s, 1, buf, sizeof buf));
    fputs("</li>", out);
  }
  fputs("</ol>", out);
}

static void html_groups(const ht_ana *a, const ht_site_set *s, const char *caption, FILE *out) {
  char b[32];
  fprintf(out, "<table>\n<caption>");
  html_esc(out, caption);
  fprintf(out, "</caption>\n<thead><tr><th>#</th><th>bytes</th><th>count</th><th>tag</th>"
               "<th>allocated at (innermost first)</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < s->n; i++) {
    const ht_site_stat *e = &s->v[i];
    fprintf(out, "<tr><td>%zu</td><td class=\"n\" title=\"%" PRId64 " B\">%s</td><td class=\"n\">%" PRId64
                 "</td><td>",
            i + 1, e->bytes, ht_fmt_bytes(e->bytes, b, sizeof b), e->count);
    html_esc(out, ht_ana_tag_name(a, e->tag));
    fputs("</td><td>", out);
    html_stack(a, e->stack, out);
    fputs("</td></tr>\n", out);
  }
  if (!s->n) fputs("<tr><td colspan=\"5\">none</td></tr>\n", out);
  fputs("</tbody>\n</table>\n", out);
}

/* A list of groups with their retainer paths (or, for cycles, their
** collections). */
static void html_list(const ht_ana *a, const ht_leaks *l, const ht_leak_list *s,
                      const char *caption, FILE *out) {
  char b[32], path[2048], f[700];
  int cyc = s == &l->cycles;
  fprintf(out, "<table>\n<caption>");
  html_esc(out, caption);
  fprintf(out, "</caption>\n<thead><tr><th>#</th><th>bytes</th><th>count</th><th>tag</th>"
               "<th>allocated at (innermost first)</th><th>%s</th></tr></thead>\n<tbody>\n",
          cyc ? "freed by the collector" : "retainer path");
  for (size_t i = 0; i < s->n; i++) {
    const ht_leak_group *e = &s->v[i];
    fprintf(out, "<tr><td>%zu</td><td class=\"n\" title=\"%" PRId64 " B\">%s</td><td class=\"n\">%" PRId64
                 "</td><td>",
            i + 1, e->bytes, ht_fmt_bytes(e->bytes, b, sizeof b), e->count);
    html_esc(out, ht_ana_tag_name(a, e->tag));
    fputs("</td><td>", out);
    html_stack(a, e->stack, out);
    fputs("</td><td class=\"path\">", out);
    if (cyc) {
      fprintf(out, "%" PRId64 " collection%s, the first at seq %" PRId64 " (", e->gcs,
              e->gcs == 1 ? "" : "s", e->gc_seq);
      html_esc(out, ht_ana_frame_str(a, e->gc_stack, 1, f, sizeof f));
      fputs(")", out);
    } else {
      const char *p = group_path(l, e, " → ", path, sizeof path);
      html_esc(out, p ? p : no_path_reason(l, s));
    }
    fputs("</td></tr>\n", out);
  }
  if (!s->n) fputs("<tr><td colspan=\"6\">none</td></tr>\n", out);
  fputs("</tbody>\n</table>\n", out);
}

int ht_leaks_print_html(const ht_ana *a, const ht_leaks *l, FILE *out) {
  char what[512], b[32], b2[32], cap[300];
  describe(a, l, what, sizeof what);
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>heaptrail leaks</title>\n<style>\n"
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222;background:#fff}\n"
        "h1{font-size:1.4em}\n.summary{font-size:1.1em}\n"
        "table{border-collapse:collapse;margin:1.5em 0;width:100%}\n"
        "caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
        "th,td{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}\n"
        "th{background:#f4f4f4}\ntd.n{text-align:right;font-variant-numeric:tabular-nums}\n"
        "td.path{font-family:monospace}\n"
        "ol.stack{margin:0;padding-left:1.2em;font-family:monospace}\n"
        ".note{color:#555;font-style:italic}\n"
        "</style>\n</head>\n<body>\n<h1>heaptrail leaks</h1>\n<p>Profile: <code>",
        out);
  html_esc(out, a->path);
  fputs("</code>", out);
  if (a->script) {
    fputs(", script: <code>", out);
    html_esc(out, a->script);
    fputs("</code>", out);
  }
  fputs("</p>\n<p>", out);
  html_esc(out, what);
  fputs("</p>\n<p class=\"note\">", out);
  html_esc(out, l->retainers_note);
  fprintf(out, "</p>\n<p class=\"summary\"><strong>%" PRId64 " leaked object%s, %s</strong> (%" PRId64
               " B) in %zu group%s",
          l->count, l->count == 1 ? "" : "s", ht_fmt_bytes(l->bytes, b, sizeof b), l->bytes, l->objects.n,
          l->objects.n == 1 ? "" : "s");
  if (l->retainers) {
    fprintf(out, ": %" PRId64 " root leak%s (%s), %" PRId64 " kept alive only by other leaks (%s)",
            l->roots.count, l->roots.count == 1 ? "" : "s", ht_fmt_bytes(l->roots.bytes, b, sizeof b),
            l->kept.count, ht_fmt_bytes(l->kept.bytes, b2, sizeof b2));
    if (l->blocks.count)
      fprintf(out, ", %" PRId64 " private blocks of objects (%s)", l->blocks.count,
              ht_fmt_bytes(l->blocks.bytes, b, sizeof b));
    if (l->later.count)
      fprintf(out, ", %" PRId64 " allocated after the snapshot (%s)", l->later.count,
              ht_fmt_bytes(l->later.bytes, b, sizeof b));
  }
  fputs(".</p>\n", out);
  if (l->retainers) {
    html_list(a, l, &l->roots, "Root leaks: a root holds them through no other leaked object", out);
    html_list(a, l, &l->kept, "Kept alive only by other leaked objects", out);
    if (l->blocks.n)
      html_list(a, l, &l->blocks, "Private blocks (item arrays, hash tables) of objects", out);
    if (l->later.n) html_list(a, l, &l->later, "Leaked, but allocated after the snapshot", out);
    snprintf(cap, sizeof cap, "Script objects held only by the VM's internals (not leaks): %" PRId64 ", %s",
             l->vmheld.count, ht_fmt_bytes(l->vmheld.bytes, b, sizeof b));
    html_list(a, l, &l->vmheld, cap, out);
  } else {
    html_groups(a, &l->objects, "Leaked objects, by allocation site and tag", out);
  }
  snprintf(cap, sizeof cap,
           "Cycles freed only by the cycle collector: %" PRId64 ", %s (%" PRId64 " of %" PRId64
           " collections freed script objects)",
           l->cycles.count, ht_fmt_bytes(l->cycles.bytes, b, sizeof b), l->gc_passes_freeing,
           l->gc_passes);
  html_list(a, l, &l->cycles, cap, out);
  snprintf(cap, sizeof cap, "Objects of the VM's start-up, with no script frame (not leaks): %" PRId64 ", %s",
           l->startup_count, ht_fmt_bytes(l->startup_bytes, b, sizeof b));
  html_groups(a, &l->startup, cap, out);
  snprintf(cap, sizeof cap, "VM-internal memory still allocated (not leaks): %" PRId64 ", %s",
           l->internal_count, ht_fmt_bytes(l->internal_bytes, b, sizeof b));
  html_groups(a, &l->internal, cap, out);
  fputs("</body>\n</html>\n", out);
  return fflush(out) || ferror(out) ? -1 : 0;
}
