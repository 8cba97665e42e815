#!/usr/bin/env bash
# TAP: a script that raises, has a syntax error, hits the recursion limit or
# runs out of memory exits 1 with CPython's last line on stderr, and still
# leaves a complete, valid profile (meta finished=1, integrity ok, its events
# readable).
set -u
ht=$(cd "${top_builddir:-.}" && pwd)/heaptrail
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
printf 'x = [1, 2]\nprint("start")\nraise ValueError("bad value")\n' > "$tmp/raises.py"
printf 'print("never")\nx = (1 +\n' > "$tmp/syntax.py"
printf 'def f(n):\n    return f(n + 1)\nf(0)\n' > "$tmp/recursion.py"
printf 'print("start")\nx = [0] * (10 ** 12)\n' > "$tmp/nomem.py"
cases="raises:ValueError: bad value
syntax:SyntaxError: '(' was never closed
recursion:RecursionError: maximum recursion depth exceeded
nomem:MemoryError"
echo "1..16"
n=0
while IFS= read -r c; do
  name=${c%%:*}; want=${c#*:}
  "$ht" run -o "$tmp/$name.db" "$tmp/$name.py" > "$tmp/$name.out" 2> "$tmp/$name.err"
  rc=$?
  n=$((n + 1)); [ $rc = 1 ] && echo "ok $n - $name exits 1" || echo "not ok $n - $name exits $rc"
  last=$(tail -n 1 "$tmp/$name.err")
  n=$((n + 1)); [ "$last" = "$want" ] && echo "ok $n - $name: $want" || echo "not ok $n - $name: stderr ends '$last'"
  fin=$("$ht" sql "$tmp/$name.db" "SELECT value FROM meta WHERE key = 'finished'" 2>&1)
  n=$((n + 1)); [ "$fin" = 1 ] && echo "ok $n - $name: profile finished" || echo "not ok $n - $name: finished='$fin'"
  chk=$("$ht" sql "$tmp/$name.db" "SELECT (SELECT count(*) FROM events WHERE kind = 0) > 0 AND (SELECT integrity_check FROM pragma_integrity_check) = 'ok'" 2>&1)
  n=$((n + 1)); [ "$chk" = 1 ] && echo "ok $n - $name: profile valid with events" || echo "not ok $n - $name: '$chk'"
done <<< "$cases"
