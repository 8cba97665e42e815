# sorted, min and max with key, default, multiple arguments, reverse, and
# their errors; list.sort returns None.
data = [("pear", 3), ("fig", 12), ("apple", 7), ("kiwi", 7)]
print(sorted(data), sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[0][-1], reverse=True))
print(min(data, key=lambda t: t[1]), max(data, key=lambda t: t[1]), max(data, key=lambda t: len(t[0])))
print(min(4, 2, 8), max("abc", "abd", "ab"), min([], default="none"), max((), default=0, key=abs))
print(max([3, -7, 5], key=abs), min("Zebra", "apple", key=str.lower), max(range(10), key=lambda x: x % 4))
print(sorted({"b": 1, "a": 2}), sorted("hello"), sorted((3, 1, 2), reverse=True), sorted(range(3), key=lambda x: -x))
lst = [3, 1, 2]
print(lst.sort(), lst, sorted(lst) is lst)
for op in (lambda: min([]), lambda: max(), lambda: sorted([1, "a"]), lambda: min(1), lambda: max([1], [2], default=0)):
    try:
        print(op())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(max([1, 2], [1, 3]), min((2, "b"), (2, "a")), max([0.5, 1, True]), min([-0.0, 0.0]))
