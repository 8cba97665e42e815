#!/usr/bin/env bash
# TAP: a reference cycle that only the cycle collector frees.  Before
# gc.collect() its lists are alive but no root reaches them ("unreached");
# the snapshot the collector takes (--snapshot-gc) lists them as garbage;
# after the collection they are gone.
. "${top_srcdir:-.}/tests/graph/lib.sh"
echo "1..7"
cat > "$tmp/cycle.py" <<'PY'
import gc, heaptrail

a = ["a"]
b = ["b", a]
a.append(b)
del a, b
heaptrail.snapshot("before")
print(gc.collect() >= 2)
heaptrail.snapshot("after")
PY
ok 'run_py cycle --snapshot-gc && [ "$(cat "$tmp/cycle.out")" = True ]' "record with --snapshot-gc"
db=$tmp/cycle.db
before=$(q "$db" "SELECT id FROM snapshot WHERE label = 'before'")
after=$(q "$db" "SELECT id FROM snapshot WHERE label = 'after'")
gcsnap=$(q "$db" "SELECT max(id) FROM snapshot WHERE trigger = 'gc' AND id < $after")
ids=$(q "$db" "SELECT group_concat(n.id) FROM snapshot_node n WHERE n.snapshot = $before AND n.type = 'list'
               AND n.reach = 'unreached' AND (n.repr = 'len 2')")
ok '[ "$(echo "$ids" | tr , "\n" | wc -l)" = 2 ]' "before gc.collect(): the two lists of the cycle are unreached ($ids)"
x=${ids%%,*}; y=${ids##*,}
ok '[ "$(q "$db" "SELECT count(*) FROM snapshot_edge WHERE snapshot = $before AND ((src = $x AND dst = $y) OR (src = $y AND dst = $x))")" = 2 ]' \
   "the snapshot has the cycle's two edges"
ok '[ -n "$gcsnap" ] && [ "$(q "$db" "SELECT count(*) FROM snapshot_node WHERE snapshot = $gcsnap AND id IN ($ids) AND reach = '"'"'garbage'"'"'")" = 2 ]' \
   "the collector's snapshot lists both as garbage"
ok '[ "$(q "$db" "SELECT count(*) FROM snapshot_node WHERE snapshot = $after AND id IN ($ids)")" = 0 ]' \
   "after the collection they are gone"
"$ht" why "$db" "$x" --snapshot "$gcsnap" > "$tmp/why.txt"; rc=$?
ok '[ $rc = 0 ] && grep -q "^reach: garbage" "$tmp/why.txt" && grep -q "garbage found unreachable by the cycle collector" "$tmp/why.txt"' \
   "why names the collector as what found it"
ok '[ "$(q "$db" "SELECT free_seq > (SELECT seq FROM snapshot WHERE id = $gcsnap) FROM object WHERE id = $x")" = 1 ]' \
   "the event log frees them after the collector's snapshot"
