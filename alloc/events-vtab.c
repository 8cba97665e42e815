/*
** events-vtab.c -- the `events` table: raw events decoded from the chunks.
**
** An eponymous-only virtual table (no CREATE VIRTUAL TABLE, nothing stored in
** the file): once ht_events_register() has run on a connection,
**
**   SELECT seq, t, kind, obj, tag, size, stack, old, native FROM events
**
** reads main.chunk in seq order, decoding a chunk when the cursor reaches it.
** Constraints on seq (=, <, <=, >, >=) pick the chunk to start from through
** chunk's primary key, so a seq range costs the chunks it touches, not the
** whole log; SQLite re-checks every constraint, so the bounds only need to be
** generous.  Each cursor keeps its last NCACHE decoded chunks, so a join
** probing nearby seq values decodes each chunk about once.  Rows come out in
** seq order (ORDER BY seq is free).
**
** ht_events_scan() reads the same events for C code, a chunk at a time,
** without the cost SQLite adds to every row and column.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "encode.h"
#include "profile.h"
#include "schema.h"
#include "vtab.h"

enum { COL_SEQ, COL_T, COL_KIND, COL_OBJ, COL_TAG, COL_SIZE, COL_STACK, COL_OLD, COL_NATIVE };

#define NCACHE 8

/* One decoded chunk. */
typedef struct ev_chunk {
  int64_t first;               /* first_seq, or -1 for an empty slot */
  int64_t n;                   /* events */
  ht_event *evs;               /* decoded events (owned) */
  int64_t cap;                 /* room in evs */
  uint64_t used;               /* LRU stamp */
} ev_chunk;

typedef struct ev_cursor {
  sqlite3_vtab_cursor base;    /* SQLite's header */
  sqlite3_stmt *find;          /* first_seq of the chunk holding a seq (owned) */
  sqlite3_stmt *get;           /* one chunk by first_seq (owned) */
  sqlite3_stmt *next;          /* first_seq of the chunk after one (owned) */
  ev_chunk cache[NCACHE];      /* recently decoded chunks */
  uint64_t clock;              /* LRU clock */
  ev_chunk *cur;               /* chunk of the current row */
  int64_t i;                   /* current row's index in cur */
  int64_t lo, hi;              /* seq bounds, inclusive */
  int eof;                     /* no more rows */
} ev_cursor;

static int ev_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                      sqlite3_vtab **out, char **err) {
  (void)aux; (void)argc; (void)argv; (void)err;
  return ht_vtab_new(db,
      "CREATE TABLE x(seq INTEGER, t INTEGER, kind INTEGER, obj INTEGER, "
      "tag INTEGER, size INTEGER, stack INTEGER, old INTEGER, native INTEGER)",
      sizeof(ht_vtab), out);
}

static int ev_disconnect(sqlite3_vtab *vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}

/* idxNum bits: 1 seq = ?, 2 a lower bound (idx 2: GT), 4 an upper bound
** (idx 8: LT).  Arguments follow in that order. */
static int ev_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  (void)vt;
  int eq = -1, lo = -1, hi = -1, bits = 0;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (!c->usable || c->iColumn != COL_SEQ) continue;
    switch (c->op) {
    case SQLITE_INDEX_CONSTRAINT_EQ: if (eq < 0) eq = i; break;
    case SQLITE_INDEX_CONSTRAINT_GT: if (lo < 0) { lo = i; bits |= 2 << 4; } break;
    case SQLITE_INDEX_CONSTRAINT_GE: if (lo < 0) lo = i; break;
    case SQLITE_INDEX_CONSTRAINT_LT: if (hi < 0) { hi = i; bits |= 8 << 4; } break;
    case SQLITE_INDEX_CONSTRAINT_LE: if (hi < 0) hi = i; break;
    default: break;
    }
  }
  int arg = 1;
  double cost = 1e9;
  if (eq >= 0) {
    bits |= 1;
    info->aConstraintUsage[eq].argvIndex = arg++;
    cost = 10;
  } else {
    if (lo >= 0) { bits |= 2; info->aConstraintUsage[lo].argvIndex = arg++; cost /= 100; }
    if (hi >= 0) { bits |= 4; info->aConstraintUsage[hi].argvIndex = arg++; cost /= 100; }
  }
  info->idxNum = bits;
  info->estimatedCost = cost;
  info->estimatedRows = (sqlite3_int64)cost;
  if (eq >= 0) info->idxFlags = SQLITE_INDEX_SCAN_UNIQUE;
  if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == COL_SEQ && !info->aOrderBy[0].desc)
    info->orderByConsumed = 1;
  return SQLITE_OK;
}

static int ev_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
  (void)vt;
  ev_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  for (int k = 0; k < NCACHE; k++) c->cache[k].first = -1;
  *out = &c->base;
  return SQLITE_OK;
}

static int ev_close(sqlite3_vtab_cursor *cur) {
  ev_cursor *c = (ev_cursor *)cur;
  sqlite3_finalize(c->find);
  sqlite3_finalize(c->get);
  sqlite3_finalize(c->next);
  for (int k = 0; k < NCACHE; k++) sqlite3_free(c->cache[k].evs);
  sqlite3_free(c);
  return SQLITE_OK;
}

static int64_t bound(sqlite3_value *v, int lower, int64_t open) {
  int nul = 0;
  return ht_vtab_bound(v, lower, open, &nul);
}

static int vt_error(ev_cursor *c, int rc, char *msg) { return ht_vtab_error(&c->base, rc, msg); }

static int prepare(ev_cursor *c, sqlite3_stmt **st, const char *sql) {
  return ht_vtab_prepare(&c->base, st, sql);
}

/* Run ST (bound to V) for one integer; *OUT = -1 when there is none. */
static int one_int(ev_cursor *c, sqlite3_stmt *st, int64_t v, int64_t *out) {
  sqlite3_bind_int64(st, 1, v);
  int rc = sqlite3_step(st);
  *out = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL ? sqlite3_column_int64(st, 0) : -1;
  sqlite3_reset(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : vt_error(c, rc, NULL);
}

/* Make the chunk starting at FIRST current (decoding it unless cached). */
static int load_chunk(ev_cursor *c, int64_t first) {
  ev_chunk *slot = NULL;
  for (int k = 0; k < NCACHE; k++) {
    ev_chunk *e = &c->cache[k];
    if (e->first == first) {
      e->used = ++c->clock;
      c->cur = e;
      return SQLITE_OK;
    }
    if (!slot || e->used < slot->used) slot = e;
  }
  int rc = prepare(c, &c->get, "SELECT nevents, t0, data FROM main.chunk WHERE first_seq = ?1");
  if (rc != SQLITE_OK) return rc;
  sqlite3_bind_int64(c->get, 1, first);
  if ((rc = sqlite3_step(c->get)) != SQLITE_ROW) {
    sqlite3_reset(c->get);
    return vt_error(c, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
  }
  int64_t n = sqlite3_column_int64(c->get, 0);
  slot->first = -1;
  if (n < 0 || n > (1 << 24)) goto corrupt;
  if (n > slot->cap) {
    ht_event *e = sqlite3_realloc64(slot->evs, (sqlite3_uint64)n * sizeof *e);
    if (!e) {
      sqlite3_reset(c->get);
      return SQLITE_NOMEM;
    }
    slot->evs = e;
    slot->cap = n;
  }
  if (ht_decode_chunk(sqlite3_column_blob(c->get, 2), (size_t)sqlite3_column_bytes(c->get, 2),
                      (uint64_t)first, (uint64_t)sqlite3_column_int64(c->get, 1), (uint32_t)n,
                      slot->evs) != n)
    goto corrupt;
  sqlite3_reset(c->get);
  slot->first = first;
  slot->n = n;
  slot->used = ++c->clock;
  c->cur = slot;
  return SQLITE_OK;
corrupt:
  sqlite3_reset(c->get);
  return vt_error(c, SQLITE_CORRUPT,
                  sqlite3_mprintf("corrupt profile: the chunk of events at seq %lld is malformed",
                                  (long long)first));
}

/* Position on the first event with seq >= LO at or after chunk FIRST. */
static int seek(ev_cursor *c, int64_t first, int64_t lo) {
  int rc;
  for (;;) {
    if (first < 0) {
      c->eof = 1;
      return SQLITE_OK;
    }
    if ((rc = load_chunk(c, first)) != SQLITE_OK) return rc;
    const ev_chunk *ch = c->cur;
    int64_t i = lo > ch->first ? lo - ch->first : 0;
    if (i < ch->n) {
      c->i = i;
      if ((int64_t)ch->evs[i].seq > c->hi) c->eof = 1;
      return SQLITE_OK;
    }
    if ((rc = prepare(c, &c->next, "SELECT min(first_seq) FROM main.chunk WHERE first_seq > ?1")) ||
        (rc = one_int(c, c->next, ch->first, &first)))
      return rc;
  }
}

static int ev_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr, int argc,
                     sqlite3_value **argv) {
  (void)idxstr;
  ev_cursor *c = (ev_cursor *)cur;
  int a = 0;
  c->lo = 0;
  c->hi = INT64_MAX;
  c->eof = 0;
  if ((idx & 1) && a < argc) {
    int t = sqlite3_value_numeric_type(argv[a]);
    c->lo = bound(argv[a], 1, 0);
    c->hi = bound(argv[a], 0, INT64_MAX);
    if (t != SQLITE_INTEGER && t != SQLITE_FLOAT) c->eof = 1;   /* seq = 'x' or NULL */
    a++;
  }
  if ((idx & 2) && a < argc) {
    int64_t b = bound(argv[a], 1, 0);
    if ((idx & (2 << 4)) && b < INT64_MAX) b++;
    if (b > c->lo) c->lo = b;
    a++;
  }
  if ((idx & 4) && a < argc) {
    int64_t b = bound(argv[a], 0, INT64_MAX);
    if ((idx & (8 << 4)) && b > INT64_MIN) b--;
    if (b < c->hi) c->hi = b;
    a++;
  }
  if (c->lo < 0) c->lo = 0;
  if (c->eof || c->lo > c->hi) {
    c->eof = 1;
    return SQLITE_OK;
  }
  int rc;
  int64_t first;
  if ((rc = prepare(c, &c->find, "SELECT max(first_seq) FROM main.chunk WHERE first_seq <= ?1")) ||
      (rc = one_int(c, c->find, c->lo, &first)))
    return rc;
  if (first < 0 && ((rc = prepare(c, &c->next, "SELECT min(first_seq) FROM main.chunk WHERE first_seq > ?1")) ||
                    (rc = one_int(c, c->next, -1, &first))))
    return rc;
  return seek(c, first, c->lo);
}

static int ev_next(sqlite3_vtab_cursor *cur) {
  ev_cursor *c = (ev_cursor *)cur;
  if (++c->i < c->cur->n) {
    if ((int64_t)c->cur->evs[c->i].seq > c->hi) c->eof = 1;
    return SQLITE_OK;
  }
  return seek(c, c->cur->first, c->cur->first + c->cur->n);
}

static int ev_eof(sqlite3_vtab_cursor *cur) {
  return ((ev_cursor *)cur)->eof;
}

static int ev_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  ev_cursor *c = (ev_cursor *)cur;
  const ht_event *e = &c->cur->evs[c->i];
  sqlite3_int64 v;
  switch (col) {
  case COL_SEQ: v = (sqlite3_int64)e->seq; break;
  case COL_T: v = (sqlite3_int64)e->t; break;
  case COL_KIND: v = e->kind; break;
  case COL_OBJ: v = (sqlite3_int64)e->obj; break;
  case COL_TAG: v = e->tag; break;
  case COL_SIZE: v = (sqlite3_int64)e->size; break;
  case COL_STACK: v = e->stack; break;
  case COL_OLD:
    if (e->kind != 2) {
      sqlite3_result_null(ctx);
      return SQLITE_OK;
    }
    v = (sqlite3_int64)e->old;
    break;
  case COL_NATIVE: v = e->native; break;
  default: sqlite3_result_null(ctx); return SQLITE_OK;
  }
  sqlite3_result_int64(ctx, v);
  return SQLITE_OK;
}

static int ev_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  ev_cursor *c = (ev_cursor *)cur;
  *rowid = (sqlite3_int64)c->cur->evs[c->i].seq;
  return SQLITE_OK;
}

/* ---- the same without SQLite's rows ---- */

int ht_events_scan(sqlite3 *db, long long lo, long long hi, ht_events_fn fn, void *ud, char *err,
                   size_t errsz) {
  sqlite3_stmt *st = NULL;
  ht_event *evs = NULL;
  int64_t cap = 0, next = 0;
  int rc = 0, step;
  if (lo < 0) lo = 0;
  if (hi < lo) return 0;
  if (sqlite3_prepare_v2(db, "SELECT first_seq, nevents, t0, data FROM main.chunk WHERE first_seq >= "
                             "coalesce((SELECT max(first_seq) FROM main.chunk WHERE first_seq <= ?1), 0) "
                             "AND first_seq <= ?2 ORDER BY first_seq", -1, &st, NULL) != SQLITE_OK) {
    snprintf(err, errsz, "reading events: %s", sqlite3_errmsg(db));
    return -1;
  }
  sqlite3_bind_int64(st, 1, lo);
  sqlite3_bind_int64(st, 2, hi);
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t first = sqlite3_column_int64(st, 0), n = sqlite3_column_int64(st, 1);
    const void *data = sqlite3_column_blob(st, 3);
    if (n < 0 || n > (1 << 24) || (n && !data) || first < next) goto corrupt;
    next = first + n;
    if (n > cap) {
      ht_event *e = sqlite3_realloc64(evs, (sqlite3_uint64)n * sizeof *e);
      if (!e) {
        snprintf(err, errsz, "out of memory");
        rc = -1;
        break;
      }
      evs = e;
      cap = n;
    }
    if (ht_decode_chunk(data, (size_t)sqlite3_column_bytes(st, 3), (uint64_t)first,
                        (uint64_t)sqlite3_column_int64(st, 2), (uint32_t)n, evs) != n)
      goto corrupt;
    int64_t a = lo > first ? lo - first : 0, b = hi < first + n - 1 ? hi - first + 1 : n;
    if (a < b && (rc = fn(ud, evs + a, (size_t)(b - a)))) break;
    continue;
  corrupt:
    snprintf(err, errsz, "corrupt profile: the chunk of events at seq %lld is malformed", (long long)first);
    rc = -1;
    break;
  }
  if (!rc && step != SQLITE_DONE) {
    snprintf(err, errsz, "reading events: %s", sqlite3_errmsg(db));
    rc = -1;
  }
  sqlite3_finalize(st);
  sqlite3_free(evs);
  return rc;
}

static const sqlite3_module events_module = {
  .iVersion = 1,
  .xCreate = NULL,             /* eponymous-only */
  .xConnect = ev_connect,
  .xBestIndex = ev_best_index,
  .xDisconnect = ev_disconnect,
  .xDestroy = ev_disconnect,
  .xOpen = ev_open,
  .xClose = ev_close,
  .xFilter = ev_filter,
  .xNext = ev_next,
  .xEof = ev_eof,
  .xColumn = ev_column,
  .xRowid = ev_rowid,
};

int ht_events_register(sqlite3 *db) {
  if (sqlite3_create_module(db, "events", &events_module, NULL) != SQLITE_OK) return -1;
  return ht_object_register(db) || ht_series_register(db) ? -1 : 0;
}
