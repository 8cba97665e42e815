#!/usr/bin/env bash
# TAP: leaks between two marks on a script of our own (tests/analysis/
# leaky.py: work() keeps a 100-char string per call in a global list, 10
# calls between heaptrail.mark("start") and heaptrail.mark("end")), the
# --fail-on exit status, the JSON and HTML outputs, and clear errors.
. "${top_srcdir:-.}/tests/analysis/lib.sh"
echo "1..11"
cp "$src/tests/analysis/leaky.py" "$tmp/"
ok '(cd "$tmp" && "$ht" run -o leaky.db leaky.py > leaky.out)' "heaptrail run leaky.py"
"$ana" leaks "$tmp/leaky.db" --between start end --format json > "$tmp/l.json"; rc=$?
ok '[ $rc = 0 ] && [ "$(json "$tmp/l.json" "r[\"schema\"] + \" \" + str(r[\"version\"]) + \" \" + r[\"mode\"]")" = "heaptrail.leaks 2 between" ]' \
   "leaks --between start end --format json: schema, version, mode"
strs='(sum(g["count"] for g in r["leaked"]["groups"] if g["tag"] == "str"), sorted({(g["stack"][0]["line"], g["stack"][0]["qualname"]) for g in r["leaked"]["groups"] if g["tag"] == "str"}))'
ok '[ "$(json "$tmp/l.json" "$strs")" = "(10, [(10, '"'"'work'"'"')])" ]' \
   "the 10 strings kept by work() at line 10 ($(json "$tmp/l.json" "$strs"))"
ok '[ "$(json "$tmp/l.json" "sum(g[\"count\"] for g in r[\"leaked\"][\"groups\"] if g[\"tag\"] == \"list\" and g[\"bytes\"] < 400)")" -le 1 ]' \
   "work()'s temporary lists are not reported"
bytes=$(json "$tmp/l.json" 'r["leaked"]["bytes"]')
"$ana" leaks "$tmp/leaky.db" --between start end --fail-on $((bytes - 1)) > /dev/null 2> "$tmp/err"; rc=$?
ok '[ $rc = 1 ] && grep -q "exceeds --fail-on" "$tmp/err"' "--fail-on $((bytes - 1)): status 1 and a reason"
"$ana" leaks "$tmp/leaky.db" --between start end --fail-on "$bytes" > /dev/null; rc=$?
ok '[ $rc = 0 ]' "--fail-on $bytes: status 0"
"$ana" leaks "$tmp/leaky.db" --between start nosuch > /dev/null 2> "$tmp/err"; rc=$?
ok '[ $rc = 1 ] && grep -q "no mark \"nosuch\"" "$tmp/err"' "an unknown mark is a clear error"
"$ana" leaks "$tmp/leaky.db" --format html -o "$tmp/l.html"; rc=$?
ok '[ $rc = 0 ] && head -c 15 "$tmp/l.html" | grep -q "<!DOCTYPE html>" && ! grep -Eqi "(src|href)=" "$tmp/l.html"' \
   "--format html -o FILE: a self-contained page"
echo "not a profile" > "$tmp/bad.db"
"$ana" leaks "$tmp/bad.db" > /dev/null 2> "$tmp/err"; rc=$?
ok '[ $rc = 1 ] && grep -q "bad.db: not a heaptrail profile" "$tmp/err"' "a text file: a clear error"
"$ana" leaks "$tmp/leaky.db" --format xml > /dev/null 2>&1; rc=$?
ok '[ $rc = 2 ]' "an unknown format: usage error (2)"
"$ana" report "$tmp/leaky.db" --format json | "$py" -c 'import json, sys; json.load(sys.stdin)'; rc=$?
ok '[ $rc = 0 ]' "report --format json parses"
