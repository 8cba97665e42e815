# tests/lang/: language tests (NAME.py + NAME.out/.err/.rc from python3).
TESTS += tests/lang/run-lang.sh tests/lang/expected-fresh.sh
EXTRA_DIST += tests/lang
