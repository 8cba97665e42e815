/*
** mod_bisect.c -- the `bisect` module: binary search on sorted sequences
** (bisect_left, bisect_right = bisect) and insertion keeping the order
** (insort_left, insort_right = insort), with lo/hi bounds and key=, as
** CPython's _bisect: the same midpoints and the same comparisons
** (bisect_right asks `x < a[mid]`, bisect_left asks `a[mid] < x`), so a
** sequence whose __lt__ has side effects sees the same calls.
*/
#include "config.h"

#include "containers.h"
#include "modules.h"
#include "stdmods.h"
#include "vm.h"

#define BI_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

/* a[i] as PySequence_GetItem: a new reference. */
static Obj *seq_item(VM *vm, Obj *a, ssize i) {
  if (a->type == &List_Type && i < LIST_SIZE(a)) return incref(LIST_ITEMS(a)[i]);
  Obj *idx = int_from_i64(vm, i);
  if (!idx) return NULL;
  Obj *r = obj_getitem(vm, a, idx);
  decref(vm, idx);
  return r;
}

/* The search.  RIGHT selects bisect_right.  KEY may be NULL. */
static ssize bisect_core(VM *vm, Obj *a, Obj *x, ssize lo, ssize hi, Obj *key,
                         bool right) {
  if (lo < 0) {
    vm_raise(vm, &Exc_ValueError, "lo must be non-negative");
    return -1;
  }
  if (hi == -1) {
    hi = obj_len(vm, a);
    if (hi < 0) return -1;
  }
  while (lo < hi) {
    ssize mid = (ssize)(((size_t)lo + (size_t)hi) / 2);
    Obj *item = seq_item(vm, a, mid);
    if (!item) return -1;
    if (key) {
      Obj *k = obj_call1(vm, key, item);
      decref(vm, item);
      if (!(item = k)) return -1;
    }
    int lt = right ? obj_richcmp_bool(vm, x, item, CMP_LT)
                   : obj_richcmp_bool(vm, item, x, CMP_LT);
    decref(vm, item);
    if (lt < 0) return -1;
    if (right) {
      if (lt) hi = mid;
      else lo = mid + 1;
    } else {
      if (lt) lo = mid + 1;
      else hi = mid;
    }
  }
  return lo;
}

ssize bisect_right_index(VM *vm, Obj *a, Obj *x, ssize lo, ssize hi) {
  return bisect_core(vm, a, x, lo, hi, NULL, true);
}

static const char *const bisect_names[] = {"a", "x", "lo", "hi", "key"};

/* Parse (a, x, lo=0, hi=None, *, key=None) for FNAME. */
static int parse(VM *vm, const char *fname, Obj *const *args, size_t nargs,
                 Obj *kwnames, Obj **a, Obj **x, ssize *lo, ssize *hi, Obj **key) {
  ModArgSpec spec = {fname, bisect_names, 5, 0, 4, 2};
  Obj *v[5];
  if (mod_args(vm, &spec, args, nargs, kwnames, v) < 0) return -1;
  *a = v[0];
  *x = v[1];
  *lo = 0;
  *hi = -1;
  *key = v[4] && v[4] != None ? v[4] : NULL;
  if (v[2]) {
    Obj *i = obj_index(vm, v[2]);
    if (!i) return -1;
    *lo = obj_as_ssize(vm, i);
    decref(vm, i);
    if (*lo == -1 && vm_exc_occurred(vm)) return -1;
  }
  if (v[3] && v[3] != None) {
    if (!v[3]->type->index) {
      vm_raise(vm, &Exc_TypeError, "argument should be integer or None, not '%s'",
               obj_type_name(v[3]));
      return -1;
    }
    Obj *i = obj_index(vm, v[3]);
    if (!i) return -1;
    *hi = obj_as_ssize(vm, i);
    decref(vm, i);
    if (*hi == -1 && vm_exc_occurred(vm)) return -1;
  }
  return 0;
}

static Obj *do_bisect(VM *vm, const char *fname, Obj *const *args, size_t nargs,
                      Obj *kwnames, bool right) {
  Obj *a, *x, *key;
  ssize lo, hi;
  if (parse(vm, fname, args, nargs, kwnames, &a, &x, &lo, &hi, &key) < 0) return NULL;
  ssize r = bisect_core(vm, a, x, lo, hi, key, right);
  return r < 0 ? NULL : int_from_i64(vm, r);
}

static Obj *do_insort(VM *vm, const char *fname, Obj *const *args, size_t nargs,
                      Obj *kwnames, bool right) {
  Obj *a, *x, *key;
  ssize lo, hi;
  if (parse(vm, fname, args, nargs, kwnames, &a, &x, &lo, &hi, &key) < 0) return NULL;
  Obj *kx = x;
  if (key && !(kx = obj_call1(vm, key, x))) return NULL;
  ssize idx = bisect_core(vm, a, kx, lo, hi, key, right);
  if (key) decref(vm, kx);
  if (idx < 0) return NULL;
  if (a->type == &List_Type) {
    if (list_insert(vm, a, idx, x) < 0) return NULL;
    return none_new();
  }
  Obj *i = int_from_i64(vm, idx);
  if (!i) return NULL;
  Obj *cargs[2] = {i, x};
  Obj *r = obj_call_method(vm, a, "insert", cargs, 2);
  decref(vm, i);
  if (!r) return NULL;
  decref(vm, r);
  return none_new();
}

static Obj *bi_bisect_right(BI_ARGS) {
  return do_bisect(vm, "bisect_right", args, nargs, kwnames, true);
}
static Obj *bi_bisect_left(BI_ARGS) {
  return do_bisect(vm, "bisect_left", args, nargs, kwnames, false);
}
static Obj *bi_insort_right(BI_ARGS) {
  return do_insort(vm, "insort_right", args, nargs, kwnames, true);
}
static Obj *bi_insort_left(BI_ARGS) {
  return do_insort(vm, "insort_left", args, nargs, kwnames, false);
}

static const MethodDef bisect_funcs[] = {
  {"bisect_right", bi_bisect_right, 0},
  {"bisect_left", bi_bisect_left, 0},
  {"insort_right", bi_insort_right, 0},
  {"insort_left", bi_insort_left, 0},
  {NULL, NULL, 0},
};

Obj *bisectmod_init(VM *vm) {
  Obj *m = stdmods_module(vm, "bisect", bisect_funcs, NULL);
  if (!m) return NULL;
  Obj *d = ((ModuleObj *)m)->dict;
  Obj *br = dict_get_cstr(vm, d, "bisect_right");
  Obj *ir = dict_get_cstr(vm, d, "insort_right");
  if (!br || !ir || dict_set_cstr(vm, d, "bisect", br) < 0 ||
      dict_set_cstr(vm, d, "insort", ir) < 0) {
    decref(vm, m);
    return NULL;
  }
  return m;
}
