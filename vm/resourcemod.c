/*
** resourcemod.c -- the `resource` module: getrusage() returning a
** resource.struct_rusage record (16 fields, the times as float seconds, the
** rest as ints, ru_maxrss in kilobytes as Linux reports it), getpagesize()
** and the RUSAGE_* constants.
*/
#ifndef _GNU_SOURCE
#define _GNU_SOURCE 1   /* RUSAGE_THREAD */
#endif
#include "config.h"

#include <sys/resource.h>
#include <unistd.h>

#include "modules.h"
#include "vm.h"

static const char *const rusage_fields[] = {
  "ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
  "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock",
  "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
};
static const StructSeqDesc rusage_desc = {"resource.struct_rusage",
                                          rusage_fields, 16, 16};
TypeObj RUsage_Type = STRUCTSEQ_TYPE_INIT("resource.struct_rusage");

/* Seconds as CPython's resource module computes them. */
static double tv_seconds(struct timeval tv) {
  return (double)tv.tv_sec + (double)tv.tv_usec * 0.000001;
}

static Obj *res_getrusage(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  struct rusage ru;
  int who;
  Obj *items[16];
  if (mod_check_o(vm, "resource.getrusage", nargs, kwnames) < 0) return NULL;
  if (mod_as_int(vm, args[0], &who) < 0) return NULL;
  if (getrusage(who, &ru) != 0)
    return vm_raise(vm, &Exc_ValueError, "invalid who parameter");
  const long ints[14] = {
    ru.ru_maxrss, ru.ru_ixrss, ru.ru_idrss, ru.ru_isrss, ru.ru_minflt,
    ru.ru_majflt, ru.ru_nswap, ru.ru_inblock, ru.ru_oublock, ru.ru_msgsnd,
    ru.ru_msgrcv, ru.ru_nsignals, ru.ru_nvcsw, ru.ru_nivcsw,
  };
  items[0] = float_new(vm, tv_seconds(ru.ru_utime));
  items[1] = float_new(vm, tv_seconds(ru.ru_stime));
  for (int i = 0; i < 14; i++) items[i + 2] = int_from_i64(vm, ints[i]);
  for (int i = 0; i < 16; i++)
    if (!items[i]) {
      for (int j = 0; j < 16; j++) xdecref(vm, items[j]);
      return NULL;
    }
  return structseq_new(vm, &RUsage_Type, &rusage_desc, items);
}

static Obj *res_getpagesize(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  if (mod_check_noargs(vm, "resource.getpagesize", nargs, kwnames) < 0) return NULL;
  return int_from_i64(vm, sysconf(_SC_PAGESIZE));
}

static const MethodDef resource_funcs[] = {
  {"getrusage", res_getrusage, 0},
  {"getpagesize", res_getpagesize, 0},
  {NULL, NULL, 0},
};

Obj *resourcemod_init(VM *vm) {
  static const struct {
    const char *name;
    int value;
  } consts[] = {
    {"RUSAGE_SELF", RUSAGE_SELF},
    {"RUSAGE_CHILDREN", RUSAGE_CHILDREN},
    {"RUSAGE_THREAD", RUSAGE_THREAD},
  };
  Obj *m = module_new(vm, "resource", resource_funcs);
  if (!m) return NULL;
  for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++) {
    Obj *v = int_from_i64(vm, consts[i].value);
    if (!v || dict_set_cstr(vm, ((ModuleObj *)m)->dict, consts[i].name, v) < 0) {
      xdecref(vm, v);
      decref(vm, m);
      return NULL;
    }
    decref(vm, v);
  }
  return m;
}
