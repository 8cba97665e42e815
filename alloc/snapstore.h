/*
** snapstore.h -- writing heap snapshots and reference writes into a profile.
**
** The VM walks its heap (vm/snapshot.c) and describes what it finds here in
** terms this library understands without knowing Python: nodes (a block
** address, a tag, a type name, a size, a short repr), labelled edges between
** node addresses, and roots (a kind, a name, a target address).  With
** `heaptrail run --refs` it also logs reference writes between snapshots.
**
** Why a spool.  While a recording runs, the profile's SQLite connection
** belongs to the recorder's writer thread (writer.c); a second writer would
** fight it for the database lock.  So everything given here is appended, in
** a compact varint format, to an anonymous spool file (created beside the
** profile and unlinked at once: nothing is left behind if the run dies), and
** ht_snap_store() moves it into the profile after ht_rec_close() has
** finished the file.  Memory stays bounded: only the interning tables live
** in RAM.  Nothing here allocates from the tagged arena (plain malloc and
** stdio).
**
** Addresses become object ids when stored.  The VM cannot know the recorder's
** object ids (the seq of each allocation): the recorder does not track live
** addresses on the VM thread.  Every record carries the seq at which it was
** made, and ht_snap_store() replays the profile's ALLOC/FREE/REALLOC events
** in seq order beside the spool, so the address of each node resolves to the
** one object alive there at that seq.  An address that matches no recorded
** object (a static, immortal object: None, small ints, builtin types) is
** stored with the id -(address).
**
** Seq conventions.  A snapshot logs one SNAPSHOT event (obj = snapshot id);
** its seq S is that event's seq, and the graph is the heap after event S-1.
** A reference write made between events s-1 and s carries seq s.  So the
** writes with seq <= S are inside snapshot S and those with seq > S come
** after it.
**
** Threading: VM thread only, like the recorder.  Errors: functions returning
** int return 0 on success and -1 on failure (message from ht_snap_error());
** after a failure the spool is dropped and later calls do nothing.
*/
#ifndef HT_SNAPSTORE_H
#define HT_SNAPSTORE_H

#include <stddef.h>
#include <stdint.h>

/* Why a snapshot was taken (stored as text in snapshot.trigger). */
typedef enum ht_snap_trigger {
  HT_SNAP_EXIT = 0,        /* "exit": the script ended, before teardown */
  HT_SNAP_PEAK = 1,        /* "peak": a new peak of live object bytes */
  HT_SNAP_GC = 2,          /* "gc": a cycle collection found its garbage */
  HT_SNAP_EVERY = 3,       /* "every": every N events */
  HT_SNAP_EXPLICIT = 4,    /* "explicit": heaptrail.snapshot(label) */
  HT_SNAP_START = 5,       /* "start": before the script runs (--refs: the replay's base) */
  HT_SNAP_NTRIGGERS
} ht_snap_trigger;

/* Name of a trigger ("exit", ...). */
const char *ht_snap_trigger_name(int trigger);

/* Open the spool beside PROFILE (the path given to ht_rec_open).  REFS says
** whether reference writes will be logged (stored in the snapshot table so
** readers know replay is exact).  Returns 0 on success. */
int ht_snap_open(const char *profile, int refs);

/* Nonzero while a spool is open. */
int ht_snap_active(void);

/* ---- snapshots ----
** ht_snap_begin logs the SNAPSHOT event and starts a snapshot; nodes, edges
** and roots follow in any order (an edge may name a node given later); then
** ht_snap_end.  With CANDIDATE, the snapshot goes to a side spool that holds
** one snapshot only: the next candidate replaces it, and ht_snap_store stores
** the last one (unless ht_snap_drop_candidate dropped it) in its place by
** seq.  Peak snapshots use this so the highest peak is kept without storing
** every step of a growing heap.
** LIVE_BYTES is the arena's live object bytes when taken.  *ID receives the
** snapshot id (the SNAPSHOT event's obj). */
int ht_snap_begin(int trigger, const char *label, uint64_t live_bytes, int candidate,
                  uint32_t *id);
/* A node: ADDR is the start of the object's arena block (what the recorder
** logged); TYPE and REPR are copied (REPR may be NULL). */
void ht_snap_node(uint64_t addr, int tag, const char *type, uint64_t size, const char *repr);
/* A labelled edge.  KIND is a short static word ("item", "attr", ...:
** interned by pointer, so it must be a string literal); LABEL is copied. */
void ht_snap_edge(uint64_t src, uint64_t dst, const char *kind, const char *label);
/* A root.  KIND is a static word as above ("globals", "frame", "internal",
** "garbage", "unreached", ...); NAME is copied. */
void ht_snap_root(const char *kind, const char *name, uint64_t dst);
int ht_snap_end(void);
/* The last candidate will be stored (it is anyway; this says so). */
int ht_snap_keep_candidate(void);
/* Forget the candidate (a permanent snapshot of a higher peak replaced it).
** Its SNAPSHOT event stays in the log with no row in `snapshot`. */
void ht_snap_drop_candidate(void);

/* ---- reference writes (heaptrail run --refs) ----
** Each call is stamped with the current seq (ht_rec_seq()). */
/* SRC's edge LABEL now points to DST (0: the edge was removed). */
void ht_snap_ref_set(uint64_t src, const char *kind, const char *label, uint64_t dst);
/* A full description of the object at ADDR: the node, then its edges given
** with ht_snap_edge(ADDR, ...), closed by ht_snap_describe_end().  Replaces
** whatever the replay knew of the object's references. */
void ht_snap_describe(uint64_t addr, int tag, const char *type, uint64_t size,
                      const char *repr);
void ht_snap_describe_end(void);
/* From now on ADDR is a root of KIND (a running frame) until it is freed. */
void ht_snap_ref_root(const char *kind, const char *name, uint64_t addr);
/* The references of ADDR may have changed in a way the log does not show
** (a builtin method changed a large container). */
void ht_snap_ref_stale(uint64_t addr);

/* ---- finishing ---- */
/* Move the spool into the profile at PROFILE (after ht_rec_close), creating
** the snapshot tables when missing (doc/graphs.md describes them), then close
** the spool.  Returns 0 on success; ERR (ERRSZ bytes) says why not. */
int ht_snap_store(const char *profile, char *err, size_t errsz);
/* Drop the spool without storing it. */
void ht_snap_discard(void);

/* Last error, or "" (borrowed). */
const char *ht_snap_error(void);

/* Counters for the run: snapshots taken, reference records logged. */
uint64_t ht_snap_count(void);
uint64_t ht_snap_ref_count(void);

/* Create the snapshot tables in DB's schema SCHEMA ("main") when missing.
** Returns 0 on success. */
struct sqlite3;
int ht_snap_schema(struct sqlite3 *db, char *err, size_t errsz);

#endif
