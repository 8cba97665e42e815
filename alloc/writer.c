/*
** writer.c -- the writer thread: chunks and rows into SQLite, and sampling.
**
** The profile is one SQLite file in WAL mode, written by one connection that
** only this thread uses while the recording runs.  Each pass of the loop
** takes every queued chunk, stores the rows the interning tables gained since
** the previous pass (codes, stack nodes, marks, native stacks), then the
** chunks, inside one long transaction that is committed every flush_ms (or
** at once on ht_rec_flush, a stop, or a signal).  Before each commit the
** complete prefix of the chunk the VM is still filling is stored too (as a
** chunk row replaced later by the full chunk), so a run killed with SIGKILL
** keeps every event published up to its last commit, idle or not.
**
** Every sample_ms the loop also calls ht_arena_sample() (about 0.3 ms) and
** stores a `sample` row, then tells the VM thread, which logs a SAMPLE event
** at its next clock reading.
**
** The writer also derives: packing a full chunk, it feeds the chunk's events
** to a deriver (derive.c), which matches frees to allocations and writes the
** packed `object_blob` rows, `resize` rows and, at the end, the sites and
** series into the same transactions.  So ht_rec_close() only writes what the
** deriver still holds, instead of replaying the whole log.  Partial chunks
** (stored before a commit) are not fed; their events are fed with the full
** chunk, or, after a signal, at the end.  Should the deriver run out of
** memory, recording goes on and the end replays the stored chunks instead
** (ht_derive).
**
** A failing SQLite call (SQLITE_FULL above all) sets htr.failed with a message
** naming the file; from then on chunks are dropped, the VM stops logging at
** its next chunk, and ht_rec_close() returns -1 leaving the file unfinished
** (its committed part stays readable, and a reader finalizes it).
*/
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <sqlite3.h>
#include "arena.h"
#include "profile.h"
#include "rec-internal.h"
#include "schema.h"

#define ENC_BYTES ((size_t)HTR_CHUNK_EVENTS * HT_EVENT_MAXBYTES)
#define PAGE_SIZE 16384                /* the profile's page size */

static struct {
  sqlite3 *db;                     /* the profile (owned) */
  sqlite3_stmt *ins_chunk;         /* INSERT OR REPLACE INTO chunk (owned) */
  sqlite3_stmt *ins_code;          /* INSERT INTO code (owned) */
  sqlite3_stmt *ins_stack;         /* INSERT INTO stack (owned) */
  sqlite3_stmt *ins_mark;          /* INSERT INTO mark (owned) */
  sqlite3_stmt *ins_native;        /* INSERT INTO native_stack (owned) */
  sqlite3_stmt *ins_sample;        /* INSERT INTO sample (owned) */
  sqlite3_stmt *ins_sample_tag;    /* INSERT INTO sample_tag (owned) */
  pthread_t thread;                /* the writer */
  int started;                     /* thread is running */
  uint32_t codes_done;             /* rows stored from htr.codes */
  uint32_t nodes_done;             /* ... from htr.nodes */
  uint32_t marks_done;             /* ... from htr.marks */
  uint32_t natives_done;           /* ... from htr.natives */
  uint64_t partial_seq;            /* last partial chunk stored: first_seq */
  uint32_t partial_n;              /* ... and its event count */
  uint32_t sample_id;              /* last sample row */
  uint64_t last_seq_seen;          /* approximate seq for samples */
  uint8_t *enc;                    /* packed chunk being stored (owned) */
  ht_deriver *derive;              /* the derived tables so far (owned), NULL after a failure */
  uint64_t fed_seq;                /* seq of the next event to feed it */
  int created;                     /* we created the file (unlink on failure) */
} W;

/* ---- errors ---- */

/* Record the failure of an SQLite call on the profile. */
static void db_fail(const char *what) {
  int rc = sqlite3_extended_errcode(W.db);
  const char *msg = sqlite3_errmsg(W.db);
  if ((rc & 0xff) == SQLITE_FULL)
    htr_set_error("%s: disk full while %s (%s)", htr.path, what, msg);
  else
    htr_set_error("%s: cannot write the profile while %s: %s", htr.path, what, msg);
}

static int step_done(sqlite3_stmt *st, const char *what) {
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE) {
    db_fail(what);
    return -1;
  }
  return 0;
}

static int exec(const char *sql, const char *what) {
  if (sqlite3_exec(W.db, sql, NULL, NULL, NULL) != SQLITE_OK) {
    db_fail(what);
    return -1;
  }
  return 0;
}

/* ---- opening ---- */

static const char *const side_suffix[] = { "-wal", "-shm", "-journal" };

static void unlink_sides(const char *path) {
  char buf[4096];
  for (size_t i = 0; i < sizeof side_suffix / sizeof *side_suffix; i++) {
    snprintf(buf, sizeof buf, "%s%s", path, side_suffix[i]);
    unlink(buf);
  }
}

/* May PATH be (re)created?  Refuses anything but a missing file, an empty
** file or an old heaptrail profile not being recorded right now. */
static int check_target(const char *path) {
  int errnum = 0;
  switch (ht_file_sniff(path, &errnum)) {
  case HT_FILE_MISSING:
    return 0;
  case HT_FILE_EMPTY:
  case HT_FILE_PROFILE:
  case HT_FILE_TRUNCATED:
    if (ht_file_busy(path)) {
      htr_set_error("%s: a profile that another process is recording now; "
                    "refusing to overwrite it", path);
      return -1;
    }
    if (unlink(path) && errno != ENOENT) {
      htr_set_error("%s: cannot replace the old profile: %s", path, strerror(errno));
      return -1;
    }
    unlink_sides(path);
    return 0;
  case HT_FILE_NOT_REGULAR:
    htr_set_error("%s: not a regular file; refusing to write a profile there", path);
    return -1;
  case HT_FILE_UNREADABLE:
    htr_set_error("%s: cannot read the existing file: %s", path, strerror(errnum));
    return -1;
  default:
    htr_set_error("%s: the file exists and is not a heaptrail profile; "
                  "refusing to overwrite it", path);
    return -1;
  }
}

static int prepare(sqlite3_stmt **st, const char *sql) {
  if (sqlite3_prepare_v3(W.db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK) {
    htr_set_error("%s: cannot prepare %s: %s", htr.path, sql, sqlite3_errmsg(W.db));
    return -1;
  }
  return 0;
}

static int meta_text(const char *key, const char *value) {
  char err[512];
  if (ht_meta_set(W.db, "main", key, value, 0, err, sizeof err)) {
    htr_set_error("%s: %s", htr.path, err);
    return -1;
  }
  return 0;
}

static int meta_int(const char *key, long long v) {
  char err[512];
  if (ht_meta_set(W.db, "main", key, NULL, v, err, sizeof err)) {
    htr_set_error("%s: %s", htr.path, err);
    return -1;
  }
  return 0;
}

static int write_meta(const ht_rec_options *o) {
  char when[64];
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return meta_text("format", "heaptrail-profile") ||
         meta_int("schema_version", HT_SCHEMA_VERSION) ||
         meta_text("heaptrail_version", PACKAGE_VERSION) ||
         meta_text("sqlite_version", sqlite3_libversion()) ||
         meta_text("script", o->script ? o->script : "") ||
         meta_text("argv", o->argv ? o->argv : "") ||
         meta_int("pid", (long long)getpid()) ||
         meta_text("started", when) ||
         meta_int("native", o->native != 0) ||
         meta_int("flush_ms", htr.flush_ms) ||
         meta_int("sample_ms", htr.sample_ms) ||
         meta_int("chunk_events", HTR_CHUNK_EVENTS) ||
         meta_int("clock_every", HTR_CLOCK_EVERY) ||
         meta_int("finished", 0);
}

static void close_db(void) {
  sqlite3_stmt **sts[] = { &W.ins_chunk, &W.ins_code, &W.ins_stack, &W.ins_mark,
                           &W.ins_native, &W.ins_sample, &W.ins_sample_tag };
  for (size_t i = 0; i < sizeof sts / sizeof *sts; i++) {
    sqlite3_finalize(*sts[i]);
    *sts[i] = NULL;
  }
  ht_deriver_free(W.derive);
  W.derive = NULL;
  if (W.db) sqlite3_close(W.db);
  W.db = NULL;
  free(W.enc);
  W.enc = NULL;
}

int htr_writer_open(const char *path, const ht_rec_options *o) {
  char err[1024];
  memset(&W, 0, sizeof W);
  if (!path || !*path) {
    htr_set_error("no profile path given");
    return -1;
  }
  if (check_target(path)) return -1;
  int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) {
    htr_set_error("%s: cannot create the profile: %s", path, strerror(errno));
    return -1;
  }
  W.created = 1;
  htr.lock_fd = fd;           /* closed by release_all, after the database */
  if (flock(fd, LOCK_EX | LOCK_NB)) {
    htr_set_error("%s: cannot lock the profile: %s", path, strerror(errno));
    goto fail;
  }
  if (sqlite3_open_v2(path, &W.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    htr_set_error("%s: cannot open the profile: %s", path,
                  W.db ? sqlite3_errmsg(W.db) : "out of memory");
    goto fail;
  }
  sqlite3_extended_result_codes(W.db, 1);
  char pragmas[256];
  /* application_id and user_version first, so that page 1 of the main file
  ** identifies the profile even before the first checkpoint. */
  snprintf(pragmas, sizeof pragmas,
           "PRAGMA page_size=%d; PRAGMA application_id=%d; PRAGMA user_version=%d;",
           PAGE_SIZE, HT_APPLICATION_ID, HT_SCHEMA_VERSION);
  if (exec(pragmas, "creating the profile")) goto fail;
  sqlite3_stmt *st = NULL;
  int wal = sqlite3_prepare_v2(W.db, "PRAGMA journal_mode=WAL", -1, &st, NULL) == SQLITE_OK &&
            sqlite3_step(st) == SQLITE_ROW &&
            !sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "wal");
  sqlite3_finalize(st);
  if (!wal) {
    htr_set_error("%s: cannot switch the profile to WAL mode: %s", path, sqlite3_errmsg(W.db));
    goto fail;
  }
  /* NORMAL: commits do not fsync in WAL mode (a killed process loses
  ** nothing committed; only a power loss may drop the last commits).
  ** Checkpoint every 32 MB of WAL (2048 pages of 16 KB), in this thread while
  ** the VM runs.  Every page is copied once from the WAL to the file whatever
  ** the interval (16 MB cost about 6 ns more per event in fsyncs), but with
  ** 256 MB most runs left the whole copy to the `journal_mode=DELETE` at the
  ** end, after the script: 0.3 s of 188 MB for bench/vm/inner_outer.py,
  ** seconds for tuple_trees (doc/PERFORMANCE.md); at 32 MB the WAL file is
  ** also reused while its pages are still cached, and total CPU did not
  ** grow.  A 16 MB page cache keeps the pages the writer goes
  ** back to (B-tree interiors, the runs of objects written out of order)
  ** from being read back from the WAL. */
  if (exec("PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=2048; PRAGMA cache_size=-16384;",
           "creating the profile"))
    goto fail;
  if (o->max_bytes) {
    snprintf(pragmas, sizeof pragmas, "PRAGMA max_page_count=%llu",
             (unsigned long long)(o->max_bytes / PAGE_SIZE > 8 ? o->max_bytes / PAGE_SIZE : 8));
    if (exec(pragmas, "limiting the profile's size")) goto fail;
  }
  if (exec("BEGIN", "creating the profile")) goto fail;
  if (ht_schema_base(W.db, err, sizeof err)) {
    htr_set_error("%s: cannot create the schema: %s", path, err);
    goto fail;
  }
  if (ht_schema_derived(W.db, "main", err, sizeof err) || ht_deriver_new(&W.derive, W.db, "main", err, sizeof err)) {
    htr_set_error("%s: cannot create the schema: %s", path, err);
    goto fail;
  }
  if (write_meta(o) || exec("COMMIT", "creating the profile")) goto fail;
  if (prepare(&W.ins_chunk, "INSERT OR REPLACE INTO chunk(first_seq, nevents, t0, data) VALUES(?1, ?2, ?3, ?4)") ||
      prepare(&W.ins_code, "INSERT INTO code(id, filename, qualname, firstlineno) VALUES(?1, ?2, ?3, ?4)") ||
      prepare(&W.ins_stack, "INSERT INTO stack(id, parent, code, line, depth) VALUES(?1, ?2, ?3, ?4, ?5)") ||
      prepare(&W.ins_mark, "INSERT INTO mark(id, seq, t, label) VALUES(?1, ?2, ?3, ?4)") ||
      prepare(&W.ins_native, "INSERT INTO native_stack(id, depth, pcs) VALUES(?1, ?2, ?3)") ||
      prepare(&W.ins_sample, "INSERT INTO sample(id, seq, t, rss, je_resident, je_active, je_mapped) "
                             "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)") ||
      prepare(&W.ins_sample_tag, "INSERT INTO sample_tag(sample, tag, active, resident) VALUES(?1, ?2, ?3, ?4)"))
    goto fail;
  W.codes_done = W.nodes_done = W.marks_done = W.natives_done = 1;
  if (!(W.enc = malloc(ENC_BYTES))) {
    htr_set_error("%s: out of memory", path);
    goto fail;
  }
  return 0;
fail:
  close_db();
  /* Never leave a half-made file behind under the profile's name. */
  unlink(path);
  unlink_sides(path);
  W.created = 0;
  return -1;
}

/* ---- the loop ---- */

static void put_le64(uint8_t *p, uint64_t v) {
  for (int i = 0; i < 8; i++) p[i] = (uint8_t)(v >> (8 * i));
}

/* Store the rows the interning tables gained since the last call. */
static int store_interned(void) {
  uint32_t n = atomic_load_explicit(&htr.codes.pub, memory_order_acquire);
  for (; W.codes_done < n; W.codes_done++) {
    const htr_code *c = htr_pages_at(&htr.codes, W.codes_done);
    sqlite3_bind_int64(W.ins_code, 1, W.codes_done);
    sqlite3_bind_text(W.ins_code, 2, c->filename, -1, SQLITE_STATIC);
    sqlite3_bind_text(W.ins_code, 3, c->qualname, -1, SQLITE_STATIC);
    sqlite3_bind_int(W.ins_code, 4, c->firstlineno);
    if (step_done(W.ins_code, "storing code locations")) return -1;
  }
  n = atomic_load_explicit(&htr.nodes.pub, memory_order_acquire);
  for (; W.nodes_done < n; W.nodes_done++) {
    const htr_node *s = htr_pages_at(&htr.nodes, W.nodes_done);
    sqlite3_bind_int64(W.ins_stack, 1, W.nodes_done);
    sqlite3_bind_int64(W.ins_stack, 2, s->parent);
    sqlite3_bind_int64(W.ins_stack, 3, s->code);
    sqlite3_bind_int64(W.ins_stack, 4, s->line);
    sqlite3_bind_int64(W.ins_stack, 5, s->depth);
    if (step_done(W.ins_stack, "storing stacks")) return -1;
  }
  n = atomic_load_explicit(&htr.marks.pub, memory_order_acquire);
  for (; W.marks_done < n; W.marks_done++) {
    const htr_mark *m = htr_pages_at(&htr.marks, W.marks_done);
    sqlite3_bind_int64(W.ins_mark, 1, W.marks_done);
    sqlite3_bind_int64(W.ins_mark, 2, (sqlite3_int64)m->seq);
    sqlite3_bind_int64(W.ins_mark, 3, (sqlite3_int64)m->t);
    sqlite3_bind_text(W.ins_mark, 4, m->label, -1, SQLITE_STATIC);
    if (step_done(W.ins_mark, "storing marks")) return -1;
  }
  n = atomic_load_explicit(&htr.natives.pub, memory_order_acquire);
  for (; W.natives_done < n; W.natives_done++) {
    const htr_native *ns = htr_pages_at(&htr.natives, W.natives_done);
    uint8_t buf[8 * HTR_NATIVE_MAX];
    for (uint32_t i = 0; i < ns->depth; i++) put_le64(buf + 8 * i, ns->pcs[i]);
    sqlite3_bind_int64(W.ins_native, 1, W.natives_done);
    sqlite3_bind_int64(W.ins_native, 2, ns->depth);
    sqlite3_bind_blob(W.ins_native, 3, buf, (int)(8 * ns->depth), SQLITE_STATIC);
    if (step_done(W.ins_native, "storing native stacks")) return -1;
  }
  return 0;
}

/* Feed N events to the deriver; a failure of SQLite is the writer's, one
** of memory only drops the deriver (the end replays the chunks instead). */
static int feed(const ht_event *ev, uint32_t n) {
  if (!W.derive || !n) return 0;
  int rc = ht_deriver_feed(W.derive, ev, n);
  if (rc == -1) {
    htr_set_error("%s: cannot write the profile while deriving: %s", htr.path,
                  ht_deriver_error(W.derive));
    return -1;
  }
  if (rc) {
    ht_deriver_free(W.derive);
    W.derive = NULL;
  }
  return 0;
}

#define FEED_BATCH 256

/* Pack events FROM..N-1 of B (with its first NTICKS clock readings) and
** store events 0..N-1 as one chunk row; FEED: also feed events FROM..N-1 to
** the deriver.  (FROM > 0 only when the chunk's prefix was packed before:
** the encoding of event i depends on those before it, so packing always
** starts at 0 and FROM only limits the feeding.) */
static int store_chunk(const htr_buf *b, uint32_t n, uint32_t nticks, int feeding, uint32_t from) {
  ht_codec c;
  ht_event ev[FEED_BATCH];
  uint32_t nev = 0;
  uint8_t *p = W.enc;
  uint64_t t = b->t0;
  uint32_t k = 0, nx = 0, next_tick = nticks ? b->ticks[0].at : UINT32_MAX;
  ht_codec_reset(&c, b->t0);
  for (uint32_t i = 0; i < n; i++) {
    if (__builtin_expect(i >= next_tick, 0)) {
      while (k < nticks && b->ticks[k].at <= i) t = b->ticks[k++].t;
      next_tick = k < nticks ? b->ticks[k].at : UINT32_MAX;
    }
    const htr_rec *r = &b->rec[i];
    uint32_t kts = r->kts;
    uint64_t old = 0, size = kts >> HTR_SIZE_SHIFT;
    uint32_t native = 0;
    if (__builtin_expect(kts & HTR_X_FLAG, 0)) {
      const htr_xrec *x = &b->x[nx++];
      old = x->old;
      size = x->size;
      native = x->native;
    }
    unsigned kind = kts & 7, tag = (kts >> 3) & 0xff;
    p = ht_encode_event(&c, p, kind, tag, r->obj, old, size, r->stack, native, t);
    if (feeding && i >= from) {
      ht_event *e = &ev[nev++];
      e->seq = b->first_seq + i;
      e->t = t;
      e->obj = r->obj;
      e->old = old;
      e->size = size;
      e->stack = r->stack;
      e->native = native;
      e->kind = (uint8_t)kind;
      e->tag = (uint8_t)tag;
      if (nev == FEED_BATCH) {
        if (feed(ev, nev)) return -1;
        nev = 0;
      }
    }
  }
  if (feeding) {
    if (feed(ev, nev)) return -1;
    W.fed_seq = b->first_seq + n;
  }
  sqlite3_bind_int64(W.ins_chunk, 1, (sqlite3_int64)b->first_seq);
  sqlite3_bind_int64(W.ins_chunk, 2, n);
  sqlite3_bind_int64(W.ins_chunk, 3, (sqlite3_int64)b->t0);
  sqlite3_bind_blob(W.ins_chunk, 4, W.enc, (int)(p - W.enc), SQLITE_STATIC);
  if (b->first_seq + n > W.last_seq_seen) W.last_seq_seen = b->first_seq + n;
  return step_done(W.ins_chunk, "storing events");
}

static int begin(void) {
  return sqlite3_get_autocommit(W.db) ? exec("BEGIN", "storing events") : 0;
}

static int store_chunks(htr_buf *list) {
  if (!list) return 0;
  if (begin() || store_interned()) return -1;
  for (htr_buf *b = list; b; b = b->next)
    if (store_chunk(b, b->n, b->nticks, 1, 0)) return -1;
  return 0;
}

/* Store the complete prefix of the chunk the VM is filling.  The VM clears
** htr.cur before it queues a chunk, so a buffer read through htr.cur here is
** either still being filled (its prefix is immutable) or was queued after
** the load and cannot be recycled before this thread processes the queue;
** once recycled and restarted it is published again, fully initialized. */
static int store_partial(void) {
  htr_buf *b = atomic_load_explicit(&htr.cur, memory_order_acquire);
  if (!b) return 0;
  uint64_t pub = atomic_load_explicit(&b->pub, memory_order_acquire);
  uint32_t n = (uint32_t)(pub >> 32), nticks = (uint32_t)pub;
  if (!n || (b->first_seq == W.partial_seq && n == W.partial_n)) return 0;
  if (begin() || store_interned() || store_chunk(b, n, nticks, 0, 0)) return -1;
  W.partial_seq = b->first_seq;
  W.partial_n = n;
  return 0;
}

/* After a signal: the VM thread is stopped in the handler, so the published
** prefix of its chunk is final.  Feed what the deriver has not seen (the
** chunk row itself was stored by store_partial). */
static int feed_partial(void) {
  htr_buf *b = atomic_load_explicit(&htr.cur, memory_order_acquire);
  if (!b || !W.derive) return 0;
  uint64_t pub = atomic_load_explicit(&b->pub, memory_order_acquire);
  uint32_t n = (uint32_t)(pub >> 32), nticks = (uint32_t)pub;
  if (b->first_seq + n <= W.fed_seq || b->first_seq > W.fed_seq) return 0;
  return store_chunk(b, n, nticks, 1, (uint32_t)(W.fed_seq - b->first_seq));
}

static int commit(void) {
  if (sqlite3_get_autocommit(W.db)) return 0;
  return exec("COMMIT", "committing events");
}

static uint64_t statm_rss(void) {
  FILE *f = fopen("/proc/self/statm", "r");
  unsigned long long size = 0, rss = 0;
  if (f) {
    if (fscanf(f, "%llu %llu", &size, &rss) != 2) rss = 0;
    fclose(f);
  }
  return rss * (uint64_t)sysconf(_SC_PAGESIZE);
}

static int take_sample(uint64_t now) {
  ht_mem_sample s;
  memset(&s, 0, sizeof s);
  int je = ht_arena_sample(&s) == 0;
  if (!je) s.rss = statm_rss();
  uint32_t id = W.sample_id + 1;
  htr_buf *b = atomic_load_explicit(&htr.cur, memory_order_acquire);
  uint64_t seq = W.last_seq_seen;
  if (b) {
    uint64_t pub = atomic_load_explicit(&b->pub, memory_order_acquire);
    if (b->first_seq + (pub >> 32) > seq) seq = b->first_seq + (pub >> 32);
  }
  if (begin()) return -1;
  sqlite3_bind_int64(W.ins_sample, 1, id);
  sqlite3_bind_int64(W.ins_sample, 2, (sqlite3_int64)seq);
  sqlite3_bind_int64(W.ins_sample, 3, (sqlite3_int64)(now - htr.t_origin));
  sqlite3_bind_int64(W.ins_sample, 4, (sqlite3_int64)s.rss);
  for (int i = 5; i <= 7; i++) sqlite3_bind_null(W.ins_sample, i);
  if (je) {
    sqlite3_bind_int64(W.ins_sample, 5, (sqlite3_int64)s.je_resident);
    sqlite3_bind_int64(W.ins_sample, 6, (sqlite3_int64)s.je_active);
    sqlite3_bind_int64(W.ins_sample, 7, (sqlite3_int64)s.je_mapped);
  }
  if (step_done(W.ins_sample, "storing a memory sample")) return -1;
  for (int t = 0; je && t < HT_NTAGS; t++) {
    if (!s.tag_active[t] && !s.tag_resident[t]) continue;
    sqlite3_bind_int64(W.ins_sample_tag, 1, id);
    sqlite3_bind_int64(W.ins_sample_tag, 2, t);
    sqlite3_bind_int64(W.ins_sample_tag, 3, (sqlite3_int64)s.tag_active[t]);
    sqlite3_bind_int64(W.ins_sample_tag, 4, (sqlite3_int64)s.tag_resident[t]);
    if (step_done(W.ins_sample_tag, "storing a memory sample")) return -1;
  }
  W.sample_id = id;
  atomic_store_explicit(&htr.sample_pending, id, memory_order_relaxed);
  return 0;
}

static void fail_now(void) {
  if (!sqlite3_get_autocommit(W.db)) sqlite3_exec(W.db, "ROLLBACK", NULL, NULL, NULL);
  pthread_mutex_lock(&htr.mu);
  htr.failed = 1;
  pthread_cond_broadcast(&htr.wake_vm);
  pthread_mutex_unlock(&htr.mu);
}

static void tell_handler(char c) {
  ssize_t n;
  do n = write(htr.sig_pipe[1], &c, 1);
  while (n < 0 && errno == EINTR);
}

static void to_timespec(uint64_t ns, struct timespec *ts) {
  ts->tv_sec = (time_t)(ns / 1000000000u);
  ts->tv_nsec = (long)(ns % 1000000000u);
}

static void *writer_main(void *arg) {
  (void)arg;
  sigset_t all;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, NULL);   /* signals go to the VM thread */
  const uint64_t flush_ns = (uint64_t)htr.flush_ms * 1000000u;
  const uint64_t sample_ns = (uint64_t)htr.sample_ms * 1000000u;
  uint64_t now = htr_clock_ns(), last_commit = now, next_sample = now;
  int failed = 0;

  pthread_mutex_lock(&htr.mu);
  for (;;) {
    while (!htr.q_head && !htr.stop && htr.flush_req == htr.flush_done &&
           !atomic_load(&htr.signal_req)) {
      now = htr_clock_ns();
      uint64_t deadline = last_commit + flush_ns;
      if (next_sample < deadline) deadline = next_sample;
      if (deadline > now + 20000000u) deadline = now + 20000000u;  /* signal latency */
      if (now >= deadline) break;
      struct timespec ts;
      to_timespec(deadline, &ts);
      pthread_cond_timedwait(&htr.wake_writer, &htr.mu, &ts);
    }
    htr_buf *list = htr.q_head;
    htr.q_head = htr.q_tail = NULL;
    int stop = htr.stop;
    uint64_t freq = htr.flush_req;
    pthread_mutex_unlock(&htr.mu);
    int sig = atomic_load(&htr.signal_req);

    for (;;) {
      if (!failed && store_chunks(list)) failed = 1, fail_now();
      if (list) {
        htr_buf *last = list;
        while (last->next) last = last->next;
        pthread_mutex_lock(&htr.mu);
        last->next = htr.free_bufs;
        htr.free_bufs = list;
        pthread_cond_broadcast(&htr.wake_vm);
        pthread_mutex_unlock(&htr.mu);
      }
      /* After a signal the VM thread waits in the handler and queues no
      ** more; take what it queued before, so nothing precedes the partial
      ** chunk stored below unstored. */
      if (!sig) break;
      pthread_mutex_lock(&htr.mu);
      list = htr.q_head;
      htr.q_head = htr.q_tail = NULL;
      pthread_mutex_unlock(&htr.mu);
      if (!list) break;
    }
    now = htr_clock_ns();
    if (!failed && sample_ns && now >= next_sample && !sig) {
      if (take_sample(now)) failed = 1, fail_now();
      next_sample += sample_ns;
      if (next_sample <= now) next_sample = now + sample_ns;
    }
    if (!failed && (freq > htr.flush_done || now - last_commit >= flush_ns || stop || sig)) {
      if (store_partial() || commit()) failed = 1, fail_now();
      last_commit = now;
    }
    pthread_mutex_lock(&htr.mu);
    if (!failed && freq > htr.flush_done) htr.flush_done = freq;
    pthread_cond_broadcast(&htr.wake_vm);
    if (sig) {
      pthread_mutex_unlock(&htr.mu);
      if (failed) {
        tell_handler('x');
      } else {
        tell_handler('c');
        tell_handler(htr_writer_finish(128 + sig, sig) ? 'x' : 'f');
      }
      return NULL;
    }
    if (stop) break;
  }
  pthread_mutex_unlock(&htr.mu);
  return NULL;
}

int htr_writer_start(void) {
  int rc = pthread_create(&W.thread, NULL, writer_main, NULL);
  if (rc) {
    htr_set_error("%s: cannot start the writer thread: %s", htr.path, strerror(rc));
    return -1;
  }
  W.started = 1;
  return 0;
}

int htr_writer_join(void) {
  if (W.started) pthread_join(W.thread, NULL);
  W.started = 0;
  return htr.failed ? -1 : 0;
}

void htr_writer_close(void) { close_db(); }

/* ---- finishing ---- */

int htr_writer_finish(int exit_status, int signo) {
  char err[1024] = "";
  char ended[64];
  time_t now = time(NULL);
  struct tm tm;
  gmtime_r(&now, &tm);
  strftime(ended, sizeof ended, "%Y-%m-%dT%H:%M:%SZ", &tm);
  if (begin() ||
      (signo && feed_partial()) ||
      meta_int("exit_status", exit_status) ||
      (signo && meta_int("signal", signo)) ||
      meta_text("ended", ended) ||
      meta_int("duration_ns", (long long)(htr_clock_ns() - htr.t_origin)) ||
      (htr.native && htr_native_symbolize(W.db)) ||
      commit()) {
    if (!htr.err[0]) db_fail("finishing the profile");
    goto fail;
  }
  /* Finish what the deriver holds, in one transaction; without a deriver
  ** (it ran out of memory), replay the chunks. */
  int rc;
  if (W.derive) {
    rc = begin();
    if (!rc && ht_deriver_finish(W.derive, "recorder", 1)) {
      snprintf(err, sizeof err, "%s", ht_deriver_error(W.derive));
      rc = -1;
    }
    if (!rc) rc = commit();
    else if (!sqlite3_get_autocommit(W.db)) sqlite3_exec(W.db, "ROLLBACK", NULL, NULL, NULL);
    if (rc && !err[0]) snprintf(err, sizeof err, "%s", htr.err);
  } else {
    rc = ht_derive(W.db, "main", "recorder", 1, err, sizeof err);
  }
  if (rc) {
    if ((sqlite3_extended_errcode(W.db) & 0xff) == SQLITE_FULL || strstr(err, "full"))
      htr_set_error("%s: disk full while finalizing the profile (%s); the recorded "
                    "events are intact and a reader will finalize the file", htr.path, err);
    else
      htr_set_error("%s: cannot finalize the profile: %s", htr.path, err);
    goto fail;
  }
  /* A finished profile is one self-contained file: leave WAL mode (this
  ** checkpoints and removes the -wal and -shm files).  Failing here leaves a
  ** valid WAL-mode profile, which is not an error. */
  sqlite3_exec(W.db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
  close_db();
  return 0;
fail:
  close_db();
  return -1;
}
