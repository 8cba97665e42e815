#!/usr/bin/env bash
# run-lang.sh [PYDIR [EXPDIR]] -- the language tests, as TAP.  Each
# PYDIR/NAME.py (default tests/lang) runs on the VM (`heaptrail run
# --no-trace`) from inside PYDIR, and must give (expected files in EXPDIR,
# default PYDIR):
#   - stdout equal to NAME.out byte for byte,
#   - the exit status in NAME.rc (0 when there is no NAME.rc),
#   - when NAME.err exists, a last stderr line equal to it (the exception);
#   - when NAME.tb exists, the whole stderr equal to it (tracebacks with
#     their caret lines), directories removed from its File "..." paths;
#   - no report from the debug arena (a bad free, or blocks live at
#     teardown), in a build that has one.
# The expected files come from /usr/bin/python3: scripts/regen-lang.sh.
# Files starting with '_' are modules imported by tests, not tests.
# HT_LANG_FILTER=glob limits the run (e.g. HT_LANG_FILTER='text_*').
# PYDIR/PENDING lists tests of constructs the VM does not run yet, one
# "NAME  reason" per line: they are reported as TAP TODO (expected failures);
# one that passes is an unexpected pass, which fails the suite, so the list
# must shrink as the VM grows.
set -u
top_srcdir=${top_srcdir:-.}
top_builddir=${top_builddir:-.}
ht=$(cd "$top_builddir" && pwd)/heaptrail
pydir=${1:-tests/lang}
expdir=$(cd "$top_srcdir/${2:-$pydir}" && pwd) || exit 99
cd "$top_srcdir/$pydir" || exit 99
shopt -s nullglob
tests=()
for f in ${HT_LANG_FILTER:-*}.py; do
  case $f in _*) continue ;; esac
  tests+=("$f")
done
echo "1..${#tests[@]}"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0
for f in "${tests[@]}"; do
  n=$((n + 1)); name=${f%.py}; base=$expdir/$name
  timeout 30 "$ht" run --no-trace "$f" > "$tmp/out" 2> "$tmp/err" < /dev/null
  rc=$?
  want_rc=0; [ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
  why=""
  if ! cmp -s "$tmp/out" "$base.out"; then why="stdout differs"
  elif [ "$rc" != "$want_rc" ]; then why="exit status $rc, expected $want_rc"
  elif grep -q '^heaptrail: debug arena:' "$tmp/err"; then
    why="the debug arena reported: $(grep -m1 '^heaptrail: debug arena:' "$tmp/err")"
  elif [ -f "$base.err" ] && [ "$(tail -n 1 "$tmp/err")" != "$(cat "$base.err")" ]; then
    why="last stderr line differs"
  elif [ -f "$base.tb" ] && ! { sed 's|^\( *File "\)[^"]*/\([^"/]*"\)|\1\2|' "$tmp/err" > "$tmp/errn" &&
                                cmp -s "$tmp/errn" "$base.tb"; }; then
    why="stderr differs from $name.tb"
  fi
  todo=""
  [ -f PENDING ] && todo=$(awk -v n="$name" '$1 == n { $1 = ""; sub(/^ +/, ""); print; exit }' PENDING)
  [ -n "$todo" ] && todo=" # TODO $todo"
  if [ -z "$why" ]; then
    echo "ok $n - $name$todo"
  else
    echo "not ok $n - $name: $why$todo"
    diff "$base.out" "$tmp/out" | head -n 10 | sed 's/^/# /'
    tail -n 3 "$tmp/err" | sed 's/^/# stderr: /'
    case $why in *.tb) diff "$base.tb" "$tmp/errn" | head -n 10 | sed 's/^/# tb: /' ;; esac
  fi
done
