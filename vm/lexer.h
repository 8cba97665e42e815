/*
** lexer.h -- the tokenizer: Python 3.11 source text to a token array.
**
** The lexer follows CPython 3.11's Parser/tokenizer.c rule for rule, because
** the positions and texts of syntax errors depend on it: INDENT/DEDENT from a
** stack of indentation columns (tabs to multiples of 8, checked against a
** second count with tabs of width 1 for TabError), NEWLINE suppressed inside
** brackets and on blank lines, backslash continuation, string literals as one
** STRING token each (prefixes r b u f in any legal mix, triple quotes; the
** parser decodes escapes and f-string parts), numbers with underscores and
** CPython's messages for malformed ones.
**
** Input.  The source is copied into the AST arena with line endings made
** "\n" and a final newline added, as CPython's readers do; a UTF-8 BOM is
** dropped; a coding cookie on line 1 or 2 must name UTF-8 (or latin-1, which
** is transcoded).  Invalid UTF-8 is reported on the line where it occurs.
**
** Output.  lexer_tokenize() produces every token up to ENDMARKER, or up to
** and including an ERRORTOKEN when the tokenizer fails; the failure is then
** described in lex->err and the parser decides, as CPython's does, whether it
** or an earlier parser error is reported.  Tokens, like AST nodes, live in
** the arena.
*/
#ifndef HT_LEXER_H
#define HT_LEXER_H

#include <stddef.h>
#include <stdbool.h>
#include "ast.h"

#define LEX_MAXINDENT 100         /* CPython's MAXINDENT */
#define LEX_MAXLEVEL 200          /* CPython's MAXLEVEL (bracket nesting) */
#define LEX_TABSIZE 8

/* Token types.  Operators have their own types; keywords too (as pegen's
** keyword tokens), so NAME never matches a keyword. */
#define TOKEN_LIST(X) \
  X(ENDMARKER, "") X(NAME, "") X(NUMBER, "") X(STRING, "") X(NEWLINE, "") \
  X(INDENT, "") X(DEDENT, "") X(OP, "") X(ERRORTOKEN, "") \
  X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]") X(COLON, ":") \
  X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*") \
  X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") \
  X(EQUAL, "=") X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{") X(RBRACE, "}") \
  X(EQEQUAL, "==") X(NOTEQUAL, "!=") X(LESSEQUAL, "<=") \
  X(GREATEREQUAL, ">=") X(TILDE, "~") X(CIRCUMFLEX, "^") \
  X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**") \
  X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") \
  X(SLASHEQUAL, "/=") X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=") \
  X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=") X(LEFTSHIFTEQUAL, "<<=") \
  X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=") \
  X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@") \
  X(ATEQUAL, "@=") X(RARROW, "->") X(ELLIPSIS, "...") X(COLONEQUAL, ":=") \
  X(KW_FALSE, "False") X(KW_NONE, "None") X(KW_TRUE, "True") \
  X(KW_AND, "and") X(KW_AS, "as") X(KW_ASSERT, "assert") \
  X(KW_ASYNC, "async") X(KW_AWAIT, "await") X(KW_BREAK, "break") \
  X(KW_CLASS, "class") X(KW_CONTINUE, "continue") X(KW_DEF, "def") \
  X(KW_DEL, "del") X(KW_ELIF, "elif") X(KW_ELSE, "else") \
  X(KW_EXCEPT, "except") X(KW_FINALLY, "finally") X(KW_FOR, "for") \
  X(KW_FROM, "from") X(KW_GLOBAL, "global") X(KW_IF, "if") \
  X(KW_IMPORT, "import") X(KW_IN, "in") X(KW_IS, "is") \
  X(KW_LAMBDA, "lambda") X(KW_NONLOCAL, "nonlocal") X(KW_NOT, "not") \
  X(KW_OR, "or") X(KW_PASS, "pass") X(KW_RAISE, "raise") \
  X(KW_RETURN, "return") X(KW_TRY, "try") X(KW_WHILE, "while") \
  X(KW_WITH, "with") X(KW_YIELD, "yield")

typedef enum TokType {
#define X_(e, s) T_##e,
  TOKEN_LIST(X_)
#undef X_
  T_COUNT
} TokType;

#define T_FIRST_KEYWORD T_KW_FALSE
extern const char *const token_text[T_COUNT];   /* "(", "if", ... or "" */

typedef struct Token {
  TokType type;                   /* T_* */
  int lineno;                     /* first line (1-based) */
  int col;                        /* 0-based byte column, -1 when none */
  int end_lineno;                 /* last line */
  int end_col;                    /* byte column past the end, -1 when none */
  int level;                      /* bracket depth after this token */
  const char *start;              /* text in the source buffer (borrowed) */
  int len;                        /* text length in bytes */
  const char *str;                /* interned text of NAME and keyword tokens */
  int cur_lineno;                 /* tokenizer line after this token */
  int cur_col;                    /* tokenizer byte column after this token */
  bool tok_done;                  /* the tokenizer reached EOF or failed by now */
} Token;

/* What went wrong, in the terms CPython reports it (the parser fills the
** same record).  Offsets are final: 1-based character columns as in
** SyntaxError.offset / end_offset (which may be 0 or -1, as CPython's). */
typedef enum ErrKind {
  ERR_NONE,
  ERR_SYNTAX,                     /* SyntaxError */
  ERR_INDENT,                     /* IndentationError */
  ERR_TAB,                        /* TabError (an IndentationError) */
  ERR_NOTIMPL,                    /* construct the VM does not support */
  ERR_NOMEM,                      /* out of memory (MemoryError, msg may be empty) */
  ERR_RECURSION,                  /* RecursionError during compilation */
  ERR_DECODE                      /* non-UTF-8 source: msg gets the filename */
} ErrKind;

typedef struct SyntaxErr {
  ErrKind kind;                   /* ERR_NONE when no error */
  char msg[320];                  /* the message */
  int lineno;                     /* SyntaxError.lineno */
  int offset;                     /* SyntaxError.offset */
  int end_lineno;                 /* SyntaxError.end_lineno */
  int end_offset;                 /* SyntaxError.end_offset */
  const char *text;               /* the line (borrowed, may be NULL) */
  int textlen;                    /* its length */
  int decode_byte;                /* ERR_DECODE: the offending byte */
} SyntaxErr;

/* Lexer state; fields mirror CPython's tok_state where they matter. */
typedef struct Lexer {
  Arena *arena;                   /* AST arena (borrowed) */
  Interner *names;                /* identifier interner (borrowed) */
  const char *buf;                /* normalized source, NUL-terminated */
  const char *end;                /* buf + length */
  const char *cur;                /* next character */
  const char *inp;                /* end of the current line (past '\n') */
  const char *line_start;         /* start of the current line */
  const char *start;              /* start of the current token */
  int lineno;                     /* current line */
  int line_base;                  /* line number before the buffer's first line */
  bool added_newline;             /* the source did not end in a newline */
  bool encoding_declared;         /* a BOM or coding cookie named the encoding:
                                     CPython then reports parser error columns
                                     in characters, otherwise in bytes */
  bool atbol;                     /* at the beginning of a line */
  bool eof;                       /* end of input reached */
  int pendin;                     /* pending INDENT (>0) or DEDENT (<0) tokens */
  int indent;                     /* index into indstack */
  int indstack[LEX_MAXINDENT];    /* indentation columns */
  int altindstack[LEX_MAXINDENT]; /* the same with tabs of width 1 */
  int level;                      /* bracket depth */
  char parenstack[LEX_MAXLEVEL];  /* open brackets */
  int parenlinenostack[LEX_MAXLEVEL]; /* their lines */
  int parencolstack[LEX_MAXLEVEL];/* their byte columns */
  int first_lineno;               /* first line of the current string */
  const char *multi_line_start;   /* line start of the current string */
  const char *checked;            /* UTF-8 checked up to here */
  int done;                       /* LEX_OK, or the LEX_E* error code */
  Token *toks;                    /* tokens (own HT_TAG_AST block, lexer_free) */
  int ntoks;                      /* tokens produced */
  int captoks;                    /* capacity of toks */
  SyntaxErr err;                  /* the tokenizer error, if any */
} Lexer;

/* Tokenizer status codes (CPython's E_* values that matter). */
enum { LEX_OK = 0, LEX_EOF, LEX_DEDENT, LEX_TABSPACE, LEX_TOODEEP,
       LEX_LINECONT, LEX_ERROR /* err filled */ };

/* Prepare to tokenize SRC[0..N).  Returns 0, or -1 with lex->err set (bad
** encoding cookie, out of memory). */
int lexer_init(Lexer *lex, Arena *arena, Interner *names, const char *src,
               size_t n);

/* Tokenize everything.  Returns 0 when the last token is ENDMARKER; -1 when
** it is an ERRORTOKEN (lex->done says why; lex->err holds the error when the
** tokenizer produces its own, LEX_ERROR) or memory ran out. */
int lexer_tokenize(Lexer *lex);

/* Release the token array (a separate HT_TAG_AST block, not in the arena,
** so that growing it leaves no garbage behind). */
void lexer_free(Lexer *lex);

/* Convert a 1-based byte column within LINE[0..LEN) to a 1-based character
** column, as CPython's _PyPegen_byte_offset_to_character_offset. */
int lexer_char_offset(const char *line, int len, int col);

/* The source line LINENO (1-based) of the lexer's buffer, without its
** newline; NULL if there is none. */
const char *lexer_line(const Lexer *lex, int lineno, int *len);

/* Unicode helpers (tables from Unicode 14.0, as CPython 3.11). */
bool uni_is_xid_start(uint32_t c);
bool uni_is_xid_continue(uint32_t c);
bool uni_is_printable(uint32_t c);
/* Decode one UTF-8 sequence at S (N bytes available); returns its length
** (1..4) and sets *CP, or 0 when it is not valid UTF-8. */
int utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
