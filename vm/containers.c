/*
** containers.c -- what the container files share: the type list core
** readies, containers_init/fini, the repr recursion guard, the dealloc depth
** guard (trashcan), argument checks with CPython's messages, and small
** string helpers.
**
** VM state used here (vm.h, containers section): the repr stack and the
** trash queue are plain arrays in VMINTERNAL blocks, grown by doubling.
*/
#include <string.h>
#include "vm.h"
#include "containers.h"

TypeObj *const containers_types[] = {
  &Tuple_Type, &TupleIter_Type,
  &List_Type, &ListIter_Type, &ListRevIter_Type,
  &Dict_Type, &DictKeys_Type, &DictValues_Type, &DictItems_Type,
  &DictKeyIter_Type, &DictValueIter_Type, &DictItemIter_Type,
  &DictRevKeyIter_Type, &DictRevValueIter_Type, &DictRevItemIter_Type,
  &Set_Type, &FrozenSet_Type, &SetIter_Type,
  &Range_Type, &RangeIter_Type,
  &Slice_Type,
  &SeqIter_Type, &CallIter_Type, &Enumerate_Type, &Zip_Type, &Map_Type,
  &Filter_Type, &Reversed_Type, &GenericAlias_Type, &Union_Type,
  NULL
};

void containers_init(VM *vm) {
  if (!vm->empty_tuple) {
    /* The one tuple of size 0; tuple_new(vm, 0) hands out references. */
    vm->empty_tuple = gc_alloc(vm, &Tuple_Type, sizeof(TupleObj));
    if (vm->empty_tuple) vm_exc_clear(vm);
  }
}

void containers_fini(VM *vm) {
  if (vm->empty_tuple) {
    Obj *t = vm->empty_tuple;
    vm->empty_tuple = NULL;
    decref(vm, t);
  }
  if (vm->repr_stack) {
    ht_free(HT_TAG_VMINTERNAL, vm->repr_stack, (size_t)vm->repr_cap * sizeof(Obj *));
    vm->repr_stack = NULL;
    vm->repr_depth = vm->repr_cap = 0;
  }
  if (vm->trash) {
    ht_free(HT_TAG_VMINTERNAL, vm->trash, (size_t)vm->trash_cap * sizeof(Obj *));
    vm->trash = NULL;
    vm->ntrash = vm->trash_cap = 0;
  }
}

/* ------------------------------------------------------------------ */
/* Growable VMINTERNAL arrays                                         */
/* ------------------------------------------------------------------ */

/* Make room for one more pointer in *ARR (length *N, capacity *CAP).
** Returns 0, or -1 if memory runs out (nothing set). */
static int ptrs_reserve(Obj ***arr, ssize n, ssize *cap) {
  if (n < *cap) return 0;
  ssize ncap = *cap ? *cap * 2 : 16;
  Obj **p = ht_realloc(HT_TAG_VMINTERNAL, *arr, (size_t)*cap * sizeof(Obj *),
                       (size_t)ncap * sizeof(Obj *));
  if (!p) return -1;
  *arr = p;
  *cap = ncap;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Repr guard                                                         */
/* ------------------------------------------------------------------ */

int repr_enter(VM *vm, Obj *o) {
  for (ssize i = vm->repr_depth - 1; i >= 0; i--)
    if (vm->repr_stack[i] == o) return 1;
  if (ptrs_reserve(&vm->repr_stack, vm->repr_depth, &vm->repr_cap) < 0) {
    vm_raise_nomem(vm);
    return -1;
  }
  vm->repr_stack[vm->repr_depth++] = o;
  return 0;
}

void repr_leave(VM *vm, Obj *o) {
  /* Normally the top; search down in case of an unbalanced exit. */
  for (ssize i = vm->repr_depth - 1; i >= 0; i--) {
    if (vm->repr_stack[i] == o) {
      memmove(&vm->repr_stack[i], &vm->repr_stack[i + 1],
              (size_t)(vm->repr_depth - i - 1) * sizeof(Obj *));
      vm->repr_depth--;
      return;
    }
  }
}

/* ------------------------------------------------------------------ */
/* Trashcan                                                           */
/* ------------------------------------------------------------------ */

/* Nested container deallocations deeper than this are queued and done
** iteratively by the outermost one, so freeing a long chain of nested
** containers never overflows the C stack. */
#define TRASH_MAX_DEPTH 50

bool trash_begin(VM *vm, Obj *o) {
  if (vm->trash_depth >= TRASH_MAX_DEPTH) {
    if (ptrs_reserve(&vm->trash, vm->ntrash, &vm->trash_cap) == 0) {
      vm->trash[vm->ntrash++] = o;
      return false;
    }
    /* No memory for the queue: free it recursively instead. */
  }
  vm->trash_depth++;
  return true;
}

void trash_end(VM *vm) {
  vm->trash_depth--;
  if (vm->trash_depth > 0 || vm->trash_draining) return;
  /* Back at the outermost level: free what was queued.  Each of those
  ** deallocations starts again at depth 0 and may queue more once deep;
  ** the flag keeps their own trash_end from draining recursively. */
  vm->trash_draining = true;
  while (vm->ntrash > 0) {
    Obj *o = vm->trash[--vm->ntrash];
    o->type->dealloc(vm, o);
  }
  vm->trash_draining = false;
}

int cont_init_accept(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                     Obj *kwnames) {
  return 0;
}

/* ------------------------------------------------------------------ */
/* Argument checks                                                    */
/* ------------------------------------------------------------------ */

static bool has_kw(Obj *kwnames) {
  return kwnames && TUPLE_SIZE(kwnames) > 0;
}

int cont_nokw(VM *vm, const char *name, Obj *kwnames) {
  if (has_kw(kwnames)) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
  }
  return 0;
}

int cont_noargs(VM *vm, const char *name, size_t nargs, Obj *kwnames) {
  if (cont_nokw(vm, name, kwnames) < 0) return -1;
  if (nargs != 0) {
    vm_raise(vm, &Exc_TypeError, "%s() takes no arguments (%zu given)", name,
             nargs);
    return -1;
  }
  return 0;
}

int cont_onearg(VM *vm, const char *name, size_t nargs, Obj *kwnames) {
  if (cont_nokw(vm, name, kwnames) < 0) return -1;
  if (nargs != 1) {
    vm_raise(vm, &Exc_TypeError,
             "%s() takes exactly one argument (%zu given)", name, nargs);
    return -1;
  }
  return 0;
}

int cont_posargs(VM *vm, const char *name, size_t nargs, Obj *kwnames,
                 size_t min, size_t max) {
  if (cont_nokw(vm, name, kwnames) < 0) return -1;
  if (nargs >= min && nargs <= max) return 0;
  /* The counts use the plain name: "pop expected at most 1 argument". */
  const char *dot = strrchr(name, '.');
  const char *shortname = dot ? dot + 1 : name;
  if (min == max)
    vm_raise(vm, &Exc_TypeError, "%s expected %zu argument%s, got %zu",
             shortname, min, min == 1 ? "" : "s", nargs);
  else if (nargs < min)
    vm_raise(vm, &Exc_TypeError, "%s expected at least %zu argument%s, got %zu",
             shortname, min, min == 1 ? "" : "s", nargs);
  else
    vm_raise(vm, &Exc_TypeError, "%s expected at most %zu argument%s, got %zu",
             shortname, max, max == 1 ? "" : "s", nargs);
  return -1;
}

int cont_index(VM *vm, Obj *key, const char *typename_, ssize *out) {
  Obj *iv;
  if (int_check(key)) {
    iv = incref(key);
  } else if (key->type->index) {
    iv = obj_index(vm, key);
    if (!iv) return -1;
  } else {
    vm_raise(vm, &Exc_TypeError, "%s indices must be integers or slices, not %s",
             typename_, obj_type_name(key));
    return -1;
  }
  if (!int_fits_i64(iv)) {
    decref(vm, iv);
    vm_raise(vm, &Exc_IndexError, "cannot fit 'int' into an index-sized integer");
    return -1;
  }
  *out = (ssize)int_as_i64_unchecked(iv);
  decref(vm, iv);
  return 0;
}

int cont_ssize_arg(VM *vm, Obj *arg, ssize *out) {
  if (int_check(arg) && int_fits_i64(arg)) {
    *out = (ssize)int_as_i64_unchecked(arg);
    return 0;
  }
  if (!int_check(arg) && !arg->type->index) {
    vm_raise(vm, &Exc_TypeError, "'%s' object cannot be interpreted as an integer",
             obj_type_name(arg));
    return -1;
  }
  ssize v = obj_as_ssize(vm, arg);
  if (v == -1 && vm_exc_occurred(vm)) return -1;
  *out = v;
  return 0;
}

int cont_clamp_index(VM *vm, Obj *arg, ssize len, ssize *out) {
  Obj *iv;
  ssize v;
  if (int_check(arg)) {
    iv = incref(arg);
  } else if (arg->type->index) {
    iv = obj_index(vm, arg);
    if (!iv) return -1;
  } else {
    vm_raise(vm, &Exc_TypeError,
             "slice indices must be integers or have an __index__ method");
    return -1;
  }
  /* Out-of-range ints clamp, as _PyEval_SliceIndex does. */
  if (int_fits_i64(iv)) v = (ssize)int_as_i64_unchecked(iv);
  else v = int_sign(iv) < 0 ? INTPTR_MIN : INTPTR_MAX;
  decref(vm, iv);
  if (v < 0) {
    v += len;
    if (v < 0) v = 0;
  } else if (v > len) {
    v = len;
  }
  *out = v;
  return 0;
}

int cont_repeat_count(VM *vm, Obj *n, ssize *out, bool *handled) {
  *handled = true;
  if (int_check(n) || n->type->index) {
    Obj *iv = int_check(n) ? incref(n) : obj_index(vm, n);
    if (!iv) return -1;
    if (!int_fits_i64(iv)) {
      bool neg = int_sign(iv) < 0;
      decref(vm, iv);
      if (neg) { *out = 0; return 0; }
      vm_raise(vm, &Exc_OverflowError,
               "cannot fit 'int' into an index-sized integer");
      return -1;
    }
    *out = (ssize)int_as_i64_unchecked(iv);
    decref(vm, iv);
    return 0;
  }
  if (n->type->flags & TF_HEAPTYPE) { *handled = false; return 0; }
  vm_raise(vm, &Exc_TypeError, "can't multiply sequence by non-int of type '%s'",
           obj_type_name(n));
  return -1;
}

Obj *cont_keyerror(VM *vm, Obj *key) {
  Obj *exc = obj_call1(vm, (Obj *)&Exc_KeyError, key);
  if (!exc) return NULL;
  vm_raise_obj(vm, exc);
  decref(vm, exc);
  return NULL;
}

Obj *cont_join_repr(VM *vm, const char *open, Obj *const *parts, ssize n,
                    const char *close) {
  size_t lo = strlen(open), lc = strlen(close), total = lo + lc;
  for (ssize i = 0; i < n; i++)
    total += (size_t)STR_NBYTES(parts[i]) + (i ? 2 : 0);
  char *buf = ht_alloc(HT_TAG_VMINTERNAL, total + 1);
  if (!buf) return vm_raise_nomem(vm);
  char *p = buf;
  memcpy(p, open, lo);
  p += lo;
  for (ssize i = 0; i < n; i++) {
    if (i) { *p++ = ','; *p++ = ' '; }
    memcpy(p, STR_UTF8(parts[i]), (size_t)STR_NBYTES(parts[i]));
    p += STR_NBYTES(parts[i]);
  }
  memcpy(p, close, lc);
  p += lc;
  *p = '\0';
  Obj *s = str_new(vm, buf, total);
  ht_free(HT_TAG_VMINTERNAL, buf, total + 1);
  return s;
}

/* ------------------------------------------------------------------ */
/* types.GenericAlias: list[int], dict[str, int], ...                 */
/* ------------------------------------------------------------------ */

/* What `list[int]` evaluates to (PEP 585): the origin class and the
** arguments, printed as written.  Tag OTHER. */
typedef struct GenericAliasObj {
  Obj ob;
  Obj *origin;                    /* the subscripted class (owned) */
  Obj *args;                      /* tuple of arguments (owned) */
} GenericAliasObj;

#define GA(o) ((GenericAliasObj *)(o))

Obj *generic_alias_new(VM *vm, Obj *origin, Obj *args) {
  Obj *t = tuple_check(args) ? incref(args) : tuple_pack(vm, 1, args);
  if (!t) return NULL;
  GenericAliasObj *ga = (GenericAliasObj *)gc_alloc(vm, &GenericAlias_Type,
                                                    sizeof(GenericAliasObj));
  if (!ga) { decref(vm, t); return NULL; }
  ga->origin = incref(origin);
  ga->args = t;
  return OBJ(ga);
}

Obj *cont_class_getitem(VM *vm, Obj *cls, Obj *const *args, size_t nargs,
                        Obj *kwnames) {
  if (cont_onearg(vm, "__class_getitem__", nargs, kwnames) < 0) return NULL;
  return generic_alias_new(vm, cls, args[0]);
}

/* types.GenericAlias(origin, args) */
static Obj *ga_new(VM *vm, Obj *type, Obj *const *args, size_t nargs, Obj *kwnames) {
  (void)type;
  if (kwnames && TUPLE_SIZE(kwnames))
    return vm_raise(vm, &Exc_TypeError, "GenericAlias() takes no keyword arguments");
  if (nargs != 2)
    return vm_raise(vm, &Exc_TypeError, "GenericAlias expected 2 arguments, got %d", (int)nargs);
  return generic_alias_new(vm, args[0], args[1]);
}

static void ga_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  xdecref(vm, GA(o)->origin);
  xdecref(vm, GA(o)->args);
  gc_free(vm, o, sizeof(GenericAliasObj));
}

static int ga_traverse(Obj *o, visitproc visit, void *arg) {
  int r;
  if (GA(o)->origin && (r = visit(GA(o)->origin, EDGE_OTHER, 0, NULL, arg))) return r;
  if (GA(o)->args && (r = visit(GA(o)->args, EDGE_OTHER, 1, NULL, arg))) return r;
  return 0;
}

static int ga_clear(VM *vm, Obj *o) {
  obj_setref(vm, &GA(o)->origin, NULL);
  obj_setref(vm, &GA(o)->args, NULL);
  return 0;
}

static size_t ga_sizeof(Obj *o) { return GC_SIZEOF(sizeof(GenericAliasObj)); }

/* One argument as typing prints it: classes by (module.)qualname. */
static Obj *ga_repr_item(VM *vm, Obj *p) {
  if (p == Ellipsis) return str_from_cstr(vm, "...");
  if (obj_is(p, &GenericAlias_Type) || !obj_isinstance(p, &Type_Type))
    return obj_repr(vm, p);
  Obj *qual = obj_getattr_cstr(vm, p, "__qualname__");
  if (!qual) return NULL;
  Obj *mod = obj_getattr_cstr(vm, p, "__module__");
  if (!mod) {
    vm_exc_clear(vm);
    return qual;
  }
  Obj *r;
  if (str_check(mod) && !str_eq_cstr(mod, "builtins"))
    r = str_fromf(vm, "%S.%S", mod, qual);
  else
    r = incref(qual);
  decref(vm, mod);
  decref(vm, qual);
  return r;
}

static Obj *ga_repr(VM *vm, Obj *o) {
  Obj *origin = ga_repr_item(vm, GA(o)->origin);
  if (!origin) return NULL;
  ssize n = TUPLE_SIZE(GA(o)->args);
  Obj *result = NULL;
  if (n == 0) {
    result = str_fromf(vm, "%S[()]", origin);
    decref(vm, origin);
    return result;
  }
  Obj **parts = ht_alloc(HT_TAG_VMINTERNAL, (size_t)n * sizeof(Obj *));
  ssize done = 0;
  if (!parts) { vm_raise_nomem(vm); goto out; }
  for (; done < n; done++)
    if (!(parts[done] = ga_repr_item(vm, TUPLE_ITEMS(GA(o)->args)[done]))) goto out;
  Obj *inner = cont_join_repr(vm, "[", parts, n, "]");
  if (inner) {
    result = str_concat(vm, origin, inner);
    decref(vm, inner);
  }
out:
  if (parts) {
    for (ssize i = 0; i < done; i++) decref(vm, parts[i]);
    ht_free(HT_TAG_VMINTERNAL, parts, (size_t)n * sizeof(Obj *));
  }
  decref(vm, origin);
  return result;
}

static Obj *ga_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!obj_is(a, &GenericAlias_Type) || !obj_is(b, &GenericAlias_Type) ||
      (op != CMP_EQ && op != CMP_NE))
    return incref(NotImplemented);
  int eq = obj_richcmp_bool(vm, GA(a)->origin, GA(b)->origin, CMP_EQ);
  if (eq > 0) eq = obj_richcmp_bool(vm, GA(a)->args, GA(b)->args, CMP_EQ);
  if (eq < 0) return NULL;
  return bool_new(op == CMP_EQ ? eq : !eq);
}

static hash_t ga_hash(VM *vm, Obj *o) {
  hash_t h0 = obj_hash(vm, GA(o)->origin);
  if (h0 == -1) return -1;
  hash_t h1 = obj_hash(vm, GA(o)->args);
  if (h1 == -1) return -1;
  hash_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

static Obj *ga_call(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                    Obj *kwnames) {
  return obj_call(vm, GA(self)->origin, args, nargs, kwnames);
}

/* Attributes other than the alias's own come from the origin class. */
static Obj *ga_getattr(VM *vm, Obj *o, Obj *name) {
  static const char *const own[] = {
    "__class__", "__origin__", "__args__", "__parameters__", "__mro_entries__",
    "__reduce_ex__", "__reduce__", "__copy__", "__deepcopy__", NULL
  };
  for (int i = 0; own[i]; i++)
    if (str_eq_cstr(name, own[i])) return obj_generic_getattr(vm, o, name);
  return obj_getattr(vm, GA(o)->origin, name);
}

static Obj *ga_get_origin(VM *vm, Obj *o) { return incref(GA(o)->origin); }
static Obj *ga_get_args(VM *vm, Obj *o) { return incref(GA(o)->args); }
static Obj *ga_get_parameters(VM *vm, Obj *o) { return tuple_new(vm, 0); }

static const GetSetDef ga_getset[] = {
  {"__origin__", ga_get_origin, NULL},
  {"__args__", ga_get_args, NULL},
  {"__parameters__", ga_get_parameters, NULL},
  {NULL, NULL, NULL}
};

/* ------------------------------------------------------------------ */
/* types.UnionType: int | None (PEP 604)                              */
/* ------------------------------------------------------------------ */

/* X | Y of classes, None, aliases and unions: the flattened arguments,
** duplicates dropped, None kept as NoneType.  Tag OTHER. */
typedef struct UnionObj {
  Obj ob;
  Obj *args;                      /* tuple of two or more (owned) */
} UnionObj;

#define UN(o) ((UnionObj *)(o))

/* May V stand on either side of `|` in a union? */
static bool unionable(Obj *v) {
  return v == None || obj_isinstance(v, &Type_Type) || obj_is(v, &GenericAlias_Type) ||
         obj_is(v, &Union_Type);
}

/* Append V (a member, or a union's members) to LIST unless already there. */
static int union_add(VM *vm, Obj *list, Obj *v) {
  if (obj_is(v, &Union_Type)) {
    for (ssize i = 0; i < TUPLE_SIZE(UN(v)->args); i++)
      if (union_add(vm, list, TUPLE_GET(UN(v)->args, i)) < 0) return -1;
    return 0;
  }
  if (v == None) v = OBJ(None->type);
  for (ssize i = 0; i < LIST_SIZE(list); i++) {
    Obj *w = LIST_ITEMS(list)[i];
    int eq = w == v ? 1 : obj_is(v, &GenericAlias_Type) && obj_is(w, &GenericAlias_Type)
                          ? obj_richcmp_bool(vm, w, v, CMP_EQ) : 0;
    if (eq < 0) return -1;
    if (eq) return 0;
  }
  return list_append(vm, list, v);
}

Obj *union_or(VM *vm, Obj *a, Obj *b) {
  if (!unionable(a) || !unionable(b)) return incref(NotImplemented);
  Obj *list = list_new(vm, 0), *r = NULL;
  if (!list) return NULL;
  if (union_add(vm, list, a) < 0 || union_add(vm, list, b) < 0) goto out;
  if (LIST_SIZE(list) == 1) {
    r = incref(LIST_ITEMS(list)[0]);
    goto out;
  }
  Obj *args = list_as_tuple(vm, list);
  if (!args) goto out;
  UnionObj *u = (UnionObj *)gc_alloc(vm, &Union_Type, sizeof(UnionObj));
  if (!u) {
    decref(vm, args);
    goto out;
  }
  u->args = args;
  r = OBJ(u);
out:
  decref(vm, list);
  return r;
}

bool union_check(Obj *o) { return obj_is(o, &Union_Type); }
Obj *union_args(Obj *o) { return UN(o)->args; }

static void union_dealloc(VM *vm, Obj *o) {
  gc_untrack(o);
  xdecref(vm, UN(o)->args);
  gc_free(vm, o, sizeof(UnionObj));
}

static int union_traverse(Obj *o, visitproc visit, void *arg) {
  return UN(o)->args ? visit(UN(o)->args, EDGE_OTHER, 0, NULL, arg) : 0;
}

static int union_clear(VM *vm, Obj *o) {
  obj_setref(vm, &UN(o)->args, NULL);
  return 0;
}

static size_t union_sizeof(Obj *o) { return GC_SIZEOF(sizeof(UnionObj)); }

static Obj *union_repr(VM *vm, Obj *o) {
  Obj *args = UN(o)->args, *r = str_from_cstr(vm, "");
  for (ssize i = 0; r && i < TUPLE_SIZE(args); i++) {
    Obj *v = TUPLE_GET(args, i);
    Obj *part = v == OBJ(None->type) ? str_from_cstr(vm, "None") : ga_repr_item(vm, v);
    Obj *next = part ? str_fromf(vm, i ? "%S | %S" : "%S%S", r, part) : NULL;
    xdecref(vm, part);
    decref(vm, r);
    r = next;
  }
  return r;
}

/* Equal when they hold the same members, in any order. */
static Obj *union_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op) {
  if (!obj_is(a, &Union_Type) || !obj_is(b, &Union_Type) || (op != CMP_EQ && op != CMP_NE))
    return incref(NotImplemented);
  Obj *sa = frozenset_new(vm, UN(a)->args);
  Obj *sb = sa ? frozenset_new(vm, UN(b)->args) : NULL;
  Obj *r = sb ? obj_richcmp(vm, sa, sb, op) : NULL;
  xdecref(vm, sa);
  xdecref(vm, sb);
  return r;
}

static hash_t union_hash(VM *vm, Obj *o) {
  Obj *s = frozenset_new(vm, UN(o)->args);
  if (!s) return -1;
  hash_t h = obj_hash(vm, s);
  decref(vm, s);
  return h;
}

static Obj *union_getitem(VM *vm, Obj *o, Obj *key) {
  Obj *r = union_repr(vm, o);
  if (!r) return NULL;
  vm_raise(vm, &Exc_TypeError, "%S is not a generic class", r);
  decref(vm, r);
  return NULL;
}

static Obj *union_get_args(VM *vm, Obj *o) { return incref(UN(o)->args); }
static Obj *union_get_parameters(VM *vm, Obj *o) { return tuple_new(vm, 0); }

static const GetSetDef union_getset[] = {
  {"__args__", union_get_args, NULL},
  {"__parameters__", union_get_parameters, NULL},
  {NULL, NULL, NULL}
};

TypeObj Union_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "types.UnionType",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(UnionObj),
  .flags = TF_GC,
  .dealloc = union_dealloc,
  .sizeof_ = union_sizeof,
  .traverse = union_traverse,
  .clear = union_clear,
  .repr = union_repr,
  .hash = union_hash,
  .richcmp = union_richcmp,
  .getitem = union_getitem,
  .binop = {[BINOP_OR] = union_or},
  .getset = union_getset,
  .doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
};

TypeObj GenericAlias_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "types.GenericAlias",
  .tag = HT_TAG_OTHER,
  .basicsize = sizeof(GenericAliasObj),
  .flags = TF_GC,
  .dealloc = ga_dealloc,
  .sizeof_ = ga_sizeof,
  .traverse = ga_traverse,
  .clear = ga_clear,
  .repr = ga_repr,
  .hash = ga_hash,
  .richcmp = ga_richcmp,
  .getattr = ga_getattr,
  .call = ga_call,
  .new_ = ga_new,
  .binop = {[BINOP_OR] = union_or},
  .getset = ga_getset,
  .doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list "
         "and t.__args__ is (int,).",
};
