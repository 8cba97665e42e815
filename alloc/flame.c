/*
** flame.c -- `heaptrail flame --folded`: collapsed stacks for flame graphs.
**
** The folded format of Brendan Gregg's flamegraph.pl, which speedscope also
** reads: one line per distinct stack, frames from the outermost to the
** innermost separated by ';', then a space and the weight.  Frames are
** written "qualname (file:line)", file relative to the script's folder when
** it lies inside it; ';' in a name becomes ':' so it cannot split a frame.
** The weight is bytes:
**   peak    bytes alive at the object peak, per allocation stack;
**   total   bytes allocated over the run (site.alloc_bytes) per stack.
** Only object tags count unless INTERNAL is asked for (then the peak is the
** all-tags peak and internal tags' bytes are included).  Allocations made
** with no script frame get the single frame "(no script frame)".  Lines come
** out sorted, so the output is stable.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"

typedef struct folded {
  char *line;                  /* "a;b;c" (owned) */
  int64_t bytes;
} folded;

static int folded_cmp(const void *x, const void *y) {
  return strcmp(((const folded *)x)->line, ((const folded *)y)->line);
}

/* Append S to the growing buffer; unless RAW, ';' becomes ':' and line
** breaks become spaces, so a name cannot split a frame or a line. */
static int put(char **buf, size_t *len, size_t *cap, const char *s, int raw) {
  size_t n = strlen(s);
  if (*len + n + 1 > *cap) {
    size_t c = (*cap ? *cap : 128);
    while (*len + n + 1 > c) c *= 2;
    char *b = realloc(*buf, c);
    if (!b) return -1;
    *buf = b;
    *cap = c;
  }
  for (size_t i = 0; i < n; i++) {
    char ch = s[i];
    (*buf)[(*len)++] = raw ? ch : ch == ';' ? ':' : (ch == '\n' || ch == '\r') ? ' ' : ch;
  }
  (*buf)[*len] = 0;
  return 0;
}

static char *fold_stack(const ht_ana *a, uint32_t stack, const char *tag) {
  char *buf = NULL, frame[800];
  size_t len = 0, cap = 0;
  uint32_t path[4096];
  size_t depth = 0;
  int truncated = 0;
  for (uint32_t s = stack; s && s < a->nnodes; s = a->nodes[s].parent) {
    if (depth == sizeof path / sizeof *path) {
      truncated = 1;
      break;
    }
    path[depth++] = s;
  }
  if (truncated && put(&buf, &len, &cap, "(deeper frames omitted);", 1)) goto oom;
  if (!depth && put(&buf, &len, &cap, "(no script frame)", 1)) goto oom;
  for (size_t i = depth; i-- > 0;) {
    const ht_stack_node *n = &a->nodes[path[i]];
    const ht_code_loc *c = &a->codes[n->code];
    snprintf(frame, sizeof frame, "%s (%s:%" PRIu32 ")", c->qualname ? c->qualname : "?",
             ht_ana_short_file(a, c->filename ? c->filename : "?"), n->line);
    if ((i + 1 < depth && put(&buf, &len, &cap, ";", 1)) || put(&buf, &len, &cap, frame, 0)) goto oom;
  }
  if (tag) {
    snprintf(frame, sizeof frame, "[%s]", tag);
    if (put(&buf, &len, &cap, ";", 1) || put(&buf, &len, &cap, frame, 0)) goto oom;
  }
  return buf;
oom:
  free(buf);
  return NULL;
}

int ht_flame_write(ht_ana *a, int metric, unsigned flags, FILE *out, char *err, size_t errsz) {
  int tags = (flags & HT_FLAME_TAGS) != 0, internal = (flags & HT_FLAME_INTERNAL) != 0;
  ht_site_set sites;
  ht_site_set_init(&sites);
  if (metric == HT_FLAME_PEAK) {
    ht_peak p;
    if (ht_ana_peak(a, internal ? HT_SEL_ALL : HT_SEL_OBJECTS, &p, err, errsz)) return -1;
    if (p.seq >= 0 && ht_ana_live_at(a, p.seq, 0, &sites, err, errsz)) {
      ht_site_set_free(&sites);
      return -1;
    }
  } else {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(a->db, "SELECT stack, tag, allocs, alloc_bytes FROM site WHERE allocs > 0",
                           -1, &st, NULL) != SQLITE_OK) {
      snprintf(err, errsz, "%s: %s (reading sites)", a->path, sqlite3_errmsg(a->db));
      return -1;
    }
    while (sqlite3_step(st) == SQLITE_ROW) {
      ht_site_stat *s = ht_site_set_get(&sites, (uint32_t)sqlite3_column_int64(st, 0),
                                        sqlite3_column_int(st, 1));
      if (!s) {
        sqlite3_finalize(st);
        ht_site_set_free(&sites);
        snprintf(err, errsz, "%s: out of memory", a->path);
        return -1;
      }
      s->count += sqlite3_column_int64(st, 2);
      s->bytes += sqlite3_column_int64(st, 3);
    }
    sqlite3_finalize(st);
  }
  /* Fold, merge equal lines (same stack, tags merged unless TAGS). */
  folded *f = calloc(sites.n ? sites.n : 1, sizeof *f);
  size_t n = 0;
  int rc = 0;
  if (!f) rc = -1;
  for (size_t i = 0; i < sites.n && !rc; i++) {
    const ht_site_stat *s = &sites.v[i];
    if (s->bytes <= 0 || (!internal && ht_ana_tag_is_internal(a, s->tag))) continue;
    char *line = fold_stack(a, s->stack, tags ? ht_ana_tag_name(a, s->tag) : NULL);
    if (!line) {
      rc = -1;
      break;
    }
    f[n].line = line;
    f[n].bytes = s->bytes;
    n++;
  }
  ht_site_set_free(&sites);
  if (rc) {
    for (size_t i = 0; i < n; i++) free(f[i].line);
    free(f);
    snprintf(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  qsort(f, n, sizeof *f, folded_cmp);
  for (size_t i = 0; i < n;) {
    size_t k = i + 1;
    int64_t bytes = f[i].bytes;
    while (k < n && !strcmp(f[k].line, f[i].line)) bytes += f[k++].bytes;
    fprintf(out, "%s %" PRId64 "\n", f[i].line, bytes);
    i = k;
  }
  for (size_t i = 0; i < n; i++) free(f[i].line);
  free(f);
  if (fflush(out) || ferror(out)) {
    snprintf(err, errsz, "cannot write the output");
    return -1;
  }
  return 0;
}
