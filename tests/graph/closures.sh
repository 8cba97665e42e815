#!/usr/bin/env bash
# TAP: samples/closures.py -- the five closures of make_multiplier_of keep
# five cells alive at exit; `heaptrail why` on one of them shows the path from
# global 'multipliers' through __closure__[0]; the graph at the peak renders
# with graphviz's dot.
. "${top_srcdir:-.}/tests/graph/lib.sh"
echo "1..12"
ok 'record closures' "heaptrail run samples/closures.py"
db=$tmp/closures.db
exit_id=$(q "$db" "SELECT id FROM snapshot WHERE trigger = 'exit'")
ok '[ -n "$exit_id" ]' "an exit snapshot is stored"
ok '[ "$(q "$db" "SELECT count(*) FROM events WHERE kind = 6")" -ge 1 ]' \
   "each snapshot sits on the timeline as a SNAPSHOT event"
# the list bound to global 'multipliers' at exit
lst=$(q "$db" "SELECT e.dst FROM snapshot_root r JOIN snapshot_edge e ON e.snapshot = r.snapshot
               AND e.src = r.dst WHERE r.snapshot = $exit_id AND r.kind = 'globals'
               AND r.name = '__main__' AND e.label = 'key ''multipliers'''")
ok '[ -n "$lst" ] && [ "$lst" -gt 0 ]' "global 'multipliers' is an edge of __main__'s globals (object $lst)"
"$ht" graph "$db" --root "$lst" --format json --max-nodes 100000 > "$tmp/root.json"; rc=$?
ok '[ $rc = 0 ]' "graph --root the list --format json"
ok '[ "$(json "$tmp/root.json" "sum(1 for x in r[\"nodes\"] if x.get(\"type\") == \"cell\")")" = 5 ]' \
   "five cells are reachable from global 'multipliers' at exit"
ok '[ "$(json "$tmp/root.json" "sorted(x[\"repr\"] for x in r[\"nodes\"] if x.get(\"type\") == \"cell\")")" = "['"'"'0'"'"', '"'"'1'"'"', '"'"'2'"'"', '"'"'3'"'"', '"'"'4'"'"']" ]' \
   "the cells hold 0 1 2 3 4"
# the cell of multipliers[0]: list [0] -> function __closure__[0] -> cell
cell=$(q "$db" "SELECT c.dst FROM snapshot_edge f JOIN snapshot_edge c ON c.snapshot = f.snapshot
                AND c.src = f.dst WHERE f.snapshot = $exit_id AND f.src = $lst AND f.label = '[0]'
                AND c.label = '__closure__[0]'")
"$ht" why "$db" "$cell" > "$tmp/why.txt"; rc=$?
ok '[ $rc = 0 ] && grep -q "^  global '"'"'multipliers'"'"' → list\[0\] → function multiplier → __closure__\[0\] → cell 0$" "$tmp/why.txt"' \
   "why prints global 'multipliers' → list[0] → function multiplier → __closure__[0] → cell 0"
ok 'grep -q "^retained size: 24 B in 1 object (immediate dominator: #[0-9]* function multiplier)" "$tmp/why.txt"' \
   "why gives the retained size from the dominator tree"
"$ht" why "$db" "$cell" --format json > "$tmp/why.json"
ok '[ "$(json "$tmp/why.json" "r[\"paths\"][0][\"root\"] + \" | \" + r[\"paths\"][0][\"steps\"][2][\"label\"] + \" | \" + r[\"object\"][\"type\"]")" = "global '"'"'multipliers'"'"' | __closure__[0] | cell" ]' \
   "why --format json: the same path, step by step"
if command -v dot > /dev/null 2>&1; then
  "$ht" graph "$db" --at-peak --format dot > "$tmp/peak.dot" 2> "$tmp/peak.err"; rc=$?
  ok '[ $rc = 0 ] && dot -Tsvg "$tmp/peak.dot" > "$tmp/peak.svg" && grep -q "<svg" "$tmp/peak.svg"' \
     "the graph at the peak, as DOT, renders with dot -Tsvg"
  ok 'grep -q "label=\"global '"'"'make_multiplier_of'"'"'\"" "$tmp/peak.dot" && grep -q "global &#39;make_multiplier_of&#39;" "$tmp/peak.svg" && grep -q "peak of live object bytes" "$tmp/peak.dot"' \
     "the rendered peak graph names its roots and says which moment it shows"
else
  ok true "# SKIP graphviz dot is not installed"
  ok true "# SKIP graphviz dot is not installed"
fi
