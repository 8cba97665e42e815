/*
** graph.c -- a heap's reference graph in memory (graph.h): building it,
** loading it from a profile's snapshot tables, replaying the --refs log,
** reachability classes, retainer paths and retained sizes.
**
** Layout.  Nodes live in one array; each node keeps its own vector of
** out-edges, so the replay can replace an object's references in place.
** ht_graph_finish() drops nodes freed during a replay (renumbering the rest),
** then builds the in-edge index and runs the search below; after it the
** graph is read-only (except for the lazily built dominator tree).  Strings
** (types, reprs, labels, kinds) are interned into a pool of fixed blocks, so
** an edge costs two pointers and equal strings compare by pointer.
**
** The search.  A level-by-level breadth-first search in phases: the user
** roots, then the internal roots, then garbage, then unreached.  Phase 1
** does not enter barrier nodes (static objects, module objects, the targets
** of internal roots) nor follow the key edges and the dunder entries
** (`__builtins__`, `__name__`, ...) of a globals dict; each edge it declines
** is deferred to phase 2, which picks it up when its level comes.  The first
** edge that reaches a node is its parent in the search tree: following
** parents gives a shortest retainer path, from user roots when there is one.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "graph.h"

/* ------------------------------------------------------------------ */
/* String pool                                                        */
/* ------------------------------------------------------------------ */

#define POOL_BLOCK 65536

typedef struct pool_block {
  struct pool_block *next;     /* older block */
  size_t used, cap;            /* bytes used / available in data */
  char data[];                 /* strings, NUL-terminated */
} pool_block;

typedef struct strpool {
  pool_block *blocks;          /* newest first (owned) */
  const char **slot;           /* open-addressing set of interned strings (owned) */
  size_t mask, count;          /* capacity - 1, strings stored */
} strpool;

static uint64_t hash_str(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) h = (h ^ (uint8_t)s[i]) * 1099511628211ull;
  return h;
}

static const char *pool_copy(strpool *p, const char *s, size_t n) {
  pool_block *b = p->blocks;
  if (!b || b->cap - b->used < n + 1) {
    size_t cap = n + 1 > POOL_BLOCK ? n + 1 : POOL_BLOCK;
    b = malloc(sizeof *b + cap);
    if (!b) return NULL;
    b->next = p->blocks;
    b->used = 0;
    b->cap = cap;
    p->blocks = b;
  }
  char *d = b->data + b->used;
  memcpy(d, s, n);
  d[n] = 0;
  b->used += n + 1;
  return d;
}

/* The interned copy of S, or NULL when out of memory. */
static const char *pool_intern(strpool *p, const char *s) {
  if (!s) s = "";
  size_t n = strlen(s);
  if (p->count * 2 >= p->mask) {
    size_t nmask = p->mask ? p->mask * 2 + 1 : 1023;
    const char **ns = calloc(nmask + 1, sizeof *ns);
    if (!ns) return NULL;
    for (size_t i = 0; p->slot && i <= p->mask; i++) {
      const char *x = p->slot[i];
      if (!x) continue;
      size_t j = hash_str(x, strlen(x)) & nmask;
      while (ns[j]) j = (j + 1) & nmask;
      ns[j] = x;
    }
    free(p->slot);
    p->slot = ns;
    p->mask = nmask;
  }
  size_t j = hash_str(s, n) & p->mask;
  for (; p->slot[j]; j = (j + 1) & p->mask)
    if (!strcmp(p->slot[j], s)) return p->slot[j];
  const char *c = pool_copy(p, s, n);
  if (!c) return NULL;
  p->slot[j] = c;
  p->count++;
  return c;
}

static void pool_free(strpool *p) {
  pool_block *b = p->blocks, *next;
  for (; b; b = next) {
    next = b->next;
    free(b);
  }
  free(p->slot);
  memset(p, 0, sizeof *p);
}

/* ------------------------------------------------------------------ */
/* The graph                                                          */
/* ------------------------------------------------------------------ */

typedef struct gnode {
  ht_gnode pub;                /* what readers see (first member) */
  ht_gedge *out;               /* out-edges (owned) */
  uint32_t nout, capout;       /* used / allocated */
  uint32_t in0, nin;           /* slice of g->in (after finish) */
  const ht_gedge *via;         /* search: the edge that reached it, NULL at a root */
  int32_t root;                /* search: index of the root its path starts at, -1 */
  uint32_t depth;              /* search: edges from that root */
} gnode;

/* id -> node index, open addressing (id 0 never occurs: ids are seqs >= 0
** ... except object 0, so the table stores index + 1 and keys separately). */
typedef struct idmap {
  int64_t *key;                /* ids (owned) */
  uint32_t *val;               /* node index + 1, 0 = empty (owned) */
  size_t mask, count;          /* capacity - 1, entries */
} idmap;

struct ht_graph {
  gnode *nodes;                /* (owned) */
  size_t nnodes, capnodes;
  ht_groot *roots;             /* (owned) */
  size_t nroots, caproots;
  const ht_gedge **in;         /* in-edges of every node, by node (owned) */
  idmap ids;                   /* id -> index */
  idmap addrs;                 /* addr -> index, built on first use */
  int addrs_built;
  strpool pool;                /* every string of the graph */
  int finished;                /* ht_graph_finish ran */
  int64_t *idom;               /* dominators, lazily (owned); index nnodes = virtual root */
  int64_t *ret_bytes;          /* retained bytes per node (owned) */
  int64_t *ret_count;          /* retained objects per node (owned) */
  ht_graph_info info;          /* what the graph is */
  char note[512];              /* info.note's text */
  /* interned kind words compared by pointer */
  const char *k_globals, *k_frame, *k_temp, *k_exception, *k_internal, *k_garbage,
      *k_unreached, *k_key, *k_value, *k_module;
};

static uint64_t mix64(uint64_t x) {
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 33;
  x *= 0xc4ceb9fe1a85ec53ull;
  x ^= x >> 33;
  return x;
}

static int idmap_put(idmap *m, int64_t key, uint32_t idx) {
  if ((m->count + 1) * 2 > m->mask) {
    size_t nmask = m->mask ? m->mask * 2 + 1 : 1023;
    int64_t *nk = malloc((nmask + 1) * sizeof *nk);
    uint32_t *nv = calloc(nmask + 1, sizeof *nv);
    if (!nk || !nv) {
      free(nk);
      free(nv);
      return -1;
    }
    for (size_t i = 0; m->val && i <= m->mask; i++) {
      if (!m->val[i]) continue;
      size_t j = mix64((uint64_t)m->key[i]) & nmask;
      while (nv[j]) j = (j + 1) & nmask;
      nk[j] = m->key[i];
      nv[j] = m->val[i];
    }
    free(m->key);
    free(m->val);
    m->key = nk;
    m->val = nv;
    m->mask = nmask;
  }
  size_t j = mix64((uint64_t)key) & m->mask;
  for (; m->val[j]; j = (j + 1) & m->mask)
    if (m->key[j] == key) {
      m->val[j] = idx + 1;
      return 0;
    }
  m->key[j] = key;
  m->val[j] = idx + 1;
  m->count++;
  return 0;
}

static int64_t idmap_get(const idmap *m, int64_t key) {
  if (!m->val) return -1;
  for (size_t j = mix64((uint64_t)key) & m->mask; m->val[j]; j = (j + 1) & m->mask)
    if (m->key[j] == key) return (int64_t)m->val[j] - 1;
  return -1;
}

static void idmap_free(idmap *m) {
  free(m->key);
  free(m->val);
  memset(m, 0, sizeof *m);
}

ht_graph *ht_graph_new(void) {
  ht_graph *g = calloc(1, sizeof *g);
  if (!g) return NULL;
  g->k_globals = pool_intern(&g->pool, "globals");
  g->k_frame = pool_intern(&g->pool, "frame");
  g->k_temp = pool_intern(&g->pool, "temp");
  g->k_exception = pool_intern(&g->pool, "exception");
  g->k_internal = pool_intern(&g->pool, "internal");
  g->k_garbage = pool_intern(&g->pool, "garbage");
  g->k_unreached = pool_intern(&g->pool, "unreached");
  g->k_key = pool_intern(&g->pool, "key");
  g->k_value = pool_intern(&g->pool, "value");
  g->k_module = pool_intern(&g->pool, "module");
  if (!g->k_module) {
    pool_free(&g->pool);
    free(g);
    return NULL;
  }
  g->info.note = g->note;
  g->info.trigger = "";
  g->info.label = "";
  g->info.snapshot = -1;
  return g;
}

void ht_graph_free(ht_graph *g) {
  if (!g) return;
  for (size_t i = 0; i < g->nnodes; i++) free(g->nodes[i].out);
  free(g->nodes);
  free(g->roots);
  free(g->in);
  idmap_free(&g->ids);
  idmap_free(&g->addrs);
  pool_free(&g->pool);
  free(g->idom);
  free(g->ret_bytes);
  free(g->ret_count);
  free(g);
}

const char *ht_graph_reach_name(int reach) {
  static const char *const names[] = {"user", "internal", "garbage", "unreached", "none"};
  return reach >= 0 && reach <= HT_REACH_NONE ? names[reach] : "?";
}

int64_t ht_graph_add_node(ht_graph *g, int64_t id, uint64_t addr, int tag, const char *type,
                          const char *repr, int64_t size) {
  int64_t have = idmap_get(&g->ids, id);
  gnode *n;
  if (have >= 0) {
    n = &g->nodes[have];
  } else {
    if (g->nnodes == g->capnodes) {
      size_t cap = g->capnodes ? g->capnodes * 2 : 256;
      gnode *nn = realloc(g->nodes, cap * sizeof *nn);
      if (!nn) return -1;
      g->nodes = nn;
      g->capnodes = cap;
    }
    if (idmap_put(&g->ids, id, (uint32_t)g->nnodes)) return -1;
    have = (int64_t)g->nnodes++;
    n = &g->nodes[have];
    memset(n, 0, sizeof *n);
    n->root = -1;
  }
  n->pub.id = id;
  n->pub.addr = addr;
  n->pub.tag = tag;
  n->pub.type = pool_intern(&g->pool, type ? type : "?");
  n->pub.repr = pool_intern(&g->pool, repr ? repr : "");
  n->pub.size = size;
  n->pub.flags = (uint8_t)((n->pub.flags & ~HT_GNODE_DEAD) | (id < 0 ? HT_GNODE_STATIC : 0));
  n->pub.reach = HT_REACH_NONE;
  if (!n->pub.type || !n->pub.repr) return -1;
  g->addrs_built = 0;
  return have;
}

int ht_graph_add_edge(ht_graph *g, uint32_t src, uint32_t dst, const char *kind,
                      const char *label) {
  if (src >= g->nnodes || dst >= g->nnodes) return -1;
  gnode *n = &g->nodes[src];
  if (n->nout == n->capout) {
    uint32_t cap = n->capout ? n->capout * 2 : 4;
    ht_gedge *ne = realloc(n->out, cap * sizeof *ne);
    if (!ne) return -1;
    n->out = ne;
    n->capout = cap;
  }
  ht_gedge *e = &n->out[n->nout];
  e->src = src;
  e->dst = dst;
  e->kind = pool_intern(&g->pool, kind ? kind : "other");
  e->label = pool_intern(&g->pool, label ? label : "");
  if (!e->kind || !e->label) return -1;
  n->nout++;
  return 0;
}

int ht_graph_add_root(ht_graph *g, const char *kind, const char *name, uint32_t node) {
  if (node >= g->nnodes) return -1;
  if (g->nroots == g->caproots) {
    size_t cap = g->caproots ? g->caproots * 2 : 64;
    ht_groot *nr = realloc(g->roots, cap * sizeof *nr);
    if (!nr) return -1;
    g->roots = nr;
    g->caproots = cap;
  }
  ht_groot *r = &g->roots[g->nroots];
  r->kind = pool_intern(&g->pool, kind);
  r->name = pool_intern(&g->pool, name ? name : "");
  r->node = node;
  if (!r->kind || !r->name) return -1;
  g->nroots++;
  return 0;
}

/* Replace (or with DST < 0, remove) SRC's edge labelled LABEL; add it when
** absent.  Used by the replay. */
static int set_edge(ht_graph *g, uint32_t src, const char *kind, const char *label,
                    int64_t dst) {
  const char *lab = pool_intern(&g->pool, label);
  if (!lab) return -1;
  gnode *n = &g->nodes[src];
  for (uint32_t i = 0; i < n->nout; i++) {
    if (n->out[i].label != lab) continue;
    if (dst < 0) {
      memmove(&n->out[i], &n->out[i + 1], (n->nout - i - 1) * sizeof *n->out);
      n->nout--;
    } else {
      n->out[i].dst = (uint32_t)dst;
    }
    return 0;
  }
  return dst < 0 ? 0 : ht_graph_add_edge(g, src, (uint32_t)dst, kind, label);
}

/* ---- finishing: drop the dead, index the in-edges, search ---- */

static int compact(ht_graph *g) {
  size_t live = 0;
  for (size_t i = 0; i < g->nnodes; i++)
    if (!(g->nodes[i].pub.flags & HT_GNODE_DEAD)) live++;
  if (live == g->nnodes) return 0;
  uint32_t *map = malloc(sizeof(uint32_t) * (g->nnodes ? g->nnodes : 1));
  if (!map) return -1;
  size_t k = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    if (g->nodes[i].pub.flags & HT_GNODE_DEAD) {
      map[i] = UINT32_MAX;
      free(g->nodes[i].out);
      continue;
    }
    map[i] = (uint32_t)k;
    g->nodes[k++] = g->nodes[i];
  }
  g->nnodes = k;
  idmap_free(&g->ids);
  for (size_t i = 0; i < g->nnodes; i++) {
    gnode *n = &g->nodes[i];
    if (idmap_put(&g->ids, n->pub.id, (uint32_t)i)) {
      free(map);
      return -1;
    }
    uint32_t w = 0;
    for (uint32_t j = 0; j < n->nout; j++) {
      ht_gedge e = n->out[j];
      if (map[e.dst] == UINT32_MAX) continue;
      e.src = (uint32_t)i;
      e.dst = map[e.dst];
      n->out[w++] = e;
    }
    n->nout = w;
  }
  size_t w = 0;
  for (size_t r = 0; r < g->nroots; r++) {
    if (map[g->roots[r].node] == UINT32_MAX) continue;
    g->roots[w] = g->roots[r];
    g->roots[w].node = map[g->roots[r].node];
    w++;
  }
  g->nroots = w;
  free(map);
  g->addrs_built = 0;
  return 0;
}

static int build_in(ht_graph *g) {
  size_t total = 0;
  for (size_t i = 0; i < g->nnodes; i++) g->nodes[i].nin = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    gnode *n = &g->nodes[i];
    total += n->nout;
    for (uint32_t j = 0; j < n->nout; j++) g->nodes[n->out[j].dst].nin++;
  }
  free(g->in);
  g->in = malloc(sizeof *g->in * (total ? total : 1));
  if (!g->in) return -1;
  uint32_t at = 0;
  for (size_t i = 0; i < g->nnodes; i++) {
    g->nodes[i].in0 = at;
    at += g->nodes[i].nin;
    g->nodes[i].nin = 0;
  }
  for (size_t i = 0; i < g->nnodes; i++) {
    gnode *n = &g->nodes[i];
    for (uint32_t j = 0; j < n->nout; j++) {
      gnode *d = &g->nodes[n->out[j].dst];
      g->in[d->in0 + d->nin++] = &n->out[j];
    }
  }
  return 0;
}

static int root_phase(const ht_graph *g, const char *kind) {
  if (kind == g->k_globals || kind == g->k_frame || kind == g->k_temp ||
      kind == g->k_exception)
    return 0;
  if (kind == g->k_internal) return 1;
  if (kind == g->k_garbage) return 2;
  if (kind == g->k_unreached) return 3;
  return 1;                    /* unknown kinds: treat as VM-internal */
}

/* "key '__name__'": a dunder entry of a dict. */
static int dunder_label(const char *label) {
  size_t n = strlen(label);
  return n >= 10 && !strncmp(label, "key '__", 7) && !strcmp(label + n - 3, "__'");
}

/* A queue entry of the search: a node and the edge that reached it. */
typedef struct qent {
  uint32_t node;
  int32_t root;
  uint32_t depth;
  const ht_gedge *via;
} qent;

typedef struct qvec {
  qent *v;
  size_t n, cap;
} qvec;

static int qpush(qvec *q, uint32_t node, int32_t root, uint32_t depth, const ht_gedge *via) {
  if (q->n == q->cap) {
    size_t cap = q->cap ? q->cap * 2 : 256;
    qent *nv = realloc(q->v, cap * sizeof *nv);
    if (!nv) return -1;
    q->v = nv;
    q->cap = cap;
  }
  q->v[q->n++] = (qent){node, root, depth, via};
  return 0;
}

static int cmp_depth(const void *a, const void *b) {
  const qent *x = a, *y = b;
  if (x->depth != y->depth) return x->depth < y->depth ? -1 : 1;
  return x->node < y->node ? -1 : x->node > y->node;     /* a fixed order */
}

/* The phased search (see the top of the file).  Sets reach, via, root and
** depth of every node it reaches. */
static int search(ht_graph *g) {
  uint8_t *barrier = calloc(g->nnodes ? g->nnodes : 1, 1);
  uint8_t *isglobals = calloc(g->nnodes ? g->nnodes : 1, 1);
  uint8_t *seen = calloc(g->nnodes ? g->nnodes : 1, 1);
  qvec cur = {0}, next = {0}, deferred = {0};
  int rc = -1;
  if (!barrier || !isglobals || !seen) goto out;
  for (size_t i = 0; i < g->nnodes; i++) {
    gnode *n = &g->nodes[i];
    n->via = NULL;
    n->root = -1;
    n->depth = 0;
    n->pub.reach = HT_REACH_NONE;
    n->pub.flags &= (uint8_t)~HT_GNODE_ROOT;
    if ((n->pub.flags & HT_GNODE_STATIC) || n->pub.type == g->k_module) barrier[i] = 1;
  }
  for (size_t r = 0; r < g->nroots; r++) {
    const ht_groot *rt = &g->roots[r];
    g->nodes[rt->node].pub.flags |= HT_GNODE_ROOT;
    if (rt->kind == g->k_globals) isglobals[rt->node] = 1;
    else if (root_phase(g, rt->kind) == 1) barrier[rt->node] = 1;
  }
  for (int phase = 0; phase < 4; phase++) {
    cur.n = 0;
    for (size_t r = 0; r < g->nroots; r++) {
      const ht_groot *rt = &g->roots[r];
      if (root_phase(g, rt->kind) != phase || seen[rt->node]) continue;
      seen[rt->node] = 1;
      if (qpush(&cur, rt->node, (int32_t)r, 0, NULL)) goto out;
    }
    size_t di = 0;
    if (phase == 1 && deferred.n) qsort(deferred.v, deferred.n, sizeof *deferred.v, cmp_depth);
    uint32_t level = 0;
    for (;;) {
      /* phase 2 takes the deferred edges when their level comes */
      while (phase == 1 && di < deferred.n && deferred.v[di].depth <= level) {
        qent d = deferred.v[di++];
        if (seen[d.node]) continue;
        seen[d.node] = 1;
        if (qpush(&cur, d.node, d.root, d.depth, d.via)) goto out;
      }
      if (!cur.n) {
        if (phase == 1 && di < deferred.n) {
          level = deferred.v[di].depth;
          continue;
        }
        break;
      }
      next.n = 0;
      for (size_t k = 0; k < cur.n; k++) {
        qent q = cur.v[k];
        gnode *n = &g->nodes[q.node];
        n->pub.reach = (uint8_t)phase;
        n->via = q.via;
        n->root = q.root;
        n->depth = q.depth;
        n->pub.depth = q.depth;
        for (uint32_t j = 0; j < n->nout; j++) {
          const ht_gedge *e = &n->out[j];
          if (seen[e->dst]) continue;
          int defer = phase == 0 && (barrier[e->dst] ||
                                     (isglobals[q.node] && (e->kind == g->k_key ||
                                                            dunder_label(e->label))));
          if (defer) {
            if (qpush(&deferred, e->dst, q.root, q.depth + 1, e)) goto out;
            continue;
          }
          seen[e->dst] = 1;
          if (qpush(&next, e->dst, q.root, q.depth + 1, e)) goto out;
        }
      }
      qvec t = cur;
      cur = next;
      next = t;
      level++;
    }
  }
  rc = 0;
out:
  free(barrier);
  free(isglobals);
  free(seen);
  free(cur.v);
  free(next.v);
  free(deferred.v);
  return rc;
}

int ht_graph_finish(ht_graph *g) {
  if (compact(g) || build_in(g) || search(g)) return -1;
  free(g->idom);
  free(g->ret_bytes);
  free(g->ret_count);
  g->idom = g->ret_bytes = g->ret_count = NULL;
  g->finished = 1;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Accessors                                                          */
/* ------------------------------------------------------------------ */

const ht_graph_info *ht_graph_info_of(const ht_graph *g) { return &g->info; }
size_t ht_graph_nnodes(const ht_graph *g) { return g->nnodes; }
const ht_gnode *ht_graph_node(const ht_graph *g, uint32_t i) {
  return i < g->nnodes ? &g->nodes[i].pub : NULL;
}
int64_t ht_graph_find(const ht_graph *g, int64_t id) { return idmap_get(&g->ids, id); }

int64_t ht_graph_find_addr(const ht_graph *g, uint64_t addr) {
  ht_graph *m = (ht_graph *)g;        /* the address index is a cache */
  if (!m->addrs_built) {
    idmap_free(&m->addrs);
    for (size_t i = 0; i < m->nnodes; i++)
      if (idmap_put(&m->addrs, (int64_t)m->nodes[i].pub.addr, (uint32_t)i)) return -1;
    m->addrs_built = 1;
  }
  return idmap_get(&m->addrs, (int64_t)addr);
}

const ht_gedge *ht_graph_out(const ht_graph *g, uint32_t i, size_t *n) {
  if (i >= g->nnodes) {
    *n = 0;
    return NULL;
  }
  *n = g->nodes[i].nout;
  return g->nodes[i].out;
}

const ht_gedge *const *ht_graph_in(const ht_graph *g, uint32_t i, size_t *n) {
  if (i >= g->nnodes || !g->in) {
    *n = 0;
    return NULL;
  }
  *n = g->nodes[i].nin;
  return g->in + g->nodes[i].in0;
}

size_t ht_graph_nroots(const ht_graph *g) { return g->nroots; }
const ht_groot *ht_graph_root(const ht_graph *g, size_t i) {
  return i < g->nroots ? &g->roots[i] : NULL;
}

/* ------------------------------------------------------------------ */
/* Retainer paths                                                     */
/* ------------------------------------------------------------------ */

/* The path that reaches node I through the search tree, then EXTRA (may be
** NULL) to go one step further. */
static int path_of(const ht_graph *g, uint32_t i, const ht_gedge *extra, ht_gpath *p) {
  const gnode *n = &g->nodes[i];
  if (n->root < 0) return -1;
  size_t k = n->depth + (extra ? 1 : 0);
  p->root = &g->roots[n->root];
  p->nsteps = k;
  p->steps = malloc(sizeof *p->steps * (k ? k : 1));
  if (!p->steps) return -1;
  if (extra) p->steps[--k] = extra;
  for (const gnode *x = n; x->via && k > 0; x = &g->nodes[x->via->src]) p->steps[--k] = x->via;
  return 0;
}

int ht_graph_retainers(ht_graph *g, uint32_t i, int maxpaths, ht_gpath **paths, size_t *n) {
  *paths = NULL;
  *n = 0;
  if (i >= g->nnodes || maxpaths <= 0) return 0;
  const gnode *t = &g->nodes[i];
  if (t->root < 0) return 0;
  ht_gpath *out = calloc((size_t)maxpaths, sizeof *out);
  if (!out) return -1;
  size_t k = 0;
  /* The search's own path first: the shortest from the best phase. */
  if (path_of(g, i, NULL, &out[k]) == 0) k++;
  /* Then one path per other holder, best first. */
  size_t nin;
  const ht_gedge *const *in = ht_graph_in(g, i, &nin);
  while ((int)k < maxpaths) {
    const ht_gedge *best = NULL;
    for (size_t j = 0; j < nin; j++) {
      const ht_gedge *e = in[j];
      const gnode *u = &g->nodes[e->src];
      if (u->root < 0 || e->src == i) continue;
      /* a holder reached through the object itself is a cycle, not a path */
      int through = 0;
      for (const gnode *x = u; x->via && !through; x = &g->nodes[x->via->src])
        if (x->via->src == i) through = 1;
      if (through) continue;
      int used = 0;
      for (size_t q = 0; q < k && !used; q++) {
        const ht_gpath *p = &out[q];
        uint32_t last = p->nsteps ? p->steps[p->nsteps - 1]->src : p->root->node;
        if (p->nsteps ? last == e->src : 0) used = 1;
      }
      if (used) continue;
      if (!best) {
        best = e;
        continue;
      }
      const gnode *b = &g->nodes[best->src];
      if (u->pub.reach < b->pub.reach || (u->pub.reach == b->pub.reach && u->depth < b->depth))
        best = e;
    }
    if (!best) break;
    if (path_of(g, best->src, best, &out[k])) break;
    k++;
  }
  *paths = out;
  *n = k;
  return 0;
}

void ht_graph_paths_free(ht_gpath *paths, size_t n) {
  if (!paths) return;
  for (size_t i = 0; i < n; i++) free(paths[i].steps);
  free(paths);
}

/* Append S to BUF (N bytes) at *AT; "..." when it does not fit. */
static void put(char *buf, size_t n, size_t *at, const char *s) {
  size_t len = strlen(s);
  if (*at >= n) return;
  if (*at + len + 1 > n) {
    size_t room = n - *at - 1;
    memcpy(buf + *at, s, room);
    *at = n - 1;
    buf[*at] = 0;
    if (n >= 4) memcpy(buf + n - 4, "...", 3);
    return;
  }
  memcpy(buf + *at, s, len + 1);
  *at += len;
}

char *ht_graph_node_str(const ht_graph *g, uint32_t i, int with_repr, char *buf, size_t n) {
  const ht_gnode *x = ht_graph_node(g, i);
  if (!n) return buf;
  if (!x) {
    snprintf(buf, n, "?");
    return buf;
  }
  const char *t = x->type, *r = x->repr;
  /* Named things read as "function multiplier", "class Point". */
  static const char *const named[] = {"function", "code", "frame", "module", "builtin",
                                      "type", "method", NULL};
  for (int k = 0; named[k]; k++) {
    if (strcmp(t, named[k]) || !*r) continue;
    const char *name = r;
    if (!strcmp(t, "function") || !strcmp(t, "code") || !strcmp(t, "frame")) {
      /* qualname's last part; frames' reprs are "f (file:line)" */
      char tmp[128];
      snprintf(tmp, sizeof tmp, "%s", r);
      char *sp = strchr(tmp, ' ');
      if (sp) *sp = 0;
      char *dot = strrchr(tmp, '.');
      snprintf(buf, n, "%s %s", !strcmp(t, "type") ? "class" : t, dot ? dot + 1 : tmp);
      if (with_repr && sp && !strcmp(t, "frame")) {
        size_t at = strlen(buf);
        put(buf, n, &at, sp);
      }
      return buf;
    }
    snprintf(buf, n, "%s %s", !strcmp(t, "type") ? "class" : t, name);
    return buf;
  }
  if (with_repr && *r && strcmp(r, t))
    snprintf(buf, n, "%s %s", t, r);
  else
    snprintf(buf, n, "%s", t);
  return buf;
}

char *ht_graph_root_str(const ht_graph *g, const ht_gpath *p, char *buf, size_t n) {
  const ht_groot *r = p->root;
  const ht_gedge *first = p->nsteps ? p->steps[0] : NULL;
  if (r->kind == g->k_globals && first && first->kind == g->k_value &&
      !strncmp(first->label, "key ", 4)) {
    if (!strcmp(r->name, "__main__"))
      snprintf(buf, n, "global %s", first->label + 4);
    else if (first->label[4] == '\'')
      snprintf(buf, n, "global '%s.%s", r->name, first->label + 5);
    else
      snprintf(buf, n, "global %s of %s", first->label + 4, r->name);
  } else if (r->kind == g->k_frame && first &&
             (!strncmp(first->label, "local ", 6) || !strncmp(first->label, "cell ", 5) ||
              !strncmp(first->label, "free ", 5) || !strncmp(first->label, "stack[", 6))) {
    snprintf(buf, n, "%s in %s", first->label, r->name);
  } else if (r->kind == g->k_globals) {
    snprintf(buf, n, "globals of module %s", r->name);
  } else if (r->kind == g->k_frame) {
    snprintf(buf, n, "frame %s", r->name);
  } else {
    snprintf(buf, n, "%s %s", r->kind, r->name);
  }
  return buf;
}

/* Does the root's text take the first step in (global 'x', local 'x')? */
static int root_takes_step(const ht_graph *g, const ht_gpath *p) {
  const ht_gedge *first = p->nsteps ? p->steps[0] : NULL;
  if (!first) return 0;
  if (p->root->kind == g->k_globals)
    return first->kind == g->k_value && !strncmp(first->label, "key ", 4);
  if (p->root->kind == g->k_frame)
    return !strncmp(first->label, "local ", 6) || !strncmp(first->label, "cell ", 5) ||
           !strncmp(first->label, "free ", 5) || !strncmp(first->label, "stack[", 6);
  return 0;
}

char *ht_graph_path_str(const ht_graph *g, const ht_gpath *p, const char *arrow, char *buf,
                        size_t n) {
  char tmp[512];
  size_t at = 0;
  if (!n) return buf;
  buf[0] = 0;
  put(buf, n, &at, ht_graph_root_str(g, p, tmp, sizeof tmp));
  size_t s = 0;
  uint32_t node = p->root->node;
  if (root_takes_step(g, p)) {
    node = p->steps[0]->dst;
    s = 1;
  }
  put(buf, n, &at, arrow);
  put(buf, n, &at, ht_graph_node_str(g, node, s == p->nsteps, tmp, sizeof tmp));
  for (; s < p->nsteps; s++) {
    const ht_gedge *e = p->steps[s];
    if (e->label[0] == '[') {
      put(buf, n, &at, e->label);                 /* list[3] */
    } else if (!strncmp(e->label, "key ", 4)) {
      put(buf, n, &at, "[");                      /* dict['k'] */
      put(buf, n, &at, e->label + 4);
      put(buf, n, &at, "]");
    } else {
      put(buf, n, &at, arrow);                    /* → __closure__[0] */
      put(buf, n, &at, e->label);
    }
    node = e->dst;
    put(buf, n, &at, arrow);
    put(buf, n, &at, ht_graph_node_str(g, node, s + 1 == p->nsteps, tmp, sizeof tmp));
  }
  return buf;
}

/* ------------------------------------------------------------------ */
/* Dominators and retained sizes                                      */
/* ------------------------------------------------------------------ */

static int build_dominators(ht_graph *g) {
  if (g->idom) return 0;
  uint32_t n = (uint32_t)g->nnodes, vroot = n;
  size_t nedges = g->nroots;
  for (size_t i = 0; i < g->nnodes; i++) nedges += g->nodes[i].nout;
  uint32_t *start = malloc(sizeof(uint32_t) * ((size_t)n + 2));
  uint32_t *succ = malloc(sizeof(uint32_t) * (nedges ? nedges : 1));
  int64_t *idom = malloc(sizeof(int64_t) * ((size_t)n + 1));
  int64_t *rb = calloc((size_t)n + 1, sizeof(int64_t));
  int64_t *rc = calloc((size_t)n + 1, sizeof(int64_t));
  uint32_t *order = NULL;
  if (!start || !succ || !idom || !rb || !rc) goto fail;
  size_t at = 0;
  for (uint32_t v = 0; v < n; v++) {
    start[v] = (uint32_t)at;
    const gnode *x = &g->nodes[v];
    for (uint32_t j = 0; j < x->nout; j++) succ[at++] = x->out[j].dst;
  }
  start[vroot] = (uint32_t)at;
  for (size_t r = 0; r < g->nroots; r++) succ[at++] = g->roots[r].node;
  start[vroot + 1] = (uint32_t)at;
  if (ht_dominators(n + 1, start, succ, vroot, idom)) goto fail;
  /* Retained sizes: add each node to its dominators, children before
  ** parents: process nodes in decreasing depth of the dominator tree. */
  order = malloc(sizeof(uint32_t) * ((size_t)n + 1));
  uint32_t *depth = malloc(sizeof(uint32_t) * ((size_t)n + 1));
  if (!order || !depth) {
    free(depth);
    goto fail;
  }
  for (uint32_t v = 0; v <= n; v++) depth[v] = UINT32_MAX;
  depth[vroot] = 0;
  uint32_t maxd = 0;
  for (uint32_t v = 0; v < n; v++) {
    if (idom[v] < 0) continue;
    /* walk up to a node of known depth, then fill the chain */
    uint32_t x = v, len = 0;
    while (depth[x] == UINT32_MAX) {
      order[len++] = x;
      x = (uint32_t)idom[x];
    }
    uint32_t d = depth[x];
    while (len) {
      uint32_t y = order[--len];
      depth[y] = ++d;
      if (d > maxd) maxd = d;
    }
  }
  /* counting sort by depth, deepest first */
  uint32_t *cnt = calloc((size_t)maxd + 2, sizeof(uint32_t));
  if (!cnt) {
    free(depth);
    goto fail;
  }
  uint32_t m = 0;
  for (uint32_t v = 0; v < n; v++)
    if (depth[v] != UINT32_MAX) cnt[depth[v]]++, m++;
  uint32_t pos = 0;
  for (uint32_t d = maxd + 1; d-- > 0;) {
    uint32_t c = cnt[d];
    cnt[d] = pos;
    pos += c;
  }
  for (uint32_t v = 0; v < n; v++)
    if (depth[v] != UINT32_MAX) order[cnt[depth[v]]++] = v;
  free(cnt);
  free(depth);
  for (uint32_t v = 0; v < n; v++) {
    rb[v] = g->nodes[v].pub.size;
    rc[v] = (g->nodes[v].pub.flags & HT_GNODE_STATIC) ? 0 : 1;   /* not heap objects */
  }
  for (uint32_t k = 0; k < m; k++) {
    uint32_t v = order[k];
    int64_t p = idom[v];
    if (p >= 0 && (uint32_t)p != v) {
      rb[p] += rb[v];
      rc[p] += rc[v];
    }
  }
  free(order);
  free(start);
  free(succ);
  g->idom = idom;
  g->ret_bytes = rb;
  g->ret_count = rc;
  return 0;
fail:
  free(start);
  free(succ);
  free(idom);
  free(rb);
  free(rc);
  free(order);
  return -1;
}

int64_t ht_graph_retained(ht_graph *g, uint32_t i, int64_t *count) {
  if (i >= g->nnodes || build_dominators(g)) {
    if (count) *count = 0;
    return -1;
  }
  if (count) *count = g->ret_count[i];
  return g->ret_bytes[i];
}

int64_t ht_graph_idom(ht_graph *g, uint32_t i) {
  if (i >= g->nnodes || build_dominators(g)) return -1;
  int64_t d = g->idom[i];
  return d == (int64_t)g->nnodes ? -1 : d;
}

/* ------------------------------------------------------------------ */
/* Leaks                                                              */
/* ------------------------------------------------------------------ */

int ht_graph_classify_leaks(ht_graph *g, const int64_t *ids, size_t n, int8_t *out) {
  uint8_t *member = calloc(g->nnodes ? g->nnodes : 1, 1);
  uint8_t *seen = calloc(g->nnodes ? g->nnodes : 1, 1);
  uint32_t *queue = malloc(sizeof(uint32_t) * (g->nnodes ? g->nnodes : 1));
  int rc = -1;
  if (!member || !seen || !queue) goto out;
  for (size_t k = 0; k < n; k++) {
    int64_t i = ht_graph_find(g, ids[k]);
    if (i >= 0) member[i] = 1;
  }
  /* From every root, without passing through a member: the members reached
  ** are held by something that is not a leak. */
  size_t head = 0, tail = 0;
  for (size_t r = 0; r < g->nroots; r++) {
    uint32_t v = g->roots[r].node;
    if (seen[v]) continue;
    seen[v] = 1;
    queue[tail++] = v;
  }
  while (head < tail) {
    uint32_t v = queue[head++];
    if (member[v]) continue;         /* reached, but do not go through it */
    const gnode *x = &g->nodes[v];
    for (uint32_t j = 0; j < x->nout; j++) {
      uint32_t w = x->out[j].dst;
      if (seen[w]) continue;
      seen[w] = 1;
      queue[tail++] = w;
    }
  }
  for (size_t k = 0; k < n; k++) {
    int64_t i = ht_graph_find(g, ids[k]);
    if (i < 0) out[k] = -1;
    else if (g->nodes[i].pub.reach == HT_REACH_INTERNAL) out[k] = 2;
    else out[k] = seen[i] ? 1 : 0;
  }
  rc = 0;
out:
  free(member);
  free(seen);
  free(queue);
  return rc;
}

/* ------------------------------------------------------------------ */
/* Loading from a profile                                             */
/* ------------------------------------------------------------------ */

static int table_exists(sqlite3 *db, const char *name) {
  sqlite3_stmt *st = NULL;
  int yes = 0;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                         -1, &st, NULL) == SQLITE_OK) {
    sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
    yes = sqlite3_step(st) == SQLITE_ROW;
  }
  sqlite3_finalize(st);
  return yes;
}

int ht_graph_has_snapshots(sqlite3 *db) {
  if (!table_exists(db, "snapshot")) return 0;
  sqlite3_stmt *st = NULL;
  int yes = 0;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM snapshot LIMIT 1", -1, &st, NULL) == SQLITE_OK)
    yes = sqlite3_step(st) == SQLITE_ROW;
  sqlite3_finalize(st);
  return yes;
}

static void copy_text(char *dst, size_t n, const unsigned char *s) {
  snprintf(dst, n, "%s", s ? (const char *)s : "");
}

int ht_graph_snapshots(sqlite3 *db, ht_snapinfo **out, size_t *n, char *err, size_t errsz) {
  *out = NULL;
  *n = 0;
  if (!table_exists(db, "snapshot")) return 0;
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(db,
                         "SELECT id, seq, coalesce(t, 0), trigger, coalesce(label, ''), "
                         "live_bytes, nodes, edges, coalesce(user_bytes, 0), refs "
                         "FROM snapshot ORDER BY id",
                         -1, &st, NULL) != SQLITE_OK) {
    snprintf(err, errsz, "cannot read the snapshot table: %s", sqlite3_errmsg(db));
    return -1;
  }
  size_t cap = 0;
  ht_snapinfo *v = NULL;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (*n == cap) {
      cap = cap ? cap * 2 : 16;
      ht_snapinfo *nv = realloc(v, cap * sizeof *nv);
      if (!nv) {
        free(v);
        sqlite3_finalize(st);
        snprintf(err, errsz, "out of memory");
        return -1;
      }
      v = nv;
    }
    ht_snapinfo *s = &v[(*n)++];
    memset(s, 0, sizeof *s);
    s->id = sqlite3_column_int64(st, 0);
    s->seq = sqlite3_column_int64(st, 1);
    s->t = sqlite3_column_int64(st, 2);
    copy_text(s->trigger, sizeof s->trigger, sqlite3_column_text(st, 3));
    copy_text(s->label, sizeof s->label, sqlite3_column_text(st, 4));
    s->live_bytes = sqlite3_column_int64(st, 5);
    s->nodes = sqlite3_column_int64(st, 6);
    s->edges = sqlite3_column_int64(st, 7);
    s->user_bytes = sqlite3_column_int64(st, 8);
    s->refs = sqlite3_column_int(st, 9);
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) {
    free(v);
    *n = 0;
    snprintf(err, errsz, "cannot read the snapshot table: %s", sqlite3_errmsg(db));
    return -1;
  }
  *out = v;
  return 0;
}

/* Load snapshot SNAP's nodes, edges and roots into G. */
static int load_snapshot(sqlite3 *db, ht_graph *g, int64_t snap, char *err, size_t errsz) {
  sqlite3_stmt *st = NULL;
  int rc;
  if (sqlite3_prepare_v2(db,
                         "SELECT id, addr, tag, type, size, repr FROM snapshot_node "
                         "WHERE snapshot = ?1",
                         -1, &st, NULL) != SQLITE_OK)
    goto sqlfail;
  sqlite3_bind_int64(st, 1, snap);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (ht_graph_add_node(g, sqlite3_column_int64(st, 0),
                          (uint64_t)sqlite3_column_int64(st, 1), sqlite3_column_int(st, 2),
                          (const char *)sqlite3_column_text(st, 3),
                          (const char *)sqlite3_column_text(st, 5),
                          sqlite3_column_int64(st, 4)) < 0)
      goto oom;
  }
  if (rc != SQLITE_DONE) goto sqlfail;
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(db,
                         "SELECT src, dst, kind, label FROM snapshot_edge WHERE snapshot = ?1 "
                         "ORDER BY src, n",
                         -1, &st, NULL) != SQLITE_OK)
    goto sqlfail;
  sqlite3_bind_int64(st, 1, snap);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t s = ht_graph_find(g, sqlite3_column_int64(st, 0));
    int64_t d = ht_graph_find(g, sqlite3_column_int64(st, 1));
    if (s < 0 || d < 0) continue;
    if (ht_graph_add_edge(g, (uint32_t)s, (uint32_t)d, (const char *)sqlite3_column_text(st, 2),
                          (const char *)sqlite3_column_text(st, 3)))
      goto oom;
  }
  if (rc != SQLITE_DONE) goto sqlfail;
  sqlite3_finalize(st);
  if (sqlite3_prepare_v2(db,
                         "SELECT kind, name, dst FROM snapshot_root WHERE snapshot = ?1 "
                         "ORDER BY n",
                         -1, &st, NULL) != SQLITE_OK)
    goto sqlfail;
  sqlite3_bind_int64(st, 1, snap);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    int64_t d = ht_graph_find(g, sqlite3_column_int64(st, 2));
    if (d < 0) continue;
    if (ht_graph_add_root(g, (const char *)sqlite3_column_text(st, 0),
                          (const char *)sqlite3_column_text(st, 1), (uint32_t)d))
      goto oom;
  }
  if (rc != SQLITE_DONE) goto sqlfail;
  sqlite3_finalize(st);
  return 0;
sqlfail:
  snprintf(err, errsz, "cannot read snapshot %lld: %s", (long long)snap, sqlite3_errmsg(db));
  sqlite3_finalize(st);
  return -1;
oom:
  snprintf(err, errsz, "out of memory loading snapshot %lld", (long long)snap);
  sqlite3_finalize(st);
  return -1;
}

/* A node for ID that the replay references before it was described. */
static int64_t placeholder(ht_graph *g, int64_t id) {
  int64_t i = ht_graph_find(g, id);
  if (i >= 0) return i;
  return ht_graph_add_node(g, id, id < 0 ? (uint64_t)-id : 0, 0, "?", "", 0);
}

/* Apply the --refs log and the frees in (FROM, TO] to G. */
static int replay(sqlite3 *db, ht_graph *g, int64_t from, int64_t to, char *err,
                  size_t errsz) {
  sqlite3_stmt *rs = NULL, *fs = NULL;
  int rc = -1, rr, fr;
  int64_t nrefs = 0, nfreed = 0;
  if (sqlite3_prepare_v2(db,
                         "SELECT seq, op, obj, kind, label, dst, tag, type, size, repr "
                         "FROM snapshot_ref WHERE seq > ?1 AND seq <= ?2 ORDER BY n",
                         -1, &rs, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2(db,
                         "SELECT id, free_seq FROM object WHERE free_seq > ?1 AND "
                         "free_seq <= ?2 ORDER BY free_seq",
                         -1, &fs, NULL) != SQLITE_OK) {
    snprintf(err, errsz, "cannot read the reference log: %s", sqlite3_errmsg(db));
    goto out;
  }
  sqlite3_bind_int64(rs, 1, from);
  sqlite3_bind_int64(rs, 2, to);
  sqlite3_bind_int64(fs, 1, from);
  sqlite3_bind_int64(fs, 2, to);
  rr = sqlite3_step(rs);
  fr = sqlite3_step(fs);
  int64_t describing = -1;      /* node whose description is being read */
  while (rr == SQLITE_ROW || fr == SQLITE_ROW) {
    /* a free at seq f happened before the records stamped f+1 and later */
    int take_free = fr == SQLITE_ROW &&
                    (rr != SQLITE_ROW || sqlite3_column_int64(fs, 1) < sqlite3_column_int64(rs, 0));
    if (take_free) {
      int64_t i = ht_graph_find(g, sqlite3_column_int64(fs, 0));
      if (i >= 0 && !(g->nodes[i].pub.flags & HT_GNODE_DEAD)) {
        g->nodes[i].pub.flags |= HT_GNODE_DEAD;
        g->nodes[i].nout = 0;
        nfreed++;
      }
      fr = sqlite3_step(fs);
      continue;
    }
    const char *op = (const char *)sqlite3_column_text(rs, 1);
    int64_t obj = sqlite3_column_int64(rs, 2);
    const char *kind = (const char *)sqlite3_column_text(rs, 3);
    const char *label = (const char *)sqlite3_column_text(rs, 4);
    nrefs++;
    if (!op) op = "";
    if (!strcmp(op, "node")) {
      int64_t i = ht_graph_add_node(g, obj, (uint64_t)sqlite3_column_int64(rs, 5),
                                    sqlite3_column_int(rs, 6),
                                    (const char *)sqlite3_column_text(rs, 7),
                                    (const char *)sqlite3_column_text(rs, 9),
                                    sqlite3_column_int64(rs, 8));
      if (i < 0) goto oom;
      g->nodes[i].nout = 0;
      g->nodes[i].pub.flags &= (uint8_t)~HT_GNODE_STALE;
      describing = i;
    } else if (!strcmp(op, "edge")) {
      int64_t s = ht_graph_find(g, obj);
      if (s >= 0 && s == describing) {
        int64_t d = placeholder(g, sqlite3_column_int64(rs, 5));
        if (d < 0 || ht_graph_add_edge(g, (uint32_t)s, (uint32_t)d, kind, label)) goto oom;
      }
    } else if (!strcmp(op, "set")) {
      describing = -1;
      int64_t s = placeholder(g, obj);
      if (s < 0) goto oom;
      int64_t d = -1;
      if (sqlite3_column_type(rs, 5) != SQLITE_NULL) {
        d = placeholder(g, sqlite3_column_int64(rs, 5));
        if (d < 0) goto oom;
      }
      if (set_edge(g, (uint32_t)s, kind ? kind : "other", label ? label : "", d)) goto oom;
    } else if (!strcmp(op, "root")) {
      describing = -1;
      int64_t s = placeholder(g, obj);
      if (s < 0 || ht_graph_add_root(g, kind ? kind : "frame", label, (uint32_t)s)) goto oom;
    } else if (!strcmp(op, "stale")) {
      describing = -1;
      int64_t s = ht_graph_find(g, obj);
      if (s >= 0) g->nodes[s].pub.flags |= HT_GNODE_STALE;
    }
    rr = sqlite3_step(rs);
  }
  if (rr != SQLITE_DONE || fr != SQLITE_DONE) {
    snprintf(err, errsz, "cannot read the reference log: %s", sqlite3_errmsg(db));
    goto out;
  }
  g->info.freed = nfreed;
  g->info.replayed = nrefs > 0;
  rc = 0;
  goto out;
oom:
  snprintf(err, errsz, "out of memory replaying the reference log");
out:
  sqlite3_finalize(rs);
  sqlite3_finalize(fs);
  return rc;
}

/* After a replay: a container's repr "len N" was made when the log first
** described it; its item (or value) edges say how long it is now.  A stale
** node keeps its repr. */
static int refresh_lengths(ht_graph *g) {
  const char *k_item = pool_intern(&g->pool, "item");
  if (!k_item) return -1;
  for (size_t i = 0; i < g->nnodes; i++) {
    gnode *n = &g->nodes[i];
    const char *t = n->pub.type;
    if (strncmp(n->pub.repr, "len ", 4) || (n->pub.flags & (HT_GNODE_STALE | HT_GNODE_DEAD)) ||
        (strcmp(t, "list") && strcmp(t, "tuple") && strcmp(t, "dict") && strcmp(t, "set") &&
         strcmp(t, "frozenset")))
      continue;
    unsigned long len = 0;
    for (uint32_t j = 0; j < n->nout; j++)
      if (n->out[j].kind == k_item || n->out[j].kind == g->k_value) len++;
    char buf[32];
    snprintf(buf, sizeof buf, "len %lu", len);
    if (strcmp(buf, n->pub.repr)) {
      const char *r = pool_intern(&g->pool, buf);
      if (!r) return -1;
      n->pub.repr = r;
    }
  }
  return 0;
}

/* Build the graph of snapshot S, replayed to seq TO when TO > S's seq. */
static int load_from(sqlite3 *db, const ht_snapinfo *s, int64_t to, int forced,
                     ht_graph **out, char *err, size_t errsz) {
  ht_graph *g = ht_graph_new();
  if (!g) {
    snprintf(err, errsz, "out of memory");
    return -1;
  }
  g->info.snapshot = s->id;
  g->info.snapshot_seq = s->seq;
  g->info.seq = s->seq;
  g->info.live_bytes = s->live_bytes;
  g->info.trigger = pool_intern(&g->pool, s->trigger);
  g->info.label = pool_intern(&g->pool, s->label);
  g->info.exact = 1;
  if (load_snapshot(db, g, s->id, err, errsz)) {
    ht_graph_free(g);
    return -1;
  }
  const char *what = *s->label ? s->label : s->trigger;
  if (to > s->seq) {
    if (s->refs) {
      if (replay(db, g, s->seq, to, err, errsz)) {
        ht_graph_free(g);
        return -1;
      }
      if (refresh_lengths(g)) {
        snprintf(err, errsz, "out of memory replaying the reference log");
        ht_graph_free(g);
        return -1;
      }
      g->info.seq = to;
      snprintf(g->note, sizeof g->note,
               "graph at seq %lld: snapshot %lld (%s, seq %lld) replayed with the --refs log "
               "(%lld objects freed since)",
               (long long)to, (long long)s->id, what, (long long)s->seq,
               (long long)g->info.freed);
    } else if (forced) {
      snprintf(err, errsz, "this profile has no --refs log: it cannot be replayed from a "
                           "snapshot to a later seq");
      ht_graph_free(g);
      return -1;
    } else {
      g->info.exact = 0;
      snprintf(g->note, sizeof g->note,
               "no --refs log in this profile: showing the nearest snapshot before seq %lld, "
               "snapshot %lld (%s) taken at seq %lld, %lld events earlier",
               (long long)to, (long long)s->id, what, (long long)s->seq,
               (long long)(to - s->seq));
    }
  } else {
    snprintf(g->note, sizeof g->note, "snapshot %lld (%s) taken at seq %lld", (long long)s->id,
             what, (long long)s->seq);
  }
  if (ht_graph_finish(g)) {
    snprintf(err, errsz, "out of memory building the graph");
    ht_graph_free(g);
    return -1;
  }
  *out = g;
  return 0;
}

int ht_graph_load(sqlite3 *db, int at, int64_t value, ht_graph **out, char *err,
                  size_t errsz) {
  *out = NULL;
  ht_snapinfo *snaps = NULL;
  size_t nsnaps = 0;
  if (ht_graph_snapshots(db, &snaps, &nsnaps, err, errsz)) return -1;
  if (!nsnaps) {
    snprintf(err, errsz,
             "this profile holds no heap snapshot (heaptrail run takes one at exit unless "
             "--no-snapshot-exit)");
    free(snaps);
    return -1;
  }
  const ht_snapinfo *pick = NULL;
  switch (at) {
  case HT_AT_SNAPSHOT:
    for (size_t i = 0; i < nsnaps; i++)
      if (snaps[i].id == value) pick = &snaps[i];
    if (!pick) {
      snprintf(err, errsz, "no snapshot %lld (this profile has %zu: ids %lld to %lld)",
               (long long)value, nsnaps, (long long)snaps[0].id,
               (long long)snaps[nsnaps - 1].id);
      free(snaps);
      return -1;
    }
    break;
  case HT_AT_SEQ:
    /* snapshot S is the graph at S-1 and at S */
    for (size_t i = 0; i < nsnaps; i++)
      if (snaps[i].seq <= value + 1 && (!pick || snaps[i].seq > pick->seq)) pick = &snaps[i];
    if (!pick) {
      snprintf(err, errsz,
               "no snapshot was taken at or before seq %lld (the first is at seq %lld)",
               (long long)value, (long long)snaps[0].seq);
      free(snaps);
      return -1;
    }
    break;
  case HT_AT_EXIT:
    for (size_t i = 0; i < nsnaps; i++)
      if (!strcmp(snaps[i].trigger, "exit")) pick = &snaps[i];
    /* fall through */
  default:
    if (!pick)
      for (size_t i = 0; i < nsnaps; i++)
        if (!pick || snaps[i].seq >= pick->seq) pick = &snaps[i];
    break;
  }
  ht_snapinfo s = *pick;
  free(snaps);
  return load_from(db, &s, at == HT_AT_SEQ ? value : -1, 0, out, err, errsz);
}

int ht_graph_replay(sqlite3 *db, int64_t snapshot, int64_t seq, ht_graph **out, char *err,
                    size_t errsz) {
  *out = NULL;
  ht_snapinfo *snaps = NULL;
  size_t nsnaps = 0;
  if (ht_graph_snapshots(db, &snaps, &nsnaps, err, errsz)) return -1;
  const ht_snapinfo *pick = NULL;
  for (size_t i = 0; i < nsnaps; i++)
    if (snaps[i].id == snapshot) pick = &snaps[i];
  if (!pick) {
    snprintf(err, errsz, "no snapshot %lld", (long long)snapshot);
    free(snaps);
    return -1;
  }
  if (seq < pick->seq - 1) {
    snprintf(err, errsz, "seq %lld is before snapshot %lld (seq %lld): replays go forward",
             (long long)seq, (long long)snapshot, (long long)pick->seq);
    free(snaps);
    return -1;
  }
  ht_snapinfo s = *pick;
  free(snaps);
  return load_from(db, &s, seq, 1, out, err, errsz);
}
