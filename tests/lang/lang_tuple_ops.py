# tuple behaviour: packing/unpacking, single-element tuples, count/index,
# comparisons, concatenation and repetition, hashing, nested immutability
# with mutable contents.
t = 1, 2, 3
single = (5,)
empty = ()
print(t, single, empty, type(single).__name__, len(empty), (1) == 1, (1,) == 1)
a, *rest = t
*init, last = t
print(a, rest, init, last, t.count(2), t.index(3), (1, 2) + (3,), (0,) * 3)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") == (1, "a"), max([(1, "b"), (1, "a")]))
nested = ([1], "s")
nested[0].append(2)
print(nested, hash((1, 2, (3, 4))) == hash((1, 2, (3, 4))))
try:
    hash(nested)
except TypeError as e:
    print("TypeError:", e)
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
print(tuple("abc"), tuple(range(3)), tuple({"k": 1}), t[::-1], t[1:], 2 in t, list(enumerate(t, 1)))
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
