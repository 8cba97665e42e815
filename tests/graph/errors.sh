#!/usr/bin/env bash
# TAP: heaptrail graph and why refuse bad input with a clear message and the
# documented exit status (1: error, 2: usage).
. "${top_srcdir:-.}/tests/graph/lib.sh"
echo "1..9"
echo "not a profile" > "$tmp/text.db"
"$ht" graph "$tmp/text.db" > /dev/null 2> "$tmp/e1"; rc=$?
ok '[ $rc = 1 ] && grep -q "text.db" "$tmp/e1"' "graph on a text file: exit 1, names the file"
"$ht" graph > /dev/null 2>&1; rc=$?
ok '[ $rc = 2 ]' "graph without a file: usage error"
record closures --no-snapshots
"$ht" graph "$tmp/closures.db" > /dev/null 2> "$tmp/e2"; rc=$?
ok '[ $rc = 1 ] && grep -q "holds no heap snapshot" "$tmp/e2"' "a profile recorded with --no-snapshots has no graph"
record closures
db=$tmp/closures.db
"$ht" why "$db" 999999999 > /dev/null 2> "$tmp/e3"; rc=$?
ok '[ $rc = 1 ] && grep -q "object 999999999 is not in the graph" "$tmp/e3"' "why on an unknown object: exit 1"
"$ht" why "$db" banana > /dev/null 2> "$tmp/e4"; rc=$?
ok '[ $rc = 2 ] && grep -q "neither an object id nor a hex address" "$tmp/e4"' "why on a word: usage error"
"$ht" graph "$db" --snapshot 12345 > /dev/null 2> "$tmp/e5"; rc=$?
ok '[ $rc = 1 ] && grep -q "no snapshot 12345" "$tmp/e5"' "graph --snapshot with no such snapshot"
"$ht" graph "$db" --format svg > /dev/null 2> "$tmp/e6"; rc=$?
ok '[ $rc = 2 ]' "graph --format svg: usage error"
"$ht" graph "$db" --at 10 --at-peak > /dev/null 2> "$tmp/e7"; rc=$?
ok '[ $rc = 2 ]' "two moments: usage error"
"$ht" run --snapshot-every x "$tmp/closures.py" > /dev/null 2> "$tmp/e8"; rc=$?
ok '[ $rc = 2 ] && grep -q "snapshot-every needs a positive number" "$tmp/e8"' "run --snapshot-every x: usage error"
