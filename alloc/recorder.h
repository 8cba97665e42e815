/*
** recorder.h -- the allocation log.
**
** One recorder per process.  While it is open, the arena reports every
** alloc, free and realloc here; the VM adds marks, GC begin/end and snapshot
** events, and a sampler thread adds RSS/jemalloc samples on a timer.
**
** Events are appended to an in-memory chunk, delta/varint encoded; full
** chunks go to a writer thread which stores them as BLOB rows in one SQLite
** file in WAL mode and commits at least every 100 ms.  ht_rec_close() flushes,
** builds the derived tables (lifetimes, per-site totals, per-tag series at
** several resolutions, indexes) and marks the profile finished.  A reader that
** opens an unfinished profile (the run was killed) finalizes it first.
**
** Script stacks are interned as a tree of (parent, code, line) nodes; the VM
** supplies the current node through the stack callback, so an event stores one
** integer.  Node 0 is the empty stack.  Code ids come from ht_rec_code().
**
** Errors: functions returning int return 0 on success and -1 on failure, with
** a message retrievable from ht_rec_error().
*/
#ifndef HT_RECORDER_H
#define HT_RECORDER_H

#include <stddef.h>
#include <stdint.h>
#include "tags.h"

typedef enum ht_event_kind {
  HT_EV_ALLOC = 0,     /* obj = address, size = bytes */
  HT_EV_FREE = 1,      /* obj = address, size = bytes */
  HT_EV_REALLOC = 2,   /* obj = new address, old = old address, size = new bytes */
  HT_EV_MARK = 3,      /* obj = mark id (label in the `mark` table) */
  HT_EV_GC_START = 4,  /* obj = generation */
  HT_EV_GC_END = 5,    /* obj = objects collected */
  HT_EV_SNAPSHOT = 6,  /* obj = snapshot id */
  HT_EV_SAMPLE = 7     /* obj = sample id (row in the `sample` table) */
} ht_event_kind;

typedef struct ht_rec_options {
  int native;              /* also record native stacks (libunwind) */
  unsigned flush_ms;       /* commit at least this often; 0 means 100 */
  unsigned sample_ms;      /* RSS/jemalloc sampling period; 0 means 20 */
  const char *script;      /* script path, stored in the `meta` table */
  const char *argv;        /* command line, stored in the `meta` table */
  uint64_t max_bytes;      /* cap on the profile's size, 0 for none; reaching
                              it fails the recording as a full disk would */
} ht_rec_options;

/* Returns the current script-stack node for an event (called by the
** recorder on the VM thread, once per logged event). */
typedef uint32_t (*ht_stack_fn)(void *ud);

/* Open PATH for writing a new profile.  Refuses (returns -1) a path that is
** not writable, or that holds a file which is not a heaptrail profile; an
** existing profile is replaced.  Returns 0 on success. */
int ht_rec_open(const char *path, const ht_rec_options *opts);

/* Flush, stop the threads, build the derived tables, finish the file.
** EXIT_STATUS is stored in `meta`.  Returns 0 on success. */
int ht_rec_close(int exit_status);

/* Nonzero while a recorder is open. Inline-checked by the arena. */
extern int ht_rec_active;

/* Set the callback that yields the current script stack node. */
void ht_rec_set_stack_fn(ht_stack_fn fn, void *ud);

/* Intern a code location (a function); returns its code id (>= 1), or 0
** when no recorder is open. */
uint32_t ht_rec_code(const char *filename, const char *qualname, int firstlineno);

/* Intern a stack node (parent node, code id, line); returns its id (>= 1),
** or 0 when no recorder is open. */
uint32_t ht_rec_stack(uint32_t parent, uint32_t code, uint32_t line);

/* Log one event (the arena calls this for ALLOC/FREE/REALLOC). */
void ht_rec_event(ht_event_kind kind, ht_tag tag, uintptr_t obj, uintptr_t old,
                  size_t size);

/* Log a MARK with LABEL; returns the mark id. */
uint32_t ht_rec_mark(const char *label);

/* Current event sequence number (the next event gets this seq). */
uint64_t ht_rec_seq(void);

/* Flush everything buffered and commit now (signal paths use the async-safe
** variant below).  Returns 0 on success. */
int ht_rec_flush(void);

/* Install SIGINT/SIGTERM handlers that flush and finalize the profile, then
** re-raise the signal.  Returns 0 on success. */
int ht_rec_install_signal_handlers(void);

/* Last error message, or "" (borrowed). */
const char *ht_rec_error(void);

#endif
