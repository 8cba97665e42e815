#!/usr/bin/env bash
# TAP: prealloc.py peaks at 4 arrays and prealloc_del.py at 3; the advice
# names the reassignment line (11) in prealloc.py only; diff shows the 8 MB
# between the two peaks and the overlap at line 11 in prealloc.py alone; the
# flame graph at the peak has the array of line 11.
. "${top_srcdir:-.}/tests/analysis/lib.sh"
echo "1..14"
ok 'record prealloc' "heaptrail run samples/prealloc.py"
ok 'record prealloc_del' "heaptrail run samples/prealloc_del.py"
"$ana" report "$tmp/prealloc.db" --format json > "$tmp/a.json"; rc=$?
ok '[ $rc = 0 ]' "report --format json on prealloc"
"$ana" report "$tmp/prealloc_del.db" --format json > "$tmp/b.json"
arrays='[t["at_peak_count"] for t in r["tags"] if t["tag"] == "array"][0]'
ok '[ "$(json "$tmp/a.json" "$arrays")" = 4 ]' "prealloc: 4 arrays alive at the object peak"
ok '[ "$(json "$tmp/b.json" "$arrays")" = 3 ]' "prealloc_del: 3 arrays alive at the object peak"
ok '[ "$(json "$tmp/a.json" "r[\"peak\"][\"objects\"][\"stack\"][0][\"line\"]")" = 11 ]' \
   "prealloc: the peak is reached at line 11"
rebind='[(f["line"], 7990000 <= f["bytes"] <= 8004096) for f in r["findings"] if f["kind"] == "rebinding-overlap"]'
ok '[ "$(json "$tmp/a.json" "$rebind")" = "[(11, True)]" ]' \
   "prealloc: rebinding overlap at line 11, del saves one 8 MB array"
ok '[ "$(json "$tmp/b.json" "$rebind")" = "[]" ]' "prealloc_del: no rebinding overlap"
"$ana" report "$tmp/prealloc.db" > "$tmp/a.txt"
ok 'grep -q "prealloc.py:11 in <module>: rebinding overlap: a new 8.0 MB array" "$tmp/a.txt"' \
   "text report names prealloc.py:11 and 8.0 MB"
"$ana" diff "$tmp/prealloc.db" "$tmp/prealloc_del.db" --format json > "$tmp/d.json"; rc=$?
ok '[ $rc = 0 ] && [ "$(json "$tmp/d.json" "r[\"schema\"] + \" \" + str(r[\"version\"])")" = "heaptrail.diff 1" ]' \
   "diff --format json: schema heaptrail.diff, version 1"
change=$(json "$tmp/d.json" 'r["change"]["peak_objects"]')
ok '[ "$change" -le -7990000 ] && [ "$change" -ge -8004096 ]' "diff: peak lower by 8 MB in prealloc_del ($change B)"
ok '[ "$(json "$tmp/d.json" "[x[\"line\"] for x in r[\"a\"][\"rebinding_overlaps\"]], len(r[\"b\"][\"rebinding_overlaps\"]), r[\"a\"][\"peak_stack\"][0][\"line\"]")" = "[11] 0 11" ]' \
   "diff: A peaks at line 11 with the overlap there; B has none"
"$ana" diff "$tmp/prealloc.db" "$tmp/prealloc_del.db" > "$tmp/d.txt"
ok 'grep -q "A: prealloc.py:11 in <module>: 8.0 MB of the peak held by an old value" "$tmp/d.txt"' \
   "text diff states the 8.0 MB at line 11"
"$ana" flame "$tmp/prealloc.db" --folded > "$tmp/f.txt"
ok 'grep -Eq "^<module> \(prealloc.py:11\) 80[0-9]{5}$" "$tmp/f.txt"' "flame --folded at the peak: the array of line 11"
