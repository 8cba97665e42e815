#!/usr/bin/env bash
# TAP: closures.py -- the five closures of make_multiplier_of keep five cells
# alive until exit, and the report says so (closure retention); the leak
# report lists them by site, kept alive by the closures (retainer path from
# the exit snapshot).  inner_vs_outer.py keeps no cell: no finding.
#
# "Exit" is the heaptrail:teardown mark the VM logs before tearing the
# interpreter down; the profile must have it.
. "${top_srcdir:-.}/tests/analysis/lib.sh"
echo "1..8"
ok 'record closures' "heaptrail run samples/closures.py"
marked=$("$ht" sql "$tmp/closures.db" "SELECT count(*) FROM mark WHERE label = 'heaptrail:teardown'")
ok '[ "$marked" = 1 ]' "the VM logged the heaptrail:teardown mark"
"$ana" report "$tmp/closures.db" --format json > "$tmp/r.json"; rc=$?
ok '[ $rc = 0 ]' "report --format json"
ret='[(f["qualname"], f["count"], f["along_count"] >= 5) for f in r["findings"] if f["kind"] == "closure-retention"]'
ok '[ "$(json "$tmp/r.json" "$ret")" = "[('"'"'make_multiplier_of'"'"', 5, True)]" ]' \
   "retention: 5 cells of make_multiplier_of alive at exit, with their closures"
"$ana" leaks "$tmp/closures.db" --format json > "$tmp/l.json"; rc=$?
ok '[ $rc = 0 ]' "leaks --format json"
cells='sum(g["count"] for g in r["leaked"]["groups"] if g["tag"] == "cell" and g["stack"][0]["qualname"] == "make_multiplier_of")'
ok '[ "$(json "$tmp/l.json" "$cells")" = 5 ]' "leaks at exit: 5 cells from make_multiplier_of"
cellpath='[(g["class"], g["retainer"]["text"]) for g in r["leaked"]["groups"] if g["tag"] == "cell"]'
ok '[ "$(json "$tmp/l.json" "r[\"retainers_available\"]")" = True ] && json "$tmp/l.json" "$cellpath" | grep -q "kept.*global .*function multiplier → __closure__\[0\] → cell"' \
   "leaks: the cells are kept alive by the closures, with a retainer path ($(json "$tmp/l.json" "$cellpath"))"
record inner_vs_outer
"$ana" report "$tmp/inner_vs_outer.db" --format json > "$tmp/i.json"
ok '[ "$(json "$tmp/i.json" "$ret")" = "[]" ]' "inner_vs_outer.py: no retention finding"
