/*
** ast.c -- arenas, interned names, expression names, and ast_dump().
*/
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "lexer.h"

/* ------------------------------------------------------------------ */
/* Arena                                                              */
/* ------------------------------------------------------------------ */

struct ArenaBlock {
  ArenaBlock *next;               /* older block */
  size_t size;                    /* bytes of this block, header included */
};

#define ARENA_BLOCK 32768
#define ARENA_ALIGN 8
#define BLOCK_HDR ((sizeof(ArenaBlock) + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1))

void arena_init(Arena *a, ht_tag tag) {
  memset(a, 0, sizeof *a);
  a->tag = tag;
}

void *arena_alloc(Arena *a, size_t size) {
  char *p;
  size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
  if (size == 0) size = ARENA_ALIGN;
  if (a->cur == NULL || (size_t)(a->end - a->cur) < size) {
    size_t bsize = BLOCK_HDR + (size > ARENA_BLOCK / 4 ? size : ARENA_BLOCK);
    ArenaBlock *b = ht_calloc(a->tag, bsize);
    if (b == NULL) {
      a->failed = true;
      return NULL;
    }
    b->size = bsize;
    a->total += bsize;
    if (size > ARENA_BLOCK / 4 && a->blocks != NULL) {
      /* A big request gets its own block; keep bumping in the current one. */
      b->next = a->blocks->next;
      a->blocks->next = b;
      return (char *)b + BLOCK_HDR;
    }
    b->next = a->blocks;
    a->blocks = b;
    a->cur = (char *)b + BLOCK_HDR;
    a->end = (char *)b + bsize;
  }
  p = a->cur;
  a->cur += size;
  return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  if (p == NULL) return NULL;
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

void arena_free(Arena *a) {
  ArenaBlock *b = a->blocks;
  while (b) {
    ArenaBlock *next = b->next;
    ht_free(a->tag, b, b->size);
    b = next;
  }
  a->blocks = NULL;
  a->cur = a->end = NULL;
  a->total = 0;
}

int ptrvec_push(Arena *a, PtrVec *v, void *item) {
  if (v->n == v->cap) {
    int ncap = v->cap ? v->cap * 2 : 4;
    void **ni = arena_alloc(a, sizeof(void *) * (size_t)ncap);
    if (ni == NULL) return -1;
    if (v->n) memcpy(ni, v->items, sizeof(void *) * (size_t)v->n);
    v->items = ni;
    v->cap = ncap;
  }
  v->items[v->n++] = item;
  return 0;
}

/* ------------------------------------------------------------------ */
/* Interner                                                           */
/* ------------------------------------------------------------------ */

static size_t name_hash(const char *s, size_t n) {
  size_t h = 1469598103934665603ull, i;
  for (i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
  return h;
}

void interner_init(Interner *in, Arena *a) {
  memset(in, 0, sizeof *in);
  in->arena = a;
}

static int interner_grow(Interner *in) {
  size_t ncap = in->cap ? in->cap * 2 : 256, i;
  const char **ns = arena_alloc(in->arena, sizeof(char *) * ncap);
  if (ns == NULL) return -1;
  for (i = 0; i < in->cap; i++) {
    const char *s = in->slots[i];
    size_t j;
    if (s == NULL) continue;
    j = name_hash(s, strlen(s)) & (ncap - 1);
    while (ns[j]) j = (j + 1) & (ncap - 1);
    ns[j] = s;
  }
  in->slots = ns;
  in->cap = ncap;
  return 0;
}

const char *intern_n(Interner *in, const char *s, size_t n) {
  size_t j;
  char *copy;
  if (in->n * 2 >= in->cap && interner_grow(in) < 0) return NULL;
  j = name_hash(s, n) & (in->cap - 1);
  while (in->slots[j]) {
    const char *t = in->slots[j];
    if (strncmp(t, s, n) == 0 && t[n] == 0) return t;
    j = (j + 1) & (in->cap - 1);
  }
  copy = arena_strndup(in->arena, s, n);
  if (copy == NULL) return NULL;
  in->slots[j] = copy;
  in->n++;
  return copy;
}

const char *intern_cstr(Interner *in, const char *s) {
  return intern_n(in, s, strlen(s));
}

/* ------------------------------------------------------------------ */
/* Names                                                              */
/* ------------------------------------------------------------------ */

const char *const ast_expr_names[E_COUNT] = {
#define X_(k) #k,
  EXPR_KINDS(X_)
#undef X_
};
const char *const ast_stmt_names[S_COUNT] = {
#define X_(k) #k,
  STMT_KINDS(X_)
#undef X_
};

const char *ast_expr_name(const Expr *e) {
  switch (e->kind) {
  case E_Attribute: return "attribute";
  case E_Subscript: return "subscript";
  case E_Starred: return "starred";
  case E_Name: return "name";
  case E_List: return "list";
  case E_Tuple: return "tuple";
  case E_Lambda: return "lambda";
  case E_Call: return "function call";
  case E_BoolOp: case E_BinOp: case E_UnaryOp: return "expression";
  case E_GeneratorExp: return "generator expression";
  case E_Yield: case E_YieldFrom: return "yield expression";
  case E_Await: return "await expression";
  case E_ListComp: return "list comprehension";
  case E_SetComp: return "set comprehension";
  case E_DictComp: return "dict comprehension";
  case E_Dict: return "dict literal";
  case E_Set: return "set display";
  case E_JoinedStr: case E_FormattedValue: return "f-string expression";
  case E_Constant:
    switch (e->v.Constant.c.kind) {
    case CONST_NONE: return "None";
    case CONST_TRUE: return "True";
    case CONST_FALSE: return "False";
    case CONST_ELLIPSIS: return "ellipsis";
    default: return "literal";
    }
  case E_Compare: return "comparison";
  case E_IfExp: return "conditional expression";
  case E_NamedExpr: return "named expression";
  case E_Slice: return "slice";
  default: return "expression";
  }
}

/* ------------------------------------------------------------------ */
/* ast_dump                                                           */
/* ------------------------------------------------------------------ */

static void dump_pos(FILE *f, const Pos *p) {
  fprintf(f, "lineno=%d, col_offset=%d, end_lineno=%d, end_col_offset=%d",
          p->lineno, p->col, p->end_lineno, p->end_col);
}

/* repr() of a str or bytes value, Python's rules. */
static void dump_strrepr(FILE *f, const char *s, size_t n, bool bytes) {
  const unsigned char *u = (const unsigned char *)s;
  bool sq = false, dq = false;
  char quote;
  size_t i;
  for (i = 0; i < n; i++) {
    if (u[i] == '\'') sq = true;
    else if (u[i] == '"') dq = true;
  }
  quote = (sq && !dq) ? '"' : '\'';
  if (bytes) fputc('b', f);
  fputc(quote, f);
  for (i = 0; i < n;) {
    uint32_t cp;
    int k;
    if (u[i] < 0x80 || bytes) {
      unsigned c = u[i++];
      if (c == (unsigned char)quote || c == '\\') fprintf(f, "\\%c", c);
      else if (c == '\n') fputs("\\n", f);
      else if (c == '\r') fputs("\\r", f);
      else if (c == '\t') fputs("\\t", f);
      else if (c < 32 || c >= 127) fprintf(f, "\\x%02x", c);
      else fputc((int)c, f);
      continue;
    }
    k = utf8_decode(u + i, n - i, &cp);
    if (k == 0) { fprintf(f, "\\x%02x", u[i]); i++; continue; }
    if (uni_is_printable(cp)) fwrite(u + i, 1, (size_t)k, f);
    else if (cp < 0x100) fprintf(f, "\\x%02x", cp);
    else if (cp < 0x10000) fprintf(f, "\\u%04x", cp);
    else fprintf(f, "\\U%08x", cp);
    i += (size_t)k;
  }
  fputc(quote, f);
}

/* repr() of a float: shortest round-trip digits, Python's layout. */
static void dump_float(FILE *f, double d) {
  char buf[64], digits[32];
  int prec, exp10, ndig, i;
  char *e;
  if (isinf(d)) { fputs(d > 0 ? "inf" : "-inf", f); return; }
  if (isnan(d)) { fputs("nan", f); return; }
  if (d == 0) { fputs(signbit(d) ? "-0.0" : "0.0", f); return; }
  for (prec = 1; prec <= 17; prec++) {
    snprintf(buf, sizeof buf, "%.*e", prec - 1, d);
    if (strtod(buf, NULL) == d) break;
  }
  /* buf is [-]d.ddde[+-]xx */
  e = strchr(buf, 'e');
  exp10 = atoi(e + 1);
  ndig = 0;
  for (i = (buf[0] == '-'); buf + i < e; i++)
    if (buf[i] != '.') digits[ndig++] = buf[i];
  while (ndig > 1 && digits[ndig - 1] == '0') ndig--;
  digits[ndig] = 0;
  if (d < 0) fputc('-', f);
  if (exp10 < -4 || exp10 >= 16) {
    fputc(digits[0], f);
    if (ndig > 1) fprintf(f, ".%s", digits + 1);
    fprintf(f, "e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
  } else if (exp10 < 0) {
    fputs("0.", f);
    for (i = 0; i < -exp10 - 1; i++) fputc('0', f);
    fputs(digits, f);
  } else {
    for (i = 0; i <= exp10; i++) fputc(i < ndig ? digits[i] : '0', f);
    fputc('.', f);
    if (ndig > exp10 + 1) fputs(digits + exp10 + 1, f);
    else fputc('0', f);
  }
}

/* An int literal's value in decimal (any base, underscores allowed). */
static void dump_int(FILE *f, const char *s) {
  int base = 10;
  unsigned char dec[1200];        /* little-endian decimal digits */
  int nd = 1, i;
  if (s[0] == '0' && s[1] && strchr("xXoObB", s[1])) {
    base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
    s += 2;
  }
  if (base == 10) {
    while (*s == '0' || *s == '_') s++;
    if (!*s) { fputc('0', f); return; }
    for (; *s; s++) if (*s != '_') fputc(*s, f);
    return;
  }
  memset(dec, 0, sizeof dec);
  for (; *s; s++) {
    int v, carry;
    if (*s == '_') continue;
    v = (*s >= '0' && *s <= '9') ? *s - '0' : (*s | 32) - 'a' + 10;
    carry = v;
    for (i = 0; i < nd; i++) {
      int x = dec[i] * base + carry;
      dec[i] = (unsigned char)(x % 10);
      carry = x / 10;
    }
    while (carry && nd < (int)sizeof dec) {
      dec[nd++] = (unsigned char)(carry % 10);
      carry /= 10;
    }
  }
  while (nd > 1 && dec[nd - 1] == 0) nd--;
  for (i = nd - 1; i >= 0; i--) fputc('0' + dec[i], f);
}

static void dump_expr(FILE *f, const Expr *e);
static void dump_stmts(FILE *f, const StmtSeq *s);

static void dump_exprs(FILE *f, const ExprSeq *s) {
  int i;
  fputc('[', f);
  for (i = 0; i < s->n; i++) {
    if (i) fputs(", ", f);
    dump_expr(f, s->a[i]);
  }
  fputc(']', f);
}

static void dump_ctx(FILE *f, ExprCtx c) {
  fputs(c == CTX_LOAD ? "Load()" : c == CTX_STORE ? "Store()" : "Del()", f);
}

static const char *const binop_names[] = {
  "Add", "BitAnd", "FloorDiv", "LShift", "MatMult", "Mult", "Mod", "BitOr",
  "Pow", "RShift", "Sub", "Div", "BitXor"
};
static const char *const cmpop_names[] = {
  "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is", "IsNot", "In", "NotIn"
};

static void dump_arg(FILE *f, const Arg *a) {
  fprintf(f, "arg(arg='%s', ", a->arg);
  if (a->annotation) { fputs("annotation=", f); dump_expr(f, a->annotation); fputs(", ", f); }
  dump_pos(f, &a->pos);
  fputc(')', f);
}

static void dump_args(FILE *f, const ArgSeq *s) {
  int i;
  fputc('[', f);
  for (i = 0; i < s->n; i++) {
    if (i) fputs(", ", f);
    dump_arg(f, s->a[i]);
  }
  fputc(']', f);
}

static void dump_arguments(FILE *f, const Arguments *a) {
  int i;
  fputs("arguments(posonlyargs=", f);
  dump_args(f, &a->posonlyargs);
  fputs(", args=", f);
  dump_args(f, &a->args);
  if (a->vararg) { fputs(", vararg=", f); dump_arg(f, a->vararg); }
  fputs(", kwonlyargs=", f);
  dump_args(f, &a->kwonlyargs);
  fputs(", kw_defaults=[", f);
  for (i = 0; i < a->kw_defaults.n; i++) {
    if (i) fputs(", ", f);
    if (a->kw_defaults.a[i]) dump_expr(f, a->kw_defaults.a[i]);
    else fputs("None", f);
  }
  fputc(']', f);
  if (a->kwarg) { fputs(", kwarg=", f); dump_arg(f, a->kwarg); }
  fputs(", defaults=", f);
  dump_exprs(f, &a->defaults);
  fputc(')', f);
}

static void dump_keywords(FILE *f, const KeywordSeq *s) {
  int i;
  fputc('[', f);
  for (i = 0; i < s->n; i++) {
    const Keyword *k = s->a[i];
    if (i) fputs(", ", f);
    fputs("keyword(", f);
    if (k->arg) fprintf(f, "arg='%s', ", k->arg);
    fputs("value=", f);
    dump_expr(f, k->value);
    fputs(", ", f);
    dump_pos(f, &k->pos);
    fputc(')', f);
  }
  fputc(']', f);
}

static void dump_comps(FILE *f, const ComprehensionSeq *s) {
  int i;
  fputc('[', f);
  for (i = 0; i < s->n; i++) {
    const Comprehension *c = s->a[i];
    if (i) fputs(", ", f);
    fputs("comprehension(target=", f);
    dump_expr(f, c->target);
    fputs(", iter=", f);
    dump_expr(f, c->iter);
    fputs(", ifs=", f);
    dump_exprs(f, &c->ifs);
    fprintf(f, ", is_async=%d)", c->is_async);
  }
  fputc(']', f);
}

static void dump_const(FILE *f, const Const *c) {
  switch (c->kind) {
  case CONST_NONE: fputs("None", f); break;
  case CONST_TRUE: fputs("True", f); break;
  case CONST_FALSE: fputs("False", f); break;
  case CONST_ELLIPSIS: fputs("Ellipsis", f); break;
  case CONST_INT: dump_int(f, c->s); break;
  case CONST_FLOAT: dump_float(f, c->d); break;
  case CONST_COMPLEX:
    if (c->d == floor(c->d) && fabs(c->d) < 1e16) fprintf(f, "%.0fj", c->d);
    else { dump_float(f, c->d); fputc('j', f); }
    break;
  case CONST_STR: dump_strrepr(f, c->s, c->n, false); break;
  case CONST_BYTES: dump_strrepr(f, c->s, c->n, true); break;
  }
}

static void dump_expr(FILE *f, const Expr *e) {
  int i;
  fprintf(f, "%s(", ast_expr_names[e->kind]);
  switch (e->kind) {
  case E_BoolOp:
    fprintf(f, "op=%s(), values=", e->v.BoolOp.op == BOOL_AND ? "And" : "Or");
    dump_exprs(f, &e->v.BoolOp.values);
    break;
  case E_NamedExpr:
    fputs("target=", f); dump_expr(f, e->v.NamedExpr.target);
    fputs(", value=", f); dump_expr(f, e->v.NamedExpr.value);
    break;
  case E_BinOp:
    fputs("left=", f); dump_expr(f, e->v.BinOp.left);
    fprintf(f, ", op=%s(), right=", binop_names[e->v.BinOp.op]);
    dump_expr(f, e->v.BinOp.right);
    break;
  case E_UnaryOp: {
    static const char *const un[] = {"Invert", "Not", "UAdd", "USub"};
    fprintf(f, "op=%s(), operand=", un[e->v.UnaryOp.op]);
    dump_expr(f, e->v.UnaryOp.operand);
    break;
  }
  case E_Lambda:
    fputs("args=", f); dump_arguments(f, e->v.Lambda.args);
    fputs(", body=", f); dump_expr(f, e->v.Lambda.body);
    break;
  case E_IfExp:
    fputs("test=", f); dump_expr(f, e->v.IfExp.test);
    fputs(", body=", f); dump_expr(f, e->v.IfExp.body);
    fputs(", orelse=", f); dump_expr(f, e->v.IfExp.orelse);
    break;
  case E_Dict:
    fputs("keys=[", f);
    for (i = 0; i < e->v.Dict.keys.n; i++) {
      if (i) fputs(", ", f);
      if (e->v.Dict.keys.a[i]) dump_expr(f, e->v.Dict.keys.a[i]);
      else fputs("None", f);
    }
    fputs("], values=", f);
    dump_exprs(f, &e->v.Dict.values);
    break;
  case E_Set:
    fputs("elts=", f); dump_exprs(f, &e->v.Set.elts);
    break;
  case E_ListComp: case E_SetComp: case E_GeneratorExp:
    fputs("elt=", f); dump_expr(f, e->v.ListComp.elt);
    fputs(", generators=", f); dump_comps(f, &e->v.ListComp.generators);
    break;
  case E_DictComp:
    fputs("key=", f); dump_expr(f, e->v.DictComp.key);
    fputs(", value=", f); dump_expr(f, e->v.DictComp.value);
    fputs(", generators=", f); dump_comps(f, &e->v.DictComp.generators);
    break;
  case E_Await: case E_YieldFrom:
    fputs("value=", f); dump_expr(f, e->v.Await.value);
    break;
  case E_Yield:
    if (e->v.Yield.value) { fputs("value=", f); dump_expr(f, e->v.Yield.value); }
    break;
  case E_Compare:
    fputs("left=", f); dump_expr(f, e->v.Compare.left);
    fputs(", ops=[", f);
    for (i = 0; i < e->v.Compare.nops; i++)
      fprintf(f, "%s%s()", i ? ", " : "", cmpop_names[e->v.Compare.ops[i]]);
    fputs("], comparators=", f);
    dump_exprs(f, &e->v.Compare.comparators);
    break;
  case E_Call:
    fputs("func=", f); dump_expr(f, e->v.Call.func);
    fputs(", args=", f); dump_exprs(f, &e->v.Call.args);
    fputs(", keywords=", f); dump_keywords(f, &e->v.Call.keywords);
    break;
  case E_FormattedValue:
    fputs("value=", f); dump_expr(f, e->v.FormattedValue.value);
    fprintf(f, ", conversion=%d", e->v.FormattedValue.conversion);
    if (e->v.FormattedValue.format_spec) {
      fputs(", format_spec=", f);
      dump_expr(f, e->v.FormattedValue.format_spec);
    }
    break;
  case E_JoinedStr:
    fputs("values=", f); dump_exprs(f, &e->v.JoinedStr.values);
    break;
  case E_Constant:
    fputs("value=", f); dump_const(f, &e->v.Constant.c);
    if (e->v.Constant.c.u_prefix) fputs(", kind='u'", f);
    break;
  case E_Attribute:
    fputs("value=", f); dump_expr(f, e->v.Attribute.value);
    fprintf(f, ", attr='%s', ctx=", e->v.Attribute.attr);
    dump_ctx(f, e->v.Attribute.ctx);
    break;
  case E_Subscript:
    fputs("value=", f); dump_expr(f, e->v.Subscript.value);
    fputs(", slice=", f); dump_expr(f, e->v.Subscript.slice);
    fputs(", ctx=", f); dump_ctx(f, e->v.Subscript.ctx);
    break;
  case E_Starred:
    fputs("value=", f); dump_expr(f, e->v.Starred.value);
    fputs(", ctx=", f); dump_ctx(f, e->v.Starred.ctx);
    break;
  case E_Name:
    fprintf(f, "id='%s', ctx=", e->v.Name.id);
    dump_ctx(f, e->v.Name.ctx);
    break;
  case E_List: case E_Tuple:
    fputs("elts=", f); dump_exprs(f, &e->v.List.elts);
    fputs(", ctx=", f); dump_ctx(f, e->v.List.ctx);
    break;
  case E_Slice: {
    bool any = false;
    if (e->v.Slice.lower) { fputs("lower=", f); dump_expr(f, e->v.Slice.lower); any = true; }
    if (e->v.Slice.upper) { fputs(any ? ", upper=" : "upper=", f); dump_expr(f, e->v.Slice.upper); any = true; }
    if (e->v.Slice.step) { fputs(any ? ", step=" : "step=", f); dump_expr(f, e->v.Slice.step); any = true; }
    if (any) fputs(", ", f);
    dump_pos(f, &e->pos);
    fputc(')', f);
    return;
  }
  default: break;
  }
  if (e->kind == E_Yield && !e->v.Yield.value) {
    dump_pos(f, &e->pos);
  } else {
    fputs(", ", f);
    dump_pos(f, &e->pos);
  }
  fputc(')', f);
}

static void dump_names(FILE *f, int n, const char *const *names) {
  int i;
  fputc('[', f);
  for (i = 0; i < n; i++) fprintf(f, "%s'%s'", i ? ", " : "", names[i]);
  fputc(']', f);
}

static void dump_aliases(FILE *f, const AliasSeq *s) {
  int i;
  fputc('[', f);
  for (i = 0; i < s->n; i++) {
    const Alias *a = s->a[i];
    if (i) fputs(", ", f);
    fprintf(f, "alias(name='%s', ", a->name);
    if (a->asname) fprintf(f, "asname='%s', ", a->asname);
    dump_pos(f, &a->pos);
    fputc(')', f);
  }
  fputc(']', f);
}

static void dump_stmt(FILE *f, const Stmt *s) {
  int i;
  fprintf(f, "%s(", ast_stmt_names[s->kind]);
  switch (s->kind) {
  case S_FunctionDef: case S_AsyncFunctionDef:
    fprintf(f, "name='%s', args=", s->v.FunctionDef.name);
    dump_arguments(f, s->v.FunctionDef.args);
    fputs(", body=", f); dump_stmts(f, &s->v.FunctionDef.body);
    fputs(", decorator_list=", f); dump_exprs(f, &s->v.FunctionDef.decorator_list);
    if (s->v.FunctionDef.returns) {
      fputs(", returns=", f);
      dump_expr(f, s->v.FunctionDef.returns);
    }
    break;
  case S_ClassDef:
    fprintf(f, "name='%s', bases=", s->v.ClassDef.name);
    dump_exprs(f, &s->v.ClassDef.bases);
    fputs(", keywords=", f); dump_keywords(f, &s->v.ClassDef.keywords);
    fputs(", body=", f); dump_stmts(f, &s->v.ClassDef.body);
    fputs(", decorator_list=", f); dump_exprs(f, &s->v.ClassDef.decorator_list);
    break;
  case S_Return:
    if (s->v.Return.value) { fputs("value=", f); dump_expr(f, s->v.Return.value); fputs(", ", f); }
    dump_pos(f, &s->pos);
    fputc(')', f);
    return;
  case S_Delete:
    fputs("targets=", f); dump_exprs(f, &s->v.Delete.targets);
    break;
  case S_Assign:
    fputs("targets=", f); dump_exprs(f, &s->v.Assign.targets);
    fputs(", value=", f); dump_expr(f, s->v.Assign.value);
    break;
  case S_AugAssign:
    fputs("target=", f); dump_expr(f, s->v.AugAssign.target);
    fprintf(f, ", op=%s(), value=", binop_names[s->v.AugAssign.op]);
    dump_expr(f, s->v.AugAssign.value);
    break;
  case S_AnnAssign:
    fputs("target=", f); dump_expr(f, s->v.AnnAssign.target);
    fputs(", annotation=", f); dump_expr(f, s->v.AnnAssign.annotation);
    if (s->v.AnnAssign.value) { fputs(", value=", f); dump_expr(f, s->v.AnnAssign.value); }
    fprintf(f, ", simple=%d", s->v.AnnAssign.simple);
    break;
  case S_For: case S_AsyncFor:
    fputs("target=", f); dump_expr(f, s->v.For.target);
    fputs(", iter=", f); dump_expr(f, s->v.For.iter);
    fputs(", body=", f); dump_stmts(f, &s->v.For.body);
    fputs(", orelse=", f); dump_stmts(f, &s->v.For.orelse);
    break;
  case S_While: case S_If:
    fputs("test=", f); dump_expr(f, s->v.While.test);
    fputs(", body=", f); dump_stmts(f, &s->v.While.body);
    fputs(", orelse=", f); dump_stmts(f, &s->v.While.orelse);
    break;
  case S_With: case S_AsyncWith:
    fputs("items=[", f);
    for (i = 0; i < s->v.With.items.n; i++) {
      const WithItem *w = s->v.With.items.a[i];
      if (i) fputs(", ", f);
      fputs("withitem(context_expr=", f);
      dump_expr(f, w->context_expr);
      if (w->optional_vars) { fputs(", optional_vars=", f); dump_expr(f, w->optional_vars); }
      fputc(')', f);
    }
    fputs("], body=", f); dump_stmts(f, &s->v.With.body);
    break;
  case S_Raise: {
    bool any = false;
    if (s->v.Raise.exc) { fputs("exc=", f); dump_expr(f, s->v.Raise.exc); any = true; }
    if (s->v.Raise.cause) { fputs(", cause=", f); dump_expr(f, s->v.Raise.cause); }
    if (any) fputs(", ", f);
    dump_pos(f, &s->pos);
    fputc(')', f);
    return;
  }
  case S_Try: case S_TryStar:
    fputs("body=", f); dump_stmts(f, &s->v.Try.body);
    fputs(", handlers=[", f);
    for (i = 0; i < s->v.Try.handlers.n; i++) {
      const ExceptHandler *h = s->v.Try.handlers.a[i];
      if (i) fputs(", ", f);
      fputs("ExceptHandler(", f);
      if (h->type) { fputs("type=", f); dump_expr(f, h->type); fputs(", ", f); }
      if (h->name) fprintf(f, "name='%s', ", h->name);
      fputs("body=", f); dump_stmts(f, &h->body);
      fputs(", ", f);
      dump_pos(f, &h->pos);
      fputc(')', f);
    }
    fputs("], orelse=", f); dump_stmts(f, &s->v.Try.orelse);
    fputs(", finalbody=", f); dump_stmts(f, &s->v.Try.finalbody);
    break;
  case S_Assert:
    fputs("test=", f); dump_expr(f, s->v.Assert.test);
    if (s->v.Assert.msg) { fputs(", msg=", f); dump_expr(f, s->v.Assert.msg); }
    break;
  case S_Import:
    fputs("names=", f); dump_aliases(f, &s->v.Import.names);
    break;
  case S_ImportFrom:
    if (s->v.ImportFrom.module) fprintf(f, "module='%s', ", s->v.ImportFrom.module);
    fputs("names=", f); dump_aliases(f, &s->v.ImportFrom.names);
    fprintf(f, ", level=%d", s->v.ImportFrom.level);
    break;
  case S_Global: case S_Nonlocal:
    fputs("names=", f);
    dump_names(f, s->v.Global.n, s->v.Global.names);
    break;
  case S_Expr:
    fputs("value=", f); dump_expr(f, s->v.Expr.value);
    break;
  case S_Pass: case S_Break: case S_Continue:
    dump_pos(f, &s->pos);
    fputc(')', f);
    return;
  default: break;
  }
  fputs(", ", f);
  dump_pos(f, &s->pos);
  fputc(')', f);
}

static void dump_stmts(FILE *f, const StmtSeq *s) {
  int i;
  fputc('[', f);
  for (i = 0; i < s->n; i++) {
    if (i) fputs(", ", f);
    dump_stmt(f, s->a[i]);
  }
  fputc(']', f);
}

int ast_dump(const Module *mod, FILE *out) {
  fputs("Module(body=", out);
  dump_stmts(out, &mod->body);
  fputs(", type_ignores=[])\n", out);
  return ferror(out) ? -1 : 0;
}
