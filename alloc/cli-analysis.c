/*
** cli-analysis.c -- the analysis commands of the `heaptrail` program:
**
**   heaptrail report FILE [--format text|json] [--top N] [--temp-window K] [-o OUT]
**   heaptrail leaks FILE [--format text|json|html] [-o OUT] [--between MARK_A MARK_B]
**                        [--fail-on BYTES] [--ascii]
**   heaptrail flame FILE [--folded] [--metric peak|total] [--tags] [--internal] [-o OUT]
**   heaptrail diff A B [--format text|json] [--top N] [-o OUT]
**
** Each parses its own options ("--opt VALUE" or "--opt=VALUE"), prints its
** usage on a usage error and returns the exit status: 0; 1 on an error (the
** message, which names the file, on stderr) or, for leaks, when the leaked
** bytes exceed --fail-on; 2 on a usage error.  Profiles are opened through the
** reader, so a file that is not a profile is refused with a clear message and
** an unfinished one is finalized first.
*/
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"

typedef struct cli {
  const char *cmd;             /* "report", ... */
  int argc;
  char **argv;
  int i;                       /* next argument */
  const char *usage;           /* the command's usage text */
} cli;

static int usage_error(const cli *c, const char *fmt, const char *arg) {
  fprintf(stderr, "heaptrail %s: ", c->cmd);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n%s", c->usage);
  return 2;
}

/* If argv[i] is option NAME (with its value inline or next), set *VAL and
** return 1; 0 when it is another argument; -1 when the value is missing. */
static int opt_value(cli *c, const char *name, const char **val) {
  const char *a = c->argv[c->i];
  size_t n = strlen(name);
  if (strncmp(a, name, n)) return 0;
  if (a[n] == '=') {
    *val = a + n + 1;
    c->i++;
    return 1;
  }
  if (a[n]) return 0;
  if (c->i + 1 >= c->argc) return -1;
  *val = c->argv[c->i + 1];
  c->i += 2;
  return 1;
}

static int parse_count(const char *s, int64_t *out) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || end == s || *end || v < 0) return -1;
  *out = v;
  return 0;
}

/* BYTES with an optional unit: k/M/G (powers of 1000) or Ki/Mi/Gi (of 1024),
** a trailing "B" allowed: "1000", "10k", "8MB", "1MiB". */
static int parse_bytes(const char *s, int64_t *out) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || v < 0) return -1;
  double mul = 1;
  const char *u = end;
  if (*u == 'k' || *u == 'K') mul = 1e3, u++;
  else if (*u == 'M') mul = 1e6, u++;
  else if (*u == 'G') mul = 1e9, u++;
  else if (*u == 'T') mul = 1e12, u++;
  if (mul > 1 && *u == 'i') {
    mul = mul == 1e3 ? 1024.0 : mul == 1e6 ? 1048576.0 : mul == 1e9 ? 1073741824.0 : 1099511627776.0;
    u++;
  }
  if (*u == 'B') u++;
  if (*u) return -1;
  v *= mul;
  if (v > 9.2e18) return -1;
  *out = (int64_t)v;
  return 0;
}

/* Open OUT for writing ("-" or NULL: stdout). */
static FILE *open_out(const char *cmd, const char *path) {
  if (!path || !strcmp(path, "-")) return stdout;
  FILE *f = fopen(path, "w");
  if (!f) fprintf(stderr, "heaptrail %s: cannot write '%s': %s\n", cmd, path, strerror(errno));
  return f;
}

static int close_out(const char *cmd, const char *path, FILE *f, int failed) {
  if (f == stdout) {
    if (fflush(stdout) || ferror(stdout)) failed = 1;
  } else if (fclose(f)) {
    failed = 1;
  }
  if (failed) {
    fprintf(stderr, "heaptrail %s: error writing '%s'\n", cmd, path && strcmp(path, "-") ? path : "stdout");
    return 1;
  }
  return 0;
}

static int open_profile(const char *cmd, const char *path, ht_ana **a) {
  char err[1200];
  if (ht_ana_open(a, path, err, sizeof err)) {
    fprintf(stderr, "heaptrail %s: %s\n", cmd, err);
    return -1;
  }
  if (ht_profile_finalized((*a)->prof) != HT_FINALIZED_NO)
    fprintf(stderr, "heaptrail %s: %s: the run that wrote this profile did not finish; "
                    "it was finalized %s\n",
            cmd, path, ht_profile_finalized((*a)->prof) == HT_FINALIZED_FILE ? "in place" : "in memory");
  return 0;
}

#define NEXT_OPT(name, var)                                                      \
  do {                                                                           \
    int r_ = opt_value(&c, name, &var);                                          \
    if (r_ < 0) return usage_error(&c, "option %s needs a value", name);         \
    if (r_ > 0) goto next;                                                       \
  } while (0)

/* ---- report ---- */

static const char report_usage[] =
    "usage: heaptrail report FILE [--format text|json] [--top N] [--temp-window K] [-o OUT]\n"
    "  Summarize the profile FILE: peaks, per-tag figures, top allocation sites,\n"
    "  temporary allocations and advice (doc/reports.md).\n"
    "  --format F        text (default) or json\n"
    "  --top N           rows per site table (default 10)\n"
    "  --temp-window K   also count as temporary what is freed within K events\n"
    "  -o OUT            write to OUT instead of stdout\n";

int ht_cmd_report(int argc, char **argv) {
  cli c = { "report", argc, argv, 1, report_usage };
  const char *file = NULL, *format = "text", *outpath = NULL, *v;
  ht_report_opts o;
  ht_report_defaults(&o);
  while (c.i < argc) {
    const char *a = argv[c.i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(report_usage, stdout);
      return 0;
    }
    v = NULL;
    NEXT_OPT("--format", format);
    NEXT_OPT("-o", outpath);
    NEXT_OPT("--output", outpath);
    {
      int r = opt_value(&c, "--top", &v);
      if (r < 0) return usage_error(&c, "option %s needs a value", "--top");
      if (r > 0) {
        int64_t n;
        if (parse_count(v, &n) || n < 1 || n > 1000000) return usage_error(&c, "bad --top value '%s'", v);
        o.top = (int)n;
        goto next;
      }
      r = opt_value(&c, "--temp-window", &v);
      if (r < 0) return usage_error(&c, "option %s needs a value", "--temp-window");
      if (r > 0) {
        if (parse_count(v, &o.temp_window)) return usage_error(&c, "bad --temp-window value '%s'", v);
        goto next;
      }
    }
    if (a[0] == '-' && a[1]) return usage_error(&c, "unknown option %s", a);
    if (file) return usage_error(&c, "unexpected argument '%s'", a);
    file = a;
    c.i++;
  next:;
  }
  if (!file) return usage_error(&c, "%s", "no profile given");
  if (strcmp(format, "text") && strcmp(format, "json"))
    return usage_error(&c, "unknown format '%s' (text or json)", format);
  ht_ana *an;
  if (open_profile("report", file, &an)) return 1;
  ht_report *r;
  char err[1200];
  if (ht_report_build(an, &o, &r, err, sizeof err)) {
    fprintf(stderr, "heaptrail report: %s\n", err);
    ht_ana_close(an);
    return 1;
  }
  FILE *out = open_out("report", outpath);
  int status = 1;
  if (out) {
    int failed = 0;
    if (!strcmp(format, "json")) failed = ht_report_print_json(an, r, out) != 0;
    else ht_report_print_text(an, r, out);
    status = close_out("report", outpath, out, failed);
  }
  ht_report_free(r);
  ht_ana_close(an);
  return status;
}

/* ---- leaks ---- */

static const char leaks_usage[] =
    "usage: heaptrail leaks FILE [--format text|json|html] [-o OUT] [--between MARK_A MARK_B]\n"
    "                            [--fail-on BYTES] [--ascii]\n"
    "  List the objects alive at exit (before interpreter teardown), or with --between\n"
    "  those allocated between two marks and still alive at the second, by site and tag,\n"
    "  each group with a retainer path from the heap snapshot at that moment: root leaks\n"
    "  apart from objects kept alive only by other leaks; then the cycles that only the\n"
    "  cycle collector freed.\n"
    "  --format F         text (default), json, or html (a self-contained page)\n"
    "  -o OUT             write to OUT instead of stdout\n"
    "  --between A B      marks by label: from the first A to the first B after it\n"
    "  --fail-on BYTES    exit with status 1 when more than BYTES leaked\n"
    "                     (units: k, M, G = 1000s; Ki, Mi, Gi = 1024s)\n"
    "  --ascii            retainer paths with -> instead of the arrow (text)\n";

int ht_cmd_leaks(int argc, char **argv) {
  cli c = { "leaks", argc, argv, 1, leaks_usage };
  const char *file = NULL, *format = "text", *outpath = NULL, *v;
  ht_leaks_opts o = { NULL, NULL };
  int64_t fail_on = -1;
  int ascii = 0;
  while (c.i < argc) {
    const char *a = argv[c.i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(leaks_usage, stdout);
      return 0;
    }
    v = NULL;
    NEXT_OPT("--format", format);
    NEXT_OPT("-o", outpath);
    NEXT_OPT("--output", outpath);
    if (!strcmp(a, "--ascii")) {
      ascii = 1;
      c.i++;
      continue;
    }
    if (!strcmp(a, "--between")) {
      if (c.i + 2 >= argc) return usage_error(&c, "%s needs two mark labels", "--between");
      o.mark_a = argv[c.i + 1];
      o.mark_b = argv[c.i + 2];
      c.i += 3;
      continue;
    }
    {
      int r = opt_value(&c, "--fail-on", &v);
      if (r < 0) return usage_error(&c, "option %s needs a value", "--fail-on");
      if (r > 0) {
        if (parse_bytes(v, &fail_on)) return usage_error(&c, "bad --fail-on value '%s'", v);
        goto next;
      }
    }
    if (a[0] == '-' && a[1]) return usage_error(&c, "unknown option %s", a);
    if (file) return usage_error(&c, "unexpected argument '%s'", a);
    file = a;
    c.i++;
  next:;
  }
  if (!file) return usage_error(&c, "%s", "no profile given");
  if (strcmp(format, "text") && strcmp(format, "json") && strcmp(format, "html"))
    return usage_error(&c, "unknown format '%s' (text, json or html)", format);
  ht_ana *an;
  if (open_profile("leaks", file, &an)) return 1;
  ht_leaks *l;
  char err[1200];
  if (ht_leaks_build(an, &o, &l, err, sizeof err)) {
    fprintf(stderr, "heaptrail leaks: %s\n", err);
    ht_ana_close(an);
    return 1;
  }
  FILE *out = open_out("leaks", outpath);
  int status = 1;
  if (out) {
    int failed = 0;
    if (!strcmp(format, "json")) failed = ht_leaks_print_json(an, l, out) != 0;
    else if (!strcmp(format, "html")) failed = ht_leaks_print_html(an, l, out) != 0;
    else ht_leaks_print_text(an, l, ascii ? " -> " : " → ", out);
    status = close_out("leaks", outpath, out, failed);
  }
  if (status == 0 && fail_on >= 0 && l->bytes > fail_on) {
    char b1[32], b2[32];
    fprintf(stderr, "heaptrail leaks: %s: %s leaked (%" PRId64 " B in %" PRId64 " objects) exceeds "
                    "--fail-on %s (%" PRId64 " B)\n",
            file, ht_fmt_bytes(l->bytes, b1, sizeof b1), l->bytes, l->count,
            ht_fmt_bytes(fail_on, b2, sizeof b2), fail_on);
    status = 1;
  }
  ht_leaks_free(l);
  ht_ana_close(an);
  return status;
}

/* ---- flame ---- */

static const char flame_usage[] =
    "usage: heaptrail flame FILE [--folded] [--metric peak|total] [--tags] [--internal] [-o OUT]\n"
    "  Write collapsed stacks (\"outer;inner;leaf BYTES\", frames \"qualname (file:line)\")\n"
    "  for flamegraph.pl or speedscope.  Folded text is the only format.\n"
    "  --metric M   peak: bytes alive at the object peak (default); total: bytes allocated\n"
    "  --tags       end each stack with a [tag] frame\n"
    "  --internal   count VM-internal tags too\n"
    "  -o OUT       write to OUT instead of stdout\n";

int ht_cmd_flame(int argc, char **argv) {
  cli c = { "flame", argc, argv, 1, flame_usage };
  const char *file = NULL, *metric = "peak", *outpath = NULL;
  unsigned flags = 0;
  while (c.i < argc) {
    const char *a = argv[c.i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(flame_usage, stdout);
      return 0;
    }
    NEXT_OPT("--metric", metric);
    NEXT_OPT("-o", outpath);
    NEXT_OPT("--output", outpath);
    if (!strcmp(a, "--folded")) {
      c.i++;
      continue;
    }
    if (!strcmp(a, "--tags")) {
      flags |= HT_FLAME_TAGS;
      c.i++;
      continue;
    }
    if (!strcmp(a, "--internal")) {
      flags |= HT_FLAME_INTERNAL;
      c.i++;
      continue;
    }
    if (a[0] == '-' && a[1]) return usage_error(&c, "unknown option %s", a);
    if (file) return usage_error(&c, "unexpected argument '%s'", a);
    file = a;
    c.i++;
  next:;
  }
  if (!file) return usage_error(&c, "%s", "no profile given");
  int m;
  if (!strcmp(metric, "peak")) m = HT_FLAME_PEAK;
  else if (!strcmp(metric, "total")) m = HT_FLAME_TOTAL;
  else return usage_error(&c, "unknown metric '%s' (peak or total)", metric);
  ht_ana *an;
  if (open_profile("flame", file, &an)) return 1;
  FILE *out = open_out("flame", outpath);
  int status = 1;
  if (out) {
    char err[1200];
    int failed = 0;
    if (ht_flame_write(an, m, flags, out, err, sizeof err)) {
      fprintf(stderr, "heaptrail flame: %s\n", err);
      failed = -1;
    }
    status = close_out("flame", outpath, out, 0);
    if (failed) status = 1;
  }
  ht_ana_close(an);
  return status;
}

/* ---- diff ---- */

static const char diff_usage[] =
    "usage: heaptrail diff A B [--format text|json] [--top N] [-o OUT]\n"
    "  Line up two profiles by allocation site (frames and tag) and show how the\n"
    "  peak, the allocations and the leaks changed from A to B.\n"
    "  --format F   text (default) or json\n"
    "  --top N      rows per table (default 10)\n"
    "  -o OUT       write to OUT instead of stdout\n";

int ht_cmd_diff(int argc, char **argv) {
  cli c = { "diff", argc, argv, 1, diff_usage };
  const char *files[2] = { NULL, NULL }, *format = "text", *outpath = NULL, *v;
  int nfiles = 0;
  int top = 10;
  while (c.i < argc) {
    const char *a = argv[c.i];
    if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
      fputs(diff_usage, stdout);
      return 0;
    }
    v = NULL;
    NEXT_OPT("--format", format);
    NEXT_OPT("-o", outpath);
    NEXT_OPT("--output", outpath);
    {
      int r = opt_value(&c, "--top", &v);
      if (r < 0) return usage_error(&c, "option %s needs a value", "--top");
      if (r > 0) {
        int64_t n;
        if (parse_count(v, &n) || n < 1 || n > 1000000) return usage_error(&c, "bad --top value '%s'", v);
        top = (int)n;
        goto next;
      }
    }
    if (a[0] == '-' && a[1]) return usage_error(&c, "unknown option %s", a);
    if (nfiles == 2) return usage_error(&c, "unexpected argument '%s'", a);
    files[nfiles++] = a;
    c.i++;
  next:;
  }
  if (nfiles < 2) return usage_error(&c, "%s", "two profiles are needed");
  if (strcmp(format, "text") && strcmp(format, "json"))
    return usage_error(&c, "unknown format '%s' (text or json)", format);
  ht_ana *a = NULL, *b = NULL;
  if (open_profile("diff", files[0], &a)) return 1;
  if (open_profile("diff", files[1], &b)) {
    ht_ana_close(a);
    return 1;
  }
  ht_diff *d;
  char err[1200];
  int status = 1;
  if (ht_diff_build(a, b, &d, err, sizeof err)) {
    fprintf(stderr, "heaptrail diff: %s\n", err);
  } else {
    FILE *out = open_out("diff", outpath);
    if (out) {
      int failed = 0;
      if (!strcmp(format, "json")) failed = ht_diff_print_json(a, b, d, out) != 0;
      else ht_diff_print_text(a, b, d, top, out);
      status = close_out("diff", outpath, out, failed);
    }
    ht_diff_free(d);
  }
  ht_ana_close(a);
  ht_ana_close(b);
  return status;
}
