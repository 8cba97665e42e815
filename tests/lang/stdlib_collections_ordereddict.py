# OrderedDict: order-aware equality, move_to_end, popitem(last=)
from collections import OrderedDict

od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od, list(od), list(od.items()))
od.move_to_end("b")
print(list(od))
od.move_to_end("b", last=False)
print(list(od))
od.move_to_end("c", False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
od.update([("x", 10), ("y", 20)])
od.setdefault("z", 30)
print(od, od.pop("x"), od)
o1 = OrderedDict([(1, "a"), (2, "b")])
o2 = OrderedDict([(2, "b"), (1, "a")])
print(o1 == o2, o1 == dict(o2), dict(o1) == o2, o1 != o2, o1 == o1.copy())
print(OrderedDict(), OrderedDict(a=1), type(o1.copy()).__name__, list(reversed(o1)))
try:
    OrderedDict().popitem()
except KeyError as e:
    print("KeyError", e)
try:
    o1.move_to_end(99)
except KeyError as e:
    print("KeyError", e)
# an LRU cache built on OrderedDict
class_cache = OrderedDict()
def lookup(key, cap=3):
    if key in class_cache:
        class_cache.move_to_end(key)
        return "hit %s" % key
    class_cache[key] = key * 2
    if len(class_cache) > cap:
        class_cache.popitem(last=False)
    return "miss %s" % key
for k in [1, 2, 3, 1, 4, 2, 5, 1]:
    print(lookup(k), list(class_cache))
print(isinstance(od, dict))
