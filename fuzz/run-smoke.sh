#!/bin/sh
# run-smoke.sh [SECONDS] -- build the front-end fuzz targets with clang
# (-fsanitize=fuzzer,address) and run each on a copy of the seed corpus.
#
#   fuzz-frontend: parser + symbol table, arena on malloc (ASan sees all AST
#                  memory); gets 1/3 of the time;
#   fuzz-compile:  the whole compile_module() on a VM; gets 2/3.
#
# The libraries are built with -DHT_ARENA_NO_INLINE so that the front end's
# ht_alloc/ht_free are calls the malloc-backed target can replace.
#
# SECONDS (default 30) is the total.  The build goes to $FUZZ_BUILDDIR
# (default ./fuzz-build) and is reused when present.  Exits non-zero when a
# target crashes; the crashing input is left in $FUZZ_BUILDDIR/artifacts.
set -eu
total=${1:-30}
srcdir=$(cd "$(dirname "$0")/.." && pwd)
build=${FUZZ_BUILDDIR:-$PWD/fuzz-build}
clang=${CLANG:-clang}
mkdir -p "$build"
build=$(cd "$build" && pwd)
cd "$build"
if [ ! -f Makefile ]; then
  "$srcdir/configure" --disable-viewer -q CC="$clang" \
    CFLAGS="-g -O1 -fsanitize=address,fuzzer-no-link -fno-omit-frame-pointer -DHT_ARENA_NO_INLINE"
fi
make -j"$(nproc 2>/dev/null || echo 2)" libhtvm.la libheaptrail.la >/dev/null
libs=$(sed -n 's/^\(JEMALLOC_LIBS\|UNWIND_LIBS\|SQLITE_LIBS\|PTHREAD_LIBS\) = //p' Makefile | tr '\n' ' ')
inc="-I. -I$srcdir -I$srcdir/alloc -I$srcdir/vm"
cflags="-g -O1 -fsanitize=address,fuzzer -fno-omit-frame-pointer -DHT_ARENA_NO_INLINE"
$clang $cflags $inc -o fuzz-compile "$srcdir/fuzz/fuzz-compile.c" \
  .libs/libhtvm.a .libs/libheaptrail.a $libs -lm
$clang $cflags $inc -DFUZZ_FRONTEND_ONLY -o fuzz-frontend "$srcdir/fuzz/fuzz-compile.c" \
  "$srcdir/vm/ast.c" "$srcdir/vm/lexer.c" "$srcdir/vm/parser.c" "$srcdir/vm/symtable.c"
rm -rf corpus artifacts
mkdir -p corpus artifacts
cp "$srcdir"/fuzz/corpus/* corpus/
t1=$((total / 3)); [ "$t1" -ge 1 ] || t1=1
t2=$((total - t1)); [ "$t2" -ge 1 ] || t2=1
status=0
./fuzz-frontend -max_total_time="$t1" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=artifacts/ -print_final_stats=1 corpus || status=1
./fuzz-compile -max_total_time="$t2" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=artifacts/ -print_final_stats=1 corpus || status=1
exit $status
