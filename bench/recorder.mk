# bench/recorder.mk: recorder throughput (events/s into the profile) and the
# raw log's bytes/event, on a synthetic but allocator-like event mix.
# Run: ./bench/bench-recorder [events] [profile] [--native]   (use an -O2 build;
# without a profile path it writes a scratch file in $TMPDIR and removes it)
noinst_PROGRAMS += bench/bench-recorder
bench_bench_recorder_SOURCES = bench/bench-recorder.c
bench_bench_recorder_CFLAGS = $(AM_CFLAGS) $(SQLITE_CFLAGS)
bench_bench_recorder_LDADD = $(HT_LIBS)
bench-recorder: bench/bench-recorder$(EXEEXT)
	./bench/bench-recorder
BENCH_TARGETS += bench-recorder
.PHONY: bench-recorder
