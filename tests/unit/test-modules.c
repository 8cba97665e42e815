/*
** test-modules.c -- what the language tests cannot see: the memory the
** numpy subset really takes from the arena, and what the heaptrail module
** writes into a profile.
**
**   array blocks   an ndarray is ONE ARRAY block (header + data); a row
**                  view adds only a header; copy() adds one data block.
**   prealloc       the samples' loops peak at 4 x 8 MB (rebinding) and at
**                  3 x 8 MB (del before rebinding) of live ARRAY bytes.
**   print          print() writes through vm->out.
**   marks          heaptrail.mark() logs MARK rows and heaptrail.snapshot()
**                  an 'explicit' snapshot when recording; both do nothing
**                  otherwise.
*/
#define _GNU_SOURCE 1
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "profile.h"
#include "recorder.h"
#include "snapshot.h"
#include "tap.h"
#include "vm.h"

/* The profile snapshots go to while a test records (NULL: not recording). */
static const char *snap_profile;

/* Run SRC in a fresh VM whose stdout goes to a buffer (returned in *OUT,
** to free).  KEEP != NULL: run KEEP(vm) before the VM is freed.  With
** TRACING the VM reports to the open recorder, snapshots included, as
** `heaptrail run` does.  Returns the exit status. */
static int run(const char *src, char **out, bool tracing, void (*keep)(VM *)) {
  size_t n = 0;
  char *buf = NULL;
  FILE *mem = open_memstream(&buf, &n);
  VM *vm = vm_new(0, NULL, "/tmp/test-modules.py");
  int status;
  if (!vm) {
    fclose(mem);
    free(buf);
    *out = strdup("<no vm>");
    return -1;
  }
  vm->out = mem;
  vm->tracing = tracing;
  if (tracing) snap_attach(vm, snap_profile);
  status = vm_run_main(vm, "/tmp/test-modules.py", src, strlen(src));
  if (tracing) snap_at_exit(vm);
  if (keep) keep(vm);
  vm_free(vm);
  fclose(mem);
  *out = buf;
  return status;
}

/* OUT with newlines shown as \n, for test descriptions (static buffer). */
static const char *shown(const char *out) {
  static char buf[256];
  size_t k = 0;
  for (const char *c = out; *c && k < sizeof buf - 3; c++) {
    if (*c == '\n') {
      buf[k++] = '\\';
      buf[k++] = 'n';
    } else {
      buf[k++] = *c;
    }
  }
  buf[k] = 0;
  return buf;
}

static uint64_t live_count, live_bytes;

static void snap_arrays(VM *vm) {
  (void)vm;
  live_count = ht_arena_stats(HT_TAG_ARRAY)->cur_count;
  live_bytes = ht_arena_stats(HT_TAG_ARRAY)->cur_bytes;
}

#define MB8 8000000ull

static void test_array_blocks(void) {
  char *out;
  int st = run("import numpy as np\n"
               "a = np.zeros((1000, 1000))\n"
               "print(a.nbytes)\n",
               &out, false, snap_arrays);
  tap_ok(st == 0 && strcmp(out, "8000000\n") == 0, "zeros((1000, 1000)) runs (%s)", shown(out));
  free(out);
  tap_is_int(live_count, 1, "a 1000x1000 float64 array is one ARRAY block");
  tap_ok(live_bytes >= MB8 && live_bytes < MB8 + 256,
         "its block holds header + 8 MB (%llu bytes)", (unsigned long long)live_bytes);

  st = run("import numpy as np\n"
           "a = np.ones((1000, 1000))\n"
           "row = a[3]\n"
           "b = a.copy()\n",
           &out, false, snap_arrays);
  free(out);
  tap_is_int(live_count, 3, "array + row view + copy are three ARRAY blocks");
  tap_ok(live_bytes >= 2 * MB8 && live_bytes < 2 * MB8 + 3 * 256,
         "only the array and the copy hold data (%llu bytes)",
         (unsigned long long)live_bytes);
  tap_is_int(ht_arena_stats(HT_TAG_ARRAY)->cur_count, 0, "no ARRAY block outlives the VM");
}

static const char prealloc_src[] =
  "import numpy as np\n"
  "N = 1000\n"
  "data = np.random.random((N, N))\n"
  "weights = np.ones((N, N))\n"
  "result = data.copy()\n"
  "for step in range(5):\n"
  "%s"
  "    result = data.copy()\n"
  "print(result.shape, result.nbytes)\n";

static void test_prealloc_peaks(void) {
  char src[1024], *out;
  for (int del = 0; del <= 1; del++) {
    snprintf(src, sizeof src, prealloc_src, del ? "    del result\n" : "");
    ht_arena_reset_peaks();
    int st = run(src, &out, false, NULL);
    uint64_t peak = ht_arena_stats(HT_TAG_ARRAY)->peak_bytes;
    tap_ok(st == 0 && strcmp(out, "(1000, 1000) 8000000\n") == 0, "prealloc%s runs (%s)",
           del ? "_del" : "", shown(out));
    free(out);
    uint64_t want = (del ? 3 : 4) * MB8;
    tap_ok(peak >= want && peak < want + 1024,
           "prealloc%s peaks at %d x 8 MB of ARRAY (%llu bytes)", del ? "_del" : "",
           del ? 3 : 4, (unsigned long long)peak);
  }
}

static void test_print(void) {
  char *out;
  int st = run("print('hi', 1, sep='-', end='!')\nprint()\nimport sys\n"
               "n = sys.stdout.write('w\\n')\nprint(n)\n",
               &out, false, NULL);
  tap_ok(st == 0 && strcmp(out, "hi-1!\nw\n2\n") == 0,
         "print and sys.stdout write to vm->out (%s)", shown(out));
  free(out);
}

static long long query_int(sqlite3 *db, const char *sql) {
  sqlite3_stmt *s;
  long long v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK) return -2;
  if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
  sqlite3_finalize(s);
  return v;
}

static void test_marks(void) {
  char path[] = "/tmp/test-modules-XXXXXX.db", *out, err[256];
  int fd = mkstemps(path, 3);
  ht_rec_options opts;
  ht_profile *p = NULL;
  close(fd);
  unlink(path);
  memset(&opts, 0, sizeof opts);
  opts.script = "test-modules";
  tap_ok(ht_rec_open(path, &opts) == 0, "recorder opens %s (%s)", path, ht_rec_error());
  snap_profile = path;
  int st = run("import heaptrail\n"
               "print(heaptrail.mark('alpha'), heaptrail.snapshot('beta'))\n"
               "heaptrail.mark('gamma')\n",
               &out, true, NULL);
  tap_ok(st == 0 && strcmp(out, "None None\n") == 0, "mark/snapshot return None (%s)", shown(out));
  free(out);
  tap_ok(ht_rec_close(0) == 0, "recorder closes");
  tap_ok(snap_finish(path, 1) == 0, "snapshots move into the profile");
  err[0] = 0;
  int po = ht_profile_open(&p, path, 0, err, sizeof err);
  tap_ok(po == 0, "profile opens (%s)", po == 0 ? "" : err);
  if (p) {
    sqlite3 *db = ht_profile_db(p);
    tap_is_int(query_int(db, "SELECT count(*) FROM mark WHERE label IN ('alpha','gamma')"),
               2, "two marks with the labels");
    tap_is_int(query_int(db, "SELECT count(*) FROM events e JOIN mark m ON e.obj = m.id "
                             "WHERE e.kind = 3 AND m.label IN ('alpha','gamma')"),
               2, "two MARK events naming them");
    tap_is_int(query_int(db, "SELECT count(*) FROM snapshot WHERE trigger = 'explicit' "
                             "AND label = 'beta'"),
               1, "heaptrail.snapshot('beta') took one explicit snapshot");
    tap_ok(query_int(db, "SELECT nodes FROM snapshot WHERE label = 'beta'") > 0,
           "the snapshot holds nodes");
    tap_ok(query_int(db, "SELECT seq FROM mark WHERE label = 'alpha'") <
               query_int(db, "SELECT seq FROM snapshot WHERE label = 'beta'") &&
           query_int(db, "SELECT seq FROM snapshot WHERE label = 'beta'") <
               query_int(db, "SELECT seq FROM mark WHERE label = 'gamma'"),
           "the snapshot sits between the marks in the event order");
    tap_ok(query_int(db, "SELECT min(seq) FROM mark WHERE label='alpha'") <
           query_int(db, "SELECT min(seq) FROM mark WHERE label='gamma'"),
           "marks are in script order");
    ht_profile_close(p);
  }
  unlink(path);

  st = run("import heaptrail\nprint(heaptrail.mark('x'), heaptrail.snapshot('y'))\n"
           "try:\n    heaptrail.mark(1)\nexcept TypeError as e:\n    print(e)\n",
           &out, false, NULL);
  tap_ok(st == 0 && strcmp(out, "None None\nmark() argument must be str, not int\n") == 0,
         "without a recorder mark/snapshot do nothing (%s)", shown(out));
  free(out);
}

int main(void) {
  ht_arena_init();
  test_array_blocks();
  test_prealloc_peaks();
  test_print();
  test_marks();
  return tap_done();
}
