# vm/frontend.mk: the front end -- tokenizer, parser, AST, symbol table,
# compiler, disassembler (and the dis module).
libhtvm_la_SOURCES += vm/ast.h vm/ast.c vm/lexer.h vm/lexer.c \
  vm/parser.h vm/parser.c vm/symtable.h vm/symtable.c \
  vm/compile.h vm/compile.c vm/dis.c

# Parser and symbol table tests run without a VM; the code object tests
# need the whole VM.
check_PROGRAMS += tests/unit/test-compile
TESTS += tests/unit/test-compile
tests_unit_test_compile_SOURCES = tests/unit/test-compile.c tests/unit/tap.h
tests_unit_test_compile_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS)
tests_unit_test_compile_LDADD = libhtvm.la $(HT_LIBS)

# The fuzz target is built by fuzz/run-smoke.sh (clang, libFuzzer), not here.
EXTRA_DIST += fuzz/fuzz-compile.c fuzz/run-smoke.sh fuzz/corpus
