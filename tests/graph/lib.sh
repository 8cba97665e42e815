# lib.sh -- sourced by the tests/graph/*.sh TAP scripts.
#
# Sets $ht (the heaptrail program), $src (the source tree), $tmp (a scratch
# folder removed at exit) and $py (python3, to read JSON).  Helpers:
#   record NAME [OPTS]  heaptrail run OPTS samples/NAME.py -> $tmp/NAME.db (run
#                       from a copy in $tmp, so file names in the profile are short)
#   run_py NAME [OPTS]  the same for $tmp/NAME.py, written by the test
#   ok COND MSG         print one TAP line; COND is a shell command
#   json FILE EXPR      evaluate the Python expression EXPR with r = the JSON in
#                       FILE, print the result
#   q DB SQL            one value from the profile (heaptrail sql)
set -u
ht=$(cd "${top_builddir:-.}" && pwd)/heaptrail
src=$(cd "${top_srcdir:-.}" && pwd)
py=${PYTHON3:-python3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
n=0
if ! command -v "$py" > /dev/null 2>&1; then
  echo "1..0 # SKIP no python3 to read the JSON outputs"
  exit 0
fi

run_py() {
  name=$1; shift
  (cd "$tmp" && timeout 120 "$ht" run "$@" -o "$name.db" "$name.py" > "$name.out" 2> "$name.err")
}

record() {
  name=$1; shift
  cp "$src/samples/$name.py" "$tmp/$name.py"
  run_py "$name" "$@"
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

q() { "$ht" sql "$1" "$2"; }
