/*
** snapshot.h -- heap snapshots and the reference-write log, VM side.
**
** A snapshot walks the heap from its roots and hands every object it meets
** to the snapshot spool (alloc/snapstore.h): a node (block address, tag,
** type name, size, a short repr made in C), one labelled edge per reference
** that the object's type->traverse reports, and the roots:
**
**   globals    each user module's globals dict (a module with __file__)
**   frame      each running frame (vm->frame and its f_back chain)
**   temp       the result of the builtin call that just returned, if any
**   exception  the exception being raised, and the one being handled
**   internal   sys.modules, builtins, the interned strings, the static types,
**              builtin modules, the VM's cached objects
**   garbage    (gc snapshots) what the collector found unreachable
**   unreached  objects the collector tracks that no root reached
**
** The walk never runs Python code (reprs are C; dicts are read with
** dict_next) and never allocates from the tagged arena: its hash set, queue
** and buffers come from malloc.  It reads objects only at points where they
** are consistent: between instructions, in builtin calls, and inside the
** collector once it has found its garbage.
**
** Triggers (heaptrail run options, see snap_run_option):
**   exit       just before teardown (on; --no-snapshot-exit)
**   peak       a new peak of live object bytes (on; --no-snapshot-peak):
**              checked cheaply at the poll points below.  A snapshot is kept
**              each time the peak doubles the last kept one (and passes it by
**              1 MiB): a growing heap of H bytes costs about 2 H of walking.
**              Between those, a "candidate" replaces the previous one when
**              the peak has passed it: when a call ends (a frame returns or
**              a builtin call comes back) while the heap is at its running
**              maximum -- the deepest point of a recursion, the end of a call
**              that built something -- by 1/256 (256 bytes at least; 1/64,
**              1/16, 1/4 as the budget runs down), anywhere else by 1/4 (64
**              KiB at least).  Candidates may walk 100000 nodes plus one per
**              64 events recorded (a budget in work, so runs are
**              repeatable).  The counters are summed at most every 8 events,
**              and at the first return after a rise.  The last
**              candidate is kept at the end as the final peak.  Without
**              --refs the peak snapshot is taken at the first poll point
**              after the new peak, so it may miss a peak that lasts less
**              than one instruction; with --refs graph --at-peak replays to
**              the exact event instead.
**   gc         every collection, after the collector found its garbage
**              (--snapshot-gc)
**   every      every N events (--snapshot-every N)
**   explicit   heaptrail.snapshot(label)
**   start      with --refs, before the script runs: the first base of replays
**
** Poll points: the eval loop calls snap_poll() after a builtin call returns
** and at a JUMP, snap_poll_return() when a frame returns, and
** snap_frame_start() when a Python frame starts -- each
** behind one predictable test of snap_hooks, which is 0 unless a recorder is
** open with a trigger that needs polling or --refs.
**
** --refs.  The eval loop reports every reference store it performs (locals,
** cells, globals and names, attributes, items, comprehension appends, frame
** starts, and the receivers of builtin methods); each becomes a record of the
** spool stamped with the current seq.  An object is described in full (its
** node and every edge) the first time the log meets it -- the set of
** described blocks forgets a block when the arena frees it -- so the graph
** can be rebuilt at any seq from the nearest snapshot (graph.h).  What it
** does not see: references changed inside builtin functions other than
** through their receiver (heapq.heappush(lst, x) changes lst unseen),
** value-stack slots, and a builtin method that changes a container of more
** than 256 references (the object is marked stale instead; list.append and
** list.extend are logged exactly).
*/
#ifndef HT_SNAPSHOT_H
#define HT_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>
#include "vm.h"

struct FrameObj;

/* Nonzero when any hook below has work to do (a recorder is open and a
** polled trigger or --refs is on).  The eval loop tests it inline. */
extern uint8_t snap_hooks __attribute__((visibility("hidden")));
/* Nonzero with --refs while recording. */
extern uint8_t snap_refs __attribute__((visibility("hidden")));
/* Nonzero with --snapshot-gc while recording. */
extern uint8_t snap_gc __attribute__((visibility("hidden")));

/* ---- heaptrail run ---- */

/* If ARGV[I] is one of the snapshot options of `heaptrail run`, consume it
** (and its value): returns the number of arguments used (1 or 2), 0 when it
** is not a snapshot option, -1 after printing a usage error. */
int snap_run_option(int argc, char **argv, int i);
/* The options for the run usage text (one line, no newline). */
extern const char snap_run_usage[];
/* Start snapshots for VM, recording into PROFILE (ht_rec_open succeeded).
** Prints a warning and goes on without snapshots if the spool cannot be made. */
void snap_attach(VM *vm, const char *profile);
/* The script ended: take the exit snapshot, keep the final peak candidate,
** stop every trigger.  Call before vm_free. */
void snap_at_exit(VM *vm);
/* After ht_rec_close: move the snapshots into PROFILE (RECORDED_OK nonzero
** when the recorder finished it).  Returns 0, or -1 after printing why. */
int snap_finish(const char *profile, int recorded_ok);

/* ---- triggers ---- */

/* heaptrail.snapshot(LABEL).  Returns 0 (also when not recording). */
int snap_take(VM *vm, const char *label);
/* A poll point: EXTRA (may be NULL) is a value held outside any object. */
void snap_poll(VM *vm, Obj *extra);
/* A Python frame is about to return (its value stack is visible): a local
** maximum of the heap when it has grown since the last peak snapshot. */
void snap_poll_return(VM *vm);
/* A Python frame starts running (vm->frame == F). */
void snap_frame_start(VM *vm, struct FrameObj *f);
/* The collector of generation GENERATION found the garbage in UNREACHABLE
** (a list of GCHeads); called before it frees anything. */
void snap_at_gc(VM *vm, int generation, GCHead *unreachable);

/* ---- --refs: reference stores of the eval loop ---- */

/* Slot SLOT of frame F was stored (or deleted). */
void snap_ref_local(VM *vm, struct FrameObj *f, int slot);
/* A cell's contents changed. */
void snap_ref_cell(VM *vm, Obj *cell);
/* DICT[KEY] was stored or deleted (globals, names, dict items). */
void snap_ref_dict(VM *vm, Obj *dict, Obj *key);
/* OWNER.NAME was stored or deleted. */
void snap_ref_attr(VM *vm, Obj *owner, Obj *name);
/* CONTAINER[KEY] was stored or deleted (KEY may be NULL: "something"). */
void snap_ref_item(VM *vm, Obj *container, Obj *key);
/* LIST grew at its end (LIST_APPEND, LIST_EXTEND). */
void snap_ref_append(VM *vm, Obj *list);
/* A builtin CALLABLE returned RES (may be NULL) for ARGS: the receiver of a
** builtin method may have changed; also a poll point. */
void snap_after_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs, Obj *res);

#endif
