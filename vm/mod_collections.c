/*
** mod_collections.c -- the `collections` module: deque, defaultdict,
** OrderedDict, Counter and namedtuple.
**
** deque (tag LIST) is a ring buffer: ITEMS holds CAP slots (a power of two,
** a separate LIST block), the deque's items being the SIZE slots from HEAD
** on, wrapping around.  The buffer doubles when full and halves when a
** quarter full, so both ends push and pop in O(1).  With a maxlen, pushing
** onto a full deque drops an item from the other end, as CPython's does.
** Every change bumps STATE, which the deque's iterators compare to raise
** "deque mutated during iteration".
**
** defaultdict, OrderedDict and Counter are dict subclasses (tag DICT).  The
** dict layout is private to vm/dict.c, so a subclass's own fields live
** after Dict_Type.basicsize bytes (stdmods_dict_slot) and the types'
** basicsize is set when they are readied.  defaultdict keeps its factory
** there; OrderedDict needs nothing -- the VM's dicts keep insertion order,
** so it only adds order-aware equality, move_to_end and popitem(last=);
** Counter is a plain dict with counting methods, __missing__ returning 0,
** and the multiset operators, following collections/__init__.py.
**
** namedtuple builds a class with type(name, (tuple,), namespace); the
** namespace holds the field accessors (_tuplegetter descriptors), __new__,
** _make, _replace, __repr__, _asdict and __getnewargs__ as small callables
** that bind like functions (NTMeth, tag FUNCTION).  It needs the core's
** class creation of tuple subclasses; while type() cannot make one,
** namedtuple raises NotImplementedError("collections.namedtuple needs
** classes: <what the core said>").
*/
#include "config.h"

#include <string.h>

#include "containers.h"
#include "frame.h"
#include "modules.h"
#include "stdmods.h"
#include "str.h"
#include "vm.h"

#define CO_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static ssize nkw(Obj *kwnames) { return kwnames ? TUPLE_SIZE(kwnames) : 0; }

/* The name of a type without its module ("deque"). */
static const char *short_name(TypeObj *t) {
  const char *dot = strrchr(t->name, '.');
  return dot ? dot + 1 : t->name;
}

static Obj *iter_self(VM *vm, Obj *o) { return incref(o); }

/* ------------------------------------------------------------------ */
/* deque                                                              */
/* ------------------------------------------------------------------ */

typedef struct DequeObj {
  Obj ob;
  Obj **items;                    /* ring buffer of CAP slots (LIST block, owned refs) */
  ssize cap;                      /* slots in items: 0 or a power of two */
  ssize head;                     /* slot of the leftmost item */
  ssize size;                     /* items */
  ssize maxlen;                   /* -1: unbounded */
  uint64_t state;                 /* bumped on every mutation */
} DequeObj;

#define DQ(o) ((DequeObj *)(o))
#define DQ_AT(d, i) ((d)->items[((d)->head + (i)) & ((d)->cap - 1)])
#define DEQUE_MINCAP 8

static bool deque_check(Obj *o) { return obj_isinstance(o, &Deque_Type); }

/* Re-home the items into a buffer of NCAP slots (>= size). */
static int deque_realloc(VM *vm, DequeObj *d, ssize ncap) {
  Obj **n = ht_alloc(HT_TAG_LIST, (size_t)ncap * sizeof(Obj *));
  if (!n) {
    vm_raise_nomem(vm);
    return -1;
  }
  for (ssize i = 0; i < d->size; i++) n[i] = DQ_AT(d, i);
  if (d->items) ht_free(HT_TAG_LIST, d->items, (size_t)d->cap * sizeof(Obj *));
  d->items = n;
  d->cap = ncap;
  d->head = 0;
  return 0;
}

static int deque_grow(VM *vm, DequeObj *d) {
  if (d->size < d->cap) return 0;
  return deque_realloc(vm, d, d->cap ? d->cap * 2 : DEQUE_MINCAP);
}

static void deque_maybe_shrink(VM *vm, DequeObj *d) {
  if (d->cap > DEQUE_MINCAP && d->size < d->cap / 4) {
    if (deque_realloc(vm, d, d->cap / 2) < 0) vm_exc_clear(vm);  /* keep the big one */
  }
}

/* Remove and return (new reference) the rightmost / leftmost item; the
** deque must not be empty. */
static Obj *deque_take_right(VM *vm, DequeObj *d) {
  Obj *r = DQ_AT(d, d->size - 1);
  d->size--;
  d->state++;
  deque_maybe_shrink(vm, d);
  return r;
}

static Obj *deque_take_left(VM *vm, DequeObj *d) {
  Obj *r = DQ_AT(d, 0);
  d->head = (d->head + 1) & (d->cap - 1);
  d->size--;
  d->state++;
  deque_maybe_shrink(vm, d);
  return r;
}

/* Push ITEM (stolen) on the right / left, trimming to maxlen. */
static int deque_push_right(VM *vm, DequeObj *d, Obj *item) {
  if (deque_grow(vm, d) < 0) {
    decref(vm, item);
    return -1;
  }
  d->size++;
  DQ_AT(d, d->size - 1) = item;
  d->state++;
  if (d->maxlen >= 0 && d->size > d->maxlen) decref(vm, deque_take_left(vm, d));
  return 0;
}

static int deque_push_left(VM *vm, DequeObj *d, Obj *item) {
  if (deque_grow(vm, d) < 0) {
    decref(vm, item);
    return -1;
  }
  d->head = (d->head - 1) & (d->cap - 1);
  d->size++;
  DQ_AT(d, 0) = item;
  d->state++;
  if (d->maxlen >= 0 && d->size > d->maxlen) decref(vm, deque_take_right(vm, d));
  return 0;
}

static void deque_clear_items(VM *vm, DequeObj *d) {
  while (d->size) decref(vm, deque_take_right(vm, d));
  if (d->items) ht_free(HT_TAG_LIST, d->items, (size_t)d->cap * sizeof(Obj *));
  d->items = NULL;
  d->cap = d->head = 0;
  d->state++;
}

static int deque_traverse(Obj *o, visitproc visit, void *arg) {
  DequeObj *d = DQ(o);
  for (ssize i = 0; i < d->size; i++) {
    int r = visit(DQ_AT(d, i), EDGE_ITEM, i, NULL, arg);
    if (r) return r;
  }
  return 0;
}

static int deque_gc_clear(VM *vm, Obj *o) {
  deque_clear_items(vm, DQ(o));
  return 0;
}

static void deque_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  if (!trash_begin(vm, o)) return;
  deque_clear_items(vm, DQ(o));
  gc_free(vm, o, o->type->basicsize);
  trash_end(vm);
}

static size_t deque_sizeof(Obj *o) {
  return GC_SIZEOF(o->type->basicsize) + (size_t)DQ(o)->cap * sizeof(Obj *);
}

static Obj *deque_alloc(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  DequeObj *d = (DequeObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
  if (!d) return NULL;
  d->maxlen = -1;
  return (Obj *)d;
}

/* A new empty deque of D's type with D's maxlen. */
static Obj *deque_like(VM *vm, DequeObj *d) {
  DequeObj *n = (DequeObj *)deque_alloc(vm, (Obj *)d->ob.type, NULL, 0, NULL);
  if (n) n->maxlen = d->maxlen;
  return (Obj *)n;
}

static int deque_extend_impl(VM *vm, DequeObj *d, Obj *iterable, bool left) {
  Obj *src = iterable;
  if (iterable == (Obj *)d) {
    src = seq_to_list(vm, iterable);
    if (!src) return -1;
  } else {
    incref(src);
  }
  Obj *it = obj_iter(vm, src);
  decref(vm, src);
  if (!it) return -1;
  Obj *item;
  while ((item = stdmods_next(vm, it))) {
    if ((left ? deque_push_left(vm, d, item) : deque_push_right(vm, d, item)) < 0) break;
  }
  decref(vm, it);
  return vm_exc_occurred(vm) ? -1 : 0;
}

static const char *const deque_init_names[] = {"iterable", "maxlen"};
static const ModArgSpec deque_init_spec = {"deque", deque_init_names, 2, 0, 2, 0};

static int deque_init(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  DequeObj *d = DQ(self);
  Obj *a[2];
  if (mod_args(vm, &deque_init_spec, args, nargs, kwnames, a) < 0) return -1;
  ssize maxlen = -1;
  if (a[1] && a[1] != None) {
    if (!int_check(a[1])) {
      vm_raise(vm, &Exc_TypeError, "an integer is required");
      return -1;
    }
    maxlen = obj_as_ssize(vm, a[1]);
    if (maxlen == -1 && vm_exc_occurred(vm)) return -1;
    if (maxlen < 0) {
      vm_raise(vm, &Exc_ValueError, "maxlen must be non-negative");
      return -1;
    }
  }
  d->maxlen = maxlen;
  if (d->size > 0) deque_clear_items(vm, d);
  if (a[0]) return deque_extend_impl(vm, d, a[0], false);
  return 0;
}

#define DQ_METH(name) static Obj *name(CO_ARGS)

DQ_METH(dq_append) {
  if (mod_check_o(vm, "deque.append", nargs, kwnames) < 0) return NULL;
  if (deque_push_right(vm, DQ(self), incref(args[0])) < 0) return NULL;
  return none_new();
}

DQ_METH(dq_appendleft) {
  if (mod_check_o(vm, "deque.appendleft", nargs, kwnames) < 0) return NULL;
  if (deque_push_left(vm, DQ(self), incref(args[0])) < 0) return NULL;
  return none_new();
}

DQ_METH(dq_pop) {
  if (mod_check_noargs(vm, "deque.pop", nargs, kwnames) < 0) return NULL;
  if (DQ(self)->size == 0) return vm_raise(vm, &Exc_IndexError, "pop from an empty deque");
  return deque_take_right(vm, DQ(self));
}

DQ_METH(dq_popleft) {
  if (mod_check_noargs(vm, "deque.popleft", nargs, kwnames) < 0) return NULL;
  if (DQ(self)->size == 0) return vm_raise(vm, &Exc_IndexError, "pop from an empty deque");
  return deque_take_left(vm, DQ(self));
}

DQ_METH(dq_extend) {
  if (mod_check_o(vm, "deque.extend", nargs, kwnames) < 0) return NULL;
  if (deque_extend_impl(vm, DQ(self), args[0], false) < 0) return NULL;
  return none_new();
}

DQ_METH(dq_extendleft) {
  if (mod_check_o(vm, "deque.extendleft", nargs, kwnames) < 0) return NULL;
  if (deque_extend_impl(vm, DQ(self), args[0], true) < 0) return NULL;
  return none_new();
}

/* Rotate right by N (left when negative). */
static void deque_rotate_impl(DequeObj *d, ssize n) {
  ssize len = d->size;
  if (len <= 1) return;
  n %= len;
  if (n < 0) n += len;
  if (n == 0) return;
  d->state++;
  if (d->size == d->cap) {
    /* a full ring: moving the head is the rotation */
    d->head = (d->head - n) & (d->cap - 1);
    return;
  }
  for (ssize k = 0; k < n; k++) {
    Obj *x = DQ_AT(d, d->size - 1);
    d->size--;
    d->head = (d->head - 1) & (d->cap - 1);
    d->size++;
    DQ_AT(d, 0) = x;
  }
}

DQ_METH(dq_rotate) {
  if (mod_check_pos(vm, "rotate", nargs, kwnames, 0, 1) < 0) return NULL;
  ssize n = 1;
  if (nargs == 1) {
    Obj *i = obj_index(vm, args[0]);
    if (!i) return NULL;
    n = obj_as_ssize(vm, i);
    decref(vm, i);
    if (n == -1 && vm_exc_occurred(vm)) return NULL;
  }
  deque_rotate_impl(DQ(self), n);
  return none_new();
}

DQ_METH(dq_clear) {
  if (mod_check_noargs(vm, "deque.clear", nargs, kwnames) < 0) return NULL;
  deque_clear_items(vm, DQ(self));
  return none_new();
}

static Obj *deque_copy_impl(VM *vm, DequeObj *d) {
  DequeObj *n = (DequeObj *)deque_like(vm, d);
  if (!n) return NULL;
  for (ssize i = 0; i < d->size; i++)
    if (deque_push_right(vm, n, incref(DQ_AT(d, i))) < 0) {
      decref(vm, (Obj *)n);
      return NULL;
    }
  return (Obj *)n;
}

DQ_METH(dq_copy) {
  if (mod_check_noargs(vm, "deque.copy", nargs, kwnames) < 0) return NULL;
  return deque_copy_impl(vm, DQ(self));
}

/* Find X from START to STOP: index, -1 absent, -2 error. */
static ssize deque_find(VM *vm, DequeObj *d, Obj *x, ssize start, ssize stop) {
  uint64_t state = d->state;
  ssize n = d->size;
  for (ssize i = start; i < stop && i < d->size; i++) {
    Obj *item = incref(DQ_AT(d, i));
    int eq = obj_richcmp_bool(vm, item, x, CMP_EQ);
    decref(vm, item);
    if (eq < 0) return -2;
    if (state != d->state || n != d->size) {
      vm_raise(vm, &Exc_RuntimeError, "deque mutated during iteration");
      return -2;
    }
    if (eq) return i;
  }
  return -1;
}

DQ_METH(dq_count) {
  if (mod_check_o(vm, "deque.count", nargs, kwnames) < 0) return NULL;
  DequeObj *d = DQ(self);
  uint64_t state = d->state;
  ssize count = 0;
  for (ssize i = 0; i < d->size; i++) {
    Obj *item = incref(DQ_AT(d, i));
    int eq = obj_richcmp_bool(vm, item, args[0], CMP_EQ);
    decref(vm, item);
    if (eq < 0) return NULL;
    if (state != d->state) return vm_raise(vm, &Exc_RuntimeError, "deque mutated during iteration");
    count += eq;
  }
  return int_from_i64(vm, count);
}

DQ_METH(dq_index) {
  DequeObj *d = DQ(self);
  if (mod_check_pos(vm, "index", nargs, kwnames, 1, 3) < 0) return NULL;
  ssize start = 0, stop = d->size;
  if (nargs >= 2 && cont_clamp_index(vm, args[1], d->size, &start) < 0) return NULL;
  if (nargs >= 3 && cont_clamp_index(vm, args[2], d->size, &stop) < 0) return NULL;
  ssize i = deque_find(vm, d, args[0], start, stop);
  if (i == -2) return NULL;
  if (i < 0) return vm_raise(vm, &Exc_ValueError, "%R is not in deque", args[0]);
  return int_from_i64(vm, i);
}

/* Delete the item at I (0 <= I < size). */
static void deque_del_at(VM *vm, DequeObj *d, ssize i) {
  Obj *x = DQ_AT(d, i);
  if (i < d->size / 2) {
    for (ssize k = i; k > 0; k--) DQ_AT(d, k) = DQ_AT(d, k - 1);
    d->head = (d->head + 1) & (d->cap - 1);
  } else {
    for (ssize k = i; k < d->size - 1; k++) DQ_AT(d, k) = DQ_AT(d, k + 1);
  }
  d->size--;
  d->state++;
  decref(vm, x);
  deque_maybe_shrink(vm, d);
}

DQ_METH(dq_remove) {
  if (mod_check_o(vm, "deque.remove", nargs, kwnames) < 0) return NULL;
  DequeObj *d = DQ(self);
  ssize i = deque_find(vm, d, args[0], 0, d->size);
  if (i == -2) return NULL;
  if (i < 0) return vm_raise(vm, &Exc_ValueError, "%R is not in deque", args[0]);
  deque_del_at(vm, d, i);
  return none_new();
}

DQ_METH(dq_insert) {
  DequeObj *d = DQ(self);
  if (mod_check_pos(vm, "insert", nargs, kwnames, 2, 2) < 0) return NULL;
  ssize i;
  if (cont_ssize_arg(vm, args[0], &i) < 0) return NULL;
  if (d->maxlen >= 0 && d->size >= d->maxlen)
    return vm_raise(vm, &Exc_IndexError, "deque already at its maximum size");
  ssize n = d->size;
  if (i >= n) {
    if (deque_push_right(vm, d, incref(args[1])) < 0) return NULL;
    return none_new();
  }
  if (i <= -n || i == 0) {
    if (deque_push_left(vm, d, incref(args[1])) < 0) return NULL;
    return none_new();
  }
  if (i < 0) i += n;
  if (deque_grow(vm, d) < 0) return NULL;
  d->size++;
  for (ssize k = d->size - 1; k > i; k--) DQ_AT(d, k) = DQ_AT(d, k - 1);
  DQ_AT(d, i) = incref(args[1]);
  d->state++;
  return none_new();
}

DQ_METH(dq_reverse) {
  if (mod_check_noargs(vm, "deque.reverse", nargs, kwnames) < 0) return NULL;
  DequeObj *d = DQ(self);
  for (ssize i = 0, j = d->size - 1; i < j; i++, j--) {
    Obj *t = DQ_AT(d, i);
    DQ_AT(d, i) = DQ_AT(d, j);
    DQ_AT(d, j) = t;
  }
  d->state++;
  return none_new();
}

static Obj *dequeiter_make(VM *vm, DequeObj *d, bool reverse);

DQ_METH(dq_reversed) {
  if (mod_check_noargs(vm, "deque.__reversed__", nargs, kwnames) < 0) return NULL;
  return dequeiter_make(vm, DQ(self), true);
}

DQ_METH(dq_copy_dunder) {
  if (mod_check_noargs(vm, "deque.__copy__", nargs, kwnames) < 0) return NULL;
  return deque_copy_impl(vm, DQ(self));
}

static Obj *deque_get_maxlen(VM *vm, Obj *o) {
  return DQ(o)->maxlen < 0 ? none_new() : int_from_i64(vm, DQ(o)->maxlen);
}

static ssize deque_len(VM *vm, Obj *o) { return DQ(o)->size; }
static int deque_bool(VM *vm, Obj *o) { return DQ(o)->size != 0; }

static int deque_index_arg(VM *vm, DequeObj *d, Obj *key, ssize *out) {
  if (!int_check(key) && !key->type->index) {
    vm_raise(vm, &Exc_TypeError, "sequence index must be integer, not '%s'",
             obj_type_name(key));
    return -1;
  }
  ssize i;
  if (cont_index(vm, key, "deque", &i) < 0) return -1;
  if (i < 0) i += d->size;
  if (i < 0 || i >= d->size) {
    vm_raise(vm, &Exc_IndexError, "deque index out of range");
    return -1;
  }
  *out = i;
  return 0;
}

static Obj *deque_getitem(VM *vm, Obj *o, Obj *key) {
  ssize i;
  if (deque_index_arg(vm, DQ(o), key, &i) < 0) return NULL;
  return incref(DQ_AT(DQ(o), i));
}

static int deque_setitem(VM *vm, Obj *o, Obj *key, Obj *value) {
  ssize i;
  DequeObj *d = DQ(o);
  if (deque_index_arg(vm, d, key, &i) < 0) return -1;
  if (!value) {
    deque_del_at(vm, d, i);
    return 0;
  }
  obj_setref(vm, &DQ_AT(d, i), incref(value));
  return 0;
}

static int deque_contains(VM *vm, Obj *o, Obj *x) {
  ssize i = deque_find(vm, DQ(o), x, 0, DQ(o)->size);
  return i == -2 ? -1 : i >= 0;
}

static Obj *deque_repr(VM *vm, Obj *o) {
  DequeObj *d = DQ(o);
  int st = repr_enter(vm, o);
  if (st != 0) return st > 0 ? str_from_cstr(vm, "[...]") : NULL;
  Obj *r = NULL, *l = list_new(vm, d->size);
  if (l) {
    for (ssize i = 0; i < d->size; i++) LIST_ITEMS(l)[i] = incref(DQ_AT(d, i));
    if (d->maxlen >= 0)
      r = str_fromf(vm, "%s(%R, maxlen=%zd)", short_name(o->type), l, (ssize_t)d->maxlen);
    else
      r = str_fromf(vm, "%s(%R)", short_name(o->type), l);
    decref(vm, l);
  }
  repr_leave(vm, o);
  return r;
}

static Obj *deque_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!deque_check(a) || !deque_check(b)) return incref(NotImplemented);
  DequeObj *x = DQ(a), *y = DQ(b);
  if ((op == CMP_EQ || op == CMP_NE) && x->size != y->size) return bool_new(op == CMP_NE);
  ssize i;
  for (i = 0; i < x->size && i < y->size; i++) {
    Obj *p = incref(DQ_AT(x, i)), *q = incref(DQ_AT(y, i));
    int eq = obj_richcmp_bool(vm, p, q, CMP_EQ);
    if (eq != 1) {
      Obj *r = eq < 0 ? NULL : op == CMP_EQ ? bool_new(false) : op == CMP_NE ? bool_new(true)
                                                                : obj_richcmp(vm, p, q, op);
      decref(vm, p);
      decref(vm, q);
      return r;
    }
    decref(vm, p);
    decref(vm, q);
  }
  ssize n = x->size, m = y->size;
  bool res;
  switch (op) {
  case CMP_LT: res = n < m; break;
  case CMP_LE: res = n <= m; break;
  case CMP_EQ: res = n == m; break;
  case CMP_NE: res = n != m; break;
  case CMP_GT: res = n > m; break;
  default: res = n >= m; break;
  }
  return bool_new(res);
}

static Obj *deque_add(VM *vm, Obj *a, Obj *b) {
  if (!deque_check(a)) return incref(NotImplemented);
  if (!deque_check(b))
    return vm_raise(vm, &Exc_TypeError, "can only concatenate deque (not \"%s\") to deque",
                    obj_type_name(b));
  Obj *n = deque_copy_impl(vm, DQ(a));
  if (!n) return NULL;
  if (deque_extend_impl(vm, DQ(n), b, false) < 0) {
    decref(vm, n);
    return NULL;
  }
  return n;
}

static Obj *deque_iadd(VM *vm, Obj *a, Obj *b) {
  if (deque_extend_impl(vm, DQ(a), b, false) < 0) return NULL;
  return incref(a);
}

/* Repeat D's items in place N-1 more times (N <= 0 empties it). */
static int deque_repeat_inplace(VM *vm, DequeObj *d, ssize n) {
  if (n <= 0 || d->size == 0) {
    deque_clear_items(vm, d);
    return 0;
  }
  ssize len = d->size;
  if (d->maxlen >= 0 && n > 1 && len * n > d->maxlen) {
    /* only the last maxlen items survive; skip whole rounds */
    ssize keep_rounds = d->maxlen / len + 2;
    if (keep_rounds < n) n = keep_rounds;
  }
  for (ssize k = 1; k < n; k++)
    for (ssize i = 0; i < len; i++)   /* the item one period back */
      if (deque_push_right(vm, d, incref(DQ_AT(d, d->size - len))) < 0) return -1;
  return 0;
}

static Obj *deque_mul(VM *vm, Obj *a, Obj *b) {
  Obj *dq = deque_check(a) ? a : b, *count = dq == a ? b : a;
  if (!deque_check(dq)) return incref(NotImplemented);
  ssize n;
  bool handled = true;
  if (cont_repeat_count(vm, count, &n, &handled) < 0) return NULL;
  if (!handled) return incref(NotImplemented);
  Obj *r = deque_copy_impl(vm, DQ(dq));
  if (!r) return NULL;
  if (deque_repeat_inplace(vm, DQ(r), n) < 0) {
    decref(vm, r);
    return NULL;
  }
  return r;
}

static Obj *deque_imul(VM *vm, Obj *a, Obj *b) {
  ssize n;
  bool handled = true;
  if (cont_repeat_count(vm, b, &n, &handled) < 0) return NULL;
  if (!handled) return incref(NotImplemented);
  if (deque_repeat_inplace(vm, DQ(a), n) < 0) return NULL;
  return incref(a);
}

static Obj *deque_iter(VM *vm, Obj *o) { return dequeiter_make(vm, DQ(o), false); }

static const MethodDef deque_methods[] = {
  {"append", dq_append, 0},
  {"appendleft", dq_appendleft, 0},
  {"pop", dq_pop, 0},
  {"popleft", dq_popleft, 0},
  {"extend", dq_extend, 0},
  {"extendleft", dq_extendleft, 0},
  {"rotate", dq_rotate, 0},
  {"clear", dq_clear, 0},
  {"copy", dq_copy, 0},
  {"count", dq_count, 0},
  {"index", dq_index, 0},
  {"insert", dq_insert, 0},
  {"remove", dq_remove, 0},
  {"reverse", dq_reverse, 0},
  {"__reversed__", dq_reversed, 0},
  {"__copy__", dq_copy_dunder, 0},
  {"__class_getitem__", cont_class_getitem, METH_CLASS},
  {NULL, NULL, 0},
};

static const GetSetDef deque_getset[] = {
  {"maxlen", deque_get_maxlen, NULL},
  {NULL, NULL, NULL},
};

TypeObj Deque_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "collections.deque",
  .tag = HT_TAG_LIST,
  .basicsize = sizeof(DequeObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = deque_dealloc,
  .sizeof_ = deque_sizeof,
  .traverse = deque_traverse,
  .clear = deque_gc_clear,
  .new_ = deque_alloc,
  .init = deque_init,
  .repr = deque_repr,
  .richcmp = deque_richcmp,
  .iter = deque_iter,
  .len = deque_len,
  .getitem = deque_getitem,
  .setitem = deque_setitem,
  .contains = deque_contains,
  .bool_ = deque_bool,
  .binop = {[BINOP_ADD] = deque_add, [BINOP_MUL] = deque_mul},
  .inplace = {[BINOP_ADD] = deque_iadd, [BINOP_MUL] = deque_imul},
  .methods = deque_methods,
  .getset = deque_getset,
  .doc = "deque([iterable[, maxlen]]) --> deque object\n\n"
         "A list-like sequence optimized for data accesses near its endpoints.",
};

/* deque iterators */

typedef struct DequeIterObj {
  Obj ob;
  Obj *deque;                     /* owned; NULL when exhausted */
  ssize index;                    /* next position (from the right when reversed) */
  uint64_t state;                 /* the deque's state when made */
  ssize counter;                  /* items left */
} DequeIterObj;

static int dequeiter_traverse(Obj *o, visitproc visit, void *arg) {
  DequeIterObj *it = (DequeIterObj *)o;
  return it->deque ? visit(it->deque, EDGE_OTHER, 0, NULL, arg) : 0;
}

static int dequeiter_clear(VM *vm, Obj *o) {
  obj_setref(vm, &((DequeIterObj *)o)->deque, NULL);
  return 0;
}

static void dequeiter_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  dequeiter_clear(vm, o);
  gc_free(vm, o, sizeof(DequeIterObj));
}

static Obj *dequeiter_make(VM *vm, DequeObj *d, bool reverse) {
  DequeIterObj *it = (DequeIterObj *)gc_alloc(vm, reverse ? &DequeRevIter_Type : &DequeIter_Type,
                                              sizeof(DequeIterObj));
  if (!it) return NULL;
  it->deque = incref((Obj *)d);
  it->state = d->state;
  it->counter = d->size;
  it->index = reverse ? d->size - 1 : 0;
  return (Obj *)it;
}

static Obj *dequeiter_next_common(VM *vm, Obj *o, bool reverse) {
  DequeIterObj *it = (DequeIterObj *)o;
  if (!it->deque) return NULL;
  DequeObj *d = DQ(it->deque);
  if (d->state != it->state) {
    it->counter = 0;
    return vm_raise(vm, &Exc_RuntimeError, "deque mutated during iteration");
  }
  if (it->counter == 0) {
    obj_setref(vm, &it->deque, NULL);
    return NULL;
  }
  Obj *r = incref(DQ_AT(d, it->index));
  it->index += reverse ? -1 : 1;
  it->counter--;
  return r;
}

static Obj *dequeiter_next(VM *vm, Obj *o) { return dequeiter_next_common(vm, o, false); }
static Obj *dequereviter_next(VM *vm, Obj *o) { return dequeiter_next_common(vm, o, true); }

static Obj *dequeiter_length_hint(CO_ARGS) {
  return int_from_i64(vm, ((DequeIterObj *)self)->counter);
}

static const MethodDef dequeiter_methods[] = {
  {"__length_hint__", dequeiter_length_hint, 0},
  {NULL, NULL, 0},
};

TypeObj DequeIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "_collections._deque_iterator",
  .tag = HT_TAG_ITERATOR, .basicsize = sizeof(DequeIterObj), .flags = TF_GC,
  .dealloc = dequeiter_dealloc, .traverse = dequeiter_traverse, .clear = dequeiter_clear,
  .iter = iter_self, .iternext = dequeiter_next, .methods = dequeiter_methods,
};

TypeObj DequeRevIter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type), .name = "_collections._deque_reverse_iterator",
  .tag = HT_TAG_ITERATOR, .basicsize = sizeof(DequeIterObj), .flags = TF_GC,
  .dealloc = dequeiter_dealloc, .traverse = dequeiter_traverse, .clear = dequeiter_clear,
  .iter = iter_self, .iternext = dequereviter_next, .methods = dequeiter_methods,
};

/* ------------------------------------------------------------------ */
/* dict subclasses: shared                                            */
/* ------------------------------------------------------------------ */

#define DD_FACTORY(o) (*stdmods_dict_slot((o), 0))

/* ------------------------------------------------------------------ */
/* defaultdict                                                        */
/* ------------------------------------------------------------------ */

static bool is_callable(VM *vm, Obj *o) {
  return o->type->call != NULL ||
         type_lookup(o->type, str_intern_cstr(vm, "__call__")) != NULL;
}

static int dd_init(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  Obj *factory = NULL;
  if (nargs > 0) {
    factory = args[0];
    if (factory != None && !is_callable(vm, factory)) {
      vm_raise(vm, &Exc_TypeError, "first argument must be callable or None");
      return -1;
    }
    args++;
    nargs--;
  }
  obj_setref(vm, &DD_FACTORY(self), factory && factory != None ? incref(factory) : NULL);
  return Dict_Type.init(vm, self, args, nargs, kwnames);
}

static int dd_traverse(Obj *o, visitproc visit, void *arg) {
  if (DD_FACTORY(o)) {
    int r = visit(DD_FACTORY(o), EDGE_OTHER, 0, NULL, arg);
    if (r) return r;
  }
  return Dict_Type.traverse(o, visit, arg);
}

static int dd_clear(VM *vm, Obj *o) {
  obj_setref(vm, &DD_FACTORY(o), NULL);
  return Dict_Type.clear(vm, o);
}

static void dd_dealloc(VM *vm, Obj *o) {
  obj_setref(vm, &DD_FACTORY(o), NULL);
  Dict_Type.dealloc(vm, o);
}

static Obj *dd_missing(CO_ARGS) {
  if (mod_check_o(vm, "defaultdict.__missing__", nargs, kwnames) < 0) return NULL;
  Obj *f = DD_FACTORY(self);
  if (!f) return cont_keyerror(vm, args[0]);
  Obj *v = obj_call0(vm, f);
  if (!v) return NULL;
  if (obj_setitem(vm, self, args[0], v) < 0) {
    decref(vm, v);
    return NULL;
  }
  return v;
}

/* type(self)(self.default_factory, ARG) */
static Obj *dd_new_like(VM *vm, Obj *self, Obj *arg) {
  Obj *f = DD_FACTORY(self) ? DD_FACTORY(self) : None;
  return obj_call2(vm, (Obj *)self->type, f, arg);
}

static Obj *dd_copy(CO_ARGS) {
  if (mod_check_noargs(vm, "defaultdict.copy", nargs, kwnames) < 0) return NULL;
  return dd_new_like(vm, self, self);
}

static Obj *dd_repr(VM *vm, Obj *o) {
  Obj *f = DD_FACTORY(o), *frepr;
  if (!f) {
    frepr = str_from_cstr(vm, "None");
  } else {
    int st = repr_enter(vm, f);
    if (st < 0) return NULL;
    if (st > 0) {
      frepr = str_from_cstr(vm, "...");
    } else {
      frepr = obj_repr(vm, f);
      repr_leave(vm, f);
    }
  }
  if (!frepr) return NULL;
  Obj *base = Dict_Type.repr(vm, o);
  Obj *r = base ? str_fromf(vm, "%s(%S, %S)", short_name(o->type), frepr, base) : NULL;
  xdecref(vm, base);
  decref(vm, frepr);
  return r;
}

static Obj *dd_or(VM *vm, Obj *a, Obj *b) {
  Obj *self, *other;
  if (obj_isinstance(a, &DefaultDict_Type)) {
    self = a;
    other = b;
  } else {
    self = b;
    other = a;
  }
  if (!dict_check(other)) return incref(NotImplemented);
  Obj *n = dd_new_like(vm, self, a);
  if (!n) return NULL;
  if (dict_update(vm, n, b) < 0) {
    decref(vm, n);
    return NULL;
  }
  return n;
}

static Obj *dd_get_factory(VM *vm, Obj *o) {
  return incref(DD_FACTORY(o) ? DD_FACTORY(o) : None);
}

static int dd_set_factory(VM *vm, Obj *o, Obj *v) {
  obj_setref(vm, &DD_FACTORY(o), v && v != None ? incref(v) : NULL);
  return 0;
}

static const MethodDef dd_methods[] = {
  {"__missing__", dd_missing, 0},
  {"copy", dd_copy, 0},
  {"__copy__", dd_copy, 0},
  {NULL, NULL, 0},
};

static const GetSetDef dd_getset[] = {
  {"default_factory", dd_get_factory, dd_set_factory},
  {NULL, NULL, NULL},
};

TypeObj DefaultDict_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "collections.defaultdict",
  .tag = HT_TAG_DICT,
  .base = &Dict_Type,
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = dd_dealloc,
  .traverse = dd_traverse,
  .clear = dd_clear,
  .init = dd_init,
  .repr = dd_repr,
  .binop = {[BINOP_OR] = dd_or},
  .methods = dd_methods,
  .getset = dd_getset,
  .doc = "defaultdict(default_factory=None, /, [...]) --> dict with default factory\n\n"
         "The default factory is called without arguments to produce\n"
         "a new value when a key is not present, in __getitem__ only.\n"
         "A defaultdict compares equal to a dict with the same items.\n"
         "All remaining arguments are treated the same as if they were\n"
         "passed to the dict constructor, including keyword arguments.\n",
};

/* ------------------------------------------------------------------ */
/* OrderedDict                                                        */
/* ------------------------------------------------------------------ */

static bool odict_check(Obj *o) { return obj_isinstance(o, &OrderedDict_Type); }

static Obj *od_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if ((op == CMP_EQ || op == CMP_NE) && odict_check(a) && odict_check(b)) {
    Obj *r = Dict_Type.richcmp(vm, a, b, CMP_EQ);
    if (!r || r == NotImplemented || r == False_) {
      if (r == False_ && op == CMP_NE) {
        decref(vm, r);
        return bool_new(true);
      }
      return r;
    }
    decref(vm, r);
    /* equal contents: the orders must match too */
    ssize pa = 0, pb = 0;
    Obj *ka, *kb, *va, *vb;
    while (dict_next(a, &pa, &ka, &va) && dict_next(b, &pb, &kb, &vb)) {
      incref(ka);
      incref(kb);
      int eq = obj_richcmp_bool(vm, ka, kb, CMP_EQ);
      decref(vm, ka);
      decref(vm, kb);
      if (eq < 0) return NULL;
      if (!eq) return bool_new(op == CMP_NE);
    }
    return bool_new(op == CMP_EQ);
  }
  return Dict_Type.richcmp(vm, a, b, op);
}

static Obj *od_repr(VM *vm, Obj *o) {
  if (dict_size(o) == 0) return str_fromf(vm, "%s()", short_name(o->type));
  int st = repr_enter(vm, o);
  if (st != 0) return st > 0 ? str_from_cstr(vm, "...") : NULL;
  Obj *items = dict_items_list(vm, o), *r = NULL;
  if (items) {
    r = str_fromf(vm, "%s(%R)", short_name(o->type), items);
    decref(vm, items);
  }
  repr_leave(vm, o);
  return r;
}

static const char *const od_popitem_names[] = {"last"};
static const ModArgSpec od_popitem_spec = {"popitem", od_popitem_names, 1, 0, 1, 0};

static Obj *od_popitem(CO_ARGS) {
  Obj *last;
  if (mod_args(vm, &od_popitem_spec, args, nargs, kwnames, &last) < 0) return NULL;
  int lt = last ? obj_truthy(vm, last) : 1;
  if (lt < 0) return NULL;
  if (dict_size(self) == 0) {
    Obj *msg = str_from_cstr(vm, "dictionary is empty");
    if (!msg) return NULL;
    cont_keyerror(vm, msg);
    decref(vm, msg);
    return NULL;
  }
  ssize pos = 0;
  Obj *k = NULL, *v, *key = NULL;
  while (dict_next(self, &pos, &k, &v)) {
    key = k;
    if (!lt) break;
  }
  incref(key);
  Obj *value = dict_pop(vm, self, key, NULL);
  Obj *r = value ? tuple_pack(vm, 2, key, value) : NULL;
  decref(vm, key);
  xdecref(vm, value);
  return r;
}

static const char *const od_mte_names[] = {"key", "last"};
static const ModArgSpec od_mte_spec = {"move_to_end", od_mte_names, 2, 0, 2, 1};

static Obj *od_move_to_end(CO_ARGS) {
  Obj *a[2];
  if (mod_args(vm, &od_mte_spec, args, nargs, kwnames, a) < 0) return NULL;
  int lt = a[1] ? obj_truthy(vm, a[1]) : 1;
  if (lt < 0) return NULL;
  Obj *key = a[0];
  int has = dict_contains(vm, self, key);
  if (has < 0) return NULL;
  if (!has) return cont_keyerror(vm, key);
  if (lt) {
    Obj *v = dict_pop(vm, self, key, NULL);
    if (!v) return NULL;
    int r = dict_set(vm, self, key, v);
    decref(vm, v);
    return r < 0 ? NULL : none_new();
  }
  /* to the front: rebuild in the new order */
  Obj *items = dict_items_list(vm, self);
  if (!items) return NULL;
  Obj *v = dict_get(vm, self, key);
  if (!v) {
    decref(vm, items);
    return vm_exc_occurred(vm) ? NULL : cont_keyerror(vm, key);
  }
  incref(v);
  Obj *k0 = incref(key);
  dict_clear(vm, self);
  int rc = dict_set(vm, self, k0, v);
  for (ssize i = 0; rc == 0 && i < LIST_SIZE(items); i++) {
    Obj *t = LIST_ITEMS(items)[i];
    int same = obj_richcmp_bool(vm, TUPLE_GET(t, 0), k0, CMP_EQ);
    if (same < 0) rc = -1;
    else if (!same) rc = dict_set(vm, self, TUPLE_GET(t, 0), TUPLE_GET(t, 1));
  }
  decref(vm, k0);
  decref(vm, v);
  decref(vm, items);
  return rc < 0 ? NULL : none_new();
}

static Obj *od_copy(CO_ARGS) {
  if (mod_check_noargs(vm, "OrderedDict.copy", nargs, kwnames) < 0) return NULL;
  return obj_call1(vm, (Obj *)self->type, self);
}

static const MethodDef od_methods[] = {
  {"popitem", od_popitem, 0},
  {"move_to_end", od_move_to_end, 0},
  {"copy", od_copy, 0},
  {"__copy__", od_copy, 0},
  {NULL, NULL, 0},
};

TypeObj OrderedDict_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "collections.OrderedDict",
  .tag = HT_TAG_DICT,
  .base = &Dict_Type,
  .flags = TF_GC | TF_BASETYPE,
  .repr = od_repr,
  .richcmp = od_richcmp,
  .methods = od_methods,
  .doc = "Dictionary that remembers insertion order",
};

/* ------------------------------------------------------------------ */
/* Counter                                                            */
/* ------------------------------------------------------------------ */

static bool counter_check(Obj *o) { return obj_isinstance(o, &Counter_Type); }

/* self.get(key, 0) as a new reference. */
static Obj *counter_get0(VM *vm, Obj *self, Obj *key) {
  Obj *v = dict_get(vm, self, key);
  if (v) return incref(v);
  return vm_exc_occurred(vm) ? NULL : int_from_i64(vm, 0);
}

/* self[key] as Counter does: the value, or 0 (via __missing__) for a
** missing key. */
static Obj *counter_item(VM *vm, Obj *self, Obj *key) {
  if (self->type == &Counter_Type) return counter_get0(vm, self, key);
  return obj_getitem(vm, self, key);
}

/* _count_elements: mapping[elem] = mapping.get(elem, 0) + 1 */
static int count_elements(VM *vm, Obj *self, Obj *iterable) {
  Obj *it = obj_iter(vm, iterable), *elem;
  if (!it) return -1;
  Obj *one = int_from_i64(vm, 1);
  while ((elem = stdmods_next(vm, it))) {
    Obj *old = dict_get(vm, self, elem);
    Obj *nv = old ? obj_binop(vm, old, one, BINOP_ADD) : (vm_exc_occurred(vm) ? NULL : incref(one));
    int r = nv ? obj_setitem(vm, self, elem, nv) : -1;
    xdecref(vm, nv);
    decref(vm, elem);
    if (r < 0) break;
  }
  decref(vm, one);
  decref(vm, it);
  return vm_exc_occurred(vm) ? -1 : 0;
}

/* update/subtract with a mapping or an iterable; SIGN is +1 or -1. */
static int counter_apply(VM *vm, Obj *self, Obj *iterable, int sign) {
  if (!iterable || iterable == None) return 0;
  if (dict_check(iterable)) {
    if (sign > 0 && dict_size(self) == 0 && self != iterable) return dict_update(vm, self, iterable);
    Obj *items = dict_items_list(vm, iterable);
    if (!items) return -1;
    int rc = 0;
    for (ssize i = 0; rc == 0 && i < LIST_SIZE(items); i++) {
      Obj *elem = TUPLE_GET(LIST_ITEMS(items)[i], 0), *count = TUPLE_GET(LIST_ITEMS(items)[i], 1);
      Obj *cur = counter_get0(vm, self, elem);
      Obj *nv = !cur ? NULL : sign > 0 ? obj_binop(vm, count, cur, BINOP_ADD)
                                       : obj_binop(vm, cur, count, BINOP_SUB);
      rc = nv ? obj_setitem(vm, self, elem, nv) : -1;
      xdecref(vm, cur);
      xdecref(vm, nv);
    }
    decref(vm, items);
    return rc;
  }
  if (sign > 0) return count_elements(vm, self, iterable);
  Obj *it = obj_iter(vm, iterable), *elem;
  if (!it) return -1;
  Obj *one = int_from_i64(vm, 1);
  while ((elem = stdmods_next(vm, it))) {
    Obj *cur = counter_get0(vm, self, elem);
    Obj *nv = cur ? obj_binop(vm, cur, one, BINOP_SUB) : NULL;
    int r = nv ? obj_setitem(vm, self, elem, nv) : -1;
    xdecref(vm, cur);
    xdecref(vm, nv);
    decref(vm, elem);
    if (r < 0) break;
  }
  decref(vm, one);
  decref(vm, it);
  return vm_exc_occurred(vm) ? -1 : 0;
}

/* The keywords of a call as a new dict, or NULL (no exception) if none. */
static Obj *kw_dict(VM *vm, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (!nkw(kwnames)) return NULL;
  Obj *d = dict_new(vm);
  if (!d) return NULL;
  for (ssize i = 0; i < nkw(kwnames); i++)
    if (dict_set(vm, d, TUPLE_GET(kwnames, i), args[nargs + i]) < 0) {
      decref(vm, d);
      return NULL;
    }
  return d;
}

static int counter_update_common(VM *vm, Obj *self, const char *qname, Obj *const *args,
                                 size_t nargs, Obj *kwnames, int sign) {
  if (nargs > 1) {
    vm_raise(vm, &Exc_TypeError, "%s() takes from 1 to 2 positional arguments but %zu were given",
             qname, nargs + 1);
    return -1;
  }
  if (nargs == 1 && counter_apply(vm, self, args[0], sign) < 0) return -1;
  Obj *kw = kw_dict(vm, args, nargs, kwnames);
  if (!kw) return vm_exc_occurred(vm) ? -1 : 0;
  int rc = counter_apply(vm, self, kw, sign);
  decref(vm, kw);
  return rc;
}

static int counter_init(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  return counter_update_common(vm, self, "Counter.__init__", args, nargs, kwnames, 1);
}

static Obj *counter_update(CO_ARGS) {
  if (counter_update_common(vm, self, "Counter.update", args, nargs, kwnames, 1) < 0) return NULL;
  return none_new();
}

static Obj *counter_subtract(CO_ARGS) {
  if (counter_update_common(vm, self, "Counter.subtract", args, nargs, kwnames, -1) < 0)
    return NULL;
  return none_new();
}

static Obj *counter_missing(CO_ARGS) {
  if (mod_check_o(vm, "Counter.__missing__", nargs, kwnames) < 0) return NULL;
  return int_from_i64(vm, 0);
}

static Obj *counter_total(CO_ARGS) {
  if (mod_check_noargs(vm, "Counter.total", nargs, kwnames) < 0) return NULL;
  Obj *sum = int_from_i64(vm, 0);
  ssize pos = 0;
  Obj *k, *v;
  while (sum && dict_next(self, &pos, &k, &v)) {
    incref(v);
    Obj *n = obj_binop(vm, sum, v, BINOP_ADD);
    decref(vm, v);
    decref(vm, sum);
    sum = n;
  }
  return sum;
}

/* most_common(n): sorted by count, or the n largest. */
static Obj *most_common_impl(VM *vm, Obj *self, Obj *n) {
  Obj *items = dict_items_list(vm, self);
  if (!items) return NULL;
  Obj *one = int_from_i64(vm, 1);
  Obj *key = one ? operator_itemgetter_new(vm, one) : NULL;
  xdecref(vm, one);
  Obj *r = NULL;
  if (key) {
    if (!n || n == None) {
      if (list_sort(vm, items, key, true) == 0) r = incref(items);
    } else {
      r = heapq_nbest(vm, n, items, key, true);
    }
    decref(vm, key);
  }
  decref(vm, items);
  return r;
}

static const char *const mc_names[] = {"n"};
static const PyArgSpec mc_spec = {"Counter.most_common", mc_names, 1, 0, 0, 0, 1};

static Obj *counter_most_common(CO_ARGS) {
  Obj *n;
  if (stdmods_pyargs(vm, &mc_spec, args, nargs, kwnames, &n) < 0) return NULL;
  return most_common_impl(vm, self, n);
}

static Obj *counter_elements(CO_ARGS) {
  if (mod_check_noargs(vm, "Counter.elements", nargs, kwnames) < 0) return NULL;
  Obj *items = obj_call_method(vm, self, "items", NULL, 0);
  if (!items) return NULL;
  Obj *sm = obj_call2(vm, (Obj *)&StarMap_Type, (Obj *)&Repeat_Type, items);
  decref(vm, items);
  if (!sm) return NULL;
  Obj *r = obj_call_method(vm, (Obj *)&Chain_Type, "from_iterable", &sm, 1);
  decref(vm, sm);
  return r;
}

static Obj *counter_copy(CO_ARGS) {
  if (mod_check_noargs(vm, "Counter.copy", nargs, kwnames) < 0) return NULL;
  return obj_call1(vm, (Obj *)self->type, self);
}

static Obj *counter_fromkeys(CO_ARGS) {
  return vm_raise(vm, &Exc_NotImplementedError,
                  "Counter.fromkeys() is undefined.  Use Counter(iterable) instead.");
}

static Obj *counter_repr(VM *vm, Obj *o) {
  const char *name = short_name(o->type);
  if (dict_size(o) == 0) return str_fromf(vm, "%s()", name);
  Obj *mc = most_common_impl(vm, o, NULL), *d;
  if (!mc) {
    if (!vm_exc_matches(vm, &Exc_TypeError)) return NULL;
    vm_exc_clear(vm);
    d = dict_copy(vm, o);
  } else {
    d = dict_new(vm);
    if (d && dict_update(vm, d, mc) < 0) obj_setref(vm, &d, NULL);
    decref(vm, mc);
  }
  if (!d) return NULL;
  Obj *r = str_fromf(vm, "%s(%R)", name, d);
  decref(vm, d);
  return r;
}

static int counter_setitem(VM *vm, Obj *o, Obj *key, Obj *value) {
  if (value) return dict_set(vm, o, key, value);
  int has = dict_contains(vm, o, key);
  if (has <= 0) return has;
  return dict_del(vm, o, key);
}

/* Compare two numbers: 1, 0, -1 error. */
static int cmp(VM *vm, Obj *a, Obj *b, CmpOp op) { return obj_richcmp_bool(vm, a, b, op); }

static int is_positive(VM *vm, Obj *v) {
  Obj *zero = int_from_i64(vm, 0);
  int r = cmp(vm, v, zero, CMP_GT);
  decref(vm, zero);
  return r;
}

static int is_negative(VM *vm, Obj *v) {
  Obj *zero = int_from_i64(vm, 0);
  int r = cmp(vm, v, zero, CMP_LT);
  decref(vm, zero);
  return r;
}

enum { CNT_ADD, CNT_SUB, CNT_OR, CNT_AND };

/* The binary multiset operations, as collections/__init__.py. */
static Obj *counter_binop(VM *vm, Obj *a, Obj *b, int kind) {
  if (!counter_check(a) || !counter_check(b)) return incref(NotImplemented);
  Obj *result = obj_call0(vm, (Obj *)&Counter_Type);
  if (!result) return NULL;
  Obj *items = dict_items_list(vm, a);
  if (!items) goto fail;
  for (ssize i = 0; i < LIST_SIZE(items); i++) {
    Obj *elem = TUPLE_GET(LIST_ITEMS(items)[i], 0), *count = TUPLE_GET(LIST_ITEMS(items)[i], 1);
    Obj *oc = counter_item(vm, b, elem), *nc = NULL;
    if (!oc) goto fail_items;
    if (kind == CNT_ADD) {
      nc = obj_binop(vm, count, oc, BINOP_ADD);
    } else if (kind == CNT_SUB) {
      nc = obj_binop(vm, count, oc, BINOP_SUB);
    } else {
      int lt = cmp(vm, count, oc, CMP_LT);
      if (lt >= 0) nc = incref(kind == CNT_OR ? (lt ? oc : count) : (lt ? count : oc));
    }
    decref(vm, oc);
    if (!nc) goto fail_items;
    int pos = is_positive(vm, nc);
    int rc = pos > 0 ? dict_set(vm, result, elem, nc) : pos;
    decref(vm, nc);
    if (rc < 0) goto fail_items;
  }
  decref(vm, items);
  if (kind == CNT_AND) return result;
  if (!(items = dict_items_list(vm, b))) goto fail;
  for (ssize i = 0; i < LIST_SIZE(items); i++) {
    Obj *elem = TUPLE_GET(LIST_ITEMS(items)[i], 0), *count = TUPLE_GET(LIST_ITEMS(items)[i], 1);
    int in = dict_contains(vm, a, elem);
    if (in < 0) goto fail_items;
    if (in) continue;
    int rc = 0;
    if (kind == CNT_SUB) {
      int neg = is_negative(vm, count);
      if (neg < 0) goto fail_items;
      if (neg) {
        Obj *zero = int_from_i64(vm, 0);
        Obj *nc = obj_binop(vm, zero, count, BINOP_SUB);
        decref(vm, zero);
        rc = nc ? dict_set(vm, result, elem, nc) : -1;
        xdecref(vm, nc);
      }
    } else {
      int pos = is_positive(vm, count);
      rc = pos > 0 ? dict_set(vm, result, elem, count) : pos;
    }
    if (rc < 0) goto fail_items;
  }
  decref(vm, items);
  return result;
fail_items:
  decref(vm, items);
fail:
  decref(vm, result);
  return NULL;
}

static Obj *counter_add(VM *vm, Obj *a, Obj *b) { return counter_binop(vm, a, b, CNT_ADD); }
static Obj *counter_sub(VM *vm, Obj *a, Obj *b) { return counter_binop(vm, a, b, CNT_SUB); }
static Obj *counter_or(VM *vm, Obj *a, Obj *b) { return counter_binop(vm, a, b, CNT_OR); }
static Obj *counter_and(VM *vm, Obj *a, Obj *b) { return counter_binop(vm, a, b, CNT_AND); }

/* +c and -c: the positive counts / the negated negative ones. */
static Obj *counter_unary(VM *vm, Obj *o, bool negate) {
  Obj *result = obj_call0(vm, (Obj *)&Counter_Type);
  if (!result) return NULL;
  Obj *items = dict_items_list(vm, o);
  if (!items) goto fail;
  for (ssize i = 0; i < LIST_SIZE(items); i++) {
    Obj *elem = TUPLE_GET(LIST_ITEMS(items)[i], 0), *count = TUPLE_GET(LIST_ITEMS(items)[i], 1);
    int ok = negate ? is_negative(vm, count) : is_positive(vm, count);
    if (ok < 0) goto fail_items;
    if (!ok) continue;
    Obj *v;
    if (negate) {
      Obj *zero = int_from_i64(vm, 0);
      v = obj_binop(vm, zero, count, BINOP_SUB);
      decref(vm, zero);
    } else {
      v = incref(count);
    }
    int rc = v ? dict_set(vm, result, elem, v) : -1;
    xdecref(vm, v);
    if (rc < 0) goto fail_items;
  }
  decref(vm, items);
  return result;
fail_items:
  decref(vm, items);
fail:
  decref(vm, result);
  return NULL;
}

static Obj *counter_pos(VM *vm, Obj *o) { return counter_unary(vm, o, false); }
static Obj *counter_neg(VM *vm, Obj *o) { return counter_unary(vm, o, true); }

/* _keep_positive: drop the counts that are not > 0; returns a new ref to SELF. */
static Obj *keep_positive(VM *vm, Obj *self) {
  Obj *items = dict_items_list(vm, self);
  if (!items) return NULL;
  for (ssize i = 0; i < LIST_SIZE(items); i++) {
    Obj *elem = TUPLE_GET(LIST_ITEMS(items)[i], 0), *count = TUPLE_GET(LIST_ITEMS(items)[i], 1);
    int pos = is_positive(vm, count);
    if (pos < 0 || (!pos && counter_setitem(vm, self, elem, NULL) < 0)) {
      decref(vm, items);
      return NULL;
    }
  }
  decref(vm, items);
  return incref(self);
}

static Obj *counter_inplace(VM *vm, Obj *a, Obj *b, int kind) {
  if (!counter_check(b)) return incref(NotImplemented);
  Obj *items = dict_items_list(vm, kind == CNT_AND ? a : b);
  if (!items) return NULL;
  for (ssize i = 0; i < LIST_SIZE(items); i++) {
    Obj *elem = TUPLE_GET(LIST_ITEMS(items)[i], 0), *count = TUPLE_GET(LIST_ITEMS(items)[i], 1);
    Obj *nv = NULL;
    int rc = 0;
    if (kind == CNT_ADD || kind == CNT_SUB) {
      Obj *cur = counter_item(vm, a, elem);
      nv = cur ? obj_binop(vm, cur, count, kind == CNT_ADD ? BINOP_ADD : BINOP_SUB) : NULL;
      xdecref(vm, cur);
      rc = nv ? obj_setitem(vm, a, elem, nv) : -1;
    } else if (kind == CNT_OR) {
      Obj *cur = counter_item(vm, a, elem);
      int gt = cur ? cmp(vm, count, cur, CMP_GT) : -1;
      xdecref(vm, cur);
      rc = gt > 0 ? obj_setitem(vm, a, elem, count) : gt;
    } else {
      Obj *other = counter_item(vm, b, elem);
      int lt = other ? cmp(vm, other, count, CMP_LT) : -1;
      rc = lt > 0 ? obj_setitem(vm, a, elem, other) : lt;
      xdecref(vm, other);
    }
    xdecref(vm, nv);
    if (rc < 0) {
      decref(vm, items);
      return NULL;
    }
  }
  decref(vm, items);
  return keep_positive(vm, a);
}

static Obj *counter_iadd(VM *vm, Obj *a, Obj *b) { return counter_inplace(vm, a, b, CNT_ADD); }
static Obj *counter_isub(VM *vm, Obj *a, Obj *b) { return counter_inplace(vm, a, b, CNT_SUB); }
static Obj *counter_ior(VM *vm, Obj *a, Obj *b) { return counter_inplace(vm, a, b, CNT_OR); }
static Obj *counter_iand(VM *vm, Obj *a, Obj *b) { return counter_inplace(vm, a, b, CNT_AND); }

/* all(self[e] OP other[e] for c in (self, other) for e in c) */
static int counter_all(VM *vm, Obj *a, Obj *b, CmpOp op) {
  Obj *both[2] = {a, b};
  for (int w = 0; w < 2; w++) {
    Obj *keys = dict_keys_list(vm, both[w]);
    if (!keys) return -1;
    for (ssize i = 0; i < LIST_SIZE(keys); i++) {
      Obj *e = LIST_ITEMS(keys)[i];
      Obj *x = counter_item(vm, a, e), *y = x ? counter_item(vm, b, e) : NULL;
      int r = y ? cmp(vm, x, y, op) : -1;
      xdecref(vm, x);
      xdecref(vm, y);
      if (r <= 0) {
        decref(vm, keys);
        return r;
      }
    }
    decref(vm, keys);
  }
  return 1;
}

static Obj *counter_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!counter_check(a) || !counter_check(b)) return incref(NotImplemented);
  int r;
  switch (op) {
  case CMP_EQ: r = counter_all(vm, a, b, CMP_EQ); break;
  case CMP_NE:
    r = counter_all(vm, a, b, CMP_EQ);
    if (r >= 0) r = !r;
    break;
  case CMP_LE: r = counter_all(vm, a, b, CMP_LE); break;
  case CMP_GE: r = counter_all(vm, a, b, CMP_GE); break;
  case CMP_LT:
    r = counter_all(vm, a, b, CMP_LE);
    if (r > 0) {
      r = counter_all(vm, a, b, CMP_EQ);
      if (r >= 0) r = !r;
    }
    break;
  default:
    r = counter_all(vm, a, b, CMP_GE);
    if (r > 0) {
      r = counter_all(vm, a, b, CMP_EQ);
      if (r >= 0) r = !r;
    }
    break;
  }
  return r < 0 ? NULL : bool_new(r);
}

static const MethodDef counter_methods[] = {
  {"__missing__", counter_missing, 0},
  {"update", counter_update, 0},
  {"subtract", counter_subtract, 0},
  {"total", counter_total, 0},
  {"most_common", counter_most_common, 0},
  {"elements", counter_elements, 0},
  {"copy", counter_copy, 0},
  {"__copy__", counter_copy, 0},
  {"fromkeys", counter_fromkeys, METH_CLASS},
  {NULL, NULL, 0},
};

/* Counter is a Python class in CPython: its name in messages is "Counter"
** and its __module__ "collections", a static immortal str. */
static StrObj collections_str = {
  .ob = OBJ_STATIC_INIT(&Str_Type), .length = 11, .nbytes = 11, .hash = -1,
  .ascii = 1, .data = "collections",
};

TypeObj Counter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "Counter",
  .module = (Obj *)&collections_str,
  .tag = HT_TAG_DICT,
  .base = &Dict_Type,
  .flags = TF_GC | TF_BASETYPE,
  .init = counter_init,
  .repr = counter_repr,
  .richcmp = counter_richcmp,
  .setitem = counter_setitem,
  .binop = {[BINOP_ADD] = counter_add, [BINOP_SUB] = counter_sub,
            [BINOP_OR] = counter_or, [BINOP_AND] = counter_and},
  .inplace = {[BINOP_ADD] = counter_iadd, [BINOP_SUB] = counter_isub,
              [BINOP_OR] = counter_ior, [BINOP_AND] = counter_iand},
  .pos = counter_pos,
  .neg = counter_neg,
  .methods = counter_methods,
  .doc = "Dict subclass for counting hashable items.  Sometimes called a bag\n"
         "or multiset.  Elements are stored as dictionary keys and their counts\n"
         "are stored as dictionary values.",
};

/* ------------------------------------------------------------------ */
/* namedtuple                                                         */
/* ------------------------------------------------------------------ */

/* _tuplegetter(index, doc): the field accessor descriptor. */
typedef struct TupleGetterObj {
  Obj ob;
  ssize index;                    /* the field's position */
  Obj *doc;                       /* __doc__ (owned) */
} TupleGetterObj;

static void tg_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  obj_setref(vm, &((TupleGetterObj *)o)->doc, NULL);
  gc_free(vm, o, sizeof(TupleGetterObj));
}

static int tg_traverse(Obj *o, visitproc visit, void *arg) {
  Obj *d = ((TupleGetterObj *)o)->doc;
  return d ? visit(d, EDGE_OTHER, 0, NULL, arg) : 0;
}

static int tg_clear(VM *vm, Obj *o) {
  obj_setref(vm, &((TupleGetterObj *)o)->doc, NULL);
  return 0;
}

static Obj *tg_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  TupleGetterObj *g = (TupleGetterObj *)descr;
  if (!obj || obj == None) return incref(descr);
  if (!tuple_check(obj))
    return vm_raise(vm, &Exc_TypeError,
                    "descriptor for index '%zd' for tuple subclasses doesn't apply to '%s' object",
                    (ssize_t)g->index, obj_type_name(obj));
  if (g->index >= TUPLE_SIZE(obj))
    return vm_raise(vm, &Exc_IndexError, "tuple index out of range");
  return incref(TUPLE_GET(obj, g->index));
}

static int tg_set(VM *vm, Obj *descr, Obj *obj, Obj *value) {
  vm_raise(vm, &Exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
  return -1;
}

static Obj *tg_repr(VM *vm, Obj *o) {
  TupleGetterObj *g = (TupleGetterObj *)o;
  return str_fromf(vm, "_tuplegetter(%zd, %R)", (ssize_t)g->index, g->doc ? g->doc : None);
}

static Obj *tg_get_doc(VM *vm, Obj *o) {
  Obj *d = ((TupleGetterObj *)o)->doc;
  return incref(d ? d : None);
}

static int tg_set_doc(VM *vm, Obj *o, Obj *v) {
  obj_setref(vm, &((TupleGetterObj *)o)->doc, xincref(v));
  return 0;
}

static const GetSetDef tg_getset[] = {
  {"__doc__", tg_get_doc, tg_set_doc},
  {NULL, NULL, NULL},
};

static TypeObj TupleGetter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "_collections._tuplegetter",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(TupleGetterObj),
  .flags = TF_GC,
  .dealloc = tg_dealloc,
  .traverse = tg_traverse,
  .clear = tg_clear,
  .repr = tg_repr,
  .descr_get = tg_get,
  .descr_set = tg_set,
  .getset = tg_getset,
};

/* A C callable that binds like a function: the namedtuple methods.  FN gets
** the NTMeth's DATA (a tuple: field names, defaults dict) and the call's
** arguments, the first being the instance or class. */
typedef Obj *(*ntfunc)(VM *vm, Obj *data, Obj *const *args, size_t nargs, Obj *kwnames);

typedef struct NTMethObj {
  Obj ob;
  ntfunc fn;                      /* implementation */
  Obj *name;                      /* __name__ (owned str) */
  Obj *qualname;                  /* __qualname__ (owned str) */
  Obj *data;                      /* (typename, fields, defaults) (owned) */
} NTMethObj;

static int ntm_traverse(Obj *o, visitproc visit, void *arg) {
  NTMethObj *m = (NTMethObj *)o;
  int r;
  if (m->name && (r = visit(m->name, EDGE_OTHER, 0, NULL, arg))) return r;
  if (m->qualname && (r = visit(m->qualname, EDGE_OTHER, 1, NULL, arg))) return r;
  if (m->data && (r = visit(m->data, EDGE_OTHER, 2, NULL, arg))) return r;
  return 0;
}

static int ntm_clear(VM *vm, Obj *o) {
  NTMethObj *m = (NTMethObj *)o;
  obj_setref(vm, &m->name, NULL);
  obj_setref(vm, &m->qualname, NULL);
  obj_setref(vm, &m->data, NULL);
  return 0;
}

static void ntm_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  ntm_clear(vm, o);
  gc_free(vm, o, sizeof(NTMethObj));
}

static Obj *ntm_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs, Obj *kwnames) {
  NTMethObj *m = (NTMethObj *)callable;
  return m->fn(vm, m->data, args, nargs, kwnames);
}

static Obj *ntm_descr_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  if (!obj || obj == None) return incref(descr);
  return method_new(vm, descr, obj);
}

static Obj *ntm_repr(VM *vm, Obj *o) {
  return str_fromf(vm, "<function %S at %p>", ((NTMethObj *)o)->qualname, (void *)o);
}

static Obj *ntm_get_name(VM *vm, Obj *o) { return incref(((NTMethObj *)o)->name); }
static Obj *ntm_get_qualname(VM *vm, Obj *o) { return incref(((NTMethObj *)o)->qualname); }

static Obj *nt_new(VM *vm, Obj *data, Obj *const *args, size_t nargs, Obj *kwnames);

/* __defaults__: __new__'s are the defaults= values (in field order, they
** are the last fields'); the other methods have none. */
static Obj *ntm_get_defaults(VM *vm, Obj *o) {
  NTMethObj *m = (NTMethObj *)o;
  Obj *defaults = m->data ? TUPLE_GET(m->data, 2) : NULL;
  if (m->fn != nt_new || !defaults || dict_size(defaults) == 0) return none_new();
  Obj *l = list_new(vm, 0);
  if (!l) return NULL;
  ssize pos = 0;
  Obj *k, *v;
  while (dict_next(defaults, &pos, &k, &v))
    if (list_append(vm, l, v) < 0) {
      decref(vm, l);
      return NULL;
    }
  Obj *t = list_as_tuple(vm, l);
  decref(vm, l);
  return t;
}

static const GetSetDef ntm_getset[] = {
  {"__defaults__", ntm_get_defaults, NULL},
  {"__name__", ntm_get_name, NULL},
  {"__qualname__", ntm_get_qualname, NULL},
  {NULL, NULL, NULL},
};

static TypeObj NTMeth_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "function",
  .tag = HT_TAG_FUNCTION,
  .basicsize = sizeof(NTMethObj),
  .flags = TF_GC,
  .dealloc = ntm_dealloc,
  .traverse = ntm_traverse,
  .clear = ntm_clear,
  .repr = ntm_repr,
  .call = ntm_call,
  .descr_get = ntm_descr_get,
  .getset = ntm_getset,
};

#define NT_TYPENAME(d) TUPLE_GET(d, 0)
#define NT_FIELDS(d) TUPLE_GET(d, 1)
#define NT_DEFAULTS(d) TUPLE_GET(d, 2)

/* tuple.__new__(cls, iterable) */
static Obj *tuple_of_class(VM *vm, Obj *cls, Obj *iterable) {
  Obj *tnew = obj_getattr_cstr(vm, (Obj *)&Tuple_Type, "__new__");
  if (!tnew) return NULL;
  Obj *r = obj_call2(vm, tnew, cls, iterable);
  decref(vm, tnew);
  return r;
}

/* __new__(_cls, f1, f2, ...) with the fields' defaults. */
static Obj *nt_new(VM *vm, Obj *data, Obj *const *args, size_t nargs, Obj *kwnames) {
  Obj *fields = NT_FIELDS(data), *defaults = NT_DEFAULTS(data);
  ssize n = TUPLE_SIZE(fields);
  Obj *qn = str_fromf(vm, "%S.__new__", NT_TYPENAME(data));
  if (!qn) return NULL;
  if (nargs < 1) {
    vm_raise(vm, &Exc_TypeError, "%S() missing 1 required positional argument: '_cls'", qn);
    decref(vm, qn);
    return NULL;
  }
  Obj *cls = args[0];
  args++;
  nargs--;
  ssize ndef = dict_size(defaults), nreq = n - ndef;
  Obj *vals = tuple_new(vm, n);
  if (!vals) {
    decref(vm, qn);
    return NULL;
  }
  for (ssize i = 0; i < n; i++) TUPLE_ITEMS(vals)[i] = NULL;
  Obj *r = NULL;
  if ((ssize)nargs > n) {
    if (ndef)
      vm_raise(vm, &Exc_TypeError, "%S() takes from %zd to %zd positional arguments but %zu were given",
               qn, (ssize_t)nreq + 1, (ssize_t)n + 1, nargs + 1);
    else
      vm_raise(vm, &Exc_TypeError, "%S() takes %zd positional argument%s but %zu were given", qn,
               (ssize_t)n + 1, n + 1 == 1 ? "" : "s", nargs + 1);
    goto out;
  }
  for (size_t i = 0; i < nargs; i++) TUPLE_ITEMS(vals)[i] = incref(args[i]);
  for (ssize k = 0; k < nkw(kwnames); k++) {
    Obj *kn = TUPLE_GET(kwnames, k);
    ssize j;
    for (j = 0; j < n; j++)
      if (str_eq(kn, TUPLE_GET(fields, j))) break;
    if (j == n) {
      if (str_eq_cstr(kn, "_cls"))
        vm_raise(vm, &Exc_TypeError, "%S() got multiple values for argument '_cls'", qn);
      else
        vm_raise(vm, &Exc_TypeError, "%S() got an unexpected keyword argument '%S'", qn, kn);
      goto out;
    }
    if (TUPLE_ITEMS(vals)[j]) {
      vm_raise(vm, &Exc_TypeError, "%S() got multiple values for argument '%S'", qn, kn);
      goto out;
    }
    TUPLE_ITEMS(vals)[j] = incref(args[nargs + k]);
  }
  ssize missing[64], nmissing = 0;
  for (ssize i = 0; i < n; i++) {
    if (TUPLE_ITEMS(vals)[i]) continue;
    Obj *d = dict_get(vm, defaults, TUPLE_GET(fields, i));
    if (d) TUPLE_ITEMS(vals)[i] = incref(d);
    else if (nmissing < 64) missing[nmissing++] = i;
  }
  if (nmissing) {
    Obj *l = str_from_cstr(vm, "");
    for (ssize i = 0; l && i < nmissing; i++) {
      const char *sep = i == 0 ? "" : nmissing == 2 ? " and " : i == nmissing - 1 ? ", and " : ", ";
      Obj *nl = str_fromf(vm, "%S%s'%S'", l, sep, TUPLE_GET(fields, missing[i]));
      decref(vm, l);
      l = nl;
    }
    if (l) {
      vm_raise(vm, &Exc_TypeError, "%S() missing %zd required positional argument%s: %S", qn,
               (ssize_t)nmissing, nmissing == 1 ? "" : "s", l);
      decref(vm, l);
    }
    goto out;
  }
  r = tuple_of_class(vm, cls, vals);
out:
  for (ssize i = 0; i < n; i++)
    if (!TUPLE_ITEMS(vals)[i]) TUPLE_ITEMS(vals)[i] = incref(None);
  decref(vm, vals);
  decref(vm, qn);
  return r;
}

/* _make(cls, iterable) */
static Obj *nt_make(VM *vm, Obj *data, Obj *const *args, size_t nargs, Obj *kwnames) {
  static const char *const names[] = {"cls", "iterable"};
  PyArgSpec spec = {"_make", names, 2, 0, 2, 0, 0};
  Obj *a[2];
  if (stdmods_pyargs(vm, &spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *r = tuple_of_class(vm, a[0], a[1]);
  if (!r) return NULL;
  ssize n = TUPLE_SIZE(NT_FIELDS(data));
  if (TUPLE_SIZE(r) != n) {
    vm_raise(vm, &Exc_TypeError, "Expected %zd arguments, got %zd", (ssize_t)n,
             (ssize_t)TUPLE_SIZE(r));
    decref(vm, r);
    return NULL;
  }
  return r;
}

/* _replace(self, /, **kwds) */
static Obj *nt_replace(VM *vm, Obj *data, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "%S._replace() takes 1 positional argument but %zu were given",
                    NT_TYPENAME(data), nargs);
  Obj *self = args[0], *fields = NT_FIELDS(data);
  ssize n = TUPLE_SIZE(fields);
  Obj *kw = kw_dict(vm, args, nargs, kwnames);
  if (!kw) {
    if (vm_exc_occurred(vm)) return NULL;
    kw = dict_new(vm);
    if (!kw) return NULL;
  }
  Obj *vals = list_new(vm, 0), *r = NULL;
  if (!vals) goto out;
  for (ssize i = 0; i < n; i++) {
    Obj *f = TUPLE_GET(fields, i);
    Obj *v = dict_get(vm, kw, f);
    if (v) {
      incref(v);
      if (dict_del(vm, kw, f) < 0) {
        decref(vm, v);
        goto out;
      }
    } else {
      if (vm_exc_occurred(vm)) goto out;
      if (i >= TUPLE_SIZE(self)) break;
      v = incref(TUPLE_GET(self, i));
    }
    int rc = list_append(vm, vals, v);
    decref(vm, v);
    if (rc < 0) goto out;
  }
  if (dict_size(kw)) {
    Obj *keys = dict_keys_list(vm, kw);
    if (keys) {
      vm_raise(vm, &Exc_ValueError, "Got unexpected field names: %R", keys);
      decref(vm, keys);
    }
    goto out;
  }
  {
    Obj *make = obj_getattr_cstr(vm, self, "_make");
    if (make) {
      r = obj_call1(vm, make, vals);
      decref(vm, make);
    }
  }
out:
  xdecref(vm, vals);
  decref(vm, kw);
  return r;
}

static Obj *nt_repr(VM *vm, Obj *data, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs != 1 || nkw(kwnames))
    return vm_raise(vm, &Exc_TypeError, "__repr__() takes 1 positional argument");
  Obj *self = args[0], *fields = NT_FIELDS(data);
  ssize n = TUPLE_SIZE(fields);
  if (TUPLE_SIZE(self) != n)
    return vm_raise(vm, &Exc_TypeError, "not enough arguments for format string");
  int st = repr_enter(vm, self);
  if (st != 0) return st > 0 ? str_from_cstr(vm, "...") : NULL;
  Obj *s = str_from_cstr(vm, ""), *r = NULL;
  for (ssize i = 0; s && i < n; i++) {
    Obj *ns = str_fromf(vm, i ? "%S, %S=%R" : "%S%S=%R", s, TUPLE_GET(fields, i),
                        TUPLE_GET(self, i));
    decref(vm, s);
    s = ns;
  }
  if (s) {
    Obj *name = obj_getattr_cstr(vm, (Obj *)self->type, "__name__");
    if (name) {
      r = str_fromf(vm, "%S(%S)", name, s);
      decref(vm, name);
    }
    decref(vm, s);
  }
  repr_leave(vm, self);
  return r;
}

static Obj *nt_asdict(VM *vm, Obj *data, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs != 1 || nkw(kwnames))
    return vm_raise(vm, &Exc_TypeError, "_asdict() takes 1 positional argument");
  Obj *self = args[0], *fields = NT_FIELDS(data), *d = dict_new(vm);
  for (ssize i = 0; d && i < TUPLE_SIZE(fields) && i < TUPLE_SIZE(self); i++)
    if (dict_set(vm, d, TUPLE_GET(fields, i), TUPLE_GET(self, i)) < 0) obj_setref(vm, &d, NULL);
  return d;
}

static Obj *nt_getnewargs(VM *vm, Obj *data, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (nargs != 1 || nkw(kwnames))
    return vm_raise(vm, &Exc_TypeError, "__getnewargs__() takes 1 positional argument");
  return tuple_from_array(vm, TUPLE_ITEMS(args[0]), TUPLE_SIZE(args[0]));
}

static Obj *ntm_new(VM *vm, ntfunc fn, const char *name, Obj *data) {
  NTMethObj *m = (NTMethObj *)gc_alloc(vm, &NTMeth_Type, sizeof(NTMethObj));
  if (!m) return NULL;
  m->fn = fn;
  m->data = incref(data);
  m->name = str_from_cstr(vm, name);
  m->qualname = str_fromf(vm, "%S.%s", NT_TYPENAME(data), name);
  if (!m->name || !m->qualname) {
    decref(vm, (Obj *)m);
    return NULL;
  }
  return (Obj *)m;
}

/* ns[NAME] = VALUE, stealing VALUE (NULL: an error is already set). */
static int ns_set(VM *vm, Obj *ns, const char *name, Obj *value) {
  if (!value) return -1;
  int r = dict_set_cstr(vm, ns, name, value);
  decref(vm, value);
  return r;
}

static const char *const py_keywords[] = {
  "False", "None", "True", "and", "as", "assert", "async", "await", "break",
  "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
  "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
  "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

static int is_identifier(VM *vm, Obj *s) {
  Obj *r = obj_call_method(vm, s, "isidentifier", NULL, 0);
  if (!r) return -1;
  int t = r == True_;
  decref(vm, r);
  return t;
}

static bool is_keyword(Obj *s) {
  for (size_t i = 0; i < sizeof py_keywords / sizeof *py_keywords; i++)
    if (str_eq_cstr(s, py_keywords[i])) return true;
  return false;
}

static const char *const nt_names[] = {"typename", "field_names", "rename", "defaults", "module"};
static const PyArgSpec nt_spec = {"namedtuple", nt_names, 2, 0, 2, 3, 0};

static Obj *co_namedtuple(CO_ARGS) {
  Obj *a[5];
  if (stdmods_pyargs(vm, &nt_spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *typename = a[0], *fields = NULL, *defaults = NULL, *ns = NULL, *cls = NULL;
  Obj *data = NULL, *result = NULL;
  int rename = a[2] ? obj_truthy(vm, a[2]) : 0;
  if (rename < 0) return NULL;
  if (!str_check(typename)) {
    typename = obj_str(vm, typename);
    if (!typename) return NULL;
  } else {
    incref(typename);
  }
  /* field_names: a str split on commas and white space, or an iterable */
  Obj *names;
  if (str_check(a[1])) {
    Obj *comma = str_from_cstr(vm, ","), *space = str_from_cstr(vm, " ");
    Obj *rep[2] = {comma, space};
    Obj *replaced = comma && space ? obj_call_method(vm, a[1], "replace", rep, 2) : NULL;
    xdecref(vm, comma);
    xdecref(vm, space);
    names = replaced ? obj_call_method(vm, replaced, "split", NULL, 0) : NULL;
    xdecref(vm, replaced);
  } else {
    names = seq_to_list(vm, a[1]);
    for (ssize i = 0; names && i < LIST_SIZE(names); i++) {
      Obj *s = obj_str(vm, LIST_ITEMS(names)[i]);
      if (!s) obj_setref(vm, &names, NULL);
      else obj_setref(vm, &LIST_ITEMS(names)[i], s);
    }
  }
  if (!names) goto out;
  str_intern_inplace(vm, &typename);
  if (rename) {
    Obj *seen = set_new(vm, NULL);
    if (!seen) {
      decref(vm, names);
      goto out;
    }
    for (ssize i = 0; i < LIST_SIZE(names); i++) {
      Obj *nm = LIST_ITEMS(names)[i];
      int id = is_identifier(vm, nm), in = id < 0 ? -1 : set_contains(vm, seen, nm);
      if (in < 0) {
        decref(vm, seen);
        decref(vm, names);
        goto out;
      }
      /* seen holds the names as given, as collections/__init__.py */
      if (set_add(vm, seen, nm) < 0) {
        decref(vm, seen);
        decref(vm, names);
        goto out;
      }
      if (!id || is_keyword(nm) || STR_UTF8(nm)[0] == '_' || in) {
        Obj *nn = str_fromf(vm, "_%zd", (ssize_t)i);
        if (!nn) {
          decref(vm, seen);
          decref(vm, names);
          goto out;
        }
        obj_setref(vm, &LIST_ITEMS(names)[i], nn);
      }
    }
    decref(vm, seen);
  }
  fields = list_as_tuple(vm, names);
  decref(vm, names);
  if (!fields) goto out;
  for (ssize i = -1; i < TUPLE_SIZE(fields); i++) {
    Obj *nm = i < 0 ? typename : TUPLE_GET(fields, i);
    if (!str_check(nm)) {
      vm_raise(vm, &Exc_TypeError, "Type names and field names must be strings");
      goto out;
    }
    int id = is_identifier(vm, nm);
    if (id < 0) goto out;
    if (!id) {
      vm_raise(vm, &Exc_ValueError, "Type names and field names must be valid identifiers: %R", nm);
      goto out;
    }
    if (is_keyword(nm)) {
      vm_raise(vm, &Exc_ValueError, "Type names and field names cannot be a keyword: %R", nm);
      goto out;
    }
  }
  {
    Obj *seen = set_new(vm, NULL);
    if (!seen) goto out;
    for (ssize i = 0; i < TUPLE_SIZE(fields); i++) {
      Obj *nm = TUPLE_GET(fields, i);
      if (STR_UTF8(nm)[0] == '_' && !rename) {
        vm_raise(vm, &Exc_ValueError, "Field names cannot start with an underscore: %R", nm);
        decref(vm, seen);
        goto out;
      }
      int in = set_contains(vm, seen, nm);
      if (in || set_add(vm, seen, nm) < 0) {
        if (in > 0) vm_raise(vm, &Exc_ValueError, "Encountered duplicate field name: %R", nm);
        decref(vm, seen);
        goto out;
      }
    }
    decref(vm, seen);
  }
  if (!(defaults = dict_new(vm))) goto out;
  if (a[3] && a[3] != None) {
    Obj *dt = seq_to_tuple(vm, a[3]);
    if (!dt) goto out;
    ssize nd = TUPLE_SIZE(dt), nf = TUPLE_SIZE(fields);
    if (nd > nf) {
      vm_raise(vm, &Exc_TypeError, "Got more default values than field names");
      decref(vm, dt);
      goto out;
    }
    for (ssize i = 0; i < nd; i++)
      if (dict_set(vm, defaults, TUPLE_GET(fields, nf - nd + i), TUPLE_GET(dt, i)) < 0) {
        decref(vm, dt);
        goto out;
      }
    decref(vm, dt);
  }
  if (!(data = tuple_pack(vm, 3, typename, fields, defaults))) goto out;
  if (!(ns = dict_new(vm))) goto out;
  {
    /* the docstring "Point(x, y)" */
    Obj *sep = str_from_cstr(vm, ", ");
    Obj *joined = sep ? str_join(vm, sep, TUPLE_ITEMS(fields), TUPLE_SIZE(fields)) : NULL;
    xdecref(vm, sep);
    if (!joined) goto out;
    int rc = ns_set(vm, ns, "__doc__", str_fromf(vm, "%S(%S)", typename, joined));
    decref(vm, joined);
    if (rc < 0) goto out;
  }
  if (dict_set_cstr(vm, ns, "__slots__", vm->empty_tuple) < 0 ||
      dict_set_cstr(vm, ns, "_fields", fields) < 0 ||
      dict_set_cstr(vm, ns, "_field_defaults", defaults) < 0 ||
      dict_set_cstr(vm, ns, "__match_args__", fields) < 0)
    goto out;
  {
    Obj *newf = ntm_new(vm, nt_new, "__new__", data);
    Obj *sm = newf ? obj_call1(vm, (Obj *)&StaticMethod_Type, newf) : NULL;
    xdecref(vm, newf);
    if (ns_set(vm, ns, "__new__", sm) < 0) goto out;
    Obj *makef = ntm_new(vm, nt_make, "_make", data);
    Obj *cm = makef ? obj_call1(vm, (Obj *)&ClassMethod_Type, makef) : NULL;
    xdecref(vm, makef);
    if (ns_set(vm, ns, "_make", cm) < 0 ||
        ns_set(vm, ns, "_replace", ntm_new(vm, nt_replace, "_replace", data)) < 0 ||
        ns_set(vm, ns, "__repr__", ntm_new(vm, nt_repr, "__repr__", data)) < 0 ||
        ns_set(vm, ns, "_asdict", ntm_new(vm, nt_asdict, "_asdict", data)) < 0 ||
        ns_set(vm, ns, "__getnewargs__", ntm_new(vm, nt_getnewargs, "__getnewargs__", data)) < 0)
      goto out;
  }
  for (ssize i = 0; i < TUPLE_SIZE(fields); i++) {
    TupleGetterObj *g = (TupleGetterObj *)gc_alloc(vm, &TupleGetter_Type, sizeof(TupleGetterObj));
    if (!g) goto out;
    g->index = i;
    g->doc = str_fromf(vm, "Alias for field number %zd", (ssize_t)i);
    if (!g->doc) {
      decref(vm, (Obj *)g);
      goto out;
    }
    int rc = dict_set(vm, ns, TUPLE_GET(fields, i), (Obj *)g);
    decref(vm, (Obj *)g);
    if (rc < 0) goto out;
  }
  {
    /* __module__: module=, else the caller's __name__ */
    Obj *mod = a[4] && a[4] != None ? a[4] : NULL;
    if (!mod && vm->frame && vm->frame->globals)
      mod = dict_get_cstr(vm, vm->frame->globals, "__name__");
    if (dict_set_cstr(vm, ns, "__module__", mod ? mod : vm->str_main) < 0) goto out;
  }
  {
    Obj *bases = tuple_pack(vm, 1, (Obj *)&Tuple_Type);
    if (!bases) goto out;
    Obj *targs[3] = {typename, bases, ns};
    cls = obj_call(vm, (Obj *)&Type_Type, targs, 3, NULL);
    decref(vm, bases);
    if (!cls) {
      if (vm_exc_matches(vm, &Exc_NotImplementedError)) {
        /* say which construct namedtuple was missing */
        Obj *exc = vm_exc_fetch(vm), *msg = obj_str(vm, exc);
        decref(vm, exc);
        if (msg) {
          vm_raise(vm, &Exc_NotImplementedError, "collections.namedtuple needs classes: %S", msg);
          decref(vm, msg);
        }
      }
      goto out;
    }
  }
  result = cls;
out:
  xdecref(vm, typename);
  xdecref(vm, fields);
  xdecref(vm, defaults);
  xdecref(vm, data);
  xdecref(vm, ns);
  return result;
}

/* ------------------------------------------------------------------ */
/* The module                                                         */
/* ------------------------------------------------------------------ */

static const MethodDef collections_funcs[] = {
  {"namedtuple", co_namedtuple, 0},
  {NULL, NULL, 0},
};

static TypeObj *const collections_types[] = {
  &Deque_Type, &DefaultDict_Type, &OrderedDict_Type, &Counter_Type, NULL,
};

static TypeObj *const collections_hidden[] = {
  &DequeIter_Type, &DequeRevIter_Type, &TupleGetter_Type, &NTMeth_Type, NULL,
};

Obj *collectionsmod_init(VM *vm) {
  if (stdmods_ready(vm, stdmods_types) < 0 || stdmods_ready(vm, collections_hidden) < 0)
    return NULL;
  return stdmods_module(vm, "collections", collections_funcs, collections_types);
}
