/*
** object.h -- the object model of the heaptrail VM, and the contract between
** the VM's modules.
**
** Every value is a pointer to an Obj, as in CPython.  An Obj starts with a
** reference count and a pointer to its type; the type says which arena tag
** the object's memory carries, how big it is, and how to operate on it.
**
** Memory.  Every object the VM creates at run time comes from the tagged
** arena (alloc/arena.h) through obj_alloc()/gc_alloc() below, with the tag of
** its type (type->tag).  The few objects that exist before any script runs --
** None, True, False, NotImplemented, Ellipsis, the small ints and the builtin
** type objects -- are static and immortal: their refcount starts at
** IMMORTAL_REF and they are never freed.
**
** Containers that can form cycles are "GC objects" (type flag TF_GC).  They
** are allocated with a GCHead in front of the Obj (as CPython's PyGC_Head) and
** linked into the collector's list; gc_alloc() returns the Obj part.  The
** size recorded in the arena includes the GCHead.
**
** Reference conventions (CPython's):
**   - functions named *_new, and every function returning Obj* unless its
**     comment says "borrowed", return a NEW reference;
**   - get_* / *_borrow functions return borrowed references;
**   - arguments are borrowed unless the comment says "steals".
**
** Error convention: functions return NULL (Obj*) or -1 (int, ssize, hash_t)
** with an exception set on the VM (vm_raise*); they never print and never exit.
** iternext is special: NULL with no exception set means "exhausted".
**
** Module ownership (who implements what is declared here):
**   core      vm/vm.c, vm/eval.c, vm/object.c, vm/type.c, vm/func.c,
**             vm/frame.c, vm/gc.c, vm/exc.c, vm/module.c, vm/main.c
**   numbers   vm/int.c, vm/float.c, vm/bool.c, vm/mathmod.c
**   text      vm/str.c, vm/strformat.c, vm/bytes.c
**   containers vm/tuple.c, vm/list.c, vm/dict.c, vm/set.c, vm/range.c,
**             vm/slice.c, vm/iter.c
**   modules   vm/builtins.c, vm/sysmod.c, vm/gcmod.c, vm/timemod.c,
**             vm/resourcemod.c, vm/htmod.c, vm/numpy.c
**   frontend  vm/lexer.c, vm/parser.c, vm/ast.h, vm/symtable.c,
**             vm/compile.c, vm/dis.c
*/
#ifndef HT_OBJECT_H
#define HT_OBJECT_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include "arena.h"

typedef struct VM VM;
typedef struct Obj Obj;
typedef struct TypeObj TypeObj;
typedef intptr_t ssize;           /* Py_ssize_t */
typedef int64_t hash_t;           /* Py_hash_t; -1 means error */

/* ------------------------------------------------------------------ */
/* The common header                                                  */
/* ------------------------------------------------------------------ */

struct Obj {
  ssize refcnt;                   /* references held; freed at 0 */
  TypeObj *type;                  /* borrowed; static types are immortal */
};

#define IMMORTAL_REF ((ssize)1 << 60)
#define OBJ(o) ((Obj *)(o))
#define TYPE(o) (OBJ(o)->type)

/* Static object initialiser: OBJ_STATIC_INIT(&Int_Type). */
#define OBJ_STATIC_INIT(typ) { IMMORTAL_REF, (typ) }

void obj_dealloc(VM *vm, Obj *o);  /* type->dealloc; core */

static inline Obj *incref(Obj *o) { o->refcnt++; return o; }
static inline Obj *xincref(Obj *o) { if (o) o->refcnt++; return o; }
static inline void decref(VM *vm, Obj *o) {
  if (--o->refcnt == 0) obj_dealloc(vm, o);
}
static inline void xdecref(VM *vm, Obj *o) { if (o) decref(vm, o); }
/* Replace *slot with v (steals v), releasing the old value. */
static inline void obj_setref(VM *vm, Obj **slot, Obj *v) {
  Obj *old = *slot; *slot = v; if (old) decref(vm, old);
}

/* ------------------------------------------------------------------ */
/* GC objects                                                         */
/* ------------------------------------------------------------------ */

typedef struct GCHead {
  struct GCHead *next;            /* collector list links (core owns) */
  struct GCHead *prev;
  ssize gc_refs;                  /* scratch count during a collection */
} GCHead;

#define GC_HEAD(o) (((GCHead *)(o)) - 1)
#define GC_OBJ(g) ((Obj *)(((GCHead *)(g)) + 1))

/* Allocate SIZE bytes (the object's struct plus any inline items) for an
** object of TYPE, from TYPE->tag's arena.  Sets refcnt = 1 and type.
** gc_alloc also reserves and links a GCHead (TYPE must have TF_GC).
** Return NULL with MemoryError set on failure.  Memory past the header is
** zeroed. */
Obj *obj_alloc(VM *vm, TypeObj *type, size_t size);
Obj *gc_alloc(VM *vm, TypeObj *type, size_t size);
/* Free an object allocated with the functions above; SIZE is the same size
** that was passed to them.  gc_free unlinks the GCHead first. */
void obj_free(VM *vm, Obj *o, size_t size);
void gc_free(VM *vm, Obj *o, size_t size);
/* Untrack / track a GC object (before freeing fields; after construction). */
void gc_untrack(Obj *o);
void gc_track(VM *vm, Obj *o);

/* ------------------------------------------------------------------ */
/* Labelled references: traverse                                      */
/* ------------------------------------------------------------------ */

/* What a reference is, for reference graphs (DESIGN.md section 4). */
typedef enum EdgeKind {
  EDGE_ITEM,        /* [index] of a tuple/list/array-like, index = position */
  EDGE_KEY,         /* a dict or set key, index = slot order */
  EDGE_VALUE,       /* dict value; name = the key object */
  EDGE_ATTR,        /* instance/module/class attribute; name = attr str */
  EDGE_LOCAL,       /* frame local; name = variable name str */
  EDGE_CELLVAR,     /* frame cell slot; name = variable name str */
  EDGE_FREEVAR,     /* frame free-variable slot; name = variable name str */
  EDGE_CLOSURE,     /* function __closure__[index] */
  EDGE_CONTENTS,    /* cell_contents */
  EDGE_GLOBALS,     /* function __globals__ / frame f_globals */
  EDGE_BACK,        /* frame f_back */
  EDGE_CODE,        /* function __code__ / frame f_code */
  EDGE_DEFAULTS,    /* function __defaults__ / __kwdefaults__ */
  EDGE_FUNC,        /* frame's function, bound method __func__ */
  EDGE_SELF,        /* bound method __self__ */
  EDGE_TYPE,        /* instance's class */
  EDGE_DICT,        /* __dict__ */
  EDGE_CONST,       /* code co_consts[index] */
  EDGE_STACK,       /* frame value stack slot index */
  EDGE_OTHER        /* anything else; name may describe it */
} EdgeKind;

/* Visit one reference from a traversed object.  NAME may be NULL.
** Returning nonzero stops the traversal, and traverse returns that value. */
typedef int (*visitproc)(Obj *child, EdgeKind kind, ssize index, Obj *name,
                         void *arg);

/* ------------------------------------------------------------------ */
/* Types                                                              */
/* ------------------------------------------------------------------ */

/* Binary operators, in the order of the BINARY_OP opcode's argument
** (CPython 3.11's NB_* order, without the in-place half). */
#define BINOP_LIST(X) \
  X(ADD, "+") X(AND, "&") X(FLOORDIV, "//") X(LSHIFT, "<<") \
  X(MATMUL, "@") X(MUL, "*") X(MOD, "%") X(OR, "|") X(POW, "**") \
  X(RSHIFT, ">>") X(SUB, "-") X(TRUEDIV, "/") X(XOR, "^")
typedef enum BinOp {
#define X_(e, s) BINOP_##e,
  BINOP_LIST(X_)
#undef X_
  BINOP_COUNT
} BinOp;
/* BINARY_OP's argument is op, or BINOP_INPLACE + op for "op=". */
#define BINOP_INPLACE 13
extern const char *const binop_symbol[BINOP_COUNT];   /* "+", ... */

/* Rich comparisons, CPython's order; the COMPARE_OP argument. */
typedef enum CmpOp { CMP_LT, CMP_LE, CMP_EQ, CMP_NE, CMP_GT, CMP_GE } CmpOp;
extern const char *const cmpop_symbol[6];             /* "<", ... */

typedef Obj *(*unaryfunc)(VM *, Obj *);
typedef Obj *(*binaryfunc)(VM *, Obj *, Obj *);
/* The call convention (CPython's vectorcall): ARGS holds NARGS positional
** arguments, then one value per name in KWNAMES (a tuple of str, or NULL). */
typedef Obj *(*callfunc)(VM *, Obj *callable, Obj *const *args, size_t nargs,
                         Obj *kwnames);

/* Type flags. */
#define TF_GC        (1u << 0)   /* instances have a GCHead (gc_alloc) */
#define TF_BASETYPE  (1u << 1)   /* may be subclassed */
#define TF_HEAPTYPE  (1u << 2)   /* created by a class statement (tag CLASS) */
#define TF_INT_SUBCLASS   (1u << 8)   /* fast isinstance checks */
#define TF_STR_SUBCLASS   (1u << 9)
#define TF_TUPLE_SUBCLASS (1u << 10)
#define TF_LIST_SUBCLASS  (1u << 11)
#define TF_DICT_SUBCLASS  (1u << 12)
#define TF_EXC_SUBCLASS   (1u << 13)
#define TF_TYPE_SUBCLASS  (1u << 14)

/* A builtin method, attribute or constructor, in a type's static tables. */
typedef Obj *(*cmethod)(VM *vm, Obj *self, Obj *const *args, size_t nargs,
                        Obj *kwnames);
#define METH_STATIC 1    /* no self (staticmethod-like) */
#define METH_CLASS  2    /* self is the type */
typedef struct MethodDef {
  const char *name;               /* attribute name */
  cmethod fn;                     /* implementation */
  int flags;                      /* METH_* */
} MethodDef;
typedef struct GetSetDef {
  const char *name;               /* attribute name */
  Obj *(*get)(VM *vm, Obj *self);                 /* new ref or NULL */
  int (*set)(VM *vm, Obj *self, Obj *value);      /* NULL value = delete */
} GetSetDef;

struct TypeObj {
  Obj ob;                         /* a type is an object of type `type` */
  const char *name;               /* "int", "list", "mymod.Point" tail */
  ht_tag tag;                     /* arena tag of instances */
  size_t basicsize;               /* size of the fixed part (no GCHead) */
  size_t itemsize;                /* size per inline item, 0 if none */
  unsigned flags;                 /* TF_* */
  TypeObj *base;                  /* single base (NULL for object) */
  Obj *bases;                     /* tuple of bases (owned) */
  Obj *mro;                       /* tuple: the C3 linearisation (owned) */
  Obj *dict;                      /* attribute dict (owned), built by type_ready */
  Obj *qualname;                  /* str, heap types (owned) */
  Obj *module;                    /* str module name, heap types (owned) */
  ssize dictoffset;               /* offset of the instance's Obj *dict, or 0 */

  /* lifecycle */
  void (*dealloc)(VM *, Obj *);   /* free the object (calls obj_free/gc_free) */
  size_t (*sizeof_)(Obj *);       /* bytes allocated for it (sys.getsizeof) */
  int (*traverse)(Obj *, visitproc, void *);  /* visit owned references */
  int (*clear)(VM *, Obj *);      /* drop references (cycle breaking) */
  callfunc new_;                  /* type(...) constructor: args exclude type */
  int (*init)(VM *, Obj *, Obj *const *, size_t, Obj *); /* __init__ */

  /* protocols; NULL where not supported */
  unaryfunc repr;                 /* repr(o): new str */
  unaryfunc str;                  /* str(o): new str; NULL means repr */
  hash_t (*hash)(VM *, Obj *);    /* -1 on error; NULL = unhashable */
  Obj *(*richcmp)(VM *, Obj *, Obj *, CmpOp);  /* may return NotImplemented */
  Obj *(*getattr)(VM *, Obj *, Obj *name);     /* NULL = generic */
  int (*setattr)(VM *, Obj *, Obj *name, Obj *value); /* value NULL = del */
  Obj *(*descr_get)(VM *, Obj *descr, Obj *obj, Obj *type);
  int (*descr_set)(VM *, Obj *descr, Obj *obj, Obj *value);
  callfunc call;                  /* o(...) */
  unaryfunc iter;                 /* iter(o): new iterator */
  unaryfunc iternext;             /* next: NULL w/o exception = exhausted */
  ssize (*len)(VM *, Obj *);      /* len(o); -1 on error */
  binaryfunc getitem;             /* o[k] (any key, slices included) */
  int (*setitem)(VM *, Obj *, Obj *, Obj *);   /* o[k] = v; v NULL = del */
  int (*contains)(VM *, Obj *, Obj *);         /* 1, 0, or -1 */
  int (*bool_)(VM *, Obj *);      /* truth value; 1, 0, -1 */
  binaryfunc binop[BINOP_COUNT];  /* may return NotImplemented */
  binaryfunc inplace[BINOP_COUNT];/* optional in-place forms */
  unaryfunc neg, pos, invert, abs;/* unary ops */
  unaryfunc int_, float_, index;  /* int(o), float(o), operator.index(o) */

  /* builtin tables, turned into dict entries by type_ready */
  const MethodDef *methods;       /* NULL-name terminated */
  const GetSetDef *getset;        /* NULL-name terminated */
  const char *doc;                /* __doc__, may be NULL */

  /* attribute caches (core: vm/type.c) */
  uint64_t version_tag;           /* unique per type (global counter), renewed by
                                     type_modified; 0 until first assigned */
};

/* Statically defined types.  Each is defined (with its slots) by the module
** that owns it, and registered with type_ready() at VM start. */
extern TypeObj Type_Type, Object_Type, None_Type, NotImplemented_Type,
  Ellipsis_Type, Bool_Type, Int_Type, Float_Type, Str_Type, Bytes_Type,
  ByteArray_Type, Tuple_Type, List_Type, Dict_Type, Set_Type, FrozenSet_Type,
  Range_Type, Slice_Type, Cell_Type, Code_Type, Function_Type, Frame_Type,
  Module_Type, Builtin_Type, Method_Type, MethodDescr_Type, GetSetDescr_Type,
  ClassMethodDescr_Type, StaticMethod_Type, ClassMethod_Type, Property_Type,
  Generator_Type, Traceback_Type;

/* Fill TYPE's dict from its tables, compute mro.  Returns 0, or -1. */
int type_ready(VM *vm, TypeObj *type);
/* Is A the same as, or a subclass of, B? */
bool type_is_subtype(TypeObj *a, TypeObj *b);
/* Look NAME up along TYPE's mro; borrowed; NULL (no exception) if absent. */
Obj *type_lookup(TypeObj *type, Obj *name);
/* Attribute caches (type_lookup's own, the evaluator's inline caches) are
** valid while the type's version_tag and type_attr_epoch are what they were
** when filled: type_modified(T) renews T's tag and bumps the epoch, which
** also covers T's subclasses (core keeps no subclass lists). */
extern uint64_t type_attr_epoch;
/* T's version_tag, assigned from the global counter if T has none yet. */
uint64_t type_version_tag(TypeObj *t);
/* Call after any change to T's dict, slots, bases or mro (NULL: some type
** was freed or many changed). */
void type_modified(TypeObj *t);
static inline bool obj_is(Obj *o, TypeObj *t) { return o->type == t; }
static inline bool obj_isinstance(Obj *o, TypeObj *t) {
  return o->type == t || type_is_subtype(o->type, t);
}

/* ------------------------------------------------------------------ */
/* Singletons (static, immortal)                                      */
/* ------------------------------------------------------------------ */

extern Obj None_Obj, NotImplemented_Obj, Ellipsis_Obj;
typedef struct IntObj IntObj;
extern struct IntObj True_Obj, False_Obj;
#define None (&None_Obj)
#define NotImplemented (&NotImplemented_Obj)
#define Ellipsis (&Ellipsis_Obj)
#define True_ ((Obj *)&True_Obj)
#define False_ ((Obj *)&False_Obj)
static inline Obj *bool_new(bool b) { return incref(b ? True_ : False_); }
static inline Obj *none_new(void) { return incref(None); }

/* ------------------------------------------------------------------ */
/* Generic operations (core: vm/object.c)                             */
/* ------------------------------------------------------------------ */

Obj *obj_repr(VM *vm, Obj *o);            /* new str */
Obj *obj_str(VM *vm, Obj *o);             /* new str */
hash_t obj_hash(VM *vm, Obj *o);          /* TypeError if unhashable */
int obj_truthy(VM *vm, Obj *o);           /* 1, 0, -1 */
Obj *obj_richcmp(VM *vm, Obj *a, Obj *b, CmpOp op);   /* new ref */
int obj_richcmp_bool(VM *vm, Obj *a, Obj *b, CmpOp op); /* 1, 0, -1; identity
                                          implies equality for EQ/NE, as CPython */
int obj_eq(VM *vm, Obj *a, Obj *b);       /* obj_richcmp_bool(.., CMP_EQ) */
Obj *obj_getattr(VM *vm, Obj *o, Obj *name);          /* AttributeError text as CPython */
Obj *obj_getattr_cstr(VM *vm, Obj *o, const char *name);
int obj_setattr(VM *vm, Obj *o, Obj *name, Obj *value);  /* value NULL = del */
Obj *obj_generic_getattr(VM *vm, Obj *o, Obj *name);  /* the default lookup */
int obj_generic_setattr(VM *vm, Obj *o, Obj *name, Obj *value);
Obj *obj_call(VM *vm, Obj *callable, Obj *const *args, size_t nargs, Obj *kwnames);
Obj *obj_call0(VM *vm, Obj *callable);
Obj *obj_call1(VM *vm, Obj *callable, Obj *a);
Obj *obj_call2(VM *vm, Obj *callable, Obj *a, Obj *b);
Obj *obj_call_method(VM *vm, Obj *self, const char *name, Obj *const *args, size_t nargs);
Obj *obj_getitem(VM *vm, Obj *o, Obj *key);
int obj_setitem(VM *vm, Obj *o, Obj *key, Obj *value);
int obj_delitem(VM *vm, Obj *o, Obj *key);
ssize obj_len(VM *vm, Obj *o);            /* TypeError "object of type 'X' has no len()" */
Obj *obj_iter(VM *vm, Obj *o);            /* TypeError "'X' object is not iterable" */
Obj *obj_iternext(VM *vm, Obj *it);       /* NULL w/o exception = exhausted */
int obj_contains(VM *vm, Obj *container, Obj *item);  /* falls back to iteration */
Obj *obj_binop(VM *vm, Obj *a, Obj *b, BinOp op);     /* TypeError as CPython */
Obj *obj_inplace(VM *vm, Obj *a, Obj *b, BinOp op);
Obj *obj_neg(VM *vm, Obj *o);
Obj *obj_pos(VM *vm, Obj *o);
Obj *obj_invert(VM *vm, Obj *o);
Obj *obj_not(VM *vm, Obj *o);             /* bool */
Obj *obj_index(VM *vm, Obj *o);           /* int via __index__ */
ssize obj_as_ssize(VM *vm, Obj *o);       /* index as ssize; -1 with exc set */
const char *obj_type_name(Obj *o);        /* borrowed C string */
/* Sequence helpers: a new list / tuple holding the items of iterable O. */
Obj *seq_to_list(VM *vm, Obj *o);
Obj *seq_to_tuple(VM *vm, Obj *o);

/* ------------------------------------------------------------------ */
/* Exceptions (core: vm/exc.c)                                        */
/* ------------------------------------------------------------------ */

/* The builtin exception types, static, listed once (name, base). */
#define EXC_LIST(X) \
  X(BaseException, Object)                 \
  X(Exception, BaseException)              \
  X(SystemExit, BaseException)             \
  X(KeyboardInterrupt, BaseException)      \
  X(GeneratorExit, BaseException)          \
  X(StopIteration, Exception)              \
  X(ArithmeticError, Exception)            \
  X(ZeroDivisionError, ArithmeticError)    \
  X(OverflowError, ArithmeticError)        \
  X(AssertionError, Exception)             \
  X(AttributeError, Exception)             \
  X(ImportError, Exception)                \
  X(ModuleNotFoundError, ImportError)      \
  X(LookupError, Exception)                \
  X(IndexError, LookupError)               \
  X(KeyError, LookupError)                 \
  X(MemoryError, Exception)                \
  X(NameError, Exception)                  \
  X(UnboundLocalError, NameError)          \
  X(RuntimeError, Exception)               \
  X(NotImplementedError, RuntimeError)     \
  X(RecursionError, RuntimeError)          \
  X(SyntaxError, Exception)                \
  X(IndentationError, SyntaxError)         \
  X(TabError, IndentationError)            \
  X(TypeError, Exception)                  \
  X(ValueError, Exception)                 \
  X(UnicodeError, ValueError)              \
  X(UnicodeEncodeError, UnicodeError)      \
  X(UnicodeDecodeError, UnicodeError)      \
  X(OSError, Exception)                    \
  X(StopAsyncIteration, Exception)         \
  X(FloatingPointError, ArithmeticError)   \
  X(BufferError, Exception)                \
  X(EOFError, Exception)                   \
  X(ReferenceError, Exception)             \
  X(SystemError, Exception)                \
  X(UnicodeTranslateError, UnicodeError)   \
  X(BlockingIOError, OSError)              \
  X(ChildProcessError, OSError)            \
  X(ConnectionError, OSError)              \
  X(BrokenPipeError, ConnectionError)      \
  X(ConnectionAbortedError, ConnectionError) \
  X(ConnectionRefusedError, ConnectionError) \
  X(ConnectionResetError, ConnectionError) \
  X(FileExistsError, OSError)              \
  X(FileNotFoundError, OSError)            \
  X(InterruptedError, OSError)             \
  X(IsADirectoryError, OSError)            \
  X(NotADirectoryError, OSError)           \
  X(PermissionError, OSError)              \
  X(ProcessLookupError, OSError)           \
  X(TimeoutError, OSError)                 \
  X(Warning, Exception)                    \
  X(UserWarning, Warning)                  \
  X(DeprecationWarning, Warning)           \
  X(PendingDeprecationWarning, Warning)    \
  X(SyntaxWarning, Warning)                \
  X(RuntimeWarning, Warning)               \
  X(FutureWarning, Warning)                \
  X(ImportWarning, Warning)                \
  X(UnicodeWarning, Warning)               \
  X(BytesWarning, Warning)                 \
  X(ResourceWarning, Warning)              \
  X(EncodingWarning, Warning)
#define X_(name, base) extern TypeObj Exc_##name;
EXC_LIST(X_)
#undef X_

/* Raise a new exception of TYPE whose single argument is the message made
** from FMT.  FMT is printf's, plus %R (repr of an Obj*) and %S (str of an
** Obj*) and %T (type name of an Obj*).  Always returns NULL. */
Obj *vm_raise(VM *vm, TypeObj *type, const char *fmt, ...);
/* Raise EXC (an exception instance or class); does not steal. */
Obj *vm_raise_obj(VM *vm, Obj *exc);
Obj *vm_raise_nomem(VM *vm);              /* MemoryError */
bool vm_exc_occurred(VM *vm);
bool vm_exc_matches(VM *vm, TypeObj *type); /* current exc is a TYPE */
void vm_exc_clear(VM *vm);
Obj *vm_exc_fetch(VM *vm);                /* take the current exc (new ref) */
void vm_exc_restore(VM *vm, Obj *exc);    /* set it again (steals) */
/* StopIteration helpers used by iterators and generators. */
Obj *vm_raise_stop(VM *vm, Obj *value);

/* ------------------------------------------------------------------ */
/* Concrete types: the API other modules rely on                      */
/* ------------------------------------------------------------------ */

/* --- int (numbers) --------------------------------------------------
** Arbitrary precision; values in [-5, 256] are static and shared.  The
** layout is private to vm/int.c. */
bool int_check(Obj *o);                   /* int or bool or subclass */
Obj *int_from_i64(VM *vm, int64_t v);
Obj *int_from_u64(VM *vm, uint64_t v);
Obj *int_from_double(VM *vm, double d);   /* truncates; OverflowError/ValueError for inf/nan */
/* Parse S (N bytes) in BASE (0 = literal rules: prefixes, underscores).
** ValueError "invalid literal for int() with base 10: 'x'" on failure. */
Obj *int_from_str(VM *vm, const char *s, size_t n, int base);
/* Returns 0 and sets *OUT, or -1 with OverflowError if it does not fit. */
int int_as_i64(VM *vm, Obj *o, int64_t *out);
bool int_fits_i64(Obj *o);
int64_t int_as_i64_unchecked(Obj *o);      /* only when int_fits_i64 */
double int_as_double(VM *vm, Obj *o);     /* -1.0 with OverflowError possible */
int int_sign(Obj *o);                     /* -1, 0, 1 */
Obj *int_to_str_base(VM *vm, Obj *o, int base, bool prefix); /* hex/oct/bin */

/* --- float (numbers) ------------------------------------------------ */
typedef struct FloatObj { Obj ob; double value; } FloatObj;
#define FLOAT_VAL(o) (((FloatObj *)(o))->value)
Obj *float_new(VM *vm, double v);
/* repr of a double, as CPython's repr(float): shortest round-trip.  BUF
** must hold 32 bytes; returns BUF. */
char *float_repr_buf(double v, char *buf);
/* Convert any number to double; -1.0 with TypeError set when not a number
** (check vm_exc_occurred). */
double num_as_double(VM *vm, Obj *o);

/* --- str (text) -----------------------------------------------------
** Immutable, UTF-8 inside.  LENGTH counts code points; ASCII strings have
** length == bytes and index in O(1).  The hash is cached (-1 = not yet). */
typedef struct StrObj {
  Obj ob;
  ssize length;                   /* in code points */
  ssize nbytes;                   /* UTF-8 bytes, excluding the NUL */
  hash_t hash;                    /* cached, -1 until computed */
  uint8_t ascii;                  /* 1 when every code point < 128 */
  uint8_t interned;               /* 1 when in the VM's intern table */
  char data[];                    /* UTF-8, NUL-terminated */
} StrObj;
#define STR_UTF8(o) (((StrObj *)(o))->data)
#define STR_NBYTES(o) (((StrObj *)(o))->nbytes)
#define STR_LEN(o) (((StrObj *)(o))->length)
static inline bool str_check(Obj *o) {
  return o->type == &Str_Type || (o->type->flags & TF_STR_SUBCLASS);
}
Obj *str_new(VM *vm, const char *utf8, size_t nbytes);  /* validates UTF-8 */
Obj *str_from_cstr(VM *vm, const char *s);
Obj *str_fromf(VM *vm, const char *fmt, ...);   /* printf + %R %S %T as vm_raise */
Obj *str_vfromf(VM *vm, const char *fmt, va_list ap);
/* The interned str for S: borrowed, lives as long as the VM. */
Obj *str_intern_cstr(VM *vm, const char *s);
/* Intern *P in place (steals *P, stores a new ref to the interned one). */
void str_intern_inplace(VM *vm, Obj **p);
bool str_eq(Obj *a, Obj *b);              /* equal contents (no exception) */
bool str_eq_cstr(Obj *a, const char *s);
Obj *str_concat(VM *vm, Obj *a, Obj *b);
Obj *str_join(VM *vm, Obj *sep, Obj *const *items, size_t n);
hash_t str_hash(VM *vm, Obj *o);
/* Format VALUE with format SPEC (str, may be empty) as format(value, spec). */
Obj *obj_format(VM *vm, Obj *value, Obj *spec);
/* repr of a str, CPython's quoting rules. */
Obj *str_repr(VM *vm, Obj *o);

/* --- bytes (text) --------------------------------------------------- */
typedef struct BytesObj {
  Obj ob;
  ssize size;                     /* bytes, excluding the NUL */
  hash_t hash;                    /* cached, -1 until computed */
  char data[];                    /* NUL-terminated */
} BytesObj;
Obj *bytes_new(VM *vm, const char *data, size_t n);

/* --- tuple (containers) --------------------------------------------- */
typedef struct TupleObj {
  Obj ob;
  ssize size;                     /* number of items */
  Obj *items[];                   /* owned references */
} TupleObj;
#define TUPLE_SIZE(o) (((TupleObj *)(o))->size)
#define TUPLE_ITEMS(o) (((TupleObj *)(o))->items)
#define TUPLE_GET(o, i) (((TupleObj *)(o))->items[i])
static inline bool tuple_check(Obj *o) {
  return o->type == &Tuple_Type || (o->type->flags & TF_TUPLE_SUBCLASS);
}
/* New tuple of N items, all NULL: the caller fills every slot (stealing)
** before the tuple is used.  The empty tuple is shared. */
Obj *tuple_new(VM *vm, ssize n);
Obj *tuple_pack(VM *vm, ssize n, ...);   /* borrowed items, increfs them */
Obj *tuple_from_array(VM *vm, Obj *const *items, ssize n); /* increfs */

/* --- list (containers) ----------------------------------------------
** items grow with CPython's over-allocation rule (list_resize); each
** growth is one ht_realloc of the items array (tag LIST), i.e. a REALLOC
** event in the profile. */
typedef struct ListObj {
  Obj ob;
  ssize size;                     /* items in use */
  ssize allocated;                /* capacity of items */
  Obj **items;                    /* owned references; separate block */
} ListObj;
#define LIST_SIZE(o) (((ListObj *)(o))->size)
#define LIST_ITEMS(o) (((ListObj *)(o))->items)
static inline bool list_check(Obj *o) {
  return o->type == &List_Type || (o->type->flags & TF_LIST_SUBCLASS);
}
Obj *list_new(VM *vm, ssize n);          /* N NULL items the caller fills */
int list_append(VM *vm, Obj *list, Obj *item);   /* does not steal */
int list_extend(VM *vm, Obj *list, Obj *iterable);
Obj *list_as_tuple(VM *vm, Obj *list);
int list_sort(VM *vm, Obj *list, Obj *key, bool reverse);

/* --- dict (containers) ----------------------------------------------
** Insertion-ordered, as CPython's compact dict.  Layout private. */
static inline bool dict_check(Obj *o) {
  return o->type == &Dict_Type || (o->type->flags & TF_DICT_SUBCLASS);
}
Obj *dict_new(VM *vm);
/* Borrowed value or NULL.  NULL with an exception set on error (unhashable
** key or a failing __eq__); NULL without one when absent. */
Obj *dict_get(VM *vm, Obj *d, Obj *key);
Obj *dict_get_cstr(VM *vm, Obj *d, const char *key);   /* borrowed */
int dict_set(VM *vm, Obj *d, Obj *key, Obj *value);     /* does not steal */
int dict_set_cstr(VM *vm, Obj *d, const char *key, Obj *value);
/* Delete KEY; 0 on success, -1 with KeyError (or other) set. */
int dict_del(VM *vm, Obj *d, Obj *key);
ssize dict_size(Obj *d);
/* Iterate: *POS starts at 0; returns false at the end.  Borrowed K, V. */
bool dict_next(Obj *d, ssize *pos, Obj **k, Obj **v);
int dict_update(VM *vm, Obj *d, Obj *other);   /* dict or iterable of pairs */
Obj *dict_copy(VM *vm, Obj *d);
void dict_clear(VM *vm, Obj *d);

/* --- set (containers) ------------------------------------------------
** Same hashing, table sizes and probing as CPython's setobject.c, so that
** iteration order (and so printed output) matches CPython's for ints. */
Obj *set_new(VM *vm, Obj *iterable);     /* iterable may be NULL */
Obj *frozenset_new(VM *vm, Obj *iterable);
int set_add(VM *vm, Obj *set, Obj *key);
int set_contains(VM *vm, Obj *set, Obj *key);

/* --- slice, range (containers) -------------------------------------- */
typedef struct SliceObj {
  Obj ob;
  Obj *start, *stop, *step;       /* owned; None when omitted */
} SliceObj;
Obj *slice_new(VM *vm, Obj *start, Obj *stop, Obj *step);  /* NULL = None */
/* Resolve against LENGTH as CPython's PySlice_GetIndicesEx; returns the
** slice length, or -1 with an exception. */
ssize slice_indices(VM *vm, Obj *slice, ssize length, ssize *start,
                    ssize *stop, ssize *step);

/* ------------------------------------------------------------------ */
/* Cells, code, functions, modules (core)                             */
/* ------------------------------------------------------------------ */

typedef struct CellObj {
  Obj ob;
  Obj *ref;                       /* owned; NULL when empty */
} CellObj;
Obj *cell_new(VM *vm, Obj *value);        /* value may be NULL */

/* Code flags (CPython's values). */
#define CO_OPTIMIZED   0x0001
#define CO_NEWLOCALS   0x0002
#define CO_VARARGS     0x0004
#define CO_VARKEYWORDS 0x0008
#define CO_NESTED      0x0010
#define CO_GENERATOR   0x0020

/* A code object: immutable output of the compiler.  localsplus is the frame
** layout: co_varnames (arguments first), then cellvars that are not
** arguments, then freevars -- CPython 3.11's layout. */
typedef struct CodeObj {
  Obj ob;
  uint16_t *code;                 /* instructions: opcode | arg << 8 (owned) */
  ssize ncode;                    /* number of 16-bit code units */
  Obj *consts;                    /* tuple (owned) */
  Obj *names;                     /* tuple of str: globals/attrs (owned) */
  Obj *varnames;                  /* tuple of str: locals, args first (owned) */
  Obj *cellvars;                  /* tuple of str (owned) */
  Obj *freevars;                  /* tuple of str (owned) */
  Obj *filename;                  /* str (owned) */
  Obj *name;                      /* str: co_name (owned) */
  Obj *qualname;                  /* str: co_qualname (owned) */
  Obj *linetable;                 /* bytes: private encoding, see code_line() */
  int argcount;                   /* positional args incl. positional-only */
  int posonlyargcount;            /* positional-only args */
  int kwonlyargcount;             /* keyword-only args */
  int nlocals;                    /* len(varnames) */
  int ncellvars;                  /* len(cellvars) */
  int nfreevars;                  /* len(freevars) */
  int nlocalsplus;                /* frame slots: nlocals + cells not args + frees */
  int *cell2slot;                 /* cellvar i lives in localsplus[cell2slot[i]] (owned) */
  int stacksize;                  /* max value-stack depth */
  int flags;                      /* CO_* */
  int firstlineno;                /* line of the def */
  uint32_t rec_code_id;           /* recorder code id, 0 until interned */
  int maxblocks;                  /* SETUP_FINALLY count: bounds a frame's
                                     block stack (set by code_new) */
  void *caches;                   /* core's inline caches (LOAD_GLOBAL), one
                                     per co_names entry; owned, lazily made */
  uint16_t *xcode;                /* core: the instructions as executed, unit
                                     for unit like `code` but with private
                                     superinstructions (owned) */
} CodeObj;

/* Build a code object; steals nothing (increfs its tuples and strs).
** LINES holds one line number per code unit.  CODE is copied. */
Obj *code_new(VM *vm, const uint16_t *code, ssize ncode, const int *lines,
              Obj *consts, Obj *names, Obj *varnames, Obj *cellvars,
              Obj *freevars, Obj *filename, Obj *name, Obj *qualname,
              int argcount, int posonlyargcount, int kwonlyargcount,
              int stacksize, int flags, int firstlineno);
/* Source line of the code unit at index I. */
int code_line(CodeObj *co, ssize i);

typedef struct FunctionObj {
  Obj ob;
  Obj *code;                      /* CodeObj (owned) */
  Obj *globals;                   /* dict (owned) */
  Obj *builtins;                  /* dict (owned) */
  Obj *name;                      /* str __name__ (owned) */
  Obj *qualname;                  /* str __qualname__ (owned) */
  Obj *defaults;                  /* tuple or NULL (owned) */
  Obj *kwdefaults;                /* dict or NULL (owned) */
  Obj *closure;                   /* tuple of cells or NULL (owned) */
  Obj *dict;                      /* __dict__ or NULL (owned) */
  Obj *module;                    /* __module__ str or NULL (owned) */
  Obj *doc;                       /* __doc__ or NULL (owned) */
} FunctionObj;

/* A builtin function or a bound builtin method. */
typedef struct BuiltinObj {
  Obj ob;
  const MethodDef *def;           /* borrowed static table entry */
  Obj *self;                      /* bound self / module, or NULL (owned) */
} BuiltinObj;
Obj *builtin_new(VM *vm, const MethodDef *def, Obj *self);

typedef struct ModuleObj {
  Obj ob;
  Obj *name;                      /* str (owned) */
  Obj *dict;                      /* globals (owned) */
} ModuleObj;
/* A new module named NAME whose dict holds FUNCS (NULL-name terminated). */
Obj *module_new(VM *vm, const char *name, const MethodDef *funcs);

/* Builtin modules register themselves in a static table (modules owns the
** list in vm/modules.c); `import NAME` calls init to create the module. */
typedef struct BuiltinModuleDef {
  const char *name;
  Obj *(*init)(VM *vm);           /* new module, or NULL with exception */
} BuiltinModuleDef;

/* ------------------------------------------------------------------ */
/* Argument parsing helper (core: vm/object.c)                        */
/* ------------------------------------------------------------------ */

/* Match a vectorcall against a keyword-aware signature for builtins.
** NAMES lists the parameter names; positional params come first; the first
** NREQ are required; the rest default to NULL in OUT.  FNAME is used for
** error messages, which follow CPython's ("print() got an unexpected keyword
** argument 'x'", "len() takes exactly one argument (2 given)" and so on
** where feasible).  Returns 0, or -1 with TypeError set.  OUT is borrowed. */
int args_parse(VM *vm, const char *fname, Obj *const *args, size_t nargs,
               Obj *kwnames, const char *const *names, int nparams, int nreq,
               Obj **out);
/* TypeError unless NARGS is within [MIN, MAX] and there are no keywords. */
int args_check(VM *vm, const char *fname, size_t nargs, Obj *kwnames,
               size_t min, size_t max);

#endif
