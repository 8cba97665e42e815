# Bound methods: __self__, __func__, equality, calling through the class,
# storing bound methods, and functions stored on instances (not bound).
class Counter:
    def __init__(self, start):
        self.n = start

    def incr(self, by=1):
        self.n += by
        return self.n


c = Counter(5)
m = c.incr
print(m(), m(10), c.n)
print(m.__self__ is c, m.__func__ is Counter.incr, m.__name__, m.__qualname__)
print(c.incr == c.incr, c.incr is c.incr, Counter(0).incr == c.incr)
print(Counter.incr(c, 100))
ops = [c.incr, Counter(1000).incr]
print([f(2) for f in ops])


def plain(x):
    return ("plain", x)


c.helper = plain
print(c.helper(3))
Counter.attached = plain
r = c.attached()
print(r[0], r[1] is c)
try:
    Counter.incr()
except TypeError as e:
    print("TypeError:", e)
try:
    c.incr(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(type(m).__name__, type(Counter.incr).__name__)
