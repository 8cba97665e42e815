# alloc/analysis.mk: the analyses of a profile (analysis.h) -- report, leaks,
# flame, diff, advice -- their JSON writer and the `heaptrail report|leaks|
# flame|diff` commands (cli-analysis.c, called from vm/main.c).
libheaptrail_la_SOURCES += alloc/analysis.h alloc/ana-core.c alloc/advice.c \
  alloc/report.c alloc/leaks.c alloc/flame.c alloc/diff.c \
  alloc/jsonout.h alloc/jsonout.c alloc/cli-analysis.c

check_PROGRAMS += tests/unit/test-analysis
TESTS += tests/unit/test-analysis
tests_unit_test_analysis_SOURCES = tests/unit/test-analysis.c tests/unit/tap.h
tests_unit_test_analysis_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
tests_unit_test_analysis_LDADD = $(HT_LIBS)

# Shell tests on the samples (TAP).  tests/analysis/ht-analysis runs the
# commands while the heaptrail program does not dispatch them (lib.sh).
check_PROGRAMS += tests/analysis/ht-analysis
tests_analysis_ht_analysis_SOURCES = tests/analysis/ht-analysis.c
tests_analysis_ht_analysis_LDADD = $(HT_LIBS)
TESTS += tests/analysis/prealloc.sh tests/analysis/churn.sh tests/analysis/growth.sh \
  tests/analysis/recursion.sh tests/analysis/closures.sh tests/analysis/leaks.sh
EXTRA_DIST += tests/analysis/lib.sh tests/analysis/leaky.py tests/analysis/prealloc.sh \
  tests/analysis/churn.sh tests/analysis/growth.sh tests/analysis/recursion.sh \
  tests/analysis/closures.sh tests/analysis/leaks.sh
