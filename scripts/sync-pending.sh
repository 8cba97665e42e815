#!/usr/bin/env bash
# sync-pending.sh BUILD_DIR -- rewrite tests/lang/PENDING from a run of the
# language tests: a pending test that now passes leaves the list; a failing
# test whose VM error is an unsupported construct (NotImplementedError, or a
# missing module) joins it with that message as the reason.  Other failures
# (wrong output) are printed and NOT listed: they are bugs to fix.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:?usage: sync-pending.sh BUILD_DIR}" && pwd)
[ -x "$build/heaptrail" ] || { echo "sync-pending: no $build/heaptrail" >&2; exit 1; }
cd "$top/tests/lang"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
: > "$tmp/pending"
for f in *.py; do
  case $f in _*) continue ;; esac
  name=${f%.py}
  timeout 30 "$build/heaptrail" run --no-trace "$f" > "$tmp/out" 2> "$tmp/err" < /dev/null
  rc=$?
  want_rc=0; [ -f "$name.rc" ] && want_rc=$(cat "$name.rc")
  ok=1
  cmp -s "$tmp/out" "$name.out" || ok=0
  [ "$rc" = "$want_rc" ] || ok=0
  [ -f "$name.err" ] && [ "$(tail -n 1 "$tmp/err")" != "$(cat "$name.err")" ] && ok=0
  [ $ok = 1 ] && continue
  reason=$(grep -m1 -oE "(NotImplementedError|ModuleNotFoundError): .*" "$tmp/err" | sed 's/ (.*line [0-9]*)$//')
  if [ -n "$reason" ]; then
    printf '%-40s %s\n' "$name" "$reason" >> "$tmp/pending"
  else
    echo "BUG (wrong output, not pending): $name" >&2
  fi
done
cp "$tmp/pending" PENDING
echo "$(wc -l < PENDING) pending"
