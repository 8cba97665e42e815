# bench/: benchmarks (never tests).  `make bench` in a build folder runs them
# all; each component adds its programs and a bench-<name> rule in its own
# fragment and appends that rule to BENCH_TARGETS.
BENCH_TARGETS =
EXTRA_DIST += bench/vm bench/run-vm.sh bench/run-all.sh
include bench/arena.mk
include bench/recorder.mk
include bench/analysis.mk
bench-vm: heaptrail
	$(SHELL) $(top_srcdir)/bench/run-vm.sh $(top_builddir)
BENCH_TARGETS += bench-vm
bench: $(BENCH_TARGETS)
.PHONY: bench bench-vm
