#!/usr/bin/env bash
# demo.sh -- the main job: install what is missing, build, profile a bundled
# sample with `heaptrail run`, and print the report.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
scripts/deps.sh
scripts/build.sh build --disable-viewer
sample=${1:-samples/prealloc.py}
out=$(mktemp -d)/$(basename "${sample%.py}").heaptrail.db
echo "== heaptrail run $sample"
build/heaptrail run -o "$out" "$sample"
echo
echo "== heaptrail report $out"
build/heaptrail report "$out"
