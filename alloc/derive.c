/*
** derive.c -- the deriver: derived tables from the events, in one pass.
**
** The events are replayed in seq order against in-memory structures:
**
**   live objects   a hash from address to the object living there (id,
**                  creation number, size, site); an ALLOC adds one, a FREE
**                  ends it, a REALLOC moves and resizes it and writes a
**                  `resize` row;
**   object runs    objects in creation order, HT_OBJ_BLOB_OBJECTS to a run:
**                  each object's creation fields are packed into its run as
**                  it is created (packed.h), its end is noted when it ends,
**                  and a run whose objects have all ended is written as one
**                  `object_blob` row at once; runs holding objects alive at
**                  the end are written by ht_deriver_finish;
**   ends           the (free_seq, id) of each object that ends, packed as it
**                  ends into `object_end` rows: objects end in seq order, so
**                  this index of `object` on free_seq is written as a stream;
**   sites          a hash from (stack, tag) to the site's totals, including
**                  its live bytes and their peak;
**   series         per tag (and for all tags), the live count and bytes, and
**                  the peak, allocs and frees of the current level-0 bucket.
**                  Closed buckets are kept in memory as rows.  Level 0 has at
**                  most SERIES_BUCKETS buckets: when the run outgrows them,
**                  the bucket width doubles and neighbouring buckets merge,
**                  so the number of events need not be known in advance.
**                  The coarser levels are sums of level 0, computed at the
**                  end.
**
** The recorder's writer thread feeds each chunk as it stores it, so only the
** tail is written when the run ends; a reader finalizing a killed run
** (ht_derive) decodes and feeds every chunk of the file.  Either way the
** work is a few hash operations per event in C, about 20 million events a
** second, and SQLite sees one row per few thousand objects.
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
#include "packed.h"
#include "profile.h"
#include "recorder.h"
#include "schema.h"
#include "tags.h"

#define NSLOT 257              /* series slots: 0 = all tags, 1 + tag */
#define MAX_LEVELS 24
#define SERIES_BUCKETS 16384   /* level-0 buckets at most */
#define SERIES_MIN_SHIFT 6     /* level-0 buckets hold at least 64 events */
#define RUN_SHIFT 12           /* log2(HT_OBJ_BLOB_OBJECTS) */

#define LIFE_FAR UINT32_MAX    /* a life of 2^32 - 2 events or more */

#if (1 << RUN_SHIFT) != HT_OBJ_BLOB_OBJECTS
#error "RUN_SHIFT does not match HT_OBJ_BLOB_OBJECTS"
#endif

/* A live object. */
typedef struct lobj {
  uint64_t addr;               /* key: current address */
  uint64_t id;                 /* object id */
  uint64_t ordinal;            /* creation number: run and slot in it */
  uint64_t size;               /* current size */
  uint32_t site;               /* index in sites */
  uint8_t tag;                 /* tag */
  uint8_t used;                /* slot holds an object */
} lobj;

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

/* A direct-mapped cache entry of site lookups. */
typedef struct scache {
  uint32_t stack;              /* key: script stack */
  uint32_t tag;                /* key: tag; UINT32_MAX for an empty entry */
  uint32_t site;               /* index in sites */
} scache;
#define SITE_CACHE 1024

/* A run of objects not yet written. */
typedef struct orun {
  uint64_t first_id;           /* id of its first object */
  uint64_t last_id;            /* id of its last object so far */
  uint32_t n;                  /* objects created */
  uint32_t ended;              /* objects whose end is known */
  uint8_t *data;               /* the data section being built (owned) */
  uint32_t doff[HT_OBJ_BLOCKS];/* offset in data of each block */
  size_t len;                  /* bytes used in data */
  size_t cap;                  /* bytes allocated */
  int64_t min_free;            /* smallest end seq so far, -1 none */
  int64_t max_free;            /* largest end seq so far, -1 none */
  uint32_t *life;              /* per object: 0 not ended, else end seq - id + 1;
                                  LIFE_FAR: see the deriver's far list (owned) */
  uint64_t *size;              /* per object: last size if resized (owned, lazy) */
  uint8_t *resized;            /* per object: 1 if resized (owned, lazy) */
} orun;

/* The current level-0 bucket of one series slot. */
typedef struct acc {
  int64_t peak;                /* highest live bytes in the bucket */
  int64_t allocs;              /* ALLOC/REALLOC events */
  int64_t frees;               /* FREE events */
} acc;

/* A closed level-0 bucket of one slot: a `series` row to be. */
typedef struct srow {
  int64_t count;               /* live objects at the bucket's end */
  int64_t bytes;               /* live bytes at the bucket's end */
  int64_t peak;                /* most live bytes in the bucket */
  int64_t allocs;              /* ALLOC/REALLOC events */
  int64_t frees;               /* FREE events */
  uint32_t bucket;             /* level-0 bucket */
  uint16_t rank;               /* the slot's rank (rows of a bucket go by rank) */
} srow;

/* A `series` row of any level, ready to insert. */
typedef struct orow {
  int32_t tag;                 /* tag, -1 for all */
  uint32_t bucket;             /* bucket of the level */
  int64_t t, count, bytes, peak, allocs, frees;   /* its columns */
} orow;

struct ht_deriver {
  sqlite3 *db;                 /* the profile (borrowed) */
  char schema[8];              /* "main" or "temp" */
  char err[512];               /* last error */
  int broken;                  /* an error happened: refuse more work */
  /* live objects */
  lobj *objs;                  /* open addressing, linear probing (owned) */
  uint64_t omask;              /* capacity - 1 */
  uint64_t ocount;             /* used slots */
  /* object runs */
  uint64_t nobj;               /* objects created */
  orun **runs;                 /* by run number; NULL once written (owned) */
  uint64_t capruns;            /* room in runs */
  ht_objenc enc;               /* encoder of the run being filled */
  uint8_t *fate;               /* scratch for a run's fate section (owned) */
  uint64_t *far;               /* (ordinal, life) pairs of LIFE_FAR lives (owned) */
  size_t nfar;                 /* pairs used */
  size_t capfar;               /* pairs allocated */
  /* object_end: the ends being packed */
  uint8_t *ends;               /* the row being filled (owned) */
  size_t ends_len;             /* bytes used */
  size_t ends_cap;             /* bytes allocated */
  uint32_t ends_n;             /* ends in the row */
  uint64_t ends_first;         /* free_seq of its first end */
  uint64_t ends_last;          /* free_seq of its last end */
  /* sites */
  site *sites;                 /* every site seen (owned) */
  uint32_t nsites;             /* sites used */
  uint32_t capsites;           /* sites allocated */
  uint32_t *shash;             /* site index + 1, open addressing (owned) */
  uint32_t smask;              /* shash capacity - 1 */
  scache sc[SITE_CACHE];       /* recent (stack, tag) -> site lookups */
  /* series */
  int64_t count[NSLOT];        /* live objects now */
  int64_t bytes[NSLOT];        /* live bytes now */
  acc cur[NSLOT];              /* the open level-0 bucket */
  uint8_t seen[NSLOT];         /* slot ever used */
  uint16_t rank[NSLOT];        /* rank of a used slot */
  int slots[NSLOT];            /* the used slots, by rank */
  int nslots;                  /* entries in slots */
  unsigned shift0;             /* level-0 width is 1 << shift0 events */
  int64_t bucket0;             /* open level-0 bucket, -1 before the first */
  uint64_t bucket_end;         /* seq of the first event after it */
  srow *rows;                  /* closed level-0 buckets, by (bucket, rank) (owned) */
  size_t nrows;                /* rows used */
  size_t caprows;              /* rows allocated */
  srow *spare;                 /* double_width's output, swapped with rows (owned) */
  size_t capspare;             /* spare rows allocated */
  int64_t bucket_t[SERIES_BUCKETS];  /* per bucket: time of its last event, -1: none */
  /* the log */
  uint64_t events;             /* events replayed */
  uint64_t next_seq;           /* seq expected next */
  uint64_t gaps;               /* jumps in seq */
  uint64_t last_t;             /* time of the last event */
  sqlite3_stmt *ins_run;       /* INSERT INTO object_blob (owned) */
  sqlite3_stmt *ins_end;       /* INSERT INTO object_end (owned) */
  sqlite3_stmt *ins_resize;    /* INSERT INTO resize (owned) */
  sqlite3_stmt *upd_sample;    /* UPDATE sample SET seq (owned) */
  int64_t unmatched_frees;     /* counters written to meta ... */
  int64_t unmatched_reallocs;
  int64_t unmatched_allocs;
  int64_t size_mismatches;
};

/* ---- errors ---- */

static int dfail(ht_deriver *d, const char *what) {
  snprintf(d->err, sizeof d->err, "%.200s: %.300s", what, sqlite3_errmsg(d->db));
  d->broken = 1;
  return -1;
}

static int doom(ht_deriver *d) {
  snprintf(d->err, sizeof d->err, "out of memory");
  d->broken = 1;
  return -2;
}

const char *ht_deriver_error(const ht_deriver *d) { return d->err; }
uint64_t ht_deriver_events(const ht_deriver *d) { return d->events; }

/* ---- live objects ---- */

static inline uint64_t addr_hash(uint64_t a) {
  a ^= a >> 33;
  a *= 0xff51afd7ed558ccdull;
  a ^= a >> 33;
  return a;
}

static int objs_grow(ht_deriver *d) {
  uint64_t cap = d->objs ? (d->omask + 1) * 2 : 1 << 14;
  lobj *n = calloc(cap, sizeof *n);
  if (!n) return -1;
  for (uint64_t i = 0; d->objs && i <= d->omask; i++) {
    if (!d->objs[i].used) continue;
    uint64_t j = addr_hash(d->objs[i].addr) & (cap - 1);
    while (n[j].used) j = (j + 1) & (cap - 1);
    n[j] = d->objs[i];
  }
  free(d->objs);
  d->objs = n;
  d->omask = cap - 1;
  return 0;
}

static inline lobj *obj_find(ht_deriver *d, uint64_t addr) {
  for (uint64_t i = addr_hash(addr) & d->omask;; i = (i + 1) & d->omask) {
    lobj *o = &d->objs[i];
    if (!o->used) return NULL;
    if (o->addr == addr) return o;
  }
}

/* Insert a copy of O (whose address must be absent). */
static lobj *obj_insert(ht_deriver *d, const lobj *o) {
  if ((d->ocount + 1) * 4 > (d->omask + 1) * 3 && objs_grow(d)) return NULL;
  uint64_t i = addr_hash(o->addr) & d->omask;
  while (d->objs[i].used) i = (i + 1) & d->omask;
  d->objs[i] = *o;
  d->objs[i].used = 1;
  d->ocount++;
  return &d->objs[i];
}

/* Remove O from the table (backward-shift deletion). */
static void obj_remove(ht_deriver *d, lobj *o) {
  uint64_t i = (uint64_t)(o - d->objs);
  for (uint64_t j = (i + 1) & d->omask;; j = (j + 1) & d->omask) {
    if (!d->objs[j].used) break;
    uint64_t home = addr_hash(d->objs[j].addr) & d->omask;
    /* Move j into the hole at i unless its home lies cyclically in (i, j]. */
    if (((j - home) & d->omask) >= ((j - i) & d->omask)) {
      d->objs[i] = d->objs[j];
      i = j;
    }
  }
  d->objs[i].used = 0;
  d->ocount--;
}

/* ---- sites ---- */

static inline uint64_t site_hash(uint32_t stack, uint32_t tag) {
  return addr_hash(((uint64_t)stack << 8) | tag);
}

static int site_add(ht_deriver *d, uint32_t stack, uint32_t tag, uint32_t *out) {
  if (d->nsites == d->capsites) {
    uint32_t cap = d->capsites ? d->capsites * 2 : 1024;
    site *s = realloc(d->sites, cap * sizeof *s);
    if (!s) return -1;
    d->sites = s;
    d->capsites = cap;
  }
  if (!d->shash || (d->nsites + 1) * 2 > d->smask + 1) {
    uint32_t cap = d->shash ? (d->smask + 1) * 2 : 2048;
    uint32_t *hs = calloc(cap, sizeof *hs);
    if (!hs) return -1;
    for (uint32_t k = 0; k < d->nsites; k++) {
      uint32_t i = (uint32_t)site_hash(d->sites[k].stack, d->sites[k].tag) & (cap - 1);
      while (hs[i]) i = (i + 1) & (cap - 1);
      hs[i] = k + 1;
    }
    free(d->shash);
    d->shash = hs;
    d->smask = cap - 1;
  }
  uint32_t k = d->nsites++;
  memset(&d->sites[k], 0, sizeof d->sites[k]);
  d->sites[k].stack = stack;
  d->sites[k].tag = tag;
  uint32_t i = (uint32_t)site_hash(stack, tag) & d->smask;
  while (d->shash[i]) i = (i + 1) & d->smask;
  d->shash[i] = k + 1;
  *out = k;
  return 0;
}

/* The index of site (STACK, TAG), created if new.  Returns 0, -1 on OOM. */
static int site_lookup(ht_deriver *d, uint32_t stack, uint32_t tag, uint32_t *out) {
  uint32_t k = 0;
  if (d->shash) {
    for (uint32_t i = (uint32_t)site_hash(stack, tag) & d->smask;; i = (i + 1) & d->smask) {
      k = d->shash[i];
      if (!k || (d->sites[k - 1].stack == stack && d->sites[k - 1].tag == tag)) break;
    }
  }
  if (k) {
    k--;
  } else if (site_add(d, stack, tag, &k)) {
    return -1;
  }
  scache *c = &d->sc[(stack * 0x9e3779b1u + tag * 0x85ebca77u) >> 22];
  c->stack = stack;
  c->tag = tag;
  c->site = k;
  *out = k;
  return 0;
}

static inline int site_of(ht_deriver *d, uint32_t stack, uint32_t tag, uint32_t *out) {
  const scache *c = &d->sc[(stack * 0x9e3779b1u + tag * 0x85ebca77u) >> 22];
  if (c->stack == stack && c->tag == tag) {
    *out = c->site;
    return 0;
  }
  return site_lookup(d, stack, tag, out);
}

static inline void site_live(site *s, int64_t dcount, int64_t dbytes) {
  s->live += dcount;
  s->live_bytes += dbytes;
  if (s->live_bytes > s->peak_bytes) s->peak_bytes = s->live_bytes;
}

/* ---- series ---- */

static void slot_use(ht_deriver *d, int s) {
  d->seen[s] = 1;
  d->rank[s] = (uint16_t)d->nslots;
  d->slots[d->nslots++] = s;
}

/* Live objects and bytes of slot 0 (all tags) and 1 + TAG change by DCOUNT
** and DBYTES; DALLOC/DFREE events of the kind are counted. */
static inline void series_add(ht_deriver *d, unsigned tag, int64_t dcount, int64_t dbytes,
                              int dalloc, int dfree) {
  int s = 1 + (int)tag;
  if (__builtin_expect(!d->seen[s], 0)) slot_use(d, s);
  d->cur[0].allocs += dalloc;
  d->cur[s].allocs += dalloc;
  d->cur[0].frees += dfree;
  d->cur[s].frees += dfree;
  d->count[0] += dcount;
  d->count[s] += dcount;
  d->bytes[0] += dbytes;
  d->bytes[s] += dbytes;
  if (d->bytes[0] > d->cur[0].peak) d->cur[0].peak = d->bytes[0];
  if (d->bytes[s] > d->cur[s].peak) d->cur[s].peak = d->bytes[s];
}

/* Close the open level-0 bucket: a row for every slot that had live
** objects or events in it. */
static int close_bucket(ht_deriver *d) {
  uint32_t b = (uint32_t)d->bucket0;
  if (d->nrows + (size_t)d->nslots > d->caprows) {
    size_t cap = d->caprows ? d->caprows * 2 : 4096;
    while (cap < d->nrows + (size_t)d->nslots) cap *= 2;
    srow *n = realloc(d->rows, cap * sizeof *n);
    if (!n) return -1;
    d->rows = n;
    d->caprows = cap;
  }
  for (int i = 0; i < d->nslots; i++) {
    int s = d->slots[i];
    acc *a = &d->cur[s];
    if (d->count[s] || a->allocs || a->frees || a->peak) {
      srow *r = &d->rows[d->nrows++];
      r->count = d->count[s];
      r->bytes = d->bytes[s];
      r->peak = a->peak > d->bytes[s] ? a->peak : d->bytes[s];
      r->allocs = a->allocs;
      r->frees = a->frees;
      r->bucket = b;
      r->rank = (uint16_t)i;
    }
    a->allocs = a->frees = 0;
    a->peak = d->bytes[s];   /* the next bucket starts at the current level */
  }
  d->bucket_t[b] = (int64_t)d->last_t;
  return 0;
}

/* Double the level-0 width: buckets 2j and 2j+1 become bucket j.  A slot's
** end values come from the later bucket when it has a row there (a slot with
** objects alive at the end of 2j has one), else from the earlier. */
static int double_width(ht_deriver *d) {
  /* Two buffers that keep their size: with a fresh one per doubling every
  ** regrowth of rows touched new pages (page faults, memmove). */
  size_t need = d->nrows ? d->nrows : 1;
  if (d->capspare < need) {
    srow *sp = realloc(d->spare, need * sizeof *sp);
    if (!sp) return -1;
    d->spare = sp;
    d->capspare = need;
  }
  srow *out = d->spare;
  size_t capout = d->capspare;
  size_t n = 0, i = 0;
  while (i < d->nrows) {
    uint32_t j = d->rows[i].bucket / 2;
    size_t a0 = i, a1 = i;
    while (a1 < d->nrows && d->rows[a1].bucket == 2 * j) a1++;
    size_t b0 = a1, b1 = a1;
    while (b1 < d->nrows && d->rows[b1].bucket == 2 * j + 1) b1++;
    size_t x = a0, y = b0;
    while (x < a1 || y < b1) {
      srow r;
      if (y >= b1 || (x < a1 && d->rows[x].rank < d->rows[y].rank)) {
        r = d->rows[x++];
      } else if (x >= a1 || d->rows[y].rank < d->rows[x].rank) {
        r = d->rows[y++];
      } else {                 /* the same slot in both */
        const srow *p = &d->rows[x++], *q = &d->rows[y++];
        r = *q;
        if (p->peak > r.peak) r.peak = p->peak;
        r.allocs += p->allocs;
        r.frees += p->frees;
      }
      r.bucket = j;
      out[n++] = r;
    }
    i = b1;
  }
  d->spare = d->rows;
  d->capspare = d->caprows;
  d->rows = out;
  d->nrows = n;
  d->caprows = capout;
  for (uint32_t j = 0; j < SERIES_BUCKETS / 2; j++)
    d->bucket_t[j] = d->bucket_t[2 * j + 1] >= 0 ? d->bucket_t[2 * j + 1] : d->bucket_t[2 * j];
  for (uint32_t j = SERIES_BUCKETS / 2; j < SERIES_BUCKETS; j++) d->bucket_t[j] = -1;
  d->shift0++;
  return 0;
}

/* The event at SEQ falls in another level-0 bucket than the open one. */
static int series_move(ht_deriver *d, uint64_t seq) {
  if (d->bucket0 >= 0 && close_bucket(d)) return -1;
  while ((seq >> d->shift0) >= SERIES_BUCKETS)
    if (double_width(d)) return -1;
  d->bucket0 = (int64_t)(seq >> d->shift0);
  d->bucket_end = ((uint64_t)d->bucket0 + 1) << d->shift0;
  return 0;
}

/* ---- object runs ---- */

static void run_free(orun *r) {
  if (!r) return;
  free(r->data);
  free(r->life);
  free(r->size);
  free(r->resized);
  free(r);
}

/* Write run RI as an `object_blob` row and drop it. */
static int write_run(ht_deriver *d, uint64_t ri) {
  orun *r = d->runs[ri];
  uint8_t *p = d->fate;
  uint8_t idx[HT_OBJ_BLOCKS * 8];
  int64_t live = 0;
  for (uint32_t i = 0; i < r->n; i++) {
    int rs = r->resized && r->resized[i];
    if (!(i & (HT_OBJ_SUB - 1)))
      ht_objidx_put(idx, i / HT_OBJ_SUB, r->doff[i / HT_OBJ_SUB], (uint32_t)(p - d->fate));
    int64_t life = (int64_t)r->life[i] - 1;
    if (r->life[i] == LIFE_FAR) {
      uint64_t ord = (ri << RUN_SHIFT) + i;
      for (size_t k = 0; k < d->nfar; k++)
        if (d->far[2 * k] == ord) life = (int64_t)d->far[2 * k + 1];
    }
    live += life < 0;
    p = ht_objfate_put(p, life, rs, rs ? r->size[i] : 0);
  }
  uint32_t nb = (r->n + HT_OBJ_SUB - 1) / HT_OBJ_SUB;
  sqlite3_stmt *st = d->ins_run;
  sqlite3_bind_int64(st, 1, (sqlite3_int64)r->first_id);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)r->last_id);
  sqlite3_bind_int64(st, 3, r->n);
  if (r->min_free >= 0) {
    sqlite3_bind_int64(st, 4, r->min_free);
    sqlite3_bind_int64(st, 5, r->max_free);
  } else {
    sqlite3_bind_null(st, 4);
    sqlite3_bind_null(st, 5);
  }
  sqlite3_bind_int64(st, 6, live);
  sqlite3_bind_blob(st, 7, idx, (int)(8 * nb), SQLITE_TRANSIENT);
  sqlite3_bind_blob(st, 8, r->data, (int)r->len, SQLITE_STATIC);
  sqlite3_bind_blob(st, 9, d->fate, (int)(p - d->fate), SQLITE_STATIC);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) return dfail(d, "writing objects");
  run_free(r);
  d->runs[ri] = NULL;
  return 0;
}

/* Start run RI with its first object ID. */
static orun *run_new(ht_deriver *d, uint64_t ri, uint64_t id) {
  if (ri >= d->capruns) {
    uint64_t cap = d->capruns ? d->capruns * 2 : 256;
    orun **n = realloc(d->runs, cap * sizeof *n);
    if (!n) return NULL;
    memset(n + d->capruns, 0, (cap - d->capruns) * sizeof *n);
    d->runs = n;
    d->capruns = cap;
  }
  orun *r = calloc(1, sizeof *r);
  if (!r) return NULL;
  r->cap = 16384;
  r->data = malloc(r->cap);
  r->life = malloc(HT_OBJ_BLOB_OBJECTS * sizeof *r->life);
  if (!r->data || !r->life) {
    run_free(r);
    return NULL;
  }
  r->first_id = id;
  r->min_free = r->max_free = -1;
  ht_objenc_reset(&d->enc, id);
  d->runs[ri] = r;
  return r;
}

/* Write the object_end row being filled. */
static int write_ends(ht_deriver *d) {
  if (!d->ends_n) return 0;
  sqlite3_stmt *st = d->ins_end;
  sqlite3_bind_int64(st, 1, (sqlite3_int64)d->ends_first);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)d->ends_last);
  sqlite3_bind_int64(st, 3, d->ends_n);
  sqlite3_bind_blob(st, 4, d->ends, (int)d->ends_len, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) return dfail(d, "writing object ends");
  d->ends_n = 0;
  d->ends_len = 0;
  return 0;
}

/* Append the end of object ID at SEQ (ends come in seq order).  A row is
** written once it holds END_ROW_BYTES (so it fills one 16 KB page of the
** profile, with no overflow page), but never between two ends at the same
** seq, so rows' first_free values increase. */
#define END_ROW_BYTES 16000

static inline int end_add(ht_deriver *d, uint64_t id, uint64_t seq) {
  if (d->ends_len >= END_ROW_BYTES - HT_END_MAXBYTES && seq != d->ends_last && write_ends(d)) return -1;
  if (!d->ends_n) d->ends_first = d->ends_last = seq;
  if (__builtin_expect(d->ends_cap - d->ends_len < HT_END_MAXBYTES, 0)) {
    uint8_t *n = realloc(d->ends, d->ends_cap * 2);
    if (!n) return doom(d);
    d->ends = n;
    d->ends_cap *= 2;
  }
  d->ends_len = (size_t)(ht_objend_put(d->ends + d->ends_len, d->ends_last, seq, id) - d->ends);
  d->ends_last = seq;
  d->ends_n++;
  return 0;
}

/* Note the end (at SEQ) of the object ORDINAL with id ID; writes its run
** once every object of the run has ended. */
static inline int run_end(ht_deriver *d, uint64_t ordinal, uint64_t id, uint64_t seq) {
  uint64_t ri = ordinal >> RUN_SHIFT;
  orun *r = d->runs[ri];
  if (__builtin_expect(end_add(d, id, seq), 0)) return -1;
  uint64_t life = seq - id;
  if (__builtin_expect(life >= LIFE_FAR - 1, 0)) {
    if (d->nfar == d->capfar) {
      size_t cap = d->capfar ? d->capfar * 2 : 16;
      uint64_t *n = realloc(d->far, cap * 2 * sizeof *n);
      if (!n) return doom(d);
      d->far = n;
      d->capfar = cap;
    }
    d->far[2 * d->nfar] = ordinal;
    d->far[2 * d->nfar + 1] = life;
    d->nfar++;
    r->life[ordinal & (HT_OBJ_BLOB_OBJECTS - 1)] = LIFE_FAR;
  } else {
    r->life[ordinal & (HT_OBJ_BLOB_OBJECTS - 1)] = (uint32_t)life + 1;
  }
  if (r->min_free < 0 || (int64_t)seq < r->min_free) r->min_free = (int64_t)seq;
  if ((int64_t)seq > r->max_free) r->max_free = (int64_t)seq;
  if (++r->ended == HT_OBJ_BLOB_OBJECTS) return write_run(d, ri);
  return 0;
}

/* The object ORDINAL now has SIZE (a REALLOC). */
static int run_resize(ht_deriver *d, uint64_t ordinal, uint64_t size) {
  orun *r = d->runs[ordinal >> RUN_SHIFT];
  uint32_t i = (uint32_t)(ordinal & (HT_OBJ_BLOB_OBJECTS - 1));
  if (!r->resized) {
    r->resized = calloc(HT_OBJ_BLOB_OBJECTS, 1);
    r->size = malloc(HT_OBJ_BLOB_OBJECTS * sizeof *r->size);
    if (!r->resized || !r->size) return doom(d);
  }
  r->resized[i] = 1;
  r->size[i] = size;
  return 0;
}

/* Append a new object to the runs; returns its creation number in *ORD. */
static inline int run_add(ht_deriver *d, const ht_event *e, int pre, uint64_t *ord) {
  uint64_t k = d->nobj, ri = k >> RUN_SHIFT;
  uint32_t i = (uint32_t)(k & (HT_OBJ_BLOB_OBJECTS - 1));
  orun *r = i ? d->runs[ri] : run_new(d, ri, e->seq);
  if (__builtin_expect(!r, 0)) return doom(d);
  if (__builtin_expect(r->cap - r->len < HT_OBJ_MAXBYTES, 0)) {
    uint8_t *n = realloc(r->data, r->cap * 2);
    if (!n) return doom(d);
    r->data = n;
    r->cap *= 2;
  }
  if (!(i & (HT_OBJ_SUB - 1))) {      /* a block starts: afresh */
    r->doff[i / HT_OBJ_SUB] = (uint32_t)r->len;
    if (i) ht_objenc_reset(&d->enc, r->first_id);
  }
  r->len = (size_t)(ht_objenc_put(&d->enc, r->data + r->len, e->seq, pre, e->tag, e->obj, e->size,
                                  e->stack, e->native) - r->data);
  r->life[i] = 0;
  r->n = i + 1;
  if (i == HT_OBJ_BLOB_OBJECTS - 1) {
    /* Full: the run may wait for long-lived objects; give back the slack. */
    uint8_t *n = realloc(r->data, r->len + HT_OBJ_MAXBYTES);
    if (n) {
      r->data = n;
      r->cap = r->len + HT_OBJ_MAXBYTES;
    }
  }
  r->last_id = e->seq;
  d->nobj = k + 1;
  *ord = k;
  return 0;
}

/* ---- the replay ---- */

/* Make SLOT (an empty slot of the live table, where E->obj belongs) the
** object created by event E. */
static inline int obj_new_at(ht_deriver *d, lobj *slot, const ht_event *e, int pre, int dalloc) {
  uint32_t si;
  int rc;
  if ((rc = run_add(d, e, pre, &slot->ordinal))) return rc;
  if (__builtin_expect(site_of(d, e->stack, e->tag, &si), 0)) return doom(d);
  slot->addr = e->obj;
  slot->id = e->seq;
  slot->size = e->size;
  slot->site = si;
  slot->tag = e->tag;
  slot->used = 1;
  d->ocount++;
  site *s = &d->sites[si];
  if (!pre) {
    s->allocs++;
    s->alloc_bytes += (int64_t)e->size;
  }
  site_live(s, 1, (int64_t)e->size);
  series_add(d, e->tag, 1, (int64_t)e->size, dalloc, 0);
  return 0;
}

/* A new live object at E->obj (which must not be live) created by E. */
static int obj_new(ht_deriver *d, const ht_event *e, int pre) {
  if ((d->ocount + 1) * 4 > (d->omask + 1) * 3 && objs_grow(d)) return doom(d);
  uint64_t i = addr_hash(e->obj) & d->omask;
  while (d->objs[i].used) i = (i + 1) & d->omask;
  return obj_new_at(d, &d->objs[i], e, pre, 0);
}

/* End the live object O at SEQ. */
static inline int obj_end(ht_deriver *d, lobj *o, uint64_t seq) {
  site *s = &d->sites[o->site];
  s->frees++;
  s->freed_bytes += (int64_t)o->size;
  site_live(s, -1, -(int64_t)o->size);
  series_add(d, o->tag, -1, -(int64_t)o->size, 0, 0);
  uint64_t ordinal = o->ordinal, id = o->id;
  obj_remove(d, o);
  return run_end(d, ordinal, id, seq);
}

static int on_realloc(ht_deriver *d, const ht_event *e) {
  lobj *o;
  uint32_t si;
  int rc;
  series_add(d, e->tag, 0, 0, 1, 0);
  if (site_of(d, e->stack, e->tag, &si)) return doom(d);
  d->sites[si].reallocs++;
  d->sites[si].realloc_bytes += (int64_t)e->size;
  if (!e->old || !(o = obj_find(d, e->old))) {
    /* A REALLOC from NULL creates an object; one of an address the log
    ** never saw allocated creates an object that predates the log. */
    int pre = e->old != 0;
    if (pre) d->unmatched_reallocs++;
    if ((o = obj_find(d, e->obj))) {
      d->unmatched_allocs++;
      if ((rc = obj_end(d, o, e->seq))) return rc;
    }
    return obj_new(d, e, pre);
  }
  int64_t delta = (int64_t)e->size - (int64_t)o->size;
  sqlite3_stmt *st = d->ins_resize;
  sqlite3_bind_int64(st, 1, (sqlite3_int64)e->seq);
  sqlite3_bind_int64(st, 2, (sqlite3_int64)o->id);
  sqlite3_bind_int64(st, 3, (sqlite3_int64)o->size);
  sqlite3_bind_int64(st, 4, (sqlite3_int64)e->size);
  sqlite3_bind_int64(st, 5, (sqlite3_int64)e->old);
  sqlite3_bind_int64(st, 6, (sqlite3_int64)e->obj);
  rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) return dfail(d, "writing resizes");
  site_live(&d->sites[o->site], 0, delta);
  series_add(d, o->tag, 0, delta, 0, 0);
  o->size = e->size;
  if ((rc = run_resize(d, o->ordinal, e->size))) return rc;
  if (e->obj != e->old) {
    lobj moved = *o;
    obj_remove(d, o);
    moved.addr = e->obj;
    lobj *prev = obj_find(d, e->obj);
    if (prev) {           /* the new address was live: a FREE never seen */
      d->unmatched_allocs++;
      if ((rc = obj_end(d, prev, e->seq))) return rc;
    }
    if (!obj_insert(d, &moved)) return doom(d);
  }
  return 0;
}

/* An ALLOC over a live address: a FREE the log never saw ends the object
** living there. */
static int on_alloc_over(ht_deriver *d, const ht_event *e, lobj *o) {
  int rc;
  d->unmatched_allocs++;
  if ((rc = obj_end(d, o, e->seq))) return rc;
  return obj_new(d, e, 0);
}

/* A FREE of an address the log never saw allocated: an object that
** predates the log, whose only event is this FREE. */
static int on_orphan_free(ht_deriver *d, const ht_event *e) {
  uint64_t ord;
  int rc;
  d->unmatched_frees++;
  if ((rc = run_add(d, e, 1, &ord))) return rc;
  return run_end(d, ord, e->seq, e->seq);
}

static int on_other(ht_deriver *d, const ht_event *e) {
  int rc;
  switch (e->kind) {
  case HT_EV_REALLOC:
    return on_realloc(d, e);
  case HT_EV_SAMPLE:
    sqlite3_bind_int64(d->upd_sample, 1, (sqlite3_int64)e->obj);
    sqlite3_bind_int64(d->upd_sample, 2, (sqlite3_int64)e->seq);
    rc = sqlite3_step(d->upd_sample);
    sqlite3_reset(d->upd_sample);
    return rc == SQLITE_DONE ? 0 : dfail(d, "updating samples");
  default:
    return 0;
  }
}

int ht_deriver_feed(ht_deriver *d, const ht_event *ev, uint32_t n) {
  if (d->broken) return -1;
  for (uint32_t k = 0; k < n; k++) {
    const ht_event *e = &ev[k];
    int rc = 0;
    if (__builtin_expect(e->seq != d->next_seq, 0)) d->gaps++;
    d->next_seq = e->seq + 1;
    d->last_t = e->t;
    if (__builtin_expect(e->seq >= d->bucket_end, 0) && series_move(d, e->seq)) return doom(d);
    if (e->kind == HT_EV_ALLOC) {
      /* One probe finds the address or the empty slot it goes to. */
      if (__builtin_expect((d->ocount + 1) * 4 > (d->omask + 1) * 3, 0) && objs_grow(d)) return doom(d);
      uint64_t i = addr_hash(e->obj) & d->omask;
      lobj *o;
      while ((o = &d->objs[i])->used && o->addr != e->obj) i = (i + 1) & d->omask;
      if (__builtin_expect(o->used, 0)) {
        series_add(d, e->tag, 0, 0, 1, 0);
        rc = on_alloc_over(d, e, o);
      } else {
        rc = obj_new_at(d, o, e, 0, 1);
      }
    } else if (e->kind == HT_EV_FREE) {
      lobj *o = obj_find(d, e->obj);
      if (__builtin_expect(!o, 0)) {
        series_add(d, e->tag, 0, 0, 0, 1);
        rc = on_orphan_free(d, e);
      } else if (__builtin_expect(o->tag == e->tag && o->size == e->size, 1)) {
        /* obj_end, with the FREE counted in the same series update */
        site *s = &d->sites[o->site];
        s->frees++;
        s->freed_bytes += (int64_t)o->size;
        site_live(s, -1, -(int64_t)o->size);
        series_add(d, o->tag, -1, -(int64_t)o->size, 0, 1);
        uint64_t ordinal = o->ordinal, id = o->id;
        obj_remove(d, o);
        rc = run_end(d, ordinal, id, e->seq);
      } else {
        d->size_mismatches++;
        series_add(d, e->tag, 0, 0, 0, 1);
        rc = obj_end(d, o, e->seq);
      }
    } else {
      rc = on_other(d, e);
    }
    if (__builtin_expect(rc != 0, 0)) return rc;
  }
  d->events += n;
  return 0;
}

/* ---- the end ---- */

static int prep(ht_deriver *d, sqlite3_stmt **st, const char *fmt) {
  char sql[512];
  snprintf(sql, sizeof sql, fmt, d->schema);
  if (sqlite3_prepare_v2(d->db, sql, -1, st, NULL) != SQLITE_OK) return dfail(d, sql);
  return 0;
}

static int write_sites(ht_deriver *d) {
  sqlite3_stmt *st = NULL;
  if (prep(d, &st, "INSERT INTO %s.site VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")) return -1;
  for (uint32_t k = 0; k < d->nsites; k++) {
    const site *s = &d->sites[k];
    int64_t v[11] = { s->stack, s->tag, s->allocs, s->alloc_bytes, s->reallocs, s->realloc_bytes,
                      s->frees, s->freed_bytes, s->live, s->live_bytes, s->peak_bytes };
    for (int i = 0; i < 11; i++) sqlite3_bind_int64(st, i + 1, v[i]);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE) {
      sqlite3_finalize(st);
      return dfail(d, "writing sites");
    }
  }
  sqlite3_finalize(st);
  return 0;
}

/* Level L (RATIO level-0 buckets to a bucket) of the series from the
** level-0 rows, into OUT (room for nrows); returns the rows made. */
static size_t series_level(ht_deriver *d, uint64_t ratio, orow *out) {
  size_t n = 0, i = 0;
  /* Per rank: the row being built for the current coarse bucket. */
  static const orow none;
  orow *acc_by_rank = malloc((size_t)(d->nslots ? d->nslots : 1) * sizeof *acc_by_rank);
  uint8_t *has = calloc((size_t)(d->nslots ? d->nslots : 1), 1);
  if (!acc_by_rank || !has) {
    free(acc_by_rank);
    free(has);
    return (size_t)-1;
  }
  while (i < d->nrows) {
    uint64_t cb = d->rows[i].bucket / ratio;
    int64_t t = -1;
    for (uint64_t b = cb * ratio; b < (cb + 1) * ratio && b < SERIES_BUCKETS; b++)
      if (d->bucket_t[b] >= 0) t = d->bucket_t[b];
    for (; i < d->nrows && d->rows[i].bucket / ratio == cb; i++) {
      const srow *r = &d->rows[i];
      orow *o = &acc_by_rank[r->rank];
      if (!has[r->rank]) {
        *o = none;
        has[r->rank] = 1;
      }
      o->count = r->count;            /* rows come in bucket order: the last wins */
      o->bytes = r->bytes;
      if (r->peak > o->peak) o->peak = r->peak;
      o->allocs += r->allocs;
      o->frees += r->frees;
    }
    for (int k = 0; k < d->nslots; k++) {
      if (!has[k]) continue;
      has[k] = 0;
      orow *o = &out[n++];
      *o = acc_by_rank[k];
      o->tag = d->slots[k] - 1;
      o->bucket = (uint32_t)cb;
      o->t = t;
    }
  }
  free(acc_by_rank);
  free(has);
  return n;
}

/* Write the series: per level, one series_blob row per tag. */
static int write_series(ht_deriver *d) {
  sqlite3_stmt *lv = NULL, *st = NULL;
  uint64_t nb0 = d->bucket0 >= 0 ? (uint64_t)d->bucket0 + 1 : 0;
  uint64_t ratio[MAX_LEVELS];
  int nlevels = 1;
  ratio[0] = 1;
  /* Each level is 8 times coarser, down to one of at most 64 buckets. */
  while (nlevels < MAX_LEVELS && (nb0 + ratio[nlevels - 1] - 1) / ratio[nlevels - 1] > 64) {
    ratio[nlevels] = ratio[nlevels - 1] * 8;
    nlevels++;
  }
  orow *out = malloc((d->nrows ? d->nrows : 1) * sizeof *out);
  orow *sorted = malloc((d->nrows ? d->nrows : 1) * sizeof *sorted);
  uint8_t *buf = malloc(((size_t)SERIES_BUCKETS + 1) * HT_SERIES_MAXBYTES);
  int rc = -1;
  if (!out || !sorted || !buf) {
    doom(d);
    goto out;
  }
  if (prep(d, &lv, "INSERT INTO %s.series_level VALUES(?1, ?2)") ||
      prep(d, &st, "INSERT INTO %s.series_blob(level, tag, n, data) VALUES(?1, ?2, ?3, ?4)"))
    goto out;
  for (int k = 0; k < nlevels; k++) {
    sqlite3_bind_int(lv, 1, k);
    sqlite3_bind_int64(lv, 2, (sqlite3_int64)(ratio[k] << d->shift0));
    if (sqlite3_step(lv) != SQLITE_DONE) {
      dfail(d, "writing series levels");
      goto out;
    }
    sqlite3_reset(lv);
    size_t n = series_level(d, ratio[k], out);
    if (n == (size_t)-1) {
      doom(d);
      goto out;
    }
    /* By tag, then bucket: the rows are in bucket order, so a stable
    ** counting sort by tag does it. */
    size_t start[NSLOT + 1];
    memset(start, 0, sizeof start);
    for (size_t i = 0; i < n; i++) start[out[i].tag + 2]++;
    for (int t = 1; t <= NSLOT; t++) start[t] += start[t - 1];
    for (size_t i = 0; i < n; i++) sorted[start[out[i].tag + 1]++] = out[i];
    for (size_t i = 0; i < n;) {
      int32_t tag = sorted[i].tag;
      ht_sbucket prev = { -1, 0, 0, 0, 0, 0, 0 };
      uint8_t *p = buf;
      uint32_t nb = 0;
      for (; i < n && sorted[i].tag == tag; i++, nb++) {
        const orow *o = &sorted[i];
        ht_sbucket b = { o->bucket, o->t, o->count, o->bytes, o->peak, o->allocs, o->frees };
        p = ht_series_put(p, &prev, &b);
        prev = b;
      }
      sqlite3_bind_int(st, 1, k);
      sqlite3_bind_int(st, 2, tag);
      sqlite3_bind_int64(st, 3, nb);
      sqlite3_bind_blob(st, 4, buf, (int)(p - buf), SQLITE_STATIC);
      int r = sqlite3_step(st);
      sqlite3_reset(st);
      if (r != SQLITE_DONE) {
        dfail(d, "writing the series");
        goto out;
      }
    }
    atomic_fetch_add_explicit(&ht_derive_progress, 1, memory_order_relaxed);
  }
  rc = 0;
out:
  sqlite3_finalize(lv);
  sqlite3_finalize(st);
  free(out);
  free(sorted);
  free(buf);
  return rc;
}

/* Build native_frame from native_stack.pcs. */
static int write_native_frames(ht_deriver *d) {
  sqlite3_stmt *sel = NULL, *ins = NULL;
  int rc = sqlite3_prepare_v2(d->db, "SELECT id, pcs FROM main.native_stack", -1, &sel, NULL);
  if (rc != SQLITE_OK) return dfail(d, "reading native stacks");
  if (prep(d, &ins, "INSERT INTO %s.native_frame VALUES(?1, ?2, ?3)")) {
    sqlite3_finalize(sel);
    return -1;
  }
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
  return rc == SQLITE_OK ? 0 : dfail(d, "writing native frames");
}

static int count_chunks(ht_deriver *d, int64_t *out) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(d->db, "SELECT count(*) FROM main.chunk", -1, &st, NULL);
  if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) *out = sqlite3_column_int64(st, 0);
  else rc = SQLITE_ERROR;
  sqlite3_finalize(st);
  return rc == SQLITE_OK ? 0 : dfail(d, "counting chunks");
}

int ht_deriver_finish(ht_deriver *d, const char *by, int complete) {
  if (d->broken) return -1;
  if (d->bucket0 >= 0 && close_bucket(d)) return doom(d);
  /* Runs still in memory hold objects alive at the end. */
  for (uint64_t ri = 0; ri < d->capruns; ri++)
    if (d->runs[ri] && write_run(d, ri)) return -1;
  if (write_ends(d)) return -1;
  int64_t live = 0, live_bytes = 0, nchunks = 0;
  for (uint64_t i = 0; i <= d->omask; i++)
    if (d->objs[i].used) {
      live++;
      live_bytes += (int64_t)d->objs[i].size;
    }
  atomic_fetch_add_explicit(&ht_derive_progress, 1, memory_order_relaxed);
  if (write_sites(d) || write_series(d) || write_native_frames(d) || count_chunks(d, &nchunks))
    return -1;
  if (ht_schema_derived_indexes(d->db, d->schema, d->err, sizeof d->err)) {
    d->broken = 1;
    return -1;
  }
  struct { const char *k; long long v; } nums[] = {
    { "events", (long long)d->events }, { "chunks", nchunks },
    { "chunk_gaps", (long long)d->gaps }, { "end_t", (long long)d->last_t },
    { "objects", (long long)d->nobj }, { "live_objects", live }, { "live_bytes", live_bytes },
    { "sites", d->nsites }, { "unmatched_frees", d->unmatched_frees },
    { "unmatched_reallocs", d->unmatched_reallocs }, { "unmatched_allocs", d->unmatched_allocs },
    { "size_mismatches", d->size_mismatches }, { "complete", complete },
    { "finished", 1 },
  };
  for (size_t i = 0; i < sizeof nums / sizeof *nums; i++)
    if (ht_meta_set(d->db, d->schema, nums[i].k, NULL, nums[i].v, d->err, sizeof d->err)) {
      d->broken = 1;
      return -1;
    }
  if (ht_meta_set(d->db, d->schema, "finalized_by", by, 0, d->err, sizeof d->err)) {
    d->broken = 1;
    return -1;
  }
  d->broken = 1;   /* finished: feeding more would be a mistake */
  return 0;
}

/* ---- life cycle ---- */

int ht_deriver_new(ht_deriver **out, sqlite3 *db, const char *schema, char *err, size_t errsz) {
  ht_deriver *d = calloc(1, sizeof *d);
  *out = NULL;
  if (!d || !(d->fate = malloc((size_t)HT_OBJ_BLOB_OBJECTS * HT_FATE_MAXBYTES)) ||
      !(d->ends = malloc(END_ROW_BYTES + 4 * HT_END_MAXBYTES)) || objs_grow(d)) {
    if (d) {
      free(d->fate);
      free(d->ends);
    }
    free(d);
    snprintf(err, errsz, "out of memory");
    return -1;
  }
  d->db = db;
  d->ends_cap = END_ROW_BYTES + 4 * HT_END_MAXBYTES;
  snprintf(d->schema, sizeof d->schema, "%s", schema);
  d->bucket0 = -1;
  d->bucket_end = 0;
  d->shift0 = SERIES_MIN_SHIFT;
  slot_use(d, 0);            /* all tags: rank 0 */
  for (int i = 0; i < SITE_CACHE; i++) d->sc[i].tag = UINT32_MAX;
  for (int b = 0; b < SERIES_BUCKETS; b++) d->bucket_t[b] = -1;
  if (prep(d, &d->ins_run, "INSERT INTO %s.object_blob(first_id, last_id, n, min_free, max_free, "
                           "live, idx, data, fate) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") ||
      prep(d, &d->ins_end, "INSERT INTO %s.object_end(first_free, last_free, n, data) VALUES(?1, ?2, ?3, ?4)") ||
      prep(d, &d->ins_resize, "INSERT INTO %s.resize VALUES(?1, ?2, ?3, ?4, ?5, ?6)") ||
      prep(d, &d->upd_sample, "UPDATE %s.sample SET seq = ?2 WHERE id = ?1")) {
    snprintf(err, errsz, "%s", d->err);
    ht_deriver_free(d);
    return -1;
  }
  *out = d;
  return 0;
}

void ht_deriver_free(ht_deriver *d) {
  if (!d) return;
  sqlite3_finalize(d->ins_run);
  sqlite3_finalize(d->ins_end);
  sqlite3_finalize(d->ins_resize);
  sqlite3_finalize(d->upd_sample);
  for (uint64_t ri = 0; ri < d->capruns; ri++) run_free(d->runs[ri]);
  free(d->runs);
  free(d->objs);
  free(d->fate);
  free(d->ends);
  free(d->far);
  free(d->sites);
  free(d->shash);
  free(d->rows);
  free(d->spare);
  free(d);
}

/* ---- finalizing a file: every chunk through a deriver ---- */

static void set_err(char *err, size_t errsz, const char *msg) {
  if (err && errsz) snprintf(err, errsz, "%s", msg);
}

static int exec1(sqlite3 *db, const char *sql, char *err, size_t errsz) {
  if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
    if (err && errsz) snprintf(err, errsz, "%s (SQL: %s)", sqlite3_errmsg(db), sql);
    return -1;
  }
  return 0;
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
    if (err && errsz) snprintf(err, errsz, "the profile has no %s table", name);
    return -1;
  }
  char *copy = sqlite3_mprintf("DROP TABLE IF EXISTS temp.%s; %s; INSERT INTO temp.%s SELECT * FROM main.%s;",
                               name, ddl, name, name);
  if (copy && sqlite3_exec(db, copy, NULL, NULL, NULL) == SQLITE_OK) rc = 0;
  else if (err && errsz) snprintf(err, errsz, "%s (copying %s into temp)", sqlite3_errmsg(db), name);
  sqlite3_free(copy);
  sqlite3_free(ddl);
  return rc;
}

/* Feed every event of the file to the deriver UD. */
static int feed_scanned(void *ud, const ht_event *ev, size_t n) {
  ht_deriver *d = ud;
  atomic_fetch_add_explicit(&ht_derive_progress, 1, memory_order_relaxed);
  return ht_deriver_feed(d, ev, (uint32_t)n) ? 1 : 0;
}

static int feed_chunks(ht_deriver *d, sqlite3 *db, char *err, size_t errsz) {
  int rc = ht_events_scan(db, 0, INT64_MAX, feed_scanned, d, err, errsz);
  if (rc == 1) set_err(err, errsz, ht_deriver_error(d));
  return rc ? -1 : 0;
}

int ht_derive(sqlite3 *db, const char *schema, const char *by, int complete, char *err,
              size_t errsz) {
  ht_deriver *d = NULL;
  sqlite3_exec(db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);
  /* Finalizing in place writes a lot once: in rollback-journal mode new
  ** pages go straight to the file instead of through the WAL and back. */
  if (!strcmp(schema, "main")) sqlite3_exec(db, "PRAGMA main.journal_mode=DELETE", NULL, NULL, NULL);
  if (exec1(db, "BEGIN", err, errsz)) return -1;
  if (!strcmp(schema, "temp") &&
      (copy_to_temp(db, "meta", err, errsz) || copy_to_temp(db, "sample", err, errsz)))
    goto rollback;
  if (ht_schema_derived(db, schema, err, errsz) || ht_deriver_new(&d, db, schema, err, errsz))
    goto rollback;
  if (feed_chunks(d, db, err, errsz)) goto rollback;
  if (ht_deriver_finish(d, by, complete)) {
    set_err(err, errsz, ht_deriver_error(d));
    goto rollback;
  }
  ht_deriver_free(d);
  d = NULL;
  if (exec1(db, "COMMIT", err, errsz)) goto rollback;
  return 0;
rollback:
  ht_deriver_free(d);
  if (!sqlite3_get_autocommit(db)) sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  return -1;
}
