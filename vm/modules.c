/*
** modules.c -- the import table of builtin modules, the list of the modules
** component's types, and the helpers the module files share: argument
** parsing with CPython's error texts, and struct sequences.
*/
#include "config.h"

#include <limits.h>
#include <string.h>

#include "modules.h"
#include "stdmods.h"
#include "str.h"
#include "vm.h"

/* Defined by the numbers and frontend components (vm/mathmod.c, vm/dis.c). */
Obj *mathmod_init(VM *vm);
Obj *dismod_init(VM *vm);

const BuiltinModuleDef builtin_modules[] = {
  {"sys", sysmod_init},
  {"gc", gcmod_init},
  {"time", timemod_init},
  {"math", mathmod_init},
  {"dis", dismod_init},
  {"resource", resourcemod_init},
  {"heaptrail", htmod_init},
  {"numpy", numpy_init},
  {"random", randommod_init},
  {"itertools", itertoolsmod_init},
  {"collections", collectionsmod_init},
  {"functools", functoolsmod_init},
  {"operator", operatormod_init},
  {"copy", copymod_init},
  {"bisect", bisectmod_init},
  {"heapq", heapqmod_init},
  {"string", stringmod_init},
  {NULL, NULL},
};

extern TypeObj FloatInfo_Type, IntInfo_Type;   /* sysmod.c */
extern TypeObj Complex_Type;                   /* builtins.c */
extern TypeObj StructTime_Type;                /* timemod.c */

TypeObj *const modules_types[] = {
  &SysStream_Type, &Quitter_Type, &VersionInfo_Type, &FloatInfo_Type, &IntInfo_Type,
  &Complex_Type, &StructTime_Type,
  &RUsage_Type, &NDArray_Type, &DType_Type, &ArrayIter_Type, NULL,
};

void modules_fini(VM *vm) {
  Obj *o = vm->sys_stdout;
  vm->sys_stdout = NULL;
  xdecref(vm, o);
  o = vm->sys_stderr;
  vm->sys_stderr = NULL;
  xdecref(vm, o);
}

/* ------------------------------------------------------------------ */
/* Argument parsing                                                   */
/* ------------------------------------------------------------------ */

static ssize nkw(Obj *kwnames) { return kwnames ? TUPLE_SIZE(kwnames) : 0; }

int mod_check_o(VM *vm, const char *qname, size_t nargs, Obj *kwnames) {
  if (nkw(kwnames)) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", qname);
    return -1;
  }
  if (nargs != 1) {
    vm_raise(vm, &Exc_TypeError, "%s() takes exactly one argument (%ld given)",
             qname, (long)nargs);
    return -1;
  }
  return 0;
}

int mod_check_noargs(VM *vm, const char *qname, size_t nargs, Obj *kwnames) {
  if (nkw(kwnames)) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", qname);
    return -1;
  }
  if (nargs != 0) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no arguments (%ld given)", qname,
             (long)nargs);
    return -1;
  }
  return 0;
}

int mod_check_pos(VM *vm, const char *name, size_t nargs, Obj *kwnames,
                  size_t min, size_t max) {
  if (nkw(kwnames)) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs < min) {
    vm_raise(vm, &Exc_TypeError, "%s expected %s%ld argument%s, got %ld", name,
             min == max ? "" : "at least ", (long)min, min == 1 ? "" : "s",
             (long)nargs);
    return -1;
  }
  if (nargs > max) {
    vm_raise(vm, &Exc_TypeError, "%s expected %s%ld argument%s, got %ld", name,
             min == max ? "" : "at most ", (long)max, max == 1 ? "" : "s",
             (long)nargs);
    return -1;
  }
  return 0;
}

/* The value passed for keyword NAME, or NULL. */
static Obj *find_kw(Obj *kwnames, Obj *const *kwvals, const char *name) {
  for (ssize i = 0; i < nkw(kwnames); i++)
    if (str_eq_cstr(TUPLE_GET(kwnames, i), name)) return kwvals[i];
  return NULL;
}

/* As CPython's _PyArg_UnpackKeywords, texts included. */
int mod_args(VM *vm, const ModArgSpec *spec, Obj *const *args, size_t nargs,
             Obj *kwnames, Obj **out) {
  const char *f = spec->fname;
  ssize nk = nkw(kwnames);
  Obj *const *kwvals = args + nargs;
  int maxargs = spec->nparams, maxpos = spec->maxpos, minpos = spec->minpos;
  int posonly = spec->nposonly;
  int minposonly = minpos < posonly ? minpos : posonly;

  for (int i = 0; i < maxargs; i++) out[i] = NULL;
  if ((ssize)nargs + nk > maxargs) {
    vm_raise(vm, &Exc_TypeError, "%s() takes at most %d %sargument%s (%ld given)",
             f, maxargs, nargs == 0 ? "keyword " : "", maxargs == 1 ? "" : "s",
             (long)(nargs + nk));
    return -1;
  }
  if ((ssize)nargs > maxpos) {
    if (maxpos == 0)
      vm_raise(vm, &Exc_TypeError, "%s() takes no positional arguments", f);
    else
      vm_raise(vm, &Exc_TypeError,
               "%s() takes %s %d positional argument%s (%ld given)", f,
               minpos < maxpos ? "at most" : "exactly", maxpos,
               maxpos == 1 ? "" : "s", (long)nargs);
    return -1;
  }
  if ((ssize)nargs < minposonly) {
    vm_raise(vm, &Exc_TypeError,
             "%s() takes %s %d positional argument%s (%ld given)", f,
             posonly < maxpos ? "at least" : "exactly", minposonly,
             minposonly == 1 ? "" : "s", (long)nargs);
    return -1;
  }
  for (size_t i = 0; i < nargs; i++) out[i] = args[i];
  ssize left = nk;
  for (int i = (int)nargs > posonly ? (int)nargs : posonly; i < maxargs; i++) {
    Obj *a = left ? find_kw(kwnames, kwvals, spec->names[i]) : NULL;
    out[i] = a;
    if (a) {
      left--;
    } else if (i < minpos) {
      vm_raise(vm, &Exc_TypeError, "%s() missing required argument '%s' (pos %d)",
               f, spec->names[i], i + 1);
      return -1;
    }
  }
  if (left > 0) {
    for (int i = posonly; i < (int)nargs; i++)
      if (find_kw(kwnames, kwvals, spec->names[i])) {
        vm_raise(vm, &Exc_TypeError,
                 "argument for %s() given by name ('%s') and position (%d)", f,
                 spec->names[i], i + 1);
        return -1;
      }
    for (ssize k = 0; k < nk; k++) {
      Obj *kn = TUPLE_GET(kwnames, k);
      bool known = false;
      for (int i = posonly; i < maxargs && !known; i++)
        known = str_eq_cstr(kn, spec->names[i]);
      if (!known) {
        vm_raise(vm, &Exc_TypeError, "'%s' is an invalid keyword argument for %s()",
                 STR_UTF8(kn), f);
        return -1;
      }
    }
  }
  return 0;
}

int mod_as_int(VM *vm, Obj *o, int *out) {
  int64_t v;
  Obj *idx = obj_index(vm, o);
  if (!idx) return -1;
  int rc = int_fits_i64(idx) ? 0 : -1;
  v = rc == 0 ? int_as_i64_unchecked(idx) : 0;
  decref(vm, idx);
  if (rc < 0 || v < INT_MIN || v > INT_MAX) {
    vm_raise(vm, &Exc_OverflowError, "Python int too large to convert to C int");
    return -1;
  }
  *out = (int)v;
  return 0;
}

Obj *mod_raise_exit(VM *vm, Obj *code) {
  Obj *exc = code ? obj_call1(vm, OBJ(&Exc_SystemExit), code)
                  : obj_call0(vm, OBJ(&Exc_SystemExit));
  if (!exc) return NULL;
  vm_raise_obj(vm, exc);
  decref(vm, exc);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Struct sequences                                                   */
/* ------------------------------------------------------------------ */

#define SS(o) ((StructSeqObj *)(o))

static size_t ss_size(const StructSeqDesc *d) {
  return sizeof(StructSeqObj) + (size_t)d->nfields * sizeof(Obj *);
}

Obj *structseq_new(VM *vm, TypeObj *type, const StructSeqDesc *desc,
                   Obj **items) {
  StructSeqObj *s = (StructSeqObj *)obj_alloc(vm, type, ss_size(desc));
  if (!s) {
    for (int i = 0; i < desc->nfields; i++) xdecref(vm, items[i]);
    return NULL;
  }
  s->desc = desc;
  for (int i = 0; i < desc->nfields; i++) s->items[i] = items[i];
  return OBJ(s);
}

void structseq_dealloc(VM *vm, Obj *o) {
  const StructSeqDesc *d = SS(o)->desc;
  for (int i = 0; i < d->nfields; i++) xdecref(vm, SS(o)->items[i]);
  obj_free(vm, o, ss_size(d));
}

size_t structseq_sizeof(Obj *o) { return ss_size(SS(o)->desc); }

int structseq_traverse(Obj *o, visitproc visit, void *arg) {
  for (int i = 0; i < SS(o)->desc->nfields; i++) {
    Obj *v = SS(o)->items[i];
    if (v) {
      int r = visit(v, EDGE_ITEM, i, NULL, arg);
      if (r) return r;
    }
  }
  return 0;
}

/* The tuple of the visible fields. */
static Obj *ss_tuple(VM *vm, Obj *o) {
  return tuple_from_array(vm, SS(o)->items, SS(o)->desc->nvisible);
}

Obj *structseq_repr(VM *vm, Obj *o) {
  const StructSeqDesc *d = SS(o)->desc;
  StrBuf b;
  sb_init(&b);
  sb_printf(vm, &b, "%s(", d->name);
  for (int i = 0; i < d->nvisible; i++) {
    Obj *r = obj_repr(vm, SS(o)->items[i]);
    if (!r) {
      sb_free(&b);
      return NULL;
    }
    sb_printf(vm, &b, "%s%s=", i ? ", " : "", d->fields[i]);
    sb_addstr(vm, &b, r);
    decref(vm, r);
  }
  sb_addc(vm, &b, ')');
  return sb_finish(vm, &b);
}

hash_t structseq_hash(VM *vm, Obj *o) {
  Obj *t = ss_tuple(vm, o);
  if (!t) return -1;
  hash_t h = obj_hash(vm, t);
  decref(vm, t);
  return h;
}

Obj *structseq_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  Obj *ta, *tb, *r;
  if (!tuple_check(b) && b->type->richcmp != structseq_richcmp)
    return incref(NotImplemented);
  ta = ss_tuple(vm, a);
  if (!ta) return NULL;
  tb = tuple_check(b) ? incref(b) : ss_tuple(vm, b);
  if (!tb) {
    decref(vm, ta);
    return NULL;
  }
  r = obj_richcmp(vm, ta, tb, op);
  decref(vm, ta);
  decref(vm, tb);
  return r;
}

Obj *structseq_getattr(VM *vm, Obj *o, Obj *name) {
  const StructSeqDesc *d = SS(o)->desc;
  if (str_check(name))
    for (int i = 0; i < d->nfields; i++)
      if (str_eq_cstr(name, d->fields[i]))
        return incref(SS(o)->items[i]);
  return obj_generic_getattr(vm, o, name);
}

Obj *structseq_iter(VM *vm, Obj *o) {
  Obj *t = ss_tuple(vm, o);
  if (!t) return NULL;
  Obj *it = obj_iter(vm, t);
  decref(vm, t);
  return it;
}

ssize structseq_len(VM *vm, Obj *o) { return SS(o)->desc->nvisible; }

Obj *structseq_getitem(VM *vm, Obj *o, Obj *key) {
  Obj *t = ss_tuple(vm, o);
  if (!t) return NULL;
  Obj *r = obj_getitem(vm, t, key);
  decref(vm, t);
  return r;
}

