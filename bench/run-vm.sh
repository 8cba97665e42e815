#!/usr/bin/env bash
# run-vm.sh [BUILD_DIR [RUNS]] -- time the VM workloads in bench/vm/ under
# /usr/bin/python3 (Debian's CPython 3.11.2), the untraced VM
# (`heaptrail run --no-trace`) and the traced VM (`heaptrail run`, default
# options: exit and peak snapshots on).  Each measure is the best of RUNS
# (default 5) runs, and the three commands of a workload run back to back,
# round after round, so they see the same machine load.  Two figures per
# command: wall-clock seconds and CPU seconds (user + sys, all threads).
# On a loaded machine trust the CPU ratios; the traced run uses a second
# thread (the writer), so its CPU can exceed its wall time on an idle machine.
# Prints markdown tables of seconds and ratios.  A benchmark, never a test.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
runs=${2:-5}
ht=$build/heaptrail
py=/usr/bin/python3
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# measure OUT CMD...: append "wall cpu" of one run of CMD to file OUT.
measure() {
  local out=$1; shift
  /usr/bin/time -f "%e %U %S" -o "$tmp/t" "$@" > /dev/null 2>&1
  awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$tmp/t" >> "$out"
}
# best FILE COLUMN: smallest value of COLUMN (1 wall, 2 cpu) in FILE.
best() { awk -v c="$2" 'NR == 1 || $c < b { b = $c } END { printf "%.2f", b }' "$1"; }

echo "uptime: $(uptime)"
echo "runs: best of $runs; CPU = user + sys seconds; wall = elapsed seconds"
echo
echo "| workload | python3 cpu | VM cpu | traced cpu | VM/python3 cpu | traced/VM cpu | python3 wall | VM wall | traced wall | VM/python3 wall | traced/VM wall |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for f in "$top"/bench/vm/*.py; do
  name=$(basename "$f" .py)
  : > "$tmp/p"; : > "$tmp/u"; : > "$tmp/t2"
  for _ in $(seq "$runs"); do
    measure "$tmp/p" "$py" "$f"
    measure "$tmp/u" "$ht" run --no-trace "$f"
    rm -f "$tmp/$name.db"
    measure "$tmp/t2" "$ht" run -o "$tmp/$name.db" "$f"
  done
  pc=$(best "$tmp/p" 2); uc=$(best "$tmp/u" 2); tc=$(best "$tmp/t2" 2)
  pw=$(best "$tmp/p" 1); uw=$(best "$tmp/u" 1); tw=$(best "$tmp/t2" 1)
  awk -v n="$name" -v pc="$pc" -v uc="$uc" -v tc="$tc" -v pw="$pw" -v uw="$uw" -v tw="$tw" '
    function r(a, b) { return b > 0 ? sprintf("%.2f", a / b) : "-" }
    BEGIN { printf "| %s | %.2f | %.2f | %.2f | %s | %s | %.2f | %.2f | %.2f | %s | %s |\n",
            n, pc, uc, tc, r(uc, pc), r(tc, uc), pw, uw, tw, r(uw, pw), r(tw, uw) }'
done
