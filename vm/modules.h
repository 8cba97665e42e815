/*
** modules.h -- the builtin modules: `builtins`, `sys`, `gc`, `time`,
** `resource`, `heaptrail` and the `numpy` subset, plus the table that
** `import` consults (math and dis come from the numbers and frontend
** components; they are only listed here).
**
** Each module is made by an init function returning a NEW module object (or
** NULL with an exception set); core's import calls it once and caches the
** module in vm->modules.  Module state that must outlive one call lives in
** struct VM (vm->sys_stdout, vm->sys_stderr) and is released by
** modules_fini(); everything else is reachable from the module dicts.
**
** The rest of this header is shared by the modules' own files:
**   - a keyword-aware argument parser with CPython's clinic error texts
**     (mod_args), and the small METH_O / METH_NOARGS / positional checks;
**   - "struct sequences" (sys.version_info, resource.struct_rusage): a
**     fixed-size record whose fields read by name or index, printed as
**     name(field=value, ...), comparing as the tuple of its visible fields.
*/
#ifndef HT_MODULES_H
#define HT_MODULES_H

#include <stdio.h>
#include "object.h"

/* The import table: {"sys", sysmod_init}, ..., {NULL, NULL}. */
extern const BuiltinModuleDef builtin_modules[];
/* The types defined here, NULL-terminated; core readies each at start-up. */
extern TypeObj *const modules_types[];

/* The types, by file: builtins.c Quitter_Type (exit, quit); sysmod.c
** SysStream_Type, VersionInfo_Type; resourcemod.c RUsage_Type; numpy.c
** NDArray_Type, DType_Type, ArrayIter_Type. */
extern TypeObj Quitter_Type, VersionInfo_Type, RUsage_Type, NDArray_Type,
  DType_Type, ArrayIter_Type;

/* The `builtins` module (core installs its dict as vm->builtins). */
Obj *builtins_init(VM *vm);
Obj *sysmod_init(VM *vm);
Obj *gcmod_init(VM *vm);
Obj *timemod_init(VM *vm);
Obj *resourcemod_init(VM *vm);
Obj *htmod_init(VM *vm);
Obj *numpy_init(VM *vm);
/* Release the modules' VM-lifetime state (vm->sys_stdout, vm->sys_stderr).
** Core calls it from vm_free before the arena is checked. */
void modules_fini(VM *vm);

/* sys.stdout / sys.stderr: a small text stream writing to vm->out or
** vm->err.  sysmod_stream() returns vm->sys_stdout (WHICH 1) or
** vm->sys_stderr (WHICH 2), creating it on first use; borrowed, or NULL
** with MemoryError. */
extern TypeObj SysStream_Type;
Obj *sysmod_stream(VM *vm, int which);
/* The FILE* a sys stream writes to, or NULL if O is not one. */
FILE *sysmod_stream_file(VM *vm, Obj *o);

/* ------------------------------------------------------------------ */
/* Argument parsing with CPython 3.11's error texts                   */
/* ------------------------------------------------------------------ */

/* A clinic-style signature: NAMES[0..NPARAMS) in order; the first NPOSONLY
** are positional-only, the first MAXPOS may be given by position (the rest
** are keyword-only), the first MINPOS are required. */
typedef struct ModArgSpec {
  const char *fname;              /* "sum", "getsizeof" (no parentheses) */
  const char *const *names;       /* parameter names */
  int nparams;                    /* number of names */
  int nposonly;                   /* positional-only parameters */
  int maxpos;                     /* parameters that may be positional */
  int minpos;                     /* required parameters */
} ModArgSpec;

/* Bind a vectorcall to SPEC; OUT[i] is the (borrowed) argument for
** NAMES[i] or NULL when omitted.  Returns 0, or -1 with TypeError set. */
int mod_args(VM *vm, const ModArgSpec *spec, Obj *const *args, size_t nargs,
             Obj *kwnames, Obj **out);
/* METH_O: "len() takes exactly one argument (2 given)".  QNAME is the name
** CPython shows ("len", "sys.intern").  Returns 0, or -1 with TypeError. */
int mod_check_o(VM *vm, const char *qname, size_t nargs, Obj *kwnames);
/* METH_NOARGS: "sys.getrecursionlimit() takes no arguments (1 given)". */
int mod_check_noargs(VM *vm, const char *qname, size_t nargs, Obj *kwnames);
/* _PyArg_CheckPositional plus no keywords: "divmod expected 2 arguments,
** got 1", "iter() takes no keyword arguments". */
int mod_check_pos(VM *vm, const char *name, size_t nargs, Obj *kwnames,
                  size_t min, size_t max);
/* Convert O to a C int as CPython's "i" format does ("'str' object cannot
** be interpreted as an integer", "Python int too large to convert to C
** int").  Returns 0 and sets *OUT, or -1. */
int mod_as_int(VM *vm, Obj *o, int *out);
/* Raise SystemExit(CODE) (CODE may be NULL for no argument).  Returns NULL. */
Obj *mod_raise_exit(VM *vm, Obj *code);

/* ------------------------------------------------------------------ */
/* Struct sequences                                                   */
/* ------------------------------------------------------------------ */

/* A record type's description; its TypeObj uses the structseq_* slots. */
typedef struct StructSeqDesc {
  const char *name;               /* shown by repr: "sys.version_info" */
  const char *const *fields;      /* field names */
  int nfields;                    /* all fields */
  int nvisible;                   /* fields seen by index, len and repr */
} StructSeqDesc;

typedef struct StructSeqObj {
  Obj ob;
  const StructSeqDesc *desc;      /* borrowed, static */
  Obj *items[];                   /* desc->nfields owned values */
} StructSeqObj;

/* A new record of TYPE (whose tp slots are the structseq ones) described by
** DESC; steals the DESC->nfields references in ITEMS, even on failure. */
Obj *structseq_new(VM *vm, TypeObj *type, const StructSeqDesc *desc,
                   Obj **items);
/* Initialiser for a struct-sequence TypeObj named NAME. */
#define STRUCTSEQ_TYPE_INIT(tname)                                   \
  {                                                                  \
    .ob = OBJ_STATIC_INIT(&Type_Type), .name = (tname),              \
    .tag = HT_TAG_OTHER, .basicsize = sizeof(StructSeqObj),          \
    .itemsize = sizeof(Obj *), .dealloc = structseq_dealloc,         \
    .sizeof_ = structseq_sizeof, .traverse = structseq_traverse,     \
    .repr = structseq_repr, .hash = structseq_hash,                  \
    .richcmp = structseq_richcmp, .getattr = structseq_getattr,      \
    .iter = structseq_iter, .len = structseq_len,                    \
    .getitem = structseq_getitem,                                    \
  }
void structseq_dealloc(VM *vm, Obj *o);
size_t structseq_sizeof(Obj *o);
int structseq_traverse(Obj *o, visitproc visit, void *arg);
Obj *structseq_repr(VM *vm, Obj *o);
hash_t structseq_hash(VM *vm, Obj *o);
Obj *structseq_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op);
Obj *structseq_getattr(VM *vm, Obj *o, Obj *name);
Obj *structseq_iter(VM *vm, Obj *o);
ssize structseq_len(VM *vm, Obj *o);
Obj *structseq_getitem(VM *vm, Obj *o, Obj *key);

#endif
