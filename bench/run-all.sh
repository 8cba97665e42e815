#!/usr/bin/env bash
# run-all.sh -- build an optimised tree in build-bench/ and run every
# benchmark (`make bench`): the arena, the recorder, the VM workloads.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
scripts/build.sh build-bench --disable-viewer
make -C build-bench -s bench
