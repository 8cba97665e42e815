/*
** htmod.c -- the `heaptrail` module: lets a script annotate its own
** profile.
**
**   heaptrail.mark(label)      logs a MARK event carrying LABEL (a str).
**   heaptrail.snapshot(label)  takes a heap snapshot labelled LABEL at this
**                              point (vm/snapshot.c; doc/graphs.md).
**
** Both return None, and do nothing but check their argument when no
** recorder is open (heaptrail run --no-trace).
*/
#include "config.h"

#include "modules.h"
#include "recorder.h"
#include "snapshot.h"
#include "vm.h"

#define HT_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

/* The label argument of NAME(), borrowed, or NULL with TypeError. */
static Obj *label_arg(VM *vm, const char *qname, const char *name,
                      Obj *const *args, size_t nargs, Obj *kwnames) {
  if (mod_check_o(vm, qname, nargs, kwnames) < 0) return NULL;
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError, "%s() argument must be str, not %s", name,
                    obj_type_name(args[0]));
  return args[0];
}

static Obj *ht_mark(HT_ARGS) {
  Obj *label = label_arg(vm, "heaptrail.mark", "mark", args, nargs, kwnames);
  if (!label) return NULL;
  if (vm->tracing) ht_rec_mark(STR_UTF8(label));
  return none_new();
}

static Obj *ht_snapshot(HT_ARGS) {
  Obj *label = label_arg(vm, "heaptrail.snapshot", "snapshot", args, nargs, kwnames);
  if (!label) return NULL;
  if (vm->tracing) snap_take(vm, STR_UTF8(label));   /* the heap walk: vm/snapshot.c */
  return none_new();
}

static const MethodDef ht_funcs[] = {
  {"mark", ht_mark, 0},
  {"snapshot", ht_snapshot, 0},
  {NULL, NULL, 0},
};

Obj *htmod_init(VM *vm) { return module_new(vm, "heaptrail", ht_funcs); }
