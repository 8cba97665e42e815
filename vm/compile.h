/*
** compile.h -- the front end's entry points: source text to code objects,
** and the disassembler.
**
** compile_module() runs the whole pipeline: lexer and parser (AST in an
** HT_TAG_AST arena), symbol table and code generation (HT_TAG_COMPILER
** arena), then builds CodeObjs with code_new().  Both arenas are freed
** before it returns; the only memory that outlives it is the code objects
** and their constants.
**
** Code objects follow CPython 3.11's layout (co_varnames with the arguments
** first, then co_cellvars and co_freevars; MAKE_CELL / COPY_FREE_VARS
** prologue; docstring in co_consts[0] of functions; qualnames such as
** "f.<locals>.g").  Instructions are this VM's own (opcodes.h): jumps carry
** absolute code-unit targets, EXTENDED_ARG prefixes as needed.
**
** Errors: SyntaxError / IndentationError through vm_raise_syntax() with
** CPython's texts and positions; NotImplementedError (message naming the
** construct and file:line) for Python the VM does not run yet; MemoryError;
** RecursionError for trees nested deeper than CPython's compiler accepts.
*/
#ifndef HT_COMPILE_H
#define HT_COMPILE_H

#include <stddef.h>
#include "object.h"

/* Compile SRC (N bytes of UTF-8 source) as a module read from FILENAME (a
** str).  Returns a new CodeObj, or NULL with the exception set. */
Obj *compile_module(VM *vm, const char *src, size_t n, Obj *filename);

/* Write the disassembly of CODE (a CodeObj), laid out as CPython 3.11's
** dis.dis(), to sys.stdout, followed by the nested code objects found in
** its constants.  Returns 0, or -1 with an exception set. */
int dis_code(VM *vm, Obj *code);

/* The `dis` module: dis.dis(x) for functions, methods and code objects. */
Obj *dismod_init(VM *vm);

#endif
