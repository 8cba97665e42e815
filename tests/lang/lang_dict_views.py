# dict views: keys/values/items are live views; len, membership,
# iteration order, set operations on keys and items, reversed, and the
# error when a dict changes size during iteration.
d = {"x": 1, "y": 2, "z": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "y" in k, 2 in v, ("z", 3) in it, ("z", 4) in it)
d["w"] = 4
del d["x"]
print(list(k), list(v), list(it))
print(k & {"y", "q"}, sorted(k | {"q"}), sorted(k - {"y"}), sorted(k ^ {"y", "new"}), it & {("y", 2)})
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(k == {"y", "z", "w"}, k == ["y", "z", "w"], k.isdisjoint({"a"}), type(k).__name__, type(it).__name__)
try:
    for key in d:
        d[key + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
e = {"a": 1}
for key in list(e):
    e[key * 2] = 2
print(e)
for key, val in {"p": 1, "q": 2}.items():
    print(key, val, end="; ")
print()
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), max({"a": 3, "b": 7}.values()))
try:
    d.values() == d.values()
    print("values views compare by identity:", d.values() == d.values())
    v[0]
except TypeError as e:
    print("TypeError:", e)
