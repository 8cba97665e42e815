/*
** cli-graph.c -- the reference-graph commands of the `heaptrail` program:
**
**   heaptrail graph FILE [--at SEQ [--from N] | --at-peak | --at-exit | --snapshot N]
**                        [--root OBJ | --focus OBJ [--depth K]] [--all]
**                        [--format text|dot|json] [--max-nodes N] [-o OUT]
**   heaptrail graph FILE --list [--format json]
**   heaptrail why FILE OBJ [--at SEQ [--from N] | --at-peak | --at-exit | --snapshot N]
**                          [--paths K] [--format text|json] [--ascii]
**
** OBJ is an object id (object.id, the seq of its allocation; a negative id
** names a static object), or a block address in hex (0x...).  The moment
** defaults to the exit snapshot.  graph shows, by default, the objects the
** program's own roots reach; --all adds the VM's internals; --root shows what
** one object reaches, --focus the neighbourhood of one object (K edges either
** way, 2 by default).  Neither enters VM-internal objects, static objects or
** other roots: those are shown as leaves.  A selection of more than
** --max-nodes nodes (200) is collapsed -- same-type leaves grouped under their
** holder, then by type, then cut -- and the output says so.
**
** --at SEQ starts from the last snapshot at or before SEQ and replays the
** --refs log to SEQ when the profile has one (else it says it shows that
** snapshot); --from N replays from snapshot N instead (a check of the log);
** --at-peak goes to the peak of live object bytes (analysis.h's ht_ana_peak).
** doc/graphs.md describes the outputs and their JSON schemas.
**
** Exit status: 0; 1 on an error (message naming the file on stderr) or when
** why's object is not in the graph; 2 on a usage error.
*/
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "analysis.h"
#include "graph.h"
#include "jsonout.h"
#include "profile.h"

static const char graph_usage[] =
  "usage: heaptrail graph FILE [--at SEQ [--from N] | --at-peak | --at-exit | --snapshot N]\n"
  "                            [--root OBJ | --focus OBJ [--depth K]] [--all]\n"
  "                            [--format text|dot|json] [--max-nodes N] [-o OUT]\n"
  "       heaptrail graph FILE --list\n"
  "OBJ is an object id (the seq of its allocation) or a hex address (0x...).\n";

static const char why_usage[] =
  "usage: heaptrail why FILE OBJ [--at SEQ [--from N] | --at-peak | --at-exit | --snapshot N]\n"
  "                              [--paths K] [--format text|json] [--ascii]\n"
  "OBJ is an object id (the seq of its allocation) or a hex address (0x...).\n";

/* ------------------------------------------------------------------ */
/* Arguments                                                          */
/* ------------------------------------------------------------------ */

typedef struct args {
  const char *cmd;             /* "graph" or "why" */
  const char *usage;
  const char *file;            /* the profile */
  const char *obj;             /* why: the object; graph: --root/--focus */
  int at;                      /* HT_AT_* or -1 for --at-peak */
  int64_t at_value;            /* its value */
  int have_at;                 /* a moment option was given */
  int64_t from;                /* --from N: replay from snapshot N (-1: nearest) */
  int root_mode;               /* graph: 0 default, 1 --root, 2 --focus */
  int depth;                   /* --depth */
  int all;                     /* --all */
  int list;                    /* --list */
  const char *format;          /* text, dot, json */
  const char *out;             /* -o */
  long max_nodes;              /* --max-nodes */
  int paths;                   /* why --paths */
  int ascii;                   /* why --ascii */
} args;

static int usage_error(const args *a, const char *fmt, const char *arg) {
  fprintf(stderr, "heaptrail %s: ", a->cmd);
  fprintf(stderr, fmt, arg);
  fprintf(stderr, "\n%s", a->usage);
  return 2;
}

/* Option NAME at argv[*i], value inline (--x=v) or next.  1 matched (value in
** *VAL), 0 not this option, -1 value missing. */
static int opt_value(int argc, char **argv, int *i, const char *name, const char **val) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n)) return 0;
  if (a[n] == '=') {
    *val = a + n + 1;
    return 1;
  }
  if (a[n]) return 0;
  if (*i + 1 >= argc) return -1;
  *val = argv[++*i];
  return 1;
}

static int parse_i64(const char *s, int64_t *out) {
  char *end;
  errno = 0;
  long long v = strtoll(s, &end, 10);
  if (errno || end == s || *end) return -1;
  *out = v;
  return 0;
}

static int set_moment(args *a, int at, const char *v, const char *name) {
  if (a->have_at) {
    fprintf(stderr, "heaptrail %s: give one of --at, --at-peak, --at-exit, --snapshot (%s)\n",
            a->cmd, name);
    return -1;
  }
  a->have_at = 1;
  a->at = at;
  if (v && parse_i64(v, &a->at_value)) {
    fprintf(stderr, "heaptrail %s: %s needs a number, not '%s'\n", a->cmd, name, v);
    return -1;
  }
  return 0;
}

static int parse_args(args *a, int argc, char **argv) {
  int npos = 0;
  for (int i = 1; i < argc; i++) {
    const char *v = NULL;
    const char *s = argv[i];
    int r;
#define OPT(name)                                                          \
  (r = opt_value(argc, argv, &i, name, &v)) < 0                            \
      ? (usage_error(a, "%s needs a value", name), -1)                     \
      : r
    if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
      fputs(a->usage, stdout);
      return 1;
    } else if ((r = OPT("--at")) != 0) {
      if (r < 0 || set_moment(a, HT_AT_SEQ, v, "--at")) return -2;
    } else if ((r = OPT("--snapshot")) != 0) {
      if (r < 0 || set_moment(a, HT_AT_SNAPSHOT, v, "--snapshot")) return -2;
    } else if ((r = OPT("--from")) != 0) {
      if (r < 0) return -2;
      if (parse_i64(v, &a->from)) {
        usage_error(a, "--from needs a snapshot id, not '%s'", v);
        return -2;
      }
    } else if (!strcmp(s, "--at-peak")) {
      if (set_moment(a, -1, NULL, "--at-peak")) return -2;
    } else if (!strcmp(s, "--at-exit")) {
      if (set_moment(a, HT_AT_EXIT, NULL, "--at-exit")) return -2;
    } else if ((r = OPT("--format")) != 0) {
      if (r < 0) return -2;
      a->format = v;
    } else if ((r = OPT("-o")) != 0) {
      if (r < 0) return -2;
      a->out = v;
    } else if (a->cmd[0] == 'g' && (r = OPT("--root")) != 0) {
      if (r < 0) return -2;
      a->obj = v;
      a->root_mode = 1;
    } else if (a->cmd[0] == 'g' && (r = OPT("--focus")) != 0) {
      if (r < 0) return -2;
      a->obj = v;
      a->root_mode = 2;
    } else if (a->cmd[0] == 'g' && (r = OPT("--depth")) != 0) {
      int64_t d;
      if (r < 0) return -2;
      if (parse_i64(v, &d) || d < 0 || d > 1000) {
        usage_error(a, "--depth needs a number from 0 to 1000, not '%s'", v);
        return -2;
      }
      a->depth = (int)d;
    } else if (a->cmd[0] == 'g' && (r = OPT("--max-nodes")) != 0) {
      int64_t d;
      if (r < 0) return -2;
      if (parse_i64(v, &d) || d < 1) {
        usage_error(a, "--max-nodes needs a positive number, not '%s'", v);
        return -2;
      }
      a->max_nodes = (long)d;
    } else if (a->cmd[0] == 'w' && (r = OPT("--paths")) != 0) {
      int64_t d;
      if (r < 0) return -2;
      if (parse_i64(v, &d) || d < 1 || d > 100) {
        usage_error(a, "--paths needs a number from 1 to 100, not '%s'", v);
        return -2;
      }
      a->paths = (int)d;
    } else if (a->cmd[0] == 'g' && !strcmp(s, "--all")) {
      a->all = 1;
    } else if (a->cmd[0] == 'g' && !strcmp(s, "--list")) {
      a->list = 1;
    } else if (a->cmd[0] == 'w' && !strcmp(s, "--ascii")) {
      a->ascii = 1;
    } else if (s[0] == '-' && s[1] && !(s[1] >= '0' && s[1] <= '9')) {
      usage_error(a, "unknown option %s", s);
      return -2;
    } else if (npos == 0) {
      a->file = s;
      npos++;
    } else if (npos == 1 && a->cmd[0] == 'w') {
      a->obj = s;
      npos++;
    } else {
      usage_error(a, "unexpected argument '%s'", s);
      return -2;
    }
#undef OPT
  }
  if (!a->file) {
    usage_error(a, "%s", "no profile given");
    return -2;
  }
  if (a->cmd[0] == 'w' && !a->obj) {
    usage_error(a, "%s", "no object given");
    return -2;
  }
  if (a->from >= 0 && !(a->have_at && a->at == HT_AT_SEQ)) {
    usage_error(a, "%s", "--from goes with --at SEQ");
    return -2;
  }
  if (a->depth && a->root_mode != 2) {
    usage_error(a, "%s", "--depth goes with --focus");
    return -2;
  }
  return 0;
}

/* OBJ as the index of a node of G: a decimal id, "#id", or 0x address. */
static int64_t find_obj(const ht_graph *g, const char *s, char *what, size_t n) {
  if (s[0] == '#') s++;
  if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    char *end;
    errno = 0;
    unsigned long long addr = strtoull(s + 2, &end, 16);
    if (errno || end == s + 2 || *end) {
      snprintf(what, n, "'%s' is not a hex address", s);
      return -2;
    }
    snprintf(what, n, "address %s", s);
    return ht_graph_find_addr(g, addr);
  }
  int64_t id;
  if (parse_i64(s, &id)) {
    snprintf(what, n, "'%s' is neither an object id nor a hex address (0x...)", s);
    return -2;
  }
  snprintf(what, n, "object %s", s);
  return ht_graph_find(g, id);
}

/* ------------------------------------------------------------------ */
/* Opening and choosing the moment                                    */
/* ------------------------------------------------------------------ */

typedef struct ctx {
  ht_profile *prof;            /* (owned) */
  sqlite3 *db;                 /* (borrowed) */
  ht_graph *g;                 /* (owned) */
  char note[768];              /* what the graph is, for the user */
  int64_t peak_seq, peak_bytes;/* --at-peak: the object peak, -1 when not asked */
} ctx;

static void ctx_close(ctx *c) {
  ht_graph_free(c->g);
  ht_profile_close(c->prof);
}

static int open_graph(const args *a, ctx *c) {
  char err[1024];
  memset(c, 0, sizeof *c);
  c->peak_seq = c->peak_bytes = -1;
  if (ht_profile_open(&c->prof, a->file, HT_PROFILE_READONLY, err, sizeof err)) {
    fprintf(stderr, "heaptrail %s: %s\n", a->cmd, err);
    return -1;
  }
  c->db = ht_profile_db(c->prof);
  if (!ht_graph_has_snapshots(c->db)) {
    fprintf(stderr,
            "heaptrail %s: %s: this profile holds no heap snapshot (heaptrail run takes one "
            "at exit unless --no-snapshot-exit; a run killed before its end stores none)\n",
            a->cmd, a->file);
    return -1;
  }
  int at = a->have_at ? a->at : HT_AT_EXIT;
  int64_t value = a->at_value;
  if (at == -1) {
    /* the peak of live object bytes, from the event log (analysis.h) */
    ht_ana *an = NULL;
    ht_peak pk;
    if (ht_ana_open(&an, a->file, err, sizeof err) ||
        ht_ana_peak(an, HT_SEL_OBJECTS, &pk, err, sizeof err)) {
      fprintf(stderr, "heaptrail %s: %s\n", a->cmd, err);
      ht_ana_close(an);
      return -1;
    }
    ht_ana_close(an);
    if (pk.seq < 0) {
      fprintf(stderr, "heaptrail %s: %s: no object was ever alive: there is no peak\n",
              a->cmd, a->file);
      return -1;
    }
    c->peak_seq = pk.seq;
    c->peak_bytes = pk.bytes;
    ht_snapinfo *snaps = NULL;
    size_t n = 0;
    if (ht_graph_snapshots(c->db, &snaps, &n, err, sizeof err)) {
      fprintf(stderr, "heaptrail %s: %s: %s\n", a->cmd, a->file, err);
      return -1;
    }
    int refs = n && snaps[0].refs;
    if (refs) {
      at = HT_AT_SEQ;
      value = pk.seq;
    } else {
      /* no replay: the snapshot whose live bytes come closest to the peak */
      const ht_snapinfo *best = NULL;
      for (size_t i = 0; i < n; i++) {
        int64_t d = snaps[i].live_bytes - pk.bytes, bd = best ? best->live_bytes - pk.bytes : 0;
        if (d < 0) d = -d;
        if (bd < 0) bd = -bd;
        int64_t ds = snaps[i].seq - pk.seq, bs = best ? best->seq - pk.seq : 0;
        if (ds < 0) ds = -ds;
        if (bs < 0) bs = -bs;
        if (!best || d < bd || (d == bd && ds < bs)) best = &snaps[i];
      }
      at = HT_AT_SNAPSHOT;
      value = best ? best->id : 0;
      if (best)
        snprintf(c->note, sizeof c->note,
                 "peak of live object bytes: %" PRId64 " at seq %" PRId64 "; no --refs log: "
                 "showing the snapshot closest to it, snapshot %" PRId64 " (%s) taken at seq "
                 "%" PRId64 " with %" PRId64 " live object bytes",
                 pk.bytes, pk.seq, best->id, *best->label ? best->label : best->trigger,
                 best->seq, best->live_bytes);
    }
    free(snaps);
  }
  if (a->from >= 0 ? ht_graph_replay(c->db, a->from, value, &c->g, err, sizeof err)
                   : ht_graph_load(c->db, at, value, &c->g, err, sizeof err)) {
    fprintf(stderr, "heaptrail %s: %s: %s\n", a->cmd, a->file, err);
    return -1;
  }
  if (!c->note[0]) {
    const ht_graph_info *in = ht_graph_info_of(c->g);
    if (c->peak_seq >= 0)
      snprintf(c->note, sizeof c->note, "peak of live object bytes: %" PRId64 " at seq %" PRId64
               "; %s", c->peak_bytes, c->peak_seq, in->note);
    else
      snprintf(c->note, sizeof c->note, "%s", in->note);
  }
  return 0;
}

static FILE *open_out(const args *a) {
  if (!a->out || !strcmp(a->out, "-")) return stdout;
  FILE *f = fopen(a->out, "w");
  if (!f) fprintf(stderr, "heaptrail %s: cannot write %s: %s\n", a->cmd, a->out, strerror(errno));
  return f;
}

static int close_out(const args *a, FILE *f) {
  int bad = ferror(f);
  if (f != stdout) bad |= fclose(f) != 0;
  else bad |= fflush(f) != 0;
  if (bad) {
    fprintf(stderr, "heaptrail %s: error writing %s\n", a->cmd, a->out ? a->out : "the output");
    return -1;
  }
  return 0;
}

static void human(int64_t b, char *buf, size_t n) {
  if (b < 10240) snprintf(buf, n, "%" PRId64 " B", b);
  else if (b < 10 * 1048576LL) snprintf(buf, n, "%.1f KiB", b / 1024.0);
  else if (b < 10 * 1073741824LL) snprintf(buf, n, "%.1f MiB", b / 1048576.0);
  else snprintf(buf, n, "%.1f GiB", b / 1073741824.0);
}

/* ------------------------------------------------------------------ */
/* Selecting and collapsing                                           */
/* ------------------------------------------------------------------ */

/* Where a shown item comes from: a node, or a group of same-type leaves. */
typedef struct ditem {
  int64_t node;                /* node index, or -1 for a group */
  const char *type;            /* group: the members' type */
  int64_t count, bytes;        /* group: members and their size */
  int reach;                   /* node's, or the group's first member's */
} ditem;

typedef struct dedge {
  uint32_t src, dst;           /* ditem indexes */
  const char *first, *last;    /* labels of the first and last edge folded in */
  const char *kind;
  int64_t count;
} dedge;

typedef struct view {
  const ht_graph *g;
  uint32_t *disp;              /* node -> ditem index, UINT32_MAX = hidden (owned) */
  ditem *items;                /* (owned) */
  size_t nitems;
  dedge *edges;                /* (owned) */
  size_t nedges, capedges;
  size_t selected;             /* nodes selected before collapsing */
  size_t grouped;              /* nodes folded into groups */
  size_t cut;                  /* nodes dropped to stay under the limit */
  const char *what;            /* what the selection is */
  int64_t start;               /* --root/--focus: the node, else -1 */
  char path[1024];             /* its shortest retainer path, "" if none */
} view;

/* "key '__name__'": a module's own entry, not a variable of the program. */
static int dunder_key(const char *label) {
  size_t n = strlen(label);
  return n >= 10 && !strncmp(label, "key '__", 7) && !strcmp(label + n - 3, "__'");
}

/* "#123" for a recorded object, "0x55d2..." (its address) for a static one. */
static const char *node_ref(const ht_gnode *x, char *buf, size_t n) {
  if (x->id < 0) snprintf(buf, n, "0x%" PRIx64, x->addr);
  else snprintf(buf, n, "#%" PRId64, x->id);
  return buf;
}

static int is_globals_root(const ht_graph *g, uint32_t i) {
  size_t nr = ht_graph_nroots(g);
  for (size_t r = 0; r < nr; r++) {
    const ht_groot *rt = ht_graph_root(g, r);
    if (rt->node == i && !strcmp(rt->kind, "globals")) return 1;
  }
  return 0;
}

/* Nodes a --root/--focus walk shows but does not enter. */
static int stop_at(const ht_gnode *x) {
  return (x->flags & (HT_GNODE_ROOT | HT_GNODE_STATIC)) || x->reach == HT_REACH_INTERNAL;
}

static const ht_graph *order_graph;    /* qsort's context */

/* Closer to the roots first (user before internal), then by id. */
static int cmp_nearer(const void *a, const void *b) {
  const ht_gnode *x = ht_graph_node(order_graph, *(const uint32_t *)a);
  const ht_gnode *y = ht_graph_node(order_graph, *(const uint32_t *)b);
  if (x->reach != y->reach) return x->reach < y->reach ? -1 : 1;
  if (x->depth != y->depth) return x->depth < y->depth ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Select nodes into IN (1 = shown) in ORDER; returns the count. */
static size_t select_nodes(const args *a, const ht_graph *g, int64_t start, uint8_t *in,
                           uint32_t *order) {
  size_t nn = ht_graph_nnodes(g), n = 0;
  if (a->root_mode == 0) {
    for (uint32_t i = 0; i < nn; i++) {
      const ht_gnode *x = ht_graph_node(g, i);
      if (in[i]) continue;
      if (!a->all && (x->reach != HT_REACH_USER || is_globals_root(g, i))) continue;
      in[i] = 1;
      order[n++] = i;
      if (a->all) continue;
      /* static leaves the program points at (small ints, True ...) */
      size_t no;
      const ht_gedge *out = ht_graph_out(g, i, &no);
      for (size_t j = 0; j < no; j++) {
        const ht_gnode *d = ht_graph_node(g, out[j].dst);
        if (!in[out[j].dst] && (d->flags & HT_GNODE_STATIC) && strcmp(d->type, "NoneType") &&
            strcmp(d->type, "type")) {
          in[out[j].dst] = 1;
          order[n++] = out[j].dst;
        }
      }
    }
    /* what is cut first, if anything must be, is what lies farthest away */
    order_graph = g;
    qsort(order, n, sizeof *order, cmp_nearer);
    return n;
  }
  /* breadth-first from START: out-edges (--root) or both ways (--focus) */
  uint32_t *depth = calloc(nn ? nn : 1, sizeof *depth);
  if (!depth) return 0;
  in[start] = 1;
  order[n++] = (uint32_t)start;
  for (size_t head = 0; head < n; head++) {
    uint32_t v = order[head];
    if (v != start && stop_at(ht_graph_node(g, v))) continue;
    if (a->root_mode == 2 && depth[v] >= (uint32_t)a->depth) continue;
    size_t no;
    const ht_gedge *out = ht_graph_out(g, v, &no);
    for (size_t j = 0; j < no; j++) {
      uint32_t w = out[j].dst;
      if (in[w]) continue;
      in[w] = 1;
      depth[w] = depth[v] + 1;
      order[n++] = w;
    }
    if (a->root_mode == 2) {
      size_t ni;
      const ht_gedge *const *inn = ht_graph_in(g, v, &ni);
      for (size_t j = 0; j < ni; j++) {
        uint32_t w = inn[j]->src;
        if (in[w]) continue;
        in[w] = 1;
        depth[w] = depth[v] + 1;
        order[n++] = w;
      }
    }
  }
  free(depth);
  return n;
}

static int add_dedge(view *v, uint32_t s, uint32_t d, const ht_gedge *e, uint64_t **keys,
                     uint32_t **vals, size_t *mask) {
  /* (s, d) -> dedge index, open addressing */
  uint64_t k = ((uint64_t)s << 32 | d) + 1;
  if ((v->nedges + 1) * 2 > *mask) {
    size_t nmask = *mask ? *mask * 2 + 1 : 1023;
    uint64_t *nk = calloc(nmask + 1, sizeof *nk);
    uint32_t *nv = calloc(nmask + 1, sizeof *nv);
    if (!nk || !nv) {
      free(nk);
      free(nv);
      return -1;
    }
    for (size_t i = 0; *keys && i <= *mask; i++) {
      if (!(*keys)[i]) continue;
      size_t j = ((*keys)[i] * 0x9e3779b97f4a7c15ull >> 20) & nmask;
      while (nk[j]) j = (j + 1) & nmask;
      nk[j] = (*keys)[i];
      nv[j] = (*vals)[i];
    }
    free(*keys);
    free(*vals);
    *keys = nk;
    *vals = nv;
    *mask = nmask;
  }
  size_t j = (k * 0x9e3779b97f4a7c15ull >> 20) & *mask;
  for (; (*keys)[j]; j = (j + 1) & *mask)
    if ((*keys)[j] == k) {
      dedge *de = &v->edges[(*vals)[j]];
      de->count++;
      de->last = e->label;
      return 0;
    }
  if (v->nedges == v->capedges) {
    size_t cap = v->capedges ? v->capedges * 2 : 256;
    dedge *ne = realloc(v->edges, cap * sizeof *ne);
    if (!ne) return -1;
    v->edges = ne;
    v->capedges = cap;
  }
  (*keys)[j] = k;
  (*vals)[j] = (uint32_t)v->nedges;
  v->edges[v->nedges++] = (dedge){s, d, e->label, e->label, e->kind, 1};
  return 0;
}

/* Group the leaves among the shown nodes: by (type, holder) when BY_HOLDER,
** else by type.  Only groups of two or more are folded. */
static int group_leaves(view *v, const uint8_t *in, const uint32_t *order, size_t n,
                        int by_holder) {
  const ht_graph *g = v->g;
  typedef struct gk { const char *type; int64_t holder; uint32_t item; int64_t count; } gk;
  gk *groups = NULL;
  size_t ng = 0, capg = 0;
  int rc = -1;
  /* first pass: count candidates per key */
  int64_t *key_of = malloc(sizeof *key_of * (n ? n : 1));
  if (!key_of) return -1;
  for (size_t k = 0; k < n; k++) {
    uint32_t i = order[k];
    key_of[k] = -1;
    if (v->disp[i] == UINT32_MAX || v->items[v->disp[i]].node != (int64_t)i) continue;
    const ht_gnode *x = ht_graph_node(g, i);
    if (x->flags & HT_GNODE_ROOT) continue;
    size_t no;
    const ht_gedge *out = ht_graph_out(g, i, &no);
    int leaf = 1;
    for (size_t j = 0; j < no && leaf; j++)
      if (in[out[j].dst] && out[j].dst != i) leaf = 0;
    if (!leaf) continue;
    int64_t holder = -1;
    if (by_holder) {
      size_t ni;
      const ht_gedge *const *inn = ht_graph_in(g, i, &ni);
      for (size_t j = 0; j < ni; j++)
        if (in[inn[j]->src] && inn[j]->src != i) {
          holder = v->disp[inn[j]->src];
          break;
        }
    }
    size_t q;
    for (q = 0; q < ng; q++)
      if (groups[q].type == x->type && groups[q].holder == holder) break;
    if (q == ng) {
      if (ng == capg) {
        capg = capg ? capg * 2 : 64;
        gk *ngp = realloc(groups, capg * sizeof *ngp);
        if (!ngp) goto out;
        groups = ngp;
      }
      groups[ng++] = (gk){x->type, holder, UINT32_MAX, 0};
    }
    groups[q].count++;
    key_of[k] = (int64_t)q;
  }
  /* second pass: fold the members of groups of two or more */
  for (size_t k = 0; k < n; k++) {
    if (key_of[k] < 0) continue;
    gk *gr = &groups[key_of[k]];
    if (gr->count < 2) continue;
    uint32_t i = order[k];
    const ht_gnode *x = ht_graph_node(g, i);
    if (gr->item == UINT32_MAX) {
      /* the group takes over the first member's item */
      gr->item = v->disp[i];
      ditem *it = &v->items[gr->item];
      it->node = -1;
      it->type = x->type;
      it->count = 0;
      it->bytes = 0;
      it->reach = x->reach;
    } else {
      v->items[v->disp[i]].count = -1;      /* an item to drop */
    }
    v->disp[i] = gr->item;
    v->items[gr->item].count++;
    v->items[gr->item].bytes += x->size;
    v->grouped++;
  }
  rc = 0;
out:
  free(groups);
  free(key_of);
  return rc;
}

/* Renumber items after groups and cuts (count -1 marks dropped items). */
static int compact_items(view *v, size_t nn) {
  uint32_t *map = malloc(sizeof *map * (v->nitems ? v->nitems : 1));
  if (!map) return -1;
  size_t k = 0;
  for (size_t i = 0; i < v->nitems; i++) {
    if (v->items[i].count == -1) {
      map[i] = UINT32_MAX;
      continue;
    }
    map[i] = (uint32_t)k;
    v->items[k++] = v->items[i];
  }
  v->nitems = k;
  for (size_t i = 0; i < nn; i++)
    if (v->disp[i] != UINT32_MAX) v->disp[i] = map[v->disp[i]];
  free(map);
  return 0;
}

static int build_view(const args *a, const ht_graph *g, int64_t start, view *v) {
  size_t nn = ht_graph_nnodes(g);
  memset(v, 0, sizeof *v);
  v->g = g;
  uint8_t *in = calloc(nn ? nn : 1, 1);
  uint32_t *order = malloc(sizeof *order * (nn ? nn : 1));
  v->disp = malloc(sizeof *v->disp * (nn ? nn : 1));
  v->items = malloc(sizeof *v->items * (nn ? nn : 1));
  uint64_t *keys = NULL;
  uint32_t *vals = NULL;
  size_t mask = 0;
  int rc = -1;
  if (!in || !order || !v->disp || !v->items) goto out;
  size_t n = select_nodes(a, g, start, in, order);
  v->selected = n;
  for (size_t i = 0; i < nn; i++) v->disp[i] = UINT32_MAX;
  for (size_t k = 0; k < n; k++) {
    const ht_gnode *x = ht_graph_node(g, order[k]);
    v->disp[order[k]] = (uint32_t)v->nitems;
    v->items[v->nitems++] = (ditem){order[k], x->type, 1, x->size, x->reach};
  }
  size_t limit = (size_t)a->max_nodes;
  if (v->nitems > limit) {
    if (group_leaves(v, in, order, n, 1) || compact_items(v, nn)) goto out;
  }
  if (v->nitems > limit) {
    if (group_leaves(v, in, order, n, 0) || compact_items(v, nn)) goto out;
  }
  if (v->nitems > limit) {
    /* keep the first LIMIT items in selection order */
    for (size_t i = limit; i < v->nitems; i++) {
      v->cut += v->items[i].node >= 0 ? 1 : (size_t)v->items[i].count;
      v->items[i].count = -1;
    }
    if (compact_items(v, nn)) goto out;
  }
  /* edges between shown items, folded per (src item, dst item) */
  for (size_t k = 0; k < n; k++) {
    uint32_t i = order[k];
    if (v->disp[i] == UINT32_MAX) continue;
    size_t no;
    const ht_gedge *out = ht_graph_out(g, i, &no);
    for (size_t j = 0; j < no; j++) {
      uint32_t d = out[j].dst;
      if (v->disp[d] == UINT32_MAX) continue;
      if (add_dedge(v, v->disp[i], v->disp[d], &out[j], &keys, &vals, &mask)) goto out;
    }
  }
  rc = 0;
out:
  free(in);
  free(order);
  free(keys);
  free(vals);
  return rc;
}

static void view_free(view *v) {
  free(v->disp);
  free(v->items);
  free(v->edges);
}

/* The roots pointing into the view: "global 'x'" -> item, ... */
typedef struct vroot {
  char text[1024];
  uint32_t item;
} vroot;

static size_t view_roots(const view *v, vroot **out) {
  const ht_graph *g = v->g;
  size_t nr = ht_graph_nroots(g), n = 0, cap = 0;
  vroot *r = NULL;
  if (v->start >= 0) {
    /* one object's view: how the program holds it */
    if (!v->path[0] || v->disp[v->start] == UINT32_MAX) {
      *out = NULL;
      return 0;
    }
    r = malloc(sizeof *r);
    if (!r) {
      *out = NULL;
      return 0;
    }
    snprintf(r->text, sizeof r->text, "%s", v->path);
    r->item = v->disp[v->start];
    *out = r;
    return 1;
  }
  for (size_t k = 0; k < nr; k++) {
    const ht_groot *rt = ht_graph_root(g, k);
    int globals = !strcmp(rt->kind, "globals"), frame = !strcmp(rt->kind, "frame");
    if (globals && v->disp[rt->node] == UINT32_MAX) {
      /* the dict is hidden: its entries become roots */
      size_t no;
      const ht_gedge *e = ht_graph_out(g, rt->node, &no);
      for (size_t j = 0; j < no; j++) {
        if (strcmp(e[j].kind, "value") || v->disp[e[j].dst] == UINT32_MAX) continue;
        if (strncmp(e[j].label, "key ", 4) || dunder_key(e[j].label)) continue;
        if (n == cap) {
          cap = cap ? cap * 2 : 32;
          vroot *nr2 = realloc(r, cap * sizeof *nr2);
          if (!nr2) break;
          r = nr2;
        }
        if (!strcmp(rt->name, "__main__"))
          snprintf(r[n].text, sizeof r[n].text, "global %s", e[j].label + 4);
        else
          snprintf(r[n].text, sizeof r[n].text, "global %s of %s", e[j].label + 4, rt->name);
        r[n].item = v->disp[e[j].dst];
        n++;
      }
      continue;
    }
    if (v->disp[rt->node] == UINT32_MAX) continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 32;
      vroot *nr2 = realloc(r, cap * sizeof *nr2);
      if (!nr2) break;
      r = nr2;
    }
    if (globals) snprintf(r[n].text, sizeof r[n].text, "globals of module %s", rt->name);
    else if (frame) snprintf(r[n].text, sizeof r[n].text, "frame %s", rt->name);
    else snprintf(r[n].text, sizeof r[n].text, "%s %s", rt->kind, rt->name);
    r[n].item = v->disp[rt->node];
    n++;
  }
  *out = r;
  return n;
}

static const char *edge_text(const dedge *e, char *buf, size_t n) {
  if (e->count == 1) snprintf(buf, n, "%s", e->first);
  else snprintf(buf, n, "%s ... %s (%" PRId64 ")", e->first, e->last, e->count);
  return buf;
}

static void collapse_note(const view *v, char *buf, size_t n) {
  buf[0] = 0;
  if (!v->grouped && !v->cut) return;
  size_t at = 0;
  at += (size_t)snprintf(buf, n, "%zu nodes selected, more than --max-nodes: ", v->selected);
  if (v->grouped && at < n)
    at += (size_t)snprintf(buf + at, n - at, "%zu same-type leaves folded into groups%s",
                           v->grouped, v->cut ? ", " : "");
  if (v->cut && at < n)
    snprintf(buf + at, n - at, "%zu nodes not shown (raise --max-nodes, or use --focus)", v->cut);
}

/* ------------------------------------------------------------------ */
/* Output                                                             */
/* ------------------------------------------------------------------ */

static void dot_str(FILE *f, const char *s) {
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') fputc('\\', f);
    if (*s == '\n') {
      fputs("\\n", f);
      continue;
    }
    if ((unsigned char)*s < 0x20) continue;
    fputc(*s, f);
  }
}

static const char *reach_color(int reach) {
  switch (reach) {
  case HT_REACH_USER: return "white";
  case HT_REACH_INTERNAL: return "gray90";
  case HT_REACH_GARBAGE: return "lightpink";
  case HT_REACH_UNREACHED: return "moccasin";
  default: return "lightyellow";
  }
}

static void write_dot(FILE *f, const args *a, ctx *c, view *v) {
  ht_graph *g = c->g;
  char buf[512], hb[32], note[512];
  collapse_note(v, note, sizeof note);
  fputs("digraph heap {\n  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=10, "
        "labelloc=t, label=\"",
        f);
  snprintf(buf, sizeof buf, "heaptrail graph %s", a->file);
  dot_str(f, buf);
  fputs("\\n", f);
  dot_str(f, c->note);
  if (note[0]) {
    fputs("\\n", f);
    dot_str(f, note);
  }
  fputs("\"];\n  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", "
        "fontsize=9];\n  edge [fontname=\"Helvetica\", fontsize=8];\n",
        f);
  for (size_t i = 0; i < v->nitems; i++) {
    const ditem *it = &v->items[i];
    fprintf(f, "  n%zu [fillcolor=%s, label=\"", i, reach_color(it->reach));
    if (it->node >= 0) {
      const ht_gnode *x = ht_graph_node(g, (uint32_t)it->node);
      dot_str(f, x->type);
      if (*x->repr && strcmp(x->repr, x->type)) {
        fputs("\\n", f);
        dot_str(f, x->repr);
      }
      char ref[40];
      human(x->size, hb, sizeof hb);
      fprintf(f, "\\n%s  %s\"", node_ref(x, ref, sizeof ref), hb);
      if (x->flags & HT_GNODE_STATIC) fputs(", style=\"rounded,filled,dashed\"", f);
      fputs("];\n", f);
    } else {
      human(it->bytes, hb, sizeof hb);
      fprintf(f, "%" PRId64 " x ", it->count);
      dot_str(f, it->type);
      fprintf(f, "\\n%s\", shape=box3d];\n", hb);
    }
  }
  vroot *roots = NULL;
  size_t nr = view_roots(v, &roots);
  for (size_t k = 0; k < nr; k++) {
    fprintf(f, "  r%zu [shape=plaintext, style=\"\", fontcolor=blue, label=\"", k);
    dot_str(f, roots[k].text);
    fprintf(f, "\"];\n  r%zu -> n%u [color=blue];\n", k, roots[k].item);
  }
  free(roots);
  for (size_t i = 0; i < v->nedges; i++) {
    const dedge *e = &v->edges[i];
    fprintf(f, "  n%u -> n%u [label=\"", e->src, e->dst);
    dot_str(f, edge_text(e, buf, sizeof buf));
    fputs("\"];\n", f);
  }
  fputs("}\n", f);
}

static void write_text(FILE *f, const args *a, ctx *c, view *v) {
  ht_graph *g = c->g;
  char buf[512], hb[32], rb[32], note[512];
  fprintf(f, "heaptrail graph %s\n%s\n", a->file, c->note);
  collapse_note(v, note, sizeof note);
  if (note[0]) fprintf(f, "%s\n", note);
  fprintf(f, "%zu nodes, %zu edges shown (%s)\n", v->nitems, v->nedges, v->what);
  vroot *roots = NULL;
  size_t nr = view_roots(v, &roots);
  if (nr) fputs("\nroots:\n", f);
  for (size_t k = 0; k < nr; k++) {
    const ditem *it = &v->items[roots[k].item];
    if (it->node >= 0)
      fprintf(f, "  %s -> %s %s\n", roots[k].text,
              node_ref(ht_graph_node(g, (uint32_t)it->node), rb, sizeof rb),
              ht_graph_node_str(g, (uint32_t)it->node, 1, buf, sizeof buf));
    else
      fprintf(f, "  %s -> %" PRId64 " x %s\n", roots[k].text, it->count, it->type);
  }
  free(roots);
  fputs("\nnodes:\n", f);
  /* edges are grouped by source item: index them */
  size_t *first = calloc(v->nitems + 1, sizeof *first);
  size_t *eorder = malloc(sizeof *eorder * (v->nedges ? v->nedges : 1));
  if (first && eorder) {
    for (size_t i = 0; i < v->nedges; i++) first[v->edges[i].src + 1]++;
    for (size_t i = 0; i < v->nitems; i++) first[i + 1] += first[i];
    size_t *fill = calloc(v->nitems + 1, sizeof *fill);
    if (fill) {
      for (size_t i = 0; i < v->nedges; i++) {
        uint32_t s = v->edges[i].src;
        eorder[first[s] + fill[s]++] = i;
      }
      free(fill);
    }
  }
  for (size_t i = 0; i < v->nitems; i++) {
    const ditem *it = &v->items[i];
    if (it->node >= 0) {
      const ht_gnode *x = ht_graph_node(g, (uint32_t)it->node);
      int64_t cnt = 0, ret = ht_graph_retained(g, (uint32_t)it->node, &cnt);
      human(x->size, hb, sizeof hb);
      human(ret, rb, sizeof rb);
      char ref[40];
      fprintf(f, "  %s %s", node_ref(x, ref, sizeof ref), x->type);
      if (*x->repr && strcmp(x->repr, x->type)) fprintf(f, " %s", x->repr);
      if (x->flags & HT_GNODE_STATIC)
        fputs("  [static]\n", f);
      else
        fprintf(f, "  [%s, retains %s in %" PRId64 " object%s%s%s]\n", hb, rb, cnt,
                cnt == 1 ? "" : "s", x->reach == HT_REACH_USER ? "" : ", ",
                x->reach == HT_REACH_USER ? "" : ht_graph_reach_name(x->reach));
    } else {
      human(it->bytes, hb, sizeof hb);
      fprintf(f, "  (group) %" PRId64 " x %s  [%s]\n", it->count, it->type, hb);
    }
    if (!first || !eorder) continue;
    for (size_t k = first[i]; k < first[i + 1]; k++) {
      const dedge *e = &v->edges[eorder[k]];
      const ditem *d = &v->items[e->dst];
      char ref[40];
      if (d->node >= 0)
        fprintf(f, "      %s -> %s %s\n", edge_text(e, buf, sizeof buf),
                node_ref(ht_graph_node(g, (uint32_t)d->node), ref, sizeof ref), d->type);
      else
        fprintf(f, "      %s -> (group) %" PRId64 " x %s\n", edge_text(e, buf, sizeof buf),
                d->count, d->type);
    }
  }
  free(first);
  free(eorder);
}

static void json_moment(ht_json *j, ctx *c) {
  const ht_graph_info *in = ht_graph_info_of(c->g);
  ht_json_key(j, "snapshot");
  ht_json_begin_object(j);
  ht_json_key(j, "id");
  ht_json_int(j, in->snapshot);
  ht_json_key(j, "seq");
  ht_json_int(j, in->snapshot_seq);
  ht_json_key(j, "trigger");
  ht_json_str(j, in->trigger);
  ht_json_key(j, "label");
  ht_json_str(j, in->label);
  ht_json_key(j, "live_bytes");
  ht_json_int(j, in->live_bytes);
  ht_json_end(j);
  ht_json_key(j, "seq");
  ht_json_int(j, in->seq);
  ht_json_key(j, "exact");
  ht_json_bool(j, in->exact);
  ht_json_key(j, "replayed");
  ht_json_bool(j, in->replayed);
  if (c->peak_seq >= 0) {
    ht_json_key(j, "peak");
    ht_json_begin_object(j);
    ht_json_key(j, "seq");
    ht_json_int(j, c->peak_seq);
    ht_json_key(j, "bytes");
    ht_json_int(j, c->peak_bytes);
    ht_json_end(j);
  }
  ht_json_key(j, "note");
  ht_json_str(j, c->note);
}

static void json_node(ht_json *j, ht_graph *g, uint32_t i) {
  const ht_gnode *x = ht_graph_node(g, i);
  int64_t cnt = 0, ret = ht_graph_retained(g, i, &cnt);
  ht_json_key(j, "id");
  ht_json_int(j, x->id);
  ht_json_key(j, "addr");
  char hex[32];
  snprintf(hex, sizeof hex, "0x%" PRIx64, x->addr);
  ht_json_str(j, hex);
  ht_json_key(j, "type");
  ht_json_str(j, x->type);
  ht_json_key(j, "tag");
  ht_json_int(j, x->tag);
  ht_json_key(j, "repr");
  ht_json_str(j, x->repr);
  ht_json_key(j, "size");
  ht_json_int(j, x->size);
  ht_json_key(j, "retained");
  ht_json_int(j, ret);
  ht_json_key(j, "retained_count");
  ht_json_int(j, cnt);
  ht_json_key(j, "reach");
  ht_json_str(j, ht_graph_reach_name(x->reach));
  ht_json_key(j, "static");
  ht_json_bool(j, (x->flags & HT_GNODE_STATIC) != 0);
  ht_json_key(j, "stale");
  ht_json_bool(j, (x->flags & HT_GNODE_STALE) != 0);
}

static void write_json(FILE *f, const args *a, ctx *c, view *v) {
  ht_graph *g = c->g;
  char buf[512], note[512];
  ht_json j;
  ht_json_init(&j, f, 1);
  ht_json_begin_object(&j);
  ht_json_key(&j, "schema");
  ht_json_str(&j, "heaptrail.graph");
  ht_json_key(&j, "version");
  ht_json_int(&j, 1);
  ht_json_key(&j, "file");
  ht_json_str(&j, a->file);
  json_moment(&j, c);
  ht_json_key(&j, "selection");
  ht_json_str(&j, v->what);
  collapse_note(v, note, sizeof note);
  ht_json_key(&j, "collapsed");
  if (note[0]) {
    ht_json_begin_object(&j);
    ht_json_key(&j, "selected");
    ht_json_int(&j, (int64_t)v->selected);
    ht_json_key(&j, "grouped");
    ht_json_int(&j, (int64_t)v->grouped);
    ht_json_key(&j, "cut");
    ht_json_int(&j, (int64_t)v->cut);
    ht_json_key(&j, "note");
    ht_json_str(&j, note);
    ht_json_end(&j);
  } else {
    ht_json_null(&j);
  }
  ht_json_key(&j, "nodes");
  ht_json_begin_array(&j);
  for (size_t i = 0; i < v->nitems; i++) {
    const ditem *it = &v->items[i];
    ht_json_begin_object(&j);
    ht_json_key(&j, "item");
    ht_json_int(&j, (int64_t)i);
    if (it->node >= 0) {
      json_node(&j, g, (uint32_t)it->node);
    } else {
      ht_json_key(&j, "group");
      ht_json_bool(&j, 1);
      ht_json_key(&j, "type");
      ht_json_str(&j, it->type);
      ht_json_key(&j, "count");
      ht_json_int(&j, it->count);
      ht_json_key(&j, "size");
      ht_json_int(&j, it->bytes);
      ht_json_key(&j, "reach");
      ht_json_str(&j, ht_graph_reach_name(it->reach));
    }
    ht_json_end(&j);
  }
  ht_json_end(&j);
  ht_json_key(&j, "edges");
  ht_json_begin_array(&j);
  for (size_t i = 0; i < v->nedges; i++) {
    const dedge *e = &v->edges[i];
    ht_json_begin_object(&j);
    ht_json_key(&j, "src");
    ht_json_int(&j, e->src);
    ht_json_key(&j, "dst");
    ht_json_int(&j, e->dst);
    ht_json_key(&j, "kind");
    ht_json_str(&j, e->kind);
    ht_json_key(&j, "label");
    ht_json_str(&j, edge_text(e, buf, sizeof buf));
    ht_json_key(&j, "count");
    ht_json_int(&j, e->count);
    ht_json_end(&j);
  }
  ht_json_end(&j);
  ht_json_key(&j, "roots");
  ht_json_begin_array(&j);
  vroot *roots = NULL;
  size_t nr = view_roots(v, &roots);
  for (size_t k = 0; k < nr; k++) {
    ht_json_begin_object(&j);
    ht_json_key(&j, "root");
    ht_json_str(&j, roots[k].text);
    ht_json_key(&j, "item");
    ht_json_int(&j, roots[k].item);
    ht_json_end(&j);
  }
  free(roots);
  ht_json_end(&j);
  ht_json_end(&j);
  ht_json_finish(&j);
}

static int list_snapshots(const args *a, ctx *c, FILE *f) {
  ht_snapinfo *s = NULL;
  size_t n = 0;
  char err[512], hb[32], ub[32];
  if (ht_graph_snapshots(c->db, &s, &n, err, sizeof err)) {
    fprintf(stderr, "heaptrail graph: %s: %s\n", a->file, err);
    return 1;
  }
  if (a->format && !strcmp(a->format, "json")) {
    ht_json j;
    ht_json_init(&j, f, 1);
    ht_json_begin_object(&j);
    ht_json_key(&j, "schema");
    ht_json_str(&j, "heaptrail.snapshots");
    ht_json_key(&j, "version");
    ht_json_int(&j, 1);
    ht_json_key(&j, "snapshots");
    ht_json_begin_array(&j);
    for (size_t i = 0; i < n; i++) {
      ht_json_begin_object(&j);
      ht_json_key(&j, "id"); ht_json_int(&j, s[i].id);
      ht_json_key(&j, "seq"); ht_json_int(&j, s[i].seq);
      ht_json_key(&j, "t"); ht_json_int(&j, s[i].t);
      ht_json_key(&j, "trigger"); ht_json_str(&j, s[i].trigger);
      ht_json_key(&j, "label"); ht_json_str(&j, s[i].label);
      ht_json_key(&j, "live_bytes"); ht_json_int(&j, s[i].live_bytes);
      ht_json_key(&j, "nodes"); ht_json_int(&j, s[i].nodes);
      ht_json_key(&j, "edges"); ht_json_int(&j, s[i].edges);
      ht_json_key(&j, "user_bytes"); ht_json_int(&j, s[i].user_bytes);
      ht_json_key(&j, "refs"); ht_json_bool(&j, s[i].refs);
      ht_json_end(&j);
    }
    ht_json_end(&j);
    ht_json_end(&j);
    ht_json_finish(&j);
  } else {
    fprintf(f, "%4s %10s %-9s %10s %10s %10s  %s\n", "id", "seq", "trigger", "nodes",
            "live", "user", "label");
    for (size_t i = 0; i < n; i++) {
      human(s[i].live_bytes, hb, sizeof hb);
      human(s[i].user_bytes, ub, sizeof ub);
      fprintf(f, "%4" PRId64 " %10" PRId64 " %-9s %10" PRId64 " %10s %10s  %s\n", s[i].id,
              s[i].seq, s[i].trigger, s[i].nodes, hb, ub, s[i].label);
    }
    if (n && s[0].refs)
      fprintf(f, "recorded with --refs: graph --at SEQ replays the reference log exactly\n");
  }
  free(s);
  return 0;
}

int ht_cmd_graph(int argc, char **argv) {
  args a = {.cmd = "graph", .usage = graph_usage, .format = "text", .max_nodes = 200,
            .depth = 0, .from = -1};
  int r = parse_args(&a, argc, argv);
  if (r) return r > 0 ? 0 : 2;
  if (a.root_mode == 2 && !a.depth) a.depth = 2;
  if (strcmp(a.format, "text") && strcmp(a.format, "dot") && strcmp(a.format, "json"))
    return usage_error(&a, "--format is text, dot or json, not '%s'", a.format);
  ctx c;
  if (a.list) {
    char err[1024];
    memset(&c, 0, sizeof c);
    if (ht_profile_open(&c.prof, a.file, HT_PROFILE_READONLY, err, sizeof err)) {
      fprintf(stderr, "heaptrail graph: %s\n", err);
      return 1;
    }
    c.db = ht_profile_db(c.prof);
    FILE *f = open_out(&a);
    int rc = f ? list_snapshots(&a, &c, f) : 1;
    if (f && close_out(&a, f)) rc = 1;
    ctx_close(&c);
    return rc;
  }
  if (open_graph(&a, &c)) {
    ctx_close(&c);
    return 1;
  }
  int64_t start = -1;
  char what[256];
  if (a.obj) {
    start = find_obj(c.g, a.obj, what, sizeof what);
    if (start < 0) {
      if (start == -2) fprintf(stderr, "heaptrail graph: %s\n", what);
      else
        fprintf(stderr, "heaptrail graph: %s: %s is not in the graph (%s)\n", a.file, what,
                c.note);
      ctx_close(&c);
      return start == -2 ? 2 : 1;
    }
  }
  view v;
  char sel[300];
  if (a.root_mode == 1)
    snprintf(sel, sizeof sel, "what %s reaches", what);
  else if (a.root_mode == 2)
    snprintf(sel, sizeof sel, "%s and its neighbours within %d edges", what, a.depth);
  else
    snprintf(sel, sizeof sel, "%s", a.all ? "every object" :
             "objects the program's roots reach; --all adds the VM's internals");
  if (build_view(&a, c.g, start, &v)) {
    fprintf(stderr, "heaptrail graph: out of memory\n");
    view_free(&v);
    ctx_close(&c);
    return 1;
  }
  v.what = sel;
  v.start = start;
  if (start >= 0) {
    ht_gpath *paths = NULL;
    size_t np = 0;
    if (ht_graph_retainers(c.g, (uint32_t)start, 1, &paths, &np) == 0 && np) {
      /* the path up to the object: the object itself is the node shown */
      ht_graph_path_str(c.g, &paths[0], " -> ", v.path, sizeof v.path);
      char *last = NULL;
      for (char *p = strstr(v.path, " -> "); p; p = strstr(p + 1, " -> ")) last = p;
      if (last) *last = 0;
    }
    ht_graph_paths_free(paths, np);
  }
  FILE *f = open_out(&a);
  int rc = 1;
  if (f) {
    if (!strcmp(a.format, "dot")) write_dot(f, &a, &c, &v);
    else if (!strcmp(a.format, "json")) write_json(f, &a, &c, &v);
    else write_text(f, &a, &c, &v);
    rc = close_out(&a, f) ? 1 : 0;
  }
  view_free(&v);
  ctx_close(&c);
  return rc;
}

/* ------------------------------------------------------------------ */
/* why                                                                */
/* ------------------------------------------------------------------ */

/* Where object ID was allocated: "file:line in qualname" (or ""). */
static void alloc_site(sqlite3 *db, int64_t id, char *buf, size_t n, int64_t *alloc,
                       int64_t *freed) {
  sqlite3_stmt *st = NULL;
  buf[0] = 0;
  *alloc = *freed = -1;
  if (id < 0) return;
  if (sqlite3_prepare_v2(db,
                         "SELECT o.alloc_seq, o.free_seq, f.filename, f.line, f.qualname "
                         "FROM object o LEFT JOIN frame f ON f.stack = o.stack WHERE o.id = ?1",
                         -1, &st, NULL) != SQLITE_OK)
    return;
  sqlite3_bind_int64(st, 1, id);
  if (sqlite3_step(st) == SQLITE_ROW) {
    *alloc = sqlite3_column_type(st, 0) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 0);
    *freed = sqlite3_column_type(st, 1) == SQLITE_NULL ? -1 : sqlite3_column_int64(st, 1);
    const char *file = (const char *)sqlite3_column_text(st, 2);
    if (file) {
      const char *slash = strrchr(file, '/');
      snprintf(buf, n, "%s:%d in %s", slash ? slash + 1 : file, sqlite3_column_int(st, 3),
               (const char *)sqlite3_column_text(st, 4));
    } else {
      snprintf(buf, n, "(no script frame)");
    }
  }
  sqlite3_finalize(st);
}

int ht_cmd_why(int argc, char **argv) {
  args a = {.cmd = "why", .usage = why_usage, .format = "text", .paths = 3, .from = -1};
  int r = parse_args(&a, argc, argv);
  if (r) return r > 0 ? 0 : 2;
  if (strcmp(a.format, "text") && strcmp(a.format, "json"))
    return usage_error(&a, "--format is text or json, not '%s'", a.format);
  ctx c;
  if (open_graph(&a, &c)) {
    ctx_close(&c);
    return 1;
  }
  char what[256];
  int64_t i = find_obj(c.g, a.obj, what, sizeof what);
  if (i == -2) {
    fprintf(stderr, "heaptrail why: %s\n", what);
    ctx_close(&c);
    return 2;
  }
  if (i < 0) {
    char site[256];
    int64_t al, fr, id;
    site[0] = 0;
    al = fr = -1;
    if (!parse_i64(a.obj[0] == '#' ? a.obj + 1 : a.obj, &id))
      alloc_site(c.db, id, site, sizeof site, &al, &fr);
    fprintf(stderr, "heaptrail why: %s: %s is not in the graph (%s)", a.file, what, c.note);
    if (al >= 0 || fr >= 0) {
      fprintf(stderr, "; it was allocated at seq %" PRId64 " (%s)", al, site);
      if (fr >= 0) fprintf(stderr, " and freed at seq %" PRId64, fr);
    }
    fputs("\n", stderr);
    ctx_close(&c);
    return 1;
  }
  ht_graph *g = c.g;
  const ht_gnode *x = ht_graph_node(g, (uint32_t)i);
  char site[256], buf[4096], hb[32], rb[32];
  int64_t al, fr;
  alloc_site(c.db, x->id, site, sizeof site, &al, &fr);
  int64_t cnt = 0, ret = ht_graph_retained(g, (uint32_t)i, &cnt);
  int64_t dom = ht_graph_idom(g, (uint32_t)i);
  ht_gpath *paths = NULL;
  size_t np = 0;
  if (ht_graph_retainers(g, (uint32_t)i, a.paths, &paths, &np)) {
    fprintf(stderr, "heaptrail why: out of memory\n");
    ctx_close(&c);
    return 1;
  }
  const char *arrow = a.ascii ? " -> " : " \xe2\x86\x92 ";
  FILE *f = open_out(&a);
  int rc = 1;
  if (f) {
    if (!strcmp(a.format, "json")) {
      ht_json j;
      ht_json_init(&j, f, 1);
      ht_json_begin_object(&j);
      ht_json_key(&j, "schema");
      ht_json_str(&j, "heaptrail.why");
      ht_json_key(&j, "version");
      ht_json_int(&j, 1);
      ht_json_key(&j, "file");
      ht_json_str(&j, a.file);
      json_moment(&j, &c);
      ht_json_key(&j, "object");
      ht_json_begin_object(&j);
      json_node(&j, g, (uint32_t)i);
      ht_json_key(&j, "site");
      ht_json_str(&j, site);
      ht_json_key(&j, "alloc_seq");
      if (al >= 0) ht_json_int(&j, al); else ht_json_null(&j);
      ht_json_key(&j, "free_seq");
      if (fr >= 0) ht_json_int(&j, fr); else ht_json_null(&j);
      ht_json_end(&j);
      ht_json_key(&j, "idom");
      if (dom >= 0) ht_json_int(&j, ht_graph_node(g, (uint32_t)dom)->id); else ht_json_null(&j);
      ht_json_key(&j, "paths");
      ht_json_begin_array(&j);
      for (size_t k = 0; k < np; k++) {
        ht_json_begin_object(&j);
        ht_json_key(&j, "root");
        ht_json_str(&j, ht_graph_root_str(g, &paths[k], buf, sizeof buf));
        ht_json_key(&j, "root_kind");
        ht_json_str(&j, paths[k].root->kind);
        ht_json_key(&j, "text");
        ht_json_str(&j, ht_graph_path_str(g, &paths[k], " -> ", buf, sizeof buf));
        ht_json_key(&j, "steps");
        ht_json_begin_array(&j);
        for (size_t s = 0; s < paths[k].nsteps; s++) {
          const ht_gedge *e = paths[k].steps[s];
          ht_json_begin_object(&j);
          ht_json_key(&j, "label");
          ht_json_str(&j, e->label);
          ht_json_key(&j, "kind");
          ht_json_str(&j, e->kind);
          ht_json_key(&j, "to");
          ht_json_int(&j, ht_graph_node(g, e->dst)->id);
          ht_json_end(&j);
        }
        ht_json_end(&j);
        ht_json_end(&j);
      }
      ht_json_end(&j);
      ht_json_end(&j);
      ht_json_finish(&j);
    } else {
      human(x->size, hb, sizeof hb);
      human(ret, rb, sizeof rb);
      fprintf(f, "%s: %s, %s", what, ht_graph_node_str(g, (uint32_t)i, 1, buf, sizeof buf), hb);
      if (x->flags & HT_GNODE_STATIC) fputs(", a static object", f);
      else if (site[0]) fprintf(f, ", allocated at seq %" PRId64 " at %s", al, site);
      fprintf(f, "\n%s\n", c.note);
      fprintf(f, "reach: %s\n", ht_graph_reach_name(x->reach));
      fprintf(f, "retained size: %s in %" PRId64 " object%s", rb, cnt, cnt == 1 ? "" : "s");
      if (dom >= 0)
        fprintf(f, " (immediate dominator: #%" PRId64 " %s)",
                ht_graph_node(g, (uint32_t)dom)->id,
                ht_graph_node_str(g, (uint32_t)dom, 1, buf, sizeof buf));
      else
        fputs(" (no single holder: the roots reach it directly or by several ways)", f);
      fputs("\n", f);
      if (!np) {
        fputs("no root reaches it\n", f);
      } else {
        fprintf(f, "retainer path%s, shortest first:\n", np == 1 ? "" : "s");
        for (size_t k = 0; k < np; k++)
          fprintf(f, "  %s\n", ht_graph_path_str(g, &paths[k], arrow, buf, sizeof buf));
      }
    }
    rc = close_out(&a, f) ? 1 : 0;
  }
  ht_graph_paths_free(paths, np);
  ctx_close(&c);
  return rc;
}
