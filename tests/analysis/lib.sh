# lib.sh -- sourced by the tests/analysis/*.sh TAP scripts.
#
# Sets $ht (the heaptrail program), $ana (what runs report/leaks/flame/diff:
# heaptrail itself, or tests/analysis/ht-analysis while vm/main.c does not
# dispatch those commands yet), $src (the source tree), $tmp (a scratch
# folder removed at exit) and $py (python3, to read JSON).  Helpers:
#   record NAME       heaptrail run samples/NAME.py -> $tmp/NAME.db (from a
#                     copy in $tmp, so file names in the profile are short)
#   ok COND MSG       print one TAP line; COND is a shell command
#   json FILE EXPR    evaluate the Python expression EXPR with r = the JSON
#                     in FILE, print the result
set -u
ht=$(cd "${top_builddir:-.}" && pwd)/heaptrail
src=$(cd "${top_srcdir:-.}" && pwd)
py=${PYTHON3:-python3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0
if "$ht" report --help > /dev/null 2>&1; then
  ana=$ht
else
  ana=$(cd "${top_builddir:-.}" && pwd)/tests/analysis/ht-analysis
  echo "# heaptrail does not dispatch 'report' yet (vm/main.c); using tests/analysis/ht-analysis"
fi
if ! command -v "$py" > /dev/null 2>&1; then
  echo "1..0 # SKIP no python3 to read the JSON outputs"
  exit 0
fi

record() {
  cp "$src/samples/$1.py" "$tmp/$1.py"
  (cd "$tmp" && timeout 60 "$ht" run -o "$1.db" "$1.py" > "$1.out" 2> "$1.err")
}

ok() {
  n=$((n + 1))
  if eval "$1"; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi
}

json() {
  "$py" -c "import json, sys
r = json.load(open(sys.argv[1]))
print($2)" "$1"
}
