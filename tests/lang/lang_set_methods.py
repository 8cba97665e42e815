# set methods on small ints (whose iteration order CPython fixes):
# add/discard/remove/pop, algebra as methods and operators, update
# variants, and subset/superset/disjoint predicates.
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [9]), a.intersection(b, range(4)), a.difference([1], (2,)), a.symmetric_difference([1, 10]))
print(a <= b, {3} <= b, {3} < b, b < b, b >= {5}, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7, 8}))
c = set(a)
c.add(10)
c.discard(99)
c.remove(1)
print(c, len(c), c.pop(), c)
try:
    c.remove(99)
except KeyError as e:
    print("KeyError:", e)
d = {1, 2, 3}
d |= {4}
d &= {2, 3, 4, 5}
d -= {2}
d ^= {9, 3}
print(d)
e = {0}
e.update([1, 2], (3,))
e.intersection_update(range(1, 10))
e.difference_update({2})
e.symmetric_difference_update({3, 7})
print(e, e.copy() == e, e.copy() is e)
e.clear()
print(e, set(), bool(e), {(1, 2), (1, 2), (2, 1)} == {(2, 1), (1, 2)})
try:
    set().pop()
except KeyError as ke:
    print("KeyError:", ke)
try:
    a | [1]
except TypeError as t:
    print("TypeError:", t)
try:
    {[1]}
except TypeError as t:
    print("TypeError:", t)
print(sorted({-5, 3, 0, 12}), {x % 4 for x in range(10)}, set("aaa"), len(set("mississippi")))
