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

/* The cycle collector's state: three generations, as CPython's.  `head`
** is generation 0 (where gc_track puts new objects); gen[1] and gen[2] are
** the older ones.  count is generation 0's allocations minus deallocations;
** gen_count[i] (i >= 1) counts collections of the younger generation since
** generation i was last collected. */
typedef struct GCState {
  GCHead head;                    /* list of tracked objects (sentinel) */
  ssize count;                    /* allocations since the last collection */
  ssize threshold;                /* collect when count exceeds this */
  bool enabled;                   /* gc.enable()/gc.disable() */
  bool collecting;                /* re-entrancy guard */
  GCHead gen[3];                  /* gen[1], gen[2]: older lists (gen[0] unused: head) */
  ssize gen_count[3];             /* [1], [2]: younger collections since */
  ssize gen_threshold[3];         /* 700, 10, 10 */
  ssize long_lived_total;         /* objects in gen 2 after the last full collection */
  ssize long_lived_pending;       /* objects moved to gen 2 since */
  ssize collected_total;          /* unreachable objects found, all runs */
  ssize collections;              /* collections run */
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
  Obj *nomem_exc;                 /* preallocated MemoryError instance (owned) */
  char *c_stack_limit;            /* lowest address the evaluator may recurse to */
  TypeObj **ready_types;          /* static types readied (VMINTERNAL block) */
  ssize nready_types, ready_cap;  /* entries used / allocated */
  Obj *source_cache;              /* dict filename -> list of source lines (owned) */
  Obj *main_source;               /* str: the main script's text, or NULL (owned) */
  Obj *str_main;                  /* interned "__main__" etc. (borrowed, interned) */
  Obj *str_name, *str_doc, *str_builtins_key, *str_init, *str_new;

  /* text */
  Obj *interned;                  /* dict str -> str (owned) */
  Obj *empty_str;                 /* "" (owned) */
  Obj *char_cache[128];           /* one-character ASCII strs (owned) */
  Obj *str_pos_str;               /* last non-ASCII str indexed (borrowed;
                                     cleared when that str is freed) */
  ssize str_pos_index;            /* a code point index in str_pos_str ... */
  ssize str_pos_offset;           /* ... and its byte offset */

  /* containers */
  Obj *empty_tuple;               /* () (owned) */

  Obj **repr_stack;               /* objects whose repr is running (VMINTERNAL block, borrowed refs) */
  ssize repr_depth, repr_cap;     /* entries used / allocated in repr_stack */
  Obj **trash;                    /* deallocations deferred by the trashcan (VMINTERNAL block) */
  ssize ntrash, trash_cap;        /* entries used / allocated in trash */
  int trash_depth;                /* nesting of container deallocations */
  bool trash_draining;            /* the outermost dealloc is emptying trash */

  /* numbers */
  ssize int_max_str_digits;       /* sys.set_int_max_str_digits(): 0 = the
                                     default (4300), -1 = no limit */

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

/* Raise TYPE (SyntaxError or IndentationError) as the compiler reports it:
** MSG at FILENAME:LINENO, 1-based columns OFFSET..END_OFFSET (0 = unknown)
** of LINE (the source line's text, may be NULL).  Returns NULL. */
Obj *vm_raise_syntax(VM *vm, TypeObj *type, const char *msg, Obj *filename,
                     int lineno, int offset, int end_offset, const char *line);

/* Write N bytes to sys.stdout's FILE (vm->out).  Returns 0, or -1 with
** OSError set. */
int vm_write_stdout(VM *vm, const char *s, size_t n);

/* Guard a C-level recursion (repr of nested containers, comparisons, calls
** from C into Python): returns 0, or -1 with RecursionError "maximum
** recursion depth exceeded" + WHERE (e.g. " while calling a Python object")
** when the Python depth limit or the C stack is exhausted.  Every
** successful enter is paired with a leave. */
int vm_enter_recursive(VM *vm, const char *where);
void vm_leave_recursive(VM *vm);

/* Compile SOURCE and run it as the module NAME whose dict is GLOBALS
** (borrowed).  Returns the module code's result (None) or NULL. */
Obj *vm_exec_source(VM *vm, const char *source, size_t n, Obj *filename,
                    Obj *globals);

/* Classes (vm/class.c): builtins.__build_class__, and type(name, bases,
** dict) creating a heap type of metaclass META.  Type_Type's dealloc,
** traverse and clear for heap types. */
Obj *class_build_class(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                       Obj *kwnames);
Obj *class_type_new(VM *vm, TypeObj *meta, Obj *name, Obj *bases, Obj *dict);
/* Recompute the protocol slots of heap type T and its heap subclasses after
** a special method (__repr__, __eq__ ...) was set on or deleted from T. */
int class_update_slots(VM *vm, TypeObj *t);
/* As class_type_new, passing the keywords KWNAMES (values KWV) to the new
** class's __init_subclass__ (class A(Base, tag=...)). */
Obj *class_type_new_kw(VM *vm, TypeObj *meta, Obj *name, Obj *bases, Obj *dict,
                       Obj *const *kwv, Obj *kwnames);
Obj *class_type_tp_new(VM *vm, Obj *type, Obj *const *args, size_t nargs,
                       Obj *kwnames);
void class_type_dealloc(VM *vm, Obj *o);
int class_type_traverse(Obj *o, visitproc visit, void *arg);
int class_type_clear(VM *vm, Obj *o);
/* Instances of heap subtypes of int, str and tuple keep their __dict__
** pointer at the end of the block (negative dictoffset): class_dict_slot
** finds it for any instance (NULL when the type has no __dict__);
** class_instance_size is the block's size without the GCHead for such
** instances (and float subtypes'), 0 for other objects.  class_subtype_copy
** makes an instance of SUB (int or str subtype) equal to EXACT. */
Obj **class_dict_slot(Obj *o);
size_t class_instance_size(Obj *o);
Obj *class_subtype_copy(VM *vm, TypeObj *sub, Obj *exact);
extern TypeObj Super_Type;      /* builtins.super */
extern TypeObj Member_Type;     /* __slots__ member descriptors */

#endif
