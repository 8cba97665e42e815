# Generator functions: lazy execution, suspension between next() calls,
# local state preserved, exhaustion, and generator objects as iterators.
def count_up(n):
    print("  started")
    i = 0
    while i < n:
        print(f"  yielding {i}")
        yield i
        i += 1
    print("  finished")


g = count_up(2)
print(type(g).__name__, iter(g) is g)
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as s:
    print("StopIteration", s.value)
print(next(g, "exhausted"), list(g))


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


f = fib()
print([next(f) for _ in range(12)])


def empty():
    return
    yield


print(list(empty()), list(count_up(0)))


def with_locals(words):
    seen = set()
    for w in words:
        if w not in seen:
            seen.add(w)
            yield w.upper(), len(seen)


print(list(with_locals("a b a c b d".split())))
g1, g2 = fib(), fib()
next(g1)
print(next(g1), next(g2), g1.__name__, g1.__qualname__)
