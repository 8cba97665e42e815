/*
** gen.c -- generator objects (see gen.h for the design).
**
** The protocol follows CPython 3.11's Objects/genobject.c: gen_send_ex is
** gen_send_ex2 (resume, report yield / return / error, PEP 479), throw and
** close delegate to the sub-iterator of a `yield from` (gen_yf), and a
** generator collected while suspended inside a try block is closed first
** so that its finally clauses run (CPython's _PyGen_Finalize); an error
** there is reported as "Exception ignored in: ...".
*/
#include "gen.h"
#include "gc.h"
#include "str.h"

/* Static names for the labelled edges of gen_traverse (snapshots). */
#define STATIC_NAME(var, text)                                              \
  static struct {                                                           \
    Obj ob; ssize length, nbytes; hash_t hash; uint8_t ascii, interned;     \
    char data[sizeof(text)];                                                \
  } var = {OBJ_STATIC_INIT(&Str_Type), sizeof(text) - 1, sizeof(text) - 1,  \
           -1, 1, 0, text}
STATIC_NAME(name_gi_frame, "gi_frame");
STATIC_NAME(name_gi_code, "gi_code");
STATIC_NAME(name_name, "__name__");
STATIC_NAME(name_qualname, "__qualname__");
STATIC_NAME(name_exc_state, "exc_state");

/* ------------------------------------------------------------------ */
/* Creation and the frame's end                                       */
/* ------------------------------------------------------------------ */

Obj *gen_new(VM *vm, FrameObj *f) {
  GenObj *g = (GenObj *)gc_alloc(vm, &Generator_Type, sizeof(GenObj));
  if (!g) return NULL;
  CodeObj *co = f->code;
  FunctionObj *fn = (FunctionObj *)f->func;
  g->frame = f;
  g->code = incref((Obj *)co);
  g->name = incref(fn ? fn->name : co->name);
  g->qualname = incref(fn ? fn->qualname : co->qualname);
  g->exc_state = NULL;
  g->resumer_exc = NULL;
  g->running = 0;
  f->gen = (Obj *)g;
  f->rec_node = 0;
  /* suspended, the frame is an ordinary object the collector must see */
  gc_track(vm, (Obj *)f);
  return (Obj *)g;
}

/* Drop G's frame: its value stack if it is still suspended, then the
** generator's reference (the block is freed unless a traceback or
** gi_frame holds it). */
static void gen_release_frame(VM *vm, GenObj *g) {
  FrameObj *f = g->frame;
  if (!f) return;
  g->frame = NULL;
  f->gen = NULL;
  if (f->running) {
    f->running = 0;
    if (f->sp) {
      Obj **base = FRAME_STACK(f);
      while (f->sp > base) {
        Obj *v = *--f->sp;
        xdecref(vm, v);
      }
    }
    if (!f->owns_back) f->back = NULL;
  }
  f->sp = NULL;
  decref(vm, (Obj *)f);
}

/* Is F suspended at its very start (RETURN_GENERATOR)? */
static bool just_started(FrameObj *f) {
  return (*f->ip & 0xFF) == OP_RETURN_GENERATOR;
}

/* Decode the instruction starting at code unit *I of CO (EXTENDED_ARG
** prefixes included): returns its opcode, sets *ARG, moves *I past it. */
static int decode(CodeObj *co, ssize *i, int *arg) {
  int a = 0;
  while (*i < co->ncode && (co->code[*i] & 0xFF) == OP_EXTENDED_ARG) {
    a = (a << 8) | (co->code[*i] >> 8);
    (*i)++;
  }
  if (*i >= co->ncode) return -1;
  int op = co->code[*i] & 0xFF;
  *arg = (a << 8) | (co->code[*i] >> 8);
  (*i)++;
  return op;
}

/* The sub-iterator G is suspended on in a `yield from` (borrowed), or
** NULL.  *SEND_TARGET receives the code unit SEND jumps to when it ends. */
static Obj *gen_yf(GenObj *g, int *send_target) {
  FrameObj *f = g->frame;
  if (!f || g->running || !f->sp || f->sp <= FRAME_STACK(f)) return NULL;
  CodeObj *co = f->code;
  ssize i = f->ip - co->xcode;
  int arg;
  if (decode(co, &i, &arg) != OP_YIELD_VALUE) return NULL;
  if (decode(co, &i, &arg) != OP_JUMP) return NULL;
  i = arg;
  if (decode(co, &i, &arg) != OP_SEND) return NULL;
  if (send_target) *send_target = arg;
  return f->sp[-1];
}

/* ------------------------------------------------------------------ */
/* Resuming                                                           */
/* ------------------------------------------------------------------ */

/* PEP 479: a StopIteration out of the frame becomes a RuntimeError. */
static void stop_iteration_to_runtime_error(VM *vm) {
  Obj *si = vm_exc_fetch(vm);
  Obj *msg = str_from_cstr(vm, "generator raised StopIteration");
  Obj *args = msg ? tuple_pack(vm, 1, msg) : NULL;
  xdecref(vm, msg);
  Obj *e = args ? exc_new(vm, &Exc_RuntimeError, args) : NULL;
  xdecref(vm, args);
  if (!e) {
    decref(vm, si);
    return;
  }
  ExcObj *ee = (ExcObj *)e;
  obj_setref(vm, &ee->cause, incref(si));
  obj_setref(vm, &ee->context, si);
  ee->suppress_context = true;
  vm_exc_restore(vm, e);
}

GenStatus gen_send_ex(VM *vm, GenObj *g, Obj *value, bool exc, Obj **result) {
  *result = NULL;
  if (g->running) {
    vm_raise(vm, &Exc_ValueError, "generator already executing");
    return GEN_ERROR;
  }
  FrameObj *f = g->frame;
  if (!f) {
    /* exhausted: send() returns None (StopIteration), next() and throw()
    ** report an error (next: none set, i.e. exhausted) */
    if (value && !exc) {
      *result = incref(None);
      return GEN_RETURN;
    }
    return GEN_ERROR;
  }
  if (!exc && value && value != None && just_started(f)) {
    vm_raise(vm, &Exc_TypeError, "can't send non-None value to a just-started generator");
    return GEN_ERROR;
  }
  if (vm->depth >= vm->recursion_limit) {
    vm_raise(vm, &Exc_RecursionError, "maximum recursion depth exceeded");
    return GEN_ERROR;
  }
  Obj **top = f->sp;
  if (!exc) *f->sp++ = incref(value ? value : None);
  f->resume = exc ? 2 : 1;
  f->rec_node = 0;                /* the stack above it may differ */
  vm->depth++;
  g->running = 1;
  incref((Obj *)g);
  /* the generator's handled exception replaces the caller's meanwhile */
  Obj *saved = xincref(vm->handled_exc);
  if (g->exc_state) {
    Obj *old = vm->handled_exc;
    vm->handled_exc = g->exc_state;
    g->exc_state = NULL;
    xdecref(vm, old);
    /* a thrown exception's __context__ is the one the generator handles */
    if (exc && vm->exc) exc_set(vm, vm_exc_fetch(vm));
  }

  Obj *r = vm_eval(vm, f);

  g->running = 0;
  Obj *cur = vm->handled_exc;
  vm->handled_exc = saved;
  if (f->running && cur != saved) g->exc_state = cur;
  else xdecref(vm, cur);
  GenStatus st;
  if (f->resume) {
    /* vm_eval refused to start (C stack exhausted): nothing ran */
    f->resume = 0;
    if (!exc) xdecref(vm, *top);
    f->sp = top;
    f->running = 1;               /* so that the release drops the stack */
  }
  if (r && f->running) {
    *result = r;
    st = GEN_YIELD;
  } else {
    gen_release_frame(vm, g);
    if (r) {
      *result = r;
      st = GEN_RETURN;
    } else {
      if (vm_exc_matches(vm, &Exc_StopIteration)) stop_iteration_to_runtime_error(vm);
      st = GEN_ERROR;
    }
  }
  decref(vm, (Obj *)g);
  return st;
}

/* The value of the current StopIteration (new; None when it has none),
** clearing it. */
static Obj *fetch_stop_value(VM *vm) {
  Obj *e = vm_exc_fetch(vm);
  Obj *v = ((ExcObj *)e)->extra[0];
  v = incref(v ? v : None);
  decref(vm, e);
  return v;
}

void gen_inline_exc_swap(VM *vm, GenObj *g) {
  /* give the caller back the exception it was handling; the generator
  ** keeps its own when it yields inside an except block */
  Obj *rx = g->resumer_exc;
  g->resumer_exc = NULL;
  Obj *cur = vm->handled_exc;
  if (cur == rx) {
    xdecref(vm, rx);
    return;
  }
  vm->handled_exc = rx;
  if (g->frame && g->frame->running) g->exc_state = cur;
  else xdecref(vm, cur);
}

void gen_inline_finish(VM *vm, GenObj *g) {
  g->running = 0;
  gen_release_frame(vm, g);       /* first: exc_state must stay NULL */
  gen_inline_exc_swap(vm, g);
  if (vm->exc && vm_exc_matches(vm, &Exc_StopIteration)) stop_iteration_to_runtime_error(vm);
}

GenStatus gen_send_any(VM *vm, Obj *recv, Obj *value, Obj **result) {
  if (gen_check(recv)) return gen_send_ex(vm, (GenObj *)recv, value, false, result);
  Obj *r;
  if (value == None && recv->type->iternext) r = recv->type->iternext(vm, recv);
  else r = obj_call_method(vm, recv, "send", &value, 1);
  if (r) {
    *result = r;
    return GEN_YIELD;
  }
  if (!vm->exc) {
    *result = incref(None);
    return GEN_RETURN;
  }
  if (vm_exc_matches(vm, &Exc_StopIteration)) {
    *result = fetch_stop_value(vm);
    return GEN_RETURN;
  }
  *result = NULL;
  return GEN_ERROR;
}

Obj *gen_yield_from_iter(VM *vm, Obj *o) {
  if (gen_check(o)) return incref(o);
  return obj_iter(vm, o);
}

/* ------------------------------------------------------------------ */
/* The protocol: __next__, send, throw, close                         */
/* ------------------------------------------------------------------ */

static Obj *gen_iternext(VM *vm, Obj *o) {
  GenObj *g = (GenObj *)o;
  if (!g->frame && !g->running) return NULL;
  Obj *r;
  GenStatus st = gen_send_ex(vm, g, NULL, false, &r);
  if (st == GEN_YIELD) return r;
  if (st == GEN_RETURN) {
    if (r != None) vm_raise_stop(vm, r);
    decref(vm, r);
  }
  return NULL;
}

/* send()'s result: the yielded value, or StopIteration(return value). */
static Obj *gen_send_result(VM *vm, GenStatus st, Obj *r) {
  if (st == GEN_YIELD) return r;
  if (st == GEN_RETURN) {
    vm_raise_stop(vm, r == None ? NULL : r);
    decref(vm, r);
  }
  return NULL;
}

static Obj *gen_m_send(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (args_check(vm, "send", nargs, kwnames, 1, 1) < 0) return NULL;
  Obj *r;
  GenStatus st = gen_send_ex(vm, (GenObj *)self, args[0], false, &r);
  return gen_send_result(vm, st, r);
}

static Obj *gen_close(VM *vm, GenObj *g);

/* Close the sub-iterator YF of a `yield from`: 0, or -1 with its error. */
static int gen_close_iter(VM *vm, Obj *yf) {
  if (gen_check(yf)) {
    Obj *r = gen_close(vm, (GenObj *)yf);
    if (!r) return -1;
    decref(vm, r);
    return 0;
  }
  Obj *meth = obj_getattr_cstr(vm, yf, "close");
  if (!meth) {
    if (!vm_exc_matches(vm, &Exc_AttributeError)) return -1;
    vm_exc_clear(vm);
    return 0;
  }
  Obj *r = obj_call0(vm, meth);
  decref(vm, meth);
  if (!r) return -1;
  decref(vm, r);
  return 0;
}

/* Resume G with the current exception thrown in; send()'s result. */
static Obj *gen_throw_here(VM *vm, GenObj *g) {
  Obj *r;
  GenStatus st = gen_send_ex(vm, g, NULL, true, &r);
  return gen_send_result(vm, st, r);
}

/* Throw EXC (an instance; steals) into G, through the sub-iterator of a
** `yield from` first (CPython's _gen_throw). */
static Obj *gen_throw_exc(VM *vm, GenObj *g, Obj *exc, bool close_on_genexit) {
  int send_target = 0;
  Obj *yf = gen_yf(g, &send_target);
  if (yf) {
    Obj *ret = NULL;
    incref(yf);
    if (close_on_genexit && obj_isinstance(exc, &Exc_GeneratorExit)) {
      g->running = 1;
      int err = gen_close_iter(vm, yf);
      g->running = 0;
      decref(vm, yf);
      if (err < 0) {
        decref(vm, exc);
        return gen_throw_here(vm, g);
      }
      goto throw_here;
    }
    if (gen_check(yf)) {
      g->running = 1;
      ret = gen_throw_exc(vm, (GenObj *)yf, exc, close_on_genexit);
      g->running = 0;
    } else {
      Obj *meth = obj_getattr_cstr(vm, yf, "throw");
      if (!meth) {
        if (!vm_exc_matches(vm, &Exc_AttributeError)) {
          decref(vm, yf);
          decref(vm, exc);
          return NULL;
        }
        vm_exc_clear(vm);
        decref(vm, yf);
        goto throw_here;
      }
      g->running = 1;
      ret = obj_call1(vm, meth, exc);
      g->running = 0;
      decref(vm, meth);
      decref(vm, exc);
    }
    decref(vm, yf);
    if (ret) return ret;
    /* the sub-iterator ended: leave the yield from (pop the receiver,
    ** continue at SEND's target) with its value, or raise its error here */
    FrameObj *f = g->frame;
    if (!f || g->running) return NULL;
    Obj *recv = *--f->sp;
    decref(vm, recv);
    f->ip = f->code->xcode + send_target - 1;
    if (vm_exc_matches(vm, &Exc_StopIteration)) {
      Obj *val = fetch_stop_value(vm);
      Obj *r;
      GenStatus st = gen_send_ex(vm, g, val, false, &r);
      decref(vm, val);
      return gen_send_result(vm, st, r);
    }
    return gen_throw_here(vm, g);
  }
throw_here:
  /* no __context__ from the caller: gen_send_ex chains the generator's */
  vm_exc_restore(vm, exc);
  return gen_throw_here(vm, g);
}

static Obj *gen_m_throw(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  if (kwnames && TUPLE_SIZE(kwnames) > 0)
    return vm_raise(vm, &Exc_TypeError, "throw() takes no keyword arguments");
  if (nargs < 1 || nargs > 3)
    return vm_raise(vm, &Exc_TypeError, "throw expected at least 1 argument, got %zu",
                    nargs);
  Obj *typ = args[0];
  Obj *val = nargs > 1 ? args[1] : None;
  Obj *tb = nargs > 2 ? args[2] : None;
  if (tb != None && tb->type != &Traceback_Type)
    return vm_raise(vm, &Exc_TypeError, "throw() third argument must be a traceback object");
  Obj *exc;
  if (exc_is_class(typ)) {
    if (val == None) exc = obj_call0(vm, typ);
    else if (obj_isinstance(val, (TypeObj *)typ)) exc = incref(val);
    else if (tuple_check(val)) exc = obj_call(vm, typ, TUPLE_ITEMS(val), (size_t)TUPLE_SIZE(val), NULL);
    else exc = obj_call1(vm, typ, val);
    if (!exc) return NULL;
    if (!exc_is_instance(exc)) {
      vm_raise(vm, &Exc_TypeError,
               "calling %R should have returned an instance of BaseException, not %s",
               typ, obj_type_name(exc));
      decref(vm, exc);
      return NULL;
    }
  } else if (exc_is_instance(typ)) {
    if (val != None)
      return vm_raise(vm, &Exc_TypeError, "instance exception may not have a separate value");
    exc = incref(typ);
  } else {
    return vm_raise(vm, &Exc_TypeError,
                    "exceptions must be classes or instances deriving from BaseException, "
                    "not %s", obj_type_name(typ));
  }
  if (tb != None) obj_setref(vm, &((ExcObj *)exc)->traceback, incref(tb));
  return gen_throw_exc(vm, (GenObj *)self, exc, true);
}

static Obj *gen_close(VM *vm, GenObj *g) {
  int err = 0;
  Obj *yf = gen_yf(g, NULL);
  if (yf) {
    incref(yf);
    g->running = 1;
    err = gen_close_iter(vm, yf);
    g->running = 0;
    decref(vm, yf);
  }
  if (err == 0) {
    /* GeneratorExit() without arguments, as CPython's PyErr_SetNone */
    Obj *e = exc_new(vm, &Exc_GeneratorExit, vm->empty_tuple);
    if (!e) return NULL;
    exc_set(vm, e);
  }
  Obj *r;
  GenStatus st = gen_send_ex(vm, g, NULL, true, &r);
  if (st == GEN_YIELD) {
    decref(vm, r);
    return vm_raise(vm, &Exc_RuntimeError, "generator ignored GeneratorExit");
  }
  if (st == GEN_RETURN) {
    decref(vm, r);
    return incref(None);
  }
  if (!vm->exc || vm_exc_matches(vm, &Exc_StopIteration) ||
      vm_exc_matches(vm, &Exc_GeneratorExit)) {
    vm_exc_clear(vm);
    return incref(None);
  }
  return NULL;
}

static Obj *gen_m_close(VM *vm, Obj *self, Obj *const *args, size_t nargs, Obj *kwnames) {
  (void)args;
  if (args_check(vm, "close", nargs, kwnames, 0, 0) < 0) return NULL;
  return gen_close(vm, (GenObj *)self);
}

/* ------------------------------------------------------------------ */
/* Finalization, the collector, the type                              */
/* ------------------------------------------------------------------ */

/* Must G run code when it is dropped?  Only when suspended somewhere a
** GeneratorExit could be caught (a try block) or forwarded (yield from). */
static bool gen_needs_close(GenObj *g) {
  FrameObj *f = g->frame;
  if (!f || g->running || just_started(f)) return false;
  return f->nblocks > 0 || gen_yf(g, NULL) != NULL;
}

/* close() G as it is dropped; an error is reported, not raised. */
static void gen_finalize(VM *vm, GenObj *g) {
  Obj *saved = vm_exc_fetch(vm);
  Obj *r = gen_close(vm, g);
  if (r) {
    decref(vm, r);
  } else {
    Obj *exc = vm_exc_fetch(vm);
    Obj *repr = obj_repr(vm, (Obj *)g);
    if (vm->exc) vm_exc_clear(vm);
    if (vm->out) fflush(vm->out);
    FILE *err = vm->err ? vm->err : stderr;
    fprintf(err, "Exception ignored in: %s\n", repr ? STR_UTF8(repr) : "<generator>");
    xdecref(vm, repr);
    vm_exc_restore(vm, exc);
    /* as CPython's unraisable hook: no traceback yet, the current line */
    if (exc && exc_is_instance(exc) && !((ExcObj *)exc)->traceback && vm->frame &&
        vm->frame->code)
      exc_add_traceback(vm, vm->frame);
    vm_print_exception(vm);
  }
  if (saved) vm_exc_restore(vm, saved);
}

bool gen_gc_finalize(VM *vm, Obj *o) {
  GenObj *g = (GenObj *)o;
  if (!gen_needs_close(g)) return false;
  gen_finalize(vm, g);
  return true;
}

static void gen_dealloc(VM *vm, Obj *o) {
  GenObj *g = (GenObj *)o;
  if (gen_needs_close(g)) {
    o->refcnt = 1;                /* alive while its finally clauses run */
    gen_finalize(vm, g);
    if (--o->refcnt > 0) return;  /* resurrected */
  }
  gc_untrack(o);
  gen_release_frame(vm, g);
  xdecref(vm, g->code);
  xdecref(vm, g->name);
  xdecref(vm, g->qualname);
  xdecref(vm, g->exc_state);
  xdecref(vm, g->resumer_exc);
  gc_free(vm, o, sizeof(GenObj));
}

static int gen_traverse(Obj *o, visitproc visit, void *arg) {
  GenObj *g = (GenObj *)o;
  int r;
  if (g->frame && (r = visit((Obj *)g->frame, EDGE_OTHER, 0, (Obj *)&name_gi_frame, arg)))
    return r;
  if (g->code && (r = visit(g->code, EDGE_OTHER, 1, (Obj *)&name_gi_code, arg))) return r;
  if (g->name && (r = visit(g->name, EDGE_OTHER, 2, (Obj *)&name_name, arg))) return r;
  if (g->qualname && (r = visit(g->qualname, EDGE_OTHER, 3, (Obj *)&name_qualname, arg)))
    return r;
  if (g->exc_state && (r = visit(g->exc_state, EDGE_OTHER, 4, (Obj *)&name_exc_state, arg)))
    return r;
  return 0;
}

static int gen_clear(VM *vm, Obj *o) {
  GenObj *g = (GenObj *)o;
  if (g->running) return 0;
  if (gen_needs_close(g)) gen_finalize(vm, g);
  gen_release_frame(vm, g);
  Obj *e = g->exc_state;
  g->exc_state = NULL;
  xdecref(vm, e);
  return 0;
}

static size_t gen_sizeof(Obj *o) {
  (void)o;
  return sizeof(GenObj);
}

static Obj *gen_repr(VM *vm, Obj *o) {
  return str_fromf(vm, "<generator object %S at %p>", ((GenObj *)o)->qualname, (void *)o);
}

static Obj *gen_iter(VM *vm, Obj *o) {
  (void)vm;
  return incref(o);
}

static Obj *gen_get_frame(VM *vm, Obj *o) {
  (void)vm;
  GenObj *g = (GenObj *)o;
  return incref(g->frame ? (Obj *)g->frame : None);
}
static Obj *gen_get_running(VM *vm, Obj *o) {
  (void)vm;
  return bool_new(((GenObj *)o)->running);
}
static Obj *gen_get_suspended(VM *vm, Obj *o) {
  (void)vm;
  GenObj *g = (GenObj *)o;
  return bool_new(g->frame && !g->running && !just_started(g->frame));
}
static Obj *gen_get_code(VM *vm, Obj *o) {
  (void)vm;
  return incref(((GenObj *)o)->code);
}
static Obj *gen_get_yieldfrom(VM *vm, Obj *o) {
  (void)vm;
  Obj *yf = gen_yf((GenObj *)o, NULL);
  return incref(yf ? yf : None);
}
static Obj *gen_get_name(VM *vm, Obj *o) {
  (void)vm;
  return incref(((GenObj *)o)->name);
}
static Obj *gen_get_qualname(VM *vm, Obj *o) {
  (void)vm;
  return incref(((GenObj *)o)->qualname);
}

static const MethodDef gen_methods[] = {
  {"send", gen_m_send, 0},
  {"throw", gen_m_throw, 0},
  {"close", gen_m_close, 0},
  {NULL, NULL, 0},
};

static const GetSetDef gen_getset[] = {
  {"gi_frame", gen_get_frame, NULL},
  {"gi_running", gen_get_running, NULL},
  {"gi_suspended", gen_get_suspended, NULL},
  {"gi_code", gen_get_code, NULL},
  {"gi_yieldfrom", gen_get_yieldfrom, NULL},
  {"__name__", gen_get_name, NULL},
  {"__qualname__", gen_get_qualname, NULL},
  {NULL, NULL, NULL},
};

TypeObj Generator_Type = {
  .ob = OBJ_STATIC_INIT(&Type_Type),
  .name = "generator",
  .tag = HT_TAG_GENERATOR,
  .basicsize = sizeof(GenObj),
  .flags = TF_GC,
  .dealloc = gen_dealloc,
  .sizeof_ = gen_sizeof,
  .traverse = gen_traverse,
  .clear = gen_clear,
  .repr = gen_repr,
  .iter = gen_iter,
  .iternext = gen_iternext,
  .methods = gen_methods,
  .getset = gen_getset,
};
