/*
** stdmods.h -- the standard-library modules written in C: random,
** itertools, collections, functools, operator, copy, bisect, heapq and
** string (one file each, vm/mod_<name>.c).
**
** Each module is made by `<name>mod_init`, which returns a NEW module object
** (or NULL with an exception set); core's import calls it once, through the
** table in vm/modules.c, and caches the module.  The modules keep no
** VM-lifetime state outside their module dicts: a random generator's state
** lives in its Random object, an lru_cache's table in its wrapper.
**
** Types.  Every type defined here is static and listed in stdmods_types[]
** (NULL-terminated).  Each module's init also readies its own types with
** stdmods_ready() -- type_ready() is idempotent and registers the type for
** teardown -- so the modules work whether or not core readies the list at
** start-up.  Objects come from the arena with their type's tag: iterators
** ITERATOR; deque LIST; defaultdict, Counter, OrderedDict DICT; partial
** and the lru_cache wrapper FUNCTION; the rest (Random, itemgetter, ...)
** OTHER.  Types whose objects hold references are GC types with traverse
** and clear.
**
** The dict subclasses (defaultdict, OrderedDict, Counter) extend the dict
** layout, which is private to vm/dict.c: their extra fields sit right after
** Dict_Type.basicsize bytes, and their init functions set their basicsize
** at run time (stdmods_dict_extend) before any instance can exist.
*/
#ifndef HT_STDMODS_H
#define HT_STDMODS_H

#include "object.h"

/* The modules' init functions: a new module, or NULL with an exception. */
Obj *randommod_init(VM *vm);
Obj *itertoolsmod_init(VM *vm);
Obj *collectionsmod_init(VM *vm);
Obj *functoolsmod_init(VM *vm);
Obj *operatormod_init(VM *vm);
Obj *copymod_init(VM *vm);
Obj *bisectmod_init(VM *vm);
Obj *heapqmod_init(VM *vm);
Obj *stringmod_init(VM *vm);

/* Every static type of these modules, NULL-terminated (vm/mod_functools.c). */
extern TypeObj *const stdmods_types[];

/* The types, by file. */
extern TypeObj Random_Type;                                  /* mod_random.c */
extern TypeObj Count_Type, ISlice_Type, Chain_Type, Product_Type,
  Permutations_Type, Combinations_Type, CombWithRep_Type, Repeat_Type,
  Accumulate_Type, ZipLongest_Type, Cycle_Type, TakeWhile_Type,
  DropWhile_Type, StarMap_Type, GroupBy_Type, Grouper_Type, Tee_Type,
  Compress_Type, FilterFalse_Type, Pairwise_Type;           /* mod_itertools.c */
extern TypeObj Deque_Type, DequeIter_Type, DequeRevIter_Type,
  DefaultDict_Type, OrderedDict_Type, Counter_Type;          /* mod_collections.c */
extern TypeObj Partial_Type, LruCache_Type, KeyWrapper_Type, CacheInfo_Type,
  CachedProperty_Type;                                       /* mod_functools.c */
extern TypeObj ItemGetter_Type, AttrGetter_Type,
  MethodCaller_Type;                                         /* mod_operator.c */

/* ------------------------------------------------------------------ */
/* Shared helpers (vm/mod_functools.c)                                */
/* ------------------------------------------------------------------ */

/* Ready the NULL-terminated TYPES.  Returns 0, or -1. */
int stdmods_ready(VM *vm, TypeObj *const *types);
/* module_new(NAME, FUNCS) plus each of TYPES (NULL-terminated, may be NULL)
** readied and stored under the part of its name after the last dot.  A new
** module, or NULL. */
Obj *stdmods_module(VM *vm, const char *name, const MethodDef *funcs,
                    TypeObj *const *types);
/* Store VALUE (steals it; NULL means an error already set) as NAME in
** module M's dict.  Returns 0, or -1. */
int stdmods_set(VM *vm, Obj *m, const char *name, Obj *value);
/* The next item of iterator IT: a new reference, or NULL -- exhausted when
** no exception is set (a StopIteration raised by IT is cleared). */
Obj *stdmods_next(VM *vm, Obj *it);
/* Give dict subclass TYPE room for NSLOTS Obj* fields after the dict's
** own layout (idempotent). */
void stdmods_dict_extend(TypeObj *type, size_t nslots);
/* The address of extra field I of a dict-subclass object O. */
static inline Obj **stdmods_dict_slot(Obj *o, size_t i) {
  return (Obj **)((char *)o + Dict_Type.basicsize) + i;
}
/* Python-style argument binding, for the functions CPython writes in
** Python (their error texts are the interpreter's: "f() missing 1 required
** positional argument: 'a'", "f() takes from 1 to 2 positional arguments
** but 3 were given", "f() got an unexpected keyword argument 'x'").
** NAMES holds NPOS positional-or-keyword parameters (the first NPOSONLY
** positional-only, the first NREQ required), then NKWONLY optional
** keyword-only ones; ARGS excludes self even when NSELF is 1.  OUT[i] is
** borrowed, NULL when omitted.  Returns 0, or -1 with TypeError set. */
typedef struct PyArgSpec {
  const char *fname;              /* the qualified name: "Random.randint" */
  const char *const *names;       /* parameter names */
  int npos;                       /* positional parameters */
  int nposonly;                   /* of which positional-only */
  int nreq;                       /* of which required */
  int nkwonly;                    /* optional keyword-only parameters */
  int nself;                      /* 1 for a method: the messages count self */
} PyArgSpec;
int stdmods_pyargs(VM *vm, const PyArgSpec *spec, Obj *const *args,
                   size_t nargs, Obj *kwnames, Obj **out);
/* Call FUNC(*ARGS) where ARGS is a tuple. */
Obj *stdmods_call_tuple(VM *vm, Obj *func, Obj *args);

/* The C implementations shared between modules. */
/* heapq.nlargest/nsmallest(N, ITERABLE, key=KEY) (mod_heapq.c): KEY may be
** NULL or None.  Used by Counter.most_common. */
Obj *heapq_nbest(VM *vm, Obj *n, Obj *iterable, Obj *key, bool largest);
/* bisect.bisect_right(A, X, LO, HI) with integer bounds (mod_bisect.c);
** HI < 0 means len(A).  Returns the index, or -1. */
ssize bisect_right_index(VM *vm, Obj *a, Obj *x, ssize lo, ssize hi);
/* An operator.itemgetter(INDEX) object (mod_operator.c). */
Obj *operator_itemgetter_new(VM *vm, Obj *index);

#endif
