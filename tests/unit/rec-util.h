/*
** rec-util.h -- helpers shared by the recorder and profile tests: a scratch
** folder, one-value SQL queries, a child process's stderr, and a synthetic
** event workload with a known answer.
*/
#ifndef HT_REC_UTIL_H
#define HT_REC_UTIL_H

#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <sqlite3.h>
#include "profile.h"
#include "recorder.h"

static char ru_dir[512];   /* scratch folder, removed at exit */

static void ru_cleanup(void) {
  char cmd[600];
  if (ru_dir[0] && !getenv("HT_KEEP_TMP")) {
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", ru_dir);
    if (system(cmd)) {}
  }
}

/* Create the scratch folder; returns its path. */
static const char *ru_tmpdir(void) {
  const char *base = getenv("TMPDIR");
  snprintf(ru_dir, sizeof ru_dir, "%s/ht-rec-XXXXXX", base && *base ? base : "/tmp");
  if (!mkdtemp(ru_dir)) {
    perror("mkdtemp");
    exit(99);
  }
  atexit(ru_cleanup);
  return ru_dir;
}

/* PATH of NAME in the scratch folder; each call gets its own buffer (a
** test makes a few dozen). */
static const char *ru_path(const char *name) {
  static char buf[256][700];
  static int k;
  if (k == 256) {
    fprintf(stderr, "ru_path: too many paths\n");
    exit(99);
  }
  char *p = buf[k++];
  snprintf(p, 700, "%s/%s", ru_dir, name);
  return p;
}

/* First column of the first row of SQL on DB, or DFLT. */
static long long ru_q(sqlite3 *db, const char *sql, long long dflt) {
  sqlite3_stmt *st = NULL;
  long long v = dflt;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
      sqlite3_column_type(st, 0) != SQLITE_NULL)
    v = sqlite3_column_int64(st, 0);
  else if (getenv("HT_TEST_VERBOSE"))
    fprintf(stderr, "# query failed or empty: %s: %s\n", sql, sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return v;
}

/* Text of the first column of the first row, copied into BUF. */
__attribute__((unused)) static const char *ru_qs(sqlite3 *db, const char *sql, char *buf, size_t n) {
  sqlite3_stmt *st = NULL;
  buf[0] = 0;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
      sqlite3_column_text(st, 0))
    snprintf(buf, n, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  return buf;
}

static int ru_exists(const char *path) {
  struct stat sb;
  return stat(path, &sb) == 0;
}

static long long ru_size(const char *path) {
  struct stat sb;
  return stat(path, &sb) ? -1 : (long long)sb.st_size;
}

static void ru_write_file(const char *path, const void *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, n, f) != n || fclose(f)) {
    perror(path);
    exit(99);
  }
}

/* Run FN(ARG) with stderr captured in OUT (N bytes); returns FN's value. */
static int ru_capture_stderr(int (*fn)(void *), void *arg, char *out, size_t n) {
  char path[700];
  snprintf(path, sizeof path, "%s/stderr.txt", ru_dir);
  fflush(stderr);
  int saved = dup(2);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(fd, 2);
  close(fd);
  int rc = fn(arg);
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  FILE *f = fopen(path, "r");
  size_t got = f ? fread(out, 1, n - 1, f) : 0;
  out[got] = 0;
  if (f) fclose(f);
  return rc;
}

/* S with newlines shown as "\n", for one-line test descriptions (rotating
** static buffers). */
__attribute__((unused)) static const char *ru_line(const char *s) {
  static char buf[4][2048];
  static int k;
  char *o = buf[k++ & 3], *p = o;
  for (; *s && p < o + sizeof buf[0] - 3; s++) {
    if (*s == '\n') { *p++ = '\\'; *p++ = 'n'; }
    else *p++ = *s;
  }
  *p = 0;
  return o;
}

/* ---- a deterministic workload ---- */

static uint64_t ru_rng = 0x2545f4914f6cdd1dull;
static uint64_t ru_rand(void) {
  ru_rng ^= ru_rng << 13;
  ru_rng ^= ru_rng >> 7;
  ru_rng ^= ru_rng << 17;
  return ru_rng;
}

static uint32_t ru_cur_stack;
static uint32_t ru_stack_fn(void *ud) { (void)ud; return ru_cur_stack; }

/* Event K of the kill/signal workload: an endless, checkable pattern.
** Even K allocates block K/2; odd K frees block (K-1)/2 - 3, or for the
** first three odd K logs a GC_START with obj K. */
static void ru_pattern(uint64_t k, int *kind, int *tag, uint64_t *obj, uint64_t *size,
                       uint32_t *stack) {
  uint64_t b = k / 2;
  if (k % 2 == 1 && b < 3) {
    *kind = HT_EV_GC_START;
    *tag = 0;
    *obj = k;
    *size = 0;
    *stack = 0;
    return;
  }
  if (k % 2 == 1) {
    *kind = HT_EV_FREE;
    b -= 3;
  } else {
    *kind = HT_EV_ALLOC;
  }
  *tag = (int)(b % 20);
  *obj = 0x7f0000000000ull + ((uint64_t)*tag << 32) + b * 64;
  *size = 16 + b % 200;
  *stack = (uint32_t)(b % 7);
}

#endif
