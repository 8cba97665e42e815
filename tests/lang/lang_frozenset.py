# frozenset: immutable and hashable (usable as dict keys and set
# members); result types of mixed set/frozenset operations.
f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, type(f).__name__, frozenset(), frozenset() == set())
print(hash(f) == hash(frozenset({1, 2, 3})), f == {1, 2, 3}, {1, 2, 3} == f)
groups = {frozenset({1, 2}): "pair", frozenset(): "empty", frozenset({1, 2}): "pair again"}
print(groups, groups[frozenset([2, 1])])
nested = {frozenset({1}), frozenset({1}), frozenset({2, 1})}
print(len(nested), frozenset({1}) in nested)
s = {1, 2}
print(type(f | s).__name__, type(s | f).__name__, type(f & s).__name__, type(s - f).__name__)
print(f.union([7]), f.intersection({1, 9}), f.copy() is f, f.issubset(range(5)))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {s: 1}
except TypeError as e:
    print("TypeError:", e)
print(frozenset("aab") == frozenset("ab"), sorted(frozenset(range(0, 20, 7))))
