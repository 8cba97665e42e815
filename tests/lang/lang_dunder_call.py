# __call__: callable instances with state, callable(), and instances used
# as keys for sorted/map.
class Adder:
    def __init__(self, n):
        self.n = n
        self.calls = 0

    def __call__(self, x, *rest, scale=1):
        self.calls += 1
        return (x + self.n + sum(rest)) * scale


add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(x=2, scale=10), add5.calls)
print(callable(add5), callable(Adder), callable(5), callable(print))
print(list(map(Adder(100), [1, 2, 3])), sorted([3, -1, 2], key=Adder(-10)))


class Compose:
    def __init__(self, *fns):
        self.fns = fns

    def __call__(self, v):
        for f in reversed(self.fns):
            v = f(v)
        return v


f = Compose(str, Adder(1), abs)
print(repr(f(-41)))
try:
    object()()
except TypeError as e:
    print("TypeError:", e)
try:
    add5()
except TypeError as e:
    print("TypeError:", e)
