/*
** gc.c -- the cycle collector (see gc.h for the design).
**
** During a collection each examined object's GCHead.gc_refs holds a count in
** its low bits and two flags: COLLECTING marks the objects of the examined
** generations (references to anything else are ignored), UNREACHABLE marks
** the ones tentatively moved to the unreachable list.  A third flag,
** FINALIZED, outlives collections: the object's __del__ has run (PEP 442:
** at most once).  Outside a collection gc_refs is 0 or FINALIZED.
**
** The steps are CPython's (Modules/gcmodule.c):
**   update_refs     gc_refs = refcnt for every examined object;
**   subtract_refs   traverse each, decrementing the examined objects it refers
**                   to: what remains counts references from outside;
**   move_unreachable  scan the list: an object with gc_refs > 0 is alive and
**                   everything it reaches is made alive (moved back from the
**                   unreachable list if it was put there); an object with 0 is
**                   moved to the unreachable list, tentatively;
**   finalize_garbage  call the __del__ of every unreachable object that has
**                   one, and close the suspended generators, before anything
**                   is cleared, so they see their attributes (PEP 442); if any ran, the unreachable set is
**                   examined again and what a finalizer resurrected lives;
**   delete_garbage  clear every unreachable object (type->clear), holding a
**                   reference meanwhile; reference counting frees them.
** Survivors move to the next older generation.
**
** Immortal static objects and objects whose type lacks TF_GC have no GCHead
** and are never looked at; running frames are untracked and so act as roots.
*/
#include <string.h>
#include "frame.h"
#include "gc.h"
#include "gen.h"
#include "recorder.h"
#include "snapshot.h"

#define NUM_GEN 3
#define F_COLLECTING ((ssize)1 << 62)
#define F_UNREACHABLE ((ssize)1 << 61)
#define F_FINALIZED ((ssize)1 << 60)
#define COUNT_MASK (F_FINALIZED - 1)
#define KEEP(g) ((g)->gc_refs & F_FINALIZED)   /* the flag that persists */

static inline GCHead *gen_list(VM *vm, int i) {
  return i == 0 ? &vm->gc.head : &vm->gc.gen[i];
}

static inline void gl_init(GCHead *h) { h->next = h->prev = h; }
static inline bool gl_empty(GCHead *h) { return h->next == h; }

static inline void gl_remove(GCHead *g) {
  g->prev->next = g->next;
  g->next->prev = g->prev;
}

static inline void gl_append(GCHead *g, GCHead *list) {
  g->prev = list->prev;
  g->next = list;
  list->prev->next = g;
  list->prev = g;
}

static inline void gl_move(GCHead *g, GCHead *list) {
  gl_remove(g);
  gl_append(g, list);
}

static void gl_merge(GCHead *from, GCHead *to) {
  if (gl_empty(from)) return;
  GCHead *tail = to->prev;
  tail->next = from->next;
  from->next->prev = tail;
  to->prev = from->prev;
  to->prev->next = to;
  gl_init(from);
}

static ssize gl_size(GCHead *list) {
  ssize n = 0;
  for (GCHead *g = list->next; g != list; g = g->next) n++;
  return n;
}

/* Does O carry a GCHead that the collector may look at? */
static inline bool has_head(Obj *o) {
  return (o->type->flags & TF_GC) && o->refcnt < IMMORTAL_REF / 2;
}

void gc_init(VM *vm) {
  GCState *gc = &vm->gc;
  gl_init(&gc->head);
  gl_init(&gc->gen[0]);
  gl_init(&gc->gen[1]);
  gl_init(&gc->gen[2]);
  gc->gen_threshold[0] = 700;
  gc->gen_threshold[1] = 10;
  gc->gen_threshold[2] = 10;
  gc->threshold = 700;
  gc->count = 0;
  gc->gen_count[1] = gc->gen_count[2] = 0;
  gc->enabled = true;
  gc->collecting = false;
}

/* ------------------------------------------------------------------ */
/* The algorithm                                                      */
/* ------------------------------------------------------------------ */

/* Objects in the unreachable list during move_unreachable. */
static ssize n_unreachable;

static int visit_decref(Obj *child, EdgeKind kind, ssize index, Obj *name,
                        void *arg) {
  (void)kind; (void)index; (void)name; (void)arg;
  if (!child || !has_head(child)) return 0;
  GCHead *g = GC_HEAD(child);
  if ((g->gc_refs & F_COLLECTING) && (g->gc_refs & COUNT_MASK) > 0) g->gc_refs--;
  return 0;
}

static int visit_reachable(Obj *child, EdgeKind kind, ssize index, Obj *name,
                           void *arg) {
  (void)kind; (void)index; (void)name;
  if (!child || !has_head(child)) return 0;
  GCHead *g = GC_HEAD(child);
  if (!(g->gc_refs & F_COLLECTING)) return 0;
  GCHead *young = arg;
  if (g->gc_refs & F_UNREACHABLE) {
    /* tentatively unreachable, but reached from a live object */
    gl_move(g, young);
    g->gc_refs = KEEP(g) | F_COLLECTING | 1;
    n_unreachable--;
  } else if ((g->gc_refs & COUNT_MASK) == 0) {
    /* not scanned yet: it will be, as alive */
    g->gc_refs = KEEP(g) | F_COLLECTING | 1;
  }
  return 0;
}

static void update_refs(GCHead *young) {
  for (GCHead *g = young->next; g != young; g = g->next) {
    Obj *o = GC_OBJ(g);
    ssize rc = o->refcnt;
    if (rc > COUNT_MASK) rc = COUNT_MASK;
    g->gc_refs = KEEP(g) | F_COLLECTING | rc;
  }
}

static void subtract_refs(GCHead *young) {
  for (GCHead *g = young->next; g != young; g = g->next) {
    Obj *o = GC_OBJ(g);
    if (o->type->traverse) o->type->traverse(o, visit_decref, NULL);
  }
}

static void move_unreachable(GCHead *young, GCHead *unreachable) {
  GCHead *g = young->next;
  n_unreachable = 0;
  while (g != young) {
    if (g->gc_refs & COUNT_MASK) {
      Obj *o = GC_OBJ(g);
      if (o->type->traverse) o->type->traverse(o, visit_reachable, young);
      g = g->next;
    } else {
      GCHead *next = g->next;
      gl_move(g, unreachable);
      g->gc_refs = KEEP(g) | F_COLLECTING | F_UNREACHABLE;
      n_unreachable++;
      g = next;
    }
  }
}

/* Could O be (or become) part of a cycle the collector must see?  A tuple
** only if it is still tracked (CPython's _PyObject_GC_MAY_BE_TRACKED). */
static inline bool may_be_tracked(Obj *o) {
  if (!has_head(o)) return false;
  if (o->type == &Tuple_Type) return GC_HEAD(o)->next != NULL;
  return true;
}

/* Reset the survivors' gc_refs, and stop tracking the exact tuples that
** hold only atoms and untracked tuples: being immutable, they can never
** join a cycle (CPython's untrack_tuples).  Returns the survivors left. */
static ssize finish_survivors(GCHead *young) {
  ssize n = 0;
  /* Backwards: move_unreachable appended the objects it reached from live
  ** ones in breadth-first order, parents before children, so walking from
  ** the tail sees a tuple's items before the tuple and untracks a whole
  ** tree of tuples in one pass. */
  for (GCHead *g = young->prev; g != young;) {
    GCHead *next = g->prev;
    Obj *o = GC_OBJ(g);
    g->gc_refs = KEEP(g);
    n++;
    if (o->type == &Tuple_Type) {
      Obj **items = TUPLE_ITEMS(o);
      ssize len = TUPLE_SIZE(o), i;
      for (i = 0; i < len; i++)
        if (!items[i] || may_be_tracked(items[i])) break;
      if (i == len) {
        gl_remove(g);
        g->next = g->prev = NULL;
        n--;
      }
    }
    g = next;
  }
  return n;
}

/* ------------------------------------------------------------------ */
/* Finalizers (PEP 442)                                               */
/* ------------------------------------------------------------------ */

/* Does O have a __del__ the collector must call: a class instance whose
** class (or a base) defines one, not yet called? */
static bool needs_finalizer(VM *vm, Obj *o) {
  if (!(o->type->flags & TF_HEAPTYPE) || KEEP(GC_HEAD(o))) return false;
  Obj *name = str_intern_cstr(vm, "__del__");
  return name && type_lookup(o->type, name) != NULL;
}

bool gc_call_del(VM *vm, Obj *o) {
  if (has_head(o)) {
    GCHead *g = GC_HEAD(o);
    if (KEEP(g)) return false;
    g->gc_refs |= F_FINALIZED;
  }
  Obj *name = str_intern_cstr(vm, "__del__");
  Obj *del = name ? type_lookup(o->type, name) : NULL;
  if (!del) return false;
  Obj *saved = vm_exc_fetch(vm);
  incref(del);
  Obj *bound = del->type->descr_get ? del->type->descr_get(vm, del, o, OBJ(o->type))
                                    : incref(del);
  Obj *r = bound ? obj_call0(vm, bound) : NULL;
  xdecref(vm, bound);
  if (r) {
    decref(vm, r);
  } else {
    /* CPython's unraisable hook: "Exception ignored in: <function ...>" */
    Obj *exc = vm_exc_fetch(vm);
    Obj *repr = obj_repr(vm, del);
    if (vm->exc) vm_exc_clear(vm);
    if (vm->out) fflush(vm->out);
    FILE *err = vm->err ? vm->err : stderr;
    fprintf(err, "Exception ignored in: %s\n", repr ? STR_UTF8(repr) : "<__del__>");
    xdecref(vm, repr);
    vm_exc_restore(vm, exc);
    vm_print_exception(vm);
    if (vm->exc) vm_exc_clear(vm);
  }
  decref(vm, del);
  if (saved) vm_exc_restore(vm, saved);
  return true;
}

/* Call the finalizers of the objects in UNREACHABLE; returns how many ran.
** Each object is moved to a side list first, so that one freed by another's
** finalizer (unlinking itself) never breaks the walk. */
static int finalize_garbage(VM *vm, GCHead *unreachable) {
  GCHead seen;
  int ran = 0;
  gl_init(&seen);
  while (!gl_empty(unreachable)) {
    GCHead *g = unreachable->next;
    gl_move(g, &seen);
    Obj *o = GC_OBJ(g);
    if (o->type == &Generator_Type) {     /* a suspended finally runs now */
      incref(o);
      if (gen_gc_finalize(vm, o)) ran++;
      decref(vm, o);
      continue;
    }
    if (!needs_finalizer(vm, o)) continue;
    incref(o);
    if (gc_call_del(vm, o)) ran++;
    decref(vm, o);
  }
  gl_merge(&seen, unreachable);
  return ran;
}

/* After finalizers ran: examine UNREACHABLE again, on its own.  What is
** referenced from outside now (resurrected by a finalizer), and what that
** reaches, survives into OLD; the rest moves to FINAL. */
static void handle_resurrected(GCHead *unreachable, GCHead *final, GCHead *old) {
  update_refs(unreachable);
  subtract_refs(unreachable);
  move_unreachable(unreachable, final);
  finish_survivors(unreachable);
  gl_merge(unreachable, old);
}

/* Instance dicts among the garbage in LIST.  CPython 3.11 keeps an
** instance's attributes inline and makes a dict only when asked for one,
** so its gc.collect() count leaves them out; here every instance's dict is
** an object of its own, and is not counted when it dies with its instance. */
static ssize instance_dicts(GCHead *list) {
  ssize k = 0;
  for (GCHead *g = list->next; g != list; g = g->next) {
    Obj *o = GC_OBJ(g);
    if (!(o->type->flags & TF_HEAPTYPE) || !o->type->dictoffset) continue;
    Obj **slot = class_dict_slot(o);
    if (slot && *slot && has_head(*slot) && (GC_HEAD(*slot)->gc_refs & F_UNREACHABLE)) k++;
  }
  return k;
}

static void delete_garbage(VM *vm, GCHead *unreachable, GCHead *old) {
  while (!gl_empty(unreachable)) {
    GCHead *g = unreachable->next;
    Obj *o = GC_OBJ(g);
    g->gc_refs = KEEP(g);
    if (o->type->clear) {
      incref(o);
      o->type->clear(vm, o);
      if (vm->exc) vm_exc_clear(vm);
      /* o may be freed by this decref, unlinking itself */
      decref(vm, o);
    }
    if (unreachable->next == g) {
      /* still alive (no clear, or clear left references): keep it */
      gl_move(g, old);
    }
  }
}

static ssize collect(VM *vm, int generation) {
  GCState *gc = &vm->gc;
  if (gc->collecting) return -1;
  gc->collecting = true;
  if (ht_rec_active) ht_rec_event(HT_EV_GC_START, HT_TAG_OTHER, (uintptr_t)generation, 0, 0);

  if (generation + 1 < NUM_GEN) gc->gen_count[generation + 1]++;
  for (int i = 0; i <= generation; i++) {
    if (i == 0) gc->count = 0;
    else gc->gen_count[i] = 0;
  }
  for (int i = 0; i < generation; i++) gl_merge(gen_list(vm, i), gen_list(vm, generation));
  GCHead *young = gen_list(vm, generation);
  GCHead *old = generation < NUM_GEN - 1 ? gen_list(vm, generation + 1) : young;

  update_refs(young);
  subtract_refs(young);
  GCHead unreachable;
  gl_init(&unreachable);
  move_unreachable(young, &unreachable);
  if (__builtin_expect(snap_gc, 0)) snap_at_gc(vm, generation, &unreachable); /* vm/snapshot.c */
  ssize survivors = finish_survivors(young);
  /* survivors move up a generation */
  if (generation == NUM_GEN - 2) gc->long_lived_pending += survivors;
  if (young != old) gl_merge(young, old);
  else {
    gc->long_lived_pending = 0;
    gc->long_lived_total = survivors;
  }
  ssize n = n_unreachable;
  if (finalize_garbage(vm, &unreachable) > 0) {
    GCHead final;
    gl_init(&final);
    handle_resurrected(&unreachable, &final, old);
    n = n_unreachable - instance_dicts(&final);
    delete_garbage(vm, &final, old);
  } else {
    n -= instance_dicts(&unreachable);
    delete_garbage(vm, &unreachable, old);
  }
  gc->collected_total += n;
  gc->collections++;
  if (ht_rec_active) ht_rec_event(HT_EV_GC_END, HT_TAG_OTHER, (uintptr_t)n, 0, 0);
  gc->collecting = false;
  return n;
}

/* Called by gc_alloc when generation 0's count reaches its threshold. */
void gc_maybe_collect(VM *vm);
void gc_maybe_collect(VM *vm) {
  GCState *gc = &vm->gc;
  if (!gc->enabled || gc->collecting) return;
  ssize counts[NUM_GEN] = {gc->count, gc->gen_count[1], gc->gen_count[2]};
  for (int i = NUM_GEN - 1; i >= 0; i--) {
    if (counts[i] >= gc->gen_threshold[i] && gc->gen_threshold[i] > 0) {
      if (i == NUM_GEN - 1 && gc->long_lived_pending < gc->long_lived_total / 4)
        continue;
      Obj *exc = vm_exc_fetch(vm);    /* collections never disturb a raise */
      collect(vm, i);
      vm_exc_restore(vm, exc);
      break;
    }
  }
}

/* ------------------------------------------------------------------ */
/* Interface                                                          */
/* ------------------------------------------------------------------ */

ssize gc_collect_generation(VM *vm, int gen) {
  if (gen < 0) gen = 0;
  if (gen >= NUM_GEN) gen = NUM_GEN - 1;
  Obj *exc = vm_exc_fetch(vm);
  ssize n = collect(vm, gen);
  vm_exc_restore(vm, exc);
  return n;
}

ssize gc_collect(VM *vm) { return gc_collect_generation(vm, NUM_GEN - 1); }

ssize gc_collect_all(VM *vm) {
  ssize total = 0;
  for (int i = 0; i < 16; i++) {
    ssize n = gc_collect(vm);
    if (n <= 0) break;
    total += n;
  }
  return total;
}

void gc_enable(VM *vm) { vm->gc.enabled = true; }
void gc_disable(VM *vm) { vm->gc.enabled = false; }
bool gc_isenabled(VM *vm) { return vm->gc.enabled; }

void gc_get_count(VM *vm, ssize out[3]) {
  out[0] = vm->gc.count;
  out[1] = vm->gc.gen_count[1];
  out[2] = vm->gc.gen_count[2];
}

void gc_get_threshold(VM *vm, ssize out[3]) {
  for (int i = 0; i < NUM_GEN; i++) out[i] = vm->gc.gen_threshold[i];
}

void gc_set_threshold(VM *vm, const ssize th[3]) {
  for (int i = 0; i < NUM_GEN; i++) vm->gc.gen_threshold[i] = th[i];
  vm->gc.threshold = th[0] > 0 ? th[0] : 0;
}

bool gc_is_tracked(Obj *o) { return has_head(o) && GC_HEAD(o)->next != NULL; }

ssize gc_tracked_count(VM *vm) {
  ssize n = 0;
  for (int i = 0; i < NUM_GEN; i++) n += gl_size(gen_list(vm, i));
  return n;
}

int gc_foreach(VM *vm, int (*fn)(Obj *o, void *arg), void *arg) {
  for (int i = 0; i < NUM_GEN; i++) {
    GCHead *list = gen_list(vm, i);
    for (GCHead *g = list->next; g != list;) {
      GCHead *next = g->next;
      int r = fn(GC_OBJ(g), arg);
      if (r) return r;
      g = next;
    }
  }
  return 0;
}
