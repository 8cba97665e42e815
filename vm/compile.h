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

/* Positions (CPython's co_positions, for the traceback's carets).  The
** compiler appends them to co->linetable, after its ncode int32 line
** numbers (code_line() never reads past those): a sequence of runs,
**     byte h              bits 0-2: units - 1, the consecutive code units
**                         sharing the entry (7: varint units follows);
**                         bits 3-7: d (31: varint d follows), where d = 0
**                         means no columns, else end_line = line + d - 1
**     varint col, varint end_col    (only when d > 0) 0-based UTF-8 byte
**                         columns; col on the unit's line, end_col on end_line
** where varint is LEB128 (7 bits per byte, low first) and `line` is the
** unit's code_line().  Three bytes per instruction, less where neighbours
** share a range (2 bytes per code unit over tests/lang).  A linetable of
** exactly ncode * 4 bytes (code from elsewhere) has no positions. */

/* The anchors of a traceback caret line (CPython 3.11's
** extract_anchors_from_line): SEG[0..N) is the failing expression's source
** text.  When it parses as a binary operation, *LEFT and *RIGHT delimit its
** operator; as a subscript, from the end of the value to one past the end
** of the slice (byte offsets in SEG).  Returns 1 with the anchors set, 0
** otherwise.  Never touches the VM's exception state. */
int compile_caret_anchors(const char *seg, size_t n, int *left, int *right);

#endif
