/*
** advice.c -- findings that name a line (DESIGN.md section 6), from the log.
**
** Four detectors.  Each works on what the recorder stored; none knows the
** language: tags are looked up by name in the profile's `tag` table
** ("function", "cell", "list"), lines come from the stack tree.
**
** Rebinding overlap.  A store that rebinds a name frees the name's old value
** only after the new value has been built, so for a while both are alive.  In
** the log: a FREE of an old object Y at stack node S (the line doing the
** store) comes shortly after the ALLOC of a new object X of the same tag and
** a similar size (within a factor 2) made at S or in a call made from S,
** with every event in between at S or below it (the line did not change),
** X still alive at the FREE, and Y allocated before that run of events (so
** Y is an old value, not a temporary of the line).  Such a pair is an
** overlap [X's seq, Y's free).  It is reported when an overlap holds the
** object peak, and only if removing every overlap of that line (as `del`
** before the line would) lowers the peak: the peak is searched again with
** the overlapping old values taken off (ht_ana_peak_adjusted), which gives
** the exact figure the finding states (when the live bytes stay near the
** peak for very long, the search stops after WHATIF_EVENTS events and the
** finding states a bound: the peak drops to at most ...).  Overlaps longer
** than rebind_window events are not seen.
**
** Per-call churn.  A line whose function (or cell) allocations number at
** least churn_min and were nearly all freed again, with at most
** churn_max_alive alive at once: a new one per call, dropped at return.  The
** counts come from the site table; the "alive at once" figure from the
** report's pass over the objects (report.c), which tracks each line's live
** objects of these tags.
**
** Retention through closure cells.  Cells alive at exit, grouped by the
** function that made them (stack node's code and caller), with the other
** objects that the same function, called from the same place, made and that
** are still alive -- typically the closures holding the cells.  Which object
** holds which is a heap-snapshot question (another component's tables); the
** finding says so plainly when the profile has none.
**
** Growth.  REALLOC events of the list tag at one line (site table, realloc
** counts by the REALLOC's own stack), at least growth_min of them.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"
#include "recorder.h"

void ht_advice_defaults(ht_advice_opts *o) {
  o->churn_min = 10;
  o->churn_max_alive = 2;
  o->growth_min = 8;
  o->rebind_window = 4096;
}

const char *ht_finding_kind_name(ht_finding_kind k) {
  switch (k) {
  case HT_FIND_REBIND: return "rebinding-overlap";
  case HT_FIND_CHURN: return "per-call-churn";
  case HT_FIND_RETENTION: return "closure-retention";
  case HT_FIND_GROWTH: return "list-growth";
  }
  return "?";
}

static int tag_by_name(const ht_ana *a, const char *name) {
  for (int t = 0; t < a->ntags; t++)
    if (a->tag_name[t] && !strcmp(a->tag_name[t], name)) return t;
  return -1;
}

static int push_finding(ht_finding **v, size_t *n, const ht_finding *f) {
  ht_finding *nv = realloc(*v, (*n + 1) * sizeof *nv);
  if (!nv) return -1;
  nv[*n] = *f;
  *v = nv;
  (*n)++;
  return 0;
}

/* ---- rebinding overlap ---- */

typedef struct overlap {
  size_t x, f;                 /* indexes of the new value's ALLOC and the old value's FREE */
  int64_t old_bytes;           /* the old value's size */
  int64_t new_bytes;           /* the new value's size */
} overlap;

typedef struct overlaps {
  overlap *v;
  size_t n, cap;
} overlaps;

/* At most about this many events are replayed by a what-if search (a second
** or so); a profile whose live bytes stay near the peak for longer gets a
** bound instead. */
#define WHATIF_EVENTS 4000000

static int creates(const ht_aev *e) {
  return e->kind == HT_EV_ALLOC || (e->kind == HT_EV_REALLOC && e->old == 0);
}

/* Does the object created by EV[I] stay alive through EV[J-1]? */
static int alive_until(const ht_aev *ev, size_t i, size_t j) {
  for (size_t k = i + 1; k < j; k++) {
    const ht_aev *e = &ev[k];
    if (e->tag != ev[i].tag) continue;
    if (e->kind == HT_EV_FREE && e->obj == ev[i].obj) return 0;
    if (e->kind == HT_EV_REALLOC && e->old == ev[i].obj) return 0;   /* moved: give up */
  }
  return 1;
}

/* Find the overlaps in EV[0..N).  With CODE != 0, only stores at (CODE, LINE). */
static int find_overlaps(const ht_ana *a, const ht_aev *ev, size_t n, int64_t window, uint32_t code,
                         uint32_t line, overlaps *out) {
  uint8_t *used = calloc(n ? n : 1, 1);
  if (!used) return -1;
  for (size_t j = 0; j < n; j++) {
    const ht_aev *f = &ev[j];
    uint32_t s = f->stack;
    if (f->kind != HT_EV_FREE || s == 0 || s >= a->nnodes || ht_ana_tag_is_internal(a, f->tag) ||
        f->size <= 0)
      continue;
    if (code && (a->nodes[s].code != code || a->nodes[s].line != line)) continue;
    size_t lo = j > (size_t)window ? j - (size_t)window : 0;
    for (size_t i = j; i-- > lo;) {
      const ht_aev *x = &ev[i];
      if (!ht_ana_in_subtree(a, x->stack, s)) break;               /* the line changed */
      if (!creates(x)) continue;
      if (x->obj == f->obj && x->tag == f->tag) break;             /* Y is new: a temporary */
      if (used[i] || x->tag != f->tag) continue;
      int64_t lo_sz = x->size < f->size ? x->size : f->size;
      int64_t hi_sz = x->size < f->size ? f->size : x->size;
      if (lo_sz * 2 < hi_sz || !alive_until(ev, i, j)) continue;
      if (out->n == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 16;
        overlap *v = realloc(out->v, cap * sizeof *v);
        if (!v) {
          free(used);
          return -1;
        }
        out->v = v;
        out->cap = cap;
      }
      out->v[out->n++] = (overlap){ i, j, f->size, x->size };
      used[i] = 1;
      break;
    }
  }
  free(used);
  return 0;
}

typedef struct whatif {
  const ht_ana *a;
  int64_t window;
  uint32_t code, line;
  int failed;
} whatif;

/* ht_peak_adjust_fn: take the old values of the line's overlaps off. */
static void whatif_adjust(void *ud, const ht_aev *ev, size_t n, int64_t *reduce) {
  whatif *w = ud;
  overlaps ov = { NULL, 0, 0 };
  if (find_overlaps(w->a, ev, n, w->window, w->code, w->line, &ov)) {
    w->failed = 1;
    return;
  }
  for (size_t k = 0; k < ov.n; k++)
    for (size_t i = ov.v[k].x; i < ov.v[k].f; i++) reduce[i] += ov.v[k].old_bytes;
  free(ov.v);
}

int ht_advice_rebind(ht_ana *a, const ht_advice_opts *o, const ht_peak *p, ht_finding **out,
                     size_t *nout, char *err, size_t errsz) {
  if (p->seq < 0 || p->bytes <= 0) return 0;
  ht_aev *ev = NULL;
  size_t n = 0;
  if (ht_ana_read_events(a, p->seq - o->rebind_window, p->seq + o->rebind_window, &ev, &n, err, errsz))
    return -1;
  overlaps ov = { NULL, 0, 0 };
  if (find_overlaps(a, ev, n, o->rebind_window, 0, 0, &ov)) goto oom;
  /* The overlaps holding the peak, by line. */
  typedef struct line_sum { uint32_t code, line, stack; int tag; int64_t oldb, newb, count; } line_sum;
  line_sum *lines = NULL;
  size_t nlines = 0;
  for (size_t k = 0; k < ov.n; k++) {
    const overlap *x = &ov.v[k];
    if (!(ev[x->x].seq <= p->seq && p->seq < ev[x->f].seq)) continue;
    uint32_t s = ev[x->f].stack;
    uint32_t code = a->nodes[s].code, line = a->nodes[s].line;
    size_t i;
    for (i = 0; i < nlines; i++)
      if (lines[i].code == code && lines[i].line == line) break;
    if (i == nlines) {
      line_sum *nl = realloc(lines, (nlines + 1) * sizeof *nl);
      if (!nl) {
        free(lines);
        goto oom;
      }
      lines = nl;
      lines[nlines++] = (line_sum){ code, line, s, ev[x->f].tag, 0, 0, 0 };
    }
    lines[i].oldb += x->old_bytes;
    lines[i].newb += x->new_bytes;
    lines[i].count++;
  }
  free(ov.v);
  free(ev);
  ev = NULL;
  int rc = 0;
  for (size_t i = 0; i < nlines && rc == 0; i++) {
    whatif w = { a, o->rebind_window, lines[i].code, lines[i].line, 0 };
    ht_peak after;
    if (ht_ana_peak_adjusted(a, HT_SEL_OBJECTS, whatif_adjust, &w, o->rebind_window, WHATIF_EVENTS,
                             &after, err, errsz)) {
      rc = -1;
      break;
    }
    if (w.failed) {
      free(lines);
      goto oom;
    }
    int64_t saved = p->bytes - after.bytes;
    /* Too small to matter: under 1% of the peak. */
    if (saved <= 0 || saved * 100 < p->bytes) continue;
    ht_finding f;
    memset(&f, 0, sizeof f);
    f.kind = HT_FIND_REBIND;
    f.stack = lines[i].stack;
    f.code = lines[i].code;
    f.line = lines[i].line;
    f.tag = lines[i].tag;
    f.bytes = saved;
    f.count = lines[i].count;
    f.old_bytes = lines[i].oldb;
    f.new_bytes = lines[i].newb;
    f.peak_before = p->bytes;
    f.peak_after = after.bytes;
    f.exact = after.exact;
    f.seq = p->seq;
    if (push_finding(out, nout, &f)) {
      free(lines);
      goto oom;
    }
  }
  free(lines);
  return rc;
oom:
  free(ov.v);
  free(ev);
  snprintf(err, errsz, "%s: out of memory", a->path);
  return -1;
}

/* ---- churn ---- */

static int group_cmp(const void *x, const void *y) {
  const ht_line_group *a = x, *b = y;
  if (a->code != b->code) return a->code < b->code ? -1 : 1;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  return a->tag < b->tag ? -1 : a->tag > b->tag;
}

int ht_advice_churn_groups(ht_ana *a, const ht_advice_opts *o, ht_line_group **out, size_t *nout,
                           ht_site_set *map, char *err, size_t errsz) {
  int tags[2] = { tag_by_name(a, "function"), tag_by_name(a, "cell") };
  ht_line_group *g = NULL;
  size_t n = 0, cap = 0;
  *out = NULL;
  *nout = 0;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT stack, tag, allocs, alloc_bytes, frees FROM site "
                                "WHERE tag IN (?1, ?2) AND allocs > 0 AND stack > 0",
                         -1, &st, NULL) != SQLITE_OK) {
    snprintf(err, errsz, "%s: %s (reading sites)", a->path, sqlite3_errmsg(a->db));
    return -1;
  }
  sqlite3_bind_int(st, 1, tags[0]);
  sqlite3_bind_int(st, 2, tags[1]);
  int rc;
  /* Collect per line (sites of several call paths add up). */
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    uint32_t stack = (uint32_t)sqlite3_column_int64(st, 0);
    if (stack >= a->nnodes) continue;
    int tag = sqlite3_column_int(st, 1);
    int64_t allocs = sqlite3_column_int64(st, 2);
    uint32_t code = a->nodes[stack].code, line = a->nodes[stack].line;
    size_t i;
    for (i = 0; i < n; i++)
      if (g[i].code == code && g[i].line == line && g[i].tag == tag) break;
    if (i == n) {
      if (n == cap) {
        cap = cap ? cap * 2 : 16;
        ht_line_group *ng = realloc(g, cap * sizeof *ng);
        if (!ng) goto oom;
        g = ng;
      }
      memset(&g[n], 0, sizeof g[n]);
      g[n].code = code;
      g[n].line = line;
      g[n].tag = tag;
      g[n].stack = stack;
      g[n].first = INT64_MAX;
      n++;
    }
    g[i].allocs += allocs;
    g[i].bytes += sqlite3_column_int64(st, 3);
    g[i].freed += sqlite3_column_int64(st, 4);
  }
  sqlite3_finalize(st);
  st = NULL;
  if (rc != SQLITE_DONE) {
    free(g);
    snprintf(err, errsz, "%s: %s (reading sites)", a->path, sqlite3_errmsg(a->db));
    return -1;
  }
  /* Keep the lines with enough allocations. */
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (g[i].allocs >= o->churn_min) g[k++] = g[i];
  n = k;
  if (n > 1) qsort(g, n, sizeof *g, group_cmp);
  /* Map every node of those lines (with its tag) to its group. */
  for (uint32_t s = 1; s < a->nnodes && n; s++) {
    for (int t = 0; t < 2; t++) {
      if (tags[t] < 0) continue;
      ht_line_group key = { .code = a->nodes[s].code, .line = a->nodes[s].line, .tag = tags[t] };
      ht_line_group *hit = bsearch(&key, g, n, sizeof *g, group_cmp);
      if (!hit) continue;
      ht_site_stat *m = ht_site_set_get(map, s, tags[t]);
      if (!m) goto oom;
      m->count = (int64_t)(hit - g) + 1;
    }
  }
  *out = g;
  *nout = n;
  return 0;
oom:
  sqlite3_finalize(st);
  free(g);
  snprintf(err, errsz, "%s: out of memory", a->path);
  return -1;
}

static int detect_churn(ht_ana *a, const ht_advice_opts *o, const ht_advice_input *in,
                        ht_finding **out, size_t *nout) {
  (void)a;
  for (size_t i = 0; i < in->ngroups; i++) {
    const ht_line_group *g = &in->groups[i];
    if (g->allocs < o->churn_min || g->max_alive > o->churn_max_alive ||
        g->freed < g->allocs - o->churn_max_alive)
      continue;
    ht_finding f;
    memset(&f, 0, sizeof f);
    f.kind = HT_FIND_CHURN;
    f.stack = g->stack;
    f.code = g->code;
    f.line = g->line;
    f.tag = g->tag;
    f.bytes = g->bytes;
    f.count = g->allocs;
    f.max_alive = g->max_alive;
    f.seq = g->first;
    if (push_finding(out, nout, &f)) return -1;
  }
  return 0;
}

/* ---- retention ---- */

static int detect_retention(ht_ana *a, const ht_advice_input *in, ht_finding **out, size_t *nout) {
  int cell = tag_by_name(a, "cell");
  const ht_site_set *ex = in->at_exit;
  if (cell < 0 || !ex) return 0;
  /* One finding per (caller node, code) that has live cells. */
  typedef struct fn_key { uint32_t parent, code, stack, line; int64_t cells, cell_bytes, along, along_bytes; } fn_key;
  fn_key *fk = NULL;
  size_t n = 0;
  for (size_t i = 0; i < ex->n; i++) {
    const ht_site_stat *s = &ex->v[i];
    if (s->tag != cell || s->count <= 0 || s->stack == 0 || s->stack >= a->nnodes) continue;
    uint32_t parent = a->nodes[s->stack].parent, code = a->nodes[s->stack].code;
    size_t k;
    for (k = 0; k < n; k++)
      if (fk[k].parent == parent && fk[k].code == code) break;
    if (k == n) {
      fn_key *nk = realloc(fk, (n + 1) * sizeof *nk);
      if (!nk) {
        free(fk);
        return -1;
      }
      fk = nk;
      memset(&fk[n], 0, sizeof fk[n]);
      fk[n].parent = parent;
      fk[n].code = code;
      fk[n].stack = s->stack;
      fk[n].line = a->nodes[s->stack].line;
      n++;
    }
    fk[k].cells += s->count;
    fk[k].cell_bytes += s->bytes;
  }
  for (size_t i = 0; i < ex->n && n; i++) {
    const ht_site_stat *s = &ex->v[i];
    if (s->tag == cell || s->count <= 0 || s->stack == 0 || s->stack >= a->nnodes ||
        ht_ana_tag_is_internal(a, s->tag))
      continue;
    for (size_t k = 0; k < n; k++)
      if (fk[k].parent == a->nodes[s->stack].parent && fk[k].code == a->nodes[s->stack].code) {
        fk[k].along += s->count;
        fk[k].along_bytes += s->bytes;
      }
  }
  for (size_t k = 0; k < n; k++) {
    ht_finding f;
    memset(&f, 0, sizeof f);
    f.kind = HT_FIND_RETENTION;
    f.stack = fk[k].stack;
    f.code = fk[k].code;
    f.line = fk[k].line;
    f.tag = cell;
    f.count = fk[k].cells;
    f.cell_bytes = fk[k].cell_bytes;
    f.along_count = fk[k].along;
    f.along_bytes = fk[k].along_bytes;
    f.bytes = fk[k].cell_bytes + fk[k].along_bytes;
    f.seq = in->exit_seq;
    if (push_finding(out, nout, &f)) {
      free(fk);
      return -1;
    }
  }
  free(fk);
  return 0;
}

/* ---- growth ---- */

static int detect_growth(ht_ana *a, const ht_advice_opts *o, ht_finding **out, size_t *nout, char *err,
                         size_t errsz) {
  int list = tag_by_name(a, "list");
  if (list < 0) return 0;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT stack, reallocs, realloc_bytes FROM site "
                                "WHERE tag = ?1 AND reallocs > 0 AND stack > 0 ORDER BY stack",
                         -1, &st, NULL) != SQLITE_OK) {
    snprintf(err, errsz, "%s: %s (reading sites)", a->path, sqlite3_errmsg(a->db));
    return -1;
  }
  sqlite3_bind_int(st, 1, list);
  ht_finding *lines = NULL;
  size_t n = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    uint32_t stack = (uint32_t)sqlite3_column_int64(st, 0);
    if (stack >= a->nnodes) continue;
    uint32_t code = a->nodes[stack].code, line = a->nodes[stack].line;
    size_t k;
    for (k = 0; k < n; k++)
      if (lines[k].code == code && lines[k].line == line) break;
    if (k == n) {
      ht_finding f;
      memset(&f, 0, sizeof f);
      f.kind = HT_FIND_GROWTH;
      f.stack = stack;
      f.code = code;
      f.line = line;
      f.tag = list;
      if (push_finding(&lines, &n, &f)) {
        sqlite3_finalize(st);
        free(lines);
        snprintf(err, errsz, "%s: out of memory", a->path);
        return -1;
      }
    }
    lines[k].count += sqlite3_column_int64(st, 1);
    lines[k].bytes += sqlite3_column_int64(st, 2);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    free(lines);
    snprintf(err, errsz, "%s: %s (reading sites)", a->path, sqlite3_errmsg(a->db));
    return -1;
  }
  for (size_t k = 0; k < n; k++) {
    if (lines[k].count < o->growth_min) continue;
    if (push_finding(out, nout, &lines[k])) {
      free(lines);
      snprintf(err, errsz, "%s: out of memory", a->path);
      return -1;
    }
  }
  free(lines);
  return 0;
}

/* Kinds in the order of DESIGN.md; within a kind, the most bytes first,
** then by code and line so the output is stable. */
static int finding_cmp(const void *x, const void *y) {
  const ht_finding *a = x, *b = y;
  if (a->kind != b->kind) return a->kind < b->kind ? -1 : 1;
  if (a->bytes != b->bytes) return a->bytes > b->bytes ? -1 : 1;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  if (a->code != b->code) return a->code < b->code ? -1 : 1;
  if (a->line != b->line) return a->line < b->line ? -1 : 1;
  return a->stack < b->stack ? -1 : a->stack > b->stack;
}

int ht_advice_run(ht_ana *a, const ht_advice_opts *o, const ht_advice_input *in, ht_finding **out,
                  size_t *n, char *err, size_t errsz) {
  size_t first = *n;
  if (ht_advice_rebind(a, o, &in->peak, out, n, err, errsz)) return -1;
  if (detect_churn(a, o, in, out, n) || detect_retention(a, in, out, n)) {
    snprintf(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  if (detect_growth(a, o, out, n, err, errsz)) return -1;
  if (*n - first > 1) qsort(*out + first, *n - first, sizeof **out, finding_cmp);
  return 0;
}

/* ---- text ---- */

char *ht_finding_text(const ht_ana *a, const ht_finding *f, char *buf, size_t n) {
  char where[600], b1[32], b2[32], b3[32], b4[32];
  ht_ana_frame_str(a, f->stack, 1, where, sizeof where);
  const char *tag = ht_ana_tag_name(a, f->tag);
  switch (f->kind) {
  case HT_FIND_REBIND:
    snprintf(buf, n,
             "%s: rebinding overlap: a new %s %s was built while the %s old value it replaces "
             "was still alive (freed only when line %" PRIu32 " stored the new one); `del` the "
             "name before line %" PRIu32 " (when the new value does not need the old one) and "
             "the peak drops from %s to %s%s",
             where, ht_fmt_bytes(f->new_bytes, b1, sizeof b1), tag,
             ht_fmt_bytes(f->old_bytes, b2, sizeof b2), f->line, f->line,
             ht_fmt_bytes(f->peak_before, b3, sizeof b3), f->exact ? "" : "at most ",
             ht_fmt_bytes(f->peak_after, b4, sizeof b4));
    break;
  case HT_FIND_CHURN:
    snprintf(buf, n,
             "%s: per-call churn: %" PRId64 " %s objects made here and freed again, at most %" PRId64
             " alive at a time (%s in all): a new one is made on every call; define it once "
             "outside the function if it does not need the call's variables",
             where, f->count, tag, f->max_alive, ht_fmt_bytes(f->bytes, b1, sizeof b1));
    break;
  case HT_FIND_RETENTION:
    snprintf(buf, n,
             "%s: retention through closure cells: %" PRId64 " %s%s made by this function %s still "
             "alive at exit (%s), with %" PRId64 " other object%s it made in the same calls (%s); "
             "closures that outlive their call keep their cells and what the cells refer to "
             "alive%s",
             where, f->count, tag, f->count == 1 ? "" : "s", f->count == 1 ? "is" : "are",
             ht_fmt_bytes(f->cell_bytes, b1, sizeof b1), f->along_count,
             f->along_count == 1 ? "" : "s", ht_fmt_bytes(f->along_bytes, b2, sizeof b2),
             a->has_snapshots ? ""
                              : " (which object holds them needs a heap snapshot; this profile "
                                "has none)");
    break;
  case HT_FIND_GROWTH:
    snprintf(buf, n,
             "%s: list growth: %s item arrays were reallocated %" PRId64 " times at this line "
             "(%s of new arrays); building the list at its final size allocates once",
             where, tag, f->count, ht_fmt_bytes(f->bytes, b1, sizeof b1));
    break;
  }
  return buf;
}
