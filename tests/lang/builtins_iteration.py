# len, iter, next, any, all, and the iteration builtins.
print(len([1, 2, 3]), len("héllo"), len({}), len(range(10)), len((1,)))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.args)

counter = [0]


def tick():
    counter[0] += 1
    return counter[0]


print(list(iter(tick, 5)))
print(list(iter([3, 4])))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "x"]), all([1, 0]))
print(list(enumerate("abc")), list(enumerate("ab", 10)))
print(list(zip([1, 2, 3], "ab")), list(zip()))
print(list(map(abs, [-1, 2, -3])), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(None, [0, 1, "", "x"])), list(filter(lambda v: v % 2, range(7))))
print(list(reversed([1, 2, 3])), list(reversed(range(4))), "".join(reversed("abc")))
print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True))
print(sorted(["bb", "a", "ccc"], key=len), sorted([(2, "b"), (1, "z"), (2, "a")]))
print(sorted({3: 0, 1: 0}), sorted([1.5, 1, True, 0]))
words = ["pear", "Apple", "fig"]
print(sorted(words, key=str.lower), words)
print(type(range(3)).__name__, type(enumerate([])).__name__, type(zip()).__name__)
