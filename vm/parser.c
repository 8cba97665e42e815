/*
** parser.c -- the PEG parser (see parser.h).
**
** Reading guide.  Each grammar rule of CPython 3.11's python.gram is one
** static function named after it, returning the node (or a non-NULL marker)
** on success and NULL on failure with p->mark restored.  Alternatives are
** tried in the grammar's order; `if (p->error_indicator)` after each one
** stops the parse as soon as an error is raised.  Rules whose name starts
** with invalid_ run only in the second pass (p->call_invalid_rules) and
** exist to raise an error; they return NULL.
**
** Token access goes through peek()/expect(), which record how far the parse
** has looked (p->fill): generic errors are reported there.
*/
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "object.h"
#include "parser.h"

#define CURRENT_POS (-5)

enum { START_FILE, START_FSTRING };

/* Memoized rules. */
/* Memoized rules: those the grammar marks (memo), bitwise_or and primary
** (left-recursive in the grammar).  The chain between disjunction and
** primary is not memoized: it is only re-entered through a memoized rule, so
** memo entries there would cost memory for nothing.  0 = not memoized. */
enum {
  M_expression = 1, M_disjunction, M_star_expression, M_simple_stmt, M_block,
  M_star_target, M_target_with_star_atom, M_del_target, M_arguments, M_strings,
  M_invalid_named_expression, M_bitwise_or, M_primary, M_t_primary, M_dotted_name
};

typedef struct Memo {
  int rule;                       /* M_* */
  void *node;                     /* result, NULL for failure */
  int end;                        /* mark after the rule */
  struct Memo *next;              /* other rules memoized at this token */
} Memo;

typedef struct Parser {
  Arena *arena;                   /* node storage (borrowed) */
  Interner *names;                /* identifiers (borrowed) */
  Lexer *lex;                     /* the tokens and the source (borrowed) */
  Token *toks;                    /* lex->toks */
  int ntoks;                      /* lex->ntoks */
  int mark;                       /* next token */
  int fill;                       /* tokens looked at so far */
  int level;                      /* rule recursion depth */
  bool call_invalid_rules;        /* second pass */
  bool error_indicator;           /* an error is set: unwind */
  SyntaxErr *err;                 /* where errors go (borrowed) */
  Memo **memo;                    /* per token index */
  int start_rule;                 /* START_FILE or START_FSTRING */
  int starting_lineno;            /* f-string: line whose columns shift */
  int starting_col_offset;        /* f-string: the shift */
  Token *known_err_token;         /* location for raise_error, or NULL */
  int fstring_depth;              /* nested f-string expression parsers */
} Parser;

/* ------------------------------------------------------------------ */
/* Errors                                                             */
/* ------------------------------------------------------------------ */

static const char *source_line(Parser *p, int lineno, int *len) {
  return lexer_line(p->lex, lineno, len);
}

/* _PyPegen_raise_error_known_location.  COL_OFFSET/END_COL_OFFSET are
** 1-based byte columns (or CURRENT_POS). */
static void *raise_known_v(Parser *p, ErrKind kind, int lineno, int col_offset,
                           int end_lineno, int end_col_offset,
                           const char *fmt, va_list ap) {
  char msg[sizeof p->err->msg];
  const char *line;
  int linelen = 0, cur_lineno, cur_col;
  Token *last = p->fill > 0 ? &p->toks[p->fill - 1] : NULL;
  p->error_indicator = true;
  if (p->err->kind != ERR_NONE) return NULL;
  cur_lineno = last ? last->cur_lineno : 1;
  cur_col = last ? last->cur_col : 0;
  if (end_lineno == CURRENT_POS) end_lineno = cur_lineno;
  if (end_col_offset == CURRENT_POS) end_col_offset = cur_col;
  vsnprintf(msg, sizeof msg, fmt, ap);
  if (p->start_rule == START_FSTRING) {
    snprintf(p->err->msg, sizeof p->err->msg, "f-string: %.300s", msg);
    col_offset -= p->starting_col_offset;
    end_col_offset -= p->starting_col_offset;
    /* the error line is the nested tokenizer's current line */
    line = source_line(p, cur_lineno, &linelen);
  } else {
    memcpy(p->err->msg, msg, sizeof msg);
    line = source_line(p, lineno, &linelen);
  }
  p->err->kind = kind;
  p->err->lineno = lineno;
  p->err->end_lineno = end_lineno;
  if (line) {
    int withnl = linelen + (line + linelen < p->lex->end && line[linelen] == '\n');
    p->err->text = line;
    p->err->textlen = withnl;
    if (p->lex->encoding_declared) {
      p->err->offset = lexer_char_offset(line, linelen, col_offset);
      p->err->end_offset = end_col_offset > 0
          ? lexer_char_offset(line, linelen, end_col_offset) : end_col_offset;
    } else {
      /* CPython 3.11 reading a file without a coding declaration leaves
      ** parser error columns in bytes */
      p->err->offset = col_offset;
      p->err->end_offset = end_col_offset;
    }
  } else {
    p->err->text = NULL;
    p->err->textlen = 0;
    p->err->offset = col_offset;
    p->err->end_offset = end_col_offset;
  }
  return NULL;
}

static void *raise_known(Parser *p, ErrKind kind, int lineno, int col,
                         int end_lineno, int end_col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_known_v(p, kind, lineno, col, end_lineno, end_col, fmt, ap);
  va_end(ap);
  return NULL;
}

/* RAISE_ERROR_KNOWN_LOCATION: 0-based columns, -1 for none. */
static void *raise_at(Parser *p, ErrKind kind, int lineno, int col,
                      int end_lineno, int end_col, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  raise_known_v(p, kind, lineno, col == CURRENT_POS ? CURRENT_POS : col + 1,
                end_lineno, end_col == CURRENT_POS ? CURRENT_POS : end_col + 1,
                fmt, ap);
  va_end(ap);
  return NULL;
}

/* _PyPegen_raise_error: at the last token read. */
static void *raise_error(Parser *p, ErrKind kind, const char *fmt, ...) {
  va_list ap;
  Token *t;
  int col, end_col;
  if (p->error_indicator && p->err->kind != ERR_NONE) return NULL;
  va_start(ap, fmt);
  if (p->fill == 0) {
    raise_known_v(p, kind, 0, 0, 0, -1, fmt, ap);
    va_end(ap);
    return NULL;
  }
  t = p->known_err_token ? p->known_err_token : &p->toks[p->fill - 1];
  if (t->col == -1) col = p->toks[p->fill - 1].cur_col;
  else col = t->col + 1;
  end_col = t->end_col != -1 ? t->end_col + 1 : -1;
  raise_known_v(p, kind, t->lineno, col, t->end_lineno, end_col, fmt, ap);
  va_end(ap);
  return NULL;
}

#define RAISE_SYNTAX_ERROR(...) raise_error(p, ERR_SYNTAX, __VA_ARGS__)
#define RAISE_INDENTATION_ERROR(...) raise_error(p, ERR_INDENT, __VA_ARGS__)
#define RAISE_AT_POS(ps, ...) \
  raise_at(p, ERR_SYNTAX, (ps).lineno, (ps).col, (ps).end_lineno, (ps).end_col, __VA_ARGS__)
#define RAISE_RANGE(a, b, ...) \
  raise_at(p, ERR_SYNTAX, (a).lineno, (a).col, (b).end_lineno, (b).end_col, __VA_ARGS__)
#define RAISE_STARTING_FROM(a, ...) \
  raise_at(p, ERR_SYNTAX, (a).lineno, (a).col, CURRENT_POS, CURRENT_POS, __VA_ARGS__)

static Pos tok_pos(const Token *t) {
  Pos ps;
  ps.lineno = t->lineno;
  ps.col = t->col;
  ps.end_lineno = t->end_lineno;
  ps.end_col = t->end_col;
  return ps;
}

static void *nomem(Parser *p) {
  p->error_indicator = true;
  if (p->err->kind == ERR_NONE) {
    p->err->kind = ERR_NOMEM;
    p->err->msg[0] = 0;
  }
  return NULL;
}

static void *notimpl(Parser *p, const Token *t, const char *what) {
  p->error_indicator = true;
  if (p->err->kind == ERR_NONE) {
    int len = 0;
    const char *line = source_line(p, t->lineno, &len);
    p->err->kind = ERR_NOTIMPL;
    snprintf(p->err->msg, sizeof p->err->msg, "%s are not supported yet", what);
    p->err->lineno = p->err->end_lineno = t->lineno;
    p->err->text = line;
    p->err->textlen = len;
    p->err->offset = line ? lexer_char_offset(line, len, t->col + 1) : t->col + 1;
    p->err->end_offset = line ? lexer_char_offset(line, len, t->end_col + 1) : t->end_col + 1;
  }
  return NULL;
}

/* The tokenizer failed at the token we just read (_Pypegen_tokenizer_error). */
static void unclosed_paren_error(Parser *p) {
  Lexer *l = p->lex;
  int lvl = l->level - 1;
  raise_at(p, ERR_SYNTAX, l->parenlinenostack[lvl], l->parencolstack[lvl],
           l->parenlinenostack[lvl], -1, "'%c' was never closed",
           l->parenstack[lvl]);
}

static void tokenizer_error(Parser *p) {
  Lexer *l = p->lex;
  Token *t = &p->toks[p->fill - 1];
  p->error_indicator = true;
  if (p->err->kind != ERR_NONE) return;
  switch (l->done) {
  case LEX_ERROR:
    /* raised by the tokenizer itself: no "f-string: " prefix even in a
    ** nested f-string parser, as CPython */
    *p->err = l->err;
    return;
  case LEX_EOF:
    if (l->level) unclosed_paren_error(p);
    else RAISE_SYNTAX_ERROR("unexpected EOF while parsing");
    return;
  case LEX_DEDENT:
    RAISE_INDENTATION_ERROR("unindent does not match any outer indentation level");
    return;
  case LEX_TABSPACE:
    raise_at(p, ERR_TAB, t->cur_lineno, 0, t->cur_lineno, -1,
             "inconsistent use of tabs and spaces in indentation");
    return;
  case LEX_TOODEEP:
    raise_at(p, ERR_INDENT, t->cur_lineno, 0, t->cur_lineno, -1,
             "too many levels of indentation");
    return;
  case LEX_LINECONT:
    raise_at(p, ERR_SYNTAX, t->cur_lineno, t->cur_col - 1, t->cur_lineno, -1,
             "unexpected character after line continuation character");
    return;
  default:
    raise_at(p, ERR_SYNTAX, t->cur_lineno, 0, t->cur_lineno, -1,
             "unknown parsing error");
  }
}

/* ------------------------------------------------------------------ */
/* Tokens                                                             */
/* ------------------------------------------------------------------ */

/* Make token I available (records how far we looked); false when it is the
** tokenizer's error token, with the error raised. */
static bool fill_to(Parser *p, int i) {
  if (i < p->fill) return p->toks[i].type != T_ERRORTOKEN;
  while (p->fill <= i) {
    p->fill++;
    if (p->toks[p->fill - 1].type == T_ERRORTOKEN) {
      tokenizer_error(p);
      return false;
    }
  }
  return true;
}

/* The next token, or NULL when reading it fails (error raised). */
static Token *peek(Parser *p) {
  if (p->mark >= p->ntoks) return NULL;
  if (!fill_to(p, p->mark)) return NULL;
  return &p->toks[p->mark];
}

static Token *expect(Parser *p, TokType type) {
  Token *t;
  if (p->error_indicator) return NULL;
  t = peek(p);
  if (t == NULL || t->type != type) return NULL;
  p->mark++;
  return t;
}

static bool lookahead(Parser *p, TokType type) {
  Token *t;
  if (p->error_indicator) return false;
  t = peek(p);
  return t != NULL && t->type == type;
}

/* &&'x': raise "expected 'x'" at once when absent. */
static Token *expect_forced(Parser *p, TokType type, const char *what) {
  Token *t;
  if (p->error_indicator) return NULL;
  t = peek(p);
  if (t == NULL) return NULL;
  if (t->type != type) {
    RAISE_AT_POS(tok_pos(t), "expected '%s'", what);
    return NULL;
  }
  p->mark++;
  return t;
}

static Token *soft_keyword(Parser *p, const char *kw) {
  Token *t;
  if (p->error_indicator) return NULL;
  t = peek(p);
  if (t == NULL || t->type != T_NAME || strcmp(t->str, kw) != 0) return NULL;
  p->mark++;
  return t;
}

/* The last token before the mark that is not NEWLINE/INDENT/DEDENT. */
static Token *last_nonws(Parser *p) {
  int m;
  Token *t = NULL;
  for (m = p->mark - 1; m >= 0; m--) {
    t = &p->toks[m];
    if (t->type != T_ENDMARKER && t->type != T_NEWLINE && t->type != T_INDENT &&
        t->type != T_DEDENT)
      break;
  }
  return t;
}

/* EXTRA: from the token at START to the last token consumed. */
static Pos extra(Parser *p, int start) {
  Pos ps;
  Token *s = &p->toks[start], *e = last_nonws(p);
  ps.lineno = s->lineno;
  ps.col = s->col;
  ps.end_lineno = e ? e->end_lineno : s->end_lineno;
  ps.end_col = e ? e->end_col : s->end_col;
  return ps;
}

/* ------------------------------------------------------------------ */
/* Rule entry, memo                                                   */
/* ------------------------------------------------------------------ */

/* Entering a rule: false when we must fail at once (error or too deep). */
static bool enter(Parser *p) {
  if (p->error_indicator) return false;
  if (++p->level > PARSER_MAXSTACK) {
    p->level--;
    nomem(p);
    return false;
  }
  if (peek(p) == NULL) {
    p->level--;
    return false;
  }
  return true;
}

static void *leave(Parser *p, void *res) {
  p->level--;
  return res;
}

static bool memo_get(Parser *p, int rule, void **res) {
  Memo *m;
  if (rule == 0) return false;
  for (m = p->memo[p->mark]; m; m = m->next)
    if (m->rule == rule) {
      *res = m->node;
      p->mark = m->end;
      return true;
    }
  return false;
}

static void memo_put(Parser *p, int mark, int rule, void *node) {
  Memo *m;
  if (p->error_indicator || rule == 0) return;
  for (m = p->memo[mark]; m; m = m->next)
    if (m->rule == rule) {
      m->node = node;
      m->end = p->mark;
      return;
    }
  m = arena_alloc(p->arena, sizeof *m);
  if (m == NULL) { nomem(p); return; }
  m->rule = rule;
  m->node = node;
  m->end = p->mark;
  m->next = p->memo[mark];
  p->memo[mark] = m;
}

/* ------------------------------------------------------------------ */
/* Node construction                                                  */
/* ------------------------------------------------------------------ */

static Expr *new_expr(Parser *p, ExprKind kind, Pos ps) {
  Expr *e = arena_alloc(p->arena, sizeof *e);
  if (e == NULL) return nomem(p);
  e->kind = kind;
  e->pos = ps;
  return e;
}

static Stmt *new_stmt(Parser *p, StmtKind kind, Pos ps) {
  Stmt *s = arena_alloc(p->arena, sizeof *s);
  if (s == NULL) return nomem(p);
  s->kind = kind;
  s->pos = ps;
  return s;
}

static void *new_node(Parser *p, size_t size) {
  void *n = arena_alloc(p->arena, size);
  if (n == NULL) return nomem(p);
  return n;
}

static bool push(Parser *p, PtrVec *v, void *item) {
  if (ptrvec_push(p->arena, v, item) < 0) {
    nomem(p);
    return false;
  }
  return true;
}

#define SEQ_FROM(seq, vec) do { (seq).a = (void *)(vec).items; (seq).n = (vec).n; } while (0)

static ExprSeq expr_seq1(Parser *p, Expr *e) {
  ExprSeq s = {NULL, 0};
  Expr **a = new_node(p, sizeof(Expr *));
  if (a) { a[0] = e; s.a = a; s.n = 1; }
  return s;
}

static ExprSeq expr_seq_prepend(Parser *p, Expr *first, PtrVec *rest) {
  ExprSeq s = {NULL, 0};
  Expr **a = new_node(p, sizeof(Expr *) * (size_t)(rest->n + 1));
  if (a) {
    a[0] = first;
    if (rest->n) memcpy(a + 1, rest->items, sizeof(Expr *) * (size_t)rest->n);
    s.a = a;
    s.n = rest->n + 1;
  }
  return s;
}

static Expr *name_expr(Parser *p, Token *t, ExprCtx ctx) {
  Expr *e = new_expr(p, E_Name, tok_pos(t));
  if (e) { e->v.Name.id = t->str; e->v.Name.ctx = ctx; }
  return e;
}

/* NAME (never a keyword). */
static Expr *name_token(Parser *p) {
  Token *t = expect(p, T_NAME);
  if (t == NULL) return NULL;
  return name_expr(p, t, CTX_LOAD);
}

/* _PyPegen_set_expr_context */
static Expr *set_ctx(Parser *p, Expr *e, ExprCtx ctx) {
  Expr *n;
  int i;
  if (e == NULL) return NULL;
  n = new_expr(p, e->kind, e->pos);
  if (n == NULL) return NULL;
  *n = *e;
  switch (e->kind) {
  case E_Name: n->v.Name.ctx = ctx; break;
  case E_Attribute: n->v.Attribute.ctx = ctx; break;
  case E_Subscript: n->v.Subscript.ctx = ctx; break;
  case E_Starred:
    n->v.Starred.ctx = ctx;
    n->v.Starred.value = set_ctx(p, e->v.Starred.value, ctx);
    break;
  case E_List: case E_Tuple: {
    Expr **a = new_node(p, sizeof(Expr *) * (size_t)(e->v.List.elts.n ? e->v.List.elts.n : 1));
    if (a == NULL) return NULL;
    for (i = 0; i < e->v.List.elts.n; i++) a[i] = set_ctx(p, e->v.List.elts.a[i], ctx);
    n->v.List.elts.a = a;
    n->v.List.ctx = ctx;
    break;
  }
  default: break;
  }
  return n;
}

static Arguments *empty_arguments(Parser *p) {
  return new_node(p, sizeof(Arguments));
}

/* ------------------------------------------------------------------ */
/* Forward declarations                                               */
/* ------------------------------------------------------------------ */

static StmtSeq *statements(Parser *p);
static StmtSeq *block(Parser *p);
static Expr *expression(Parser *p);
static Expr *expressions(Parser *p);
static Expr *star_expressions(Parser *p);
static Expr *star_expression(Parser *p);
static Expr *named_expression(Parser *p);
static Expr *assignment_expression(Parser *p);
static Expr *star_named_expression(Parser *p);
static bool star_named_expressions(Parser *p, PtrVec *out);
static Expr *disjunction(Parser *p);
static Expr *bitwise_or(Parser *p);
static Expr *primary(Parser *p);
static Expr *t_primary(Parser *p);
static Expr *atom(Parser *p);
static Expr *slices(Parser *p);
static Expr *yield_expr(Parser *p);
static Expr *star_targets(Parser *p);
static Expr *star_target(Parser *p);
static Expr *single_target(Parser *p);
static Expr *single_subscript_attribute_target(Parser *p);
static Expr *target_with_star_atom(Parser *p);
static Expr *del_target(Parser *p);
static bool del_targets(Parser *p, PtrVec *out);
static Expr *arguments(Parser *p);
static Expr *args(Parser *p);
static Expr *genexp(Parser *p);
static Expr *lambdef(Parser *p);
static Expr *strings(Parser *p);
static Expr *starred_expression(Parser *p);
static bool for_if_clauses(Parser *p, PtrVec *out);
static Arguments *params(Parser *p);
static Expr *invalid_named_expression(Parser *p);
static void *invalid_block(Parser *p);
static Expr *expression_without_invalid(Parser *p);
static Expr *conjunction(Parser *p);
static Expr *inversion(Parser *p);
static Expr *annotated_rhs(Parser *p);
static Stmt *simple_stmt(Parser *p);
static Expr *dotted_name(Parser *p);

/* ------------------------------------------------------------------ */
/* Targets of invalid-target errors                                   */
/* ------------------------------------------------------------------ */

enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS };

/* _PyPegen_get_invalid_target */
static Expr *get_invalid_target(Expr *e, int type) {
  int i;
  if (e == NULL) return NULL;
  switch (e->kind) {
  case E_List: case E_Tuple:
    for (i = 0; i < e->v.List.elts.n; i++) {
      Expr *c = get_invalid_target(e->v.List.elts.a[i], type);
      if (c) return c;
    }
    return NULL;
  case E_Starred:
    if (type == DEL_TARGETS) return e;
    return get_invalid_target(e->v.Starred.value, type);
  case E_Compare:
    if (type == FOR_TARGETS) {
      if (e->v.Compare.ops[0] == CMPK_IN)
        return get_invalid_target(e->v.Compare.left, type);
      return NULL;
    }
    return e;
  case E_Name: case E_Subscript: case E_Attribute:
    return NULL;
  default:
    return e;
  }
}

static void *raise_invalid_target(Parser *p, int type, Expr *e) {
  Expr *t = get_invalid_target(e, type);
  if (t == NULL) return NULL;
  if (type == STAR_TARGETS || type == FOR_TARGETS)
    return RAISE_AT_POS(t->pos, "cannot assign to %s", ast_expr_name(t));
  return RAISE_AT_POS(t->pos, "cannot delete %s", ast_expr_name(t));
}

static bool is_legacy_stmt(Expr *e) {
  return e && e->kind == E_Name &&
         (strcmp(e->v.Name.id, "print") == 0 || strcmp(e->v.Name.id, "exec") == 0);
}

/* ------------------------------------------------------------------ */
/* Statements                                                         */
/* ------------------------------------------------------------------ */

static Stmt *compound_stmt(Parser *p);
static bool simple_stmts(Parser *p, PtrVec *out);

/* statement: compound_stmt | simple_stmts (appends to OUT) */
static bool statement(Parser *p, PtrVec *out) {
  int mark;
  Stmt *s;
  if (!enter(p)) return false;
  mark = p->mark;
  if ((s = compound_stmt(p))) {
    bool ok = push(p, out, s);
    return leave(p, ok ? s : NULL) != NULL;
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL) != NULL;
  if (simple_stmts(p, out)) return leave(p, out) != NULL;
  p->mark = mark;
  return leave(p, NULL) != NULL;
}

static StmtSeq *statements(Parser *p) {
  PtrVec v = {0};
  StmtSeq *s;
  int mark;
  if (!enter(p)) return NULL;
  mark = p->mark;
  for (;;) {
    int m = p->mark;
    if (!statement(p, &v)) { p->mark = m; break; }
  }
  if (v.n == 0 || p->error_indicator) {
    p->mark = mark;
    return leave(p, NULL);
  }
  s = new_node(p, sizeof *s);
  if (s) SEQ_FROM(*s, v);
  return leave(p, s);
}

/* simple_stmts: simple_stmt !';' NEWLINE | ';'.simple_stmt+ [';'] NEWLINE */
static bool simple_stmts(Parser *p, PtrVec *out) {
  int mark, n0 = out->n;
  Stmt *s;
  if (!enter(p)) return false;
  mark = p->mark;
  if ((s = simple_stmt(p)) && !lookahead(p, T_SEMI) && expect(p, T_NEWLINE)) {
    bool ok = push(p, out, s);
    return leave(p, ok ? out : NULL) != NULL;
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL) != NULL;
  if ((s = simple_stmt(p))) {
    if (!push(p, out, s)) return leave(p, NULL) != NULL;
    for (;;) {
      int m = p->mark;
      Stmt *t;
      if (!expect(p, T_SEMI) || !(t = simple_stmt(p))) { p->mark = m; break; }
      if (!push(p, out, t)) return leave(p, NULL) != NULL;
    }
    if (!p->error_indicator) {
      expect(p, T_SEMI);
      if (expect(p, T_NEWLINE)) return leave(p, out) != NULL;
    }
  }
  out->n = n0;
  p->mark = mark;
  return leave(p, NULL) != NULL;
}

static Stmt *assignment(Parser *p);
static Stmt *return_stmt(Parser *p);
static Stmt *import_stmt(Parser *p);
static Stmt *raise_stmt(Parser *p);
static Stmt *del_stmt(Parser *p);
static Stmt *assert_stmt(Parser *p);
static Stmt *global_stmt(Parser *p, bool nonlocal);

static Stmt *simple_stmt(Parser *p) {
  int mark;
  void *memo;
  Stmt *s = NULL;
  Expr *e;
  Token *t;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_simple_stmt, &memo)) return leave(p, memo);
  if ((s = assignment(p))) goto done;
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((e = star_expressions(p))) {
    s = new_stmt(p, S_Expr, extra(p, mark));
    if (s) s->v.Expr.value = e;
    goto done;
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  t = peek(p);
  if (t == NULL) return leave(p, NULL);
  switch (t->type) {
  case T_KW_RETURN: s = return_stmt(p); break;
  case T_KW_IMPORT: case T_KW_FROM: s = import_stmt(p); break;
  case T_KW_RAISE: s = raise_stmt(p); break;
  case T_KW_PASS: case T_KW_BREAK: case T_KW_CONTINUE:
    p->mark++;
    s = new_stmt(p, t->type == T_KW_PASS ? S_Pass : t->type == T_KW_BREAK ? S_Break
                 : S_Continue, extra(p, mark));
    break;
  case T_KW_DEL: s = del_stmt(p); break;
  case T_KW_YIELD:
    if ((e = yield_expr(p))) {
      s = new_stmt(p, S_Expr, extra(p, mark));
      if (s) s->v.Expr.value = e;
    }
    break;
  case T_KW_ASSERT: s = assert_stmt(p); break;
  case T_KW_GLOBAL: s = global_stmt(p, false); break;
  case T_KW_NONLOCAL: s = global_stmt(p, true); break;
  default: break;
  }
  if (s == NULL) p->mark = mark;
done:
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_simple_stmt, s);
  return leave(p, s);
}

/* augassign: the operator of an augmented assignment, or -1. */
static int augassign(Parser *p) {
  Token *t = peek(p);
  int op = -1;
  if (t == NULL) return -1;
  switch (t->type) {
  case T_PLUSEQUAL: op = BINOP_ADD; break;
  case T_MINEQUAL: op = BINOP_SUB; break;
  case T_STAREQUAL: op = BINOP_MUL; break;
  case T_ATEQUAL: op = BINOP_MATMUL; break;
  case T_SLASHEQUAL: op = BINOP_TRUEDIV; break;
  case T_PERCENTEQUAL: op = BINOP_MOD; break;
  case T_AMPEREQUAL: op = BINOP_AND; break;
  case T_VBAREQUAL: op = BINOP_OR; break;
  case T_CIRCUMFLEXEQUAL: op = BINOP_XOR; break;
  case T_LEFTSHIFTEQUAL: op = BINOP_LSHIFT; break;
  case T_RIGHTSHIFTEQUAL: op = BINOP_RSHIFT; break;
  case T_DOUBLESTAREQUAL: op = BINOP_POW; break;
  case T_DOUBLESLASHEQUAL: op = BINOP_FLOORDIV; break;
  default: return -1;
  }
  p->mark++;
  return op;
}

/* annotated_rhs: yield_expr | star_expressions */
static Expr *annotated_rhs(Parser *p) {
  int mark = p->mark;
  Expr *e;
  if (p->error_indicator) return NULL;
  if ((e = yield_expr(p))) return e;
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if ((e = star_expressions(p))) return e;
  p->mark = mark;
  return NULL;
}

/* ['=' d=annotated_rhs] */
static Expr *opt_assigned_rhs(Parser *p) {
  int m = p->mark;
  Expr *d;
  if (expect(p, T_EQUAL) && (d = annotated_rhs(p))) return d;
  p->mark = m;
  return NULL;
}

static Expr *invalid_ann_assign_target(Parser *p);
static Expr *list_rule(Parser *p);
static Expr *tuple_rule(Parser *p);

/* invalid_assignment (second pass) */
static void *invalid_assignment(Parser *p) {
  int mark = p->mark;
  Expr *a;
  int op;
  if (!enter(p)) return NULL;
  if ((a = invalid_ann_assign_target(p)) && expect(p, T_COLON) && expression(p)) {
    RAISE_AT_POS(a->pos, "only single target (not %s) can be annotated", ast_expr_name(a));
    return leave(p, NULL);
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((a = star_named_expression(p)) && expect(p, T_COMMA)) {
    for (;;) {
      int m = p->mark;
      PtrVec tmp = {0};
      if (!star_named_expressions(p, &tmp)) { p->mark = m; break; }
    }
    if (!p->error_indicator && expect(p, T_COLON) && expression(p)) {
      RAISE_AT_POS(a->pos, "only single target (not tuple) can be annotated");
      return leave(p, NULL);
    }
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((a = expression(p)) && expect(p, T_COLON) && expression(p)) {
    RAISE_AT_POS(a->pos, "illegal target for annotation");
    return leave(p, NULL);
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  /* (star_targets '=')* a=star_expressions '=' */
  for (;;) {
    int m = p->mark;
    if (!(star_targets(p) && expect(p, T_EQUAL))) { p->mark = m; break; }
  }
  if (!p->error_indicator) {
    int m = p->mark;
    if ((a = star_expressions(p)) && expect(p, T_EQUAL)) {
      raise_invalid_target(p, STAR_TARGETS, a);
      if (p->error_indicator) return leave(p, NULL);
    }
    p->mark = m;
    if (!p->error_indicator && (a = yield_expr(p)) && expect(p, T_EQUAL)) {
      RAISE_AT_POS(a->pos, "assignment to yield expression not possible");
      return leave(p, NULL);
    }
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((a = star_expressions(p)) && (op = augassign(p)) >= 0) {
    int m = p->mark;
    if (yield_expr(p) || (p->mark = m, !p->error_indicator && star_expressions(p))) {
      RAISE_AT_POS(a->pos, "'%s' is an illegal expression for augmented assignment",
                   ast_expr_name(a));
      return leave(p, NULL);
    }
  }
  p->mark = mark;
  return leave(p, NULL);
}

static Stmt *assignment(Parser *p) {
  int mark;
  Expr *a, *b, *c;
  Token *t;
  Stmt *s;
  int op;
  if (!enter(p)) return NULL;
  mark = p->mark;
  /* a=NAME ':' b=expression c=['=' d=annotated_rhs] */
  if ((t = expect(p, T_NAME)) && expect(p, T_COLON) && (b = expression(p))) {
    c = opt_assigned_rhs(p);
    if (p->error_indicator) return leave(p, NULL);
    s = new_stmt(p, S_AnnAssign, extra(p, mark));
    if (s) {
      s->v.AnnAssign.target = name_expr(p, t, CTX_STORE);
      s->v.AnnAssign.annotation = b;
      s->v.AnnAssign.value = c;
      s->v.AnnAssign.simple = 1;
    }
    return leave(p, s);
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  /* a=('(' b=single_target ')' | single_subscript_attribute_target) ':' ... */
  a = NULL;
  if (expect(p, T_LPAR) && (a = single_target(p)) && expect(p, T_RPAR)) {
    /* a */
  } else {
    a = NULL;
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
    a = single_subscript_attribute_target(p);
  }
  if (a && expect(p, T_COLON) && (b = expression(p))) {
    c = opt_assigned_rhs(p);
    if (p->error_indicator) return leave(p, NULL);
    s = new_stmt(p, S_AnnAssign, extra(p, mark));
    if (s) {
      s->v.AnnAssign.target = a;
      s->v.AnnAssign.annotation = b;
      s->v.AnnAssign.value = c;
      s->v.AnnAssign.simple = 0;
    }
    return leave(p, s);
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  /* a=(z=star_targets '=')+ b=(yield_expr | star_expressions) !'=' */
  {
    PtrVec targets = {0};
    for (;;) {
      int m = p->mark;
      Expr *z;
      if (!((z = star_targets(p)) && expect(p, T_EQUAL))) { p->mark = m; break; }
      if (!push(p, &targets, z)) return leave(p, NULL);
    }
    if (p->error_indicator) return leave(p, NULL);
    if (targets.n > 0) {
      int m = p->mark;
      if (!(b = yield_expr(p))) {
        p->mark = m;
        if (p->error_indicator) return leave(p, NULL);
        b = star_expressions(p);
      }
      if (b && !lookahead(p, T_EQUAL) && !p->error_indicator) {
        s = new_stmt(p, S_Assign, extra(p, mark));
        if (s) {
          SEQ_FROM(s->v.Assign.targets, targets);
          s->v.Assign.value = b;
        }
        return leave(p, s);
      }
    }
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  /* a=single_target b=augassign ~ c=(yield_expr | star_expressions) */
  if ((a = single_target(p)) && (op = augassign(p)) >= 0) {
    int m = p->mark;
    if (!(c = yield_expr(p))) {
      p->mark = m;
      if (p->error_indicator) return leave(p, NULL);
      c = star_expressions(p);
    }
    if (c == NULL) {            /* cut */
      p->mark = mark;
      return leave(p, NULL);
    }
    s = new_stmt(p, S_AugAssign, extra(p, mark));
    if (s) {
      s->v.AugAssign.target = a;
      s->v.AugAssign.op = op;
      s->v.AugAssign.value = c;
    }
    return leave(p, s);
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if (p->call_invalid_rules) {
    invalid_assignment(p);
    p->mark = mark;
  }
  return leave(p, NULL);
}

static Stmt *return_stmt(Parser *p) {
  int mark = p->mark;
  Expr *a;
  Stmt *s;
  if (!expect(p, T_KW_RETURN)) return NULL;
  {
    int m = p->mark;
    if (!(a = star_expressions(p))) p->mark = m;
  }
  if (p->error_indicator) return NULL;
  s = new_stmt(p, S_Return, extra(p, mark));
  if (s) s->v.Return.value = a;
  return s;
}

static Stmt *raise_stmt(Parser *p) {
  int mark = p->mark;
  Expr *a, *b = NULL;
  Stmt *s;
  if (!expect(p, T_KW_RAISE)) return NULL;
  if ((a = expression(p))) {
    int m = p->mark;
    if (!(expect(p, T_KW_FROM) && (b = expression(p)))) { p->mark = m; b = NULL; }
  } else {
    p->mark = mark + 1;
  }
  if (p->error_indicator) return NULL;
  s = new_stmt(p, S_Raise, extra(p, mark));
  if (s) { s->v.Raise.exc = a; s->v.Raise.cause = b; }
  return s;
}

static Stmt *global_stmt(Parser *p, bool nonlocal) {
  int mark = p->mark;
  PtrVec names = {0};
  Token *t;
  Stmt *s;
  p->mark++;                      /* the keyword, checked by the caller */
  if (!(t = expect(p, T_NAME))) { p->mark = mark; return NULL; }
  if (!push(p, &names, (void *)t->str)) return NULL;
  for (;;) {
    int m = p->mark;
    if (!(expect(p, T_COMMA) && (t = expect(p, T_NAME)))) { p->mark = m; break; }
    if (!push(p, &names, (void *)t->str)) return NULL;
  }
  if (p->error_indicator) return NULL;
  s = new_stmt(p, nonlocal ? S_Nonlocal : S_Global, extra(p, mark));
  if (s) {
    s->v.Global.n = names.n;
    s->v.Global.names = (const char **)names.items;
  }
  return s;
}

static Stmt *del_stmt(Parser *p) {
  int mark = p->mark;
  PtrVec v = {0};
  Stmt *s;
  if (expect(p, T_KW_DEL) && del_targets(p, &v) &&
      (lookahead(p, T_SEMI) || lookahead(p, T_NEWLINE))) {
    s = new_stmt(p, S_Delete, extra(p, mark));
    if (s) SEQ_FROM(s->v.Delete.targets, v);
    return s;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) {
    Expr *a;
    if (expect(p, T_KW_DEL) && (a = star_expressions(p)))
      raise_invalid_target(p, DEL_TARGETS, a);
    p->mark = mark;
  }
  return NULL;
}

static Stmt *assert_stmt(Parser *p) {
  int mark = p->mark;
  Expr *a, *b = NULL;
  Stmt *s;
  if (!(expect(p, T_KW_ASSERT) && (a = expression(p)))) { p->mark = mark; return NULL; }
  {
    int m = p->mark;
    if (!(expect(p, T_COMMA) && (b = expression(p)))) { p->mark = m; b = NULL; }
  }
  if (p->error_indicator) return NULL;
  s = new_stmt(p, S_Assert, extra(p, mark));
  if (s) { s->v.Assert.test = a; s->v.Assert.msg = b; }
  return s;
}

/* ---- import ---- */

static Alias *new_alias(Parser *p, const char *name, const char *asname, Pos ps) {
  Alias *a = new_node(p, sizeof *a);
  if (a) { a->name = name; a->asname = asname; a->pos = ps; }
  return a;
}

/* dotted_name: NAME ('.' NAME)* -- one interned dotted string */
static Expr *dotted_name(Parser *p) {
  int mark;
  Token *t;
  Expr *e;
  char buf[1024];
  size_t n;
  void *memo;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_dotted_name, &memo)) return leave(p, memo);
  if (!(t = expect(p, T_NAME))) {
    p->mark = mark;
    memo_put(p, mark, M_dotted_name, NULL);
    return leave(p, NULL);
  }
  n = (size_t)snprintf(buf, sizeof buf, "%s", t->str);
  for (;;) {
    int m = p->mark;
    Token *u;
    if (!(expect(p, T_DOT) && (u = expect(p, T_NAME)))) { p->mark = m; break; }
    if (n < sizeof buf) n += (size_t)snprintf(buf + n, sizeof buf - n, ".%s", u->str);
  }
  if (p->error_indicator) return leave(p, NULL);
  e = new_expr(p, E_Name, extra(p, mark));
  if (e) {
    e->v.Name.id = intern_n(p->names, buf, n < sizeof buf ? n : sizeof buf - 1);
    if (e->v.Name.id == NULL) return leave(p, nomem(p));
  }
  memo_put(p, mark, M_dotted_name, e);
  return leave(p, e);
}

/* ['as' z=NAME] */
static const char *opt_as_name(Parser *p) {
  int m = p->mark;
  Token *t;
  if (expect(p, T_KW_AS) && (t = expect(p, T_NAME))) return t->str;
  p->mark = m;
  return NULL;
}

static Alias *dotted_as_name(Parser *p) {
  int mark = p->mark;
  Expr *a;
  const char *as;
  if (!(a = dotted_name(p))) { p->mark = mark; return NULL; }
  as = opt_as_name(p);
  if (p->error_indicator) return NULL;
  return new_alias(p, a->v.Name.id, as, extra(p, mark));
}

static Alias *import_from_as_name(Parser *p) {
  int mark = p->mark;
  Token *t;
  const char *as;
  if (!(t = expect(p, T_NAME))) { p->mark = mark; return NULL; }
  as = opt_as_name(p);
  if (p->error_indicator) return NULL;
  return new_alias(p, t->str, as, extra(p, mark));
}

/* ','.import_from_as_name+ */
static bool import_from_as_names(Parser *p, PtrVec *v) {
  int mark = p->mark;
  Alias *a;
  if (!(a = import_from_as_name(p)) || !push(p, v, a)) { p->mark = mark; return false; }
  for (;;) {
    int m = p->mark;
    if (!(expect(p, T_COMMA) && (a = import_from_as_name(p)))) { p->mark = m; break; }
    if (!push(p, v, a)) return false;
  }
  return !p->error_indicator;
}

static bool import_from_targets(Parser *p, PtrVec *v) {
  int mark = p->mark;
  Token *t;
  if (expect(p, T_LPAR) && import_from_as_names(p, v)) {
    expect(p, T_COMMA);
    if (expect(p, T_RPAR)) return true;
  }
  p->mark = mark;
  v->n = 0;
  if (p->error_indicator) return false;
  if (import_from_as_names(p, v) && !lookahead(p, T_COMMA) && !p->error_indicator)
    return true;
  p->mark = mark;
  v->n = 0;
  if (p->error_indicator) return false;
  if ((t = expect(p, T_STAR))) {
    Alias *a = new_alias(p, intern_cstr(p->names, "*"), NULL, tok_pos(t));
    return a && push(p, v, a);
  }
  p->mark = mark;
  if (p->error_indicator) return false;
  if (p->call_invalid_rules) {
    PtrVec tmp = {0};
    if (import_from_as_names(p, &tmp) && expect(p, T_COMMA) && expect(p, T_NEWLINE))
      RAISE_SYNTAX_ERROR("trailing comma not allowed without surrounding parentheses");
    p->mark = mark;
  }
  return false;
}

static Stmt *import_stmt(Parser *p) {
  int mark = p->mark;
  PtrVec v = {0};
  Stmt *s;
  if (expect(p, T_KW_IMPORT)) {
    Alias *a;
    if ((a = dotted_as_name(p)) && push(p, &v, a)) {
      for (;;) {
        int m = p->mark;
        if (!(expect(p, T_COMMA) && (a = dotted_as_name(p)))) { p->mark = m; break; }
        if (!push(p, &v, a)) return NULL;
      }
      if (p->error_indicator) return NULL;
      s = new_stmt(p, S_Import, extra(p, mark));
      if (s) SEQ_FROM(s->v.Import.names, v);
      return s;
    }
    p->mark = mark;
    return NULL;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (expect(p, T_KW_FROM)) {
    int level = 0, after_dots;
    Expr *b;
    for (;;) {
      if (expect(p, T_DOT)) level += 1;
      else if (expect(p, T_ELLIPSIS)) level += 3;
      else break;
    }
    if (p->error_indicator) return NULL;
    after_dots = p->mark;
    if ((b = dotted_name(p)) && expect(p, T_KW_IMPORT) && import_from_targets(p, &v)) {
      s = new_stmt(p, S_ImportFrom, extra(p, mark));
      if (s) {
        s->v.ImportFrom.module = b->v.Name.id;
        SEQ_FROM(s->v.ImportFrom.names, v);
        s->v.ImportFrom.level = level;
      }
      return s;
    }
    if (p->error_indicator) return NULL;
    p->mark = after_dots;
    v.n = 0;
    if (level > 0 && expect(p, T_KW_IMPORT) && import_from_targets(p, &v)) {
      s = new_stmt(p, S_ImportFrom, extra(p, mark));
      if (s) {
        s->v.ImportFrom.module = NULL;
        SEQ_FROM(s->v.ImportFrom.names, v);
        s->v.ImportFrom.level = level;
      }
      return s;
    }
  }
  p->mark = mark;
  return NULL;
}

/* ---- blocks ---- */

/* NEWLINE !INDENT, used by the "expected an indented block" rules. */
static bool newline_no_indent(Parser *p) {
  return expect(p, T_NEWLINE) && !lookahead(p, T_INDENT) && !p->error_indicator;
}

static StmtSeq *block(Parser *p) {
  int mark;
  void *memo;
  StmtSeq *a;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_block, &memo)) return leave(p, memo);
  if (expect(p, T_NEWLINE) && expect(p, T_INDENT) && (a = statements(p)) &&
      expect(p, T_DEDENT))
    goto done;
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  {
    PtrVec v = {0};
    if (simple_stmts(p, &v)) {
      a = new_node(p, sizeof *a);
      if (a) SEQ_FROM(*a, v);
      goto done;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if (p->call_invalid_rules) {
    invalid_block(p);
    p->mark = mark;
  }
  a = NULL;
done:
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_block, a);
  return leave(p, a);
}

static void *invalid_block(Parser *p) {
  if (newline_no_indent(p)) RAISE_INDENTATION_ERROR("expected an indented block");
  return NULL;
}

/* decorators: ('@' f=named_expression NEWLINE)+ */
static bool decorators(Parser *p, PtrVec *v) {
  int mark = p->mark;
  for (;;) {
    int m = p->mark;
    Expr *f;
    if (!(expect(p, T_AT) && (f = named_expression(p)) && expect(p, T_NEWLINE))) {
      p->mark = m;
      break;
    }
    if (!push(p, v, f)) return false;
  }
  if (v->n == 0 || p->error_indicator) { p->mark = mark; return false; }
  return true;
}

/* ---- class ---- */

/* ['(' z=[arguments] ')'] -- returns the Call holding the arguments, a dummy
** when the parentheses are empty, NULL when absent. */
static Expr *opt_class_args(Parser *p, bool *present) {
  int m = p->mark;
  Expr *z;
  *present = false;
  if (expect(p, T_LPAR)) {
    int m2 = p->mark;
    if (!(z = arguments(p))) { p->mark = m2; z = NULL; }
    if (!p->error_indicator && expect(p, T_RPAR)) {
      *present = true;
      return z;
    }
  }
  p->mark = m;
  return NULL;
}

static Stmt *class_def_raw(Parser *p) {
  int mark = p->mark;
  Token *n, *kw;
  Expr *b;
  StmtSeq *c;
  bool present;
  Stmt *s;
  if (p->call_invalid_rules) {
    if ((kw = expect(p, T_KW_CLASS)) && expect(p, T_NAME)) {
      opt_class_args(p, &present);
      if (!p->error_indicator) {
        int m = p->mark;
        if (expect(p, T_NEWLINE)) {
          RAISE_SYNTAX_ERROR("expected ':'");
          return NULL;
        }
        p->mark = m;
        if (expect(p, T_COLON) && newline_no_indent(p)) {
          RAISE_INDENTATION_ERROR("expected an indented block after class definition on line %d",
                                  kw->lineno);
          return NULL;
        }
      }
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if ((kw = expect(p, T_KW_CLASS)) && (n = expect(p, T_NAME))) {
    b = opt_class_args(p, &present);
    if (!p->error_indicator && expect(p, T_COLON) && (c = block(p))) {
      s = new_stmt(p, S_ClassDef, extra(p, mark));
      if (s) {
        s->v.ClassDef.name = n->str;
        if (b) {
          s->v.ClassDef.bases = b->v.Call.args;
          s->v.ClassDef.keywords = b->v.Call.keywords;
        }
        s->v.ClassDef.body = *c;
      }
      return s;
    }
  }
  p->mark = mark;
  return NULL;
}

/* ---- def ---- */

static Stmt *function_def_raw(Parser *p) {
  int mark = p->mark;
  Token *n, *kw;
  Arguments *params_ = NULL;
  Expr *a = NULL;
  StmtSeq *b;
  Stmt *s;
  bool is_async;
  if (p->call_invalid_rules) {
    expect(p, T_KW_ASYNC);
    if ((kw = expect(p, T_KW_DEF)) && expect(p, T_NAME) && expect(p, T_LPAR)) {
      int m = p->mark;
      if (!params(p)) p->mark = m;
      if (!p->error_indicator && expect(p, T_RPAR)) {
        int m2 = p->mark;
        if (!(expect(p, T_RARROW) && expression(p))) p->mark = m2;
        if (!p->error_indicator && expect(p, T_COLON) && newline_no_indent(p)) {
          RAISE_INDENTATION_ERROR("expected an indented block after function definition on line %d",
                                  kw->lineno);
          return NULL;
        }
      }
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  is_async = expect(p, T_KW_ASYNC) != NULL;
  if ((kw = expect(p, T_KW_DEF)) && (n = expect(p, T_NAME)) &&
      expect_forced(p, T_LPAR, "(")) {
    int m = p->mark;
    if (!(params_ = params(p))) p->mark = m;
    if (!p->error_indicator && expect(p, T_RPAR)) {
      int m2 = p->mark;
      if (!(expect(p, T_RARROW) && (a = expression(p)))) { p->mark = m2; a = NULL; }
      if (!p->error_indicator && expect_forced(p, T_COLON, ":") && (b = block(p))) {
        s = new_stmt(p, is_async ? S_AsyncFunctionDef : S_FunctionDef, extra(p, mark));
        if (s) {
          s->v.FunctionDef.name = n->str;
          s->v.FunctionDef.args = params_ ? params_ : empty_arguments(p);
          s->v.FunctionDef.body = *b;
          s->v.FunctionDef.returns = a;
        }
        return s;
      }
    }
  }
  p->mark = mark;
  return NULL;
}

/* function_def / class_def with optional decorators */
static Stmt *decorated(Parser *p, bool is_class) {
  int mark = p->mark;
  PtrVec d = {0};
  Stmt *s;
  if (decorators(p, &d)) {
    s = is_class ? class_def_raw(p) : function_def_raw(p);
    if (s) {
      if (is_class) SEQ_FROM(s->v.ClassDef.decorator_list, d);
      else SEQ_FROM(s->v.FunctionDef.decorator_list, d);
      return s;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  s = is_class ? class_def_raw(p) : function_def_raw(p);
  if (s == NULL) p->mark = mark;
  return s;
}

/* ---- if / while ---- */

static StmtSeq *else_block(Parser *p) {
  int mark = p->mark;
  Token *kw;
  StmtSeq *b;
  if (p->call_invalid_rules) {
    if ((kw = expect(p, T_KW_ELSE)) && expect(p, T_COLON) && newline_no_indent(p)) {
      RAISE_INDENTATION_ERROR("expected an indented block after 'else' statement on line %d",
                              kw->lineno);
      return NULL;
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if (expect(p, T_KW_ELSE) && expect_forced(p, T_COLON, ":") && (b = block(p))) return b;
  p->mark = mark;
  return NULL;
}

/* Second-pass checks shared by if/elif/while: KW named_expression NEWLINE,
** and KW named_expression ':' NEWLINE !INDENT. */
static bool invalid_cond_stmt(Parser *p, TokType kw, const char *what, bool use_expr_line) {
  int mark = p->mark;
  Token *k;
  Expr *e;
  if ((k = expect(p, kw)) && named_expression(p) && expect(p, T_NEWLINE)) {
    RAISE_SYNTAX_ERROR("expected ':'");
    return true;
  }
  p->mark = mark;
  if (p->error_indicator) return true;
  if ((k = expect(p, kw)) && (e = named_expression(p)) && expect(p, T_COLON) &&
      newline_no_indent(p)) {
    RAISE_INDENTATION_ERROR("expected an indented block after '%s' statement on line %d",
                            what, use_expr_line ? e->pos.lineno : k->lineno);
    return true;
  }
  p->mark = mark;
  return p->error_indicator;
}

static Stmt *if_like(Parser *p, bool elif) {
  int mark = p->mark;
  Expr *a;
  StmtSeq *b, *c;
  Stmt *s, *e;
  TokType kw = elif ? T_KW_ELIF : T_KW_IF;
  if (!enter(p)) return NULL;
  if (p->call_invalid_rules) {
    /* invalid_if_stmt reports the condition's line ("a='if' a=named_expression") */
    if (invalid_cond_stmt(p, kw, elif ? "elif" : "if", !elif)) return leave(p, NULL);
  }
  if (expect(p, kw) && (a = named_expression(p)) && expect(p, T_COLON) && (b = block(p))) {
    int m = p->mark;
    if (lookahead(p, T_KW_ELIF) && (e = if_like(p, true))) {
      s = new_stmt(p, S_If, extra(p, mark));
      if (s) {
        s->v.While.test = a;
        s->v.While.body = *b;
        s->v.While.orelse.a = new_node(p, sizeof(Stmt *));
        if (s->v.While.orelse.a) { s->v.While.orelse.a[0] = e; s->v.While.orelse.n = 1; }
      }
      return leave(p, s);
    }
    p->mark = m;
    if (p->error_indicator) return leave(p, NULL);
    if (!(c = else_block(p))) p->mark = m;
    if (p->error_indicator) return leave(p, NULL);
    s = new_stmt(p, S_If, extra(p, mark));
    if (s) {
      s->v.While.test = a;
      s->v.While.body = *b;
      if (c) s->v.While.orelse = *c;
    }
    return leave(p, s);
  }
  p->mark = mark;
  return leave(p, NULL);
}

static Stmt *while_stmt(Parser *p) {
  int mark = p->mark;
  Expr *a;
  StmtSeq *b, *c;
  Stmt *s;
  if (p->call_invalid_rules && invalid_cond_stmt(p, T_KW_WHILE, "while", false))
    return NULL;
  if (expect(p, T_KW_WHILE) && (a = named_expression(p)) && expect(p, T_COLON) &&
      (b = block(p))) {
    int m = p->mark;
    if (!(c = else_block(p))) p->mark = m;
    if (p->error_indicator) return NULL;
    s = new_stmt(p, S_While, extra(p, mark));
    if (s) {
      s->v.While.test = a;
      s->v.While.body = *b;
      if (c) s->v.While.orelse = *c;
    }
    return s;
  }
  p->mark = mark;
  return NULL;
}

/* ---- for ---- */

static void *invalid_for_target(Parser *p) {
  int mark = p->mark;
  Expr *a;
  expect(p, T_KW_ASYNC);
  if (expect(p, T_KW_FOR) && (a = star_expressions(p)))
    raise_invalid_target(p, FOR_TARGETS, a);
  p->mark = mark;
  return NULL;
}

static Stmt *for_stmt(Parser *p) {
  int mark = p->mark;
  Expr *t, *ex;
  StmtSeq *b, *el;
  Stmt *s;
  Token *kw;
  bool is_async;
  if (p->call_invalid_rules) {
    expect(p, T_KW_ASYNC);
    if ((kw = expect(p, T_KW_FOR)) && star_targets(p) && expect(p, T_KW_IN) &&
        star_expressions(p)) {
      int m = p->mark;
      if (expect(p, T_NEWLINE)) {
        RAISE_SYNTAX_ERROR("expected ':'");
        return NULL;
      }
      p->mark = m;
      if (expect(p, T_COLON) && newline_no_indent(p)) {
        RAISE_INDENTATION_ERROR("expected an indented block after 'for' statement on line %d",
                                kw->lineno);
        return NULL;
      }
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  is_async = expect(p, T_KW_ASYNC) != NULL;
  if (expect(p, T_KW_FOR) && (t = star_targets(p)) && expect(p, T_KW_IN)) {
    /* cut */
    if ((ex = star_expressions(p)) && expect(p, T_COLON) && (b = block(p))) {
      int m = p->mark;
      if (!(el = else_block(p))) p->mark = m;
      if (p->error_indicator) return NULL;
      s = new_stmt(p, is_async ? S_AsyncFor : S_For, extra(p, mark));
      if (s) {
        s->v.For.target = t;
        s->v.For.iter = ex;
        s->v.For.body = *b;
        if (el) s->v.For.orelse = *el;
      }
      return s;
    }
    p->mark = mark;
    return NULL;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) invalid_for_target(p);
  return NULL;
}

/* ---- with ---- */

static WithItem *with_item(Parser *p) {
  int mark = p->mark;
  Expr *e, *t;
  WithItem *w;
  if ((e = expression(p)) && expect(p, T_KW_AS) && (t = star_target(p)) &&
      (lookahead(p, T_COMMA) || lookahead(p, T_RPAR) || lookahead(p, T_COLON))) {
    w = new_node(p, sizeof *w);
    if (w) { w->context_expr = e; w->optional_vars = t; }
    return w;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) {
    Expr *a;
    if (expression(p) && expect(p, T_KW_AS) && (a = expression(p)) &&
        (lookahead(p, T_COMMA) || lookahead(p, T_RPAR) || lookahead(p, T_COLON))) {
      raise_invalid_target(p, STAR_TARGETS, a);
      if (p->error_indicator) return NULL;
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if ((e = expression(p))) {
    w = new_node(p, sizeof *w);
    if (w) w->context_expr = e;
    return w;
  }
  p->mark = mark;
  return NULL;
}

/* ','.with_item+ */
static bool with_items(Parser *p, PtrVec *v) {
  int mark = p->mark;
  WithItem *w;
  if (!(w = with_item(p)) || !push(p, v, w)) { p->mark = mark; return false; }
  for (;;) {
    int m = p->mark;
    if (!(expect(p, T_COMMA) && (w = with_item(p)))) { p->mark = m; break; }
    if (!push(p, v, w)) return false;
  }
  return !p->error_indicator;
}

/* ','.(expression ['as' star_target])+  (or expressions when PAREN) */
static bool loose_with_items(Parser *p, bool paren) {
  int mark = p->mark;
  bool first = true;
  for (;;) {
    int m = p->mark;
    if (!first && !expect(p, T_COMMA)) { p->mark = m; break; }
    if (!(paren ? expressions(p) : expression(p))) {
      p->mark = m;
      if (first) { p->mark = mark; return false; }
      break;
    }
    {
      int m2 = p->mark;
      if (!(expect(p, T_KW_AS) && star_target(p))) p->mark = m2;
    }
    if (p->error_indicator) return false;
    first = false;
  }
  return !p->error_indicator;
}

static Stmt *with_stmt(Parser *p) {
  int mark = p->mark;
  PtrVec v = {0};
  StmtSeq *b;
  Stmt *s;
  Token *kw;
  bool is_async;
  if (p->call_invalid_rules) {
    /* invalid_with_stmt_indent */
    expect(p, T_KW_ASYNC);
    if ((kw = expect(p, T_KW_WITH)) && loose_with_items(p, false) && expect(p, T_COLON) &&
        newline_no_indent(p)) {
      RAISE_INDENTATION_ERROR("expected an indented block after 'with' statement on line %d",
                              kw->lineno);
      return NULL;
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
    expect(p, T_KW_ASYNC);
    if ((kw = expect(p, T_KW_WITH)) && expect(p, T_LPAR) && loose_with_items(p, true)) {
      expect(p, T_COMMA);
      if (expect(p, T_RPAR) && expect(p, T_COLON) && newline_no_indent(p)) {
        RAISE_INDENTATION_ERROR("expected an indented block after 'with' statement on line %d",
                                kw->lineno);
        return NULL;
      }
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  is_async = expect(p, T_KW_ASYNC) != NULL;
  if (expect(p, T_KW_WITH)) {
    int m = p->mark;
    if (expect(p, T_LPAR) && with_items(p, &v)) {
      expect(p, T_COMMA);
      if (expect(p, T_RPAR) && expect(p, T_COLON) && (b = block(p))) goto build;
    }
    p->mark = m;
    v.n = 0;
    if (p->error_indicator) return NULL;
    if (with_items(p, &v) && expect(p, T_COLON) && (b = block(p))) goto build;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) {
    /* invalid_with_stmt */
    expect(p, T_KW_ASYNC);
    if (expect(p, T_KW_WITH) && loose_with_items(p, false) && expect(p, T_NEWLINE)) {
      RAISE_SYNTAX_ERROR("expected ':'");
      return NULL;
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
    expect(p, T_KW_ASYNC);
    if (expect(p, T_KW_WITH) && expect(p, T_LPAR) && loose_with_items(p, true)) {
      expect(p, T_COMMA);
      if (expect(p, T_RPAR) && expect(p, T_NEWLINE)) {
        RAISE_SYNTAX_ERROR("expected ':'");
        return NULL;
      }
    }
    p->mark = mark;
  }
  return NULL;
build:
  s = new_stmt(p, is_async ? S_AsyncWith : S_With, extra(p, mark));
  if (s) {
    SEQ_FROM(s->v.With.items, v);
    s->v.With.body = *b;
  }
  return s;
}

/* ---- try ---- */

static ExceptHandler *except_block(Parser *p, bool star) {
  int mark = p->mark;
  Token *kw;
  Expr *e = NULL;
  const char *name = NULL;
  StmtSeq *b;
  ExceptHandler *h;
  if (p->call_invalid_rules) {
    /* invalid_except_stmt_indent / invalid_except_star_stmt_indent */
    if ((kw = expect(p, T_KW_EXCEPT)) && (!star || expect(p, T_STAR)) && expression(p)) {
      opt_as_name(p);
      if (expect(p, T_COLON) && newline_no_indent(p)) {
        RAISE_INDENTATION_ERROR("expected an indented block after '%s' statement on line %d",
                                star ? "except*" : "except", kw->lineno);
        return NULL;
      }
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
    if (!star && (kw = expect(p, T_KW_EXCEPT)) && expect(p, T_COLON) && newline_no_indent(p)) {
      RAISE_INDENTATION_ERROR("expected an indented block after 'except' statement on line %d",
                              kw->lineno);
      return NULL;
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if (expect(p, T_KW_EXCEPT) && (!star || expect(p, T_STAR)) && (e = expression(p))) {
    name = opt_as_name(p);
    if (!p->error_indicator && expect(p, T_COLON) && (b = block(p))) goto build;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  e = NULL;
  name = NULL;
  if (!star && expect(p, T_KW_EXCEPT) && expect(p, T_COLON) && (b = block(p))) goto build;
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) {
    /* invalid_except_stmt */
    Expr *a;
    int m;
    if (expect(p, T_KW_EXCEPT)) {
      expect(p, T_STAR);
      if ((a = expression(p)) && expect(p, T_COMMA) && expressions(p)) {
        opt_as_name(p);
        if (expect(p, T_COLON)) {
          RAISE_STARTING_FROM(a->pos, "multiple exception types must be parenthesized");
          return NULL;
        }
      }
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
    if (expect(p, T_KW_EXCEPT)) {
      expect(p, T_STAR);
      if (expression(p)) {
        opt_as_name(p);
        if (expect(p, T_NEWLINE)) { RAISE_SYNTAX_ERROR("expected ':'"); return NULL; }
      }
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
    if (expect(p, T_KW_EXCEPT) && expect(p, T_NEWLINE)) {
      RAISE_SYNTAX_ERROR("expected ':'");
      return NULL;
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
    if (expect(p, T_KW_EXCEPT) && expect(p, T_STAR)) {
      m = p->mark;
      if (expect(p, T_NEWLINE) || (p->mark = m, expect(p, T_COLON))) {
        RAISE_SYNTAX_ERROR("expected one or more exception types");
        return NULL;
      }
    }
    p->mark = mark;
  }
  return NULL;
build:
  h = new_node(p, sizeof *h);
  if (h) {
    h->type = e;
    h->name = name;
    h->body = *b;
    h->pos = extra(p, mark);
  }
  return h;
}

static StmtSeq *finally_block(Parser *p) {
  int mark = p->mark;
  Token *kw;
  StmtSeq *a;
  if (p->call_invalid_rules) {
    if ((kw = expect(p, T_KW_FINALLY)) && expect(p, T_COLON) && newline_no_indent(p)) {
      RAISE_INDENTATION_ERROR("expected an indented block after 'finally' statement on line %d",
                              kw->lineno);
      return NULL;
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if (expect(p, T_KW_FINALLY) && expect_forced(p, T_COLON, ":") && (a = block(p))) return a;
  p->mark = mark;
  return NULL;
}

static bool except_blocks(Parser *p, PtrVec *v, bool star) {
  int mark = p->mark;
  for (;;) {
    int m = p->mark;
    ExceptHandler *h = except_block(p, star);
    if (!h) { p->mark = m; break; }
    if (!push(p, v, h)) return false;
  }
  if (v->n == 0 || p->error_indicator) { p->mark = mark; return false; }
  return true;
}

static void invalid_try_stmt(Parser *p) {
  int mark = p->mark;
  Token *kw, *a, *b;
  PtrVec v = {0};
  if ((kw = expect(p, T_KW_TRY)) && expect(p, T_COLON) && newline_no_indent(p)) {
    RAISE_INDENTATION_ERROR("expected an indented block after 'try' statement on line %d",
                            kw->lineno);
    return;
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if (expect(p, T_KW_TRY) && expect(p, T_COLON) && block(p) &&
      !lookahead(p, T_KW_EXCEPT) && !lookahead(p, T_KW_FINALLY) && !p->error_indicator) {
    RAISE_SYNTAX_ERROR("expected 'except' or 'finally' block");
    return;
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if (expect(p, T_KW_TRY) && expect(p, T_COLON)) {
    int after = p->mark;
    for (;;) { int m = p->mark; if (!block(p)) { p->mark = m; break; } }
    if (!p->error_indicator && except_blocks(p, &v, false) && (a = expect(p, T_KW_EXCEPT)) &&
        (b = expect(p, T_STAR)) && expression(p)) {
      opt_as_name(p);
      if (expect(p, T_COLON)) {
        RAISE_RANGE(tok_pos(a), tok_pos(b),
                    "cannot have both 'except' and 'except*' on the same 'try'");
        return;
      }
    }
    p->mark = after;
    if (p->error_indicator) return;
    for (;;) { int m = p->mark; if (!block(p)) { p->mark = m; break; } }
    v.n = 0;
    if (!p->error_indicator && except_blocks(p, &v, true) && (a = expect(p, T_KW_EXCEPT))) {
      int m = p->mark;
      if (expression(p)) opt_as_name(p);
      else p->mark = m;
      if (!p->error_indicator && expect(p, T_COLON)) {
        RAISE_AT_POS(tok_pos(a), "cannot have both 'except' and 'except*' on the same 'try'");
        return;
      }
    }
  }
  p->mark = mark;
}

static Stmt *try_stmt(Parser *p) {
  int mark = p->mark;
  StmtSeq *b, *f, *el;
  PtrVec ex = {0};
  Stmt *s;
  int pass;
  if (p->call_invalid_rules) {
    invalid_try_stmt(p);
    if (p->error_indicator) return NULL;
  }
  if (expect(p, T_KW_TRY) && expect_forced(p, T_COLON, ":") && (b = block(p)) &&
      (f = finally_block(p))) {
    s = new_stmt(p, S_Try, extra(p, mark));
    if (s) { s->v.Try.body = *b; s->v.Try.finalbody = *f; }
    return s;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  for (pass = 0; pass < 2; pass++) {
    ex.n = 0;
    if (expect(p, T_KW_TRY) && expect_forced(p, T_COLON, ":") && (b = block(p)) &&
        except_blocks(p, &ex, pass == 1)) {
      int m = p->mark;
      if (!(el = else_block(p))) p->mark = m;
      if (p->error_indicator) return NULL;
      m = p->mark;
      if (!(f = finally_block(p))) p->mark = m;
      if (p->error_indicator) return NULL;
      s = new_stmt(p, pass ? S_TryStar : S_Try, extra(p, mark));
      if (s) {
        s->v.Try.body = *b;
        SEQ_FROM(s->v.Try.handlers, ex);
        if (el) s->v.Try.orelse = *el;
        if (f) s->v.Try.finalbody = *f;
      }
      return s;
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  return NULL;
}

/* ---- match (recognised, not supported) ---- */

/* subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
static bool subject_expr(Parser *p) {
  int mark = p->mark;
  if (star_named_expression(p) && expect(p, T_COMMA)) {
    int m = p->mark;
    PtrVec tmp = {0};
    if (!star_named_expressions(p, &tmp)) p->mark = m;
    return !p->error_indicator;
  }
  p->mark = mark;
  if (p->error_indicator) return false;
  if (named_expression(p)) return true;
  p->mark = mark;
  return false;
}

static Stmt *match_stmt(Parser *p) {
  int mark = p->mark;
  Token *kw;
  if ((kw = soft_keyword(p, "match")) && subject_expr(p) && expect(p, T_COLON) &&
      expect(p, T_NEWLINE) && expect(p, T_INDENT) && soft_keyword(p, "case"))
    return notimpl(p, kw, "match statements");
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) {
    if ((kw = soft_keyword(p, "match")) && subject_expr(p)) {
      int m = p->mark;
      if (expect(p, T_NEWLINE)) { RAISE_SYNTAX_ERROR("expected ':'"); return NULL; }
      p->mark = m;
      if (expect(p, T_COLON) && newline_no_indent(p)) {
        RAISE_INDENTATION_ERROR("expected an indented block after 'match' statement on line %d",
                                kw->lineno);
        return NULL;
      }
    }
    p->mark = mark;
  }
  return NULL;
}

static Stmt *compound_stmt(Parser *p) {
  Token *t = peek(p);
  Stmt *s = NULL;
  int mark = p->mark;
  if (t == NULL) return NULL;
  if (t->type == T_KW_DEF || t->type == T_AT || t->type == T_KW_ASYNC) {
    if ((s = decorated(p, false))) return s;
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if (t->type == T_KW_IF) return if_like(p, false);
  if (t->type == T_KW_CLASS || t->type == T_AT) {
    if ((s = decorated(p, true))) return s;
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if (t->type == T_KW_WITH || t->type == T_KW_ASYNC) {
    if ((s = with_stmt(p))) return s;
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if (t->type == T_KW_FOR || t->type == T_KW_ASYNC) {
    if ((s = for_stmt(p))) return s;
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if (t->type == T_KW_TRY) return try_stmt(p);
  if (t->type == T_KW_WHILE) return while_stmt(p);
  if (t->type == T_NAME) return match_stmt(p);
  return NULL;
}

/* ------------------------------------------------------------------ */
/* Expressions                                                        */
/* ------------------------------------------------------------------ */

static Expr *new_tuple(Parser *p, ExprSeq elts, ExprCtx ctx, Pos ps) {
  Expr *e = new_expr(p, E_Tuple, ps);
  if (e) { e->v.List.elts = elts; e->v.List.ctx = ctx; }
  return e;
}

/* a=X b=(',' c=X)+ [','] -> Tuple | a=X ',' -> Tuple | X */
static Expr *comma_list(Parser *p, Expr *(*item)(Parser *)) {
  int mark = p->mark;
  Expr *a;
  PtrVec rest = {0};
  if (!(a = item(p))) { p->mark = mark; return NULL; }
  for (;;) {
    int m = p->mark;
    Expr *c;
    if (!(expect(p, T_COMMA) && (c = item(p)))) { p->mark = m; break; }
    if (!push(p, &rest, c)) return NULL;
  }
  if (p->error_indicator) return NULL;
  if (rest.n > 0) {
    expect(p, T_COMMA);
    return new_tuple(p, expr_seq_prepend(p, a, &rest), CTX_LOAD, extra(p, mark));
  }
  if (expect(p, T_COMMA)) return new_tuple(p, expr_seq1(p, a), CTX_LOAD, extra(p, mark));
  return a;
}

static Expr *expressions(Parser *p) {
  Expr *e;
  if (!enter(p)) return NULL;
  e = comma_list(p, expression);
  return leave(p, e);
}

static Expr *star_expressions(Parser *p) {
  Expr *e;
  if (!enter(p)) return NULL;
  e = comma_list(p, star_expression);
  return leave(p, e);
}

/* invalid_expression / invalid_legacy_expression (second pass) */
static void invalid_expression(Parser *p) {
  int mark = p->mark;
  Expr *a, *b;
  Token *t = peek(p);
  bool blocked = false;
  if (t == NULL) return;
  /* !(NAME STRING | SOFT_KEYWORD).  CPython 3.11's SOFT_KEYWORD compares
  ** only the token's length of each keyword, so any prefix of "match",
  ** "case" or "_" ("m", "ca"...) counts: reproduced here. */
  if (t->type == T_NAME) {
    size_t n = strlen(t->str);
    if (strncmp("match", t->str, n) == 0 || strncmp("case", t->str, n) == 0 ||
        strncmp("_", t->str, n) == 0)
      blocked = true;
    else {
      p->mark++;
      if (lookahead(p, T_STRING)) blocked = true;
      p->mark = mark;
      if (p->error_indicator) return;
    }
  }
  if (!blocked && (a = disjunction(p)) && (b = expression_without_invalid(p))) {
    if (!is_legacy_stmt(a) && p->toks[p->mark - 1].level != 0) {
      RAISE_RANGE(a->pos, b->pos, "invalid syntax. Perhaps you forgot a comma?");
      return;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if ((a = disjunction(p)) && expect(p, T_KW_IF) && (b = disjunction(p)) &&
      !lookahead(p, T_KW_ELSE) && !lookahead(p, T_COLON) && !p->error_indicator) {
    RAISE_RANGE(a->pos, b->pos, "expected 'else' after 'if' expression");
    return;
  }
  p->mark = mark;
  if (p->error_indicator) return;
  /* invalid_legacy_expression: a=NAME !'(' b=star_expressions */
  if ((a = name_token(p)) && !lookahead(p, T_LPAR) && !p->error_indicator &&
      (b = star_expressions(p))) {
    if (is_legacy_stmt(a)) {
      RAISE_RANGE(a->pos, b->pos, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                  a->v.Name.id, a->v.Name.id);
      return;
    }
  }
  p->mark = mark;
}

/* expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef */
static Expr *expression_impl(Parser *p, bool with_invalid) {
  int mark = p->mark;
  Expr *a, *b, *c, *e;
  if (with_invalid && p->call_invalid_rules) {
    invalid_expression(p);
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if ((a = disjunction(p)) && expect(p, T_KW_IF) && (b = disjunction(p)) &&
      expect(p, T_KW_ELSE) && (c = expression(p))) {
    e = new_expr(p, E_IfExp, extra(p, mark));
    if (e) { e->v.IfExp.test = b; e->v.IfExp.body = a; e->v.IfExp.orelse = c; }
    return e;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if ((a = disjunction(p))) return a;
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if ((a = lambdef(p))) return a;
  p->mark = mark;
  return NULL;
}

static Expr *expression(Parser *p) {
  int mark;
  void *memo;
  Expr *e;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_expression, &memo)) return leave(p, memo);
  e = expression_impl(p, true);
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_expression, e);
  return leave(p, e);
}

/* expression_without_invalid: invalid rules are off below it. */
static Expr *expression_without_invalid(Parser *p) {
  bool prev = p->call_invalid_rules;
  Expr *e;
  if (!enter(p)) return NULL;
  p->call_invalid_rules = false;
  e = expression_impl(p, false);
  p->call_invalid_rules = prev;
  return leave(p, e);
}

static Expr *yield_expr(Parser *p) {
  int mark = p->mark;
  Expr *a, *e;
  if (!enter(p)) return NULL;
  if (expect(p, T_KW_YIELD) && expect(p, T_KW_FROM) && (a = expression(p))) {
    e = new_expr(p, E_YieldFrom, extra(p, mark));
    if (e) e->v.YieldFrom.value = a;
    return leave(p, e);
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if (expect(p, T_KW_YIELD)) {
    int m = p->mark;
    if (!(a = star_expressions(p))) p->mark = m;
    if (p->error_indicator) return leave(p, NULL);
    e = new_expr(p, E_Yield, extra(p, mark));
    if (e) e->v.Yield.value = a;
    return leave(p, e);
  }
  p->mark = mark;
  return leave(p, NULL);
}

static Expr *new_starred(Parser *p, Expr *v, ExprCtx ctx, Pos ps) {
  Expr *e = new_expr(p, E_Starred, ps);
  if (e) { e->v.Starred.value = v; e->v.Starred.ctx = ctx; }
  return e;
}

static Expr *star_expression(Parser *p) {
  int mark;
  void *memo;
  Expr *a, *e = NULL;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_star_expression, &memo)) return leave(p, memo);
  if (expect(p, T_STAR) && (a = bitwise_or(p))) {
    e = new_starred(p, a, CTX_LOAD, extra(p, mark));
    goto done;
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((e = expression(p))) goto done;
  p->mark = mark;
done:
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_star_expression, e);
  return leave(p, e);
}

/* ','.star_named_expression+ [','] */
static bool star_named_expressions(Parser *p, PtrVec *out) {
  int mark = p->mark;
  Expr *a;
  if (!enter(p)) return false;
  if (!(a = star_named_expression(p)) || !push(p, out, a)) {
    p->mark = mark;
    return leave(p, NULL) != NULL;
  }
  for (;;) {
    int m = p->mark;
    if (!(expect(p, T_COMMA) && (a = star_named_expression(p)))) { p->mark = m; break; }
    if (!push(p, out, a)) return leave(p, NULL) != NULL;
  }
  if (p->error_indicator) return leave(p, NULL) != NULL;
  expect(p, T_COMMA);
  return leave(p, out) != NULL;
}

static Expr *star_named_expression(Parser *p) {
  int mark;
  Expr *a, *e;
  void *memo;
  if (!enter(p)) return NULL;
  mark = p->mark;
  (void)memo;                     /* not memoized in pegen either */
  e = NULL;
  if (expect(p, T_STAR) && (a = bitwise_or(p))) {
    e = new_starred(p, a, CTX_LOAD, extra(p, mark));
    goto done;
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((e = named_expression(p))) goto done;
  p->mark = mark;
done:
  if (p->error_indicator) return leave(p, NULL);
  return leave(p, e);
}

static Expr *assignment_expression(Parser *p) {
  int mark = p->mark;
  Token *t;
  Expr *b, *e;
  if (!enter(p)) return NULL;
  if ((t = expect(p, T_NAME)) && expect(p, T_COLONEQUAL)) {
    /* cut */
    if ((b = expression(p))) {
      e = new_expr(p, E_NamedExpr, extra(p, mark));
      if (e) { e->v.NamedExpr.target = name_expr(p, t, CTX_STORE); e->v.NamedExpr.value = b; }
      return leave(p, e);
    }
  }
  p->mark = mark;
  return leave(p, NULL);
}

static Expr *named_expression(Parser *p) {
  int mark = p->mark;
  Expr *e;
  if (!enter(p)) return NULL;
  if ((e = assignment_expression(p))) return leave(p, e);
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if (p->call_invalid_rules) {
    invalid_named_expression(p);
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
  }
  if ((e = expression(p)) && !lookahead(p, T_COLONEQUAL) && !p->error_indicator)
    return leave(p, e);
  p->mark = mark;
  return leave(p, NULL);
}

static Expr *genexp_or_list_or_tuple_start(Parser *p, int which);

static Expr *invalid_named_expression(Parser *p) {
  int mark = p->mark;
  Expr *a, *b;
  Token *eq;
  void *memo;
  if (!enter(p)) return NULL;
  if (memo_get(p, M_invalid_named_expression, &memo)) return leave(p, memo);
  if ((a = expression(p)) && expect(p, T_COLONEQUAL) && expression(p)) {
    RAISE_AT_POS(a->pos, "cannot use assignment expressions with %s", ast_expr_name(a));
    return leave(p, NULL);
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((a = name_token(p)) && expect(p, T_EQUAL) && (b = bitwise_or(p)) &&
      !lookahead(p, T_EQUAL) && !lookahead(p, T_COLONEQUAL) && !p->error_indicator) {
    RAISE_RANGE(a->pos, b->pos, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return leave(p, NULL);
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  {
    /* !(list|tuple|genexp|'True'|'None'|'False') */
    bool blocked = false;
    Token *t = peek(p);
    if (t == NULL) return leave(p, NULL);
    if (t->type == T_KW_TRUE || t->type == T_KW_NONE || t->type == T_KW_FALSE) blocked = true;
    else if (t->type == T_LSQB || t->type == T_LPAR) {
      if (genexp_or_list_or_tuple_start(p, 0)) blocked = true;
      p->mark = mark;
      if (p->error_indicator) return leave(p, NULL);
    }
    if (!blocked && (a = bitwise_or(p)) && (eq = expect(p, T_EQUAL)) && bitwise_or(p) &&
        !lookahead(p, T_EQUAL) && !lookahead(p, T_COLONEQUAL) && !p->error_indicator) {
      RAISE_AT_POS(a->pos, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                   ast_expr_name(a));
      return leave(p, NULL);
    }
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_invalid_named_expression, NULL);
  return leave(p, NULL);
}

/* Left-associative chains of one level: disjunction/conjunction are n-ary. */
static Expr *boolop_chain(Parser *p, int rule, TokType kw, BoolOpKind op,
                          Expr *(*item)(Parser *)) {
  int mark;
  void *memo;
  Expr *a, *e;
  PtrVec rest = {0};
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, rule, &memo)) return leave(p, memo);
  e = NULL;
  if ((a = item(p))) {
    for (;;) {
      int m = p->mark;
      Expr *c;
      if (!(expect(p, kw) && (c = item(p)))) { p->mark = m; break; }
      if (!push(p, &rest, c)) return leave(p, NULL);
    }
    if (p->error_indicator) return leave(p, NULL);
    if (rest.n == 0) e = a;
    else {
      e = new_expr(p, E_BoolOp, extra(p, mark));
      if (e) { e->v.BoolOp.op = op; e->v.BoolOp.values = expr_seq_prepend(p, a, &rest); }
    }
  } else {
    p->mark = mark;
  }
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, rule, e);
  return leave(p, e);
}

static Expr *disjunction(Parser *p) {
  return boolop_chain(p, M_disjunction, T_KW_OR, BOOL_OR, conjunction);
}

static Expr *conjunction(Parser *p) {
  return boolop_chain(p, 0, T_KW_AND, BOOL_AND, inversion);
}

static Expr *comparison(Parser *p);

static Expr *inversion(Parser *p) {
  int mark;
  void *memo;
  Expr *a, *e = NULL;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, 0, &memo)) return leave(p, memo);
  if (expect(p, T_KW_NOT) && (a = inversion(p))) {
    e = new_expr(p, E_UnaryOp, extra(p, mark));
    if (e) { e->v.UnaryOp.op = UOP_NOT; e->v.UnaryOp.operand = a; }
    goto done;
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((e = comparison(p))) goto done;
  p->mark = mark;
done:
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, 0, e);
  return leave(p, e);
}

/* compare_op_bitwise_or_pair: returns the operator or -1, and *OUT */
static int compare_pair(Parser *p, Expr **out) {
  int mark = p->mark;
  Token *t = peek(p);
  int op = -1;
  if (t == NULL) return -1;
  switch (t->type) {
  case T_EQEQUAL: op = CMPK_EQ; p->mark++; break;
  case T_NOTEQUAL:
    if (t->len == 2 && t->start[0] == '<') return -1;    /* '<>' */
    op = CMPK_NOTEQ; p->mark++; break;
  case T_LESSEQUAL: op = CMPK_LTE; p->mark++; break;
  case T_LESS: op = CMPK_LT; p->mark++; break;
  case T_GREATEREQUAL: op = CMPK_GTE; p->mark++; break;
  case T_GREATER: op = CMPK_GT; p->mark++; break;
  case T_KW_NOT:
    p->mark++;
    if (!expect(p, T_KW_IN)) { p->mark = mark; return -1; }
    op = CMPK_NOTIN;
    break;
  case T_KW_IN: op = CMPK_IN; p->mark++; break;
  case T_KW_IS:
    p->mark++;
    {
      int m = p->mark;
      if (expect(p, T_KW_NOT)) {
        if ((*out = bitwise_or(p))) return CMPK_ISNOT;
        p->mark = m;
        if (p->error_indicator) return -1;
      }
    }
    op = CMPK_IS;
    break;
  default: return -1;
  }
  if ((*out = bitwise_or(p))) return op;
  p->mark = mark;
  return -1;
}

static Expr *comparison(Parser *p) {
  int mark = p->mark;
  Expr *a, *e;
  PtrVec ops = {0}, rest = {0};
  if (!enter(p)) return NULL;
  if (!(a = bitwise_or(p))) { p->mark = mark; return leave(p, NULL); }
  for (;;) {
    int m = p->mark, op;
    Expr *c = NULL;
    if ((op = compare_pair(p, &c)) < 0) { p->mark = m; break; }
    if (!push(p, &ops, (void *)(intptr_t)op) || !push(p, &rest, c)) return leave(p, NULL);
  }
  if (p->error_indicator) return leave(p, NULL);
  if (rest.n == 0) return leave(p, a);
  e = new_expr(p, E_Compare, extra(p, mark));
  if (e) {
    int i;
    CmpOpKind *k = new_node(p, sizeof(CmpOpKind) * (size_t)ops.n);
    if (k == NULL) return leave(p, NULL);
    for (i = 0; i < ops.n; i++) k[i] = (CmpOpKind)(intptr_t)ops.items[i];
    e->v.Compare.left = a;
    e->v.Compare.nops = ops.n;
    e->v.Compare.ops = k;
    SEQ_FROM(e->v.Compare.comparators, rest);
  }
  return leave(p, e);
}

static Expr *new_binop(Parser *p, Expr *a, int op, Expr *b, Pos ps) {
  Expr *e = new_expr(p, E_BinOp, ps);
  if (e) { e->v.BinOp.left = a; e->v.BinOp.op = op; e->v.BinOp.right = b; }
  return e;
}

/* The operator of token T at binary level LEVEL, or -1. */
static int binop_at(int level, TokType t) {
  switch (level) {
  case 0: return t == T_VBAR ? BINOP_OR : -1;
  case 1: return t == T_CIRCUMFLEX ? BINOP_XOR : -1;
  case 2: return t == T_AMPER ? BINOP_AND : -1;
  case 3: return t == T_LEFTSHIFT ? BINOP_LSHIFT : t == T_RIGHTSHIFT ? BINOP_RSHIFT : -1;
  case 4: return t == T_PLUS ? BINOP_ADD : t == T_MINUS ? BINOP_SUB : -1;
  case 5:
    switch (t) {
    case T_STAR: return BINOP_MUL;
    case T_SLASH: return BINOP_TRUEDIV;
    case T_DOUBLESLASH: return BINOP_FLOORDIV;
    case T_PERCENT: return BINOP_MOD;
    case T_AT: return BINOP_MATMUL;
    default: return -1;
    }
  default: return -1;
  }
}

static Expr *factor(Parser *p);
/* Only bitwise_or is memoized: the levels below are re-entered only
** through it, so memoizing them would cost memory for nothing. */
static const int binop_memo[6] = {M_bitwise_or, 0, 0, 0, 0, 0};

/* bitwise_or .. term: left-recursive rules as loops. */
static Expr *binary_level(Parser *p, int level) {
  int mark;
  void *memo;
  Expr *a;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, binop_memo[level], &memo)) return leave(p, memo);
  a = level == 5 ? factor(p) : binary_level(p, level + 1);
  if (a) {
    for (;;) {
      int m = p->mark, op;
      Token *t = peek(p);
      Expr *b;
      if (t == NULL || (op = binop_at(level, t->type)) < 0) { p->mark = m; break; }
      p->mark++;
      b = level == 5 ? factor(p) : binary_level(p, level + 1);
      if (b == NULL) { p->mark = m; break; }
      a = new_binop(p, a, op, b, extra(p, mark));
      if (a == NULL) return leave(p, NULL);
    }
  } else {
    p->mark = mark;
  }
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, binop_memo[level], a);
  return leave(p, a);
}

static Expr *bitwise_or(Parser *p) { return binary_level(p, 0); }

static Expr *await_primary(Parser *p);

static Expr *factor(Parser *p) {
  int mark;
  void *memo;
  Expr *a, *b, *e = NULL;
  Token *t;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, 0, &memo)) return leave(p, memo);
  t = peek(p);
  if (t && (t->type == T_PLUS || t->type == T_MINUS || t->type == T_TILDE)) {
    p->mark++;
    if ((a = factor(p))) {
      e = new_expr(p, E_UnaryOp, extra(p, mark));
      if (e) {
        e->v.UnaryOp.op = t->type == T_PLUS ? UOP_UADD : t->type == T_MINUS ? UOP_USUB : UOP_INVERT;
        e->v.UnaryOp.operand = a;
      }
      goto done;
    }
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
  }
  /* power: await_primary '**' factor | await_primary */
  if ((a = await_primary(p))) {
    int m = p->mark;
    if (expect(p, T_DOUBLESTAR) && (b = factor(p))) {
      e = new_binop(p, a, BINOP_POW, b, extra(p, mark));
      goto done;
    }
    p->mark = m;
    if (p->error_indicator) return leave(p, NULL);
    e = a;
    goto done;
  }
  p->mark = mark;
done:
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, 0, e);
  return leave(p, e);
}

static Expr *await_primary(Parser *p) {
  int mark;
  void *memo;
  Expr *a, *e = NULL;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, 0, &memo)) return leave(p, memo);
  if (expect(p, T_KW_AWAIT) && (a = primary(p))) {
    e = new_expr(p, E_Await, extra(p, mark));
    if (e) e->v.Await.value = a;
    goto done;
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((e = primary(p))) goto done;
  p->mark = mark;
done:
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, 0, e);
  return leave(p, e);
}

static Expr *new_call(Parser *p, Expr *func, Expr *argcall, Pos ps) {
  Expr *e = new_expr(p, E_Call, ps);
  if (e) {
    e->v.Call.func = func;
    if (argcall) {
      e->v.Call.args = argcall->v.Call.args;
      e->v.Call.keywords = argcall->v.Call.keywords;
    }
  }
  return e;
}

/* One postfix step of primary / t_primary: '.' NAME, genexp, '(' [arguments]
** ')', '[' slices ']'.  Returns the extended node or NULL (mark restored). */
static Expr *postfix_step(Parser *p, Expr *a, int start, ExprCtx ctx) {
  int m = p->mark;
  Token *t = peek(p), *n;
  Expr *b, *e;
  if (t == NULL) return NULL;
  if (t->type == T_DOT) {
    p->mark++;
    if ((n = expect(p, T_NAME))) {
      e = new_expr(p, E_Attribute, extra(p, start));
      if (e) { e->v.Attribute.value = a; e->v.Attribute.attr = n->str; e->v.Attribute.ctx = ctx; }
      return e;
    }
    p->mark = m;
    return NULL;
  }
  /* `primary genexp`: in the second pass genexp's invalid_comprehension
  ** also looks at '[' and '{', as pegen's seed-growing loop does */
  if (t->type == T_LPAR || p->call_invalid_rules) {
    if ((b = genexp(p))) {
      e = new_expr(p, E_Call, extra(p, start));
      if (e) { e->v.Call.func = a; e->v.Call.args = expr_seq1(p, b); }
      return e;
    }
    p->mark = m;
    if (p->error_indicator) return NULL;
  }
  if (t->type == T_LPAR) {
    p->mark++;
    {
      int m2 = p->mark;
      if (!(b = arguments(p))) { p->mark = m2; b = NULL; }
      if (p->error_indicator) return NULL;
      if (expect(p, T_RPAR)) return new_call(p, a, b, extra(p, start));
    }
    p->mark = m;
    return NULL;
  }
  if (t->type == T_LSQB) {
    p->mark++;
    if ((b = slices(p)) && expect(p, T_RSQB)) {
      e = new_expr(p, E_Subscript, extra(p, start));
      if (e) { e->v.Subscript.value = a; e->v.Subscript.slice = b; e->v.Subscript.ctx = ctx; }
      return e;
    }
    p->mark = m;
    return NULL;
  }
  return NULL;
}

static Expr *primary(Parser *p) {
  int mark;
  void *memo;
  Expr *a;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_primary, &memo)) return leave(p, memo);
  if ((a = atom(p))) {
    for (;;) {
      Expr *b = postfix_step(p, a, mark, CTX_LOAD);
      if (b == NULL) break;
      a = b;
    }
  } else {
    p->mark = mark;
  }
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_primary, a);
  return leave(p, a);
}

static bool t_lookahead(Parser *p) {
  Token *t;
  if (p->error_indicator) return false;
  t = peek(p);
  return t && (t->type == T_LPAR || t->type == T_LSQB || t->type == T_DOT);
}

static Expr *t_primary(Parser *p) {
  int mark;
  void *memo;
  Expr *a;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_t_primary, &memo)) return leave(p, memo);
  if ((a = atom(p)) && t_lookahead(p)) {
    for (;;) {
      int m = p->mark;
      Expr *b = postfix_step(p, a, mark, CTX_LOAD);
      if (b == NULL) break;
      if (!t_lookahead(p)) { p->mark = m; break; }
      a = b;
    }
  } else {
    a = NULL;
    p->mark = mark;
  }
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_t_primary, a);
  return leave(p, a);
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static Expr *slice(Parser *p) {
  int mark = p->mark;
  Expr *a = NULL, *b = NULL, *c = NULL, *e;
  if (!enter(p)) return NULL;
  {
    int m = p->mark;
    if (!(a = expression(p))) { p->mark = m; a = NULL; }
  }
  if (!p->error_indicator && expect(p, T_COLON)) {
    int m = p->mark;
    if (!(b = expression(p))) { p->mark = m; b = NULL; }
    if (p->error_indicator) return leave(p, NULL);
    m = p->mark;
    if (expect(p, T_COLON)) {
      int m2 = p->mark;
      if (!(c = expression(p))) { p->mark = m2; c = NULL; }
    } else {
      p->mark = m;
    }
    if (p->error_indicator) return leave(p, NULL);
    e = new_expr(p, E_Slice, extra(p, mark));
    if (e) { e->v.Slice.lower = a; e->v.Slice.upper = b; e->v.Slice.step = c; }
    return leave(p, e);
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((a = named_expression(p))) return leave(p, a);
  p->mark = mark;
  return leave(p, NULL);
}

static Expr *starred_expression(Parser *p) {
  int mark = p->mark;
  Expr *a;
  if (expect(p, T_STAR) && (a = expression(p)))
    return new_starred(p, a, CTX_LOAD, extra(p, mark));
  p->mark = mark;
  return NULL;
}

/* slices: slice !',' | ','.(slice | starred_expression)+ [','] */
static Expr *slices(Parser *p) {
  int mark = p->mark;
  Expr *a;
  PtrVec v = {0};
  if (!enter(p)) return NULL;
  if ((a = slice(p)) && !lookahead(p, T_COMMA) && !p->error_indicator) return leave(p, a);
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  for (;;) {
    int m = p->mark;
    Expr *x;
    if (v.n > 0 && !expect(p, T_COMMA)) { p->mark = m; break; }
    if (!(x = slice(p))) {
      p->mark = v.n > 0 ? m + 1 : m;
      if (p->error_indicator) return leave(p, NULL);
      x = starred_expression(p);
    }
    if (x == NULL) { p->mark = m; break; }
    if (!push(p, &v, x)) return leave(p, NULL);
  }
  if (p->error_indicator || v.n == 0) { p->mark = mark; return leave(p, NULL); }
  expect(p, T_COMMA);
  {
    ExprSeq s;
    SEQ_FROM(s, v);
    return leave(p, new_tuple(p, s, CTX_LOAD, extra(p, mark)));
  }
}

/* ------------------------------------------------------------------ */
/* Atoms, displays, comprehensions                                    */
/* ------------------------------------------------------------------ */

static Expr *number_token(Parser *p);

static Expr *new_const(Parser *p, ConstKind kind, Pos ps) {
  Expr *e = new_expr(p, E_Constant, ps);
  if (e) e->v.Constant.c.kind = kind;
  return e;
}

static Expr *list_rule(Parser *p) {
  int mark = p->mark;
  PtrVec v = {0};
  Expr *e;
  if (!expect(p, T_LSQB)) return NULL;
  {
    int m = p->mark;
    if (!star_named_expressions(p, &v)) { p->mark = m; v.n = 0; }
  }
  if (p->error_indicator) return NULL;
  if (!expect(p, T_RSQB)) { p->mark = mark; return NULL; }
  e = new_expr(p, E_List, extra(p, mark));
  if (e) { SEQ_FROM(e->v.List.elts, v); e->v.List.ctx = CTX_LOAD; }
  return e;
}

static Expr *tuple_rule(Parser *p) {
  int mark = p->mark;
  PtrVec v = {0};
  Expr *y;
  ExprSeq s = {NULL, 0};
  if (!expect(p, T_LPAR)) return NULL;
  {
    int m = p->mark;
    if ((y = star_named_expression(p)) && expect(p, T_COMMA)) {
      int m2 = p->mark;
      if (!star_named_expressions(p, &v)) { p->mark = m2; v.n = 0; }
      if (p->error_indicator) return NULL;
      s = expr_seq_prepend(p, y, &v);
    } else {
      p->mark = m;
    }
  }
  if (p->error_indicator) return NULL;
  if (!expect(p, T_RPAR)) { p->mark = mark; return NULL; }
  return new_tuple(p, s, CTX_LOAD, extra(p, mark));
}

/* group: '(' (yield_expr | named_expression) ')' | invalid_group */
static Expr *group(Parser *p) {
  int mark = p->mark;
  Expr *a;
  if (expect(p, T_LPAR)) {
    int m = p->mark;
    if (!(a = yield_expr(p))) {
      p->mark = m;
      if (p->error_indicator) return NULL;
      a = named_expression(p);
    }
    if (a && expect(p, T_RPAR)) return a;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) {
    Token *t;
    if (expect(p, T_LPAR) && (a = starred_expression(p)) && expect(p, T_RPAR)) {
      RAISE_AT_POS(a->pos, "cannot use starred expression here");
      return NULL;
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
    if (expect(p, T_LPAR) && (t = expect(p, T_DOUBLESTAR)) && expression(p) &&
        expect(p, T_RPAR)) {
      RAISE_AT_POS(tok_pos(t), "cannot use double starred expression here");
      return NULL;
    }
    p->mark = mark;
  }
  return NULL;
}

static Comprehension *for_if_clause(Parser *p) {
  int mark = p->mark;
  Expr *a, *b;
  PtrVec ifs = {0};
  Comprehension *c;
  bool is_async = expect(p, T_KW_ASYNC) != NULL;
  if (expect(p, T_KW_FOR) && (a = star_targets(p)) && expect(p, T_KW_IN)) {
    /* cut */
    if ((b = disjunction(p))) {
      for (;;) {
        int m = p->mark;
        Expr *z;
        if (!(expect(p, T_KW_IF) && (z = disjunction(p)))) { p->mark = m; break; }
        if (!push(p, &ifs, z)) return NULL;
      }
      if (p->error_indicator) return NULL;
      c = new_node(p, sizeof *c);
      if (c) {
        c->target = a;
        c->iter = b;
        SEQ_FROM(c->ifs, ifs);
        c->is_async = is_async;
      }
      return c;
    }
    p->mark = mark;
    return NULL;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) invalid_for_target(p);
  return NULL;
}

static bool for_if_clauses(Parser *p, PtrVec *out) {
  int mark = p->mark;
  if (!enter(p)) return false;
  for (;;) {
    int m = p->mark;
    Comprehension *c = for_if_clause(p);
    if (!c) { p->mark = m; break; }
    if (!push(p, out, c)) return leave(p, NULL) != NULL;
  }
  if (out->n == 0 || p->error_indicator) { p->mark = mark; return leave(p, NULL) != NULL; }
  return leave(p, out) != NULL;
}

static Expr *last_comprehension_item(Comprehension *c) {
  if (c->ifs.n == 0) return c->iter;
  return c->ifs.a[c->ifs.n - 1];
}

/* invalid_comprehension, for the opening token OPEN */
static void invalid_comprehension(Parser *p) {
  int mark = p->mark;
  Token *t = peek(p), *comma;
  Expr *a;
  PtrVec v = {0}, fc = {0};
  if (t == NULL) return;
  if (t->type == T_LSQB || t->type == T_LPAR || t->type == T_LBRACE) {
    p->mark++;
    if ((a = starred_expression(p)) && for_if_clauses(p, &fc)) {
      RAISE_AT_POS(a->pos, "iterable unpacking cannot be used in comprehension");
      return;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if (t->type == T_LSQB || t->type == T_LBRACE) {
    p->mark++;
    fc.n = 0;
    if ((a = star_named_expression(p)) && expect(p, T_COMMA) && star_named_expressions(p, &v) &&
        for_if_clauses(p, &fc)) {
      Expr *last = v.items[v.n - 1];
      RAISE_RANGE(a->pos, last->pos, "did you forget parentheses around the comprehension target?");
      return;
    }
    p->mark = mark + 1;
    fc.n = 0;
    if (!p->error_indicator && (a = star_named_expression(p)) && (comma = expect(p, T_COMMA)) &&
        for_if_clauses(p, &fc)) {
      RAISE_RANGE(a->pos, tok_pos(comma), "did you forget parentheses around the comprehension target?");
      return;
    }
  }
  p->mark = mark;
}

static Expr *new_comp(Parser *p, ExprKind kind, Expr *elt, PtrVec *gens, Pos ps) {
  Expr *e = new_expr(p, kind, ps);
  if (e) { e->v.ListComp.elt = elt; SEQ_FROM(e->v.ListComp.generators, *gens); }
  return e;
}

/* listcomp: '[' named_expression for_if_clauses ']' | invalid_comprehension */
static Expr *listcomp(Parser *p) {
  int mark = p->mark;
  Expr *a;
  PtrVec g = {0};
  if (expect(p, T_LSQB) && (a = named_expression(p)) && for_if_clauses(p, &g) &&
      expect(p, T_RSQB))
    return new_comp(p, E_ListComp, a, &g, extra(p, mark));
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) invalid_comprehension(p);
  p->mark = mark;
  return NULL;
}

static Expr *setcomp(Parser *p) {
  int mark = p->mark;
  Expr *a;
  PtrVec g = {0};
  if (expect(p, T_LBRACE) && (a = named_expression(p)) && for_if_clauses(p, &g) &&
      expect(p, T_RBRACE))
    return new_comp(p, E_SetComp, a, &g, extra(p, mark));
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) invalid_comprehension(p);
  p->mark = mark;
  return NULL;
}

/* genexp: '(' (assignment_expression | expression !':=') for_if_clauses ')' */
static Expr *genexp(Parser *p) {
  int mark = p->mark;
  Expr *a;
  PtrVec g = {0};
  if (!enter(p)) return NULL;
  if (expect(p, T_LPAR)) {
    int m = p->mark;
    if (!(a = assignment_expression(p))) {
      p->mark = m;
      if (p->error_indicator) return leave(p, NULL);
      if ((a = expression(p)) && lookahead(p, T_COLONEQUAL)) a = NULL;
    }
    if (a && for_if_clauses(p, &g) && expect(p, T_RPAR))
      return leave(p, new_comp(p, E_GeneratorExp, a, &g, extra(p, mark)));
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if (p->call_invalid_rules) invalid_comprehension(p);
  p->mark = mark;
  return leave(p, NULL);
}

/* kvpair: expression ':' expression; double_starred_kvpair adds '**' bitwise_or */
typedef struct KV { Expr *key, *value; } KV;

static KV *kvpair(Parser *p) {
  int mark = p->mark;
  Expr *a, *b;
  KV *kv;
  if ((a = expression(p)) && expect(p, T_COLON) && (b = expression(p))) {
    kv = new_node(p, sizeof *kv);
    if (kv) { kv->key = a; kv->value = b; }
    return kv;
  }
  p->mark = mark;
  return NULL;
}

static KV *double_starred_kvpair(Parser *p) {
  int mark = p->mark;
  Expr *a;
  KV *kv;
  if (expect(p, T_DOUBLESTAR) && (a = bitwise_or(p))) {
    kv = new_node(p, sizeof *kv);
    if (kv) kv->value = a;
    return kv;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  return kvpair(p);
}

/* ','.double_starred_kvpair+ (no trailing comma) */
static bool kvpairs(Parser *p, PtrVec *v) {
  int mark = p->mark;
  KV *kv;
  if (!(kv = double_starred_kvpair(p)) || !push(p, v, kv)) { p->mark = mark; return false; }
  for (;;) {
    int m = p->mark;
    if (!(expect(p, T_COMMA) && (kv = double_starred_kvpair(p)))) { p->mark = m; break; }
    if (!push(p, v, kv)) return false;
  }
  return !p->error_indicator;
}

/* invalid_kvpair / the tail of invalid_double_starred_kvpairs */
static bool invalid_kv_tail(Parser *p, bool with_missing_colon) {
  int mark = p->mark;
  Expr *a;
  Token *t;
  if (with_missing_colon) {
    if ((a = expression(p)) && !lookahead(p, T_COLON) && !p->error_indicator) {
      raise_known(p, ERR_SYNTAX, a->pos.lineno, a->pos.end_col - 1 + 1, a->pos.end_lineno, 0,
                  "':' expected after dictionary key");
      return true;
    }
    p->mark = mark;
    if (p->error_indicator) return true;
  }
  if (expression(p) && expect(p, T_COLON) && (t = expect(p, T_STAR)) && bitwise_or(p)) {
    RAISE_STARTING_FROM(tok_pos(t), "cannot use a starred expression in a dictionary value");
    return true;
  }
  p->mark = mark;
  if (p->error_indicator) return true;
  if (expression(p) && (t = expect(p, T_COLON)) &&
      (lookahead(p, T_RBRACE) || lookahead(p, T_COMMA))) {
    RAISE_AT_POS(tok_pos(t), "expression expected after dictionary key and ':'");
    return true;
  }
  p->mark = mark;
  return p->error_indicator;
}

static Expr *dict(Parser *p) {
  int mark = p->mark;
  PtrVec v = {0};
  Expr *e;
  if (expect(p, T_LBRACE)) {
    int m = p->mark, i;
    if (kvpairs(p, &v)) expect(p, T_COMMA);
    else { p->mark = m; v.n = 0; }
    if (!p->error_indicator && expect(p, T_RBRACE)) {
      Expr **keys = new_node(p, sizeof(Expr *) * (size_t)(v.n + 1));
      Expr **vals = new_node(p, sizeof(Expr *) * (size_t)(v.n + 1));
      if (!keys || !vals) return NULL;
      for (i = 0; i < v.n; i++) {
        KV *kv = v.items[i];
        keys[i] = kv->key;
        vals[i] = kv->value;
      }
      e = new_expr(p, E_Dict, extra(p, mark));
      if (e) {
        e->v.Dict.keys.a = keys; e->v.Dict.keys.n = v.n;
        e->v.Dict.values.a = vals; e->v.Dict.values.n = v.n;
      }
      return e;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  /* '{' invalid_double_starred_kvpairs '}' -- active in both passes */
  if (expect(p, T_LBRACE)) {
    int m = p->mark;
    v.n = 0;
    if (kvpairs(p, &v) && expect(p, T_COMMA) && invalid_kv_tail(p, true)) return NULL;
    p->mark = m;
    if (p->error_indicator) return NULL;
    if (invalid_kv_tail(p, false)) return NULL;
  }
  p->mark = mark;
  return NULL;
}

static Expr *set_rule(Parser *p) {
  int mark = p->mark;
  PtrVec v = {0};
  Expr *e;
  if (expect(p, T_LBRACE) && star_named_expressions(p, &v) && expect(p, T_RBRACE)) {
    e = new_expr(p, E_Set, extra(p, mark));
    if (e) SEQ_FROM(e->v.Set.elts, v);
    return e;
  }
  p->mark = mark;
  return NULL;
}

static Expr *dictcomp(Parser *p) {
  int mark = p->mark;
  KV *kv;
  PtrVec g = {0};
  Expr *e;
  Token *t;
  if (expect(p, T_LBRACE) && (kv = kvpair(p)) && for_if_clauses(p, &g) &&
      expect(p, T_RBRACE)) {
    e = new_expr(p, E_DictComp, extra(p, mark));
    if (e) {
      e->v.DictComp.key = kv->key;
      e->v.DictComp.value = kv->value;
      SEQ_FROM(e->v.DictComp.generators, g);
    }
    return e;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) {
    g.n = 0;
    if (expect(p, T_LBRACE) && (t = expect(p, T_DOUBLESTAR)) && bitwise_or(p) &&
        for_if_clauses(p, &g) && expect(p, T_RBRACE)) {
      RAISE_AT_POS(tok_pos(t), "dict unpacking cannot be used in dict comprehension");
      return NULL;
    }
    p->mark = mark;
  }
  return NULL;
}

/* Does list, tuple or genexp match here?  (negative lookahead helper) */
static Expr *genexp_or_list_or_tuple_start(Parser *p, int unused) {
  int mark = p->mark;
  Expr *e;
  (void)unused;
  if ((e = list_rule(p))) { p->mark = mark; return e; }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if ((e = tuple_rule(p))) { p->mark = mark; return e; }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  e = genexp(p);
  p->mark = mark;
  return e;
}

static Expr *atom(Parser *p) {
  int mark = p->mark;
  Token *t;
  Expr *e;
  if (!enter(p)) return NULL;
  t = peek(p);
  switch (t->type) {
  case T_NAME:
    p->mark++;
    return leave(p, name_expr(p, t, CTX_LOAD));
  case T_KW_TRUE: p->mark++; return leave(p, new_const(p, CONST_TRUE, tok_pos(t)));
  case T_KW_FALSE: p->mark++; return leave(p, new_const(p, CONST_FALSE, tok_pos(t)));
  case T_KW_NONE: p->mark++; return leave(p, new_const(p, CONST_NONE, tok_pos(t)));
  case T_ELLIPSIS: p->mark++; return leave(p, new_const(p, CONST_ELLIPSIS, tok_pos(t)));
  case T_STRING: return leave(p, strings(p));
  case T_NUMBER: return leave(p, number_token(p));
  case T_LPAR:
    if ((e = tuple_rule(p))) return leave(p, e);
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
    if ((e = group(p))) return leave(p, e);
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
    if ((e = genexp(p))) return leave(p, e);
    break;
  case T_LSQB:
    if ((e = list_rule(p))) return leave(p, e);
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
    if ((e = listcomp(p))) return leave(p, e);
    break;
  case T_LBRACE:
    if ((e = dict(p))) return leave(p, e);
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
    if ((e = set_rule(p))) return leave(p, e);
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
    if ((e = dictcomp(p))) return leave(p, e);
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
    if ((e = setcomp(p))) return leave(p, e);
    break;
  default:
    break;
  }
  p->mark = mark;
  return leave(p, NULL);
}

/* ------------------------------------------------------------------ */
/* Call arguments                                                     */
/* ------------------------------------------------------------------ */

typedef struct KwOrStar {
  void *element;                  /* Keyword* or Expr* (Starred) */
  bool is_keyword;
} KwOrStar;

static Keyword *new_keyword(Parser *p, const char *arg, Expr *value, Pos ps) {
  Keyword *k = new_node(p, sizeof *k);
  if (k) { k->arg = arg; k->value = value; k->pos = ps; }
  return k;
}

static void invalid_kwarg(Parser *p) {
  int mark = p->mark;
  Token *a, *b;
  Expr *e;
  PtrVec g = {0};
  a = peek(p);
  if (a && (a->type == T_KW_TRUE || a->type == T_KW_FALSE || a->type == T_KW_NONE)) {
    p->mark++;
    if ((b = expect(p, T_EQUAL))) {
      RAISE_RANGE(tok_pos(a), tok_pos(b), "cannot assign to %s", token_text[a->type]);
      return;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if ((a = expect(p, T_NAME)) && (b = expect(p, T_EQUAL)) && expression(p) &&
      for_if_clauses(p, &g)) {
    RAISE_RANGE(tok_pos(a), tok_pos(b),
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return;
  }
  p->mark = mark;
  if (p->error_indicator) return;
  /* !(NAME '=') a=expression b='=' */
  if (expect(p, T_NAME) && expect(p, T_EQUAL)) { p->mark = mark; return; }
  p->mark = mark;
  if (p->error_indicator) return;
  if ((e = expression(p)) && (b = expect(p, T_EQUAL))) {
    RAISE_RANGE(e->pos, tok_pos(b), "expression cannot contain assignment, perhaps you meant \"==\"?");
    return;
  }
  p->mark = mark;
}

/* kwarg_or_starred (DOUBLE: kwarg_or_double_starred) */
static KwOrStar *kwarg_item(Parser *p, bool dbl) {
  int mark = p->mark;
  Token *n;
  Expr *b;
  KwOrStar *k;
  if (p->call_invalid_rules) {
    invalid_kwarg(p);
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  k = new_node(p, sizeof *k);
  if (k == NULL) return NULL;
  if ((n = expect(p, T_NAME)) && expect(p, T_EQUAL) && (b = expression(p))) {
    k->element = new_keyword(p, n->str, b, extra(p, mark));
    k->is_keyword = true;
    return k;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (!dbl) {
    if ((b = starred_expression(p))) { k->element = b; k->is_keyword = false; return k; }
  } else {
    if (expect(p, T_DOUBLESTAR) && (b = expression(p))) {
      k->element = new_keyword(p, NULL, b, extra(p, mark));
      k->is_keyword = true;
      return k;
    }
  }
  p->mark = mark;
  return NULL;
}

/* ','.kwarg_item+ */
static bool kwarg_items(Parser *p, PtrVec *v, bool dbl) {
  int mark = p->mark;
  KwOrStar *k;
  if (!(k = kwarg_item(p, dbl)) || !push(p, v, k)) { p->mark = mark; return false; }
  for (;;) {
    int m = p->mark;
    if (!(expect(p, T_COMMA) && (k = kwarg_item(p, dbl)))) { p->mark = m; break; }
    if (!push(p, v, k)) return false;
  }
  return !p->error_indicator;
}

/* kwargs: ','.kwarg_or_starred+ ',' ','.kwarg_or_double_starred+
**       | ','.kwarg_or_starred+ | ','.kwarg_or_double_starred+ */
static bool kwargs(Parser *p, PtrVec *v) {
  int mark = p->mark, n0 = v->n;
  if (kwarg_items(p, v, false) && expect(p, T_COMMA) && kwarg_items(p, v, true)) return true;
  p->mark = mark;
  v->n = n0;
  if (p->error_indicator) return false;
  if (kwarg_items(p, v, false)) return true;
  p->mark = mark;
  v->n = n0;
  if (p->error_indicator) return false;
  if (kwarg_items(p, v, true)) return true;
  p->mark = mark;
  v->n = n0;
  return false;
}

/* The Call (with a dummy function) that carries positional args A and the
** keyword-or-starred list K, as _PyPegen_collect_call_seqs. */
static Expr *collect_call(Parser *p, PtrVec *a, PtrVec *k, Pos ps) {
  PtrVec args = {0}, kws = {0};
  int i;
  Expr *e;
  for (i = 0; i < a->n; i++) if (!push(p, &args, a->items[i])) return NULL;
  for (i = 0; k && i < k->n; i++) {
    KwOrStar *x = k->items[i];
    if (!push(p, x->is_keyword ? &kws : &args, x->element)) return NULL;
  }
  e = new_expr(p, E_Call, ps);
  if (e) {
    SEQ_FROM(e->v.Call.args, args);
    SEQ_FROM(e->v.Call.keywords, kws);
  }
  return e;
}

/* One positional argument: starred_expression
** | (assignment_expression | expression !':=') !'=' */
static Expr *positional_arg(Parser *p) {
  int mark = p->mark;
  Expr *a;
  if ((a = starred_expression(p))) return a;
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (!(a = assignment_expression(p))) {
    p->mark = mark;
    if (p->error_indicator) return NULL;
    if ((a = expression(p)) && lookahead(p, T_COLONEQUAL)) a = NULL;
  }
  if (a && !lookahead(p, T_EQUAL) && !p->error_indicator) return a;
  p->mark = mark;
  return NULL;
}

static Expr *args(Parser *p) {
  int mark = p->mark;
  PtrVec a = {0}, k = {0};
  Expr *x;
  if (!enter(p)) return NULL;
  if ((x = positional_arg(p)) && push(p, &a, x)) {
    for (;;) {
      int m = p->mark;
      if (!(expect(p, T_COMMA) && (x = positional_arg(p)))) { p->mark = m; break; }
      if (!push(p, &a, x)) return leave(p, NULL);
    }
    if (p->error_indicator) return leave(p, NULL);
    {
      int m = p->mark;
      if (!(expect(p, T_COMMA) && kwargs(p, &k))) { p->mark = m; k.n = 0; }
    }
    if (p->error_indicator) return leave(p, NULL);
    return leave(p, collect_call(p, &a, &k, extra(p, mark)));
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  a.n = 0;
  if (kwargs(p, &k)) return leave(p, collect_call(p, &a, &k, extra(p, mark)));
  p->mark = mark;
  return leave(p, NULL);
}

static void invalid_arguments(Parser *p) {
  int mark = p->mark;
  Expr *a;
  Token *n, *eq;
  PtrVec g = {0};
  if ((a = args(p)) && expect(p, T_COMMA) && expect(p, T_STAR)) {
    RAISE_AT_POS(a->pos, "iterable argument unpacking follows keyword argument unpacking");
    return;
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if ((a = expression(p)) && for_if_clauses(p, &g) && expect(p, T_COMMA)) {
    int m = p->mark;
    PtrVec g2 = {0};
    if (!args(p)) {
      p->mark = m;
      if (!p->error_indicator && !(expression(p) && for_if_clauses(p, &g2))) p->mark = m;
    }
    if (!p->error_indicator) {
      Comprehension *last = g.items[g.n - 1];
      RAISE_RANGE(a->pos, last_comprehension_item(last)->pos,
                  "Generator expression must be parenthesized");
      return;
    }
  }
  p->mark = mark;
  g.n = 0;
  if (p->error_indicator) return;
  if ((n = expect(p, T_NAME)) && (eq = expect(p, T_EQUAL)) && expression(p) &&
      for_if_clauses(p, &g)) {
    RAISE_RANGE(tok_pos(n), tok_pos(eq),
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    return;
  }
  p->mark = mark;
  g.n = 0;
  if (p->error_indicator) return;
  if ((a = args(p)) && for_if_clauses(p, &g)) {
    if (a->v.Call.args.n > 1) {
      Comprehension *last = g.items[g.n - 1];
      RAISE_RANGE(a->v.Call.args.a[a->v.Call.args.n - 1]->pos,
                  last_comprehension_item(last)->pos,
                  "Generator expression must be parenthesized");
      return;
    }
  }
  p->mark = mark;
  g.n = 0;
  if (p->error_indicator) return;
  if (args(p) && expect(p, T_COMMA) && (a = expression(p)) && for_if_clauses(p, &g)) {
    Comprehension *last = g.items[g.n - 1];
    RAISE_RANGE(a->pos, last_comprehension_item(last)->pos,
                "Generator expression must be parenthesized");
    return;
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if ((a = args(p)) && expect(p, T_COMMA) && args(p)) {
    int i;
    bool unpack = false;
    for (i = 0; i < a->v.Call.keywords.n; i++)
      if (a->v.Call.keywords.a[i]->arg == NULL) unpack = true;
    RAISE_SYNTAX_ERROR(unpack ? "positional argument follows keyword argument unpacking"
                              : "positional argument follows keyword argument");
    return;
  }
  p->mark = mark;
}

/* arguments (memo): args [','] &')' | invalid_arguments */
static Expr *arguments(Parser *p) {
  int mark;
  void *memo;
  Expr *a;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_arguments, &memo)) return leave(p, memo);
  if ((a = args(p))) {
    expect(p, T_COMMA);
    if (lookahead(p, T_RPAR)) goto done;
  }
  a = NULL;
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if (p->call_invalid_rules) {
    invalid_arguments(p);
    p->mark = mark;
  }
done:
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_arguments, a);
  return leave(p, a);
}

/* ------------------------------------------------------------------ */
/* Parameters (def and lambda)                                        */
/* ------------------------------------------------------------------ */

typedef struct NameDefault { Arg *arg; Expr *value; } NameDefault;
typedef struct StarEtc { Arg *vararg; PtrVec kwonly; Arg *kwarg; } StarEtc;

/* param: NAME annotation?  (lambda: NAME) ; STAR_ANN: NAME ':' star_expression */
static Arg *param(Parser *p, bool lam, bool star_ann) {
  int mark = p->mark;
  Token *n;
  Expr *ann = NULL;
  Arg *a;
  if (!(n = expect(p, T_NAME))) return NULL;
  if (!lam) {
    int m = p->mark;
    if (expect(p, T_COLON) && (ann = star_ann ? star_expression(p) : expression(p))) {
      /* annotation */
    } else {
      p->mark = m;
      ann = NULL;
      if (p->error_indicator) return NULL;
      if (star_ann) { p->mark = mark; return NULL; }
    }
  }
  a = new_node(p, sizeof *a);
  if (a) { a->arg = n->str; a->annotation = ann; a->pos = extra(p, mark); }
  return a;
}

/* ',' | &')'  (lambda: &':') */
static bool param_end(Parser *p, bool lam) {
  if (expect(p, T_COMMA)) return true;
  return lookahead(p, lam ? T_COLON : T_RPAR);
}

static Arg *param_no_default(Parser *p, bool lam) {
  int mark = p->mark;
  Arg *a;
  if ((a = param(p, lam, false)) && param_end(p, lam)) return a;
  p->mark = mark;
  return NULL;
}

/* default: '=' expression | invalid_default */
static Expr *default_(Parser *p, bool lam) {
  int mark = p->mark;
  Expr *e;
  Token *t;
  (void)lam;
  if (expect(p, T_EQUAL) && (e = expression(p))) return e;
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (p->call_invalid_rules) {
    if ((t = expect(p, T_EQUAL)) && (lookahead(p, T_RPAR) || lookahead(p, T_COMMA))) {
      RAISE_AT_POS(tok_pos(t), "expected default value expression");
      return NULL;
    }
    p->mark = mark;
  }
  return NULL;
}

/* param_with_default (MAYBE: param_maybe_default) */
static NameDefault *param_default(Parser *p, bool lam, bool maybe) {
  int mark = p->mark;
  Arg *a;
  Expr *d = NULL;
  NameDefault *nd;
  if ((a = param(p, lam, false))) {
    int m = p->mark;
    if (!(d = default_(p, lam))) {
      p->mark = m;
      if (p->error_indicator) return NULL;
    }
    if ((d || maybe) && param_end(p, lam)) {
      nd = new_node(p, sizeof *nd);
      if (nd) { nd->arg = a; nd->value = d; }
      return nd;
    }
  }
  p->mark = mark;
  return NULL;
}

static int loop_no_default(Parser *p, bool lam, PtrVec *v) {
  Arg *a;
  for (;;) {
    int m = p->mark;
    if (!(a = param_no_default(p, lam))) { p->mark = m; break; }
    if (!push(p, v, a)) return -1;
  }
  return p->error_indicator ? -1 : v->n;
}

static int loop_default(Parser *p, bool lam, bool maybe, PtrVec *v) {
  NameDefault *nd;
  for (;;) {
    int m = p->mark;
    if (!(nd = param_default(p, lam, maybe))) { p->mark = m; break; }
    if (!push(p, v, nd)) return -1;
  }
  return p->error_indicator ? -1 : v->n;
}

/* '/' followed by ',' or &')' (lambda &':') */
static bool slash_end(Parser *p, bool lam) {
  int mark = p->mark;
  if (expect(p, T_SLASH) && param_end(p, lam)) return true;
  p->mark = mark;
  return false;
}

/* slash_no_default: param_no_default+ '/' (',' | &')') */
static bool slash_no_default(Parser *p, bool lam, PtrVec *v) {
  int mark = p->mark;
  v->n = 0;
  if (loop_no_default(p, lam, v) > 0 && slash_end(p, lam)) return true;
  p->mark = mark;
  v->n = 0;
  return false;
}

/* slash_with_default: param_no_default* param_with_default+ '/' (',' | &')') */
static bool slash_with_default(Parser *p, bool lam, PtrVec *plain, PtrVec *defs) {
  int mark = p->mark;
  plain->n = defs->n = 0;
  if (loop_no_default(p, lam, plain) >= 0 && loop_default(p, lam, false, defs) > 0 &&
      slash_end(p, lam))
    return true;
  p->mark = mark;
  plain->n = defs->n = 0;
  return false;
}

static Arg *kwds(Parser *p, bool lam) {
  int mark = p->mark;
  Arg *a;
  Token *t;
  if (p->call_invalid_rules) {
    if (expect(p, T_DOUBLESTAR) && param(p, lam, false)) {
      int m = p->mark;
      if ((t = expect(p, T_EQUAL))) {
        RAISE_AT_POS(tok_pos(t), "var-keyword argument cannot have default value");
        return NULL;
      }
      p->mark = m;
      if (expect(p, T_COMMA)) {
        int m2 = p->mark;
        if ((a = param(p, lam, false))) {
          RAISE_AT_POS(a->pos, "arguments cannot follow var-keyword argument");
          return NULL;
        }
        p->mark = m2;
        if (!p->error_indicator) {
          Token *x = peek(p);
          if (x && (x->type == T_STAR || x->type == T_DOUBLESTAR || x->type == T_SLASH)) {
            RAISE_AT_POS(tok_pos(x), "arguments cannot follow var-keyword argument");
            return NULL;
          }
        }
      }
    }
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  if (expect(p, T_DOUBLESTAR) && (a = param_no_default(p, lam))) return a;
  p->mark = mark;
  return NULL;
}

static void invalid_star_etc(Parser *p, bool lam) {
  int mark = p->mark;
  Token *a;
  PtrVec tmp = {0};
  if ((a = expect(p, T_STAR))) {
    int m = p->mark;
    bool hit = false;
    if (expect(p, lam ? T_COLON : T_RPAR)) hit = true;
    else {
      p->mark = m;
      if (expect(p, T_COMMA) && (expect(p, lam ? T_COLON : T_RPAR) ||
                                 (p->mark = m + 1, expect(p, T_DOUBLESTAR))))
        hit = true;
    }
    if (hit && !p->error_indicator) {
      if (lam) RAISE_SYNTAX_ERROR("named arguments must follow bare *");
      else RAISE_AT_POS(tok_pos(a), "named arguments must follow bare *");
      return;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if (expect(p, T_STAR) && param(p, lam, false) && (a = expect(p, T_EQUAL))) {
    RAISE_AT_POS(tok_pos(a), "var-positional argument cannot have default value");
    return;
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if (expect(p, T_STAR)) {
    int m = p->mark;
    if (param_no_default(p, lam) || (p->mark = m, !p->error_indicator && expect(p, T_COMMA))) {
      if (loop_default(p, lam, true, &tmp) >= 0 && (a = expect(p, T_STAR))) {
        int m2 = p->mark;
        if (param_no_default(p, lam) || (p->mark = m2, !p->error_indicator && expect(p, T_COMMA))) {
          RAISE_AT_POS(tok_pos(a), "* argument may appear only once");
          return;
        }
      }
    }
  }
  p->mark = mark;
}

static StarEtc *star_etc(Parser *p, bool lam) {
  int mark = p->mark;
  StarEtc *s;
  Arg *a;
  if (p->call_invalid_rules) {
    invalid_star_etc(p, lam);
    p->mark = mark;
    if (p->error_indicator) return NULL;
  }
  s = new_node(p, sizeof *s);
  if (s == NULL) return NULL;
  /* '*' param_no_default param_maybe_default* [kwds] */
  if (expect(p, T_STAR) && (a = param_no_default(p, lam))) {
    int m;
    s->vararg = a;
    if (loop_default(p, lam, true, &s->kwonly) < 0) return NULL;
    m = p->mark;
    if (!(s->kwarg = kwds(p, lam))) p->mark = m;
    if (p->error_indicator) return NULL;
    return s;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  /* '*' param_no_default_star_annotation param_maybe_default* [kwds] */
  if (!lam && expect(p, T_STAR)) {
    int m = p->mark;
    if ((a = param(p, false, true)) && param_end(p, false)) {
      s->vararg = a;
      s->kwonly.n = 0;
      if (loop_default(p, lam, true, &s->kwonly) < 0) return NULL;
      m = p->mark;
      if (!(s->kwarg = kwds(p, lam))) p->mark = m;
      if (p->error_indicator) return NULL;
      return s;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  /* '*' ',' param_maybe_default+ [kwds] */
  s->vararg = NULL;
  s->kwonly.n = 0;
  if (expect(p, T_STAR) && expect(p, T_COMMA) && loop_default(p, lam, true, &s->kwonly) > 0) {
    int m = p->mark;
    if (!(s->kwarg = kwds(p, lam))) p->mark = m;
    if (p->error_indicator) return NULL;
    return s;
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  s->kwonly.n = 0;
  if ((a = kwds(p, lam))) {
    s->kwarg = a;
    return s;
  }
  p->mark = mark;
  return NULL;
}

static void seq_args(Parser *p, ArgSeq *out, PtrVec *a, PtrVec *b_defaults) {
  int i, n = (a ? a->n : 0) + (b_defaults ? b_defaults->n : 0);
  Arg **arr = new_node(p, sizeof(Arg *) * (size_t)(n ? n : 1));
  if (arr == NULL) return;
  n = 0;
  for (i = 0; a && i < a->n; i++) arr[n++] = a->items[i];
  for (i = 0; b_defaults && i < b_defaults->n; i++)
    arr[n++] = ((NameDefault *)b_defaults->items[i])->arg;
  out->a = arr;
  out->n = n;
}

static void seq_defaults(Parser *p, ExprSeq *out, PtrVec *d1, PtrVec *d2) {
  int i, n = (d1 ? d1->n : 0) + (d2 ? d2->n : 0);
  Expr **arr = new_node(p, sizeof(Expr *) * (size_t)(n ? n : 1));
  if (arr == NULL) return;
  n = 0;
  for (i = 0; d1 && i < d1->n; i++) arr[n++] = ((NameDefault *)d1->items[i])->value;
  for (i = 0; d2 && i < d2->n; i++) arr[n++] = ((NameDefault *)d2->items[i])->value;
  out->a = arr;
  out->n = n;
}

/* _PyPegen_make_arguments */
static Arguments *make_arguments(Parser *p, PtrVec *slash_plain, PtrVec *slash_defs,
                                 PtrVec *plain, PtrVec *defs, StarEtc *se) {
  Arguments *a = new_node(p, sizeof *a);
  if (a == NULL) return NULL;
  seq_args(p, &a->posonlyargs, slash_plain, slash_defs);
  seq_args(p, &a->args, plain, defs);
  seq_defaults(p, &a->defaults, slash_defs, defs);
  if (se) {
    a->vararg = se->vararg;
    a->kwarg = se->kwarg;
    seq_args(p, &a->kwonlyargs, NULL, &se->kwonly);
    seq_defaults(p, &a->kw_defaults, &se->kwonly, NULL);
  }
  return a;
}

static void invalid_parameters(Parser *p, bool lam) {
  int mark = p->mark;
  PtrVec v = {0}, v2 = {0};
  Token *a, *b;
  Arg *x;
  /* param_no_default* invalid_parameters_helper a=param_no_default */
  if (loop_no_default(p, lam, &v) >= 0) {
    int m = p->mark;
    bool helper = slash_with_default(p, lam, &v, &v2);
    if (!helper) {
      p->mark = m;
      v2.n = 0;
      helper = !p->error_indicator && loop_default(p, lam, false, &v2) > 0;
    }
    if (helper && (x = param_no_default(p, lam))) {
      RAISE_AT_POS(x->pos, "non-default argument follows default argument");
      return;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return;
  /* param_no_default* a='(' param_no_default+ ','? b=')'  (lambda: ','.lambda_param+) */
  v.n = 0;
  if (loop_no_default(p, lam, &v) >= 0 && (a = expect(p, T_LPAR))) {
    bool ok;
    v.n = 0;
    if (!lam) ok = loop_no_default(p, lam, &v) > 0;
    else {
      ok = param(p, true, false) != NULL;
      while (ok) {
        int m = p->mark;
        if (!(expect(p, T_COMMA) && param(p, true, false))) { p->mark = m; break; }
      }
    }
    if (ok && !p->error_indicator) {
      expect(p, T_COMMA);
      if ((b = expect(p, T_RPAR))) {
        RAISE_RANGE(tok_pos(a), tok_pos(b), lam ? "Lambda expression parameters cannot be parenthesized"
                                                : "Function parameters cannot be parenthesized");
        return;
      }
    }
  }
  p->mark = mark;
  if (p->error_indicator) return;
  if ((a = expect(p, T_SLASH)) && expect(p, T_COMMA)) {
    RAISE_AT_POS(tok_pos(a), "at least one argument must precede /");
    return;
  }
  p->mark = mark;
  if (p->error_indicator) return;
  v.n = v2.n = 0;
  if (slash_no_default(p, lam, &v) || (p->mark = mark, !p->error_indicator &&
                                       slash_with_default(p, lam, &v, &v2))) {
    PtrVec tmp = {0};
    if (loop_default(p, lam, true, &tmp) >= 0 && (a = expect(p, T_SLASH))) {
      RAISE_AT_POS(tok_pos(a), "/ may appear only once");
      return;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return;
  {
    PtrVec tmp = {0};
    v.n = v2.n = 0;
    if (!slash_no_default(p, lam, &v)) {
      p->mark = mark;
      if (!p->error_indicator && !slash_with_default(p, lam, &v, &v2)) p->mark = mark;
    }
    if (!p->error_indicator && loop_default(p, lam, true, &tmp) >= 0 && expect(p, T_STAR)) {
      int m = p->mark;
      if (expect(p, T_COMMA) || (p->mark = m, !p->error_indicator && param_no_default(p, lam))) {
        tmp.n = 0;
        if (loop_default(p, lam, true, &tmp) >= 0 && (a = expect(p, T_SLASH))) {
          RAISE_AT_POS(tok_pos(a), "/ must be ahead of *");
          return;
        }
      }
    }
  }
  p->mark = mark;
  if (p->error_indicator) return;
  {
    PtrVec tmp = {0};
    if (loop_default(p, lam, true, &tmp) > 0 && expect(p, T_SLASH) && (a = expect(p, T_STAR))) {
      RAISE_AT_POS(tok_pos(a), "expected comma between / and *");
      return;
    }
  }
  p->mark = mark;
}

/* params / lambda_params */
static Arguments *parameters(Parser *p, bool lam) {
  int mark = p->mark;
  PtrVec s1 = {0}, s2 = {0}, plain = {0}, defs = {0};
  StarEtc *se;
  int m;
  if (!enter(p)) return NULL;
  if (p->call_invalid_rules) {
    invalid_parameters(p, lam);
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
  }
  /* slash_no_default param_no_default* param_with_default* [star_etc] */
  if (slash_no_default(p, lam, &s1) && loop_no_default(p, lam, &plain) >= 0 &&
      loop_default(p, lam, false, &defs) >= 0) {
    m = p->mark;
    if (!(se = star_etc(p, lam))) p->mark = m;
    if (p->error_indicator) return leave(p, NULL);
    return leave(p, make_arguments(p, &s1, NULL, &plain, &defs, se));
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  /* slash_with_default param_with_default* [star_etc] */
  s1.n = plain.n = defs.n = 0;
  if (slash_with_default(p, lam, &s1, &s2) && loop_default(p, lam, false, &defs) >= 0) {
    m = p->mark;
    if (!(se = star_etc(p, lam))) p->mark = m;
    if (p->error_indicator) return leave(p, NULL);
    return leave(p, make_arguments(p, &s1, &s2, NULL, &defs, se));
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  /* param_no_default+ param_with_default* [star_etc] */
  s1.n = s2.n = plain.n = defs.n = 0;
  if (loop_no_default(p, lam, &plain) > 0 && loop_default(p, lam, false, &defs) >= 0) {
    m = p->mark;
    if (!(se = star_etc(p, lam))) p->mark = m;
    if (p->error_indicator) return leave(p, NULL);
    return leave(p, make_arguments(p, NULL, NULL, &plain, &defs, se));
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  /* param_with_default+ [star_etc] */
  plain.n = defs.n = 0;
  if (loop_default(p, lam, false, &defs) > 0) {
    m = p->mark;
    if (!(se = star_etc(p, lam))) p->mark = m;
    if (p->error_indicator) return leave(p, NULL);
    return leave(p, make_arguments(p, NULL, NULL, NULL, &defs, se));
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((se = star_etc(p, lam))) return leave(p, make_arguments(p, NULL, NULL, NULL, NULL, se));
  p->mark = mark;
  return leave(p, NULL);
}

static Arguments *params(Parser *p) { return parameters(p, false); }

static Expr *lambdef(Parser *p) {
  int mark = p->mark;
  Arguments *a = NULL;
  Expr *b, *e;
  if (!enter(p)) return NULL;
  if (expect(p, T_KW_LAMBDA)) {
    int m = p->mark;
    if (!(a = parameters(p, true))) { p->mark = m; a = NULL; }
    if (!p->error_indicator && expect(p, T_COLON) && (b = expression(p))) {
      e = new_expr(p, E_Lambda, extra(p, mark));
      if (e) { e->v.Lambda.args = a ? a : empty_arguments(p); e->v.Lambda.body = b; }
      return leave(p, e);
    }
  }
  p->mark = mark;
  return leave(p, NULL);
}

/* ------------------------------------------------------------------ */
/* Targets                                                            */
/* ------------------------------------------------------------------ */

static Expr *star_atom(Parser *p);

static Expr *star_targets(Parser *p) {
  int mark = p->mark;
  Expr *a;
  PtrVec rest = {0};
  if (!enter(p)) return NULL;
  if ((a = star_target(p)) && !lookahead(p, T_COMMA) && !p->error_indicator) return leave(p, a);
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((a = star_target(p))) {
    for (;;) {
      int m = p->mark;
      Expr *c;
      if (!(expect(p, T_COMMA) && (c = star_target(p)))) { p->mark = m; break; }
      if (!push(p, &rest, c)) return leave(p, NULL);
    }
    if (p->error_indicator) return leave(p, NULL);
    expect(p, T_COMMA);
    return leave(p, new_tuple(p, expr_seq_prepend(p, a, &rest), CTX_STORE, extra(p, mark)));
  }
  p->mark = mark;
  return leave(p, NULL);
}

static Expr *star_target(Parser *p) {
  int mark;
  void *memo;
  Expr *a, *e = NULL;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_star_target, &memo)) return leave(p, memo);
  if (expect(p, T_STAR) && !lookahead(p, T_STAR) && !p->error_indicator &&
      (a = star_target(p))) {
    e = new_starred(p, set_ctx(p, a, CTX_STORE), CTX_STORE, extra(p, mark));
    goto done;
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((e = target_with_star_atom(p))) goto done;
  p->mark = mark;
done:
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_star_target, e);
  return leave(p, e);
}

/* t_primary '.' NAME !t_lookahead | t_primary '[' slices ']' !t_lookahead */
static Expr *subscript_attribute_target(Parser *p, ExprCtx ctx) {
  int mark = p->mark;
  Expr *a, *b, *e;
  Token *n;
  if ((a = t_primary(p))) {
    int m = p->mark;
    if (expect(p, T_DOT) && (n = expect(p, T_NAME)) && !t_lookahead(p) && !p->error_indicator) {
      e = new_expr(p, E_Attribute, extra(p, mark));
      if (e) { e->v.Attribute.value = a; e->v.Attribute.attr = n->str; e->v.Attribute.ctx = ctx; }
      return e;
    }
    p->mark = m;
    if (p->error_indicator) return NULL;
    if (expect(p, T_LSQB) && (b = slices(p)) && expect(p, T_RSQB) && !t_lookahead(p) &&
        !p->error_indicator) {
      e = new_expr(p, E_Subscript, extra(p, mark));
      if (e) { e->v.Subscript.value = a; e->v.Subscript.slice = b; e->v.Subscript.ctx = ctx; }
      return e;
    }
  }
  p->mark = mark;
  return NULL;
}

static Expr *target_with_star_atom(Parser *p) {
  int mark;
  void *memo;
  Expr *e;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_target_with_star_atom, &memo)) return leave(p, memo);
  if (!(e = subscript_attribute_target(p, CTX_STORE))) {
    p->mark = mark;
    if (p->error_indicator) return leave(p, NULL);
    if (!(e = star_atom(p))) p->mark = mark;
  }
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_target_with_star_atom, e);
  return leave(p, e);
}

/* ','.star_target+ [','] */
static bool star_target_list(Parser *p, PtrVec *v, bool need_comma_for_one) {
  int mark = p->mark;
  Expr *a;
  if (!(a = star_target(p)) || !push(p, v, a)) { p->mark = mark; return false; }
  for (;;) {
    int m = p->mark;
    if (!(expect(p, T_COMMA) && (a = star_target(p)))) { p->mark = m; break; }
    if (!push(p, v, a)) return false;
  }
  if (p->error_indicator) return false;
  if (expect(p, T_COMMA)) return true;
  if (need_comma_for_one && v->n == 1) { p->mark = mark; v->n = 0; return false; }
  return true;
}

static Expr *star_atom(Parser *p) {
  int mark = p->mark;
  Token *t;
  Expr *a, *e;
  PtrVec v = {0};
  ExprSeq s;
  if ((t = expect(p, T_NAME))) return name_expr(p, t, CTX_STORE);
  if (p->error_indicator) return NULL;
  if (expect(p, T_LPAR) && (a = target_with_star_atom(p)) && expect(p, T_RPAR))
    return set_ctx(p, a, CTX_STORE);
  p->mark = mark;
  if (p->error_indicator) return NULL;
  if (expect(p, T_LPAR)) {
    int m = p->mark;
    if (!star_target_list(p, &v, true)) { p->mark = m; v.n = 0; }
    if (!p->error_indicator && expect(p, T_RPAR)) {
      SEQ_FROM(s, v);
      return new_tuple(p, s, CTX_STORE, extra(p, mark));
    }
  }
  p->mark = mark;
  if (p->error_indicator) return NULL;
  v.n = 0;
  if (expect(p, T_LSQB)) {
    int m = p->mark;
    if (!star_target_list(p, &v, false)) { p->mark = m; v.n = 0; }
    if (!p->error_indicator && expect(p, T_RSQB)) {
      e = new_expr(p, E_List, extra(p, mark));
      if (e) { SEQ_FROM(e->v.List.elts, v); e->v.List.ctx = CTX_STORE; }
      return e;
    }
  }
  p->mark = mark;
  return NULL;
}

static Expr *single_subscript_attribute_target(Parser *p) {
  return subscript_attribute_target(p, CTX_STORE);
}

static Expr *single_target(Parser *p) {
  int mark = p->mark;
  Expr *a;
  Token *t;
  if (!enter(p)) return NULL;
  if ((a = single_subscript_attribute_target(p))) return leave(p, a);
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((t = expect(p, T_NAME))) return leave(p, name_expr(p, t, CTX_STORE));
  if (p->error_indicator) return leave(p, NULL);
  if (expect(p, T_LPAR) && (a = single_target(p)) && expect(p, T_RPAR)) return leave(p, a);
  p->mark = mark;
  return leave(p, NULL);
}

static Expr *invalid_ann_assign_target(Parser *p) {
  int mark = p->mark;
  Expr *a;
  if (!enter(p)) return NULL;
  if ((a = list_rule(p))) return leave(p, a);
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if ((a = tuple_rule(p))) return leave(p, a);
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if (expect(p, T_LPAR) && (a = invalid_ann_assign_target(p)) && expect(p, T_RPAR))
    return leave(p, a);
  p->mark = mark;
  return leave(p, NULL);
}

static bool del_targets(Parser *p, PtrVec *v) {
  int mark = p->mark;
  Expr *a;
  if (!enter(p)) return false;
  if (!(a = del_target(p)) || !push(p, v, a)) { p->mark = mark; return leave(p, NULL) != NULL; }
  for (;;) {
    int m = p->mark;
    if (!(expect(p, T_COMMA) && (a = del_target(p)))) { p->mark = m; break; }
    if (!push(p, v, a)) return leave(p, NULL) != NULL;
  }
  if (p->error_indicator) return leave(p, NULL) != NULL;
  expect(p, T_COMMA);
  return leave(p, v) != NULL;
}

static Expr *del_target(Parser *p) {
  int mark;
  void *memo;
  Expr *a, *e;
  Token *t;
  PtrVec v = {0};
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_del_target, &memo)) return leave(p, memo);
  if ((e = subscript_attribute_target(p, CTX_DEL))) goto done;
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  /* del_t_atom */
  if ((t = expect(p, T_NAME))) { e = name_expr(p, t, CTX_DEL); goto done; }
  if (p->error_indicator) return leave(p, NULL);
  if (expect(p, T_LPAR) && (a = del_target(p)) && expect(p, T_RPAR)) {
    e = set_ctx(p, a, CTX_DEL);
    goto done;
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if (expect(p, T_LPAR)) {
    int m = p->mark;
    if (!del_targets(p, &v)) { p->mark = m; v.n = 0; }
    if (!p->error_indicator && expect(p, T_RPAR)) {
      ExprSeq s;
      SEQ_FROM(s, v);
      e = new_tuple(p, s, CTX_DEL, extra(p, mark));
      goto done;
    }
  }
  p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  v.n = 0;
  if (expect(p, T_LSQB)) {
    int m = p->mark;
    if (!del_targets(p, &v)) { p->mark = m; v.n = 0; }
    if (!p->error_indicator && expect(p, T_RSQB)) {
      e = new_expr(p, E_List, extra(p, mark));
      if (e) { SEQ_FROM(e->v.List.elts, v); e->v.List.ctx = CTX_DEL; }
      goto done;
    }
  }
  p->mark = mark;
  e = NULL;
done:
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_del_target, e);
  return leave(p, e);
}

/* ------------------------------------------------------------------ */
/* Numbers                                                            */
/* ------------------------------------------------------------------ */

static Expr *number_token(Parser *p) {
  Token *t = expect(p, T_NUMBER);
  Expr *e;
  char *num;
  int i, n = 0;
  bool is_float = false, is_complex = false, is_hex;
  if (t == NULL) return NULL;
  num = new_node(p, (size_t)t->len + 1);
  if (num == NULL) return NULL;
  for (i = 0; i < t->len; i++) if (t->start[i] != '_') num[n++] = t->start[i];
  num[n] = 0;
  is_hex = n > 1 && num[0] == '0' && (num[1] == 'x' || num[1] == 'X');
  if (num[n - 1] == 'j' || num[n - 1] == 'J') {
    is_complex = true;
    num[--n] = 0;
  } else if (!is_hex && strpbrk(num, ".eE")) {
    is_float = true;
  }
  e = new_const(p, is_complex ? CONST_COMPLEX : is_float ? CONST_FLOAT : CONST_INT, tok_pos(t));
  if (e == NULL) return NULL;
  if (is_complex || is_float) {
    e->v.Constant.c.d = strtod(num, NULL);
  } else {
    e->v.Constant.c.s = arena_strndup(p->arena, t->start, (size_t)t->len);
    e->v.Constant.c.n = (size_t)t->len;
    if (e->v.Constant.c.s == NULL) return nomem(p);
  }
  return e;
}

/* ------------------------------------------------------------------ */
/* Strings                                                            */
/* ------------------------------------------------------------------ */

typedef struct Buf {
  char *data;                     /* arena storage */
  size_t len;                     /* bytes used */
  size_t cap;                     /* capacity */
} Buf;

static bool buf_put(Parser *p, Buf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    size_t ncap = b->cap ? b->cap * 2 : 64;
    char *nd;
    while (ncap < b->len + n + 1) ncap *= 2;
    nd = arena_alloc(p->arena, ncap);
    if (nd == NULL) { nomem(p); return false; }
    if (b->len) memcpy(nd, b->data, b->len);
    b->data = nd;
    b->cap = ncap;
  }
  memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = 0;
  return true;
}

static bool buf_putc(Parser *p, Buf *b, char c) { return buf_put(p, b, &c, 1); }

static bool buf_put_cp(Parser *p, Buf *b, uint32_t cp) {
  char u[4];
  size_t n;
  if (cp < 0x80) { u[0] = (char)cp; n = 1; }
  else if (cp < 0x800) { u[0] = (char)(0xC0 | (cp >> 6)); u[1] = (char)(0x80 | (cp & 0x3F)); n = 2; }
  else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12)); u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F)); n = 3;
  } else {
    u[0] = (char)(0xF0 | (cp >> 18)); u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); u[3] = (char)(0x80 | (cp & 0x3F)); n = 4;
  }
  return buf_put(p, b, u, n);
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

/* The unicode-escape codec error, as CPython words it. */
static void unicode_escape_error(Parser *p, size_t start, size_t end, const char *buf,
                                 const char *why) {
  if (end - start == 1)
    RAISE_SYNTAX_ERROR("(unicode error) 'unicodeescape' codec can't decode byte 0x%02x "
                       "in position %zu: %s", (unsigned char)buf[start], start, why);
  else
    RAISE_SYNTAX_ERROR("(unicode error) 'unicodeescape' codec can't decode bytes in "
                       "position %zu-%zu: %s", start, end - 1, why);
}

/* decode_unicode_with_escapes: S[0..LEN) with escapes to UTF-8 in OUT.
** Like CPython, non-ASCII characters are first rewritten as \UXXXXXXXX so
** that codec error positions match. */
static bool decode_unicode_escapes(Parser *p, const char *s, size_t len, Buf *out, Token *t) {
  Buf tr = {0};
  const char *end = s + len, *q, *qend;
  (void)t;
  /* the rewriting pass */
  while (s < end) {
    if (*s == '\\') {
      if (!buf_putc(p, &tr, *s++)) return false;
      if (s >= end || (*s & 0x80)) {
        if (!buf_put(p, &tr, "u005c", 5)) return false;
        if (s >= end) break;
      }
    }
    if (*s & 0x80) {
      uint32_t cp;
      int k = utf8_decode((const unsigned char *)s, (size_t)(end - s), &cp);
      char tmp[16];
      if (k == 0) { k = 1; cp = 0xFFFD; }
      snprintf(tmp, sizeof tmp, "\\U%08x", (unsigned)cp);
      if (!buf_put(p, &tr, tmp, 10)) return false;
      s += k;
    } else {
      if (!buf_putc(p, &tr, *s++)) return false;
    }
  }
  if (tr.data == NULL) return buf_put(p, out, "", 0);
  /* the unicode-escape codec */
  q = tr.data;
  qend = tr.data + tr.len;
  while (q < qend) {
    size_t startpos;
    int c = (unsigned char)*q++, count;
    uint32_t ch;
    const char *msg;
    if (c != '\\') { if (!buf_putc(p, out, (char)c)) return false; continue; }
    startpos = (size_t)(q - 1 - tr.data);
    if (q >= qend) {
      unicode_escape_error(p, startpos, (size_t)(q - tr.data), tr.data, "\\ at end of string");
      return false;
    }
    c = (unsigned char)*q++;
    switch (c) {
    case '\n': continue;
    case '\\': case '\'': case '"': if (!buf_putc(p, out, (char)c)) return false; continue;
    case 'b': if (!buf_putc(p, out, '\b')) return false; continue;
    case 'f': if (!buf_putc(p, out, '\f')) return false; continue;
    case 't': if (!buf_putc(p, out, '\t')) return false; continue;
    case 'n': if (!buf_putc(p, out, '\n')) return false; continue;
    case 'r': if (!buf_putc(p, out, '\r')) return false; continue;
    case 'v': if (!buf_putc(p, out, '\v')) return false; continue;
    case 'a': if (!buf_putc(p, out, '\a')) return false; continue;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
      ch = (uint32_t)(c - '0');
      if (q < qend && *q >= '0' && *q <= '7') {
        ch = (ch << 3) + (uint32_t)(*q++ - '0');
        if (q < qend && *q >= '0' && *q <= '7') ch = (ch << 3) + (uint32_t)(*q++ - '0');
      }
      if (!buf_put_cp(p, out, ch)) return false;
      continue;
    case 'x': count = 2; msg = "truncated \\xXX escape"; goto hexescape;
    case 'u': count = 4; msg = "truncated \\uXXXX escape"; goto hexescape;
    case 'U':
      count = 8;
      msg = "truncated \\UXXXXXXXX escape";
    hexescape:
      for (ch = 0; count; ++q, --count) {
        int v;
        if (q >= qend || (v = hexval((unsigned char)*q)) < 0) {
          unicode_escape_error(p, startpos, (size_t)(q - tr.data), tr.data, msg);
          return false;
        }
        ch = (ch << 4) + (uint32_t)v;
      }
      if (ch > 0x10FFFF) {
        unicode_escape_error(p, startpos, (size_t)(q - tr.data), tr.data,
                             "illegal Unicode character");
        return false;
      }
      /* lone surrogates keep their generalised 3-byte UTF-8 form, which
      ** the VM's str accepts */
      if (!buf_put_cp(p, out, ch)) return false;
      continue;
    case 'N':
      if (q < qend && *q == '{') {
        const char *nm = ++q;
        while (q < qend && *q != '}') q++;
        if (q < qend && q > nm) {
          notimpl(p, t, "\\N{...} escapes");
          return false;
        }
      }
      unicode_escape_error(p, startpos, (size_t)(q - tr.data), tr.data,
                           "malformed \\N character escape");
      return false;
    default:
      /* invalid escape: kept as written (CPython warns) */
      if (!buf_putc(p, out, '\\') || !buf_putc(p, out, (char)c)) return false;
      continue;
    }
  }
  return true;
}

/* _PyBytes_DecodeEscape */
static bool decode_bytes_escapes(Parser *p, const char *s, size_t len, Buf *out) {
  const char *start = s, *end = s + len;
  if (!buf_put(p, out, "", 0)) return false;
  while (s < end) {
    int c;
    if (*s != '\\') { if (!buf_putc(p, out, *s++)) return false; continue; }
    s++;
    if (s == end) {
      RAISE_SYNTAX_ERROR("(value error) Trailing \\ in string");
      return false;
    }
    c = (unsigned char)*s++;
    switch (c) {
    case '\n': break;
    case '\\': case '\'': case '"': if (!buf_putc(p, out, (char)c)) return false; break;
    case 'b': if (!buf_putc(p, out, '\b')) return false; break;
    case 'f': if (!buf_putc(p, out, '\f')) return false; break;
    case 't': if (!buf_putc(p, out, '\t')) return false; break;
    case 'n': if (!buf_putc(p, out, '\n')) return false; break;
    case 'r': if (!buf_putc(p, out, '\r')) return false; break;
    case 'v': if (!buf_putc(p, out, '\v')) return false; break;
    case 'a': if (!buf_putc(p, out, '\a')) return false; break;
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      int v = c - '0';
      if (s < end && *s >= '0' && *s <= '7') {
        v = (v << 3) + *s++ - '0';
        if (s < end && *s >= '0' && *s <= '7') v = (v << 3) + *s++ - '0';
      }
      if (!buf_putc(p, out, (char)(v & 0xFF))) return false;
      break;
    }
    case 'x':
      if (s + 1 < end && hexval((unsigned char)s[0]) >= 0 && hexval((unsigned char)s[1]) >= 0) {
        if (!buf_putc(p, out, (char)((hexval((unsigned char)s[0]) << 4) + hexval((unsigned char)s[1]))))
          return false;
        s += 2;
        break;
      }
      RAISE_SYNTAX_ERROR("(value error) invalid \\x escape at position %zd",
                         (ssize_t)(s - 2 - start));
      return false;
    default:
      if (!buf_putc(p, out, '\\')) return false;
      s--;
      break;
    }
  }
  return true;
}

/* A STRING token split into prefix flags and body. */
typedef struct StrTok {
  bool bytes, raw, fstr, u;       /* prefix */
  const char *body;               /* between the quotes */
  size_t len;                     /* body length */
} StrTok;

static void split_string(Token *t, StrTok *st) {
  const char *s = t->start;
  int quote, nq = 1;
  size_t n = (size_t)t->len;
  memset(st, 0, sizeof *st);
  st->u = s[0] == 'u';
  while (*s != '"' && *s != '\'') {
    int c = *s | 32;
    if (c == 'b') st->bytes = true;
    else if (c == 'r') st->raw = true;
    else if (c == 'f') st->fstr = true;
    s++;
    n--;
  }
  quote = *s;
  if (n >= 6 && s[1] == quote && s[2] == quote) nq = 3;
  st->body = s + nq;
  st->len = n - 2 * (size_t)nq;
}

/* The f-string parser state (FstringParser). */
typedef struct FState {
  Buf last_str;                   /* pending literal, len 0 = none */
  bool have_str;                  /* last_str holds a (non-empty) literal */
  PtrVec exprs;                   /* parts so far */
  bool fmode;                     /* an f-string was seen */
} FState;

static bool fstate_concat(Parser *p, FState *st, const char *s, size_t n) {
  if (n == 0) return true;
  st->have_str = true;
  return buf_put(p, &st->last_str, s, n);
}

static Expr *make_str_node(Parser *p, const char *s, size_t n, Token *first, Token *last) {
  Expr *e = new_const(p, CONST_STR, tok_pos(first));
  if (e == NULL) return NULL;
  e->pos.end_lineno = last->end_lineno;
  e->pos.end_col = last->end_col;
  e->v.Constant.c.s = s ? s : "";
  e->v.Constant.c.n = n;
  e->v.Constant.c.u_prefix = first->start[0] == 'u';
  return e;
}

static bool fstate_flush(Parser *p, FState *st, Token *first, Token *last) {
  Expr *e;
  if (!st->have_str) return true;
  e = make_str_node(p, st->last_str.data, st->last_str.len, first, last);
  st->have_str = false;
  st->last_str.data = NULL;
  st->last_str.len = st->last_str.cap = 0;
  return e && push(p, &st->exprs, e);
}

static Expr *fstate_finish(Parser *p, FState *st, Token *first, Token *last) {
  Expr *e;
  if (!st->fmode) {
    if (!st->have_str) return make_str_node(p, "", 0, first, last);
    return make_str_node(p, st->last_str.data, st->last_str.len, first, last);
  }
  if (!fstate_flush(p, st, first, last)) return NULL;
  e = new_expr(p, E_JoinedStr, tok_pos(first));
  if (e == NULL) return NULL;
  e->pos.end_lineno = last->end_lineno;
  e->pos.end_col = last->end_col;
  SEQ_FROM(e->v.JoinedStr.values, st->exprs);
  return e;
}

static Module *run_parser(Parser *p, Expr **fexpr);

/* fstring_compile_expr: parse "(" EXPR ")" with a nested parser. */
static Expr *fstring_compile_expr(Parser *p, const char *expr_start, const char *expr_end,
                                  Token *t) {
  const char *s;
  char *str;
  size_t len = (size_t)(expr_end - expr_start);
  int lines = 0, cols = 0;
  Lexer *sub;
  Parser sp;
  Expr *result = NULL;
  bool newline_after_brace = true;
  int i;
  for (s = expr_start; s != expr_end; s++)
    if (!(*s == ' ' || *s == '\t' || *s == '\n' || *s == '\f')) break;
  if (s == expr_end) {
    if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
      RAISE_SYNTAX_ERROR("f-string: expression required before '%c'", *expr_end);
    else
      RAISE_SYNTAX_ERROR("f-string: empty expression not allowed");
    return NULL;
  }
  if (p->fstring_depth >= 20) {
    RAISE_SYNTAX_ERROR("f-string: expressions nested too deeply");
    return NULL;
  }
  str = new_node(p, len + 3);
  if (str == NULL) return NULL;
  memcpy(str + 1, expr_start, len);
  /* fstring_find_expr_location */
  for (s = expr_start; s < t->start + t->len && *s != '}' && *s != '\n'; s++) {
    if (*s != ' ' && *s != '\t' && *s != '\f') { newline_after_brace = false; break; }
  }
  if (!newline_after_brace) {
    const char *brace = expr_start - 1;
    s = brace;
    while (s > t->start && *s != '\n') s--;
    cols += (int)(brace - s);
    if (*s == '\n') cols -= 1;
  }
  for (s = t->start; s < expr_start - 1; s++) if (*s == '\n') lines++;
  str[0] = '(';
  str[len + 1] = ')';
  str[len + 2] = 0;

  sub = new_node(p, sizeof *sub);
  if (sub == NULL) return NULL;
  if (lexer_init(sub, p->arena, p->names, str, len + 2) < 0) {
    if (sub->err.kind == ERR_NOMEM) return nomem(p);
    RAISE_SYNTAX_ERROR("f-string: invalid syntax");
    return NULL;
  }
  sub->lineno = sub->line_base = t->lineno + lines - 1;
  lexer_tokenize(sub);
  if (sub->err.kind == ERR_NOMEM) {
    lexer_free(sub);
    return nomem(p);
  }

  memset(&sp, 0, sizeof sp);
  sp.arena = p->arena;
  sp.names = p->names;
  sp.lex = sub;
  sp.toks = sub->toks;
  sp.ntoks = sub->ntoks;
  sp.err = p->err;
  sp.start_rule = START_FSTRING;
  sp.starting_lineno = t->lineno + lines;
  sp.starting_col_offset = lines == 0 ? t->col + cols : cols;
  sp.fstring_depth = p->fstring_depth + 1;
  sp.level = p->level;            /* one C-stack budget for nested parsers */
  for (i = 0; i < sp.ntoks; i++) {
    Token *k = &sp.toks[i];
    if (k->end_lineno == sp.starting_lineno) {
      k->col += sp.starting_col_offset;
      k->end_col += sp.starting_col_offset;
    }
  }
  sp.memo = arena_alloc(p->arena, sizeof(Memo *) * (size_t)(sp.ntoks + 1));
  if (sp.memo == NULL) {
    lexer_free(sub);
    return nomem(p);
  }
  run_parser(&sp, &result);
  lexer_free(sub);
  if (result == NULL) {
    p->error_indicator = true;
    if (p->err->kind == ERR_NONE) nomem(p);
  }
  return result;
}

static bool fstring_concat(Parser *p, FState *st, const char **str, const char *end,
                           bool raw, int recurse_lvl, Token *first, Token *t, Token *last);

/* fstring_find_literal: returns 1 (doubled brace), 0, or -1 */
static int fstring_find_literal(Parser *p, const char **str, const char *end, bool raw,
                                Buf *literal, int recurse_lvl, Token *t) {
  const char *s = *str, *literal_start = s;
  int result = 0;
  while (s < end) {
    char ch = *s++;
    if (!raw && ch == '\\' && s < end) {
      ch = *s++;
      if (ch == 'N') {
        if (s < end && *s++ == '{') {
          while (s < end && *s++ != '}') {}
          continue;
        }
        continue;
      }
    }
    if (ch == '{' || ch == '}') {
      if (recurse_lvl == 0) {
        if (s < end && *s == ch) {
          *str = s + 1;
          result = 1;
          goto done;
        }
        if (ch == '}') {
          *str = s - 1;
          RAISE_SYNTAX_ERROR("f-string: single '}' is not allowed");
          return -1;
        }
      }
      s--;
      break;
    }
  }
  *str = s;
done:
  literal->len = 0;
  if (literal_start != s) {
    if (raw) {
      if (!buf_put(p, literal, literal_start, (size_t)(s - literal_start))) return -1;
    } else {
      if (!decode_unicode_escapes(p, literal_start, (size_t)(s - literal_start), literal, t))
        return -1;
    }
  }
  return result;
}

static Expr *new_formatted(Parser *p, Expr *value, int conversion, Expr *spec,
                           Token *first, Token *last) {
  Expr *e = new_expr(p, E_FormattedValue, tok_pos(first));
  if (e == NULL) return NULL;
  e->pos.end_lineno = last->end_lineno;
  e->pos.end_col = last->end_col;
  e->v.FormattedValue.value = value;
  e->v.FormattedValue.conversion = conversion;
  e->v.FormattedValue.format_spec = spec;
  return e;
}

/* fstring_find_expr: *STR is at '{'.  Sets *EXPR_TEXT for the '=' form. */
static int fstring_find_expr(Parser *p, const char **str, const char *end, bool raw,
                             int recurse_lvl, const char **expr_text, size_t *expr_text_len,
                             Expr **expression, Token *first, Token *t, Token *last) {
  const char *expr_start, *expr_end;
  char quote_char = 0, parenstack[LEX_MAXLEVEL];
  int string_type = 0, nested_depth = 0, conversion = -1;
  Expr *simple, *spec = NULL;
  if (recurse_lvl >= 2) {
    RAISE_SYNTAX_ERROR("f-string: expressions nested too deeply");
    return -1;
  }
  *str += 1;
  expr_start = *str;
  for (; *str < end; (*str)++) {
    char ch = **str;
    if (ch == '\\') {
      RAISE_SYNTAX_ERROR("f-string expression part cannot include a backslash");
      return -1;
    }
    if (quote_char) {
      if (ch == quote_char) {
        if (string_type == 3) {
          if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
            *str += 2;
            string_type = 0;
            quote_char = 0;
            continue;
          }
        } else {
          quote_char = 0;
          string_type = 0;
          continue;
        }
      }
      continue;
    }
    if (ch == '\'' || ch == '"') {
      if (*str + 2 < end && (*str)[1] == ch && (*str)[2] == ch) {
        string_type = 3;
        *str += 2;
      } else {
        string_type = 1;
      }
      quote_char = ch;
    } else if (ch == '[' || ch == '{' || ch == '(') {
      if (nested_depth >= LEX_MAXLEVEL) {
        RAISE_SYNTAX_ERROR("f-string: too many nested parenthesis");
        return -1;
      }
      parenstack[nested_depth++] = ch;
    } else if (ch == '#') {
      RAISE_SYNTAX_ERROR("f-string expression part cannot include '#'");
      return -1;
    } else if (nested_depth == 0 &&
               (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
      if (*str + 1 < end) {
        char next = (*str)[1];
        if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
            (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
          *str += 1;
          continue;
        }
      }
      if (ch == '>' || ch == '<') continue;
      break;
    } else if (ch == ']' || ch == '}' || ch == ')') {
      int opening;
      if (!nested_depth) {
        RAISE_SYNTAX_ERROR("f-string: unmatched '%c'", ch);
        return -1;
      }
      opening = (unsigned char)parenstack[--nested_depth];
      if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
            (opening == '{' && ch == '}'))) {
        RAISE_SYNTAX_ERROR("f-string: closing parenthesis '%c' does not match opening "
                           "parenthesis '%c'", ch, opening);
        return -1;
      }
    }
  }
  expr_end = *str;
  if (quote_char) {
    RAISE_SYNTAX_ERROR("f-string: unterminated string");
    return -1;
  }
  if (nested_depth) {
    RAISE_SYNTAX_ERROR("f-string: unmatched '%c'", parenstack[nested_depth - 1]);
    return -1;
  }
  if (*str >= end) goto unexpected_end;
  simple = fstring_compile_expr(p, expr_start, expr_end, t);
  if (simple == NULL) return -1;
  if (**str == '=') {
    *str += 1;
    while (*str < end && (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' ||
                          **str == '\f' || **str == '\v'))
      *str += 1;
    if (*str >= end) goto unexpected_end;
    *expr_text = expr_start;
    *expr_text_len = (size_t)(*str - expr_start);
  }
  if (**str == '!') {
    *str += 1;
    if (*str >= end) goto unexpected_end;
    conversion = (unsigned char)**str;
    *str += 1;
    if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
      RAISE_SYNTAX_ERROR("f-string: invalid conversion character: expected 's', 'r', or 'a'");
      return -1;
    }
  }
  if (*str >= end) goto unexpected_end;
  if (**str == ':') {
    FState sst;
    *str += 1;
    if (*str >= end) goto unexpected_end;
    memset(&sst, 0, sizeof sst);
    if (!fstring_concat(p, &sst, str, end, raw, recurse_lvl + 1, first, t, last)) return -1;
    spec = fstate_finish(p, &sst, t, t);
    if (spec == NULL) return -1;
  }
  if (*str >= end || **str != '}') goto unexpected_end;
  *str += 1;
  if (*expr_text && spec == NULL && conversion == -1) conversion = 'r';
  *expression = new_formatted(p, simple, conversion, spec, first, last);
  return *expression ? 0 : -1;
unexpected_end:
  RAISE_SYNTAX_ERROR("f-string: expecting '}'");
  return -1;
}

/* _PyPegen_FstringParser_ConcatFstring */
static bool fstring_concat(Parser *p, FState *st, const char **str, const char *end,
                           bool raw, int recurse_lvl, Token *first, Token *t, Token *last) {
  st->fmode = true;
  for (;;) {
    Buf literal = {0};
    const char *expr_text = NULL;
    size_t expr_text_len = 0;
    Expr *expression = NULL;
    int result = fstring_find_literal(p, str, end, raw, &literal, recurse_lvl, t);
    if (result < 0) return false;
    if (result == 0 && !(*str >= end || **str == '}')) {
      if (fstring_find_expr(p, str, end, raw, recurse_lvl, &expr_text, &expr_text_len,
                            &expression, first, t, last) < 0)
        return false;
    }
    if (!fstate_concat(p, st, literal.data, literal.len)) return false;
    if (expr_text && !fstate_concat(p, st, expr_text, expr_text_len)) return false;
    if (result == 1) continue;
    if (!expression) break;
    if (!fstate_flush(p, st, first, last) || !push(p, &st->exprs, expression)) return false;
  }
  if (recurse_lvl == 0 && *str < end - 1) {
    RAISE_SYNTAX_ERROR("f-string: unexpected end of string");
    return false;
  }
  if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
    RAISE_SYNTAX_ERROR("f-string: expecting '}'");
    return false;
  }
  return true;
}

/* _PyPegen_concatenate_strings */
static Expr *concatenate_strings(Parser *p, Token **toks, int n) {
  Token *first = toks[0], *last = toks[n - 1];
  bool bytesmode = false;
  Buf bytes = {0};
  FState st;
  int i;
  memset(&st, 0, sizeof st);
  for (i = 0; i < n; i++) {
    StrTok s;
    bool rawmode;
    split_string(toks[i], &s);
    if (i != 0 && bytesmode != s.bytes) {
      RAISE_SYNTAX_ERROR("cannot mix bytes and nonbytes literals");
      return NULL;
    }
    bytesmode = s.bytes;
    if (s.fstr) {
      const char *fs = s.body;
      if (!fstring_concat(p, &st, &fs, s.body + s.len, s.raw, 0, first, toks[i], last))
        return NULL;
      continue;
    }
    rawmode = s.raw || memchr(s.body, '\\', s.len) == NULL;
    if (s.bytes) {
      size_t k;
      for (k = 0; k < s.len; k++)
        if ((unsigned char)s.body[k] >= 0x80) {
          RAISE_SYNTAX_ERROR("bytes can only contain ASCII literal characters");
          return NULL;
        }
      if (rawmode) {
        if (!buf_put(p, &bytes, s.body, s.len)) return NULL;
      } else if (!decode_bytes_escapes(p, s.body, s.len, &bytes)) {
        return NULL;
      }
    } else {
      Buf dec = {0};
      if (rawmode) {
        if (!buf_put(p, &dec, s.body, s.len)) return NULL;
      } else if (!decode_unicode_escapes(p, s.body, s.len, &dec, toks[i])) {
        return NULL;
      }
      if (!fstate_concat(p, &st, dec.data, dec.len)) return NULL;
    }
  }
  if (bytesmode) {
    Expr *e = new_const(p, CONST_BYTES, tok_pos(first));
    if (e == NULL) return NULL;
    e->pos.end_lineno = last->end_lineno;
    e->pos.end_col = last->end_col;
    e->v.Constant.c.s = bytes.data ? bytes.data : "";
    e->v.Constant.c.n = bytes.len;
    return e;
  }
  return fstate_finish(p, &st, first, last);
}

/* strings (memo): STRING+ */
static Expr *strings(Parser *p) {
  int mark;
  void *memo;
  PtrVec v = {0};
  Expr *e;
  Token *t;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (memo_get(p, M_strings, &memo)) return leave(p, memo);
  while ((t = expect(p, T_STRING)))
    if (!push(p, &v, t)) return leave(p, NULL);
  if (p->error_indicator) return leave(p, NULL);
  if (v.n == 0) {
    p->mark = mark;
    memo_put(p, mark, M_strings, NULL);
    return leave(p, NULL);
  }
  e = concatenate_strings(p, (Token **)v.items, v.n);
  if (p->error_indicator) return leave(p, NULL);
  memo_put(p, mark, M_strings, e);
  return leave(p, e);
}

/* ------------------------------------------------------------------ */
/* Driver                                                             */
/* ------------------------------------------------------------------ */

static Module *file_rule(Parser *p) {
  int mark;
  StmtSeq *a;
  Module *m;
  if (!enter(p)) return NULL;
  mark = p->mark;
  if (!(a = statements(p))) p->mark = mark;
  if (p->error_indicator) return leave(p, NULL);
  if (!expect(p, T_ENDMARKER)) { p->mark = mark; return leave(p, NULL); }
  m = new_node(p, sizeof *m);
  if (m && a) m->body = *a;
  return leave(p, m);
}

/* _PyPegen_tokenize_full_source_to_check_for_errors */
static void full_source_check(Parser *p) {
  Lexer *l = p->lex;
  Token *cur, *final;
  int cur_line;
  if (p->fill >= p->ntoks) return;
  cur = p->known_err_token ? p->known_err_token : &p->toks[p->fill - 1];
  cur_line = cur->lineno;
  final = &p->toks[p->ntoks - 1];
  if (final->type != T_ERRORTOKEN) return;
  if (l->done == LEX_ERROR) {
    *p->err = l->err;
    return;
  }
  if (l->level != 0 && cur_line > l->parenlinenostack[l->level - 1]) {
    SyntaxErr saved = *p->err;
    int fill = p->fill;
    p->err->kind = ERR_NONE;
    p->fill = p->ntoks;
    unclosed_paren_error(p);
    p->fill = fill;
    if (p->err->kind == ERR_NONE) *p->err = saved;
  }
}

static void set_syntax_error(Parser *p, int last_idx) {
  Token *last;
  if (p->err->kind != ERR_NONE) {
    bool syntax = p->err->kind == ERR_SYNTAX || p->err->kind == ERR_INDENT ||
                  p->err->kind == ERR_TAB;
    bool tok_ok = p->fill == 0 || !p->toks[p->fill - 1].tok_done;
    if (tok_ok && syntax) full_source_check(p);
    return;
  }
  if (p->fill == 0) {
    RAISE_SYNTAX_ERROR("error at start before reading any input");
    return;
  }
  last = &p->toks[last_idx];
  if (last->type == T_INDENT || last->type == T_DEDENT) {
    RAISE_INDENTATION_ERROR(last->type == T_INDENT ? "unexpected indent" : "unexpected unindent");
    return;
  }
  raise_at(p, ERR_SYNTAX, last->lineno, last->col, last->end_lineno, last->end_col,
           "invalid syntax");
  full_source_check(p);
}

/* Run the two passes.  File mode returns the module; f-string mode stores
** the expression in *FEXPR. */
static Module *run_parser(Parser *p, Expr **fexpr) {
  Module *m = NULL;
  Expr *e = NULL;
  int last, start_level = p->level;
  if (p->start_rule == START_FILE) m = file_rule(p);
  else e = star_expressions(p);
#ifdef PARSER_CHECK_LEVEL
  if (p->level != start_level) fprintf(stderr, "parser: level %d after pass 1 (start %d)\n", p->level, start_level);
#endif
  p->level = start_level;
  if (m || e) {
    if (fexpr) *fexpr = e;
    return m;
  }
  if (p->err->kind == ERR_NOMEM || p->err->kind == ERR_NOTIMPL) return NULL;
  last = p->fill > 0 ? p->fill - 1 : 0;
  if (!p->error_indicator) {
    p->mark = 0;
    p->call_invalid_rules = true;
    memset(p->memo, 0, sizeof(Memo *) * (size_t)(p->ntoks + 1));
    if (p->start_rule == START_FILE) file_rule(p);
    else star_expressions(p);
  }
  if (p->err->kind == ERR_NOMEM || p->err->kind == ERR_NOTIMPL) return NULL;
  set_syntax_error(p, last);
  p->error_indicator = true;
  return NULL;
}

Module *parse_module(Arena *arena, Interner *names, const char *src, size_t n,
                     SyntaxErr *err) {
  Lexer *lex;
  Parser p;
  Module *m;
  memset(err, 0, sizeof *err);
  lex = arena_alloc(arena, sizeof *lex);
  if (lex == NULL) { err->kind = ERR_NOMEM; return NULL; }
  if (lexer_init(lex, arena, names, src, n) < 0) {
    *err = lex->err;
    return NULL;
  }
  lexer_tokenize(lex);
  if (lex->err.kind == ERR_NOMEM || lex->ntoks == 0) {
    lexer_free(lex);
    err->kind = ERR_NOMEM;
    return NULL;
  }
  memset(&p, 0, sizeof p);
  p.arena = arena;
  p.names = names;
  p.lex = lex;
  p.toks = lex->toks;
  p.ntoks = lex->ntoks;
  p.err = err;
  p.start_rule = START_FILE;
  p.memo = arena_alloc(arena, sizeof(Memo *) * (size_t)(p.ntoks + 1));
  if (p.memo == NULL) {
    lexer_free(lex);
    err->kind = ERR_NOMEM;
    return NULL;
  }
  m = run_parser(&p, NULL);
  lexer_free(lex);
  if (m == NULL && err->kind == ERR_NONE) err->kind = ERR_NOMEM;
  if (arena->failed) {
    memset(err, 0, sizeof *err);
    err->kind = ERR_NOMEM;
    return NULL;
  }
  return m;
}
