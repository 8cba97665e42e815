# vm/numbers.mk: the numbers component -- int (arbitrary precision, with the
# digit arithmetic in bigint.c), bool, float, number formatting and repr
# (floatrepr.c), and the math module.
libhtvm_la_SOURCES += vm/int.c vm/int.h vm/bigint.c vm/bool.c vm/float.c \
  vm/floatobj.h vm/floatrepr.c vm/mathmod.c

check_PROGRAMS += tests/unit/test-int tests/unit/test-float
TESTS += tests/unit/test-int tests/unit/test-float
tests_unit_test_int_SOURCES = tests/unit/test-int.c tests/unit/tap.h
tests_unit_test_int_LDADD = libhtvm.la $(HT_LIBS)
tests_unit_test_float_SOURCES = tests/unit/test-float.c tests/unit/tap.h
tests_unit_test_float_LDADD = libhtvm.la $(HT_LIBS)
EXTRA_DIST += tests/unit/gen-num-vectors.py tests/unit/int-vectors.txt \
  tests/unit/float-vectors.txt
