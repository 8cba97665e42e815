/*
** derive.c -- the schema runner and the finalizer: derived tables from chunks.
**
** Finalizing reads the chunks twice, in seq order.  Pass 1 replays the
** events against three in-memory structures:
**
**   live objects   a hash from address to the object living there (id, tag,
**                  size, site ...); an ALLOC adds one, a FREE ends it, a
**                  REALLOC moves and resizes it (and writes a `resize` row);
**   sites          a hash from (stack, tag) to the site's totals, including
**                  its live bytes and their peak;
**   series         per tag (and for all tags), the live count and bytes, with
**                  the peak, allocs and frees of the current bucket of every
**                  level; a bucket's rows are written as soon as it closes.
**
** Pass 1 notes the fate of each object (by creation number: how long it
** lived, its last size if resized) in a compact array; pass 2 then writes the
** `object` rows at their creation events, in id order, so the table is
** filled by appends (about 3 times faster than inserting at each FREE, and
** no separate index on alloc_seq is needed).  Everything happens in one
** transaction that ends by setting meta finished=1, so a finalize that fails
** (disk full, corrupt chunk) leaves the file exactly as it was.
**
** Object identity: an object's id is the seq of the event that created it,
** so ids stay unique when addresses are reused.  A FREE or REALLOC of an
** address not allocated during the run creates an object with alloc_seq NULL
** (it was allocated before recording started) and is counted in meta
** unmatched_frees / unmatched_reallocs; an ALLOC at an address that is still
** live (a FREE the log never saw) ends the old object there and is counted
** in meta unmatched_allocs.
*/
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sqlite3.h>
#include "encode.h"
#include "recorder.h"
#include "schema.h"
#include "tags.h"

_Atomic unsigned long ht_derive_progress;

/* ---- running schema text ---- */

static void set_err(char *err, size_t errsz, const char *fmt, const char *a, const char *b) {
  if (err && errsz) snprintf(err, errsz, fmt, a, b);
}

/* Copy SQL[0..LEN) replacing "main." at identifier starts by SCHEMA ".". */
static char *subst_schema(const char *sql, size_t len, const char *schema) {
  size_t slen = schema ? strlen(schema) : 4;
  char *out = malloc(len * (slen + 2) / 4 + len + 1), *o = out;
  if (!out) return NULL;
  for (size_t i = 0; i < len;) {
    int at_word = i == 0 || !(sql[i - 1] == '_' || sql[i - 1] == '.' ||
                              (sql[i - 1] >= 'a' && sql[i - 1] <= 'z') ||
                              (sql[i - 1] >= 'A' && sql[i - 1] <= 'Z') ||
                              (sql[i - 1] >= '0' && sql[i - 1] <= '9'));
    if (schema && at_word && i + 5 <= len && !memcmp(sql + i, "main.", 5)) {
      memcpy(o, schema, slen);
      o += slen;
      *o++ = '.';
      i += 5;
    } else {
      *o++ = sql[i++];
    }
  }
  *o = 0;
  return out;
}

static const char *skip_space(const char *p) {
  for (;;) {
    while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') p++;
    if (p[0] == '-' && p[1] == '-') {
      while (*p && *p != '\n') p++;
    } else {
      return p;
    }
  }
}

/* End of the statement starting at P: just past its ';' (or the NUL). */
static const char *stmt_end(const char *p) {
  char q = 0;
  for (; *p; p++) {
    if (q) {
      if (*p == q) q = 0;
    } else if (*p == '\'' || *p == '"' || *p == '`' || *p == '[') {
      q = *p == '[' ? ']' : *p;
    } else if (p[0] == '-' && p[1] == '-') {
      while (p[1] && p[1] != '\n') p++;
    } else if (p[0] == '/' && p[1] == '*') {
      for (p += 2; *p && !(p[0] == '*' && p[1] == '/'); p++) {}
      if (!*p) return p;
      p++;
    } else if (*p == ';') {
      return p + 1;
    }
  }
  return p;
}

/* WHICH: 0 every statement, 1 all but CREATE INDEX, 2 only CREATE INDEX. */
static int sql_run(sqlite3 *db, const char *sql, long len, const char *schema, int which,
                   char *err, size_t errsz) {
  size_t n = len < 0 ? strlen(sql) : (size_t)len;
  char *text = subst_schema(sql, n, schema);
  if (!text) {
    set_err(err, errsz, "out of memory%s%s", "", "");
    return -1;
  }
  int rc = 0;
  for (const char *p = text; *(p = skip_space(p)); ) {
    const char *end = stmt_end(p);
    atomic_fetch_add_explicit(&ht_derive_progress, 1, memory_order_relaxed);
    int is_index = !sqlite3_strnicmp(p, "CREATE INDEX", 12);
    if (which == 0 || (which == 1) != is_index) {
      sqlite3_stmt *st = NULL;
      if (sqlite3_prepare_v2(db, p, (int)(end - p), &st, NULL) != SQLITE_OK) {
        char buf[160];
        snprintf(buf, sizeof buf, "%.*s", (int)(end - p < 150 ? end - p : 150), p);
        set_err(err, errsz, "%s (SQL: %s)", sqlite3_errmsg(db), buf);
        rc = -1;
        break;
      }
      int step = SQLITE_DONE;
      if (st)
        while ((step = sqlite3_step(st)) == SQLITE_ROW) {}
      if (step != SQLITE_DONE) {
        set_err(err, errsz, "%s (SQL: %s)", sqlite3_errmsg(db), sqlite3_sql(st));
        rc = -1;
      }
      sqlite3_finalize(st);
      if (rc) break;
    }
    p = end;
  }
  free(text);
  return rc;
}

int ht_sql_run(sqlite3 *db, const char *sql, long len, const char *schema, char *err,
               size_t errsz) {
  return sql_run(db, sql, len, schema, 0, err, errsz);
}

static const char *derived_part(void) {
  const char *m = strstr(ht_schema_sql, HT_DERIVED_MARKER);
  return m ? m : ht_schema_sql + strlen(ht_schema_sql);
}

static int exec1(sqlite3 *db, const char *sql, char *err, size_t errsz) {
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
    set_err(err, errsz, "%s (SQL: %s)", sqlite3_errmsg(db), sql);
    return -1;
  }
  return 0;
}

static const char *const kind_names[] = {
  "alloc", "free", "realloc", "mark", "gc_start", "gc_end", "snapshot", "sample"
};

int ht_schema_base(sqlite3 *db, char *err, size_t errsz) {
  if (sql_run(db, ht_schema_sql, derived_part() - ht_schema_sql, NULL, 0, err, errsz))
    return -1;
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, "INSERT INTO tag(id, name, kind) VALUES(?1, ?2, ?3)", -1, &st, NULL);
  for (int t = 0; rc == SQLITE_OK && t < HT_NTAGS; t++) {
    sqlite3_bind_int(st, 1, t);
    sqlite3_bind_text(st, 2, ht_tag_name(t), -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 3, ht_tag_kind(t) == HT_TAGKIND_OBJECT ? "object" : "internal", -1,
                      SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  st = NULL;
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2(db, "INSERT INTO event_kind(id, name) VALUES(?1, ?2)", -1, &st, NULL);
  for (int k = 0; rc == SQLITE_OK && k < 8; k++) {
    sqlite3_bind_int(st, 1, k);
    sqlite3_bind_text(st, 2, kind_names[k], -1, SQLITE_STATIC);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_OK) {
    set_err(err, errsz, "%s%s", sqlite3_errmsg(db), "");
    return -1;
  }
  return 0;
}

/* Drop every table and view the derived part creates, in SCHEMA. */
static int drop_derived(sqlite3 *db, const char *schema, char *err, size_t errsz) {
  static const char *const what[] = { "CREATE TABLE main.", "CREATE VIEW main." };
  for (int w = 0; w < 2; w++) {
    for (const char *p = derived_part(); (p = strstr(p, what[w])); ) {
      p += strlen(what[w]);
      size_t n = strcspn(p, " (\n");
      char sql[256];
      snprintf(sql, sizeof sql, "DROP %s IF EXISTS %s.%.*s", w ? "VIEW" : "TABLE", schema,
               (int)n, p);
      if (exec1(db, sql, err, errsz)) return -1;
    }
  }
  return 0;
}

int ht_schema_derived(sqlite3 *db, const char *schema, char *err, size_t errsz) {
  return drop_derived(db, schema, err, errsz) ||
         sql_run(db, derived_part(), -1, schema, 1, err, errsz) ? -1 : 0;
}

int ht_meta_set(sqlite3 *db, const char *schema, const char *key, const char *value,
                long long ivalue, char *err, size_t errsz) {
  char sql[128];
  sqlite3_stmt *st = NULL;
  snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO %s.meta(key, value) VALUES(?1, ?2)", schema);
  int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) {
    sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
    if (value) sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
    else sqlite3_bind_int64(st, 2, ivalue);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_OK) {
    set_err(err, errsz, "cannot set meta %s: %s", key, sqlite3_errmsg(db));
    return -1;
  }
  return 0;
}

/* ---- the replay ---- */

#define NSLOT 257              /* series slots: 0 = all tags, 1 + tag */
#define MAX_LEVELS 24

/* A live object during pass 1. */
typedef struct obj {
  uint64_t addr;               /* key: current address */
  uint64_t id;                 /* object id */
  uint64_t ordinal;            /* creation number: index in fate */
  uint64_t size;               /* current size */
  uint32_t site;               /* index in sites */
  uint8_t tag;                 /* tag */
  uint8_t used;                /* slot holds an object */
  uint8_t resized;             /* size changed since creation */
} obj;

typedef struct site {
  uint32_t stack;              /* key: script stack */
  uint32_t tag;                /* key: tag */
  int64_t allocs;              /* the columns of the `site` table ... */
  int64_t alloc_bytes;
  int64_t reallocs;
  int64_t realloc_bytes;
  int64_t frees;
  int64_t freed_bytes;
  int64_t live;                /* ... live and live_bytes are current values */
  int64_t live_bytes;
  int64_t peak_bytes;
} site;

typedef struct acc {
  int64_t peak;                /* highest live bytes in the bucket */
  int64_t allocs;              /* ALLOC/REALLOC events */
  int64_t frees;               /* FREE events */
} acc;

typedef struct kv {
  uint64_t k;                  /* key: an ordinal or a seq */
  uint64_t v;                  /* value */
} kv;

typedef struct kvlist {
  kv *v;                       /* items (owned) */
  size_t n;                    /* items used */
  size_t cap;                  /* items allocated */
} kvlist;

typedef struct replay {
  sqlite3 *db;                 /* the profile (borrowed) */
  char *err;                   /* where to put a message (borrowed) */
  size_t errsz;                /* its size */
  /* pass 1: live objects */
  obj *objs;                   /* open addressing, linear probing (owned) */
  uint64_t omask;              /* capacity - 1 */
  uint64_t ocount;             /* used slots */
  /* pass 1 -> pass 2: the fate of every object, by creation number */
  uint32_t *fate;              /* 0 alive at the end, else free_seq - id; UINT32_MAX: see late (owned) */
  uint64_t nfate;              /* objects created so far */
  uint64_t capfate;            /* room in fate */
  kvlist late;                 /* (ordinal, free_seq) of very long lives */
  kvlist final_size;           /* (ordinal, last size) of resized objects */
  kvlist made_by_realloc;      /* (seq, pre) of REALLOCs that created an object */
  kvlist orphan_frees;         /* (seq, 0) of FREEs of objects never seen */
  /* sites */
  site *sites;                 /* every site seen (owned) */
  uint32_t nsites;             /* sites used */
  uint32_t capsites;           /* sites allocated */
  uint32_t *shash;             /* site index + 1, open addressing (owned) */
  uint32_t smask;              /* shash capacity - 1 */
  /* series */
  int64_t count[NSLOT];        /* live objects now */
  int64_t bytes[NSLOT];        /* live bytes now */
  acc lv[MAX_LEVELS][NSLOT];   /* current bucket of each level */
  int nlevels;                 /* levels in use */
  uint64_t width0;             /* events per level-0 bucket */
  uint64_t ratio[MAX_LEVELS];  /* level-0 buckets per bucket of each level */
  int64_t bucket0;             /* current level-0 bucket, -1 before the first */
  uint8_t seen[NSLOT];         /* slot ever used */
  int slots[NSLOT];            /* the used slots, in first-use order */
  int nslots;                  /* entries in slots */
  uint64_t last_t;             /* time of the last event */
  sqlite3_stmt *ins_obj;       /* INSERT INTO object (owned) */
  sqlite3_stmt *ins_resize;    /* INSERT INTO resize (owned) */
  sqlite3_stmt *ins_series;    /* INSERT INTO series (owned) */
  sqlite3_stmt *upd_sample;    /* UPDATE sample SET seq (owned) */
  int64_t unmatched_frees;     /* counters written to meta ... */
  int64_t unmatched_reallocs;
  int64_t unmatched_allocs;
  int64_t size_mismatches;
  int64_t objects;             /* object rows written */
  int64_t live;                /* objects alive at the end */
  int64_t live_bytes;          /* their bytes */
} replay;

static int rfail(replay *r, const char *what) {
  set_err(r->err, r->errsz, "%s: %s", what, sqlite3_errmsg(r->db));
  return -1;
}

static int oom(replay *r) {
  set_err(r->err, r->errsz, "out of memory%s%s", "", "");
  return -1;
}

static int kv_push(kvlist *l, uint64_t k, uint64_t v) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 256;
    kv *n = realloc(l->v, cap * sizeof *n);
    if (!n) return -1;
    l->v = n;
    l->cap = cap;
  }
  l->v[l->n].k = k;
  l->v[l->n].v = v;
  l->n++;
  return 0;
}

static int kv_cmp(const void *a, const void *b) {
  uint64_t x = ((const kv *)a)->k, y = ((const kv *)b)->k;
  return x < y ? -1 : x > y;
}

static inline uint64_t addr_hash(uint64_t a) {
  a ^= a >> 33;
  a *= 0xff51afd7ed558ccdull;
  a ^= a >> 33;
  return a;
}

static int objs_grow(replay *r) {
  uint64_t cap = r->objs ? (r->omask + 1) * 2 : 1 << 16;
  obj *n = calloc(cap, sizeof *n);
  if (!n) return -1;
  for (uint64_t i = 0; r->objs && i <= r->omask; i++) {
    if (!r->objs[i].used) continue;
    uint64_t j = addr_hash(r->objs[i].addr) & (cap - 1);
    while (n[j].used) j = (j + 1) & (cap - 1);
    n[j] = r->objs[i];
  }
  free(r->objs);
  r->objs = n;
  r->omask = cap - 1;
  return 0;
}

static obj *obj_find(replay *r, uint64_t addr) {
  for (uint64_t i = addr_hash(addr) & r->omask;; i = (i + 1) & r->omask) {
    if (!r->objs[i].used) return NULL;
    if (r->objs[i].addr == addr) return &r->objs[i];
  }
}

/* Insert a copy of O (whose address must be absent). */
static obj *obj_insert(replay *r, const obj *o) {
  if ((r->ocount + 1) * 4 > (r->omask + 1) * 3 && objs_grow(r)) return NULL;
  uint64_t i = addr_hash(o->addr) & r->omask;
  while (r->objs[i].used) i = (i + 1) & r->omask;
  r->objs[i] = *o;
  r->objs[i].used = 1;
  r->ocount++;
  return &r->objs[i];
}

/* Remove O from the table (backward-shift deletion). */
static void obj_remove(replay *r, obj *o) {
  uint64_t i = (uint64_t)(o - r->objs);
  for (uint64_t j = (i + 1) & r->omask;; j = (j + 1) & r->omask) {
    if (!r->objs[j].used) break;
    uint64_t home = addr_hash(r->objs[j].addr) & r->omask;
    /* Move j into the hole at i unless its home lies cyclically in (i, j]. */
    if (((j - home) & r->omask) >= ((j - i) & r->omask)) {
      r->objs[i] = r->objs[j];
      i = j;
    }
  }
  r->objs[i].used = 0;
  r->ocount--;
}

static int site_of(replay *r, uint32_t stack, uint32_t tag, uint32_t *out) {
  uint64_t h = addr_hash(((uint64_t)stack << 8) | tag);
  if (r->shash) {
    for (uint32_t i = h & r->smask;; i = (i + 1) & r->smask) {
      uint32_t k = r->shash[i];
      if (!k) break;
      if (r->sites[k - 1].stack == stack && r->sites[k - 1].tag == tag) {
        *out = k - 1;
        return 0;
      }
    }
  }
  if (r->nsites == r->capsites) {
    uint32_t cap = r->capsites ? r->capsites * 2 : 1024;
    site *s = realloc(r->sites, cap * sizeof *s);
    if (!s) return -1;
    r->sites = s;
    r->capsites = cap;
  }
  if (!r->shash || (r->nsites + 1) * 2 > r->smask + 1) {
    uint32_t cap = r->shash ? (r->smask + 1) * 2 : 2048;
    uint32_t *hs = calloc(cap, sizeof *hs);
    if (!hs) return -1;
    for (uint32_t k = 0; k < r->nsites; k++) {
      uint32_t i = addr_hash(((uint64_t)r->sites[k].stack << 8) | r->sites[k].tag) & (cap - 1);
      while (hs[i]) i = (i + 1) & (cap - 1);
      hs[i] = k + 1;
    }
    free(r->shash);
    r->shash = hs;
    r->smask = cap - 1;
  }
  uint32_t k = r->nsites++;
  memset(&r->sites[k], 0, sizeof r->sites[k]);
  r->sites[k].stack = stack;
  r->sites[k].tag = tag;
  uint32_t i = h & r->smask;
  while (r->shash[i]) i = (i + 1) & r->smask;
  r->shash[i] = k + 1;
  *out = k;
  return 0;
}

static void site_live(site *s, int64_t dcount, int64_t dbytes) {
  s->live += dcount;
  s->live_bytes += dbytes;
  if (s->live_bytes > s->peak_bytes) s->peak_bytes = s->live_bytes;
}

static inline void slot_use(replay *r, int s) {
  if (!r->seen[s]) {
    r->seen[s] = 1;
    r->slots[r->nslots++] = s;
  }
}

/* Live objects and bytes of slot 0 (all) and 1 + TAG change. */
static void series_live(replay *r, unsigned tag, int64_t dcount, int64_t dbytes) {
  int slot[2] = { 0, 1 + (int)tag };
  for (int k = 0; k < 2; k++) {
    int s = slot[k];
    slot_use(r, s);
    r->count[s] += dcount;
    r->bytes[s] += dbytes;
    if (r->bytes[s] > r->lv[0][s].peak) r->lv[0][s].peak = r->bytes[s];
  }
}

static void series_count(replay *r, unsigned tag, int alloc) {
  int slot[2] = { 0, 1 + (int)tag };
  for (int k = 0; k < 2; k++) {
    slot_use(r, slot[k]);
    if (alloc) r->lv[0][slot[k]].allocs++;
    else r->lv[0][slot[k]].frees++;
  }
}

static int emit_bucket(replay *r, int level, uint64_t bucket) {
  for (int i = 0; i < r->nslots; i++) {
    int s = r->slots[i];
    acc *a = &r->lv[level][s];
    if (r->count[s] || a->allocs || a->frees || a->peak) {
      sqlite3_stmt *st = r->ins_series;
      sqlite3_bind_int(st, 1, level);
      sqlite3_bind_int(st, 2, s - 1);
      sqlite3_bind_int64(st, 3, (sqlite3_int64)bucket);
      sqlite3_bind_int64(st, 4, (sqlite3_int64)r->last_t);
      sqlite3_bind_int64(st, 5, r->count[s]);
      sqlite3_bind_int64(st, 6, r->bytes[s]);
      sqlite3_bind_int64(st, 7, a->peak > r->bytes[s] ? a->peak : r->bytes[s]);
      sqlite3_bind_int64(st, 8, a->allocs);
      sqlite3_bind_int64(st, 9, a->frees);
      int rc = sqlite3_step(st);
      sqlite3_reset(st);
      if (rc != SQLITE_DONE) return rfail(r, "writing the series");
    }
    a->allocs = a->frees = 0;
    a->peak = r->bytes[s];   /* the next bucket starts at the current level */
  }
  return 0;
}

/* Close level-0 bucket B0 and fold it into the coarser levels.  FINAL also
** closes the coarser levels' partial buckets. */
static int close_bucket0(replay *r, uint64_t b0, int final) {
  for (int k = 1; k < r->nlevels; k++)
    for (int i = 0; i < r->nslots; i++) {
      int s = r->slots[i];
      acc *a = &r->lv[k][s], *z = &r->lv[0][s];
      int64_t zp = z->peak > r->bytes[s] ? z->peak : r->bytes[s];
      if (zp > a->peak) a->peak = zp;
      a->allocs += z->allocs;
      a->frees += z->frees;
    }
  if (emit_bucket(r, 0, b0)) return -1;
  for (int k = 1; k < r->nlevels; k++)
    if (final || (b0 + 1) % r->ratio[k] == 0)
      if (emit_bucket(r, k, b0 / r->ratio[k])) return -1;
  return 0;
}

/* Pass 1: a new live object at E->obj created by event E. */
static int obj_new(replay *r, const ht_event *e, int pre) {
  obj o;
  memset(&o, 0, sizeof o);
  o.addr = e->obj;
  o.id = e->seq;
  o.size = e->size;
  o.tag = e->tag;
  o.ordinal = r->nfate;
  if (r->nfate == r->capfate) {
    uint64_t cap = r->capfate ? r->capfate * 2 : 1 << 16;
    uint32_t *f = realloc(r->fate, cap * sizeof *f);
    if (!f) return oom(r);
    r->fate = f;
    r->capfate = cap;
  }
  r->fate[r->nfate++] = 0;
  if (e->kind == HT_EV_REALLOC && kv_push(&r->made_by_realloc, e->seq, (uint64_t)pre)) return oom(r);
  if (site_of(r, e->stack, e->tag, &o.site) || !obj_insert(r, &o)) return oom(r);
  site *s = &r->sites[o.site];
  if (!pre) {
    s->allocs++;
    s->alloc_bytes += (int64_t)e->size;
  }
  site_live(s, 1, (int64_t)e->size);
  series_live(r, e->tag, 1, (int64_t)e->size);
  return 0;
}

/* Pass 1: record what became of O (freed at SEQ, or alive when SEQ < 0). */
static int obj_fate(replay *r, const obj *o, int64_t seq) {
  if (o->resized && kv_push(&r->final_size, o->ordinal, o->size)) return oom(r);
  if (seq < 0) return 0;
  uint64_t life = (uint64_t)seq - o->id;
  if (life >= UINT32_MAX) {
    r->fate[o->ordinal] = UINT32_MAX;
    if (kv_push(&r->late, o->ordinal, (uint64_t)seq)) return oom(r);
  } else {
    r->fate[o->ordinal] = (uint32_t)life;
  }
  return 0;
}

/* Pass 1: end the object O at SEQ. */
static int obj_end(replay *r, obj *o, int64_t seq) {
  site *s = &r->sites[o->site];
  s->frees++;
  s->freed_bytes += (int64_t)o->size;
  site_live(s, -1, -(int64_t)o->size);
  series_live(r, o->tag, -1, -(int64_t)o->size);
  if (obj_fate(r, o, seq)) return -1;
  obj_remove(r, o);
  return 0;
}

static int on_event(replay *r, const ht_event *e) {
  int64_t seq = (int64_t)e->seq;
  obj *o;
  r->last_t = e->t;
  switch (e->kind) {
  case HT_EV_ALLOC:
    series_count(r, e->tag, 1);
    if ((o = obj_find(r, e->obj))) {
      r->unmatched_allocs++;
      if (obj_end(r, o, seq)) return -1;
    }
    return obj_new(r, e, 0);
  case HT_EV_FREE:
    series_count(r, e->tag, 0);
    if ((o = obj_find(r, e->obj))) {
      if (o->size != e->size || o->tag != e->tag) r->size_mismatches++;
      return obj_end(r, o, seq);
    }
    r->unmatched_frees++;
    return kv_push(&r->orphan_frees, e->seq, 0) ? oom(r) : 0;
  case HT_EV_REALLOC: {
    uint32_t si;
    series_count(r, e->tag, 1);
    if (site_of(r, e->stack, e->tag, &si)) return oom(r);
    r->sites[si].reallocs++;
    r->sites[si].realloc_bytes += (int64_t)e->size;
    if (!e->old) {
      if ((o = obj_find(r, e->obj))) {
        r->unmatched_allocs++;
        if (obj_end(r, o, seq)) return -1;
      }
      return obj_new(r, e, 0);
    }
    if (!(o = obj_find(r, e->old))) {
      r->unmatched_reallocs++;
      if ((o = obj_find(r, e->obj))) {
        r->unmatched_allocs++;
        if (obj_end(r, o, seq)) return -1;
      }
      return obj_new(r, e, 1);
    }
    int64_t delta = (int64_t)e->size - (int64_t)o->size;
    sqlite3_stmt *st = r->ins_resize;
    sqlite3_bind_int64(st, 1, seq);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)o->id);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)o->size);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)e->size);
    sqlite3_bind_int64(st, 5, (sqlite3_int64)e->old);
    sqlite3_bind_int64(st, 6, (sqlite3_int64)e->obj);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) return rfail(r, "writing resizes");
    site_live(&r->sites[o->site], 0, delta);
    series_live(r, o->tag, 0, delta);
    o->size = e->size;
    o->resized = 1;
    if (e->obj != e->old) {
      obj moved = *o;
      obj_remove(r, o);
      moved.addr = e->obj;
      obj *prev = obj_find(r, e->obj);
      if (prev) {           /* the new address was live: a FREE never seen */
        r->unmatched_allocs++;
        if (obj_end(r, prev, seq)) return -1;
      }
      if (!obj_insert(r, &moved)) return oom(r);
    }
    return 0;
  }
  case HT_EV_SAMPLE:
    if (r->upd_sample) {
      sqlite3_bind_int64(r->upd_sample, 1, (sqlite3_int64)e->obj);
      sqlite3_bind_int64(r->upd_sample, 2, seq);
      int rc = sqlite3_step(r->upd_sample);
      sqlite3_reset(r->upd_sample);
      if (rc != SQLITE_DONE) return rfail(r, "updating samples");
    }
    return 0;
  default:
    return 0;
  }
}

/* Pass 2 state: where we are in the lists pass 1 built. */
typedef struct pass2 {
  uint64_t ordinal;            /* next creation number */
  size_t by_realloc;           /* cursor in made_by_realloc */
  size_t orphan;               /* cursor in orphan_frees */
  size_t late;                 /* cursor in late */
  size_t final_size;           /* cursor in final_size */
} pass2;

static int write_object(replay *r, const ht_event *e, int pre, int64_t free_seq, uint64_t size) {
  sqlite3_stmt *st = r->ins_obj;
  sqlite3_bind_int64(st, 1, (sqlite3_int64)e->seq);
  sqlite3_bind_int(st, 2, pre);
  if (free_seq >= 0) sqlite3_bind_int64(st, 3, free_seq);
  else sqlite3_bind_null(st, 3);
  sqlite3_bind_int(st, 4, e->tag);
  sqlite3_bind_int64(st, 5, (sqlite3_int64)size);
  sqlite3_bind_int64(st, 6, e->stack);
  sqlite3_bind_int64(st, 7, e->native);
  sqlite3_bind_int64(st, 8, (sqlite3_int64)e->obj);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  r->objects++;
  return rc == SQLITE_DONE ? 0 : rfail(r, "writing objects");
}

/* Pass 2: write the row of the object created by E (its fate is known). */
static int create_row(replay *r, pass2 *p, const ht_event *e, int pre) {
  uint64_t k = p->ordinal++;
  if (k >= r->nfate) {
    set_err(r->err, r->errsz, "internal error: the second pass saw more objects%s%s", "", "");
    return -1;
  }
  int64_t free_seq = -1;
  uint32_t f = r->fate[k];
  if (f == UINT32_MAX) {
    while (p->late < r->late.n && r->late.v[p->late].k < k) p->late++;
    if (p->late < r->late.n && r->late.v[p->late].k == k) free_seq = (int64_t)r->late.v[p->late].v;
  } else if (f) {
    free_seq = (int64_t)(e->seq + f);
  }
  uint64_t size = e->size;
  while (p->final_size < r->final_size.n && r->final_size.v[p->final_size].k < k) p->final_size++;
  if (p->final_size < r->final_size.n && r->final_size.v[p->final_size].k == k)
    size = r->final_size.v[p->final_size].v;
  if (free_seq < 0) {
    r->live++;
    r->live_bytes += (int64_t)size;
  }
  return write_object(r, e, pre, free_seq, size);
}

static int on_event2(replay *r, pass2 *p, const ht_event *e) {
  switch (e->kind) {
  case HT_EV_ALLOC:
    return create_row(r, p, e, 0);
  case HT_EV_REALLOC:
    if (p->by_realloc < r->made_by_realloc.n && r->made_by_realloc.v[p->by_realloc].k == e->seq)
      return create_row(r, p, e, (int)r->made_by_realloc.v[p->by_realloc++].v);
    return 0;
  case HT_EV_FREE:
    if (p->orphan < r->orphan_frees.n && r->orphan_frees.v[p->orphan].k == e->seq) {
      p->orphan++;
      return write_object(r, e, 1, (int64_t)e->seq, e->size);
    }
    return 0;
  default:
    return 0;
  }
}

static int write_sites(replay *r, const char *schema) {
  char sql[256];
  sqlite3_stmt *st = NULL;
  snprintf(sql, sizeof sql, "INSERT INTO %s.site VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
           schema);
  if (sqlite3_prepare_v2(r->db, sql, -1, &st, NULL) != SQLITE_OK) return rfail(r, "writing sites");
  for (uint32_t k = 0; k < r->nsites; k++) {
    const site *s = &r->sites[k];
    int64_t v[11] = { s->stack, s->tag, s->allocs, s->alloc_bytes, s->reallocs, s->realloc_bytes,
                      s->frees, s->freed_bytes, s->live, s->live_bytes, s->peak_bytes };
    for (int i = 0; i < 11; i++) sqlite3_bind_int64(st, i + 1, v[i]);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
      sqlite3_finalize(st);
      return rfail(r, "writing sites");
    }
  }
  sqlite3_finalize(st);
  return 0;
}

/* Build native_frame from native_stack.pcs. */
static int write_native_frames(replay *r, const char *schema) {
  char sql[256];
  sqlite3_stmt *sel = NULL, *ins = NULL;
  snprintf(sql, sizeof sql, "INSERT INTO %s.native_frame VALUES(?1, ?2, ?3)", schema);
  int rc = sqlite3_prepare_v2(r->db, "SELECT id, pcs FROM main.native_stack", -1, &sel, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(r->db, sql, -1, &ins, NULL);
  while (rc == SQLITE_OK && sqlite3_step(sel) == SQLITE_ROW) {
    const uint8_t *p = sqlite3_column_blob(sel, 1);
    int n = sqlite3_column_bytes(sel, 1) / 8;
    for (int i = 0; i < n && rc == SQLITE_OK; i++) {
      uint64_t pc = 0;
      for (int b = 0; b < 8; b++) pc |= (uint64_t)p[8 * i + b] << (8 * b);
      sqlite3_bind_int64(ins, 1, sqlite3_column_int64(sel, 0));
      sqlite3_bind_int(ins, 2, i);
      sqlite3_bind_int64(ins, 3, (sqlite3_int64)pc);
      rc = sqlite3_step(ins) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
      sqlite3_reset(ins);
    }
  }
  sqlite3_finalize(sel);
  sqlite3_finalize(ins);
  return rc == SQLITE_OK ? 0 : rfail(r, "writing native frames");
}

/* Copy main.NAME into a temp table of the same definition. */
static int copy_to_temp(sqlite3 *db, const char *name, char *err, size_t errsz) {
  sqlite3_stmt *st = NULL;
  char *ddl = NULL;
  int rc = -1;
  if (sqlite3_prepare_v2(db, "SELECT sql FROM main.sqlite_schema WHERE type='table' AND name=?1",
                         -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    if (sqlite3_step(st) == SQLITE_ROW) {
      const char *s = (const char *)sqlite3_column_text(st, 0);
      /* "CREATE TABLE name(...)" -> "CREATE TEMP TABLE name(...)" */
      if (s && !sqlite3_strnicmp(s, "CREATE TABLE ", 13)) ddl = sqlite3_mprintf("CREATE TEMP TABLE %s", s + 13);
    }
  }
  sqlite3_finalize(st);
  if (!ddl) {
    set_err(err, errsz, "the profile has no %s table%s", name, "");
    return -1;
  }
  char *copy = sqlite3_mprintf("DROP TABLE IF EXISTS temp.%s; %s; INSERT INTO temp.%s SELECT * FROM main.%s;",
                               name, ddl, name, name);
  if (copy && sqlite3_exec(db, copy, NULL, NULL, NULL) == SQLITE_OK) rc = 0;
  else set_err(err, errsz, "%s (copying %s into temp)", sqlite3_errmsg(db), name);
  sqlite3_free(copy);
  sqlite3_free(ddl);
  return rc;
}

/* Decode every chunk in seq order and feed the events to pass PASS (1 or 2). */
static int read_chunks(replay *r, int pass, pass2 *p2, uint64_t *events, uint64_t *nchunks,
                       uint64_t *gaps) {
  sqlite3_stmt *st = NULL;
  ht_event *evs = NULL;
  uint32_t cap = 0;
  uint64_t next_seq = 0;
  int rc = 0;
  if (sqlite3_prepare_v2(r->db, "SELECT first_seq, nevents, t0, data FROM main.chunk ORDER BY first_seq",
                         -1, &st, NULL) != SQLITE_OK)
    return rfail(r, "reading chunks");
  int step;
  while ((step = sqlite3_step(st)) == SQLITE_ROW) {
    uint64_t first = (uint64_t)sqlite3_column_int64(st, 0);
    int64_t n = sqlite3_column_int64(st, 1);
    uint64_t t0 = (uint64_t)sqlite3_column_int64(st, 2);
    const void *data = sqlite3_column_blob(st, 3);
    int nbytes = sqlite3_column_bytes(st, 3);
    if (n < 0 || n > (1 << 24) || (n && !data)) goto corrupt;
    if ((uint32_t)n > cap) {
      free(evs);
      cap = (uint32_t)n;
      if (!(evs = malloc(cap * sizeof *evs))) {
        rc = oom(r);
        break;
      }
    }
    if (ht_decode_chunk(data, (size_t)nbytes, first, t0, (uint32_t)n, evs) != n) goto corrupt;
    atomic_fetch_add_explicit(&ht_derive_progress, 1, memory_order_relaxed);
    if (pass == 1) {
      if (first != next_seq) (*gaps)++;
      next_seq = first + (uint64_t)n;
      (*nchunks)++;
      *events += (uint64_t)n;
      for (int64_t i = 0; i < n && rc == 0; i++) {
        int64_t b = (int64_t)(evs[i].seq / r->width0);
        if (b != r->bucket0) {
          if (r->bucket0 >= 0 && close_bucket0(r, (uint64_t)r->bucket0, 0)) { rc = -1; break; }
          r->bucket0 = b;
        }
        rc = on_event(r, &evs[i]);
      }
    } else {
      for (int64_t i = 0; i < n && rc == 0; i++) rc = on_event2(r, p2, &evs[i]);
    }
    if (rc) break;
    continue;
  corrupt: {
      char what[64];
      snprintf(what, sizeof what, "%llu", (unsigned long long)first);
      set_err(r->err, r->errsz, "corrupt profile: the chunk of events at seq %s is malformed%s", what, "");
      rc = -1;
      break;
    }
  }
  if (!rc && step != SQLITE_DONE && step != SQLITE_ROW) rc = rfail(r, "reading chunks");
  if (!rc && pass == 1 && r->bucket0 >= 0) rc = close_bucket0(r, (uint64_t)r->bucket0, 1);
  sqlite3_finalize(st);
  free(evs);
  return rc;
}

static int prep(replay *r, sqlite3_stmt **st, const char *fmt, const char *schema) {
  char sql[512];
  snprintf(sql, sizeof sql, fmt, schema);
  if (sqlite3_prepare_v2(r->db, sql, -1, st, NULL) != SQLITE_OK) return rfail(r, sql);
  return 0;
}

static int total_events(sqlite3 *db, uint64_t *out) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, "SELECT coalesce(sum(nevents), 0) FROM main.chunk", -1, &st, NULL);
  if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) *out = (uint64_t)sqlite3_column_int64(st, 0);
  else rc = SQLITE_ERROR;
  sqlite3_finalize(st);
  return rc == SQLITE_OK ? 0 : -1;
}

static void replay_free(replay *r) {
  sqlite3_finalize(r->ins_obj);
  sqlite3_finalize(r->ins_resize);
  sqlite3_finalize(r->ins_series);
  sqlite3_finalize(r->upd_sample);
  free(r->objs);
  free(r->fate);
  free(r->late.v);
  free(r->final_size.v);
  free(r->made_by_realloc.v);
  free(r->orphan_frees.v);
  free(r->sites);
  free(r->shash);
  free(r);
}

int ht_derive(sqlite3 *db, const char *schema, const char *by, int complete, char *err,
              size_t errsz) {
  replay *r = calloc(1, sizeof *r);
  uint64_t events = 0, nchunks = 0, gaps = 0, total = 0;
  pass2 p2;
  memset(&p2, 0, sizeof p2);
  if (!r) {
    set_err(err, errsz, "out of memory%s%s", "", "");
    return -1;
  }
  r->db = db;
  r->err = err;
  r->errsz = errsz;
  r->bucket0 = -1;
  sqlite3_exec(db, "PRAGMA cache_size=-65536; PRAGMA threads=2", NULL, NULL, NULL);
  /* Finalizing in place writes a lot once: in rollback-journal mode new
  ** pages go straight to the file instead of through the WAL and back. */
  if (!strcmp(schema, "main")) sqlite3_exec(db, "PRAGMA main.journal_mode=DELETE", NULL, NULL, NULL);
  if (exec1(db, "BEGIN", err, errsz)) goto out;
  if (!strcmp(schema, "temp") &&
      (copy_to_temp(db, "meta", err, errsz) || copy_to_temp(db, "sample", err, errsz)))
    goto rollback;
  if (ht_schema_derived(db, schema, err, errsz) || total_events(db, &total)) goto rollback;

  /* Level 0 has at most 16384 buckets of at least 64 events; each level is
  ** 8 times coarser, down to a level of at most 64 buckets.  (Finer views
  ** come from `events` over a seq range.) */
  r->width0 = 64;
  while (total / r->width0 > 16384) r->width0 *= 2;
  r->nlevels = 1;
  r->ratio[0] = 1;
  while (r->nlevels < MAX_LEVELS && total / (r->width0 * r->ratio[r->nlevels - 1]) > 64) {
    r->ratio[r->nlevels] = r->ratio[r->nlevels - 1] * 8;
    r->nlevels++;
  }
  {
    sqlite3_stmt *st = NULL;
    if (prep(r, &st, "INSERT INTO %s.series_level VALUES(?1, ?2)", schema)) goto rollback;
    for (int k = 0; k < r->nlevels; k++) {
      sqlite3_bind_int(st, 1, k);
      sqlite3_bind_int64(st, 2, (sqlite3_int64)(r->width0 * r->ratio[k]));
      if (sqlite3_step(st) != SQLITE_DONE) {
        rfail(r, "writing series levels");
        sqlite3_finalize(st);
        goto rollback;
      }
      sqlite3_reset(st);
    }
    sqlite3_finalize(st);
  }
  if (prep(r, &r->ins_obj, "INSERT INTO %s.object(id, pre, free_seq, tag, size, stack, native, addr) "
                           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", schema) ||
      prep(r, &r->ins_resize, "INSERT INTO %s.resize VALUES(?1, ?2, ?3, ?4, ?5, ?6)", schema) ||
      prep(r, &r->ins_series, "INSERT INTO %s.series VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", schema) ||
      prep(r, &r->upd_sample, "UPDATE %s.sample SET seq = ?2 WHERE id = ?1", schema))
    goto rollback;
  if (objs_grow(r)) {
    oom(r);
    goto rollback;
  }
  /* Pass 1: lifetimes, sites, series, resizes. */
  if (read_chunks(r, 1, NULL, &events, &nchunks, &gaps)) goto rollback;
  for (uint64_t i = 0; i <= r->omask; i++)
    if (r->objs[i].used && obj_fate(r, &r->objs[i], -1)) goto rollback;
  free(r->objs);
  r->objs = NULL;
  if (r->final_size.n > 1) qsort(r->final_size.v, r->final_size.n, sizeof *r->final_size.v, kv_cmp);
  if (r->late.n > 1) qsort(r->late.v, r->late.n, sizeof *r->late.v, kv_cmp);
  /* Pass 2: object rows, in id order. */
  if (read_chunks(r, 2, &p2, NULL, NULL, NULL)) goto rollback;
  if (write_sites(r, schema) || write_native_frames(r, schema)) goto rollback;
  if (sql_run(db, derived_part(), -1, schema, 2, err, errsz)) goto rollback;
  struct { const char *k; long long v; } nums[] = {
    { "events", (long long)events }, { "chunks", (long long)nchunks },
    { "chunk_gaps", (long long)gaps }, { "end_t", (long long)r->last_t },
    { "objects", r->objects }, { "live_objects", r->live }, { "live_bytes", r->live_bytes },
    { "sites", r->nsites }, { "unmatched_frees", r->unmatched_frees },
    { "unmatched_reallocs", r->unmatched_reallocs }, { "unmatched_allocs", r->unmatched_allocs },
    { "size_mismatches", r->size_mismatches }, { "complete", complete },
    { "finished", 1 },
  };
  for (size_t i = 0; i < sizeof nums / sizeof *nums; i++)
    if (ht_meta_set(db, schema, nums[i].k, NULL, nums[i].v, err, errsz)) goto rollback;
  if (ht_meta_set(db, schema, "finalized_by", by, 0, err, errsz)) goto rollback;
  sqlite3_finalize(r->ins_obj);
  sqlite3_finalize(r->ins_resize);
  sqlite3_finalize(r->ins_series);
  sqlite3_finalize(r->upd_sample);
  r->ins_obj = r->ins_resize = r->ins_series = r->upd_sample = NULL;
  if (exec1(db, "COMMIT", err, errsz)) goto rollback;
  replay_free(r);
  return 0;
rollback:
  sqlite3_finalize(r->ins_obj);
  sqlite3_finalize(r->ins_resize);
  sqlite3_finalize(r->ins_series);
  sqlite3_finalize(r->upd_sample);
  r->ins_obj = r->ins_resize = r->ins_series = r->upd_sample = NULL;
  if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
out:
  replay_free(r);
  return -1;
}
