/*
** vm.h -- the VM state.  One VM runs one program; everything the VM owns is
** reachable from here, and vm_free() releases all of it, so the debug arena
** can check every tag for zero live blocks at teardown.
**
** Fields are grouped by the module that owns them; other modules read them
** only through the functions declared in object.h.
*/
#ifndef HT_VM_H
#define HT_VM_H

#include <stdio.h>
#include "object.h"

struct FrameObj;

typedef struct GCState {
  GCHead head;                    /* list of tracked objects (sentinel) */
  ssize count;                    /* allocations since the last collection */
  ssize threshold;                /* collect when count exceeds this */
  bool enabled;                   /* gc.enable()/gc.disable() */
  bool collecting;                /* re-entrancy guard */
} GCState;

struct VM {
  /* core */
  Obj *exc;                       /* the exception being raised, or NULL (owned) */
  Obj *handled_exc;               /* sys.exc_info() while in an except block (owned) */
  struct FrameObj *frame;         /* innermost executing frame (borrowed) */
  int depth;                      /* Python call depth */
  int recursion_limit;            /* sys.getrecursionlimit() */
  int c_depth;                    /* C-level re-entrancy depth of the evaluator */
  Obj *builtins;                  /* the builtins module's dict (owned) */
  Obj *modules;                   /* dict name -> module (owned) */
  Obj *main_module;               /* __main__ (owned) */
  Obj *argv;                      /* list for sys.argv (owned) */
  Obj *script_dir;                /* str: folder of the main script (owned) */
  GCState gc;                     /* the cycle collector */
  bool tracing;                   /* a recorder is open */
  uint32_t stack_node_cache;      /* last stack node handed to the recorder */

  /* text */
  Obj *interned;                  /* dict str -> str (owned) */
  Obj *empty_str;                 /* "" (owned) */
  Obj *char_cache[128];           /* one-character ASCII strs (owned) */

  /* containers */
  Obj *empty_tuple;               /* () (owned) */

  /* modules */
  Obj *sys_stdout;                /* sys.stdout (owned) */
  Obj *sys_stderr;                /* sys.stderr (owned) */
  FILE *out;                      /* where sys.stdout writes */
  FILE *err;                      /* where sys.stderr writes */
};

/* Create a VM.  ARGC/ARGV become sys.argv; SCRIPT is the main script's path.
** Returns NULL if memory runs out during start-up. */
VM *vm_new(int argc, char **argv, const char *script);
/* Tear the VM down, releasing every object it owns. */
void vm_free(VM *vm);

/* Compile and run SOURCE (NBYTES) as module __main__ from FILENAME.
** Returns the process exit status: 0, 1 after an uncaught exception (the
** traceback is printed to stderr), or the SystemExit code. */
int vm_run_main(VM *vm, const char *filename, const char *source, size_t nbytes);

/* Print the current exception with a CPython-style traceback to stderr
** and clear it. */
void vm_print_exception(VM *vm);

#endif
