/*
** mod_functools.c -- the `functools` module (reduce, partial, lru_cache and
** cache, wraps and update_wrapper, cmp_to_key, total_ordering,
** cached_property), and the
** helpers the standard-library modules share (stdmods.h).
**
** partial (tag FUNCTION) holds the callable, a tuple of leading positional
** arguments and a dict of keywords; a partial of a partial is flattened as
** CPython does.  Calls go through the vectorcall convention, merging the
** stored arguments with the new ones.
**
** The lru_cache wrapper (tag FUNCTION) keeps CPython's three strategies:
** maxsize 0 calls through and counts misses; maxsize None keeps a plain
** dict key -> result; a bounded cache maps key -> link, where the links
** (tag OTHER, not GC-tracked; the wrapper traverses their key and result)
** form a ring in recency order: a hit moves its link to the newest end, a
** miss on a full cache evicts the oldest.  Keys are built as CPython's
** _make_key: the positional arguments, then a marker and the keyword
** name/value pairs, then the argument types when typed=True; a lone
** positional int or str is its own key.
**
** cmp_to_key returns a KeyWrapper without an object; calling it wraps one
** object, and comparing two wrappers calls the comparison function.
*/
#include "config.h"

#include <string.h>

#include "containers.h"
#include "frame.h"
#include "modules.h"
#include "stdmods.h"
#include "str.h"
#include "vm.h"

#define FT_ARGS VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames

static ssize nkw(Obj *kwnames) { return kwnames ? TUPLE_SIZE(kwnames) : 0; }

/* ------------------------------------------------------------------ */
/* Shared helpers                                                     */
/* ------------------------------------------------------------------ */

int stdmods_ready(VM *vm, TypeObj *const *types) {
  /* the dict subclasses' sizes, before they are readied or used */
  stdmods_dict_extend(&DefaultDict_Type, 1);
  stdmods_dict_extend(&OrderedDict_Type, 0);
  stdmods_dict_extend(&Counter_Type, 0);
  for (; types && *types; types++)
    if (type_ready(vm, *types) < 0) return -1;
  return 0;
}

int stdmods_set(VM *vm, Obj *m, const char *name, Obj *value) {
  if (!value) return -1;
  int r = dict_set_cstr(vm, ((ModuleObj *)m)->dict, name, value);
  decref(vm, value);
  return r;
}

Obj *stdmods_module(VM *vm, const char *name, const MethodDef *funcs,
                    TypeObj *const *types) {
  if (stdmods_ready(vm, types) < 0) return NULL;
  Obj *m = module_new(vm, name, funcs);
  if (!m) return NULL;
  for (; types && *types; types++) {
    const char *dot = strrchr((*types)->name, '.');
    if (stdmods_set(vm, m, dot ? dot + 1 : (*types)->name, incref((Obj *)*types)) < 0) {
      decref(vm, m);
      return NULL;
    }
  }
  return m;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static Obj *name_list(VM *vm, const char *const *names, const int *idx, int n) {
  char buf[512];
  size_t len = 0;
  buf[0] = 0;
  for (int i = 0; i < n && len < sizeof buf - 64; i++) {
    const char *sep = i == 0 ? "" : n == 2 ? " and " : i == n - 1 ? ", and " : ", ";
    len += (size_t)snprintf(buf + len, sizeof buf - len, "%s'%s'", sep, names[idx[i]]);
  }
  return str_from_cstr(vm, buf);
}

int stdmods_pyargs(VM *vm, const PyArgSpec *spec, Obj *const *args, size_t nargs,
                   Obj *kwnames, Obj **out) {
  const char *f = spec->fname;
  int ntotal = spec->npos + spec->nkwonly;
  for (int i = 0; i < ntotal; i++) out[i] = NULL;
  if ((int)nargs > spec->npos) {
    int np = spec->npos + spec->nself, nr = spec->nreq + spec->nself;
    size_t given = nargs + (size_t)spec->nself;
    if (nr == np)
      vm_raise(vm, &Exc_TypeError, "%s() takes %d positional argument%s but %zu %s given",
               f, np, np == 1 ? "" : "s", given, given == 1 ? "was" : "were");
    else
      vm_raise(vm, &Exc_TypeError,
               "%s() takes from %d to %d positional arguments but %zu %s given", f,
               nr, np, given, given == 1 ? "was" : "were");
    return -1;
  }
  for (size_t i = 0; i < nargs; i++) out[i] = args[i];
  for (ssize k = 0; k < nkw(kwnames); k++) {
    Obj *kn = TUPLE_GET(kwnames, k);
    int j;
    for (j = 0; j < ntotal; j++)
      if (str_eq_cstr(kn, spec->names[j])) break;
    if (j < spec->nposonly) {
      vm_raise(vm, &Exc_TypeError,
               "%s() got some positional-only arguments passed as keyword arguments: '%S'",
               f, kn);
      return -1;
    }
    if (j == ntotal) {
      vm_raise(vm, &Exc_TypeError, "%s() got an unexpected keyword argument '%S'", f, kn);
      return -1;
    }
    if (out[j]) {
      vm_raise(vm, &Exc_TypeError, "%s() got multiple values for argument '%S'", f, kn);
      return -1;
    }
    out[j] = args[nargs + k];
  }
  int missing[16], nmissing = 0;
  for (int i = 0; i < spec->nreq && nmissing < 16; i++)
    if (!out[i]) missing[nmissing++] = i;
  if (nmissing) {
    Obj *l = name_list(vm, spec->names, missing, nmissing);
    if (!l) return -1;
    vm_raise(vm, &Exc_TypeError, "%s() missing %d required positional argument%s: %S",
             f, nmissing, nmissing == 1 ? "" : "s", l);
    decref(vm, l);
    return -1;
  }
  return 0;
}

Obj *stdmods_next(VM *vm, Obj *it) {
  Obj *r = obj_iternext(vm, it);
  if (!r && vm_exc_occurred(vm) && vm_exc_matches(vm, &Exc_StopIteration))
    vm_exc_clear(vm);
  return r;
}

void stdmods_dict_extend(TypeObj *type, size_t nslots) {
  type->basicsize = Dict_Type.basicsize + nslots * sizeof(Obj *);
}

Obj *stdmods_call_tuple(VM *vm, Obj *func, Obj *args) {
  return obj_call(vm, func, TUPLE_ITEMS(args), (size_t)TUPLE_SIZE(args), NULL);
}

/* ------------------------------------------------------------------ */
/* reduce                                                             */
/* ------------------------------------------------------------------ */

static Obj *ft_reduce(FT_ARGS) {
  if (mod_check_pos(vm, "reduce", nargs, kwnames, 2, 3) < 0) return NULL;
  Obj *func = args[0];
  Obj *it = obj_iter(vm, args[1]);
  if (!it) {
    if (vm_exc_matches(vm, &Exc_TypeError)) {
      vm_exc_clear(vm);
      vm_raise(vm, &Exc_TypeError, "reduce() arg 2 must support iteration");
    }
    return NULL;
  }
  Obj *result = nargs == 3 ? incref(args[2]) : NULL;
  for (;;) {
    Obj *item = stdmods_next(vm, it);
    if (!item) {
      if (vm_exc_occurred(vm)) goto fail;
      break;
    }
    if (!result) {
      result = item;
      continue;
    }
    Obj *pair[2] = {result, item};
    Obj *r = obj_call(vm, func, pair, 2, NULL);
    decref(vm, item);
    decref(vm, result);
    result = r;
    if (!result) goto fail;
  }
  decref(vm, it);
  if (!result)
    return vm_raise(vm, &Exc_TypeError,
                    "reduce() of empty iterable with no initial value");
  return result;
fail:
  decref(vm, it);
  xdecref(vm, result);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* partial                                                            */
/* ------------------------------------------------------------------ */

typedef struct PartialObj {
  Obj ob;
  Obj *fn;                        /* the callable (owned) */
  Obj *args;                      /* tuple of leading arguments (owned) */
  Obj *kw;                        /* dict of keyword arguments (owned) */
  Obj *dict;                      /* __dict__ or NULL (owned) */
} PartialObj;

#define PARTIAL(o) ((PartialObj *)(o))

static bool is_callable(VM *vm, Obj *o) {
  return o->type->call != NULL ||
         type_lookup(o->type, str_intern_cstr(vm, "__call__")) != NULL;
}

static Obj *partial_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                         Obj *kwnames);

static Obj *partial_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (nargs < 1)
    return vm_raise(vm, &Exc_TypeError, "type 'partial' takes at least one argument");
  Obj *func = args[0], *pargs = NULL, *pkw = NULL;
  if (!is_callable(vm, func))
    return vm_raise(vm, &Exc_TypeError, "the first argument must be callable");
  if (func->type->call == partial_call && !PARTIAL(func)->dict) {
    pargs = PARTIAL(func)->args;
    pkw = PARTIAL(func)->kw;
    func = PARTIAL(func)->fn;
  }
  ssize np = pargs ? TUPLE_SIZE(pargs) : 0;
  Obj *targs = tuple_new(vm, np + (ssize)nargs - 1);
  if (!targs) return NULL;
  for (ssize i = 0; i < np; i++) TUPLE_ITEMS(targs)[i] = incref(TUPLE_GET(pargs, i));
  for (size_t i = 1; i < nargs; i++) TUPLE_ITEMS(targs)[np + i - 1] = incref(args[i]);
  Obj *kw = pkw ? dict_copy(vm, pkw) : dict_new(vm);
  if (!kw) {
    decref(vm, targs);
    return NULL;
  }
  for (ssize i = 0; i < nkw(kwnames); i++)
    if (dict_set(vm, kw, TUPLE_GET(kwnames, i), args[nargs + i]) < 0) {
      decref(vm, targs);
      decref(vm, kw);
      return NULL;
    }
  PartialObj *p = (PartialObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
  if (!p) {
    decref(vm, targs);
    decref(vm, kw);
    return NULL;
  }
  p->fn = incref(func);
  p->args = targs;
  p->kw = kw;
  gc_track(vm, (Obj *)p);
  return (Obj *)p;
}

static Obj *partial_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  PartialObj *p = PARTIAL(callable);
  ssize np = TUPLE_SIZE(p->args), nk = nkw(kwnames), nstored = dict_size(p->kw);
  if (np == 0 && nstored == 0) return obj_call(vm, p->fn, args, nargs, kwnames);
  Obj *names = NULL, *merged = NULL, *r = NULL;
  ssize nkwall = 0;
  if (nstored) {
    /* stored keywords, overridden by the call's */
    merged = dict_copy(vm, p->kw);
    if (!merged) return NULL;
    for (ssize i = 0; i < nk; i++)
      if (dict_set(vm, merged, TUPLE_GET(kwnames, i), args[nargs + i]) < 0) goto out;
    nkwall = dict_size(merged);
    names = tuple_new(vm, nkwall);
    if (!names) goto out;
    ssize pos = 0, j = 0;
    Obj *k, *v;
    while (dict_next(merged, &pos, &k, &v)) TUPLE_ITEMS(names)[j++] = incref(k);
  } else {
    nkwall = nk;
    names = kwnames ? incref(kwnames) : NULL;
  }
  size_t total = (size_t)(np + (ssize)nargs + nkwall);
  Obj *small[16], **v = small;
  if (total > 16) {
    v = ht_alloc(HT_TAG_VMINTERNAL, total * sizeof(Obj *));
    if (!v) {
      vm_raise_nomem(vm);
      goto out;
    }
  }
  for (ssize i = 0; i < np; i++) v[i] = TUPLE_GET(p->args, i);
  for (size_t i = 0; i < nargs; i++) v[np + i] = args[i];
  if (merged) {
    ssize pos = 0, j = 0;
    Obj *k, *val;
    while (dict_next(merged, &pos, &k, &val)) v[np + nargs + j++] = val;
  } else {
    for (ssize i = 0; i < nk; i++) v[np + nargs + i] = args[nargs + i];
  }
  r = obj_call(vm, p->fn, v, (size_t)np + nargs, names && TUPLE_SIZE(names) ? names : NULL);
  if (v != small) ht_free(HT_TAG_VMINTERNAL, v, total * sizeof(Obj *));
out:
  xdecref(vm, names);
  xdecref(vm, merged);
  return r;
}

static Obj *partial_repr(VM *vm, Obj *o) {
  PartialObj *p = PARTIAL(o);
  int st = repr_enter(vm, o);
  if (st != 0) return st > 0 ? str_from_cstr(vm, "...") : NULL;
  Obj *s = obj_repr(vm, p->fn), *r = NULL;
  if (!s) goto out;
  for (ssize i = 0; i < TUPLE_SIZE(p->args); i++) {
    Obj *n = str_fromf(vm, "%S, %R", s, TUPLE_GET(p->args, i));
    decref(vm, s);
    if (!(s = n)) goto out;
  }
  ssize pos = 0;
  Obj *k, *v;
  while (dict_next(p->kw, &pos, &k, &v)) {
    incref(k);
    incref(v);
    Obj *n = str_fromf(vm, "%S, %S=%R", s, k, v);
    decref(vm, k);
    decref(vm, v);
    decref(vm, s);
    if (!(s = n)) goto out;
  }
  r = str_fromf(vm, "%s(%S)", o->type->name, s);
  decref(vm, s);
out:
  repr_leave(vm, o);
  return r;
}

static int partial_traverse(Obj *o, visitproc visit, void *arg) {
  PartialObj *p = PARTIAL(o);
  int r;
  if (p->fn && (r = visit(p->fn, EDGE_FUNC, 0, NULL, arg))) return r;
  if (p->args && (r = visit(p->args, EDGE_OTHER, 0, NULL, arg))) return r;
  if (p->kw && (r = visit(p->kw, EDGE_OTHER, 1, NULL, arg))) return r;
  if (p->dict && (r = visit(p->dict, EDGE_DICT, 0, NULL, arg))) return r;
  return 0;
}

static int partial_clear(VM *vm, Obj *o) {
  PartialObj *p = PARTIAL(o);
  obj_setref(vm, &p->fn, NULL);
  obj_setref(vm, &p->args, NULL);
  obj_setref(vm, &p->kw, NULL);
  obj_setref(vm, &p->dict, NULL);
  return 0;
}

static void partial_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  partial_clear(vm, o);
  gc_free(vm, o, o->type->basicsize);
}

static size_t gc_sizeof(Obj *o) { return GC_SIZEOF(o->type->basicsize); }

static Obj *partial_get_func(VM *vm, Obj *o) { return incref(PARTIAL(o)->fn); }
static Obj *partial_get_args(VM *vm, Obj *o) { return incref(PARTIAL(o)->args); }
static Obj *partial_get_keywords(VM *vm, Obj *o) { return incref(PARTIAL(o)->kw); }

/* __dict__ of an object whose type has a dictoffset: made on first use. */
static Obj *get_dict(VM *vm, Obj *o) {
  Obj **slot = class_dict_slot(o);
  if (!*slot && !(*slot = dict_new(vm))) return NULL;
  return incref(*slot);
}

static int set_dict(VM *vm, Obj *o, Obj *v) {
  if (!v) return vm_raise(vm, &Exc_TypeError, "cannot delete __dict__"), -1;
  if (!dict_check(v)) {
    vm_raise(vm, &Exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
             obj_type_name(v));
    return -1;
  }
  obj_setref(vm, class_dict_slot(o), incref(v));
  return 0;
}

static const GetSetDef partial_getset[] = {
  {"__dict__", get_dict, set_dict},
  {"func", partial_get_func, NULL},
  {"args", partial_get_args, NULL},
  {"keywords", partial_get_keywords, NULL},
  {NULL, NULL, NULL},
};

static int accept_init(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  return 0;
}

TypeObj Partial_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "functools.partial",
  .tag = HT_TAG_FUNCTION,
  .basicsize = sizeof(PartialObj),
  .flags = TF_GC | TF_BASETYPE,
  .dictoffset = offsetof(PartialObj, dict),
  .dealloc = partial_dealloc,
  .sizeof_ = gc_sizeof,
  .traverse = partial_traverse,
  .clear = partial_clear,
  .new_ = partial_new,
  .init = accept_init,
  .repr = partial_repr,
  .call = partial_call,
  .getset = partial_getset,
  .doc = "partial(func, *args, **keywords) - new function with partial application\n"
         "    of the given arguments and keywords.\n",
};

/* ------------------------------------------------------------------ */
/* update_wrapper / wraps                                             */
/* ------------------------------------------------------------------ */

static const char *const wrapper_assignments[] = {
  "__module__", "__name__", "__qualname__", "__doc__", "__annotations__",
};

static Obj *names_tuple(VM *vm, const char *const *names, ssize n) {
  Obj *t = tuple_new(vm, n);
  if (!t) return NULL;
  for (ssize i = 0; i < n; i++) {
    Obj *s = str_intern_cstr(vm, names[i]);
    if (!s) {
      for (ssize j = i; j < n; j++) TUPLE_ITEMS(t)[j] = incref(None);
      decref(vm, t);
      return NULL;
    }
    TUPLE_ITEMS(t)[i] = incref(s);
  }
  return t;
}

/* update_wrapper(wrapper, wrapped, assigned=..., updated=...) */
static Obj *do_update_wrapper(VM *vm, Obj *wrapper, Obj *wrapped, Obj *assigned,
                              Obj *updated) {
  Obj *it = NULL, *name;
  if (assigned) {
    if (!(it = obj_iter(vm, assigned))) return NULL;
    while ((name = stdmods_next(vm, it))) {
      Obj *v = obj_getattr(vm, wrapped, name);
      if (!v) {
        if (!vm_exc_matches(vm, &Exc_AttributeError)) goto fail_name;
        vm_exc_clear(vm);
      } else {
        int r = obj_setattr(vm, wrapper, name, v);
        decref(vm, v);
        if (r < 0) goto fail_name;
      }
      decref(vm, name);
    }
    if (vm_exc_occurred(vm)) goto fail;
    decref(vm, it);
  } else {
    for (size_t i = 0; i < sizeof wrapper_assignments / sizeof *wrapper_assignments; i++) {
      Obj *n = str_intern_cstr(vm, wrapper_assignments[i]);
      if (!n) return NULL;
      Obj *v = obj_getattr(vm, wrapped, n);
      if (!v) {
        if (!vm_exc_matches(vm, &Exc_AttributeError)) return NULL;
        vm_exc_clear(vm);
        continue;
      }
      int r = obj_setattr(vm, wrapper, n, v);
      decref(vm, v);
      if (r < 0) return NULL;
    }
  }
  Obj *upd = updated ? incref(updated) : names_tuple(vm, (const char *[]){"__dict__"}, 1);
  if (!upd) return NULL;
  it = obj_iter(vm, upd);
  decref(vm, upd);
  if (!it) return NULL;
  while ((name = stdmods_next(vm, it))) {
    Obj *dst = obj_getattr(vm, wrapper, name);
    if (!dst) goto fail_name;
    Obj *src = obj_getattr(vm, wrapped, name);
    if (!src) {
      if (!vm_exc_matches(vm, &Exc_AttributeError)) {
        decref(vm, dst);
        goto fail_name;
      }
      vm_exc_clear(vm);
      src = dict_new(vm);
      if (!src) {
        decref(vm, dst);
        goto fail_name;
      }
    }
    Obj *r = obj_call_method(vm, dst, "update", &src, 1);
    decref(vm, src);
    decref(vm, dst);
    if (!r) goto fail_name;
    decref(vm, r);
    decref(vm, name);
  }
  if (vm_exc_occurred(vm)) goto fail;
  decref(vm, it);
  if (obj_setattr(vm, wrapper, str_intern_cstr(vm, "__wrapped__"), wrapped) < 0)
    return NULL;
  return incref(wrapper);
fail_name:
  decref(vm, name);
fail:
  decref(vm, it);
  return NULL;
}

static const char *const update_wrapper_names[] = {"wrapper", "wrapped", "assigned",
                                                   "updated"};
static const ModArgSpec update_wrapper_spec = {"update_wrapper", update_wrapper_names,
                                               4, 0, 4, 2};

static Obj *ft_update_wrapper(FT_ARGS) {
  Obj *a[4];
  if (mod_args(vm, &update_wrapper_spec, args, nargs, kwnames, a) < 0) return NULL;
  return do_update_wrapper(vm, a[0], a[1], a[2], a[3]);
}

static const MethodDef update_wrapper_def = {"update_wrapper", ft_update_wrapper, 0};

static const char *const wraps_names[] = {"wrapped", "assigned", "updated"};
static const ModArgSpec wraps_spec = {"wraps", wraps_names, 3, 0, 3, 1};

/* wraps(wrapped, assigned=..., updated=...): a partial of update_wrapper. */
static Obj *ft_wraps(FT_ARGS) {
  Obj *a[3];
  if (mod_args(vm, &wraps_spec, args, nargs, kwnames, a) < 0) return NULL;
  Obj *uw = builtin_new(vm, &update_wrapper_def, self);
  if (!uw) return NULL;
  Obj *assigned = a[1] ? incref(a[1]) : names_tuple(vm, wrapper_assignments, 5);
  Obj *updated = a[2] ? incref(a[2]) : names_tuple(vm, (const char *[]){"__dict__"}, 1);
  Obj *names = tuple_pack(vm, 3, str_intern_cstr(vm, "wrapped"),
                          str_intern_cstr(vm, "assigned"), str_intern_cstr(vm, "updated"));
  Obj *r = NULL;
  if (assigned && updated && names) {
    Obj *v[4] = {uw, a[0], assigned, updated};
    r = partial_new(vm, (Obj *)&Partial_Type, v, 1, names);
  }
  xdecref(vm, names);
  xdecref(vm, assigned);
  xdecref(vm, updated);
  decref(vm, uw);
  return r;
}

/* ------------------------------------------------------------------ */
/* lru_cache                                                          */
/* ------------------------------------------------------------------ */

typedef struct LruLink {
  Obj ob;
  struct LruLink *prev, *next;    /* recency ring (borrowed; the dict owns links) */
  Obj *key;                       /* owned */
  Obj *result;                    /* owned */
} LruLink;

static void lrulink_dealloc(VM *vm, Obj *o) {
  LruLink *l = (LruLink *)o;
  xdecref(vm, l->key);
  xdecref(vm, l->result);
  obj_free(vm, o, sizeof(LruLink));
}

static TypeObj LruLink_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "functools._lru_list_elem",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(LruLink),
  .dealloc = lrulink_dealloc,
};

typedef struct LruObj {
  Obj ob;
  Obj *func;                      /* the cached function (owned) */
  Obj *cache;                     /* dict key -> result, or key -> LruLink (owned) */
  Obj *dict;                      /* __dict__ or NULL (owned) */
  ssize maxsize;                  /* -1: unbounded; 0: no caching */
  bool typed;                     /* typed=True */
  ssize hits, misses;             /* cache_info() counters */
  LruLink root;                   /* ring sentinel: root.next is the oldest */
} LruObj;

#define LRU(o) ((LruObj *)(o))

static Obj kwd_mark = OBJ_STATIC_INIT(&Object_Type);

static Obj *lru_make_key(VM *vm, LruObj *c, Obj *const *args, size_t nargs,
                         Obj *kwnames) {
  ssize nk = nkw(kwnames);
  if (!c->typed && nk == 0 && nargs == 1 &&
      (args[0]->type == &Int_Type || args[0]->type == &Str_Type))
    return incref(args[0]);
  ssize n = (ssize)nargs + (nk ? 1 + 2 * nk : 0);
  if (c->typed) n += (ssize)nargs + nk;
  Obj *key = tuple_new(vm, n);
  if (!key) return NULL;
  ssize j = 0;
  for (size_t i = 0; i < nargs; i++) TUPLE_ITEMS(key)[j++] = incref(args[i]);
  if (nk) {
    TUPLE_ITEMS(key)[j++] = incref(&kwd_mark);
    for (ssize i = 0; i < nk; i++) {
      TUPLE_ITEMS(key)[j++] = incref(TUPLE_GET(kwnames, i));
      TUPLE_ITEMS(key)[j++] = incref(args[nargs + i]);
    }
  }
  if (c->typed) {
    for (size_t i = 0; i < nargs; i++) TUPLE_ITEMS(key)[j++] = incref((Obj *)args[i]->type);
    for (ssize i = 0; i < nk; i++) TUPLE_ITEMS(key)[j++] = incref((Obj *)args[nargs + i]->type);
  }
  return key;
}

static void link_unlink(LruLink *l) {
  l->prev->next = l->next;
  l->next->prev = l->prev;
}

static void link_append(LruObj *c, LruLink *l) {
  LruLink *root = &c->root, *last = root->prev;
  last->next = l;
  l->prev = last;
  l->next = root;
  root->prev = l;
}

static Obj *lru_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  LruObj *c = LRU(callable);
  if (c->maxsize == 0) {
    c->misses++;
    return obj_call(vm, c->func, args, nargs, kwnames);
  }
  Obj *key = lru_make_key(vm, c, args, nargs, kwnames);
  if (!key) return NULL;
  hash_t h = obj_hash(vm, key);
  if (h == -1) {
    decref(vm, key);
    return NULL;
  }
  Obj *hit = dict_get_with_hash(vm, c->cache, key, h);
  if (hit) {
    c->hits++;
    decref(vm, key);
    if (c->maxsize < 0) return incref(hit);
    LruLink *l = (LruLink *)hit;
    link_unlink(l);
    link_append(c, l);
    return incref(l->result);
  }
  if (vm_exc_occurred(vm)) {
    decref(vm, key);
    return NULL;
  }
  c->misses++;
  Obj *result = obj_call(vm, c->func, args, nargs, kwnames);
  if (!result) {
    decref(vm, key);
    return NULL;
  }
  if (c->maxsize < 0) {
    if (dict_set_with_hash(vm, c->cache, key, h, result) < 0) {
      decref(vm, key);
      decref(vm, result);
      return NULL;
    }
    decref(vm, key);
    return result;
  }
  /* the call may have cached this key itself (recursion) */
  if (dict_get_with_hash(vm, c->cache, key, h) || vm_exc_occurred(vm)) {
    decref(vm, key);
    if (vm_exc_occurred(vm)) {
      decref(vm, result);
      return NULL;
    }
    return result;
  }
  if (dict_size(c->cache) < c->maxsize || c->root.next == &c->root) {
    LruLink *l = (LruLink *)obj_alloc(vm, &LruLink_Type, sizeof(LruLink));
    if (!l) {
      decref(vm, key);
      decref(vm, result);
      return NULL;
    }
    l->key = key;
    l->result = incref(result);
    if (dict_set_with_hash(vm, c->cache, key, h, (Obj *)l) < 0) {
      decref(vm, (Obj *)l);
      decref(vm, result);
      return NULL;
    }
    link_append(c, l);
    decref(vm, (Obj *)l);   /* the dict holds it */
    return result;
  }
  /* evict the oldest and reuse its link */
  LruLink *old = c->root.next;
  incref((Obj *)old);
  link_unlink(old);
  Obj *popped = dict_pop(vm, c->cache, old->key, None);
  if (!popped) {
    decref(vm, (Obj *)old);
    decref(vm, key);
    decref(vm, result);
    return NULL;
  }
  decref(vm, popped);
  Obj *oldkey = old->key, *oldresult = old->result;
  old->key = key;
  old->result = incref(result);
  if (dict_set_with_hash(vm, c->cache, key, h, (Obj *)old) < 0) {
    decref(vm, (Obj *)old);
    decref(vm, oldkey);
    decref(vm, oldresult);
    decref(vm, result);
    return NULL;
  }
  link_append(c, old);
  decref(vm, (Obj *)old);
  decref(vm, oldkey);
  decref(vm, oldresult);
  return result;
}

static void lru_clear_cache(VM *vm, LruObj *c) {
  c->root.next = c->root.prev = &c->root;
  if (c->cache) dict_clear(vm, c->cache);
}

static int lru_traverse(Obj *o, visitproc visit, void *arg) {
  LruObj *c = LRU(o);
  int r;
  if (c->func && (r = visit(c->func, EDGE_FUNC, 0, NULL, arg))) return r;
  if (c->cache && (r = visit(c->cache, EDGE_OTHER, 0, NULL, arg))) return r;
  if (c->dict && (r = visit(c->dict, EDGE_DICT, 0, NULL, arg))) return r;
  if (c->maxsize > 0) {
    ssize i = 0;
    for (LruLink *l = c->root.next; l && l != &c->root; l = l->next, i++) {
      if ((r = visit(l->key, EDGE_KEY, i, NULL, arg))) return r;
      if ((r = visit(l->result, EDGE_VALUE, i, l->key, arg))) return r;
    }
  }
  return 0;
}

static int lru_gc_clear(VM *vm, Obj *o) {
  LruObj *c = LRU(o);
  lru_clear_cache(vm, c);
  obj_setref(vm, &c->func, NULL);
  obj_setref(vm, &c->cache, NULL);
  obj_setref(vm, &c->dict, NULL);
  return 0;
}

static void lru_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  lru_gc_clear(vm, o);
  gc_free(vm, o, o->type->basicsize);
}

static Obj *lru_descr_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  if (!obj || obj == None) return incref(descr);
  return method_new(vm, descr, obj);
}

static const char *const cacheinfo_fields[] = {"hits", "misses", "maxsize", "currsize"};
static const StructSeqDesc cacheinfo_desc = {"CacheInfo", cacheinfo_fields, 4, 4};
TypeObj CacheInfo_Type = STRUCTSEQ_TYPE_INIT("functools.CacheInfo");

static Obj *lru_cache_info(FT_ARGS) {
  LruObj *c = LRU(self);
  if (mod_check_noargs(vm, "_lru_cache_wrapper.cache_info", nargs, kwnames) < 0)
    return NULL;
  Obj *items[4];
  items[0] = int_from_i64(vm, c->hits);
  items[1] = int_from_i64(vm, c->misses);
  items[2] = c->maxsize < 0 ? none_new() : int_from_i64(vm, c->maxsize);
  items[3] = int_from_i64(vm, c->maxsize == 0 ? 0 : dict_size(c->cache));
  for (int i = 0; i < 4; i++)
    if (!items[i]) {
      for (int j = 0; j < 4; j++) xdecref(vm, items[j]);
      return NULL;
    }
  return structseq_new(vm, &CacheInfo_Type, &cacheinfo_desc, items);
}

static Obj *lru_cache_clear(FT_ARGS) {
  LruObj *c = LRU(self);
  if (mod_check_noargs(vm, "_lru_cache_wrapper.cache_clear", nargs, kwnames) < 0)
    return NULL;
  c->hits = c->misses = 0;
  lru_clear_cache(vm, c);
  return none_new();
}

static Obj *lru_cache_parameters(FT_ARGS) {
  LruObj *c = LRU(self);
  if (mod_check_noargs(vm, "cache_parameters", nargs, kwnames) < 0) return NULL;
  Obj *d = dict_new(vm);
  if (!d) return NULL;
  Obj *m = c->maxsize < 0 ? none_new() : int_from_i64(vm, c->maxsize);
  if (!m || dict_set_cstr(vm, d, "maxsize", m) < 0 ||
      dict_set_cstr(vm, d, "typed", c->typed ? True_ : False_) < 0) {
    xdecref(vm, m);
    decref(vm, d);
    return NULL;
  }
  decref(vm, m);
  return d;
}

static const GetSetDef lru_getset[] = {
  {"__dict__", get_dict, set_dict},
  {NULL, NULL, NULL},
};

static const MethodDef lru_methods[] = {
  {"cache_info", lru_cache_info, 0},
  {"cache_clear", lru_cache_clear, 0},
  {"cache_parameters", lru_cache_parameters, 0},
  {NULL, NULL, 0},
};

TypeObj LruCache_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "functools._lru_cache_wrapper",
  .tag = HT_TAG_FUNCTION,
  .basicsize = sizeof(LruObj),
  .flags = TF_GC,
  .dictoffset = offsetof(LruObj, dict),
  .dealloc = lru_dealloc,
  .sizeof_ = gc_sizeof,
  .traverse = lru_traverse,
  .clear = lru_gc_clear,
  .call = lru_call,
  .descr_get = lru_descr_get,
  .methods = lru_methods,
  .getset = lru_getset,
};

/* A new wrapper of FUNC; MAXSIZE -1 means unbounded. */
static Obj *lru_wrap(VM *vm, Obj *func, ssize maxsize, bool typed) {
  if (!is_callable(vm, func))
    return vm_raise(vm, &Exc_TypeError, "the first argument must be callable");
  Obj *cache = dict_new(vm);
  if (!cache) return NULL;
  LruObj *c = (LruObj *)gc_alloc(vm, &LruCache_Type, sizeof(LruObj));
  if (!c) {
    decref(vm, cache);
    return NULL;
  }
  c->func = incref(func);
  c->cache = cache;
  c->maxsize = maxsize;
  c->typed = typed;
  c->root.next = c->root.prev = &c->root;
  gc_track(vm, (Obj *)c);
  Obj *r = do_update_wrapper(vm, (Obj *)c, func, NULL, NULL);
  decref(vm, (Obj *)c);
  return r;
}

/* The decorator lru_cache(maxsize, typed) returns: SELF is (maxsize, typed). */
static Obj *ft_lru_decorating(FT_ARGS) {
  if (mod_check_o(vm, "decorating_function", nargs, kwnames) < 0) return NULL;
  Obj *m = TUPLE_GET(self, 0);
  ssize maxsize = m == None ? -1 : int_as_i64_unchecked(m);
  return lru_wrap(vm, args[0], maxsize, TUPLE_GET(self, 1) == True_);
}

static const MethodDef lru_decorating_def = {"decorating_function", ft_lru_decorating, 0};
static Obj *lru_decorator(VM *vm, ssize n, bool typed);

static const char *const lru_names[] = {"maxsize", "typed"};
static const PyArgSpec lru_spec = {"lru_cache", lru_names, 2, 0, 0, 0, 0};

static Obj *ft_lru_cache(FT_ARGS) {
  Obj *a[2];
  if (stdmods_pyargs(vm, &lru_spec, args, nargs, kwnames, a) < 0) return NULL;
  int typed = 0;
  if (a[1] && (typed = obj_truthy(vm, a[1])) < 0) return NULL;
  if (!a[0]) return lru_decorator(vm, 128, typed);
  Obj *maxsize = a[0];
  ssize n;
  if (int_check(maxsize)) {
    n = int_sign(maxsize) < 0 ? 0 : obj_as_ssize(vm, maxsize);
    if (n == -1 && vm_exc_occurred(vm)) return NULL;
  } else if (is_callable(vm, maxsize) && (!a[1] || a[1]->type == &Bool_Type)) {
    return lru_wrap(vm, maxsize, 128, typed);
  } else if (maxsize != None) {
    return vm_raise(vm, &Exc_TypeError,
                    "Expected first argument to be an integer, a callable, or None");
  } else {
    n = -1;
  }
  return lru_decorator(vm, n, typed);
}

/* The decorator lru_cache(maxsize, typed) returns. */
static Obj *lru_decorator(VM *vm, ssize n, bool typed) {
  Obj *mo = n < 0 ? none_new() : int_from_i64(vm, n);
  if (!mo) return NULL;
  Obj *params = tuple_pack(vm, 2, mo, typed ? True_ : False_);
  decref(vm, mo);
  if (!params) return NULL;
  Obj *r = builtin_new(vm, &lru_decorating_def, params);
  decref(vm, params);
  return r;
}

/* functools.cache(f) == lru_cache(maxsize=None)(f) */
static const char *const cache_names[] = {"user_function"};
static const PyArgSpec cache_spec = {"cache", cache_names, 1, 1, 1, 0, 0};

static Obj *ft_cache(FT_ARGS) {
  Obj *f;
  if (stdmods_pyargs(vm, &cache_spec, args, nargs, kwnames, &f) < 0) return NULL;
  return lru_wrap(vm, f, -1, false);
}

/* ------------------------------------------------------------------ */
/* cmp_to_key                                                         */
/* ------------------------------------------------------------------ */

typedef struct KeyObj {
  Obj ob;
  Obj *cmp;                       /* the comparison function (owned) */
  Obj *object;                    /* the wrapped value, or NULL (owned) */
} KeyObj;

static int key_traverse(Obj *o, visitproc visit, void *arg) {
  KeyObj *k = (KeyObj *)o;
  int r;
  if (k->cmp && (r = visit(k->cmp, EDGE_FUNC, 0, NULL, arg))) return r;
  if (k->object && (r = visit(k->object, EDGE_OTHER, 0, NULL, arg))) return r;
  return 0;
}

static int key_clear(VM *vm, Obj *o) {
  KeyObj *k = (KeyObj *)o;
  obj_setref(vm, &k->cmp, NULL);
  obj_setref(vm, &k->object, NULL);
  return 0;
}

static void key_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  key_clear(vm, o);
  gc_free(vm, o, sizeof(KeyObj));
}

static Obj *key_new(VM *vm, Obj *cmp, Obj *object) {
  KeyObj *k = (KeyObj *)gc_alloc(vm, &KeyWrapper_Type, sizeof(KeyObj));
  if (!k) return NULL;
  k->cmp = incref(cmp);
  k->object = xincref(object);
  gc_track(vm, (Obj *)k);
  return (Obj *)k;
}

static const char *const key_call_names[] = {"obj"};
static const ModArgSpec key_call_spec = {"K", key_call_names, 1, 0, 1, 1};

static Obj *key_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  Obj *a;
  if (mod_args(vm, &key_call_spec, args, nargs, kwnames, &a) < 0) return NULL;
  return key_new(vm, ((KeyObj *)callable)->cmp, a);
}

static Obj *key_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (b->type != &KeyWrapper_Type)
    return vm_raise(vm, &Exc_TypeError, "other argument must be K instance");
  KeyObj *x = (KeyObj *)a, *y = (KeyObj *)b;
  if (!x->object || !y->object)
    return vm_raise(vm, &Exc_AttributeError, "object");
  Obj *pair[2] = {x->object, y->object};
  Obj *res = obj_call(vm, x->cmp, pair, 2, NULL);
  if (!res) return NULL;
  Obj *zero = int_from_i64(vm, 0);
  Obj *r = obj_richcmp(vm, res, zero, op);
  decref(vm, zero);
  decref(vm, res);
  return r;
}

static Obj *key_get_obj(VM *vm, Obj *o) {
  KeyObj *k = (KeyObj *)o;
  if (!k->object) return vm_raise(vm, &Exc_AttributeError, "obj");
  return incref(k->object);
}

static const GetSetDef key_getset[] = {
  {"obj", key_get_obj, NULL},
  {NULL, NULL, NULL},
};

TypeObj KeyWrapper_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "functools.KeyWrapper",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(KeyObj),
  .flags = TF_GC,
  .dealloc = key_dealloc,
  .sizeof_ = gc_sizeof,
  .traverse = key_traverse,
  .clear = key_clear,
  .richcmp = key_richcmp,
  .call = key_call,
  .getset = key_getset,
};

static const char *const cmp_to_key_names[] = {"mycmp"};
static const ModArgSpec cmp_to_key_spec = {"cmp_to_key", cmp_to_key_names, 1, 0, 1, 1};

static Obj *ft_cmp_to_key(FT_ARGS) {
  Obj *a;
  if (mod_args(vm, &cmp_to_key_spec, args, nargs, kwnames, &a) < 0) return NULL;
  return key_new(vm, a, NULL);
}

/* ------------------------------------------------------------------ */
/* total_ordering                                                     */
/* ------------------------------------------------------------------ */

/* The methods total_ordering adds: a descriptor that binds like a function
** and computes one comparison from the class's root comparison. */
typedef struct OrderObj {
  Obj ob;
  int kind;                       /* index into order_kinds */
} OrderObj;

/* Each derived method: its name, the root it uses, how it combines. */
static const struct {
  const char *name;               /* the method added */
  const char *root;               /* the method it calls */
  int form;                       /* 0: not r and self != other; 1: r or self == other;
                                     2: not r; 3: not r or self == other */
} order_kinds[] = {
  /* root __lt__ */
  {"__gt__", "__lt__", 0}, {"__le__", "__lt__", 1}, {"__ge__", "__lt__", 2},
  /* root __le__ */
  {"__ge__", "__le__", 3}, {"__lt__", "__le__", 4}, {"__gt__", "__le__", 2},
  /* root __gt__ */
  {"__lt__", "__gt__", 0}, {"__ge__", "__gt__", 1}, {"__le__", "__gt__", 2},
  /* root __ge__ */
  {"__le__", "__ge__", 3}, {"__gt__", "__ge__", 4}, {"__lt__", "__ge__", 2},
};

static Obj *order_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs,
                       Obj *kwnames) {
  int kind = ((OrderObj *)callable)->kind;
  const char *name = order_kinds[kind].name;
  if (nkw(kwnames) || nargs != 2) {
    if (nkw(kwnames))
      return vm_raise(vm, &Exc_TypeError, "%s() got an unexpected keyword argument '%S'",
                      name, TUPLE_GET(kwnames, 0));
    return vm_raise(vm, &Exc_TypeError, "%s() takes 2 positional arguments but %zu were given",
                    name, nargs);
  }
  Obj *self = args[0], *other = args[1];
  Obj *root = obj_getattr_cstr(vm, (Obj *)self->type, order_kinds[kind].root);
  if (!root) return NULL;
  Obj *r = obj_call(vm, root, args, 2, NULL);
  decref(vm, root);
  if (!r || r == NotImplemented) return r;
  int t = obj_truthy(vm, r);
  decref(vm, r);
  if (t < 0) return NULL;
  switch (order_kinds[kind].form) {
  case 0:   /* not r and self != other */
    if (t) return bool_new(false);
    return obj_richcmp(vm, self, other, CMP_NE);
  case 1:   /* r or self == other */
    if (t) return bool_new(true);
    return obj_richcmp(vm, self, other, CMP_EQ);
  case 2:   /* not r */
    return bool_new(!t);
  case 3:   /* not r or self == other */
    if (!t) return bool_new(true);
    return obj_richcmp(vm, self, other, CMP_EQ);
  default:  /* r and self != other */
    if (!t) return bool_new(false);
    return obj_richcmp(vm, self, other, CMP_NE);
  }
}

static Obj *order_descr_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  if (!obj || obj == None) return incref(descr);
  return method_new(vm, descr, obj);
}

static void order_dealloc(VM *vm, Obj *o) { obj_free(vm, o, sizeof(OrderObj)); }

static Obj *order_repr(VM *vm, Obj *o) {
  return str_fromf(vm, "<function total_ordering.%s>", order_kinds[((OrderObj *)o)->kind].name);
}

static Obj *order_get_name(VM *vm, Obj *o) {
  return str_from_cstr(vm, order_kinds[((OrderObj *)o)->kind].name);
}

static const GetSetDef order_getset[] = {
  {"__name__", order_get_name, NULL},
  {NULL, NULL, NULL},
};

static TypeObj Order_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "functools._total_ordering_method",
  .tag = HT_TAG_FUNCTION,
  .basicsize = sizeof(OrderObj),
  .dealloc = order_dealloc,
  .repr = order_repr,
  .call = order_call,
  .descr_get = order_descr_get,
  .getset = order_getset,
};

static Obj *ft_total_ordering(FT_ARGS) {
  if (nkw(kwnames))
    return vm_raise(vm, &Exc_TypeError,
                    "total_ordering() got an unexpected keyword argument '%S'",
                    TUPLE_GET(kwnames, 0));
  if (nargs != 1)
    return vm_raise(vm, &Exc_TypeError,
                    nargs ? "total_ordering() takes 1 positional argument but %zu were given"
                          : "total_ordering() missing 1 required positional argument: 'cls'",
                    nargs);
  Obj *cls = args[0];
  static const char *const roots[] = {"__lt__", "__le__", "__gt__", "__ge__"};
  bool defined[4];
  int best = -1;
  for (int i = 0; i < 4; i++) {
    Obj *mine = obj_getattr_cstr(vm, cls, roots[i]);
    if (!mine) {
      if (!vm_exc_matches(vm, &Exc_AttributeError)) return NULL;
      vm_exc_clear(vm);
    }
    Obj *base = obj_getattr_cstr(vm, (Obj *)&Object_Type, roots[i]);
    if (!base) {
      xdecref(vm, mine);
      return NULL;
    }
    defined[i] = mine && mine != base;
    xdecref(vm, mine);
    decref(vm, base);
    /* the root is max() of the names: __lt__ > __le__ > __gt__ > __ge__ */
    if (defined[i] && best < 0) best = i;
  }
  if (best < 0)
    return vm_raise(vm, &Exc_ValueError,
                    "must define at least one ordering operation: < > <= >=");
  for (int k = best * 3; k < best * 3 + 3; k++) {
    int idx = 0;
    for (int i = 0; i < 4; i++)
      if (strcmp(roots[i], order_kinds[k].name) == 0) idx = i;
    if (defined[idx]) continue;
    OrderObj *m = (OrderObj *)obj_alloc(vm, &Order_Type, sizeof(OrderObj));
    if (!m) return NULL;
    m->kind = k;
    int r = obj_setattr(vm, cls, str_intern_cstr(vm, order_kinds[k].name), (Obj *)m);
    decref(vm, (Obj *)m);
    if (r < 0) return NULL;
  }
  return incref(cls);
}

/* ------------------------------------------------------------------ */
/* cached_property                                                    */
/* ------------------------------------------------------------------ */

/* A non-data descriptor: the first read calls FUNC and stores the result in
** the instance's __dict__ under the name given by __set_name__, where later
** reads find it before the descriptor. */
typedef struct CachedPropObj {
  Obj ob;
  Obj *func;                      /* the getter (owned) */
  Obj *attrname;                  /* str from __set_name__, or NULL (owned) */
  Obj *dict;                      /* __dict__ (owned; holds __doc__ ...) */
} CachedPropObj;

#define CPROP(o) ((CachedPropObj *)(o))

static int cprop_traverse(Obj *o, visitproc visit, void *arg) {
  CachedPropObj *c = CPROP(o);
  int r;
  if (c->func && (r = visit(c->func, EDGE_FUNC, 0, NULL, arg))) return r;
  if (c->attrname && (r = visit(c->attrname, EDGE_OTHER, 0, NULL, arg))) return r;
  if (c->dict && (r = visit(c->dict, EDGE_DICT, 0, NULL, arg))) return r;
  return 0;
}

static int cprop_clear(VM *vm, Obj *o) {
  obj_setref(vm, &CPROP(o)->func, NULL);
  obj_setref(vm, &CPROP(o)->attrname, NULL);
  obj_setref(vm, &CPROP(o)->dict, NULL);
  return 0;
}

static void cprop_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  cprop_clear(vm, o);
  gc_free(vm, o, o->type->basicsize);
}

static Obj *cprop_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  static const char *const names[] = {"self", "func"};
  static const PyArgSpec spec = {"cached_property.__init__", names + 1, 1, 0, 1, 0, 1};
  Obj *func;
  if (stdmods_pyargs(vm, &spec, args, nargs, kwnames, &func) < 0) return NULL;
  CachedPropObj *c = (CachedPropObj *)gc_alloc(vm, (TypeObj *)type, ((TypeObj *)type)->basicsize);
  if (!c) return NULL;
  c->func = incref(func);
  Obj *doc = obj_getattr_cstr(vm, func, "__doc__");
  if (!doc) {
    vm_exc_clear(vm);
    doc = none_new();
  }
  Obj *d = dict_new(vm);
  int rc = d ? dict_set_cstr(vm, d, "__doc__", doc) : -1;
  decref(vm, doc);
  c->dict = d;
  if (rc < 0) {
    decref(vm, (Obj *)c);
    return NULL;
  }
  return (Obj *)c;
}

static Obj *cprop_get(VM *vm, Obj *descr, Obj *obj, Obj *type) {
  CachedPropObj *c = CPROP(descr);
  if (!obj || obj == None) return incref(descr);
  if (!c->attrname)
    return vm_raise(vm, &Exc_TypeError,
                    "Cannot use cached_property instance without calling __set_name__ on it.");
  Obj **slot = class_dict_slot(obj);
  if (!slot) {
    const char *dot = strrchr(obj->type->name, '.');
    return vm_raise(vm, &Exc_TypeError,
                    "No '__dict__' attribute on '%s' instance to cache %R property.",
                    dot ? dot + 1 : obj->type->name, c->attrname);
  }
  if (*slot) {
    Obj *v = dict_get(vm, *slot, c->attrname);
    if (v) return incref(v);
    if (vm_exc_occurred(vm)) return NULL;
  }
  Obj *val = obj_call1(vm, c->func, obj);
  if (!val) return NULL;
  if (!*slot && !(*slot = dict_new(vm))) {
    decref(vm, val);
    return NULL;
  }
  if (dict_set(vm, *slot, c->attrname, val) < 0) {
    decref(vm, val);
    return NULL;
  }
  return val;
}

static Obj *cprop_set_name(FT_ARGS) {
  static const char *const names[] = {"owner", "name"};
  static const PyArgSpec spec = {"cached_property.__set_name__", names, 2, 0, 2, 0, 1};
  CachedPropObj *c = CPROP(self);
  Obj *a[2];
  if (stdmods_pyargs(vm, &spec, args, nargs, kwnames, a) < 0) return NULL;
  if (!c->attrname) {
    c->attrname = incref(a[1]);
  } else if (!str_check(a[1]) || !str_eq(a[1], c->attrname)) {
    return vm_raise(vm, &Exc_TypeError,
                    "Cannot assign the same cached_property to two different names (%R and %R).",
                    c->attrname, a[1]);
  }
  return none_new();
}

static Obj *cprop_get_func(VM *vm, Obj *o) { return incref(CPROP(o)->func); }
static Obj *cprop_get_attrname(VM *vm, Obj *o) {
  return incref(CPROP(o)->attrname ? CPROP(o)->attrname : None);
}

static const MethodDef cprop_methods[] = {
  {"__set_name__", cprop_set_name, 0},
  {NULL, NULL, 0},
};

static const GetSetDef cprop_getset[] = {
  {"__dict__", get_dict, set_dict},
  {"func", cprop_get_func, NULL},
  {"attrname", cprop_get_attrname, NULL},
  {NULL, NULL, NULL},
};

static Obj *cprop_getattr(VM *vm, Obj *o, Obj *name) {
  /* __doc__ lives in the instance dict, ahead of the type's */
  if (str_eq_cstr(name, "__doc__") && CPROP(o)->dict) {
    Obj *v = dict_get(vm, CPROP(o)->dict, name);
    if (v) return incref(v);
  }
  return obj_generic_getattr(vm, o, name);
}

TypeObj CachedProperty_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "functools.cached_property",
  .tag = HT_TAG_FUNCTION,
  .basicsize = sizeof(CachedPropObj),
  .flags = TF_GC | TF_BASETYPE,
  .dictoffset = offsetof(CachedPropObj, dict),
  .dealloc = cprop_dealloc,
  .traverse = cprop_traverse,
  .clear = cprop_clear,
  .new_ = cprop_new,
  .init = accept_init,
  .getattr = cprop_getattr,
  .descr_get = cprop_get,
  .methods = cprop_methods,
  .getset = cprop_getset,
};

/* ------------------------------------------------------------------ */
/* The module                                                         */
/* ------------------------------------------------------------------ */

static const MethodDef functools_funcs[] = {
  {"reduce", ft_reduce, 0},
  {"update_wrapper", ft_update_wrapper, 0},
  {"wraps", ft_wraps, 0},
  {"lru_cache", ft_lru_cache, 0},
  {"cache", ft_cache, 0},
  {"cmp_to_key", ft_cmp_to_key, 0},
  {"total_ordering", ft_total_ordering, 0},
  {NULL, NULL, 0},
};

static TypeObj *const functools_hidden[] = {
  &KeyWrapper_Type, &CacheInfo_Type, &LruLink_Type, &Order_Type, NULL,
};
static TypeObj *const functools_types[] = {&Partial_Type, &LruCache_Type,
                                           &CachedProperty_Type, NULL};

Obj *functoolsmod_init(VM *vm) {
  if (stdmods_ready(vm, functools_hidden) < 0) return NULL;
  Obj *m = stdmods_module(vm, "functools", functools_funcs, functools_types);
  if (!m) return NULL;
  if (stdmods_set(vm, m, "WRAPPER_ASSIGNMENTS", names_tuple(vm, wrapper_assignments, 5)) < 0 ||
      stdmods_set(vm, m, "WRAPPER_UPDATES",
                  names_tuple(vm, (const char *[]){"__dict__"}, 1)) < 0) {
    decref(vm, m);
    return NULL;
  }
  return m;
}

TypeObj *const stdmods_types[] = {
  &Random_Type,
  &Count_Type, &ISlice_Type, &Chain_Type, &Product_Type, &Permutations_Type,
  &Combinations_Type, &CombWithRep_Type, &Repeat_Type, &Accumulate_Type,
  &ZipLongest_Type, &Cycle_Type, &TakeWhile_Type, &DropWhile_Type,
  &StarMap_Type, &GroupBy_Type, &Grouper_Type, &Tee_Type, &Compress_Type,
  &FilterFalse_Type, &Pairwise_Type,
  &Deque_Type, &DequeIter_Type, &DequeRevIter_Type, &DefaultDict_Type,
  &OrderedDict_Type, &Counter_Type,
  &Partial_Type, &LruCache_Type, &KeyWrapper_Type, &CacheInfo_Type,
  &LruLink_Type, &Order_Type, &CachedProperty_Type,
  &ItemGetter_Type, &AttrGetter_Type, &MethodCaller_Type,
  NULL,
};
