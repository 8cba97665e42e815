# tests/: unit tests (TAP programs, tests/unit/test-<module>.c) and language
# tests (tests/lang/*.py with expected output beside them).
include tests/unit/local.mk
include tests/lang/local.mk
