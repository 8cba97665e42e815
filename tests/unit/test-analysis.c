/*
** test-analysis.c -- the analyses (alloc/analysis.h) on synthetic profiles.
**
** Each profile is recorded through the recorder API the way the VM does it:
** code locations and stack nodes are interned, a stack callback names the
** current node, the tagged arena allocates with the recorder on, marks are
** logged.  So every expectation is exact: the peak of the prealloc pattern is
** 4 buffers against 3 for its `del` variant, the advice names the line, and
** so on.  Seqs are read back with ht_rec_seq() after each event (the recorder
** may slip SAMPLE events in before any event).
**
** A random workload checks the exact peak search and the live sets against a
** brute-force replay kept by the test itself.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "analysis.h"
#include "arena.h"
#include "recorder.h"
#include "tap.h"

/* ---- scratch files ---- */

static char ru_dir[512];   /* scratch folder, removed at exit unless HT_KEEP_TMP */

static void ru_cleanup(void) {
  char cmd[600];
  if (ru_dir[0] && !getenv("HT_KEEP_TMP")) {
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", ru_dir);
    if (system(cmd)) {}
  }
}

static void ru_tmpdir(void) {
  const char *base = getenv("TMPDIR");
  snprintf(ru_dir, sizeof ru_dir, "%s/ht-ana-XXXXXX", base && *base ? base : "/tmp");
  if (!mkdtemp(ru_dir)) {
    perror("mkdtemp");
    exit(99);
  }
  atexit(ru_cleanup);
}

/* NAME inside the scratch folder (one of 8 rotating buffers). */
static char *ru_path(const char *name) {
  static char buf[8][700];
  static int k;
  char *p = buf[k++ & 7];
  snprintf(p, 700, "%s/%s", ru_dir, name);
  return p;
}

static void ru_write_file(const char *path, const void *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, n, f) != n || fclose(f)) {
    perror(path);
    exit(99);
  }
}

/* A command line for the ht_cmd_* functions (they take char **). */
#define ARGV(...) ((char *[]){ __VA_ARGS__, NULL })
#define S(x) ((char *)(x))

#define MB 1000000

static char script_path[700];
static uint32_t cur;   /* the current stack node */
static uint32_t stack_fn(void *ud) {
  (void)ud;
  return cur;
}

static void begin(const char *name) {
  ht_rec_options o;
  memset(&o, 0, sizeof o);
  o.script = script_path;
  o.argv = "test";
  if (ht_rec_open(ru_path(name), &o)) {
    fprintf(stderr, "ht_rec_open: %s\n", ht_rec_error());
    exit(99);
  }
  ht_rec_set_stack_fn(stack_fn, NULL);
  cur = 0;
}

static void end(void) {
  ht_rec_set_stack_fn(NULL, NULL);
  if (ht_rec_close(0)) {
    fprintf(stderr, "ht_rec_close: %s\n", ht_rec_error());
    exit(99);
  }
}

static uint64_t last_seq(void) { return ht_rec_seq() - 1; }

static ht_ana *open_ana(const char *name) {
  ht_ana *a;
  char err[1024];
  if (ht_ana_open(&a, ru_path(name), err, sizeof err)) {
    tap_diag("ht_ana_open: %s", err);
    return NULL;
  }
  return a;
}

static ht_report *build_report(ht_ana *a) {
  ht_report *r;
  char err[1024];
  if (ht_report_build(a, NULL, &r, err, sizeof err)) {
    tap_diag("ht_report_build: %s", err);
    return NULL;
  }
  return r;
}

static int count_findings(const ht_report *r, ht_finding_kind k) {
  int n = 0;
  for (size_t i = 0; i < r->nfindings; i++) n += r->findings[i].kind == k;
  return n;
}

static const ht_finding *finding(const ht_report *r, ht_finding_kind k) {
  for (size_t i = 0; i < r->nfindings; i++)
    if (r->findings[i].kind == k) return &r->findings[i];
  return NULL;
}

/* Run FN with stdout sent to PATH; returns its status. */
static int run_to_file(int (*fn)(int, char **), int argc, char **argv, const char *path) {
  fflush(stdout);
  int saved = dup(1);
  FILE *f = fopen(path, "w");
  dup2(fileno(f), 1);
  int rc = fn(argc, argv);
  fflush(stdout);
  dup2(saved, 1);
  close(saved);
  fclose(f);
  return rc;
}

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  size_t got = fread(b, 1, (size_t)n, f);
  b[got] = 0;
  fclose(f);
  return b;
}

/* Does PATH hold valid JSON (python3's json module decides)? -1: no python. */
static int json_valid(const char *path) {
  const char *py = getenv("PYTHON3");
  if (!py || !*py) py = "python3";
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", py);
  if (system(cmd)) return -1;
  snprintf(cmd, sizeof cmd, "%s -c 'import json,sys; json.load(sys.stdin)' < '%s'", py, path);
  return system(cmd) == 0;
}

/* ---- the prealloc pattern ---- */

typedef struct prealloc_seqs {
  uint64_t peak_seq;           /* ALLOC that first reached the peak */
  uint32_t line11;             /* node of the reassignment line */
} prealloc_seqs;

/* prealloc.py (DEL = 0) or prealloc_del.py (DEL = 1), with 1 MB buffers:
**   7 data = ...; 8 weights = ...; 9 result = data.copy()
**   10 for step in range(5):   [10 del result]
**   11     result = data.copy()
** The loop variable is a 32-byte INT rebound on each pass. */
static void record_prealloc(const char *name, int del, prealloc_seqs *out) {
  begin(name);
  uint32_t mod = ht_rec_code(script_path, "<module>", 1);
  uint32_t l7 = ht_rec_stack(0, mod, 7), l8 = ht_rec_stack(0, mod, 8), l9 = ht_rec_stack(0, mod, 9);
  uint32_t l10 = ht_rec_stack(0, mod, 10), l11 = ht_rec_stack(0, mod, 11);
  out->line11 = l11;
  out->peak_seq = UINT64_MAX;
  cur = l7;
  void *data = ht_alloc(HT_TAG_ARRAY, MB);
  cur = l8;
  void *weights = ht_alloc(HT_TAG_ARRAY, MB);
  cur = l9;
  void *result = ht_alloc(HT_TAG_ARRAY, MB);
  void *step = NULL;
  for (int i = 0; i < 5; i++) {
    cur = l10;
    void *ns = ht_alloc(HT_TAG_INT, 32);
    if (step) ht_free(HT_TAG_INT, step, 32);
    step = ns;
    if (del) {
      ht_free(HT_TAG_ARRAY, result, MB);   /* del result, at line 10 */
      result = NULL;
    }
    cur = l11;
    void *meth = ht_alloc(HT_TAG_METHOD, 48);   /* data.copy */
    void *nr = ht_alloc(HT_TAG_ARRAY, MB);
    if (i == 0) out->peak_seq = last_seq();
    ht_free(HT_TAG_METHOD, meth, 48);
    if (result) ht_free(HT_TAG_ARRAY, result, MB);   /* the store drops the old value */
    result = nr;
  }
  cur = 0;
  ht_rec_mark(HT_TEARDOWN_MARK);
  ht_free(HT_TAG_INT, step, 32);
  ht_free(HT_TAG_ARRAY, result, MB);
  ht_free(HT_TAG_ARRAY, weights, MB);
  ht_free(HT_TAG_ARRAY, data, MB);
  end();
}

static void test_prealloc(void) {
  prealloc_seqs s1, s2;
  record_prealloc("prealloc.db", 0, &s1);
  record_prealloc("prealloc_del.db", 1, &s2);
  ht_ana *a = open_ana("prealloc.db"), *b = open_ana("prealloc_del.db");
  if (!tap_ok(a && b, "prealloc profiles open")) exit(1);
  ht_report *r = build_report(a), *rd = build_report(b);
  if (!tap_ok(r && rd, "prealloc reports build")) exit(1);

  /* Peaks: 4 buffers (+ the loop int + the bound method) vs 3 (+ int). */
  tap_is_int(r->peak_objects.bytes, 4 * MB + 32 + 48, "prealloc: object peak is 4 buffers + int + method");
  tap_is_int(r->peak_objects.seq, (long long)s1.peak_seq, "prealloc: peak at the new buffer's ALLOC");
  tap_is_int(r->peak_objects.stack, s1.line11, "prealloc: peak's innermost line is the reassignment");
  tap_is_int(rd->peak_objects.bytes, 3 * MB + 80, "prealloc_del: object peak is 3 buffers + int + method");
  tap_is_int(rd->peak_objects.seq, (long long)s2.peak_seq, "prealloc_del: peak at line 11 too");
  tap_is_int(r->peak_all.bytes, r->peak_objects.bytes, "prealloc: no internal tags, same total peak");
  char buf[800];
  ht_ana_frame_str(a, r->peak_objects.stack, 1, buf, sizeof buf);
  tap_ok(!strcmp(buf, "prog.py:11 in <module>"), "peak frame reads '%s'", buf);

  /* Sites at the peak: lines 7, 8, 9 and 11 hold one buffer each. */
  int lines_seen = 0;
  for (size_t i = 0; i < r->at_peak.n; i++)
    if (r->at_peak.v[i].tag == HT_TAG_ARRAY && r->at_peak.v[i].bytes == MB) lines_seen++;
  tap_is_int(lines_seen, 4, "prealloc: four 1 MB array sites alive at the peak");
  tap_ok(r->at_peak.v[0].bytes == MB && r->at_peak.v[0].count == 1, "sites sorted by bytes");

  /* Per tag. */
  const ht_tag_summary *arr = NULL;
  for (int i = 0; i < r->ntags; i++)
    if (r->tags[i].tag == HT_TAG_ARRAY) arr = &r->tags[i];
  tap_ok(arr && arr->allocs == 8 && arr->alloc_bytes == 8 * MB && arr->peak_bytes == 4 * MB &&
             arr->at_peak_count == 4 && arr->exit_count == 3 && arr->exit_bytes == 3 * MB,
         "prealloc: array row (8 allocs, peak 4 MB, 4 at the peak, 3 at exit)");
  tap_ok(r->at_teardown && r->exit_seq >= 0, "exit is the teardown mark");

  /* Advice: the rebinding overlap at line 11, worth one buffer. */
  const ht_finding *f = finding(r, HT_FIND_REBIND);
  tap_is_int(count_findings(r, HT_FIND_REBIND), 1, "prealloc: one rebinding finding");
  tap_ok(f && f->line == 11 && f->old_bytes == MB && f->new_bytes == MB,
         "rebinding names line 11, old and new 1 MB");
  tap_is_int(r->temp_count, 0, "prealloc: no temporaries (teardown frees do not count)");
  tap_ok(f && f->exact && f->peak_before == 4 * MB + 80 && f->peak_after == 3 * MB + 80 && f->bytes == MB,
         "del before line 11 lowers the peak by 1 MB (%lld -> %lld)", f ? (long long)f->peak_before : -1,
         f ? (long long)f->peak_after : -1);
  if (f) {
    ht_finding_text(a, f, buf, sizeof buf);
    tap_ok(strstr(buf, "prog.py:11 in <module>") && strstr(buf, "1.0 MB") && strstr(buf, "del") &&
               strstr(buf, "from 4.0 MB to 3.0 MB"),
           "finding text names file:line and bytes: %s", buf);
  } else {
    tap_ok(0, "finding text");
  }
  tap_is_int(count_findings(rd, HT_FIND_REBIND), 0, "prealloc_del: no rebinding finding");

  /* Flame graph at the peak. */
  char err[1024];
  const char *fp = ru_path("flame.txt");
  FILE *fo = fopen(fp, "w");
  tap_ok(ht_flame_write(a, HT_FLAME_PEAK, 0, fo, err, sizeof err) == 0, "flame --metric peak");
  fclose(fo);
  char *fl = slurp(fp);
  tap_ok(fl && strstr(fl, "<module> (prog.py:11) 1000048\n") && strstr(fl, "<module> (prog.py:9) 1000000\n") &&
             strstr(fl, "<module> (prog.py:10) 32\n"),
         "folded stacks at the peak");
  if (fl && !strstr(fl, "<module> (prog.py:11) 1000048\n")) tap_diag("flame output: %s", fl);
  free(fl);
  fo = fopen(fp, "w");
  tap_ok(ht_flame_write(a, HT_FLAME_TOTAL, HT_FLAME_TAGS, fo, err, sizeof err) == 0, "flame --metric total");
  fclose(fo);
  fl = slurp(fp);
  tap_ok(fl && strstr(fl, "<module> (prog.py:11);[array] 5000000\n") &&
             strstr(fl, "<module> (prog.py:11);[method] 240\n"),
         "folded totals with tags");
  free(fl);

  /* Diff: the 1 MB difference at the reassignment line. */
  ht_diff *d;
  tap_ok(ht_diff_build(a, b, &d, err, sizeof err) == 0, "diff builds");
  tap_is_int(d->peak[1].bytes - d->peak[0].bytes, -MB, "diff: peak change -1 MB");
  tap_ok(d->peak[0].stack == s1.line11 && d->peak[1].stack == s2.line11, "diff: both peaks at line 11");
  tap_ok(d->nrebind[0] == 1 && d->nrebind[1] == 0 && d->rebind[0][0].line == 11 && d->rebind[0][0].bytes == MB,
         "diff: the rebinding overlap at line 11 (1 MB) is in A only");
  const ht_diff_row *row9 = NULL, *row11 = NULL;
  for (size_t i = 0; i < d->nrows; i++) {
    if (strstr(d->rows[i].key, "<script>:9:<module>") && d->rows[i].tag_a == HT_TAG_ARRAY) row9 = &d->rows[i];
    if (strstr(d->rows[i].key, "<script>:11:<module>") && d->rows[i].tag_a == HT_TAG_ARRAY) row11 = &d->rows[i];
  }
  tap_ok(row9 && row9->peak_bytes[0] == MB && row9->peak_bytes[1] == 0 && row9 == &d->rows[0],
         "diff: the old value (line 9) is the largest change at the peak");
  tap_ok(row11 && row11->peak_bytes[0] == MB && row11->peak_bytes[1] == MB && row11->allocs[0] == 5 &&
             row11->allocs[1] == 5,
         "diff: line 11 holds 1 MB at both peaks, 5 allocs each");
  tap_ok(d->nrows && d->rows[0].peak_bytes[0] != d->rows[0].peak_bytes[1], "diff rows sorted by peak change");
  const char *dp = ru_path("diff.json");
  fo = fopen(dp, "w");
  tap_ok(ht_diff_print_json(a, b, d, fo) == 0, "diff json written");
  fclose(fo);
  int v = json_valid(dp);
  if (v < 0) tap_ok(1, "# SKIP no python3 to check the diff JSON");
  else tap_ok(v == 1, "diff JSON parses");
  ht_diff_free(d);

  /* Report JSON parses, and carries schema and version. */
  const char *rp = ru_path("report.json");
  fo = fopen(rp, "w");
  tap_ok(ht_report_print_json(a, r, fo) == 0, "report json written");
  fclose(fo);
  char *js = slurp(rp);
  tap_ok(js && strstr(js, "\"schema\": \"heaptrail.report\"") && strstr(js, "\"version\": 1") &&
             strstr(js, "\"kind\": \"rebinding-overlap\""),
         "report JSON has schema, version and the finding");
  free(js);
  v = json_valid(rp);
  if (v < 0) tap_ok(1, "# SKIP no python3 to check the report JSON");
  else tap_ok(v == 1, "report JSON parses");
  fo = fopen(ru_path("report.txt"), "w");
  ht_report_print_text(a, r, fo);
  fclose(fo);
  char *txt = slurp(ru_path("report.txt"));
  tap_ok(txt && strstr(txt, "Peak of live bytes") && strstr(txt, "prog.py:11 in <module>") &&
             strstr(txt, "[rebinding-overlap]"),
         "text report has the peak and the advice");
  free(txt);
  ht_report_free(r);
  ht_report_free(rd);
  ht_ana_close(a);
  ht_ana_close(b);
}

/* The reassignment in a long loop: every pass reaches the same peak, so the
** live bytes sit on a plateau of hundreds of series buckets; the what-if
** search must still give the exact figure. */
static void test_rebind_plateau(void) {
  begin("plateau.db");
  uint32_t mod = ht_rec_code(script_path, "<module>", 1);
  uint32_t l5 = ht_rec_stack(0, mod, 5), l6 = ht_rec_stack(0, mod, 6), l7 = ht_rec_stack(0, mod, 7);
  cur = l5;
  ht_rec_event(HT_EV_ALLOC, HT_TAG_LIST, 0x10000, 0, 50000);           /* data */
  uint64_t old = 0x20000;
  ht_rec_event(HT_EV_ALLOC, HT_TAG_LIST, old, 0, 50000);              /* result */
  for (int i = 0; i < 6000; i++) {
    cur = l6;
    ht_rec_event(HT_EV_ALLOC, HT_TAG_INT, 0x30000 + 64 * (uint64_t)(i % 2), 0, 32);
    if (i) ht_rec_event(HT_EV_FREE, HT_TAG_INT, 0x30000 + 64 * (uint64_t)((i + 1) % 2), 0, 32);
    cur = l7;
    uint64_t nw = old == 0x20000 ? 0x40000 : 0x20000;
    ht_rec_event(HT_EV_ALLOC, HT_TAG_LIST, nw, 0, 50000);             /* result = f(data) */
    ht_rec_event(HT_EV_FREE, HT_TAG_LIST, old, 0, 50000);
    old = nw;
  }
  end();
  ht_ana *a = open_ana("plateau.db");
  ht_report *r = a ? build_report(a) : NULL;
  if (!tap_ok(r != NULL, "plateau report builds")) exit(1);
  const ht_finding *f = finding(r, HT_FIND_REBIND);
  tap_ok(a->nbuckets > 300, "the loop spans %lld buckets", (long long)a->nbuckets);
  tap_ok(f && f->line == 7 && f->exact && f->peak_before == 150032 && f->peak_after == 100064 &&
             f->bytes == 49968,
         "plateau: exact what-if at line 7 (%lld -> %lld)", f ? (long long)f->peak_before : -1,
         f ? (long long)f->peak_after : -1);
  ht_report_free(r);
  ht_ana_close(a);
}

/* ---- churn ---- */

/* functionA(n) makes an inner function per call (line 7) and calls it
** (line 9); functionB calls a module-level one.  KEEP: the inner functions
** are kept in a list instead of freed (no churn: they accumulate). */
static void record_churn(const char *name, int calls, int keep) {
  begin(name);
  uint32_t mod = ht_rec_code(script_path, "<module>", 1);
  uint32_t fa = ht_rec_code(script_path, "functionA", 6);
  uint32_t inner = ht_rec_code(script_path, "functionA.<locals>._innerFunction", 7);
  uint32_t fb = ht_rec_code(script_path, "functionB", 16);
  uint32_t outer = ht_rec_code(script_path, "_outerFunction", 12);
  uint32_t l6 = ht_rec_stack(0, mod, 6), l12 = ht_rec_stack(0, mod, 12), l16 = ht_rec_stack(0, mod, 16);
  uint32_t l24 = ht_rec_stack(0, mod, 24), l27 = ht_rec_stack(0, mod, 27);
  uint32_t a7 = ht_rec_stack(l24, fa, 7), a9 = ht_rec_stack(l24, fa, 9);
  uint32_t i8 = ht_rec_stack(a9, inner, 8);
  uint32_t b17 = ht_rec_stack(l27, fb, 17);
  uint32_t o13 = ht_rec_stack(b17, outer, 13);
  void **kept = calloc((size_t)calls, sizeof *kept);
  /* Module-level defs: one FUNCTION each, alive to the end. */
  cur = l6;
  void *fA = ht_alloc(HT_TAG_FUNCTION, 144);
  cur = l12;
  void *fO = ht_alloc(HT_TAG_FUNCTION, 144);
  cur = l16;
  void *fB = ht_alloc(HT_TAG_FUNCTION, 144);
  for (int i = 0; i < calls; i++) {
    cur = l24;
    void *frame = ht_alloc(HT_TAG_FRAME, 400);
    cur = a7;
    void *fn = ht_alloc(HT_TAG_FUNCTION, 144);
    cur = a9;
    void *f2 = ht_alloc(HT_TAG_FRAME, 300);
    cur = i8;
    void *res = ht_alloc(HT_TAG_INT, 32);
    cur = a9;
    ht_free(HT_TAG_FRAME, f2, 300);
    if (keep) kept[i] = fn;
    else ht_free(HT_TAG_FUNCTION, fn, 144);   /* dropped at return */
    cur = l24;
    ht_free(HT_TAG_FRAME, frame, 400);
    ht_free(HT_TAG_INT, res, 32);
  }
  for (int i = 0; i < calls; i++) {
    cur = l27;
    void *frame = ht_alloc(HT_TAG_FRAME, 400);
    cur = b17;
    void *f2 = ht_alloc(HT_TAG_FRAME, 300);
    cur = o13;
    void *res = ht_alloc(HT_TAG_INT, 32);
    cur = b17;
    ht_free(HT_TAG_FRAME, f2, 300);
    cur = l27;
    ht_free(HT_TAG_FRAME, frame, 400);
    ht_free(HT_TAG_INT, res, 32);
  }
  cur = 0;
  ht_rec_mark(HT_TEARDOWN_MARK);
  for (int i = 0; i < calls; i++)
    if (kept[i]) ht_free(HT_TAG_FUNCTION, kept[i], 144);
  free(kept);
  ht_free(HT_TAG_FUNCTION, fA, 144);
  ht_free(HT_TAG_FUNCTION, fO, 144);
  ht_free(HT_TAG_FUNCTION, fB, 144);
  end();
}

static void test_churn(void) {
  record_churn("churn.db", 50, 0);
  record_churn("kept.db", 50, 1);
  ht_ana *a = open_ana("churn.db"), *k = open_ana("kept.db");
  ht_report *r = a ? build_report(a) : NULL, *rk = k ? build_report(k) : NULL;
  if (!tap_ok(r && rk, "churn reports build")) exit(1);
  const ht_finding *f = finding(r, HT_FIND_CHURN);
  tap_is_int(count_findings(r, HT_FIND_CHURN), 1, "churn: exactly one churn finding (functionB has none)");
  tap_ok(f && f->line == 7 && f->tag == HT_TAG_FUNCTION && f->count == 50 && f->max_alive == 1 &&
             f->bytes == 50 * 144,
         "churn: line 7, 50 function objects, at most 1 alive");
  char buf[1024];
  if (f) {
    ht_finding_text(a, f, buf, sizeof buf);
    tap_ok(strstr(buf, "prog.py:7 in functionA") && strstr(buf, "50 function objects"), "churn text: %s", buf);
  } else {
    tap_ok(0, "churn text");
  }
  tap_is_int(count_findings(rk, HT_FIND_CHURN), 0, "kept functions (50 alive at once): no churn finding");
  /* Temporaries: each call's INT result is allocated, then a frame is
  ** freed, then it is freed -- no allocation in between. */
  tap_is_int(r->temp_count, 100, "temporaries: the 100 int results");
  ht_report_free(r);
  ht_report_free(rk);
  ht_ana_close(a);
  ht_ana_close(k);
}

/* ---- growth ---- */

static void record_growth(const char *name, int appends) {
  begin(name);
  uint32_t mod = ht_rec_code(script_path, "<module>", 1);
  uint32_t l5 = ht_rec_stack(0, mod, 5), l9 = ht_rec_stack(0, mod, 9);
  cur = l5;
  void *list = ht_alloc(HT_TAG_LIST, 56);
  void *items = NULL;
  size_t cap = 0, len = 0;
  for (int i = 0; i < appends; i++) {
    cur = l9;
    if (len == cap) {   /* CPython's growth pattern */
      size_t ncap = (len + 1 + ((len + 1) >> 3) + 6) & ~(size_t)3;
      items = ht_realloc(HT_TAG_LIST, items, cap * 8, ncap * 8);
      cap = ncap;
    }
    len++;
  }
  cur = 0;
  ht_rec_mark(HT_TEARDOWN_MARK);
  ht_free(HT_TAG_LIST, items, cap * 8);
  ht_free(HT_TAG_LIST, list, 56);
  end();
}

static void test_growth(void) {
  record_growth("growth.db", 100);
  record_growth("small.db", 10);
  ht_ana *a = open_ana("growth.db"), *s = open_ana("small.db");
  ht_report *r = a ? build_report(a) : NULL, *rs = s ? build_report(s) : NULL;
  if (!tap_ok(r && rs, "growth reports build")) exit(1);
  const ht_finding *f = finding(r, HT_FIND_GROWTH);
  tap_ok(f && f->line == 9 && f->count == 11, "growth: 100 appends reallocate 11 times at line 9 (%lld)",
         f ? (long long)f->count : -1);
  tap_is_int(count_findings(rs, HT_FIND_GROWTH), 0, "10 appends (2 reallocs): no growth finding");
  /* The list's array counts at its size at each moment: at exit it is the
  ** last size. */
  tap_ok(r->peak_objects.bytes == 56 + 108 * 8, "peak includes the resized array (%lld)",
         (long long)r->peak_objects.bytes);
  ht_report_free(r);
  ht_report_free(rs);
  ht_ana_close(a);
  ht_ana_close(s);
}

/* ---- retention ---- */

/* make_multiplier_of(n) called 5 times from a comprehension: a cell (line 4)
** and a function (line 5) per call, kept alive by a list (RETAIN), or freed
** before exit. */
static void record_closures(const char *name, int retain) {
  begin(name);
  uint32_t mod = ht_rec_code(script_path, "<module>", 1);
  uint32_t lc = ht_rec_code(script_path, "<listcomp>", 10);
  uint32_t mk = ht_rec_code(script_path, "make_multiplier_of", 4);
  uint32_t l10 = ht_rec_stack(0, mod, 10);
  uint32_t c10 = ht_rec_stack(l10, lc, 10);
  uint32_t m4 = ht_rec_stack(c10, mk, 4), m5 = ht_rec_stack(c10, mk, 5);
  void *cells[5], *fns[5];
  cur = l10;
  void *list = ht_alloc(HT_TAG_LIST, 56);
  for (int i = 0; i < 5; i++) {
    cur = c10;
    void *frame = ht_alloc(HT_TAG_FRAME, 400);
    cur = m4;
    cells[i] = ht_alloc(HT_TAG_CELL, 48);
    cur = m5;
    fns[i] = ht_alloc(HT_TAG_FUNCTION, 144);
    cur = c10;
    ht_free(HT_TAG_FRAME, frame, 400);
  }
  if (!retain) {
    cur = l10;
    for (int i = 0; i < 5; i++) {
      ht_free(HT_TAG_FUNCTION, fns[i], 144);
      ht_free(HT_TAG_CELL, cells[i], 48);
    }
  }
  cur = 0;
  ht_rec_mark(HT_TEARDOWN_MARK);
  if (retain)
    for (int i = 0; i < 5; i++) {
      ht_free(HT_TAG_FUNCTION, fns[i], 144);
      ht_free(HT_TAG_CELL, cells[i], 48);
    }
  ht_free(HT_TAG_LIST, list, 56);
  end();
}

static void test_retention(void) {
  record_closures("closures.db", 1);
  record_closures("released.db", 0);
  ht_ana *a = open_ana("closures.db"), *b = open_ana("released.db");
  ht_report *r = a ? build_report(a) : NULL, *rb = b ? build_report(b) : NULL;
  if (!tap_ok(r && rb, "closure reports build")) exit(1);
  const ht_finding *f = finding(r, HT_FIND_RETENTION);
  tap_ok(f && f->line == 4 && f->count == 5 && f->cell_bytes == 5 * 48 && f->along_count == 5 &&
             f->along_bytes == 5 * 144,
         "retention: 5 cells of make_multiplier_of alive at exit, with 5 functions");
  char buf[1024];
  if (f) {
    ht_finding_text(a, f, buf, sizeof buf);
    tap_ok(strstr(buf, "prog.py:4 in make_multiplier_of") && strstr(buf, "heap snapshot"),
           "retention text says what the log cannot: %s", buf);
  } else {
    tap_ok(0, "retention text");
  }
  tap_is_int(count_findings(rb, HT_FIND_RETENTION), 0, "cells released before exit: no retention finding");
  tap_is_int(count_findings(r, HT_FIND_CHURN), 0, "5 closures: no churn finding");
  ht_report_free(r);
  ht_report_free(rb);
  ht_ana_close(a);
  ht_ana_close(b);
}

/* ---- leaks ---- */

static void record_leaks(const char *name) {
  begin(name);
  uint32_t mod = ht_rec_code(script_path, "<module>", 1);
  uint32_t f = ht_rec_code(script_path, "work", 3);
  uint32_t l20 = ht_rec_stack(0, mod, 20), l22 = ht_rec_stack(0, mod, 22);
  uint32_t w4 = ht_rec_stack(l20, f, 4), w5 = ht_rec_stack(l20, f, 5);
  cur = 0;
  void *boot = ht_alloc(HT_TAG_STR, 100);             /* VM start-up: no script frame */
  cur = l20;
  void *before = ht_alloc(HT_TAG_DICT, 232);          /* alive at exit, not between */
  void *ast = ht_alloc(HT_TAG_AST, 5000);             /* internal, never a leak */
  ht_rec_mark("start");
  void *lists[3];
  cur = w4;
  for (int i = 0; i < 3; i++) lists[i] = ht_alloc(HT_TAG_LIST, 88);
  cur = w5;
  void *d = ht_alloc(HT_TAG_DICT, 640);
  void *comp = ht_alloc(HT_TAG_COMPILER, 700);
  ht_free(HT_TAG_LIST, lists[0], 88);
  ht_free(HT_TAG_LIST, lists[1], 88);
  cur = l20;
  ht_rec_mark("end");
  cur = l22;
  ht_free(HT_TAG_LIST, lists[2], 88);                 /* freed after "end" */
  cur = 0;
  ht_rec_mark(HT_TEARDOWN_MARK);
  ht_free(HT_TAG_DICT, d, 640);
  ht_free(HT_TAG_DICT, before, 232);
  ht_free(HT_TAG_AST, ast, 5000);
  ht_free(HT_TAG_COMPILER, comp, 700);
  ht_free(HT_TAG_STR, boot, 100);
  end();
}

static void test_leaks(void) {
  record_leaks("leaks.db");
  ht_ana *a = open_ana("leaks.db");
  if (!tap_ok(a != NULL, "leaks profile opens")) exit(1);
  ht_leaks *l;
  char err[1024];
  ht_leaks_opts between = { "start", "end" };
  tap_ok(ht_leaks_build(a, &between, &l, err, sizeof err) == 0, "leaks --between start end");
  tap_ok(l->count == 2 && l->bytes == 88 + 640, "between: 1 list + 1 dict still alive at end (%lld B)",
         (long long)l->bytes);
  tap_ok(l->objects.n == 2 && l->objects.v[0].tag == HT_TAG_DICT && l->objects.v[1].tag == HT_TAG_LIST,
         "between: two groups, dict first (largest)");
  tap_ok(l->internal_count == 1 && l->internal_bytes == 700, "between: the compiler block is internal");
  tap_ok(l->startup_count == 0, "between: nothing from the start-up");
  tap_ok(!l->retainers && strstr(l->retainers_note, "heap snapshot"), "retainers: said to be unavailable");
  ht_leaks_free(l);
  tap_ok(ht_leaks_build(a, NULL, &l, err, sizeof err) == 0, "leaks at exit");
  tap_ok(l->at_teardown && l->count == 2 && l->bytes == 232 + 640, "at exit: the two dicts (%lld B)",
         (long long)l->bytes);
  tap_ok(l->internal_count == 2 && l->internal_bytes == 5700, "at exit: ast and compiler are internal");
  tap_ok(l->startup_count == 1 && l->startup_bytes == 100 && l->startup.n == 1,
         "at exit: the start-up string (no script frame) is listed apart");
  ht_leaks_free(l);
  ht_leaks_opts bad = { "start", "nosuch" };
  tap_ok(ht_leaks_build(a, &bad, &l, err, sizeof err) == -1 && strstr(err, "no mark \"nosuch\"") &&
             strstr(err, "\"start\""),
         "unknown mark: %s", err);
  ht_ana_close(a);

  /* The command: --fail-on, formats. */
  char *path = ru_path("leaks.db");
  const char *outp = ru_path("leaks.out");
  char **argv1 = ARGV(S("leaks"), path, S("--fail-on"), S("800"));
  tap_is_int(run_to_file(ht_cmd_leaks, 4, argv1, outp), 1, "--fail-on 800: 872 B leaked, status 1");
  char **argv2 = ARGV(S("leaks"), path, S("--fail-on=1k"));
  tap_is_int(run_to_file(ht_cmd_leaks, 3, argv2, outp), 0, "--fail-on 1k: status 0");
  char **argv3 = ARGV(S("leaks"), path, S("--between"), S("start"), S("end"), S("--fail-on"), S("727"));
  tap_is_int(run_to_file(ht_cmd_leaks, 7, argv3, outp), 1, "--between with --fail-on 727: status 1");
  char **argv4 = ARGV(S("leaks"), path, S("--format"), S("json"), S("-o"), ru_path("leaks.json"));
  tap_is_int(run_to_file(ht_cmd_leaks, 6, argv4, outp), 0, "--format json -o FILE");
  int v = json_valid(ru_path("leaks.json"));
  if (v < 0) tap_ok(1, "# SKIP no python3");
  else tap_ok(v == 1, "leaks JSON parses");
  char *js = slurp(ru_path("leaks.json"));
  tap_ok(js && strstr(js, "\"schema\": \"heaptrail.leaks\"") && strstr(js, "\"retainers_available\": false"),
         "leaks JSON: schema and retainers flag");
  free(js);
  char **argv5 = ARGV(S("leaks"), path, S("--format=html"));
  tap_is_int(run_to_file(ht_cmd_leaks, 3, argv5, outp), 0, "--format html");
  char *html = slurp(outp);
  tap_ok(html && !strncmp(html, "<!DOCTYPE html>", 15) && strstr(html, "</html>") && !strstr(html, "http") &&
             strstr(html, "&lt;module&gt;"),
         "HTML is a self-contained page, names escaped");
  free(html);
  char **argv6 = ARGV(S("leaks"), path, S("--format"), S("xml"));
  tap_is_int(run_to_file(ht_cmd_leaks, 4, argv6, outp), 2, "unknown format: usage error");
  char **argv7 = ARGV(S("leaks"));
  tap_is_int(run_to_file(ht_cmd_leaks, 1, argv7, outp), 2, "no file: usage error");
  char **argv8 = ARGV(S("report"), path, S("--format"), S("json"));
  tap_is_int(run_to_file(ht_cmd_report, 4, argv8, outp), 0, "report --format json");
  v = json_valid(outp);
  if (v < 0) tap_ok(1, "# SKIP no python3");
  else tap_ok(v == 1, "report JSON (command) parses");
}

/* ---- temporaries with a window ---- */

static void test_temporaries(void) {
  begin("temps.db");
  uint32_t mod = ht_rec_code(script_path, "<module>", 1);
  uint32_t l1 = ht_rec_stack(0, mod, 1), l2 = ht_rec_stack(0, mod, 2);
  cur = l1;
  void *a = ht_alloc(HT_TAG_STR, 50);
  ht_free(HT_TAG_STR, a, 50);                         /* temporary */
  cur = l2;
  void *b = ht_alloc(HT_TAG_STR, 60);
  void *c = ht_alloc(HT_TAG_INT, 32);
  ht_free(HT_TAG_STR, b, 60);                         /* not by heaptrack's rule; within 2 events */
  ht_free(HT_TAG_INT, c, 32);                         /* temporary: nothing allocated since */
  end();
  ht_ana *an = open_ana("temps.db");
  ht_report *r;
  char err[1024];
  ht_report_opts o;
  ht_report_defaults(&o);
  tap_ok(an && ht_report_build(an, &o, &r, err, sizeof err) == 0, "temps report");
  tap_ok(r->temp_count == 2 && r->temp_bytes == 82, "heaptrack's rule: 2 temporaries (%lld)",
         (long long)r->temp_count);
  ht_report_free(r);
  o.temp_window = 2;
  tap_ok(ht_report_build(an, &o, &r, err, sizeof err) == 0, "temps report, window 2");
  tap_ok(r->temp_count == 3 && r->temp_bytes == 142, "with --temp-window 2: 3 temporaries");
  ht_report_free(r);
  ht_ana_close(an);
}

/* ---- the exact peak against a brute-force replay ---- */

static void test_random_peak(void) {
  enum { NLIVE = 4096, NEV = 300000 };
  begin("random.db");
  uint32_t mod = ht_rec_code(script_path, "<module>", 1);
  uint32_t nodes[16];
  for (int i = 0; i < 16; i++) nodes[i] = ht_rec_stack(i ? nodes[i / 2] : 0, mod, (uint32_t)(100 + i));
  void *ptr[NLIVE] = { 0 };
  size_t sz[NLIVE];
  int tg[NLIVE];
  int64_t live_obj = 0, live_all = 0, best_obj = -1, best_all = -1;
  uint64_t best_obj_seq = 0, best_all_seq = 0;
  uint64_t probe_seq[4] = { 0 };
  int64_t probe_bytes[4] = { 0 };
  uint64_t rng = 12345;
  for (int k = 0; k < NEV; k++) {
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    int slot = (int)(rng % NLIVE);
    cur = nodes[(rng >> 20) % 16];
    /* Drift: the live set grows for a while, then shrinks, then grows. */
    int phase = (k / 50000) % 2;
    if (!ptr[slot]) {
      if (phase == 1 && (rng >> 40) % 3) continue;
      int tag = (rng >> 32) % 5 == 0 ? HT_TAG_AST : ((rng >> 32) % 5 == 1 ? HT_TAG_LIST : HT_TAG_STR);
      size_t size = 16 + (rng >> 44) % 2000;
      ptr[slot] = ht_alloc(tag, size);
      sz[slot] = size;
      tg[slot] = tag;
      live_all += (int64_t)size;
      if (tag != HT_TAG_AST) live_obj += (int64_t)size;
    } else if (tg[slot] == HT_TAG_LIST && (rng >> 50) % 2) {
      size_t ns = 16 + (rng >> 52) % 4000;
      ptr[slot] = ht_realloc(HT_TAG_LIST, ptr[slot], sz[slot], ns);
      live_all += (int64_t)ns - (int64_t)sz[slot];
      live_obj += (int64_t)ns - (int64_t)sz[slot];
      sz[slot] = ns;
    } else {
      if (phase == 0 && (rng >> 40) % 4 == 0) continue;
      ht_free(tg[slot], ptr[slot], sz[slot]);
      live_all -= (int64_t)sz[slot];
      if (tg[slot] != HT_TAG_AST) live_obj -= (int64_t)sz[slot];
      ptr[slot] = NULL;
    }
    uint64_t s = last_seq();
    if (live_obj > best_obj) {
      best_obj = live_obj;
      best_obj_seq = s;
    }
    if (live_all > best_all) {
      best_all = live_all;
      best_all_seq = s;
    }
    /* Probe the live set after the first event past each fifth. */
    int p = k * 5 / NEV - 1;
    if (p >= 0 && p < 4 && !probe_seq[p]) {
      probe_seq[p] = s;
      probe_bytes[p] = live_all;
    }
  }
  cur = 0;
  ht_rec_mark(HT_TEARDOWN_MARK);
  for (int i = 0; i < NLIVE; i++)
    if (ptr[i]) ht_free(tg[i], ptr[i], sz[i]);
  end();
  ht_ana *a = open_ana("random.db");
  if (!tap_ok(a != NULL, "random profile opens")) exit(1);
  ht_peak p;
  char err[1024];
  int rc = ht_ana_peak(a, HT_SEL_OBJECTS, &p, err, sizeof err);
  tap_ok(rc == 0 && p.bytes == best_obj && p.seq == (int64_t)best_obj_seq,
         "object peak %lld at %lld (brute force %lld at %llu)", (long long)p.bytes, (long long)p.seq,
         (long long)best_obj, (unsigned long long)best_obj_seq);
  rc = ht_ana_peak(a, HT_SEL_ALL, &p, err, sizeof err);
  tap_ok(rc == 0 && p.bytes == best_all && p.seq == (int64_t)best_all_seq,
         "all-tags peak %lld at %lld (brute force %lld at %llu)", (long long)p.bytes, (long long)p.seq,
         (long long)best_all, (unsigned long long)best_all_seq);
  tap_ok(a->nbuckets > 100, "the profile spans %lld buckets", (long long)a->nbuckets);
  for (int i = 0; i < 4; i++) {
    ht_site_set s;
    ht_site_set_init(&s);
    int64_t total = 0;
      rc = ht_ana_live_at(a, (int64_t)probe_seq[i], 0, &s, err, sizeof err);
    for (size_t k = 0; k < s.n; k++) total += s.v[k].bytes;
    tap_ok(rc == 0 && total == probe_bytes[i], "live set at seq %llu: %lld B (brute force %lld)",
           (unsigned long long)probe_seq[i], (long long)total, (long long)probe_bytes[i]);
    ht_site_set_free(&s);
  }
  ht_ana_close(a);
}

/* ---- a log with anomalies ---- */

/* Events the finalizer has to make sense of: a FREE of a block never seen
** (allocated before recording) changes nothing; an ALLOC at a live address
** ends the block there (its FREE was never logged).  The exact peak must
** agree with the derived tables. */
static void test_anomalies(void) {
  begin("anomalies.db");
  uint32_t mod = ht_rec_code(script_path, "<module>", 1);
  cur = ht_rec_stack(0, mod, 1);
  ht_rec_event(HT_EV_ALLOC, HT_TAG_STR, 0x1000, 0, 100);
  ht_rec_event(HT_EV_FREE, HT_TAG_STR, 0x9990, 0, 50);       /* never allocated */
  ht_rec_event(HT_EV_ALLOC, HT_TAG_STR, 0x2000, 0, 200);      /* live: 300 */
  ht_rec_event(HT_EV_ALLOC, HT_TAG_STR, 0x1000, 0, 400);      /* over 0x1000: 200 + 400 */
  uint64_t peak_seq = last_seq();
  ht_rec_event(HT_EV_FREE, HT_TAG_STR, 0x2000, 0, 200);
  ht_rec_event(HT_EV_FREE, HT_TAG_STR, 0x1000, 0, 400);
  end();
  ht_ana *a = open_ana("anomalies.db");
  ht_peak p;
  char err[1024];
  int rc = a ? ht_ana_peak(a, HT_SEL_OBJECTS, &p, err, sizeof err) : -1;
  tap_ok(rc == 0 && p.bytes == 600 && p.seq == (int64_t)peak_seq, "peak over anomalies: %lld at %lld",
         rc ? -1LL : (long long)p.bytes, rc ? -1LL : (long long)p.seq);
  ht_site_set s;
  ht_site_set_init(&s);
  rc = a ? ht_ana_live_at(a, p.seq, 0, &s, err, sizeof err) : -1;
  tap_ok(rc == 0 && s.n == 1 && s.v[0].count == 2 && s.v[0].bytes == 600, "live set at that peak: 2 blocks, 600 B");
  ht_site_set_free(&s);
  ht_ana_close(a);
}

/* ---- edges ---- */

static void test_edges(void) {
  begin("empty.db");
  end();
  ht_ana *a = open_ana("empty.db");
  ht_report *r = a ? build_report(a) : NULL;
  tap_ok(r && r->peak_objects.seq == -1 && r->peak_objects.bytes == 0 && r->nfindings == 0 &&
             r->temp_count == 0,
         "an empty profile: no peak, no findings");
  char err[1024];
  FILE *f = fopen(ru_path("empty.json"), "w");
  int ok1 = r && ht_report_print_json(a, r, f) == 0;
  fclose(f);
  int v = json_valid(ru_path("empty.json"));
  tap_ok(ok1 && v != 0, "an empty profile's report JSON is valid");
  ht_report_free(r);
  ht_leaks *l = NULL;
  tap_ok(a && ht_leaks_build(a, NULL, &l, err, sizeof err) == 0 && l->count == 0, "an empty profile: no leaks");
  ht_leaks_free(l);
  f = fopen(ru_path("empty.folded"), "w");
  tap_ok(a && ht_flame_write(a, HT_FLAME_PEAK, 0, f, err, sizeof err) == 0 && ftell(f) == 0,
         "an empty profile: an empty flame graph");
  fclose(f);
  ht_ana_close(a);

  /* A profile against itself: nothing changes. */
  a = open_ana("prealloc.db");
  ht_ana *b = open_ana("prealloc.db");
  ht_diff *d = NULL;
  int rc = a && b ? ht_diff_build(a, b, &d, err, sizeof err) : -1;
  int same = rc == 0;
  for (size_t i = 0; same && i < d->nrows; i++) {
    const ht_diff_row *x = &d->rows[i];
    same = x->peak_bytes[0] == x->peak_bytes[1] && x->alloc_bytes[0] == x->alloc_bytes[1] &&
           x->leak_bytes[0] == x->leak_bytes[1] && x->tag_a >= 0 && x->tag_b >= 0;
  }
  tap_ok(same && d->peak[0].bytes == d->peak[1].bytes && d->nrebind[0] == d->nrebind[1],
         "a profile diffed with itself: no change on any of %zu sites", same ? d->nrows : 0);
  ht_diff_free(d);
  ht_ana_close(a);
  ht_ana_close(b);
}

/* ---- bad files ---- */

static void test_bad_files(void) {
  ht_ana *a;
  char err[1024];
  ru_write_file(ru_path("text.db"), "hello\n", 6);
  tap_ok(ht_ana_open(&a, ru_path("text.db"), err, sizeof err) == -1 && strstr(err, "not a heaptrail profile"),
         "a text file is refused: %s", err);
  tap_ok(ht_ana_open(&a, ru_path("missing.db"), err, sizeof err) == -1 && strstr(err, "no such file"),
         "a missing file is refused: %s", err);
  char **argv = ARGV(S("report"), ru_path("text.db"));
  tap_is_int(run_to_file(ht_cmd_report, 2, argv, ru_path("bad.out")), 1, "report on a text file: status 1");
  char **argv2 = ARGV(S("diff"), ru_path("text.db"));
  tap_is_int(run_to_file(ht_cmd_diff, 2, argv2, ru_path("bad.out")), 2, "diff with one file: usage error");

  /* An unfinished profile (the recording process dies): the reader
  ** finalizes it and the analyses work. */
  pid_t pid = fork();
  if (pid == 0) {
    begin("killed.db");
    uint32_t mod = ht_rec_code(script_path, "<module>", 1);
    cur = ht_rec_stack(0, mod, 3);
    for (int i = 0; i < 1000; i++) ht_alloc(HT_TAG_STR, 100);
    ht_rec_flush();
    _exit(0);
  }
  int status;
  waitpid(pid, &status, 0);
  err[0] = 0;
  int orc = ht_ana_open(&a, ru_path("killed.db"), err, sizeof err);
  tap_ok(orc == 0, "unfinished profile opens%s%s", err[0] ? ": " : "", err);
  if (orc) a = NULL;
  if (a) {
    tap_ok(ht_profile_finalized(a->prof) != HT_FINALIZED_NO, "... and was finalized");
    ht_report *r = build_report(a);
    tap_ok(r && r->peak_objects.bytes == 100000, "report of the unfinished profile: peak 100 kB");
    ht_report_free(r);
    ht_ana_close(a);
  }

  /* A damaged chunk: the analyses that decode it say "corrupt profile". */
  char cmd[1600];
  snprintf(cmd, sizeof cmd, "cp '%s' '%s'", ru_path("killed.db"), ru_path("corrupt.db"));
  if (system(cmd)) tap_diag("cp failed");
  sqlite3 *db;
  if (sqlite3_open(ru_path("corrupt.db"), &db) == SQLITE_OK) {
    sqlite3_exec(db, "UPDATE chunk SET data = X'FFFFFFFFFFFFFFFFFFFFFFFF' "
                     "WHERE first_seq = (SELECT min(first_seq) FROM chunk)", NULL, NULL, NULL);
    sqlite3_close(db);
  }
  ht_report *r = NULL;
  tap_ok(ht_ana_open(&a, ru_path("corrupt.db"), err, sizeof err) == 0, "a profile with a damaged chunk opens");
  if (a) {
    int rc = ht_report_build(a, NULL, &r, err, sizeof err);
    tap_ok(rc == -1 && strstr(err, "corrupt profile") && strstr(err, "corrupt.db"), "report: %s", err);
    ht_report_free(r);
    ht_ana_close(a);
  }
}

int main(void) {
  ru_tmpdir();
  snprintf(script_path, sizeof script_path, "%s/prog.py", ru_dir);
  if (ht_arena_init()) {
    fprintf(stderr, "ht_arena_init failed\n");
    return 99;
  }
  test_prealloc();
  test_rebind_plateau();
  test_churn();
  test_growth();
  test_retention();
  test_leaks();
  test_temporaries();
  test_random_peak();
  test_anomalies();
  test_edges();
  test_bad_files();
  ht_arena_shutdown();
  return tap_done();
}
