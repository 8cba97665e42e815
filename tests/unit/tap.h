/*
** tap.h -- a minimal TAP producer for unit tests (automake's tap-driver.sh
** reads the output).  Header-only: each test program includes it once.
*/
#ifndef HT_TAP_H
#define HT_TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_n_;       /* tests run so far */
static int tap_failed_;  /* tests failed so far */

static inline void tap_plan(int n) { printf("1..%d\n", n); fflush(stdout); }

/* Report one test; returns COND so callers can chain diagnostics. */
static inline int tap_ok(int cond, const char *fmt, ...) {
  va_list ap;
  tap_n_++;
  if (!cond) tap_failed_++;
  printf("%s %d - ", cond ? "ok" : "not ok", tap_n_);
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
  fflush(stdout);
  return cond;
}

static inline void tap_diag(const char *fmt, ...) {
  va_list ap;
  printf("# ");
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
  printf("\n");
}

/* Print the plan at the end ("1..N") when the count is not known up front;
** returns the exit status for main. */
static inline int tap_done(void) {
  printf("1..%d\n", tap_n_);
  return tap_failed_ ? 1 : 0;
}

#define tap_is_int(a, b, ...) tap_ok((long long)(a) == (long long)(b), __VA_ARGS__)

#endif
