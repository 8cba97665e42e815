/*
** containers.h -- the container types beyond what object.h declares: their
** iterators and views, the builtin iteration helpers (enumerate, zip, map,
** filter, reversed), range, and the helpers the containers share.
**
** Ownership of the types (all static, readied by core from
** containers_types[]):
**   tuple.c    Tuple_Type, TupleIter_Type
**   list.c     List_Type, ListIter_Type, ListRevIter_Type (listsort.c: sort)
**   dict.c     Dict_Type, the three views, four dict iterators
**   set.c      Set_Type, FrozenSet_Type, SetIter_Type
**   range.c    Range_Type, RangeIter_Type
**   slice.c    Slice_Type
**   iter.c     SeqIter_Type, CallIter_Type, Enumerate_Type, Zip_Type,
**              Map_Type, Filter_Type, Reversed_Type
**
** Memory.  Each object comes from its type's tag: tuples TUPLE, lists and
** their item arrays LIST, dicts and their key tables DICT, sets and their
** tables SET, every iterator and view ITERATOR, range and slice OTHER.
** Containers, views and iterators that hold references are GC objects.
**
** Constructors follow CPython's split.  For the immutable types (tuple,
** frozenset) and the iteration builtins, `new_` builds the whole object and
** there is no `init`.  For the mutable ones (list, dict, set) `new_` makes an
** EMPTY object of the requested (sub)type and ignores its arguments, and
** `init` fills it: the type call must call init after new_, as CPython's
** type_call does.
*/
#ifndef HT_CONTAINERS_H
#define HT_CONTAINERS_H

#include "object.h"

/* ------------------------------------------------------------------ */
/* Registration                                                       */
/* ------------------------------------------------------------------ */

/* Every static type the containers define, NULL-terminated; core readies
** them at start-up. */
extern TypeObj *const containers_types[];
/* Make the shared empty tuple (vm->empty_tuple).  Call before anything
** allocates a tuple.  Returns nothing: a failure leaves vm->empty_tuple NULL
** and tuple_new(vm, 0) raises MemoryError. */
void containers_init(VM *vm);
/* Release what containers_init made and the containers' scratch state. */
void containers_fini(VM *vm);

/* ------------------------------------------------------------------ */
/* Types                                                              */
/* ------------------------------------------------------------------ */

extern TypeObj TupleIter_Type, ListIter_Type, ListRevIter_Type,
  DictKeys_Type, DictValues_Type, DictItems_Type, DictKeyIter_Type,
  DictValueIter_Type, DictItemIter_Type, DictRevKeyIter_Type,
  DictRevValueIter_Type, DictRevItemIter_Type, SetIter_Type,
  RangeIter_Type, SeqIter_Type, CallIter_Type, Enumerate_Type, Zip_Type,
  Map_Type, Filter_Type, Reversed_Type, GenericAlias_Type, Union_Type;

static inline bool anyset_check(Obj *o) {
  return o->type == &Set_Type || o->type == &FrozenSet_Type ||
         type_is_subtype(o->type, &Set_Type) ||
         type_is_subtype(o->type, &FrozenSet_Type);
}
static inline bool frozenset_check(Obj *o) {
  return o->type == &FrozenSet_Type || type_is_subtype(o->type, &FrozenSet_Type);
}

/* ------------------------------------------------------------------ */
/* tuple                                                              */
/* ------------------------------------------------------------------ */

/* Items [LO, HI) of TUPLE (clamped) as a new tuple. */
Obj *tuple_getslice(VM *vm, Obj *tuple, ssize lo, ssize hi);
/* CPython 3.11's tuplehash over N item hashes already computed. */
hash_t tuple_hash_items(const hash_t *hashes, ssize n);

/* ------------------------------------------------------------------ */
/* list                                                               */
/* ------------------------------------------------------------------ */

/* A new list holding N items copied from ITEMS (increfs them); exact size. */
Obj *list_from_array(VM *vm, Obj *const *items, ssize n);
/* Insert ITEM (borrowed) before index WHERE (clamped as list.insert). */
int list_insert(VM *vm, Obj *list, ssize where, Obj *item);
/* Items [LO, HI) (clamped) as a new list. */
Obj *list_getslice(VM *vm, Obj *list, ssize lo, ssize hi);
/* Reverse in place; cannot fail. */
void list_reverse(Obj *list);
/* Remove and return the last item (new reference), or NULL with IndexError
** "pop from empty list". */
Obj *list_pop(VM *vm, Obj *list);

/* ------------------------------------------------------------------ */
/* dict                                                               */
/* ------------------------------------------------------------------ */

/* A new empty dict sized to take N insertions without resizing. */
Obj *dict_new_presized(VM *vm, ssize n);
/* Lookups with the key's hash already known (borrowed value or NULL as
** dict_get). */
Obj *dict_get_with_hash(VM *vm, Obj *d, Obj *key, hash_t hash);
int dict_set_with_hash(VM *vm, Obj *d, Obj *key, hash_t hash, Obj *value);
/* 1 if KEY is in D, 0 if not, -1 on error. */
int dict_contains(VM *vm, Obj *d, Obj *key);
/* Remove KEY and return its value (new reference).  When KEY is absent,
** return a new reference to DEFLT, or raise KeyError(key) if DEFLT is NULL. */
Obj *dict_pop(VM *vm, Obj *d, Obj *key, Obj *deflt);
/* Merge OTHER (a dict, a mapping with keys(), or -- when PAIRS -- an
** iterable of pairs) into D.  OVERRIDE: 1 replaces existing keys, 0 keeps
** them, 2 raises KeyError(key) on the first duplicate (for f(**a, **b),
** core turns it into its TypeError). */
int dict_merge(VM *vm, Obj *d, Obj *other, int override);
/* dict_next that also gives the stored hash. */
bool dict_next_with_hash(Obj *d, ssize *pos, Obj **k, Obj **v, hash_t *h);
/* Incremented on every change to D's keys or values: LOAD_GLOBAL caches can
** compare it. */
uint64_t dict_version(Obj *d);
/* New lists of the keys / values / (key, value) tuples, in order. */
Obj *dict_keys_list(VM *vm, Obj *d);
Obj *dict_values_list(VM *vm, Obj *d);
Obj *dict_items_list(VM *vm, Obj *d);

/* ------------------------------------------------------------------ */
/* set                                                                */
/* ------------------------------------------------------------------ */

ssize set_size(Obj *set);
/* 1 removed, 0 absent, -1 error. */
int set_discard(VM *vm, Obj *set, Obj *key);
/* Iterate: *POS starts at 0; false at the end.  Borrowed *KEY; *HASH may be
** NULL. */
bool set_next(Obj *set, ssize *pos, Obj **key, hash_t *hash);
/* set.update(ITERABLE). */
int set_update(VM *vm, Obj *set, Obj *iterable);

/* ------------------------------------------------------------------ */
/* range                                                              */
/* ------------------------------------------------------------------ */

/* range(start, stop, step) with 64-bit bounds; ValueError for step 0. */
Obj *range_new(VM *vm, int64_t start, int64_t stop, int64_t step);

/* ------------------------------------------------------------------ */
/* iteration helpers (iter.c)                                         */
/* ------------------------------------------------------------------ */

/* iter(seq) for an object with __getitem__ but no __iter__. */
Obj *seqiter_new(VM *vm, Obj *seq);
/* iter(callable, sentinel). */
Obj *calliter_new(VM *vm, Obj *callable, Obj *sentinel);
/* operator.length_hint(o, default): len(o), the iterator's remaining
** count, __length_hint__(), or DEFLT.  -1 with an exception on error. */
ssize obj_length_hint(VM *vm, Obj *o, ssize deflt);

/* ------------------------------------------------------------------ */
/* types.GenericAlias (vm/containers.c)                               */
/* ------------------------------------------------------------------ */

/* ORIGIN[ARGS] (list[int]): ARGS is a tuple, or one argument. */
Obj *generic_alias_new(VM *vm, Obj *origin, Obj *args);
/* X | Y for classes, None, aliases and unions (types.UnionType, PEP 604):
** the binop slot of `type`, GenericAlias and UnionType; NotImplemented for
** other operands.  A single distinct member is returned as itself. */
Obj *union_or(VM *vm, Obj *a, Obj *b);
bool union_check(Obj *o);
Obj *union_args(Obj *o);          /* the members, a tuple (borrowed) */
/* The METH_CLASS method __class_getitem__ of list, dict, tuple, set,
** frozenset, enumerate...: SELF is the class.  For core's obj_getitem on a
** class object (CPython's PyObject_GetItem calls __class_getitem__). */
Obj *cont_class_getitem(VM *vm, Obj *cls, Obj *const *args, size_t nargs,
                        Obj *kwnames);

/* ------------------------------------------------------------------ */
/* Shared by the containers (vm/containers.c)                         */
/* ------------------------------------------------------------------ */

/* The repr recursion guard, as CPython's Py_ReprEnter/Py_ReprLeave:
** returns 1 if O's repr is already in progress (print "[...]"), 0 after
** registering O, -1 on memory error. */
int repr_enter(VM *vm, Obj *o);
void repr_leave(VM *vm, Obj *o);

/* Deallocation depth guard (CPython's trashcan) for the containers'
** dealloc functions: if trash_begin returns false, O has been queued and
** the caller must return at once; otherwise the caller frees O and then
** calls trash_end, which frees the queued objects once back at the
** outermost level. */
bool trash_begin(VM *vm, Obj *o);
void trash_end(VM *vm);

/* The `init` of the types whose `new_` does all the work (tuple,
** frozenset, range, slice, enumerate, zip, map, filter, reversed): accepts
** and ignores the constructor's arguments, as object.__init__ does in
** CPython when __new__ is overridden. */
int cont_init_accept(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                     Obj *kwnames);

/* Argument checks with CPython's messages.  NAME is the method's qualified
** name ("list.append").  Return 0, or -1 with TypeError set. */
int cont_noargs(VM *vm, const char *name, size_t nargs, Obj *kwnames);   /* METH_NOARGS */
int cont_onearg(VM *vm, const char *name, size_t nargs, Obj *kwnames);   /* METH_O */
int cont_nokw(VM *vm, const char *name, Obj *kwnames);  /* "name() takes no keyword arguments" */
/* Positional-only with MIN..MAX arguments: "pop expected at least MIN
** argument(s), got N" and friends (the part of NAME after the last dot). */
int cont_posargs(VM *vm, const char *name, size_t nargs, Obj *kwnames,
                 size_t min, size_t max);

/* Index conversion for subscripts: KEY must be an int or have __index__;
** otherwise TypeError "<TYPENAME> indices must be integers or slices, not
** <type>".  Ints beyond ssize raise IndexError "cannot fit 'int' into an
** index-sized integer".  Returns 0 and sets *OUT, or -1. */
int cont_index(VM *vm, Obj *key, const char *typename_, ssize *out);
/* An integer argument as ssize (list.pop(i), list.insert(i, x) ...):
** TypeError "'X' object cannot be interpreted as an integer" for
** non-integers, OverflowError from obj_as_ssize when too big. */
int cont_ssize_arg(VM *vm, Obj *arg, ssize *out);
/* Clamp an index argument as list.index(x, start, stop) does (negative
** counts from LEN, clamped to [0, LEN]).  Returns -1 with TypeError "slice
** indices must be integers or have an __index__ method". */
int cont_clamp_index(VM *vm, Obj *arg, ssize len, ssize *out);

/* The repeat count for seq * N: 0 and *OUT set (negative counts as 0), or
** -1 with TypeError "can't multiply sequence by non-int of type 'X'".  When
** N is an instance of a class that may implement the operation itself,
** returns 0 with *HANDLED false (the caller returns NotImplemented). */
int cont_repeat_count(VM *vm, Obj *n, ssize *out, bool *handled);

/* Raise KeyError(KEY).  Returns NULL. */
Obj *cont_keyerror(VM *vm, Obj *key);

/* Join the reprs in PARTS (N strs, borrowed) with ", " between OPEN and
** CLOSE into a new str. */
Obj *cont_join_repr(VM *vm, const char *open, Obj *const *parts, ssize n,
                    const char *close);

/* Size of an object allocated with gc_alloc(SIZE): SIZE plus its GCHead. */
#define GC_SIZEOF(size) ((size) + sizeof(GCHead))

#endif
