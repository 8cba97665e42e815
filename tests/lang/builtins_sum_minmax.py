# sum with its int/float fast paths, min and max with key= and default=.
print(sum([]), sum([1, 2, 3]), sum(range(101)), sum([1, 2], 10), sum([1], start=5))
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1, 0.5, 2]), sum([], 0.0))
print(sum([2**62, 2**62, 2**62]), sum([-2**63, -1]), sum([1.0, 2**70]))
print(sum([True, True, False]), sum([1, True]), type(sum([True])).__name__)
print(sum([[1], [2, 3]], []), sum(((1,), (2,)), ()))
print(sum([1.5, 2], 0.5), sum([x * x for x in range(10)]))
print(sum([1e308, 1e308]), sum([1e16, 1.0, -1e16]))
print(min(3, 1, 2), max(3, 1, 2), min([4, 2, 8]), max("hello"))
print(min([], default="none"), max((), default=None), min([5], default=0))
print(max(["a", "ccc", "bb"], key=len), min(["a", "ccc", "bb"], key=len))
print(max([1, 3, 2], key=lambda v: -v), min(1, 2.5, key=None))
print(max([(1, "b"), (1, "a")]), min([[2], [1, 5]]))
print(max(1, 1.0), max(1.0, 1), min(True, 1))
print(max([3, 7, 7, 1], key=lambda v: v % 4))
for call in (lambda: max([]), lambda: min(()), lambda: max(),
             lambda: max(1, 2, default=0), lambda: max([1], foo=1),
             lambda: sum(), lambda: sum(["a", "b"], ""), lambda: sum([b"a"], b""),
             lambda: sum([1, "a"]), lambda: sum(5), lambda: max(5),
             lambda: min([1, "a"])):
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
