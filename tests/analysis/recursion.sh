#!/usr/bin/env bash
# TAP: recursion.py -- every call is a frame on the heap: at the peak (the
# bottom of factorial_inner(200): 200 factorial_inner frames, 199 step
# frames and the module's) the frames alive number the stack's depth.
. "${top_srcdir:-.}/tests/analysis/lib.sh"
echo "1..5"
ok 'record recursion' "heaptrail run samples/recursion.py"
"$ana" report "$tmp/recursion.db" --format json > "$tmp/r.json"
depth=$(json "$tmp/r.json" 'len(r["peak"]["objects"]["stack"])')
frames=$(json "$tmp/r.json" '[t["at_peak_count"] for t in r["tags"] if t["tag"] == "frame"][0]')
ok '[ "$depth" = 400 ]' "the peak is at the bottom of the recursion: depth 400 ($depth)"
ok '[ "$frames" = "$depth" ]' "depth $depth holds $frames frames at the peak"
inner=$(json "$tmp/r.json" 'sum(1 for f in r["peak"]["objects"]["stack"] if f["qualname"] == "factorial_inner")')
ok '[ "$inner" = 200 ]' "200 factorial_inner frames on the peak's stack ($inner)"
"$ana" flame "$tmp/recursion.db" --folded --metric peak > "$tmp/f.txt"
deepest=$(awk '{ n = split($0, a, ";"); if (n > m) m = n } END { print m }' "$tmp/f.txt")
ok '[ "$deepest" = 400 ]' "flame graph at the peak: the deepest stack has 400 frames ($deepest)"
