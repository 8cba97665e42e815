#!/usr/bin/env bash
# TAP: list_growth.py appends 100 items; python3 says the list grew 11 times
# (tests/samples/list_growth.out), so the report's growth finding counts 11
# reallocations at line 9.  prealloc.py grows no list: no growth finding.
. "${top_srcdir:-.}/tests/analysis/lib.sh"
echo "1..5"
want=$(sed -n 's/^reallocations: //p' "$src/tests/samples/list_growth.out")
ok 'record list_growth' "heaptrail run samples/list_growth.py"
"$ana" report "$tmp/list_growth.db" --format json > "$tmp/r.json"
growth='[(f["line"], f["count"]) for f in r["findings"] if f["kind"] == "list-growth"]'
ok '[ "$(json "$tmp/r.json" "$growth")" = "[(9, $want)]" ]' \
   "growth finding: line 9, $want reallocations ($(json "$tmp/r.json" "$growth"))"
"$ana" report "$tmp/list_growth.db" > "$tmp/r.txt"
ok 'grep -q "list_growth.py:9 in <module>: list growth: list item arrays were reallocated $want times" "$tmp/r.txt"' \
   "text report names list_growth.py:9"
ok 'record prealloc' "heaptrail run samples/prealloc.py"
"$ana" report "$tmp/prealloc.db" --format json > "$tmp/p.json"
ok '[ "$(json "$tmp/p.json" "$growth")" = "[]" ]' "prealloc.py: no growth finding"
