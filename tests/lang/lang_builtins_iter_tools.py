# Iteration builtins in depth: enumerate with start, zip with strict,
# map with several iterables, filter with None, reversed on sequences and
# custom __reversed__, and the laziness of map/filter/zip.
print(list(enumerate("abc", 10)), list(zip("ab", [1, 2, 3])), list(zip()), list(zip("a")))
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(filter(None, [0, 1, "", "x", None, [], [0]])))
try:
    list(zip("ab", "abc", strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(zip("ab", "cd", strict=True)), list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))))
log = []


def noisy(x):
    log.append(x)
    return x * 2


m = map(noisy, [1, 2, 3])
print(log, next(m), log, list(m), log)
f = filter(lambda x: x % 2, range(10))
print(next(f), next(f), list(f))
z = zip(iter([1, 2, 3]), iter("ab"))
print(list(z), list(z))
e = enumerate(["x", "y"])
print(next(e), type(e).__name__, list(e))
try:
    reversed({1, 2})
except TypeError as err:
    print("TypeError:", err)
print(dict(enumerate("ab")), list(map(str, range(3))), sorted(map(abs, [-3, 1, -2])))
