/*
** timemod.c -- the `time` module: the clocks CPython's time module reads
** (clock_gettime with CLOCK_MONOTONIC, CLOCK_REALTIME and
** CLOCK_PROCESS_CPUTIME_ID) and sleep().
*/
#include "config.h"

#include <errno.h>
#include <math.h>
#include <time.h>

#include "modules.h"
#include "vm.h"

#define TIME_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static int64_t clock_ns(clockid_t clk) {
  struct timespec ts;
  clock_gettime(clk, &ts);
  return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* A clock in seconds (float) or nanoseconds (int), as NS says. */
static Obj *clock_value(VM *vm, const char *qname, size_t nargs, Obj *kwnames,
                        clockid_t clk, bool ns) {
  if (mod_check_noargs(vm, qname, nargs, kwnames) < 0) return NULL;
  int64_t t = clock_ns(clk);
  return ns ? int_from_i64(vm, t) : float_new(vm, (double)t / 1e9);
}

static Obj *t_time(TIME_ARGS) {
  return clock_value(vm, "time.time", nargs, kwnames, CLOCK_REALTIME, false);
}
static Obj *t_time_ns(TIME_ARGS) {
  return clock_value(vm, "time.time_ns", nargs, kwnames, CLOCK_REALTIME, true);
}
static Obj *t_perf_counter(TIME_ARGS) {
  return clock_value(vm, "time.perf_counter", nargs, kwnames, CLOCK_MONOTONIC, false);
}
static Obj *t_perf_counter_ns(TIME_ARGS) {
  return clock_value(vm, "time.perf_counter_ns", nargs, kwnames, CLOCK_MONOTONIC, true);
}
static Obj *t_monotonic(TIME_ARGS) {
  return clock_value(vm, "time.monotonic", nargs, kwnames, CLOCK_MONOTONIC, false);
}
static Obj *t_monotonic_ns(TIME_ARGS) {
  return clock_value(vm, "time.monotonic_ns", nargs, kwnames, CLOCK_MONOTONIC, true);
}
static Obj *t_process_time(TIME_ARGS) {
  return clock_value(vm, "time.process_time", nargs, kwnames,
                     CLOCK_PROCESS_CPUTIME_ID, false);
}
static Obj *t_process_time_ns(TIME_ARGS) {
  return clock_value(vm, "time.process_time_ns", nargs, kwnames,
                     CLOCK_PROCESS_CPUTIME_ID, true);
}

/* time.sleep(secs): an int or a float (anything else: the index error
** text CPython gives); restarts after signals until the time has passed. */
static Obj *t_sleep(TIME_ARGS) {
  Obj *a;
  double secs;
  struct timespec ts;
  if (mod_check_o(vm, "time.sleep", nargs, kwnames) < 0) return NULL;
  a = args[0];
  if (obj_isinstance(a, &Float_Type)) {
    secs = FLOAT_VAL(a);
    if (isnan(secs))
      return vm_raise(vm, &Exc_ValueError, "Invalid value NaN (not a number)");
  } else {
    Obj *i = obj_index(vm, a);
    if (!i) return NULL;
    secs = int_as_double(vm, i);
    decref(vm, i);
    if (secs == -1.0 && vm_exc_occurred(vm)) return NULL;
  }
  if (secs < 0)
    return vm_raise(vm, &Exc_ValueError, "sleep length must be non-negative");
  if (secs > 9.2e9)
    return vm_raise(vm, &Exc_OverflowError,
                    "timestamp too large to convert to C _PyTime_t");
  ts.tv_sec = (time_t)secs;
  ts.tv_nsec = (long)((secs - (double)ts.tv_sec) * 1e9);
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR) {
  }
  return none_new();
}

static const MethodDef time_funcs[] = {
  {"time", t_time, 0},
  {"time_ns", t_time_ns, 0},
  {"perf_counter", t_perf_counter, 0},
  {"perf_counter_ns", t_perf_counter_ns, 0},
  {"monotonic", t_monotonic, 0},
  {"monotonic_ns", t_monotonic_ns, 0},
  {"process_time", t_process_time, 0},
  {"process_time_ns", t_process_time_ns, 0},
  {"sleep", t_sleep, 0},
  {NULL, NULL, 0},
};

Obj *timemod_init(VM *vm) { return module_new(vm, "time", time_funcs); }
