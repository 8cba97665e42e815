/*
** symtable.h -- scope analysis: which names are local, global, cell or free.
**
** This is CPython 3.11's Python/symtable.c, in two passes over the AST.
**
** Pass 1 walks the tree and gives every scope (module, function, lambda,
** comprehension, class) a Scope with the names it uses, each with DEF_*
** flags: bound by assignment, parameter, import, declared global or
** nonlocal, used.  Scopes form a tree in source order.
**
** Pass 2 (analyze) decides each name's scope bottom-up:
**   - explicit global / nonlocal declarations first;
**   - a name bound in the block is LOCAL;
**   - a name bound in an enclosing *function* is FREE; otherwise it is
**     GLOBAL_IMPLICIT (module-level and class-level bindings are not
**     visible to nested functions);
**   - a LOCAL name that a nested block needs becomes CELL;
**   - a name a nested block needs but this block neither binds nor uses is
**     still recorded here as FREE: the cell is passed through (a->b->c->d);
**   - class bodies do not bind names for their methods; a method's free
**     variable that the class also binds gets DEF_FREE_CLASS in the class.
** Comprehensions are function scopes whose single parameter ".0" is the
** outermost iterator, as in 3.11.
**
** Errors (duplicate parameters, global/nonlocal misuse, walrus rules) are
** reported with CPython's texts and positions in a SyntaxErr.  All memory
** comes from the arena passed in (tag HT_TAG_COMPILER).
*/
#ifndef HT_SYMTABLE_H
#define HT_SYMTABLE_H

#include "ast.h"
#include "lexer.h"

/* Flags recorded in pass 1. */
#define DEF_GLOBAL     (1 << 0)   /* global statement */
#define DEF_LOCAL      (1 << 1)   /* assigned in this block */
#define DEF_PARAM      (1 << 2)   /* formal parameter */
#define DEF_NONLOCAL   (1 << 3)   /* nonlocal statement */
#define USE            (1 << 4)   /* read */
#define DEF_FREE       (1 << 5)   /* used but not defined (unused by 3.11) */
#define DEF_FREE_CLASS (1 << 6)   /* free in a method, bound in the class */
#define DEF_IMPORT     (1 << 7)   /* bound by import */
#define DEF_ANNOT      (1 << 8)   /* annotated */
#define DEF_COMP_ITER  (1 << 9)   /* comprehension iteration variable */
#define DEF_BOUND (DEF_LOCAL | DEF_PARAM | DEF_IMPORT)

/* Scopes decided in pass 2. */
typedef enum SymScope {
  SC_NONE, SC_LOCAL, SC_GLOBAL_EXPLICIT, SC_GLOBAL_IMPLICIT, SC_FREE, SC_CELL
} SymScope;

typedef enum BlockType { BLOCK_MODULE, BLOCK_FUNCTION, BLOCK_CLASS } BlockType;

typedef enum CompKind {
  COMP_NONE, COMP_LIST, COMP_SET, COMP_DICT, COMP_GENEXP
} CompKind;

typedef struct Symbol {
  const char *name;               /* interned (mangled) name */
  int flags;                      /* DEF_* / USE */
  SymScope scope;                 /* decided by pass 2 */
} Symbol;

typedef struct Directive {
  const char *name;               /* the declared name */
  Pos pos;                        /* the statement (or walrus target) */
} Directive;

typedef struct Scope Scope;
struct Scope {
  const char *name;               /* "top", function/class name, "lambda", "listcomp"... */
  BlockType type;                 /* module, function, class */
  const void *key;                /* the AST node (Stmt* or Expr*), NULL for the module */
  Scope *parent;                  /* enclosing scope */
  Symbol *syms;                   /* symbols in insertion order (arena) */
  int nsyms, capsyms;             /* used / capacity */
  int *hash;                      /* open addressing: index+1 into syms, 0 empty */
  int hashcap;                    /* power of two */
  PtrVec varnames;                /* parameter names in order */
  PtrVec children;                /* nested Scopes in source order */
  PtrVec directives;              /* Directive*: global/nonlocal declarations */
  bool nested;                    /* inside a function */
  bool free;                      /* has free variables */
  bool child_free;                /* a child block has free variables */
  bool generator;                 /* contains yield */
  bool coroutine;                 /* async */
  bool varargs, varkeywords;      /* *args / **kwargs */
  bool returns_value;             /* has return with a value */
  bool needs_class_closure;       /* class whose methods use __class__ */
  CompKind comprehension;         /* comprehension scope kind */
  int comp_iter_target;           /* visiting a comprehension target */
  int comp_iter_expr;             /* visiting a comprehension iterable */
  int lineno, col;                /* where the block starts */
};

typedef struct SymTable {
  Arena *arena;                   /* HT_TAG_COMPILER storage (borrowed) */
  Interner *names;                /* identifiers (borrowed) */
  Scope *top;                     /* the module scope */
  Scope *cur;                     /* scope being visited */
  Scope *global;                  /* == top: its symbols are the globals */
  PtrVec stack;                   /* scopes from top to cur */
  const char *priv;               /* current class name, for mangling */
  int depth;                      /* recursion depth of the visit */
  int maxdepth;                   /* limit (RecursionError beyond) */
  const void **keys;              /* scope lookup: node -> Scope (hash) */
  Scope **vals;
  int mapcap, mapn;               /* capacity / used */
  const char *(*line_of)(void *ctx, int lineno, int *len); /* source lines for errors */
  void *line_ctx;                 /* argument of line_of */
  SyntaxErr *err;                 /* the error, if any */
} SymTable;

/* Build the symbol table of MOD.  Returns 0, or -1 with *ERR filled
** (ERR_SYNTAX; ERR_NOMEM; ERR_RECURSION when the tree nests deeper than
** CPython's compiler allows).  LINE_OF returns source lines for error
** texts (may be NULL). */
int symtable_build(SymTable *st, Arena *arena, Interner *names, Module *mod,
                   const char *(*line_of)(void *, int, int *), void *line_ctx,
                   SyntaxErr *err);

/* The Scope made for AST node KEY (a FunctionDef/ClassDef Stmt, or a
** Lambda/comprehension Expr); NULL if none. */
Scope *symtable_lookup_scope(SymTable *st, const void *key);

/* The symbol NAME (already mangled) of S, or NULL. */
Symbol *scope_lookup(Scope *s, const char *name);

/* SymScope of NAME in S (SC_NONE when absent). */
SymScope scope_get(Scope *s, const char *name);

/* CPython's _Py_Mangle: "__x" inside class C becomes "_C__x".  Returns the
** interned result (NAME itself when not mangled); NULL on out of memory. */
const char *symtable_mangle(Interner *in, const char *privateobj, const char *name);

#endif
