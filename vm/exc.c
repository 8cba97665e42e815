/*
** exc.c -- exceptions: the builtin exception classes, raising and chaining,
** traceback objects, and printing an uncaught exception as CPython 3.11
** does.
**
** The current exception is one normalised instance in vm->exc (owned).  The
** exception being handled by an `except` block is vm->handled_exc; raising
** while one is handled records it as the new exception's __context__, and
** the printer walks __cause__/__context__ chains with CPython's two
** connecting sentences.
**
** Every exception instance is an ExcObj (frame.h): args, traceback, context,
** cause, notes, a __dict__, and up to seven per-class fields (SyntaxError's
** location, StopIteration.value, SystemExit.code, NameError.name, ...).  The
** classes are listed once in object.h's EXC_LIST.
**
** A traceback is a chain of TracebackObj, outermost first: each frame the
** exception leaves prepends one entry.  Printing shows at most the last
** 1000 entries (sys.tracebacklimit's default) and folds runs of more than
** three identical entries into "[Previous line repeated N more times]".
** Source lines come from the files, read once per file and cached.
*/
#include <string.h>
#include <stdio.h>
#include <errno.h>
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "containers.h"
#include "compile.h"

#define Exc_Object Object_Type

/* ------------------------------------------------------------------ */
/* Per-class fields                                                   */
/* ------------------------------------------------------------------ */

enum {
  SE_MSG, SE_FILENAME, SE_LINENO, SE_OFFSET, SE_TEXT, SE_END_LINENO,
  SE_END_OFFSET
};
#define X_VALUE 0                 /* StopIteration.value */
#define X_CODE 0                  /* SystemExit.code */
#define X_NAME 0                  /* NameError/AttributeError/ImportError name */
#define X_OBJ 1                   /* AttributeError.obj */
#define X_PATH 1                  /* ImportError.path */
#define X_IMSG 2                  /* ImportError.msg */
#define X_ERRNO 0                 /* OSError errno, strerror, filename, filename2 */
#define X_STRERROR 1
#define X_FILENAME 2
#define X_FILENAME2 3

static Obj *orn(Obj *o) { return incref(o ? o : None); }

/* ------------------------------------------------------------------ */
/* Instances                                                          */
/* ------------------------------------------------------------------ */

static void exc_dealloc(VM *vm, Obj *o) {
  ExcObj *e = (ExcObj *)o;
  gc_untrack(o);
  if (!trash_begin(vm, o)) return;
  xdecref(vm, e->args);
  xdecref(vm, e->traceback);
  xdecref(vm, e->context);
  xdecref(vm, e->cause);
  xdecref(vm, e->notes);
  xdecref(vm, e->dict);
  for (int i = 0; i < 7; i++) xdecref(vm, e->extra[i]);
  gc_free(vm, o, o->type->basicsize);
  trash_end(vm);
}

static int exc_traverse(Obj *o, visitproc visit, void *arg) {
  ExcObj *e = (ExcObj *)o;
  int r;
#define V(x, k, i) if ((x) && (r = visit((x), k, i, NULL, arg))) return r;
  V(e->args, EDGE_OTHER, 0)
  V(e->traceback, EDGE_OTHER, 1)
  V(e->context, EDGE_OTHER, 2)
  V(e->cause, EDGE_OTHER, 3)
  V(e->notes, EDGE_OTHER, 4)
  V(e->dict, EDGE_DICT, 0)
  for (int i = 0; i < 7; i++) V(e->extra[i], EDGE_OTHER, 10 + i)
#undef V
  return 0;
}

static int exc_clear(VM *vm, Obj *o) {
  ExcObj *e = (ExcObj *)o;
  Obj *x[13] = {e->args, e->traceback, e->context, e->cause, e->notes, e->dict};
  e->args = e->traceback = e->context = e->cause = e->notes = e->dict = NULL;
  for (int i = 0; i < 7; i++) {
    x[6 + i] = e->extra[i];
    e->extra[i] = NULL;
  }
  for (int i = 0; i < 13; i++) xdecref(vm, x[i]);
  return 0;
}

bool exc_is_class(Obj *o) {
  return (o->type == &Type_Type || type_is_subtype(o->type, &Type_Type)) &&
         type_is_subtype((TypeObj *)o, &Exc_BaseException);
}

bool exc_is_instance(Obj *o) { return type_is_subtype(o->type, &Exc_BaseException); }

/* Fill the per-class fields from ARGS as the class's __init__ does. */
static int exc_init_fields(VM *vm, ExcObj *e, Obj *args) {
  TypeObj *t = e->ob.type;
  ssize n = TUPLE_SIZE(args);
  if (type_is_subtype(t, &Exc_StopIteration)) {
    obj_setref(vm, &e->extra[X_VALUE], incref(n > 0 ? TUPLE_GET(args, 0) : None));
  } else if (type_is_subtype(t, &Exc_SystemExit)) {
    Obj *code = n == 0 ? incref(None) : n == 1 ? incref(TUPLE_GET(args, 0))
                                               : incref(args);
    obj_setref(vm, &e->extra[X_CODE], code);
  } else if (type_is_subtype(t, &Exc_SyntaxError)) {
    if (n >= 1) obj_setref(vm, &e->extra[SE_MSG], incref(TUPLE_GET(args, 0)));
    if (n == 2) {
      Obj *info = seq_to_tuple(vm, TUPLE_GET(args, 1));
      if (!info) return -1;
      ssize k = TUPLE_SIZE(info);
      if (k < 4 || k > 6) {
        decref(vm, info);
        vm_raise(vm, &Exc_IndexError, "tuple index out of range");
        return -1;
      }
      static const int map[6] = {SE_FILENAME, SE_LINENO, SE_OFFSET, SE_TEXT,
                                 SE_END_LINENO, SE_END_OFFSET};
      for (ssize i = 0; i < k; i++)
        obj_setref(vm, &e->extra[map[i]], incref(TUPLE_GET(info, i)));
      decref(vm, info);
    }
  } else if (type_is_subtype(t, &Exc_ImportError)) {
    if (n == 1) obj_setref(vm, &e->extra[X_IMSG], incref(TUPLE_GET(args, 0)));
  } else if (type_is_subtype(t, &Exc_OSError) && n >= 2 && n <= 5) {
    /* OSError(errno, strerror[, filename[, winerror[, filename2]]]): args
    ** keep only the first two, as CPython's */
    obj_setref(vm, &e->extra[X_ERRNO], incref(TUPLE_GET(args, 0)));
    obj_setref(vm, &e->extra[X_STRERROR], incref(TUPLE_GET(args, 1)));
    if (n >= 3) {
      obj_setref(vm, &e->extra[X_FILENAME], incref(TUPLE_GET(args, 2)));
      if (n == 5) obj_setref(vm, &e->extra[X_FILENAME2], incref(TUPLE_GET(args, 4)));
      Obj *two = tuple_new(vm, 2);
      if (!two) return -1;
      TUPLE_ITEMS(two)[0] = incref(TUPLE_GET(args, 0));
      TUPLE_ITEMS(two)[1] = incref(TUPLE_GET(args, 1));
      obj_setref(vm, &e->args, two);
    }
  }
  return 0;
}

/* OSError(errno, ...) makes the subclass CPython picks for that errno. */
static TypeObj *oserror_subclass(Obj *const *args, size_t nargs) {
  if (nargs < 2 || !int_check(args[0]) || !int_fits_i64(args[0])) return &Exc_OSError;
  switch (int_as_i64_unchecked(args[0])) {
  case EAGAIN: case EALREADY: case EINPROGRESS: return &Exc_BlockingIOError;
  case ECHILD: return &Exc_ChildProcessError;
  case EPIPE: case ESHUTDOWN: return &Exc_BrokenPipeError;
  case ECONNABORTED: return &Exc_ConnectionAbortedError;
  case ECONNREFUSED: return &Exc_ConnectionRefusedError;
  case ECONNRESET: return &Exc_ConnectionResetError;
  case EEXIST: return &Exc_FileExistsError;
  case ENOENT: return &Exc_FileNotFoundError;
  case EISDIR: return &Exc_IsADirectoryError;
  case ENOTDIR: return &Exc_NotADirectoryError;
  case EINTR: return &Exc_InterruptedError;
  case EACCES: case EPERM: return &Exc_PermissionError;
  case ESRCH: return &Exc_ProcessLookupError;
  case ETIMEDOUT: return &Exc_TimeoutError;
  default: return &Exc_OSError;
  }
}

Obj *exc_new(VM *vm, TypeObj *type, Obj *args) {
  ExcObj *e = (ExcObj *)gc_alloc(vm, type, type->basicsize);
  if (!e) return NULL;
  e->args = incref(args);
  if (exc_init_fields(vm, e, args) < 0) {
    decref(vm, (Obj *)e);
    return NULL;
  }
  return (Obj *)e;
}

static bool kw_allowed(TypeObj *t, Obj *kwnames, const char *const *ok) {
  if (!kwnames) return true;
  for (ssize i = 0; i < TUPLE_SIZE(kwnames); i++) {
    bool found = false;
    for (const char *const *p = ok; p && *p; p++)
      if (str_eq_cstr(TUPLE_GET(kwnames, i), *p)) found = true;
    if (!found) return false;
  }
  return true;
}

static const char *const *exc_kw_names(TypeObj *t) {
  static const char *const name_kw[] = {"name", NULL};
  static const char *const attr_kw[] = {"name", "obj", NULL};
  static const char *const import_kw[] = {"name", "path", NULL};
  if (type_is_subtype(t, &Exc_AttributeError)) return attr_kw;
  if (type_is_subtype(t, &Exc_NameError)) return name_kw;
  if (type_is_subtype(t, &Exc_ImportError)) return import_kw;
  return NULL;
}

static int exc_apply_kw(VM *vm, ExcObj *e, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (!kwnames) return 0;
  TypeObj *t = e->ob.type;
  for (ssize i = 0; i < TUPLE_SIZE(kwnames); i++) {
    Obj *k = TUPLE_GET(kwnames, i), *v = args[nargs + i];
    if (str_eq_cstr(k, "name")) obj_setref(vm, &e->extra[X_NAME], incref(v));
    else if (str_eq_cstr(k, "obj") && type_is_subtype(t, &Exc_AttributeError))
      obj_setref(vm, &e->extra[X_OBJ], incref(v));
    else if (str_eq_cstr(k, "path")) obj_setref(vm, &e->extra[X_PATH], incref(v));
  }
  return 0;
}

static Obj *exc_type_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  TypeObj *t = (TypeObj *)type;
  if (kwnames && TUPLE_SIZE(kwnames) && !kw_allowed(t, kwnames, exc_kw_names(t)) &&
      t->init == Exc_BaseException.init) {
    /* report the first unknown keyword */
    const char *const *ok = exc_kw_names(t);
    for (ssize i = 0; i < TUPLE_SIZE(kwnames); i++) {
      Obj *k = TUPLE_GET(kwnames, i);
      bool found = false;
      for (const char *const *p = ok; p && *p; p++)
        if (str_eq_cstr(k, *p)) found = true;
      if (!found) {
        if (!ok)
          return vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments",
                          t->name);
        return vm_raise(vm, &Exc_TypeError,
                        "%s() got an unexpected keyword argument '%S'", t->name, k);
      }
    }
  }
  if (t == &Exc_OSError) t = oserror_subclass(args, nargs);
  Obj *tup = tuple_from_array(vm, args, (ssize)nargs);
  if (!tup) return NULL;
  Obj *e = exc_new(vm, t, tup);
  decref(vm, tup);
  if (e && exc_apply_kw(vm, (ExcObj *)e, args, nargs, kwnames) < 0) {
    decref(vm, e);
    return NULL;
  }
  return e;
}

static int exc_type_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  ExcObj *e = (ExcObj *)self;
  Obj *tup = tuple_from_array(vm, args, (ssize)nargs);
  if (!tup) return -1;
  obj_setref(vm, &e->args, tup);
  if (exc_init_fields(vm, e, tup) < 0) return -1;
  return exc_apply_kw(vm, e, args, nargs, kwnames);
}

/* ------------------------------------------------------------------ */
/* str / repr                                                         */
/* ------------------------------------------------------------------ */

static Obj *exc_args_str(VM *vm, ExcObj *e) {
  ssize n = e->args ? TUPLE_SIZE(e->args) : 0;
  if (n == 0) return incref(vm->empty_str);
  if (n == 1) return obj_str(vm, TUPLE_GET(e->args, 0));
  return obj_str(vm, e->args);
}

static const char *basename_of(const char *p) {
  const char *s = strrchr(p, '/');
  return s ? s + 1 : p;
}

static Obj *exc_str(VM *vm, Obj *o) {
  ExcObj *e = (ExcObj *)o;
  TypeObj *t = o->type;
  ssize n = e->args ? TUPLE_SIZE(e->args) : 0;
  if (type_is_subtype(t, &Exc_KeyError) && n == 1)
    return obj_repr(vm, TUPLE_GET(e->args, 0));
  if (type_is_subtype(t, &Exc_SyntaxError)) {
    Obj *msg = e->extra[SE_MSG] ? e->extra[SE_MSG] : None;
    Obj *fn = e->extra[SE_FILENAME];
    Obj *ln = e->extra[SE_LINENO];
    bool have_fn = fn && str_check(fn);
    bool have_ln = ln && int_check(ln);
    if (have_fn && have_ln)
      return str_fromf(vm, "%S (%s, line %S)", msg, basename_of(STR_UTF8(fn)), ln);
    if (have_fn) return str_fromf(vm, "%S (%s)", msg, basename_of(STR_UTF8(fn)));
    if (have_ln) return str_fromf(vm, "%S (line %S)", msg, ln);
    return obj_str(vm, msg);
  }
  if (type_is_subtype(t, &Exc_ImportError) && e->extra[X_IMSG])
    return obj_str(vm, e->extra[X_IMSG]);
  if (type_is_subtype(t, &Exc_OSError) && e->extra[X_ERRNO] && e->extra[X_STRERROR]) {
    Obj *errno_ = e->extra[X_ERRNO], *strerror_ = e->extra[X_STRERROR];
    Obj *fn = e->extra[X_FILENAME], *fn2 = e->extra[X_FILENAME2];
    if (fn && fn2)
      return str_fromf(vm, "[Errno %S] %S: %R -> %R", errno_, strerror_, fn, fn2);
    if (fn) return str_fromf(vm, "[Errno %S] %S: %R", errno_, strerror_, fn);
    return str_fromf(vm, "[Errno %S] %S", errno_, strerror_);
  }
  return exc_args_str(vm, e);
}

static Obj *exc_type_display_name(VM *vm, TypeObj *t) {
  if (t->qualname) return incref(t->qualname);
  return str_from_cstr(vm, t->name);
}

static Obj *exc_repr(VM *vm, Obj *o) {
  ExcObj *e = (ExcObj *)o;
  Obj *name = exc_type_display_name(vm, o->type);
  if (!name) return NULL;
  Obj *r;
  ssize n = e->args ? TUPLE_SIZE(e->args) : 0;
  if (n == 1) r = str_fromf(vm, "%S(%R)", name, TUPLE_GET(e->args, 0));
  else if (n == 0) r = str_fromf(vm, "%S()", name);
  else r = str_fromf(vm, "%S%R", name, e->args);
  decref(vm, name);
  return r;
}

/* ------------------------------------------------------------------ */
/* Attributes                                                         */
/* ------------------------------------------------------------------ */

#define EX(o) ((ExcObj *)(o))
static Obj *ex_get_args(VM *vm, Obj *o) {
  return EX(o)->args ? incref(EX(o)->args) : tuple_new(vm, 0);
}
static int ex_set_args(VM *vm, Obj *o, Obj *v) {
  if (!v) {
    vm_raise(vm, &Exc_TypeError, "args may not be deleted");
    return -1;
  }
  Obj *t = seq_to_tuple(vm, v);
  if (!t) return -1;
  obj_setref(vm, &EX(o)->args, t);
  return 0;
}
static Obj *ex_get_tb(VM *vm, Obj *o) { return orn(EX(o)->traceback); }
static int ex_set_tb(VM *vm, Obj *o, Obj *v) {
  if (!v) {
    vm_raise(vm, &Exc_TypeError, "__traceback__ may not be deleted");
    return -1;
  }
  if (v != None && v->type != &Traceback_Type) {
    vm_raise(vm, &Exc_TypeError, "__traceback__ must be a traceback or None");
    return -1;
  }
  obj_setref(vm, &EX(o)->traceback, v == None ? NULL : incref(v));
  return 0;
}
static Obj *ex_get_context(VM *vm, Obj *o) { return orn(EX(o)->context); }
static int ex_set_context(VM *vm, Obj *o, Obj *v) {
  if (!v) {
    vm_raise(vm, &Exc_TypeError, "__context__ may not be deleted");
    return -1;
  }
  if (v != None && !exc_is_instance(v)) {
    vm_raise(vm, &Exc_TypeError, "exception context must be None or derive from BaseException");
    return -1;
  }
  obj_setref(vm, &EX(o)->context, v == None ? NULL : incref(v));
  return 0;
}
static Obj *ex_get_cause(VM *vm, Obj *o) { return orn(EX(o)->cause); }
static int ex_set_cause(VM *vm, Obj *o, Obj *v) {
  if (!v) {
    vm_raise(vm, &Exc_TypeError, "__cause__ may not be deleted");
    return -1;
  }
  if (v != None && !exc_is_instance(v)) {
    vm_raise(vm, &Exc_TypeError, "exception cause must be None or derive from BaseException");
    return -1;
  }
  obj_setref(vm, &EX(o)->cause, v == None ? NULL : incref(v));
  EX(o)->suppress_context = true;
  return 0;
}
static Obj *ex_get_suppress(VM *vm, Obj *o) { return bool_new(EX(o)->suppress_context); }
static int ex_set_suppress(VM *vm, Obj *o, Obj *v) {
  int t = v ? obj_truthy(vm, v) : 0;
  if (t < 0) return -1;
  EX(o)->suppress_context = t;
  return 0;
}
static Obj *ex_get_dict(VM *vm, Obj *o) {
  if (!EX(o)->dict && !(EX(o)->dict = dict_new(vm))) return NULL;
  return incref(EX(o)->dict);
}

static const GetSetDef exc_getset[] = {
  {"args", ex_get_args, ex_set_args},
  {"__traceback__", ex_get_tb, ex_set_tb},
  {"__context__", ex_get_context, ex_set_context},
  {"__cause__", ex_get_cause, ex_set_cause},
  {"__suppress_context__", ex_get_suppress, ex_set_suppress},
  {"__dict__", ex_get_dict, NULL},
  {NULL, NULL, NULL},
};

/* Per-class fields as read/write attributes. */
#define FIELD_GETSET(fname, idx)                                           \
  static Obj *get_##fname(VM *vm, Obj *o) { return orn(EX(o)->extra[idx]); } \
  static int set_##fname(VM *vm, Obj *o, Obj *v) {                         \
    obj_setref(vm, &EX(o)->extra[idx], xincref(v));                        \
    return 0;                                                              \
  }
FIELD_GETSET(value, X_VALUE)
FIELD_GETSET(code, X_CODE)
FIELD_GETSET(name, X_NAME)
FIELD_GETSET(obj, X_OBJ)
FIELD_GETSET(path, X_PATH)
FIELD_GETSET(imsg, X_IMSG)
FIELD_GETSET(se_msg, SE_MSG)
FIELD_GETSET(se_filename, SE_FILENAME)
FIELD_GETSET(se_lineno, SE_LINENO)
FIELD_GETSET(se_offset, SE_OFFSET)
FIELD_GETSET(se_text, SE_TEXT)
FIELD_GETSET(se_end_lineno, SE_END_LINENO)
FIELD_GETSET(se_end_offset, SE_END_OFFSET)

static Obj *get_none_field(VM *vm, Obj *o) { return none_new(); }

static const GetSetDef stopiter_getset[] = {
  {"value", get_value, set_value}, {NULL, NULL, NULL}};
static const GetSetDef sysexit_getset[] = {
  {"code", get_code, set_code}, {NULL, NULL, NULL}};
static const GetSetDef nameerr_getset[] = {
  {"name", get_name, set_name}, {NULL, NULL, NULL}};
static const GetSetDef attrerr_getset[] = {
  {"name", get_name, set_name}, {"obj", get_obj, set_obj}, {NULL, NULL, NULL}};
static const GetSetDef importerr_getset[] = {
  {"name", get_name, set_name}, {"path", get_path, set_path},
  {"msg", get_imsg, set_imsg}, {NULL, NULL, NULL}};
FIELD_GETSET(os_errno, X_ERRNO)
FIELD_GETSET(os_strerror, X_STRERROR)
FIELD_GETSET(os_filename, X_FILENAME)
FIELD_GETSET(os_filename2, X_FILENAME2)
static const GetSetDef oserror_getset[] = {
  {"errno", get_os_errno, set_os_errno},
  {"strerror", get_os_strerror, set_os_strerror},
  {"filename", get_os_filename, set_os_filename},
  {"filename2", get_os_filename2, set_os_filename2},
  {NULL, NULL, NULL}};

static const GetSetDef syntaxerr_getset[] = {
  {"msg", get_se_msg, set_se_msg},
  {"filename", get_se_filename, set_se_filename},
  {"lineno", get_se_lineno, set_se_lineno},
  {"offset", get_se_offset, set_se_offset},
  {"text", get_se_text, set_se_text},
  {"end_lineno", get_se_end_lineno, set_se_end_lineno},
  {"end_offset", get_se_end_offset, set_se_end_offset},
  {"print_file_and_line", get_none_field, NULL},
  {NULL, NULL, NULL}};

static Obj *exc_with_traceback(VM *vm, Obj *self, Obj *const *args,
                               size_t nargs, Obj *kwnames) {
  if (args_check(vm, "with_traceback", nargs, kwnames, 1, 1) < 0) return NULL;
  if (ex_set_tb(vm, self, args[0]) < 0) return NULL;
  return incref(self);
}

static Obj *exc_add_note(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  if (args_check(vm, "add_note", nargs, kwnames, 1, 1) < 0) return NULL;
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError, "note must be a str, not '%s'",
                    obj_type_name(args[0]));
  ExcObj *e = EX(self);
  if (!e->notes && !(e->notes = list_new(vm, 0))) return NULL;
  if (list_append(vm, e->notes, args[0]) < 0) return NULL;
  return none_new();
}
#undef EX

static const MethodDef exc_methods[] = {
  {"with_traceback", exc_with_traceback, 0},
  {"add_note", exc_add_note, 0},
  {NULL, NULL, 0},
};

/* ------------------------------------------------------------------ */
/* The classes                                                        */
/* ------------------------------------------------------------------ */

#define EXC_TYPE_DEF(nm, basenm)                                           \
  TypeObj Exc_##nm = {                                                     \
    .ob = OBJ_STATIC_INIT(&Type_Type),                                     \
    .name = #nm,                                                           \
    .tag = HT_TAG_EXCEPTION,                                               \
    .basicsize = sizeof(ExcObj),                                           \
    .flags = TF_GC | TF_BASETYPE | TF_EXC_SUBCLASS,                        \
    .base = &Exc_##basenm,                                                 \
    .dealloc = exc_dealloc,                                                \
    .traverse = exc_traverse,                                              \
    .clear = exc_clear,                                                    \
    .repr = exc_repr,                                                      \
    .str = exc_str,                                                        \
    .new_ = exc_type_new,                                                  \
    .init = exc_type_init,                                                 \
    .dictoffset = offsetof(ExcObj, dict),                                  \
  };
EXC_LIST(EXC_TYPE_DEF)
#undef EXC_TYPE_DEF

TypeObj *const core_exc_types[] = {
#define X_(nm, basenm) &Exc_##nm,
  EXC_LIST(X_)
#undef X_
  NULL,
};

/* Give each class its own attribute tables before type_ready. */
void exc_types_prepare(void);
void exc_types_prepare(void) {
  Exc_BaseException.methods = exc_methods;
  Exc_BaseException.getset = exc_getset;
  Exc_StopIteration.getset = stopiter_getset;
  Exc_SystemExit.getset = sysexit_getset;
  Exc_NameError.getset = nameerr_getset;
  Exc_AttributeError.getset = attrerr_getset;
  Exc_ImportError.getset = importerr_getset;
  Exc_SyntaxError.getset = syntaxerr_getset;
  Exc_OSError.getset = oserror_getset;
  Exc_BaseException.doc = "Common base class for all exceptions";
}

/* ------------------------------------------------------------------ */
/* Raising                                                            */
/* ------------------------------------------------------------------ */

void exc_set(VM *vm, Obj *exc) {
  Obj *handled = vm->handled_exc;
  if (handled && handled != exc && exc_is_instance(exc)) {
    /* Avoid a cycle in the context chain, as CPython's _PyErr_SetObject. */
    Obj *o = handled;
    while (o) {
      ExcObj *oe = (ExcObj *)o;
      if (oe->context == exc) {
        obj_setref(vm, &oe->context, NULL);
        break;
      }
      o = oe->context;
    }
    obj_setref(vm, &((ExcObj *)exc)->context, incref(handled));
  }
  Obj *old = vm->exc;
  vm->exc = exc;
  xdecref(vm, old);
}

Obj *vm_raise(VM *vm, TypeObj *type, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  Obj *msg = str_vfromf(vm, fmt, ap);
  va_end(ap);
  if (!msg) return NULL;
  Obj *args = tuple_new(vm, 1);
  if (!args) {
    decref(vm, msg);
    return NULL;
  }
  TUPLE_ITEMS(args)[0] = msg;
  Obj *e = exc_new(vm, type, args);
  decref(vm, args);
  if (!e) return NULL;
  exc_set(vm, e);
  return NULL;
}

Obj *vm_raise_nomem(VM *vm) {
  /* A fresh instance when memory allows (a big request failed, a small one
  ** may not), else the preallocated one. */
  Obj *e = NULL;
  if (vm->empty_tuple && vm->nomem_exc) {
    GCHead *g = ht_alloc(Exc_MemoryError.tag, sizeof(GCHead) + sizeof(ExcObj));
    if (g) {
      ht_free(Exc_MemoryError.tag, g, sizeof(GCHead) + sizeof(ExcObj));
      e = exc_new(vm, &Exc_MemoryError, vm->empty_tuple);
    }
  }
  if (!e && vm->nomem_exc) {
    e = incref(vm->nomem_exc);
    ExcObj *x = (ExcObj *)e;
    obj_setref(vm, &x->traceback, NULL);
    obj_setref(vm, &x->context, NULL);
    obj_setref(vm, &x->cause, NULL);
  }
  if (e) exc_set(vm, e);
  return NULL;
}

Obj *vm_raise_obj(VM *vm, Obj *exc) {
  if (exc_is_class(exc)) {
    Obj *inst = obj_call0(vm, exc);
    if (!inst) return NULL;
    if (!exc_is_instance(inst)) {
      vm_raise(vm, &Exc_TypeError,
               "calling %R should have returned an instance of BaseException, "
               "not %s", exc, obj_type_name(inst));
      decref(vm, inst);
      return NULL;
    }
    exc_set(vm, inst);
    return NULL;
  }
  if (exc_is_instance(exc)) {
    exc_set(vm, incref(exc));
    return NULL;
  }
  return vm_raise(vm, &Exc_TypeError, "exceptions must derive from BaseException");
}

Obj *exc_do_raise(VM *vm, Obj *exc, Obj *cause, bool has_cause) {
  Obj *value;
  if (exc_is_class(exc)) {
    value = obj_call0(vm, exc);
    if (!value) return NULL;
    if (!exc_is_instance(value)) {
      vm_raise(vm, &Exc_TypeError,
               "calling %R should have returned an instance of BaseException, "
               "not %s", exc, obj_type_name(value));
      decref(vm, value);
      return NULL;
    }
  } else if (exc_is_instance(exc)) {
    value = incref(exc);
  } else {
    return vm_raise(vm, &Exc_TypeError, "exceptions must derive from BaseException");
  }
  if (has_cause) {
    Obj *fixed;
    if (exc_is_class(cause)) {
      fixed = obj_call0(vm, cause);
      if (!fixed) {
        decref(vm, value);
        return NULL;
      }
    } else if (exc_is_instance(cause)) {
      fixed = incref(cause);
    } else if (cause == None) {
      fixed = NULL;
    } else {
      decref(vm, value);
      return vm_raise(vm, &Exc_TypeError,
                      "exception causes must derive from BaseException");
    }
    obj_setref(vm, &((ExcObj *)value)->cause, fixed);
    ((ExcObj *)value)->suppress_context = true;
  }
  exc_set(vm, value);
  return NULL;
}

bool vm_exc_occurred(VM *vm) { return vm->exc != NULL; }

bool vm_exc_matches(VM *vm, TypeObj *type) {
  return vm->exc && type_is_subtype(vm->exc->type, type);
}

void vm_exc_clear(VM *vm) {
  Obj *e = vm->exc;
  vm->exc = NULL;
  xdecref(vm, e);
}

Obj *vm_exc_fetch(VM *vm) {
  Obj *e = vm->exc;
  vm->exc = NULL;
  return e;
}

void vm_exc_restore(VM *vm, Obj *exc) {
  Obj *old = vm->exc;
  vm->exc = exc;
  xdecref(vm, old);
}

Obj *vm_raise_stop(VM *vm, Obj *value) {
  Obj *args = value ? tuple_pack(vm, 1, value) : tuple_new(vm, 0);
  if (!args) return NULL;
  Obj *e = exc_new(vm, &Exc_StopIteration, args);
  decref(vm, args);
  if (e) exc_set(vm, e);
  return NULL;
}

Obj *vm_raise_syntax(VM *vm, TypeObj *type, const char *msg, Obj *filename,
                     int lineno, int offset, int end_offset, const char *line) {
  Obj *m = str_from_cstr(vm, msg);
  if (!m) return NULL;
  Obj *args = tuple_pack(vm, 1, m);
  decref(vm, m);
  if (!args) return NULL;
  Obj *e = exc_new(vm, type, args);
  decref(vm, args);
  if (!e) return NULL;
  ExcObj *x = (ExcObj *)e;
  x->extra[SE_FILENAME] = filename ? incref(filename) : NULL;
  x->extra[SE_LINENO] = int_from_i64(vm, lineno);
  x->extra[SE_OFFSET] = offset > 0 ? int_from_i64(vm, offset) : NULL;
  x->extra[SE_END_LINENO] = int_from_i64(vm, lineno);
  x->extra[SE_END_OFFSET] = end_offset > 0 ? int_from_i64(vm, end_offset) : NULL;
  x->extra[SE_TEXT] = line ? str_new_replace(vm, line, strlen(line)) : NULL;
  if (vm_exc_occurred(vm)) {
    decref(vm, e);
    return NULL;
  }
  /* the args of a SyntaxError are (msg, (filename, lineno, offset, text,
  ** end_lineno, end_offset)) */
  Obj *info = tuple_new(vm, 6);
  if (info) {
    static const int map[6] = {SE_FILENAME, SE_LINENO, SE_OFFSET, SE_TEXT,
                               SE_END_LINENO, SE_END_OFFSET};
    for (int i = 0; i < 6; i++) TUPLE_ITEMS(info)[i] = orn(x->extra[map[i]]);
    Obj *full = tuple_pack(vm, 2, x->extra[SE_MSG], info);
    decref(vm, info);
    if (full) obj_setref(vm, &x->args, full);
  }
  if (vm_exc_occurred(vm)) {
    decref(vm, e);
    return NULL;
  }
  exc_set(vm, e);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Tracebacks                                                         */
/* ------------------------------------------------------------------ */

void exc_add_traceback(VM *vm, FrameObj *f) {
  Obj *exc = vm_exc_fetch(vm);
  if (!exc) return;
  if (!exc_is_instance(exc)) {
    vm_exc_restore(vm, exc);
    return;
  }
  TracebackObj *tb = (TracebackObj *)gc_alloc(vm, &Traceback_Type,
                                              sizeof(TracebackObj));
  if (!tb) {
    vm_exc_clear(vm);
    vm_exc_restore(vm, exc);
    return;
  }
  ExcObj *e = (ExcObj *)exc;
  tb->next = e->traceback;
  tb->frame = (FrameObj *)incref((Obj *)f);
  tb->lasti = (int)(f->ip - f->code->xcode);
  tb->lineno = code_line(f->code, tb->lasti);
  e->traceback = (Obj *)tb;
  vm_exc_restore(vm, exc);
}

/* Tracebacks, frames, exceptions, cells and functions form chains as
** long as the recursion that made them (tb_next, f_back, __context__):
** their deallocation goes through the trashcan so freeing a chain never
** recurses deeper than the trashcan allows. */
static void tb_dealloc(VM *vm, Obj *o) {
  TracebackObj *tb = (TracebackObj *)o;
  gc_untrack(o);
  if (!trash_begin(vm, o)) return;
  xdecref(vm, tb->next);
  xdecref(vm, (Obj *)tb->frame);
  gc_free(vm, o, sizeof(TracebackObj));
  trash_end(vm);
}

static int tb_traverse(Obj *o, visitproc visit, void *arg) {
  TracebackObj *tb = (TracebackObj *)o;
  int r;
  if (tb->next && (r = visit(tb->next, EDGE_OTHER, 0, NULL, arg))) return r;
  if (tb->frame && (r = visit((Obj *)tb->frame, EDGE_OTHER, 1, NULL, arg))) return r;
  return 0;
}

static int tb_clear(VM *vm, Obj *o) {
  TracebackObj *tb = (TracebackObj *)o;
  Obj *n = tb->next, *f = (Obj *)tb->frame;
  tb->next = NULL;
  tb->frame = NULL;
  xdecref(vm, n);
  xdecref(vm, f);
  return 0;
}

#define TB(o) ((TracebackObj *)(o))
static Obj *tb_get_next(VM *vm, Obj *o) { return orn(TB(o)->next); }
static Obj *tb_get_frame(VM *vm, Obj *o) { return orn((Obj *)TB(o)->frame); }
static Obj *tb_get_lineno(VM *vm, Obj *o) { return int_from_i64(vm, TB(o)->lineno); }
static Obj *tb_get_lasti(VM *vm, Obj *o) { return int_from_i64(vm, 2 * TB(o)->lasti); }
#undef TB
static const GetSetDef tb_getset[] = {
  {"tb_next", tb_get_next, NULL},
  {"tb_frame", tb_get_frame, NULL},
  {"tb_lineno", tb_get_lineno, NULL},
  {"tb_lasti", tb_get_lasti, NULL},
  {NULL, NULL, NULL},
};

TypeObj Traceback_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "traceback",
  .tag = HT_TAG_EXCEPTION,
  .basicsize = sizeof(TracebackObj),
  .flags = TF_GC,
  .dealloc = tb_dealloc,
  .traverse = tb_traverse,
  .clear = tb_clear,
  .getset = tb_getset,
};

/* ------------------------------------------------------------------ */
/* Source lines                                                       */
/* ------------------------------------------------------------------ */

/* The text of FILENAME (a str), read once and cached in vm->source_cache;
** borrowed, or NULL when the file cannot be read. */
static Obj *source_text(VM *vm, Obj *filename) {
  if (!vm->source_cache) {
    vm->source_cache = dict_new(vm);
    if (!vm->source_cache) {
      vm_exc_clear(vm);
      return NULL;
    }
  }
  Obj *t = dict_get(vm, vm->source_cache, filename);
  if (t) return t == None ? NULL : t;
  vm_exc_clear(vm);
  Obj *text = NULL;
  FILE *fp = fopen(STR_UTF8(filename), "rb");
  if (fp) {
    StrBuf b;
    sb_init(&b);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
      if (sb_add(vm, &b, buf, n) < 0) break;
    fclose(fp);
    if (b.failed) {
      sb_free(&b);
    } else {
      text = str_new_replace(vm, b.p, b.len);
      sb_free(&b);
    }
  }
  vm_exc_clear(vm);
  dict_set(vm, vm->source_cache, filename, text ? text : None);
  vm_exc_clear(vm);
  xdecref(vm, text);
  return text ? dict_get(vm, vm->source_cache, filename) : NULL;
}

/* Copy line LINENO (1-based) of FILENAME into BUF without its newline;
** false if unavailable. */
static bool source_line(VM *vm, Obj *filename, int lineno, char *buf, size_t cap) {
  if (!filename || !str_check(filename) || lineno < 1) return false;
  Obj *text = source_text(vm, filename);
  if (!text) return false;
  const char *p = STR_UTF8(text), *end = p + STR_NBYTES(text);
  for (int l = 1; l < lineno && p < end; l++) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) return false;
    p = nl + 1;
  }
  if (p >= end) return false;
  const char *nl = memchr(p, '\n', (size_t)(end - p));
  size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
  if (len && p[len - 1] == '\r') len--;
  if (len >= cap) len = cap - 1;
  memcpy(buf, p, len);
  buf[len] = 0;
  return true;
}

void exc_fini(VM *vm) {
  Obj *c = vm->source_cache;
  vm->source_cache = NULL;
  xdecref(vm, c);
}

/* ------------------------------------------------------------------ */
/* Printing                                                           */
/* ------------------------------------------------------------------ */

#define TB_RECURSIVE_CUTOFF 3
#define TB_LIMIT 1000

static void write_obj_str(VM *vm, FILE *out, Obj *o) {
  Obj *s = obj_str(vm, o);
  if (!s) {
    vm_exc_clear(vm);
    fputs("<exception str() failed>", out);
    return;
  }
  fwrite(STR_UTF8(s), 1, (size_t)STR_NBYTES(s), out);
  decref(vm, s);
}

/* The source range of code unit LASTI of CO from its position table
** (compile.h): true with the 0-based byte columns, false when unknown. */
static bool code_position(CodeObj *co, int lasti, int *line, int *end_line,
                          int *col, int *end_col) {
  BytesObj *lt = (BytesObj *)co->linetable;
  size_t base = (size_t)co->ncode * sizeof(int32_t);
  if (!lt || (size_t)lt->size <= base || lasti < 0 || lasti >= co->ncode) return false;
  const uint8_t *p = (const uint8_t *)lt->data + base, *end = (const uint8_t *)lt->data + lt->size;
  unsigned v[4];                  /* units, d, col, end_col */
  int unit = 0;
  while (p < end) {
    unsigned h = *p++;
    v[0] = (h & 7) + 1;
    v[1] = h >> 3;
    for (int k = 0; k < 4; k++) {
      /* varints: units when 8, d when 31, then the columns when d > 0 */
      if ((k == 0 && v[0] != 8) || (k == 1 && v[1] != 31) || (k >= 2 && v[1] == 0))
        continue;
      unsigned x = 0;
      int sh = 0;
      do {
        if (p >= end || sh > 28) return false;
        x |= (unsigned)(*p & 0x7F) << sh;
        sh += 7;
      } while (*p++ & 0x80);
      v[k] = x;
    }
    unit += (int)v[0];
    if (lasti < unit) {
      if (v[1] == 0) return false;
      *line = code_line(co, lasti);
      *end_line = *line + (int)v[1] - 1;
      *col = (int)v[2];
      *end_col = (int)v[3];
      return true;
    }
  }
  return false;
}

/* Characters in the first N bytes of the UTF-8 text S (of LEN bytes), N
** clamped to LEN + 1 as CPython's _PyPegen_byte_offset_to_character_offset. */
static long char_offset(const char *s, size_t len, long n) {
  long chars = 0;
  if (n > (long)len + 1) n = (long)len + 1;
  for (long i = 0; i < n; i++) {
    if (i == (long)len) chars++;   /* the NUL */
    else if (((unsigned char)s[i] & 0xC0) != 0x80) chars++;
  }
  return chars;
}

#define TB_IS_WHITESPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\f')

/* The caret line under the source line LINE (the whole line, without its
** newline) of traceback entry TB, as CPython 3.11's tb_displayline:
** ^ under the failing range, ~ and ^ around the operator of a binary
** operation or the brackets of a subscript; nothing when the range is the
** whole (stripped) line or unknown. */
static void print_carets(FILE *out, TracebackObj *tb, const char *line) {
  int sl, el, sc, ec;
  if (!code_position(tb->frame->code, tb->lasti, &sl, &el, &sc, &ec)) return;
  if (sl != tb->lineno) return;
  size_t len = strlen(line);
  long ws = 0;
  while (TB_IS_WHITESPACE(line[ws])) ws++;
  long line_chars = char_offset(line, len, (long)len);
  long start = char_offset(line, len, sc), stop = char_offset(line, len, ec);
  long left = -1, right = -1;
  if (sl == el) {
    if (sc < ec && (size_t)ec <= len) {
      int l, r;
      if (compile_caret_anchors(line + sc, (size_t)(ec - sc), &l, &r) &&
          l >= 0 && r >= 0 && l <= ec - sc && r <= ec - sc + 1) {
        left = char_offset(line + sc, (size_t)(ec - sc), l) + start;
        right = char_offset(line + sc, (size_t)(ec - sc), r) + start;
      }
    }
  } else {
    /* a multi-line range: up to the line's last non-blank character */
    long i = (long)len;
    while (--i >= 0)
      if (!TB_IS_WHITESPACE(line[i])) break;
    stop = char_offset(line, len, i + 1);
  }
  bool anchors = left != -1 || right != -1;
  if (stop - start == line_chars - ws && !anchors) return;
  for (long off = ws - 4; ++off <= stop;) {
    if (off <= start) fputc(' ', out);
    else if (anchors && left < off && off <= right) fputc('^', out);
    else fputc(anchors ? '~' : '^', out);
  }
  fputc('\n', out);
}

static void print_tb_line(VM *vm, FILE *out, TracebackObj *tb) {
  CodeObj *co = tb->frame->code;
  fputs("  File \"", out);
  fwrite(STR_UTF8(co->filename), 1, (size_t)STR_NBYTES(co->filename), out);
  fprintf(out, "\", line %d, in ", tb->lineno);
  fwrite(STR_UTF8(co->name), 1, (size_t)STR_NBYTES(co->name), out);
  fputc('\n', out);
  char line[4096];
  if (source_line(vm, co->filename, tb->lineno, line, sizeof line)) {
    char *s = line;
    while (*s == ' ' || *s == '\t' || *s == '\f') s++;
    size_t n = strlen(s);
    /* trailing blanks stay, as in CPython 3.11 (only the newline goes) */
    while (n && s[n - 1] == '\r') n--;
    if (n) {
      fputs("    ", out);
      fwrite(s, 1, n, out);
      fputc('\n', out);
      print_carets(out, tb, line);
    }
  }
}

static void print_traceback(VM *vm, FILE *out, Obj *tbo) {
  ssize depth = 0;
  for (Obj *t = tbo; t; t = ((TracebackObj *)t)->next) depth++;
  TracebackObj *tb = (TracebackObj *)tbo;
  while (depth > TB_LIMIT) {
    tb = (TracebackObj *)tb->next;
    depth--;
  }
  fputs("Traceback (most recent call last):\n", out);
  Obj *last_file = NULL, *last_name = NULL;
  int last_line = -1;
  long cnt = 0;
  for (; tb; tb = (TracebackObj *)tb->next) {
    CodeObj *co = tb->frame->code;
    if (!last_file || !str_eq(co->filename, last_file) || last_line == -1 ||
        tb->lineno != last_line || !last_name || !str_eq(co->name, last_name)) {
      if (cnt > TB_RECURSIVE_CUTOFF) {
        long rep = cnt - TB_RECURSIVE_CUTOFF;
        fprintf(out, "  [Previous line repeated %ld more time%s]\n", rep,
                rep > 1 ? "s" : "");
      }
      last_file = co->filename;
      last_line = tb->lineno;
      last_name = co->name;
      cnt = 0;
    }
    cnt++;
    if (cnt <= TB_RECURSIVE_CUTOFF) print_tb_line(vm, out, tb);
  }
  if (cnt > TB_RECURSIVE_CUTOFF) {
    long rep = cnt - TB_RECURSIVE_CUTOFF;
    fprintf(out, "  [Previous line repeated %ld more time%s]\n", rep,
            rep > 1 ? "s" : "");
  }
}

static void print_error_text(FILE *out, long offset, long end_offset,
                             const char *text) {
  long caret_rep = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  offset--;
  while (*text == ' ' || *text == '\t' || *text == '\f') {
    text++;
    offset--;
  }
  long len = (long)strlen(text);
  if (len > 0 && text[len - 1] == '\n') len--;
  if (offset > len) offset = len;
  for (;;) {
    const char *nl = strchr(text, '\n');
    if (!nl) break;
    long inl = nl - text;
    if (inl >= offset) break;
    inl += 1;
    text += inl;
    len -= inl;
    offset -= inl;
  }
  fputs("    ", out);
  fputs(text, out);
  if (text[len] != '\n') fputc('\n', out);
  if (offset < 0) return;
  fputs("    ", out);
  while (--offset >= 0) fputc(' ', out);
  for (long i = 0; i < caret_rep; i++) fputc('^', out);
  fputc('\n', out);
}

/* "Did you mean" suggestions, as CPython 3.11's Python/suggestions.c:
** the closest candidate by a Levenshtein distance where a case flip costs
** 1 and any other edit 2, at most a third of the characters changed. */
#define SUGG_MAX_ITEMS 750
#define SUGG_MAX_SIZE 40
#define MOVE_COST 2
#define CASE_COST 1

static int subst_cost(char a, char b) {
  if ((a & 31) != (b & 31)) return MOVE_COST;
  if (a == b) return 0;
  if (a >= 'A' && a <= 'Z') a += 'a' - 'A';
  if (b >= 'A' && b <= 'Z') b += 'a' - 'A';
  return a == b ? CASE_COST : MOVE_COST;
}

static size_t levenshtein(const char *a, size_t an, const char *b, size_t bn,
                          size_t max_cost) {
  size_t buf[SUGG_MAX_SIZE];
  if (a == b) return 0;
  while (an && bn && a[0] == b[0]) { a++; an--; b++; bn--; }
  while (an && bn && a[an - 1] == b[bn - 1]) { an--; bn--; }
  if (an == 0 || bn == 0) return (an + bn) * MOVE_COST;
  if (an > SUGG_MAX_SIZE || bn > SUGG_MAX_SIZE) return max_cost + 1;
  if (bn < an) {
    const char *t = a; a = b; b = t;
    size_t tn = an; an = bn; bn = tn;
  }
  if ((bn - an) * MOVE_COST > max_cost) return max_cost + 1;
  for (size_t i = 0; i < an; i++) buf[i] = (i + 1) * MOVE_COST;
  size_t result = 0;
  for (size_t bi = 0; bi < bn; bi++) {
    char code = b[bi];
    size_t distance = result = bi * MOVE_COST;
    size_t minimum = (size_t)-1;
    for (size_t i = 0; i < an; i++) {
      size_t substitute = distance + (size_t)subst_cost(code, a[i]);
      distance = buf[i];
      size_t insdel = (result < distance ? result : distance) + MOVE_COST;
      result = insdel < substitute ? insdel : substitute;
      buf[i] = result;
      if (result < minimum) minimum = result;
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

/* The best of the N names in ITEMS for NAME (borrowed), or NULL. */
static Obj *suggest_from(Obj *const *items, ssize n, Obj *name) {
  if (n >= SUGG_MAX_ITEMS) return NULL;
  ssize best_d = (ssize)1 << 60;
  Obj *best = NULL;
  size_t nn = (size_t)STR_NBYTES(name);
  for (ssize i = 0; i < n; i++) {
    Obj *it = items[i];
    if (!str_check(it) || str_eq(it, name)) continue;
    size_t in = (size_t)STR_NBYTES(it);
    ssize maxd = (ssize)((nn + in + 3) * MOVE_COST / 6);
    if (best_d - 1 < maxd) maxd = best_d - 1;
    if (maxd < 0) continue;
    ssize d = (ssize)levenshtein(STR_UTF8(name), nn, STR_UTF8(it), in, (size_t)maxd);
    if (d > maxd) continue;
    if (!best || d < best_d) {
      best = it;
      best_d = d;
    }
  }
  return best;
}

static Obj *suggest_from_dict(VM *vm, Obj *d, Obj *name) {
  if (!d || !dict_check(d)) return NULL;
  Obj *keys = dict_keys_list(vm, d);
  if (!keys) {
    vm_exc_clear(vm);
    return NULL;
  }
  Obj *s = suggest_from(LIST_ITEMS(keys), LIST_SIZE(keys), name);
  if (s) incref(s);
  decref(vm, keys);
  return s;
}

/* dir(O) without calling Python code: the sorted names of the instance
** dict, the type and its bases (modules: their dict; types: their mro). */
static Obj *dir_list(VM *vm, Obj *o) {
  Obj *set = set_new(vm, NULL);
  if (!set) return NULL;
  Obj *dicts[64];
  int nd = 0;
  if (o->type == &Module_Type) {
    dicts[nd++] = ((ModuleObj *)o)->dict;
  } else {
    if (o->type->dictoffset) {
      Obj *d = *(Obj **)((char *)o + o->type->dictoffset);
      if (d) dicts[nd++] = d;
    }
    TypeObj *t = obj_isinstance(o, &Type_Type) ? (TypeObj *)o : o->type;
    Obj *mro = t->mro;
    for (ssize i = 0; mro && i < TUPLE_SIZE(mro) && nd < 64; i++)
      if (((TypeObj *)TUPLE_GET(mro, i))->dict)
        dicts[nd++] = ((TypeObj *)TUPLE_GET(mro, i))->dict;
    if (t != (TypeObj *)o) {
      /* an instance also sees its class's attributes: already in the mro */
    }
  }
  for (int i = 0; i < nd; i++) {
    if (!dicts[i] || !dict_check(dicts[i])) continue;
    ssize pos = 0;
    Obj *k, *v;
    while (dict_next(dicts[i], &pos, &k, &v))
      if (set_add(vm, set, k) < 0) {
        decref(vm, set);
        return NULL;
      }
  }
  Obj *l = seq_to_list(vm, set);
  decref(vm, set);
  if (l && list_sort(vm, l, NULL, false) < 0) {
    decref(vm, l);
    return NULL;
  }
  return l;
}

/* The suggestion for an exact NameError or AttributeError, or NULL. */
static Obj *offer_suggestion(VM *vm, Obj *value) {
  ExcObj *e = (ExcObj *)value;
  Obj *name = e->extra[0];
  if (!name || name->type != &Str_Type) return NULL;
  if (value->type == &Exc_AttributeError) {
    Obj *obj = e->extra[1];
    if (!obj) return NULL;
    Obj *dir = dir_list(vm, obj);
    if (!dir) {
      vm_exc_clear(vm);
      return NULL;
    }
    Obj *s = suggest_from(LIST_ITEMS(dir), LIST_SIZE(dir), name);
    if (s) incref(s);
    decref(vm, dir);
    return s;
  }
  if (value->type != &Exc_NameError || !e->traceback) return NULL;
  TracebackObj *tb = (TracebackObj *)e->traceback;
  while (tb->next) tb = (TracebackObj *)tb->next;
  FrameObj *f = tb->frame;
  if (!f || !f->code) return NULL;
  CodeObj *co = f->code;
  Obj *s = suggest_from(TUPLE_ITEMS(co->varnames), co->nlocals, name);
  if (s) return incref(s);
  if ((s = suggest_from_dict(vm, f->globals, name))) return s;
  return suggest_from_dict(vm, f->builtins, name);
}

static long field_long(Obj *o, long deflt) {
  if (!o || !int_check(o) || !int_fits_i64(o)) return deflt;
  return (long)int_as_i64_unchecked(o);
}

static void print_exception(VM *vm, FILE *out, Obj *value) {
  ExcObj *e = (ExcObj *)value;
  TypeObj *t = value->type;
  if (e->traceback) print_traceback(vm, out, e->traceback);
  Obj *msg_override = NULL;
  if (type_is_subtype(t, &Exc_SyntaxError)) {
    Obj *fn = e->extra[SE_FILENAME];
    long lineno = field_long(e->extra[SE_LINENO], 0);
    long offset = field_long(e->extra[SE_OFFSET], -1);
    long end_lineno = field_long(e->extra[SE_END_LINENO], lineno);
    long end_offset = field_long(e->extra[SE_END_OFFSET], -1);
    fputs("  File \"", out);
    if (fn && str_check(fn)) fwrite(STR_UTF8(fn), 1, (size_t)STR_NBYTES(fn), out);
    else fputs("<string>", out);
    fprintf(out, "\", line %ld\n", lineno);
    Obj *text = e->extra[SE_TEXT];
    if (text && str_check(text)) {
      long line_size = (long)STR_NBYTES(text);
      if (end_lineno > lineno) end_offset = line_size;
      if (end_offset > line_size + 1) end_offset = line_size + 1;
      /* CPython's printer gives an IndentationError one caret, whatever
      ** its end */
      if (type_is_subtype(t, &Exc_IndentationError)) end_offset = -1;
      print_error_text(out, offset, end_offset, STR_UTF8(text));
    }
    msg_override = e->extra[SE_MSG] ? e->extra[SE_MSG] : None;
  }
  /* the class name: module-qualified unless builtins or __main__ */
  if (t->module && str_check(t->module) && !str_eq_cstr(t->module, "builtins") &&
      !str_eq_cstr(t->module, "__main__")) {
    fwrite(STR_UTF8(t->module), 1, (size_t)STR_NBYTES(t->module), out);
    fputc('.', out);
  }
  if (t->qualname) fwrite(STR_UTF8(t->qualname), 1, (size_t)STR_NBYTES(t->qualname), out);
  else fputs(t->name, out);
  Obj *s = msg_override ? obj_str(vm, msg_override) : obj_str(vm, value);
  if (!s) {
    vm_exc_clear(vm);
    fputs(": <exception str() failed>", out);
  } else {
    if (STR_NBYTES(s) > 0) {
      fputs(": ", out);
      fwrite(STR_UTF8(s), 1, (size_t)STR_NBYTES(s), out);
    }
    decref(vm, s);
  }
  Obj *sugg = offer_suggestion(vm, value);
  if (sugg) {
    fputs(". Did you mean: '", out);
    fwrite(STR_UTF8(sugg), 1, (size_t)STR_NBYTES(sugg), out);
    fputs("'?", out);
    decref(vm, sugg);
  }
  vm_exc_clear(vm);
  fputc('\n', out);
  if (e->notes && list_check(e->notes))
    for (ssize i = 0; i < LIST_SIZE(e->notes); i++) {
      write_obj_str(vm, out, LIST_ITEMS(e->notes)[i]);
      fputc('\n', out);
    }
}

/* How many chained exceptions (__cause__/__context__) are printed: CPython
** bounds the recursion of print_chained by the recursion limit. */
#define TB_CHAIN_LIMIT 1000

static void print_chain(VM *vm, FILE *out, Obj *value, Obj **seen, int nseen) {
  if (nseen < TB_CHAIN_LIMIT) seen[nseen++] = value;
  ExcObj *e = (ExcObj *)value;
  Obj *other = NULL;
  const char *msg = NULL;
  if (e->cause) {
    other = e->cause;
    msg = "\nThe above exception was the direct cause of the following exception:\n\n";
  } else if (e->context && !e->suppress_context) {
    other = e->context;
    msg = "\nDuring handling of the above exception, another exception occurred:\n\n";
  }
  if (other) {
    bool was_seen = false;
    for (int i = 0; i < nseen; i++)
      if (seen[i] == other) was_seen = true;
    if (!was_seen && nseen < TB_CHAIN_LIMIT) {
      print_chain(vm, out, other, seen, nseen);
      fputs(msg, out);
    }
  }
  print_exception(vm, out, value);
}

void vm_print_exception(VM *vm) {
  Obj *exc = vm_exc_fetch(vm);
  if (!exc) return;
  if (vm->out) fflush(vm->out);
  FILE *out = vm->err ? vm->err : stderr;
  Obj *seen[TB_CHAIN_LIMIT];
  if (exc_is_instance(exc)) print_chain(vm, out, exc, seen, 0);
  vm_exc_clear(vm);
  fflush(out);
  decref(vm, exc);
}

int exc_system_exit_status(VM *vm) {
  Obj *exc = vm_exc_fetch(vm);
  if (!exc) return 0;
  if (vm->out) fflush(vm->out);
  Obj *code = ((ExcObj *)exc)->extra[X_CODE];
  int status = 0;
  if (!code || code == None) {
    status = 0;
  } else if (int_check(code)) {
    int64_t v = 0;
    if (int_fits_i64(code)) v = int_as_i64_unchecked(code);
    else v = -1;
    status = (int)v;
  } else {
    FILE *out = vm->err ? vm->err : stderr;
    write_obj_str(vm, out, code);
    fputc('\n', out);
    fflush(out);
    status = 1;
  }
  decref(vm, exc);
  return status;
}
