/*
** sysmod.c -- the `sys` module, and the text streams behind sys.stdout and
** sys.stderr.
**
** A stream object holds no FILE* of its own: it names which of the VM's
** files it writes to (vm->out or vm->err), so the program may point those
** anywhere before the script runs.  vm->sys_stdout and vm->sys_stderr own
** the two streams; print() writes straight to the FILE when its file= is
** one of them (the fast path) and calls file.write() otherwise.
**
** sys.getsizeof() reports what the VM really allocated for the object: its
** type's sizeof_, which for GC objects already counts the GCHead in front
** of the object (as the arena records it), and for variable-size objects
** their separate blocks too (a list's item array).
*/
#include "config.h"

#include <float.h>
#include <string.h>
#include <unistd.h>

#include "frame.h"
#include "int.h"
#include "modules.h"
#include "str.h"
#include "vm.h"

/* ------------------------------------------------------------------ */
/* The stream type                                                    */
/* ------------------------------------------------------------------ */

typedef struct SysStreamObj {
  Obj ob;
  int which;                      /* 1: vm->out (stdout), 2: vm->err (stderr) */
} SysStreamObj;

#define STREAM(o) ((SysStreamObj *)(o))

FILE *sysmod_stream_file(VM *vm, Obj *o) {
  if (!obj_is(o, &SysStream_Type)) return NULL;
  return STREAM(o)->which == 1 ? vm->out : vm->err;
}

Obj *sysmod_stream(VM *vm, int which) {
  Obj **slot = which == 1 ? &vm->sys_stdout : &vm->sys_stderr;
  if (!*slot) {
    Obj *s = obj_alloc(vm, &SysStream_Type, sizeof(SysStreamObj));
    if (!s) return NULL;
    STREAM(s)->which = which;
    *slot = s;
  }
  return *slot;
}

static void stream_dealloc(VM *vm, Obj *o) {
  obj_free(vm, o, sizeof(SysStreamObj));
}

static size_t stream_sizeof(Obj *o) { return sizeof(SysStreamObj); }

static const char *stream_name(Obj *o) {
  return STREAM(o)->which == 1 ? "<stdout>" : "<stderr>";
}

static Obj *stream_repr(VM *vm, Obj *o) {
  return str_fromf(vm, "<_io.TextIOWrapper name='%s' mode='w' encoding='utf-8'>",
                   stream_name(o));
}

/* write(s): the number of characters written. */
static Obj *stream_write(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  FILE *fp = sysmod_stream_file(vm, self);
  Obj *s;
  if (mod_check_o(vm, "TextIOWrapper.write", nargs, kwnames) < 0) return NULL;
  s = args[0];
  if (!str_check(s))
    return vm_raise(vm, &Exc_TypeError, "write() argument must be str, not %s",
                    obj_type_name(s));
  if (fwrite(STR_UTF8(s), 1, (size_t)STR_NBYTES(s), fp) != (size_t)STR_NBYTES(s))
    return vm_raise(vm, &Exc_OSError, "write to %s failed", stream_name(self));
  return int_from_i64(vm, STR_LEN(s));
}

static Obj *stream_flush(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  if (mod_check_noargs(vm, "TextIOWrapper.flush", nargs, kwnames) < 0) return NULL;
  fflush(sysmod_stream_file(vm, self));
  return none_new();
}

static Obj *stream_fileno(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (mod_check_noargs(vm, "TextIOWrapper.fileno", nargs, kwnames) < 0) return NULL;
  return int_from_i64(vm, fileno(sysmod_stream_file(vm, self)));
}

static Obj *stream_isatty(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kwnames) {
  if (mod_check_noargs(vm, "TextIOWrapper.isatty", nargs, kwnames) < 0) return NULL;
  return bool_new(isatty(fileno(sysmod_stream_file(vm, self))) == 1);
}

static Obj *stream_get_name(VM *vm, Obj *self) {
  return str_from_cstr(vm, stream_name(self));
}
static Obj *stream_get_mode(VM *vm, Obj *self) { return str_from_cstr(vm, "w"); }
static Obj *stream_get_encoding(VM *vm, Obj *self) {
  return str_from_cstr(vm, "utf-8");
}

static const MethodDef stream_methods[] = {
  {"write", stream_write, 0},
  {"flush", stream_flush, 0},
  {"fileno", stream_fileno, 0},
  {"isatty", stream_isatty, 0},
  {NULL, NULL, 0},
};

static const GetSetDef stream_getset[] = {
  {"name", stream_get_name, NULL},
  {"mode", stream_get_mode, NULL},
  {"encoding", stream_get_encoding, NULL},
  {NULL, NULL, NULL},
};

TypeObj SysStream_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "_io.TextIOWrapper",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(SysStreamObj),
  .dealloc = stream_dealloc,
  .sizeof_ = stream_sizeof,
  .repr = stream_repr,
  .methods = stream_methods,
  .getset = stream_getset,
};

/* ------------------------------------------------------------------ */
/* sys.version_info                                                   */
/* ------------------------------------------------------------------ */

static const char *const version_fields[] = {"major", "minor", "micro",
                                             "releaselevel", "serial"};
static const StructSeqDesc version_desc = {"sys.version_info", version_fields,
                                           5, 5};
TypeObj VersionInfo_Type = STRUCTSEQ_TYPE_INIT("sys.version_info");

static Obj *version_info_new(VM *vm) {
  Obj *items[5] = {int_from_i64(vm, 3), int_from_i64(vm, 11),
                   int_from_i64(vm, 2), str_from_cstr(vm, "final"),
                   int_from_i64(vm, 0)};
  for (int i = 0; i < 5; i++)
    if (!items[i]) {
      for (int j = 0; j < 5; j++) xdecref(vm, items[j]);
      return NULL;
    }
  return structseq_new(vm, &VersionInfo_Type, &version_desc, items);
}

/* ------------------------------------------------------------------ */
/* sys.float_info, sys.int_info                                       */
/* ------------------------------------------------------------------ */

static const char *const float_info_fields[] = {
  "max", "max_exp", "max_10_exp", "min", "min_exp", "min_10_exp",
  "dig", "mant_dig", "epsilon", "radix", "rounds"};
static const StructSeqDesc float_info_desc = {"sys.float_info",
                                              float_info_fields, 11, 11};
TypeObj FloatInfo_Type = STRUCTSEQ_TYPE_INIT("sys.float_info");

static const char *const int_info_fields[] = {
  "bits_per_digit", "sizeof_digit", "default_max_str_digits",
  "str_digits_check_threshold"};
static const StructSeqDesc int_info_desc = {"sys.int_info", int_info_fields,
                                            4, 4};
TypeObj IntInfo_Type = STRUCTSEQ_TYPE_INIT("sys.int_info");

/* Steals the N new references in ITEMS (any may be NULL: MemoryError). */
static Obj *info_new(VM *vm, TypeObj *type, const StructSeqDesc *desc,
                     Obj **items, int n) {
  for (int i = 0; i < n; i++)
    if (!items[i]) {
      for (int j = 0; j < n; j++) xdecref(vm, items[j]);
      return NULL;
    }
  return structseq_new(vm, type, desc, items);
}

static Obj *float_info_new(VM *vm) {
  Obj *items[11] = {
    float_new(vm, DBL_MAX), int_from_i64(vm, DBL_MAX_EXP),
    int_from_i64(vm, DBL_MAX_10_EXP), float_new(vm, DBL_MIN),
    int_from_i64(vm, DBL_MIN_EXP), int_from_i64(vm, DBL_MIN_10_EXP),
    int_from_i64(vm, DBL_DIG), int_from_i64(vm, DBL_MANT_DIG),
    float_new(vm, DBL_EPSILON), int_from_i64(vm, FLT_RADIX),
    int_from_i64(vm, 1)};
  return info_new(vm, &FloatInfo_Type, &float_info_desc, items, 11);
}

/* CPython 3.11's values: its ints are 30-bit digits in 32-bit words. */
static Obj *int_info_new(VM *vm) {
  Obj *items[4] = {int_from_i64(vm, 30), int_from_i64(vm, 4),
                   int_from_i64(vm, 4300), int_from_i64(vm, 640)};
  return info_new(vm, &IntInfo_Type, &int_info_desc, items, 4);
}

/* ------------------------------------------------------------------ */
/* Functions                                                          */
/* ------------------------------------------------------------------ */

#define SYS_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static const char *const getsizeof_names[] = {"object", "default"};
static const ModArgSpec getsizeof_spec = {"getsizeof", getsizeof_names, 2, 0, 2, 1};

/* sys.getsizeof(object[, default]): the bytes the VM allocated for it.  A
** class that defines __sizeof__ in Python is asked, plus the GCHead, as
** CPython does. */
static Obj *sys_getsizeof(SYS_ARGS) {
  Obj *a[2], *o;
  TypeObj *t;
  if (mod_args(vm, &getsizeof_spec, args, nargs, kwnames, a) < 0) return NULL;
  o = a[0];
  t = TYPE(o);
  if (t->flags & TF_HEAPTYPE) {
    Obj *nm = str_intern_cstr(vm, "__sizeof__"), *f;
    if (!nm) return NULL;
    f = type_lookup(t, nm);
    if (f && obj_is(f, &Function_Type)) {
      Obj *r = obj_call1(vm, f, o), *sum;
      if (!r) return NULL;
      if (!int_check(r)) {
        decref(vm, r);
        return vm_raise(vm, &Exc_TypeError,
                        "'%s' object cannot be interpreted as an integer",
                        obj_type_name(r));
      }
      if (int_sign(r) < 0) {
        decref(vm, r);
        return vm_raise(vm, &Exc_ValueError, "__sizeof__() should return >= 0");
      }
      if (!(t->flags & TF_GC)) return r;
      Obj *gch = int_from_i64(vm, (int64_t)sizeof(GCHead));
      sum = gch ? obj_binop(vm, r, gch, BINOP_ADD) : NULL;
      xdecref(vm, gch);
      decref(vm, r);
      return sum;
    }
  }
  if (t->sizeof_) return int_from_u64(vm, t->sizeof_(o));
  if (t->basicsize && !t->itemsize)
    return int_from_u64(vm, t->basicsize + (t->flags & TF_GC ? sizeof(GCHead) : 0));
  if (a[1]) return incref(a[1]);
  return vm_raise(vm, &Exc_TypeError, "Type %s doesn't define __sizeof__", t->name);
}

static Obj *sys_getrecursionlimit(SYS_ARGS) {
  if (mod_check_noargs(vm, "sys.getrecursionlimit", nargs, kwnames) < 0) return NULL;
  return int_from_i64(vm, vm->recursion_limit);
}

/* sys.setrecursionlimit(limit): the depth CPython compares with counts the
** running Python frames plus the call of setrecursionlimit itself. */
static Obj *sys_setrecursionlimit(SYS_ARGS) {
  int limit, depth;
  if (mod_check_o(vm, "sys.setrecursionlimit", nargs, kwnames) < 0) return NULL;
  if (mod_as_int(vm, args[0], &limit) < 0) return NULL;
  if (limit < 1)
    return vm_raise(vm, &Exc_ValueError,
                    "recursion limit must be greater or equal than 1");
  depth = vm->depth + 1;
  if (depth >= limit)
    return vm_raise(vm, &Exc_RecursionError,
                    "cannot set the recursion limit to %d at the recursion depth "
                    "%d: the limit is too low", limit, depth);
  vm->recursion_limit = limit;
  return none_new();
}

static Obj *sys_exit(SYS_ARGS) {
  if (mod_check_pos(vm, "exit", nargs, kwnames, 0, 1) < 0) return NULL;
  return mod_raise_exit(vm, nargs ? args[0] : NULL);
}

static Obj *sys_getrefcount(SYS_ARGS) {
  if (mod_check_o(vm, "sys.getrefcount", nargs, kwnames) < 0) return NULL;
  return int_from_i64(vm, args[0]->refcnt);
}

static Obj *sys_intern(SYS_ARGS) {
  Obj *s;
  if (mod_check_o(vm, "sys.intern", nargs, kwnames) < 0) return NULL;
  s = args[0];
  if (!str_check(s))
    return vm_raise(vm, &Exc_TypeError, "intern() argument must be str, not %s",
                    obj_type_name(s));
  if (!obj_is(s, &Str_Type))
    return vm_raise(vm, &Exc_TypeError, "can't intern %s", obj_type_name(s));
  incref(s);
  str_intern_inplace(vm, &s);
  return s;
}

static Obj *sys_getdefaultencoding(SYS_ARGS) {
  if (mod_check_noargs(vm, "sys.getdefaultencoding", nargs, kwnames) < 0) return NULL;
  return str_from_cstr(vm, "utf-8");
}

/* The exception an `except` block (or a generator resumed inside one) is
** handling: borrowed, or NULL when there is none. */
static Obj *handled_exception(VM *vm) {
  Obj *e = vm->handled_exc;
  return e && e != None ? e : NULL;
}

static Obj *sys_exception(SYS_ARGS) {
  if (mod_check_noargs(vm, "sys.exception", nargs, kwnames) < 0) return NULL;
  Obj *e = handled_exception(vm);
  return incref(e ? e : None);
}

static Obj *sys_exc_info(SYS_ARGS) {
  if (mod_check_noargs(vm, "sys.exc_info", nargs, kwnames) < 0) return NULL;
  Obj *e = handled_exception(vm);
  if (!e) return tuple_pack(vm, 3, None, None, None);
  Obj *tb = obj_getattr_cstr(vm, e, "__traceback__");
  if (!tb) return NULL;
  Obj *r = tuple_pack(vm, 3, (Obj *)TYPE(e), e, tb);
  decref(vm, tb);
  return r;
}

static Obj *sys_get_int_max_str_digits(SYS_ARGS) {
  if (mod_check_noargs(vm, "sys.get_int_max_str_digits", nargs, kwnames) < 0)
    return NULL;
  return int_from_i64(vm, int_get_max_str_digits(vm));
}

static const char *const maxdigits_names[] = {"maxdigits"};
static const ModArgSpec maxdigits_spec = {"set_int_max_str_digits",
                                          maxdigits_names, 1, 0, 1, 1};

static Obj *sys_set_int_max_str_digits(SYS_ARGS) {
  Obj *a;
  ssize n;
  if (mod_args(vm, &maxdigits_spec, args, nargs, kwnames, &a) < 0) return NULL;
  n = obj_as_ssize(vm, a);
  if (n == -1 && vm_exc_occurred(vm)) return NULL;
  if (int_set_max_str_digits(vm, n) < 0) return NULL;
  return none_new();
}

static const MethodDef sys_funcs[] = {
  {"getsizeof", sys_getsizeof, 0},
  {"getrecursionlimit", sys_getrecursionlimit, 0},
  {"setrecursionlimit", sys_setrecursionlimit, 0},
  {"exit", sys_exit, 0},
  {"getrefcount", sys_getrefcount, 0},
  {"intern", sys_intern, 0},
  {"getdefaultencoding", sys_getdefaultencoding, 0},
  {"exc_info", sys_exc_info, 0},
  {"exception", sys_exception, 0},
  {"get_int_max_str_digits", sys_get_int_max_str_digits, 0},
  {"set_int_max_str_digits", sys_set_int_max_str_digits, 0},
  {NULL, NULL, 0},
};

/* Set NAME in D to V, stealing V (which may be NULL after a failure). */
static int set_steal(VM *vm, Obj *d, const char *name, Obj *v) {
  if (!v) return -1;
  int rc = dict_set_cstr(vm, d, name, v);
  decref(vm, v);
  return rc;
}

Obj *sysmod_init(VM *vm) {
  Obj *m = module_new(vm, "sys", sys_funcs), *d, *out, *err;
  if (!m) return NULL;
  d = ((ModuleObj *)m)->dict;
  out = sysmod_stream(vm, 1);
  err = sysmod_stream(vm, 2);
  if (!out || !err) goto fail;
  if (dict_set_cstr(vm, d, "stdout", out) < 0 ||
      dict_set_cstr(vm, d, "stderr", err) < 0 ||
      dict_set_cstr(vm, d, "__stdout__", out) < 0 ||
      dict_set_cstr(vm, d, "__stderr__", err) < 0)
    goto fail;
  if (vm->argv ? dict_set_cstr(vm, d, "argv", vm->argv) < 0
               : set_steal(vm, d, "argv", list_new(vm, 0)) < 0)
    goto fail;
  if (vm->modules && dict_set_cstr(vm, d, "modules", vm->modules) < 0) goto fail;
  Obj *path = list_new(vm, 0);
  if (!path) goto fail;
  if (list_append(vm, path, vm->script_dir ? vm->script_dir : vm->empty_str) < 0 ||
      dict_set_cstr(vm, d, "path", path) < 0) {
    decref(vm, path);
    goto fail;
  }
  decref(vm, path);
  if (set_steal(vm, d, "maxsize", int_from_i64(vm, INT64_MAX)) < 0 ||
      set_steal(vm, d, "maxunicode", int_from_i64(vm, 0x10FFFF)) < 0 ||
      set_steal(vm, d, "hexversion", int_from_i64(vm, 0x030B02F0)) < 0 ||
      set_steal(vm, d, "version",
                str_from_cstr(vm, "3.11.2 (heaptrail " PACKAGE_VERSION ")")) < 0 ||
      set_steal(vm, d, "version_info", version_info_new(vm)) < 0 ||
      set_steal(vm, d, "float_info", float_info_new(vm)) < 0 ||
      set_steal(vm, d, "int_info", int_info_new(vm)) < 0 ||
      set_steal(vm, d, "platform", str_from_cstr(vm, "linux")) < 0 ||
      set_steal(vm, d, "byteorder",
                str_from_cstr(vm, __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
                                      ? "little" : "big")) < 0)
    goto fail;
  return m;
fail:
  decref(vm, m);
  return NULL;
}
