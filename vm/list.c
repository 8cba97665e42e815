/*
** list.c -- lists and their iterators (the sort lives in listsort.c).
**
** A list is a LIST-tagged GC block (ListObj, object.h) plus a separate
** LIST-tagged array of ALLOCATED item slots, of which the first SIZE hold
** owned references.  The array grows and shrinks by CPython 3.11's
** list_resize rule:
**
**   - nothing happens while ALLOCATED/2 <= newsize <= ALLOCATED;
**   - otherwise the new capacity is (newsize + newsize/8 + 6) & ~3, or
**     (newsize + 3) & ~3 when the request grows the list by more than that
**     over-allocation (extend with many items), or 0 for an empty list;
**
** and each change of capacity is one ht_realloc of the array, i.e. one
** REALLOC event, so appends show CPython's growth steps (0, 4, 8, 16, 24,
** 32, 40, 52, 64, 76, ...).  Lists built from a sized iterable start exactly
** sized, rounded up to even (list_preallocate_exact); slices, copies and
** repeats are exact.
**
** While list.sort runs, the list is emptied (items NULL, allocated -1) so
** that a key function or comparison that mutates it is detected.
*/
#include <string.h>
#include "vm.h"
#include "containers.h"

#define L(o) ((ListObj *)(o))
#define ITEMS_BYTES(n) ((size_t)(n) * sizeof(Obj *))

/* Current capacity in slots (allocated is -1 while sorting). */
static inline ssize list_cap(ListObj *l) { return l->allocated > 0 ? l->allocated : 0; }

/* Set the array capacity to exactly NEWCAP slots (0 frees it).  Returns 0,
** or -1 with MemoryError. */
static int list_set_capacity(VM *vm, ListObj *l, ssize newcap) {
  ssize oldcap = list_cap(l);
  if (newcap == oldcap && (newcap == 0 || l->items)) {
    l->allocated = newcap;
    return 0;
  }
  if (newcap == 0) {
    ht_free(HT_TAG_LIST, l->items, ITEMS_BYTES(oldcap));
    l->items = NULL;
    l->allocated = 0;
    return 0;
  }
  if ((size_t)newcap > SIZE_MAX / sizeof(Obj *)) { vm_raise_nomem(vm); return -1; }
  Obj **p = ht_realloc(HT_TAG_LIST, l->items, ITEMS_BYTES(oldcap), ITEMS_BYTES(newcap));
  if (!p) { vm_raise_nomem(vm); return -1; }
  l->items = p;
  l->allocated = newcap;
  return 0;
}

/* CPython's list_resize: make room for NEWSIZE items and set size to it.
** The new slots are NOT initialised. */
static int list_resize(VM *vm, ListObj *l, ssize newsize) {
  ssize allocated = l->allocated;
  if (allocated >= newsize && newsize >= (allocated >> 1)) {
    l->size = newsize;
    return 0;
  }
  size_t newcap = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
  if (newsize - l->size > (ssize)(newcap - (size_t)newsize))
    newcap = ((size_t)newsize + 3) & ~(size_t)3;
  if (newsize == 0) newcap = 0;
  if (newcap > (size_t)INTPTR_MAX / sizeof(Obj *)) { vm_raise_nomem(vm); return -1; }
  if (list_set_capacity(vm, l, (ssize)newcap) < 0) return -1;
  l->size = newsize;
  return 0;
}

/* CPython's list_preallocate_exact: an empty list with no array gets room
** for SIZE items, rounded up to even. */
static int list_preallocate_exact(VM *vm, ListObj *l, ssize size) {
  size = (size + 1) & ~(ssize)1;
  if ((size_t)size > SIZE_MAX / sizeof(Obj *)) { vm_raise_nomem(vm); return -1; }
  Obj **p = ht_alloc(HT_TAG_LIST, ITEMS_BYTES(size));
  if (!p) { vm_raise_nomem(vm); return -1; }
  l->items = p;
  l->allocated = size;
  return 0;
}

/* A new empty list of TYPE (List_Type or a subclass). */
static Obj *list_alloc(VM *vm, TypeObj *type) {
  return gc_alloc(vm, type, type->basicsize);
}

Obj *list_new(VM *vm, ssize n) {
  if (n < 0) return vm_raise(vm, &Exc_RuntimeError, "negative list size");
  ListObj *l = (ListObj *)list_alloc(vm, &List_Type);
  if (!l || n == 0) return OBJ(l);
  if ((size_t)n > SIZE_MAX / sizeof(Obj *)) { decref(vm, OBJ(l)); return vm_raise_nomem(vm); }
  l->items = ht_calloc(HT_TAG_LIST, ITEMS_BYTES(n));
  if (!l->items) { decref(vm, OBJ(l)); return vm_raise_nomem(vm); }
  l->allocated = n;
  l->size = n;
  return OBJ(l);
}

Obj *list_from_array(VM *vm, Obj *const *items, ssize n) {
  Obj *l = list_new(vm, n);
  if (!l) return NULL;
  for (ssize i = 0; i < n; i++) LIST_ITEMS(l)[i] = incref(items[i]);
  return l;
}

/* Drop every item and the array (CPython's _list_clear).  Safe against
** item destructors that touch the list: it is emptied first. */
static void list_clear_items(VM *vm, ListObj *l) {
  Obj **items = l->items;
  ssize n = l->size, cap = list_cap(l);
  if (!items) return;
  l->items = NULL;
  l->size = 0;
  l->allocated = 0;
  while (--n >= 0) xdecref(vm, items[n]);
  ht_free(HT_TAG_LIST, items, ITEMS_BYTES(cap));
}

int list_append(VM *vm, Obj *list, Obj *item) {
  ListObj *l = L(list);
  ssize n = l->size;
  if (n < l->allocated) {
    l->items[n] = incref(item);
    l->size = n + 1;
    return 0;
  }
  if (list_resize(vm, l, n + 1) < 0) return -1;
  l->items[n] = incref(item);
  return 0;
}

/* Append, stealing ITEM. */
static int list_append_steal(VM *vm, ListObj *l, Obj *item) {
  ssize n = l->size;
  if (n < l->allocated) {
    l->items[n] = item;
    l->size = n + 1;
    return 0;
  }
  if (list_resize(vm, l, n + 1) < 0) { decref(vm, item); return -1; }
  l->items[n] = item;
  return 0;
}

int list_insert(VM *vm, Obj *list, ssize where, Obj *item) {
  ListObj *l = L(list);
  ssize n = l->size;
  if (list_resize(vm, l, n + 1) < 0) return -1;
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  memmove(&l->items[where + 1], &l->items[where], ITEMS_BYTES(n - where));
  l->items[where] = incref(item);
  return 0;
}

int list_extend(VM *vm, Obj *list, Obj *iterable) {
  ListObj *l = L(list);
  if (obj_is(iterable, &List_Type) || obj_is(iterable, &Tuple_Type) || iterable == list) {
    Obj **src = obj_is(iterable, &Tuple_Type) ? TUPLE_ITEMS(iterable) : LIST_ITEMS(iterable);
    ssize n = obj_is(iterable, &Tuple_Type) ? TUPLE_SIZE(iterable) : LIST_SIZE(iterable);
    if (n == 0) return 0;
    ssize m = l->size;
    if (!l->items) {
      if (list_preallocate_exact(vm, l, n) < 0) return -1;
      l->size = n;
    } else if (list_resize(vm, l, m + n) < 0) {
      return -1;
    }
    /* SRC may be L's own (possibly moved) array. */
    if (iterable == list) src = l->items;
    for (ssize i = 0; i < n; i++) l->items[m + i] = incref(src[i]);
    return 0;
  }
  Obj *it = obj_iter(vm, iterable);
  if (!it) return -1;
  ssize n = obj_length_hint(vm, iterable, 8);
  if (n < 0) { decref(vm, it); return -1; }
  /* Make room for the guess: exactly, if the list has no array yet. */
  ssize m = l->size;
  if (m > INTPTR_MAX - n) {
    /* The guess overflowed: ignore it. */
  } else if (!l->items) {
    if (n && list_preallocate_exact(vm, l, n) < 0) { decref(vm, it); return -1; }
  } else {
    if (list_resize(vm, l, m + n) < 0) { decref(vm, it); return -1; }
    l->size = m;
  }
  unaryfunc next = it->type->iternext;
  for (;;) {
    Obj *item = next ? next(vm, it) : obj_iternext(vm, it);
    if (!item) {
      if (vm_exc_occurred(vm)) {
        if (!vm_exc_matches(vm, &Exc_StopIteration)) { decref(vm, it); return -1; }
        vm_exc_clear(vm);
      }
      break;
    }
    if (list_append_steal(vm, l, item) < 0) { decref(vm, it); return -1; }
  }
  decref(vm, it);
  if (l->size < l->allocated && list_resize(vm, l, l->size) < 0) return -1;
  return 0;
}

Obj *list_as_tuple(VM *vm, Obj *list) {
  return tuple_from_array(vm, LIST_ITEMS(list), LIST_SIZE(list));
}

Obj *list_getslice(VM *vm, Obj *list, ssize lo, ssize hi) {
  ssize n = LIST_SIZE(list);
  if (lo < 0) lo = 0;
  else if (lo > n) lo = n;
  if (hi < lo) hi = lo;
  else if (hi > n) hi = n;
  return list_from_array(vm, LIST_ITEMS(list) + lo, hi - lo);
}

void list_reverse(Obj *list) {
  Obj **lo = LIST_ITEMS(list), **hi = lo + LIST_SIZE(list) - 1;
  if (!lo) return;
  for (; lo < hi; lo++, hi--) {
    Obj *t = *lo;
    *lo = *hi;
    *hi = t;
  }
}

Obj *list_pop(VM *vm, Obj *list) {
  ListObj *l = L(list);
  if (l->size == 0) return vm_raise(vm, &Exc_IndexError, "pop from empty list");
  Obj *v = l->items[l->size - 1];
  if (list_resize(vm, l, l->size - 1) < 0) return NULL;
  return v;
}

/* a[ilow:ihigh] = v (v NULL deletes), CPython's list_ass_slice.  V may be
** any iterable; TypeError "can only assign an iterable" otherwise. */
static int list_ass_slice(VM *vm, ListObj *a, ssize ilow, ssize ihigh, Obj *v) {
  Obj *seq = NULL;               /* V as a list or tuple (owned) */
  Obj **vitems = NULL;
  ssize n = 0;
  int result = -1;
  if (v) {
    if (v == OBJ(a)) {
      seq = list_getslice(vm, v, 0, a->size);
    } else if (obj_is(v, &List_Type) || obj_is(v, &Tuple_Type)) {
      seq = incref(v);
    } else {
      Obj *it = obj_iter(vm, v);
      if (!it) {
        if (vm_exc_matches(vm, &Exc_TypeError)) {
          vm_exc_clear(vm);
          vm_raise(vm, &Exc_TypeError, "can only assign an iterable");
        }
        return -1;
      }
      seq = list_new(vm, 0);
      if (seq && list_extend(vm, seq, it) < 0) { decref(vm, seq); seq = NULL; }
      decref(vm, it);
    }
    if (!seq) return -1;
    if (obj_is(seq, &Tuple_Type)) { vitems = TUPLE_ITEMS(seq); n = TUPLE_SIZE(seq); }
    else { vitems = LIST_ITEMS(seq); n = LIST_SIZE(seq); }
  }
  if (ilow < 0) ilow = 0;
  else if (ilow > a->size) ilow = a->size;
  if (ihigh < ilow) ihigh = ilow;
  else if (ihigh > a->size) ihigh = a->size;
  ssize norig = ihigh - ilow, d = n - norig;
  if (a->size + d == 0) {
    xdecref(vm, seq);
    list_clear_items(vm, a);
    return 0;
  }
  /* Keep the replaced items until the list is consistent again. */
  Obj **recycle = NULL;
  if (norig) {
    recycle = ht_alloc(HT_TAG_VMINTERNAL, ITEMS_BYTES(norig));
    if (!recycle) { vm_raise_nomem(vm); goto out; }
    memcpy(recycle, &a->items[ilow], ITEMS_BYTES(norig));
  }
  ssize oldsize = a->size;
  if (d < 0) {
    memmove(&a->items[ihigh + d], &a->items[ihigh], ITEMS_BYTES(oldsize - ihigh));
    if (list_resize(vm, a, oldsize + d) < 0) {
      /* Shrinking only fails if realloc does; undo the move. */
      memmove(&a->items[ihigh], &a->items[ihigh + d], ITEMS_BYTES(oldsize - ihigh));
      memcpy(&a->items[ilow], recycle, ITEMS_BYTES(norig));
      goto out_recycle;
    }
  } else if (d > 0) {
    if (list_resize(vm, a, oldsize + d) < 0) goto out_recycle;
    memmove(&a->items[ihigh + d], &a->items[ihigh], ITEMS_BYTES(oldsize - ihigh));
  }
  for (ssize k = 0; k < n; k++) a->items[ilow + k] = incref(vitems[k]);
  result = 0;
  for (ssize k = norig - 1; k >= 0; k--) xdecref(vm, recycle[k]);
out_recycle:
  if (recycle) ht_free(HT_TAG_VMINTERNAL, recycle, ITEMS_BYTES(norig));
out:
  xdecref(vm, seq);
  return result;
}

/* ------------------------------------------------------------------ */
/* Lifecycle                                                          */
/* ------------------------------------------------------------------ */

static void list_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  if (!trash_begin(vm, o)) return;
  list_clear_items(vm, L(o));
  gc_free(vm, o, o->type->basicsize);
  trash_end(vm);
}

static size_t list_sizeof(Obj *o) {
  return GC_SIZEOF(o->type->basicsize) + ITEMS_BYTES(list_cap(L(o)));
}

static int list_traverse(Obj *o, visitproc visit, void *arg) {
  ListObj *l = L(o);
  for (ssize i = 0; i < l->size; i++) {
    if (l->items[i]) {
      int r = visit(l->items[i], EDGE_ITEM, i, NULL, arg);
      if (r) return r;
    }
  }
  return 0;
}

static int list_gc_clear(VM *vm, Obj *o) {
  list_clear_items(vm, L(o));
  return 0;
}

/* list.__new__: an empty list of the requested type; __init__ fills it. */
static Obj *list_ctor(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                      Obj *kwnames) {
  return list_alloc(vm, (TypeObj *)type);
}

static int list_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames)) {
    vm_raise(vm, &Exc_TypeError, "list() takes no keyword arguments");
    return -1;
  }
  if (nargs > 1) {
    vm_raise(vm, &Exc_TypeError, "list expected at most 1 argument, got %zu", nargs);
    return -1;
  }
  ListObj *l = L(self);
  if (l->items) list_clear_items(vm, l);
  if (nargs == 0) return 0;
  Obj *iterable = args[0];
  if (iterable->type->len) {
    ssize n = iterable->type->len(vm, iterable);
    if (n < 0) {
      if (!vm_exc_matches(vm, &Exc_TypeError)) return -1;
      vm_exc_clear(vm);
    } else if (n > 0 && !l->items && list_preallocate_exact(vm, l, n) < 0) {
      return -1;
    }
  }
  return list_extend(vm, self, iterable);
}

/* ------------------------------------------------------------------ */
/* Sequence protocol                                                  */
/* ------------------------------------------------------------------ */

static ssize list_len(VM *vm, Obj *o) { return LIST_SIZE(o); }

static int list_bool(VM *vm, Obj *o) { return LIST_SIZE(o) != 0; }

static int list_contains(VM *vm, Obj *o, Obj *x) {
  for (ssize i = 0; i < LIST_SIZE(o); i++) {
    Obj *item = incref(LIST_ITEMS(o)[i]);
    int r = obj_richcmp_bool(vm, item, x, CMP_EQ);
    decref(vm, item);
    if (r) return r;
  }
  return 0;
}

static Obj *list_subscript(VM *vm, Obj *o, Obj *key) {
  ListObj *l = L(o);
  if (int_check(key) && int_fits_i64(key)) {
    ssize i = (ssize)int_as_i64_unchecked(key);
    if (i < 0) i += l->size;
    if ((size_t)i >= (size_t)l->size)
      return vm_raise(vm, &Exc_IndexError, "list index out of range");
    return incref(l->items[i]);
  }
  if (obj_is(key, &Slice_Type)) {
    ssize start, stop, step;
    ssize len = slice_indices(vm, key, l->size, &start, &stop, &step);
    if (len < 0) return NULL;
    if (step == 1) return list_getslice(vm, o, start, stop);
    Obj *r = list_new(vm, len);
    if (!r) return NULL;
    for (ssize i = 0, j = start; i < len; i++, j += step)
      LIST_ITEMS(r)[i] = incref(l->items[j]);
    return r;
  }
  ssize i;
  if (cont_index(vm, key, "list", &i) < 0) return NULL;
  if (i < 0) i += l->size;
  if ((size_t)i >= (size_t)l->size)
    return vm_raise(vm, &Exc_IndexError, "list index out of range");
  return incref(l->items[i]);
}

/* a[slice] = value / del a[slice] with a step other than 1. */
static int list_ass_extended(VM *vm, ListObj *l, ssize start, ssize step,
                             ssize slicelen, Obj *value) {
  if (!value) {
    if (slicelen <= 0) return 0;
    if (step < 0) {
      ssize stop = start + 1;
      start = stop + step * (slicelen - 1) - 1;
      step = -step;
    }
    Obj **garbage = ht_alloc(HT_TAG_VMINTERNAL, ITEMS_BYTES(slicelen));
    if (!garbage) { vm_raise_nomem(vm); return -1; }
    /* Compact: move the survivors down over the deleted slots. */
    ssize cur = start, i = 0;
    for (; i < slicelen; cur += step, i++) {
      ssize lim = step - 1;
      garbage[i] = l->items[cur];
      if (cur + step >= l->size) lim = l->size - cur - 1;
      memmove(&l->items[cur - i], &l->items[cur + 1], ITEMS_BYTES(lim));
    }
    cur = start + slicelen * step;
    if (cur < l->size)
      memmove(&l->items[cur - slicelen], &l->items[cur], ITEMS_BYTES(l->size - cur));
    int r = list_resize(vm, l, l->size - slicelen);
    for (i = 0; i < slicelen; i++) decref(vm, garbage[i]);
    ht_free(HT_TAG_VMINTERNAL, garbage, ITEMS_BYTES(slicelen));
    return r;
  }
  /* Assignment: the sequence must have exactly SLICELEN items. */
  Obj *seq;
  if (value == OBJ(l)) {
    seq = list_getslice(vm, value, 0, l->size);
  } else if (obj_is(value, &List_Type) || obj_is(value, &Tuple_Type)) {
    seq = incref(value);
  } else {
    Obj *it = obj_iter(vm, value);
    if (!it) {
      if (vm_exc_matches(vm, &Exc_TypeError)) {
        vm_exc_clear(vm);
        vm_raise(vm, &Exc_TypeError, "must assign iterable to extended slice");
      }
      return -1;
    }
    seq = list_new(vm, 0);
    if (seq && list_extend(vm, seq, it) < 0) { decref(vm, seq); seq = NULL; }
    decref(vm, it);
  }
  if (!seq) return -1;
  Obj **src = obj_is(seq, &Tuple_Type) ? TUPLE_ITEMS(seq) : LIST_ITEMS(seq);
  ssize n = obj_is(seq, &Tuple_Type) ? TUPLE_SIZE(seq) : LIST_SIZE(seq);
  if (n != slicelen) {
    decref(vm, seq);
    vm_raise(vm, &Exc_ValueError,
             "attempt to assign sequence of size %zd to extended slice of size %zd",
             (ssize_t)n, (ssize_t)slicelen);
    return -1;
  }
  if (slicelen == 0) { decref(vm, seq); return 0; }
  Obj **garbage = ht_alloc(HT_TAG_VMINTERNAL, ITEMS_BYTES(slicelen));
  if (!garbage) { decref(vm, seq); vm_raise_nomem(vm); return -1; }
  for (ssize cur = start, i = 0; i < slicelen; cur += step, i++) {
    garbage[i] = l->items[cur];
    l->items[cur] = incref(src[i]);
  }
  for (ssize i = 0; i < slicelen; i++) decref(vm, garbage[i]);
  ht_free(HT_TAG_VMINTERNAL, garbage, ITEMS_BYTES(slicelen));
  decref(vm, seq);
  return 0;
}

static int list_ass_subscript(VM *vm, Obj *o, Obj *key, Obj *value) {
  ListObj *l = L(o);
  if (obj_is(key, &Slice_Type)) {
    ssize start, stop, step;
    ssize len = slice_indices(vm, key, l->size, &start, &stop, &step);
    if (len < 0) return -1;
    if (step == 1) return list_ass_slice(vm, l, start, stop, value);
    return list_ass_extended(vm, l, start, step, len, value);
  }
  ssize i;
  if (int_check(key) && int_fits_i64(key)) i = (ssize)int_as_i64_unchecked(key);
  else if (cont_index(vm, key, "list", &i) < 0) return -1;
  if (i < 0) i += l->size;
  if ((size_t)i >= (size_t)l->size) {
    vm_raise(vm, &Exc_IndexError, "list assignment index out of range");
    return -1;
  }
  if (!value) return list_ass_slice(vm, l, i, i + 1, NULL);
  Obj *old = l->items[i];
  l->items[i] = incref(value);
  decref(vm, old);
  return 0;
}

static Obj *list_concat(VM *vm, Obj *a, Obj *b) {
  ssize na = LIST_SIZE(a), nb = LIST_SIZE(b);
  Obj *r = list_new(vm, na + nb);
  if (!r) return NULL;
  for (ssize i = 0; i < na; i++) LIST_ITEMS(r)[i] = incref(LIST_ITEMS(a)[i]);
  for (ssize i = 0; i < nb; i++) LIST_ITEMS(r)[na + i] = incref(LIST_ITEMS(b)[i]);
  return r;
}

/* Does a class statement in OTHER's type chain define DUNDER? */
static bool heap_defines(VM *vm, Obj *other, const char *dunder) {
  for (TypeObj *t = TYPE(other); t && (t->flags & TF_HEAPTYPE); t = t->base)
    if (t->dict && dict_get_cstr(vm, t->dict, dunder)) return true;
  return false;
}

/* CPython tries both operands' numeric slots before a sequence's concat or
** repeat: the right operand B's reflected method RDUNDER (a class's
** __radd__ / __rmul__) through its type's slot for OP.  NotImplemented
** when B has none or it declines. */
static Obj *try_reflected(VM *vm, Obj *a, Obj *b, BinOp op, const char *rdunder) {
  binaryfunc rslot = TYPE(b)->binop[op];
  if (!rslot || !heap_defines(vm, b, rdunder)) return incref(NotImplemented);
  return rslot(vm, a, b);
}

static Obj *list_add(VM *vm, Obj *a, Obj *b) {
  if (!list_check(a)) return incref(NotImplemented);
  if (!list_check(b)) {
    Obj *r = try_reflected(vm, a, b, BINOP_ADD, "__radd__");
    if (r != NotImplemented) return r;
    decref(vm, r);
    return vm_raise(vm, &Exc_TypeError,
                    "can only concatenate list (not \"%s\") to list",
                    obj_type_name(b));
  }
  return list_concat(vm, a, b);
}

static Obj *list_mul(VM *vm, Obj *a, Obj *b) {
  Obj *seq = list_check(a) ? a : b, *nobj = seq == a ? b : a;
  ssize k;
  bool handled;
  if (cont_repeat_count(vm, nobj, &k, &handled) < 0) return NULL;
  if (!handled) {
    /* CPython tries both numeric slots before sequence repetition: a
    ** right-hand instance's __rmul__ gets its turn now, and repetition's
    ** error follows when it declines; a left-hand one's __mul__ has
    ** already declined when we are called reflected. */
    if (seq == a) {
      Obj *r = try_reflected(vm, a, b, BINOP_MUL, "__rmul__");
      if (r != NotImplemented) return r;
      decref(vm, r);
    }
    return vm_raise(vm, &Exc_TypeError,
                    "can't multiply sequence by non-int of type '%s'",
                    obj_type_name(nobj));
  }
  ssize n = LIST_SIZE(seq);
  if (k <= 0 || n == 0) return list_new(vm, 0);
  if (n > INTPTR_MAX / k) return vm_raise_nomem(vm);
  Obj *r = list_new(vm, n * k);
  if (!r) return NULL;
  Obj **dst = LIST_ITEMS(r);
  for (ssize rep = 0; rep < k; rep++)
    for (ssize i = 0; i < n; i++) *dst++ = incref(LIST_ITEMS(seq)[i]);
  return r;
}

static Obj *list_iadd(VM *vm, Obj *a, Obj *b) {
  /* `l += x` is list.extend only after x's __radd__ declines */
  if (!list_check(b)) {
    Obj *r = try_reflected(vm, a, b, BINOP_ADD, "__radd__");
    if (r != NotImplemented) return r;
    decref(vm, r);
  }
  if (list_extend(vm, a, b) < 0) return NULL;
  return incref(a);
}

static Obj *list_imul(VM *vm, Obj *a, Obj *b) {
  ssize k;
  bool handled;
  if (cont_repeat_count(vm, b, &k, &handled) < 0) return NULL;
  if (!handled) return incref(NotImplemented);
  ListObj *l = L(a);
  ssize n = l->size;
  if (n == 0 || k == 1) return incref(a);
  if (k <= 0) {
    list_clear_items(vm, l);
    return incref(a);
  }
  if (n > INTPTR_MAX / k) return vm_raise_nomem(vm);
  if (list_resize(vm, l, n * k) < 0) return NULL;
  for (ssize rep = 1; rep < k; rep++)
    for (ssize i = 0; i < n; i++) l->items[rep * n + i] = incref(l->items[i]);
  return incref(a);
}

static Obj *list_richcmp(VM *vm, Obj *v, Obj *w, CmpOp op) {
  if (!list_check(v) || !list_check(w)) return incref(NotImplemented);
  if (LIST_SIZE(v) != LIST_SIZE(w) && (op == CMP_EQ || op == CMP_NE))
    return bool_new(op == CMP_NE);
  ssize i;
  for (i = 0; i < LIST_SIZE(v) && i < LIST_SIZE(w); i++) {
    Obj *vi = LIST_ITEMS(v)[i], *wi = LIST_ITEMS(w)[i];
    if (vi == wi) continue;
    incref(vi);
    incref(wi);
    int k = obj_richcmp_bool(vm, vi, wi, CMP_EQ);
    decref(vm, vi);
    decref(vm, wi);
    if (k < 0) return NULL;
    if (!k) break;
  }
  ssize vlen = LIST_SIZE(v), wlen = LIST_SIZE(w);
  if (i >= vlen || i >= wlen) {
    bool r = false;
    switch (op) {
    case CMP_LT: r = vlen < wlen; break;
    case CMP_LE: r = vlen <= wlen; break;
    case CMP_EQ: r = vlen == wlen; break;
    case CMP_NE: r = vlen != wlen; break;
    case CMP_GT: r = vlen > wlen; break;
    case CMP_GE: r = vlen >= wlen; break;
    }
    return bool_new(r);
  }
  if (op == CMP_EQ) return bool_new(false);
  if (op == CMP_NE) return bool_new(true);
  Obj *vi = incref(LIST_ITEMS(v)[i]), *wi = incref(LIST_ITEMS(w)[i]);
  Obj *r = obj_richcmp(vm, vi, wi, op);
  decref(vm, vi);
  decref(vm, wi);
  return r;
}

static Obj *list_repr(VM *vm, Obj *o) {
  if (LIST_SIZE(o) == 0) return str_from_cstr(vm, "[]");
  int st = repr_enter(vm, o);
  if (st != 0) return st > 0 ? str_from_cstr(vm, "[...]") : NULL;
  Obj *result = NULL;
  ssize cap = LIST_SIZE(o), n = 0;
  Obj **parts = ht_alloc(HT_TAG_VMINTERNAL, ITEMS_BYTES(cap));
  if (!parts) { vm_raise_nomem(vm); goto out; }
  /* The list may change while its items' reprs run: re-read the size. */
  for (ssize i = 0; i < LIST_SIZE(o); i++) {
    if (n == cap) {
      Obj **np = ht_realloc(HT_TAG_VMINTERNAL, parts, ITEMS_BYTES(cap), ITEMS_BYTES(cap * 2));
      if (!np) { vm_raise_nomem(vm); goto out; }
      parts = np;
      cap *= 2;
    }
    Obj *item = incref(LIST_ITEMS(o)[i]);
    parts[n] = obj_repr(vm, item);
    decref(vm, item);
    if (!parts[n]) goto out;
    n++;
  }
  result = cont_join_repr(vm, "[", parts, n, "]");
out:
  if (parts) {
    for (ssize i = 0; i < n; i++) decref(vm, parts[i]);
    ht_free(HT_TAG_VMINTERNAL, parts, ITEMS_BYTES(cap));
  }
  repr_leave(vm, o);
  return result;
}

/* ------------------------------------------------------------------ */
/* Methods                                                            */
/* ------------------------------------------------------------------ */

static Obj *list_m_append(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (cont_onearg(vm, "list.append", nargs, kwnames) < 0) return NULL;
  if (list_append(vm, self, args[0]) < 0) return NULL;
  return none_new();
}

static Obj *list_m_extend(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (cont_onearg(vm, "list.extend", nargs, kwnames) < 0) return NULL;
  if (list_extend(vm, self, args[0]) < 0) return NULL;
  return none_new();
}

static Obj *list_m_insert(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  ssize where;
  if (cont_posargs(vm, "list.insert", nargs, kwnames, 2, 2) < 0) return NULL;
  if (cont_ssize_arg(vm, args[0], &where) < 0) return NULL;
  if (list_insert(vm, self, where, args[1]) < 0) return NULL;
  return none_new();
}

static Obj *list_m_pop(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  ListObj *l = L(self);
  ssize i = -1;
  if (cont_posargs(vm, "list.pop", nargs, kwnames, 0, 1) < 0) return NULL;
  if (nargs && cont_ssize_arg(vm, args[0], &i) < 0) return NULL;
  if (l->size == 0) return vm_raise(vm, &Exc_IndexError, "pop from empty list");
  if (i < 0) i += l->size;
  if (i < 0 || i >= l->size) return vm_raise(vm, &Exc_IndexError, "pop index out of range");
  Obj *v = l->items[i];
  if (i == l->size - 1) {
    if (list_resize(vm, l, l->size - 1) < 0) return NULL;
    return v;
  }
  incref(v);
  if (list_ass_slice(vm, l, i, i + 1, NULL) < 0) { decref(vm, v); return NULL; }
  return v;
}

static Obj *list_m_remove(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (cont_onearg(vm, "list.remove", nargs, kwnames) < 0) return NULL;
  for (ssize i = 0; i < LIST_SIZE(self); i++) {
    Obj *item = incref(LIST_ITEMS(self)[i]);
    int r = obj_richcmp_bool(vm, item, args[0], CMP_EQ);
    decref(vm, item);
    if (r < 0) return NULL;
    if (r) {
      if (list_ass_slice(vm, L(self), i, i + 1, NULL) < 0) return NULL;
      return none_new();
    }
  }
  return vm_raise(vm, &Exc_ValueError, "list.remove(x): x not in list");
}

static Obj *list_m_index(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  ssize start = 0, stop = INTPTR_MAX;
  if (cont_posargs(vm, "list.index", nargs, kwnames, 1, 3) < 0) return NULL;
  if (nargs > 1 && cont_clamp_index(vm, args[1], LIST_SIZE(self), &start) < 0) return NULL;
  if (nargs > 2 && cont_clamp_index(vm, args[2], LIST_SIZE(self), &stop) < 0) return NULL;
  for (ssize i = start; i < stop && i < LIST_SIZE(self); i++) {
    Obj *item = incref(LIST_ITEMS(self)[i]);
    int r = obj_richcmp_bool(vm, item, args[0], CMP_EQ);
    decref(vm, item);
    if (r < 0) return NULL;
    if (r) return int_from_i64(vm, i);
  }
  return vm_raise(vm, &Exc_ValueError, "%R is not in list", args[0]);
}

static Obj *list_m_count(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  if (cont_onearg(vm, "list.count", nargs, kwnames) < 0) return NULL;
  int64_t c = 0;
  for (ssize i = 0; i < LIST_SIZE(self); i++) {
    Obj *item = LIST_ITEMS(self)[i];
    if (item == args[0]) { c++; continue; }
    incref(item);
    int r = obj_richcmp_bool(vm, item, args[0], CMP_EQ);
    decref(vm, item);
    if (r < 0) return NULL;
    c += r;
  }
  return int_from_i64(vm, c);
}

static Obj *list_m_clear(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  if (cont_noargs(vm, "list.clear", nargs, kwnames) < 0) return NULL;
  list_clear_items(vm, L(self));
  return none_new();
}

static Obj *list_m_copy(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (cont_noargs(vm, "list.copy", nargs, kwnames) < 0) return NULL;
  return list_getslice(vm, self, 0, LIST_SIZE(self));
}

static Obj *list_m_reverse(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  if (cont_noargs(vm, "list.reverse", nargs, kwnames) < 0) return NULL;
  list_reverse(self);
  return none_new();
}

static Obj *list_m_sort(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  Obj *key = NULL;
  bool reverse = false;
  if (nargs)
    return vm_raise(vm, &Exc_TypeError, "sort() takes no positional arguments");
  ssize nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  for (ssize i = 0; i < nkw; i++) {
    Obj *name = TUPLE_ITEMS(kwnames)[i], *v = args[i];
    if (str_eq_cstr(name, "key")) {
      key = v == None ? NULL : v;
    } else if (str_eq_cstr(name, "reverse")) {
      ssize r;
      if (cont_ssize_arg(vm, v, &r) < 0) return NULL;
      reverse = r != 0;
    } else {
      return vm_raise(vm, &Exc_TypeError, "%R is an invalid keyword argument for sort()",
                      name);
    }
  }
  if (list_sort(vm, self, key, reverse) < 0) return NULL;
  return none_new();
}

static Obj *list_m_getitem(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  if (cont_onearg(vm, "list.__getitem__", nargs, kwnames) < 0) return NULL;
  return list_subscript(vm, self, args[0]);
}

static Obj *list_reviter_new(VM *vm, Obj *seq);

static Obj *list_m_reversed(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  if (cont_noargs(vm, "list.__reversed__", nargs, kwnames) < 0) return NULL;
  return list_reviter_new(vm, self);
}

static const MethodDef list_methods[] = {
  {"append", list_m_append, 0},
  {"extend", list_m_extend, 0},
  {"insert", list_m_insert, 0},
  {"pop", list_m_pop, 0},
  {"remove", list_m_remove, 0},
  {"index", list_m_index, 0},
  {"count", list_m_count, 0},
  {"clear", list_m_clear, 0},
  {"copy", list_m_copy, 0},
  {"reverse", list_m_reverse, 0},
  {"sort", list_m_sort, 0},
  {"__getitem__", list_m_getitem, 0},
  {"__reversed__", list_m_reversed, 0},
  {"__class_getitem__", cont_class_getitem, METH_CLASS},
  {NULL, NULL, 0}
};

/* ------------------------------------------------------------------ */
/* Iterators                                                          */
/* ------------------------------------------------------------------ */

typedef struct ListIterObj {
  Obj ob;
  ssize index;                    /* next position (reverse: counts down) */
  Obj *seq;                       /* the list (owned); NULL once exhausted */
} ListIterObj;

static Obj *list_iter(VM *vm, Obj *o) {
  ListIterObj *it = (ListIterObj *)gc_alloc(vm, &ListIter_Type, sizeof(ListIterObj));
  if (!it) return NULL;
  it->seq = incref(o);
  return OBJ(it);
}

static Obj *list_reviter_new(VM *vm, Obj *seq) {
  ListIterObj *it = (ListIterObj *)gc_alloc(vm, &ListRevIter_Type, sizeof(ListIterObj));
  if (!it) return NULL;
  it->seq = incref(seq);
  it->index = LIST_SIZE(seq) - 1;
  return OBJ(it);
}

static Obj *listiter_next(VM *vm, Obj *o) {
  ListIterObj *it = (ListIterObj *)o;
  Obj *seq = it->seq;
  if (!seq) return NULL;
  if (it->index < LIST_SIZE(seq)) return incref(LIST_ITEMS(seq)[it->index++]);
  it->seq = NULL;
  decref(vm, seq);
  return NULL;
}

static Obj *listreviter_next(VM *vm, Obj *o) {
  ListIterObj *it = (ListIterObj *)o;
  Obj *seq = it->seq;
  if (!seq) return NULL;
  ssize i = it->index;
  if (i >= 0 && i < LIST_SIZE(seq)) {
    it->index = i - 1;
    return incref(LIST_ITEMS(seq)[i]);
  }
  it->index = -1;
  it->seq = NULL;
  decref(vm, seq);
  return NULL;
}

static void listiter_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  xdecref(vm, ((ListIterObj *)o)->seq);
  gc_free(vm, o, sizeof(ListIterObj));
}

static int listiter_traverse(Obj *o, visitproc visit, void *arg) {
  Obj *seq = ((ListIterObj *)o)->seq;
  return seq ? visit(seq, EDGE_OTHER, 0, NULL, arg) : 0;
}

static int listiter_clear(VM *vm, Obj *o) {
  obj_setref(vm, &((ListIterObj *)o)->seq, NULL);
  return 0;
}

static size_t listiter_sizeof(Obj *o) { return GC_SIZEOF(sizeof(ListIterObj)); }

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

static Obj *listiter_m_length_hint(VM *vm, Obj *self, Obj *const *args,
                                   size_t nargs, Obj *kwnames) {
  ListIterObj *it = (ListIterObj *)self;
  ssize n = 0;
  if (cont_noargs(vm, "list_iterator.__length_hint__", nargs, kwnames) < 0) return NULL;
  if (it->seq) {
    if (self->type == &ListIter_Type) n = LIST_SIZE(it->seq) - it->index;
    else if (it->index < LIST_SIZE(it->seq)) n = it->index + 1;
  }
  return int_from_i64(vm, n < 0 ? 0 : n);
}

static const MethodDef listiter_methods[] = {
  {"__length_hint__", listiter_m_length_hint, 0},
  {NULL, NULL, 0}
};

TypeObj ListIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "list_iterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(ListIterObj),
  .flags = TF_GC,
  .dealloc = listiter_dealloc,
  .sizeof_ = listiter_sizeof,
  .traverse = listiter_traverse,
  .clear = listiter_clear,
  .iter = iter_self,
  .iternext = listiter_next,
  .methods = listiter_methods,
};

TypeObj ListRevIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "list_reverseiterator",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(ListIterObj),
  .flags = TF_GC,
  .dealloc = listiter_dealloc,
  .sizeof_ = listiter_sizeof,
  .traverse = listiter_traverse,
  .clear = listiter_clear,
  .iter = iter_self,
  .iternext = listreviter_next,
  .methods = listiter_methods,
};

TypeObj List_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "list",
  .tag = HT_TAG_LIST,
  .basicsize = sizeof(ListObj),
  .flags = TF_GC | TF_BASETYPE | TF_LIST_SUBCLASS,
  .dealloc = list_dealloc,
  .sizeof_ = list_sizeof,
  .traverse = list_traverse,
  .clear = list_gc_clear,
  .new_ = list_ctor,
  .init = list_init,
  .repr = list_repr,
  .richcmp = list_richcmp,
  .iter = list_iter,
  .len = list_len,
  .getitem = list_subscript,
  .setitem = list_ass_subscript,
  .contains = list_contains,
  .bool_ = list_bool,
  .binop = { [BINOP_ADD] = list_add, [BINOP_MUL] = list_mul },
  .inplace = { [BINOP_ADD] = list_iadd, [BINOP_MUL] = list_imul },
  .methods = list_methods,
  .doc = "Built-in mutable sequence.\n\n"
         "If no argument is given, the constructor creates a new empty list.\n"
         "The argument must be an iterable if specified.",
};
