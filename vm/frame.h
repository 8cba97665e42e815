/*
** frame.h -- frames, the evaluator, and the core's internal API.
**
** A frame is the activation record of one call: one FRAME-tagged arena block
** per call holding the FrameObj header, then `localsplus` (the code's
** nlocalsplus slots: arguments and locals, cells that are not arguments,
** free variables -- CPython 3.11's layout), then the value stack
** (co->stacksize slots), then the block stack (try blocks, co's
** SETUP_FINALLY count).  A GCHead sits in front of the block, as for every
** GC object, but a running frame is NOT tracked by the collector: it is a
** root.  The block is freed when the call returns, unless something else
** (a traceback, frame.f_back of an escaped frame) still refers to the frame;
** such an "escaped" frame keeps its locals, takes a reference to its caller
** and is tracked by the collector from then on, as CPython's take_ownership.
**
** Ownership while running: the evaluator owns one reference to the frame;
** `back` is borrowed (the caller is running below it); localsplus slots and
** value-stack slots are owned (NULL allowed: unbound locals, the NULL of the
** call protocol).
**
** Python-to-Python calls never recurse in C: CALL pushes a frame and the same
** C loop continues with it; RETURN_VALUE pops back to the caller.  C code
** that calls a Python function (sorted's key=, map, ...) enters vm_eval()
** again; each such entry is an "entry frame" and returns to C when it ends.
*/
#ifndef HT_FRAME_H
#define HT_FRAME_H

#include "vm.h"
#include "opcodes.h"

/* One try block: where to jump and how deep the value stack was. */
typedef struct TryBlock {
  int handler;                    /* code-unit index of the handler */
  int level;                      /* value-stack depth to unwind to */
} TryBlock;

typedef struct FrameObj {
  Obj ob;
  struct FrameObj *back;          /* caller: borrowed while running, owned once escaped */
  CodeObj *code;                  /* owned */
  Obj *func;                      /* owned function, NULL for module code */
  Obj *globals;                   /* dict: borrowed from func, owned if no func */
  Obj *builtins;                  /* dict: borrowed from func, owned if no func */
  Obj *locals;                    /* owned dict for module/class bodies, else NULL */
  const uint16_t *ip;             /* instruction being executed (for lines) */
  Obj **sp;                       /* value-stack top while a callee runs */
  uint32_t rec_node;              /* recorder stack node cached for rec_line */
  int rec_line;                   /* line rec_node was computed at; -1 none */
  int nblocks;                    /* try blocks in use */
  uint8_t entry;                  /* returning from it leaves vm_eval */
  uint8_t running;                /* still executing (not yet returned) */
  uint8_t owns_back;              /* back is an owned reference (escaped) */
  uint8_t resume;                 /* vm_eval entry: 0 start at the first
                                     instruction; a suspended generator
                                     frame (gen.c): 1 continue after ip
                                     (the sent value is pushed), 2 raise
                                     vm->exc at ip */
  Obj *gen;                       /* the generator owning this frame
                                     (borrowed), NULL for a call's frame */
  Obj *localsplus[];              /* locals, cells, frees, then the value stack */
} FrameObj;

/* Private superinstructions, only in CodeObj.xcode (never in `code`, so
** dis and co_code never see them): the first instruction of a pair is
** replaced, the second stays in place for jumps that land on it. */
enum {
  OPX_LOAD_FAST__LOAD_FAST = OP_COUNT,
  OPX_LOAD_FAST__LOAD_CONST,
  OPX_LOAD_CONST__LOAD_FAST,
  OPX_STORE_FAST__LOAD_FAST,
  OPX_STORE_FAST__STORE_FAST,
  OPX_END
};

#define FRAME_STACK(f) ((f)->localsplus + (f)->code->nlocalsplus)
/* The block stack lives after the value stack, in the same block. */
#define FRAME_BLOCKS(f) \
  ((TryBlock *)((f)->localsplus + (f)->code->nlocalsplus + (f)->code->stacksize))

/* ------------------------------------------------------------------ */
/* Frames (frame.c)                                                   */
/* ------------------------------------------------------------------ */

/* Bytes of the arena block of a frame for CO. */
static inline size_t frame_size(const CodeObj *co) {
  return sizeof(GCHead) + sizeof(FrameObj) +
         ((size_t)co->nlocalsplus + (size_t)co->stacksize) * sizeof(Obj *) +
         (size_t)co->maxblocks * sizeof(TryBlock);
}

/* The evaluator's fast path: a frame for calling FN (whose code is CO),
** taking over the caller's reference to FN; slots from NARGS on are
** NULL, the first NARGS are left for the caller to fill, and so is
** `back`.  NULL with
** RecursionError/MemoryError set (FN's reference is then not taken). */
__attribute__((always_inline))
static inline FrameObj *frame_push_fast(VM *vm, Obj *fn, CodeObj *co,
                                        int nargs) {
  if (__builtin_expect(vm->depth >= vm->recursion_limit, 0)) {
    vm_raise(vm, &Exc_RecursionError, "maximum recursion depth exceeded");
    return NULL;
  }
  size_t size = frame_size(co);
  GCHead *g = (GCHead *)ht_alloc(HT_TAG_FRAME, size);
  if (__builtin_expect(!g, 0)) {
    vm_raise_nomem(vm);
    return NULL;
  }
  g->next = NULL;                 /* untracked; gc_track sets the rest */
  FrameObj *f = (FrameObj *)GC_OBJ(g);
  f->ob.refcnt = 1;
  f->ob.type = &Frame_Type;
  f->code = (CodeObj *)incref((Obj *)co);
  f->func = fn;
  f->globals = ((FunctionObj *)fn)->globals;
  f->builtins = ((FunctionObj *)fn)->builtins;
  f->locals = NULL;
  f->ip = co->xcode;
  f->sp = NULL;
  f->rec_node = 0;
  f->nblocks = 0;
  f->entry = 0;
  f->running = 1;
  f->owns_back = 0;
  f->resume = 0;
  f->gen = NULL;
  for (int i = nargs, n = co->nlocalsplus; i < n; i++) f->localsplus[i] = NULL;
  vm->depth++;
  return f;
}

/* A new frame for CO with every slot NULL.  FUNC (may be NULL), GLOBALS,
** BUILTINS and LOCALS (may be NULL) are borrowed and increfed.  Checks the
** recursion limit.  NULL with RecursionError/MemoryError set. */
FrameObj *frame_new(VM *vm, CodeObj *co, Obj *func, Obj *globals,
                    Obj *builtins, Obj *locals);
/* Bind a call's arguments into F's argument slots with CPython's rules and
** error texts.  When STEAL, the references in ARGS are moved into F on
** success (the caller must not release them) and left alone on failure.
** Returns 0, or -1 with TypeError set. */
int frame_bind(VM *vm, FrameObj *f, Obj *const *args, size_t nargs,
               Obj *kwnames, bool steal);
/* A frame for calling function FUNC with these arguments (bound).  STEAL as
** frame_bind; the function reference is NOT stolen. */
FrameObj *frame_for_call(VM *vm, Obj *func, Obj *const *args, size_t nargs,
                         Obj *kwnames, bool steal);
/* The call of F is over: drop its locals and the evaluator's reference;
** free it, or let it escape if others hold it. */
void frame_exit(VM *vm, FrameObj *f);
/* Source line F is executing. */
int frame_line(FrameObj *f);

/* ------------------------------------------------------------------ */
/* The evaluator (eval.c)                                             */
/* ------------------------------------------------------------------ */

/* Run F (a fresh frame from frame_new/frame_for_call, whose reference this
** call consumes) to its end.  Returns the return value (new) or NULL with
** the exception set. */
Obj *vm_eval(VM *vm, FrameObj *f);

/* ------------------------------------------------------------------ */
/* Functions and code (func.c)                                        */
/* ------------------------------------------------------------------ */

/* A new function for CODE in GLOBALS (both borrowed). */
Obj *function_new(VM *vm, Obj *code, Obj *globals);
/* The same with its __module__ given (borrowed, may be NULL). */
Obj *function_new_in(VM *vm, Obj *code, Obj *globals, Obj *module);
/* The tp call of functions: a frame, evaluated (re-enters vm_eval). */
Obj *function_call(VM *vm, Obj *func, Obj *const *args, size_t nargs,
                   Obj *kwnames);
/* The name of localsplus slot I of CO (borrowed), and its kind. */
Obj *code_slot_name(CodeObj *co, int i);
bool code_slot_is_free(CodeObj *co, int i);

/* ------------------------------------------------------------------ */
/* Exceptions internals (exc.c)                                       */
/* ------------------------------------------------------------------ */

/* Every exception instance starts like this. */
typedef struct ExcObj {
  Obj ob;
  Obj *args;                      /* tuple (owned) */
  Obj *traceback;                 /* Traceback or NULL (owned) */
  Obj *context;                   /* implicit chain or NULL (owned) */
  Obj *cause;                     /* `raise ... from` or NULL (owned) */
  Obj *notes;                     /* __notes__ list or NULL (owned) */
  Obj *dict;                      /* instance attributes or NULL (owned) */
  bool suppress_context;          /* __suppress_context__ */
  Obj *extra[7];                  /* per-type fields (owned, NULL = None):
                                     SyntaxError msg filename lineno offset
                                     text end_lineno end_offset;
                                     StopIteration value; SystemExit code;
                                     NameError/AttributeError/ImportError name
                                     (AttributeError obj, ImportError path) */
} ExcObj;

typedef struct TracebackObj {
  Obj ob;
  Obj *next;                      /* inner traceback or NULL (owned) */
  FrameObj *frame;                /* owned */
  int lineno;                     /* line when the exception passed */
  int lasti;                      /* code-unit index */
} TracebackObj;

/* A new exception of TYPE with ARGS (a tuple, borrowed). */
Obj *exc_new(VM *vm, TypeObj *type, Obj *args);
/* Is O an exception class, an instance? */
bool exc_is_class(Obj *o);
bool exc_is_instance(Obj *o);
/* Record that the current exception passed through F at its current
** instruction (prepends a traceback entry). */
void exc_add_traceback(VM *vm, FrameObj *f);
/* Set the current exception to EXC (an instance; steals), chaining the
** handled exception as its __context__ as CPython does. */
void exc_set(VM *vm, Obj *exc);
/* `raise EXC from CAUSE` (either may be a class); CAUSE may be NULL (no
** from clause).  Returns NULL with the exception set. */
Obj *exc_do_raise(VM *vm, Obj *exc, Obj *cause, bool has_cause);
/* The exit status for an uncaught SystemExit in the current exception,
** printing its message as CPython does; clears the exception. */
int exc_system_exit_status(VM *vm);
/* Release the source-line cache. */
void exc_fini(VM *vm);

/* ------------------------------------------------------------------ */
/* Modules and import (module.c)                                      */
/* ------------------------------------------------------------------ */

/* import NAME (a str) as the IMPORT_NAME opcode does. */
Obj *vm_import(VM *vm, Obj *name, Obj *fromlist, int level);
/* A new module object named NAME (str, borrowed) with an empty dict
** holding __name__ and __doc__. */
Obj *module_new_named(VM *vm, Obj *name);

/* ------------------------------------------------------------------ */
/* Types (type.c)                                                     */
/* ------------------------------------------------------------------ */

/* Ready every static type of every component (vm_new). */
int types_ready_all(VM *vm);
/* Release the dicts/mros of every readied static type (vm_free). */
void types_fini(VM *vm);
/* A bound method (Method_Type) of FUNC to SELF. */
Obj *method_new(VM *vm, Obj *func, Obj *self);

typedef struct MethodObj {
  Obj ob;
  Obj *func;                      /* owned */
  Obj *self;                      /* owned */
} MethodObj;

/* Look NAME up on O for a call (CPython's _PyObject_GetMethod): 1 with
** *OUT an unbound function or method descriptor to call with O prepended,
** 0 with *OUT the attribute's value, -1 on error.  *OUT is new. */
int obj_get_method(VM *vm, Obj *o, Obj *name, Obj **out);

/* Pointer hash of O, as CPython's _Py_HashPointer. */
hash_t hash_pointer(const void *p);

#endif
