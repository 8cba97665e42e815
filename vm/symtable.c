/*
** symtable.c -- the two-pass scope analysis (see symtable.h).
**
** Sets of names during pass 2 are small sorted arrays of interned pointers
** (NameSet); a scope's symbols are an insertion-ordered array with a hash
** index, so iteration order is the order names were first seen, as in
** CPython's ste_symbols dict.
*/
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "symtable.h"

#define SYMTABLE_MAXDEPTH 3000    /* CPython: recursion limit * 3 */

/* ------------------------------------------------------------------ */
/* Errors                                                             */
/* ------------------------------------------------------------------ */

static int st_error(SymTable *st, Pos ps, const char *fmt, ...) {
  va_list ap;
  SyntaxErr *e = st->err;
  if (e->kind != ERR_NONE) return -1;
  e->kind = ERR_SYNTAX;
  va_start(ap, fmt);
  vsnprintf(e->msg, sizeof e->msg, fmt, ap);
  va_end(ap);
  e->lineno = ps.lineno;
  e->end_lineno = ps.end_lineno;
  e->offset = ps.col + 1;
  e->end_offset = ps.end_col + 1;
  e->text = st->line_of ? st->line_of(st->line_ctx, ps.lineno, &e->textlen) : NULL;
  return -1;
}

static int st_nomem(SymTable *st) {
  if (st->err->kind == ERR_NONE) {
    st->err->kind = ERR_NOMEM;
    st->err->msg[0] = 0;
  }
  return -1;
}

/* ------------------------------------------------------------------ */
/* Scopes and symbols                                                 */
/* ------------------------------------------------------------------ */

static size_t ptr_hash(const void *p) {
  uintptr_t x = (uintptr_t)p;
  x ^= x >> 17;
  x *= 0x9E3779B97F4A7C15ull;
  return (size_t)(x >> 16);
}

Symbol *scope_lookup(Scope *s, const char *name) {
  size_t j;
  if (s->hashcap == 0) return NULL;
  j = ptr_hash(name) & (size_t)(s->hashcap - 1);
  while (s->hash[j]) {
    Symbol *sym = &s->syms[s->hash[j] - 1];
    if (sym->name == name) return sym;
    j = (j + 1) & (size_t)(s->hashcap - 1);
  }
  return NULL;
}

SymScope scope_get(Scope *s, const char *name) {
  Symbol *sym = scope_lookup(s, name);
  return sym ? sym->scope : SC_NONE;
}

static int scope_flags(Scope *s, const char *name) {
  Symbol *sym = scope_lookup(s, name);
  return sym ? sym->flags : 0;
}

/* Add NAME with FLAGS (or return the existing symbol, flags unchanged). */
static Symbol *scope_add(SymTable *st, Scope *s, const char *name) {
  Symbol *sym = scope_lookup(s, name);
  size_t j;
  if (sym) return sym;
  if (s->nsyms == s->capsyms) {
    int ncap = s->capsyms ? s->capsyms * 2 : 8;
    Symbol *ns = arena_alloc(st->arena, sizeof(Symbol) * (size_t)ncap);
    if (ns == NULL) return NULL;
    if (s->nsyms) memcpy(ns, s->syms, sizeof(Symbol) * (size_t)s->nsyms);
    s->syms = ns;
    s->capsyms = ncap;
  }
  if ((s->nsyms + 1) * 2 > s->hashcap) {
    int ncap = s->hashcap ? s->hashcap * 2 : 16, i;
    int *nh = arena_alloc(st->arena, sizeof(int) * (size_t)ncap);
    if (nh == NULL) return NULL;
    for (i = 0; i < s->nsyms; i++) {
      j = ptr_hash(s->syms[i].name) & (size_t)(ncap - 1);
      while (nh[j]) j = (j + 1) & (size_t)(ncap - 1);
      nh[j] = i + 1;
    }
    s->hash = nh;
    s->hashcap = ncap;
  }
  sym = &s->syms[s->nsyms++];
  sym->name = name;
  sym->flags = 0;
  sym->scope = SC_NONE;
  j = ptr_hash(name) & (size_t)(s->hashcap - 1);
  while (s->hash[j]) j = (j + 1) & (size_t)(s->hashcap - 1);
  s->hash[j] = s->nsyms;
  return sym;
}

static int map_put(SymTable *st, const void *key, Scope *val) {
  size_t j;
  if ((st->mapn + 1) * 2 > st->mapcap) {
    int ncap = st->mapcap ? st->mapcap * 2 : 64, i;
    const void **nk = arena_alloc(st->arena, sizeof(void *) * (size_t)ncap);
    Scope **nv = arena_alloc(st->arena, sizeof(Scope *) * (size_t)ncap);
    if (!nk || !nv) return -1;
    for (i = 0; i < st->mapcap; i++) {
      if (!st->keys[i]) continue;
      j = ptr_hash(st->keys[i]) & (size_t)(ncap - 1);
      while (nk[j]) j = (j + 1) & (size_t)(ncap - 1);
      nk[j] = st->keys[i];
      nv[j] = st->vals[i];
    }
    st->keys = nk;
    st->vals = nv;
    st->mapcap = ncap;
  }
  j = ptr_hash(key) & (size_t)(st->mapcap - 1);
  while (st->keys[j]) j = (j + 1) & (size_t)(st->mapcap - 1);
  st->keys[j] = key;
  st->vals[j] = val;
  st->mapn++;
  return 0;
}

Scope *symtable_lookup_scope(SymTable *st, const void *key) {
  size_t j;
  if (st->mapcap == 0) return NULL;
  j = ptr_hash(key) & (size_t)(st->mapcap - 1);
  while (st->keys[j]) {
    if (st->keys[j] == key) return st->vals[j];
    j = (j + 1) & (size_t)(st->mapcap - 1);
  }
  return NULL;
}

const char *symtable_mangle(Interner *in, const char *privateobj, const char *name) {
  size_t nlen, ipriv = 0;
  char buf[512];
  if (privateobj == NULL || name[0] != '_' || name[1] != '_') return name;
  nlen = strlen(name);
  if ((name[nlen - 1] == '_' && name[nlen - 2] == '_') || strchr(name, '.')) return name;
  while (privateobj[ipriv] == '_') ipriv++;
  if (privateobj[ipriv] == 0) return name;
  if (snprintf(buf, sizeof buf, "_%s%s", privateobj + ipriv, name) >= (int)sizeof buf)
    return name;
  return intern_cstr(in, buf);
}

static int enter_block(SymTable *st, const char *name, BlockType type, const void *key,
                       Pos ps) {
  Scope *s = arena_alloc(st->arena, sizeof *s);
  if (s == NULL) return st_nomem(st);
  s->name = name;
  s->type = type;
  s->key = key;
  s->parent = st->cur;
  s->lineno = ps.lineno;
  s->col = ps.col;
  if (st->cur) {
    s->nested = st->cur->nested || st->cur->type == BLOCK_FUNCTION;
    /* a comprehension inside a comprehension iterable counts as such */
    if (st->cur->comp_iter_expr > 0) s->comp_iter_expr = st->cur->comp_iter_expr;
    if (ptrvec_push(st->arena, &st->cur->children, s) < 0) return st_nomem(st);
  }
  if (key && map_put(st, key, s) < 0) return st_nomem(st);
  if (ptrvec_push(st->arena, &st->stack, s) < 0) return st_nomem(st);
  st->cur = s;
  if (type == BLOCK_MODULE) st->global = s;
  return 0;
}

static void exit_block(SymTable *st) {
  st->stack.n--;
  st->cur = st->stack.n > 0 ? st->stack.items[st->stack.n - 1] : NULL;
}

/* symtable_add_def_helper */
static int add_def_in(SymTable *st, const char *name, int flag, Scope *s, Pos ps) {
  const char *mangled = symtable_mangle(st->names, st->priv, name);
  Symbol *sym;
  int val;
  if (mangled == NULL) return st_nomem(st);
  sym = scope_add(st, s, mangled);
  if (sym == NULL) return st_nomem(st);
  val = sym->flags;
  if ((flag & DEF_PARAM) && (val & DEF_PARAM))
    return st_error(st, ps, "duplicate argument '%s' in function definition", name);
  val |= flag;
  if (s->comp_iter_target) {
    if (val & (DEF_GLOBAL | DEF_NONLOCAL))
      return st_error(st, ps, "comprehension inner loop cannot rebind assignment "
                              "expression target '%s'", name);
    val |= DEF_COMP_ITER;
  }
  sym->flags = val;
  if (flag & DEF_PARAM) {
    if (ptrvec_push(st->arena, &s->varnames, (void *)mangled) < 0) return st_nomem(st);
  } else if (flag & DEF_GLOBAL) {
    Symbol *g = scope_add(st, st->global, mangled);
    if (g == NULL) return st_nomem(st);
    g->flags |= flag;
  }
  return 0;
}

static int add_def(SymTable *st, const char *name, int flag, Pos ps) {
  return add_def_in(st, name, flag, st->cur, ps);
}

static int record_directive(SymTable *st, const char *name, Pos ps) {
  Directive *d = arena_alloc(st->arena, sizeof *d);
  if (d == NULL) return st_nomem(st);
  d->name = symtable_mangle(st->names, st->priv, name);
  d->pos = ps;
  if (ptrvec_push(st->arena, &st->cur->directives, d) < 0) return st_nomem(st);
  return 0;
}

static int lookup_flags(SymTable *st, const char *name) {
  const char *mangled = symtable_mangle(st->names, st->priv, name);
  return mangled ? scope_flags(st->cur, mangled) : 0;
}

/* ------------------------------------------------------------------ */
/* Pass 1                                                             */
/* ------------------------------------------------------------------ */

static int visit_expr(SymTable *st, Expr *e);
static int visit_stmt(SymTable *st, Stmt *s);

static int visit_exprs(SymTable *st, ExprSeq *seq) {
  int i;
  for (i = 0; i < seq->n; i++)
    if (seq->a[i] && visit_expr(st, seq->a[i]) < 0) return -1;
  return 0;
}

static int visit_stmts(SymTable *st, StmtSeq *seq) {
  int i;
  for (i = 0; i < seq->n; i++)
    if (visit_stmt(st, seq->a[i]) < 0) return -1;
  return 0;
}

static bool too_deep(SymTable *st) {
  if (++st->depth > st->maxdepth) {
    if (st->err->kind == ERR_NONE) {
      st->err->kind = ERR_RECURSION;
      snprintf(st->err->msg, sizeof st->err->msg,
               "maximum recursion depth exceeded during compilation");
    }
    return true;
  }
  return false;
}

static int visit_params(SymTable *st, ArgSeq *args) {
  int i;
  for (i = 0; i < args->n; i++)
    if (add_def(st, args->a[i]->arg, DEF_PARAM, args->a[i]->pos) < 0) return -1;
  return 0;
}

static int visit_arguments(SymTable *st, Arguments *a) {
  if (visit_params(st, &a->posonlyargs) < 0 || visit_params(st, &a->args) < 0 ||
      visit_params(st, &a->kwonlyargs) < 0)
    return -1;
  if (a->vararg) {
    if (add_def(st, a->vararg->arg, DEF_PARAM, a->vararg->pos) < 0) return -1;
    st->cur->varargs = true;
  }
  if (a->kwarg) {
    if (add_def(st, a->kwarg->arg, DEF_PARAM, a->kwarg->pos) < 0) return -1;
    st->cur->varkeywords = true;
  }
  return 0;
}

static int visit_argannotations(SymTable *st, ArgSeq *args) {
  int i;
  for (i = 0; i < args->n; i++)
    if (args->a[i]->annotation && visit_expr(st, args->a[i]->annotation) < 0) return -1;
  return 0;
}

static int visit_annotations(SymTable *st, Arguments *a, Expr *returns) {
  if (visit_argannotations(st, &a->posonlyargs) < 0 ||
      visit_argannotations(st, &a->args) < 0)
    return -1;
  if (a->vararg && a->vararg->annotation && visit_expr(st, a->vararg->annotation) < 0)
    return -1;
  if (a->kwarg && a->kwarg->annotation && visit_expr(st, a->kwarg->annotation) < 0)
    return -1;
  if (visit_argannotations(st, &a->kwonlyargs) < 0) return -1;
  if (returns && visit_expr(st, returns) < 0) return -1;
  return 0;
}

static int visit_alias(SymTable *st, Alias *a) {
  const char *store = a->asname ? a->asname : a->name;
  const char *dot;
  if (!a->asname && (dot = strchr(a->name, '.')) != NULL) {
    store = intern_n(st->names, a->name, (size_t)(dot - a->name));
    if (store == NULL) return st_nomem(st);
  }
  if (strcmp(a->name, "*") != 0) return add_def(st, store, DEF_IMPORT, a->pos);
  if (st->cur->type != BLOCK_MODULE)
    return st_error(st, a->pos, "import * only allowed at module level");
  return 0;
}

static int visit_global(SymTable *st, Stmt *s, bool nonlocal) {
  int i;
  for (i = 0; i < s->v.Global.n; i++) {
    const char *name = s->v.Global.names[i];
    int cur = lookup_flags(st, name);
    if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
      const char *msg;
      if (cur & DEF_PARAM) msg = nonlocal ? "name '%s' is parameter and nonlocal"
                                          : "name '%s' is parameter and global";
      else if (cur & USE) msg = nonlocal ? "name '%s' is used prior to nonlocal declaration"
                                         : "name '%s' is used prior to global declaration";
      else if (cur & DEF_ANNOT) msg = nonlocal ? "annotated name '%s' can't be nonlocal"
                                               : "annotated name '%s' can't be global";
      else msg = nonlocal ? "name '%s' is assigned to before nonlocal declaration"
                          : "name '%s' is assigned to before global declaration";
      return st_error(st, s->pos, msg, name);
    }
    if (add_def(st, name, nonlocal ? DEF_NONLOCAL : DEF_GLOBAL, s->pos) < 0) return -1;
    if (record_directive(st, name, s->pos) < 0) return -1;
  }
  return 0;
}

static int visit_stmt(SymTable *st, Stmt *s) {
  int i, r = 0;
  if (too_deep(st)) { st->depth--; return -1; }
  switch (s->kind) {
  case S_FunctionDef: case S_AsyncFunctionDef: {
    Arguments *a = s->v.FunctionDef.args;
    if (add_def(st, s->v.FunctionDef.name, DEF_LOCAL, s->pos) < 0) goto fail;
    if (visit_exprs(st, &a->defaults) < 0 || visit_exprs(st, &a->kw_defaults) < 0) goto fail;
    if (visit_annotations(st, a, s->v.FunctionDef.returns) < 0) goto fail;
    if (visit_exprs(st, &s->v.FunctionDef.decorator_list) < 0) goto fail;
    if (enter_block(st, s->v.FunctionDef.name, BLOCK_FUNCTION, s, s->pos) < 0) goto fail;
    if (s->kind == S_AsyncFunctionDef) st->cur->coroutine = true;
    if (visit_arguments(st, a) < 0 || visit_stmts(st, &s->v.FunctionDef.body) < 0) goto fail;
    exit_block(st);
    break;
  }
  case S_ClassDef: {
    const char *tmp;
    if (add_def(st, s->v.ClassDef.name, DEF_LOCAL, s->pos) < 0) goto fail;
    if (visit_exprs(st, &s->v.ClassDef.bases) < 0) goto fail;
    for (i = 0; i < s->v.ClassDef.keywords.n; i++)
      if (visit_expr(st, s->v.ClassDef.keywords.a[i]->value) < 0) goto fail;
    if (visit_exprs(st, &s->v.ClassDef.decorator_list) < 0) goto fail;
    if (enter_block(st, s->v.ClassDef.name, BLOCK_CLASS, s, s->pos) < 0) goto fail;
    tmp = st->priv;
    st->priv = s->v.ClassDef.name;
    r = visit_stmts(st, &s->v.ClassDef.body);
    st->priv = tmp;
    if (r < 0) goto fail;
    exit_block(st);
    break;
  }
  case S_Return:
    if (s->v.Return.value) {
      if (visit_expr(st, s->v.Return.value) < 0) goto fail;
      st->cur->returns_value = true;
    }
    break;
  case S_Delete:
    if (visit_exprs(st, &s->v.Delete.targets) < 0) goto fail;
    break;
  case S_Assign:
    if (visit_exprs(st, &s->v.Assign.targets) < 0 || visit_expr(st, s->v.Assign.value) < 0)
      goto fail;
    break;
  case S_AnnAssign: {
    Expr *t = s->v.AnnAssign.target;
    if (t->kind == E_Name) {
      int cur = lookup_flags(st, t->v.Name.id);
      if ((cur & (DEF_GLOBAL | DEF_NONLOCAL)) && st->cur != st->global &&
          s->v.AnnAssign.simple) {
        st_error(st, s->pos, (cur & DEF_GLOBAL) ? "annotated name '%s' can't be global"
                                                : "annotated name '%s' can't be nonlocal",
                 t->v.Name.id);
        goto fail;
      }
      if (s->v.AnnAssign.simple) {
        if (add_def(st, t->v.Name.id, DEF_ANNOT | DEF_LOCAL, t->pos) < 0) goto fail;
      } else if (s->v.AnnAssign.value) {
        if (add_def(st, t->v.Name.id, DEF_LOCAL, t->pos) < 0) goto fail;
      }
    } else if (visit_expr(st, t) < 0) {
      goto fail;
    }
    if (visit_expr(st, s->v.AnnAssign.annotation) < 0) goto fail;
    if (s->v.AnnAssign.value && visit_expr(st, s->v.AnnAssign.value) < 0) goto fail;
    break;
  }
  case S_AugAssign:
    if (visit_expr(st, s->v.AugAssign.target) < 0 || visit_expr(st, s->v.AugAssign.value) < 0)
      goto fail;
    break;
  case S_For: case S_AsyncFor:
    if (visit_expr(st, s->v.For.target) < 0 || visit_expr(st, s->v.For.iter) < 0 ||
        visit_stmts(st, &s->v.For.body) < 0 || visit_stmts(st, &s->v.For.orelse) < 0)
      goto fail;
    break;
  case S_While: case S_If:
    if (visit_expr(st, s->v.While.test) < 0 || visit_stmts(st, &s->v.While.body) < 0 ||
        visit_stmts(st, &s->v.While.orelse) < 0)
      goto fail;
    break;
  case S_With: case S_AsyncWith:
    for (i = 0; i < s->v.With.items.n; i++) {
      WithItem *w = s->v.With.items.a[i];
      if (visit_expr(st, w->context_expr) < 0) goto fail;
      if (w->optional_vars && visit_expr(st, w->optional_vars) < 0) goto fail;
    }
    if (visit_stmts(st, &s->v.With.body) < 0) goto fail;
    break;
  case S_Raise:
    if (s->v.Raise.exc && visit_expr(st, s->v.Raise.exc) < 0) goto fail;
    if (s->v.Raise.cause && visit_expr(st, s->v.Raise.cause) < 0) goto fail;
    break;
  case S_Try: case S_TryStar:
    if (visit_stmts(st, &s->v.Try.body) < 0 || visit_stmts(st, &s->v.Try.orelse) < 0)
      goto fail;
    for (i = 0; i < s->v.Try.handlers.n; i++) {
      ExceptHandler *h = s->v.Try.handlers.a[i];
      if (h->type && visit_expr(st, h->type) < 0) goto fail;
      if (h->name && add_def(st, h->name, DEF_LOCAL, h->pos) < 0) goto fail;
      if (visit_stmts(st, &h->body) < 0) goto fail;
    }
    if (visit_stmts(st, &s->v.Try.finalbody) < 0) goto fail;
    break;
  case S_Assert:
    if (visit_expr(st, s->v.Assert.test) < 0) goto fail;
    if (s->v.Assert.msg && visit_expr(st, s->v.Assert.msg) < 0) goto fail;
    break;
  case S_Import:
    for (i = 0; i < s->v.Import.names.n; i++)
      if (visit_alias(st, s->v.Import.names.a[i]) < 0) goto fail;
    break;
  case S_ImportFrom:
    for (i = 0; i < s->v.ImportFrom.names.n; i++)
      if (visit_alias(st, s->v.ImportFrom.names.a[i]) < 0) goto fail;
    break;
  case S_Global:
    if (visit_global(st, s, false) < 0) goto fail;
    break;
  case S_Nonlocal:
    if (visit_global(st, s, true) < 0) goto fail;
    break;
  case S_Expr:
    if (visit_expr(st, s->v.Expr.value) < 0) goto fail;
    break;
  case S_Pass: case S_Break: case S_Continue:
    break;
  default:
    break;
  }
  st->depth--;
  return 0;
fail:
  st->depth--;
  return -1;
}

/* symtable_extend_namedexpr_scope */
static int extend_namedexpr_scope(SymTable *st, Expr *e) {
  const char *target = e->v.Name.id;
  int i;
  for (i = st->stack.n - 1; i >= 0; i--) {
    Scope *s = st->stack.items[i];
    if (s->comprehension) {
      if (scope_flags(s, target) & DEF_COMP_ITER)
        return st_error(st, e->pos, "assignment expression cannot rebind comprehension "
                                    "iteration variable '%s'", target);
      continue;
    }
    if (s->type == BLOCK_FUNCTION) {
      if (scope_flags(s, target) & DEF_GLOBAL) {
        if (add_def(st, target, DEF_GLOBAL, e->pos) < 0) return -1;
      } else {
        if (add_def(st, target, DEF_NONLOCAL, e->pos) < 0) return -1;
      }
      if (record_directive(st, target, e->pos) < 0) return -1;
      return add_def_in(st, target, DEF_LOCAL, s, e->pos);
    }
    if (s->type == BLOCK_MODULE) {
      if (add_def(st, target, DEF_GLOBAL, e->pos) < 0) return -1;
      if (record_directive(st, target, e->pos) < 0) return -1;
      return add_def_in(st, target, DEF_GLOBAL, s, e->pos);
    }
    if (s->type == BLOCK_CLASS)
      return st_error(st, e->pos, "assignment expression within a comprehension cannot be "
                                  "used in a class body");
  }
  return 0;
}

static int visit_comprehension(SymTable *st, Comprehension *c) {
  st->cur->comp_iter_target = 1;
  if (visit_expr(st, c->target) < 0) return -1;
  st->cur->comp_iter_target = 0;
  st->cur->comp_iter_expr++;
  if (visit_expr(st, c->iter) < 0) return -1;
  st->cur->comp_iter_expr--;
  if (visit_exprs(st, &c->ifs) < 0) return -1;
  if (c->is_async) st->cur->coroutine = true;
  return 0;
}

static int handle_comprehension(SymTable *st, Expr *e, const char *scope_name,
                                ComprehensionSeq *gens, Expr *elt, Expr *value) {
  bool is_generator = e->kind == E_GeneratorExp, is_async;
  Comprehension *outermost = gens->a[0];
  int i;
  st->cur->comp_iter_expr++;
  if (visit_expr(st, outermost->iter) < 0) return -1;
  st->cur->comp_iter_expr--;
  if (enter_block(st, intern_cstr(st->names, scope_name), BLOCK_FUNCTION, e, e->pos) < 0)
    return -1;
  st->cur->comprehension = e->kind == E_ListComp ? COMP_LIST : e->kind == E_SetComp ? COMP_SET
                           : e->kind == E_DictComp ? COMP_DICT : COMP_GENEXP;
  if (outermost->is_async) st->cur->coroutine = true;
  /* the outermost iterator arrives as the implicit argument ".0" */
  if (add_def(st, intern_cstr(st->names, ".0"), DEF_PARAM, e->pos) < 0) return -1;
  st->cur->comp_iter_target = 1;
  if (visit_expr(st, outermost->target) < 0) return -1;
  st->cur->comp_iter_target = 0;
  if (visit_exprs(st, &outermost->ifs) < 0) return -1;
  for (i = 1; i < gens->n; i++)
    if (visit_comprehension(st, gens->a[i]) < 0) return -1;
  if (value && visit_expr(st, value) < 0) return -1;
  if (visit_expr(st, elt) < 0) return -1;
  st->cur->generator = is_generator;
  is_async = st->cur->coroutine && !is_generator;
  exit_block(st);
  if (is_async) st->cur->coroutine = true;
  return 0;
}

static int visit_expr(SymTable *st, Expr *e) {
  int i;
  if (too_deep(st)) { st->depth--; return -1; }
  switch (e->kind) {
  case E_NamedExpr:
    if (st->cur->comp_iter_expr > 0) {
      st_error(st, e->pos, "assignment expression cannot be used in a comprehension "
                           "iterable expression");
      goto fail;
    }
    if (st->cur->comprehension && extend_namedexpr_scope(st, e->v.NamedExpr.target) < 0)
      goto fail;
    if (visit_expr(st, e->v.NamedExpr.value) < 0 || visit_expr(st, e->v.NamedExpr.target) < 0)
      goto fail;
    break;
  case E_BoolOp:
    if (visit_exprs(st, &e->v.BoolOp.values) < 0) goto fail;
    break;
  case E_BinOp:
    if (visit_expr(st, e->v.BinOp.left) < 0 || visit_expr(st, e->v.BinOp.right) < 0) goto fail;
    break;
  case E_UnaryOp:
    if (visit_expr(st, e->v.UnaryOp.operand) < 0) goto fail;
    break;
  case E_Lambda: {
    Arguments *a = e->v.Lambda.args;
    if (visit_exprs(st, &a->defaults) < 0 || visit_exprs(st, &a->kw_defaults) < 0) goto fail;
    if (enter_block(st, intern_cstr(st->names, "lambda"), BLOCK_FUNCTION, e, e->pos) < 0)
      goto fail;
    if (visit_arguments(st, a) < 0 || visit_expr(st, e->v.Lambda.body) < 0) goto fail;
    exit_block(st);
    break;
  }
  case E_IfExp:
    if (visit_expr(st, e->v.IfExp.test) < 0 || visit_expr(st, e->v.IfExp.body) < 0 ||
        visit_expr(st, e->v.IfExp.orelse) < 0)
      goto fail;
    break;
  case E_Dict:
    if (visit_exprs(st, &e->v.Dict.keys) < 0 || visit_exprs(st, &e->v.Dict.values) < 0)
      goto fail;
    break;
  case E_Set:
    if (visit_exprs(st, &e->v.Set.elts) < 0) goto fail;
    break;
  case E_GeneratorExp:
    if (handle_comprehension(st, e, "genexpr", &e->v.ListComp.generators,
                             e->v.ListComp.elt, NULL) < 0)
      goto fail;
    break;
  case E_ListComp:
    if (handle_comprehension(st, e, "listcomp", &e->v.ListComp.generators,
                             e->v.ListComp.elt, NULL) < 0)
      goto fail;
    break;
  case E_SetComp:
    if (handle_comprehension(st, e, "setcomp", &e->v.ListComp.generators,
                             e->v.ListComp.elt, NULL) < 0)
      goto fail;
    break;
  case E_DictComp:
    if (handle_comprehension(st, e, "dictcomp", &e->v.DictComp.generators,
                             e->v.DictComp.key, e->v.DictComp.value) < 0)
      goto fail;
    break;
  case E_Yield: case E_YieldFrom:
    if (e->v.Yield.value && visit_expr(st, e->v.Yield.value) < 0) goto fail;
    st->cur->generator = true;
    if (st->cur->comprehension) {
      const char *what = st->cur->comprehension == COMP_LIST ? "list comprehension"
                         : st->cur->comprehension == COMP_SET ? "set comprehension"
                         : st->cur->comprehension == COMP_DICT ? "dict comprehension"
                         : "generator expression";
      st_error(st, e->pos, "'yield' inside %s", what);
      goto fail;
    }
    break;
  case E_Await:
    if (visit_expr(st, e->v.Await.value) < 0) goto fail;
    break;
  case E_Compare:
    if (visit_expr(st, e->v.Compare.left) < 0 || visit_exprs(st, &e->v.Compare.comparators) < 0)
      goto fail;
    break;
  case E_Call:
    if (visit_expr(st, e->v.Call.func) < 0 || visit_exprs(st, &e->v.Call.args) < 0) goto fail;
    for (i = 0; i < e->v.Call.keywords.n; i++)
      if (visit_expr(st, e->v.Call.keywords.a[i]->value) < 0) goto fail;
    break;
  case E_FormattedValue:
    if (visit_expr(st, e->v.FormattedValue.value) < 0) goto fail;
    if (e->v.FormattedValue.format_spec && visit_expr(st, e->v.FormattedValue.format_spec) < 0)
      goto fail;
    break;
  case E_JoinedStr:
    if (visit_exprs(st, &e->v.JoinedStr.values) < 0) goto fail;
    break;
  case E_Constant:
    break;
  case E_Attribute:
    if (visit_expr(st, e->v.Attribute.value) < 0) goto fail;
    break;
  case E_Subscript:
    if (visit_expr(st, e->v.Subscript.value) < 0 || visit_expr(st, e->v.Subscript.slice) < 0)
      goto fail;
    break;
  case E_Starred:
    if (visit_expr(st, e->v.Starred.value) < 0) goto fail;
    break;
  case E_Slice:
    if (e->v.Slice.lower && visit_expr(st, e->v.Slice.lower) < 0) goto fail;
    if (e->v.Slice.upper && visit_expr(st, e->v.Slice.upper) < 0) goto fail;
    if (e->v.Slice.step && visit_expr(st, e->v.Slice.step) < 0) goto fail;
    break;
  case E_Name:
    if (add_def(st, e->v.Name.id, e->v.Name.ctx == CTX_LOAD ? USE : DEF_LOCAL, e->pos) < 0)
      goto fail;
    if (e->v.Name.ctx == CTX_LOAD && st->cur->type == BLOCK_FUNCTION &&
        strcmp(e->v.Name.id, "super") == 0 &&
        add_def(st, intern_cstr(st->names, "__class__"), USE, e->pos) < 0)
      goto fail;
    break;
  case E_List: case E_Tuple:
    if (visit_exprs(st, &e->v.List.elts) < 0) goto fail;
    break;
  default:
    break;
  }
  st->depth--;
  return 0;
fail:
  st->depth--;
  return -1;
}

/* ------------------------------------------------------------------ */
/* Pass 2                                                             */
/* ------------------------------------------------------------------ */

/* A set of interned names: sorted pointer array in the arena. */
typedef struct NameSet {
  const char **a;                 /* sorted by address */
  int n, cap;                     /* used / capacity */
} NameSet;

static int nameset_find(const NameSet *s, const char *name, bool *found) {
  int lo = 0, hi = s->n;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if ((uintptr_t)s->a[mid] < (uintptr_t)name) lo = mid + 1;
    else hi = mid;
  }
  *found = lo < s->n && s->a[lo] == name;
  return lo;
}

static bool ns_has(const NameSet *s, const char *name) {
  bool f;
  if (s == NULL) return false;
  nameset_find(s, name, &f);
  return f;
}

static int ns_add(SymTable *st, NameSet *s, const char *name) {
  bool f;
  int i = nameset_find(s, name, &f);
  if (f) return 0;
  if (s->n == s->cap) {
    int ncap = s->cap ? s->cap * 2 : 8;
    const char **na = arena_alloc(st->arena, sizeof(char *) * (size_t)ncap);
    if (na == NULL) return st_nomem(st);
    if (s->n) memcpy(na, s->a, sizeof(char *) * (size_t)s->n);
    s->a = na;
    s->cap = ncap;
  }
  memmove(s->a + i + 1, s->a + i, sizeof(char *) * (size_t)(s->n - i));
  s->a[i] = name;
  s->n++;
  return 0;
}

static void ns_discard(NameSet *s, const char *name) {
  bool f;
  int i = nameset_find(s, name, &f);
  if (!f) return;
  memmove(s->a + i, s->a + i + 1, sizeof(char *) * (size_t)(s->n - i - 1));
  s->n--;
}

static int ns_update(SymTable *st, NameSet *dst, const NameSet *src) {
  int i;
  if (src == NULL) return 0;
  for (i = 0; i < src->n; i++)
    if (ns_add(st, dst, src->a[i]) < 0) return -1;
  return 0;
}

static int error_at_directive(SymTable *st, Scope *s, const char *name, const char *fmt) {
  int i;
  for (i = 0; i < s->directives.n; i++) {
    Directive *d = s->directives.items[i];
    if (d->name == name) return st_error(st, d->pos, fmt, name);
  }
  return st_error(st, (Pos){s->lineno, s->col, s->lineno, s->col}, fmt, name);
}

/* analyze_name: SCOPES is the scope field of each symbol. */
static int analyze_name(SymTable *st, Scope *s, Symbol *sym, NameSet *bound, NameSet *local,
                        NameSet *free, NameSet *global) {
  const char *name = sym->name;
  int flags = sym->flags;
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL)
      return error_at_directive(st, s, name, "name '%s' is nonlocal and global");
    sym->scope = SC_GLOBAL_EXPLICIT;
    if (ns_add(st, global, name) < 0) return -1;
    if (bound) ns_discard(bound, name);
    return 0;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound)
      return error_at_directive(st, s, name, "nonlocal declaration not allowed at module level");
    if (!ns_has(bound, name))
      return error_at_directive(st, s, name, "no binding for nonlocal '%s' found");
    sym->scope = SC_FREE;
    s->free = true;
    return ns_add(st, free, name);
  }
  if (flags & DEF_BOUND) {
    sym->scope = SC_LOCAL;
    if (ns_add(st, local, name) < 0) return -1;
    ns_discard(global, name);
    return 0;
  }
  if (bound && ns_has(bound, name)) {
    sym->scope = SC_FREE;
    s->free = true;
    return ns_add(st, free, name);
  }
  if (global && ns_has(global, name)) {
    sym->scope = SC_GLOBAL_IMPLICIT;
    return 0;
  }
  if (s->nested) s->free = true;
  sym->scope = SC_GLOBAL_IMPLICIT;
  return 0;
}

static int analyze_block(SymTable *st, Scope *s, NameSet *bound, NameSet *free,
                         NameSet *global);

static int analyze_child_block(SymTable *st, Scope *c, NameSet *bound, NameSet *free,
                               NameSet *global, NameSet *child_free) {
  NameSet tb = {0}, tf = {0}, tg = {0};
  if (ns_update(st, &tb, bound) < 0 || ns_update(st, &tf, free) < 0 ||
      ns_update(st, &tg, global) < 0)
    return -1;
  if (analyze_block(st, c, &tb, &tf, &tg) < 0) return -1;
  return ns_update(st, child_free, &tf);
}

static int update_symbols(SymTable *st, Scope *s, NameSet *bound, NameSet *free,
                          bool classflag) {
  int i;
  for (i = 0; i < free->n; i++) {
    const char *name = free->a[i];
    Symbol *sym = scope_lookup(s, name);
    if (sym) {
      if (classflag && (sym->flags & (DEF_BOUND | DEF_GLOBAL))) sym->flags |= DEF_FREE_CLASS;
      continue;
    }
    if (bound && !ns_has(bound, name)) continue;     /* a global */
    sym = scope_add(st, s, name);
    if (sym == NULL) return st_nomem(st);
    sym->flags = 0;
    sym->scope = SC_FREE;
  }
  return 0;
}

static int analyze_block(SymTable *st, Scope *s, NameSet *bound, NameSet *free,
                         NameSet *global) {
  NameSet local = {0}, newglobal = {0}, newfree = {0}, newbound = {0}, allfree = {0};
  int i, nsyms;
  if (too_deep(st)) { st->depth--; return -1; }
  if (s->type == BLOCK_CLASS) {
    if (ns_update(st, &newglobal, global) < 0 || ns_update(st, &newbound, bound) < 0)
      goto fail;
  }
  nsyms = s->nsyms;
  for (i = 0; i < nsyms; i++)
    if (analyze_name(st, s, &s->syms[i], bound, &local, free, global) < 0) goto fail;
  if (s->type != BLOCK_CLASS) {
    if (s->type == BLOCK_FUNCTION && ns_update(st, &newbound, &local) < 0) goto fail;
    if (ns_update(st, &newbound, bound) < 0 || ns_update(st, &newglobal, global) < 0) goto fail;
  } else {
    if (ns_add(st, &newbound, intern_cstr(st->names, "__class__")) < 0) goto fail;
  }
  for (i = 0; i < s->children.n; i++) {
    Scope *c = s->children.items[i];
    if (analyze_child_block(st, c, &newbound, &newfree, &newglobal, &allfree) < 0) goto fail;
    if (c->free || c->child_free) s->child_free = true;
  }
  if (ns_update(st, &newfree, &allfree) < 0) goto fail;
  if (s->type == BLOCK_FUNCTION) {
    /* analyze_cells */
    for (i = 0; i < nsyms; i++) {
      Symbol *sym = &s->syms[i];
      if (sym->scope != SC_LOCAL || !ns_has(&newfree, sym->name)) continue;
      sym->scope = SC_CELL;
      ns_discard(&newfree, sym->name);
    }
  } else if (s->type == BLOCK_CLASS) {
    const char *cls = intern_cstr(st->names, "__class__");
    if (ns_has(&newfree, cls)) {
      ns_discard(&newfree, cls);
      s->needs_class_closure = true;
    }
  }
  if (update_symbols(st, s, bound, &newfree, s->type == BLOCK_CLASS) < 0) goto fail;
  if (ns_update(st, free, &newfree) < 0) goto fail;
  st->depth--;
  return 0;
fail:
  st->depth--;
  return -1;
}

int symtable_build(SymTable *st, Arena *arena, Interner *names, Module *mod,
                   const char *(*line_of)(void *, int, int *), void *line_ctx,
                   SyntaxErr *err) {
  NameSet free = {0}, global = {0};
  memset(st, 0, sizeof *st);
  st->arena = arena;
  st->names = names;
  st->err = err;
  st->line_of = line_of;
  st->line_ctx = line_ctx;
  st->maxdepth = SYMTABLE_MAXDEPTH;
  if (enter_block(st, intern_cstr(names, "top"), BLOCK_MODULE, NULL,
                  (Pos){0, 0, 0, 0}) < 0)
    return -1;
  st->top = st->cur;
  if (visit_stmts(st, &mod->body) < 0) return -1;
  exit_block(st);
  st->depth = 0;
  if (analyze_block(st, st->top, NULL, &free, &global) < 0) return -1;
  return arena->failed ? st_nomem(st) : 0;
}
