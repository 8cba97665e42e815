/*
** series-vtab.c -- the `series` table: the timelines decoded from
** `series_blob` (packed.h).
**
** An eponymous-only virtual table, registered with `events` by
** ht_events_register():
**
**   SELECT level, tag, bucket, t, count, bytes, peak_bytes, allocs, frees
**   FROM series
**
** yields one row per (level, tag, bucket) that has one, in that order, the
** order of the primary key of the table it replaces.  Constraints on level
** and tag (=, <, <=, >, >=) pick the series_blob rows through their primary
** key; constraints on bucket pick the buckets inside them by binary search.
** ORDER BY level, tag, bucket (or a suffix of it, when the columns before
** are fixed by =) is free.  SQLite re-checks every constraint, so the bounds
** only need to be generous.  `series_blob` is read unqualified, so a reader
** that finalized a profile into temp tables sees its own.  Each cursor keeps
** its last NCACHE decoded rows, so a join probing one bucket at a time
** decodes each row once.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "packed.h"
#include "schema.h"
#include "vtab.h"

enum { COL_LEVEL, COL_TAG, COL_BUCKET, COL_T, COL_COUNT, COL_BYTES, COL_PEAK, COL_ALLOCS,
       COL_FREES };

/* idxNum: for column COL (level 0, tag 1, bucket 2), the bits at 4 * COL
** say: IX_EQ an = bound, IX_LO a lower bound, IX_LO_STRICT it is >, IX_HI an
** upper bound; bit 12 + COL says that upper bound is <.  Each bound takes
** the next argument, column by column, in that order. */
#define IX_EQ 1
#define IX_LO 2
#define IX_LO_STRICT 4
#define IX_HI 8
#define IX_HI_STRICT(col) (1 << (12 + (col)))

#define NCACHE 2

/* One decoded series_blob row. */
typedef struct se_row {
  int64_t level, tag;          /* its key; level -1 for an empty slot */
  uint32_t n;                  /* buckets */
  ht_sbucket *b;               /* decoded buckets (owned) */
  uint32_t cap;                /* room in b */
  uint64_t used;               /* LRU stamp */
} se_row;

typedef struct se_cursor {
  sqlite3_vtab_cursor base;    /* SQLite's header */
  sqlite3_stmt *scan;          /* series_blob rows in the level/tag bounds (owned) */
  sqlite3_stmt *get;           /* one row's data (owned) */
  se_row cache[NCACHE];        /* recently decoded rows */
  uint64_t clock;              /* LRU clock */
  se_row *cur;                 /* row of the current bucket */
  int64_t i;                   /* current bucket's index in cur */
  int64_t lo[3], hi[3];        /* bounds of level, tag, bucket; inclusive */
  int eof;                     /* no more rows */
} se_cursor;

static int se_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                      sqlite3_vtab **out, char **err) {
  (void)aux; (void)argc; (void)argv; (void)err;
  return ht_vtab_new(db,
      "CREATE TABLE x(level INTEGER, tag INTEGER, bucket INTEGER, t INTEGER, count INTEGER, "
      "bytes INTEGER, peak_bytes INTEGER, allocs INTEGER, frees INTEGER)",
      sizeof(ht_vtab), out);
}

static int se_disconnect(sqlite3_vtab *vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}

static int se_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  (void)vt;
  int eq[3] = { -1, -1, -1 }, lo[3] = { -1, -1, -1 }, hi[3] = { -1, -1, -1 };
  int bits = 0;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    int col = c->iColumn;
    if (!c->usable || col < COL_LEVEL || col > COL_BUCKET) continue;
    switch (c->op) {
    case SQLITE_INDEX_CONSTRAINT_EQ: if (eq[col] < 0) eq[col] = i; break;
    case SQLITE_INDEX_CONSTRAINT_GT:
      if (lo[col] < 0) { lo[col] = i; bits |= IX_LO_STRICT << (4 * col); }
      break;
    case SQLITE_INDEX_CONSTRAINT_GE: if (lo[col] < 0) lo[col] = i; break;
    case SQLITE_INDEX_CONSTRAINT_LT:
      if (hi[col] < 0) { hi[col] = i; bits |= IX_HI_STRICT(col); }
      break;
    case SQLITE_INDEX_CONSTRAINT_LE: if (hi[col] < 0) hi[col] = i; break;
    default: break;
    }
  }
  int arg = 1;
  double rows = 1e6;
  for (int col = 0; col < 3; col++) {
    if (eq[col] >= 0) {
      bits &= ~((IX_LO_STRICT << (4 * col)) | IX_HI_STRICT(col));
      bits |= IX_EQ << (4 * col);
      info->aConstraintUsage[eq[col]].argvIndex = arg++;
      rows /= col == COL_BUCKET ? 10000 : 20;
      continue;
    }
    if (lo[col] >= 0) {
      bits |= IX_LO << (4 * col);
      info->aConstraintUsage[lo[col]].argvIndex = arg++;
      rows /= 3;
    }
    if (hi[col] >= 0) {
      bits |= IX_HI << (4 * col);
      info->aConstraintUsage[hi[col]].argvIndex = arg++;
      rows /= 3;
    }
  }
  if (rows < 1) rows = 1;
  /* Rows come by (level, tag, bucket): an ORDER BY on those, ascending, in
  ** that order, with any column fixed by = left out, costs nothing. */
  int next = 0, ok = info->nOrderBy > 0;
  for (int k = 0; k < info->nOrderBy && ok; k++) {
    int col = info->aOrderBy[k].iColumn;
    while (next < 3 && next != col && eq[next] >= 0) next++;
    ok = !info->aOrderBy[k].desc && col == next && next < 3;
    next++;
  }
  if (ok) info->orderByConsumed = 1;
  info->idxNum = bits;
  info->estimatedRows = (sqlite3_int64)rows;
  info->estimatedCost = rows * 2 + 50;
  return SQLITE_OK;
}

static int se_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
  (void)vt;
  se_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  for (int k = 0; k < NCACHE; k++) c->cache[k].level = -1;
  *out = &c->base;
  return SQLITE_OK;
}

static int se_close(sqlite3_vtab_cursor *cur) {
  se_cursor *c = (se_cursor *)cur;
  sqlite3_finalize(c->scan);
  sqlite3_finalize(c->get);
  for (int k = 0; k < NCACHE; k++) sqlite3_free(c->cache[k].b);
  sqlite3_free(c);
  return SQLITE_OK;
}

static int vt_error(se_cursor *c, int rc, char *msg) { return ht_vtab_error(&c->base, rc, msg); }

static int prepare(se_cursor *c, sqlite3_stmt **st, const char *sql) {
  return ht_vtab_prepare(&c->base, st, sql);
}

/* Make the row (LEVEL, TAG) of N buckets, at ROWID, current. */
static int load_row(se_cursor *c, int64_t level, int64_t tag, int64_t n, int64_t rowid) {
  se_row *slot = NULL;
  for (int k = 0; k < NCACHE; k++) {
    se_row *e = &c->cache[k];
    if (e->level == level && e->tag == tag) {
      e->used = ++c->clock;
      c->cur = e;
      return SQLITE_OK;
    }
    if (!slot || e->used < slot->used) slot = e;
  }
  if (n < 0 || n > (1 << 24)) goto corrupt;
  int rc;
  if ((rc = prepare(c, &c->get, "SELECT data FROM series_blob WHERE rowid = ?1"))) return rc;
  sqlite3_bind_int64(c->get, 1, rowid);
  if ((rc = sqlite3_step(c->get)) != SQLITE_ROW) {
    sqlite3_reset(c->get);
    return vt_error(c, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, NULL);
  }
  slot->level = -1;
  if ((uint32_t)n > slot->cap) {
    ht_sbucket *b = sqlite3_realloc64(slot->b, (sqlite3_uint64)n * sizeof *b);
    if (!b) {
      sqlite3_reset(c->get);
      return SQLITE_NOMEM;
    }
    slot->b = b;
    slot->cap = (uint32_t)n;
  }
  if (ht_series_decode(sqlite3_column_blob(c->get, 0), (size_t)sqlite3_column_bytes(c->get, 0),
                       (uint32_t)n, slot->b)) {
    sqlite3_reset(c->get);
    goto corrupt;
  }
  sqlite3_reset(c->get);
  slot->level = level;
  slot->tag = tag;
  slot->n = (uint32_t)n;
  slot->used = ++c->clock;
  c->cur = slot;
  return SQLITE_OK;
corrupt:
  return vt_error(c, SQLITE_CORRUPT,
                  sqlite3_mprintf("corrupt profile: the series of level %lld, tag %lld is malformed",
                                  (long long)level, (long long)tag));
}

/* Position on the bucket at index I of the current row if it is in bounds,
** else on the first bucket in bounds of the next rows. */
static int settle(se_cursor *c, int64_t i) {
  for (;;) {
    if (c->cur && i < (int64_t)c->cur->n && c->cur->b[i].bucket <= c->hi[2]) {
      c->i = i;
      return SQLITE_OK;
    }
    c->cur = NULL;
    int rc = sqlite3_step(c->scan);
    if (rc == SQLITE_DONE) {
      sqlite3_reset(c->scan);
      c->eof = 1;
      return SQLITE_OK;
    }
    if (rc != SQLITE_ROW) return vt_error(c, rc, NULL);
    rc = load_row(c, sqlite3_column_int64(c->scan, 0), sqlite3_column_int64(c->scan, 1),
                  sqlite3_column_int64(c->scan, 2), sqlite3_column_int64(c->scan, 3));
    if (rc != SQLITE_OK) return rc;
    int64_t lo = 0, hi = c->cur->n;
    while (lo < hi) {
      int64_t mid = (lo + hi) / 2;
      if (c->cur->b[mid].bucket < c->lo[2]) lo = mid + 1;
      else hi = mid;
    }
    i = lo;
  }
}

static int se_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr, int argc,
                     sqlite3_value **argv) {
  (void)idxstr;
  se_cursor *c = (se_cursor *)cur;
  int a = 0, nul = 0;
  c->eof = 0;
  c->cur = NULL;
  for (int col = 0; col < 3; col++) {
    int b = idx >> (4 * col);
    c->lo[col] = INT64_MIN;
    c->hi[col] = INT64_MAX;
    if ((b & IX_EQ) && a < argc) {
      int t = sqlite3_value_numeric_type(argv[a]);
      if (t != SQLITE_INTEGER && t != SQLITE_FLOAT) c->eof = 1;
      c->lo[col] = ht_vtab_bound(argv[a], 1, INT64_MIN, &nul);
      c->hi[col] = ht_vtab_bound(argv[a], 0, INT64_MAX, &nul);
      a++;
    }
    if ((b & IX_LO) && a < argc) {
      int64_t v = ht_vtab_bound(argv[a++], 1, INT64_MIN, &nul);
      if ((b & IX_LO_STRICT) && v < INT64_MAX && v != INT64_MIN) v++;
      if (v > c->lo[col]) c->lo[col] = v;
    }
    if ((b & IX_HI) && a < argc) {
      int64_t v = ht_vtab_bound(argv[a++], 0, INT64_MAX, &nul);
      if ((idx & IX_HI_STRICT(col)) && v > INT64_MIN && v != INT64_MAX) v--;
      if (v < c->hi[col]) c->hi[col] = v;
    }
    if (c->lo[col] > c->hi[col]) c->eof = 1;
  }
  if (nul || c->eof) {
    c->eof = 1;
    return SQLITE_OK;
  }
  int rc = prepare(c, &c->scan, "SELECT level, tag, n, rowid FROM series_blob "
                                "WHERE level >= ?1 AND level <= ?2 AND tag >= ?3 AND tag <= ?4 "
                                "ORDER BY level, tag");
  if (rc != SQLITE_OK) return rc;
  sqlite3_reset(c->scan);
  for (int k = 0; k < 4; k++) sqlite3_bind_int64(c->scan, k + 1, k & 1 ? c->hi[k / 2] : c->lo[k / 2]);
  return settle(c, 0);
}

static int se_next(sqlite3_vtab_cursor *cur) {
  se_cursor *c = (se_cursor *)cur;
  return settle(c, c->i + 1);
}

static int se_eof(sqlite3_vtab_cursor *cur) {
  return ((se_cursor *)cur)->eof;
}

static int se_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  se_cursor *c = (se_cursor *)cur;
  const ht_sbucket *b = &c->cur->b[c->i];
  sqlite3_int64 v;
  switch (col) {
  case COL_LEVEL: v = c->cur->level; break;
  case COL_TAG: v = c->cur->tag; break;
  case COL_BUCKET: v = b->bucket; break;
  case COL_T: v = b->t; break;
  case COL_COUNT: v = b->count; break;
  case COL_BYTES: v = b->bytes; break;
  case COL_PEAK: v = b->peak; break;
  case COL_ALLOCS: v = b->allocs; break;
  case COL_FREES: v = b->frees; break;
  default: sqlite3_result_null(ctx); return SQLITE_OK;
  }
  sqlite3_result_int64(ctx, v);
  return SQLITE_OK;
}

/* Rowids are for SQLite's own use (OR plans): level, tag and bucket in one
** integer, unique and in the rows' order for realistic values. */
static int se_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  se_cursor *c = (se_cursor *)cur;
  *rowid = (sqlite3_int64)(((uint64_t)c->cur->level << 56) | ((uint64_t)(c->cur->tag + 1) << 40) |
                           (uint64_t)c->cur->b[c->i].bucket);
  return SQLITE_OK;
}

static const sqlite3_module series_module = {
  .iVersion = 1,
  .xCreate = NULL,             /* eponymous-only */
  .xConnect = se_connect,
  .xBestIndex = se_best_index,
  .xDisconnect = se_disconnect,
  .xDestroy = se_disconnect,
  .xOpen = se_open,
  .xClose = se_close,
  .xFilter = se_filter,
  .xNext = se_next,
  .xEof = se_eof,
  .xColumn = se_column,
  .xRowid = se_rowid,
};

int ht_series_register(sqlite3 *db) {
  return sqlite3_create_module(db, "series", &series_module, NULL) == SQLITE_OK ? 0 : -1;
}
