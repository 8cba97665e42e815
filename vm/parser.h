/*
** parser.h -- Python 3.11 source to AST (ast.h).
**
** The parser is a hand-written PEG parser that follows CPython 3.11's
** Grammar/python.gram rule by rule (left-recursive rules become loops), with
** pegen's machinery where it decides what users see:
**   - packrat memoization on the rules the grammar marks (memo) and on the
**     left-recursive ones;
**   - a first pass without the invalid_* rules; when it fails, a second pass
**     with them, which raises CPython's specialised messages ("expected ':'",
**     "invalid syntax. Perhaps you forgot a comma?", "cannot assign to
**     literal here...");
**   - generic "invalid syntax" reported at the furthest token the first pass
**     read; tokenizer errors later in the file taking priority over parser
**     errors as in _PyPegen_tokenize_full_source_to_check_for_errors;
**   - error offsets converted from bytes to characters as CPython does.
** String literals are decoded here (escapes, bytes, concatenation) and
** f-strings are split into parts; each f-string expression is parsed by a
** nested parser over "(expr)", as CPython 3.11's string_parser.c does.
**
** Nesting is bounded: brackets by the tokenizer (200, "too many nested
** parentheses"), rule recursion by PARSER_MAXSTACK (MemoryError, as
** CPython's MAXSTACK).  The parser never touches the VM.
**
** match statements and async constructs are recognised and reported as not
** supported (ERR_NOTIMPL) rather than mis-parsed.
*/
#ifndef HT_PARSER_H
#define HT_PARSER_H

#include "ast.h"
#include "lexer.h"

#define PARSER_MAXSTACK 6000

/* Parse SRC[0..N) as a module.  Nodes come from ARENA; names are interned in
** NAMES (which must use the same arena).  Returns the module, or NULL with
** *ERR filled.  ERR->text points into ARENA. */
Module *parse_module(Arena *arena, Interner *names, const char *src, size_t n,
                     SyntaxErr *err);

#endif
