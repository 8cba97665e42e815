# test_dict / test_set style facts, printed one per line.
d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("one"), d.get("zero"), d.get("zero", 0), "two" in d, 2 in d, d.setdefault("four", 4), d.setdefault("one", 99))
print(d.pop("four"), d.pop("nope", "dflt"), d.popitem(), d)
d.update({"a": 0}, b=5); d.update([("c", 6)])
print(d, dict(d) == d, dict(d) is d)
keys = d.keys(); vals = d.values(); items = d.items()
d["late"] = 7
print(len(keys), list(keys)[-1], list(vals)[-1], ("late", 7) in items, keys & {"a", "zz"}, sorted(keys | {"q"}), sorted(keys - {"a"}))
print(repr(keys)[:20], repr({}.values()), repr({1: 2}.items()))
print({k: v for k, v in sorted(d.items()) if v > 2}, dict.fromkeys(range(3)), dict.fromkeys("ab", []))
print(d | {"one": -1}, {1: 1} == {1: 1.0}, {1: 2} != {1: 3}, {True: "t", 1: "one"}, {1.0: "f", 1: "i"})
m = {"x": 1}; m |= {"y": 2}; print(m)
cnt = {}
for ch in "mississippi":
    cnt[ch] = cnt.get(ch, 0) + 1
print(cnt, max(cnt, key=cnt.get), sorted(cnt, key=lambda k: (-cnt[k], k)))
grouped = {}
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    grouped.setdefault(w[0], []).append(w)
print(grouped, {k: len(v) for k, v in grouped.items()})
order = {}
order["z"] = 1; order["a"] = 2; order["m"] = 3; del order["a"]; order["a"] = 4
print(list(order), list(reversed(order)), next(iter(order)))
nested = {"a": {"b": {"c": [1, 2]}}}
print(nested["a"]["b"]["c"][1], nested.get("a", {}).get("x", "none"))
print({(1, 2): "tuple key", None: "none", 3.5: "float", frozenset([1]): "fs"}[(1, 2)], {None: 1}[None])
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError", e)
try:
    for k in order:
        order["new"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)

s = {3, 1, 2}
print(s, len(s), 2 in s, 5 not in s, sorted(s, reverse=True), set([1, 1, 2]), set(range(5)), set())
s.add(4); s.add(1); s.discard(3)
print(s, s | {9}, s & {1, 4, 7}, s - {1}, s ^ {1, 10}, {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} > {1})
print(s.union([5], range(7, 9)), s.intersection([1, 2], {2, 1}), s.difference([2], [4]), s.symmetric_difference([4, 5]))
print({1, 2}.isdisjoint({3}), {1}.issubset(range(3)), {1, 2}.issuperset([2]), frozenset([1, 2]) == {2, 1})
t = s.copy(); t.clear(); print(t, s, t == set())
fs = frozenset("abcab")
print(len(fs), sorted(fs), "a" in fs, type(fs | {"z"}).__name__, {fs: 1}[frozenset("cba")], hash(fs) == hash(frozenset("cab")))
print({x % 3 for x in range(10)}, {(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print(set([0, 1, 2, 10, 100, 1000, -1, -5]), {100, 5, 77, 1 << 20, 33}, {0.5, 1.5, 2.25}, {-1, -2, -3})
print(set(range(40, 0, -3)), {(1, "a"), (2, "b")} == {(2, "b"), (1, "a")}, {1, 2, 3} == {3, 2, 1})
u = {1, 2}; u |= {3}; u &= {2, 3, 4}; u -= {9}; u ^= {2, 8}
print(u)
big = set(range(1000)); big -= set(range(0, 1000, 2))
print(len(big), min(big), max(big), sum(big), sorted(big)[:5])
for fn in (lambda: {1}.remove(2), lambda: set().pop(), lambda: {[]}, lambda: {1} + {2}, lambda: frozenset().add(1), lambda: {1} < [1]):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__, e)
