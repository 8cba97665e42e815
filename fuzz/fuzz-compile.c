/*
** fuzz-compile.c -- libFuzzer target for the front end.
**
** Default build: every input goes through compile_module() on one VM made
** in LLVMFuzzerInitialize -- tokenizer, parser, symbol table, compiler and
** code objects.  Invariants checked besides "no crash": a NULL result comes
** with an exception set, and a code object is released cleanly.
**
** -DFUZZ_FRONTEND_ONLY: parser + symbol table + ast_dump without a VM, with
** the tagged-arena entry points replaced by malloc so AddressSanitizer sees
** every AST block (jemalloc's arenas are invisible to it).  Checks that a
** failed parse always describes its error.
**
** Built and run by fuzz/run-smoke.sh.
*/
#include "config.h"
/* calls to ht_alloc/ht_free stay calls: the front-end build defines them */
#define HT_ARENA_NO_INLINE 1

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ast.h"
#include "lexer.h"
#include "parser.h"
#include "symtable.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#ifndef FUZZ_FRONTEND_ONLY

#include "object.h"
#include "vm.h"
#include "compile.h"

static VM *vm;                    /* one VM for the whole run */
static Obj *fname;                /* "fuzz.py" */

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  ht_arena_init();
  vm = vm_new(0, NULL, "fuzz.py");
  if (vm == NULL) abort();
  fname = str_from_cstr(vm, "fuzz.py");
  if (fname == NULL) abort();
  /* compile-time SyntaxWarnings go to the VM's stderr: silence them */
  {
    FILE *null = fopen("/dev/null", "w");
    if (null) vm->err = null;
  }
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Obj *co = compile_module(vm, (const char *)data, size, fname);
  if (co != NULL) {
    if (co->type != &Code_Type) abort();
    decref(vm, co);
  } else {
    if (!vm_exc_occurred(vm)) abort();   /* NULL without an exception */
    vm_exc_clear(vm);
  }
  return 0;
}

#else /* FUZZ_FRONTEND_ONLY */

/* The tagged arena, as plain malloc for AddressSanitizer. */
void *ht_alloc(ht_tag tag, size_t size) { (void)tag; return malloc(size ? size : 1); }
void *ht_calloc(ht_tag tag, size_t size) { (void)tag; return calloc(1, size ? size : 1); }
void *ht_realloc(ht_tag tag, void *p, size_t oldsize, size_t newsize) {
  (void)tag;
  (void)oldsize;
  return realloc(p, newsize ? newsize : 1);
}
void ht_free(ht_tag tag, void *p, size_t size) { (void)tag; (void)size; free(p); }

static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  devnull = fopen("/dev/null", "w");
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Arena a, ca;
  Interner in;
  SyntaxErr err;
  SymTable st;
  Module *m;
  arena_init(&a, HT_TAG_AST);
  arena_init(&ca, HT_TAG_COMPILER);
  interner_init(&in, &a);
  m = parse_module(&a, &in, (const char *)data, size, &err);
  if (m != NULL) {
    if (devnull) ast_dump(m, devnull);
    memset(&err, 0, sizeof err);
    if (symtable_build(&st, &ca, &in, m, NULL, NULL, &err) < 0 && err.kind == ERR_NONE)
      abort();                    /* failure without a reason */
  } else {
    if (err.kind == ERR_NONE) abort();
    if (err.kind == ERR_SYNTAX && err.msg[0] == 0) abort();
    if (err.text != NULL && err.textlen < 0) abort();
  }
  arena_free(&ca);
  arena_free(&a);
  return 0;
}

#endif
