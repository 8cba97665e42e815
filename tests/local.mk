# tests/: unit tests (TAP programs, tests/unit/test-<module>.c) and language
# tests (tests/lang/*.py with expected output beside them).
include tests/unit/local.mk
include tests/lang/local.mk
TESTS += tests/samples/run.sh tests/samples/fresh.sh tests/samples/prealloc-peak.sh
EXTRA_DIST += tests/samples
TESTS += tests/run/faults.sh
EXTRA_DIST += tests/run
