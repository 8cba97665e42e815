/*
** profile.c -- opening profiles for reading (profile.h).
**
** Checks come cheapest first: the file's first 100 bytes (SQLite's header:
** magic, page size, page count, application id) tell missing, empty, foreign
** and truncated files apart without SQLite; then SQLite reads the schema,
** PRAGMA application_id and user_version, and the tables a profile must have.
**
** A note on locks: ht_file_sniff and ht_file_busy open the file with their
** own descriptor and close it.  Closing any descriptor of a file drops the
** POSIX locks this process holds on it, so both run before this process
** opens the file with SQLite.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "profile.h"
#include "schema.h"

struct ht_profile {
  sqlite3 *db;                 /* the connection (owned) */
  char *path;                  /* as given (owned) */
  int finalized;               /* HT_FINALIZED_* */
};

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* In WAL mode the main file can be shorter than its header says while a
** checkpoint is unfinished (the pages are still in the -wal file). */
static int wal_has_frames(const char *path) {
  char wal[4096];
  struct stat sb;
  snprintf(wal, sizeof wal, "%s-wal", path);
  return stat(wal, &sb) == 0 && sb.st_size > 32;
}

/* The header fields of interest; returns the file kind. */
static ht_file_kind sniff(const char *path, int *errnum, long long *have, long long *want) {
  struct stat sb;
  unsigned char h[100];
  *errnum = 0;
  *have = *want = 0;
  if (stat(path, &sb)) {
    *errnum = errno;
    return errno == ENOENT ? HT_FILE_MISSING : HT_FILE_UNREADABLE;
  }
  if (!S_ISREG(sb.st_mode)) return HT_FILE_NOT_REGULAR;
  if (sb.st_size == 0) return HT_FILE_EMPTY;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *errnum = errno;
    return HT_FILE_UNREADABLE;
  }
  ssize_t n = pread(fd, h, sizeof h, 0);
  if (n < 0) *errnum = errno;
  close(fd);
  if (n < 0) return HT_FILE_UNREADABLE;
  if (n < 16 || memcmp(h, "SQLite format 3", 16)) return HT_FILE_NOT_SQLITE;
  if (n < 100) {
    *have = n;
    *want = 100;
    return HT_FILE_TRUNCATED;
  }
  if (be32(h + 68) != HT_APPLICATION_ID) return HT_FILE_FOREIGN;
  uint32_t page = (uint32_t)h[16] << 8 | h[17];
  if (page == 1) page = 65536;
  if (page < 512 || (page & (page - 1))) return HT_FILE_CORRUPT;
  /* The page count at 28 is valid when the change counter (24) matches the
  ** version-valid-for number (92), and the file holds every page unless a
  ** -wal file still does. */
  if (be32(h + 24) == be32(h + 92) && !wal_has_frames(path)) {
    long long need = (long long)be32(h + 28) * page;
    if (sb.st_size < need) {
      *have = sb.st_size;
      *want = need;
      return HT_FILE_TRUNCATED;
    }
  }
  return HT_FILE_PROFILE;
}

ht_file_kind ht_file_sniff(const char *path, int *errnum) {
  long long have, want;
  int e;
  ht_file_kind k = sniff(path, &e, &have, &want);
  if (errnum) *errnum = e;
  return k;
}

int ht_file_busy(const char *path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  int busy = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
  close(fd);
  return busy;
}

sqlite3 *ht_profile_db(ht_profile *p) { return p->db; }
const char *ht_profile_path(ht_profile *p) { return p->path; }
int ht_profile_finalized(ht_profile *p) { return p->finalized; }

void ht_profile_close(ht_profile *p) {
  if (!p) return;
  if (p->db) sqlite3_close_v2(p->db);
  free(p->path);
  free(p);
}

static int is_corrupt(int rc) {
  rc &= 0xff;
  return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB || rc == SQLITE_FORMAT;
}

char *ht_profile_errmsg(ht_profile *p, char *buf, size_t n) {
  int rc = sqlite3_extended_errcode(p->db);
  const char *msg = sqlite3_errmsg(p->db);
  if (is_corrupt(rc) && strncmp(msg, "corrupt profile", 15))
    snprintf(buf, n, "%s: corrupt profile (%s)", p->path, msg);
  else
    snprintf(buf, n, "%s: %s", p->path, msg);
  return buf;
}

static long long pragma_int(sqlite3 *db, const char *sql, int *rc) {
  sqlite3_stmt *st = NULL;
  long long v = 0;
  *rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (*rc == SQLITE_OK) {
    *rc = sqlite3_step(st);
    if (*rc == SQLITE_ROW) {
      v = sqlite3_column_int64(st, 0);
      *rc = SQLITE_OK;
    }
  }
  if (*rc != SQLITE_OK) *rc = sqlite3_extended_errcode(db);
  sqlite3_finalize(st);
  return v;
}

/* Is the directory of PATH writable (for the -wal/-shm/-journal files)? */
static int dir_writable(const char *path) {
  char dir[4096];
  snprintf(dir, sizeof dir, "%s", path);
  char *slash = strrchr(dir, '/');
  if (!slash) snprintf(dir, sizeof dir, ".");
  else if (slash == dir) dir[1] = 0;
  else *slash = 0;
  return access(dir, W_OK) == 0;
}

#define FAIL(...) do { snprintf(err, errsz, __VA_ARGS__); goto fail; } while (0)

int ht_profile_open(ht_profile **out, const char *path, unsigned flags, char *err,
                    size_t errsz) {
  char msg[1024];
  int e, rc;
  long long have, want;
  ht_profile *p = NULL;
  *out = NULL;
  switch (sniff(path, &e, &have, &want)) {
  case HT_FILE_MISSING: snprintf(err, errsz, "%s: no such file", path); return -1;
  case HT_FILE_UNREADABLE: snprintf(err, errsz, "%s: cannot read the file: %s", path, strerror(e)); return -1;
  case HT_FILE_NOT_REGULAR: snprintf(err, errsz, "%s: not a regular file", path); return -1;
  case HT_FILE_EMPTY: snprintf(err, errsz, "%s: not a heaptrail profile (the file is empty)", path); return -1;
  case HT_FILE_NOT_SQLITE:
    snprintf(err, errsz, "%s: not a heaptrail profile (not an SQLite database)", path);
    return -1;
  case HT_FILE_FOREIGN:
    snprintf(err, errsz, "%s: not a heaptrail profile (an SQLite database of another program)", path);
    return -1;
  case HT_FILE_CORRUPT: snprintf(err, errsz, "%s: corrupt profile (bad SQLite header)", path); return -1;
  case HT_FILE_TRUNCATED:
    snprintf(err, errsz, "%s: truncated profile (the file has %lld of its %lld bytes)", path, have, want);
    return -1;
  case HT_FILE_PROFILE: break;
  }
  int busy = ht_file_busy(path);
  int writable = !(flags & HT_PROFILE_READONLY) && !busy && access(path, W_OK) == 0 &&
                 dir_writable(path);
  p = calloc(1, sizeof *p);
  if (!p || !(p->path = strdup(path))) FAIL("%s: out of memory", path);
  rc = sqlite3_open_v2(path, &p->db, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK) FAIL("%s: cannot open the profile: %s", path, p->db ? sqlite3_errmsg(p->db) : "out of memory");
  sqlite3_extended_result_codes(p->db, 1);
  sqlite3_busy_timeout(p->db, 5000);

  long long app = pragma_int(p->db, "PRAGMA application_id", &rc);
  if (rc != SQLITE_OK) {
    if (is_corrupt(rc)) FAIL("%s: corrupt profile (%s)", path, sqlite3_errmsg(p->db));
    FAIL("%s: cannot read the profile: %s", path, sqlite3_errmsg(p->db));
  }
  if (app != HT_APPLICATION_ID)
    FAIL("%s: not a heaptrail profile (an SQLite database of another program)", path);
  long long version = pragma_int(p->db, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK) FAIL("%s: corrupt profile (%s)", path, sqlite3_errmsg(p->db));
  if (version != HT_SCHEMA_VERSION) {
    if (version > HT_SCHEMA_VERSION)
      FAIL("%s: profile format version %lld is newer than this heaptrail reads (%d); "
           "open it with a newer heaptrail", path, version, HT_SCHEMA_VERSION);
    FAIL("%s: profile format version %lld is not supported (this heaptrail reads version %d)",
         path, version, HT_SCHEMA_VERSION);
  }
  static const char *const needed[] = { "meta", "tag", "code", "stack", "mark", "chunk", "sample",
                                        "sample_tag", "native_stack", "native_symbol" };
  for (size_t i = 0; i < sizeof needed / sizeof *needed; i++) {
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM main.sqlite_schema WHERE type='table' AND name='%s'",
             needed[i]);
    long long have_table = pragma_int(p->db, sql, &rc);
    if (rc != SQLITE_OK) FAIL("%s: corrupt profile (%s)", path, sqlite3_errmsg(p->db));
    if (!have_table) FAIL("%s: corrupt profile (the table %s is missing)", path, needed[i]);
  }
  if (flags & HT_PROFILE_CHECK) {
    sqlite3_stmt *st = NULL;
    rc = sqlite3_prepare_v2(p->db, "PRAGMA quick_check(1)", -1, &st, NULL);
    if (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      const char *r = (const char *)sqlite3_column_text(st, 0);
      if (r && strcmp(r, "ok")) {
        const char *nl = strchr(r, '\n');
        if (!strncmp(r, "*** in database", 15) && nl) r = nl + 1;   /* drop the banner */
        snprintf(msg, sizeof msg, "%s", r);
        sqlite3_finalize(st);
        FAIL("%s: corrupt profile (%s)", path, msg);
      }
    } else if (rc == SQLITE_OK) {
      rc = sqlite3_extended_errcode(p->db);
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) FAIL("%s: corrupt profile (%s)", path, sqlite3_errmsg(p->db));
  }
  if (ht_events_register(p->db)) FAIL("%s: cannot register the events table: %s", path, sqlite3_errmsg(p->db));

  long long finished = pragma_int(p->db, "SELECT coalesce((SELECT value FROM main.meta WHERE key='finished'), 0)", &rc);
  if (rc != SQLITE_OK) FAIL("%s: corrupt profile (%s)", path, sqlite3_errmsg(p->db));
  if (finished != 1 && !(flags & HT_PROFILE_NOFINALIZE)) {
    /* The run was killed (or is still recording): build the derived tables. */
    int done = 0;
    if (writable && ht_derive(p->db, "main", "reader", 0, msg, sizeof msg) == 0) {
      sqlite3_exec(p->db, "PRAGMA journal_mode=DELETE", NULL, NULL, NULL);
      p->finalized = HT_FINALIZED_FILE;
      done = 1;
    }
    if (!done) {
      if (ht_derive(p->db, "temp", "reader", 0, msg, sizeof msg))
        FAIL("%s: cannot finalize the unfinished profile: %s", path, msg);
      p->finalized = HT_FINALIZED_TEMP;
    }
  }
  *out = p;
  return 0;
fail:
  ht_profile_close(p);
  return -1;
}
