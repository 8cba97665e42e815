/*
** snapstore.c -- the snapshot spool and its move into the profile
** (snapstore.h).
**
** The spool.  Records are a tag byte and LEB128 varints, written with stdio
** to an unlinked temporary file beside the profile:
**
**   'T' id str             define string id (type names, edge kinds)
**   'S' id seq trig live label      a snapshot begins
**   'N' addr tag type size repr     a node of it
**   'E' src dst kind label          an edge (of a snapshot, or of a 'D')
**   'R' kind name dst               a root of it
**   'Z'                             the snapshot ends
**   'W' seq src kind label dst      --refs: src's edge `label` -> dst (0: removed)
**   'D' seq addr tag type size repr --refs: a full description; 'E's follow
**   'Y'                             ... until this
**   'O' seq kind name addr          --refs: a new root (a frame started)
**   'X' seq addr                    --refs: the object's edges may be stale
**
** where str is a varint length and bytes, and `type` and `kind` are string
** ids (defined once per spool).  Labels, reprs and names are inline: they
** are mostly distinct, and interning them would keep them in memory for the
** whole run.  Peak snapshots are candidates (snapstore.h): they go to a
** second spool that is rewound whenever a new candidate replaces the last.
**
** The move (ht_snap_store).  One pass over the profile's events in seq order
** (the `events` table) keeps a map from block address to the object id alive
** there; each spool item is resolved when the pass reaches its seq, the
** candidate snapshot in its place among the main spool's items.  A snapshot
** is built as an ht_graph (graph.c), whose search gives each node its reach
** class, then written to the tables; reference records are written as
** rows of snapshot_ref.  Everything goes into the profile in one transaction.
*/
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sqlite3.h>
#include "arena-private.h"
#include "graph.h"
#include "profile.h"
#include "recorder.h"
#include "snapstore.h"

/* ------------------------------------------------------------------ */
/* State                                                              */
/* ------------------------------------------------------------------ */

typedef struct strtab {
  char **str;                  /* id -> string (owned) */
  uint32_t n, cap;             /* ids used (id 0 unused) / allocated */
  uint32_t *slot;              /* open addressing: id, 0 = empty (owned) */
  uint32_t mask;               /* slot capacity - 1 */
} strtab;

typedef struct spool {
  FILE *f;                     /* the unlinked file (owned) */
  strtab strs;                 /* strings defined in this spool */
} spool;

/* Addresses -> values, for the set of described blocks (linear probing with
** backward-shift deletion, so frees leave no tombstones). */
typedef struct addrset {
  uint64_t *key;               /* 0 = empty (owned) */
  uint64_t *val;               /* (owned) */
  size_t mask, count;
} addrset;

static struct {
  int open;                    /* a spool is open */
  int failed;                  /* a write failed: everything is dropped */
  int refs;                    /* reference writes are logged */
  spool main;                  /* snapshots and reference records */
  spool cand;                  /* the current peak candidate */
  spool *cur;                  /* where the open snapshot goes */
  int in_snap;                 /* between begin and end */
  int cand_valid;              /* cand holds one complete snapshot */
  uint64_t cand_seq;           /* its seq */
  uint32_t next_id;            /* next snapshot id */
  uint64_t nsnaps, nrefs;      /* counters: snapshots taken, reference records */
  uint64_t nkept;              /* snapshots in the main spool */
  char err[512];               /* last error */
} S;

const char *ht_snap_error(void) { return S.err; }
uint64_t ht_snap_count(void) { return S.nsnaps; }
uint64_t ht_snap_ref_count(void) { return S.nrefs; }
int ht_snap_active(void) { return S.open && !S.failed; }

static void set_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void set_err(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(S.err, sizeof S.err, fmt, ap);
  va_end(ap);
}

const char *ht_snap_trigger_name(int trigger) {
  static const char *const names[] = {"exit", "peak", "gc", "every", "explicit", "start"};
  return trigger >= 0 && trigger < HT_SNAP_NTRIGGERS ? names[trigger] : "?";
}

static uint32_t strhash(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

static void strtab_free(strtab *t) {
  for (uint32_t i = 1; i < t->n; i++) free(t->str[i]);
  free(t->str);
  free(t->slot);
  memset(t, 0, sizeof *t);
}

/* Store S under ID (reader side; IDs arrive in order). */
static int strtab_set(strtab *t, uint32_t id, char *s) {
  if (id >= t->cap) {
    uint32_t cap = t->cap ? t->cap : 64;
    while (cap <= id) cap *= 2;
    char **ns = realloc(t->str, cap * sizeof *ns);
    if (!ns) return -1;
    memset(ns + t->cap, 0, (cap - t->cap) * sizeof *ns);
    t->str = ns;
    t->cap = cap;
  }
  free(t->str[id]);
  t->str[id] = s;
  if (id >= t->n) t->n = id + 1;
  return 0;
}

static const char *strtab_get(const strtab *t, uint32_t id) {
  return id < t->n && t->str[id] ? t->str[id] : "";
}

/* ------------------------------------------------------------------ */
/* Writing the spool                                                  */
/* ------------------------------------------------------------------ */

static void fail(const char *what) {
  if (!S.failed) set_err("snapshot spool: %s: %s", what, errno ? strerror(errno) : "error");
  S.failed = 1;
}

static inline void put_byte(spool *sp, int c) { putc_unlocked(c, sp->f); }

static void put_uv(spool *sp, uint64_t v) {
  while (v >= 0x80) {
    putc_unlocked((int)(v & 0x7f) | 0x80, sp->f);
    v >>= 7;
  }
  putc_unlocked((int)v, sp->f);
}

static void put_str(spool *sp, const char *s) {
  size_t n = s ? strlen(s) : 0;
  put_uv(sp, n);
  if (n) fwrite_unlocked(s, 1, n, sp->f);
}

/* The id of S in SP's table, defining it in the spool the first time. */
static uint32_t put_interned(spool *sp, const char *s) {
  strtab *t = &sp->strs;
  if (!s) s = "";
  size_t n = strlen(s);
  uint32_t h = strhash(s, n);
  if (!t->slot || (t->n + 1) * 2 > t->mask) {
    uint32_t nmask = t->mask ? t->mask * 2 + 1 : 255;
    uint32_t *ns = calloc((size_t)nmask + 1, sizeof *ns);
    if (!ns) {
      fail("out of memory");
      return 0;
    }
    for (uint32_t i = 0; t->slot && i <= t->mask; i++) {
      uint32_t id = t->slot[i];
      if (!id) continue;
      uint32_t j = strhash(t->str[id], strlen(t->str[id])) & nmask;
      while (ns[j]) j = (j + 1) & nmask;
      ns[j] = id;
    }
    free(t->slot);
    t->slot = ns;
    t->mask = nmask;
  }
  uint32_t j = h & t->mask;
  for (; t->slot[j]; j = (j + 1) & t->mask)
    if (!strcmp(t->str[t->slot[j]], s)) return t->slot[j];
  uint32_t id = t->n ? t->n : 1;
  char *copy = strdup(s);
  if (!copy || strtab_set(t, id, copy)) {
    free(copy);
    fail("out of memory");
    return 0;
  }
  t->slot[j] = id;
  put_byte(sp, 'T');
  put_uv(sp, id);
  put_str(sp, s);
  return id;
}

static int open_spool(spool *sp, const char *profile) {
  size_t n = strlen(profile) + 32;
  char *tmpl = malloc(n);
  if (!tmpl) return -1;
  snprintf(tmpl, n, "%s-snapspool-XXXXXX", profile);
  int fd = mkstemp(tmpl);
  if (fd < 0) {
    /* a folder we cannot write beside the profile: fall back to TMPDIR */
    sp->f = tmpfile();
    free(tmpl);
    return sp->f ? 0 : -1;
  }
  unlink(tmpl);
  free(tmpl);
  sp->f = fdopen(fd, "w+");
  if (!sp->f) {
    close(fd);
    return -1;
  }
  return 0;
}

static void close_spool(spool *sp) {
  if (sp->f) fclose(sp->f);
  sp->f = NULL;
  strtab_free(&sp->strs);
}

int ht_snap_open(const char *profile, int refs) {
  if (S.open) {
    set_err("a snapshot spool is already open");
    return -1;
  }
  memset(&S.main, 0, sizeof S.main);
  memset(&S.cand, 0, sizeof S.cand);
  S.failed = 0;
  S.err[0] = 0;
  if (!profile || open_spool(&S.main, profile) || open_spool(&S.cand, profile)) {
    set_err("cannot create the snapshot spool beside %s: %s", profile ? profile : "?",
            strerror(errno));
    close_spool(&S.main);
    close_spool(&S.cand);
    return -1;
  }
  S.open = 1;
  S.refs = refs != 0;
  S.in_snap = 0;
  S.cand_valid = 0;
  S.next_id = 1;
  S.nsnaps = S.nrefs = S.nkept = 0;
  return 0;
}

int ht_snap_begin(int trigger, const char *label, uint64_t live_bytes, int candidate,
                  uint32_t *id) {
  if (!S.open || S.failed || S.in_snap) return -1;
  if (candidate) {
    /* the previous candidate is superseded: start the side spool over */
    S.cand_valid = 0;
    strtab_free(&S.cand.strs);
    if (fflush(S.cand.f) || fseeko(S.cand.f, 0, SEEK_SET) || ftruncate(fileno(S.cand.f), 0)) {
      fail("rewinding the candidate spool");
      return -1;
    }
    S.cur = &S.cand;
  } else {
    S.cur = &S.main;
  }
  uint64_t seq = ht_rec_seq();
  uint32_t sid = S.next_id++;
  ht_rec_event(HT_EV_SNAPSHOT, (ht_tag)0, sid, 0, 0);
  spool *sp = S.cur;
  put_byte(sp, 'S');
  put_uv(sp, sid);
  put_uv(sp, seq);
  put_uv(sp, (uint64_t)trigger);
  put_uv(sp, live_bytes);
  put_str(sp, label);
  if (candidate) S.cand_seq = seq;
  S.in_snap = 1;
  if (id) *id = sid;
  return 0;
}

void ht_snap_node(uint64_t addr, int tag, const char *type, uint64_t size, const char *repr) {
  if (!S.open || S.failed) return;
  spool *sp = S.in_snap ? S.cur : &S.main;
  uint32_t t = put_interned(sp, type);
  put_byte(sp, 'N');
  put_uv(sp, addr);
  put_uv(sp, (uint64_t)tag);
  put_uv(sp, t);
  put_uv(sp, size);
  put_str(sp, repr);
}

void ht_snap_edge(uint64_t src, uint64_t dst, const char *kind, const char *label) {
  if (!S.open || S.failed) return;
  spool *sp = S.in_snap ? S.cur : &S.main;
  uint32_t k = put_interned(sp, kind);
  put_byte(sp, 'E');
  put_uv(sp, src);
  put_uv(sp, dst);
  put_uv(sp, k);
  put_str(sp, label);
}

void ht_snap_root(const char *kind, const char *name, uint64_t dst) {
  if (!S.open || S.failed || !S.in_snap) return;
  spool *sp = S.cur;
  uint32_t k = put_interned(sp, kind);
  put_byte(sp, 'R');
  put_uv(sp, k);
  put_str(sp, name);
  put_uv(sp, dst);
}

int ht_snap_end(void) {
  if (!S.open || !S.in_snap) return -1;
  spool *sp = S.cur;
  put_byte(sp, 'Z');
  S.in_snap = 0;
  if (sp == &S.cand) S.cand_valid = 1;
  else S.nkept++;
  S.nsnaps++;
  if (ferror(sp->f)) fail("writing");
  return S.failed ? -1 : 0;
}

void ht_snap_drop_candidate(void) { S.cand_valid = 0; }

int ht_snap_keep_candidate(void) {
  /* nothing to copy: ht_snap_store() stores a valid candidate in its place
  ** among the main spool's items */
  return S.open && !S.failed ? 0 : -1;
}

/* ---- reference records ---- */

void ht_snap_ref_set(uint64_t src, const char *kind, const char *label, uint64_t dst) {
  if (!S.open || S.failed || S.in_snap) return;
  spool *sp = &S.main;
  uint32_t k = put_interned(sp, kind);
  put_byte(sp, 'W');
  put_uv(sp, ht_rec_seq());
  put_uv(sp, src);
  put_uv(sp, k);
  put_str(sp, label);
  put_uv(sp, dst);
  S.nrefs++;
}

void ht_snap_describe(uint64_t addr, int tag, const char *type, uint64_t size,
                      const char *repr) {
  if (!S.open || S.failed || S.in_snap) return;
  spool *sp = &S.main;
  uint32_t t = put_interned(sp, type);
  put_byte(sp, 'D');
  put_uv(sp, ht_rec_seq());
  put_uv(sp, addr);
  put_uv(sp, (uint64_t)tag);
  put_uv(sp, t);
  put_uv(sp, size);
  put_str(sp, repr);
  S.nrefs++;
}

void ht_snap_describe_end(void) {
  if (!S.open || S.failed || S.in_snap) return;
  put_byte(&S.main, 'Y');
}

void ht_snap_ref_root(const char *kind, const char *name, uint64_t addr) {
  if (!S.open || S.failed || S.in_snap) return;
  spool *sp = &S.main;
  uint32_t k = put_interned(sp, kind);
  put_byte(sp, 'O');
  put_uv(sp, ht_rec_seq());
  put_uv(sp, k);
  put_str(sp, name);
  put_uv(sp, addr);
  S.nrefs++;
}

void ht_snap_ref_stale(uint64_t addr) {
  if (!S.open || S.failed || S.in_snap) return;
  put_byte(&S.main, 'X');
  put_uv(&S.main, ht_rec_seq());
  put_uv(&S.main, addr);
  S.nrefs++;
}

/* ------------------------------------------------------------------ */
/* The set of described blocks                                        */
/* ------------------------------------------------------------------ */

static uint64_t amix(uint64_t x) {
  x ^= x >> 31;
  x *= 0x9e3779b97f4a7c15ull;
  x ^= x >> 29;
  return x;
}

static int aset_grow(addrset *s) {
  size_t nmask = s->mask ? s->mask * 2 + 1 : 4095;
  uint64_t *nk = calloc(nmask + 1, sizeof *nk), *nv = calloc(nmask + 1, sizeof *nv);
  if (!nk || !nv) {
    free(nk);
    free(nv);
    return -1;
  }
  for (size_t i = 0; s->key && i <= s->mask; i++) {
    if (!s->key[i]) continue;
    size_t j = amix(s->key[i]) & nmask;
    while (nk[j]) j = (j + 1) & nmask;
    nk[j] = s->key[i];
    nv[j] = s->val[i];
  }
  free(s->key);
  free(s->val);
  s->key = nk;
  s->val = nv;
  s->mask = nmask;
  return 0;
}

static void aset_put(addrset *s, uint64_t k, uint64_t v) {
  if (!k) return;
  if ((s->count + 1) * 2 > s->mask && aset_grow(s)) return;
  size_t j = amix(k) & s->mask;
  for (; s->key[j]; j = (j + 1) & s->mask)
    if (s->key[j] == k) {
      s->val[j] = v;
      return;
    }
  s->key[j] = k;
  s->val[j] = v;
  s->count++;
}

static int aset_get(const addrset *s, uint64_t k, uint64_t *v) {
  if (!s->key || !k) return 0;
  for (size_t j = amix(k) & s->mask; s->key[j]; j = (j + 1) & s->mask)
    if (s->key[j] == k) {
      if (v) *v = s->val[j];
      return 1;
    }
  return 0;
}

static void aset_del(addrset *s, uint64_t k) {
  if (!s->key || !k) return;
  size_t j = amix(k) & s->mask;
  for (; s->key[j]; j = (j + 1) & s->mask)
    if (s->key[j] == k) break;
  if (!s->key[j]) return;
  /* backward-shift deletion */
  size_t i = j;
  for (;;) {
    s->key[i] = 0;
    size_t k2 = i;
    for (;;) {
      k2 = (k2 + 1) & s->mask;
      if (!s->key[k2]) {
        s->count--;
        return;
      }
      size_t home = amix(s->key[k2]) & s->mask;
      /* can the entry at k2 move to the hole at i? */
      if (i <= k2 ? (home <= i || home > k2) : (home <= i && home > k2)) break;
    }
    s->key[i] = s->key[k2];
    s->val[i] = s->val[k2];
    i = k2;
  }
}

static void aset_free(addrset *s) {
  free(s->key);
  free(s->val);
  memset(s, 0, sizeof *s);
}

/* ------------------------------------------------------------------ */
/* Reading the spool                                                  */
/* ------------------------------------------------------------------ */

typedef struct reader {
  spool *sp;                   /* the spool read (its strs are filled as 'T's arrive) */
  int eof, bad;                /* end reached / damaged */
  char *buf;                   /* last string read (owned) */
  size_t bufcap;
} reader;

static uint64_t get_uv(reader *r) {
  uint64_t v = 0;
  int shift = 0;
  for (;;) {
    int c = getc_unlocked(r->sp->f);
    if (c == EOF) {
      r->bad = 1;
      return 0;
    }
    v |= (uint64_t)(c & 0x7f) << shift;
    if (!(c & 0x80)) return v;
    shift += 7;
    if (shift > 63) {
      r->bad = 1;
      return 0;
    }
  }
}

/* A string into a new malloc'd buffer. */
static char *get_str_dup(reader *r) {
  uint64_t n = get_uv(r);
  if (r->bad || n > (1u << 30)) {
    r->bad = 1;
    return NULL;
  }
  char *s = malloc(n + 1);
  if (!s) {
    r->bad = 1;
    return NULL;
  }
  if (n && fread(s, 1, n, r->sp->f) != n) {
    free(s);
    r->bad = 1;
    return NULL;
  }
  s[n] = 0;
  return s;
}

/* The next record's tag, defining strings on the way; EOF at the end. */
static int next_tag(reader *r) {
  for (;;) {
    int c = getc_unlocked(r->sp->f);
    if (c == EOF) {
      r->eof = 1;
      return EOF;
    }
    if (c != 'T') return c;
    uint32_t id = (uint32_t)get_uv(r);
    char *s = get_str_dup(r);
    if (!s || strtab_set(&r->sp->strs, id, s)) {
      free(s);
      r->bad = 1;
      return EOF;
    }
  }
}

/* ------------------------------------------------------------------ */
/* The schema                                                         */
/* ------------------------------------------------------------------ */

static const char schema_sql[] =
  /* One row per heap snapshot (doc/graphs.md). */
  "CREATE TABLE IF NOT EXISTS main.snapshot("
  " id INTEGER PRIMARY KEY,"       /* the SNAPSHOT event's obj */
  " seq INTEGER NOT NULL,"         /* that event's seq: the heap after event seq-1 */
  " t INTEGER,"                    /* its time, ns since the recording started */
  " trigger TEXT NOT NULL,"        /* exit, peak, gc, every, explicit, start */
  " label TEXT NOT NULL,"          /* heaptrail.snapshot(label), gc generation, ... */
  " live_bytes INTEGER NOT NULL,"  /* live bytes of the object tags when taken */
  " nodes INTEGER NOT NULL,"       /* rows in snapshot_node */
  " edges INTEGER NOT NULL,"       /* rows in snapshot_edge */
  " roots INTEGER NOT NULL,"       /* rows in snapshot_root */
  " bytes INTEGER NOT NULL,"       /* total size of the nodes */
  " user_nodes INTEGER NOT NULL,"  /* nodes of reach 'user' */
  " user_bytes INTEGER NOT NULL,"  /* their size */
  " unresolved INTEGER NOT NULL,"  /* nodes no recorded allocation matched (static) */
  " refs INTEGER NOT NULL);"       /* 1: recorded with --refs */
  "CREATE TABLE IF NOT EXISTS main.snapshot_node("
  " snapshot INTEGER NOT NULL,"
  " id INTEGER NOT NULL,"          /* object.id, or -(addr) for a static object */
  " addr INTEGER NOT NULL,"        /* block address */
  " tag INTEGER NOT NULL,"
  " type TEXT NOT NULL,"           /* list, function, cell, Point ... */
  " size INTEGER NOT NULL,"        /* bytes of the object and its private blocks */
  " repr TEXT NOT NULL,"           /* short, safe repr (C, never Python code) */
  " reach TEXT NOT NULL,"          /* user, internal, garbage, unreached */
  " PRIMARY KEY(snapshot, id)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS main.snapshot_edge("
  " snapshot INTEGER NOT NULL,"
  " src INTEGER NOT NULL,"         /* snapshot_node.id */
  " n INTEGER NOT NULL,"           /* order among src's edges */
  " dst INTEGER NOT NULL,"         /* snapshot_node.id */
  " kind TEXT NOT NULL,"           /* item, key, value, attr, local, cell, ... */
  " label TEXT NOT NULL,"          /* [3], key 'k', attr 'a', __closure__[0], ... */
  " PRIMARY KEY(snapshot, src, n)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS main.snapshot_root("
  " snapshot INTEGER NOT NULL,"
  " n INTEGER NOT NULL,"
  " kind TEXT NOT NULL,"           /* globals, frame, temp, exception, internal, garbage, unreached */
  " name TEXT NOT NULL,"           /* __main__, f (x.py:3), builtins, ... */
  " dst INTEGER NOT NULL,"         /* snapshot_node.id */
  " PRIMARY KEY(snapshot, n)) WITHOUT ROWID;"
  "CREATE TABLE IF NOT EXISTS main.snapshot_ref("
  " n INTEGER PRIMARY KEY,"        /* order of logging */
  " seq INTEGER NOT NULL,"         /* made after event seq-1, before event seq */
  " op TEXT NOT NULL,"             /* set, node, edge, root, stale */
  " obj INTEGER NOT NULL,"         /* the object whose references change */
  " kind TEXT,"                    /* edge kind (set, edge), root kind (root) */
  " label TEXT,"                   /* edge label (set, edge), root name (root) */
  " dst INTEGER,"                  /* set/edge: the new target (NULL: removed); node: addr */
  " tag INTEGER, type TEXT, size INTEGER, repr TEXT);" /* node */
  "CREATE INDEX IF NOT EXISTS main.snapshot_ref_seq ON snapshot_ref(seq);";

int ht_snap_schema(sqlite3 *db, char *err, size_t errsz) {
  char *msg = NULL;
  if (sqlite3_exec(db, schema_sql, NULL, NULL, &msg) != SQLITE_OK) {
    snprintf(err, errsz, "cannot create the snapshot tables: %s", msg ? msg : "?");
    sqlite3_free(msg);
    return -1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Moving the spool into the profile                                  */
/* ------------------------------------------------------------------ */

/* Block address -> object id of the block alive there, as of a seq.  Two
** ways to build it:
**   scan     one pass over the events, applied up to each item's seq: the
**            cost is the whole log, once, whatever the number of items (used
**            with a --refs log, whose records are spread over the run, or
**            with many snapshots);
**   objects  for each snapshot, the objects alive at its seq from the
**            `object` table (which skips runs of objects by id and free_seq)
**            and their moves from `resize`: the cost is about the live heap,
**            not the log -- the common case of an exit snapshot and a few
**            peaks in a long run. */
typedef struct livemap {
  addrset map;                 /* addr -> id + 1 */
  int by_objects;              /* the "objects" way */
  sqlite3 *db;                 /* the profile (borrowed) */
  sqlite3_stmt *ev;            /* scan: SELECT ... FROM events (owned) */
  int have;                    /* ev holds an unconsumed row */
  int done;                    /* no more events */
  int64_t seq;                 /* seq of the pending row */
} livemap;

static int lm_step(livemap *lm) {
  int rc = sqlite3_step(lm->ev);
  if (rc == SQLITE_ROW) {
    lm->have = 1;
    lm->seq = sqlite3_column_int64(lm->ev, 0);
    return 0;
  }
  lm->have = 0;
  lm->done = 1;
  return rc == SQLITE_DONE ? 0 : -1;
}

/* Apply every event with seq < SEQ.  If the event at SEQ is a SNAPSHOT,
** *T gets its time.  Returns 0 on success. */
static int lm_advance(livemap *lm, int64_t seq, int64_t *t) {
  while (lm->have && lm->seq < seq) {
    int kind = sqlite3_column_int(lm->ev, 1);
    uint64_t obj = (uint64_t)sqlite3_column_int64(lm->ev, 2);
    uint64_t old = (uint64_t)sqlite3_column_int64(lm->ev, 3);
    if (kind == HT_EV_ALLOC) {
      aset_put(&lm->map, obj, (uint64_t)lm->seq + 1);
    } else if (kind == HT_EV_FREE) {
      aset_del(&lm->map, obj);
    } else if (kind == HT_EV_REALLOC) {
      uint64_t id = (uint64_t)lm->seq + 1;
      if (old) {
        uint64_t v;
        if (aset_get(&lm->map, old, &v)) id = v;
        aset_del(&lm->map, old);
      }
      if (obj) aset_put(&lm->map, obj, id);
    }
    if (lm_step(lm)) return -1;
  }
  if (t && lm->have && lm->seq == seq && sqlite3_column_int(lm->ev, 1) == HT_EV_SNAPSHOT)
    *t = sqlite3_column_int64(lm->ev, 4);
  return 0;
}

/* The "objects" way: the map of the blocks alive after event SEQ-1, and the
** time of event SEQ in *T.  Returns 0, or -1 (an SQL error: the caller
** falls back to the scan). */
static int lm_at_objects(livemap *lm, int64_t seq, int64_t *t) {
  static const char *const live_sql[] = {
    "SELECT id, addr FROM object WHERE free_seq IS NULL AND id < ?1",
    "SELECT id, addr FROM object WHERE free_seq > ?1 AND id < ?1",
  };
  sqlite3_stmt *st = NULL;
  addrset where = {0};          /* live object id + 1 -> its current address */
  int rc = -1, src;
  aset_free(&lm->map);
  for (int q = 0; q < 2; q++) {
    if (sqlite3_prepare_v2(lm->db, live_sql[q], -1, &st, NULL) != SQLITE_OK) goto out;
    sqlite3_bind_int64(st, 1, seq);
    while ((src = sqlite3_step(st)) == SQLITE_ROW)
      aset_put(&where, (uint64_t)sqlite3_column_int64(st, 0) + 1,
               (uint64_t)sqlite3_column_int64(st, 1));
    sqlite3_finalize(st);
    st = NULL;
    if (src != SQLITE_DONE) goto out;
  }
  /* blocks that moved (REALLOC): the table has each object's first address */
  if (sqlite3_prepare_v2(lm->db, "SELECT obj, addr FROM resize WHERE seq < ?1 ORDER BY seq", -1,
                         &st, NULL) != SQLITE_OK)
    goto out;
  sqlite3_bind_int64(st, 1, seq);
  while ((src = sqlite3_step(st)) == SQLITE_ROW) {
    uint64_t id1 = (uint64_t)sqlite3_column_int64(st, 0) + 1;
    if (aset_get(&where, id1, NULL)) aset_put(&where, id1, (uint64_t)sqlite3_column_int64(st, 1));
  }
  sqlite3_finalize(st);
  st = NULL;
  if (src != SQLITE_DONE) goto out;
  for (size_t i = 0; where.key && i <= where.mask; i++)
    if (where.key[i]) aset_put(&lm->map, where.val[i], where.key[i]);
  if (t) {
    if (sqlite3_prepare_v2(lm->db, "SELECT t FROM events WHERE seq = ?1", -1, &st, NULL) !=
        SQLITE_OK)
      goto out;
    sqlite3_bind_int64(st, 1, seq);
    if (sqlite3_step(st) == SQLITE_ROW) *t = sqlite3_column_int64(st, 0);
  }
  rc = 0;
out:
  sqlite3_finalize(st);
  aset_free(&where);
  return rc;
}

static int64_t lm_id(livemap *lm, uint64_t addr) {
  uint64_t v;
  if (addr && aset_get(&lm->map, addr, &v)) return (int64_t)v - 1;
  return -(int64_t)addr;
}

typedef struct store {
  sqlite3 *db;                 /* the profile (borrowed) */
  livemap lm;
  sqlite3_stmt *ins_snap, *ins_node, *ins_edge, *ins_root, *ins_ref;
  int64_t refn;                /* next snapshot_ref.n */
  char *err;                   /* caller's buffer */
  size_t errsz;
} store;

static int sql_fail(store *st, const char *what) {
  snprintf(st->err, st->errsz, "%s: %s", what, sqlite3_errmsg(st->db));
  return -1;
}

static int step_reset(store *st, sqlite3_stmt *s, const char *what) {
  int rc = sqlite3_step(s);
  sqlite3_reset(s);
  return rc == SQLITE_DONE ? 0 : sql_fail(st, what);
}

/* A buffered edge of a snapshot being read. */
typedef struct pedge {
  uint64_t src, dst;           /* addresses */
  const char *kind;            /* interned in the spool's table (borrowed) */
  size_t label;                /* offset in the label buffer */
} pedge;

static const ht_graph *sort_graph;     /* qsort's context */

static int cmp_node_id(const void *a, const void *b) {
  int64_t x = ht_graph_node(sort_graph, *(const uint32_t *)a)->id;
  int64_t y = ht_graph_node(sort_graph, *(const uint32_t *)b)->id;
  return x < y ? -1 : x > y;
}

/* Read one snapshot (after its 'S' tag) from R, resolve it, store it. */
static int store_snapshot(store *st, reader *r) {
  int rc = -1;
  uint64_t id = get_uv(r), seq = get_uv(r), trig = get_uv(r), live = get_uv(r);
  char *label = get_str_dup(r);
  ht_graph *g = NULL;
  uint32_t *order = NULL;
  pedge *edges = NULL;
  size_t nedges = 0, capedges = 0;
  char *lbuf = NULL;
  size_t lused = 0, lcap = 0;
  struct proot { const char *kind; char *name; uint64_t dst; } *roots = NULL;
  size_t nroots = 0, caproots = 0;
  int64_t t = 0;
  if (r->bad || !label) goto bad;
  if (st->lm.by_objects && lm_at_objects(&st->lm, (int64_t)seq, &t)) {
    sql_fail(st, "reading the objects");
    goto out;
  }
  if (!st->lm.by_objects && lm_advance(&st->lm, (int64_t)seq, &t)) {
    sql_fail(st, "reading the events");
    goto out;
  }
  g = ht_graph_new();
  if (!g) goto oom;
  int c;
  int64_t unresolved = 0;
  while ((c = next_tag(r)) != 'Z') {
    if (c == EOF || r->bad) goto bad;
    if (c == 'N') {
      uint64_t addr = get_uv(r), tag = get_uv(r), type = get_uv(r), size = get_uv(r);
      char *repr = get_str_dup(r);
      if (r->bad) goto bad;
      int64_t oid = lm_id(&st->lm, addr);
      if (oid < 0) unresolved++;
      int64_t k = ht_graph_add_node(g, oid, addr, (int)tag,
                                    strtab_get(&r->sp->strs, (uint32_t)type), repr,
                                    (int64_t)size);
      free(repr);
      if (k < 0) goto oom;
    } else if (c == 'E') {
      uint64_t src = get_uv(r), dst = get_uv(r), kind = get_uv(r);
      char *lab = get_str_dup(r);
      if (r->bad) goto bad;
      size_t ln = strlen(lab) + 1;
      if (lused + ln > lcap) {
        size_t ncap = lcap ? lcap * 2 : 65536;
        while (ncap < lused + ln) ncap *= 2;
        char *nb = realloc(lbuf, ncap);
        if (!nb) {
          free(lab);
          goto oom;
        }
        lbuf = nb;
        lcap = ncap;
      }
      memcpy(lbuf + lused, lab, ln);
      free(lab);
      if (nedges == capedges) {
        capedges = capedges ? capedges * 2 : 1024;
        pedge *ne = realloc(edges, capedges * sizeof *ne);
        if (!ne) goto oom;
        edges = ne;
      }
      edges[nedges++] = (pedge){src, dst, strtab_get(&r->sp->strs, (uint32_t)kind), lused};
      lused += ln;
    } else if (c == 'R') {
      uint64_t kind = get_uv(r);
      char *name = get_str_dup(r);
      uint64_t dst = get_uv(r);
      if (r->bad) {
        free(name);
        goto bad;
      }
      if (nroots == caproots) {
        caproots = caproots ? caproots * 2 : 64;
        struct proot *nr = realloc(roots, caproots * sizeof *nr);
        if (!nr) {
          free(name);
          goto oom;
        }
        roots = nr;
      }
      roots[nroots++] = (struct proot){strtab_get(&r->sp->strs, (uint32_t)kind), name, dst};
    } else {
      goto bad;
    }
  }
  /* edges and roots by address -> node index */
  for (size_t i = 0; i < nedges; i++) {
    int64_t s = ht_graph_find_addr(g, edges[i].src), d = ht_graph_find_addr(g, edges[i].dst);
    if (s < 0 || d < 0) continue;
    if (ht_graph_add_edge(g, (uint32_t)s, (uint32_t)d, edges[i].kind, lbuf + edges[i].label))
      goto oom;
  }
  for (size_t i = 0; i < nroots; i++) {
    int64_t d = ht_graph_find_addr(g, roots[i].dst);
    if (d < 0) continue;
    if (ht_graph_add_root(g, roots[i].kind, roots[i].name, (uint32_t)d)) goto oom;
  }
  if (ht_graph_finish(g)) goto oom;

  /* write it */
  size_t nn = ht_graph_nnodes(g);
  int64_t bytes = 0, ubytes = 0, unodes = 0, ne = 0;
  /* in id order: the WITHOUT ROWID tables are keyed (snapshot, id) and
  ** (snapshot, src, n), and appending in key order is much faster */
  order = malloc(sizeof *order * (nn ? nn : 1));
  if (!order) goto oom;
  for (size_t i = 0; i < nn; i++) order[i] = (uint32_t)i;
  sort_graph = g;
  qsort(order, nn, sizeof *order, cmp_node_id);
  for (size_t k = 0; k < nn; k++) {
    size_t i = order[k];
    const ht_gnode *x = ht_graph_node(g, (uint32_t)i);
    bytes += x->size;
    if (x->reach == HT_REACH_USER) {
      unodes++;
      ubytes += x->size;
    }
    sqlite3_bind_int64(st->ins_node, 1, (sqlite3_int64)id);
    sqlite3_bind_int64(st->ins_node, 2, x->id);
    sqlite3_bind_int64(st->ins_node, 3, (sqlite3_int64)x->addr);
    sqlite3_bind_int(st->ins_node, 4, x->tag);
    sqlite3_bind_text(st->ins_node, 5, x->type, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st->ins_node, 6, x->size);
    sqlite3_bind_text(st->ins_node, 7, x->repr, -1, SQLITE_STATIC);
    sqlite3_bind_text(st->ins_node, 8, ht_graph_reach_name(x->reach), -1, SQLITE_STATIC);
    if (step_reset(st, st->ins_node, "storing a snapshot node")) goto out;
    size_t no;
    const ht_gedge *out = ht_graph_out(g, (uint32_t)i, &no);
    for (size_t j = 0; j < no; j++) {
      sqlite3_bind_int64(st->ins_edge, 1, (sqlite3_int64)id);
      sqlite3_bind_int64(st->ins_edge, 2, x->id);
      sqlite3_bind_int64(st->ins_edge, 3, (sqlite3_int64)j);
      sqlite3_bind_int64(st->ins_edge, 4, ht_graph_node(g, out[j].dst)->id);
      sqlite3_bind_text(st->ins_edge, 5, out[j].kind, -1, SQLITE_STATIC);
      sqlite3_bind_text(st->ins_edge, 6, out[j].label, -1, SQLITE_STATIC);
      if (step_reset(st, st->ins_edge, "storing a snapshot edge")) goto out;
      ne++;
    }
  }
  size_t nr = ht_graph_nroots(g);
  for (size_t i = 0; i < nr; i++) {
    const ht_groot *rt = ht_graph_root(g, i);
    sqlite3_bind_int64(st->ins_root, 1, (sqlite3_int64)id);
    sqlite3_bind_int64(st->ins_root, 2, (sqlite3_int64)i);
    sqlite3_bind_text(st->ins_root, 3, rt->kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(st->ins_root, 4, rt->name, -1, SQLITE_STATIC);
    sqlite3_bind_int64(st->ins_root, 5, ht_graph_node(g, rt->node)->id);
    if (step_reset(st, st->ins_root, "storing a snapshot root")) goto out;
  }
  sqlite3_stmt *s = st->ins_snap;
  sqlite3_bind_int64(s, 1, (sqlite3_int64)id);
  sqlite3_bind_int64(s, 2, (sqlite3_int64)seq);
  sqlite3_bind_int64(s, 3, t);
  sqlite3_bind_text(s, 4, ht_snap_trigger_name((int)trig), -1, SQLITE_STATIC);
  sqlite3_bind_text(s, 5, label, -1, SQLITE_STATIC);
  sqlite3_bind_int64(s, 6, (sqlite3_int64)live);
  sqlite3_bind_int64(s, 7, (sqlite3_int64)nn);
  sqlite3_bind_int64(s, 8, ne);
  sqlite3_bind_int64(s, 9, (sqlite3_int64)nr);
  sqlite3_bind_int64(s, 10, bytes);
  sqlite3_bind_int64(s, 11, unodes);
  sqlite3_bind_int64(s, 12, ubytes);
  sqlite3_bind_int64(s, 13, unresolved);
  sqlite3_bind_int(s, 14, S.refs);
  if (step_reset(st, s, "storing a snapshot")) goto out;
  rc = 0;
  goto out;
bad:
  snprintf(st->err, st->errsz, "the snapshot spool is damaged (snapshot %llu)",
           (unsigned long long)id);
  goto out;
oom:
  snprintf(st->err, st->errsz, "out of memory storing snapshot %llu", (unsigned long long)id);
out:
  free(label);
  free(order);
  ht_graph_free(g);
  free(edges);
  free(lbuf);
  for (size_t i = 0; i < nroots; i++) free(roots[i].name);
  free(roots);
  return rc;
}

/* One snapshot_ref row. */
static int ref_row(store *st, int64_t seq, const char *op, int64_t obj, const char *kind,
                   const char *label, int has_dst, int64_t dst, int tag, const char *type,
                   int64_t size, const char *repr) {
  sqlite3_stmt *s = st->ins_ref;
  sqlite3_bind_int64(s, 1, st->refn++);
  sqlite3_bind_int64(s, 2, seq);
  sqlite3_bind_text(s, 3, op, -1, SQLITE_STATIC);
  sqlite3_bind_int64(s, 4, obj);
  if (kind) sqlite3_bind_text(s, 5, kind, -1, SQLITE_STATIC);
  else sqlite3_bind_null(s, 5);
  if (label) sqlite3_bind_text(s, 6, label, -1, SQLITE_STATIC);
  else sqlite3_bind_null(s, 6);
  if (has_dst) sqlite3_bind_int64(s, 7, dst);
  else sqlite3_bind_null(s, 7);
  if (type) {
    sqlite3_bind_int(s, 8, tag);
    sqlite3_bind_text(s, 9, type, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 10, size);
    sqlite3_bind_text(s, 11, repr ? repr : "", -1, SQLITE_STATIC);
  } else {
    for (int i = 8; i <= 11; i++) sqlite3_bind_null(s, i);
  }
  return step_reset(st, s, "storing the reference log");
}

/* Read one reference item (after its tag C) and store it. */
static int store_ref(store *st, reader *r, int c) {
  int64_t seq = (int64_t)get_uv(r);
  if (r->bad) return -1;
  if (lm_advance(&st->lm, seq, NULL)) return sql_fail(st, "reading the events");
  if (c == 'W') {
    uint64_t src = get_uv(r), kind = get_uv(r);
    char *label = get_str_dup(r);
    uint64_t dst = get_uv(r);
    if (r->bad) {
      free(label);
      return -1;
    }
    int rc = ref_row(st, seq, "set", lm_id(&st->lm, src), strtab_get(&r->sp->strs, (uint32_t)kind),
                     label, dst != 0, lm_id(&st->lm, dst), 0, NULL, 0, NULL);
    free(label);
    return rc;
  }
  if (c == 'D') {
    uint64_t addr = get_uv(r), tag = get_uv(r), type = get_uv(r), size = get_uv(r);
    char *repr = get_str_dup(r);
    if (r->bad) {
      free(repr);
      return -1;
    }
    int64_t obj = lm_id(&st->lm, addr);
    int rc = ref_row(st, seq, "node", obj, NULL, NULL, 1, (int64_t)addr, (int)tag,
                     strtab_get(&r->sp->strs, (uint32_t)type), (int64_t)size, repr);
    free(repr);
    if (rc) return rc;
    int e;
    while ((e = next_tag(r)) == 'E') {
      uint64_t src = get_uv(r), dst = get_uv(r), kind = get_uv(r);
      char *label = get_str_dup(r);
      if (r->bad) {
        free(label);
        return -1;
      }
      (void)src;
      rc = ref_row(st, seq, "edge", obj, strtab_get(&r->sp->strs, (uint32_t)kind), label, 1,
                   lm_id(&st->lm, dst), 0, NULL, 0, NULL);
      free(label);
      if (rc) return rc;
    }
    if (e != 'Y') {
      r->bad = 1;
      return -1;
    }
    return 0;
  }
  if (c == 'O') {
    uint64_t kind = get_uv(r);
    char *name = get_str_dup(r);
    uint64_t addr = get_uv(r);
    if (r->bad) {
      free(name);
      return -1;
    }
    int rc = ref_row(st, seq, "root", lm_id(&st->lm, addr),
                     strtab_get(&r->sp->strs, (uint32_t)kind), name, 0, 0, 0, NULL, 0, NULL);
    free(name);
    return rc;
  }
  if (c == 'X') {
    uint64_t addr = get_uv(r);
    if (r->bad) return -1;
    return ref_row(st, seq, "stale", lm_id(&st->lm, addr), NULL, NULL, 0, 0, 0, NULL, 0, NULL);
  }
  r->bad = 1;
  return -1;
}

/* Read the next main-spool item's tag and seq, leaving the file just after
** the tag: items start with their tag, then (for 'S') id and seq, or (for
** the others) seq.  Returns 0 at the end. */
static int peek_item(reader *r, int *tag, int64_t *seq) {
  int c = next_tag(r);
  if (c == EOF) return 0;
  off_t at = ftello(r->sp->f);
  if (c == 'S') get_uv(r);
  *seq = (int64_t)get_uv(r);
  *tag = c;
  if (r->bad || at < 0 || fseeko(r->sp->f, at, SEEK_SET)) {
    r->bad = 1;
    return 0;
  }
  return 1;
}

int ht_snap_store(const char *profile, char *err, size_t errsz) {
  int rc = -1;
  ht_profile *p = NULL;
  store st;
  memset(&st, 0, sizeof st);
  st.err = err;
  st.errsz = errsz;
  err[0] = 0;
  if (!S.open) {
    snprintf(err, errsz, "no snapshot spool is open");
    return -1;
  }
  if (S.failed) {
    snprintf(err, errsz, "%s", S.err);
    goto done;
  }
  if (S.in_snap) ht_snap_end();
  if (fflush(S.main.f) || fflush(S.cand.f)) {
    snprintf(err, errsz, "snapshot spool: %s", strerror(errno));
    goto done;
  }
  if (!S.nsnaps && !S.cand_valid && !S.nrefs) {
    rc = 0;
    goto done;
  }
  if (ht_profile_open(&p, profile, 0, err, errsz)) goto done;
  st.db = ht_profile_db(p);
  sqlite3 *db = st.db;
  /* one big transaction; a larger cache keeps the new B-trees in memory */
  sqlite3_exec(db, "PRAGMA cache_size=-65536", NULL, NULL, NULL);
  if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
    sql_fail(&st, "storing the snapshots");
    goto done;
  }
  if (ht_snap_schema(db, err, errsz)) goto rollback;
  if (sqlite3_prepare_v2(db,
                         "INSERT INTO snapshot(id, seq, t, trigger, label, live_bytes, nodes, "
                         "edges, roots, bytes, user_nodes, user_bytes, unresolved, refs) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
                         -1, &st.ins_snap, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db,
                         "INSERT INTO snapshot_node(snapshot, id, addr, tag, type, size, repr, "
                         "reach) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                         -1, &st.ins_node, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db,
                         "INSERT INTO snapshot_edge(snapshot, src, n, dst, kind, label) "
                         "VALUES(?1, ?2, ?3, ?4, ?5, ?6)",
                         -1, &st.ins_edge, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db,
                         "INSERT INTO snapshot_root(snapshot, n, kind, name, dst) "
                         "VALUES(?1, ?2, ?3, ?4, ?5)",
                         -1, &st.ins_root, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db,
                         "INSERT INTO snapshot_ref(n, seq, op, obj, kind, label, dst, tag, "
                         "type, size, repr) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                         -1, &st.ins_ref, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db, "SELECT seq, kind, obj, old, t FROM events WHERE seq >= 0", -1,
                         &st.lm.ev, NULL) != SQLITE_OK) {
    sql_fail(&st, "storing the snapshots");
    goto rollback;
  }
  {
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(db, "SELECT coalesce(max(n) + 1, 0) FROM snapshot_ref", -1, &q,
                           NULL) == SQLITE_OK &&
        sqlite3_step(q) == SQLITE_ROW)
      st.refn = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
  }
  st.lm.db = db;
  /* few snapshots and no --refs log: resolve each from the object table,
  ** if this profile's `object` answers the queries; else scan the events */
  if (!S.nrefs && S.nkept + (uint64_t)S.cand_valid <= 8) {
    sqlite3_stmt *p1 = NULL, *p2 = NULL;
    st.lm.by_objects =
        sqlite3_prepare_v2(db, "SELECT id, addr FROM object WHERE free_seq > ?1 AND id < ?1",
                           -1, &p1, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(db, "SELECT obj, addr FROM resize WHERE seq < ?1", -1, &p2,
                           NULL) == SQLITE_OK;
    sqlite3_finalize(p1);
    sqlite3_finalize(p2);
  }
  if (!st.lm.by_objects && lm_step(&st.lm)) {
    sql_fail(&st, "reading the events");
    goto rollback;
  }
  reader mr = {.sp = &S.main}, cr = {.sp = &S.cand};
  /* the readers start over with empty string tables, rebuilt from 'T's */
  strtab_free(&S.main.strs);
  strtab_free(&S.cand.strs);
  if (fseeko(S.main.f, 0, SEEK_SET) || fseeko(S.cand.f, 0, SEEK_SET)) {
    snprintf(err, errsz, "snapshot spool: %s", strerror(errno));
    goto rollback;
  }
  int cand = S.cand_valid, pending = 0, tag = 0;
  int64_t seq = 0;
  for (;;) {
    if (!pending) pending = peek_item(&mr, &tag, &seq);
    if (mr.bad) break;
    if (cand && (!pending || (int64_t)S.cand_seq < seq)) {
      int c = next_tag(&cr);
      if (c != 'S' || store_snapshot(&st, &cr)) {
        if (!err[0]) snprintf(err, errsz, "the snapshot spool is damaged");
        goto rollback;
      }
      cand = 0;
      continue;
    }
    if (!pending) break;
    pending = 0;
    if (tag == 'S') {
      if (store_snapshot(&st, &mr)) goto rollback;
    } else if (store_ref(&st, &mr, tag)) {
      if (!err[0]) snprintf(err, errsz, "the snapshot spool is damaged");
      goto rollback;
    }
  }
  if (mr.bad) {
    snprintf(err, errsz, "the snapshot spool is damaged");
    goto rollback;
  }
  sqlite3_finalize(st.lm.ev);
  st.lm.ev = NULL;
  if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    sql_fail(&st, "storing the snapshots");
    goto rollback;
  }
  rc = 0;
  goto done;
rollback:
  sqlite3_finalize(st.lm.ev);
  st.lm.ev = NULL;
  sqlite3_exec(st.db, "ROLLBACK", NULL, NULL, NULL);
done:
  sqlite3_finalize(st.ins_snap);
  sqlite3_finalize(st.ins_node);
  sqlite3_finalize(st.ins_edge);
  sqlite3_finalize(st.ins_root);
  sqlite3_finalize(st.ins_ref);
  sqlite3_finalize(st.lm.ev);
  aset_free(&st.lm.map);
  ht_profile_close(p);
  ht_snap_discard();
  if (rc && err[0] == 0) snprintf(err, errsz, "cannot store the snapshots");
  return rc;
}

void ht_snap_discard(void) {
  close_spool(&S.main);
  close_spool(&S.cand);
  S.open = 0;
  S.in_snap = 0;
  S.cand_valid = 0;
}
