# dict methods: get, setdefault, pop (with/without default), popitem
# (LIFO), update from dict/pairs/kwargs, fromkeys, copy, clear, and
# KeyError messages.
d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.setdefault("c", []), d.setdefault("a", 99), d)
d["c"].append("x")
print(d.pop("a"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError:", e)
d.update({"x": 1}, y=2)
d.update([("z", 3), ("b", 20)])
print(d, d.popitem(), d.popitem(), d)
print(dict.fromkeys("abc"), dict.fromkeys(range(3), 0), dict(zip("ab", [1, 2])), dict(a=1, **{"b": 2}))
shared = dict.fromkeys(["p", "q"], [])
shared["p"].append(1)
print(shared)
c = d.copy()
c["b"] = "changed"
print(d["b"], c["b"], c is d)
c.clear()
print(c, len(c))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {"k": 1}["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    {}.update(5)
except TypeError as e:
    print("TypeError:", e)
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "t"}[(1, 2)])
