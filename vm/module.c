/*
** module.c -- module objects and `import`.
**
** A module (tag MODULE) is a name and a dict of globals.  Builtin modules
** are made by the init functions listed in builtin_modules[] (modules.h);
** the VM caches every imported module in vm->modules, so each is made once.
** `import NAME` for a name that is not builtin looks for NAME.py in the main
** script's folder, compiles it, and runs it as a new module whose dict is
** registered in vm->modules before it runs (so circular imports see the
** partly initialised module, as in CPython); a failure removes it again.
** Packages and relative imports are not supported: they raise
** ModuleNotFoundError / ImportError with CPython's texts.
*/
#include <string.h>
#include <stdio.h>
#include <errno.h>
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "containers.h"
#include "modules.h"
#include "pylib.h"
#if __has_include("compile.h")
#include "compile.h"
#else
Obj *compile_module(VM *vm, const char *src, size_t n, Obj *filename);
#endif

Obj *module_new_named(VM *vm, Obj *name) {
  ModuleObj *m = (ModuleObj *)gc_alloc(vm, &Module_Type, sizeof(ModuleObj));
  if (!m) return NULL;
  m->name = incref(name);
  m->dict = dict_new(vm);
  if (!m->dict) goto fail;
  if (dict_set(vm, m->dict, vm->str_name, name) < 0 ||
      dict_set(vm, m->dict, vm->str_doc, None) < 0 ||
      dict_set_cstr(vm, m->dict, "__package__", None) < 0 ||
      dict_set_cstr(vm, m->dict, "__loader__", None) < 0 ||
      dict_set_cstr(vm, m->dict, "__spec__", None) < 0)
    goto fail;
  return (Obj *)m;
fail:
  decref(vm, (Obj *)m);
  return NULL;
}

Obj *module_new(VM *vm, const char *name, const MethodDef *funcs) {
  Obj *n = str_from_cstr(vm, name);
  if (!n) return NULL;
  Obj *m = module_new_named(vm, n);
  decref(vm, n);
  if (!m) return NULL;
  for (const MethodDef *d = funcs; d && d->name; d++) {
    Obj *f = builtin_new(vm, d, m);
    if (!f) goto fail;
    int r = dict_set_cstr(vm, ((ModuleObj *)m)->dict, d->name, f);
    decref(vm, f);
    if (r < 0) goto fail;
  }
  return m;
fail:
  decref(vm, m);
  return NULL;
}

static void module_dealloc(VM *vm, Obj *o) {
  ModuleObj *m = (ModuleObj *)o;
  gc_untrack(o);
  xdecref(vm, m->name);
  xdecref(vm, m->dict);
  gc_free(vm, o, sizeof(ModuleObj));
}

static int module_traverse(Obj *o, visitproc visit, void *arg) {
  ModuleObj *m = (ModuleObj *)o;
  int r;
  if (m->dict && (r = visit(m->dict, EDGE_DICT, 0, NULL, arg))) return r;
  if (m->name && (r = visit(m->name, EDGE_OTHER, 0, NULL, arg))) return r;
  return 0;
}

static int module_clear(VM *vm, Obj *o) {
  ModuleObj *m = (ModuleObj *)o;
  Obj *d = m->dict;
  m->dict = NULL;
  xdecref(vm, d);
  return 0;
}

static Obj *module_repr(VM *vm, Obj *o) {
  ModuleObj *m = (ModuleObj *)o;
  Obj *file = m->dict ? dict_get_cstr(vm, m->dict, "__file__") : NULL;
  if (file && str_check(file))
    return str_fromf(vm, "<module %R from %R>", m->name, file);
  vm_exc_clear(vm);
  /* built-in: the modules written in C; a module made at run time
  ** (types.ModuleType("m")) is just <module 'm'> */
  bool builtin = m->name && str_check(m->name) && str_eq_cstr(m->name, "builtins");
  for (const BuiltinModuleDef *d = builtin_modules; !builtin && d->name; d++)
    builtin = m->name && str_check(m->name) && str_eq_cstr(m->name, d->name);
  return str_fromf(vm, builtin ? "<module %R (built-in)>" : "<module %R>", m->name);
}

static Obj *module_getattr(VM *vm, Obj *o, Obj *name) {
  ModuleObj *m = (ModuleObj *)o;
  if (m->dict) {
    Obj *v = dict_get(vm, m->dict, name);
    if (v) {
      /* plain values are the common case; descriptors only live on types */
      return incref(v);
    }
    if (vm_exc_occurred(vm)) return NULL;
  }
  Obj *r = obj_generic_getattr(vm, o, name);
  if (r || !vm_exc_matches(vm, &Exc_AttributeError)) return r;
  vm_exc_clear(vm);
  if (m->dict) {
    Obj *ga = dict_get_cstr(vm, m->dict, "__getattr__");
    if (ga) return obj_call1(vm, ga, name);
  }
  vm_raise(vm, &Exc_AttributeError, "module '%S' has no attribute '%S'", m->name,
           name);
  if (vm->exc && vm->exc->type == &Exc_AttributeError) {
    ExcObj *e = (ExcObj *)vm->exc;
    obj_setref(vm, &e->extra[0], incref(name));
    obj_setref(vm, &e->extra[1], incref(o));
  }
  return NULL;
}

static Obj *module_get_dict(VM *vm, Obj *o) {
  ModuleObj *m = (ModuleObj *)o;
  return m->dict ? incref(m->dict) : dict_new(vm);
}

static const GetSetDef module_getset[] = {
  {"__dict__", module_get_dict, NULL},
  {NULL, NULL, NULL},
};

static Obj *module_new_(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (args_check(vm, "module", nargs, kwnames, 1, 2) < 0) return NULL;
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError, "module.__init__() argument 'name' must be str, not %s",
                    obj_type_name(args[0]));
  Obj *m = module_new_named(vm, args[0]);
  if (m && nargs == 2 && dict_set(vm, ((ModuleObj *)m)->dict, vm->str_doc, args[1]) < 0) {
    decref(vm, m);
    return NULL;
  }
  return m;
}

TypeObj Module_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "module",
  .tag = HT_TAG_MODULE,
  .basicsize = sizeof(ModuleObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = module_dealloc,
  .traverse = module_traverse,
  .clear = module_clear,
  .repr = module_repr,
  .getattr = module_getattr,
  .new_ = module_new_,
  .getset = module_getset,
  .dictoffset = offsetof(ModuleObj, dict),
};

/* ------------------------------------------------------------------ */
/* import                                                             */
/* ------------------------------------------------------------------ */

static Obj *not_found(VM *vm, Obj *name, const char *fmt) {
  vm_raise(vm, &Exc_ModuleNotFoundError, fmt, name);
  if (vm->exc && vm->exc->type == &Exc_ModuleNotFoundError)
    obj_setref(vm, &((ExcObj *)vm->exc)->extra[0], incref(name));
  return NULL;
}

/* Read a whole file into a VMINTERNAL block; NULL if it cannot be read
** (errno set). */
static char *read_file(const char *path, size_t *n, size_t *cap) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  size_t c = 4096, len = 0;
  char *buf = ht_alloc(HT_TAG_VMINTERNAL, c);
  if (!buf) {
    fclose(fp);
    errno = ENOMEM;
    return NULL;
  }
  for (;;) {
    if (len + 1 >= c) {
      char *nb = ht_realloc(HT_TAG_VMINTERNAL, buf, c, c * 2);
      if (!nb) {
        ht_free(HT_TAG_VMINTERNAL, buf, c);
        fclose(fp);
        errno = ENOMEM;
        return NULL;
      }
      buf = nb;
      c *= 2;
    }
    size_t k = fread(buf + len, 1, c - len - 1, fp);
    if (k == 0) break;
    len += k;
  }
  int bad = ferror(fp);
  fclose(fp);
  if (bad) {
    ht_free(HT_TAG_VMINTERNAL, buf, c);
    errno = EIO;
    return NULL;
  }
  buf[len] = 0;
  *n = len;
  *cap = c;
  return buf;
}

Obj *vm_exec_source(VM *vm, const char *source, size_t n, Obj *filename,
                    Obj *globals) {
  Obj *code = compile_module(vm, source, n, filename);
  if (!code) return NULL;
  FrameObj *f = frame_new(vm, (CodeObj *)code, NULL, globals, vm->builtins, globals);
  decref(vm, code);
  if (!f) return NULL;
  return vm_eval(vm, f);
}

/* Run SRC (N bytes) as the new module NAME, its code object named FILENAME
** (a str, borrowed).  The module as registered in sys.modules, or NULL. */
static Obj *import_source(VM *vm, Obj *name, Obj *filename, const char *src, size_t n) {
  Obj *m = module_new_named(vm, name);
  if (!m) return NULL;
  Obj *d = ((ModuleObj *)m)->dict;
  Obj *bmod = dict_get_cstr(vm, vm->modules, "builtins");
  if (dict_set_cstr(vm, d, "__file__", filename) < 0 ||
      dict_set_cstr(vm, d, "__builtins__", bmod ? bmod : vm->builtins) < 0 ||
      dict_set(vm, vm->modules, name, m) < 0) {
    decref(vm, m);
    return NULL;
  }
  Obj *r = vm_exec_source(vm, src, n, filename, d);
  if (!r) {
    Obj *exc = vm_exc_fetch(vm);
    if (dict_del(vm, vm->modules, name) < 0) vm_exc_clear(vm);
    vm_exc_restore(vm, exc);
    decref(vm, m);
    return NULL;
  }
  decref(vm, r);
  /* the module as registered (the code may have replaced it) */
  Obj *reg = dict_get(vm, vm->modules, name);
  if (reg) {
    decref(vm, m);
    return incref(reg);
  }
  vm_exc_clear(vm);
  return m;
}

/* Import the file PATH as module NAME; NULL with errno set and no
** exception when it cannot be read. */
static Obj *import_file(VM *vm, Obj *name, const char *path) {
  size_t n, cap;
  char *src = read_file(path, &n, &cap);
  if (!src) return NULL;
  Obj *filename = str_from_cstr(vm, path);
  Obj *m = filename ? import_source(vm, name, filename, src, n) : NULL;
  ht_free(HT_TAG_VMINTERNAL, src, cap);
  xdecref(vm, filename);
  return m;
}

/* A module of vm/lib (pylib.h) named S, or NULL (no exception) if none. */
static Obj *import_pylib(VM *vm, Obj *name, const char *s) {
  for (const PyLibModule *p = pylib_modules; p->name; p++) {
    if (strcmp(p->name, s) != 0) continue;
    Obj *filename = str_fromf(vm, "<heaptrail>/%s.py", p->name);
    if (!filename) return NULL;
    Obj *m = import_source(vm, name, filename, p->src, p->n);
    decref(vm, filename);
    return m;
  }
  return NULL;
}

Obj *vm_import(VM *vm, Obj *name, Obj *fromlist, int level) {
  (void)fromlist;
  if (level > 0)
    return vm_raise(vm, &Exc_ImportError,
                    "attempted relative import with no known parent package");
  if (!str_check(name))
    return vm_raise(vm, &Exc_TypeError, "module name must be str, not %s",
                    obj_type_name(name));
  if (STR_NBYTES(name) == 0) return vm_raise(vm, &Exc_ValueError, "Empty module name");
  Obj *m = dict_get(vm, vm->modules, name);
  if (m) return incref(m);
  if (vm_exc_occurred(vm)) return NULL;
  const char *s = STR_UTF8(name);
  const char *dot = strchr(s, '.');
  if (dot) {
    Obj *head = str_new(vm, s, (size_t)(dot - s));
    if (!head) return NULL;
    Obj *hm = vm_import(vm, head, NULL, 0);
    if (!hm) {
      decref(vm, head);
      return NULL;
    }
    decref(vm, hm);
    vm_raise(vm, &Exc_ModuleNotFoundError, "No module named '%S'; '%S' is not a package",
             name, head);
    if (vm->exc && vm->exc->type == &Exc_ModuleNotFoundError)
      obj_setref(vm, &((ExcObj *)vm->exc)->extra[0], incref(name));
    decref(vm, head);
    return NULL;
  }
  for (const BuiltinModuleDef *d = builtin_modules; d->name; d++) {
    if (strcmp(d->name, s) != 0) continue;
    m = d->init(vm);
    if (!m) return NULL;
    if (dict_set(vm, vm->modules, name, m) < 0) {
      decref(vm, m);
      return NULL;
    }
    return m;
  }
  if (vm->script_dir && str_check(vm->script_dir)) {
    Obj *path = str_fromf(vm, "%S/%S.py", vm->script_dir, name);
    if (!path) return NULL;
    m = import_file(vm, name, STR_UTF8(path));
    if (m || vm_exc_occurred(vm)) {
      decref(vm, path);
      return m;
    }
    decref(vm, path);
    if (errno != ENOENT && errno != ENOTDIR)
      return vm_raise(vm, &Exc_ImportError, "cannot read module '%S': %s", name,
                      strerror(errno));
  }
  m = import_pylib(vm, name, s);
  if (m || vm_exc_occurred(vm)) return m;
  return not_found(vm, name, "No module named '%S'");
}
