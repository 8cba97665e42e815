/*
** test-compile.c -- the front end: tokenizer and parser error positions,
** scope classification by the symbol table, and code objects from the
** compiler (co_varnames / co_cellvars / co_freevars, qualnames, flags).
**
** Expected values come from CPython 3.11 (/usr/bin/python3): error texts and
** positions from compile(), scopes from the symtable module, code object
** fields from f.__code__.
*/
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "lexer.h"
#include "parser.h"
#include "symtable.h"
#include "object.h"
#include "vm.h"
#include "compile.h"
#include "opcodes.h"
#include "tap.h"

/* ------------------------------------------------------------------ */
/* Parse errors                                                       */
/* ------------------------------------------------------------------ */

typedef struct ErrCase {
  const char *src;
  ErrKind kind;
  const char *msg;
  int lineno, offset, end_lineno, end_offset;
} ErrCase;

static const ErrCase err_cases[] = {
  {"if x\n    pass\n", ERR_SYNTAX, "expected ':'", 1, 5, 1, 5},
  {"x\n    y\n", ERR_INDENT, "unexpected indent", 2, 4, 2, -1},
  {"if x:\n        a\n    b\n", ERR_INDENT,
   "unindent does not match any outer indentation level", 3, 6, 3, -1},
  {"if x:\npass\n", ERR_INDENT, "expected an indented block after 'if' statement on line 1",
   2, 1, 2, 5},
  {"foo(\n", ERR_SYNTAX, "'(' was never closed", 1, 4, 1, 0},
  {"foo(1,\nx = 2\n", ERR_SYNTAX, "'(' was never closed", 1, 4, 1, 0},
  {"print(a b)\n", ERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 7, 1, 10},
  {"a b\n", ERR_SYNTAX, "invalid syntax", 1, 3, 1, 4},
  {"1 = x\n", ERR_SYNTAX, "cannot assign to literal here. Maybe you meant '==' instead of '='?",
   1, 1, 1, 2},
  {"x = 'abc\n", ERR_SYNTAX, "unterminated string literal (detected at line 1)", 1, 5, 1, 5},
  {"x = \"\"\"abc\ndef\n", ERR_SYNTAX,
   "unterminated triple-quoted string literal (detected at line 2)", 1, 5, 1, 5},
  {"f(**a, *b)\n", ERR_SYNTAX, "iterable argument unpacking follows keyword argument unpacking",
   1, 3, 1, 6},
  {"def f(a=1, b):\n    pass\n", ERR_SYNTAX, "non-default argument follows default argument",
   1, 12, 1, 13},
  {"x = 1abc\n", ERR_SYNTAX, "invalid decimal literal", 1, 5, 1, 5},
  {"x = 0777\n", ERR_SYNTAX, "leading zeros in decimal integer literals are not permitted; "
   "use an 0o prefix for octal integers", 1, 5, 1, 6},
  {"x = \xe2\x82\xac\n", ERR_SYNTAX, "invalid character '\xe2\x82\xac' (U+20AC)", 1, 5, 1, 5},
  {")\n", ERR_SYNTAX, "unmatched ')'", 1, 1, 1, 1},
  {"(\n]\n", ERR_SYNTAX, "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
   2, 1, 2, 1},
  {"x = \\ y\n", ERR_SYNTAX, "unexpected character after line continuation character",
   1, 6, 1, 0},
  {"print \"hello\"\n", ERR_SYNTAX,
   "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1, 1, 14},
  {"if x = 1:\n    pass\n", ERR_SYNTAX,
   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4, 1, 9},
  {"f(a for a in b, c)\n", ERR_SYNTAX, "Generator expression must be parenthesized", 1, 3, 1, 15},
  {"del f()\n", ERR_SYNTAX, "cannot delete function call", 1, 5, 1, 8},
  {"None = 1\n", ERR_SYNTAX, "cannot assign to None", 1, 1, 1, 5},
  {"f(x=1, y)\n", ERR_SYNTAX, "positional argument follows keyword argument", 1, 9, 1, 10},
  {"{1: 2, 3}\n", ERR_SYNTAX, "':' expected after dictionary key", 1, 8, 1, 0},
  {"try:\n    pass\nx = 1\n", ERR_SYNTAX, "expected 'except' or 'finally' block", 3, 1, 3, 2},
  {"if x:\n\ta\n        b\n", ERR_TAB, "inconsistent use of tabs and spaces in indentation",
   3, 1, 3, 0},
  {"x = f\"{a b}\"\n", ERR_SYNTAX, "f-string: invalid syntax. Perhaps you forgot a comma?",
   1, 2, 1, 5},
  /* CPython 3.11 takes any prefix of a soft keyword ("m" of "match") as one */
  {"[m t]\n", ERR_SYNTAX, "invalid syntax", 1, 4, 1, 5},
  {"[a t]\n", ERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?", 1, 2, 1, 5},
  /* parser columns are bytes unless the file declares its encoding */
  {"\xc3\xa9 = 1; x = (1 2)\n", ERR_SYNTAX, "invalid syntax. Perhaps you forgot a comma?",
   1, 14, 1, 17},
  {"# coding: utf-8\n\xc3\xa9 = 1; x = (1 2)\n", ERR_SYNTAX,
   "invalid syntax. Perhaps you forgot a comma?", 2, 13, 2, 16},
  {"a{b c\n", ERR_SYNTAX, "'{' was never closed", 1, 2, 1, 0},
  {"x = f\"{}\"\n", ERR_SYNTAX, "f-string: empty expression not allowed", 1, 10, 1, 10},
  {"x = (" "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
   "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
   "((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1\n",
   ERR_SYNTAX, "too many nested parentheses", 1, 205, 1, 205},
};

static int check_err(const ErrCase *c) {
  Arena a;
  Interner in;
  SyntaxErr err;
  Module *m;
  int ok;
  arena_init(&a, HT_TAG_AST);
  interner_init(&in, &a);
  m = parse_module(&a, &in, c->src, strlen(c->src), &err);
  ok = m == NULL && err.kind == c->kind && strcmp(err.msg, c->msg) == 0 &&
       err.lineno == c->lineno && err.offset == c->offset &&
       err.end_lineno == c->end_lineno && err.end_offset == c->end_offset;
  tap_ok(ok, "parse error: %s", c->msg);
  if (!ok)
    tap_diag("got kind %d '%s' %d:%d-%d:%d", err.kind, m ? "(parsed)" : err.msg, err.lineno,
             err.offset, err.end_lineno, err.end_offset);
  arena_free(&a);
  return ok;
}

/* ------------------------------------------------------------------ */
/* Scopes                                                             */
/* ------------------------------------------------------------------ */

/* Find the scope of function NAME (depth-first). */
static Scope *find_scope(Scope *s, const char *name) {
  int i;
  if (strcmp(s->name, name) == 0) return s;
  for (i = 0; i < s->children.n; i++) {
    Scope *r = find_scope(s->children.items[i], name);
    if (r) return r;
  }
  return NULL;
}

static SymScope scope_of(Scope *s, Interner *in, const char *name) {
  return scope_get(s, intern_cstr(in, name));
}

typedef struct ScopeCheck {
  const char *func;               /* scope name */
  const char *name;               /* symbol */
  SymScope scope;                 /* expected */
} ScopeCheck;

static void check_scopes(const char *what, const char *src, const ScopeCheck *checks, int n) {
  Arena a, ca;
  Interner in;
  SyntaxErr err;
  SymTable st;
  Module *m;
  int i;
  arena_init(&a, HT_TAG_AST);
  arena_init(&ca, HT_TAG_COMPILER);
  interner_init(&in, &a);
  m = parse_module(&a, &in, src, strlen(src), &err);
  if (!tap_ok(m != NULL, "%s: parses", what)) {
    tap_diag("%s", err.msg);
    goto done;
  }
  if (!tap_ok(symtable_build(&st, &ca, &in, m, NULL, NULL, &err) == 0, "%s: symtable", what)) {
    tap_diag("%s", err.msg);
    goto done;
  }
  for (i = 0; i < n; i++) {
    Scope *s = find_scope(st.top, checks[i].func);
    SymScope got = s ? scope_of(s, &in, checks[i].name) : SC_NONE;
    tap_ok(got == checks[i].scope, "%s: %s in %s is %d", what, checks[i].name, checks[i].func,
           checks[i].scope);
    if (got != checks[i].scope) tap_diag("got %d", got);
  }
done:
  arena_free(&ca);
  arena_free(&a);
}

static const char nested_src[] =
  "def a():\n"
  "    x = 1\n"
  "    def b():\n"
  "        def c():\n"
  "            def d():\n"
  "                return x\n"
  "            return d\n"
  "        return c\n"
  "    return b\n";

static const ScopeCheck nested_checks[] = {
  {"a", "x", SC_CELL}, {"a", "b", SC_LOCAL},
  {"b", "x", SC_FREE}, {"b", "c", SC_LOCAL},
  {"c", "x", SC_FREE}, {"c", "d", SC_LOCAL},
  {"d", "x", SC_FREE},
};

static const char misc_src[] =
  "g = 1\n"
  "def f(p, *args, **kw):\n"
  "    global g\n"
  "    g = p\n"
  "    y = len(args)\n"
  "    def inner():\n"
  "        nonlocal y\n"
  "        y = 2\n"
  "        return [y + i for i in range(3)]\n"
  "    return inner\n"
  "class C:\n"
  "    z = 1\n"
  "    def m(self):\n"
  "        return z\n";

static const ScopeCheck misc_checks[] = {
  {"top", "g", SC_GLOBAL_EXPLICIT}, {"top", "f", SC_LOCAL}, {"top", "C", SC_LOCAL},
  {"f", "g", SC_GLOBAL_EXPLICIT}, {"f", "p", SC_LOCAL}, {"f", "args", SC_LOCAL},
  {"f", "kw", SC_LOCAL}, {"f", "y", SC_CELL}, {"f", "len", SC_GLOBAL_IMPLICIT},
  {"inner", "y", SC_FREE}, {"inner", "range", SC_GLOBAL_IMPLICIT},
  {"listcomp", "y", SC_FREE}, {"listcomp", "i", SC_LOCAL}, {"listcomp", ".0", SC_LOCAL},
  {"C", "z", SC_LOCAL}, {"m", "z", SC_GLOBAL_IMPLICIT}, {"m", "self", SC_LOCAL},
};

/* The symtable errors, with CPython's texts and positions. */
static void check_symtable_error(const char *src, const char *msg, int lineno, int offset,
                                 int end_offset) {
  Arena a, ca;
  Interner in;
  SyntaxErr err;
  SymTable st;
  Module *m;
  int ok;
  arena_init(&a, HT_TAG_AST);
  arena_init(&ca, HT_TAG_COMPILER);
  interner_init(&in, &a);
  m = parse_module(&a, &in, src, strlen(src), &err);
  memset(&err, 0, sizeof err);
  ok = m && symtable_build(&st, &ca, &in, m, NULL, NULL, &err) < 0 &&
       strcmp(err.msg, msg) == 0 && err.lineno == lineno && err.offset == offset &&
       err.end_offset == end_offset;
  tap_ok(ok, "symtable error: %s", msg);
  if (!ok) tap_diag("got '%s' %d:%d-%d", err.msg, err.lineno, err.offset, err.end_offset);
  arena_free(&ca);
  arena_free(&a);
}

/* ------------------------------------------------------------------ */
/* Code objects (needs the VM)                                        */
/* ------------------------------------------------------------------ */

static bool tuple_is(Obj *t, const char *const *want, int n) {
  int i;
  if (!tuple_check(t) || TUPLE_SIZE(t) != n) return false;
  for (i = 0; i < n; i++)
    if (!str_eq_cstr(TUPLE_GET(t, i), want[i])) return false;
  return true;
}

/* The code object named NAME among CO's constants, recursively. */
static CodeObj *find_code(CodeObj *co, const char *name) {
  ssize i;
  if (str_eq_cstr(co->name, name)) return co;
  for (i = 0; i < TUPLE_SIZE(co->consts); i++) {
    Obj *x = TUPLE_GET(co->consts, i);
    if (x->type == &Code_Type) {
      CodeObj *r = find_code((CodeObj *)x, name);
      if (r) return r;
    }
  }
  return NULL;
}

static void check_code_objects(void) {
  static const char src[] =
    "def functionA():\n"
    "    def _innerFunction(a, b=2, *c, d, **e):\n"
    "        '''doc'''\n"
    "        q = a\n"
    "        return q\n"
    "    return _innerFunction\n"
    "def a():\n"
    "    x = 1\n"
    "    def b():\n"
    "        def c():\n"
    "            def d():\n"
    "                return x\n"
    "            return d\n"
    "        return c\n"
    "    return b\n"
    "def outer(p, zz):\n"
    "    m = 3\n"
    "    def inner():\n"
    "        return zz + m\n"
    "    return inner\n";
  VM *vm = vm_new(0, NULL, "test.py");
  Obj *fn, *code;
  CodeObj *co, *c2;
  if (!tap_ok(vm != NULL, "vm_new")) return;
  fn = str_from_cstr(vm, "test.py");
  code = compile_module(vm, src, sizeof src - 1, fn);
  if (!tap_ok(code != NULL, "compile_module")) {
    vm_print_exception(vm);
    goto done;
  }
  co = (CodeObj *)code;
  /* the AST and compiler arenas are gone once compile_module returns */
  tap_is_int(ht_arena_stats(HT_TAG_AST)->cur_count, 0, "no AST block left after compiling");
  tap_is_int(ht_arena_stats(HT_TAG_COMPILER)->cur_count, 0,
             "no compiler block left after compiling");
  c2 = find_code(co, "_innerFunction");
  if (tap_ok(c2 != NULL, "inner code object found")) {
    static const char *const vn[] = {"a", "b", "d", "c", "e", "q"};
    tap_ok(str_eq_cstr(c2->qualname, "functionA.<locals>._innerFunction"), "qualname");
    tap_ok(tuple_is(c2->varnames, vn, 6), "co_varnames args first");
    tap_is_int(c2->argcount, 2, "co_argcount");
    tap_is_int(c2->kwonlyargcount, 1, "co_kwonlyargcount");
    tap_ok((c2->flags & (CO_VARARGS | CO_VARKEYWORDS | CO_NESTED)) ==
           (CO_VARARGS | CO_VARKEYWORDS | CO_NESTED), "co_flags");
    tap_ok(str_check(TUPLE_GET(c2->consts, 0)) &&
           str_eq_cstr(TUPLE_GET(c2->consts, 0), "doc"), "docstring is co_consts[0]");
  }
  {
    static const char *const x[] = {"x"};
    CodeObj *ca = find_code(co, "a"), *cb = find_code(co, "b"), *cc = find_code(co, "c"),
            *cd = find_code(co, "d");
    tap_ok(ca && tuple_is(ca->cellvars, x, 1) && TUPLE_SIZE(ca->freevars) == 0,
           "a: x is a cell");
    tap_ok(cb && tuple_is(cb->freevars, x, 1) && TUPLE_SIZE(cb->cellvars) == 0,
           "b: x passes through as a free variable");
    tap_ok(cc && tuple_is(cc->freevars, x, 1), "c: x passes through");
    tap_ok(cd && tuple_is(cd->freevars, x, 1), "d: x is free");
    tap_ok(cd && str_eq_cstr(cd->qualname, "a.<locals>.b.<locals>.c.<locals>.d"), "d qualname");
  }
  {
    static const char *const vn[] = {"p", "zz", "inner"}, *const cells[] = {"m", "zz"};
    CodeObj *o = find_code(co, "outer");
    tap_ok(o && tuple_is(o->varnames, vn, 3), "outer: co_varnames");
    tap_ok(o && tuple_is(o->cellvars, cells, 2), "outer: co_cellvars sorted");
    /* zz is an argument: its cell lives in its argument slot */
    tap_ok(o && o->cell2slot[1] == 1 && o->cell2slot[0] == 3, "outer: cell slots");
  }
  decref(vm, code);
  /* errors from the compiler stage */
  {
    static const char bad[] = "def f():\n    x = 1\n    global x\n";
    Obj *r = compile_module(vm, bad, sizeof bad - 1, fn);
    tap_ok(r == NULL && vm_exc_matches(vm, &Exc_SyntaxError), "global after assignment raises");
    vm_exc_clear(vm);
  }
  {
    static const char bad[] = "return 1\n";
    Obj *r = compile_module(vm, bad, sizeof bad - 1, fn);
    tap_ok(r == NULL && vm_exc_matches(vm, &Exc_SyntaxError), "'return' outside function");
    vm_exc_clear(vm);
  }
  {
    /* unsupported constructs: NotImplementedError naming them, unless
    ** CPython would report a SyntaxError anywhere in the module */
    /* (classes compile since issue #4; async functions still do not) */
    static const char cls[] = "async def f():\n    pass\n";
    static const char cls_bad[] = "async def f():\n    pass\nx = 1\nreturn x\n";
    Obj *r = compile_module(vm, cls, sizeof cls - 1, fn);
    tap_ok(r == NULL && vm_exc_matches(vm, &Exc_NotImplementedError),
           "async def: NotImplementedError");
    vm_exc_clear(vm);
    r = compile_module(vm, cls_bad, sizeof cls_bad - 1, fn);
    tap_ok(r == NULL && vm_exc_matches(vm, &Exc_SyntaxError),
           "a later SyntaxError wins over NotImplementedError");
    vm_exc_clear(vm);
    tap_is_int(ht_arena_stats(HT_TAG_AST)->cur_count, 0, "no AST block left after errors");
    tap_is_int(ht_arena_stats(HT_TAG_COMPILER)->cur_count, 0,
               "no compiler block left after errors");
  }
done:
  decref(vm, fn);
  vm_free(vm);
}

/* dis_code's layout, CPython 3.11's columns: line, offset, >> markers,
** opname padded to 20, argument right-aligned in 5, (meaning). */
static void check_dis(void) {
  static const char src[] =
    "def f(a, b=1):\n"
    "    while a:\n"
    "        a -= b\n"
    "    return f'{a!r}'\n";
  static const char want[] =
    "  2           0 LOAD_FAST                0 (a)\n"
    "              2 POP_JUMP_IF_FALSE        8 (to 16)\n"
    "\n"
    "  3     >>    4 LOAD_FAST                0 (a)\n"
    "              6 LOAD_FAST                1 (b)\n"
    "              8 BINARY_OP               23 (-=)\n"
    "             10 STORE_FAST               0 (a)\n"
    "\n"
    "  2          12 LOAD_FAST                0 (a)\n"
    "             14 POP_JUMP_IF_TRUE         2 (to 4)\n"
    "\n"
    "  4     >>   16 LOAD_FAST                0 (a)\n"
    "             18 FORMAT_VALUE             2 (repr)\n"
    "             20 RETURN_VALUE\n";
  VM *vm = vm_new(0, NULL, "test.py");
  Obj *fn, *code;
  char *buf = NULL;
  size_t len = 0;
  FILE *mem, *saved;
  if (!tap_ok(vm != NULL, "vm_new for dis")) return;
  fn = str_from_cstr(vm, "test.py");
  code = compile_module(vm, src, sizeof src - 1, fn);
  if (tap_ok(code != NULL, "compile for dis")) {
    CodeObj *f = find_code((CodeObj *)code, "f");
    mem = open_memstream(&buf, &len);
    saved = vm->out;
    vm->out = mem;
    tap_ok(f && dis_code(vm, (Obj *)f) == 0, "dis_code");
    fflush(mem);
    vm->out = saved;
    fclose(mem);
    tap_ok(buf && strcmp(buf, want) == 0, "dis layout");
    if (buf && strcmp(buf, want) != 0) tap_diag("got:\n%s", buf);
    free(buf);
    decref(vm, code);
  } else {
    vm_exc_clear(vm);
  }
  decref(vm, fn);
  vm_free(vm);
}

/* Jumps past 255 code units need EXTENDED_ARG prefixes; the targets must
** still be right (run the function both ways). */
static void check_extended_arg(void) {
  char *src = malloc(40000);
  size_t n = 0;
  int i, has_ext = 0;
  VM *vm;
  Obj *fn, *globals, *r;
  if (src == NULL) return;
  n += (size_t)sprintf(src + n, "def f(x):\n    if x:\n");
  for (i = 0; i < 300; i++) n += (size_t)sprintf(src + n, "        y%d = %d\n", i, i);
  n += (size_t)sprintf(src + n, "        return y299\n    return -1\n");
  vm = vm_new(0, NULL, "test.py");
  if (!tap_ok(vm != NULL, "vm_new for EXTENDED_ARG")) { free(src); return; }
  fn = str_from_cstr(vm, "test.py");
  globals = dict_new(vm);
  dict_set_cstr(vm, globals, "__name__", fn);
  r = vm_exec_source(vm, src, n, fn, globals);
  if (tap_ok(r != NULL, "long function compiles and runs")) {
    Obj *f = dict_get_cstr(vm, globals, "f");
    CodeObj *co = f ? (CodeObj *)((FunctionObj *)f)->code : NULL;
    Obj *one = int_from_i64(vm, 1), *zero = int_from_i64(vm, 0);
    Obj *a = f ? obj_call1(vm, f, one) : NULL, *b = f ? obj_call1(vm, f, zero) : NULL;
    ssize k;
    for (k = 0; co && k < co->ncode; k++)
      if ((co->code[k] & 0xFF) == OP_EXTENDED_ARG) has_ext = 1;
    tap_ok(has_ext, "EXTENDED_ARG emitted");
    tap_ok(a && int_check(a) && int_as_i64_unchecked(a) == 299, "taken branch");
    tap_ok(b && int_check(b) && int_as_i64_unchecked(b) == -1, "jump over 300 statements");
    xdecref(vm, a);
    xdecref(vm, b);
    decref(vm, one);
    decref(vm, zero);
    decref(vm, r);
  } else {
    vm_exc_clear(vm);
  }
  if (vm_exc_occurred(vm)) vm_exc_clear(vm);
  decref(vm, globals);
  decref(vm, fn);
  vm_free(vm);
  free(src);
}

int main(void) {
  size_t i;
  ht_arena_init();
  for (i = 0; i < sizeof err_cases / sizeof err_cases[0]; i++) check_err(&err_cases[i]);
  check_scopes("a->b->c->d", nested_src, nested_checks,
               (int)(sizeof nested_checks / sizeof nested_checks[0]));
  check_scopes("misc", misc_src, misc_checks, (int)(sizeof misc_checks / sizeof misc_checks[0]));
  check_symtable_error("nonlocal x\n", "nonlocal declaration not allowed at module level",
                       1, 1, 11);
  check_symtable_error("def f():\n    x = 1\n    global x\n",
                       "name 'x' is assigned to before global declaration", 3, 5, 13);
  check_symtable_error("def f():\n    nonlocal x\n", "no binding for nonlocal 'x' found",
                       2, 5, 15);
  check_symtable_error("def f(a, a):\n    pass\n",
                       "duplicate argument 'a' in function definition", 1, 10, 11);
  check_symtable_error("def f(a):\n    global a\n", "name 'a' is parameter and global",
                       2, 5, 13);
  check_symtable_error("[(i := 1) for i in x]\n",
                       "assignment expression cannot rebind comprehension iteration variable 'i'",
                       1, 3, 4);
  check_code_objects();
  check_dis();
  check_extended_arg();
  return tap_done();
}
