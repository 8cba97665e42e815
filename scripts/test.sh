#!/usr/bin/env bash
# test.sh -- set everything up, then run every test: the normal build's
# `make check`, the same suite under AddressSanitizer + UndefinedBehavior-
# Sanitizer, and the fuzz smoke.  Ends with the line
# "N passed, N failed".
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
scripts/deps.sh || exit 1
pass=0; fail=0
count() {  # count LOGFILE: add automake's PASS/FAIL/XPASS/ERROR totals
  local p f
  p=$(awk '/^# PASS:/ {n=$3} END {print n+0}' "$1")
  f=$(awk '/^# (FAIL|XPASS|ERROR):/ {n+=$3} END {print n+0}' "$1")
  pass=$((pass + p)); fail=$((fail + f))
}
run_suite() {  # run_suite DIR NAME configure-args...
  local dir=$1 name=$2; shift 2
  echo "== $name: build ($dir)"
  if ! scripts/build.sh "$dir" "$@"; then
    echo "$name: build FAILED"; fail=$((fail + 1)); return
  fi
  echo "== $name: make check"
  local rc=0
  make -C "$dir" -j"$(nproc)" check > "$dir/check.log" 2>&1 || rc=$?
  grep -E '^(FAIL|ERROR|XPASS)' "$dir/check.log" | head -50
  grep -E '^# (TOTAL|PASS|XFAIL|FAIL|XPASS|ERROR):' "$dir/check.log" | sed "s/^/   $name /"
  count "$dir/check.log"
  if [ $rc -ne 0 ] && ! grep -qE '^# (FAIL|ERROR|XPASS): *[1-9]' "$dir/check.log"; then
    # make check failed before or outside the tests (e.g. a test did not build)
    echo "$name: make check FAILED (exit $rc) outside any test:"; tail -n 15 "$dir/check.log"
    fail=$((fail + 1))
  fi
}
run_suite build normal --disable-viewer
# The sanitizer build also runs the debug arena (--enable-debug-arena): every
# free's size is checked and blocks live at VM teardown are reported.  (It was
# left out while heap classes leaked at teardown and float subclasses were
# freed with the wrong size; classes are now GC-tracked and subclass
# instances freed with their allocated size.)
run_suite build-san sanitizers --disable-viewer --enable-asan --enable-ubsan --enable-debug-arena
if [ -x fuzz/run-smoke.sh ]; then
  echo "== fuzz smoke"
  if fuzz/run-smoke.sh > build/fuzz-smoke.log 2>&1; then pass=$((pass + 1)); echo "fuzz smoke: ok"
  else fail=$((fail + 1)); echo "fuzz smoke: FAILED"; tail -30 build/fuzz-smoke.log; fi
fi
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
