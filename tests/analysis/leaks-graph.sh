#!/usr/bin/env bash
# TAP: heaptrail leaks on the heap graph -- retainer paths, root leaks vs
# objects kept alive only by other leaks, objects only the VM holds, cycles
# the collector freed, --between with --refs, and a profile without snapshots.
# The scripts are tests/analysis/leaks_*.py; each says what it leaks.
. "${top_srcdir:-.}/tests/analysis/lib.sh"
echo "1..23"
for s in cache holder cycle moved; do cp "$src/tests/analysis/leaks_$s.py" "$tmp/"; done
run() {   # run NAME DB [OPTIONS...]: heaptrail run [OPTIONS] -o DB leaks_NAME.py
  local name=$1 db=$2
  shift 2
  (cd "$tmp" && timeout 60 "$ht" run "$@" -o "$db" "leaks_$name.py" > "$db.out" 2> "$db.err")
}
# check FILE EXPR MSG: one TAP line, ok when the Python expression EXPR (r =
# the JSON in FILE; G(cls) = the leaked groups of a class) is true.
check() {
  local v
  v=$("$py" -c "import json, sys
r = json.load(open(sys.argv[1]))
G = lambda c: [g for g in r['leaked']['groups'] if g['class'] == c]
print(bool($2))" "$1" 2> "$tmp/check.err")
  ok '[ "$v" = True ]' "$3"
  [ "$v" = True ] || sed 's/^/# /' "$tmp/check.err"
}

# 1. A global dict caching lists: the path starts at global 'cache'.
ok 'run cache cache.db' "heaptrail run leaks_cache.py"
"$ana" leaks "$tmp/cache.db" --format json > "$tmp/cache.json"; rc=$?
ok '[ $rc = 0 ]' "leaks --format json: status 0"
check "$tmp/cache.json" 'r["retainers_available"] and r["graph"]["trigger"] == "exit" and r["graph"]["exact"]' \
  "at exit: classified on the exit snapshot, exact"
lists='[g for g in r["leaked"]["groups"] if g["tag"] == "list" and g["stack"][0]["line"] == 7 and g["class"] != "block"]'
check "$tmp/cache.json" "[(g['count'], g['class']) for g in $lists] == [(8, 'kept')]" \
  "the 8 cached lists: one group, kept alive by another leak"
check "$tmp/cache.json" "__import__('re').fullmatch(r\"global 'cache' → dict\\['k[0-7]'\\] → list.*\", $lists[0]['retainer']['text'])" \
  "their path: $(json "$tmp/cache.json" "$lists[0]['retainer']['text']")"
check "$tmp/cache.json" '[(g["tag"], g["stack"][0]["line"], g["retainer"]["text"], g["retainer"]["root_kind"]) for g in G("root") if g["tag"] == "dict"] == [("dict", 2, "global '"'"'cache'"'"' → dict len 8", "globals")]' \
  "the cache dict: a root leak held by global 'cache'"
check "$tmp/cache.json" 'r["leaked"]["count"] == sum(r["leaked"][k]["count"] for k in ("root", "kept_by_leaks", "blocks", "after_snapshot")) and r["leaked"]["root"]["count"] >= 1 and r["leaked"]["kept_by_leaks"]["count"] >= 176' \
  "the totals: root + kept + blocks + later = leaked"
check "$tmp/cache.json" 'all(g["class"] == "vm" for g in r["vm_held"]["groups"]) and not G("vm")' \
  "objects only the VM holds are apart from the leaks"
"$ana" leaks "$tmp/cache.db" > "$tmp/cache.txt"; rc=$?
ok '[ $rc = 0 ] && grep -q "retainer: global '"'"'cache'"'"' → dict\['"'"'k[0-7]'"'"'\] → list" "$tmp/cache.txt" && grep -q "^Root leaks" "$tmp/cache.txt" && grep -q "^Kept alive only by other leaked objects" "$tmp/cache.txt"' \
   "text: root leaks, kept-alive groups, the list group's retainer line"
"$ana" leaks "$tmp/cache.db" --ascii > "$tmp/cache-ascii.txt"
ok 'grep -q "retainer: global '"'"'cache'"'"' -> dict\[" "$tmp/cache-ascii.txt" && ! grep -q "→" "$tmp/cache-ascii.txt"' \
   "--ascii: -> for the arrow"
"$ana" leaks "$tmp/cache.db" --format html -o "$tmp/cache.html"; rc=$?
ok '[ $rc = 0 ] && grep -q "global &#39;cache&#39; → dict\[&#39;k" "$tmp/cache.html" && grep -q "Root leaks" "$tmp/cache.html" && grep -q "Cycles freed only by the cycle collector" "$tmp/cache.html"' \
   "html: the sections and the path"

# 2. One leaked object holding others (between marks, --refs: exact).
ok 'run holder holder.db --refs' "heaptrail run --refs leaks_holder.py"
"$ana" leaks "$tmp/holder.db" --between a b --format json > "$tmp/holder.json"; rc=$?
check "$tmp/holder.json" '[(g["tag"], g["count"], g["retainer"]["text"]) for g in G("root")] == [("instance", 1, "global '"'"'h'"'"' → Holder")] and r["leaked"]["root"]["count"] == 1' \
  "one root leak: the Holder, held by global 'h'"
check "$tmp/holder.json" 'sorted((g["tag"], g["count"]) for g in G("kept")) == [("dict", 1), ("list", 1), ("str", 6)] and r["leaked"]["kept_by_leaks"]["count"] == 8' \
  "kept alive by it: its __dict__, the list and the 6 strings (8)"
check "$tmp/holder.json" 'all(g["retainer"]["text"].startswith("global '"'"'h'"'"' → Holder → __dict__") for g in G("kept"))' \
  "each kept group's path goes through the root leak"

# 3. A cycle that only gc.collect() freed.
ok 'run cycle cycle.db' "heaptrail run leaks_cycle.py"
"$ana" leaks "$tmp/cycle.db" --format json > "$tmp/cycle.json"
check "$tmp/cycle.json" 'sorted((g["stack"][0]["line"], g["count"], g["first_collection_stack"][0]["line"]) for g in r["cycles"]["groups"] if g["tag"] == "instance") == [(12, 3, 20), (13, 3, 20)]' \
  "cycles: the 2 x 3 Nodes of lines 12 and 13, freed by the gc.collect() of line 20"
check "$tmp/cycle.json" 'not [g for g in r["leaked"]["groups"] if g["tag"] == "instance"] and r["cycles"]["collections_freeing"] >= 1' \
  "the freed Nodes are not leaks"
"$ana" leaks "$tmp/cycle.db" > "$tmp/cycle.txt"
ok 'sed -n "/^Cycles freed only by the cycle collector: /,/^\$/p" "$tmp/cycle.txt" | grep -q "leaks_cycle.py:12 in make"' \
   "text: the cycles section names the site"

# 4. --between with --refs: the path at the second mark, not at exit.
ok 'run moved moved.db --refs' "heaptrail run --refs leaks_moved.py"
"$ana" leaks "$tmp/moved.db" --between a b --format json > "$tmp/moved.json"
check "$tmp/moved.json" 'r["graph"]["replayed"] and r["graph"]["exact"] and r["graph"]["seq"] == r["to_seq"] and [g["retainer"]["text"] for g in G("root") if g["tag"] == "list"][0].startswith("global '"'"'registry'"'"' → dict['"'"'jobs'"'"']")' \
  "--between a b --refs: replayed to mark b, the jobs list held by registry['jobs']"

# 5. No snapshots: a report all the same, saying paths are unavailable.
ok 'run cache nosnap.db --no-snapshots && "$ana" leaks "$tmp/nosnap.db" > "$tmp/nosnap.txt"' \
   "--no-snapshots: heaptrail run, then leaks: status 0"
ok 'grep -q "retainer paths.*unavailable" "$tmp/nosnap.txt" && grep -q "leaks_cache.py:7 in load" "$tmp/nosnap.txt"' \
   "--no-snapshots: the groups, and 'retainer paths ... unavailable'"
