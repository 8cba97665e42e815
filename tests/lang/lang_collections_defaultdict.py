# collections.defaultdict: factories (list, int, set, lambda), missing
# keys created on access but not by get/in, nested defaultdicts, repr.
from collections import defaultdict

groups = defaultdict(list)
for word in "apple bat bar cat axe cow".split():
    groups[word[0]].append(word)
print(groups, dict(groups))
counts = defaultdict(int)
for ch in "hello world":
    counts[ch] += 1
print(sorted(counts.items()), counts["zzz"], "zzz" in counts, counts.get("qqq"), "qqq" in counts)
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
t["a"]["x"] = 2
print(t["a"]["b"]["c"], sorted(t["a"]), isinstance(t, dict))
const = defaultdict(lambda: "N/A", {"k": "v"})
print(const["k"], const["missing"], len(const))
nofactory = defaultdict()
try:
    nofactory["x"]
except KeyError as e:
    print("KeyError:", e)
s = defaultdict(set)
s["a"].add(1)
s["a"].add(1)
print(s, s.default_factory is set, type(s).__name__)
