/*
** test-graph.c -- dominators and retainer paths on synthetic graphs
** (alloc/dominators.c, alloc/graph.c).
**
** Dominators are checked against a brute-force computation (the iterative
** data-flow definition: dom(v) = {v} + the intersection of dom(p) over v's
** predecessors) on a fixed flowgraph and on random graphs.  The heap-graph
** part builds small heaps by hand and checks reach classes, retainer paths
** (text included), retained sizes and the leak classification.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "graph.h"
#include "tap.h"

/* ---- brute-force dominators ---- */

/* dom[v * n + d] = 1 when d dominates v.  Nodes the root does not reach get
** no dominators.  Returns the immediate dominator array like ht_dominators. */
static void brute_idom(uint32_t n, const uint32_t *start, const uint32_t *succ, uint32_t root,
                       int64_t *idom) {
  uint8_t *reach = calloc(n, 1), *dom = malloc((size_t)n * n);
  uint32_t *stack = malloc(sizeof *stack * n);
  uint32_t sp = 0;
  reach[root] = 1;
  stack[sp++] = root;
  while (sp) {
    uint32_t v = stack[--sp];
    for (uint32_t e = start[v]; e < start[v + 1]; e++)
      if (!reach[succ[e]]) {
        reach[succ[e]] = 1;
        stack[sp++] = succ[e];
      }
  }
  for (uint32_t v = 0; v < n; v++)
    for (uint32_t d = 0; d < n; d++) dom[v * n + d] = v == root ? d == root : reach[d];
  for (int changed = 1; changed;) {
    changed = 0;
    for (uint32_t v = 0; v < n; v++) {
      if (v == root || !reach[v]) continue;
      /* intersection over the reached predecessors */
      for (uint32_t d = 0; d < n; d++) {
        uint8_t in = 1;
        int any = 0;
        for (uint32_t p = 0; p < n && in; p++) {
          if (!reach[p]) continue;
          for (uint32_t e = start[p]; e < start[p + 1]; e++)
            if (succ[e] == v) {
              any = 1;
              if (!dom[p * n + d]) in = 0;
              break;
            }
        }
        uint8_t nv = (uint8_t)((any && in) || d == v);
        if (nv != dom[v * n + d]) {
          dom[v * n + d] = nv;
          changed = 1;
        }
      }
    }
  }
  /* the immediate dominator: the strict dominator dominated by all others */
  for (uint32_t v = 0; v < n; v++) {
    idom[v] = -1;
    if (!reach[v]) continue;
    if (v == root) {
      idom[v] = root;
      continue;
    }
    for (uint32_t d = 0; d < n; d++) {
      if (d == v || !dom[v * n + d]) continue;
      int imm = 1;
      for (uint32_t o = 0; o < n && imm; o++)
        if (o != v && o != d && dom[v * n + o] && !dom[d * n + o]) imm = 0;
      if (imm) idom[v] = d;
    }
  }
  free(reach);
  free(dom);
  free(stack);
}

/* Edges (a, b) pairs to CSR. */
static void to_csr(uint32_t n, const uint32_t (*edges)[2], size_t ne, uint32_t *start,
                   uint32_t *succ) {
  memset(start, 0, sizeof *start * (n + 1));
  for (size_t i = 0; i < ne; i++) start[edges[i][0] + 1]++;
  for (uint32_t v = 0; v < n; v++) start[v + 1] += start[v];
  uint32_t *fill = calloc(n, sizeof *fill);
  for (size_t i = 0; i < ne; i++) succ[start[edges[i][0]] + fill[edges[i][0]]++] = edges[i][1];
  free(fill);
}

static int same_idom(uint32_t n, const int64_t *a, const int64_t *b) {
  for (uint32_t v = 0; v < n; v++)
    if (a[v] != b[v]) return 0;
  return 1;
}

static void test_fixed_dominators(void) {
  /* Lengauer and Tarjan's example flowgraph: R A B C D E F G H I J K L */
  enum { R, A, B, C, D, E, F, G, H, I, J, K, L, N };
  static const uint32_t ed[][2] = {
    {R, A}, {R, B}, {R, C}, {A, D}, {B, A}, {B, D}, {B, E}, {C, F}, {C, G}, {D, L},
    {E, H}, {F, I}, {G, I}, {G, J}, {H, E}, {H, K}, {I, K}, {J, I}, {K, R}, {K, I},
    {L, H},
  };
  uint32_t start[N + 1], succ[sizeof ed / sizeof ed[0]];
  int64_t got[N], want[N];
  to_csr(N, ed, sizeof ed / sizeof ed[0], start, succ);
  tap_ok(ht_dominators(N, start, succ, R, got) == 0, "dominators of the LT example");
  brute_idom(N, start, succ, R, want);
  tap_ok(same_idom(N, got, want), "LT example: same as the brute-force dominators");
  tap_ok(got[A] == R && got[D] == R && got[F] == C && got[J] == G && got[L] == D &&
             got[I] == R && got[K] == R,
         "LT example: idom(A)=R idom(D)=R idom(F)=C idom(J)=G idom(L)=D idom(I)=R idom(K)=R");
}

static void test_random_dominators(void) {
  uint64_t seed = 12345;
  int ok = 1, graphs = 0;
  for (int round = 0; round < 300 && ok; round++) {
    uint32_t n = 1 + (uint32_t)(round % 40);
    size_t ne = (size_t)(round % 7) * n / 2 + (size_t)(round % 3);
    uint32_t (*ed)[2] = malloc(sizeof *ed * (ne + 1));
    for (size_t i = 0; i < ne; i++) {
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      ed[i][0] = (uint32_t)((seed >> 33) % n);
      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      ed[i][1] = (uint32_t)((seed >> 33) % n);
    }
    uint32_t *start = malloc(sizeof *start * (n + 1)), *succ = malloc(sizeof *succ * (ne + 1));
    int64_t *got = malloc(sizeof *got * n), *want = malloc(sizeof *want * n);
    to_csr(n, (const uint32_t (*)[2])ed, ne, start, succ);
    if (ht_dominators(n, start, succ, 0, got)) ok = 0;
    brute_idom(n, start, succ, 0, want);
    if (!same_idom(n, got, want)) {
      ok = 0;
      tap_diag("round %d: n=%u edges=%zu differ", round, n, ne);
    }
    graphs++;
    free(ed);
    free(start);
    free(succ);
    free(got);
    free(want);
  }
  tap_ok(ok, "%d random graphs: Lengauer-Tarjan agrees with brute force", graphs);

  /* a long chain: no recursion in the DFS or the path compression */
  uint32_t n = 1000000;
  uint32_t *start = malloc(sizeof *start * (n + 1)), *succ = malloc(sizeof *succ * n);
  int64_t *idom = malloc(sizeof *idom * n);
  for (uint32_t v = 0; v <= n; v++) start[v] = v < n ? v : n - 1;
  for (uint32_t v = 0; v + 1 < n; v++) succ[v] = v + 1;
  start[n] = n - 1;
  int r = ht_dominators(n, start, succ, 0, idom);
  int chain = r == 0;
  for (uint32_t v = 1; v < n && chain; v++) chain = idom[v] == (int64_t)v - 1;
  tap_ok(chain, "a chain of a million nodes: each node's idom is its predecessor");
  free(start);
  free(succ);
  free(idom);
}

/* ---- heap graphs ---- */

typedef struct heap {
  ht_graph *g;
  int64_t globals, list, fn, cell, tuple, num, builtins, bmod, lenf, orphan_a, orphan_b, other;
} heap;

/* globals['multipliers'] = [f]; f.__closure__ = (cell,); cell -> 3 (static);
** globals['__builtins__'] -> module builtins -> builtins dict -> len;
** a garbage cycle orphan_a <-> orphan_b; globals['other'] -> tuple -> cell. */
static void build_heap(heap *h) {
  ht_graph *g = h->g = ht_graph_new();
  h->globals = ht_graph_add_node(g, 10, 0x1000, 6, "dict", "len 3", 100);
  h->list = ht_graph_add_node(g, 20, 0x2000, 5, "list", "len 1", 64);
  h->fn = ht_graph_add_node(g, 30, 0x3000, 2, "function", "make.<locals>.multiplier", 104);
  h->cell = ht_graph_add_node(g, 40, 0x4000, 1, "cell", "3", 24);
  h->tuple = ht_graph_add_node(g, 50, 0x5000, 4, "tuple", "len 1", 56);
  h->num = ht_graph_add_node(g, -0x6000, 0x6000, 10, "int", "3", 0);
  h->bmod = ht_graph_add_node(g, 60, 0x7000, 16, "module", "builtins", 48);
  h->builtins = ht_graph_add_node(g, 70, 0x8000, 6, "dict", "len 1", 200);
  h->lenf = ht_graph_add_node(g, 80, 0x9000, 20, "builtin_function_or_method", "len", 32);
  h->orphan_a = ht_graph_add_node(g, 90, 0xa000, 5, "list", "len 1", 64);
  h->orphan_b = ht_graph_add_node(g, 100, 0xb000, 5, "list", "len 1", 64);
  h->other = ht_graph_add_node(g, 110, 0xc000, 4, "tuple", "len 1", 56);
  ht_graph_add_edge(g, (uint32_t)h->globals, (uint32_t)h->list, "value", "key 'multipliers'");
  ht_graph_add_edge(g, (uint32_t)h->globals, (uint32_t)h->bmod, "value", "key '__builtins__'");
  ht_graph_add_edge(g, (uint32_t)h->globals, (uint32_t)h->other, "value", "key 'other'");
  ht_graph_add_edge(g, (uint32_t)h->list, (uint32_t)h->fn, "item", "[0]");
  ht_graph_add_edge(g, (uint32_t)h->fn, (uint32_t)h->cell, "closure", "__closure__[0]");
  ht_graph_add_edge(g, (uint32_t)h->fn, (uint32_t)h->tuple, "other", "__closure__");
  ht_graph_add_edge(g, (uint32_t)h->tuple, (uint32_t)h->cell, "item", "[0]");
  ht_graph_add_edge(g, (uint32_t)h->cell, (uint32_t)h->num, "contents", "cell_contents");
  ht_graph_add_edge(g, (uint32_t)h->bmod, (uint32_t)h->builtins, "dict", "__dict__");
  ht_graph_add_edge(g, (uint32_t)h->builtins, (uint32_t)h->lenf, "value", "key 'len'");
  ht_graph_add_edge(g, (uint32_t)h->orphan_a, (uint32_t)h->orphan_b, "item", "[0]");
  ht_graph_add_edge(g, (uint32_t)h->orphan_b, (uint32_t)h->orphan_a, "item", "[0]");
  ht_graph_add_edge(g, (uint32_t)h->other, (uint32_t)h->fn, "item", "[0]");
  ht_graph_add_root(g, "globals", "__main__", (uint32_t)h->globals);
  ht_graph_add_root(g, "internal", "builtins", (uint32_t)h->builtins);
  ht_graph_add_root(g, "internal", "module builtins", (uint32_t)h->bmod);
  ht_graph_add_root(g, "garbage", "found unreachable", (uint32_t)h->orphan_a);
}

static const char *path_of(ht_graph *g, int64_t node, int k, char *buf, size_t n) {
  ht_gpath *p = NULL;
  size_t np = 0;
  buf[0] = 0;
  if (ht_graph_retainers(g, (uint32_t)node, 5, &p, &np) == 0 && (size_t)k < np)
    ht_graph_path_str(g, &p[k], " -> ", buf, n);
  ht_graph_paths_free(p, np);
  return buf;
}

static void test_heap(void) {
  heap h;
  build_heap(&h);
  ht_graph *g = h.g;
  tap_ok(ht_graph_finish(g) == 0, "a hand-made heap graph finishes");
  const ht_gnode *x;
  tap_ok(ht_graph_node(g, (uint32_t)h.list)->reach == HT_REACH_USER &&
             ht_graph_node(g, (uint32_t)h.fn)->reach == HT_REACH_USER &&
             ht_graph_node(g, (uint32_t)h.cell)->reach == HT_REACH_USER,
         "list, function and cell under a global are user objects");
  tap_ok(ht_graph_node(g, (uint32_t)h.bmod)->reach == HT_REACH_INTERNAL &&
             ht_graph_node(g, (uint32_t)h.builtins)->reach == HT_REACH_INTERNAL &&
             ht_graph_node(g, (uint32_t)h.lenf)->reach == HT_REACH_INTERNAL,
         "__builtins__ does not make the builtins user objects");
  x = ht_graph_node(g, (uint32_t)h.orphan_b);
  tap_ok(x->reach == HT_REACH_GARBAGE && ht_graph_node(g, (uint32_t)h.orphan_a)->reach ==
                                             HT_REACH_GARBAGE,
         "both members of a garbage cycle are garbage");
  tap_ok(ht_graph_find(g, 40) == h.cell && ht_graph_find(g, 41) == -1 &&
             ht_graph_find_addr(g, 0x4000) == h.cell && ht_graph_find_addr(g, 0x4001) == -1,
         "find by id and by address");

  char buf[1024];
  tap_ok(!strcmp(path_of(g, h.cell, 0, buf, sizeof buf),
                 "global 'multipliers' -> list[0] -> function multiplier -> __closure__[0] -> "
                 "cell 3"),
         "shortest retainer path of the cell: %s", buf);
  tap_ok(!strcmp(path_of(g, h.cell, 1, buf, sizeof buf),
                 "global 'multipliers' -> list[0] -> function multiplier -> __closure__ -> "
                 "tuple[0] -> cell 3"),
         "second path, through the closure tuple: %s", buf);
  tap_ok(!strcmp(path_of(g, h.num, 0, buf, sizeof buf),
                 "global 'multipliers' -> list[0] -> function multiplier -> __closure__[0] -> "
                 "cell -> cell_contents -> int 3"),
         "path to a static int: %s", buf);
  tap_ok(!strcmp(path_of(g, h.list, 0, buf, sizeof buf), "global 'multipliers' -> list len 1"),
         "a global's own value: %s", buf);
  tap_ok(!strcmp(path_of(g, h.lenf, 0, buf, sizeof buf),
                 "internal builtins -> dict['len'] -> builtin_function_or_method len"),
         "a builtin is retained by an internal root: %s", buf);
  tap_ok(!strcmp(path_of(g, h.orphan_b, 0, buf, sizeof buf),
                 "garbage found unreachable -> list[0] -> list len 1"),
         "garbage path: %s", buf);

  int64_t cnt;
  tap_ok(ht_graph_retained(g, (uint32_t)h.list, &cnt) == 64 && cnt == 1,
         "the list retains only itself (the function is also held by 'other')");
  tap_ok(ht_graph_retained(g, (uint32_t)h.fn, &cnt) == 104 + 24 + 56 && cnt == 3,
         "the function retains itself, its cell and its closure tuple (static int: 0 B)");
  tap_ok(ht_graph_idom(g, (uint32_t)h.cell) == h.fn, "the function dominates the cell");
  tap_ok(ht_graph_idom(g, (uint32_t)h.fn) == h.globals,
         "the globals dict dominates the function (list and tuple both hang off it)");
  tap_ok(ht_graph_retained(g, (uint32_t)h.orphan_a, &cnt) == 128 && cnt == 2,
         "a garbage cycle retains both its lists");

  int64_t ids[] = {30, 40, 999, 80};
  int8_t cls[4];
  int crc = ht_graph_classify_leaks(g, ids, 4, cls);
  tap_ok(crc == 0 && cls[0] == 1 && cls[1] == 0 &&
             cls[2] == -1 && cls[3] == 2,
         "leaks: the function is a root leak, its cell is kept by it, 999 is absent, len is "
         "internal (%d %d %d %d)", cls[0], cls[1], cls[2], cls[3]);
  ht_graph_free(g);
}

/* The replay's building blocks: an edge replaced by label, paths after it. */
static void test_multiple_holders(void) {
  ht_graph *g = ht_graph_new();
  int64_t d = ht_graph_add_node(g, 1, 0x10, 6, "dict", "", 100);
  int64_t f = ht_graph_add_node(g, 2, 0x20, 0, "frame", "f (a.py:3)", 200);
  int64_t x = ht_graph_add_node(g, 3, 0x30, 5, "list", "len 0", 56);
  ht_graph_add_edge(g, (uint32_t)d, (uint32_t)x, "value", "key 'a'");
  ht_graph_add_edge(g, (uint32_t)f, (uint32_t)x, "local", "local 'y'");
  ht_graph_add_root(g, "frame", "f (a.py:3)", (uint32_t)f);
  ht_graph_add_root(g, "globals", "mod", (uint32_t)d);
  ht_graph_finish(g);
  char buf[512];
  path_of(g, x, 0, buf, sizeof buf);
  tap_ok(!strcmp(buf, "local 'y' in f (a.py:3) -> list len 0"), "a local root: %s", buf);
  path_of(g, x, 1, buf, sizeof buf);
  tap_ok(!strcmp(buf, "global 'mod.a' -> list len 0"),
         "a global of another module is qualified: %s", buf);
  tap_ok(ht_graph_idom(g, (uint32_t)x) == -1,
         "held by two roots: only the virtual root dominates it");
  ht_graph_free(g);
}

int main(void) {
  test_fixed_dominators();
  test_random_dominators();
  test_heap();
  test_multiple_holders();
  return tap_done();
}
