/*
** object-vtab.c -- the `object` table: object lifetimes decoded from
** `object_blob` (packed.h).
**
** An eponymous-only virtual table, registered with `events` by
** ht_events_register():
**
**   SELECT id, pre, alloc_seq, free_seq, tag, size, stack, native, addr
**   FROM object
**
** yields one row per object in id order (ORDER BY id, ascending or
** descending, is free).  Constraints narrow what is decoded:
**
**   id (and alloc_seq, which is id or NULL)  =, <, <=, >, >= pick the runs
**            whose id range meets the bounds, through object_blob's primary
**            key, and the rows inside them by binary search;
**   free_seq =  finds the objects in `object_end`, the index of objects by
**            the seq of their end, then each in its run by id;
**   free_seq <, <=, >, >=, IS NULL, IS NOT NULL skip the runs whose
**            min_free / max_free / live columns rule them out, and the rows
**            that do not match inside the others.
**
** So a live set, `id <= S AND free_seq > S` (or `free_seq IS NULL`),
** decodes only the runs holding such objects.  `id =` and `free_seq =` are
** point lookups: they decode the one block of HT_OBJ_SUB objects that holds
** the object, not its run.  SQLite re-checks every constraint, so the bounds
** only need to be generous (values that are not integers are rounded
** outwards).  `object_blob` and `object_end` are read unqualified, so a
** reader that finalized a profile into temp tables sees its own.
**
** Caching.  Lookups usually come one statement execution at a time (bind,
** step, reset), and SQLite closes a virtual table's cursors at each reset,
** so what was decoded lives with the table, one per connection: the last
** NRUNS decoded runs (for scans), NBLOCKS decoded blocks (for lookups) and
** the last `object_end` row.  A cursor pins the run or block its current row
** is in, so other cursors of the same query cannot evict it; the caches are
** dropped whenever the connection has changed rows since they were filled
** (sqlite3_total_changes64).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "packed.h"
#include "schema.h"
#include "vtab.h"

enum { COL_ID, COL_PRE, COL_ALLOC_SEQ, COL_FREE_SEQ, COL_TAG, COL_SIZE, COL_STACK, COL_NATIVE,
       COL_ADDR };

/* idxNum bits; each bit that takes an argument takes the next one. */
enum {
  IX_ID_EQ = 1 << 0,           /* id = ?            (arg) */
  IX_ID_LO = 1 << 1,           /* id >= ?           (arg) */
  IX_ID_LO_STRICT = 1 << 2,    /*   ... it is id > ? */
  IX_ID_HI = 1 << 3,           /* id <= ?           (arg) */
  IX_ID_HI_STRICT = 1 << 4,    /*   ... it is id < ? */
  IX_FREE_EQ = 1 << 5,         /* free_seq = ?      (arg) */
  IX_FREE_LO = 1 << 6,         /* free_seq >= ?     (arg) */
  IX_FREE_LO_STRICT = 1 << 7,  /*   ... it is > */
  IX_FREE_HI = 1 << 8,         /* free_seq <= ?     (arg) */
  IX_FREE_HI_STRICT = 1 << 9,  /*   ... it is < */
  IX_FREE_NULL = 1 << 10,      /* free_seq IS NULL */
  IX_FREE_NOTNULL = 1 << 11,   /* free_seq IS NOT NULL */
  IX_DESC = 1 << 12,           /* rows in descending id order */
  IX_BY_END = 1 << 13          /* free_seq = ? through object_end */
};

#define NRUNS 4
#define NBLOCKS 32

/* Decoded objects: a whole run (block -1) or one block of it. */
typedef struct ob_run {
  int64_t first;               /* the run's first_id, or -1 for a stale or empty slot */
  int32_t block;               /* the block, or -1 for the whole run */
  uint32_t n;                  /* objects */
  uint32_t cap;                /* room in objs */
  int pins;                    /* cursors whose current row is here */
  uint64_t used;               /* LRU stamp */
  ht_obj *objs;                /* decoded objects (owned) */
} ob_run;

/* One decoded object_end row, shared by reference count. */
typedef struct ob_ends {
  int refs;                    /* holders: the table's cache and cursors */
  uint32_t n;                  /* ends */
  uint32_t cap;                /* room in e */
  ht_objend *e;                /* the ends, by free_seq (owned) */
} ob_ends;

typedef struct ob_vtab {
  ht_vtab h;                   /* SQLite's header and the connection */
  sqlite3_stmt *get;           /* one run's BLOBs by first_id (owned; reset after each use) */
  sqlite3_stmt *find_run;      /* the run holding an id (owned; reset after each use) */
  ob_run **runs;               /* decoded runs (owned; NRUNS, more while pinned) */
  int nruns;                   /* entries in runs */
  ob_run **blocks;             /* decoded blocks (owned; NBLOCKS, more while pinned) */
  int nblocks;                 /* entries in blocks */
  ob_ends *ends;               /* the object_end row read last, or NULL (one ref) */
  uint64_t clock;              /* LRU clock */
  sqlite3_int64 changes;       /* sqlite3_total_changes64 when the caches were valid */
} ob_vtab;

typedef struct ob_cursor {
  sqlite3_vtab_cursor base;    /* SQLite's header */
  sqlite3_stmt *scan;          /* scan_asc or scan_desc, the one in use */
  sqlite3_stmt *scan_asc;      /* the runs that may match, by id (owned) */
  sqlite3_stmt *scan_desc;     /* the same, by decreasing id (owned) */
  sqlite3_stmt *ends_scan;     /* object_end rows for free_seq = ? (owned) */
  ob_run *cur;                 /* run or block of the current row (pinned) */
  int64_t i;                   /* current row's index in cur */
  ob_ends *ends;               /* object_end row being read (one ref), or NULL */
  int ends_more;               /* ends_scan may hold further rows */
  int64_t ends_i;              /* current end */
  int64_t id_lo, id_hi;        /* id bounds, inclusive */
  int64_t free_lo, free_hi;    /* free_seq bounds, inclusive (when free_set) */
  int free_set;                /* free_seq must be within the bounds (not NULL) */
  int free_null;               /* free_seq must be NULL */
  int desc;                    /* descending order */
  int mode;                    /* MODE_SCAN, MODE_ID or MODE_END */
  int eof;                     /* no more rows */
} ob_cursor;

enum { MODE_SCAN, MODE_ID, MODE_END };

static ob_vtab *vt_of(ob_cursor *c) { return (ob_vtab *)c->base.pVtab; }

/* ---- the caches ---- */

static void ends_release(ob_ends *e) {
  if (e && --e->refs == 0) {
    sqlite3_free(e->e);
    sqlite3_free(e);
  }
}

static void cache_drop(ob_run **cache, int *n) {
  for (int k = 0; k < *n; k++) {
    sqlite3_free(cache[k]->objs);
    sqlite3_free(cache[k]);
  }
  sqlite3_free(cache);
  *n = 0;
}

/* Forget everything decoded if the connection changed rows since. */
static void cache_check(ob_vtab *v) {
  sqlite3_int64 ch = sqlite3_total_changes64(v->h.db);
  if (ch == v->changes) return;
  v->changes = ch;
  for (int k = 0; k < v->nruns; k++) v->runs[k]->first = -1;
  for (int k = 0; k < v->nblocks; k++) v->blocks[k]->first = -1;
  ends_release(v->ends);
  v->ends = NULL;
}

/* Make E the cursor's current run or block (pinned). */
static void set_cur(ob_cursor *c, ob_run *e) {
  if (c->cur == e) return;
  if (c->cur) c->cur->pins--;
  if (e) e->pins++;
  c->cur = e;
}

/* A slot of *CACHE for CAP objects: the least recently used unpinned one
** while there are WANT of them, else a new one.  NULL when out of memory. */
static ob_run *cache_slot(ob_vtab *v, ob_run ***cache, int *n, int want, uint32_t cap) {
  ob_run *slot = NULL;
  for (int k = 0; k < *n; k++)
    if (!(*cache)[k]->pins && (!slot || (*cache)[k]->used < slot->used)) slot = (*cache)[k];
  if (!slot || *n < want) {
    ob_run **grown = sqlite3_realloc64(*cache, (sqlite3_uint64)(*n + 1) * sizeof *grown);
    if (!grown) return NULL;
    *cache = grown;
    slot = sqlite3_malloc(sizeof *slot);
    if (!slot) return NULL;
    memset(slot, 0, sizeof *slot);
    (*cache)[(*n)++] = slot;
  }
  if (slot->cap < cap) {
    ht_obj *o = sqlite3_realloc64(slot->objs, (sqlite3_uint64)cap * sizeof *o);
    if (!o) return NULL;
    slot->objs = o;
    slot->cap = cap;
  }
  slot->first = -1;
  slot->used = ++v->clock;
  return slot;
}

static int ob_connect(sqlite3 *db, void *aux, int argc, const char *const *argv,
                      sqlite3_vtab **out, char **err) {
  (void)aux; (void)argc; (void)argv; (void)err;
  int rc = ht_vtab_new(db,
      "CREATE TABLE x(id INTEGER, pre INTEGER, alloc_seq INTEGER, free_seq INTEGER, "
      "tag INTEGER, size INTEGER, stack INTEGER, native INTEGER, addr INTEGER)",
      sizeof(ob_vtab), out);
  if (rc == SQLITE_OK) ((ob_vtab *)*out)->changes = -1;
  return rc;
}

static int ob_disconnect(sqlite3_vtab *vt) {
  ob_vtab *v = (ob_vtab *)vt;
  sqlite3_finalize(v->get);
  sqlite3_finalize(v->find_run);
  cache_drop(v->runs, &v->nruns);
  cache_drop(v->blocks, &v->nblocks);
  ends_release(v->ends);
  sqlite3_free(v);
  return SQLITE_OK;
}

/* Costs: a full scan visits every object; each bound on id keeps about a
** third of them, a bound on free_seq about a quarter, IS NULL a tenth (live
** objects are few), id = ? one run. */
static int ob_best_index(sqlite3_vtab *vt, sqlite3_index_info *info) {
  (void)vt;
  int id_eq = -1, id_lo = -1, id_hi = -1, f_eq = -1, f_lo = -1, f_hi = -1, bits = 0;
  for (int i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *c = &info->aConstraint[i];
    if (!c->usable) continue;
    if (c->iColumn == COL_ID || c->iColumn == COL_ALLOC_SEQ) {
      switch (c->op) {
      case SQLITE_INDEX_CONSTRAINT_EQ: if (id_eq < 0) id_eq = i; break;
      case SQLITE_INDEX_CONSTRAINT_GT: if (id_lo < 0) { id_lo = i; bits |= IX_ID_LO_STRICT; } break;
      case SQLITE_INDEX_CONSTRAINT_GE: if (id_lo < 0) id_lo = i; break;
      case SQLITE_INDEX_CONSTRAINT_LT: if (id_hi < 0) { id_hi = i; bits |= IX_ID_HI_STRICT; } break;
      case SQLITE_INDEX_CONSTRAINT_LE: if (id_hi < 0) id_hi = i; break;
      default: break;
      }
    } else if (c->iColumn == COL_FREE_SEQ) {
      switch (c->op) {
      case SQLITE_INDEX_CONSTRAINT_EQ: if (f_eq < 0) f_eq = i; break;
      case SQLITE_INDEX_CONSTRAINT_GT: if (f_lo < 0) { f_lo = i; bits |= IX_FREE_LO_STRICT; } break;
      case SQLITE_INDEX_CONSTRAINT_GE: if (f_lo < 0) f_lo = i; break;
      case SQLITE_INDEX_CONSTRAINT_LT: if (f_hi < 0) { f_hi = i; bits |= IX_FREE_HI_STRICT; } break;
      case SQLITE_INDEX_CONSTRAINT_LE: if (f_hi < 0) f_hi = i; break;
      case SQLITE_INDEX_CONSTRAINT_ISNULL: bits |= IX_FREE_NULL; break;
      case SQLITE_INDEX_CONSTRAINT_ISNOTNULL: bits |= IX_FREE_NOTNULL; break;
      default: break;
      }
    }
  }
  int arg = 1;
  double rows = 1e7;
  if (id_eq >= 0) {
    bits = (bits & ~(IX_ID_LO_STRICT | IX_ID_HI_STRICT)) | IX_ID_EQ;
    info->aConstraintUsage[id_eq].argvIndex = arg++;
    rows = 1;
  } else {
    if (id_lo >= 0) { bits |= IX_ID_LO; info->aConstraintUsage[id_lo].argvIndex = arg++; rows /= 3; }
    if (id_hi >= 0) { bits |= IX_ID_HI; info->aConstraintUsage[id_hi].argvIndex = arg++; rows /= 3; }
  }
  if (f_eq >= 0) {
    bits = (bits & ~(IX_FREE_LO_STRICT | IX_FREE_HI_STRICT)) | IX_FREE_EQ;
    info->aConstraintUsage[f_eq].argvIndex = arg++;
    if (id_eq < 0) {
      bits |= IX_BY_END;
      rows = 2;
    }
  } else {
    if (f_lo >= 0) { bits |= IX_FREE_LO; info->aConstraintUsage[f_lo].argvIndex = arg++; rows /= 4; }
    if (f_hi >= 0) { bits |= IX_FREE_HI; info->aConstraintUsage[f_hi].argvIndex = arg++; rows /= 4; }
  }
  if (bits & IX_FREE_NULL) rows /= 10;
  if (rows < 1) rows = 1;
  if (info->nOrderBy == 1 && info->aOrderBy[0].iColumn == COL_ID && !(bits & IX_BY_END)) {
    info->orderByConsumed = 1;
    if (info->aOrderBy[0].desc) bits |= IX_DESC;
  }
  info->idxNum = bits;
  info->estimatedRows = (sqlite3_int64)rows;
  info->estimatedCost = id_eq >= 0 ? 20 : (bits & IX_BY_END) ? 40 : rows * 2 + 100;
  if (id_eq >= 0) info->idxFlags = SQLITE_INDEX_SCAN_UNIQUE;
  return SQLITE_OK;
}

static int ob_open(sqlite3_vtab *vt, sqlite3_vtab_cursor **out) {
  (void)vt;
  ob_cursor *c = sqlite3_malloc(sizeof *c);
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof *c);
  *out = &c->base;
  return SQLITE_OK;
}

static int ob_close(sqlite3_vtab_cursor *cur) {
  ob_cursor *c = (ob_cursor *)cur;
  set_cur(c, NULL);
  ends_release(c->ends);
  sqlite3_finalize(c->scan_asc);
  sqlite3_finalize(c->scan_desc);
  sqlite3_finalize(c->ends_scan);
  sqlite3_free(c);
  return SQLITE_OK;
}

/* ht_vtab_bound, with *NUM cleared when V is NULL (then the constraint
** matches nothing) and set otherwise; text leaves the bound open. */
static int64_t bound(sqlite3_value *v, int lower, int64_t open, int *num) {
  int nul = 0;
  int64_t b = ht_vtab_bound(v, lower, open, &nul);
  *num = !nul;
  return b;
}

static int vt_error(ob_cursor *c, int rc, char *msg) { return ht_vtab_error(&c->base, rc, msg); }

static int prepare(ob_cursor *c, sqlite3_stmt **st, const char *sql) {
  return ht_vtab_prepare(&c->base, st, sql);
}

static int corrupt_run(ob_cursor *c, int64_t first) {
  return vt_error(c, SQLITE_CORRUPT,
                  sqlite3_mprintf("corrupt profile: the objects from id %lld are malformed", (long long)first));
}

/* Step the table's get statement onto the row of run FIRST (N objects)
** and describe it in R.  The caller resets v->get. */
static int get_row(ob_cursor *c, int64_t first, int64_t n, ht_objrow *r) {
  ob_vtab *v = vt_of(c);
  int rc;
  if (n < 0 || n > HT_OBJ_BLOB_OBJECTS) return corrupt_run(c, first);
  if ((rc = prepare(c, &v->get, "SELECT idx, data, fate FROM object_blob WHERE first_id = ?1"))) return rc;
  sqlite3_bind_int64(v->get, 1, first);
  if ((rc = sqlite3_step(v->get)) != SQLITE_ROW) {
    sqlite3_reset(v->get);
    return rc == SQLITE_DONE ? corrupt_run(c, first) : vt_error(c, rc, NULL);
  }
  r->idx = sqlite3_column_blob(v->get, 0);
  r->nidx = (size_t)sqlite3_column_bytes(v->get, 0);
  r->data = sqlite3_column_blob(v->get, 1);
  r->ndata = (size_t)sqlite3_column_bytes(v->get, 1);
  r->fate = sqlite3_column_blob(v->get, 2);
  r->nfate = (size_t)sqlite3_column_bytes(v->get, 2);
  r->first_id = (uint64_t)first;
  r->n = (uint32_t)n;
  return SQLITE_OK;
}

/* Make the run starting at FIRST (N objects) current, decoding it unless
** cached. */
static int load_run(ob_cursor *c, int64_t first, int64_t n) {
  ob_vtab *v = vt_of(c);
  for (int k = 0; k < v->nruns; k++)
    if (v->runs[k]->first == first) {
      v->runs[k]->used = ++v->clock;
      set_cur(c, v->runs[k]);
      return SQLITE_OK;
    }
  ht_objrow row;
  ob_run *slot = cache_slot(v, &v->runs, &v->nruns, NRUNS, HT_OBJ_BLOB_OBJECTS);
  if (!slot) return SQLITE_NOMEM;
  int rc = get_row(c, first, n, &row);
  if (rc != SQLITE_OK) return rc;
  rc = ht_objrow_decode(&row, slot->objs);
  sqlite3_reset(v->get);
  if (rc) return corrupt_run(c, first);
  slot->first = first;
  slot->block = -1;
  slot->n = (uint32_t)n;
  set_cur(c, slot);
  return SQLITE_OK;
}

/* Index of ID in E's objects (sorted by id), or where it would go. */
static int64_t index_of(const ob_run *e, uint64_t id) {
  int64_t lo = 0, hi = e->n;
  while (lo < hi) {
    int64_t mid = (lo + hi) / 2;
    if (e->objs[mid].id < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* Make the object ID current (c->cur, c->i), decoding only its block unless
** its run or block is cached; *FOUND says whether it exists. */
static int find_object(ob_cursor *c, uint64_t id, int *found) {
  ob_vtab *v = vt_of(c);
  *found = 0;
  for (int pass = 0; pass < 2; pass++) {
    ob_run **cache = pass ? v->blocks : v->runs;
    for (int k = 0; k < (pass ? v->nblocks : v->nruns); k++) {
      ob_run *e = cache[k];
      if (e->first < 0 || !e->n || id < e->objs[0].id || id > e->objs[e->n - 1].id) continue;
      e->used = ++v->clock;
      set_cur(c, e);
      c->i = index_of(e, id);
      *found = e->objs[c->i].id == id;
      return SQLITE_OK;
    }
  }
  int rc;
  if ((rc = prepare(c, &v->find_run, "SELECT first_id, n FROM object_blob WHERE first_id <= ?1 "
                                     "ORDER BY first_id DESC LIMIT 1")))
    return rc;
  sqlite3_bind_int64(v->find_run, 1, (sqlite3_int64)id);
  rc = sqlite3_step(v->find_run);
  if (rc != SQLITE_ROW) {
    sqlite3_reset(v->find_run);
    return rc == SQLITE_DONE ? SQLITE_OK : vt_error(c, rc, NULL);
  }
  int64_t first = sqlite3_column_int64(v->find_run, 0), n = sqlite3_column_int64(v->find_run, 1);
  sqlite3_reset(v->find_run);
  ht_objrow row;
  ob_run *slot = cache_slot(v, &v->blocks, &v->nblocks, NBLOCKS, HT_OBJ_SUB);
  if (!slot) return SQLITE_NOMEM;
  if ((rc = get_row(c, first, n, &row)) != SQLITE_OK) return rc;
  uint32_t block = 0;
  int got = ht_objrow_find(&row, id, slot->objs, &block);
  sqlite3_reset(v->get);
  if (got < 0) return corrupt_run(c, first);
  if (got == 0) return SQLITE_OK;
  slot->first = first;
  slot->block = (int32_t)block;
  slot->n = (uint32_t)got;
  set_cur(c, slot);
  c->i = index_of(slot, id);
  *found = c->i < got && slot->objs[c->i].id == id;
  return SQLITE_OK;
}

static inline int row_matches(const ob_cursor *c, const ht_obj *o) {
  if (c->free_null) return o->free_seq < 0;
  if (c->free_set) return o->free_seq >= 0 && o->free_seq >= c->free_lo && o->free_seq <= c->free_hi;
  return 1;
}

/* Does the run's summary (scan row) rule it out?  2: and every run after
** it (in the scan's order). */
static int run_excluded(const ob_cursor *c) {
  sqlite3_stmt *s = c->scan;
  if (c->desc ? sqlite3_column_int64(s, 1) < c->id_lo : sqlite3_column_int64(s, 0) > c->id_hi) return 2;
  if (sqlite3_column_int64(s, 1) < c->id_lo || sqlite3_column_int64(s, 0) > c->id_hi) return 1;
  if (c->free_null) return sqlite3_column_int64(s, 5) == 0;
  if (c->free_set) {
    if (sqlite3_column_type(s, 3) == SQLITE_NULL) return 1;
    return sqlite3_column_int64(s, 4) < c->free_lo || sqlite3_column_int64(s, 3) > c->free_hi;
  }
  return 0;
}

/* Scans: position on the next matching row at or after index I of the
** current run (before, when descending), moving on to the next runs as
** needed. */
static int settle(ob_cursor *c, int64_t i) {
  for (;;) {
    if (c->cur) {
      const ob_run *r = c->cur;
      int64_t step = c->desc ? -1 : 1;
      for (; i >= 0 && i < (int64_t)r->n; i += step) {
        const ht_obj *o = &r->objs[i];
        if ((int64_t)o->id < c->id_lo) {
          if (c->desc) break;
          continue;
        }
        if ((int64_t)o->id > c->id_hi) {
          if (!c->desc) break;
          continue;
        }
        if (row_matches(c, o)) {
          c->i = i;
          return SQLITE_OK;
        }
      }
      set_cur(c, NULL);
    }
    int rc, ex = 0;
    do rc = sqlite3_step(c->scan);
    while (rc == SQLITE_ROW && (ex = run_excluded(c)) == 1);
    if (rc == SQLITE_DONE || ex == 2) {
      sqlite3_reset(c->scan);
      c->eof = 1;
      return SQLITE_OK;
    }
    if (rc != SQLITE_ROW) return vt_error(c, rc, NULL);
    int64_t first = sqlite3_column_int64(c->scan, 0);
    if ((rc = load_run(c, first, sqlite3_column_int64(c->scan, 2))) != SQLITE_OK) return rc;
    i = c->desc ? index_of(c->cur, (uint64_t)c->id_hi + (c->id_hi < INT64_MAX)) - 1
                : index_of(c->cur, (uint64_t)c->id_lo);
  }
}

/* Through object_end: position on the next matching object at or after end
** I of the row being read, moving on to the next rows as needed. */
static int settle_end(ob_cursor *c, int64_t i) {
  ob_vtab *v = vt_of(c);
  int rc;
  for (;;) {
    for (; c->ends && i < (int64_t)c->ends->n; i++) {
      const ht_objend *e = &c->ends->e[i];
      if ((int64_t)e->free_seq > c->free_hi) {
        c->eof = 1;
        return SQLITE_OK;
      }
      if ((int64_t)e->free_seq < c->free_lo || (int64_t)e->id < c->id_lo || (int64_t)e->id > c->id_hi)
        continue;
      int found;
      if ((rc = find_object(c, e->id, &found)) != SQLITE_OK) return rc;
      if (!found || c->cur->objs[c->i].free_seq != (int64_t)e->free_seq) goto corrupt;
      c->ends_i = i;
      return SQLITE_OK;
    }
    if (!c->ends_more) {
      c->eof = 1;
      return SQLITE_OK;
    }
    rc = sqlite3_step(c->ends_scan);
    if (rc == SQLITE_DONE) {
      sqlite3_reset(c->ends_scan);
      c->ends_more = 0;
      c->eof = 1;
      return SQLITE_OK;
    }
    if (rc != SQLITE_ROW) return vt_error(c, rc, NULL);
    int64_t first = sqlite3_column_int64(c->ends_scan, 0), n = sqlite3_column_int64(c->ends_scan, 1);
    if (n < 0 || n > (1 << 24) || first < 0) goto corrupt;
    /* A buffer of its own: reuse the cursor's unless someone shares it. */
    ob_ends *e = c->ends;
    if (!e || e->refs > 1) {
      ends_release(e);
      if (!(e = c->ends = sqlite3_malloc(sizeof *e))) return SQLITE_NOMEM;
      memset(e, 0, sizeof *e);
      e->refs = 1;
    }
    e->n = 0;
    if ((uint32_t)n > e->cap) {
      ht_objend *b = sqlite3_realloc64(e->e, (sqlite3_uint64)n * sizeof *b);
      if (!b) return SQLITE_NOMEM;
      e->e = b;
      e->cap = (uint32_t)n;
    }
    if (ht_objend_decode(sqlite3_column_blob(c->ends_scan, 2), (size_t)sqlite3_column_bytes(c->ends_scan, 2),
                         (uint64_t)first, (uint32_t)n, e->e))
      goto corrupt;
    e->n = (uint32_t)n;
    /* The table keeps the last row read for the next lookups. */
    if (v->ends != e) {
      ends_release(v->ends);
      v->ends = e;
      e->refs++;
    }
    i = 0;
  }
corrupt:
  if (c->ends_more) sqlite3_reset(c->ends_scan);
  c->ends_more = 0;
  return vt_error(c, SQLITE_CORRUPT,
                  sqlite3_mprintf("corrupt profile: the index of objects by free_seq does not match them"));
}

/* free_seq = ? (c->free_lo .. c->free_hi): start in the object_end row read
** last when it covers the range (rows never split the ends of one seq),
** else from the row that holds c->free_lo. */
static int start_end(ob_cursor *c) {
  ob_vtab *v = vt_of(c);
  int rc;
  if (c->ends_more) sqlite3_reset(c->ends_scan);
  c->ends_more = 0;
  ob_ends *e = v->ends;
  if (e && e->n && (int64_t)e->e[0].free_seq <= c->free_lo && c->free_hi <= (int64_t)e->e[e->n - 1].free_seq) {
    if (c->ends != e) {
      ends_release(c->ends);
      c->ends = e;
      e->refs++;
    }
    int64_t lo = 0, hi = e->n;
    while (lo < hi) {
      int64_t mid = (lo + hi) / 2;
      if ((int64_t)e->e[mid].free_seq < c->free_lo) lo = mid + 1;
      else hi = mid;
    }
    return settle_end(c, lo);
  }
  if ((rc = prepare(c, &c->ends_scan,
                    "SELECT first_free, n, data FROM object_end WHERE first_free >= "
                    "coalesce((SELECT max(first_free) FROM object_end WHERE first_free <= ?1), 0) "
                    "AND first_free <= ?2 ORDER BY first_free")))
    return rc;
  sqlite3_bind_int64(c->ends_scan, 1, c->free_lo < 0 ? 0 : c->free_lo);
  sqlite3_bind_int64(c->ends_scan, 2, c->free_hi);
  if (c->ends && c->ends->refs == 1) c->ends->n = 0;
  else {
    ends_release(c->ends);
    c->ends = NULL;
  }
  c->ends_more = 1;
  return settle_end(c, 0);
}

static int ob_filter(sqlite3_vtab_cursor *cur, int idx, const char *idxstr, int argc,
                     sqlite3_value **argv) {
  (void)idxstr;
  ob_cursor *c = (ob_cursor *)cur;
  int a = 0, num;
  int64_t b;
  c->id_lo = 0;
  c->id_hi = INT64_MAX;
  c->free_lo = INT64_MIN;
  c->free_hi = INT64_MAX;
  c->free_set = c->free_null = 0;
  c->desc = (idx & IX_DESC) != 0;
  c->eof = 0;
  set_cur(c, NULL);
  cache_check(vt_of(c));
#define ARG(bit, lower, open) (((idx & (bit)) && a < argc) ? bound(argv[a++], lower, open, &num) : (num = 2, open))
  if (idx & IX_ID_EQ) {
    int t = a < argc ? sqlite3_value_numeric_type(argv[a]) : SQLITE_NULL;
    if (t != SQLITE_INTEGER && t != SQLITE_FLOAT) c->eof = 1;   /* id = 'x' or NULL */
    if (a < argc) {
      c->id_lo = bound(argv[a], 1, 0, &num);
      c->id_hi = bound(argv[a], 0, INT64_MAX, &num);
      a++;
    }
  }
  b = ARG(IX_ID_LO, 1, 0);
  if (!num) c->eof = 1;
  if ((idx & IX_ID_LO_STRICT) && num == 1 && b < INT64_MAX) b++;
  if (b > c->id_lo) c->id_lo = b;
  b = ARG(IX_ID_HI, 0, INT64_MAX);
  if (!num) c->eof = 1;
  if ((idx & IX_ID_HI_STRICT) && num == 1 && b > INT64_MIN) b--;
  if (b < c->id_hi) c->id_hi = b;
  if (idx & IX_FREE_EQ) {
    int t = a < argc ? sqlite3_value_numeric_type(argv[a]) : SQLITE_NULL;
    if (t != SQLITE_INTEGER && t != SQLITE_FLOAT) c->eof = 1;
    if (a < argc) {
      c->free_lo = bound(argv[a], 1, INT64_MIN, &num);
      c->free_hi = bound(argv[a], 0, INT64_MAX, &num);
      a++;
    }
    c->free_set = 1;
  }
  b = ARG(IX_FREE_LO, 1, INT64_MIN);
  if (!num) c->eof = 1;
  if (num != 2) c->free_set = 1;
  if ((idx & IX_FREE_LO_STRICT) && num == 1 && b < INT64_MAX) b++;
  if (b > c->free_lo) c->free_lo = b;
  b = ARG(IX_FREE_HI, 0, INT64_MAX);
  if (!num) c->eof = 1;
  if (num != 2) c->free_set = 1;
  if ((idx & IX_FREE_HI_STRICT) && num == 1 && b > INT64_MIN) b--;
  if (b < c->free_hi) c->free_hi = b;
#undef ARG
  if (idx & IX_FREE_NOTNULL) c->free_set = 1;
  if (idx & IX_FREE_NULL) {
    if (c->free_set) c->eof = 1;
    c->free_null = 1;
  }
  if (c->id_lo < 0) c->id_lo = 0;
  if (c->eof || c->id_lo > c->id_hi || (c->free_set && c->free_lo > c->free_hi)) {
    c->eof = 1;
    return SQLITE_OK;
  }
  if (idx & IX_ID_EQ) {             /* one object */
    int found, rc;
    c->mode = MODE_ID;
    if ((rc = find_object(c, (uint64_t)c->id_lo, &found)) != SQLITE_OK) return rc;
    if (!found || !row_matches(c, &c->cur->objs[c->i])) c->eof = 1;
    return SQLITE_OK;
  }
  if (idx & IX_BY_END) {
    c->mode = MODE_END;
    return start_end(c);
  }
  c->mode = MODE_SCAN;
  int rc = c->desc ? prepare(c, &c->scan_desc,
                             "SELECT first_id, last_id, n, min_free, max_free, live FROM object_blob "
                             "WHERE first_id <= ?2 ORDER BY first_id DESC")
                   : prepare(c, &c->scan_asc,
                             "SELECT first_id, last_id, n, min_free, max_free, live FROM object_blob "
                             "WHERE first_id >= coalesce((SELECT max(first_id) FROM object_blob "
                             "WHERE first_id <= ?1), 0) AND first_id <= ?2 ORDER BY first_id");
  if (rc != SQLITE_OK) return rc;
  c->scan = c->desc ? c->scan_desc : c->scan_asc;
  sqlite3_reset(c->scan);
  if (c->desc) sqlite3_bind_null(c->scan, 1);
  else sqlite3_bind_int64(c->scan, 1, c->id_lo);
  sqlite3_bind_int64(c->scan, 2, c->id_hi);
  return settle(c, 0);
}

static int ob_next(sqlite3_vtab_cursor *cur) {
  ob_cursor *c = (ob_cursor *)cur;
  if (c->mode == MODE_ID) {
    c->eof = 1;
    return SQLITE_OK;
  }
  if (c->mode == MODE_END) return settle_end(c, c->ends_i + 1);
  return settle(c, c->desc ? c->i - 1 : c->i + 1);
}

static int ob_eof(sqlite3_vtab_cursor *cur) {
  return ((ob_cursor *)cur)->eof;
}

static int ob_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int col) {
  ob_cursor *c = (ob_cursor *)cur;
  const ht_obj *o = &c->cur->objs[c->i];
  sqlite3_int64 v;
  switch (col) {
  case COL_ID: v = (sqlite3_int64)o->id; break;
  case COL_PRE: v = o->pre; break;
  case COL_ALLOC_SEQ:
    if (o->pre) {
      sqlite3_result_null(ctx);
      return SQLITE_OK;
    }
    v = (sqlite3_int64)o->id;
    break;
  case COL_FREE_SEQ:
    if (o->free_seq < 0) {
      sqlite3_result_null(ctx);
      return SQLITE_OK;
    }
    v = o->free_seq;
    break;
  case COL_TAG: v = o->tag; break;
  case COL_SIZE: v = (sqlite3_int64)o->size; break;
  case COL_STACK: v = o->stack; break;
  case COL_NATIVE: v = o->native; break;
  case COL_ADDR: v = (sqlite3_int64)o->addr; break;
  default: sqlite3_result_null(ctx); return SQLITE_OK;
  }
  sqlite3_result_int64(ctx, v);
  return SQLITE_OK;
}

static int ob_rowid(sqlite3_vtab_cursor *cur, sqlite3_int64 *rowid) {
  ob_cursor *c = (ob_cursor *)cur;
  *rowid = (sqlite3_int64)c->cur->objs[c->i].id;
  return SQLITE_OK;
}

static const sqlite3_module object_module = {
  .iVersion = 1,
  .xCreate = NULL,             /* eponymous-only */
  .xConnect = ob_connect,
  .xBestIndex = ob_best_index,
  .xDisconnect = ob_disconnect,
  .xDestroy = ob_disconnect,
  .xOpen = ob_open,
  .xClose = ob_close,
  .xFilter = ob_filter,
  .xNext = ob_next,
  .xEof = ob_eof,
  .xColumn = ob_column,
  .xRowid = ob_rowid,
};

int ht_object_register(sqlite3 *db) {
  return sqlite3_create_module(db, "object", &object_module, NULL) == SQLITE_OK ? 0 : -1;
}
