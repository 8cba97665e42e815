# alloc/leaks.mk: tests of `heaptrail leaks` on the heap graph (alloc/leaks.c):
# retainer paths, root leaks vs objects kept alive by other leaks, VM-held
# objects, cycles the collector freed, --between with --refs, profiles
# without snapshots, and the JSON against its documented schema.
TESTS += tests/analysis/leaks-graph.sh tests/analysis/leaks-json.sh
EXTRA_DIST += tests/analysis/leaks-graph.sh tests/analysis/leaks-json.sh \
  tests/analysis/leaks_cache.py tests/analysis/leaks_holder.py \
  tests/analysis/leaks_cycle.py tests/analysis/leaks_moved.py

# The arena's observer API (arena.h), which --refs uses.
check_PROGRAMS += tests/unit/test-arena-observer
TESTS += tests/unit/test-arena-observer
tests_unit_test_arena_observer_SOURCES = tests/unit/test-arena-observer.c tests/unit/tap.h
tests_unit_test_arena_observer_LDADD = $(HT_LIBS)
