/*
** core-descr.c -- callables and descriptors made from C tables, and the
** bound-method and decorator types:
**
**   builtin_function_or_method  (Builtin_Type, tag METHOD) a MethodDef bound
**                               to a self (module, instance, type) or none;
**   method_descriptor           (MethodDescr_Type) a MethodDef in a type's
**                               dict; `list.append`;
**   classmethod_descriptor      (ClassMethodDescr_Type) METH_CLASS entries;
**   getset_descriptor           (GetSetDescr_Type) a GetSetDef;
**   method                      (Method_Type, tag METHOD) a function bound
**                               to an instance;
**   staticmethod, classmethod, property.
**
** Descriptors in static types' dicts borrow their TypeObj and MethodDef
** (both static); bound objects own their self.
*/
#include <string.h>
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "containers.h"

bool slot_wrapper_check(Obj *o);
Obj *slot_wrapper_name(Obj *o);

/* ------------------------------------------------------------------ */
/* builtin_function_or_method                                         */
/* ------------------------------------------------------------------ */

Obj *builtin_new(VM *vm, const MethodDef *def, Obj *self) {
  BuiltinObj *b = (BuiltinObj *)gc_alloc(vm, &Builtin_Type, sizeof(BuiltinObj));
  if (!b) return NULL;
  b->def = def;
  b->self = xincref(self);
  return (Obj *)b;
}

static void builtin_dealloc(VM *vm, Obj *o) {
  BuiltinObj *b = (BuiltinObj *)o;
  gc_untrack(o);
  xdecref(vm, b->self);
  gc_free(vm, o, sizeof(BuiltinObj));
}

static int builtin_traverse(Obj *o, visitproc visit, void *arg) {
  BuiltinObj *b = (BuiltinObj *)o;
  if (b->self) return visit(b->self, EDGE_SELF, 0, NULL, arg);
  return 0;
}

static int builtin_clear(VM *vm, Obj *o) {
  BuiltinObj *b = (BuiltinObj *)o;
  Obj *s = b->self;
  b->self = NULL;
  xdecref(vm, s);
  return 0;
}

static Obj *builtin_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  BuiltinObj *b = (BuiltinObj *)callable;
  return b->def->fn(vm, b->self, args, nargs, kwnames);
}

static bool self_is_module_or_none(Obj *self) {
  return !self || self->type == &Module_Type;
}

static Obj *builtin_repr(VM *vm, Obj *o) {
  BuiltinObj *b = (BuiltinObj *)o;
  if (self_is_module_or_none(b->self))
    return str_fromf(vm, "<built-in function %s>", b->def->name);
  if (obj_isinstance(b->self, &Type_Type))
    return str_fromf(vm, "<built-in method %s of type object at %p>",
                     b->def->name, (void *)b->self);
  return str_fromf(vm, "<built-in method %s of %s object at %p>", b->def->name,
                   obj_type_name(b->self), (void *)b->self);
}

static Obj *builtin_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if ((op != CMP_EQ && op != CMP_NE) || b->type != &Builtin_Type)
    return incref(NotImplemented);
  BuiltinObj *x = (BuiltinObj *)a, *y = (BuiltinObj *)b;
  bool eq = x->def == y->def && x->self == y->self;
  return bool_new(op == CMP_EQ ? eq : !eq);
}

static hash_t builtin_hash(VM *vm, Obj *o) {
  BuiltinObj *b = (BuiltinObj *)o;
  hash_t h = hash_pointer(b->def) ^ (b->self ? hash_pointer(b->self) : 0);
  return h == -1 ? -2 : h;
}

static Obj *builtin_get_name(VM *vm, Obj *o) {
  return str_from_cstr(vm, ((BuiltinObj *)o)->def->name);
}
static Obj *builtin_get_qualname(VM *vm, Obj *o) {
  BuiltinObj *b = (BuiltinObj *)o;
  if (self_is_module_or_none(b->self)) return str_from_cstr(vm, b->def->name);
  TypeObj *t = obj_isinstance(b->self, &Type_Type) ? (TypeObj *)b->self
                                                    : b->self->type;
  return str_fromf(vm, "%s.%s", t->name, b->def->name);
}
static Obj *builtin_get_self(VM *vm, Obj *o) {
  BuiltinObj *b = (BuiltinObj *)o;
  return b->self ? incref(b->self) : none_new();
}
static Obj *builtin_get_module(VM *vm, Obj *o) {
  BuiltinObj *b = (BuiltinObj *)o;
  if (b->self && b->self->type == &Module_Type)
    return incref(((ModuleObj *)b->self)->name);
  return none_new();
}
static Obj *get_none(VM *vm, Obj *o) { return none_new(); }

static const GetSetDef builtin_getset[] = {
  {"__name__", builtin_get_name, NULL},
  {"__qualname__", builtin_get_qualname, NULL},
  {"__self__", builtin_get_self, NULL},
  {"__module__", builtin_get_module, NULL},
  {"__doc__", get_none, NULL},
  {NULL, NULL, NULL},
};

TypeObj Builtin_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "builtin_function_or_method",
  .tag = HT_TAG_METHOD,
  .basicsize = sizeof(BuiltinObj),
  .flags = TF_GC,
  .dealloc = builtin_dealloc,
  .traverse = builtin_traverse,
  .clear = builtin_clear,
  .repr = builtin_repr,
  .hash = builtin_hash,
  .richcmp = builtin_richcmp,
  .call = builtin_call,
  .getset = builtin_getset,
};

/* ------------------------------------------------------------------ */
/* method_descriptor, classmethod_descriptor                          */
/* ------------------------------------------------------------------ */

typedef struct DescrObj {
  Obj ob;
  TypeObj *type;                  /* the owning type (static, borrowed) */
  const void *def;                /* MethodDef or GetSetDef (static) */
} DescrObj;
#define DESCR_METH(o) ((const MethodDef *)((DescrObj *)(o))->def)
#define DESCR_GETSET(o) ((const GetSetDef *)((DescrObj *)(o))->def)

static Obj *descr_new(VM *vm, TypeObj *dtype, TypeObj *type, const void *def) {
  DescrObj *d = (DescrObj *)obj_alloc(vm, dtype, sizeof(DescrObj));
  if (!d) return NULL;
  d->type = type;
  d->def = def;
  return (Obj *)d;
}
Obj *descr_new_method(VM *vm, TypeObj *type, const MethodDef *def);
Obj *descr_new_classmethod(VM *vm, TypeObj *type, const MethodDef *def);
Obj *descr_new_getset(VM *vm, TypeObj *type, const GetSetDef *def);
Obj *descr_new_method(VM *vm, TypeObj *type, const MethodDef *def) {
  return descr_new(vm, &MethodDescr_Type, type, def);
}
Obj *descr_new_classmethod(VM *vm, TypeObj *type, const MethodDef *def) {
  return descr_new(vm, &ClassMethodDescr_Type, type, def);
}
Obj *descr_new_getset(VM *vm, TypeObj *type, const GetSetDef *def) {
  return descr_new(vm, &GetSetDescr_Type, type, def);
}

static void descr_dealloc(VM *vm, Obj *o) { obj_free(vm, o, sizeof(DescrObj)); }

static Obj *mdescr_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  DescrObj *d = (DescrObj *)callable;
  const MethodDef *m = DESCR_METH(d);
  if (nargs < 1)
    return vm_raise(vm, &Exc_TypeError, "unbound method %s.%s() needs an argument",
                    d->type->name, m->name);
  if (!obj_isinstance(args[0], d->type))
    return vm_raise(vm, &Exc_TypeError,
                    "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                    m->name, d->type->name, obj_type_name(args[0]));
  return m->fn(vm, args[0], args + 1, nargs - 1, kwnames);
}

static Obj *mdescr_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  DescrObj *d = (DescrObj *)descr;
  if (!obj) return incref(descr);
  if (!obj_isinstance(obj, d->type))
    return vm_raise(vm, &Exc_TypeError,
                    "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                    DESCR_METH(d)->name, d->type->name, obj_type_name(obj));
  return builtin_new(vm, DESCR_METH(d), obj);
}

static Obj *mdescr_repr(VM *vm, Obj *o) {
  DescrObj *d = (DescrObj *)o;
  return str_fromf(vm, "<method '%s' of '%s' objects>", DESCR_METH(d)->name,
                   d->type->name);
}

static Obj *descr_get_name(VM *vm, Obj *o) {
  DescrObj *d = (DescrObj *)o;
  return str_from_cstr(vm, o->type == &GetSetDescr_Type ? DESCR_GETSET(d)->name
                                                        : DESCR_METH(d)->name);
}
static Obj *descr_get_qualname(VM *vm, Obj *o) {
  DescrObj *d = (DescrObj *)o;
  const char *n = o->type == &GetSetDescr_Type ? DESCR_GETSET(d)->name
                                               : DESCR_METH(d)->name;
  return str_fromf(vm, "%s.%s", d->type->name, n);
}
static Obj *descr_get_objclass(VM *vm, Obj *o) {
  return incref((Obj *)((DescrObj *)o)->type);
}

static const GetSetDef descr_getset[] = {
  {"__name__", descr_get_name, NULL},
  {"__qualname__", descr_get_qualname, NULL},
  {"__objclass__", descr_get_objclass, NULL},
  {"__doc__", get_none, NULL},
  {NULL, NULL, NULL},
};

TypeObj MethodDescr_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "method_descriptor",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(DescrObj),
  .dealloc = descr_dealloc,
  .repr = mdescr_repr,
  .call = mdescr_call,
  .descr_get = mdescr_get,
  .getset = descr_getset,
};

static Obj *cmdescr_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  DescrObj *d = (DescrObj *)callable;
  const MethodDef *m = DESCR_METH(d);
  if (nargs < 1)
    return vm_raise(vm, &Exc_TypeError,
                    "descriptor '%s' of '%s' object needs an argument", m->name,
                    d->type->name);
  if (!obj_isinstance(args[0], &Type_Type) ||
      !type_is_subtype((TypeObj *)args[0], d->type))
    return vm_raise(vm, &Exc_TypeError,
                    "descriptor '%s' for type '%s' needs a subtype of '%s'",
                    m->name, d->type->name, d->type->name);
  return m->fn(vm, args[0], args + 1, nargs - 1, kwnames);
}

static Obj *cmdescr_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  DescrObj *d = (DescrObj *)descr;
  if (!type) type = (Obj *)obj->type;
  return builtin_new(vm, DESCR_METH(d), type);
}

TypeObj ClassMethodDescr_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "classmethod_descriptor",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(DescrObj),
  .dealloc = descr_dealloc,
  .repr = mdescr_repr,
  .call = cmdescr_call,
  .descr_get = cmdescr_get,
  .getset = descr_getset,
};

/* ------------------------------------------------------------------ */
/* getset_descriptor                                                  */
/* ------------------------------------------------------------------ */

static Obj *gsdescr_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  DescrObj *d = (DescrObj *)descr;
  if (!obj) return incref(descr);
  if (!obj_isinstance(obj, d->type))
    return vm_raise(vm, &Exc_TypeError,
                    "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
                    DESCR_GETSET(d)->name, d->type->name, obj_type_name(obj));
  if (!DESCR_GETSET(d)->get)
    return vm_raise(vm, &Exc_AttributeError,
                    "attribute '%s' of '%s' objects is not readable",
                    DESCR_GETSET(d)->name, d->type->name);
  return DESCR_GETSET(d)->get(vm, obj);
}

static int gsdescr_set(VM *vm, Obj *descr, Obj *obj, Obj *value) {
  DescrObj *d = (DescrObj *)descr;
  if (!obj_isinstance(obj, d->type)) {
    vm_raise(vm, &Exc_TypeError,
             "descriptor '%s' for '%s' objects doesn't apply to a '%s' object",
             DESCR_GETSET(d)->name, d->type->name, obj_type_name(obj));
    return -1;
  }
  if (!DESCR_GETSET(d)->set) {
    vm_raise(vm, &Exc_AttributeError, "attribute '%s' of '%s' objects is not writable",
             DESCR_GETSET(d)->name, d->type->name);
    return -1;
  }
  return DESCR_GETSET(d)->set(vm, obj, value);
}

static Obj *gsdescr_repr(VM *vm, Obj *o) {
  DescrObj *d = (DescrObj *)o;
  return str_fromf(vm, "<attribute '%s' of '%s' objects>", DESCR_GETSET(d)->name,
                   d->type->name);
}

TypeObj GetSetDescr_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "getset_descriptor",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(DescrObj),
  .dealloc = descr_dealloc,
  .repr = gsdescr_repr,
  .descr_get = gsdescr_get,
  .descr_set = gsdescr_set,
  .getset = descr_getset,
};

/* ------------------------------------------------------------------ */
/* method (a function bound to an instance)                           */
/* ------------------------------------------------------------------ */

Obj *method_new(VM *vm, Obj *func, Obj *self) {
  MethodObj *m = (MethodObj *)gc_alloc(vm, &Method_Type, sizeof(MethodObj));
  if (!m) return NULL;
  m->func = incref(func);
  m->self = incref(self);
  return (Obj *)m;
}

static void method_dealloc(VM *vm, Obj *o) {
  MethodObj *m = (MethodObj *)o;
  gc_untrack(o);
  xdecref(vm, m->func);
  xdecref(vm, m->self);
  gc_free(vm, o, sizeof(MethodObj));
}

static int method_traverse(Obj *o, visitproc visit, void *arg) {
  MethodObj *m = (MethodObj *)o;
  int r;
  if (m->func && (r = visit(m->func, EDGE_FUNC, 0, NULL, arg))) return r;
  if (m->self && (r = visit(m->self, EDGE_SELF, 0, NULL, arg))) return r;
  return 0;
}

static int method_clear(VM *vm, Obj *o) {
  MethodObj *m = (MethodObj *)o;
  Obj *f = m->func, *s = m->self;
  m->func = m->self = NULL;
  xdecref(vm, f);
  xdecref(vm, s);
  return 0;
}

static Obj *method_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  MethodObj *m = (MethodObj *)callable;
  size_t total = nargs + (kwnames ? (size_t)TUPLE_SIZE(kwnames) : 0);
  Obj *small[8];
  Obj **v = small;
  if (total + 1 > 8) {
    v = ht_alloc(HT_TAG_VMINTERNAL, (total + 1) * sizeof(Obj *));
    if (!v) return vm_raise_nomem(vm);
  }
  v[0] = m->self;
  if (total > 0)  /* ARGS may be NULL when there are none */
    memcpy(v + 1, args, total * sizeof(Obj *));
  Obj *r = obj_call(vm, m->func, v, nargs + 1, kwnames);
  if (v != small) ht_free(HT_TAG_VMINTERNAL, v, (total + 1) * sizeof(Obj *));
  return r;
}

static Obj *method_repr(VM *vm, Obj *o) {
  MethodObj *m = (MethodObj *)o;
  if (slot_wrapper_check(m->func))
    return str_fromf(vm, "<method-wrapper '%S' of %s object at %p>",
                     slot_wrapper_name(m->func), obj_type_name(m->self),
                     (void *)m->self);
  Obj *qn = obj_getattr_cstr(vm, m->func, "__qualname__");
  if (!qn) {
    vm_exc_clear(vm);
    qn = obj_getattr_cstr(vm, m->func, "__name__");
    if (!qn) {
      vm_exc_clear(vm);
      qn = str_from_cstr(vm, "?");
      if (!qn) return NULL;
    }
  }
  Obj *r = str_fromf(vm, "<bound method %S of %R>", qn, m->self);
  decref(vm, qn);
  return r;
}

static Obj *method_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if ((op != CMP_EQ && op != CMP_NE) || b->type != &Method_Type)
    return incref(NotImplemented);
  MethodObj *x = (MethodObj *)a, *y = (MethodObj *)b;
  int eq = x->self == y->self ? obj_eq(vm, x->func, y->func) : 0;
  if (eq < 0) return NULL;
  return bool_new(op == CMP_EQ ? eq : !eq);
}

static hash_t method_hash(VM *vm, Obj *o) {
  MethodObj *m = (MethodObj *)o;
  hash_t a = hash_pointer(m->self);
  hash_t b = obj_hash(vm, m->func);
  if (b == -1) return -1;
  hash_t h = a ^ b;
  return h == -1 ? -2 : h;
}

static Obj *method_getattr(VM *vm, Obj *o, Obj *name) {
  MethodObj *m = (MethodObj *)o;
  if (str_eq_cstr(name, "__func__")) return incref(m->func);
  if (str_eq_cstr(name, "__self__")) return incref(m->self);
  if (str_eq_cstr(name, "__doc__")) return obj_getattr(vm, m->func, name);
  Obj *descr = type_lookup(o->type, name);
  if (descr) {
    if (descr->type->descr_get)
      return descr->type->descr_get(vm, descr, o, (Obj *)o->type);
    return incref(descr);
  }
  return obj_getattr(vm, m->func, name);
}

TypeObj Method_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "method",
  .tag = HT_TAG_METHOD,
  .basicsize = sizeof(MethodObj),
  .flags = TF_GC,
  .dealloc = method_dealloc,
  .traverse = method_traverse,
  .clear = method_clear,
  .repr = method_repr,
  .hash = method_hash,
  .richcmp = method_richcmp,
  .getattr = method_getattr,
  .call = method_call,
};

/* ------------------------------------------------------------------ */
/* staticmethod, classmethod                                          */
/* ------------------------------------------------------------------ */

typedef struct WrapObj {
  Obj ob;
  Obj *callable;                  /* owned */
  Obj *dict;                      /* __dict__ (owned) or NULL */
} WrapObj;

static void wrap_dealloc(VM *vm, Obj *o) {
  WrapObj *w = (WrapObj *)o;
  gc_untrack(o);
  xdecref(vm, w->callable);
  xdecref(vm, w->dict);
  gc_free(vm, o, o->type->basicsize);   /* subclasses may add slots */
}
static int wrap_traverse(Obj *o, visitproc visit, void *arg) {
  WrapObj *w = (WrapObj *)o;
  int r;
  if (w->callable && (r = visit(w->callable, EDGE_FUNC, 0, NULL, arg))) return r;
  if (w->dict && (r = visit(w->dict, EDGE_DICT, 0, NULL, arg))) return r;
  return 0;
}
static int wrap_clear(VM *vm, Obj *o) {
  WrapObj *w = (WrapObj *)o;
  Obj *c = w->callable, *d = w->dict;
  w->callable = w->dict = NULL;
  xdecref(vm, c);
  xdecref(vm, d);
  return 0;
}

static Obj *wrap_alloc(VM *vm, TypeObj *t, Obj *callable) {
  WrapObj *w = (WrapObj *)gc_alloc(vm, t, t->basicsize);
  if (!w) return NULL;
  w->callable = incref(callable);
  return (Obj *)w;
}

Obj *staticmethod_new(VM *vm, Obj *callable);
Obj *staticmethod_new(VM *vm, Obj *callable) {
  return wrap_alloc(vm, &StaticMethod_Type, callable);
}

/* staticmethod/classmethod: __new__ takes the function or nothing
** (classmethod.__new__(classmethod) gives an uninitialized one), __init__
** (re)sets it, so subclasses may call super().__init__(func). */
static Obj *wrap_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  TypeObj *t = (TypeObj *)type;
  (void)kwnames;
  WrapObj *w = (WrapObj *)gc_alloc(vm, t, t->basicsize);
  if (!w) return NULL;
  if (nargs >= 1) w->callable = incref(args[0]);
  return (Obj *)w;
}

static int wrap_init(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  const char *name = self->type == &StaticMethod_Type ||
                     type_is_subtype(self->type, &StaticMethod_Type) ? "staticmethod"
                                                                    : "classmethod";
  if (kwnames && TUPLE_SIZE(kwnames)) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  if (nargs != 1) {
    vm_raise(vm, &Exc_TypeError, "%s expected 1 argument, got %d", name, (int)nargs);
    return -1;
  }
  obj_setref(vm, &((WrapObj *)self)->callable, incref(args[0]));
  return 0;
}

static Obj *sm_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  WrapObj *w = (WrapObj *)descr;
  if (!w->callable)
    return vm_raise(vm, &Exc_RuntimeError, "uninitialized staticmethod object");
  return incref(w->callable);
}
static Obj *sm_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                    Obj *kwnames) {
  if (!((WrapObj *)callable)->callable)
    return vm_raise(vm, &Exc_RuntimeError, "uninitialized staticmethod object");
  return obj_call(vm, ((WrapObj *)callable)->callable, args, nargs, kwnames);
}
static Obj *sm_repr(VM *vm, Obj *o) {
  Obj *c = ((WrapObj *)o)->callable;
  return str_fromf(vm, "<%s(%R)>", o->type->name, c ? c : None);
}
static Obj *wrap_get_func(VM *vm, Obj *o) {
  Obj *c = ((WrapObj *)o)->callable;
  return incref(c ? c : None);
}
static const GetSetDef wrap_getset[] = {
  {"__func__", wrap_get_func, NULL},
  {"__wrapped__", wrap_get_func, NULL},
  {NULL, NULL, NULL},
};

TypeObj StaticMethod_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "staticmethod",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(WrapObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = wrap_dealloc,
  .traverse = wrap_traverse,
  .clear = wrap_clear,
  .repr = sm_repr,
  .call = sm_call,
  .descr_get = sm_get,
  .new_ = wrap_new,
  .init = wrap_init,
  .getset = wrap_getset,
  .dictoffset = offsetof(WrapObj, dict),
};

static Obj *cm_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  WrapObj *w = (WrapObj *)descr;
  if (!w->callable)
    return vm_raise(vm, &Exc_RuntimeError, "uninitialized classmethod object");
  if (!type) type = (Obj *)obj->type;
  return method_new(vm, w->callable, type);
}

TypeObj ClassMethod_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "classmethod",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(WrapObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = wrap_dealloc,
  .traverse = wrap_traverse,
  .clear = wrap_clear,
  .repr = sm_repr,
  .descr_get = cm_get,
  .new_ = wrap_new,
  .init = wrap_init,
  .getset = wrap_getset,
  .dictoffset = offsetof(WrapObj, dict),
};

/* ------------------------------------------------------------------ */
/* property                                                           */
/* ------------------------------------------------------------------ */

typedef struct PropertyObj {
  Obj ob;
  Obj *fget, *fset, *fdel;        /* owned or NULL */
  Obj *doc;                       /* owned or NULL */
  Obj *name;                      /* owned or NULL: set by __set_name__ */
} PropertyObj;

static void prop_dealloc(VM *vm, Obj *o) {
  PropertyObj *p = (PropertyObj *)o;
  gc_untrack(o);
  xdecref(vm, p->fget);
  xdecref(vm, p->fset);
  xdecref(vm, p->fdel);
  xdecref(vm, p->doc);
  xdecref(vm, p->name);
  gc_free(vm, o, o->type->basicsize);   /* subclasses add a __dict__ */
}
static int prop_traverse(Obj *o, visitproc visit, void *arg) {
  PropertyObj *p = (PropertyObj *)o;
  Obj *f[4] = {p->fget, p->fset, p->fdel, p->doc};
  for (int i = 0; i < 4; i++) {
    int r;
    if (f[i] && (r = visit(f[i], EDGE_OTHER, i, NULL, arg))) return r;
  }
  return 0;
}
static int prop_clear(VM *vm, Obj *o) {
  PropertyObj *p = (PropertyObj *)o;
  Obj *a = p->fget, *b = p->fset, *c = p->fdel, *d = p->doc;
  p->fget = p->fset = p->fdel = p->doc = NULL;
  xdecref(vm, a);
  xdecref(vm, b);
  xdecref(vm, c);
  xdecref(vm, d);
  return 0;
}

static Obj *prop_make(VM *vm, TypeObj *t, Obj *fget, Obj *fset, Obj *fdel,
                      Obj *doc) {
  PropertyObj *p = (PropertyObj *)gc_alloc(vm, t, t->basicsize);
  if (!p) return NULL;
  if (fget == None) fget = NULL;
  if (fset == None) fset = NULL;
  if (fdel == None) fdel = NULL;
  if (doc == None) doc = NULL;
  p->fget = xincref(fget);
  p->fset = xincref(fset);
  p->fdel = xincref(fdel);
  p->doc = xincref(doc);
  if (fget) {
    if (!doc) {
      p->doc = obj_getattr_cstr(vm, fget, "__doc__");
      if (!p->doc) vm_exc_clear(vm);
      else if (p->doc == None) obj_setref(vm, &p->doc, NULL);
    }
  }
  return (Obj *)p;
}

static Obj *prop_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  static const char *const names[] = {"fget", "fset", "fdel", "doc"};
  Obj *a[4];
  if (args_parse(vm, "property", args, nargs, kwnames, names, 4, 0, a) < 0)
    return NULL;
  return prop_make(vm, (TypeObj *)type, a[0], a[1], a[2], a[3]);
}

/* "property 'x' of 'T' object has no W", or "property of ..." before
** __set_name__ named it (CPython 3.11). */
static void prop_raise_missing(VM *vm, PropertyObj *p, Obj *obj, const char *what) {
  if (p->name)
    vm_raise(vm, &Exc_AttributeError, "property %R of '%s' object has no %s", p->name,
             obj_type_name(obj), what);
  else
    vm_raise(vm, &Exc_AttributeError, "property of '%s' object has no %s",
             obj_type_name(obj), what);
}

static Obj *prop_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  PropertyObj *p = (PropertyObj *)descr;
  if (!obj) return incref(descr);
  if (!p->fget) {
    prop_raise_missing(vm, p, obj, "getter");
    return NULL;
  }
  return obj_call1(vm, p->fget, obj);
}

static int prop_set(VM *vm, Obj *descr, Obj *obj, Obj *value) {
  PropertyObj *p = (PropertyObj *)descr;
  Obj *f = value ? p->fset : p->fdel;
  if (!f) {
    prop_raise_missing(vm, p, obj, value ? "setter" : "deleter");
    return -1;
  }
  Obj *r = value ? obj_call2(vm, f, obj, value) : obj_call1(vm, f, obj);
  if (!r) return -1;
  decref(vm, r);
  return 0;
}

static Obj *prop_copy(VM *vm, Obj *self, int which, Obj *const *args,
                      size_t nargs, Obj *kwnames, const char *name) {
  if (args_check(vm, name, nargs, kwnames, 1, 1) < 0) return NULL;
  PropertyObj *p = (PropertyObj *)self;
  Obj *g = which == 0 ? args[0] : p->fget;
  Obj *s = which == 1 ? args[0] : p->fset;
  Obj *d = which == 2 ? args[0] : p->fdel;
  Obj *r = prop_make(vm, self->type, g ? g : None, s ? s : None, d ? d : None,
                     p->doc ? p->doc : None);
  if (r) ((PropertyObj *)r)->name = xincref(p->name);
  return r;
}
static Obj *prop_getter(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kw) {
  return prop_copy(vm, self, 0, args, nargs, kw, "getter");
}
static Obj *prop_setter(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kw) {
  return prop_copy(vm, self, 1, args, nargs, kw, "setter");
}
static Obj *prop_deleter(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                         Obj *kw) {
  return prop_copy(vm, self, 2, args, nargs, kw, "deleter");
}
/* __set_name__(owner, name): remember the attribute name for messages. */
static Obj *prop_set_name(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                          Obj *kw) {
  if (args_check(vm, "__set_name__", nargs, kw, 2, 2) < 0) return NULL;
  obj_setref(vm, &((PropertyObj *)self)->name, incref(args[1]));
  return none_new();
}
static const MethodDef prop_methods[] = {
  {"__set_name__", prop_set_name, 0},
  {"getter", prop_getter, 0},
  {"setter", prop_setter, 0},
  {"deleter", prop_deleter, 0},
  {NULL, NULL, 0},
};
static Obj *orn(Obj *o) { return incref(o ? o : None); }
static Obj *prop_fget(VM *vm, Obj *o) { return orn(((PropertyObj *)o)->fget); }
static Obj *prop_fset(VM *vm, Obj *o) { return orn(((PropertyObj *)o)->fset); }
static Obj *prop_fdel(VM *vm, Obj *o) { return orn(((PropertyObj *)o)->fdel); }
static Obj *prop_doc(VM *vm, Obj *o) { return orn(((PropertyObj *)o)->doc); }
static const GetSetDef prop_getset[] = {
  {"fget", prop_fget, NULL},
  {"fset", prop_fset, NULL},
  {"fdel", prop_fdel, NULL},
  {"__doc__", prop_doc, NULL},
  {NULL, NULL, NULL},
};

TypeObj Property_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "property",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(PropertyObj),
  .flags = TF_GC | TF_BASETYPE,
  .dealloc = prop_dealloc,
  .traverse = prop_traverse,
  .clear = prop_clear,
  .descr_get = prop_get,
  .descr_set = prop_set,
  .new_ = prop_new,
  .methods = prop_methods,
  .getset = prop_getset,
};

/* Generator_Type is defined in vm/gen.c. */
