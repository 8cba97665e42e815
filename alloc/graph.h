/*
** graph.h -- the reference graph of a profile's heap at one moment: loading
** it from the snapshot tables, replaying reference writes to any seq,
** retainer paths, reachability classes and retained sizes.
**
** A heap snapshot (doc/graphs.md) stores nodes (objects, keyed by the
** recorder's object id, or -(address) for static objects the recorder never
** saw allocated), labelled edges and roots.  Roots come in kinds:
**
**   globals    a module's globals dict (user modules); each value edge
**              `key 'x'` out of it reads as the root `global 'x'`
**   frame      a running frame; its `local 'x'`, `cell 'x'`, `free 'x'` and
**              `stack[i]` edges read as `local 'x' in f (file:line)`
**   temp       a value the VM held outside any object (a call's result)
**   exception  the exception being raised or handled
**   internal   VM internals: builtins, sys.modules, interned strings, the
**              static types, builtin modules, caches
**   garbage    objects the cycle collector found unreachable (gc snapshots)
**   unreached  objects the collector tracks that no root reaches (held by C
**              code, or garbage not yet collected)
**
** The moment.  ht_graph_load() takes a snapshot id, or a seq: then it starts
** from the last snapshot taken at or before that seq and, when the run was
** recorded with --refs, replays the logged reference writes and the frees up
** to it, so the graph is the one at that seq (ht_graph_info().exact).  A
** profile without the log gives the snapshot as it was, and the note says
** so.  "At seq S" means after event S; snapshot S (taken as event S) is the
** graph at S-1 and at S.
**
** Classes.  Every node gets a reach class from a breadth-first search that
** takes the user roots (globals, frames, temp, exception) first and does not
** enter VM-internal "barrier" nodes (module objects, the targets of internal
** roots, static objects, the dunder entries of globals: `__builtins__`...),
** then the internal roots, then garbage, then unreached.  So an object is
** "user" when the program's own variables reach it, "internal" when only the
** VM's bookkeeping does.  The same search gives the shortest retainer path
** of every node, preferring user roots.
**
** Retained size: the dominator tree (Lengauer-Tarjan, dominators.c) of the
** graph under a virtual root joined to every root; a node's retained size is
** the total size of its dominator subtree -- what would be freed if the node
** went away.
**
** Ownership: ht_graph_load returns a new graph released by ht_graph_free;
** every pointer obtained from a graph (nodes, edges, strings) is borrowed and
** lives as long as the graph.  Errors: functions returning int return 0 on
** success and -1 on failure with a message in ERR (ERRSZ bytes).
*/
#ifndef HT_GRAPH_H
#define HT_GRAPH_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

typedef struct ht_graph ht_graph;

enum {                          /* ht_gnode.reach */
  HT_REACH_USER = 0,            /* reached from the program's roots */
  HT_REACH_INTERNAL = 1,        /* only from VM-internal roots */
  HT_REACH_GARBAGE = 2,         /* found unreachable by the cycle collector */
  HT_REACH_UNREACHED = 3,       /* tracked, alive, no root reaches it */
  HT_REACH_NONE = 4             /* replay: described but not reached */
};

enum {                          /* ht_gnode.flags */
  HT_GNODE_STATIC = 1,          /* not a recorded allocation (id < 0) */
  HT_GNODE_ROOT = 2,            /* the target of a root */
  HT_GNODE_STALE = 4,           /* replay: its references may be out of date */
  HT_GNODE_DEAD = 8             /* replay: freed (internal) */
};

typedef struct ht_gnode {
  int64_t id;                   /* object.id, or -(address) when static */
  uint64_t addr;                /* block address when the graph was taken */
  const char *type;             /* type name: "list", "function", "Point" */
  const char *repr;             /* short repr (<= 60 chars), may be "" */
  int64_t size;                 /* bytes (the object and its private blocks) */
  int tag;                      /* arena tag (alloc/tags.h) */
  uint8_t reach;                /* HT_REACH_* */
  uint8_t flags;                /* HT_GNODE_* */
  uint32_t depth;               /* edges from its root in the search (0: a root) */
} ht_gnode;

typedef struct ht_gedge {
  uint32_t src, dst;            /* node indexes */
  const char *kind;             /* "item", "value", "attr", "local", ... */
  const char *label;            /* "[3]", "key 'k'", "__closure__[0]", ... */
} ht_gedge;

typedef struct ht_groot {
  const char *kind;             /* "globals", "frame", "internal", ... */
  const char *name;             /* "__main__", "f (x.py:3)", "builtins" */
  uint32_t node;                /* its target */
} ht_groot;

/* What a loaded graph is. */
typedef struct ht_graph_info {
  int64_t snapshot;             /* the snapshot it starts from */
  int64_t snapshot_seq;         /* that snapshot's seq */
  const char *trigger;          /* its trigger: "exit", "peak", ... */
  const char *label;            /* its label ("" when none) */
  int64_t seq;                  /* the moment shown (== snapshot_seq unless replayed) */
  int64_t live_bytes;           /* the snapshot's live object bytes */
  int exact;                    /* 1: the graph is the one at seq */
  int replayed;                 /* reference records applied */
  int64_t freed;                /* replay: nodes freed between snapshot and seq */
  const char *note;             /* one sentence for the user: what this is */
} ht_graph_info;

/* ---- snapshots in a profile ---- */

typedef struct ht_snapinfo {
  int64_t id, seq, t;           /* snapshot id, its seq and time (ns) */
  char trigger[16];             /* "exit", "peak", "gc", "every", "explicit" */
  char label[128];              /* heaptrail.snapshot(label), ... */
  int64_t live_bytes;           /* live object bytes when taken */
  int64_t nodes, edges;         /* sizes */
  int64_t user_bytes;           /* bytes of reach 'user' nodes */
  int refs;                     /* recorded with --refs */
} ht_snapinfo;

/* Nonzero when DB holds snapshot tables with at least one snapshot. */
int ht_graph_has_snapshots(sqlite3 *db);
/* The snapshots, in id order: *OUT is a new array of *N (free()). */
int ht_graph_snapshots(sqlite3 *db, ht_snapinfo **out, size_t *n, char *err, size_t errsz);

/* ---- loading ---- */

enum {
  HT_AT_SNAPSHOT = 0,           /* VALUE is a snapshot id */
  HT_AT_SEQ = 1,                /* VALUE is a seq */
  HT_AT_EXIT = 2,               /* the exit snapshot (else the last one) */
  HT_AT_LAST = 3                /* the last snapshot */
};

/* Load the graph at the moment (AT, VALUE) from the profile open on DB.
** Returns 0 with *OUT a new graph, or -1 (no snapshot at or before that
** moment, no such snapshot, a damaged table). */
int ht_graph_load(sqlite3 *db, int at, int64_t value, ht_graph **out, char *err,
                  size_t errsz);
/* Load snapshot SNAPSHOT and replay the --refs log from it to SEQ, even if a
** later snapshot exists (a check of the log against that snapshot).  Fails
** on a profile recorded without --refs. */
int ht_graph_replay(sqlite3 *db, int64_t snapshot, int64_t seq, ht_graph **out, char *err,
                    size_t errsz);
void ht_graph_free(ht_graph *g);

const ht_graph_info *ht_graph_info_of(const ht_graph *g);

/* ---- nodes, edges, roots ---- */

size_t ht_graph_nnodes(const ht_graph *g);
const ht_gnode *ht_graph_node(const ht_graph *g, uint32_t i);
/* The index of the node for object id ID, or -1 when absent. */
int64_t ht_graph_find(const ht_graph *g, int64_t id);
/* The index of the node whose block address is ADDR, or -1. */
int64_t ht_graph_find_addr(const ht_graph *g, uint64_t addr);
/* Out- and in-edges of node I (borrowed arrays of *N). */
const ht_gedge *ht_graph_out(const ht_graph *g, uint32_t i, size_t *n);
const ht_gedge *const *ht_graph_in(const ht_graph *g, uint32_t i, size_t *n);
size_t ht_graph_nroots(const ht_graph *g);
const ht_groot *ht_graph_root(const ht_graph *g, size_t i);

/* ---- retainers ---- */

/* One step of a retainer path: the edge taken from the previous node. */
typedef struct ht_gpath {
  const ht_groot *root;         /* where the path starts */
  size_t nsteps;                /* edges after the root's node */
  const ht_gedge **steps;       /* steps[0] leaves the root's node (owned by the path) */
} ht_gpath;

/* Up to MAXPATHS shortest retainer paths of node I, shortest first, one per
** distinct last holder (the search's order: user roots before internal ones).
** *PATHS is a new array of *N paths, released with ht_graph_paths_free.
** A node no root reaches gets no path (*N = 0). */
int ht_graph_retainers(ht_graph *g, uint32_t i, int maxpaths, ht_gpath **paths, size_t *n);
void ht_graph_paths_free(ht_gpath *paths, size_t n);
/* The path as text: "global 'multipliers' → list[3] → function multiplier →
** __closure__[0] → cell → cell_contents → int 3".  ARROW is the separator
** (" → ", or " -> " for ASCII output).  Returns BUF (always terminated; "..."
** marks a path cut to fit). */
char *ht_graph_path_str(const ht_graph *g, const ht_gpath *p, const char *arrow, char *buf,
                        size_t n);
/* The root as the path shows it: "global 'x'", "local 'x' in f (a.py:3)". */
char *ht_graph_root_str(const ht_graph *g, const ht_gpath *p, char *buf, size_t n);
/* A node as paths show it: "list", "function multiplier", "int 3" (WITH_REPR). */
char *ht_graph_node_str(const ht_graph *g, uint32_t i, int with_repr, char *buf, size_t n);

/* ---- dominators ---- */

/* Retained bytes and objects of node I (its dominator subtree, itself
** included).  The tree is built on first use. */
int64_t ht_graph_retained(ht_graph *g, uint32_t i, int64_t *count);
/* The immediate dominator of node I: a node index, or -1 when the virtual
** root dominates it directly (several roots reach it, or it is a root). */
int64_t ht_graph_idom(ht_graph *g, uint32_t i);

/* ---- leaks ----
** Given the object ids of a set of leaked objects, classify each: is it held
** by a path from a root that passes through no other member of the set (a
** "root leak"), or only through other members (kept alive by other leaks)?
** OUT[k] gets 1 for a root leak, 0 for one kept alive only by other leaks,
** -1 when IDS[k] is not in the graph, 2 when it is there but VM-internal
** (reach internal: never a leak). */
int ht_graph_classify_leaks(ht_graph *g, const int64_t *ids, size_t n, int8_t *out);

/* ---- building (snapstore.c, tests) ----
** A graph can also be made by hand: add nodes, then edges and roots by
** node index, then ht_graph_finish() (classes, in-edges, search). */
ht_graph *ht_graph_new(void);
int64_t ht_graph_add_node(ht_graph *g, int64_t id, uint64_t addr, int tag, const char *type,
                          const char *repr, int64_t size);
int ht_graph_add_edge(ht_graph *g, uint32_t src, uint32_t dst, const char *kind,
                      const char *label);
int ht_graph_add_root(ht_graph *g, const char *kind, const char *name, uint32_t node);
int ht_graph_finish(ht_graph *g);
/* The reach class name ("user", "internal", "garbage", "unreached", "none"). */
const char *ht_graph_reach_name(int reach);

/* ---- dominators over any graph (dominators.c) ----
** N nodes 0..N-1, edges in CSR form (the successors of v are
** SUCC[START[v] .. START[v+1])), ROOT the entry.  Fills IDOM[v] with v's
** immediate dominator (IDOM[ROOT] = ROOT; -1 for nodes ROOT does not reach).
** Lengauer-Tarjan with path compression, iterative (no recursion).
** Returns 0, or -1 when out of memory. */
int ht_dominators(uint32_t n, const uint32_t *start, const uint32_t *succ, uint32_t root,
                  int64_t *idom);

/* ---- the commands (cli-graph.c) ----
** `heaptrail graph FILE ...` and `heaptrail why FILE OBJ ...`: ARGV[0] is the
** command's name.  Return the exit status: 0, 1 on an error (message on
** stderr), 2 on a usage error. */
int ht_cmd_graph(int argc, char **argv);
int ht_cmd_why(int argc, char **argv);

#endif
