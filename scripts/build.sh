#!/usr/bin/env bash
# build.sh [DIR [configure args...]] -- bootstrap, configure and build heaptrail
# out of tree in DIR (default: build/).  Safe to run again: it only redoes
# what changed.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-build}; shift || true
cd "$top"
if [ ! -x configure ] || [ configure.ac -nt configure ]; then
  autoreconf -fi >/dev/null 2>&1 || { autoreconf -fi; exit 1; }
fi
mkdir -p "$dir"
cd "$dir"
want="$*"
if [ ! -f Makefile ] || [ "$(cat .ht-configure-args 2>/dev/null)" != "$want" ]; then
  "$top/configure" -q "$@"
  echo "$want" > .ht-configure-args
fi
make -j"$(nproc)" -s >/dev/null 2>make.err || { cat make.err; exit 1; }
