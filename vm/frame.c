/*
** frame.c -- frame objects: allocation from the FRAME arena, argument
** binding with CPython 3.11's rules and error texts, and the end of a call
** (free the frame, or let it escape when a traceback still holds it).
**
** Argument binding follows CPython's initialize_locals(): positional
** arguments fill the first co_argcount slots, the surplus goes to *args;
** keywords are matched by identity then equality against the parameters
** that may be given by keyword (unknown ones go to **kwargs or are an
** error); then "too many positional", then missing positional arguments
** (after defaults), then missing keyword-only arguments (after
** kwdefaults).  The function's __qualname__ names it in every message.
**
** The common call -- exactly co_argcount positional arguments, no keywords,
** no star parameters, no keyword-only parameters -- moves the caller's stack
** references straight into the new frame.
*/
#include <string.h>
#include "frame.h"
#include "gc.h"
#include "str.h"
#include "containers.h"

/* ------------------------------------------------------------------ */
/* Allocation                                                         */
/* ------------------------------------------------------------------ */

static Obj *recursion_error(VM *vm) {
  return vm_raise(vm, &Exc_RecursionError, "maximum recursion depth exceeded");
}

FrameObj *frame_new(VM *vm, CodeObj *co, Obj *func, Obj *globals,
                    Obj *builtins, Obj *locals) {
  if (__builtin_expect(vm->depth >= vm->recursion_limit, 0)) {
    recursion_error(vm);
    return NULL;
  }
  size_t nslots = (size_t)co->nlocalsplus + (size_t)co->stacksize;
  size_t size = frame_size(co);
  GCHead *g = ht_alloc(HT_TAG_FRAME, size);
  if (!g) {
    vm_raise_nomem(vm);
    return NULL;
  }
  g->next = g->prev = NULL;
  g->gc_refs = 0;
  FrameObj *f = (FrameObj *)GC_OBJ(g);
  f->ob.refcnt = 1;
  f->ob.type = &Frame_Type;
  f->back = NULL;
  f->code = (CodeObj *)incref((Obj *)co);
  f->func = xincref(func);
  /* with a function, its globals and builtins are borrowed from it */
  f->globals = func ? globals : incref(globals);
  f->builtins = func ? builtins : incref(builtins);
  f->locals = xincref(locals);
  f->ip = co->xcode;
  f->sp = NULL;
  (void)nslots;
  f->rec_node = 0;
  f->rec_line = -1;
  f->nblocks = 0;
  f->entry = 0;
  f->running = 1;
  f->owns_back = 0;
  f->resume = 0;
  f->gen = NULL;
  memset(f->localsplus, 0, (size_t)co->nlocalsplus * sizeof(Obj *));
  vm->depth++;
  return f;
}

static void frame_release_fields(VM *vm, FrameObj *f) {
  int n = f->code ? f->code->nlocalsplus : 0;
  for (int i = 0; i < n; i++) {
    Obj *v = f->localsplus[i];
    if (v) {
      f->localsplus[i] = NULL;
      decref(vm, v);
    }
  }
  bool owns = f->func == NULL;
  Obj *x[5] = {(Obj *)f->code, f->func, owns ? f->globals : NULL,
               owns ? f->builtins : NULL, f->locals};
  f->code = NULL;
  f->func = f->globals = f->builtins = f->locals = NULL;
  for (int i = 0; i < 5; i++) xdecref(vm, x[i]);
  if (f->owns_back && f->back) {
    FrameObj *b = f->back;
    f->back = NULL;
    f->owns_back = 0;
    decref(vm, (Obj *)b);
  }
}

void frame_exit(VM *vm, FrameObj *f) {
  /* What dies with the frame's locals is charged to the frame's own line;
  ** the frame block itself (and its code, if this was the last user) to
  ** the caller, which is current from then on. */
  FrameObj *after = vm->frame == f ? f->back : vm->frame;
  vm->depth--;
  f->running = 0;
  f->sp = NULL;
  if (__builtin_expect(f->gen != NULL, 0)) {
    /* A generator's frame: the generator owns it and releases it once
    ** the resume is over (gen.c); here it only stops running. */
    vm->frame = after;
    if (!f->owns_back) f->back = NULL;
    return;
  }
  if (f->ob.refcnt == 1) {
    /* The usual case: nobody else saw the frame. */
    CodeObj *co = f->code;
    size_t size = frame_size(co);
    Obj **lp = f->localsplus;
    for (int i = 0, n = co->nlocalsplus; i < n; i++) {
      Obj *v = lp[i];
      if (v) decref(vm, v);
    }
    if (f->func) {
      decref(vm, f->func);
    } else {
      decref(vm, f->globals);
      decref(vm, f->builtins);
    }
    xdecref(vm, f->locals);
    vm->frame = after;
    decref(vm, (Obj *)co);
    ht_free(HT_TAG_FRAME, GC_HEAD(f), size);
    return;
  }
  vm->frame = after;
  /* It escapes (a traceback holds it): it keeps its locals and now owns a
  ** reference to its caller, as CPython's take_ownership does. */
  f->ob.refcnt--;
  if (f->back) {
    incref((Obj *)f->back);
    f->owns_back = 1;
  }
  gc_track(vm, (Obj *)f);
}

int frame_line(FrameObj *f) {
  return code_line(f->code, f->ip - f->code->xcode);
}

/* ------------------------------------------------------------------ */
/* Argument binding                                                   */
/* ------------------------------------------------------------------ */

static Obj *fn_qualname(FrameObj *f) {
  return f->func ? ((FunctionObj *)f->func)->qualname : f->code->qualname;
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static Obj *name_list(VM *vm, Obj **names, int n) {
  StrBuf b;
  sb_init(&b);
  for (int i = 0; i < n; i++) {
    if (i > 0) {
      if (n == 2) sb_add(vm, &b, " and ", 5);
      else if (i == n - 1) sb_add(vm, &b, ", and ", 6);
      else sb_add(vm, &b, ", ", 2);
    }
    sb_addc(vm, &b, '\'');
    sb_addstr(vm, &b, names[i]);
    sb_addc(vm, &b, '\'');
  }
  return sb_finish(vm, &b);
}

static int missing_args(VM *vm, FrameObj *f, bool positional, int defcount) {
  CodeObj *co = f->code;
  int start, end;
  if (positional) {
    start = 0;
    end = co->argcount - defcount;
  } else {
    start = co->argcount;
    end = start + co->kwonlyargcount;
  }
  Obj *small[16];
  Obj **names = small;
  size_t cap = (size_t)(end - start);
  if (cap > 16) {
    names = ht_alloc(HT_TAG_VMINTERNAL, cap * sizeof(Obj *));
    if (!names) {
      vm_raise_nomem(vm);
      return -1;
    }
  }
  int n = 0;
  for (int i = start; i < end; i++) {
    if (f->localsplus[i]) continue;
    if (!positional) {
      FunctionObj *fn = (FunctionObj *)f->func;
      Obj *nm = TUPLE_GET(co->varnames, i);
      if (fn && fn->kwdefaults && dict_get(vm, fn->kwdefaults, nm)) continue;
    }
    names[n++] = TUPLE_GET(co->varnames, i);
  }
  Obj *list = name_list(vm, names, n);
  if (names != small) ht_free(HT_TAG_VMINTERNAL, names, cap * sizeof(Obj *));
  if (!list) return -1;
  vm_raise(vm, &Exc_TypeError, "%S() missing %d required %s argument%s: %S",
           fn_qualname(f), n, positional ? "positional" : "keyword-only",
           n == 1 ? "" : "s", list);
  decref(vm, list);
  return -1;
}

static int too_many_positional(VM *vm, FrameObj *f, size_t given, int defcount) {
  CodeObj *co = f->code;
  int kwonly_given = 0;
  for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
    if (f->localsplus[i]) kwonly_given++;
  char sig[64];
  bool plural;
  if (defcount) {
    snprintf(sig, sizeof sig, "from %d to %d", co->argcount - defcount, co->argcount);
    plural = true;
  } else {
    snprintf(sig, sizeof sig, "%d", co->argcount);
    plural = co->argcount != 1;
  }
  char kwsig[96] = "";
  if (kwonly_given)
    snprintf(kwsig, sizeof kwsig, " positional argument%s (and %d keyword-only argument%s)",
             given != 1 ? "s" : "", kwonly_given, kwonly_given != 1 ? "s" : "");
  vm_raise(vm, &Exc_TypeError, "%S() takes %s positional argument%s but %zu%s %s given",
           fn_qualname(f), sig, plural ? "s" : "", given, kwsig,
           (given == 1 && !kwonly_given) ? "was" : "were");
  return -1;
}

int frame_bind(VM *vm, FrameObj *f, Obj *const *args, size_t nargs,
               Obj *kwnames, bool steal) {
  CodeObj *co = f->code;
  FunctionObj *fn = (FunctionObj *)f->func;
  Obj **lp = f->localsplus;
  int argcount = co->argcount;
  int total = argcount + co->kwonlyargcount;
  ssize nkw = kwnames ? TUPLE_SIZE(kwnames) : 0;
  Obj *kwdict = NULL;
  if (co->flags & CO_VARKEYWORDS) {
    kwdict = dict_new(vm);
    if (!kwdict) return -1;
    lp[total + ((co->flags & CO_VARARGS) ? 1 : 0)] = kwdict;
  }
  size_t n = nargs < (size_t)argcount ? nargs : (size_t)argcount;
  for (size_t i = 0; i < n; i++) lp[i] = incref(args[i]);
  if (co->flags & CO_VARARGS) {
    Obj *t = tuple_from_array(vm, args + n, (ssize)(nargs - n));
    if (!t) return -1;
    lp[total] = t;
  }
  for (ssize k = 0; k < nkw; k++) {
    Obj *name = TUPLE_GET(kwnames, k);
    Obj *value = args[nargs + k];
    if (!str_check(name)) {
      vm_raise(vm, &Exc_TypeError, "%S() keywords must be strings", fn_qualname(f));
      return -1;
    }
    int j;
    Obj *const *vn = TUPLE_ITEMS(co->varnames);
    for (j = co->posonlyargcount; j < total; j++)
      if (vn[j] == name) goto found;
    for (j = co->posonlyargcount; j < total; j++)
      if (str_eq(vn[j], name)) goto found;
    /* not a parameter that may be passed by keyword */
    if (kwdict) {
      if (dict_set(vm, kwdict, name, value) < 0) return -1;
      continue;
    }
    for (j = 0; j < co->posonlyargcount; j++)
      if (str_eq(vn[j], name)) break;
    if (j < co->posonlyargcount) {
      /* gather every positional-only name passed as keyword */
      StrBuf b;
      sb_init(&b);
      bool first = true;
      for (ssize kk = 0; kk < nkw; kk++) {
        Obj *nm = TUPLE_GET(kwnames, kk);
        for (int p = 0; p < co->posonlyargcount; p++)
          if (str_check(nm) && str_eq(vn[p], nm)) {
            if (!first) sb_add(vm, &b, ", ", 2);
            first = false;
            sb_addstr(vm, &b, nm);
            break;
          }
      }
      Obj *s = sb_finish(vm, &b);
      if (!s) return -1;
      vm_raise(vm, &Exc_TypeError,
               "%S() got some positional-only arguments passed as keyword "
               "arguments: '%S'", fn_qualname(f), s);
      decref(vm, s);
      return -1;
    }
    vm_raise(vm, &Exc_TypeError, "%S() got an unexpected keyword argument '%S'",
             fn_qualname(f), name);
    return -1;
  found:
    if (lp[j]) {
      vm_raise(vm, &Exc_TypeError, "%S() got multiple values for argument '%S'",
               fn_qualname(f), name);
      return -1;
    }
    lp[j] = incref(value);
  }
  int defcount = (fn && fn->defaults) ? (int)TUPLE_SIZE(fn->defaults) : 0;
  if (nargs > (size_t)argcount && !(co->flags & CO_VARARGS))
    return too_many_positional(vm, f, nargs, defcount);
  if (nargs < (size_t)argcount) {
    int m = argcount - defcount;
    for (int i = (int)nargs; i < m; i++)
      if (!lp[i]) return missing_args(vm, f, true, defcount);
    for (int i = m > (int)nargs ? m : (int)nargs; i < argcount; i++)
      if (!lp[i]) lp[i] = incref(TUPLE_GET(fn->defaults, i - m));
  }
  if (co->kwonlyargcount > 0) {
    bool missing = false;
    for (int i = argcount; i < total; i++) {
      if (lp[i]) continue;
      Obj *nm = TUPLE_GET(co->varnames, i);
      Obj *d = (fn && fn->kwdefaults) ? dict_get(vm, fn->kwdefaults, nm) : NULL;
      if (d) lp[i] = incref(d);
      else if (vm_exc_occurred(vm)) return -1;
      else missing = true;
    }
    if (missing) return missing_args(vm, f, false, 0);
  }
  if (steal)
    for (size_t i = 0; i < nargs + (size_t)nkw; i++) decref(vm, args[i]);
  return 0;
}

FrameObj *frame_for_call(VM *vm, Obj *func, Obj *const *args, size_t nargs,
                         Obj *kwnames, bool steal) {
  FunctionObj *fn = (FunctionObj *)func;
  CodeObj *co = (CodeObj *)fn->code;
  if (!kwnames && nargs == (size_t)co->argcount && co->kwonlyargcount == 0 &&
      !(co->flags & (CO_VARARGS | CO_VARKEYWORDS))) {
    FrameObj *f = frame_push_fast(vm, func, co, (int)nargs);
    if (!f) return NULL;
    incref(func);
    f->back = NULL;
    Obj **lp = f->localsplus;
    if (steal) {
      for (size_t i = 0; i < nargs; i++) lp[i] = args[i];
    } else {
      for (size_t i = 0; i < nargs; i++) lp[i] = incref(args[i]);
    }
    return f;
  }
  FrameObj *f = frame_new(vm, co, func, fn->globals, fn->builtins, NULL);
  if (!f) return NULL;
  if (frame_bind(vm, f, args, nargs, kwnames, steal) < 0) {
    frame_exit(vm, f);
    return NULL;
  }
  return f;
}

/* ------------------------------------------------------------------ */
/* The frame type (escaped frames, tracebacks' tb_frame)              */
/* ------------------------------------------------------------------ */

static void frame_dealloc(VM *vm, Obj *o) {
  FrameObj *f = (FrameObj *)o;
  gc_untrack(o);
  /* chains of escaped frames (f_back) are as long as the recursion */
  if (!trash_begin(vm, o)) return;
  size_t size = frame_size(f->code);
  frame_release_fields(vm, f);
  ht_free(HT_TAG_FRAME, GC_HEAD(f), size);
  trash_end(vm);
}

static int frame_traverse(Obj *o, visitproc visit, void *arg) {
  FrameObj *f = (FrameObj *)o;
  CodeObj *co = f->code;
  int r;
  if (!co) return 0;
  int firstfree = co->nlocalsplus - co->nfreevars;
  for (int i = 0; i < co->nlocalsplus; i++) {
    Obj *v = f->localsplus[i];
    if (!v) continue;
    EdgeKind k = i < co->nlocals ? EDGE_LOCAL
                 : i >= firstfree ? EDGE_FREEVAR : EDGE_CELLVAR;
    if (i < co->nlocals && v->type == &Cell_Type) k = EDGE_CELLVAR;
    if ((r = visit(v, k, i, code_slot_name(co, i), arg))) return r;
  }
  if (f->sp) {
    Obj **base = FRAME_STACK(f);
    for (Obj **p = base; p < f->sp; p++)
      if (*p && (r = visit(*p, EDGE_STACK, p - base, NULL, arg))) return r;
  }
  if (f->back && f->owns_back &&
      (r = visit((Obj *)f->back, EDGE_BACK, 0, NULL, arg)))
    return r;
  if ((r = visit((Obj *)co, EDGE_CODE, 0, NULL, arg))) return r;
  if (f->func && (r = visit(f->func, EDGE_FUNC, 0, NULL, arg))) return r;
  if (!f->func) {
    /* otherwise they are the function's, visited through it */
    if (f->globals && (r = visit(f->globals, EDGE_GLOBALS, 0, NULL, arg))) return r;
    if (f->builtins && (r = visit(f->builtins, EDGE_OTHER, 0, NULL, arg))) return r;
  }
  if (f->locals && (r = visit(f->locals, EDGE_DICT, 0, NULL, arg))) return r;
  return 0;
}

static int frame_clear_(VM *vm, Obj *o) {
  FrameObj *f = (FrameObj *)o;
  if (f->running) return 0;
  CodeObj *co = f->code;
  if (co)
    for (int i = 0; i < co->nlocalsplus; i++) {
      Obj *v = f->localsplus[i];
      f->localsplus[i] = NULL;
      xdecref(vm, v);
    }
  if (f->owns_back && f->back) {
    FrameObj *b = f->back;
    f->back = NULL;
    f->owns_back = 0;
    decref(vm, (Obj *)b);
  }
  Obj *l = f->locals;
  f->locals = NULL;
  xdecref(vm, l);
  return 0;
}

static size_t frame_sizeof(Obj *o) {
  return frame_size(((FrameObj *)o)->code) - sizeof(GCHead);
}

static Obj *frame_repr(VM *vm, Obj *o) {
  FrameObj *f = (FrameObj *)o;
  if (!f->code) return str_fromf(vm, "<frame at %p, cleared>", (void *)o);
  return str_fromf(vm, "<frame at %p, file '%S', line %d, code %S>", (void *)o,
                   f->code->filename, frame_line(f), f->code->name);
}

/* A dict of F's variables (locals(), f_locals): the locals dict for module
** and class bodies, else a snapshot of the bound slots (cells read
** through). */
Obj *frame_locals_dict(VM *vm, FrameObj *f);
Obj *frame_locals_dict(VM *vm, FrameObj *f) {
  if (f->locals) return incref(f->locals);
  CodeObj *co = f->code;
  Obj *d = dict_new(vm);
  if (!d) return NULL;
  for (int i = 0; i < co->nlocalsplus; i++) {
    Obj *v = f->localsplus[i];
    if (!v) continue;
    bool is_cell = i >= co->nlocals;
    if (!is_cell)
      for (int k = 0; k < co->ncellvars; k++)
        if (co->cell2slot[k] == i) is_cell = true;
    if (is_cell && v->type == &Cell_Type) {
      v = ((CellObj *)v)->ref;
      if (!v) continue;
    }
    if (dict_set(vm, d, code_slot_name(co, i), v) < 0) {
      decref(vm, d);
      return NULL;
    }
  }
  return d;
}

#define FR(o) ((FrameObj *)(o))
static Obj *f_code(VM *vm, Obj *o) { return incref((Obj *)FR(o)->code); }
static Obj *f_lineno(VM *vm, Obj *o) { return int_from_i64(vm, frame_line(FR(o))); }
static Obj *f_lasti(VM *vm, Obj *o) {
  return int_from_i64(vm, 2 * (FR(o)->ip - FR(o)->code->xcode));
}
static Obj *f_back(VM *vm, Obj *o) {
  return FR(o)->back ? incref((Obj *)FR(o)->back) : none_new();
}
static Obj *f_globals(VM *vm, Obj *o) { return incref(FR(o)->globals); }
static Obj *f_builtins(VM *vm, Obj *o) { return incref(FR(o)->builtins); }
static Obj *f_locals(VM *vm, Obj *o) { return frame_locals_dict(vm, FR(o)); }
#undef FR

static const GetSetDef frame_getset[] = {
  {"f_code", f_code, NULL},
  {"f_lineno", f_lineno, NULL},
  {"f_lasti", f_lasti, NULL},
  {"f_back", f_back, NULL},
  {"f_globals", f_globals, NULL},
  {"f_builtins", f_builtins, NULL},
  {"f_locals", f_locals, NULL},
  {NULL, NULL, NULL},
};

TypeObj Frame_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "frame",
  .tag = HT_TAG_FRAME,
  .basicsize = sizeof(FrameObj),
  .flags = TF_GC,
  .dealloc = frame_dealloc,
  .sizeof_ = frame_sizeof,
  .traverse = frame_traverse,
  .clear = frame_clear_,
  .repr = frame_repr,
  .getset = frame_getset,
};
