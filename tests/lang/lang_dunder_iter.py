# Iteration protocol: __iter__ returning self with __next__, separate
# iterator objects, iter() on sequences via __getitem__, and errors.
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


c = Countdown(3)
print(list(c), list(c))
print(sum(Countdown(4)), max(Countdown(5)), sorted(Countdown(3)))


class Bag:
    def __init__(self, *items):
        self.items = items

    def __iter__(self):
        return BagIter(self.items)


class BagIter:
    def __init__(self, items):
        self.items, self.i = items, 0

    def __next__(self):
        if self.i >= len(self.items):
            raise StopIteration
        self.i += 1
        return self.items[self.i - 1]

    def __iter__(self):
        return self


b = Bag("x", "y")
print(list(b), list(b), [a + c for a in b for c in b])
it = iter(b)
print(next(it), next(it), next(it, "done"))
x, y = b
print(x, y, dict(zip(b, Countdown(2))))


class Old:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * i


print(list(Old()), 4 in Old(), list(enumerate(Old())))


class BadIter:
    def __iter__(self):
        return 5


try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)
try:
    for _ in 42:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
