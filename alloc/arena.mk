# alloc/arena.mk: the tagged arena (arena.h), its sampler and, with
# --enable-debug-arena, the debug arena that replaces the hot paths.
libheaptrail_la_SOURCES += alloc/arena.h alloc/arena-private.h alloc/arena.c \
  alloc/sampler.c
if DEBUG_ARENA
libheaptrail_la_SOURCES += alloc/arena-debug.c
endif

check_PROGRAMS += tests/unit/test-arena
TESTS += tests/unit/test-arena
tests_unit_test_arena_SOURCES = tests/unit/test-arena.c tests/unit/tap.h
tests_unit_test_arena_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS)
tests_unit_test_arena_LDADD = $(HT_LIBS)

# The debug arena's own checks (fill patterns, failure injection, canaries,
# leak report) only make sense when it is compiled in.
if DEBUG_ARENA
check_PROGRAMS += tests/unit/test-arena-debug
TESTS += tests/unit/test-arena-debug
endif
tests_unit_test_arena_debug_SOURCES = tests/unit/test-arena-debug.c tests/unit/tap.h
tests_unit_test_arena_debug_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS)
tests_unit_test_arena_debug_LDADD = $(HT_LIBS)
