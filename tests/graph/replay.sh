#!/usr/bin/env bash
# TAP: heaptrail run --refs logs reference writes, so the graph at any seq
# is known: replaying the log from each snapshot gives, at the next
# snapshot's seq, the same references as that snapshot (the value stack is
# not logged, and root names carry line numbers: both are left out).
# Without --refs, graph --at says it shows the nearest snapshot.
. "${top_srcdir:-.}/tests/graph/lib.sh"
echo "1..12"
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

class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.children = []
        if parent:
            parent.children.append(self)

tree = Node("root")
for i in range(3):
    Node(i, tree)
tree.children[1].extra = {"a": squares}
del tree.children[0]
heaptrail.snapshot("five")
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
k = next(i for i, x in enumerate(snaps) if x["label"] == snap)
s, prev = snaps[k], snaps[k - 1]
a = refs(graph("--snapshot", str(s["id"])))
b = refs(graph("--at", str(s["seq"]), "--from", str(prev["id"])))
print("same" if a == b else "differ: %s / %s" % (sorted(a[0] ^ b[0])[:6], sorted(a[1] ^ b[1])[:6]))
PY
for s in one two three four five; do
  r=$("$py" "$tmp/cmp.py" "$ht" "$db" "$s" 2>&1)
  ok '[ "$r" = same ]' "replay from the previous snapshot to '$s' gives its references ($r)"
done
# random programs: lists, dicts, instances, closures, comprehensions, list
# methods, snapshots in between; every interval must replay exactly
cat > "$tmp/gen.py" <<'PY'
import random, sys
r = random.Random(int(sys.argv[1]))
lines = ["import heaptrail", "g = [[] for _ in range(4)]", "d = {}", "class O:\n    pass",
         "objs = [O() for _ in range(3)]",
         "def mk(v):\n    def inner():\n        return v\n    return inner",
         "def mut(x, y):\n    x.append(y)\n    return x"]
for step in range(120):
    k = r.randrange(14)
    a, b = r.randrange(4), r.randrange(3)
    if k == 0: lines.append(f"if isinstance(g[{a}], list): g[{a}].append({r.randrange(1000)})")
    elif k == 1: lines.append(f"g[{a}] = [g[{(a+1)%4}], {r.randrange(1000)}]")
    elif k == 2: lines.append(f"d['k{r.randrange(8)}'] = g[{a}]")
    elif k == 3: lines.append(f"d.pop('k{r.randrange(8)}', None)")
    elif k == 4: lines.append(f"objs[{b}].attr{r.randrange(3)} = g[{a}]")
    elif k == 5: lines.append(f"objs[{b}] = O()")
    elif k == 6: lines.append(f"g[{a}] = mk(g[{(a+2)%4}])")
    elif k == 7: lines.append(f"x{r.randrange(4)} = (g[{a}], d)")
    elif k == 8: lines.append(f"mut(g[{a}] if isinstance(g[{a}], list) else [], objs[{b}])")
    elif k == 9: lines.append(f"g[{a}] = {{i: str(i) for i in range({r.randrange(5)})}}")
    elif k == 10: lines.append(f"if isinstance(g[{a}], list) and g[{a}]: g[{a}][0] = d")
    elif k == 11: lines.append(f"g[{a}] = [objs[{b}]] * {r.randrange(4)}")
    elif k == 12: lines.append(f"if isinstance(g[{a}], list): g[{a}].extend([{a}, 'e'])")
    else: lines.append(f"heaptrail.snapshot('s{step}')")
lines.append("heaptrail.snapshot('end')")
print("\n".join(lines))
PY
cat > "$tmp/cmpall.py" <<'PY'
import json, re, subprocess, sys
ht, db = sys.argv[1], sys.argv[2]
def graph(*a):
    out = subprocess.run([ht, "graph", db, "--format", "json", "--max-nodes", "100000"] + list(a),
                         capture_output=True, check=True)
    return json.loads(out.stdout.decode())
def refs(j):
    items = {n["item"]: n for n in j["nodes"]}
    edges = {(items[e["src"]]["id"], items[e["dst"]]["id"], e["label"])
             for e in j["edges"] if e["kind"] != "stack"}
    roots = {re.sub(r":\d+\)$", ")", r["root"]) for r in j["roots"] if not r["root"].startswith("temp")}
    return edges, roots
snaps = json.loads(subprocess.run([ht, "graph", db, "--list", "--format", "json"],
                                  capture_output=True, check=True).stdout.decode())["snapshots"]
bad = [s["label"] for prev, s in zip(snaps, snaps[1:])
       if refs(graph("--snapshot", str(s["id"]))) !=
          refs(graph("--at", str(s["seq"]), "--from", str(prev["id"])))]
print("%d snapshots, differ at %s" % (len(snaps), bad) if bad else "%d snapshots, all same" % len(snaps))
PY
for seed in 1 7 12; do
  "$py" "$tmp/gen.py" $seed > "$tmp/rnd$seed.py"
  run_py rnd$seed --refs
  r=$("$py" "$tmp/cmpall.py" "$ht" "$tmp/rnd$seed.db" 2>&1)
  ok 'case "$r" in *"all same") true;; *) false;; esac' "random program $seed: each snapshot replays exactly from the previous one ($r)"
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
