# vm/containers.mk: tuple, list, dict, set, range, slice and the iterators.
libhtvm_la_SOURCES += vm/containers.h vm/containers.c vm/tuple.c vm/list.c \
  vm/listsort.c vm/dict.c vm/set.c vm/range.c vm/slice.c vm/iter.c

check_PROGRAMS += tests/unit/test-containers
TESTS += tests/unit/test-containers
tests_unit_test_containers_SOURCES = tests/unit/test-containers.c tests/unit/tap.h
tests_unit_test_containers_LDADD = libhtvm.la $(HT_LIBS)
