# vm/modules.mk: the builtin modules (builtins, sys, gc, time, resource,
# heaptrail, numpy) and the import table.
libhtvm_la_SOURCES += vm/modules.h vm/modules.c vm/builtins.c vm/sysmod.c \
  vm/gcmod.c vm/timemod.c vm/resourcemod.c vm/htmod.c vm/numpy.c

check_PROGRAMS += tests/unit/test-modules
TESTS += tests/unit/test-modules
tests_unit_test_modules_SOURCES = tests/unit/test-modules.c tests/unit/tap.h
tests_unit_test_modules_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS) $(SQLITE_CFLAGS)
tests_unit_test_modules_LDADD = libhtvm.la $(HT_LIBS)
