# Generator expressions: laziness, single use, the first iterable is
# evaluated immediately, scoping of the loop variable, and consumers.
def source(n):
    print(f"  source({n}) created")
    for i in range(n):
        print(f"  produce {i}")
        yield i


g = (x * 10 for x in source(3))
print("genexpr built")
print(next(g))
print(list(g), list(g))
print(sum(x for x in range(101)), max((len(w), w) for w in "a bbb cc".split()))
print(any(x > 2 for x in [1, 2, 3]), all(x for x in []), sorted((c for c in "cab"), reverse=True))
x = "outer"
squares = list(x for x in range(4))
print(squares, x)
try:
    gen = (1 / d for d in [1, 0])
    print("created lazily")
    print(list(gen))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    bad = (y for y in 5)
except TypeError as e:
    print("TypeError at creation:", e)
pairs = ((a, b) for a in range(3) for b in range(a) if (a + b) % 2)
print(list(pairs), type(pairs).__name__)
print(dict((k, k * k) for k in range(4)), tuple(c.upper() for c in "hi"), "-".join(str(i) for i in range(3)))
