/*
** ana-core.c -- the analysis context and the primitives every analysis
** shares (analysis.h): the profile's small tables in memory, the exact peak,
** the live set at a moment, decoded events with their live-byte deltas.
**
** The exact peak.  `series` level 0 gives, per bucket of W events and per
** tag (and for all tags, tag -1), the live bytes at the bucket's end and the
** highest live bytes at any event inside it.  For all tags that per-bucket
** peak is exact; for a selection of tags (the object tags), the sum of the
** selected tags' peaks is an upper bound and the sum of their end bytes the
** exact value at the bucket's end.  So the peak is found by visiting buckets
** by decreasing bound and replaying each one's events from the live bytes at
** the end of the bucket before, until the next bound cannot beat the best
** value seen: typically one to a few buckets of a few hundred events, for a
** profile of any length.  A replay applies each event's delta: ALLOC +size,
** FREE -size, REALLOC +(size - old size) from `resize`; the rare anomalies
** the finalizer counts in meta (frees of unknown objects, allocations over a
** live address) are resolved from `object` rows when the profile has any.
**
** The live set at S.  Objects with id <= S < free_seq come either from a
** range of `object`'s rowid (ids up to S) or from the free_seq index (objects
** freed after S, plus those never freed, each then looked up in the table);
** a cost model fed with the series' counts picks the cheaper (see
** ht_ana_live_at).  Objects resized after S are corrected to their size at S
** from `resize`.
*/
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"
#include "encode.h"
#include "recorder.h"

struct ht_curves {
  int64_t nb;                  /* buckets */
  int64_t *ub[2];              /* per selection: upper bound of the bucket's peak */
  int64_t *end[2];             /* per selection: live bytes at the bucket's end */
  int64_t *frees_after;        /* FREE events in buckets after b (all tags) */
  int64_t *live_count;         /* objects alive at the bucket's end (all tags) */
  int64_t *tag_peak;           /* per tag: highest live bytes */
};

static void seterr(char *err, size_t errsz, const char *fmt, ...) {
  if (!err || !errsz) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errsz, fmt, ap);
  va_end(ap);
}

static int dberr(ht_ana *a, char *err, size_t errsz, const char *what) {
  char buf[800];
  ht_profile_errmsg(a->prof, buf, sizeof buf);
  seterr(err, errsz, "%s (%s)", buf, what);
  return -1;
}

static char *xstrdup(const char *s) {
  return s ? strdup(s) : NULL;
}

/* ---- opening ---- */

static int load_codes(ht_ana *a, char *err, size_t errsz) {
  sqlite3_stmt *st = NULL;
  int64_t max = 0;
  if (sqlite3_prepare_v2(a->db, "SELECT coalesce(max(id), 0) FROM code", -1, &st, NULL) != SQLITE_OK ||
      sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_finalize(st);
    return dberr(a, err, errsz, "reading code");
  }
  max = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  if (max < 0 || max > (1 << 28)) {
    seterr(err, errsz, "%s: corrupt profile (code ids out of range)", a->path);
    return -1;
  }
  a->ncodes = (uint32_t)max + 1;
  a->codes = calloc(a->ncodes, sizeof *a->codes);
  if (!a->codes) goto oom;
  if (sqlite3_prepare_v2(a->db, "SELECT id, filename, qualname, firstlineno FROM code", -1, &st,
                         NULL) != SQLITE_OK)
    return dberr(a, err, errsz, "reading code");
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(st, 0);
    if (id < 1 || id >= a->ncodes) continue;
    ht_code_loc *c = &a->codes[id];
    const char *f = (const char *)sqlite3_column_text(st, 1);
    const char *q = (const char *)sqlite3_column_text(st, 2);
    c->filename = strdup(f ? f : "?");
    c->qualname = strdup(q ? q : "?");
    c->firstlineno = sqlite3_column_int(st, 3);
    if (!c->filename || !c->qualname) {
      sqlite3_finalize(st);
      goto oom;
    }
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return dberr(a, err, errsz, "reading code");
  return 0;
oom:
  seterr(err, errsz, "%s: out of memory", a->path);
  return -1;
}

static int load_stacks(ht_ana *a, char *err, size_t errsz) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT coalesce(max(id), 0) FROM stack", -1, &st, NULL) != SQLITE_OK ||
      sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_finalize(st);
    return dberr(a, err, errsz, "reading stack");
  }
  int64_t max = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  if (max < 0 || max >= UINT32_MAX / 2) {
    seterr(err, errsz, "%s: corrupt profile (stack ids out of range)", a->path);
    return -1;
  }
  a->nnodes = (uint32_t)max + 1;
  a->nodes = calloc(a->nnodes, sizeof *a->nodes);
  if (!a->nodes) {
    seterr(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  if (sqlite3_prepare_v2(a->db, "SELECT id, parent, code, line, depth FROM stack", -1, &st, NULL) !=
      SQLITE_OK)
    return dberr(a, err, errsz, "reading stack");
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(st, 0);
    if (id < 1 || id >= a->nnodes) continue;
    ht_stack_node *n = &a->nodes[id];
    int64_t parent = sqlite3_column_int64(st, 1), code = sqlite3_column_int64(st, 2);
    n->parent = parent >= 0 && parent < id ? (uint32_t)parent : 0;
    n->code = code > 0 && code < a->ncodes ? (uint32_t)code : 0;
    n->line = (uint32_t)sqlite3_column_int64(st, 3);
    n->depth = (uint32_t)sqlite3_column_int64(st, 4);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return dberr(a, err, errsz, "reading stack");
  /* Depths from the tree itself (parents have smaller ids), so a damaged
  ** depth column cannot send a walk astray. */
  for (uint32_t i = 1; i < a->nnodes; i++)
    a->nodes[i].depth = a->nodes[a->nodes[i].parent].depth + 1;
  return 0;
}

static int load_tags(ht_ana *a, char *err, size_t errsz) {
  sqlite3_stmt *st = NULL;
  int rc;
  a->ntags = 256;
  a->tag_name = calloc(256, sizeof *a->tag_name);
  a->tag_internal = calloc(256, 1);
  if (!a->tag_name || !a->tag_internal) {
    seterr(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  if (sqlite3_prepare_v2(a->db, "SELECT id, name, kind FROM tag", -1, &st, NULL) != SQLITE_OK)
    return dberr(a, err, errsz, "reading tag");
  int max = -1;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t id = sqlite3_column_int64(st, 0);
    if (id < 0 || id > 255) continue;
    const char *name = (const char *)sqlite3_column_text(st, 1);
    const char *kind = (const char *)sqlite3_column_text(st, 2);
    free(a->tag_name[id]);
    a->tag_name[id] = strdup(name ? name : "?");
    a->tag_internal[id] = kind && !strcmp(kind, "internal");
    if (id > max) max = (int)id;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return dberr(a, err, errsz, "reading tag");
  a->ntags = max + 1;
  return 0;
}

static int64_t meta_int(ht_ana *a, const char *key, int64_t dflt) {
  sqlite3_stmt *st = NULL;
  int64_t v = dflt;
  if (sqlite3_prepare_v2(a->db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
      v = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  return v;
}

static char *meta_text(ht_ana *a, const char *key) {
  sqlite3_stmt *st = NULL;
  char *v = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
      v = xstrdup((const char *)sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  return v;
}

/* One integer from SQL, or DFLT; -1 return on an SQL error. */
static int query_int(ht_ana *a, const char *sql, int64_t *out, int64_t dflt) {
  sqlite3_stmt *st = NULL;
  *out = dflt;
  int rc = sqlite3_prepare_v2(a->db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
      if (sqlite3_column_type(st, 0) != SQLITE_NULL) *out = sqlite3_column_int64(st, 0);
      rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
      rc = SQLITE_OK;
    }
  }
  sqlite3_finalize(st);
  return rc == SQLITE_OK ? 0 : -1;
}

int ht_ana_open(ht_ana **out, const char *path, char *err, size_t errsz) {
  ht_ana *a = calloc(1, sizeof *a);
  *out = NULL;
  if (!a || !(a->path = strdup(path))) {
    free(a);
    seterr(err, errsz, "%s: out of memory", path);
    return -1;
  }
  if (ht_profile_open(&a->prof, path, 0, err, errsz)) {
    ht_ana_close(a);
    return -1;
  }
  a->db = ht_profile_db(a->prof);
  /* Live sets look objects up at random: map the file rather than read it
  ** page by page (SQLite caps the size at its compile-time maximum). */
  sqlite3_exec(a->db, "PRAGMA cache_size=-65536; PRAGMA mmap_size=2147418112", NULL, NULL, NULL);
  if (load_tags(a, err, errsz) || load_codes(a, err, errsz) || load_stacks(a, err, errsz)) {
    ht_ana_close(a);
    return -1;
  }
  if (query_int(a, "SELECT coalesce(sum(nevents), 0) FROM chunk", &a->nevents, 0) ||
      query_int(a, "SELECT coalesce(max(id), -1) + 1 FROM object", &a->nobjects, 0) ||
      query_int(a, "SELECT width FROM series_level WHERE level = 0", &a->width0, 1024)) {
    dberr(a, err, errsz, "reading the profile's summary");
    ht_ana_close(a);
    return -1;
  }
  /* nobjects above is an upper bound on ids; the count itself is in meta. */
  a->nobjects = meta_int(a, "objects", a->nobjects);
  if (a->width0 < 1) a->width0 = 1024;
  a->nbuckets = (a->nevents + a->width0 - 1) / a->width0;
  a->end_t = meta_int(a, "end_t", 0);
  a->exit_status = meta_int(a, "exit_status", -1);
  a->anomalies = meta_int(a, "unmatched_frees", 0) || meta_int(a, "unmatched_allocs", 0) ||
                 meta_int(a, "unmatched_reallocs", 0) || meta_int(a, "size_mismatches", 0);
  a->script = meta_text(a, "script");
  if (a->script && a->script[0] == '/') {
    const char *slash = strrchr(a->script, '/');
    size_t n = (size_t)(slash - a->script) + 1;
    if ((a->script_dir = malloc(n + 1))) {
      memcpy(a->script_dir, a->script, n);
      a->script_dir[n] = 0;
    }
  }
  int64_t td = -1;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT min(seq) FROM mark WHERE label = ?1", -1, &st, NULL) ==
      SQLITE_OK) {
    sqlite3_bind_text(st, 1, HT_TEARDOWN_MARK, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
      td = sqlite3_column_int64(st, 0);
  }
  sqlite3_finalize(st);
  a->teardown_seq = td;
  /* Heap snapshots are another component's tables; any table whose name
  ** starts with "snapshot" means a snapshot writer has been at work. */
  int64_t snaps = 0;
  query_int(a, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name LIKE 'snapshot%'",
            &snaps, 0);
  a->has_snapshots = snaps > 0;
  *out = a;
  return 0;
}

static void curves_free(ht_curves *c) {
  if (!c) return;
  for (int s = 0; s < 2; s++) {
    free(c->ub[s]);
    free(c->end[s]);
  }
  free(c->frees_after);
  free(c->live_count);
  free(c->tag_peak);
  free(c);
}

void ht_ana_close(ht_ana *a) {
  if (!a) return;
  for (uint32_t i = 0; a->codes && i < a->ncodes; i++) {
    free(a->codes[i].filename);
    free(a->codes[i].qualname);
  }
  free(a->codes);
  free(a->nodes);
  if (a->tag_name)
    for (int i = 0; i < 256; i++) free(a->tag_name[i]);
  free(a->tag_name);
  free(a->tag_internal);
  free(a->script);
  free(a->script_dir);
  curves_free(a->curves);
  ht_profile_close(a->prof);
  free(a->path);
  free(a);
}

/* ---- naming ---- */

const char *ht_ana_tag_name(const ht_ana *a, int tag) {
  if (tag < 0 || tag > 255 || !a->tag_name[tag]) return "?";
  return a->tag_name[tag];
}

int ht_ana_tag_is_internal(const ht_ana *a, int tag) {
  return tag >= 0 && tag <= 255 && a->tag_internal[tag];
}

const char *ht_ana_short_file(const ht_ana *a, const char *file) {
  if (a->script_dir && file) {
    size_t n = strlen(a->script_dir);
    if (!strncmp(file, a->script_dir, n) && file[n]) return file + n;
  }
  return file;
}

char *ht_ana_frame_str(const ht_ana *a, uint32_t node, int shortfile, char *buf, size_t n) {
  if (node == 0 || node >= a->nnodes) {
    snprintf(buf, n, "%s", node ? "(unknown stack)" : "(no script frame)");
    return buf;
  }
  const ht_stack_node *s = &a->nodes[node];
  const ht_code_loc *c = s->code ? &a->codes[s->code] : NULL;
  const char *file = c && c->filename ? c->filename : "?";
  if (shortfile) file = ht_ana_short_file(a, file);
  snprintf(buf, n, "%s:%" PRIu32 " in %s", file, s->line, c && c->qualname ? c->qualname : "?");
  return buf;
}

int ht_ana_in_subtree(const ht_ana *a, uint32_t node, uint32_t root) {
  if (node >= a->nnodes || root >= a->nnodes) return 0;
  if (root == 0) return 1;
  uint32_t d = a->nodes[root].depth;
  while (node && a->nodes[node].depth > d) node = a->nodes[node].parent;
  return node == root;
}

int64_t ht_ana_exit_seq(const ht_ana *a) {
  return a->teardown_seq >= 0 ? a->teardown_seq : a->nevents;
}

int ht_ana_find_mark(ht_ana *a, const char *label, int64_t after, int64_t *seq, char *err,
                     size_t errsz) {
  sqlite3_stmt *st = NULL;
  int found = 0;
  if (sqlite3_prepare_v2(a->db, "SELECT min(seq) FROM mark WHERE label = ?1 AND seq > ?2", -1, &st,
                         NULL) != SQLITE_OK)
    return dberr(a, err, errsz, "reading mark");
  sqlite3_bind_text(st, 1, label, -1, SQLITE_STATIC);
  sqlite3_bind_int64(st, 2, after);
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
    *seq = sqlite3_column_int64(st, 0);
    found = 1;
  }
  sqlite3_finalize(st);
  if (found) return 0;
  /* Say which labels there are. */
  char list[400] = "";
  size_t len = 0;
  int n = 0;
  if (sqlite3_prepare_v2(a->db, "SELECT label FROM mark GROUP BY label ORDER BY min(seq) LIMIT 11",
                         -1, &st, NULL) == SQLITE_OK) {
    while (sqlite3_step(st) == SQLITE_ROW && len < sizeof list - 40) {
      const char *l = (const char *)sqlite3_column_text(st, 0);
      if (++n > 10) {
        len += (size_t)snprintf(list + len, sizeof list - len, ", ...");
        break;
      }
      len += (size_t)snprintf(list + len, sizeof list - len, "%s\"%.60s\"", n > 1 ? ", " : "",
                              l ? l : "");
    }
  }
  sqlite3_finalize(st);
  if (after >= 0)
    seterr(err, errsz, "%s: no mark \"%s\" after seq %" PRId64 " (marks: %s)", a->path, label, after,
           n ? list : "none");
  else
    seterr(err, errsz, "%s: no mark \"%s\" (marks: %s)", a->path, label, n ? list : "none");
  return -1;
}

char *ht_fmt_bytes(int64_t bytes, char *buf, size_t n) {
  static const char *const unit[] = { "kB", "MB", "GB", "TB", "PB" };
  int64_t m = bytes < 0 ? -bytes : bytes;
  if (m < 1000) {
    snprintf(buf, n, "%" PRId64 " B", bytes);
    return buf;
  }
  double v = (double)bytes / 1000.0;
  int u = 0;
  while ((v >= 1000.0 || v <= -1000.0) && u < 4) {
    v /= 1000.0;
    u++;
  }
  snprintf(buf, n, "%.1f %s", v, unit[u]);
  return buf;
}

/* ---- site sets ---- */

void ht_site_set_init(ht_site_set *s) {
  memset(s, 0, sizeof *s);
}

void ht_site_set_free(ht_site_set *s) {
  free(s->v);
  free(s->hash);
  memset(s, 0, sizeof *s);
}

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  return x;
}

static size_t site_slot(const ht_site_set *s, uint32_t stack, int tag) {
  return (size_t)mix64(((uint64_t)stack << 9) ^ (uint64_t)(unsigned)tag) & s->hmask;
}

ht_site_stat *ht_site_set_find(const ht_site_set *s, uint32_t stack, int tag) {
  if (!s->hash) return NULL;
  for (size_t i = site_slot(s, stack, tag);; i = (i + 1) & s->hmask) {
    uint32_t k = s->hash[i];
    if (!k) return NULL;
    if (s->v[k - 1].stack == stack && s->v[k - 1].tag == tag) return &s->v[k - 1];
  }
}

ht_site_stat *ht_site_set_get(ht_site_set *s, uint32_t stack, int tag) {
  if (s->hash) {
    if (s->memo < s->n && s->v[s->memo].stack == stack && s->v[s->memo].tag == tag)
      return &s->v[s->memo];
    for (size_t i = site_slot(s, stack, tag);; i = (i + 1) & s->hmask) {
      uint32_t k = s->hash[i];
      if (!k) break;
      if (s->v[k - 1].stack == stack && s->v[k - 1].tag == tag) {
        s->memo = k - 1;
        return &s->v[k - 1];
      }
    }
  }
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 64;
    ht_site_stat *v = realloc(s->v, cap * sizeof *v);
    if (!v) return NULL;
    s->v = v;
    s->cap = cap;
  }
  if (!s->hash || (s->n + 1) * 2 > s->hmask + 1) {
    size_t cap = s->hash ? (s->hmask + 1) * 2 : 128;
    uint32_t *h = calloc(cap, sizeof *h);
    if (!h) return NULL;
    free(s->hash);
    s->hash = h;
    s->hmask = cap - 1;
    for (size_t k = 0; k < s->n; k++) {
      size_t i = site_slot(s, s->v[k].stack, s->v[k].tag);
      while (s->hash[i]) i = (i + 1) & s->hmask;
      s->hash[i] = (uint32_t)k + 1;
    }
  }
  ht_site_stat *e = &s->v[s->n];
  memset(e, 0, sizeof *e);
  e->stack = stack;
  e->tag = tag;
  e->first = INT64_MAX;
  size_t i = site_slot(s, stack, tag);
  while (s->hash[i]) i = (i + 1) & s->hmask;
  s->memo = s->n;
  s->hash[i] = (uint32_t)++s->n;
  return e;
}

static int site_cmp(const void *x, const void *y) {
  const ht_site_stat *a = x, *b = y;
  if (a->bytes != b->bytes) return a->bytes > b->bytes ? -1 : 1;
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  if (a->stack != b->stack) return a->stack < b->stack ? -1 : 1;
  return a->tag < b->tag ? -1 : a->tag > b->tag;
}

void ht_site_set_sort(ht_site_set *s) {
  if (s->n > 1) qsort(s->v, s->n, sizeof *s->v, site_cmp);
  free(s->hash);
  s->hash = NULL;
  s->hmask = 0;
}

/* ---- the curves ---- */

static int curves_load(ht_ana *a, char *err, size_t errsz) {
  if (a->curves) return 0;
  ht_curves *c = calloc(1, sizeof *c);
  uint8_t *has_all = NULL;
  int64_t nb = a->nbuckets + 1;
  if (!c) goto oom;
  c->nb = a->nbuckets;
  for (int s = 0; s < 2; s++) {
    c->ub[s] = calloc((size_t)nb, sizeof(int64_t));
    c->end[s] = calloc((size_t)nb, sizeof(int64_t));
    if (!c->ub[s] || !c->end[s]) goto oom;
  }
  c->frees_after = calloc((size_t)nb + 1, sizeof(int64_t));
  c->tag_peak = calloc(256, sizeof(int64_t));
  c->live_count = calloc((size_t)nb, sizeof(int64_t));
  has_all = calloc((size_t)nb, 1);
  if (!c->frees_after || !c->tag_peak || !c->live_count || !has_all) goto oom;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT tag, bucket, bytes, peak_bytes, frees, count FROM series WHERE level = 0",
                         -1, &st, NULL) != SQLITE_OK) {
    curves_free(c);
    free(has_all);
    return dberr(a, err, errsz, "reading series");
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t tag = sqlite3_column_int64(st, 0), b = sqlite3_column_int64(st, 1);
    int64_t bytes = sqlite3_column_int64(st, 2), peak = sqlite3_column_int64(st, 3);
    if (b < 0 || b >= c->nb || tag < -1 || tag > 255) continue;
    if (tag == -1) {
      c->ub[HT_SEL_ALL][b] = peak;
      c->end[HT_SEL_ALL][b] = bytes;
      c->frees_after[b] = sqlite3_column_int64(st, 4);   /* suffix sums below */
      c->live_count[b] = sqlite3_column_int64(st, 5);
      has_all[b] = 1;
    } else {
      if (peak > c->tag_peak[tag]) c->tag_peak[tag] = peak;
      if (!a->tag_internal[tag]) {
        c->ub[HT_SEL_OBJECTS][b] += peak;
        c->end[HT_SEL_OBJECTS][b] += bytes;
      }
    }
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    curves_free(c);
    free(has_all);
    return dberr(a, err, errsz, "reading series");
  }
  /* A bucket without a row for all tags had no events (a gap in the log)
  ** or nothing alive: either way its end is the end of the bucket before. */
  for (int64_t b = 1; b < c->nb; b++)
    if (!has_all[b]) {
      for (int s = 0; s < 2; s++) c->end[s][b] = c->end[s][b - 1];
      c->live_count[b] = c->live_count[b - 1];
    }
  free(has_all);
  has_all = NULL;
  /* frees_after[b] = FREE events in buckets > b. */
  int64_t acc = 0;
  for (int64_t b = c->nb - 1; b >= 0; b--) {
    int64_t here = c->frees_after[b];
    c->frees_after[b] = acc;
    acc += here;
  }
  a->curves = c;
  return 0;
oom:
  curves_free(c);
  free(has_all);
  seterr(err, errsz, "%s: out of memory", a->path);
  return -1;
}

int ht_ana_tag_peaks(ht_ana *a, int64_t *peak_by_tag, char *err, size_t errsz) {
  if (curves_load(a, err, errsz)) return -1;
  for (int t = 0; t < a->ntags; t++) peak_by_tag[t] = a->curves->tag_peak[t];
  return 0;
}

/* ---- events ---- */

typedef struct evbuf {
  ht_aev *v;
  size_t n, cap;
} evbuf;

static int lookup_int(sqlite3_stmt *st, int64_t key, int64_t *out) {
  sqlite3_reset(st);
  sqlite3_bind_int64(st, 1, key);
  int found = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL;
  if (found) *out = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  return found;
}

int ht_ana_read_events(ht_ana *a, int64_t lo, int64_t hi, ht_aev **out, size_t *nout, char *err,
                       size_t errsz) {
  evbuf b = { NULL, 0, 0 };
  sqlite3_stmt *st = NULL, *rs = NULL, *orphan = NULL, *ended = NULL;
  *out = NULL;
  *nout = 0;
  if (lo < 0) lo = 0;
  if (hi < lo) return 0;
  if (sqlite3_prepare_v2(a->db,
                         "SELECT seq, t, kind, obj, tag, size, stack, old FROM events "
                         "WHERE seq >= ?1 AND seq <= ?2 AND kind <= 2",
                         -1, &st, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(a->db, "SELECT old_size FROM resize WHERE seq = ?1", -1, &rs, NULL) != SQLITE_OK)
    goto dbfail;
  if (a->anomalies &&
      (sqlite3_prepare_v2(a->db, "SELECT pre FROM object WHERE id = ?1 AND free_seq = ?1", -1, &orphan,
                          NULL) != SQLITE_OK ||
       sqlite3_prepare_v2(a->db, "SELECT sum(size) FROM object WHERE free_seq = ?1", -1, &ended, NULL) !=
           SQLITE_OK))
    goto dbfail;
  sqlite3_bind_int64(st, 1, lo);
  sqlite3_bind_int64(st, 2, hi);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (b.n == b.cap) {
      size_t cap = b.cap ? b.cap * 2 : 1024;
      ht_aev *v = realloc(b.v, cap * sizeof *v);
      if (!v) {
        sqlite3_finalize(st);
        sqlite3_finalize(rs);
        sqlite3_finalize(orphan);
        sqlite3_finalize(ended);
        free(b.v);
        seterr(err, errsz, "%s: out of memory", a->path);
        return -1;
      }
      b.v = v;
      b.cap = cap;
    }
    ht_aev *e = &b.v[b.n++];
    e->seq = sqlite3_column_int64(st, 0);
    e->t = sqlite3_column_int64(st, 1);
    e->kind = (uint8_t)sqlite3_column_int(st, 2);
    e->obj = (uint64_t)sqlite3_column_int64(st, 3);
    e->tag = (uint8_t)sqlite3_column_int(st, 4);
    e->size = sqlite3_column_int64(st, 5);
    e->stack = (uint32_t)sqlite3_column_int64(st, 6);
    e->old = sqlite3_column_type(st, 7) == SQLITE_NULL ? 0 : (uint64_t)sqlite3_column_int64(st, 7);
    int64_t v;
    switch (e->kind) {
    case HT_EV_ALLOC:
      e->delta = e->size;
      break;
    case HT_EV_FREE:
      e->delta = -e->size;
      break;
    default: /* REALLOC: a resize of a known object, else a creation */
      e->delta = lookup_int(rs, e->seq, &v) ? e->size - v : e->size;
      break;
    }
    if (a->anomalies) {
      /* A FREE of an object never seen changes nothing; an event that ends
      ** an object (a FREE with a different size, an ALLOC over a live
      ** address) takes off that object's recorded size. */
      if (e->kind == HT_EV_FREE && lookup_int(orphan, e->seq, &v)) {
        e->delta = 0;
      } else {
        int64_t gone = 0;
        if (lookup_int(ended, e->seq, &gone)) {
          if (e->kind == HT_EV_FREE) e->delta = -gone;
          else e->delta -= gone;
        }
      }
    }
  }
  sqlite3_finalize(st);
  sqlite3_finalize(rs);
  sqlite3_finalize(orphan);
  sqlite3_finalize(ended);
  st = rs = orphan = ended = NULL;
  if (rc != SQLITE_DONE) {
    free(b.v);
    return dberr(a, err, errsz, "reading events");
  }
  *out = b.v;
  *nout = b.n;
  return 0;
dbfail:
  sqlite3_finalize(st);
  sqlite3_finalize(rs);
  sqlite3_finalize(orphan);
  sqlite3_finalize(ended);
  free(b.v);
  return dberr(a, err, errsz, "reading events");
}

int ht_ana_scan_db(sqlite3 *db, const char *path, int64_t lo, int64_t hi, ht_scan_fn fn, void *ud,
                   char *err, size_t errsz) {
  sqlite3_stmt *st = NULL;
  ht_event *ev = NULL;
  uint32_t cap = 0;
  int rc = 0, step;
  if (sqlite3_prepare_v2(db,
                         "SELECT first_seq, nevents, t0, data FROM main.chunk "
                         "WHERE first_seq >= coalesce((SELECT max(first_seq) FROM main.chunk "
                         "WHERE first_seq <= ?1), 0) AND first_seq <= ?2 ORDER BY first_seq",
                         -1, &st, NULL) != SQLITE_OK) {
    seterr(err, errsz, "%s: %s (reading chunks)", path, sqlite3_errmsg(db));
    return -1;
  }
  sqlite3_bind_int64(st, 1, lo);
  sqlite3_bind_int64(st, 2, hi);
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t first = sqlite3_column_int64(st, 0), n = sqlite3_column_int64(st, 1);
    int64_t t0 = sqlite3_column_int64(st, 2);
    const void *data = sqlite3_column_blob(st, 3);
    int nbytes = sqlite3_column_bytes(st, 3);
    if (n < 0 || n > (1 << 24) || (n && !data)) goto corrupt;
    if ((uint32_t)n > cap) {
      free(ev);
      cap = (uint32_t)n;
      if (!(ev = malloc((size_t)cap * sizeof *ev))) {
        seterr(err, errsz, "%s: out of memory", path);
        rc = -1;
        break;
      }
    }
    if (ht_decode_chunk(data, (size_t)nbytes, (uint64_t)first, (uint64_t)t0, (uint32_t)n, ev) != n)
      goto corrupt;
    size_t i = 0, j = (size_t)n;
    while (i < j && (int64_t)ev[i].seq < lo) i++;
    while (j > i && (int64_t)ev[j - 1].seq > hi) j--;
    if (j > i && (rc = fn(ud, ev + i, j - i))) break;
    continue;
  corrupt:
    seterr(err, errsz, "%s: corrupt profile (the chunk of events at seq %" PRId64 " is malformed)", path,
           first);
    rc = -1;
    break;
  }
  if (!rc && step != SQLITE_DONE) {
    int ec = sqlite3_extended_errcode(db) & 0xff;
    seterr(err, errsz, "%s: %s%s (reading chunks)", path,
           ec == SQLITE_CORRUPT || ec == SQLITE_NOTADB ? "corrupt profile: " : "", sqlite3_errmsg(db));
    rc = -1;
  }
  sqlite3_finalize(st);
  free(ev);
  return rc;
}

int ht_ana_scan(ht_ana *a, int64_t lo, int64_t hi, ht_scan_fn fn, void *ud, char *err, size_t errsz) {
  return ht_ana_scan_db(a->db, a->path, lo, hi, fn, ud, err, errsz);
}

/* ---- the exact peak ---- */

typedef struct bucket_ref {
  int64_t b;                   /* bucket */
  int64_t ub;                  /* its bound */
} bucket_ref;

static int ub_cmp(const void *x, const void *y) {
  const bucket_ref *a = x, *b = y;
  if (a->ub != b->ub) return a->ub > b->ub ? -1 : 1;
  return a->b < b->b ? -1 : a->b > b->b;
}

/* Is event E's tag in selection SEL? */
static int selected(const ht_ana *a, int sel, int tag) {
  return sel == HT_SEL_ALL || !a->tag_internal[tag];
}

static int b_cmp(const void *x, const void *y) {
  int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;
  return a < b ? -1 : a > b;
}

typedef struct best_t {
  int64_t bytes, seq, t;       /* best value so far, where and when */
  uint32_t stack;
} best_t;

/* Replay the buckets FIRST..LAST (consecutive) and update BEST. */
static int replay_run(ht_ana *a, int sel, int64_t first, int64_t last, ht_peak_adjust_fn adjust, void *ud,
                      int64_t margin, best_t *best, int64_t *replayed, char *err, size_t errsz) {
  int64_t lo = first * a->width0, hi = (last + 1) * a->width0 - 1;
  ht_aev *ev = NULL;
  size_t n = 0;
  if (ht_ana_read_events(a, adjust ? lo - margin : lo, adjust ? hi + margin : hi, &ev, &n, err, errsz))
    return -1;
  int64_t *reduce = NULL;
  if (adjust && n) {
    if (!(reduce = calloc(n, sizeof *reduce))) {
      free(ev);
      seterr(err, errsz, "%s: out of memory", a->path);
      return -1;
    }
    adjust(ud, ev, n, reduce);
  }
  int64_t live = first > 0 ? a->curves->end[sel][first - 1] : 0;
  for (size_t i = 0; i < n; i++) {
    const ht_aev *e = &ev[i];
    if (e->seq < lo || e->seq > hi) continue;
    if (selected(a, sel, e->tag)) live += e->delta;
    int64_t v = live - (reduce ? reduce[i] : 0);
    if (v > best->bytes || (v == best->bytes && e->seq < best->seq)) {
      best->bytes = v;
      best->seq = e->seq;
      best->t = e->t;
      best->stack = e->stack;
    }
  }
  *replayed += hi - lo + 1;
  free(reduce);
  free(ev);
  return 0;
}

int ht_ana_peak_adjusted(ht_ana *a, int sel, ht_peak_adjust_fn adjust, void *ud, int64_t margin,
                         int64_t max_events, ht_peak *out, char *err, size_t errsz) {
  out->bytes = 0;
  out->seq = -1;
  out->t = 0;
  out->stack = 0;
  out->exact = 1;
  if (curves_load(a, err, errsz)) return -1;
  ht_curves *c = a->curves;
  if (c->nb == 0) return 0;
  bucket_ref *order = malloc((size_t)c->nb * sizeof *order);
  int64_t *batch = malloc((size_t)c->nb * sizeof *batch);
  if (!order || !batch) {
    free(order);
    free(batch);
    seterr(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  for (int64_t b = 0; b < c->nb; b++) {
    order[b].b = b;
    order[b].ub = c->ub[sel][b];
  }
  qsort(order, (size_t)c->nb, sizeof *order, ub_cmp);
  /* Visit buckets by decreasing bound, in batches of growing size; each
  ** batch is replayed as runs of consecutive buckets, so a plateau of many
  ** buckets near the peak costs one read, not one per bucket. */
  best_t best = { -1, -1, 0, 0 };
  int64_t k = 0, size = 8, replayed = 0, bound = -1;
  int rc = 0;
  while (k < c->nb && rc == 0) {
    int64_t nbatch = 0;
    while (k < c->nb && nbatch < size) {
      const bucket_ref *r = &order[k];
      if (r->ub < best.bytes || (r->ub == best.bytes && r->b * a->width0 > best.seq)) break;
      if (r->ub <= 0 && best.bytes >= 0) break;
      batch[nbatch++] = r->b;
      k++;
    }
    if (!nbatch) break;
    if (max_events > 0 && replayed + nbatch * a->width0 > max_events) {
      bound = order[k - nbatch].ub;
      break;
    }
    qsort(batch, (size_t)nbatch, sizeof *batch, b_cmp);
    for (int64_t i = 0; i < nbatch && rc == 0;) {
      int64_t j = i;
      while (j + 1 < nbatch && batch[j + 1] == batch[j] + 1) j++;
      rc = replay_run(a, sel, batch[i], batch[j], adjust, ud, margin, &best, &replayed, err, errsz);
      i = j + 1;
    }
    size *= 4;
  }
  free(order);
  free(batch);
  if (rc) return -1;
  if (best.bytes > 0) {
    out->bytes = best.bytes;
    out->seq = best.seq;
    out->t = best.t;
    out->stack = best.stack;
  }
  if (bound > out->bytes) {
    out->bytes = bound;
    out->exact = 0;
  }
  return 0;
}

int ht_ana_peak(ht_ana *a, int sel, ht_peak *out, char *err, size_t errsz) {
  return ht_ana_peak_adjusted(a, sel, NULL, NULL, 0, 0, out, err, errsz);
}

/* ---- the live set ---- */

int ht_ana_live_at(ht_ana *a, int64_t seq, int64_t from, ht_site_set *out, char *err,
                   size_t errsz) {
  if (from < 0) from = 0;
  if (seq < from) return 0;
  /* The cost of each plan, measured on a 50M-event profile: a range of
  ** `object` costs about 55 ns per row visited; the free_seq index about
  ** 30 ns per entry visited plus 1.6 us per match, which needs a lookup in
  ** the table.  Rows up to SEQ come from the objects per event; entries
  ** after SEQ from the series' FREE counts; matches from its live count. */
  int use_index = 0;
  if (curves_load(a, err, errsz)) return -1;
  if (a->nevents > 0 && a->curves->nb > 0) {
    int64_t b = seq / a->width0;
    if (b >= a->curves->nb) b = a->curves->nb - 1;
    double rows = (double)(seq - from) * (double)a->nobjects / (double)a->nevents;
    double rowid_cost = rows * 55.0;
    double index_cost = ((double)a->curves->frees_after[b] + (double)a->width0) * 30.0 +
                        (double)a->curves->live_count[b] * 1600.0;
    use_index = index_cost < rowid_cost;
  }
  static const char *const q_rowid =
      "SELECT stack, tag, size, id FROM object "
      "WHERE id >= ?2 AND id <= ?1 AND (free_seq IS NULL OR free_seq > ?1)";
  static const char *const q_index =
      "SELECT stack, tag, size, id FROM object INDEXED BY object_free_seq "
      "WHERE free_seq > ?1 AND id <= ?1 AND id >= ?2 "
      "UNION ALL SELECT stack, tag, size, id FROM object INDEXED BY object_free_seq "
      "WHERE free_seq IS NULL AND id <= ?1 AND id >= ?2";
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, use_index ? q_index : q_rowid, -1, &st, NULL) != SQLITE_OK &&
      (!use_index || sqlite3_prepare_v2(a->db, q_rowid, -1, &st, NULL) != SQLITE_OK))
    return dberr(a, err, errsz, "reading objects");
  sqlite3_bind_int64(st, 1, seq);
  sqlite3_bind_int64(st, 2, from);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    ht_site_stat *s = ht_site_set_get(out, (uint32_t)sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1));
    if (!s) {
      sqlite3_finalize(st);
      seterr(err, errsz, "%s: out of memory", a->path);
      return -1;
    }
    int64_t id = sqlite3_column_int64(st, 3);
    s->count++;
    s->bytes += sqlite3_column_int64(st, 2);
    if (id < s->first) s->first = id;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return dberr(a, err, errsz, "reading objects");
  /* Objects resized after SEQ had, at SEQ, the old size of their first
  ** resize after SEQ. */
  static const char *const q_fix =
      "SELECT o.stack, o.tag, r.old_size - o.size FROM "
      "(SELECT obj, min(seq) AS s FROM resize NOT INDEXED WHERE seq > ?1 GROUP BY obj) f "
      "JOIN resize r ON r.seq = f.s JOIN object o ON o.id = f.obj "
      "WHERE o.id <= ?1 AND o.id >= ?2 AND (o.free_seq IS NULL OR o.free_seq > ?1)";
  if (sqlite3_prepare_v2(a->db, q_fix, -1, &st, NULL) != SQLITE_OK)
    return dberr(a, err, errsz, "reading resizes");
  sqlite3_bind_int64(st, 1, seq);
  sqlite3_bind_int64(st, 2, from);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    ht_site_stat *s = ht_site_set_get(out, (uint32_t)sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1));
    if (!s) {
      sqlite3_finalize(st);
      seterr(err, errsz, "%s: out of memory", a->path);
      return -1;
    }
    s->bytes += sqlite3_column_int64(st, 2);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return dberr(a, err, errsz, "reading resizes");
  return 0;
}
