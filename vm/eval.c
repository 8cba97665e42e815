/*
** eval.c -- the interpreter loop: every opcode of opcodes.h.
**
** Dispatch is computed goto.  Registers: F (the running frame), IP (the next
** code unit), SP (one past the top of the value stack), LP (F's localsplus)
** and the code's constants and names.  Before executing each instruction
** the loop stores its address in F->ip, so tracebacks and the recorder's
** stack callback always see the current line -- one store per instruction,
** the same price CPython 3.11 pays for frame->prev_instr.
**
** Calls.  CALL of a Python function builds the callee's frame (arguments
** moved from the caller's stack) and switches F to it: Python-to-Python
** calls never recurse in C, so recursion depth is bounded only by
** sys.getrecursionlimit().  RETURN_VALUE switches back.  A frame whose
** `entry` flag is set was started by a C caller (vm_eval), and returning
** from it returns from vm_eval.  Every other callable is called through its
** type's call slot.
**
** Exceptions.  A failing instruction jumps to `error`, which records the
** frame in the exception's traceback, then to `exception_unwind`: the
** innermost try block of the frame (SETUP_FINALLY) gets the exception pushed
** on its value stack and control jumps to its handler; with no block left
** the frame is popped and the caller's CALL instruction fails in turn.
** RERAISE and a bare `raise` re-raise without adding a traceback entry, as
** CPython does.
**
** Fast paths: small exact ints (int.h) for + - * // % and comparisons;
** same-type operands call the type's slot directly; exact bools for jumps.
*/
#include <string.h>
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "int.h"
#include "containers.h"
#include "opcodes.h"
#include "snapshot.h"
#include "gen.h"

Obj *frame_locals_dict(VM *vm, FrameObj *f);

#if defined(__GNUC__)
#define LIKELY(x) __builtin_expect(!!(x), 1)
#define UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define LIKELY(x) (x)
#define UNLIKELY(x) (x)
#endif


/* ------------------------------------------------------------------ */
/* Helpers for the slower opcodes                                     */
/* ------------------------------------------------------------------ */

/* "__main__.f()" / "print()": the callable as CPython names it in call
** errors (_PyObject_FunctionStr). */
static Obj *func_str(VM *vm, Obj *f) {
  if (f->type == &Function_Type) {
    FunctionObj *fn = (FunctionObj *)f;
    if (fn->module && str_check(fn->module) && !str_eq_cstr(fn->module, "builtins"))
      return str_fromf(vm, "%S.%S()", fn->module, fn->qualname);
    return str_fromf(vm, "%S()", fn->qualname);
  }
  Obj *qn = obj_getattr_cstr(vm, f, "__qualname__");
  if (!qn) {
    vm_exc_clear(vm);
    return str_fromf(vm, "%s object", obj_type_name(f));
  }
  Obj *r = str_check(qn) ? str_fromf(vm, "%S()", qn)
                         : str_fromf(vm, "%s object", obj_type_name(f));
  decref(vm, qn);
  return r;
}

static void format_kwargs_error(VM *vm, Obj *func, Obj *kwargs) {
  if (vm_exc_matches(vm, &Exc_AttributeError) || !vm_exc_occurred(vm)) {
    vm_exc_clear(vm);
    Obj *fs = func_str(vm, func);
    if (!fs) return;
    vm_raise(vm, &Exc_TypeError, "%S argument after ** must be a mapping, not %s",
             fs, obj_type_name(kwargs));
    decref(vm, fs);
  } else if (vm_exc_matches(vm, &Exc_KeyError)) {
    Obj *exc = vm_exc_fetch(vm);
    ExcObj *e = (ExcObj *)exc;
    if (e->args && TUPLE_SIZE(e->args) == 1) {
      Obj *key = TUPLE_GET(e->args, 0);
      if (!str_check(key)) {
        vm_raise(vm, &Exc_TypeError, "keywords must be strings");
      } else {
        Obj *fs = func_str(vm, func);
        if (fs) {
          vm_raise(vm, &Exc_TypeError,
                   "%S got multiple values for keyword argument '%S'", fs, key);
          decref(vm, fs);
        }
      }
      decref(vm, exc);
    } else {
      vm_exc_restore(vm, exc);
    }
  }
}

static bool check_args_iterable(VM *vm, Obj *func, Obj *args) {
  if (args->type->iter || args->type->getitem) return true;
  Obj *fs = func_str(vm, func);
  if (!fs) return false;
  vm_raise(vm, &Exc_TypeError, "%S argument after * must be an iterable, not %s",
           fs, obj_type_name(args));
  decref(vm, fs);
  return false;
}

static Obj *unbound_local(VM *vm, CodeObj *co, int i) {
  return vm_raise(vm, &Exc_UnboundLocalError,
                  "cannot access local variable '%S' where it is not "
                  "associated with a value", code_slot_name(co, i));
}

static Obj *unbound_deref(VM *vm, CodeObj *co, int i) {
  if (code_slot_is_free(co, i))
    return vm_raise(vm, &Exc_NameError,
                    "cannot access free variable '%S' where it is not "
                    "associated with a value in enclosing scope",
                    code_slot_name(co, i));
  return unbound_local(vm, co, i);
}

static Obj *name_error(VM *vm, Obj *name) {
  vm_raise(vm, &Exc_NameError, "name '%S' is not defined", name);
  if (vm->exc && vm->exc->type == &Exc_NameError)
    obj_setref(vm, &((ExcObj *)vm->exc)->extra[0], incref(name));
  return NULL;
}

/* Unpack ITERABLE into ARGCNT values (+ a starred list when ARGCNTAFTER >=
** 0) written below TOP (so that the first item ends on top).  Returns 0 or
** -1. */
static int unpack_iterable(VM *vm, Obj *v, int argcnt, int argcntafter,
                           Obj **top) {
  Obj *it = NULL;
  if (!v->type->iter && !v->type->getitem) {
    vm_raise(vm, &Exc_TypeError, "cannot unpack non-iterable %s object",
             obj_type_name(v));
    return -1;
  }
  it = obj_iter(vm, v);
  if (!it) return -1;
  int i = 0;
  for (; i < argcnt; i++) {
    Obj *w = obj_iternext(vm, it);
    if (!w) {
      if (!vm_exc_occurred(vm)) {
        if (argcntafter < 0)
          vm_raise(vm, &Exc_ValueError,
                   "not enough values to unpack (expected %d, got %d)", argcnt, i);
        else
          vm_raise(vm, &Exc_ValueError,
                   "not enough values to unpack (expected at least %d, got %d)",
                   argcnt + argcntafter, i);
      }
      goto fail;
    }
    *--top = w;
  }
  if (argcntafter < 0) {
    Obj *w = obj_iternext(vm, it);
    if (!w) {
      if (vm_exc_occurred(vm)) goto fail;
      decref(vm, it);
      return 0;
    }
    decref(vm, w);
    vm_raise(vm, &Exc_ValueError, "too many values to unpack (expected %d)",
             argcnt);
    goto fail;
  }
  {
    Obj *l = seq_to_list(vm, it);
    if (!l) goto fail;
    *--top = l;
    i++;
    ssize ll = LIST_SIZE(l);
    if (ll < argcntafter) {
      vm_raise(vm, &Exc_ValueError,
               "not enough values to unpack (expected at least %d, got %zd)",
               argcnt + argcntafter, (ssize)argcnt + ll);
      goto fail;
    }
    for (int j = argcntafter; j > 0; j--, i++) {
      *--top = LIST_ITEMS(l)[ll - j];
    }
    LIST_SIZE(l) = ll - argcntafter;
  }
  decref(vm, it);
  return 0;
fail:
  for (; i > 0; i--) xdecref(vm, *top++);
  decref(vm, it);
  return -1;
}

static Obj *import_from(VM *vm, Obj *module, Obj *name) {
  Obj *v = obj_getattr(vm, module, name);
  if (v) return v;
  if (!vm_exc_matches(vm, &Exc_AttributeError)) return NULL;
  vm_exc_clear(vm);
  Obj *modname = obj_getattr_cstr(vm, module, "__name__");
  if (!modname) {
    vm_exc_clear(vm);
    return vm_raise(vm, &Exc_ImportError, "cannot import name '%S'", name);
  }
  Obj *file = obj_getattr_cstr(vm, module, "__file__");
  if (!file) vm_exc_clear(vm);
  if (file && str_check(file))
    vm_raise(vm, &Exc_ImportError, "cannot import name '%S' from '%S' (%S)", name,
             modname, file);
  else
    vm_raise(vm, &Exc_ImportError,
             "cannot import name '%S' from '%S' (unknown location)", name, modname);
  xdecref(vm, file);
  decref(vm, modname);
  return NULL;
}

static int import_star(VM *vm, FrameObj *f, Obj *module) {
  Obj *locals = f->locals;
  if (!locals) {
    vm_raise(vm, &Exc_SyntaxError, "import * only allowed at module level");
    return -1;
  }
  Obj *all = obj_getattr_cstr(vm, module, "__all__");
  Obj *names;
  bool skip_private = false;
  if (all) {
    names = seq_to_list(vm, all);
    decref(vm, all);
  } else {
    vm_exc_clear(vm);
    Obj *d = obj_getattr_cstr(vm, module, "__dict__");
    if (!d) return -1;
    names = dict_keys_list(vm, d);
    decref(vm, d);
    skip_private = true;
  }
  if (!names) return -1;
  int r = 0;
  for (ssize i = 0; i < LIST_SIZE(names); i++) {
    Obj *n = LIST_ITEMS(names)[i];
    if (skip_private && str_check(n) && STR_UTF8(n)[0] == '_') continue;
    Obj *v = obj_getattr(vm, module, n);
    if (!v) {
      r = -1;
      break;
    }
    r = obj_setitem(vm, locals, n, v);
    decref(vm, v);
    if (r < 0) break;
  }
  decref(vm, names);
  return r;
}

static Obj *exc_match_error(VM *vm) {
  return vm_raise(vm, &Exc_TypeError,
                  "catching classes that do not inherit from BaseException is "
                  "not allowed");
}

/* CHECK_EXC_MATCH: 1, 0 or -1. */
static int exc_matches(VM *vm, Obj *exc, Obj *type) {
  if (tuple_check(type)) {
    for (ssize i = 0; i < TUPLE_SIZE(type); i++)
      if (!exc_is_class(TUPLE_GET(type, i))) {
        exc_match_error(vm);
        return -1;
      }
    for (ssize i = 0; i < TUPLE_SIZE(type); i++)
      if (type_is_subtype(exc->type, (TypeObj *)TUPLE_GET(type, i))) return 1;
    return 0;
  }
  if (!exc_is_class(type)) {
    exc_match_error(vm);
    return -1;
  }
  return type_is_subtype(exc->type, (TypeObj *)type);
}

/* Turn the flattened (name, value, ...) annotations tuple into a dict. */
static Obj *annotations_dict(VM *vm, Obj *ann) {
  if (dict_check(ann)) return incref(ann);
  Obj *d = dict_new(vm);
  if (!d) return NULL;
  if (tuple_check(ann))
    for (ssize i = 0; i + 1 < TUPLE_SIZE(ann); i += 2)
      if (dict_set(vm, d, TUPLE_GET(ann, i), TUPLE_GET(ann, i + 1)) < 0) {
        decref(vm, d);
        return NULL;
      }
  return d;
}

/* Turn a kwargs dict into a kwnames tuple plus values appended to ARGV
** (which has room for nargs + len(kwargs)).  Returns the tuple or NULL. */
static Obj *kwargs_to_kwnames(VM *vm, Obj *kwargs, Obj **argv, size_t nargs) {
  ssize n = dict_size(kwargs);
  Obj *names = tuple_new(vm, n);
  if (!names) return NULL;
  ssize pos = 0, i = 0;
  Obj *k, *v;
  while (dict_next(kwargs, &pos, &k, &v)) {
    if (!str_check(k)) {
      for (ssize j = i; j < n; j++) TUPLE_ITEMS(names)[j] = incref(None);
      decref(vm, names);
      vm_raise(vm, &Exc_TypeError, "keywords must be strings");
      return NULL;
    }
    TUPLE_ITEMS(names)[i] = incref(k);
    argv[nargs + i] = v;
    i++;
  }
  return names;
}

/* LOAD_GLOBAL's cache, one entry per co_names index: the value found for
** the name, valid while the globals dict (and, when the value came from
** the builtins, the builtins dict) have the version they had then. */
typedef struct GlobalCache {
  Obj *globals;                   /* borrowed: the dict the entry is for */
  uint64_t gver;                  /* its version then */
  Obj *builtins;                  /* borrowed; NULL when found in globals */
  uint64_t bver;                  /* its version then */
  Obj *value;                     /* borrowed: still in the dict while valid */
} GlobalCache;

/* A code object's caches: the module name MAKE_FUNCTION gives new
** functions (globals['__name__']), then one LOAD_GLOBAL entry per name,
** then one AttrCache (below) per name. */
typedef struct CodeCaches {
  GlobalCache modname;            /* builtins unused */
  struct AttrCache *attr;         /* the attribute entries, after g[] */
  GlobalCache g[];                /* indexed like co_names */
} CodeCaches;

/* LOAD_ATTR / LOAD_METHOD / STORE_ATTR's cache, one entry per co_names
** index, after the LOAD_GLOBAL entries: what the owner's type says about
** the name, valid while the type's version_tag and type_attr_epoch are what
** they were then (object.h: any change to a type's dict bumps the epoch). */
typedef struct AttrCache {
  uint64_t tag;                   /* the owner type's version_tag */
  uint64_t epoch;                 /* type_attr_epoch then; 0 = empty */
  Obj *descr;                     /* borrowed (the type's mro holds it):
                                     type_lookup's result, NULL = absent */
  ssize hint;                     /* entry number in instance dicts */
  uint8_t kind;                   /* ATTR_* */
  uint8_t generic;                /* ATTR_GENERIC_*: the type's getattr /
                                     setattr slots are the generic ones */
} AttrCache;

enum {
  ATTR_NONE,                      /* not cached: the slow path */
  ATTR_DATA,                      /* descr has __get__ and __set__ (property,
                                     __slots__ member): it wins */
  ATTR_DICT,                      /* instance dict at dictoffset > 0 first,
                                     then descr (maybe NULL) */
  ATTR_NODICT                     /* no instance dict: descr (maybe NULL) */
};
#define ATTR_GENERIC_GET 1
#define ATTR_GENERIC_SET 2

static size_t caches_size(CodeObj *co) {
  return sizeof(CodeCaches) +
         (size_t)TUPLE_SIZE(co->names) * (sizeof(GlobalCache) + sizeof(AttrCache));
}

static CodeCaches *code_caches(CodeObj *co) {
  if (!co->caches) {
    CodeCaches *cc = ht_calloc(HT_TAG_CODE, caches_size(co));
    if (cc) cc->attr = (AttrCache *)&cc->g[TUPLE_SIZE(co->names)];
    co->caches = cc;
  }
  return co->caches;
}

/* Made with the code object (code_new), so the memory is attributed to
** compiling rather than to whatever first runs the code.  Returns 0 or -1
** (no exception: the caches are optional). */
int code_alloc_caches(CodeObj *co);
int code_alloc_caches(CodeObj *co) { return code_caches(co) ? 0 : -1; }

static Obj *load_global_slow(VM *vm, CodeObj *co, FrameObj *f, int i) {
  Obj *name = TUPLE_GET(co->names, i);
  Obj *b = NULL;
  Obj *v = dict_get(vm, f->globals, name);
  if (!v) {
    if (vm_exc_occurred(vm)) return NULL;
    b = f->builtins;
    v = dict_get(vm, b, name);
    if (!v) {
      if (!vm_exc_occurred(vm)) name_error(vm, name);
      return NULL;
    }
  }
  CodeCaches *cc;
  if (f->globals->type == &Dict_Type && f->builtins->type == &Dict_Type &&
      (cc = code_caches(co)) != NULL) {
    GlobalCache *gc = &cc->g[i];
    gc->globals = f->globals;
    gc->gver = dict_version(f->globals);
    gc->builtins = b;
    gc->bver = b ? dict_version(b) : 0;
    gc->value = v;
  }
  return v;
}

/* globals['__name__'] for MAKE_FUNCTION (borrowed, may be NULL). */
static Obj *module_name_of(VM *vm, CodeObj *co, Obj *globals) {
  CodeCaches *cc = co->caches;
  if (cc && cc->modname.globals == globals &&
      cc->modname.gver == dict_version(globals))
    return cc->modname.value;
  Obj *v = dict_get(vm, globals, vm->str_name);
  if (!v) {
    vm_exc_clear(vm);
    return NULL;
  }
  if (globals->type == &Dict_Type && (cc = code_caches(co)) != NULL) {
    cc->modname.globals = globals;
    cc->modname.gver = dict_version(globals);
    cc->modname.value = v;
  }
  return v;
}

Obj *dict_get_hint(VM *vm, Obj *d, Obj *key, ssize *hint);            /* dict.c */
int dict_set_hint(VM *vm, Obj *d, Obj *key, Obj *value, ssize *hint);  /* dict.c */

/* (Re)fill AC for instances of T and name NAME. */
static void attr_cache_fill(AttrCache *ac, TypeObj *t, Obj *name) {
  Obj *descr = type_lookup(t, name);
  uint8_t kind;
  if (descr && descr->type->descr_set)
    kind = descr->type->descr_get ? ATTR_DATA : ATTR_NONE;
  else
    kind = t->dictoffset > 0 ? ATTR_DICT : t->dictoffset == 0 ? ATTR_NODICT : ATTR_NONE;
  ac->tag = type_version_tag(t);
  ac->epoch = type_attr_epoch;
  ac->descr = descr;
  ac->kind = kind;
  if (descr && (descr->type == &Function_Type || descr->type == &MethodDescr_Type))
    ac->hint = -1;                /* a method: instance dicts rarely have it */
  ac->generic = (t->getattr ? 0 : ATTR_GENERIC_GET) | (t->setattr ? 0 : ATTR_GENERIC_SET);
}

/* The attribute cache entry for name I on instances of T, filled if stale;
** NULL when the caches could not be allocated. */
static inline AttrCache *attr_cache(CodeObj *co, TypeObj *t, int i) {
  CodeCaches *cc = co->caches;
  if (UNLIKELY(!cc) && !(cc = code_caches(co))) return NULL;
  AttrCache *ac = &cc->attr[i];
  if (UNLIKELY(ac->tag != t->version_tag || ac->epoch != type_attr_epoch))
    attr_cache_fill(ac, t, TUPLE_GET(co->names, i));
  return ac;
}

/* OWNER.NAME through AC (generic getattr): 0 with *OUT the value, 1 with
** *OUT an unbound method to call with OWNER prepended (METHOD only), -1 on
** error, 2 when the slow path must decide (nothing done).  (CPython's
** PyObject_GenericGetAttr / _PyObject_GetMethod, in the same order.) */
__attribute__((always_inline))
static inline int attr_load(VM *vm, AttrCache *ac, Obj *owner, Obj *name,
                            bool method, Obj **out) {
  Obj *descr = ac->descr;
  TypeObj *t = owner->type;
  *out = NULL;
  switch (ac->kind) {
  case ATTR_DATA:
    incref(descr);
    *out = descr->type->descr_get(vm, descr, owner, (Obj *)t);
    decref(vm, descr);
    return *out ? 0 : -1;
  case ATTR_DICT: {
    Obj *d = *(Obj **)((char *)owner + t->dictoffset);
    if (d) {
      Obj *v = dict_get_hint(vm, d, name, &ac->hint);
      if (v) {
        *out = incref(v);
        return 0;
      }
      if (vm_exc_occurred(vm)) return -1;
      if (ac->epoch != type_attr_epoch) return 2;   /* an __eq__ changed a type */
    }
  }
    /* fall through */
  case ATTR_NODICT:
    if (!descr) return 2;
    if (method && (descr->type == &Function_Type || descr->type == &MethodDescr_Type)) {
      *out = incref(descr);
      return 1;
    }
    if (descr->type->descr_get) {
      incref(descr);
      *out = descr->type->descr_get(vm, descr, owner, (Obj *)t);
      decref(vm, descr);
      return *out ? 0 : -1;
    }
    *out = incref(descr);
    return 0;
  default:
    return 2;
  }
}

/* OWNER.NAME = V through AC (generic setattr): 0, -1 on error, 2 for the
** slow path (nothing done). */
static inline int attr_store(VM *vm, AttrCache *ac, Obj *owner, Obj *name, Obj *v) {
  Obj *descr = ac->descr;
  switch (ac->kind) {
  case ATTR_DATA: {
    incref(descr);
    int r = descr->type->descr_set(vm, descr, owner, v);
    decref(vm, descr);
    return r;
  }
  case ATTR_DICT: {
    Obj *d = *(Obj **)((char *)owner + owner->type->dictoffset);
    if (!d) return 2;
    return dict_set_hint(vm, d, name, v, &ac->hint);
  }
  default:
    return 2;
  }
}

/* Release CO's inline caches (code_dealloc). */
void code_free_caches(CodeObj *co);
void code_free_caches(CodeObj *co) {
  if (!co->caches) return;
  ht_free(HT_TAG_CODE, co->caches, caches_size(co));
  co->caches = NULL;
}

/* Release a reference to O, known to be an exact int: a dying int is
** freed here without the dealloc slot's call chain (int.h: the block is
** INT_SIZE_OF(nalloc) bytes of tag INT). */
static inline void decref_int(VM *vm, Obj *o) {
  if (--o->refcnt == 0) ht_free(HT_TAG_INT, o, INT_SIZE_OF(((IntObj *)o)->nalloc));
}

/* A tuple whose items are all atoms or untracked tuples can never be part
** of a cycle: stop tracking it at once (the collector would untrack it at
** its first collection anyway, as CPython's _PyTuple_MaybeUntrack). */
static inline void tuple_maybe_untrack(Obj *t) {
  ssize n = TUPLE_SIZE(t);
  Obj **items = TUPLE_ITEMS(t);
  for (ssize i = 0; i < n; i++) {
    Obj *o = items[i];
    if (!(o->type->flags & TF_GC) || o->refcnt >= IMMORTAL_REF / 2) continue;
    if (o->type == &Tuple_Type && GC_HEAD(o)->next == NULL) continue;
    return;
  }
  GCHead *g = GC_HEAD(t);
  if (g->next) {
    g->prev->next = g->next;
    g->next->prev = g->prev;
    g->next = g->prev = NULL;
  }
}

/* A new exact int V with |V| < 2**60, built in place (int.h's layout):
** the eval loop's answer for results outside the shared small ints. */
static inline Obj *int_make(VM *vm, int64_t v) {
  if ((uint64_t)(v - INT_SMALL_MIN) <= (uint64_t)(INT_SMALL_MAX - INT_SMALL_MIN))
    return incref((Obj *)&int_small_table[v - INT_SMALL_MIN]);
  uint64_t m = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
  if (m >> (2 * INT_SHIFT)) return int_from_i64(vm, v);
  IntObj *o = ht_alloc(HT_TAG_INT, INT_SIZE_OF(INT_MIN_ALLOC));
  if (UNLIKELY(!o)) return vm_raise_nomem(vm);
  o->ob.refcnt = 1;
  o->ob.type = &Int_Type;
  o->nalloc = INT_MIN_ALLOC;
  o->d[0] = (digit)(m & INT_MASK);
  o->d[1] = (digit)(m >> INT_SHIFT);
  int32_t nd = o->d[1] ? 2 : 1;
  o->size = v < 0 ? -nd : nd;
  return (Obj *)o;
}

/* NAME looked up on O's type and bound to O, as CPython's
** _PyObject_LookupSpecial (with statements): new reference, or NULL --
** with no exception set when the type has no such attribute. */
static Obj *with_lookup_special(VM *vm, Obj *o, const char *name) {
  Obj *key = str_intern_cstr(vm, name);
  if (!key) return NULL;
  Obj *f = type_lookup(o->type, key);
  if (!f) return NULL;
  if (f->type->descr_get) return f->type->descr_get(vm, f, o, (Obj *)o->type);
  return incref(f);
}

/* ------------------------------------------------------------------ */
/* The loop                                                           */
/* ------------------------------------------------------------------ */

/* No cross-jumping: each opcode keeps its own indirect jump, so the
** branch predictor learns opcode pairs (and GCSE must not hoist loads
** across the dispatch). */
__attribute__((optimize("no-crossjumping", "no-gcse")))
Obj *vm_eval(VM *vm, FrameObj *entry) {
  char probe;
  if (UNLIKELY(&probe < vm->c_stack_limit)) {
    vm_raise(vm, &Exc_RecursionError,
             "maximum recursion depth exceeded while calling a Python object");
    frame_exit(vm, entry);
    return NULL;
  }
  vm->c_depth++;
  entry->entry = 1;
  entry->back = vm->frame;
  vm->frame = entry;

  /* Few locals, so that the hot ones (f, ip, sp, lp, consts) stay in
  ** registers; the rest is read through f when needed. */
  FrameObj *f = entry;
  const uint16_t *ip;
  Obj **lp, **sp;
  Obj *const *consts;
  Obj *kwnames = NULL;
  unsigned word;
  int opcode, oparg;

  static void *const dispatch[256] = {
#define OPCODE_LABEL_(name, hasarg, effect) [OP_##name] = &&L_##name,
    OPCODE_LIST(OPCODE_LABEL_)
#undef OPCODE_LABEL_
    [OPX_LOAD_FAST__LOAD_FAST] = &&L_LOAD_FAST__LOAD_FAST,
    [OPX_LOAD_FAST__LOAD_CONST] = &&L_LOAD_FAST__LOAD_CONST,
    [OPX_LOAD_CONST__LOAD_FAST] = &&L_LOAD_CONST__LOAD_FAST,
    [OPX_STORE_FAST__LOAD_FAST] = &&L_STORE_FAST__LOAD_FAST,
    [OPX_STORE_FAST__STORE_FAST] = &&L_STORE_FAST__STORE_FAST,
  };

#define co (f->code)
#define code0 (f->code->xcode)
#define stack0 (lp + f->code->nlocalsplus)
#define names (TUPLE_ITEMS(f->code->names))
#define LOAD_REGS()                                                      \
  do {                                                                   \
    lp = f->localsplus;                                                  \
    consts = TUPLE_ITEMS(f->code->consts);                               \
  } while (0)
/* f->ip (the instruction being executed, for lines) is stored by the
** instructions that may allocate, free or call (SAVE_IP at their start)
** and by the error path; loads of locals and constants skip the store. */
#define SAVE_IP() (f->ip = ip - 1)
#define DISPATCH()                                                       \
  do {                                                                   \
    word = *ip++;                                                        \
    opcode = word & 0xFF;                                                \
    oparg = (int)(word >> 8);                                            \
    goto *dispatch[opcode];                                              \
  } while (0)
#define TARGET(name) L_##name:
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define THIRD() (sp[-3])
#define SET_TOP(v) (sp[-1] = (v))
#define JUMPTO(x) (ip = code0 + (x))

  if (UNLIKELY(entry->resume)) goto resume_gen;   /* vm/gen.c: a generator */
start_frame:
  LOAD_REGS();
  ip = code0;
  sp = stack0;
  if (UNLIKELY(snap_hooks)) snap_frame_start(vm, f);  /* vm/snapshot.c */
  DISPATCH();

resume_frame:
  LOAD_REGS();
  ip = f->ip + 1;
  sp = f->sp;
  DISPATCH();

  /* A suspended generator frame (gen_send_ex): continue after the
  ** instruction it stopped at, with the sent value already pushed, or
  ** raise the thrown exception there. */
resume_gen:
  LOAD_REGS();
  ip = f->ip + 1;
  sp = f->sp;
  f->sp = NULL;
  if (f->resume == 2) {
    f->resume = 0;
    goto error;
  }
  f->resume = 0;
  DISPATCH();

  /* ---- stack and names ---------------------------------------- */
  TARGET(NOP) { DISPATCH(); }

  TARGET(EXTENDED_ARG) {
    int ext = oparg;
    word = *ip++;
    opcode = word & 0xFF;
    oparg = (ext << 8) | (int)(word >> 8);
    f->ip = ip - 1;
    goto *dispatch[opcode];
  }

  TARGET(POP_TOP) {
    SAVE_IP();
    Obj *v = POP();
    xdecref(vm, v);
    DISPATCH();
  }

  TARGET(PUSH_NULL) {
    PUSH(NULL);
    DISPATCH();
  }

  TARGET(COPY) {
    Obj *v = sp[-oparg];
    PUSH(xincref(v));
    DISPATCH();
  }

  TARGET(SWAP) {
    Obj *t = sp[-1];
    sp[-1] = sp[-oparg];
    sp[-oparg] = t;
    DISPATCH();
  }

  TARGET(LOAD_CONST) {
    PUSH(incref(consts[oparg]));
    DISPATCH();
  }

  TARGET(LOAD_FAST) {
    Obj *v = lp[oparg];
    if (UNLIKELY(!v)) {
      SAVE_IP();
      unbound_local(vm, co, oparg);
      goto error;
    }
    PUSH(incref(v));
    DISPATCH();
  }

  TARGET(STORE_FAST) {
    SAVE_IP();
    Obj *v = POP();
    Obj *old = lp[oparg];
    lp[oparg] = v;
    if (old) decref(vm, old);
    if (UNLIKELY(snap_refs)) snap_ref_local(vm, f, oparg);  /* vm/snapshot.c */
    DISPATCH();
  }

  /* Superinstructions: the pair's second unit is read from the code
  ** stream (it is still there, for jumps that land on it). */
#define NEXT_ARG() (f->ip = ip, oparg = (int)(*ip++ >> 8))
#define NEXT_ARG_LOAD() (oparg = (int)(*ip++ >> 8))
  TARGET(LOAD_FAST__LOAD_FAST) {
    Obj *v = lp[oparg];
    if (UNLIKELY(!v)) {
      SAVE_IP();
      unbound_local(vm, co, oparg);
      goto error;
    }
    PUSH(incref(v));
    NEXT_ARG_LOAD();
    v = lp[oparg];
    if (UNLIKELY(!v)) {
      SAVE_IP();
      unbound_local(vm, co, oparg);
      goto error;
    }
    PUSH(incref(v));
    DISPATCH();
  }

  TARGET(LOAD_FAST__LOAD_CONST) {
    Obj *v = lp[oparg];
    if (UNLIKELY(!v)) {
      SAVE_IP();
      unbound_local(vm, co, oparg);
      goto error;
    }
    PUSH(incref(v));
    NEXT_ARG_LOAD();
    PUSH(incref(consts[oparg]));
    DISPATCH();
  }

  TARGET(LOAD_CONST__LOAD_FAST) {
    PUSH(incref(consts[oparg]));
    NEXT_ARG_LOAD();
    Obj *v = lp[oparg];
    if (UNLIKELY(!v)) {
      SAVE_IP();
      unbound_local(vm, co, oparg);
      goto error;
    }
    PUSH(incref(v));
    DISPATCH();
  }

  TARGET(STORE_FAST__LOAD_FAST) {
    SAVE_IP();
    Obj *v = POP();
    Obj *old = lp[oparg];
    lp[oparg] = v;
    if (old) decref(vm, old);
    if (UNLIKELY(snap_refs)) snap_ref_local(vm, f, oparg);  /* vm/snapshot.c */
    NEXT_ARG();
    v = lp[oparg];
    if (UNLIKELY(!v)) {
      SAVE_IP();
      unbound_local(vm, co, oparg);
      goto error;
    }
    PUSH(incref(v));
    DISPATCH();
  }

  TARGET(STORE_FAST__STORE_FAST) {
    SAVE_IP();
    Obj *v = POP();
    Obj *old = lp[oparg];
    lp[oparg] = v;
    if (old) decref(vm, old);
    if (UNLIKELY(snap_refs)) snap_ref_local(vm, f, oparg);  /* vm/snapshot.c */
    NEXT_ARG();
    v = POP();
    old = lp[oparg];
    lp[oparg] = v;
    if (old) decref(vm, old);
    if (UNLIKELY(snap_refs)) snap_ref_local(vm, f, oparg);  /* vm/snapshot.c */
    DISPATCH();
  }
#undef NEXT_ARG
#undef NEXT_ARG_LOAD

  TARGET(DELETE_FAST) {
    SAVE_IP();
    Obj *v = lp[oparg];
    if (!v) {
      SAVE_IP();
      unbound_local(vm, co, oparg);
      goto error;
    }
    lp[oparg] = NULL;
    decref(vm, v);
    if (UNLIKELY(snap_refs)) snap_ref_local(vm, f, oparg);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(MAKE_CELL) {
    SAVE_IP();
    Obj *v = lp[oparg];
    Obj *c = cell_new(vm, v);
    if (!c) goto error;
    lp[oparg] = c;
    xdecref(vm, v);
    if (UNLIKELY(snap_refs)) snap_ref_local(vm, f, oparg);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(COPY_FREE_VARS) {
    SAVE_IP();
    Obj *closure = f->func ? ((FunctionObj *)f->func)->closure : NULL;
    int first = co->nlocalsplus - co->nfreevars;
    if (!closure || TUPLE_SIZE(closure) < oparg) {
      vm_raise(vm, &Exc_RuntimeError, "%S: closure has too few cells", co->qualname);
      goto error;
    }
    for (int i = 0; i < oparg; i++) lp[first + i] = incref(TUPLE_GET(closure, i));
    if (UNLIKELY(snap_refs)) for (int i = 0; i < oparg; i++) snap_ref_local(vm, f, first + i);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(LOAD_CLOSURE) {
    Obj *c = lp[oparg];
    if (!c) {
      SAVE_IP();
      unbound_deref(vm, co, oparg);
      goto error;
    }
    PUSH(incref(c));
    DISPATCH();
  }

  TARGET(LOAD_DEREF) {
    Obj *c = lp[oparg];
    Obj *v = c ? ((CellObj *)c)->ref : NULL;
    if (UNLIKELY(!v)) {
      SAVE_IP();
      unbound_deref(vm, co, oparg);
      goto error;
    }
    PUSH(incref(v));
    DISPATCH();
  }

  TARGET(STORE_DEREF) {
    SAVE_IP();
    Obj *v = POP();
    CellObj *c = (CellObj *)lp[oparg];
    Obj *old = c->ref;
    c->ref = v;
    xdecref(vm, old);
    if (UNLIKELY(snap_refs)) snap_ref_cell(vm, (Obj *)c);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(DELETE_DEREF) {
    SAVE_IP();
    CellObj *c = (CellObj *)lp[oparg];
    Obj *old = c ? c->ref : NULL;
    if (!old) {
      SAVE_IP();
      unbound_deref(vm, co, oparg);
      goto error;
    }
    c->ref = NULL;
    decref(vm, old);
    if (UNLIKELY(snap_refs)) snap_ref_cell(vm, (Obj *)c);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(LOAD_CLASSDEREF) {
    SAVE_IP();
    Obj *name = code_slot_name(co, oparg);
    Obj *v = NULL;
    if (f->locals) {
      if (f->locals->type == &Dict_Type) {   /* exact: a subclass may override */
        v = dict_get(vm, f->locals, name);
        if (v) incref(v);
        else if (vm_exc_occurred(vm)) goto error;
      } else {
        v = obj_getitem(vm, f->locals, name);
        if (!v) {
          if (!vm_exc_matches(vm, &Exc_KeyError)) goto error;
          vm_exc_clear(vm);
        }
      }
    }
    if (!v) {
      Obj *c = lp[oparg];
      v = c ? ((CellObj *)c)->ref : NULL;
      if (!v) {
        SAVE_IP();
        SAVE_IP();
      unbound_deref(vm, co, oparg);
        goto error;
      }
      incref(v);
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(LOAD_GLOBAL) {
    GlobalCache *gc = co->caches ? &((CodeCaches *)co->caches)->g[oparg] : NULL;
    if (LIKELY(gc != NULL) && gc->globals == f->globals &&
        gc->gver == dict_version(f->globals) &&
        (!gc->builtins ||
         (gc->builtins == f->builtins && gc->bver == dict_version(f->builtins)))) {
      PUSH(incref(gc->value));
      DISPATCH();
    }
    SAVE_IP();
    Obj *v = load_global_slow(vm, co, f, oparg);
    if (UNLIKELY(!v)) goto error;
    PUSH(incref(v));
    DISPATCH();
  }

  TARGET(STORE_GLOBAL) {
    SAVE_IP();
    Obj *v = POP();
    int r = dict_set(vm, f->globals, names[oparg], v);
    decref(vm, v);
    if (r < 0) goto error;
    if (UNLIKELY(snap_refs)) snap_ref_dict(vm, f->globals, names[oparg]);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(DELETE_GLOBAL) {
    SAVE_IP();
    if (dict_del(vm, f->globals, names[oparg]) < 0) {
      if (vm_exc_matches(vm, &Exc_KeyError)) {
        vm_exc_clear(vm);
        name_error(vm, names[oparg]);
      }
      goto error;
    }
    if (UNLIKELY(snap_refs)) snap_ref_dict(vm, f->globals, names[oparg]);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(LOAD_NAME) {
    SAVE_IP();
    Obj *name = names[oparg];
    Obj *v = NULL;
    Obj *locals = f->locals;
    if (!locals) {
      vm_raise(vm, &Exc_RuntimeError, "no locals when loading %R", name);
      goto error;
    }
    if (LIKELY(locals->type == &Dict_Type)) {   /* exact: __prepare__ may give a subclass */
      v = dict_get(vm, locals, name);
      if (v) incref(v);
      else if (vm_exc_occurred(vm)) goto error;
    } else {
      v = obj_getitem(vm, locals, name);
      if (!v) {
        if (!vm_exc_matches(vm, &Exc_KeyError)) goto error;
        vm_exc_clear(vm);
      }
    }
    if (!v) {
      v = dict_get(vm, f->globals, name);
      if (!v) {
        if (vm_exc_occurred(vm)) goto error;
        v = dict_get(vm, f->builtins, name);
        if (!v) {
          if (!vm_exc_occurred(vm)) name_error(vm, name);
          goto error;
        }
      }
      incref(v);
    }
    PUSH(v);
    DISPATCH();
  }

  TARGET(STORE_NAME) {
    SAVE_IP();
    Obj *v = POP();
    Obj *locals = f->locals;
    int r;
    if (!locals) {
      vm_raise(vm, &Exc_RuntimeError, "no locals found when storing %R",
               names[oparg]);
      decref(vm, v);
      goto error;
    }
    if (LIKELY(locals->type == &Dict_Type)) r = dict_set(vm, locals, names[oparg], v);
    else r = obj_setitem(vm, locals, names[oparg], v);
    decref(vm, v);
    if (r < 0) goto error;
    if (UNLIKELY(snap_refs)) snap_ref_dict(vm, locals, names[oparg]);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(DELETE_NAME) {
    SAVE_IP();
    Obj *locals = f->locals;
    if (!locals) {
      vm_raise(vm, &Exc_RuntimeError, "no locals when deleting %R", names[oparg]);
      goto error;
    }
    if (obj_delitem(vm, locals, names[oparg]) < 0) {
      if (vm_exc_matches(vm, &Exc_KeyError)) {
        vm_exc_clear(vm);
        name_error(vm, names[oparg]);
      }
      goto error;
    }
    if (UNLIKELY(snap_refs)) snap_ref_dict(vm, locals, names[oparg]);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(LOAD_ATTR) {
    SAVE_IP();
    Obj *owner = TOP();
    Obj *v;
    AttrCache *ac = attr_cache(co, owner->type, oparg);
    if (LIKELY(ac != NULL) && (ac->generic & ATTR_GENERIC_GET)) {
      int k = attr_load(vm, ac, owner, names[oparg], false, &v);
      if (LIKELY(k != 2)) {
        decref(vm, owner);
        SET_TOP(v);
        if (k < 0) {
          sp--;
          goto error;
        }
        DISPATCH();
      }
    }
    v = obj_getattr(vm, owner, names[oparg]);
    decref(vm, owner);
    SET_TOP(v);
    if (!v) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(STORE_ATTR) {
    SAVE_IP();
    Obj *owner = POP();
    Obj *v = POP();
    int r = 2;
    AttrCache *ac = attr_cache(co, owner->type, oparg);
    if (LIKELY(ac != NULL) && (ac->generic & ATTR_GENERIC_SET))
      r = attr_store(vm, ac, owner, names[oparg], v);
    if (r == 2) r = obj_setattr(vm, owner, names[oparg], v);
    decref(vm, v);
    if (UNLIKELY(snap_refs) && r == 0) snap_ref_attr(vm, owner, names[oparg]);  /* vm/snapshot.c */
    decref(vm, owner);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_ATTR) {
    SAVE_IP();
    Obj *owner = POP();
    int r = obj_setattr(vm, owner, names[oparg], NULL);
    if (UNLIKELY(snap_refs) && r == 0) snap_ref_attr(vm, owner, names[oparg]);  /* vm/snapshot.c */
    decref(vm, owner);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(LOAD_METHOD) {
    SAVE_IP();
    Obj *owner = TOP();
    Obj *m;
    int k = 2;
    AttrCache *ac = attr_cache(co, owner->type, oparg);
    if (LIKELY(ac != NULL) && (ac->generic & ATTR_GENERIC_GET))
      k = attr_load(vm, ac, owner, names[oparg], true, &m);
    if (k == 2) k = obj_get_method(vm, owner, names[oparg], &m);
    if (k < 0) goto error;
    if (k == 1) {
      SET_TOP(m);
      PUSH(owner);
    } else {
      SET_TOP(NULL);
      PUSH(m);
      decref(vm, owner);
    }
    DISPATCH();
  }

  /* ---- operators ---------------------------------------------- */
  TARGET(BINARY_OP) {
    SAVE_IP();
    Obj *rhs = POP();
    Obj *lhs = TOP();
    Obj *res;
    int op = oparg >= BINOP_INPLACE ? oparg - BINOP_INPLACE : oparg;
    if (int_both_small(lhs, rhs)) {
      int64_t a = int_small_value(lhs), b = int_small_value(rhs), c;
      if (op == BINOP_ADD) {
        res = int_make(vm, a + b);
        goto binop_done_int;
      }
      if (op == BINOP_SUB) {
        res = int_make(vm, a - b);
        goto binop_done_int;
      }
      switch (op) {
      case BINOP_MUL:
        if (!__builtin_mul_overflow(a, b, &c)) {
          res = int_make(vm, c);
          goto binop_done;
        }
        break;
      case BINOP_FLOORDIV:
        if (b != 0) {
          c = a / b;
          if ((a % b != 0) && ((a < 0) != (b < 0))) c--;
          res = int_make(vm, c);
          goto binop_done;
        }
        break;
      case BINOP_MOD:
        if (b != 0) {
          c = a % b;
          if (c != 0 && ((c < 0) != (b < 0))) c += b;
          res = int_make(vm, c);
          goto binop_done;
        }
        break;
      case BINOP_AND: res = int_make(vm, a & b); goto binop_done;
      case BINOP_OR: res = int_make(vm, a | b); goto binop_done;
      case BINOP_XOR: res = int_make(vm, a ^ b); goto binop_done;
      default: break;
      }
    }
    if (oparg >= BINOP_INPLACE) {
      res = obj_inplace(vm, lhs, rhs, op);
    } else if (lhs->type == rhs->type && lhs->type->binop[op] &&
               !(lhs->type->flags & TF_HEAPTYPE)) {
      res = lhs->type->binop[op](vm, lhs, rhs);
      if (res == NotImplemented) {
        decref(vm, res);
        res = obj_binop(vm, lhs, rhs, op);
      }
    } else {
      res = obj_binop(vm, lhs, rhs, op);
    }
  binop_done:
    decref(vm, lhs);
    decref(vm, rhs);
    SET_TOP(res);
    if (UNLIKELY(!res)) {
      sp--;
      goto error;
    }
    DISPATCH();
  binop_done_int:
    decref_int(vm, lhs);
    decref_int(vm, rhs);
    SET_TOP(res);
    if (UNLIKELY(!res)) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(UNARY_POSITIVE) {
    SAVE_IP();
    Obj *v = TOP();
    Obj *r = obj_pos(vm, v);
    decref(vm, v);
    SET_TOP(r);
    if (!r) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(UNARY_NEGATIVE) {
    SAVE_IP();
    Obj *v = TOP();
    Obj *r;
    if (v->type == &Int_Type && int_is_small(v))
      r = int_make(vm, -int_small_value(v));
    else
      r = obj_neg(vm, v);
    decref(vm, v);
    SET_TOP(r);
    if (!r) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(UNARY_NOT) {
    SAVE_IP();
    Obj *v = TOP();
    int t = obj_truthy(vm, v);
    decref(vm, v);
    if (t < 0) {
      sp--;
      goto error;
    }
    SET_TOP(bool_new(!t));
    DISPATCH();
  }

  TARGET(UNARY_INVERT) {
    SAVE_IP();
    Obj *v = TOP();
    Obj *r = obj_invert(vm, v);
    decref(vm, v);
    SET_TOP(r);
    if (!r) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(COMPARE_OP) {
    SAVE_IP();
    Obj *rhs = POP();
    Obj *lhs = TOP();
    Obj *res;
    if (int_both_small(lhs, rhs)) {
      /* which of <, ==, > holds selects a bit of the operator's mask */
      static const unsigned char cmp_mask[6] = {1, 3, 2, 5, 4, 6};
      int64_t a = int_small_value(lhs), b = int_small_value(rhs);
      int c = (a > b) - (a < b) + 1;
      bool t = (cmp_mask[oparg] >> c) & 1;
      sp--;
      decref_int(vm, lhs);
      decref_int(vm, rhs);
      /* fused with a following conditional jump, as CPython 3.11's
      ** COMPARE_OP_INT_JUMP */
      unsigned next = *ip;
      if ((next & 0xFF) == OP_POP_JUMP_IF_FALSE) {
        f->ip = ip++;
        if (!t) JUMPTO(next >> 8);
        DISPATCH();
      }
      if ((next & 0xFF) == OP_POP_JUMP_IF_TRUE) {
        f->ip = ip++;
        if (t) JUMPTO(next >> 8);
        DISPATCH();
      }
      PUSH(t ? True_ : False_);
      DISPATCH();
    } else if (lhs->type == rhs->type && lhs->type->richcmp &&
               !(lhs->type->flags & TF_HEAPTYPE)) {
      res = lhs->type->richcmp(vm, lhs, rhs, oparg);
      if (res == NotImplemented) {
        decref(vm, res);
        res = obj_richcmp(vm, lhs, rhs, oparg);
      }
    } else {
      res = obj_richcmp(vm, lhs, rhs, oparg);
    }
    decref(vm, lhs);
    decref(vm, rhs);
    SET_TOP(res);
    if (UNLIKELY(!res)) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(IS_OP) {
    SAVE_IP();
    Obj *rhs = POP();
    Obj *lhs = POP();
    bool r = (lhs == rhs) ^ (oparg != 0);
    decref(vm, lhs);
    decref(vm, rhs);
    /* fused with a following conditional jump */
    unsigned next = *ip;
    if ((next & 0xFF) == OP_POP_JUMP_IF_FALSE) {
      f->ip = ip++;
      if (!r) JUMPTO(next >> 8);
      DISPATCH();
    }
    if ((next & 0xFF) == OP_POP_JUMP_IF_TRUE) {
      f->ip = ip++;
      if (r) JUMPTO(next >> 8);
      DISPATCH();
    }
    PUSH(bool_new(r));
    DISPATCH();
  }

  TARGET(CONTAINS_OP) {
    SAVE_IP();
    Obj *container = POP();
    Obj *item = TOP();
    int r = obj_contains(vm, container, item);
    decref(vm, container);
    decref(vm, item);
    if (r < 0) {
      sp--;
      goto error;
    }
    SET_TOP(bool_new(r ^ (oparg != 0)));
    DISPATCH();
  }

  TARGET(BINARY_SUBSCR) {
    SAVE_IP();
    Obj *sub = POP();
    Obj *container = TOP();
    Obj *r = obj_getitem(vm, container, sub);
    decref(vm, container);
    decref(vm, sub);
    SET_TOP(r);
    if (!r) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(STORE_SUBSCR) {
    SAVE_IP();
    Obj *sub = TOP();
    Obj *container = SECOND();
    Obj *v = THIRD();
    sp -= 3;
    int r = obj_setitem(vm, container, sub, v);
    decref(vm, v);
    if (UNLIKELY(snap_refs) && r == 0) snap_ref_item(vm, container, sub);  /* vm/snapshot.c */
    decref(vm, container);
    decref(vm, sub);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(DELETE_SUBSCR) {
    SAVE_IP();
    Obj *sub = TOP();
    Obj *container = SECOND();
    sp -= 2;
    int r = obj_delitem(vm, container, sub);
    if (UNLIKELY(snap_refs) && r == 0) snap_ref_item(vm, container, NULL);  /* vm/snapshot.c */
    decref(vm, container);
    decref(vm, sub);
    if (r < 0) goto error;
    DISPATCH();
  }

  /* ---- building ------------------------------------------------ */
  TARGET(BUILD_SLICE) {
    SAVE_IP();
    Obj *step = oparg == 3 ? POP() : NULL;
    Obj *stop = POP();
    Obj *start = TOP();
    Obj *s = slice_new(vm, start, stop, step);
    decref(vm, start);
    decref(vm, stop);
    xdecref(vm, step);
    SET_TOP(s);
    if (!s) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(BUILD_TUPLE) {
    SAVE_IP();
    Obj *t = tuple_new(vm, oparg);
    if (!t) goto error;
    sp -= oparg;
    /* a few items: a loop, not a call to memcpy */
    for (Obj **dst = TUPLE_ITEMS(t), **end = dst + oparg, **src = sp; dst < end;)
      *dst++ = *src++;
    tuple_maybe_untrack(t);
    PUSH(t);
    DISPATCH();
  }

  TARGET(BUILD_LIST) {
    SAVE_IP();
    Obj *l = list_new(vm, oparg);
    if (!l) goto error;
    sp -= oparg;
    if (oparg) memcpy(LIST_ITEMS(l), sp, (size_t)oparg * sizeof(Obj *));
    PUSH(l);
    DISPATCH();
  }

  TARGET(BUILD_SET) {
    SAVE_IP();
    Obj *s = set_new(vm, NULL);
    int err = s ? 0 : -1;
    for (int i = oparg; i > 0; i--) {
      Obj *item = sp[-i];
      if (!err && set_add(vm, s, item) < 0) err = -1;
      decref(vm, item);
    }
    sp -= oparg;
    if (err) {
      xdecref(vm, s);
      goto error;
    }
    PUSH(s);
    DISPATCH();
  }

  TARGET(BUILD_MAP) {
    SAVE_IP();
    Obj *d = dict_new_presized(vm, oparg);
    int err = d ? 0 : -1;
    for (int i = oparg; i > 0; i--) {
      Obj *k = sp[-2 * i], *v = sp[-2 * i + 1];
      if (!err && dict_set(vm, d, k, v) < 0) err = -1;
    }
    for (int i = 0; i < 2 * oparg; i++) decref(vm, *--sp);
    if (err) {
      xdecref(vm, d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_CONST_KEY_MAP) {
    SAVE_IP();
    Obj *keys = POP();
    Obj *d = dict_new_presized(vm, oparg);
    int err = d ? 0 : -1;
    if (!err && (!tuple_check(keys) || TUPLE_SIZE(keys) != oparg)) {
      vm_raise(vm, &Exc_RuntimeError, "bad BUILD_CONST_KEY_MAP keys argument");
      err = -1;
    }
    for (int i = 0; i < oparg && !err; i++)
      if (dict_set(vm, d, TUPLE_GET(keys, i), sp[i - oparg]) < 0) err = -1;
    for (int i = 0; i < oparg; i++) decref(vm, *--sp);
    decref(vm, keys);
    if (err) {
      xdecref(vm, d);
      goto error;
    }
    PUSH(d);
    DISPATCH();
  }

  TARGET(BUILD_STRING) {
    SAVE_IP();
    Obj *s = str_join(vm, vm->empty_str, sp - oparg, oparg);
    for (int i = 0; i < oparg; i++) decref(vm, *--sp);
    if (!s) goto error;
    PUSH(s);
    DISPATCH();
  }

  TARGET(LIST_APPEND) {
    SAVE_IP();
    Obj *v = POP();
    Obj *l = sp[-oparg];
    int r = list_append(vm, l, v);
    decref(vm, v);
    if (r < 0) goto error;
    if (UNLIKELY(snap_refs)) snap_ref_append(vm, l);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(SET_ADD) {
    SAVE_IP();
    Obj *v = POP();
    int r = set_add(vm, sp[-oparg], v);
    decref(vm, v);
    if (r < 0) goto error;
    if (UNLIKELY(snap_refs)) snap_ref_item(vm, sp[-oparg], NULL);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(MAP_ADD) {
    SAVE_IP();
    Obj *v = POP();
    Obj *k = POP();
    int r = dict_set(vm, sp[-oparg], k, v);
    if (UNLIKELY(snap_refs) && r == 0) snap_ref_dict(vm, sp[-oparg], k);  /* vm/snapshot.c */
    decref(vm, k);
    decref(vm, v);
    if (r < 0) goto error;
    DISPATCH();
  }

  TARGET(LIST_EXTEND) {
    SAVE_IP();
    Obj *iterable = POP();
    Obj *l = sp[-oparg];
    int r = list_extend(vm, l, iterable);
    if (r < 0 && vm_exc_matches(vm, &Exc_TypeError) && !iterable->type->iter &&
        !iterable->type->getitem) {
      vm_exc_clear(vm);
      vm_raise(vm, &Exc_TypeError, "Value after * must be an iterable, not %s",
               obj_type_name(iterable));
    }
    decref(vm, iterable);
    if (r < 0) goto error;
    if (UNLIKELY(snap_refs)) snap_ref_append(vm, l);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(SET_UPDATE) {
    SAVE_IP();
    Obj *iterable = POP();
    int r = set_update(vm, sp[-oparg], iterable);
    decref(vm, iterable);
    if (r < 0) goto error;
    if (UNLIKELY(snap_refs)) snap_ref_item(vm, sp[-oparg], NULL);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(DICT_UPDATE) {
    SAVE_IP();
    Obj *update = POP();
    Obj *d = sp[-oparg];
    int r = dict_merge(vm, d, update, 1);
    if (r < 0 && vm_exc_matches(vm, &Exc_AttributeError)) {
      vm_exc_clear(vm);
      vm_raise(vm, &Exc_TypeError, "'%s' object is not a mapping",
               obj_type_name(update));
    }
    decref(vm, update);
    if (r < 0) goto error;
    if (UNLIKELY(snap_refs)) snap_ref_item(vm, d, NULL);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(DICT_MERGE) {
    SAVE_IP();
    Obj *update = POP();
    Obj *d = sp[-oparg];
    int r = dict_merge(vm, d, update, 2);
    if (r < 0) {
      Obj *func = sp[-oparg - 2];
      if (!func) func = sp[-oparg - 1];
      format_kwargs_error(vm, func, update);
    }
    decref(vm, update);
    if (r < 0) goto error;
    if (UNLIKELY(snap_refs)) snap_ref_item(vm, d, NULL);  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(LIST_TO_TUPLE) {
    SAVE_IP();
    Obj *l = TOP();
    Obj *t = list_as_tuple(vm, l);
    decref(vm, l);
    SET_TOP(t);
    if (!t) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(FORMAT_VALUE) {
    SAVE_IP();
    Obj *spec = (oparg & 4) ? POP() : NULL;
    Obj *v = TOP();
    Obj *conv = NULL;
    switch (oparg & 3) {
    case 1: conv = obj_str(vm, v); break;
    case 2: conv = obj_repr(vm, v); break;
    case 3: conv = str_ascii(vm, v); break;
    default: conv = incref(v); break;
    }
    decref(vm, v);
    if (!conv) {
      sp--;
      xdecref(vm, spec);
      goto error;
    }
    Obj *r;
    if (conv->type == &Str_Type && (!spec || STR_NBYTES(spec) == 0)) {
      r = conv;
    } else {
      r = obj_format(vm, conv, spec ? spec : vm->empty_str);
      decref(vm, conv);
    }
    xdecref(vm, spec);
    SET_TOP(r);
    if (!r) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(UNPACK_SEQUENCE) {
    SAVE_IP();
    Obj *seq = POP();
    if (seq->type == &Tuple_Type && TUPLE_SIZE(seq) == oparg) {
      Obj **items = TUPLE_ITEMS(seq);
      for (int i = oparg - 1; i >= 0; i--) PUSH(incref(items[i]));
    } else if (seq->type == &List_Type && LIST_SIZE(seq) == oparg) {
      Obj **items = LIST_ITEMS(seq);
      for (int i = oparg - 1; i >= 0; i--) PUSH(incref(items[i]));
    } else {
      if (unpack_iterable(vm, seq, oparg, -1, sp + oparg) < 0) {
        decref(vm, seq);
        goto error;
      }
      sp += oparg;
    }
    decref(vm, seq);
    DISPATCH();
  }

  TARGET(UNPACK_EX) {
    SAVE_IP();
    int before = oparg & 0xFF, after = oparg >> 8;
    Obj *seq = POP();
    int total = before + 1 + after;
    if (unpack_iterable(vm, seq, before, after, sp + total) < 0) {
      decref(vm, seq);
      goto error;
    }
    sp += total;
    decref(vm, seq);
    DISPATCH();
  }

  /* ---- control flow ------------------------------------------- */
  TARGET(GET_ITER) {
    SAVE_IP();
    Obj *v = TOP();
    Obj *it = obj_iter(vm, v);
    decref(vm, v);
    SET_TOP(it);
    if (!it) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(FOR_ITER) {
    SAVE_IP();
    Obj *it = TOP();
    if (it->type == &Generator_Type) {
      /* resume the generator's frame in this loop, as a call (gen.h) */
      GenObj *g = (GenObj *)it;
      FrameObj *gf = g->frame;
      if (LIKELY(gf && !g->running && !g->exc_state &&
                 vm->depth < vm->recursion_limit)) {
        *gf->sp++ = incref(None);
        g->running = 1;
        g->resumer_exc = xincref(vm->handled_exc);
        gf->rec_node = 0;
        gf->entry = 0;
        vm->depth++;
        f->sp = sp;
        gf->back = f;
        f = gf;
        vm->frame = f;
        LOAD_REGS();
        ip = f->ip + 1;
        sp = f->sp;
        f->sp = NULL;
        DISPATCH();
      }
    }
    Obj *next = it->type->iternext(vm, it);
    if (LIKELY(next != NULL)) {
      PUSH(next);
      DISPATCH();
    }
    if (vm->exc) {
      if (!vm_exc_matches(vm, &Exc_StopIteration)) goto error;
      vm_exc_clear(vm);
    }
    sp--;
    decref(vm, it);
    JUMPTO(oparg);
    DISPATCH();
  }

  TARGET(JUMP) {
    JUMPTO(oparg);
    if (UNLIKELY(snap_hooks)) { SAVE_IP(); f->sp = sp; snap_poll(vm, NULL); f->sp = NULL; }  /* vm/snapshot.c */
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_FALSE) {
    SAVE_IP();
    Obj *v = POP();
    if (v == False_) {
      JUMPTO(oparg);
    } else if (v != True_) {
      int t = obj_truthy(vm, v);
      decref(vm, v);
      if (t < 0) goto error;
      if (!t) JUMPTO(oparg);
      DISPATCH();
    }
    decref(vm, v);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_TRUE) {
    SAVE_IP();
    Obj *v = POP();
    if (v == True_) {
      JUMPTO(oparg);
    } else if (v != False_) {
      int t = obj_truthy(vm, v);
      decref(vm, v);
      if (t < 0) goto error;
      if (t) JUMPTO(oparg);
      DISPATCH();
    }
    decref(vm, v);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NONE) {
    SAVE_IP();
    Obj *v = POP();
    if (v == None) JUMPTO(oparg);
    decref(vm, v);
    DISPATCH();
  }

  TARGET(POP_JUMP_IF_NOT_NONE) {
    SAVE_IP();
    Obj *v = POP();
    if (v != None) JUMPTO(oparg);
    decref(vm, v);
    DISPATCH();
  }

  TARGET(JUMP_IF_FALSE_OR_POP) {
    SAVE_IP();
    Obj *v = TOP();
    int t = v == True_ ? 1 : v == False_ ? 0 : obj_truthy(vm, v);
    if (t < 0) goto error;
    if (!t) {
      JUMPTO(oparg);
    } else {
      sp--;
      decref(vm, v);
    }
    DISPATCH();
  }

  TARGET(JUMP_IF_TRUE_OR_POP) {
    SAVE_IP();
    Obj *v = TOP();
    int t = v == True_ ? 1 : v == False_ ? 0 : obj_truthy(vm, v);
    if (t < 0) goto error;
    if (t) {
      JUMPTO(oparg);
    } else {
      sp--;
      decref(vm, v);
    }
    DISPATCH();
  }

  /* ---- calls --------------------------------------------------- */
  TARGET(KW_NAMES) {
    kwnames = consts[oparg];
    DISPATCH();
  }

  TARGET(CALL) {
    SAVE_IP();
    Obj **base = sp - oparg - 2;
    Obj *callable;
    Obj **args;
    size_t nargs;
    Obj *kw = kwnames;
    kwnames = NULL;
    if (base[0]) {
      callable = base[0];
      args = base + 1;
      nargs = (size_t)oparg + 1;
    } else {
      callable = base[1];
      args = base + 2;
      nargs = (size_t)oparg;
      if (callable->type == &Method_Type) {
        MethodObj *m = (MethodObj *)callable;
        base[0] = incref(m->func);
        base[1] = incref(m->self);
        decref(vm, callable);
        callable = base[0];
        args = base + 1;
        nargs++;
      }
    }
    /* oparg counts the keyword arguments' values too */
    if (kw) nargs -= (size_t)TUPLE_SIZE(kw);
    if (callable->type == &Function_Type) {
      CodeObj *nco = (CodeObj *)((FunctionObj *)callable)->code;
      FrameObj *nf;
      if (LIKELY(!kw && nargs == (size_t)nco->argcount &&
                 !(nco->flags & (CO_VARARGS | CO_VARKEYWORDS)) &&
                 nco->kwonlyargcount == 0)) {
        /* the callee takes over the stack's references: the callable's
        ** and the arguments' */
        nf = frame_push_fast(vm, callable, nco, (int)nargs);
        if (UNLIKELY(!nf)) goto call_failed;
        for (size_t i = 0; i < nargs; i++) nf->localsplus[i] = args[i];
      } else {
        nf = frame_for_call(vm, callable, args, nargs, kw, true);
        if (UNLIKELY(!nf)) goto call_failed;
        /* the arguments moved into the callee; drop the callable slot */
        decref(vm, callable);
      }
      sp = base;
      f->sp = sp;
      nf->back = f;
      f = nf;
      vm->frame = f;
      goto start_frame;
    }
    {
      callfunc call = callable->type->call;
      Obj *res;
      f->sp = sp;
      if (LIKELY(call != NULL)) {
        res = call(vm, callable, args, nargs, kw);
        if (UNLIKELY(!res) && !vm->exc)
          vm_raise(vm, &Exc_SystemError,
                   "%s returned NULL without setting an exception",
                   obj_type_name(callable));
      } else {
        res = vm_raise(vm, &Exc_TypeError, "'%s' object is not callable",
                       obj_type_name(callable));
      }
      if (UNLIKELY(snap_hooks)) snap_after_call(vm, callable, args, nargs, res);  /* vm/snapshot.c */
      f->sp = NULL;
      for (Obj **p = base; p < sp; p++) xdecref(vm, *p);
      sp = base;
      if (UNLIKELY(!res)) goto error;
      PUSH(res);
      DISPATCH();
    }
  call_failed:
    for (Obj **p = base; p < sp; p++) xdecref(vm, *p);
    sp = base;
    goto error;
  }

  TARGET(CALL_FUNCTION_EX) {
    SAVE_IP();
    Obj *kwargs = (oparg & 1) ? POP() : NULL;
    Obj *callargs = POP();
    Obj *func = POP();
    Obj *null = POP();
    Obj *res = NULL;
    Obj *kwn = NULL;
    Obj **argv = NULL;
    size_t argc = 0, cap = 0;
    if (!tuple_check(callargs)) {
      if (!check_args_iterable(vm, func, callargs)) goto ex_done;
      Obj *t = seq_to_tuple(vm, callargs);
      if (!t) goto ex_done;
      decref(vm, callargs);
      callargs = t;
    }
    if (kwargs && !dict_check(kwargs)) {
      Obj *d = dict_new(vm);
      if (!d) goto ex_done;
      if (dict_merge(vm, d, kwargs, 2) < 0) {
        decref(vm, d);
        format_kwargs_error(vm, func, kwargs);
        goto ex_done;
      }
      decref(vm, kwargs);
      kwargs = d;
    }
    {
      size_t npos = (size_t)TUPLE_SIZE(callargs);
      size_t nk = kwargs ? (size_t)dict_size(kwargs) : 0;
      cap = npos + nk;
      Obj *small[16];
      argv = cap <= 16 ? small : ht_alloc(HT_TAG_VMINTERNAL, cap * sizeof(Obj *));
      if (!argv) {
        vm_raise_nomem(vm);
        goto ex_done;
      }
      memcpy(argv, TUPLE_ITEMS(callargs), npos * sizeof(Obj *));
      argc = npos;
      if (nk) {
        kwn = kwargs_to_kwnames(vm, kwargs, argv, npos);
        if (!kwn) goto ex_free;
      }
      if (func->type == &Function_Type) {
        FrameObj *nf = frame_for_call(vm, func, argv, argc, kwn, false);
        if (argv != small) ht_free(HT_TAG_VMINTERNAL, argv, cap * sizeof(Obj *));
        xdecref(vm, kwn);
        xdecref(vm, kwargs);
        decref(vm, callargs);
        decref(vm, func);
        xdecref(vm, null);
        if (!nf) goto error;
        f->sp = sp;
        nf->back = f;
        f = nf;
        vm->frame = f;
        goto start_frame;
      }
      f->sp = sp;
      res = obj_call(vm, func, argv, argc, kwn);
      if (UNLIKELY(snap_hooks)) snap_after_call(vm, func, argv, argc, res);  /* vm/snapshot.c */
      f->sp = NULL;
    ex_free:
      if (argv != small) ht_free(HT_TAG_VMINTERNAL, argv, cap * sizeof(Obj *));
    }
  ex_done:
    xdecref(vm, kwn);
    xdecref(vm, kwargs);
    decref(vm, callargs);
    decref(vm, func);
    xdecref(vm, null);
    if (!res) goto error;
    PUSH(res);
    DISPATCH();
  }

  TARGET(MAKE_FUNCTION) {
    SAVE_IP();
    Obj *code = POP();
    Obj *fn = function_new_in(vm, code, f->globals,
                              module_name_of(vm, co, f->globals));
    decref(vm, code);
    if (!fn) goto error;
    FunctionObj *func = (FunctionObj *)fn;
    if (oparg & 8) func->closure = POP();
    if (oparg & 4) {
      Obj *ann = POP();
      Obj *d = annotations_dict(vm, ann);
      decref(vm, ann);
      if (!d) {
        decref(vm, fn);
        goto error;
      }
      if (!func->dict) func->dict = dict_new(vm);
      int r = func->dict ? dict_set_cstr(vm, func->dict, "__annotations__", d) : -1;
      decref(vm, d);
      if (r < 0) {
        decref(vm, fn);
        goto error;
      }
    }
    if (oparg & 2) func->kwdefaults = POP();
    if (oparg & 1) func->defaults = POP();
    PUSH(fn);
    DISPATCH();
  }

  TARGET(RETURN_VALUE) {
    SAVE_IP();
    if (UNLIKELY(snap_hooks)) { f->sp = sp; snap_poll_return(vm); f->sp = NULL; }  /* vm/snapshot.c */
    Obj *ret = POP();
    while (sp > stack0) xdecref(vm, *--sp);
    if (f->entry) {
      frame_exit(vm, f);            /* vm->frame becomes f->back */
      vm->c_depth--;
      return ret;
    }
    if (UNLIKELY(f->gen != NULL)) {
      /* a generator resumed by FOR_ITER returns: its caller runs that
      ** FOR_ITER again and finds it exhausted (gen.h) */
      decref(vm, ret);
      goto gen_inline_end;
    }
    FrameObj *caller = f->back;
    if (LIKELY(f->ob.refcnt == 1 && f->func)) {
      /* frame_exit's common case, inline */
      vm->depth--;
      CodeObj *fco = co;
      size_t fsize = frame_size(fco);
      for (int i = 0, n = fco->nlocalsplus; i < n; i++) {
        Obj *v = lp[i];
        if (v) decref(vm, v);
      }
      decref(vm, f->func);
      vm->frame = caller;          /* the block's FREE is the caller's */
      decref(vm, (Obj *)fco);
      ht_free(HT_TAG_FRAME, GC_HEAD(f), fsize);
    } else {
      frame_exit(vm, f);
    }
    f = caller;
    vm->frame = f;
    LOAD_REGS();
    ip = f->ip + 1;
    sp = f->sp;
    f->sp = NULL;
    PUSH(ret);
    DISPATCH();
  }

  /* ---- exceptions --------------------------------------------- */
  TARGET(SETUP_FINALLY) {
    SAVE_IP();
    if (f->nblocks >= co->maxblocks) {
      vm_raise(vm, &Exc_RuntimeError, "block stack overflow in %S", co->qualname);
      goto error;
    }
    TryBlock *b = &FRAME_BLOCKS(f)[f->nblocks++];
    b->handler = oparg;
    b->level = (int)(sp - stack0);
    DISPATCH();
  }

  TARGET(POP_BLOCK) {
    if (f->nblocks > 0) f->nblocks--;
    DISPATCH();
  }

  TARGET(PUSH_EXC_INFO) {
    SAVE_IP();
    Obj *v = TOP();
    Obj *prev = vm->handled_exc ? vm->handled_exc : incref(None);
    vm->handled_exc = incref(v);
    SET_TOP(prev);
    PUSH(v);
    DISPATCH();
  }

  TARGET(POP_EXCEPT) {
    SAVE_IP();
    Obj *prev = POP();
    Obj *old = vm->handled_exc;
    if (prev == None) {
      decref(vm, prev);
      prev = NULL;
    }
    vm->handled_exc = prev;
    xdecref(vm, old);
    DISPATCH();
  }

  TARGET(CHECK_EXC_MATCH) {
    SAVE_IP();
    Obj *type = POP();
    Obj *exc = TOP();
    int r = exc_matches(vm, exc, type);
    decref(vm, type);
    if (r < 0) goto error;
    PUSH(bool_new(r));
    DISPATCH();
  }

  TARGET(RERAISE) {
    SAVE_IP();
    Obj *exc = POP();
    vm_exc_restore(vm, exc);
    goto exception_unwind;
  }

  TARGET(RAISE_VARARGS) {
    SAVE_IP();
    Obj *cause = NULL, *exc = NULL;
    switch (oparg) {
    case 2: cause = POP(); /* fallthrough */
    case 1: exc = POP(); /* fallthrough */
    default: break;
    }
    if (oparg == 0) {
      if (!vm->handled_exc) {
        vm_raise(vm, &Exc_RuntimeError, "No active exception to reraise");
        goto error;
      }
      vm_exc_restore(vm, incref(vm->handled_exc));
      goto exception_unwind;
    }
    exc_do_raise(vm, exc, cause, oparg == 2);
    xdecref(vm, exc);
    xdecref(vm, cause);
    goto error;
  }

  TARGET(LOAD_ASSERTION_ERROR) {
    PUSH(incref((Obj *)&Exc_AssertionError));
    DISPATCH();
  }

  /* ---- with statements (compile.c's compile_with) -------------- */
  TARGET(BEFORE_WITH) {
    /* [mgr] -> [bound __exit__, mgr.__enter__()]; the block pushed by the
    ** SETUP_FINALLY just before is dropped on failure (no __exit__ call) */
    SAVE_IP();
    Obj *mgr = TOP();
    Obj *enter = with_lookup_special(vm, mgr, "__enter__");
    if (!enter) {
      if (!vm->exc)
        vm_raise(vm, &Exc_TypeError,
                 "'%s' object does not support the context manager protocol",
                 obj_type_name(mgr));
      goto with_failed;
    }
    Obj *exitf = with_lookup_special(vm, mgr, "__exit__");
    if (!exitf) {
      if (!vm->exc)
        vm_raise(vm, &Exc_TypeError,
                 "'%s' object does not support the context manager protocol "
                 "(missed __exit__ method)", obj_type_name(mgr));
      decref(vm, enter);
      goto with_failed;
    }
    SET_TOP(exitf);
    decref(vm, mgr);
    f->sp = sp;
    Obj *res = obj_call(vm, enter, NULL, 0, NULL);
    f->sp = NULL;
    decref(vm, enter);
    if (!res) goto with_failed;
    PUSH(res);
    DISPATCH();
  with_failed:
    if (f->nblocks > 0) f->nblocks--;
    goto error;
  }

  TARGET(WITH_EXCEPT_START) {
    /* [exit, prev, exc] -> [exit, prev, exc, exit(type, exc, tb)] */
    SAVE_IP();
    Obj *exc = TOP();
    Obj *tb = exc_is_instance(exc) ? ((ExcObj *)exc)->traceback : NULL;
    Obj *args[3] = {(Obj *)exc->type, exc, tb ? tb : None};
    f->sp = sp;
    Obj *res = obj_call(vm, THIRD(), args, 3, NULL);
    f->sp = NULL;
    if (!res) goto error;
    PUSH(res);
    DISPATCH();
  }

  TARGET(LOAD_BUILD_CLASS) {
    SAVE_IP();
    Obj *bc = dict_get_cstr(vm, f->builtins, "__build_class__");
    if (!bc) {
      if (!vm_exc_occurred(vm))
        vm_raise(vm, &Exc_NameError, "__build_class__ not found");
      goto error;
    }
    PUSH(incref(bc));
    DISPATCH();
  }

  /* ---- modules ------------------------------------------------- */
  TARGET(IMPORT_NAME) {
    SAVE_IP();
    Obj *fromlist = POP();
    Obj *level = TOP();
    int lvl = 0;
    if (level && int_check(level)) lvl = (int)int_as_i64_unchecked(level);
    Obj *m = vm_import(vm, names[oparg], fromlist, lvl);
    decref(vm, fromlist);
    xdecref(vm, level);
    SET_TOP(m);
    if (!m) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  TARGET(IMPORT_FROM) {
    SAVE_IP();
    Obj *v = import_from(vm, TOP(), names[oparg]);
    if (!v) goto error;
    PUSH(v);
    DISPATCH();
  }

  TARGET(IMPORT_STAR) {
    SAVE_IP();
    Obj *m = POP();
    int r = import_star(vm, f, m);
    decref(vm, m);
    if (r < 0) goto error;
    DISPATCH();
  }

  /* ---- generators (vm/gen.c) ----------------------------------- */
  TARGET(RETURN_GENERATOR) {
    /* the frame becomes the generator's, suspended here; the call
    ** returns the generator */
    SAVE_IP();
    f->sp = sp;
    Obj *gen = gen_new(vm, f);
    if (UNLIKELY(!gen)) {
      f->sp = NULL;
      goto error;
    }
    vm->depth--;
    FrameObj *caller = f->back;
    f->back = NULL;
    if (f->entry) {
      f->entry = 0;
      vm->frame = caller;
      vm->c_depth--;
      return gen;
    }
    f = caller;
    vm->frame = f;
    LOAD_REGS();
    ip = f->ip + 1;
    sp = f->sp;
    f->sp = NULL;
    PUSH(gen);
    DISPATCH();
  }

  TARGET(YIELD_VALUE) {
    SAVE_IP();
    Obj *v = POP();
    f->sp = sp;
    if (!f->entry) {
      /* resumed in place by FOR_ITER: back to the caller, after it */
      GenObj *g = (GenObj *)f->gen;
      g->running = 0;
      if (UNLIKELY(g->resumer_exc || vm->handled_exc)) gen_inline_exc_swap(vm, g);
      FrameObj *caller = f->back;
      f->back = NULL;
      vm->depth--;
      f = caller;
      vm->frame = f;
      LOAD_REGS();
      ip = f->ip + 1;
      sp = f->sp;
      f->sp = NULL;
      PUSH(v);
      DISPATCH();
    }
    /* resumed by gen_send_ex (vm/gen.c) as vm_eval's entry frame */
    vm->frame = f->back;
    f->back = NULL;
    vm->depth--;
    vm->c_depth--;
    return v;
  }

  TARGET(SEND) {
    SAVE_IP();
    Obj *v = POP();
    Obj *r;
    f->sp = sp;
    GenStatus st = gen_send_any(vm, TOP(), v, &r);
    f->sp = NULL;
    decref(vm, v);
    if (st == GEN_YIELD) {
      PUSH(r);
      DISPATCH();
    }
    if (st == GEN_RETURN) {
      decref(vm, TOP());
      SET_TOP(r);
      JUMPTO(oparg);
      DISPATCH();
    }
    goto error;
  }

  TARGET(GET_YIELD_FROM_ITER) {
    SAVE_IP();
    Obj *v = TOP();
    Obj *it = gen_yield_from_iter(vm, v);
    decref(vm, v);
    SET_TOP(it);
    if (!it) {
      sp--;
      goto error;
    }
    DISPATCH();
  }

  /* ---- errors -------------------------------------------------- */
error:
  SAVE_IP();
  kwnames = NULL;
  if (!vm->exc)
    vm_raise(vm, &Exc_SystemError, "error return without exception set");
  exc_add_traceback(vm, f);
exception_unwind:
  kwnames = NULL;
  if (f->nblocks > 0) {
    TryBlock *b = &FRAME_BLOCKS(f)[--f->nblocks];
    Obj **level = stack0 + b->level;
    while (sp > level) xdecref(vm, *--sp);
    Obj *exc = vm_exc_fetch(vm);
    PUSH(exc);
    JUMPTO(b->handler);
    DISPATCH();
  }
  while (sp > stack0) xdecref(vm, *--sp);
  if (f->entry) {
    frame_exit(vm, f);              /* vm->frame becomes f->back */
    vm->c_depth--;
    return NULL;
  }
  if (UNLIKELY(f->gen != NULL)) goto gen_inline_end;
  {
    FrameObj *caller = f->back;
    frame_exit(vm, f);
    f = caller;
    vm->frame = f;
    LOAD_REGS();
    sp = f->sp;
    f->sp = NULL;
    goto error_in_caller;
  }
  /* The end of a generator's frame resumed in place by FOR_ITER, by
  ** return (no exception) or by an exception, which goes on in the
  ** caller at its FOR_ITER (re-run from its EXTENDED_ARG prefixes). */
gen_inline_end:
  {
    FrameObj *caller = f->back;
    GenObj *g = (GenObj *)f->gen;
    frame_exit(vm, f);              /* only marks it finished */
    gen_inline_finish(vm, g);       /* may free f */
    f = caller;
    vm->frame = f;
    LOAD_REGS();
    sp = f->sp;
    f->sp = NULL;
    if (vm->exc) goto error_in_caller;
    ip = f->ip;
    while (ip > code0 && (ip[-1] & 0xFF) == OP_EXTENDED_ARG) ip--;
    DISPATCH();
  }
error_in_caller:
  exc_add_traceback(vm, f);
  goto exception_unwind;

  (void)word;
  goto resume_frame;
}
#undef co
#undef code0
#undef stack0
#undef names
