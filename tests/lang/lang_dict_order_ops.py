# dict order and operators: insertion order survives updates, deletion
# then reinsertion moves a key to the end, | and |= merge, equality
# ignores order, and comprehension order.
d = {}
for key in ["c", "a", "b"]:
    d[key] = len(d)
d["a"] = 100
print(list(d), d)
del d["c"]
d["c"] = -1
print(list(d))
m = {"x": 1, "y": 2} | {"y": 20, "z": 30}
print(m, {"z": 0} | m)
m |= [("w", 5)]
print(m)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
squares = {n: n * n for n in range(5, 0, -1)}
print(squares, {v: k for k, v in squares.items()})
inv = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    inv.setdefault(word[0], []).append(word)
print(inv)
try:
    {"a": 1} | [("b", 2)]
except TypeError as e:
    print("TypeError:", e)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts, key=counts.get, reverse=True))
