#!/usr/bin/env bash
# TAP: every call is a frame on the heap.  A recursion to depth D holds D
# frames at its deepest point: in a snapshot taken there by the script, and in
# the automatic peak snapshot of samples/recursion.py (factorial_inner(200):
# 200 factorial_inner frames, 199 step frames and the module's).
. "${top_srcdir:-.}/tests/graph/lib.sh"
echo "1..6"
cat > "$tmp/deep.py" <<'PY'
import heaptrail

def down(n):
    if n == 0:
        heaptrail.snapshot("deepest")
        return 0
    return 1 + down(n - 1)

print(down(37))
PY
ok 'run_py deep && [ "$(cat "$tmp/deep.out")" = 37 ]' "a recursion of 38 calls runs"
deepest=$(q "$tmp/deep.db" "SELECT id FROM snapshot WHERE label = 'deepest'")
ok '[ "$(q "$tmp/deep.db" "SELECT count(*) FROM snapshot_node WHERE snapshot = $deepest AND type = '"'"'frame'"'"' AND repr LIKE '"'"'down (%'"'"'")" = 38 ]' \
   "the snapshot at the deepest point holds the 38 frames of down()"
ok '[ "$(q "$tmp/deep.db" "SELECT count(*) FROM snapshot_root WHERE snapshot = $deepest AND kind = '"'"'frame'"'"'")" = 39 ]' \
   "each running frame (and the module's) is a root"
record recursion
"$ht" graph "$tmp/recursion.db" --at-peak --format json --max-nodes 100000 > "$tmp/peak.json"; rc=$?
ok '[ $rc = 0 ]' "graph --at-peak on recursion.py"
ok '[ "$(json "$tmp/peak.json" "sum(1 for x in r[\"nodes\"] if x.get(\"type\") == \"frame\")")" = 400 ]' \
   "the peak snapshot holds 400 frames: 200 factorial_inner, 199 step, the module"
ok '[ "$(json "$tmp/peak.json" "r[\"snapshot\"][\"seq\"] - r[\"peak\"][\"seq\"]")" = 1 ]' \
   "the peak snapshot was taken right after the peak's event"
