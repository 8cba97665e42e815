#!/usr/bin/env bash
# TAP: `heaptrail leaks --format json` against its documented schema
# (doc/reports.md, "heaptrail.leaks (version N)"): every member of the
# outputs is documented, the documented members are there, and the version
# is the documented one -- on profiles with and without snapshots, at exit
# and between marks, with retainer paths and with cycles.
. "${top_srcdir:-.}/tests/analysis/lib.sh"
echo "1..7"
for s in cache cycle moved; do cp "$src/tests/analysis/leaks_$s.py" "$tmp/"; done
(cd "$tmp" && "$ht" run -o cache.db leaks_cache.py > /dev/null &&
  "$ht" run --no-snapshots -o nosnap.db leaks_cache.py > /dev/null &&
  "$ht" run -o cycle.db leaks_cycle.py > /dev/null &&
  "$ht" run --refs -o moved.db leaks_moved.py > /dev/null); rc=$?
ok '[ $rc = 0 ]' "four profiles recorded"
"$ana" leaks "$tmp/cache.db" --format json > "$tmp/exit.json" &&
  "$ana" leaks "$tmp/nosnap.db" --format json > "$tmp/nosnap.json" &&
  "$ana" leaks "$tmp/cycle.db" --format json > "$tmp/cycle.json" &&
  "$ana" leaks "$tmp/moved.db" --between a b --format json > "$tmp/between.json"; rc=$?
ok '[ $rc = 0 ]' "leaks --format json on each: status 0"

# The validator: documented members are the backquoted names in the first
# column of the tables of the section; group members are documented as
# groups[].x, retainer members as retainer.x; a stack is a leaf.
cat > "$tmp/schema.py" << 'EOF'
import json, re, sys
doc = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r"^### heaptrail\.leaks \(version (\d+)\)\n(.*?)(?=^### )", doc, re.S | re.M)
version, body = int(m.group(1)), m.group(2)
documented = set()
for line in body.splitlines():
    if line.startswith("| `"):
        documented.update(re.findall(r"`([^`]+)`", line.split("|")[1]))
documented.discard("")

def paths(v, p, out):
    if p.endswith("stack"):          # [{file, line, qualname}]: documented as a stack
        out.add(p)
        return
    if isinstance(v, dict):
        if p:
            out.add(p)
        for k, x in v.items():
            paths(x, (p + "." if p else "") + k, out)
    elif isinstance(v, list):
        out.add(p)
        for x in v:
            paths(x, p + "[]", out)
    else:
        out.add(p)

def norm(p):
    p = re.sub(r"^(leaked|vm_held|cycles|startup|internal)\.groups\[\]", "groups[]", p)
    p = re.sub(r"^groups\[\]\.retainer\.", "retainer.", p)
    return p

bad, seen = [], set()
for f in sys.argv[2:]:
    r = json.load(open(f, encoding="utf-8"))
    if r.get("schema") != "heaptrail.leaks" or r.get("version") != version:
        bad.append("%s: schema/version %r %r, documented %d" % (f, r.get("schema"), r.get("version"), version))
    out = set()
    paths(r, "", out)
    for p in sorted(out):
        q = norm(p)
        seen.add(q)
        if q not in documented:
            bad.append("%s: undocumented member %s" % (f, q))
missing = sorted(documented - seen)
if sys.argv[0].endswith("schema.py") and missing:
    bad.append("documented but in no output: " + ", ".join(missing))
print("\n".join(bad) if bad else "valid", "(version %d, %d members)" % (version, len(documented)))
EOF
v=$("$py" "$tmp/schema.py" "$src/doc/reports.md" "$tmp/exit.json" "$tmp/nosnap.json" "$tmp/cycle.json" "$tmp/between.json")
ok 'case "$v" in "valid (version 2,"*) true;; *) false;; esac' "every member documented, every documented member present: $(echo "$v" | head -3 | tr '\n' ' ')"
# The validator must catch a member the documentation does not have.
"$py" -c 'import json, sys
r = json.load(open(sys.argv[1])); r["leaked"]["groups"][0]["surprise"] = 1
json.dump(r, open(sys.argv[2], "w"))' "$tmp/exit.json" "$tmp/bad.json"
v=$("$py" "$tmp/schema.py" "$src/doc/reports.md" "$tmp/bad.json")
ok 'echo "$v" | grep -q "undocumented member groups\[\].surprise"' "the validator catches an undocumented member"
# Types of the main members.
ok '[ "$(json "$tmp/exit.json" "all(isinstance(g[\"count\"], int) and isinstance(g[\"bytes\"], int) and g[\"class\"] in (\"root\", \"kept\", \"block\", \"later\") and (g[\"retainer\"] is None or isinstance(g[\"retainer\"][\"steps\"], list)) for g in r[\"leaked\"][\"groups\"])")" = True ]' \
   "groups: integer count and bytes, a known class, a retainer with steps or null"
ok '[ "$(json "$tmp/nosnap.json" "(r[\"retainers_available\"], r[\"graph\"], r[\"leaked\"][\"root\"], {g[\"class\"] for g in r[\"leaked\"][\"groups\"]}, \"unavailable\" in r[\"note\"])")" = "(False, None, None, {'"'"'unclassified'"'"'}, True)" ]' \
   "without snapshots: retainers_available false, graph and classes null, groups unclassified"
ok '[ "$(json "$tmp/cycle.json" "[k for k in r[\"cycles\"][\"groups\"][0]] == [\"class\", \"tag\", \"count\", \"bytes\", \"first_seq\", \"stack\", \"collections\", \"first_collection_seq\", \"first_collection_stack\"]")" = True ]' \
   "a cycles group: its members"
