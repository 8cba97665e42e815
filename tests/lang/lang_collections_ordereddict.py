# collections.OrderedDict: move_to_end, popitem(last=...), order-sensitive
# equality between OrderedDicts, and equality with plain dicts.
from collections import OrderedDict

od = OrderedDict()
for k in "bca":
    od[k] = ord(k)
print(od, list(od))
od.move_to_end("b")
print(list(od))
od.move_to_end("a", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
a = OrderedDict([("x", 1), ("y", 2)])
b = OrderedDict([("y", 2), ("x", 1)])
print(a == b, dict(a) == dict(b), a == {"y": 2, "x": 1}, {"y": 2, "x": 1} == a)
a["z"] = 3
a["x"] = 10
print(a, list(reversed(a)), a.copy() == a, type(a.copy()).__name__)
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    a.move_to_end("nope")
except KeyError as e:
    print("KeyError:", e)
lru = OrderedDict()
for key in ["a", "b", "c", "a", "d"]:
    if key in lru:
        lru.move_to_end(key)
    lru[key] = True
    if len(lru) > 3:
        lru.popitem(last=False)
print(list(lru))
