#!/usr/bin/env bash
# TAP: suspended generators hold their frames (samples/generator_frames.py).
# The sample keeps N = 200 generators, each advanced to its first yield,
# between the marks "before" and "held", then drops them before "after".
# In the profile, the GENERATOR and FRAME blocks live at "held" must be
# exactly N more than at "before", and at "after" back to the "before"
# count: every generator and its frame freed.
set -u
ht=$(cd "${top_builddir:-.}" && pwd)/heaptrail
src=$(cd "${top_srcdir:-.}" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
N=200
echo "1..5"
if "$ht" run -o "$tmp/g.db" "$src/samples/generator_frames.py" > "$tmp/out"; then
  echo "ok 1 - heaptrail run samples/generator_frames.py"
else
  echo "not ok 1 - heaptrail run samples/generator_frames.py failed"
fi
# live TAG MARK: blocks of TAG alive at the MARK event.
live() {
  "$ht" sql "$tmp/g.db" "SELECT count(*) FROM object o, mark m
    WHERE m.label = '$2' AND o.tag = (SELECT id FROM tag WHERE name = '$1')
      AND o.alloc_seq <= m.seq AND (o.free_seq IS NULL OR o.free_seq > m.seq)"
}
n=1
for tag in generator frame; do
  before=$(live "$tag" before); held=$(live "$tag" held); after=$(live "$tag" after)
  n=$((n + 1))
  if [ -n "$before" ] && [ -n "$held" ] && [ $((held - before)) -eq $N ]; then
    echo "ok $n - $N more $tag blocks live while held ($before -> $held)"
  else
    echo "not ok $n - $tag blocks: '$before' before, '$held' held; expected $N more"
  fi
  n=$((n + 1))
  if [ -n "$after" ] && [ "$after" = "$before" ]; then
    echo "ok $n - every held $tag block freed after the drop ($after live)"
  else
    echo "not ok $n - $tag blocks: '$after' after the drop, expected '$before'"
  fi
done
