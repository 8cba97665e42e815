#!/usr/bin/env bash
# run-vm.sh [BUILD_DIR] -- time the VM workloads in bench/vm/ under
# /usr/bin/python3 (Debian's CPython 3.11.2), the untraced VM and the traced
# VM; best of 3 wall-clock runs each.  Prints a markdown table of seconds and
# ratios (VM/python3, traced/untraced).  A benchmark, never a test.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
ht=$build/heaptrail
py=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
best() {  # best CMD...: best wall time of 3 runs, seconds
  local b="" t
  for _ in 1 2 3; do
    t=$( { TIMEFORMAT=%R; time "$@" > /dev/null 2>&1; } 2>&1 )
    if [ -z "$b" ] || awk "BEGIN{exit !($t < $b)}"; then b=$t; fi
  done
  echo "$b"
}
echo "| workload | python3 s | VM untraced s | VM traced s | untraced/python3 | traced/untraced |"
echo "|---|---|---|---|---|---|"
for f in "$top"/bench/vm/*.py; do
  name=$(basename "$f" .py)
  p=$(best "$py" "$f")
  u=$(best "$ht" run --no-trace "$f")
  t=$(best "$ht" run -o "$tmp/$name.db" "$f")
  awk -v n="$name" -v p="$p" -v u="$u" -v t="$t" 'BEGIN {
    printf "| %s | %.2f | %.2f | %.2f | %.2f | %.2f |\n", n, p, u, t, (p > 0 ? u / p : 0), (u > 0 ? t / u : 0) }'
done
