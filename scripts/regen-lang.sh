#!/usr/bin/env bash
# regen-lang.sh [--check] [--dir PYDIR EXPDIR] [NAME.py ...] -- produce the expected outputs of the
# language tests by running them with CPython 3.11 (/usr/bin/python3), from
# inside tests/lang/.  Writes NAME.out (stdout), NAME.err (last stderr line,
# when the script writes to stderr) and NAME.rc (exit status, when nonzero);
# for tests named tb_*, also NAME.tb: the whole stderr (tracebacks and their
# caret lines) with the directories removed from its File "..." paths.
# With --check, writes nothing and prints TAP: each expected file must equal
# what python3 produces now (CI runs this, so no expectation comes from memory).
set -u
PY=${PYTHON3_REF:-/usr/bin/python3}
top=$(cd "$(dirname "$0")/.." && pwd)
check=0
[ "${1:-}" = --check ] && { check=1; shift; }
pydir=tests/lang; expdir=tests/lang
[ "${1:-}" = --dir ] && { pydir=$2; expdir=$3; shift 3; }
mkdir -p "$top/$expdir"; expdir=$(cd "$top/$expdir" && pwd)
cd "$top/$pydir" || exit 99
if [ $# -gt 0 ]; then files=("$@"); else files=(); for f in *.py; do case $f in _*) ;; *) files+=("$f");; esac; done; fi
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
[ $check = 1 ] && echo "1..${#files[@]}"
n=0; bad=0
for f in "${files[@]}"; do
  n=$((n + 1)); base=$expdir/${f%.py}
  PYTHONHASHSEED=0 timeout 60 "$PY" "$f" > "$tmp/out" 2> "$tmp/err" < /dev/null
  rc=$?
  if [ $check = 1 ]; then
    ok=1
    cmp -s "$tmp/out" "$base.out" || ok=0
    want_rc=0; [ -f "$base.rc" ] && want_rc=$(cat "$base.rc")
    [ "$rc" = "$want_rc" ] || ok=0
    if [ -s "$tmp/err" ]; then [ "$(tail -n 1 "$tmp/err")" = "$(cat "$base.err" 2>/dev/null)" ] || ok=0
    else [ ! -f "$base.err" ] || ok=0; fi
    case ${f##*/} in tb_*)
      sed 's|^\( *File "\)[^"]*/\([^"/]*"\)|\1\2|' "$tmp/err" | cmp -s - "$base.tb" || ok=0 ;;
    esac
    if [ $ok = 1 ]; then echo "ok $n - ${f%.py} matches python3"
    else echo "not ok $n - ${f%.py}: expected files differ from python3's output"; bad=1; fi
  else
    cp "$tmp/out" "$base.out"
    if [ -s "$tmp/err" ]; then tail -n 1 "$tmp/err" > "$base.err"; else rm -f "$base.err"; fi
    if [ "$rc" != 0 ]; then echo "$rc" > "$base.rc"; else rm -f "$base.rc"; fi
    case ${f##*/} in tb_*) sed 's|^\( *File "\)[^"]*/\([^"/]*"\)|\1\2|' "$tmp/err" > "$base.tb" ;; esac
  fi
done
exit $bad
