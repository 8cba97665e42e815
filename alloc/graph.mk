# alloc/graph.mk: heap snapshots and reference graphs (graph.h, snapstore.h):
# the snapshot spool and its tables, the graph reader and replay, dominators,
# and the `heaptrail graph|why` commands (cli-graph.c, called from vm/main.c).
libheaptrail_la_SOURCES += alloc/graph.h alloc/graph.c alloc/dominators.c \
  alloc/snapstore.h alloc/snapstore.c alloc/cli-graph.c

check_PROGRAMS += tests/unit/test-graph
TESTS += tests/unit/test-graph
tests_unit_test_graph_SOURCES = tests/unit/test-graph.c tests/unit/tap.h
tests_unit_test_graph_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
tests_unit_test_graph_LDADD = $(HT_LIBS)

# Shell tests on the samples (TAP): snapshots, retainer paths, DOT, replay.
TESTS += tests/graph/closures.sh tests/graph/recursion.sh tests/graph/cycle.sh \
  tests/graph/replay.sh tests/graph/errors.sh tests/graph/large.sh
EXTRA_DIST += tests/graph/lib.sh tests/graph/closures.sh tests/graph/recursion.sh \
  tests/graph/cycle.sh tests/graph/replay.sh tests/graph/errors.sh tests/graph/large.sh
