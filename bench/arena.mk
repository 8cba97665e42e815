# bench/arena.mk: ns per alloc+free pair, tagged arena vs malloc vs mallocx.
# Run: ./bench/bench-arena [pairs]   (use an -O2 build)
noinst_PROGRAMS += bench/bench-arena
bench_bench_arena_SOURCES = bench/bench-arena.c
bench_bench_arena_CFLAGS = $(AM_CFLAGS) $(JEMALLOC_CFLAGS)
bench_bench_arena_LDADD = $(HT_LIBS)
bench-arena: bench/bench-arena$(EXEEXT)
	./bench/bench-arena
BENCH_TARGETS += bench-arena
.PHONY: bench-arena
