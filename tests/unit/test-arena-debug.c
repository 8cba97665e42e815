/*
** test-arena-debug.c -- the debug arena (--enable-debug-arena): fill
** patterns, canaries and the other checks that abort, HT_FAIL_AT,
** HT_MEM_LIMIT and the live-block report at shutdown.
**
** Checks that must abort run in a forked child whose stderr comes back
** through a pipe, so the test sees both the SIGABRT and the message.
** Reading a block after ht_free is deliberate: the debug arena promises
** 0xDD there, and jemalloc keeps a freed small region mapped and untouched
** while it sits in the tag's tcache.
*/
#include "config.h"

#ifndef HT_DEBUG_ARENA
#error "test-arena-debug is built only with --enable-debug-arena"
#endif

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "arena-private.h"
#include "tap.h"

static int all_bytes(const volatile unsigned char *p, size_t n, int v) {
  size_t i;
  for (i = 0; i < n; i++)
    if (p[i] != (unsigned char)v)
      return 0;
  return 1;
}

static uint64_t live_blocks(void) {
  uint64_t n = 0;
  int t;
  for (t = 0; t < HT_NTAGS; t++)
    n += ht_arena_stats(t)->cur_count;
  return n;
}

/* Run FN in a child with stderr captured into BUF; returns the wait status. */
static int run_child(void (*fn)(void), char *buf, size_t bufsz) {
  int fds[2];
  pid_t pid;
  size_t got = 0;
  ssize_t n;
  int status = 0;

  fflush(stdout);
  fflush(stderr);
  if (pipe(fds) != 0)
    return -1;
  pid = fork();
  if (pid < 0)
    return -1;
  if (pid == 0) {
    dup2(fds[1], 2);
    close(fds[0]);
    close(fds[1]);
    fn();
    _exit(0);
  }
  close(fds[1]);
  while (got + 1 < bufsz && (n = read(fds[0], buf + got, bufsz - 1 - got)) > 0)
    got += (size_t)n;
  buf[got] = '\0';
  close(fds[0]);
  waitpid(pid, &status, 0);
  return status;
}

/* FN must abort with a message on stderr containing NEEDLE1 and NEEDLE2. */
static void expect_abort(void (*fn)(void), const char *needle1,
                         const char *needle2, const char *what) {
  char msg[1024];
  int status = run_child(fn, msg, sizeof msg);
  int ok = status != -1 && WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT &&
           strstr(msg, needle1) != NULL && strstr(msg, needle2) != NULL;
  if (!tap_ok(ok, "%s aborts, naming %s and %s", what, needle1, needle2))
    tap_diag("status %d, stderr: %s", status, msg);
}

/* ---- fill patterns ------------------------------------------------------ */

static void test_fills(void) {
  volatile unsigned char *p, *q, *r, *z;
  unsigned char *old;
  int i, ok;

  p = ht_alloc(HT_TAG_STR, 100);
  tap_ok(p != NULL && all_bytes(p, 100, HT_DBG_FRESH),
         "fresh memory is filled with 0xA5");
  tap_ok(ht_arena_stats(HT_TAG_STR)->cur_bytes == 100 &&
         ht_arena_stats(HT_TAG_STR)->total_bytes == 100,
         "counters see the caller's 100 bytes, not head and canary");
  tap_ok(ht_arena_usable(HT_TAG_STR, 100) == 100,
         "usable size is exactly the request (the canary follows)");
  ht_free(HT_TAG_STR, (void *)p, 100);
  tap_ok(all_bytes(p - HT_DBG_HEAD, HT_DBG_HEAD + 100 + HT_DBG_TAIL,
                   HT_DBG_FREED),
         "freed memory, head and canary included, is filled with 0xDD");

  z = ht_calloc(HT_TAG_STR, 100);  /* most likely the 0xDD region again */
  tap_ok(z != NULL && all_bytes(z, 100, 0), "ht_calloc still zeroes");
  ht_free(HT_TAG_STR, (void *)z, 100);

  q = ht_alloc(HT_TAG_LIST, 64);
  for (i = 0; i < 64; i++)
    q[i] = (unsigned char)i;
  old = (unsigned char *)q;
  r = ht_realloc(HT_TAG_LIST, (void *)q, 64, 300);
  ok = r != NULL;
  for (i = 0; ok && i < 64; i++)
    ok = r[i] == (unsigned char)i;
  tap_ok(ok, "realloc keeps the old contents");
  tap_ok(r != NULL && all_bytes(r + 64, 300 - 64, HT_DBG_FRESH),
         "realloc fills the growth with 0xA5");
  tap_ok((unsigned char *)r != old &&
         all_bytes((volatile unsigned char *)old, 64, HT_DBG_FREED),
         "realloc always moves and fills the old block with 0xDD");
  q = ht_realloc(HT_TAG_LIST, (void *)r, 300, 10);
  ok = q != NULL;
  for (i = 0; ok && i < 10; i++)
    ok = q[i] == (unsigned char)i;
  tap_ok(ok && ht_arena_stats(HT_TAG_LIST)->cur_bytes == 10,
         "shrinking realloc keeps the prefix and counts 10 bytes");
  ht_free(HT_TAG_LIST, (void *)q, 10);
}

/* ---- checks that abort ----------------------------------------------------- */

static void smash_tail(void) {
  unsigned char *p = ht_alloc(HT_TAG_DICT, 24);
  p[24] = 0;  /* one past the end */
  ht_free(HT_TAG_DICT, p, 24);
}

static void smash_tail_realloc(void) {
  unsigned char *p = ht_alloc(HT_TAG_LIST, 40);
  p[40 + HT_DBG_TAIL - 1] ^= 1;  /* last canary byte */
  ht_realloc(HT_TAG_LIST, p, 40, 80);
}

static void smash_head(void) {
  unsigned char *p = ht_alloc(HT_TAG_TUPLE, 16);
  p[-1] = 0;
  ht_free(HT_TAG_TUPLE, p, 16);
}

static void double_free(void) {
  void *p = ht_alloc(HT_TAG_CELL, 32);
  ht_free(HT_TAG_CELL, p, 32);
  ht_free(HT_TAG_CELL, p, 32);
}

static void wrong_tag(void) {
  void *p = ht_alloc(HT_TAG_TUPLE, 48);
  ht_free(HT_TAG_LIST, p, 48);
}

static void wrong_size(void) {
  void *p = ht_alloc(HT_TAG_FLOAT, 16);
  ht_free(HT_TAG_FLOAT, p, 32);
}

static void bad_tag(void) {
  ht_alloc((ht_tag)99, 8);
}

static void test_aborts(void) {
  expect_abort(smash_tail, "24-byte 'dict'", "trailing canary",
               "ht_free after a write past the end");
  expect_abort(smash_tail_realloc, "ht_realloc of a 40-byte 'list'",
               "trailing canary", "ht_realloc of a block with a smashed canary");
  expect_abort(smash_head, "16-byte 'tuple'", "leading canary",
               "ht_free after a write before the start");
  expect_abort(double_free, "32-byte 'cell'", "already freed", "a double free");
  expect_abort(wrong_tag, "'list'", "allocated as tag 'tuple'",
               "freeing with the wrong tag");
  expect_abort(wrong_size, "32-byte 'float'", "allocated with 16 bytes",
               "freeing with the wrong size");
  expect_abort(bad_tag, "ht_alloc", "tag 99 is not a tag",
               "allocating with an out-of-range tag");
}

/* ---- HT_FAIL_AT and HT_MEM_LIMIT -------------------------------------------- */

/* At start-up HT_FAIL_AT=3 was set before ht_arena_init. */
static void test_fail_at_init(void) {
  void *a = ht_alloc(HT_TAG_INT, 8);
  void *b = ht_alloc(HT_TAG_INT, 8);
  void *c = ht_alloc(HT_TAG_INT, 8);
  void *d = ht_alloc(HT_TAG_INT, 8);
  tap_ok(a && b && !c && d,
         "HT_FAIL_AT=3 read at init fails the 3rd allocation only");
  tap_ok(ht_arena_stats(HT_TAG_INT)->cur_count == 3 &&
         ht_arena_stats(HT_TAG_INT)->total_count == 3,
         "a failed allocation is not counted");
  ht_free(HT_TAG_INT, a, 8);
  ht_free(HT_TAG_INT, b, 8);
  ht_free(HT_TAG_INT, d, 8);
}

static void test_fail_at(void) {
  unsigned char *a, *b, *c, *d, *e;
  ht_tag_stats before;

  setenv("HT_FAIL_AT", "5", 1);
  tap_ok(ht_arena_debug_reload_env() == 0, "reload accepts HT_FAIL_AT=5");
  a = ht_alloc(HT_TAG_SET, 10);             /* 1 */
  b = ht_calloc(HT_TAG_SET, 10);            /* 2 */
  c = ht_realloc(HT_TAG_SET, NULL, 0, 10);  /* 3 */
  c = ht_realloc(HT_TAG_SET, c, 10, 20);    /* 4 */
  memset(c, 7, 20);
  before = *ht_arena_stats(HT_TAG_SET);
  d = ht_realloc(HT_TAG_SET, c, 20, 40);    /* 5: fails */
  tap_ok(a && b && c && !d, "the 5th allocation (a realloc) fails");
  tap_ok(all_bytes(c, 20, 7) &&
         memcmp(&before, ht_arena_stats(HT_TAG_SET), sizeof before) == 0,
         "a failed realloc leaves the block and the counters alone");
  e = ht_realloc(HT_TAG_SET, c, 20, 40);    /* 6 */
  tap_ok(e != NULL && all_bytes(e, 20, 7), "the 6th succeeds");
  ht_free(HT_TAG_SET, a, 10);
  ht_free(HT_TAG_SET, b, 10);
  ht_free(HT_TAG_SET, e, 40);

  setenv("HT_FAIL_AT", "fifth", 1);
  fprintf(stderr, "# (a warning about HT_FAIL_AT='fifth' is expected)\n");
  tap_ok(ht_arena_debug_reload_env() == -1, "a malformed HT_FAIL_AT is refused");
  a = ht_alloc(HT_TAG_SET, 1);
  tap_ok(a != NULL, "and ignored");
  ht_free(HT_TAG_SET, a, 1);
  unsetenv("HT_FAIL_AT");
  ht_arena_debug_reload_env();
}

static void test_mem_limit(void) {
  void *a, *b, *c, *d, *e, *f;

  tap_ok(live_blocks() == 0, "no blocks live before the limit tests");
  setenv("HT_MEM_LIMIT", "1000", 1);
  tap_ok(ht_arena_debug_reload_env() == 0, "reload accepts HT_MEM_LIMIT=1000");
  a = ht_alloc(HT_TAG_STR, 600);
  b = ht_alloc(HT_TAG_INT, 500);
  tap_ok(a != NULL && b == NULL, "600 bytes fit, 500 more do not");
  b = ht_alloc(HT_TAG_INT, 400);
  tap_ok(b != NULL, "400 more fit exactly, across tags");
  c = ht_alloc(HT_TAG_INT, 1);
  d = ht_alloc(HT_TAG_INT, 0);
  tap_ok(c == NULL && d != NULL, "then 1 byte fails and 0 bytes succeed");
  e = ht_realloc(HT_TAG_INT, b, 400, 401);
  tap_ok(e == NULL, "a growing realloc past the limit fails");
  b = ht_realloc(HT_TAG_INT, b, 400, 100);
  tap_ok(b != NULL, "a shrinking realloc succeeds");
  f = ht_calloc(HT_TAG_FLOAT, 300);
  tap_ok(f != NULL, "the freed 300 bytes can be used again");
  ht_free(HT_TAG_STR, a, 600);
  ht_free(HT_TAG_INT, b, 100);
  ht_free(HT_TAG_INT, d, 0);
  ht_free(HT_TAG_FLOAT, f, 300);

  setenv("HT_MEM_LIMIT", "1K", 1);
  ht_arena_debug_reload_env();
  a = ht_alloc(HT_TAG_BYTES, 1024);
  b = ht_alloc(HT_TAG_BYTES, 1);
  tap_ok(a != NULL && b == NULL, "HT_MEM_LIMIT=1K caps at 1024 bytes");
  ht_free(HT_TAG_BYTES, a, 1024);
  unsetenv("HT_MEM_LIMIT");
  ht_arena_debug_reload_env();
  a = ht_alloc(HT_TAG_BYTES, 1 << 20);
  tap_ok(a != NULL, "without HT_MEM_LIMIT there is no cap");
  ht_free(HT_TAG_BYTES, a, 1 << 20);
}

/* ---- the leak report ---------------------------------------------------------- */

/* Run ht_arena_shutdown with stderr captured into BUF. */
static uint64_t shutdown_captured(char *buf, size_t bufsz) {
  char path[] = "/tmp/ht-arena-debug-XXXXXX";
  int fd = mkstemp(path);
  int saved;
  uint64_t live;
  ssize_t n;

  fflush(stderr);
  saved = dup(2);
  dup2(fd, 2);
  live = ht_arena_shutdown();
  fflush(stderr);
  dup2(saved, 2);
  close(saved);
  n = pread(fd, buf, bufsz - 1, 0);
  buf[n > 0 ? n : 0] = '\0';
  close(fd);
  unlink(path);
  return live;
}

static void test_leak_report(void) {
  char msg[2048];
  void *s1, *s2, *c1, *f1;
  uint64_t live;

  tap_ok(live_blocks() == 0, "no blocks live before the leak test");
  s1 = ht_alloc(HT_TAG_STR, 10);
  s2 = ht_alloc(HT_TAG_STR, 22);
  c1 = ht_alloc(HT_TAG_CELL, 16);
  f1 = ht_alloc(HT_TAG_FRAME, 200);
  ht_free(HT_TAG_FRAME, f1, 200);
  (void)s1; (void)s2; (void)c1;  /* leaked on purpose */
  live = shutdown_captured(msg, sizeof msg);
  tap_ok(live == 3, "ht_arena_shutdown returns the 3 live blocks (%llu)",
         (unsigned long long)live);
  if (!tap_ok(strstr(msg, "tag 'str' has 2 live blocks (32 bytes)") != NULL &&
              strstr(msg, "tag 'cell' has 1 live block (16 bytes)") != NULL,
              "the report names each leaking tag with its blocks and bytes"))
    tap_diag("stderr: %s", msg);
  tap_ok(strstr(msg, "'frame'") == NULL, "and only leaking tags");

  /* The environment is read again by the next init. */
  setenv("HT_FAIL_AT", "2", 1);
  tap_ok(ht_arena_init() == 0, "init after shutdown");
  unsetenv("HT_FAIL_AT");
  s1 = ht_alloc(HT_TAG_STR, 1);
  s2 = ht_alloc(HT_TAG_STR, 1);
  tap_ok(s1 != NULL && s2 == NULL, "the new init read HT_FAIL_AT=2");
  ht_free(HT_TAG_STR, s1, 1);
  live = shutdown_captured(msg, sizeof msg);
  tap_ok(live == 0 && msg[0] == '\0', "a clean shutdown returns 0, silently");
}

int main(void) {
  unsetenv("HT_MEM_LIMIT");
  setenv("HT_FAIL_AT", "3", 1);
  tap_ok(ht_arena_init() == 0, "ht_arena_init with HT_FAIL_AT=3");
  unsetenv("HT_FAIL_AT");
  test_fail_at_init();
  ht_arena_debug_reload_env();
  test_fills();
  test_aborts();
  test_fail_at();
  test_mem_limit();
  test_leak_report();
  return tap_done();
}
