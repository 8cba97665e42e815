#!/usr/bin/env bash
# TAP: inner_vs_outer.py -- functionA's inner def makes one FUNCTION per call
# (1000 calls: 1000 allocations at line 7, at most 1 alive at a time) and the
# report flags it as per-call churn; functionB makes none and is not flagged.
# closures.py keeps its 5 closures, recursion.py holds its inner functions
# down the recursion: neither is churn.
. "${top_srcdir:-.}/tests/analysis/lib.sh"
echo "1..9"
ok 'record inner_vs_outer' "heaptrail run samples/inner_vs_outer.py"
"$ana" report "$tmp/inner_vs_outer.db" --format json > "$tmp/r.json"; rc=$?
ok '[ $rc = 0 ]' "report --format json"
fn_allocs() {   # FUNCTION objects allocated with QUALNAME's frame innermost
  "$ht" sql "$tmp/inner_vs_outer.db" "SELECT coalesce(sum(s.allocs), 0) FROM site s
    JOIN stack k ON k.id = s.stack JOIN code c ON c.id = k.code
    WHERE s.tag = (SELECT id FROM tag WHERE name = 'function') AND c.qualname = '$1'$2"
}
ok '[ "$(fn_allocs functionA " AND k.line = 7")" = 1000 ]' "1000 calls: 1000 function objects at functionA line 7"
ok '[ "$(fn_allocs functionB "")" = 0 ]' "functionB makes no function object"
churn='[(f["qualname"], f["line"], f["count"], f["max_alive"]) for f in r["findings"] if f["kind"] == "per-call-churn"]'
ok '[ "$(json "$tmp/r.json" "$churn")" = "[('"'"'functionA'"'"', 7, 1000, 1)]" ]' \
   "churn finding: functionA line 7, 1000 allocations, at most 1 alive ($(json "$tmp/r.json" "$churn"))"
ok '! json "$tmp/r.json" "r[\"findings\"]" | grep -q functionB' "no finding names functionB"
"$ana" report "$tmp/inner_vs_outer.db" > "$tmp/r.txt"
ok 'grep -q "inner_vs_outer.py:7 in functionA: per-call churn: 1000 function objects" "$tmp/r.txt"' \
   "text report names inner_vs_outer.py:7"
record closures
record recursion
"$ana" report "$tmp/closures.db" --format json > "$tmp/c.json"
"$ana" report "$tmp/recursion.db" --format json > "$tmp/rec.json"
count='len([f for f in r["findings"] if f["kind"] == "per-call-churn"])'
ok '[ "$(json "$tmp/c.json" "$count")" = 0 ]' "closures.py (5 closures kept): no churn finding"
ok '[ "$(json "$tmp/rec.json" "$count")" = 0 ]' "recursion.py (inner functions alive down the recursion): no churn finding"
