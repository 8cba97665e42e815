/*
** gc.h -- the cycle collector's interface (vm/gc.c), for the `gc` module and
** the VM's lifecycle.
**
** Memory is managed by reference counting; the collector only finds garbage
** cycles among GC objects (type flag TF_GC, allocated with gc_alloc).  It
** keeps CPython's three generations: new objects enter generation 0; a
** collection of generation N also examines the younger ones, and survivors
** move one generation up.  Generation 0 is collected when its count of
** allocations minus deallocations exceeds 700; generation 1 after 10
** collections of generation 0; generation 2 after 10 of generation 1, and
** only when the objects waiting to be examined for the first time exceed a
** quarter of the long-lived ones (CPython's rule).
**
** A collection: every object of the examined generations gets gc_refs =
** its refcount; traversing them subtracts the references they hold to one
** another; objects left with gc_refs > 0 are referenced from outside and
** everything they reach is alive; the rest is unreachable and is cleared
** with type->clear, which breaks the cycles so reference counting frees
** them.  Running frames are never tracked: they are roots.
**
** When a recorder is open, each collection logs GC_START (obj = generation)
** and GC_END (obj = objects collected).
*/
#ifndef HT_GC_H
#define HT_GC_H

#include "vm.h"

/* Collect generation GEN (0..2; 2 = everything).  Returns the number of
** unreachable objects found (CPython's gc.collect() value), or -1 when a
** collection is already running. */
ssize gc_collect_generation(VM *vm, int gen);
/* gc.collect(): a full collection. */
ssize gc_collect(VM *vm);
void gc_enable(VM *vm);
void gc_disable(VM *vm);
bool gc_isenabled(VM *vm);
/* gc.get_count(): generation 0's count, then the younger-collection counts
** of generations 1 and 2. */
void gc_get_count(VM *vm, ssize out[3]);
/* gc.get_threshold() / gc.set_threshold(). */
void gc_get_threshold(VM *vm, ssize out[3]);
void gc_set_threshold(VM *vm, const ssize th[3]);
/* Is O tracked by the collector (gc.is_tracked)? */
bool gc_is_tracked(Obj *o);
/* Number of objects the collector tracks. */
ssize gc_tracked_count(VM *vm);
/* Visit every tracked object (snapshots, gc.get_objects()); stops when FN
** returns nonzero and returns that value. */
int gc_foreach(VM *vm, int (*fn)(Obj *o, void *arg), void *arg);

/* Call O's __del__ (from its class) unless it already ran -- at most once
** per object, as PEP 442 wants -- reporting an exception it raises as
** CPython's unraisable hook does.  Returns whether it was called.  Used by
** the collector before it clears a cycle and by instances' dealloc. */
bool gc_call_del(VM *vm, Obj *o);

/* Lifecycle (vm.c). */
void gc_init(VM *vm);
/* Collect until nothing more is found (teardown); returns the total. */
ssize gc_collect_all(VM *vm);

#endif
