/*
** test-profile.c -- the reader and `heaptrail sql`.
**
**   doc queries   every ```sql block of doc/profile-format.md runs against a
**                 recorded profile, succeeds and returns rows;
**   heaptrail sql list, --header and --json output, several statements,
**                 query-only, usage and error statuses;
**   refusals      missing, empty, text, foreign, truncated, corrupt, older
**                 and future-version files are refused with the file's name;
**                 damaged packed objects or series are reported when read;
**   finalizing    an unfinished profile is finalized in place, or in temp
**                 tables when read-only or still being recorded.
*/
#define _GNU_SOURCE
#include <signal.h>
#include <time.h>
#include "tap.h"
#include "rec-util.h"
#include "arena.h"

#ifndef HT_TOP_SRCDIR
#define HT_TOP_SRCDIR "."
#endif

static void sleep_ms(int ms) {
  struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
  nanosleep(&ts, NULL);
}

/* ---- a profile with a bit of everything ---- */

static uint32_t codes[4], nodes[8];

static __attribute__((noinline)) void alloc_deep(int depth, uint64_t addr, int tag, uint64_t size) {
  if (depth > 0) {
    alloc_deep(depth - 1, addr, tag, size);
    __asm__ volatile("");   /* keep the recursion a real call chain */
    return;
  }
  ht_rec_event(HT_EV_ALLOC, (ht_tag)tag, addr, 0, size);
}

static void make_profile(const char *path, int native, int events) {
  ht_rec_options o = { .native = native, .script = "doc.py", .argv = "heaptrail run doc.py", .sample_ms = 2 };
  if (ht_arena_init() || ht_rec_open(path, &o)) {
    fprintf(stderr, "%s\n", ht_rec_error());
    exit(99);
  }
  codes[0] = ht_rec_code("doc.py", "<module>", 1);
  codes[1] = ht_rec_code("doc.py", "build", 10);
  codes[2] = ht_rec_code("doc.py", "build.<locals>.inner", 12);
  codes[3] = ht_rec_code("lib.py", "helper", 3);
  nodes[0] = ht_rec_stack(0, codes[0], 20);
  nodes[1] = ht_rec_stack(nodes[0], codes[1], 11);
  nodes[2] = ht_rec_stack(nodes[1], codes[2], 13);
  nodes[3] = ht_rec_stack(nodes[1], codes[3], 4);
  nodes[4] = ht_rec_stack(0, codes[0], 25);
  ht_rec_set_stack_fn(ru_stack_fn, NULL);
  uint64_t live[4096];
  int nlive = 0;
  for (int i = 0; i < events; i++) {
    ru_cur_stack = nodes[ru_rand() % 5];
    int r = (int)(ru_rand() % 100);
    if (i % 5000 == 0) ht_rec_mark(i ? "phase" : "start");
    if (i % 7000 == 3000) {
      ht_rec_event(HT_EV_GC_START, HT_TAG_OTHER, 0, 0, 0);
      ht_rec_event(HT_EV_GC_END, HT_TAG_OTHER, (uint64_t)(ru_rand() % 50), 0, 0);
    }
    if (nlive && r < 5) {
      int k = (int)(ru_rand() % nlive);
      uint64_t a = live[k], na = a + 0x100000000ull;
      ht_rec_event(HT_EV_REALLOC, HT_TAG_LIST, na, a, 64 + 8 * (uint64_t)(ru_rand() % 32));
      live[k] = na;
    } else if (nlive > 2000 || (nlive && r < 45)) {
      int k = nlive - 1 - (int)(ru_rand() % (nlive < 4 ? nlive : 4));
      ht_rec_event(HT_EV_FREE, HT_TAG_LIST, live[k], 0, 0);
      live[k] = live[--nlive];
    } else {
      uint64_t a = 0x7f0000000000ull + 64 * (uint64_t)i;
      alloc_deep(i % 3, a, HT_TAG_LIST, 64);
      live[nlive++] = a;
    }
    if (i == events / 2) sleep_ms(10);   /* let a few samples happen */
  }
  /* Real blocks from the tagged arena, so samples show per-tag pages. */
  enum { NREAL = 2000 };
  static void *real[NREAL];
  for (int i = 0; i < NREAL; i++) real[i] = ht_alloc((ht_tag)(i % 4 ? HT_TAG_STR : HT_TAG_DICT), 200);
  sleep_ms(30);
  for (int i = 0; i < NREAL; i++) ht_free((ht_tag)(i % 4 ? HT_TAG_STR : HT_TAG_DICT), real[i], 200);
  if (ht_rec_close(0)) {
    fprintf(stderr, "%s\n", ht_rec_error());
    exit(99);
  }
}

/* ---- doc queries ---- */

typedef struct block { char *sql; int line; } block;

static int read_doc_blocks(const char *path, block *out, int max) {
  FILE *f = fopen(path, "r");
  if (!f) return -1;
  char line[4096];
  int n = 0, in = 0, lineno = 0;
  size_t len = 0;
  char *buf = NULL;
  while (fgets(line, sizeof line, f)) {
    lineno++;
    if (!in && !strncmp(line, "```sql", 6)) {
      in = 1;
      buf = calloc(1, 1);
      len = 0;
      if (n < max) out[n].line = lineno;
    } else if (in && !strncmp(line, "```", 3)) {
      in = 0;
      if (n < max) out[n++].sql = buf;
      else free(buf);
    } else if (in) {
      size_t l = strlen(line);
      buf = realloc(buf, len + l + 1);
      memcpy(buf + len, line, l + 1);
      len += l;
    }
  }
  fclose(f);
  if (in) free(buf);
  return n;
}

static void test_doc_queries(const char *path) {
  char doc[4096];
  const char *src = getenv("top_srcdir");
  snprintf(doc, sizeof doc, "%s/doc/profile-format.md", src && *src ? src : HT_TOP_SRCDIR);
  block blocks[64];
  int n = read_doc_blocks(doc, blocks, 64);
  tap_ok(n >= 15, "doc/profile-format.md has %d sql examples", n);
  ht_profile *p = NULL;
  char err[1024];
  if (ht_profile_open(&p, path, 0, err, sizeof err)) {
    tap_ok(0, "open the doc profile: %s", err);
    return;
  }
  sqlite3 *db = ht_profile_db(p);
  for (int i = 0; i < n; i++) {
    sqlite3_stmt *st = NULL;
    const char *tail = NULL;
    int rc = sqlite3_prepare_v2(db, blocks[i].sql, -1, &st, &tail);
    int rows = 0, nonnull = 0;
    if (rc == SQLITE_OK && st) {
      while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!rows)
          for (int c = 0; c < sqlite3_column_count(st); c++)
            nonnull += sqlite3_column_type(st, c) != SQLITE_NULL;
        rows++;
      }
      if (rc == SQLITE_DONE) rc = SQLITE_OK;
    }
    while (tail && (*tail == ' ' || *tail == '\n')) tail++;
    tap_ok(rc == SQLITE_OK && rows > 0 && nonnull > 0 && (!tail || !*tail),
           "doc example at line %d: %d rows%s%s", blocks[i].line, rows,
           rc == SQLITE_OK ? "" : ": ", rc == SQLITE_OK ? "" : sqlite3_errmsg(db));
    sqlite3_finalize(st);
    free(blocks[i].sql);
  }
  /* A few answers that must hold on this profile. */
  tap_ok(ru_q(db, "SELECT count(*) FROM native_symbol WHERE symbol LIKE '%alloc_deep%'", 0) > 0,
         "native symbols name a static function of the recording program");
  tap_ok(ru_q(db, "SELECT count(*) FROM native_stack WHERE depth >= 3", 0) > 0, "native stacks have depth");
  tap_ok(ru_q(db, "SELECT count(*) FROM native_frame", 0) ==
         ru_q(db, "SELECT sum(depth) FROM native_stack", -1), "native_frame has every frame");
  tap_is_int(ru_q(db, "SELECT count(*) FROM events WHERE native = 0 AND kind != 7", -1), 0,
             "every event but SAMPLEs has a native stack");
  tap_is_int(ru_q(db, "SELECT count(*) FROM native_frame f JOIN native_symbol s ON s.pc = f.pc "
                      "WHERE f.level = 0 AND s.symbol LIKE 'ht_rec%'", -1), 0,
             "native stacks leave out the recorder's own frames");
  tap_ok(ru_q(db, "SELECT count(*) FROM sample_tag", 0) >= 0, "sample_tag is readable");
  ht_profile_close(p);
}

/* ---- heaptrail sql ---- */

typedef struct cli { int argc; char **argv; } cli;

static int run_cli(void *arg) {
  cli *c = arg;
  return ht_cmd_sql(c->argc, c->argv);
}

/* Run `heaptrail sql ARGS...` with stdout in OUT and stderr in ERR. */
static int sql_cmd(char *out, size_t nout, char *err, size_t nerr, int argc, ...) {
  char *argv[16];
  va_list ap;
  va_start(ap, argc);
  argv[0] = (char *)"sql";
  for (int i = 1; i <= argc && i < 15; i++) argv[i] = va_arg(ap, char *);
  va_end(ap);
  argv[argc + 1] = NULL;
  cli c = { argc + 1, argv };
  char path[700];
  snprintf(path, sizeof path, "%s/stdout.txt", ru_dir);
  fflush(stdout);
  int saved = dup(1);
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  dup2(fd, 1);
  close(fd);
  int rc = ru_capture_stderr(run_cli, &c, err, nerr);
  fflush(stdout);
  dup2(saved, 1);
  close(saved);
  FILE *f = fopen(path, "r");
  size_t got = f ? fread(out, 1, nout - 1, f) : 0;
  out[got] = 0;
  if (f) fclose(f);
  return rc;
}

static void test_cli(const char *path) {
  char out[8192], err[4096];
  char *p = (char *)path;
  int rc = sql_cmd(out, sizeof out, err, sizeof err, 2, p,
                   "SELECT 1 AS a, NULL AS b, 'x|y' AS c, x'00ff' AS d, 2.5 AS e");
  tap_ok(rc == 0 && !strcmp(out, "1||x|y|X'00FF'|2.5\n"), "sql: list mode (%s)", ru_line(out));
  rc = sql_cmd(out, sizeof out, err, sizeof err, 3, "--header", p, "SELECT 1 AS a, 'q' AS b UNION ALL SELECT 2, NULL");
  tap_ok(rc == 0 && !strcmp(out, "a|b\n1|q\n2|\n"), "sql: --header (%s)", ru_line(out));
  rc = sql_cmd(out, sizeof out, err, sizeof err, 3, "--json", p,
               "SELECT 1 AS a, 'say \"hi\"' AS b, NULL AS c UNION ALL SELECT 2, 'x', 0.5");
  tap_ok(rc == 0 && !strcmp(out, "[{\"a\":1,\"b\":\"say \\\"hi\\\"\",\"c\":null},\n{\"a\":2,\"b\":\"x\",\"c\":0.5}]\n"),
         "sql: --json (%s)", ru_line(out));
  rc = sql_cmd(out, sizeof out, err, sizeof err, 3, "--json", p, "SELECT 1 WHERE 0");
  tap_ok(rc == 0 && !strcmp(out, "[]\n"), "sql: --json with no rows prints []");
  rc = sql_cmd(out, sizeof out, err, sizeof err, 3, p, "SELECT 1; SELECT 2", "SELECT 3");
  tap_ok(rc == 0 && !strcmp(out, "1\n2\n3\n"), "sql: several statements and arguments");
  rc = sql_cmd(out, sizeof out, err, sizeof err, 2, p, "SELECT count(*) FROM events WHERE kind=0");
  char expect[64];
  ht_profile *pr;
  char e2[512];
  ht_profile_open(&pr, path, 0, e2, sizeof e2);
  snprintf(expect, sizeof expect, "%lld\n", ru_q(ht_profile_db(pr), "SELECT count(*) FROM object", -1));
  ht_profile_close(pr);
  tap_ok(rc == 0 && !strcmp(out, expect), "sql: the issue's example query (%s)", ru_line(out));
  rc = sql_cmd(out, sizeof out, err, sizeof err, 2, p, "DELETE FROM chunk");
  tap_ok(rc == 1 && strstr(err, "readonly"), "sql: queries cannot modify the profile (%s)", ru_line(err));
  rc = sql_cmd(out, sizeof out, err, sizeof err, 2, p, "SELEC 1");
  tap_ok(rc == 1 && strstr(err, "syntax error") && strstr(err, path), "sql: a syntax error names the file (%s)", ru_line(err));
  rc = sql_cmd(out, sizeof out, err, sizeof err, 1, p);
  tap_ok(rc == 2 && strstr(err, "usage"), "sql: missing SQL is a usage error");
  rc = sql_cmd(out, sizeof out, err, sizeof err, 3, "--bogus", p, "SELECT 1");
  tap_ok(rc == 2 && strstr(err, "--bogus"), "sql: an unknown option is a usage error");
  rc = sql_cmd(out, sizeof out, err, sizeof err, 3, "--check", p, "SELECT 7");
  tap_ok(rc == 0 && !strcmp(out, "7\n"), "sql: --check on a sound file");
}

/* ---- refusals ---- */

static void copy_file(const char *from, const char *to) {
  char cmd[2000];
  snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
  if (system(cmd)) exit(99);
}

static void expect_refusal(const char *file, const char *what, const char *needle, unsigned flags) {
  ht_profile *p = NULL;
  char err[1024] = "";
  int rc = ht_profile_open(&p, file, flags, err, sizeof err);
  tap_ok(rc == -1 && !p && strstr(err, file) && strstr(err, needle), "%s: refused (%s)", what, err);
  char out[1024], cerr[2048];
  if (flags & HT_PROFILE_CHECK)
    rc = sql_cmd(out, sizeof out, cerr, sizeof cerr, 3, "--check", (char *)file, "SELECT 1");
  else
    rc = sql_cmd(out, sizeof out, cerr, sizeof cerr, 2, (char *)file, "SELECT 1");
  tap_ok(rc == 1 && strstr(cerr, file) && strstr(cerr, needle) && !*out, "%s: heaptrail sql exits 1", what);
}

static void test_refusals(const char *good) {
  expect_refusal(ru_path("missing.db"), "a missing file", "no such file", 0);
  const char *empty = ru_path("empty.db");
  ru_write_file(empty, "", 0);
  expect_refusal(empty, "an empty file", "not a heaptrail profile", 0);
  const char *text = ru_path("text.db");
  ru_write_file(text, "print('hello')\n", 15);
  expect_refusal(text, "a text file", "not an SQLite database", 0);
  const char *foreign = ru_path("foreign.db");
  sqlite3 *db;
  sqlite3_open(foreign, &db);
  sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES(1);", NULL, NULL, NULL);
  sqlite3_close(db);
  expect_refusal(foreign, "another program's SQLite database", "another program", 0);

  const char *trunc = ru_path("truncated.db");
  copy_file(good, trunc);
  if (truncate(trunc, ru_size(trunc) / 2)) exit(99);
  expect_refusal(trunc, "a truncated profile", "truncated", 0);

  const char *bad = ru_path("corrupt.db");
  copy_file(good, bad);
  {
    FILE *f = fopen(bad, "r+b");
    long long size = ru_size(bad);
    char junk[4096];
    for (size_t i = 0; i < sizeof junk; i++) junk[i] = (char)(ru_rand() & 0xff);
    for (long long off = 4096 * 2; off + 4096 <= size * 3 / 4; off += 4096 * 3) {
      fseek(f, off, SEEK_SET);
      fwrite(junk, 1, sizeof junk, f);
    }
    fclose(f);
  }
  expect_refusal(bad, "a corrupt profile (--check)", "corrupt", HT_PROFILE_CHECK);
  {
    char out[1024], cerr[2048];
    int rc = sql_cmd(out, sizeof out, cerr, sizeof cerr, 2, (char *)bad,
                     "SELECT count(*), sum(size) FROM events; SELECT count(*) FROM object");
    tap_ok(rc == 1 && strstr(cerr, bad) && strstr(cerr, "corrupt"),
           "a corrupt profile: reading it says so with the file name (%s)", ru_line(cerr));
  }

  /* Damaged packed rows: reading them says so, with the file's name. */
  const char *badobj = ru_path("badobj.db");
  copy_file(good, badobj);
  sqlite3_open(badobj, &db);
  sqlite3_exec(db, "UPDATE object_blob SET data = x'07' WHERE first_id = (SELECT max(first_id) FROM object_blob);"
                   "UPDATE series_blob SET data = x'0000' WHERE level = 0 AND tag = -1;", NULL, NULL, NULL);
  sqlite3_close(db);
  {
    char out[1024], cerr[2048];
    int rc = sql_cmd(out, sizeof out, cerr, sizeof cerr, 2, (char *)badobj, "SELECT count(*) FROM object");
    tap_ok(rc == 1 && strstr(cerr, badobj) && strstr(cerr, "corrupt profile") && strstr(cerr, "objects from id"),
           "damaged object_blob: reading `object` says so (%s)", ru_line(cerr));
    rc = sql_cmd(out, sizeof out, cerr, sizeof cerr, 2, (char *)badobj,
                 "SELECT count(*) FROM series WHERE level = 0 AND tag = -1");
    tap_ok(rc == 1 && strstr(cerr, badobj) && strstr(cerr, "corrupt profile") && strstr(cerr, "series"),
           "damaged series_blob: reading `series` says so (%s)", ru_line(cerr));
  }

  const char *v1 = ru_path("v1.db");
  copy_file(good, v1);
  sqlite3_open(v1, &db);
  sqlite3_exec(db, "PRAGMA user_version = 1", NULL, NULL, NULL);
  sqlite3_close(db);
  expect_refusal(v1, "a version-1 profile (one row per object)", "version 1 is not supported", 0);

  const char *future = ru_path("future.db");
  copy_file(good, future);
  sqlite3_open(future, &db);
  sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
  sqlite3_close(db);
  expect_refusal(future, "a newer format version", "version 99", 0);
}

/* ---- finalizing ---- */

/* A child records N pattern events, commits, and exits without closing
** (after LINGER_MS, during which it holds the file open).  Returns its pid
** when it lingers. */
static pid_t make_unfinished(const char *path, int n, int linger_ms) {
  const char *ready = ru_path("ready");
  pid_t pid = fork();
  if (pid == 0) {
    ht_rec_options o = { .script = "unfinished.py" };
    if (ht_rec_open(path, &o)) _exit(2);
    for (int k = 0; k < n; k++) {
      int kind, tag;
      uint64_t obj, size;
      uint32_t stack;
      ru_pattern((uint64_t)k, &kind, &tag, &obj, &size, &stack);
      ht_rec_event(kind, tag, obj, 0, size);
    }
    if (ht_rec_flush()) _exit(3);
    if (linger_ms) {
      ru_write_file(ready, "1", 1);
      sleep_ms(linger_ms);
    }
    _exit(0);   /* no ht_rec_close: the file stays unfinished */
  }
  if (linger_ms) {
    int status;
    while (!ru_exists(ready)) {
      if (waitpid(pid, &status, WNOHANG) == pid) {
        fprintf(stderr, "the recording child failed (status %#x)\n", status);
        exit(99);
      }
      sleep_ms(5);
    }
    return pid;
  }
  int status;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status)) exit(99);
  return 0;
}

static long long meta_in_file(const char *path, const char *key) {
  sqlite3 *db;
  char sql[128];
  snprintf(sql, sizeof sql, "SELECT value FROM main.meta WHERE key='%s'", key);
  sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL);
  long long v = ru_q(db, sql, -1);
  sqlite3_close(db);
  return v;
}

static void test_finalize(void) {
  const char *path = ru_path("unfinished.db");
  make_unfinished(path, 20000, 0);
  tap_is_int(meta_in_file(path, "finished"), 0, "an unfinished profile says finished = 0");
  ht_profile *p = NULL;
  char err[1024];
  tap_ok(ht_profile_open(&p, path, HT_PROFILE_READONLY, err, sizeof err) == 0 &&
         ht_profile_finalized(p) == HT_FINALIZED_TEMP, "read-only: finalized in temp tables");
  if (p) {
    sqlite3 *db = ht_profile_db(p);
    tap_is_int(ru_q(db, "SELECT count(*) FROM object", -1), 10000, "read-only: objects are there");
    tap_is_int(ru_q(db, "SELECT value FROM meta WHERE key='finished'", -1), 1, "read-only: meta says finished");
    tap_is_int(ru_q(db, "SELECT value FROM meta WHERE key='complete'", -1), 0, "read-only: meta says not complete");
    tap_is_int(ru_q(db, "SELECT count(*) FROM live_at_end", -1), 3, "read-only: the views work");
    ht_profile_close(p);
  }
  tap_is_int(meta_in_file(path, "finished"), 0, "read-only: the file was not written");
  char out[256], cerr[1024];
  int rc = sql_cmd(out, sizeof out, cerr, sizeof cerr, 2, (char *)path, "SELECT count(*) FROM object");
  tap_ok(rc == 0 && !strcmp(out, "10000\n") && strstr(cerr, "not finished"),
         "heaptrail sql finalizes it and says so (%s)", ru_line(cerr));
  tap_is_int(meta_in_file(path, "finished"), 1, "the file is now finished");
  tap_ok(ht_profile_open(&p, path, 0, err, sizeof err) == 0 && ht_profile_finalized(p) == HT_FINALIZED_NO,
         "and needs no finalizing on the next open");
  ht_profile_close(p);

  /* A profile still being recorded is read, not finalized in place. */
  const char *live = ru_path("live.db");
  pid_t child = make_unfinished(live, 30000, 10000);
  tap_ok(ht_file_busy(live), "a profile being recorded is busy");
  tap_ok(ht_profile_open(&p, live, 0, err, sizeof err) == 0 && ht_profile_finalized(p) == HT_FINALIZED_TEMP,
         "a live profile: finalized in temp tables (%s)", p ? "ok" : err);
  if (p) {
    tap_is_int(ru_q(ht_profile_db(p), "SELECT count(*) FROM events WHERE kind != 7", -1), 30000,
               "a live profile: its committed events are readable");
    ht_profile_close(p);
  }
  tap_is_int(meta_in_file(live, "finished"), 0, "a live profile is not written by the reader");
  kill(child, SIGKILL);
  waitpid(child, NULL, 0);
}

int main(void) {
  ru_tmpdir();
  const char *path = ru_path("doc.db");
  make_profile(path, 1, 40000);
  test_doc_queries(path);
  test_cli(path);
  test_refusals(path);
  test_finalize();
  return tap_done();
}
