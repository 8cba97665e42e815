/*
** dominators.c -- immediate dominators of a directed graph (Lengauer and
** Tarjan, "A fast algorithm for finding dominators in a flowgraph", 1979,
** the "simple" version: path compression without balancing, O(m log n)).
**
** Node d dominates v when every path from the root to v passes through d.
** In a heap graph under a virtual root joined to every GC root, the nodes a
** node dominates are exactly what would be freed if it went away, so the
** size of its dominator subtree is its retained size (graph.c).
**
** Everything runs in depth-first-number space: the DFS numbers the nodes the
** root reaches 0..m-1, and semi, label, ancestor, idom and the buckets are
** indexed by that number.  The DFS and the path compression are iterative,
** so a million-deep chain (a long linked list) does not overflow the C stack.
*/
#include <stdlib.h>
#include <string.h>
#include "graph.h"

#define NONE UINT32_MAX

int ht_dominators(uint32_t n, const uint32_t *start, const uint32_t *succ, uint32_t root,
                  int64_t *idom) {
  int rc = -1;
  uint32_t *dfn = malloc(sizeof(uint32_t) * (n ? n : 1));       /* node -> number */
  uint32_t *vertex = malloc(sizeof(uint32_t) * (n ? n : 1));    /* number -> node */
  uint32_t *parent = malloc(sizeof(uint32_t) * (n ? n : 1));    /* by number */
  uint32_t *semi = malloc(sizeof(uint32_t) * (n ? n : 1));
  uint32_t *label = malloc(sizeof(uint32_t) * (n ? n : 1));
  uint32_t *anc = malloc(sizeof(uint32_t) * (n ? n : 1));
  uint32_t *dom = malloc(sizeof(uint32_t) * (n ? n : 1));
  uint32_t *bhead = malloc(sizeof(uint32_t) * (n ? n : 1));     /* bucket lists */
  uint32_t *bnext = malloc(sizeof(uint32_t) * (n ? n : 1));
  uint32_t *stack = malloc(sizeof(uint32_t) * (n ? n : 1));     /* DFS / compress */
  uint32_t *spos = malloc(sizeof(uint32_t) * (n ? n : 1));      /* DFS: next edge */
  uint32_t *pstart = NULL, *pred = NULL;
  if (!dfn || !vertex || !parent || !semi || !label || !anc || !dom || !bhead || !bnext ||
      !stack || !spos)
    goto out;
  for (uint32_t v = 0; v < n; v++) {
    dfn[v] = NONE;
    idom[v] = -1;
  }
  if (root >= n) {
    rc = 0;
    goto out;
  }

  /* Depth-first numbering from the root. */
  uint32_t m = 0, sp = 0;
  dfn[root] = m;
  vertex[m] = root;
  parent[m] = NONE;
  m++;
  stack[sp] = root;
  spos[sp] = start[root];
  sp++;
  while (sp) {
    uint32_t v = stack[sp - 1];
    if (spos[sp - 1] == start[v + 1]) {
      sp--;
      continue;
    }
    uint32_t w = succ[spos[sp - 1]++];
    if (dfn[w] != NONE) continue;
    dfn[w] = m;
    vertex[m] = w;
    parent[m] = dfn[v];
    m++;
    stack[sp] = w;
    spos[sp] = start[w];
    sp++;
  }

  /* Predecessors, in number space, of the reached nodes. */
  pstart = calloc((size_t)m + 1, sizeof(uint32_t));
  if (!pstart) goto out;
  size_t npred = 0;
  for (uint32_t k = 0; k < m; k++) {
    uint32_t v = vertex[k];
    for (uint32_t e = start[v]; e < start[v + 1]; e++)
      if (dfn[succ[e]] != NONE) {
        pstart[dfn[succ[e]] + 1]++;
        npred++;
      }
  }
  for (uint32_t k = 0; k < m; k++) pstart[k + 1] += pstart[k];
  pred = malloc(sizeof(uint32_t) * (npred ? npred : 1));
  if (!pred) goto out;
  memcpy(spos, pstart, sizeof(uint32_t) * m);    /* fill cursors */
  for (uint32_t k = 0; k < m; k++) {
    uint32_t v = vertex[k];
    for (uint32_t e = start[v]; e < start[v + 1]; e++) {
      uint32_t w = dfn[succ[e]];
      if (w != NONE) pred[spos[w]++] = k;
    }
  }

  for (uint32_t k = 0; k < m; k++) {
    semi[k] = label[k] = k;
    anc[k] = NONE;
    bhead[k] = NONE;
    dom[k] = 0;
  }

  /* EVAL(v) with path compression, inline below. */
#define EVAL(v, out)                                                        \
  do {                                                                      \
    uint32_t v_ = (v);                                                      \
    if (anc[v_] == NONE) { (out) = v_; break; }                             \
    uint32_t top = 0, x = v_;                                               \
    while (anc[anc[x]] != NONE) { stack[top++] = x; x = anc[x]; }           \
    while (top) {                                                           \
      uint32_t y = stack[--top], a = anc[y];                                \
      if (semi[label[a]] < semi[label[y]]) label[y] = label[a];             \
      anc[y] = anc[a];                                                      \
    }                                                                       \
    (out) = label[v_];                                                      \
  } while (0)

  for (uint32_t k = m - 1; k >= 1; k--) {
    for (uint32_t e = pstart[k]; e < pstart[k + 1]; e++) {
      uint32_t u;
      EVAL(pred[e], u);
      if (semi[u] < semi[k]) semi[k] = semi[u];
    }
    bnext[k] = bhead[semi[k]];
    bhead[semi[k]] = k;
    uint32_t p = parent[k];
    anc[k] = p;                                  /* LINK(parent, k) */
    for (uint32_t v = bhead[p]; v != NONE; v = bnext[v]) {
      uint32_t u;
      EVAL(v, u);
      dom[v] = semi[u] < semi[v] ? u : p;
    }
    bhead[p] = NONE;
  }
#undef EVAL
  for (uint32_t k = 1; k < m; k++)
    if (dom[k] != semi[k]) dom[k] = dom[dom[k]];
  idom[root] = root;
  for (uint32_t k = 1; k < m; k++) idom[vertex[k]] = vertex[dom[k]];
  rc = 0;
out:
  free(dfn); free(vertex); free(parent); free(semi); free(label); free(anc); free(dom);
  free(bhead); free(bnext); free(stack); free(spos); free(pstart); free(pred);
  return rc;
}
