/*
** gcmod.c -- the `gc` module: a thin layer over the cycle collector
** (vm/gc.h), which keeps CPython's three generations and thresholds.
*/
#include "config.h"

#include "gc.h"
#include "modules.h"

#define GC_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static const char *const collect_names[] = {"generation"};
static const ModArgSpec collect_spec = {"collect", collect_names, 1, 0, 1, 0};

/* gc.collect(generation=2): the number of unreachable objects found.  A
** collection already running (a finalizer calling gc.collect) finds 0. */
static Obj *gc_m_collect(GC_ARGS) {
  Obj *a;
  int gen = 2;
  ssize n;
  if (mod_args(vm, &collect_spec, args, nargs, kwnames, &a) < 0) return NULL;
  if (a && mod_as_int(vm, a, &gen) < 0) return NULL;
  if (gen < 0 || gen > 2)
    return vm_raise(vm, &Exc_ValueError, "invalid generation");
  n = gc_collect_generation(vm, gen);
  return int_from_i64(vm, n < 0 ? 0 : n);
}

static Obj *gc_m_enable(GC_ARGS) {
  if (mod_check_noargs(vm, "gc.enable", nargs, kwnames) < 0) return NULL;
  gc_enable(vm);
  return none_new();
}

static Obj *gc_m_disable(GC_ARGS) {
  if (mod_check_noargs(vm, "gc.disable", nargs, kwnames) < 0) return NULL;
  gc_disable(vm);
  return none_new();
}

static Obj *gc_m_isenabled(GC_ARGS) {
  if (mod_check_noargs(vm, "gc.isenabled", nargs, kwnames) < 0) return NULL;
  return bool_new(gc_isenabled(vm));
}

static Obj *triple(VM *vm, const ssize v[3]) {
  Obj *t = tuple_new(vm, 3);
  if (!t) return NULL;
  for (int i = 0; i < 3; i++) {
    Obj *x = int_from_i64(vm, v[i]);
    if (!x) {
      for (int j = i; j < 3; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(vm, t);
      return NULL;
    }
    TUPLE_ITEMS(t)[i] = x;
  }
  return t;
}

static Obj *gc_m_get_count(GC_ARGS) {
  ssize c[3];
  if (mod_check_noargs(vm, "gc.get_count", nargs, kwnames) < 0) return NULL;
  gc_get_count(vm, c);
  return triple(vm, c);
}

static Obj *gc_m_get_threshold(GC_ARGS) {
  ssize t[3];
  if (mod_check_noargs(vm, "gc.get_threshold", nargs, kwnames) < 0) return NULL;
  gc_get_threshold(vm, t);
  return triple(vm, t);
}

/* gc.set_threshold(threshold0[, threshold1[, threshold2]]), parsed as
** CPython's "i|ii:set_threshold". */
static Obj *gc_m_set_threshold(GC_ARGS) {
  ssize t[3];
  if (kwnames && TUPLE_SIZE(kwnames) > 0)
    return vm_raise(vm, &Exc_TypeError, "set_threshold() takes no keyword arguments");
  if (nargs < 1 || nargs > 3)
    return vm_raise(vm, &Exc_TypeError, "set_threshold() takes at %s (%d given)",
                    nargs < 1 ? "least 1 argument" : "most 3 arguments", (int)nargs);
  gc_get_threshold(vm, t);
  for (size_t i = 0; i < nargs; i++) {
    int v;
    if (mod_as_int(vm, args[i], &v) < 0) return NULL;
    t[i] = v;
  }
  gc_set_threshold(vm, t);
  return none_new();
}

static Obj *gc_m_is_tracked(GC_ARGS) {
  if (mod_check_o(vm, "gc.is_tracked", nargs, kwnames) < 0) return NULL;
  return bool_new(gc_is_tracked(args[0]));
}

static const MethodDef gc_funcs[] = {
  {"collect", gc_m_collect, 0},
  {"enable", gc_m_enable, 0},
  {"disable", gc_m_disable, 0},
  {"isenabled", gc_m_isenabled, 0},
  {"get_count", gc_m_get_count, 0},
  {"get_threshold", gc_m_get_threshold, 0},
  {"set_threshold", gc_m_set_threshold, 0},
  {"is_tracked", gc_m_is_tracked, 0},
  {NULL, NULL, 0},
};

Obj *gcmod_init(VM *vm) { return module_new(vm, "gc", gc_funcs); }
