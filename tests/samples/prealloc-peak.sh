#!/usr/bin/env bash
# TAP: the preallocation-vs-reassignment pattern shows in the profile.
# samples/prealloc.py reassigns an 8 MB array in a loop; its peak of live
# ARRAY bytes must hold 4 buffers, and prealloc_del.py (del before the
# reassignment) only 3.  Each array is one block: 8,000,000 data bytes plus
# a small header, so the peak must lie in [k*8e6, k*8e6 + k*4096).
set -u
ht=$(cd "${top_builddir:-.}" && pwd)/heaptrail
src=$(cd "${top_srcdir:-.}" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
peak_sql="WITH d AS (SELECT seq, CASE kind WHEN 0 THEN size WHEN 1 THEN -size ELSE 0 END AS delta
  FROM events WHERE tag = (SELECT id FROM tag WHERE name = 'array') AND kind IN (0, 1, 2))
  SELECT max(live) FROM (SELECT sum(delta) OVER (ORDER BY seq) AS live FROM d)"
echo "1..4"
n=0
for pair in prealloc:4 prealloc_del:3; do
  s=${pair%:*}; k=${pair#*:}
  n=$((n + 1))
  if "$ht" run -o "$tmp/$s.db" "$src/samples/$s.py" > /dev/null; then
    echo "ok $n - heaptrail run samples/$s.py"
  else
    echo "not ok $n - heaptrail run samples/$s.py failed"
  fi
  n=$((n + 1))
  peak=$("$ht" sql "$tmp/$s.db" "$peak_sql")
  lo=$((k * 8000000)); hi=$((k * 8000000 + k * 4096))
  if [ -n "$peak" ] && [ "$peak" -ge "$lo" ] && [ "$peak" -lt "$hi" ]; then
    echo "ok $n - $s peaks at $k arrays ($peak bytes)"
  else
    echo "not ok $n - $s peak of ARRAY bytes is '$peak', expected $k x 8 MB"
  fi
done
