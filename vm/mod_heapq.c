/*
** mod_heapq.c -- the `heapq` module: a binary min-heap kept in a list
** (heappush, heappop, heapify, heapreplace, heappushpop, and the max-heap
** helpers _heapify_max, _heappop_max, _heapreplace_max), nlargest /
** nsmallest, and merge.
**
** The algorithms are CPython's, step for step: siftdown moves a new leaf up
** towards the root while it is smaller than its parent; siftup first walks
** the smaller child up to a leaf, then sifts the displaced item down
** (fewer comparisons than the textbook version, and the comparisons CPython
** makes, in its order); heapify of more than 2500 items uses CPython's
** cache-friendly order.  nlargest and nsmallest decorate the items with
** their position (and key) in tuples exactly as heapq.py does, so ties
** resolve the same way and the same comparisons run.
*/
#include "config.h"

#include "containers.h"
#include "int.h"
#include "modules.h"
#include "stdmods.h"
#include "str.h"
#include "vm.h"

#define HQ_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

/* The comparison of a heap: LT(a, b) for a min-heap, LT(b, a) for max. */
static int heap_less(VM *vm, Obj *a, Obj *b, bool max) {
  if (max) {
    Obj *t = a;
    a = b;
    b = t;
  }
  /* exact small ints and floats compare without a call */
  if (a->type == b->type) {
    if (a->type == &Int_Type && int_is_small(a) && int_is_small(b))
      return int_small_value(a) < int_small_value(b);
    if (a->type == &Float_Type) return FLOAT_VAL(a) < FLOAT_VAL(b);
  }
  incref(a);
  incref(b);
  int r = obj_richcmp_bool(vm, a, b, CMP_LT);
  decref(vm, a);
  decref(vm, b);
  return r;
}

static int changed_size(VM *vm) {
  vm_raise(vm, &Exc_RuntimeError, "list changed size during iteration");
  return -1;
}

/* Move the item at POS up towards STARTPOS while it beats its parent. */
static int siftdown(VM *vm, Obj *heap, ssize startpos, ssize pos, bool max) {
  ssize size = LIST_SIZE(heap);
  if (pos >= size) {
    vm_raise(vm, &Exc_IndexError, "index out of range");
    return -1;
  }
  while (pos > startpos) {
    ssize parentpos = (pos - 1) >> 1;
    Obj **arr = LIST_ITEMS(heap);
    int lt = heap_less(vm, arr[pos], arr[parentpos], max);
    if (lt < 0) return -1;
    if (size != LIST_SIZE(heap)) return changed_size(vm);
    if (!lt) break;
    arr = LIST_ITEMS(heap);
    Obj *parent = arr[parentpos];
    arr[parentpos] = arr[pos];
    arr[pos] = parent;
    pos = parentpos;
  }
  return 0;
}

/* Walk the smaller child of POS up to a leaf, then sift down from there. */
static int siftup(VM *vm, Obj *heap, ssize pos, bool max) {
  ssize endpos = LIST_SIZE(heap), startpos = pos;
  if (pos >= endpos) {
    vm_raise(vm, &Exc_IndexError, "index out of range");
    return -1;
  }
  ssize limit = endpos >> 1;
  while (pos < limit) {
    ssize childpos = 2 * pos + 1;
    if (childpos + 1 < endpos) {
      Obj **arr = LIST_ITEMS(heap);
      int lt = heap_less(vm, arr[childpos], arr[childpos + 1], max);
      if (lt < 0) return -1;
      childpos += lt ^ 1;
      if (endpos != LIST_SIZE(heap)) return changed_size(vm);
    }
    Obj **arr = LIST_ITEMS(heap);
    Obj *tmp = arr[childpos];
    arr[childpos] = arr[pos];
    arr[pos] = tmp;
    pos = childpos;
  }
  return siftdown(vm, heap, startpos, pos, max);
}

static ssize keep_top_bit(ssize n) {
  int i = 0;
  while (n > 1) {
    n >>= 1;
    i++;
  }
  return n << i;
}

static int heapify(VM *vm, Obj *heap, bool max) {
  ssize n = LIST_SIZE(heap);
  if (n > 2500) {
    ssize m = n >> 1, leftmost = keep_top_bit(m + 1) - 1, mhalf = m >> 1;
    for (ssize i = leftmost - 1; i >= mhalf; i--)
      for (ssize j = i;; j >>= 1) {
        if (siftup(vm, heap, j, max) < 0) return -1;
        if (!(j & 1)) break;
      }
    for (ssize i = m - 1; i >= leftmost; i--)
      for (ssize j = i;; j >>= 1) {
        if (siftup(vm, heap, j, max) < 0) return -1;
        if (!(j & 1)) break;
      }
    return 0;
  }
  for (ssize i = (n >> 1) - 1; i >= 0; i--)
    if (siftup(vm, heap, i, max) < 0) return -1;
  return 0;
}

/* The list argument check: "heappush() argument 1 must be list, not int". */
static bool need_list(VM *vm, const char *fname, const char *which, Obj *o) {
  if (list_check(o)) return true;
  vm_raise(vm, &Exc_TypeError, "%s() %s must be list, not %s", fname, which,
           obj_type_name(o));
  return false;
}

static Obj *heappop_common(VM *vm, Obj *heap, bool max) {
  if (LIST_SIZE(heap) == 0)
    return vm_raise(vm, &Exc_IndexError, "index out of range");
  Obj *last = list_pop(vm, heap);
  if (!last) return NULL;
  if (LIST_SIZE(heap) == 0) return last;
  Obj *ret = LIST_ITEMS(heap)[0];
  LIST_ITEMS(heap)[0] = last;
  if (siftup(vm, heap, 0, max) < 0) {
    decref(vm, ret);
    return NULL;
  }
  return ret;
}

static Obj *heapreplace_common(VM *vm, Obj *heap, Obj *item, bool max) {
  if (LIST_SIZE(heap) == 0)
    return vm_raise(vm, &Exc_IndexError, "index out of range");
  Obj *ret = LIST_ITEMS(heap)[0];
  LIST_ITEMS(heap)[0] = incref(item);
  if (siftup(vm, heap, 0, max) < 0) {
    decref(vm, ret);
    return NULL;
  }
  return ret;
}

static Obj *hq_heappush(HQ_ARGS) {
  if (mod_check_pos(vm, "heappush", nargs, kwnames, 2, 2) < 0) return NULL;
  if (!need_list(vm, "heappush", "argument 1", args[0])) return NULL;
  if (list_append(vm, args[0], args[1]) < 0) return NULL;
  if (siftdown(vm, args[0], 0, LIST_SIZE(args[0]) - 1, false) < 0) return NULL;
  return none_new();
}

static Obj *hq_heappop(HQ_ARGS) {
  if (mod_check_o(vm, "_heapq.heappop", nargs, kwnames) < 0) return NULL;
  if (!need_list(vm, "heappop", "argument", args[0])) return NULL;
  return heappop_common(vm, args[0], false);
}

static Obj *hq_heappop_max(HQ_ARGS) {
  if (mod_check_o(vm, "_heapq._heappop_max", nargs, kwnames) < 0) return NULL;
  if (!need_list(vm, "_heappop_max", "argument", args[0])) return NULL;
  return heappop_common(vm, args[0], true);
}

static Obj *hq_heapreplace(HQ_ARGS) {
  if (mod_check_pos(vm, "heapreplace", nargs, kwnames, 2, 2) < 0) return NULL;
  if (!need_list(vm, "heapreplace", "argument 1", args[0])) return NULL;
  return heapreplace_common(vm, args[0], args[1], false);
}

static Obj *hq_heapreplace_max(HQ_ARGS) {
  if (mod_check_pos(vm, "_heapreplace_max", nargs, kwnames, 2, 2) < 0) return NULL;
  if (!need_list(vm, "_heapreplace_max", "argument 1", args[0])) return NULL;
  return heapreplace_common(vm, args[0], args[1], true);
}

static Obj *hq_heappushpop(HQ_ARGS) {
  if (mod_check_pos(vm, "heappushpop", nargs, kwnames, 2, 2) < 0) return NULL;
  Obj *heap = args[0], *item = args[1];
  if (!need_list(vm, "heappushpop", "argument 1", heap)) return NULL;
  if (LIST_SIZE(heap) == 0) return incref(item);
  int lt = heap_less(vm, LIST_ITEMS(heap)[0], item, false);
  if (lt < 0) return NULL;
  if (!lt) return incref(item);
  if (LIST_SIZE(heap) == 0)
    return vm_raise(vm, &Exc_IndexError, "index out of range");
  return heapreplace_common(vm, heap, item, false);
}

static Obj *hq_heapify(HQ_ARGS) {
  if (mod_check_o(vm, "_heapq.heapify", nargs, kwnames) < 0) return NULL;
  if (!need_list(vm, "heapify", "argument", args[0])) return NULL;
  if (heapify(vm, args[0], false) < 0) return NULL;
  return none_new();
}

static Obj *hq_heapify_max(HQ_ARGS) {
  if (mod_check_o(vm, "_heapq._heapify_max", nargs, kwnames) < 0) return NULL;
  if (!need_list(vm, "_heapify_max", "argument", args[0])) return NULL;
  if (heapify(vm, args[0], true) < 0) return NULL;
  return none_new();
}

/* ------------------------------------------------------------------ */
/* nlargest / nsmallest                                               */
/* ------------------------------------------------------------------ */

static Obj sentinel = OBJ_STATIC_INIT(&Object_Type);

/* max(iterable, default=sentinel, key=key) via the builtins. */
static Obj *builtin_best(VM *vm, Obj *iterable, Obj *key, bool largest) {
  Obj *f = dict_get_cstr(vm, vm->builtins, largest ? "max" : "min");
  if (!f) return vm_raise(vm, &Exc_RuntimeError, "lost builtins.%s", largest ? "max" : "min");
  Obj *names = tuple_pack(vm, 2, str_intern_cstr(vm, "default"), str_intern_cstr(vm, "key"));
  if (!names) return NULL;
  Obj *it = obj_iter(vm, iterable);
  if (!it) {
    decref(vm, names);
    return NULL;
  }
  Obj *v[3] = {it, &sentinel, key ? key : None};
  Obj *r = obj_call(vm, f, v, 1, names);
  decref(vm, names);
  decref(vm, it);
  if (!r) return NULL;
  Obj *l = list_new(vm, 0);
  if (l && r != &sentinel && list_append(vm, l, r) < 0) {
    decref(vm, l);
    l = NULL;
  }
  decref(vm, r);
  return l;
}

static Obj *builtin_sorted(VM *vm, Obj *iterable, Obj *key, bool reverse) {
  Obj *f = dict_get_cstr(vm, vm->builtins, "sorted");
  if (!f) return vm_raise(vm, &Exc_RuntimeError, "lost builtins.sorted");
  Obj *names = tuple_pack(vm, 2, str_intern_cstr(vm, "key"), str_intern_cstr(vm, "reverse"));
  if (!names) return NULL;
  Obj *v[3] = {iterable, key ? key : None, reverse ? True_ : False_};
  Obj *r = obj_call(vm, f, v, 1, names);
  decref(vm, names);
  return r;
}

Obj *heapq_nbest(VM *vm, Obj *n, Obj *iterable, Obj *key, bool largest) {
  if (key == None) key = NULL;
  Obj *one = int_from_i64(vm, 1);
  int is1 = obj_eq(vm, n, one);
  decref(vm, one);
  if (is1 < 0) return NULL;
  if (is1) return builtin_best(vm, iterable, key, largest);

  ssize size = obj_len(vm, iterable);
  if (size < 0) {
    if (!vm_exc_matches(vm, &Exc_TypeError) && !vm_exc_matches(vm, &Exc_AttributeError))
      return NULL;
    vm_exc_clear(vm);
  } else {
    Obj *so = int_from_i64(vm, size);
    if (!so) return NULL;
    int ge = obj_richcmp_bool(vm, n, so, CMP_GE);
    decref(vm, so);
    if (ge < 0) return NULL;
    if (ge) return builtin_sorted(vm, iterable, key, largest);
  }

  Obj *ni = obj_index(vm, n);
  if (!ni) return NULL;
  ssize cnt = int_sign(ni) <= 0 ? 0 : obj_as_ssize(vm, ni);
  decref(vm, ni);
  if (cnt == -1 && vm_exc_occurred(vm)) return NULL;
  Obj *it = obj_iter(vm, iterable);
  if (!it) return NULL;
  Obj *result = list_new(vm, 0), *elem = NULL, *top = NULL, *kv = NULL;
  if (!result) goto fail;
  ssize width = key ? 3 : 2;
  /* decorate the first N items with their order: 0, 1, ... or 0, -1, ... */
  for (ssize i = 0; i < cnt; i++) {
    elem = stdmods_next(vm, it);
    if (!elem) {
      if (vm_exc_occurred(vm)) goto fail;
      break;
    }
    if (key && !(kv = obj_call1(vm, key, elem))) goto fail;
    Obj *order = int_from_i64(vm, largest ? -i : i);
    if (!order) goto fail;
    Obj *t = key ? tuple_pack(vm, 3, kv, order, elem) : tuple_pack(vm, 2, elem, order);
    decref(vm, order);
    if (!t) goto fail;
    int r = list_append(vm, result, t);
    decref(vm, t);
    if (r < 0) goto fail;
    obj_setref(vm, &elem, NULL);
    obj_setref(vm, &kv, NULL);
  }
  if (LIST_SIZE(result) == 0) {
    decref(vm, it);
    return result;
  }
  if (heapify(vm, result, !largest) < 0) goto fail;
  top = incref(TUPLE_GET(LIST_ITEMS(result)[0], 0));
  int64_t order = largest ? -cnt : cnt;
  for (;;) {
    elem = stdmods_next(vm, it);
    if (!elem) {
      if (vm_exc_occurred(vm)) goto fail;
      break;
    }
    if (key && !(kv = obj_call1(vm, key, elem))) goto fail;
    Obj *cand = key ? kv : elem;
    int better = largest ? obj_richcmp_bool(vm, top, cand, CMP_LT)
                         : obj_richcmp_bool(vm, cand, top, CMP_LT);
    if (better < 0) goto fail;
    if (better) {
      Obj *oo = int_from_i64(vm, order);
      if (!oo) goto fail;
      Obj *t = key ? tuple_pack(vm, 3, kv, oo, elem) : tuple_pack(vm, 2, elem, oo);
      decref(vm, oo);
      if (!t) goto fail;
      Obj *old = heapreplace_common(vm, result, t, !largest);
      decref(vm, t);
      if (!old) goto fail;
      decref(vm, old);
      obj_setref(vm, &top, incref(TUPLE_GET(LIST_ITEMS(result)[0], 0)));
      order += largest ? -1 : 1;
    }
    obj_setref(vm, &elem, NULL);
    obj_setref(vm, &kv, NULL);
  }
  if (list_sort(vm, result, NULL, largest) < 0) goto fail;
  for (ssize i = 0; i < LIST_SIZE(result); i++) {
    Obj *t = LIST_ITEMS(result)[i];
    LIST_ITEMS(result)[i] = incref(TUPLE_GET(t, width == 3 ? 2 : 0));
    decref(vm, t);
  }
  decref(vm, top);
  decref(vm, it);
  return result;
fail:
  xdecref(vm, elem);
  xdecref(vm, kv);
  xdecref(vm, top);
  xdecref(vm, result);
  decref(vm, it);
  return NULL;
}

static const char *const nbest_names[] = {"n", "iterable", "key"};
static const PyArgSpec nlargest_spec = {"nlargest", nbest_names, 3, 0, 2, 0, 0};
static const PyArgSpec nsmallest_spec = {"nsmallest", nbest_names, 3, 0, 2, 0, 0};

static Obj *hq_nlargest(HQ_ARGS) {
  Obj *a[3];
  if (stdmods_pyargs(vm, &nlargest_spec, args, nargs, kwnames, a) < 0) return NULL;
  return heapq_nbest(vm, a[0], a[1], a[2], true);
}

static Obj *hq_nsmallest(HQ_ARGS) {
  Obj *a[3];
  if (stdmods_pyargs(vm, &nsmallest_spec, args, nargs, kwnames, a) < 0) return NULL;
  return heapq_nbest(vm, a[0], a[1], a[2], false);
}

/* ------------------------------------------------------------------ */
/* merge                                                              */
/* ------------------------------------------------------------------ */

/* heapq.merge(*iterables, key=None, reverse=False): heapq.py's generator
** as an iterator.  The heap holds lists [value, order, iterator] (with a
** key: [key, order, value, iterator]) compared as lists, exactly as the
** Python version does; once one input is left it is passed through. */
typedef struct MergeObj {
  Obj ob;
  Obj *iterables;                 /* tuple of the inputs until started (owned) */
  Obj *key;                       /* key function or NULL (owned) */
  Obj *heap;                      /* list of entries (owned) */
  Obj *tail;                      /* the last input's iterator (owned) */
  bool reverse;                   /* reverse=True: a max-heap */
  bool advance;                   /* the root was yielded: step it first */
  int state;                      /* 0 not started, 1 merging, 2 tail, 3 done */
} MergeObj;

static int merge_traverse(Obj *o, visitproc visit, void *arg) {
  MergeObj *m = (MergeObj *)o;
  Obj *refs[4] = {m->iterables, m->key, m->heap, m->tail};
  for (int i = 0; i < 4; i++)
    if (refs[i]) {
      int r = visit(refs[i], EDGE_OTHER, i, NULL, arg);
      if (r) return r;
    }
  return 0;
}

static int merge_clear(VM *vm, Obj *o) {
  MergeObj *m = (MergeObj *)o;
  obj_setref(vm, &m->iterables, NULL);
  obj_setref(vm, &m->key, NULL);
  obj_setref(vm, &m->heap, NULL);
  obj_setref(vm, &m->tail, NULL);
  return 0;
}

static void merge_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  merge_clear(vm, o);
  gc_free(vm, o, sizeof(MergeObj));
}

static Obj *merge_iter(VM *vm, Obj *o) { return incref(o); }

/* A heap entry for VALUE read from IT at position ORDER. */
static Obj *merge_entry(VM *vm, MergeObj *m, Obj *value, ssize order, Obj *it) {
  Obj *ord = int_from_i64(vm, m->reverse ? -order : order);
  if (!ord) return NULL;
  Obj *e;
  if (m->key) {
    Obj *k = obj_call1(vm, m->key, value);
    e = k ? list_from_array(vm, (Obj *[]){k, ord, value, it}, 4) : NULL;
    xdecref(vm, k);
  } else {
    e = list_from_array(vm, (Obj *[]){value, ord, it}, 3);
  }
  decref(vm, ord);
  return e;
}

static int merge_start(VM *vm, MergeObj *m) {
  if (!(m->heap = list_new(vm, 0))) return -1;
  for (ssize i = 0; i < TUPLE_SIZE(m->iterables); i++) {
    Obj *it = obj_iter(vm, TUPLE_GET(m->iterables, i));
    if (!it) return -1;
    Obj *v = stdmods_next(vm, it);
    if (!v) {
      decref(vm, it);
      if (vm_exc_occurred(vm)) return -1;
      continue;
    }
    Obj *e = merge_entry(vm, m, v, i, it);
    decref(vm, v);
    decref(vm, it);
    if (!e || list_append(vm, m->heap, e) < 0) {
      xdecref(vm, e);
      return -1;
    }
    decref(vm, e);
  }
  obj_setref(vm, &m->iterables, NULL);
  return heapify(vm, m->heap, m->reverse);
}

static Obj *merge_next(VM *vm, Obj *o) {
  MergeObj *m = (MergeObj *)o;
  if (m->state == 0) {
    m->state = 3;
    if (merge_start(vm, m) < 0) return NULL;
    m->state = 1;
  }
  if (m->state == 1) {
    Obj *h = m->heap;
    int vi = m->key ? 2 : 0, ii = m->key ? 3 : 2;
    if (m->advance) {
      m->advance = false;
      Obj *s = LIST_ITEMS(h)[0];
      Obj *v = stdmods_next(vm, LIST_ITEMS(s)[ii]);
      if (v) {
        if (m->key) {
          Obj *k = obj_call1(vm, m->key, v);
          if (!k) {
            decref(vm, v);
            return NULL;
          }
          obj_setref(vm, &LIST_ITEMS(s)[2], v);
          obj_setref(vm, &LIST_ITEMS(s)[0], k);
        } else {
          obj_setref(vm, &LIST_ITEMS(s)[0], v);
        }
        if (siftup(vm, h, 0, m->reverse) < 0) return NULL;
      } else {
        if (vm_exc_occurred(vm)) return NULL;
        Obj *gone = heappop_common(vm, h, m->reverse);
        if (!gone) return NULL;
        decref(vm, gone);
      }
    }
    if (LIST_SIZE(h) > 1) {
      m->advance = true;
      return incref(LIST_ITEMS(LIST_ITEMS(h)[0])[vi]);
    }
    if (LIST_SIZE(h) == 1) {
      Obj *s = LIST_ITEMS(h)[0];
      m->tail = incref(LIST_ITEMS(s)[ii]);
      m->state = 2;
      return incref(LIST_ITEMS(s)[vi]);
    }
    m->state = 3;
    return NULL;
  }
  if (m->state == 2) {
    Obj *v = stdmods_next(vm, m->tail);
    if (!v) m->state = 3;
    return v;
  }
  return NULL;
}

static TypeObj Merge_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "heapq.merge",
  .tag = HT_TAG_ITERATOR,
  .basicsize = sizeof(MergeObj),
  .flags = TF_GC,
  .dealloc = merge_dealloc,
  .traverse = merge_traverse,
  .clear = merge_clear,
  .iter = merge_iter,
  .iternext = merge_next,
};

static Obj *hq_merge(HQ_ARGS) {
  Obj *key = NULL;
  int reverse = 0;
  for (ssize k = 0; kwnames && k < TUPLE_SIZE(kwnames); k++) {
    Obj *kn = TUPLE_GET(kwnames, k), *v = args[nargs + k];
    if (str_eq_cstr(kn, "key")) {
      key = v == None ? NULL : v;
    } else if (str_eq_cstr(kn, "reverse")) {
      if ((reverse = obj_truthy(vm, v)) < 0) return NULL;
    } else {
      return vm_raise(vm, &Exc_TypeError, "merge() got an unexpected keyword argument '%S'", kn);
    }
  }
  Obj *its = tuple_from_array(vm, args, (ssize)nargs);
  if (!its) return NULL;
  MergeObj *m = (MergeObj *)gc_alloc(vm, &Merge_Type, sizeof(MergeObj));
  if (!m) {
    decref(vm, its);
    return NULL;
  }
  m->iterables = its;
  m->key = xincref(key);
  m->reverse = reverse;
  return (Obj *)m;
}

static const MethodDef heapq_funcs[] = {
  {"heappush", hq_heappush, 0},
  {"heappop", hq_heappop, 0},
  {"heapify", hq_heapify, 0},
  {"heapreplace", hq_heapreplace, 0},
  {"heappushpop", hq_heappushpop, 0},
  {"nlargest", hq_nlargest, 0},
  {"nsmallest", hq_nsmallest, 0},
  {"merge", hq_merge, 0},
  {"_heapify_max", hq_heapify_max, 0},
  {"_heappop_max", hq_heappop_max, 0},
  {"_heapreplace_max", hq_heapreplace_max, 0},
  {NULL, NULL, 0},
};

static TypeObj *const heapq_hidden[] = {&Merge_Type, NULL};

Obj *heapqmod_init(VM *vm) {
  if (stdmods_ready(vm, heapq_hidden) < 0) return NULL;
  return stdmods_module(vm, "heapq", heapq_funcs, NULL);
}
