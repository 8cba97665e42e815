/*
** mod_copy.c -- the `copy` module: copy(x) and deepcopy(x, memo=None),
** following copy.py's dispatch:
**   - immutable values (None, numbers, str, bytes, tuple, frozenset,
**     range, functions, types ...) are their own shallow copy; for deepcopy
**     the atomic ones are their own copy, and tuples are rebuilt only when
**     an item's copy differs;
**   - list, dict, set and bytearray copy directly; deepcopy of a list or
**     dict enters the new container in the memo before copying the items,
**     so cycles come out as cycles;
**   - a class's __copy__ / an object's __deepcopy__(memo) is used when
**     present (deque, defaultdict, OrderedDict and Counter have their own
**     deep copies below, matching what their __reduce__ gives CPython);
**   - instances of classes are rebuilt as copy.py's _reconstruct does for
**     __reduce_ex__(4): cls.__new__(cls), then the state (__getstate__() or
**     __dict__) through __setstate__ or __dict__.update, then the items of a
**     list or dict subclass; a class's own __reduce_ex__/__reduce__ result
**     (callable, args[, state[, listitems[, dictitems]]]) is honoured.
** The memo is a dict keyed by id(); as copy.py, deepcopy also keeps each
** original alive in memo[id(memo)].
*/
#include "config.h"

#include <string.h>

#include "containers.h"
#include "frame.h"
#include "modules.h"
#include "stdmods.h"
#include "str.h"
#include "vm.h"

#define CP_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

/* copy.Error (alias copy.error): an Exception subclass. */
static TypeObj CopyError_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "copy.Error",
  .tag = HT_TAG_EXCEPTION,
  .base = &Exc_Exception,
  .flags = TF_GC | TF_BASETYPE,
};

static bool is_type(Obj *o) {
  return o->type == &Type_Type || (o->type->flags & TF_TYPE_SUBCLASS);
}

/* Types whose instances are their own shallow copy (copy._copy_immutable). */
static bool copy_immutable(Obj *x) {
  static TypeObj *const types[] = {
    &None_Type, &Int_Type, &Float_Type, &Bool_Type, &Str_Type, &Tuple_Type,
    &Bytes_Type, &FrozenSet_Type, &Range_Type, &Slice_Type, &Property_Type,
    &Builtin_Type, &Ellipsis_Type, &NotImplemented_Type, &Function_Type,
    &Code_Type,
  };
  for (size_t i = 0; i < sizeof types / sizeof *types; i++)
    if (x->type == types[i]) return true;
  return is_type(x);
}

/* Atomic for deepcopy (copy._deepcopy_atomic). */
static bool deep_atomic(Obj *x) {
  static TypeObj *const types[] = {
    &None_Type, &Ellipsis_Type, &NotImplemented_Type, &Int_Type, &Float_Type,
    &Bool_Type, &Bytes_Type, &Str_Type, &Code_Type, &Range_Type, &Builtin_Type,
    &Function_Type, &Property_Type,
  };
  for (size_t i = 0; i < sizeof types / sizeof *types; i++)
    if (x->type == types[i]) return true;
  return is_type(x);
}

static Obj *cannot_pickle(VM *vm, Obj *x) {
  const char *dot = strrchr(x->type->name, '.');
  return vm_raise(vm, &Exc_TypeError, "cannot pickle '%s' object",
                  dot ? dot + 1 : x->type->name);
}

/* Look NAME up on TYPE (class attribute), borrowed or NULL. */
static Obj *class_attr(VM *vm, TypeObj *t, const char *name) {
  Obj *n = str_intern_cstr(vm, name);
  return n ? type_lookup(t, n) : NULL;
}

/* Is NAME defined by a class of X's mro below `object`? */
static bool overrides(VM *vm, Obj *x, const char *name) {
  Obj *a = class_attr(vm, x->type, name);
  return a && a != class_attr(vm, &Object_Type, name);
}

/* ------------------------------------------------------------------ */
/* _reconstruct                                                       */
/* ------------------------------------------------------------------ */

static Obj *deepcopy_impl(VM *vm, Obj *x, Obj *memo);

static Obj *maybe_deep(VM *vm, Obj *v, Obj *memo) {
  return memo ? deepcopy_impl(vm, v, memo) : incref(v);
}

static Obj *id_of(VM *vm, Obj *o) { return int_from_u64(vm, (uint64_t)(uintptr_t)o); }

static int memo_put(VM *vm, Obj *memo, Obj *x, Obj *y) {
  Obj *id = id_of(vm, x);
  if (!id) return -1;
  int r = dict_set(vm, memo, id, y);
  decref(vm, id);
  return r;
}

/* Apply STATE to Y: __setstate__, or (dict, slots) / dict into Y. */
static int set_state(VM *vm, Obj *y, Obj *state, Obj *memo) {
  if (state == None) return 0;
  Obj *st = maybe_deep(vm, state, memo);
  if (!st) return -1;
  int rc = 0;
  Obj *setstate = class_attr(vm, y->type, "__setstate__");
  if (setstate) {
    Obj *r = obj_call_method(vm, y, "__setstate__", &st, 1);
    rc = r ? 0 : -1;
    xdecref(vm, r);
    decref(vm, st);
    return rc;
  }
  Obj *dictstate = st, *slotstate = NULL;
  if (tuple_check(st) && TUPLE_SIZE(st) == 2) {
    dictstate = TUPLE_GET(st, 0);
    slotstate = TUPLE_GET(st, 1);
  }
  if (dictstate != None) {
    int t = obj_truthy(vm, dictstate);
    if (t < 0) rc = -1;
    else if (t) {
      Obj *d = obj_getattr_cstr(vm, y, "__dict__");
      Obj *r = d ? obj_call_method(vm, d, "update", &dictstate, 1) : NULL;
      rc = r ? 0 : -1;
      xdecref(vm, r);
      xdecref(vm, d);
    }
  }
  if (rc == 0 && slotstate && slotstate != None) {
    Obj *items = dict_check(slotstate) ? dict_items_list(vm, slotstate) : NULL;
    if (!items) rc = dict_check(slotstate) ? -1 : 0;
    for (ssize i = 0; items && rc == 0 && i < LIST_SIZE(items); i++)
      rc = obj_setattr(vm, y, TUPLE_GET(LIST_ITEMS(items)[i], 0),
                       TUPLE_GET(LIST_ITEMS(items)[i], 1));
    xdecref(vm, items);
  }
  decref(vm, st);
  return rc;
}

/* Append / store the items of iterators LISTITER, DICTITER into Y. */
static int add_items(VM *vm, Obj *y, Obj *listiter, Obj *dictiter, Obj *memo) {
  Obj *item;
  if (listiter && listiter != None) {
    Obj *it = obj_iter(vm, listiter);
    if (!it) return -1;
    while ((item = stdmods_next(vm, it))) {
      Obj *c = maybe_deep(vm, item, memo);
      decref(vm, item);
      Obj *r = c ? obj_call_method(vm, y, "append", &c, 1) : NULL;
      xdecref(vm, c);
      if (!r) break;
      decref(vm, r);
    }
    decref(vm, it);
    if (vm_exc_occurred(vm)) return -1;
  }
  if (dictiter && dictiter != None) {
    Obj *it = obj_iter(vm, dictiter);
    if (!it) return -1;
    while ((item = stdmods_next(vm, it))) {
      int rc = -1;
      if (tuple_check(item) && TUPLE_SIZE(item) == 2) {
        Obj *k = maybe_deep(vm, TUPLE_GET(item, 0), memo);
        Obj *v = k ? maybe_deep(vm, TUPLE_GET(item, 1), memo) : NULL;
        rc = v ? obj_setitem(vm, y, k, v) : -1;
        xdecref(vm, k);
        xdecref(vm, v);
      } else {
        vm_raise(vm, &Exc_ValueError, "dictionary items must be pairs");
      }
      decref(vm, item);
      if (rc < 0) break;
    }
    decref(vm, it);
    if (vm_exc_occurred(vm)) return -1;
  }
  return 0;
}

/* copy.py's _reconstruct(x, memo, func, args, state, listiter, dictiter). */
static Obj *reconstruct(VM *vm, Obj *x, Obj *memo, Obj *rv) {
  if (str_check(rv)) return incref(x);
  if (!tuple_check(rv) || TUPLE_SIZE(rv) < 2 || TUPLE_SIZE(rv) > 5)
    return vm_raise(vm, &Exc_TypeError, "__reduce__ must return a string or tuple");
  ssize n = TUPLE_SIZE(rv);
  Obj *func = TUPLE_GET(rv, 0), *fargs = TUPLE_GET(rv, 1);
  Obj *a = maybe_deep(vm, fargs, memo);
  if (!a) return NULL;
  Obj *t = seq_to_tuple(vm, a);
  decref(vm, a);
  if (!t) return NULL;
  Obj *y = stdmods_call_tuple(vm, func, t);
  decref(vm, t);
  if (!y) return NULL;
  if (memo && memo_put(vm, memo, x, y) < 0) goto fail;
  if (n >= 3 && set_state(vm, y, TUPLE_GET(rv, 2), memo) < 0) goto fail;
  if (add_items(vm, y, n >= 4 ? TUPLE_GET(rv, 3) : NULL, n >= 5 ? TUPLE_GET(rv, 4) : NULL,
                memo) < 0)
    goto fail;
  return y;
fail:
  decref(vm, y);
  return NULL;
}

/* The default __reduce_ex__(4) of an instance of a class: rebuild with
** cls.__new__(cls), its state, and its list / dict items. */
static Obj *copy_instance(VM *vm, Obj *x, Obj *memo) {
  TypeObj *cls = x->type;
  if (!(cls->flags & TF_HEAPTYPE)) return cannot_pickle(vm, x);
  /* cls.__new__(cls, *x.__getnewargs__()), as copyreg.__newobj__ does
  ** (namedtuples and subclasses of tuple, int, str, float have them);
  ** deepcopy copies those arguments deeply */
  Obj *newargs = NULL;
  if (type_lookup(cls, str_intern_cstr(vm, "__getnewargs__"))) {
    newargs = obj_call_method(vm, x, "__getnewargs__", NULL, 0);
    if (!newargs) return NULL;
    if (!tuple_check(newargs)) {
      vm_raise(vm, &Exc_TypeError, "__getnewargs__ should return a tuple, not '%s'",
               obj_type_name(newargs));
      decref(vm, newargs);
      return NULL;
    }
    if (memo) {
      Obj *deep = deepcopy_impl(vm, newargs, memo);
      decref(vm, newargs);
      if (!deep) return NULL;
      newargs = deep;
    }
  }
  Obj *newf = obj_getattr_cstr(vm, (Obj *)cls, "__new__");
  if (!newf) {
    xdecref(vm, newargs);
    return NULL;
  }
  ssize nnew = newargs ? TUPLE_SIZE(newargs) : 0;
  Obj *small[8], **argv = small;
  if (nnew + 1 > 8) argv = ht_alloc(HT_TAG_VMINTERNAL, (size_t)(nnew + 1) * sizeof(Obj *));
  Obj *y = NULL;
  if (argv) {
    argv[0] = (Obj *)cls;
    for (ssize i = 0; i < nnew; i++) argv[i + 1] = TUPLE_GET(newargs, i);
    y = obj_call(vm, newf, argv, (size_t)nnew + 1, NULL);
    if (argv != small) ht_free(HT_TAG_VMINTERNAL, argv, (size_t)(nnew + 1) * sizeof(Obj *));
  } else {
    vm_raise_nomem(vm);
  }
  decref(vm, newf);
  xdecref(vm, newargs);
  if (!y) return NULL;
  if (memo && memo_put(vm, memo, x, y) < 0) goto fail;
  Obj *state = NULL;
  if (overrides(vm, x, "__getstate__")) {
    state = obj_call_method(vm, x, "__getstate__", NULL, 0);
    if (!state) goto fail;
  } else if (cls->dictoffset && class_dict_slot(x)) {
    Obj *d = *class_dict_slot(x);
    state = d && dict_size(d) ? incref(d) : none_new();
  } else {
    state = none_new();
  }
  int rc = set_state(vm, y, state, memo);
  decref(vm, state);
  if (rc < 0) goto fail;
  if (list_check(x) || dict_check(x)) {
    Obj *src = list_check(x) ? x : NULL, *items = NULL;
    if (!src) {
      items = dict_items_list(vm, x);
      if (!items) goto fail;
    }
    rc = add_items(vm, y, src, items, memo);
    xdecref(vm, items);
    if (rc < 0) goto fail;
  }
  return y;
fail:
  decref(vm, y);
  return NULL;
}

/* A class-defined __reduce_ex__ / __reduce__, or NULL (no exception) if
** the class has none of its own. */
static Obj *custom_reduce(VM *vm, Obj *x) {
  if (overrides(vm, x, "__reduce_ex__")) {
    Obj *four = int_from_i64(vm, 4);
    Obj *r = four ? obj_call_method(vm, x, "__reduce_ex__", &four, 1) : NULL;
    xdecref(vm, four);
    return r;
  }
  if (overrides(vm, x, "__reduce__")) return obj_call_method(vm, x, "__reduce__", NULL, 0);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* copy                                                               */
/* ------------------------------------------------------------------ */

static Obj *copy_impl(VM *vm, Obj *x) {
  TypeObj *t = x->type;
  if (copy_immutable(x)) return incref(x);
  if (t == &List_Type) return list_getslice(vm, x, 0, LIST_SIZE(x));
  if (t == &Dict_Type) return dict_copy(vm, x);
  if (t == &Set_Type) return set_new(vm, x);
  if (t == &ByteArray_Type) {
    const char *data;
    ssize n;
    bytes_buffer(x, &data, &n);
    return bytearray_new(vm, data, (size_t)n);
  }
  if (t == &Method_Type) return incref(x);
  Obj *copier = class_attr(vm, t, "__copy__");
  if (copier) return obj_call_method(vm, x, "__copy__", NULL, 0);
  Obj *rv = custom_reduce(vm, x);
  if (rv) {
    Obj *y = reconstruct(vm, x, NULL, rv);
    decref(vm, rv);
    return y;
  }
  if (vm_exc_occurred(vm)) return NULL;
  if (t->flags & TF_HEAPTYPE) return copy_instance(vm, x, NULL);
  if (t == &Set_Type || t == &FrozenSet_Type) return set_new(vm, x);
  return cannot_pickle(vm, x);
}

static const char *const copy_names[] = {"x"};
static const PyArgSpec copy_spec = {"copy", copy_names, 1, 0, 1, 0, 0};

static Obj *cp_copy(CP_ARGS) {
  Obj *x;
  if (stdmods_pyargs(vm, &copy_spec, args, nargs, kwnames, &x) < 0) return NULL;
  return copy_impl(vm, x);
}

/* ------------------------------------------------------------------ */
/* deepcopy                                                           */
/* ------------------------------------------------------------------ */

static int keep_alive(VM *vm, Obj *x, Obj *memo) {
  Obj *id = id_of(vm, memo);
  if (!id) return -1;
  Obj *l = dict_get(vm, memo, id);
  int rc;
  if (l) {
    rc = list_append(vm, l, x);
  } else if (vm_exc_occurred(vm)) {
    rc = -1;
  } else {
    l = list_new(vm, 0);
    rc = l && list_append(vm, l, x) == 0 ? dict_set(vm, memo, id, l) : -1;
    xdecref(vm, l);
  }
  decref(vm, id);
  return rc;
}

static Obj *deep_list(VM *vm, Obj *x, Obj *memo) {
  Obj *y = list_new(vm, 0);
  if (!y) return NULL;
  if (memo_put(vm, memo, x, y) < 0) goto fail;
  for (ssize i = 0; i < LIST_SIZE(x); i++) {
    Obj *c = deepcopy_impl(vm, LIST_ITEMS(x)[i], memo);
    if (!c) goto fail;
    int rc = list_append(vm, y, c);
    decref(vm, c);
    if (rc < 0) goto fail;
  }
  return y;
fail:
  decref(vm, y);
  return NULL;
}

static Obj *deep_tuple(VM *vm, Obj *x, Obj *memo) {
  ssize n = TUPLE_SIZE(x);
  Obj *y = list_new(vm, 0);
  if (!y) return NULL;
  for (ssize i = 0; i < n; i++) {
    Obj *c = deepcopy_impl(vm, TUPLE_GET(x, i), memo);
    if (!c || list_append(vm, y, c) < 0) {
      xdecref(vm, c);
      decref(vm, y);
      return NULL;
    }
    decref(vm, c);
  }
  /* a cycle through the tuple may have copied it already */
  Obj *id = id_of(vm, x);
  Obj *done = id ? dict_get(vm, memo, id) : NULL;
  xdecref(vm, id);
  if (done) {
    decref(vm, y);
    return incref(done);
  }
  if (vm_exc_occurred(vm)) {
    decref(vm, y);
    return NULL;
  }
  for (ssize i = 0; i < n; i++)
    if (LIST_ITEMS(y)[i] != TUPLE_GET(x, i)) {
      Obj *t = list_as_tuple(vm, y);
      decref(vm, y);
      return t;
    }
  decref(vm, y);
  return incref(x);
}

static Obj *deep_dict_into(VM *vm, Obj *x, Obj *y, Obj *memo) {
  Obj *items = dict_items_list(vm, x);
  if (!items) return NULL;
  for (ssize i = 0; i < LIST_SIZE(items); i++) {
    Obj *k = deepcopy_impl(vm, TUPLE_GET(LIST_ITEMS(items)[i], 0), memo);
    Obj *v = k ? deepcopy_impl(vm, TUPLE_GET(LIST_ITEMS(items)[i], 1), memo) : NULL;
    int rc = v ? obj_setitem(vm, y, k, v) : -1;
    xdecref(vm, k);
    xdecref(vm, v);
    if (rc < 0) {
      decref(vm, items);
      return NULL;
    }
  }
  decref(vm, items);
  return y;
}

static Obj *deep_dict(VM *vm, Obj *x, Obj *memo) {
  Obj *y = dict_new(vm);
  if (!y) return NULL;
  if (memo_put(vm, memo, x, y) < 0 || !deep_dict_into(vm, x, y, memo)) {
    decref(vm, y);
    return NULL;
  }
  return y;
}

/* set / frozenset / bytearray: rebuilt from a deep copy of their items. */
static Obj *deep_rebuild(VM *vm, Obj *x, Obj *memo) {
  Obj *items = seq_to_list(vm, x);
  if (!items) return NULL;
  Obj *c = deepcopy_impl(vm, items, memo);
  decref(vm, items);
  if (!c) return NULL;
  Obj *y = obj_call1(vm, (Obj *)x->type, c);
  decref(vm, c);
  if (y && memo_put(vm, memo, x, y) < 0) obj_setref(vm, &y, NULL);
  return y;
}

/* deque, defaultdict, OrderedDict, Counter (their CPython __reduce__). */
static Obj *deep_collection(VM *vm, Obj *x, Obj *memo) {
  Obj *y = NULL;
  if (obj_isinstance(x, &Counter_Type)) {
    Obj *plain = dict_copy(vm, x);
    Obj *c = plain ? deepcopy_impl(vm, plain, memo) : NULL;
    xdecref(vm, plain);
    if (!c) return NULL;
    y = obj_call1(vm, (Obj *)x->type, c);
    decref(vm, c);
    if (y && memo_put(vm, memo, x, y) < 0) obj_setref(vm, &y, NULL);
    return y;
  }
  if (obj_isinstance(x, &Deque_Type)) {
    Obj *maxlen = obj_getattr_cstr(vm, x, "maxlen");
    if (!maxlen) return NULL;
    y = obj_call2(vm, (Obj *)x->type, vm->empty_tuple, maxlen);
    decref(vm, maxlen);
    if (!y) return NULL;
    if (memo_put(vm, memo, x, y) < 0 || add_items(vm, y, x, NULL, memo) < 0) goto fail;
    return y;
  }
  if (obj_isinstance(x, &DefaultDict_Type)) {
    Obj *f = obj_getattr_cstr(vm, x, "default_factory");
    Obj *fc = f ? deepcopy_impl(vm, f, memo) : NULL;
    xdecref(vm, f);
    if (!fc) return NULL;
    y = obj_call1(vm, (Obj *)x->type, fc);
    decref(vm, fc);
  } else {
    y = obj_call0(vm, (Obj *)x->type);
  }
  if (!y) return NULL;
  if (memo_put(vm, memo, x, y) < 0 || !deep_dict_into(vm, x, y, memo)) goto fail;
  return y;
fail:
  decref(vm, y);
  return NULL;
}

static Obj *deepcopy_impl(VM *vm, Obj *x, Obj *memo) {
  Obj *id = id_of(vm, x);
  if (!id) return NULL;
  Obj *y = dict_get(vm, memo, id);
  decref(vm, id);
  if (y) return incref(y);
  if (vm_exc_occurred(vm)) return NULL;
  if (vm_enter_recursive(vm, " while calling a Python object") < 0) return NULL;
  TypeObj *t = x->type;
  if (deep_atomic(x)) y = incref(x);
  else if (t == &List_Type) y = deep_list(vm, x, memo);
  else if (t == &Tuple_Type) y = deep_tuple(vm, x, memo);
  else if (t == &Dict_Type) y = deep_dict(vm, x, memo);
  else if (t == &Method_Type) {
    MethodObj *m = (MethodObj *)x;
    Obj *s = deepcopy_impl(vm, m->self, memo);
    y = s ? method_new(vm, m->func, s) : NULL;
    xdecref(vm, s);
  } else if (class_attr(vm, t, "__deepcopy__")) {
    y = obj_call_method(vm, x, "__deepcopy__", &memo, 1);
  } else {
    Obj *rv = custom_reduce(vm, x);
    if (rv) {
      y = reconstruct(vm, x, memo, rv);
      decref(vm, rv);
    } else if (!vm_exc_occurred(vm)) {
      if (obj_isinstance(x, &Deque_Type) || obj_isinstance(x, &DefaultDict_Type) ||
          obj_isinstance(x, &OrderedDict_Type) || obj_isinstance(x, &Counter_Type))
        y = (t->flags & TF_HEAPTYPE) ? copy_instance(vm, x, memo) : deep_collection(vm, x, memo);
      else if (t->flags & TF_HEAPTYPE) y = copy_instance(vm, x, memo);
      else if (t == &Set_Type || t == &FrozenSet_Type || t == &ByteArray_Type)
        y = deep_rebuild(vm, x, memo);
      else y = cannot_pickle(vm, x);
    }
  }
  vm_leave_recursive(vm);
  if (!y) return NULL;
  if (y != x) {
    if (memo_put(vm, memo, x, y) < 0 || keep_alive(vm, x, memo) < 0) {
      decref(vm, y);
      return NULL;
    }
  }
  return y;
}

static const char *const deepcopy_names[] = {"x", "memo", "_nil"};
static const PyArgSpec deepcopy_spec = {"deepcopy", deepcopy_names, 3, 0, 1, 0, 0};

static Obj *cp_deepcopy(CP_ARGS) {
  Obj *a[3];
  if (stdmods_pyargs(vm, &deepcopy_spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *memo = a[1] && a[1] != None ? incref(a[1]) : dict_new(vm);
  if (!memo) return NULL;
  if (!dict_check(memo)) {
    decref(vm, memo);
    return vm_raise(vm, &Exc_TypeError, "deepcopy() memo must be a dict");
  }
  Obj *r = deepcopy_impl(vm, a[0], memo);
  decref(vm, memo);
  return r;
}

static const MethodDef copy_funcs[] = {
  {"copy", cp_copy, 0},
  {"deepcopy", cp_deepcopy, 0},
  {NULL, NULL, 0},
};

static TypeObj *const copy_types[] = {&CopyError_Type, NULL};

Obj *copymod_init(VM *vm) {
  if (stdmods_ready(vm, stdmods_types) < 0) return NULL;
  Obj *m = stdmods_module(vm, "copy", copy_funcs, copy_types);
  if (m && stdmods_set(vm, m, "error", incref((Obj *)&CopyError_Type)) < 0) {
    decref(vm, m);
    return NULL;
  }
  return m;
}
