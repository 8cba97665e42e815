/*
** ast.h -- the abstract syntax tree the parser builds and the compiler reads.
**
** The node kinds follow CPython 3.11's Parser/Python.asdl (Module, stmt, expr,
** comprehension, excepthandler, arguments, arg, keyword, alias, withitem),
** with the same field names, so that ast_dump() can print a tree in exactly
** the format of Python's `ast.dump(tree, include_attributes=True)` and tests
** can compare the two.
**
** Memory.  Every node, sequence and string of a tree lives in one Arena
** (a bump allocator over blocks from the tagged arena, tag HT_TAG_AST for the
** tree; the symbol table and compiler use a second Arena tagged
** HT_TAG_COMPILER).  Nothing is freed node by node: arena_free() releases the
** whole region after compilation.  The tree holds no VM objects, so parsing
** and scope analysis run without a VM.
**
** Identifiers are interned per compilation (Interner): two equal names are the
** same `const char *`, so symbol tables compare pointers.
**
** Positions are CPython's: 1-based lines, 0-based columns counted in UTF-8
** bytes; end positions point one past the last byte.
**
** Constants keep their source form where the VM must build the value: ints as
** their literal text (handed to int_from_str with base 0), floats as doubles,
** strings and bytes as decoded byte strings with a length (they may hold NUL).
*/
#ifndef HT_AST_H
#define HT_AST_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include "tags.h"

/* ------------------------------------------------------------------ */
/* Arena                                                              */
/* ------------------------------------------------------------------ */

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
  ht_tag tag;                     /* tag of every block */
  ArenaBlock *blocks;             /* list of blocks, newest first (owned) */
  char *cur;                      /* next free byte in the newest block */
  char *end;                      /* end of the newest block */
  size_t total;                   /* bytes obtained from ht_alloc */
  bool failed;                    /* an allocation failed (out of memory) */
} Arena;

void arena_init(Arena *a, ht_tag tag);
/* SIZE bytes, 8-aligned and zeroed; NULL when memory runs out (a->failed). */
void *arena_alloc(Arena *a, size_t size);
/* Copy N bytes and add a NUL. */
char *arena_strndup(Arena *a, const char *s, size_t n);
/* Release every block. */
void arena_free(Arena *a);

/* A growable array of pointers in an arena (growth leaves the old storage
** behind, which the arena reclaims at the end). */
typedef struct PtrVec {
  void **items;                   /* arena storage */
  int n;                          /* items in use */
  int cap;                        /* capacity */
} PtrVec;
int ptrvec_push(Arena *a, PtrVec *v, void *item);   /* 0, or -1 out of memory */

/* Interned identifiers: an open-addressing set of NUL-terminated strings. */
typedef struct Interner {
  Arena *arena;                   /* where strings and the table live (borrowed) */
  const char **slots;             /* hash table, NULL = empty */
  size_t cap;                     /* power of two */
  size_t n;                       /* strings held */
} Interner;
void interner_init(Interner *in, Arena *a);
/* The unique copy of S[0..N); NULL when memory runs out. */
const char *intern_n(Interner *in, const char *s, size_t n);
const char *intern_cstr(Interner *in, const char *s);

/* ------------------------------------------------------------------ */
/* Nodes                                                              */
/* ------------------------------------------------------------------ */

typedef struct Expr Expr;
typedef struct Stmt Stmt;

/* A sequence of nodes: N items in A (arena storage). */
#define AST_SEQ(T) struct { T **a; int n; }
typedef AST_SEQ(Expr) ExprSeq;
typedef AST_SEQ(Stmt) StmtSeq;

typedef struct Pos {
  int lineno;                     /* 1-based first line */
  int col;                        /* 0-based byte column of the first byte */
  int end_lineno;                 /* last line */
  int end_col;                    /* byte column one past the last byte */
} Pos;

typedef enum ExprCtx { CTX_LOAD, CTX_STORE, CTX_DEL } ExprCtx;

typedef enum BoolOpKind { BOOL_AND, BOOL_OR } BoolOpKind;
/* Binary operators: the BinOp enum of object.h (BINOP_ADD...). */
typedef enum UnaryOpKind { UOP_INVERT, UOP_NOT, UOP_UADD, UOP_USUB } UnaryOpKind;
typedef enum CmpOpKind {
  CMPK_EQ, CMPK_NOTEQ, CMPK_LT, CMPK_LTE, CMPK_GT, CMPK_GTE,
  CMPK_IS, CMPK_ISNOT, CMPK_IN, CMPK_NOTIN
} CmpOpKind;

typedef enum ConstKind {
  CONST_NONE, CONST_TRUE, CONST_FALSE, CONST_ELLIPSIS,
  CONST_INT,                      /* s: literal text, as written */
  CONST_FLOAT,                    /* d */
  CONST_COMPLEX,                  /* d: imaginary part (not supported by the VM) */
  CONST_STR,                      /* s, n: UTF-8 */
  CONST_BYTES                     /* s, n */
} ConstKind;

typedef struct Const {
  ConstKind kind;                 /* which value */
  const char *s;                  /* text / bytes (arena), NUL-terminated */
  size_t n;                       /* length of s */
  double d;                       /* float value */
  bool u_prefix;                  /* str written with a u prefix (kind='u') */
} Const;

typedef struct Arg {
  const char *arg;                /* interned name */
  Expr *annotation;               /* or NULL */
  Pos pos;
} Arg;
typedef AST_SEQ(Arg) ArgSeq;

typedef struct Arguments {
  ArgSeq posonlyargs;             /* before / */
  ArgSeq args;                    /* positional-or-keyword */
  Arg *vararg;                    /* *args or NULL */
  ArgSeq kwonlyargs;              /* after * */
  ExprSeq kw_defaults;            /* one per kwonlyarg, NULL items allowed */
  Arg *kwarg;                     /* **kwargs or NULL */
  ExprSeq defaults;               /* for the last len(defaults) positional args */
} Arguments;

typedef struct Keyword {
  const char *arg;                /* interned name, NULL for **expr */
  Expr *value;
  Pos pos;
} Keyword;
typedef AST_SEQ(Keyword) KeywordSeq;

typedef struct Alias {
  const char *name;               /* dotted name (interned) or "*" */
  const char *asname;             /* or NULL */
  Pos pos;
} Alias;
typedef AST_SEQ(Alias) AliasSeq;

typedef struct WithItem {
  Expr *context_expr;
  Expr *optional_vars;            /* or NULL */
} WithItem;
typedef AST_SEQ(WithItem) WithItemSeq;

typedef struct Comprehension {
  Expr *target;
  Expr *iter;
  ExprSeq ifs;
  int is_async;
} Comprehension;
typedef AST_SEQ(Comprehension) ComprehensionSeq;

typedef struct ExceptHandler {
  Expr *type;                     /* or NULL for a bare except */
  const char *name;               /* `as` name or NULL */
  StmtSeq body;
  Pos pos;
} ExceptHandler;
typedef AST_SEQ(ExceptHandler) HandlerSeq;

#define EXPR_KINDS(X) \
  X(BoolOp) X(NamedExpr) X(BinOp) X(UnaryOp) X(Lambda) X(IfExp) X(Dict) \
  X(Set) X(ListComp) X(SetComp) X(DictComp) X(GeneratorExp) X(Await) \
  X(Yield) X(YieldFrom) X(Compare) X(Call) X(FormattedValue) X(JoinedStr) \
  X(Constant) X(Attribute) X(Subscript) X(Starred) X(Name) X(List) \
  X(Tuple) X(Slice)

typedef enum ExprKind {
#define X_(k) E_##k,
  EXPR_KINDS(X_)
#undef X_
  E_COUNT
} ExprKind;

struct Expr {
  ExprKind kind;                  /* which member of v is valid */
  Pos pos;                        /* source range */
  union {
    struct { BoolOpKind op; ExprSeq values; } BoolOp;
    struct { Expr *target, *value; } NamedExpr;
    struct { Expr *left; int op; Expr *right; } BinOp;    /* op: BinOp */
    struct { UnaryOpKind op; Expr *operand; } UnaryOp;
    struct { Arguments *args; Expr *body; } Lambda;
    struct { Expr *test, *body, *orelse; } IfExp;
    struct { ExprSeq keys, values; } Dict;                /* key NULL = **value */
    struct { ExprSeq elts; } Set;
    struct { Expr *elt; ComprehensionSeq generators; } ListComp; /* also SetComp, GeneratorExp */
    struct { Expr *key, *value; ComprehensionSeq generators; } DictComp;
    struct { Expr *value; } Await;
    struct { Expr *value; } Yield;                        /* value may be NULL */
    struct { Expr *value; } YieldFrom;
    struct { Expr *left; int nops; CmpOpKind *ops; ExprSeq comparators; } Compare;
    struct { Expr *func; ExprSeq args; KeywordSeq keywords; } Call;
    struct { Expr *value; int conversion; Expr *format_spec; } FormattedValue; /* conversion -1, 's', 'r', 'a' */
    struct { ExprSeq values; } JoinedStr;
    struct { Const c; } Constant;
    struct { Expr *value; const char *attr; ExprCtx ctx; } Attribute;
    struct { Expr *value, *slice; ExprCtx ctx; } Subscript;
    struct { Expr *value; ExprCtx ctx; } Starred;
    struct { const char *id; ExprCtx ctx; } Name;
    struct { ExprSeq elts; ExprCtx ctx; } List;            /* also Tuple */
    struct { Expr *lower, *upper, *step; } Slice;
  } v;
};

#define STMT_KINDS(X) \
  X(FunctionDef) X(AsyncFunctionDef) X(ClassDef) X(Return) X(Delete) \
  X(Assign) X(AugAssign) X(AnnAssign) X(For) X(AsyncFor) X(While) X(If) \
  X(With) X(AsyncWith) X(Raise) X(Try) X(TryStar) X(Assert) X(Import) \
  X(ImportFrom) X(Global) X(Nonlocal) X(Expr) X(Pass) X(Break) X(Continue)

typedef enum StmtKind {
#define X_(k) S_##k,
  STMT_KINDS(X_)
#undef X_
  S_COUNT
} StmtKind;

struct Stmt {
  StmtKind kind;                  /* which member of v is valid */
  Pos pos;                        /* source range */
  union {
    struct { const char *name; Arguments *args; StmtSeq body;
             ExprSeq decorator_list; Expr *returns; } FunctionDef; /* also Async */
    struct { const char *name; ExprSeq bases; KeywordSeq keywords;
             StmtSeq body; ExprSeq decorator_list; } ClassDef;
    struct { Expr *value; } Return;                       /* value may be NULL */
    struct { ExprSeq targets; } Delete;
    struct { ExprSeq targets; Expr *value; } Assign;
    struct { Expr *target; int op; Expr *value; } AugAssign; /* op: BinOp */
    struct { Expr *target, *annotation, *value; int simple; } AnnAssign;
    struct { Expr *target, *iter; StmtSeq body, orelse; } For; /* also AsyncFor */
    struct { Expr *test; StmtSeq body, orelse; } While;   /* also If */
    struct { WithItemSeq items; StmtSeq body; } With;      /* also AsyncWith */
    struct { Expr *exc, *cause; } Raise;
    struct { StmtSeq body; HandlerSeq handlers; StmtSeq orelse, finalbody; } Try; /* also TryStar */
    struct { Expr *test, *msg; } Assert;
    struct { AliasSeq names; } Import;
    struct { const char *module; AliasSeq names; int level; } ImportFrom;
    struct { int n; const char **names; } Global;          /* also Nonlocal */
    struct { Expr *value; } Expr;
  } v;
};

typedef struct Module {
  StmtSeq body;                   /* the statements */
} Module;

extern const char *const ast_expr_names[E_COUNT];   /* "BoolOp", ... */
extern const char *const ast_stmt_names[S_COUNT];

/* A short name for an expression in error messages ("literal", "function
** call", "comparison"...), as CPython's _PyPegen_get_expr_name. */
const char *ast_expr_name(const Expr *e);

/* Write MOD to OUT in the format of Python's
** ast.dump(mod, include_attributes=True), followed by a newline.  A test aid:
** it never touches the VM.  Returns 0, or -1 on a write error. */
int ast_dump(const Module *mod, FILE *out);

#endif
