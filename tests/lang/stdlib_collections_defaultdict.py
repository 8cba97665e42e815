# defaultdict: the factory, __missing__, repr, copy and |
from collections import defaultdict

dd = defaultdict(list)
for word in ["apple", "bob", "avocado", "banana", "cherry", "blue"]:
    dd[word[0]].append(word)
print(dd)
print(dd["a"], dd["z"], len(dd), "z" in dd, "q" in dd)
print(dd.get("q"), "q" in dd)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(counts, dict(counts), counts == {"m": 1, "i": 4, "s": 4, "p": 2})
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 3
nested["x"]["z"] -= 1
print(dict(nested["x"]), list(nested))
print(defaultdict(None, {1: 2}), defaultdict(), defaultdict(set, a=1))
d2 = defaultdict(str, [(1, "one"), (2, "two")], three=3)
print(d2, d2.default_factory)
c = d2.copy()
c[9]
print(type(c).__name__, c, d2)
d2.default_factory = list
d2[7].append(7)
print(d2)
print(defaultdict(int, a=1) | {"b": 2}, {"z": 0} | defaultdict(int, a=1))
print(isinstance(dd, dict), type(dd).__name__)
try:
    defaultdict(None)["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    defaultdict(5)
except TypeError as e:
    print("TypeError", e)
def factory():
    print("factory called")
    return 42
f = defaultdict(factory)
print(f["k"], f["k"], dict(f))
graph = defaultdict(set)
for a, b in [(1, 2), (2, 3), (1, 3), (3, 4)]:
    graph[a].add(b)
    graph[b].add(a)
for node in sorted(graph):
    print(node, sorted(graph[node]))
