# bench/analysis.mk: `heaptrail report` and `heaptrail leaks` on a large
# synthetic profile (50M events by default), recorded through the recorder
# API.  Run: ./bench/bench-analysis [events] [profile] [--keep|--reuse]
# (use an -O2 build; it needs about 1.5 GB of disk for the profile).
noinst_PROGRAMS += bench/bench-analysis
bench_bench_analysis_SOURCES = bench/bench-analysis.c
bench_bench_analysis_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
bench_bench_analysis_LDADD = $(HT_LIBS)
bench-analysis: bench/bench-analysis$(EXEEXT)
	./bench/bench-analysis
BENCH_TARGETS += bench-analysis
.PHONY: bench-analysis
