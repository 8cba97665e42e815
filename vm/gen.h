/*
** gen.h -- generator objects: a suspended frame and the protocol that
** resumes it (send, throw, close, next).
**
** Calling a generator function runs its prologue (MAKE_CELL,
** COPY_FREE_VARS) and then RETURN_GENERATOR, which hands the frame -- the
** FRAME-tagged block frame_push_fast allocated for the call -- to a new
** generator object (tag GENERATOR) and returns the generator to the caller.
** From then on the generator owns the frame's one reference: the frame is
** tracked by the cycle collector (a suspended frame is an ordinary object,
** not a root), `frame->gen` points back at the generator (borrowed), and
** `frame->running` stays 1 until the code returns or raises.
**
** Resuming pushes the sent value on the frame's value stack (or sets the
** exception to throw) and enters vm_eval() with the frame as an entry
** frame (frame->resume says how).  YIELD_VALUE leaves vm_eval with the
** yielded value and the frame still running; RETURN_VALUE or an uncaught
** exception ends the frame (frame_exit only marks a generator's frame
** finished), and the generator then drops its reference: the frame block
** is freed unless a traceback still holds it.  A StopIteration escaping the
** frame becomes RuntimeError("generator raised StopIteration") (PEP 479).
**
** `yield from` is GET_YIELD_FROM_ITER, LOAD_CONST None, then a loop of
** SEND / YIELD_VALUE / JUMP: while suspended there, the receiver is the top
** of the frame's stack, and throw()/close() are forwarded to it.
**
** The exception being handled (sys.exc_info()) is swapped in and out on
** every resume: exc_state keeps the generator's across a yield.
**
** A for loop over a generator resumes it without recursing in C: FOR_ITER
** pushes the generator's frame on the evaluator's frame chain as a call
** does (see gen_inline_finish below).
*/
#ifndef HT_GEN_H
#define HT_GEN_H

#include "frame.h"

typedef struct GenObj {
  Obj ob;
  FrameObj *frame;                /* owned; NULL once the code has finished */
  Obj *code;                      /* CodeObj: gi_code (owned) */
  Obj *name;                      /* str __name__ (owned) */
  Obj *qualname;                  /* str __qualname__ (owned) */
  Obj *exc_state;                 /* exception handled in the generator when it
                                     last yielded, or NULL (owned) */
  Obj *resumer_exc;               /* vm->handled_exc when FOR_ITER resumed
                                     it in place, until it yields (owned) */
  uint8_t running;                /* gi_running: being resumed right now */
} GenObj;

/* What a resume ended with. */
typedef enum GenStatus {
  GEN_YIELD,                      /* *result: the yielded value (new) */
  GEN_RETURN,                     /* *result: the return value (new) */
  GEN_ERROR                       /* exception set, *result NULL */
} GenStatus;

/* RETURN_GENERATOR: a generator owning F (the running frame of a generator
** function, suspended at its current instruction with f->sp set); takes
** over the evaluator's reference to F.  NULL with MemoryError set (F is
** then untouched). */
Obj *gen_new(VM *vm, FrameObj *f);

/* Resume G.  With EXC false, VALUE (borrowed) is sent; with EXC true the
** current exception is thrown in at the suspension point. */
GenStatus gen_send_ex(VM *vm, GenObj *g, Obj *value, bool exc, Obj **result);

/* SEND: send VALUE (borrowed) to RECV, a generator or any iterator (None
** goes through __next__, anything else through .send()).  A StopIteration
** out of RECV is turned into GEN_RETURN with its value. */
GenStatus gen_send_any(VM *vm, Obj *recv, Obj *value, Obj **result);

/* FOR_ITER over a generator resumes its frame in the same evaluator loop
** (no C recursion) when it is not running and has no exception state of
** its own.  YIELD_VALUE in such a frame returns to the caller after its
** FOR_ITER, calling gen_inline_exc_swap when either the caller or the
** generator has an exception being handled; when the frame ends (return or exception),
** gen_inline_finish ends the generator (PEP 479 included) and the caller
** runs FOR_ITER again, which finds the generator exhausted. */
void gen_inline_exc_swap(VM *vm, GenObj *g);
void gen_inline_finish(VM *vm, GenObj *g);

/* GET_YIELD_FROM_ITER: O itself when a generator, else iter(O) (new). */
Obj *gen_yield_from_iter(VM *vm, Obj *o);

static inline bool gen_check(Obj *o) { return o->type == &Generator_Type; }

/* The collector's finalizer pass: close() a suspended generator that must
** run code when dropped (a pending finally, a yield from), reporting an
** error as unraisable.  Returns whether it ran. */
bool gen_gc_finalize(VM *vm, Obj *o);

#endif
