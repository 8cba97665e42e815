/*
** diff.c -- `heaptrail diff A B`: two profiles side by side, by site.
**
** Stack node and code ids are private to each profile, so sites are matched
** by what they mean: the frames of the allocation stack, outermost first,
** each as (file, qualname, line), plus the tag's name.  The script a profile
** recorded (meta `script`) is written "<script>" in these keys, so two
** versions of one program saved under different names (prealloc.py and
** prealloc_del.py) line up wherever their lines agree.
**
** Per site and profile: objects allocated and their bytes (`site`), objects
** alive at the profile's object peak, and objects alive at exit (the leaks
** of `heaptrail leaks`).  Only object tags are compared; the summary also
** gives each profile's all-tags peak.  Rows come sorted by the size of the
** change at the peak, then in bytes allocated, then in leaks.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"
#include "jsonout.h"

enum { V_PEAK_COUNT, V_PEAK_BYTES, V_ALLOCS, V_ALLOC_BYTES, V_LEAK_COUNT, V_LEAK_BYTES, NV };

typedef struct dsite {
  uint32_t stack;              /* node in its profile */
  int tag;                     /* tag id in its profile */
  int64_t v[NV];               /* figures */
  char *key;                   /* frames and tag (owned) */
} dsite;

typedef struct dside {
  dsite *v;                    /* (owned) */
  size_t n, cap;
  ht_site_set index;           /* (stack, tag) -> index + 1 in count */
} dside;

void ht_diff_free(ht_diff *d) {
  if (!d) return;
  free(d->rebind[0]);
  free(d->rebind[1]);
  for (size_t i = 0; i < d->nrows; i++) free(d->rows[i].key);
  free(d->rows);
  free(d);
}

static void dside_free(dside *s) {
  for (size_t i = 0; i < s->n; i++) free(s->v[i].key);
  free(s->v);
  ht_site_set_free(&s->index);
}

static dsite *dside_get(dside *s, uint32_t stack, int tag) {
  ht_site_stat *m = ht_site_set_get(&s->index, stack, tag);
  if (!m) return NULL;
  if (m->count) return &s->v[m->count - 1];
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 64;
    dsite *v = realloc(s->v, cap * sizeof *v);
    if (!v) return NULL;
    s->v = v;
    s->cap = cap;
  }
  dsite *d = &s->v[s->n];
  memset(d, 0, sizeof *d);
  d->stack = stack;
  d->tag = tag;
  m->count = (int64_t)++s->n;
  return d;
}

static char *site_key(const ht_ana *a, uint32_t stack, int tag) {
  size_t cap = 256, len = 0;
  char *k = malloc(cap);
  uint32_t path[4096];
  size_t depth = 0;
  if (!k) return NULL;
  k[0] = 0;
  for (uint32_t s = stack; s && s < a->nnodes && depth < 4096; s = a->nodes[s].parent) path[depth++] = s;
  for (size_t i = depth + 1; i-- > 0;) {
    char frame[1200];
    if (i == depth) continue;
    const ht_stack_node *n = &a->nodes[path[i]];
    const ht_code_loc *c = &a->codes[n->code];
    const char *file = c->filename ? c->filename : "?";
    if (a->script && !strcmp(file, a->script)) file = "<script>";
    int w = snprintf(frame, sizeof frame, "%s:%" PRIu32 ":%s\x1f", file, n->line,
                     c->qualname ? c->qualname : "?");
    if (w < 0) w = 0;
    if ((size_t)w >= sizeof frame) w = sizeof frame - 1;
    if (len + (size_t)w + 1 > cap) {
      while (len + (size_t)w + 1 > cap) cap *= 2;
      char *nk = realloc(k, cap);
      if (!nk) {
        free(k);
        return NULL;
      }
      k = nk;
    }
    memcpy(k + len, frame, (size_t)w + 1);
    len += (size_t)w;
  }
  const char *tn = ht_ana_tag_name(a, tag);
  char *nk = realloc(k, len + strlen(tn) + 2);
  if (!nk) {
    free(k);
    return NULL;
  }
  k = nk;
  snprintf(k + len, strlen(tn) + 2, "[%s", tn);
  return k;
}

static int dsite_cmp(const void *x, const void *y) {
  return strcmp(((const dsite *)x)->key, ((const dsite *)y)->key);
}

/* Fill SIDE from profile A; PEAK receives its object peak. */
static int collect(ht_ana *a, dside *side, ht_peak *peak, ht_peak *peak_all, int64_t *tot,
                   char *err, size_t errsz) {
  ht_site_set live;
  ht_site_set_init(&live);
  if (ht_ana_peak(a, HT_SEL_OBJECTS, peak, err, errsz) || ht_ana_peak(a, HT_SEL_ALL, peak_all, err, errsz))
    return -1;
  for (int pass = 0; pass < 2; pass++) {
    int64_t at = pass == 0 ? peak->seq : ht_ana_exit_seq(a);
    if (at < 0) continue;
    ht_site_set_init(&live);
    if (ht_ana_live_at(a, at, 0, &live, err, errsz)) {
      ht_site_set_free(&live);
      return -1;
    }
    for (size_t i = 0; i < live.n; i++) {
      const ht_site_stat *s = &live.v[i];
      if (ht_ana_tag_is_internal(a, s->tag)) continue;
      if (pass == 1 && s->stack == 0) continue;   /* start-up objects are no leaks */
      dsite *d = dside_get(side, s->stack, s->tag);
      if (!d) goto oom;
      d->v[pass == 0 ? V_PEAK_COUNT : V_LEAK_COUNT] += s->count;
      d->v[pass == 0 ? V_PEAK_BYTES : V_LEAK_BYTES] += s->bytes;
      if (pass == 1) {
        tot[V_LEAK_COUNT] += s->count;
        tot[V_LEAK_BYTES] += s->bytes;
      }
    }
    ht_site_set_free(&live);
  }
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(a->db, "SELECT stack, tag, allocs, alloc_bytes FROM site WHERE allocs > 0", -1,
                         &st, NULL) != SQLITE_OK) {
    snprintf(err, errsz, "%s: %s (reading sites)", a->path, sqlite3_errmsg(a->db));
    return -1;
  }
  while (sqlite3_step(st) == SQLITE_ROW) {
    int tag = sqlite3_column_int(st, 1);
    if (ht_ana_tag_is_internal(a, tag)) continue;
    dsite *d = dside_get(side, (uint32_t)sqlite3_column_int64(st, 0), tag);
    if (!d) {
      sqlite3_finalize(st);
      goto oom;
    }
    d->v[V_ALLOCS] += sqlite3_column_int64(st, 2);
    d->v[V_ALLOC_BYTES] += sqlite3_column_int64(st, 3);
    tot[V_ALLOCS] += sqlite3_column_int64(st, 2);
    tot[V_ALLOC_BYTES] += sqlite3_column_int64(st, 3);
  }
  sqlite3_finalize(st);
  for (size_t i = 0; i < side->n; i++)
    if (!(side->v[i].key = site_key(a, side->v[i].stack, side->v[i].tag))) goto oom;
  qsort(side->v, side->n, sizeof *side->v, dsite_cmp);
  return 0;
oom:
  ht_site_set_free(&live);
  snprintf(err, errsz, "%s: out of memory", a->path);
  return -1;
}

static int64_t mag(int64_t x) { return x < 0 ? -x : x; }

static int row_cmp(const void *x, const void *y) {
  const ht_diff_row *a = x, *b = y;
  int64_t da[3] = { mag(a->peak_bytes[1] - a->peak_bytes[0]), mag(a->alloc_bytes[1] - a->alloc_bytes[0]),
                    mag(a->leak_bytes[1] - a->leak_bytes[0]) };
  int64_t db[3] = { mag(b->peak_bytes[1] - b->peak_bytes[0]), mag(b->alloc_bytes[1] - b->alloc_bytes[0]),
                    mag(b->leak_bytes[1] - b->leak_bytes[0]) };
  for (int i = 0; i < 3; i++)
    if (da[i] != db[i]) return da[i] > db[i] ? -1 : 1;
  return strcmp(a->key, b->key);
}

static void fill(ht_diff_row *r, int side, const dsite *s) {
  r->peak_count[side] = s->v[V_PEAK_COUNT];
  r->peak_bytes[side] = s->v[V_PEAK_BYTES];
  r->allocs[side] = s->v[V_ALLOCS];
  r->alloc_bytes[side] = s->v[V_ALLOC_BYTES];
  r->leak_count[side] = s->v[V_LEAK_COUNT];
  r->leak_bytes[side] = s->v[V_LEAK_BYTES];
  if (side == 0) {
    r->stack_a = s->stack;
    r->tag_a = s->tag;
  } else {
    r->stack_b = s->stack;
    r->tag_b = s->tag;
  }
}

int ht_diff_build(ht_ana *a, ht_ana *b, ht_diff **out, char *err, size_t errsz) {
  dside sa, sb;
  memset(&sa, 0, sizeof sa);
  memset(&sb, 0, sizeof sb);
  ht_site_set_init(&sa.index);
  ht_site_set_init(&sb.index);
  ht_diff *d = calloc(1, sizeof *d);
  int64_t ta[NV] = { 0 }, tb[NV] = { 0 };
  *out = NULL;
  if (!d) {
    snprintf(err, errsz, "out of memory");
    return -1;
  }
  if (collect(a, &sa, &d->peak[0], &d->peak_all[0], ta, err, errsz) ||
      collect(b, &sb, &d->peak[1], &d->peak_all[1], tb, err, errsz))
    goto fail;
  ht_advice_opts ao;
  ht_advice_defaults(&ao);
  if (ht_advice_rebind(a, &ao, &d->peak[0], &d->rebind[0], &d->nrebind[0], err, errsz) ||
      ht_advice_rebind(b, &ao, &d->peak[1], &d->rebind[1], &d->nrebind[1], err, errsz))
    goto fail;
  d->rows = calloc(sa.n + sb.n + 1, sizeof *d->rows);
  if (!d->rows) goto oom;
  size_t i = 0, k = 0;
  while (i < sa.n || k < sb.n) {
    int c = i >= sa.n ? 1 : k >= sb.n ? -1 : strcmp(sa.v[i].key, sb.v[k].key);
    ht_diff_row *r = &d->rows[d->nrows];
    memset(r, 0, sizeof *r);
    r->tag_a = r->tag_b = -1;
    const dsite *src = c <= 0 ? &sa.v[i] : &sb.v[k];
    if (!(r->key = strdup(src->key))) goto oom;
    d->nrows++;
    /* Equal keys within one side cannot happen (the stack tree interns
    ** paths) except through "<script>"; sum such duplicates. */
    if (c <= 0) {
      const char *key = sa.v[i].key;
      fill(r, 0, &sa.v[i++]);
      while (i < sa.n && !strcmp(sa.v[i].key, key)) {
        ht_diff_row extra;
        memset(&extra, 0, sizeof extra);
        fill(&extra, 0, &sa.v[i++]);
        r->peak_count[0] += extra.peak_count[0];
        r->peak_bytes[0] += extra.peak_bytes[0];
        r->allocs[0] += extra.allocs[0];
        r->alloc_bytes[0] += extra.alloc_bytes[0];
        r->leak_count[0] += extra.leak_count[0];
        r->leak_bytes[0] += extra.leak_bytes[0];
      }
    }
    if (c >= 0) {
      const char *key = sb.v[k].key;
      fill(r, 1, &sb.v[k++]);
      while (k < sb.n && !strcmp(sb.v[k].key, key)) {
        ht_diff_row extra;
        memset(&extra, 0, sizeof extra);
        fill(&extra, 1, &sb.v[k++]);
        r->peak_count[1] += extra.peak_count[1];
        r->peak_bytes[1] += extra.peak_bytes[1];
        r->allocs[1] += extra.allocs[1];
        r->alloc_bytes[1] += extra.alloc_bytes[1];
        r->leak_count[1] += extra.leak_count[1];
        r->leak_bytes[1] += extra.leak_bytes[1];
      }
    }
  }
  if (d->nrows > 1) qsort(d->rows, d->nrows, sizeof *d->rows, row_cmp);
  d->allocs[0] = ta[V_ALLOCS];
  d->allocs[1] = tb[V_ALLOCS];
  d->alloc_bytes[0] = ta[V_ALLOC_BYTES];
  d->alloc_bytes[1] = tb[V_ALLOC_BYTES];
  d->leak_count[0] = ta[V_LEAK_COUNT];
  d->leak_count[1] = tb[V_LEAK_COUNT];
  d->leak_bytes[0] = ta[V_LEAK_BYTES];
  d->leak_bytes[1] = tb[V_LEAK_BYTES];
  dside_free(&sa);
  dside_free(&sb);
  *out = d;
  return 0;
oom:
  snprintf(err, errsz, "out of memory");
fail:
  dside_free(&sa);
  dside_free(&sb);
  ht_diff_free(d);
  return -1;
}

/* ---- text ---- */

static void signed_bytes(int64_t v, char *buf, size_t n) {
  char b[24];
  ht_fmt_bytes(v < 0 ? -v : v, b, sizeof b);
  snprintf(buf, n, "%s%s", v > 0 ? "+" : v < 0 ? "-" : "", b);
}

static const ht_ana *row_ana(const ht_ana *a, const ht_ana *b, const ht_diff_row *r, uint32_t *stack) {
  if (r->tag_a >= 0) {
    *stack = r->stack_a;
    return a;
  }
  *stack = r->stack_b;
  return b;
}

static void text_table(const ht_ana *a, const ht_ana *b, const ht_diff *d, int which, int top, FILE *out) {
  static const char *const title[] = { "Sites by change at the peak (bytes alive at each profile's object peak)",
                                       "Sites by change in bytes allocated",
                                       "Sites by change in leaks (bytes alive at exit)" };
  ht_diff_row **sel = malloc((d->nrows + 1) * sizeof *sel);
  size_t n = 0;
  if (!sel) return;
  for (size_t i = 0; i < d->nrows; i++) {
    const ht_diff_row *r = &d->rows[i];
    int64_t da = which == 0 ? r->peak_bytes[1] - r->peak_bytes[0]
               : which == 1 ? r->alloc_bytes[1] - r->alloc_bytes[0]
                            : r->leak_bytes[1] - r->leak_bytes[0];
    if (da) sel[n++] = (ht_diff_row *)r;
  }
  /* Order by this table's own change. */
  for (size_t i = 1; i < n; i++) {
    ht_diff_row *x = sel[i];
    int64_t kx = which == 0 ? mag(x->peak_bytes[1] - x->peak_bytes[0])
               : which == 1 ? mag(x->alloc_bytes[1] - x->alloc_bytes[0])
                            : mag(x->leak_bytes[1] - x->leak_bytes[0]);
    size_t j = i;
    while (j > 0) {
      ht_diff_row *y = sel[j - 1];
      int64_t ky = which == 0 ? mag(y->peak_bytes[1] - y->peak_bytes[0])
                 : which == 1 ? mag(y->alloc_bytes[1] - y->alloc_bytes[0])
                              : mag(y->leak_bytes[1] - y->leak_bytes[0]);
      if (ky >= kx) break;
      sel[j] = y;
      j--;
    }
    sel[j] = x;
  }
  fprintf(out, "\n%s\n", title[which]);
  if (!n) fprintf(out, "  no change\n");
  else
    fprintf(out, "  %3s  %10s  %10s  %11s  %-10s  %s\n", "#", "A", "B", "B - A", "tag",
            "stack, innermost first");
  for (size_t i = 0; i < n && (int)i < top; i++) {
    const ht_diff_row *r = sel[i];
    int64_t va = which == 0 ? r->peak_bytes[0] : which == 1 ? r->alloc_bytes[0] : r->leak_bytes[0];
    int64_t vb = which == 0 ? r->peak_bytes[1] : which == 1 ? r->alloc_bytes[1] : r->leak_bytes[1];
    char b1[32], b2[32], b3[32];
    uint32_t stack;
    const ht_ana *src = row_ana(a, b, r, &stack);
    signed_bytes(vb - va, b3, sizeof b3);
    fprintf(out, "  %3zu  %10s  %10s  %11s  %-10s  ", i + 1, ht_fmt_bytes(va, b1, sizeof b1),
            ht_fmt_bytes(vb, b2, sizeof b2), b3, ht_ana_tag_name(src, r->tag_a >= 0 ? r->tag_a : r->tag_b));
    ht_print_stack(src, stack, "                                                        ", out);
  }
  if (n > (size_t)top) fprintf(out, "  ... %zu more sites changed\n", n - (size_t)top);
  free(sel);
}

void ht_diff_print_text(const ht_ana *a, const ht_ana *b, const ht_diff *d, int top, FILE *out) {
  char b1[32], b2[32], b3[32];
  fprintf(out, "heaptrail diff\n  A: %s%s%s%s\n  B: %s%s%s%s\n\n", a->path, a->script ? " (" : "",
          a->script ? a->script : "", a->script ? ")" : "", b->path, b->script ? " (" : "",
          b->script ? b->script : "", b->script ? ")" : "");
  fprintf(out, "  %-22s  %12s  %12s  %12s\n", "", "A", "B", "B - A");
#define ROW(label, x, y)                                                                       \
  do {                                                                                         \
    signed_bytes((y) - (x), b3, sizeof b3);                                                    \
    fprintf(out, "  %-22s  %12s  %12s  %12s\n", label, ht_fmt_bytes(x, b1, sizeof b1),         \
            ht_fmt_bytes(y, b2, sizeof b2), b3);                                               \
  } while (0)
  ROW("peak (objects)", d->peak[0].bytes, d->peak[1].bytes);
  ROW("peak (all tags)", d->peak_all[0].bytes, d->peak_all[1].bytes);
  ROW("allocated (objects)", d->alloc_bytes[0], d->alloc_bytes[1]);
  ROW("leaked at exit", d->leak_bytes[0], d->leak_bytes[1]);
#undef ROW
  fprintf(out, "  %-22s  %12" PRId64 "  %12" PRId64 "  %+12" PRId64 "\n", "allocations", d->allocs[0],
          d->allocs[1], d->allocs[1] - d->allocs[0]);
  fprintf(out, "  %-22s  %12" PRId64 "  %12" PRId64 "  %+12" PRId64 "\n", "objects leaked", d->leak_count[0],
          d->leak_count[1], d->leak_count[1] - d->leak_count[0]);
  char fa[700], fb[700];
  fprintf(out, "  %-22s  A: %s\n  %-22s  B: %s\n", "peak reached at",
          d->peak[0].seq >= 0 ? ht_ana_frame_str(a, d->peak[0].stack, 1, fa, sizeof fa) : "-", "",
          d->peak[1].seq >= 0 ? ht_ana_frame_str(b, d->peak[1].stack, 1, fb, sizeof fb) : "-");
  fprintf(out, "\nRebinding overlaps at the peak (advice of `heaptrail report`)\n");
  for (int side = 0; side < 2; side++) {
    const ht_ana *x = side ? b : a;
    if (!d->nrebind[side]) fprintf(out, "  %s: none\n", side ? "B" : "A");
    for (size_t i = 0; i < d->nrebind[side]; i++) {
      const ht_finding *f = &d->rebind[side][i];
      fprintf(out, "  %s: %s: %s of the peak held by an old value (peak %s -> %s without it)\n",
              side ? "B" : "A", ht_ana_frame_str(x, f->stack, 1, fa, sizeof fa),
              ht_fmt_bytes(f->bytes, b1, sizeof b1), ht_fmt_bytes(f->peak_before, b2, sizeof b2),
              ht_fmt_bytes(f->peak_after, b3, sizeof b3));
    }
  }
  for (int w = 0; w < 3; w++) text_table(a, b, d, w, top, out);
  fprintf(out, "\n(sites are matched by their frames -- file, line, function -- and tag; "
               "the recorded script is \"<script>\" on both sides)\n");
}

/* ---- JSON ---- */

static void json_side(ht_json *j, const ht_ana *a, const ht_peak *p, const ht_peak *pa,
                      const ht_finding *rb, size_t nrb) {
  ht_json_begin_object(j);
  ht_json_key(j, "profile");
  ht_json_str(j, a->path);
  ht_json_key(j, "script");
  ht_json_str(j, a->script);
  ht_json_key(j, "events");
  ht_json_int(j, a->nevents);
  ht_json_key(j, "peak_objects");
  ht_json_int(j, p->bytes);
  ht_json_key(j, "peak_seq");
  ht_json_int(j, p->seq);
  ht_json_key(j, "peak_stack");
  ht_json_stack(j, a, p->seq >= 0 ? p->stack : 0);
  ht_json_key(j, "peak_all");
  ht_json_int(j, pa->bytes);
  ht_json_key(j, "rebinding_overlaps");
  ht_json_begin_array(j);
  for (size_t i = 0; i < nrb; i++) ht_json_finding(j, a, &rb[i]);
  ht_json_end(j);
  ht_json_end(j);
}

static void json_figures(ht_json *j, const ht_diff_row *r, int side) {
  ht_json_begin_object(j);
  ht_json_key(j, "peak_count");
  ht_json_int(j, r->peak_count[side]);
  ht_json_key(j, "peak_bytes");
  ht_json_int(j, r->peak_bytes[side]);
  ht_json_key(j, "allocs");
  ht_json_int(j, r->allocs[side]);
  ht_json_key(j, "alloc_bytes");
  ht_json_int(j, r->alloc_bytes[side]);
  ht_json_key(j, "leak_count");
  ht_json_int(j, r->leak_count[side]);
  ht_json_key(j, "leak_bytes");
  ht_json_int(j, r->leak_bytes[side]);
  ht_json_end(j);
}

int ht_diff_print_json(const ht_ana *a, const ht_ana *b, const ht_diff *d, FILE *out) {
  ht_json j;
  ht_json_init(&j, out, 1);
  ht_json_begin_object(&j);
  ht_json_header(&j, NULL, "heaptrail.diff");
  ht_json_key(&j, "a");
  json_side(&j, a, &d->peak[0], &d->peak_all[0], d->rebind[0], d->nrebind[0]);
  ht_json_key(&j, "b");
  json_side(&j, b, &d->peak[1], &d->peak_all[1], d->rebind[1], d->nrebind[1]);
  ht_json_key(&j, "change");
  ht_json_begin_object(&j);
  ht_json_key(&j, "peak_objects");
  ht_json_int(&j, d->peak[1].bytes - d->peak[0].bytes);
  ht_json_key(&j, "peak_all");
  ht_json_int(&j, d->peak_all[1].bytes - d->peak_all[0].bytes);
  ht_json_key(&j, "allocs");
  ht_json_int(&j, d->allocs[1] - d->allocs[0]);
  ht_json_key(&j, "alloc_bytes");
  ht_json_int(&j, d->alloc_bytes[1] - d->alloc_bytes[0]);
  ht_json_key(&j, "leak_count");
  ht_json_int(&j, d->leak_count[1] - d->leak_count[0]);
  ht_json_key(&j, "leak_bytes");
  ht_json_int(&j, d->leak_bytes[1] - d->leak_bytes[0]);
  ht_json_end(&j);
  ht_json_key(&j, "sites");
  ht_json_begin_array(&j);
  for (size_t i = 0; i < d->nrows; i++) {
    const ht_diff_row *r = &d->rows[i];
    uint32_t stack;
    const ht_ana *src = row_ana(a, b, r, &stack);
    ht_json_begin_object(&j);
    ht_json_key(&j, "tag");
    ht_json_str(&j, ht_ana_tag_name(src, r->tag_a >= 0 ? r->tag_a : r->tag_b));
    ht_json_key(&j, "stack");
    ht_json_stack(&j, src, stack);
    ht_json_key(&j, "a");
    if (r->tag_a >= 0) json_figures(&j, r, 0);
    else ht_json_null(&j);
    ht_json_key(&j, "b");
    if (r->tag_b >= 0) json_figures(&j, r, 1);
    else ht_json_null(&j);
    ht_json_key(&j, "change");
    ht_json_begin_object(&j);
    ht_json_key(&j, "peak_bytes");
    ht_json_int(&j, r->peak_bytes[1] - r->peak_bytes[0]);
    ht_json_key(&j, "alloc_bytes");
    ht_json_int(&j, r->alloc_bytes[1] - r->alloc_bytes[0]);
    ht_json_key(&j, "leak_bytes");
    ht_json_int(&j, r->leak_bytes[1] - r->leak_bytes[0]);
    ht_json_end(&j);
    ht_json_end(&j);
  }
  ht_json_end(&j);
  ht_json_end(&j);
  return ht_json_finish(&j);
}
