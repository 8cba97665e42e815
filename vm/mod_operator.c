/*
** mod_operator.c -- the `operator` module: the operators as functions
** (add, lt, getitem, iadd, ...; each also under its __dunder__ alias, as
** CPython's module has them) and the three callable classes itemgetter,
** attrgetter and methodcaller (tag OTHER, GC: they hold their arguments).
**
** The functions delegate to the VM's generic operations (obj_binop,
** obj_richcmp, obj_getitem ...), so their results and error texts are the
** ones the operators themselves give.
*/
#include "config.h"

#include <string.h>

#include "containers.h"
#include "modules.h"
#include "stdmods.h"
#include "str.h"
#include "vm.h"

#define OP_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static ssize nkw(Obj *kwnames) { return kwnames ? TUPLE_SIZE(kwnames) : 0; }

/* ------------------------------------------------------------------ */
/* The operator functions                                             */
/* ------------------------------------------------------------------ */

#define BINARY(fname, expr)                                          \
  static Obj *op_##fname(OP_ARGS) {                                  \
    if (mod_check_pos(vm, #fname, nargs, kwnames, 2, 2) < 0) return NULL; \
    Obj *a = args[0], *b = args[1];                                  \
    return expr;                                                     \
  }
#define UNARY(fname, expr)                                           \
  static Obj *op_##fname(OP_ARGS) {                                  \
    if (mod_check_o(vm, #fname, nargs, kwnames) < 0) return NULL;    \
    Obj *a = args[0];                                                \
    return expr;                                                     \
  }

BINARY(add, obj_binop(vm, a, b, BINOP_ADD))
BINARY(sub, obj_binop(vm, a, b, BINOP_SUB))
BINARY(mul, obj_binop(vm, a, b, BINOP_MUL))
BINARY(matmul, obj_binop(vm, a, b, BINOP_MATMUL))
BINARY(truediv, obj_binop(vm, a, b, BINOP_TRUEDIV))
BINARY(floordiv, obj_binop(vm, a, b, BINOP_FLOORDIV))
BINARY(mod, obj_binop(vm, a, b, BINOP_MOD))
BINARY(pow, obj_binop(vm, a, b, BINOP_POW))
BINARY(lshift, obj_binop(vm, a, b, BINOP_LSHIFT))
BINARY(rshift, obj_binop(vm, a, b, BINOP_RSHIFT))
BINARY(and_, obj_binop(vm, a, b, BINOP_AND))
BINARY(or_, obj_binop(vm, a, b, BINOP_OR))
BINARY(xor, obj_binop(vm, a, b, BINOP_XOR))
BINARY(iadd, obj_inplace(vm, a, b, BINOP_ADD))
BINARY(isub, obj_inplace(vm, a, b, BINOP_SUB))
BINARY(imul, obj_inplace(vm, a, b, BINOP_MUL))
BINARY(imatmul, obj_inplace(vm, a, b, BINOP_MATMUL))
BINARY(itruediv, obj_inplace(vm, a, b, BINOP_TRUEDIV))
BINARY(ifloordiv, obj_inplace(vm, a, b, BINOP_FLOORDIV))
BINARY(imod, obj_inplace(vm, a, b, BINOP_MOD))
BINARY(ipow, obj_inplace(vm, a, b, BINOP_POW))
BINARY(ilshift, obj_inplace(vm, a, b, BINOP_LSHIFT))
BINARY(irshift, obj_inplace(vm, a, b, BINOP_RSHIFT))
BINARY(iand, obj_inplace(vm, a, b, BINOP_AND))
BINARY(ior, obj_inplace(vm, a, b, BINOP_OR))
BINARY(ixor, obj_inplace(vm, a, b, BINOP_XOR))
BINARY(lt, obj_richcmp(vm, a, b, CMP_LT))
BINARY(le, obj_richcmp(vm, a, b, CMP_LE))
BINARY(eq, obj_richcmp(vm, a, b, CMP_EQ))
BINARY(ne, obj_richcmp(vm, a, b, CMP_NE))
BINARY(gt, obj_richcmp(vm, a, b, CMP_GT))
BINARY(ge, obj_richcmp(vm, a, b, CMP_GE))
BINARY(is_, bool_new(a == b))
BINARY(is_not, bool_new(a != b))
BINARY(getitem, obj_getitem(vm, a, b))
UNARY(neg, obj_neg(vm, a))
UNARY(pos, obj_pos(vm, a))
UNARY(inv, obj_invert(vm, a))
UNARY(invert, obj_invert(vm, a))
UNARY(not_, obj_not(vm, a))
UNARY(index, obj_index(vm, a))

static Obj *op_truth(OP_ARGS) {
  if (mod_check_o(vm, "truth", nargs, kwnames) < 0) return NULL;
  int t = obj_truthy(vm, args[0]);
  return t < 0 ? NULL : bool_new(t);
}

static Obj *op_abs(OP_ARGS) {
  if (mod_check_o(vm, "abs", nargs, kwnames) < 0) return NULL;
  Obj *f = dict_get_cstr(vm, vm->builtins, "abs");
  if (!f) return vm_raise(vm, &Exc_RuntimeError, "lost builtins.abs");
  return obj_call1(vm, f, args[0]);
}

static Obj *op_contains(OP_ARGS) {
  if (mod_check_pos(vm, "contains", nargs, kwnames, 2, 2) < 0) return NULL;
  int r = obj_contains(vm, args[0], args[1]);
  return r < 0 ? NULL : bool_new(r);
}

static Obj *op_setitem(OP_ARGS) {
  if (mod_check_pos(vm, "setitem", nargs, kwnames, 3, 3) < 0) return NULL;
  if (obj_setitem(vm, args[0], args[1], args[2]) < 0) return NULL;
  return none_new();
}

static Obj *op_delitem(OP_ARGS) {
  if (mod_check_pos(vm, "delitem", nargs, kwnames, 2, 2) < 0) return NULL;
  if (obj_delitem(vm, args[0], args[1]) < 0) return NULL;
  return none_new();
}

/* PySequence_Concat's rule: A must be a sequence. */
static bool is_sequence(Obj *o) {
  return o->type->getitem && !dict_check(o);
}

static Obj *op_concat(OP_ARGS) {
  if (mod_check_pos(vm, "concat", nargs, kwnames, 2, 2) < 0) return NULL;
  if (!is_sequence(args[0]))
    return vm_raise(vm, &Exc_TypeError, "'%s' object can't be concatenated",
                    obj_type_name(args[0]));
  return obj_binop(vm, args[0], args[1], BINOP_ADD);
}

static Obj *op_iconcat(OP_ARGS) {
  if (mod_check_pos(vm, "iconcat", nargs, kwnames, 2, 2) < 0) return NULL;
  if (!is_sequence(args[0]))
    return vm_raise(vm, &Exc_TypeError, "'%s' object can't be concatenated",
                    obj_type_name(args[0]));
  return obj_inplace(vm, args[0], args[1], BINOP_ADD);
}

/* countOf / indexOf: identity or equality, as PySequence_Count. */
static Obj *seq_search(VM *vm, Obj *seq, Obj *x, bool count) {
  Obj *it = obj_iter(vm, seq), *item;
  if (!it) return NULL;
  ssize n = 0, i = 0;
  while ((item = stdmods_next(vm, it))) {
    int eq = item == x ? 1 : obj_eq(vm, item, x);
    decref(vm, item);
    if (eq < 0) break;
    if (eq) {
      if (!count) {
        decref(vm, it);
        return int_from_i64(vm, i);
      }
      n++;
    }
    i++;
  }
  decref(vm, it);
  if (vm_exc_occurred(vm)) return NULL;
  if (!count)
    return vm_raise(vm, &Exc_ValueError, "sequence.index(x): x not in sequence");
  return int_from_i64(vm, n);
}

static Obj *op_countOf(OP_ARGS) {
  if (mod_check_pos(vm, "countOf", nargs, kwnames, 2, 2) < 0) return NULL;
  return seq_search(vm, args[0], args[1], true);
}

static Obj *op_indexOf(OP_ARGS) {
  if (mod_check_pos(vm, "indexOf", nargs, kwnames, 2, 2) < 0) return NULL;
  return seq_search(vm, args[0], args[1], false);
}

static Obj *op_length_hint(OP_ARGS) {
  if (mod_check_pos(vm, "length_hint", nargs, kwnames, 1, 2) < 0) return NULL;
  ssize deflt = 0;
  if (nargs == 2) {
    if (!int_check(args[1]))
      return vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      obj_type_name(args[1]));
    deflt = obj_as_ssize(vm, args[1]);
    if (deflt == -1 && vm_exc_occurred(vm)) return NULL;
  }
  ssize n = obj_length_hint(vm, args[0], deflt);
  return n < 0 ? NULL : int_from_i64(vm, n);
}

static Obj *op_call(OP_ARGS) {
  if (nargs < 1)
    return vm_raise(vm, &Exc_TypeError, "call() missing 1 required positional argument: 'obj'");
  return obj_call(vm, args[0], args + 1, nargs - 1, kwnames);
}

/* ------------------------------------------------------------------ */
/* itemgetter, attrgetter, methodcaller                               */
/* ------------------------------------------------------------------ */

/* One layout for the three: ITEMS is the tuple of items / attribute paths
** (each a tuple of names) / call arguments; for methodcaller NAME is the
** method name and KW the keyword dict. */
typedef struct GetterObj {
  Obj ob;
  Obj *items;                     /* tuple (owned) */
  Obj *name;                      /* methodcaller: str (owned) */
  Obj *kw;                        /* methodcaller: dict (owned) */
  Obj *reprargs;                  /* attrgetter: the original strs (owned) */
} GetterObj;

#define GETTER(o) ((GetterObj *)(o))

static int getter_traverse(Obj *o, visitproc visit, void *arg) {
  GetterObj *g = GETTER(o);
  int r;
  if (g->items && (r = visit(g->items, EDGE_OTHER, 0, NULL, arg))) return r;
  if (g->name && (r = visit(g->name, EDGE_OTHER, 1, NULL, arg))) return r;
  if (g->kw && (r = visit(g->kw, EDGE_OTHER, 2, NULL, arg))) return r;
  if (g->reprargs && (r = visit(g->reprargs, EDGE_OTHER, 3, NULL, arg))) return r;
  return 0;
}

static int getter_clear(VM *vm, Obj *o) {
  GetterObj *g = GETTER(o);
  obj_setref(vm, &g->items, NULL);
  obj_setref(vm, &g->name, NULL);
  obj_setref(vm, &g->kw, NULL);
  obj_setref(vm, &g->reprargs, NULL);
  return 0;
}

static void getter_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  getter_clear(vm, o);
  gc_free(vm, o, o->type->basicsize);
}

static size_t getter_sizeof(Obj *o) { return GC_SIZEOF(o->type->basicsize); }

static GetterObj *getter_alloc(VM *vm, Obj *type) {
  return (GetterObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
}

static Obj *getter_done(VM *vm, GetterObj *g) {
  gc_track(vm, (Obj *)g);
  return (Obj *)g;
}

/* "operator.itemgetter(1, 'a')" from a tuple of values (reprs). */
static Obj *repr_with_args(VM *vm, Obj *o, Obj *items, Obj *kw) {
  int st = repr_enter(vm, o);
  if (st != 0) return st > 0 ? str_fromf(vm, "%s(...)", o->type->name) : NULL;
  Obj *s = str_from_cstr(vm, ""), *r = NULL;
  for (ssize i = 0; s && i < TUPLE_SIZE(items); i++) {
    Obj *n = str_fromf(vm, i ? "%S, %R" : "%S%R", s, TUPLE_GET(items, i));
    decref(vm, s);
    s = n;
  }
  if (s && kw) {
    ssize pos = 0;
    Obj *k, *v;
    while (s && dict_next(kw, &pos, &k, &v)) {
      Obj *n = str_fromf(vm, "%S, %S=%R", s, k, v);
      decref(vm, s);
      s = n;
    }
  }
  if (s) {
    r = str_fromf(vm, "%s(%S)", o->type->name, s);
    decref(vm, s);
  }
  repr_leave(vm, o);
  return r;
}

static Obj *itemgetter_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  if (nkw(kwnames))
    return vm_raise(vm, &Exc_TypeError, "itemgetter() takes no keyword arguments");
  if (nargs < 1)
    return vm_raise(vm, &Exc_TypeError, "itemgetter expected 1 argument, got 0");
  Obj *items = tuple_from_array(vm, args, (ssize)nargs);
  if (!items) return NULL;
  GetterObj *g = getter_alloc(vm, type);
  if (!g) {
    decref(vm, items);
    return NULL;
  }
  g->items = items;
  return getter_done(vm, g);
}

Obj *operator_itemgetter_new(VM *vm, Obj *index) {
  return itemgetter_new(vm, (Obj *)&ItemGetter_Type, &index, 1, NULL);
}

static Obj *itemgetter_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  if (nkw(kwnames))
    return vm_raise(vm, &Exc_TypeError, "itemgetter() takes no keyword arguments");
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "itemgetter expected 1 argument, got %zu", nargs);
  Obj *items = GETTER(callable)->items;
  ssize n = TUPLE_SIZE(items);
  if (n == 1) return obj_getitem(vm, args[0], TUPLE_GET(items, 0));
  Obj *t = tuple_new(vm, n);
  if (!t) return NULL;
  for (ssize i = 0; i < n; i++) {
    Obj *v = obj_getitem(vm, args[0], TUPLE_GET(items, i));
    if (!v) {
      for (ssize j = i; j < n; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(vm, t);
      return NULL;
    }
    TUPLE_ITEMS(t)[i] = v;
  }
  return t;
}

static Obj *itemgetter_repr(VM *vm, Obj *o) {
  return repr_with_args(vm, o, GETTER(o)->items, NULL);
}

TypeObj ItemGetter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "operator.itemgetter",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(GetterObj),
  .flags = TF_GC,
  .dealloc = getter_dealloc,
  .sizeof_ = getter_sizeof,
  .traverse = getter_traverse,
  .clear = getter_clear,
  .new_ = itemgetter_new,
  .repr = itemgetter_repr,
  .call = itemgetter_call,
  .doc = "itemgetter(item, ...) --> itemgetter object\n\n"
         "Return a callable object that fetches the given item(s) from its operand.\n"
         "After f = itemgetter(2), the call f(r) returns r[2].\n"
         "After g = itemgetter(2, 5, 3), the call g(r) returns (r[2], r[5], r[3])",
};

/* attrgetter: each attribute path is stored as a tuple of interned names. */
static Obj *split_dotted(VM *vm, Obj *s) {
  const char *p = STR_UTF8(s), *end = p + STR_NBYTES(s);
  ssize n = 1;
  for (const char *q = p; q < end; q++) n += *q == '.';
  Obj *t = tuple_new(vm, n);
  if (!t) return NULL;
  for (ssize i = 0; i < n; i++) {
    const char *dot = memchr(p, '.', (size_t)(end - p));
    if (!dot) dot = end;
    Obj *part = str_new(vm, p, (size_t)(dot - p));
    if (!part) {
      for (ssize j = i; j < n; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(vm, t);
      return NULL;
    }
    str_intern_inplace(vm, &part);
    TUPLE_ITEMS(t)[i] = part;
    p = dot + 1;
  }
  return t;
}

static Obj *attrgetter_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                           Obj *kwnames) {
  if (nkw(kwnames))
    return vm_raise(vm, &Exc_TypeError, "attrgetter() takes no keyword arguments");
  if (nargs < 1)
    return vm_raise(vm, &Exc_TypeError, "attrgetter expected 1 argument, got 0");
  for (size_t i = 0; i < nargs; i++)
    if (!str_check(args[i]))
      return vm_raise(vm, &Exc_TypeError, "attribute name must be a string");
  Obj *items = tuple_new(vm, (ssize)nargs);
  if (!items) return NULL;
  for (size_t i = 0; i < nargs; i++) TUPLE_ITEMS(items)[i] = incref(None);
  for (size_t i = 0; i < nargs; i++) {
    Obj *path = split_dotted(vm, args[i]);
    if (!path) {
      decref(vm, items);
      return NULL;
    }
    obj_setref(vm, &TUPLE_ITEMS(items)[i], path);
  }
  Obj *reprargs = tuple_from_array(vm, args, (ssize)nargs);
  GetterObj *g = reprargs ? getter_alloc(vm, type) : NULL;
  if (!g) {
    decref(vm, items);
    xdecref(vm, reprargs);
    return NULL;
  }
  g->items = items;
  g->reprargs = reprargs;
  return getter_done(vm, g);
}

static Obj *attr_path(VM *vm, Obj *o, Obj *path) {
  Obj *v = incref(o);
  for (ssize i = 0; i < TUPLE_SIZE(path); i++) {
    Obj *n = obj_getattr(vm, v, TUPLE_GET(path, i));
    decref(vm, v);
    if (!(v = n)) return NULL;
  }
  return v;
}

static Obj *attrgetter_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                            Obj *kwnames) {
  if (nkw(kwnames))
    return vm_raise(vm, &Exc_TypeError, "attrgetter() takes no keyword arguments");
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "attrgetter expected 1 argument, got %zu", nargs);
  Obj *items = GETTER(callable)->items;
  ssize n = TUPLE_SIZE(items);
  if (n == 1) return attr_path(vm, args[0], TUPLE_GET(items, 0));
  Obj *t = tuple_new(vm, n);
  if (!t) return NULL;
  for (ssize i = 0; i < n; i++) {
    Obj *v = attr_path(vm, args[0], TUPLE_GET(items, i));
    if (!v) {
      for (ssize j = i; j < n; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(vm, t);
      return NULL;
    }
    TUPLE_ITEMS(t)[i] = v;
  }
  return t;
}

static Obj *attrgetter_repr(VM *vm, Obj *o) {
  return repr_with_args(vm, o, GETTER(o)->reprargs, NULL);
}

TypeObj AttrGetter_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "operator.attrgetter",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(GetterObj),
  .flags = TF_GC,
  .dealloc = getter_dealloc,
  .sizeof_ = getter_sizeof,
  .traverse = getter_traverse,
  .clear = getter_clear,
  .new_ = attrgetter_new,
  .repr = attrgetter_repr,
  .call = attrgetter_call,
  .doc = "attrgetter(attr, ...) --> attrgetter object\n\n"
         "Return a callable object that fetches the given attribute(s) from its operand.\n"
         "After f = attrgetter('name'), the call f(r) returns r.name.\n"
         "After g = attrgetter('name', 'date'), the call g(r) returns (r.name, r.date).\n"
         "After h = attrgetter('name.first', 'name.last'), the call h(r) returns\n"
         "(r.name.first, r.name.last).",
};

static Obj *methodcaller_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                             Obj *kwnames) {
  if (nargs < 1)
    return vm_raise(vm, &Exc_TypeError,
                    "methodcaller needs at least one argument, the method name");
  if (!str_check(args[0]))
    return vm_raise(vm, &Exc_TypeError, "method name must be a string");
  Obj *items = tuple_from_array(vm, args + 1, (ssize)nargs - 1);
  Obj *kw = dict_new(vm);
  GetterObj *g = items && kw ? getter_alloc(vm, type) : NULL;
  if (!g) {
    xdecref(vm, items);
    xdecref(vm, kw);
    return NULL;
  }
  g->items = items;
  g->kw = kw;
  g->name = incref(args[0]);
  str_intern_inplace(vm, &g->name);
  for (ssize i = 0; i < nkw(kwnames); i++)
    if (dict_set(vm, kw, TUPLE_GET(kwnames, i), args[nargs + i]) < 0) {
      decref(vm, (Obj *)g);
      return NULL;
    }
  return getter_done(vm, g);
}

static Obj *methodcaller_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                              Obj *kwnames) {
  GetterObj *g = GETTER(callable);
  if (nkw(kwnames))
    return vm_raise(vm, &Exc_TypeError, "methodcaller() takes no keyword arguments");
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError, "methodcaller expected 1 argument, got %zu", nargs);
  Obj *meth = obj_getattr(vm, args[0], g->name);
  if (!meth) return NULL;
  ssize np = TUPLE_SIZE(g->items), nk = dict_size(g->kw);
  Obj *r = NULL, *names = NULL;
  size_t total = (size_t)(np + nk);
  Obj *small[8], **v = small;
  if (total > 8 && !(v = ht_alloc(HT_TAG_VMINTERNAL, total * sizeof(Obj *)))) {
    decref(vm, meth);
    return vm_raise_nomem(vm);
  }
  for (ssize i = 0; i < np; i++) v[i] = TUPLE_GET(g->items, i);
  if (nk) {
    names = tuple_new(vm, nk);
    if (!names) goto out;
    ssize pos = 0, j = 0;
    Obj *k, *val;
    while (dict_next(g->kw, &pos, &k, &val)) {
      TUPLE_ITEMS(names)[j] = incref(k);
      v[np + j++] = val;
    }
  }
  r = obj_call(vm, meth, v, (size_t)np, names);
out:
  if (v != small) ht_free(HT_TAG_VMINTERNAL, v, total * sizeof(Obj *));
  xdecref(vm, names);
  decref(vm, meth);
  return r;
}

static Obj *methodcaller_repr(VM *vm, Obj *o) {
  GetterObj *g = GETTER(o);
  Obj *all = tuple_new(vm, TUPLE_SIZE(g->items) + 1);
  if (!all) return NULL;
  TUPLE_ITEMS(all)[0] = incref(g->name);
  for (ssize i = 0; i < TUPLE_SIZE(g->items); i++)
    TUPLE_ITEMS(all)[i + 1] = incref(TUPLE_GET(g->items, i));
  Obj *r = repr_with_args(vm, o, all, g->kw);
  decref(vm, all);
  return r;
}

TypeObj MethodCaller_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "operator.methodcaller",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(GetterObj),
  .flags = TF_GC,
  .dealloc = getter_dealloc,
  .sizeof_ = getter_sizeof,
  .traverse = getter_traverse,
  .clear = getter_clear,
  .new_ = methodcaller_new,
  .repr = methodcaller_repr,
  .call = methodcaller_call,
  .doc = "methodcaller(name, ...) --> methodcaller object\n\n"
         "Return a callable object that calls the given method on its operand.\n"
         "After f = methodcaller('name'), the call f(r) returns r.name().\n"
         "After g = methodcaller('name', 'date', foo=1), the call g(r) returns\n"
         "r.name('date', foo=1).",
};

/* ------------------------------------------------------------------ */
/* The module                                                         */
/* ------------------------------------------------------------------ */

#define F(n) {#n, op_##n, 0}
static const MethodDef operator_funcs[] = {
  F(abs), F(add), F(and_), F(call), F(concat), F(contains), F(countOf),
  F(delitem), F(eq), F(floordiv), F(ge), F(getitem), F(gt), F(iadd), F(iand),
  F(iconcat), F(ifloordiv), F(ilshift), F(imatmul), F(imod), F(imul),
  F(index), F(indexOf), F(inv), F(invert), F(ior), F(ipow), F(irshift),
  F(is_), F(is_not), F(isub), F(itruediv), F(ixor), F(le), F(length_hint),
  F(lshift), F(lt), F(matmul), F(mod), F(mul), F(ne), F(neg), F(not_),
  F(or_), F(pos), F(pow), F(rshift), F(setitem), F(sub), F(truediv),
  F(truth), F(xor),
  {NULL, NULL, 0},
};
#undef F

/* The __dunder__ aliases CPython's operator module defines. */
static const char *const dunder_aliases[][2] = {
  {"__lt__", "lt"}, {"__le__", "le"}, {"__eq__", "eq"}, {"__ne__", "ne"},
  {"__ge__", "ge"}, {"__gt__", "gt"}, {"__not__", "not_"}, {"__abs__", "abs"},
  {"__add__", "add"}, {"__and__", "and_"}, {"__floordiv__", "floordiv"},
  {"__index__", "index"}, {"__inv__", "inv"}, {"__invert__", "invert"},
  {"__lshift__", "lshift"}, {"__mod__", "mod"}, {"__mul__", "mul"},
  {"__matmul__", "matmul"}, {"__neg__", "neg"}, {"__or__", "or_"},
  {"__pos__", "pos"}, {"__pow__", "pow"}, {"__rshift__", "rshift"},
  {"__sub__", "sub"}, {"__truediv__", "truediv"}, {"__xor__", "xor"},
  {"__concat__", "concat"}, {"__contains__", "contains"},
  {"__delitem__", "delitem"}, {"__getitem__", "getitem"},
  {"__setitem__", "setitem"}, {"__iadd__", "iadd"}, {"__iand__", "iand"},
  {"__iconcat__", "iconcat"}, {"__ifloordiv__", "ifloordiv"},
  {"__ilshift__", "ilshift"}, {"__imod__", "imod"}, {"__imul__", "imul"},
  {"__imatmul__", "imatmul"}, {"__ior__", "ior"}, {"__ipow__", "ipow"},
  {"__irshift__", "irshift"}, {"__isub__", "isub"},
  {"__itruediv__", "itruediv"}, {"__ixor__", "ixor"}, {"__call__", "call"},
};

static TypeObj *const operator_types[] = {
  &ItemGetter_Type, &AttrGetter_Type, &MethodCaller_Type, NULL,
};

Obj *operatormod_init(VM *vm) {
  Obj *m = stdmods_module(vm, "operator", operator_funcs, operator_types);
  if (!m) return NULL;
  Obj *d = ((ModuleObj *)m)->dict;
  for (size_t i = 0; i < sizeof dunder_aliases / sizeof *dunder_aliases; i++) {
    Obj *f = dict_get_cstr(vm, d, dunder_aliases[i][1]);
    if (!f || dict_set_cstr(vm, d, dunder_aliases[i][0], f) < 0) {
      decref(vm, m);
      return NULL;
    }
  }
  return m;
}
