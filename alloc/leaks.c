/*
** leaks.c -- `heaptrail leaks`: what is still alive when it should not be.
**
** Two questions, both answered by a live set (ht_ana_live_at):
**   at exit         objects alive at the teardown mark (the VM logs
**                   "heaptrail:teardown" before it tears the interpreter
**                   down; without the mark, at the end of the log);
**   between marks   objects allocated at or after mark A and still alive at
**                   mark B (the first B after A).
** Objects are grouped by allocation site (script stack) and tag, largest
** first.  Two kinds of groups are listed apart and never count as leaks:
** VM-internal tags (tag.kind = 'internal': parser, compiler, interned
** strings, VM stacks), and objects allocated with no script frame at all --
** the VM's start-up (builtins, module tables) happens before the script's
** first frame, so its objects are the interpreter's, not the script's.
**
** Retainer paths (which root keeps a group alive) and the split between root
** leaks and objects kept alive only by other leaks need the reference graph
** of a heap snapshot.  They are not in the event log, so this report states
** that they are unavailable rather than guessing; leaks_retainers() is where
** a snapshot reader plugs in.
*/
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"
#include "jsonout.h"

void ht_leaks_free(ht_leaks *l) {
  if (!l) return;
  ht_site_set_free(&l->objects);
  ht_site_set_free(&l->startup);
  ht_site_set_free(&l->internal);
  free(l);
}

/* Retainer information for the groups of L.  The event log has none: set
** the note that says so (and why). */
static void leaks_retainers(const ht_ana *a, ht_leaks *l) {
  l->retainers = 0;
  l->retainers_note =
      a->has_snapshots
          ? "retainer paths: unavailable (this profile holds heap-snapshot tables, but this "
            "version of the leak report does not read them)"
          : "retainer paths and root leaks vs objects kept alive by other leaks: unavailable "
            "(they need a heap snapshot, and this profile has none)";
}

int ht_leaks_build(ht_ana *a, const ht_leaks_opts *o, ht_leaks **out, char *err, size_t errsz) {
  ht_leaks *l = calloc(1, sizeof *l);
  ht_site_set all;
  *out = NULL;
  ht_site_set_init(&all);
  if (!l) {
    snprintf(err, errsz, "%s: out of memory", a->path);
    return -1;
  }
  ht_site_set_init(&l->objects);
  ht_site_set_init(&l->startup);
  ht_site_set_init(&l->internal);
  if (o && (o->mark_a || o->mark_b)) {
    if (!o->mark_a || !o->mark_b) {
      snprintf(err, errsz, "--between needs two marks");
      goto fail;
    }
    l->between = 1;
    l->mark_a = o->mark_a;
    l->mark_b = o->mark_b;
    if (ht_ana_find_mark(a, o->mark_a, -1, &l->from_seq, err, errsz) ||
        ht_ana_find_mark(a, o->mark_b, l->from_seq, &l->to_seq, err, errsz))
      goto fail;
  } else {
    l->from_seq = 0;
    l->to_seq = ht_ana_exit_seq(a);
    l->at_teardown = a->teardown_seq >= 0;
  }
  if (ht_ana_live_at(a, l->to_seq, l->from_seq, &all, err, errsz)) goto fail;
  for (size_t i = 0; i < all.n; i++) {
    const ht_site_stat *s = &all.v[i];
    int internal = ht_ana_tag_is_internal(a, s->tag);
    int startup = !internal && s->stack == 0;
    ht_site_stat *d = ht_site_set_get(internal ? &l->internal : startup ? &l->startup : &l->objects,
                                      s->stack, s->tag);
    if (!d) {
      snprintf(err, errsz, "%s: out of memory", a->path);
      goto fail;
    }
    *d = *s;
    if (internal) {
      l->internal_count += s->count;
      l->internal_bytes += s->bytes;
    } else if (startup) {
      l->startup_count += s->count;
      l->startup_bytes += s->bytes;
    } else {
      l->count += s->count;
      l->bytes += s->bytes;
    }
  }
  ht_site_set_free(&all);
  ht_site_set_sort(&l->objects);
  ht_site_set_sort(&l->startup);
  ht_site_set_sort(&l->internal);
  leaks_retainers(a, l);
  *out = l;
  return 0;
fail:
  ht_site_set_free(&all);
  ht_leaks_free(l);
  return -1;
}

/* One sentence saying which objects the report is about. */
static void describe(const ht_ana *a, const ht_leaks *l, char *buf, size_t n) {
  if (l->between)
    snprintf(buf, n,
             "objects allocated between mark \"%s\" (seq %" PRId64 ") and mark \"%s\" (seq %" PRId64
             ") and still alive at the second",
             l->mark_a, l->from_seq, l->mark_b, l->to_seq);
  else if (l->at_teardown)
    snprintf(buf, n, "objects alive at exit (seq %" PRId64 ", the %s mark, before interpreter teardown)",
             l->to_seq, HT_TEARDOWN_MARK);
  else
    snprintf(buf, n, "objects alive at the end of the log (seq %" PRId64 "; the profile has no %s mark, "
             "so this includes whatever the interpreter's teardown left)",
             a->nevents, HT_TEARDOWN_MARK);
}

static void text_groups(const ht_ana *a, const ht_site_set *s, FILE *out) {
  char b[32];
  fprintf(out, "  %4s  %10s  %8s  %-10s  %s\n", "#", "bytes", "count", "tag",
          "allocated at, innermost first");
  for (size_t i = 0; i < s->n; i++) {
    const ht_site_stat *e = &s->v[i];
    fprintf(out, "  %4zu  %10s  %8" PRId64 "  %-10s  ", i + 1, ht_fmt_bytes(e->bytes, b, sizeof b),
            e->count, ht_ana_tag_name(a, e->tag));
    ht_print_stack(a, e->stack, "                                          ", out);
  }
}

void ht_leaks_print_text(const ht_ana *a, const ht_leaks *l, FILE *out) {
  char what[512], b[32];
  describe(a, l, what, sizeof what);
  fprintf(out, "heaptrail leaks: %s\n%s\n\n", a->path, what);
  fprintf(out, "Leaked objects: %" PRId64 " (%s, %" PRId64 " B) in %zu group%s\n", l->count,
          ht_fmt_bytes(l->bytes, b, sizeof b), l->bytes, l->objects.n, l->objects.n == 1 ? "" : "s");
  if (l->objects.n) text_groups(a, &l->objects, out);
  fprintf(out, "\nObjects of the VM's start-up, allocated with no script frame (not leaks): %" PRId64
               " (%s) in %zu group%s\n",
          l->startup_count, ht_fmt_bytes(l->startup_bytes, b, sizeof b), l->startup.n,
          l->startup.n == 1 ? "" : "s");
  if (l->startup.n) text_groups(a, &l->startup, out);
  fprintf(out, "\nVM-internal memory still allocated (not leaks): %" PRId64 " (%s) in %zu group%s\n",
          l->internal_count, ht_fmt_bytes(l->internal_bytes, b, sizeof b), l->internal.n,
          l->internal.n == 1 ? "" : "s");
  if (l->internal.n) text_groups(a, &l->internal, out);
  fprintf(out, "\n%s\n", l->retainers_note);
}

static void json_groups(ht_json *j, const ht_ana *a, const ht_site_set *s) {
  ht_json_begin_array(j);
  for (size_t i = 0; i < s->n; i++) {
    const ht_site_stat *e = &s->v[i];
    ht_json_begin_object(j);
    ht_json_key(j, "tag");
    ht_json_str(j, ht_ana_tag_name(a, e->tag));
    ht_json_key(j, "count");
    ht_json_int(j, e->count);
    ht_json_key(j, "bytes");
    ht_json_int(j, e->bytes);
    ht_json_key(j, "first_seq");
    ht_json_int(j, e->first);
    ht_json_key(j, "stack");
    ht_json_stack(j, a, e->stack);
    ht_json_key(j, "retainers");
    ht_json_null(j);
    ht_json_end(j);
  }
  ht_json_end(j);
}

int ht_leaks_print_json(const ht_ana *a, const ht_leaks *l, FILE *out) {
  ht_json j;
  ht_json_init(&j, out, 1);
  ht_json_begin_object(&j);
  ht_json_header(&j, a, "heaptrail.leaks");
  ht_json_key(&j, "mode");
  ht_json_str(&j, l->between ? "between" : "exit");
  ht_json_key(&j, "from_seq");
  ht_json_int(&j, l->from_seq);
  ht_json_key(&j, "to_seq");
  ht_json_int(&j, l->to_seq);
  ht_json_key(&j, "marks");
  if (l->between) {
    ht_json_begin_array(&j);
    ht_json_str(&j, l->mark_a);
    ht_json_str(&j, l->mark_b);
    ht_json_end(&j);
  } else {
    ht_json_null(&j);
  }
  ht_json_key(&j, "teardown_mark");
  ht_json_bool(&j, l->at_teardown);
  ht_json_key(&j, "leaked");
  ht_json_begin_object(&j);
  ht_json_key(&j, "count");
  ht_json_int(&j, l->count);
  ht_json_key(&j, "bytes");
  ht_json_int(&j, l->bytes);
  ht_json_key(&j, "groups");
  json_groups(&j, a, &l->objects);
  ht_json_end(&j);
  ht_json_key(&j, "startup");
  ht_json_begin_object(&j);
  ht_json_key(&j, "count");
  ht_json_int(&j, l->startup_count);
  ht_json_key(&j, "bytes");
  ht_json_int(&j, l->startup_bytes);
  ht_json_key(&j, "groups");
  json_groups(&j, a, &l->startup);
  ht_json_end(&j);
  ht_json_key(&j, "internal");
  ht_json_begin_object(&j);
  ht_json_key(&j, "count");
  ht_json_int(&j, l->internal_count);
  ht_json_key(&j, "bytes");
  ht_json_int(&j, l->internal_bytes);
  ht_json_key(&j, "groups");
  json_groups(&j, a, &l->internal);
  ht_json_end(&j);
  ht_json_key(&j, "retainers_available");
  ht_json_bool(&j, l->retainers);
  ht_json_key(&j, "note");
  ht_json_str(&j, l->retainers_note);
  ht_json_end(&j);
  return ht_json_finish(&j);
}

/* ---- HTML ---- */

static void html_esc(FILE *out, const char *s) {
  for (; *s; s++) {
    switch (*s) {
    case '<': fputs("&lt;", out); break;
    case '>': fputs("&gt;", out); break;
    case '&': fputs("&amp;", out); break;
    case '"': fputs("&quot;", out); break;
    case '\'': fputs("&#39;", out); break;
    default: putc(*s, out);
    }
  }
}

static void html_stack(const ht_ana *a, uint32_t stack, FILE *out) {
  char buf[700];
  fputs("<ol class=\"stack\">", out);
  if (stack == 0 || stack >= a->nnodes) {
    fputs("<li>", out);
    html_esc(out, ht_ana_frame_str(a, stack, 1, buf, sizeof buf));
    fputs("</li>", out);
  }
  for (uint32_t s = stack; s && s < a->nnodes; s = a->nodes[s].parent) {
    fputs("<li>", out);
    html_esc(out, ht_ana_frame_str(a, s, 1, buf, sizeof buf));
    fputs("</li>", out);
  }
  fputs("</ol>", out);
}

static void html_groups(const ht_ana *a, const ht_site_set *s, const char *caption, FILE *out) {
  char b[32];
  fprintf(out, "<table>\n<caption>");
  html_esc(out, caption);
  fprintf(out, "</caption>\n<thead><tr><th>#</th><th>bytes</th><th>count</th><th>tag</th>"
               "<th>allocated at (innermost first)</th></tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < s->n; i++) {
    const ht_site_stat *e = &s->v[i];
    fprintf(out, "<tr><td>%zu</td><td class=\"n\" title=\"%" PRId64 " B\">%s</td><td class=\"n\">%" PRId64
                 "</td><td>",
            i + 1, e->bytes, ht_fmt_bytes(e->bytes, b, sizeof b), e->count);
    html_esc(out, ht_ana_tag_name(a, e->tag));
    fputs("</td><td>", out);
    html_stack(a, e->stack, out);
    fputs("</td></tr>\n", out);
  }
  if (!s->n) fputs("<tr><td colspan=\"5\">none</td></tr>\n", out);
  fputs("</tbody>\n</table>\n", out);
}

int ht_leaks_print_html(const ht_ana *a, const ht_leaks *l, FILE *out) {
  char what[512], b[32], cap[200];
  describe(a, l, what, sizeof what);
  fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>heaptrail leaks</title>\n<style>\n"
        "body{font-family:system-ui,sans-serif;margin:2em;color:#222;background:#fff}\n"
        "h1{font-size:1.4em}\n.summary{font-size:1.1em}\n"
        "table{border-collapse:collapse;margin:1.5em 0;width:100%}\n"
        "caption{text-align:left;font-weight:bold;padding:.3em 0}\n"
        "th,td{border-bottom:1px solid #ddd;padding:.3em .6em;text-align:left;vertical-align:top}\n"
        "th{background:#f4f4f4}\ntd.n{text-align:right;font-variant-numeric:tabular-nums}\n"
        "ol.stack{margin:0;padding-left:1.2em;font-family:monospace}\n"
        ".note{color:#555;font-style:italic}\n"
        "</style>\n</head>\n<body>\n<h1>heaptrail leaks</h1>\n<p>Profile: <code>",
        out);
  html_esc(out, a->path);
  fputs("</code>", out);
  if (a->script) {
    fputs(", script: <code>", out);
    html_esc(out, a->script);
    fputs("</code>", out);
  }
  fputs("</p>\n<p>", out);
  html_esc(out, what);
  fprintf(out, "</p>\n<p class=\"summary\"><strong>%" PRId64 " leaked object%s, %s</strong> (%" PRId64
               " B) in %zu group%s.</p>\n",
          l->count, l->count == 1 ? "" : "s", ht_fmt_bytes(l->bytes, b, sizeof b), l->bytes, l->objects.n,
          l->objects.n == 1 ? "" : "s");
  html_groups(a, &l->objects, "Leaked objects, by allocation site and tag", out);
  snprintf(cap, sizeof cap, "Objects of the VM's start-up, with no script frame (not leaks): %" PRId64 ", %s",
           l->startup_count, ht_fmt_bytes(l->startup_bytes, b, sizeof b));
  html_groups(a, &l->startup, cap, out);
  snprintf(cap, sizeof cap, "VM-internal memory still allocated (not leaks): %" PRId64 ", %s",
           l->internal_count, ht_fmt_bytes(l->internal_bytes, b, sizeof b));
  html_groups(a, &l->internal, cap, out);
  fputs("<p class=\"note\">", out);
  html_esc(out, l->retainers_note);
  fputs("</p>\n</body>\n</html>\n", out);
  return fflush(out) || ferror(out) ? -1 : 0;
}
