#!/usr/bin/env bash
# TAP: heaptrail run --refs logs reference writes, so the graph at any seq
# is known: replaying the log from the start snapshot gives, at each later
# snapshot's seq, the same references as that snapshot (the value stack is
# not logged, and root names carry line numbers: both are left out).
# Without --refs, graph --at says it shows the nearest snapshot.
. "${top_srcdir:-.}/tests/graph/lib.sh"
echo "1..8"
cat > "$tmp/mut.py" <<'PY'
import heaptrail

data = []
table = {}

def counter():
    n = 0
    def bump():
        nonlocal n
        n = n + 1
        return n
    return bump

def fill(k):
    for i in range(k):
        data.append((i, str(i)))
    table["a"] = data[0]
    table[3] = [1, 2]
    return len(data)

heaptrail.snapshot("one")
fill(5)
c = counter()
c()
c()
heaptrail.snapshot("two")
data[1] = "replaced"
del table[3]
table["b"] = {"x": [c]}
fill.tag = "attr"
squares = [x * x for x in range(6)]
heaptrail.snapshot("three")
del data[0]
data.extend([7, 8])
c()
g = {k: v for k, v in table.items()}
heaptrail.snapshot("four")
PY
ok 'run_py mut --refs' "record with --refs"
db=$tmp/mut.db
ok '[ "$(q "$db" "SELECT trigger FROM snapshot ORDER BY id LIMIT 1")" = start ] && [ "$(q "$db" "SELECT count(*) FROM snapshot_ref")" -gt 0 ]' \
   "a start snapshot and a reference log"
cat > "$tmp/cmp.py" <<'PY'
import json, re, subprocess, sys
ht, db, snap = sys.argv[1], sys.argv[2], sys.argv[3]
def graph(*a):
    out = subprocess.run([ht, "graph", db, "--format", "json", "--max-nodes", "100000"] + list(a),
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)
def refs(j):
    items = {n["item"]: n for n in j["nodes"]}
    edges = {(items[e["src"]]["id"], items[e["dst"]]["id"], e["label"])
             for e in j["edges"] if e["kind"] != "stack"}
    roots = {re.sub(r":\d+\)$", ")", r["root"]) for r in j["roots"] if not r["root"].startswith("temp")}
    return edges, roots
snaps = json.loads(subprocess.run([ht, "graph", db, "--list", "--format", "json"],
                                  capture_output=True, text=True, check=True).stdout)["snapshots"]
s = next(x for x in snaps if x["label"] == snap)
a = refs(graph("--snapshot", str(s["id"])))
b = refs(graph("--at", str(s["seq"]), "--from", str(snaps[0]["id"])))
print("same" if a == b else "differ: %s / %s" % (sorted(a[0] ^ b[0])[:6], sorted(a[1] ^ b[1])[:6]))
PY
for s in one two three four; do
  r=$("$py" "$tmp/cmp.py" "$ht" "$db" "$s" 2>&1)
  ok '[ "$r" = same ]' "replay from the start to snapshot '$s' gives its references ($r)"
done
# graph --at a seq between two snapshots: the replay says what it did
two=$(q "$db" "SELECT seq FROM snapshot WHERE label = 'two'")
"$ht" graph "$db" --at $((two + 3)) > "$tmp/at.txt"; rc=$?
ok '[ $rc = 0 ] && grep -q "replayed with the --refs log" "$tmp/at.txt"' "graph --at SEQ replays from the nearest snapshot"
record closures
seq=$(q "$tmp/closures.db" "SELECT seq FROM snapshot WHERE trigger = 'exit'")
"$ht" graph "$tmp/closures.db" --at $((seq - 20)) > "$tmp/norefs.txt" 2>&1
ok 'grep -q "no --refs log in this profile: showing the nearest snapshot before seq" "$tmp/norefs.txt"' \
   "without --refs, graph --at says it shows the nearest snapshot"
