/*
** analysis.h -- analyses of a profile's event log: report, leaks, flame, diff
** and advice.
**
** Everything here works from what the recorder stored (doc/profile-format.md):
** tags and their kinds, code locations, the stack tree, marks, samples, the
** packed events and the derived tables (object lifetimes, resizes, per-site
** totals, per-tag series).  Nothing here knows Python: the VM's meaning
** reaches the analyses only through tags, code/stack rows, marks and events.
**
** The context.  ht_ana_open() opens a profile through the reader
** (profile.h), so a file that is not a profile is refused with a clear
** message and an unfinished one is finalized first, then loads the small
** tables into memory: the stack tree (node id -> parent, code, line, depth),
** the code locations and the tags.  A ht_ana is read-only for its users; the
** analyses fill its lazily built caches (the level-0 curves).
**
** The moments the analyses talk about:
**   the peak      the event at which the live bytes (of the object tags, or
**                 of all tags) first reached their highest value; found
**                 exactly by replaying the few series buckets whose peak
**                 could hold it (branch and bound on the per-bucket peaks);
**   exit          the MARK labelled "heaptrail:teardown" which the VM logs
**                 before tearing the interpreter down, or the end of the log
**                 when the profile has no such mark;
**   a mark        by label: the first MARK with that label (for a second
**                 mark, the first one after the first mark).
** "Alive at S" means alloc_seq <= S < free_seq, with sizes as of S (a
** resized object counts at the size it had at S).
**
** Ownership: _open/_build functions return new objects, released by the
** matching _close/_free; pointers into a ht_ana are borrowed and live as long
** as it does.  Errors: functions returning int return 0 on success and -1 on
** failure with a message in ERR (ERRSZ bytes) that names the file.
*/
#ifndef HT_ANALYSIS_H
#define HT_ANALYSIS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "profile.h"

#define HT_TEARDOWN_MARK "heaptrail:teardown"

/* ---- the context ---- */

typedef struct ht_code_loc {
  char *filename;              /* as the VM gave it (owned) */
  char *qualname;              /* "<module>", "f.<locals>.g" (owned) */
  int firstlineno;             /* first line of the code */
} ht_code_loc;

typedef struct ht_stack_node {
  uint32_t parent;             /* caller's node, 0 for an outermost frame */
  uint32_t code;               /* index in ht_ana.codes */
  uint32_t line;               /* line being executed in that frame */
  uint32_t depth;              /* 1 for an outermost frame, 0 for node 0 */
} ht_stack_node;

typedef struct ht_curves ht_curves;   /* level-0 series per selection (ana-core.c) */

typedef struct ht_ana {
  ht_profile *prof;            /* the open profile (owned) */
  sqlite3 *db;                 /* its connection (borrowed from prof) */
  char *path;                  /* the file's path (owned) */
  ht_stack_node *nodes;        /* index = node id; node 0 is the empty stack (owned) */
  uint32_t nnodes;             /* max node id + 1 */
  ht_code_loc *codes;          /* index = code id; codes[0] is unused (owned) */
  uint32_t ncodes;             /* max code id + 1 */
  int ntags;                   /* max tag id + 1 */
  char **tag_name;             /* per tag id, NULL for a gap (owned) */
  uint8_t *tag_internal;       /* per tag id: 1 for kind 'internal' (owned) */
  int64_t nevents;             /* events in the log */
  int64_t nobjects;            /* rows of `object` (meta objects) */
  int64_t end_t;               /* time of the last event, ns */
  int64_t exit_status;         /* meta exit_status, or -1 when absent */
  char *script;                /* meta script, or NULL (owned) */
  char *script_dir;            /* folder of the script, with '/', or NULL (owned) */
  int64_t teardown_seq;        /* seq of the teardown mark, or -1 */
  int64_t width0;              /* events per level-0 bucket of `series` */
  int64_t nbuckets;            /* level-0 buckets: ceil(nevents / width0) */
  int anomalies;               /* meta unmatched_* or size_mismatches nonzero */
  int has_snapshots;           /* the profile holds heap-snapshot tables */
  ht_curves *curves;           /* lazily loaded (owned) */
} ht_ana;

/* Open PATH for analysis.  Returns 0 on success with *OUT a new context. */
int ht_ana_open(ht_ana **out, const char *path, char *err, size_t errsz);
void ht_ana_close(ht_ana *a);

/* The tag's name ("?" when unknown) and whether it is VM-internal. */
const char *ht_ana_tag_name(const ht_ana *a, int tag);
int ht_ana_tag_is_internal(const ht_ana *a, int tag);

/* FILE as shown in text output: relative to the script's folder when it is
** inside it, else as stored (borrowed from A or FILE). */
const char *ht_ana_short_file(const ht_ana *a, const char *file);

/* "file:line in qualname" of NODE's innermost frame into BUF ("(no script
** frame)" for node 0); with SHORTFILE, the file as ht_ana_short_file gives it.
** Returns BUF. */
char *ht_ana_frame_str(const ht_ana *a, uint32_t node, int shortfile, char *buf, size_t n);

/* Nonzero when NODE is ROOT or lies below it (a callee of ROOT's line). */
int ht_ana_in_subtree(const ht_ana *a, uint32_t node, uint32_t root);

/* Seq of the moment "exit" (see above): the teardown mark, or nevents. */
int64_t ht_ana_exit_seq(const ht_ana *a);

/* Seq of the first MARK labelled LABEL with seq > AFTER (-1 for any).
** Returns 0 on success, -1 with a message listing the labels when absent. */
int ht_ana_find_mark(ht_ana *a, const char *label, int64_t after, int64_t *seq, char *err,
                     size_t errsz);

/* ---- the peak ---- */

typedef struct ht_peak {
  int64_t bytes;               /* live bytes at the peak (0: nothing ever alive) */
  int64_t seq;                 /* event that first reached it, -1 when none */
  int64_t t;                   /* its time, ns since the start */
  uint32_t stack;              /* its script stack */
  int exact;                   /* 0: a search cut short; BYTES is an upper bound */
} ht_peak;

enum { HT_SEL_OBJECTS = 0, HT_SEL_ALL = 1 };   /* object tags only, or every tag */

/* The exact peak of selection SEL.  Returns 0 on success. */
int ht_ana_peak(ht_ana *a, int sel, ht_peak *out, char *err, size_t errsz);

/* The highest live bytes any single tag reached (from the series). */
int ht_ana_tag_peaks(ht_ana *a, int64_t *peak_by_tag /* [a->ntags] */, char *err,
                     size_t errsz);

/* One decoded memory event, with the change it makes to the live bytes. */
typedef struct ht_aev {
  int64_t seq;                 /* event number */
  int64_t t;                   /* ns */
  uint64_t obj;                /* address (new address for REALLOC) */
  uint64_t old;                /* REALLOC: old address, else 0 */
  int64_t size;                /* bytes (new size for REALLOC) */
  int64_t delta;               /* change of the live bytes of the event's tag */
  uint32_t stack;              /* script stack */
  uint8_t kind;                /* ht_event_kind */
  uint8_t tag;                 /* tag */
} ht_aev;

/* Memory events (ALLOC, FREE, REALLOC) with LO <= seq <= HI into a new array
** *OUT (free() it) of *N events.  Returns 0 on success. */
int ht_ana_read_events(ht_ana *a, int64_t lo, int64_t hi, ht_aev **out, size_t *n, char *err,
                       size_t errsz);

struct ht_event;   /* encode.h: one decoded event */
/* Call FN(UD, EV, N) on the events with LO <= seq <= HI, decoded straight
** from the chunks in seq order, a chunk (or part of one) per call.  This is
** the fast path for a pass over the whole log: no SQL per event.  FN returns
** 0 to go on, nonzero to stop (then this returns that value).  Returns -1 on
** an error (a malformed chunk: "corrupt profile"). */
typedef int (*ht_scan_fn)(void *ud, const struct ht_event *ev, size_t n);
int ht_ana_scan(ht_ana *a, int64_t lo, int64_t hi, ht_scan_fn fn, void *ud, char *err, size_t errsz);
/* The same over DB, another connection to the profile at PATH (a worker
** thread's: it reads only `chunk`, which every profile has in main). */
int ht_ana_scan_db(sqlite3 *db, const char *path, int64_t lo, int64_t hi, ht_scan_fn fn, void *ud,
                   char *err, size_t errsz);

/* A what-if for the peak search: given decoded events EV[0..N) (the events
** of one bucket with MARGIN events on either side), add to REDUCE[i] the
** bytes to take off the live total at event i. */
typedef void (*ht_peak_adjust_fn)(void *ud, const ht_aev *ev, size_t n, int64_t *reduce);

/* The exact peak of SEL when ADJUST's reductions are applied (ADJUST may be
** NULL: then this is ht_ana_peak).  MARGIN events on either side of each run
** of replayed buckets are passed to ADJUST for context.  With MAX_EVENTS > 0,
** at most about that many events are replayed; when that is not enough,
** OUT->exact is 0 and OUT->bytes an upper bound (seq, t and stack are those
** of the best value found). */
int ht_ana_peak_adjusted(ht_ana *a, int sel, ht_peak_adjust_fn adjust, void *ud, int64_t margin,
                         int64_t max_events, ht_peak *out, char *err, size_t errsz);

/* ---- sets of sites ---- */

/* Counts and bytes per allocation site (stack, tag). */
typedef struct ht_site_stat {
  uint32_t stack;              /* script stack of the allocations */
  int tag;                     /* their tag */
  int64_t count;               /* objects */
  int64_t bytes;               /* their bytes */
  int64_t first;               /* smallest object id (seq of its allocation) */
} ht_site_stat;

typedef struct ht_site_set {
  ht_site_stat *v;             /* the sites, in first-seen order until sorted (owned) */
  size_t n, cap;               /* entries used, allocated */
  uint32_t *hash;              /* index + 1, open addressing (owned) */
  size_t hmask;                /* hash slots - 1 */
  size_t memo;                 /* index of the entry found last */
} ht_site_set;

void ht_site_set_init(ht_site_set *s);
void ht_site_set_free(ht_site_set *s);
/* The entry of (STACK, TAG), created zeroed when new; NULL when out of memory. */
ht_site_stat *ht_site_set_get(ht_site_set *s, uint32_t stack, int tag);
/* The entry of (STACK, TAG), or NULL when absent (before sorting only). */
ht_site_stat *ht_site_set_find(const ht_site_set *s, uint32_t stack, int tag);
/* Sort by bytes, largest first (ties: count, then stack). Invalidates the hash. */
void ht_site_set_sort(ht_site_set *s);

/* Objects alive at SEQ and allocated at or after FROM, per site, with their
** sizes as of SEQ, added into OUT.  Returns 0 on success. */
int ht_ana_live_at(ht_ana *a, int64_t seq, int64_t from, ht_site_set *out, char *err,
                   size_t errsz);

/* ---- advice (advice.c; DESIGN.md section 6) ---- */

typedef enum ht_finding_kind {
  HT_FIND_REBIND = 0,          /* rebinding overlap at the peak */
  HT_FIND_CHURN = 1,           /* a function/cell made and freed on every call */
  HT_FIND_RETENTION = 2,       /* cells alive at exit, with what came alongside */
  HT_FIND_GROWTH = 3           /* a list's item array reallocated many times */
} ht_finding_kind;

typedef struct ht_finding {
  ht_finding_kind kind;        /* what was found */
  uint32_t stack;              /* a stack node whose innermost frame is the line */
  uint32_t code;               /* code id of the line's function */
  uint32_t line;               /* the line the finding names */
  int tag;                     /* the tag concerned */
  int64_t bytes;               /* REBIND: bytes a del saves on the peak; CHURN: bytes
                                  allocated; RETENTION: bytes of the live cells plus
                                  what came alongside; GROWTH: bytes of new arrays */
  int64_t count;               /* REBIND: old values overlapping at the peak; CHURN:
                                  allocations; RETENTION: live cells; GROWTH: reallocs */
  int64_t max_alive;           /* CHURN: most alive at once */
  int64_t old_bytes;           /* REBIND: bytes of the old values alive at the peak */
  int64_t new_bytes;           /* REBIND: bytes of the new values built at line */
  int64_t peak_before;         /* REBIND: the object peak as recorded */
  int64_t peak_after;          /* REBIND: the object peak had the old values gone first
                                  (an upper bound when not exact) */
  int exact;                   /* REBIND: peak_after (so bytes) is exact; else bytes is
                                  a lower bound on the saving */
  int64_t seq;                 /* REBIND: seq of the peak; CHURN: first allocation */
  int64_t along_count;         /* RETENTION: other objects from the same function alive */
  int64_t along_bytes;         /* RETENTION: their bytes */
  int64_t cell_bytes;          /* RETENTION: bytes of the cells themselves */
} ht_finding;

typedef struct ht_advice_opts {
  int64_t churn_min;           /* allocations from one line before churn counts (10) */
  int64_t churn_max_alive;     /* at most this many alive at once (2) */
  int64_t growth_min;          /* reallocations at one line before growth counts (8) */
  int64_t rebind_window;       /* events between the new value and the old one's
                                  free, at most (4096) */
} ht_advice_opts;

void ht_advice_defaults(ht_advice_opts *o);

/* One line's allocations of one tag, tracked by the object pass for churn:
** how many were made and how many were alive at once. */
typedef struct ht_line_group {
  uint32_t code, line;         /* the line (innermost frame) */
  int tag;                     /* FUNCTION or CELL */
  uint32_t stack;              /* one stack node of the line (the busiest site) */
  int64_t allocs, bytes;       /* objects allocated there, their bytes */
  int64_t freed;               /* of those, freed */
  int64_t max_alive;           /* most alive at once (object pass) */
  int64_t first;               /* first allocation's seq */
} ht_line_group;

/* What advice needs from the report's work: see report.c. */
typedef struct ht_advice_input {
  ht_peak peak;                /* the object peak */
  int64_t exit_seq;            /* the moment "exit" */
  const ht_site_set *at_exit;  /* alive at exit, per site */
  ht_line_group *groups;       /* churn candidates, max_alive filled (borrowed) */
  size_t ngroups;              /* entries of groups */
} ht_advice_input;

/* Churn candidates: FUNCTION and CELL allocations grouped by line, from the
** site table, for lines with at least churn_min of them.  *OUT is a new
** array (free()) of *N groups, sorted by (code, line, tag); MAP receives an
** entry per (stack node, tag) of those lines whose `count` is the group's
** index + 1.  Returns 0 on success. */
int ht_advice_churn_groups(ht_ana *a, const ht_advice_opts *o, ht_line_group **out,
                           size_t *n, ht_site_set *map, char *err, size_t errsz);

/* The rebinding-overlap detector alone, for PEAK (the object peak): cheap,
** it reads the events around the peak and re-searches the peak.  Appends
** to *OUT (*N entries).  Returns 0 on success. */
int ht_advice_rebind(ht_ana *a, const ht_advice_opts *o, const ht_peak *peak, ht_finding **out,
                     size_t *n, char *err, size_t errsz);

/* Run the four detectors; appends to *OUT (*N entries, realloc'ed), sorted
** by kind (in the order of ht_finding_kind), then by bytes, largest first.
** Returns 0 on success. */
int ht_advice_run(ht_ana *a, const ht_advice_opts *o, const ht_advice_input *in,
                  ht_finding **out, size_t *n, char *err, size_t errsz);

/* The finding as one line of text ("prealloc.py:11 in <module>: ...") into BUF. */
char *ht_finding_text(const ht_ana *a, const ht_finding *f, char *buf, size_t n);
const char *ht_finding_kind_name(ht_finding_kind k);   /* "rebinding-overlap", ... */

/* ---- report (report.c) ---- */

typedef struct ht_report_opts {
  int top;                     /* rows per site table (10) */
  int64_t temp_window;         /* K: a free within K events also makes a temporary
                                  (0: only heaptrack's rule) */
  ht_advice_opts advice;       /* thresholds of the findings */
} ht_report_opts;

void ht_report_defaults(ht_report_opts *o);

typedef struct ht_tag_summary {
  int tag;                     /* tag id */
  int64_t exit_count;          /* alive at exit */
  int64_t exit_bytes;          /* their bytes */
  int64_t peak_bytes;          /* the tag's own peak of live bytes */
  int64_t at_peak_count;       /* alive at the object peak */
  int64_t at_peak_bytes;       /* their bytes */
  int64_t allocs;              /* objects allocated (ALLOC, or REALLOC from nothing) */
  int64_t alloc_bytes;         /* their sizes when allocated */
  int64_t reallocs;            /* REALLOC events */
  int64_t realloc_bytes;       /* their new sizes */
  int64_t temp_count;          /* temporary allocations */
  int64_t temp_bytes;          /* their bytes */
} ht_tag_summary;

typedef struct ht_report {
  ht_peak peak_objects;        /* peak of the object tags */
  ht_peak peak_all;            /* peak of all tags, internal included */
  int has_rss;                 /* the profile has RSS samples */
  int64_t rss_peak;            /* highest sampled RSS, bytes */
  int64_t rss_seq, rss_t;      /* where it was sampled */
  int64_t exit_seq;            /* the moment "exit" */
  int at_teardown;             /* exit is the teardown mark (else the end) */
  ht_tag_summary *tags;        /* one per tag with any activity, by tag id (owned) */
  int ntags;                   /* entries of tags */
  ht_site_set at_peak;         /* alive at the object peak, by bytes (owned) */
  ht_site_set by_total;        /* every site by bytes allocated: count = allocs,
                                  bytes = alloc_bytes (owned) */
  ht_site_set temps;           /* temporaries per site, by bytes (owned) */
  ht_site_set at_exit;         /* alive at exit per site, by bytes (owned) */
  int64_t temp_count, temp_bytes;   /* all temporaries */
  int64_t allocs, alloc_bytes; /* all allocations */
  ht_finding *findings;        /* advice (owned) */
  size_t nfindings;            /* entries of findings */
  ht_report_opts opts;         /* as built */
} ht_report;

int ht_report_build(ht_ana *a, const ht_report_opts *o, ht_report **out, char *err,
                    size_t errsz);
void ht_report_free(ht_report *r);
void ht_report_print_text(const ht_ana *a, const ht_report *r, FILE *out);
/* Returns 0 on success, -1 when writing failed. */
int ht_report_print_json(const ht_ana *a, const ht_report *r, FILE *out);

/* ---- leaks (leaks.c) ----
** The leaked objects (script objects alive at the moment, see leaks.c) are
** grouped by allocation site and tag.  With a heap snapshot at or before
** the moment, each object is classified on the reference graph (graph.h):
** a root leak (some root holds it through no other leaked object), kept
** alive only by other leaks, held only by the VM's internals (never a leak),
** or absent from the graph; each group shows the retainer path of its
** object nearest a root.  Blocks that are not objects of the graph (a
** list's item array, a dict's table) are counted apart.  Cycles are the objects the cycle collector freed
** during the window, grouped the same way. */

typedef struct ht_leaks_opts {
  const char *mark_a;          /* --between MARK_A MARK_B, or NULL for "at exit" */
  const char *mark_b;          /* (both or neither) */
} ht_leaks_opts;

typedef struct ht_leak_group {
  uint32_t stack;              /* script stack of the allocations */
  int tag;                     /* their tag */
  int64_t count;               /* objects */
  int64_t bytes;               /* their bytes (at the moment; cycles: when freed) */
  int64_t first;               /* smallest object id (seq of its allocation) */
  int64_t node;                /* graph node whose retainer path stands for the
                                  group (its member nearest a root), -1: none */
  uint32_t depth;              /* that node's distance from its root */
  int64_t gcs;                 /* cycles: collections that freed some of them */
  int64_t gc_seq;              /* cycles: seq of the first such collection's start */
  uint32_t gc_stack;           /* cycles: script stack where it started */
} ht_leak_group;

typedef struct ht_leak_list {
  ht_leak_group *v;            /* groups, by bytes, largest first (owned) */
  size_t n, cap;               /* entries used, allocated */
  uint32_t *hash;              /* index + 1 by (stack, tag) while building (owned) */
  size_t hmask;                /* hash slots - 1 */
  int64_t count, bytes;        /* totals */
} ht_leak_list;

struct ht_graph;   /* graph.h */

typedef struct ht_leaks {
  int between;                 /* 1: allocated between two marks */
  const char *mark_a, *mark_b; /* their labels (borrowed from the options) */
  int64_t from_seq;            /* objects allocated at or after this seq ... */
  int64_t to_seq;              /* ... and alive at this one */
  int at_teardown;             /* "exit" is the teardown mark */
  ht_site_set objects;         /* object-tag groups: the leaks, by bytes (owned) */
  ht_site_set startup;         /* object-tag groups allocated with no script
                                  frame (VM start-up): never leaks (owned) */
  ht_site_set internal;        /* VM-internal groups, never leaks (owned) */
  int64_t count, bytes;        /* totals of the leaks */
  int64_t startup_count, startup_bytes;     /* totals of start-up objects */
  int64_t internal_count, internal_bytes;   /* totals of internal memory */
  int retainers;               /* 1 when the leaks were classified on a graph */
  const char *retainers_note;  /* what the graph is, or why there is none */
  char note[700];              /* retainers_note's text */
  struct ht_graph *graph;      /* the graph at to_seq (owned), NULL without one */
  int graph_exact;             /* 1: the graph is the heap at to_seq */
  int64_t snapshot;            /* the snapshot it comes from, -1 */
  int64_t snapshot_seq;        /* that snapshot's seq */
  ht_leak_list roots;          /* with a graph: root leaks (owned) */
  ht_leak_list kept;           /* kept alive only by other leaked objects (owned) */
  ht_leak_list blocks;         /* leaked blocks that are not objects of the graph:
                                  private blocks (item arrays, hash tables) of
                                  objects, whose owner the snapshot does not
                                  record (owned) */
  ht_leak_list later;          /* leaked, allocated after the snapshot of an
                                  approximate graph (owned) */
  ht_leak_list vmheld;         /* script objects only the VM's internals hold:
                                  not leaks (owned) */
  ht_leak_list cycles;         /* freed by the cycle collector in the window (owned) */
  int64_t gc_passes;           /* collections in the window */
  int64_t gc_passes_freeing;   /* of those, the ones that freed script objects */
} ht_leaks;

int ht_leaks_build(ht_ana *a, const ht_leaks_opts *o, ht_leaks **out, char *err,
                   size_t errsz);
void ht_leaks_free(ht_leaks *l);
/* ARROW separates the steps of retainer paths (" → ", or " -> "). */
void ht_leaks_print_text(const ht_ana *a, const ht_leaks *l, const char *arrow, FILE *out);
int ht_leaks_print_json(const ht_ana *a, const ht_leaks *l, FILE *out);
int ht_leaks_print_html(const ht_ana *a, const ht_leaks *l, FILE *out);

/* ---- flame graphs (flame.c) ---- */

enum { HT_FLAME_PEAK = 0, HT_FLAME_TOTAL = 1 };     /* metrics */
enum { HT_FLAME_TAGS = 1, HT_FLAME_INTERNAL = 2 };   /* flags */

/* Collapsed stacks ("outer;inner;leaf BYTES" per line, frames as
** "qualname (file:line)") of the bytes alive at the object peak
** (HT_FLAME_PEAK) or of all bytes allocated (HT_FLAME_TOTAL), object tags
** only.  Flags: HT_FLAME_TAGS ends each stack with a "[tag]" frame;
** HT_FLAME_INTERNAL counts VM-internal tags too (and uses the all-tags
** peak).  Returns 0 on success. */
int ht_flame_write(ht_ana *a, int metric, unsigned flags, FILE *out, char *err, size_t errsz);

/* ---- diff (diff.c) ---- */

typedef struct ht_diff_row {
  char *key;                   /* frames outermost first, then the tag (owned) */
  uint32_t stack_a, stack_b;   /* the site's node in A and B (0 when absent) */
  int tag_a, tag_b;            /* its tag in A and B (-1 when absent) */
  int64_t peak_bytes[2];       /* alive at each profile's object peak */
  int64_t peak_count[2];       /* (objects) */
  int64_t allocs[2];           /* objects allocated */
  int64_t alloc_bytes[2];      /* (their sizes) */
  int64_t leak_count[2];       /* alive at exit (leaks as `heaptrail leaks` counts them) */
  int64_t leak_bytes[2];       /* (their bytes) */
} ht_diff_row;

typedef struct ht_diff {
  ht_peak peak[2];             /* object peaks of A and B */
  ht_peak peak_all[2];         /* all-tag peaks */
  int64_t allocs[2], alloc_bytes[2];        /* object-tag allocations */
  int64_t leak_count[2], leak_bytes[2];     /* leaks at exit */
  ht_diff_row *rows;           /* sorted by |peak change|, then |bytes change| (owned) */
  size_t nrows;                /* entries of rows */
  ht_finding *rebind[2];       /* rebinding overlaps at each peak (owned) */
  size_t nrebind[2];           /* entries of rebind */
} ht_diff;

int ht_diff_build(ht_ana *a, ht_ana *b, ht_diff **out, char *err, size_t errsz);
void ht_diff_free(ht_diff *d);
void ht_diff_print_text(const ht_ana *a, const ht_ana *b, const ht_diff *d, int top, FILE *out);
int ht_diff_print_json(const ht_ana *a, const ht_ana *b, const ht_diff *d, FILE *out);

/* ---- helpers for the printers ---- */

/* BYTES as "8.0 MB" (decimal units, as the issue and users count them). */
char *ht_fmt_bytes(int64_t bytes, char *buf, size_t n);

/* STACK's frames innermost first: the first where the cursor is, each
** further one on its own line after INDENT (report.c). */
void ht_print_stack(const ht_ana *a, uint32_t stack, const char *indent, FILE *out);

struct ht_json;   /* jsonout.h */
/* The members every JSON output opens with: schema, version, profile,
** script, exit_status, events, duration_ns (A may be NULL: the first two). */
void ht_json_header(struct ht_json *j, const ht_ana *a, const char *schema);
/* STACK as an array of {file, line, qualname}, innermost first. */
void ht_json_stack(struct ht_json *j, const ht_ana *a, uint32_t stack);
/* A finding as an object (doc/reports.md). */
void ht_json_finding(struct ht_json *j, const ht_ana *a, const ht_finding *f);

/* ---- the commands (cli-analysis.c) ----
** ARGV[0] is the command's name.  Each prints its usage on a usage error and
** returns the exit status: 0, 1 on an error (or leaks over --fail-on), 2 on
** a usage error. */
int ht_cmd_report(int argc, char **argv);
int ht_cmd_leaks(int argc, char **argv);
int ht_cmd_flame(int argc, char **argv);
int ht_cmd_diff(int argc, char **argv);

#endif
