# vm/stdmods.mk: the standard-library modules written in C (random,
# itertools, collections, functools, operator, copy, bisect, heapq, string).
libhtvm_la_SOURCES += vm/stdmods.h vm/mod_random.c vm/mod_itertools.c \
  vm/mod_collections.c vm/mod_functools.c vm/mod_operator.c vm/mod_copy.c \
  vm/mod_bisect.c vm/mod_heapq.c vm/mod_string.c

check_PROGRAMS += tests/unit/test-stdmods
TESTS += tests/unit/test-stdmods
tests_unit_test_stdmods_SOURCES = tests/unit/test-stdmods.c tests/unit/tap.h
tests_unit_test_stdmods_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS)
tests_unit_test_stdmods_LDADD = libhtvm.la $(HT_LIBS)
