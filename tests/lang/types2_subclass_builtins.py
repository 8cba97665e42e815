# Subclassing the immutable builtins: tuple, int, str, float.

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    def swap(self):
        return Pair(self[1], self[0])
    @property
    def first(self):
        return self[0]
    def __repr__(self):
        return "Pair" + tuple.__repr__(self)

p = Pair(1, 2)
print(p, p.swap(), p.first, len(p), p[0], p[-1], list(p))
print(isinstance(p, tuple), isinstance(p, Pair), type(p).__name__, type(p).__mro__)
print(type(p + (3,)).__name__, p + (3,), p * 2, type(p * 2).__name__, p[0:1], type(p[0:1]).__name__)
print(p == (1, 2), p < (1, 3), hash(p) == hash((1, 2)), (1, 2) in {p})
a, b = p
print(a, b, sorted([Pair(3, 1), Pair(1, 2)]))
p.extra = "x"
print(p.extra, p.__dict__, vars(p))
print(tuple(p), type(tuple(p)).__name__, str(p))

class Plain(tuple):
    pass
t = Plain([4, 5, 6])
print(t, repr(t), type(t).__name__, Plain(), Plain(range(3)), Plain("ab"))
t.n = 1
t.n += 1
print(t.n, t.count(4), t.index(6))

class Slotted(tuple):
    __slots__ = ()
s = Slotted((1,))
try:
    s.x = 1
except AttributeError as e:
    print("AttributeError", e)
try:
    class Bad(tuple):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError", e)

class Age(int):
    def __new__(cls, v, unit="y"):
        obj = super().__new__(cls, v)
        obj.unit = unit
        return obj
    def __repr__(self):
        return "Age(%d%s)" % (int(self), self.unit)
    def older(self, n):
        return Age(self + n, self.unit)

x = Age(30)
print(x, repr(x), str(x), x.unit, x.older(5), x + 1, type(x + 1).__name__, x * 2, -x, type(-x).__name__)
print(x == 30, x < 31, hash(x) == hash(30), int(x), type(int(x)).__name__, x // 7, x % 7, x ** 2)
print(isinstance(x, int), bin(x), hex(x), f"{x:05d}", "%d" % x, abs(Age(-3)), type(abs(Age(-3))).__name__)
print([0, 1, 2, 3][Age(2)], range(Age(3)), x.bit_length(), x.to_bytes(2, "big"), float(x))
big = Age(2 ** 100)
print(big, big.unit, type(big + 1).__name__, big > 2 ** 99)
print(Age("42", unit="m"), Age(-7), Age(0), Age(True))

class Flag(int):
    pass
f = Flag(5)
f.note = [f]
print(f, repr(f), f.note[0] is f, Flag(), Flag("ff", 16), Flag(3.9))

class Name(str):
    def __new__(cls, value):
        return super().__new__(cls, value.strip().title())
    def initials(self):
        return "".join(w[0] for w in self.split())
    def __repr__(self):
        return "Name(%s)" % str.__repr__(self)

n = Name("  ada lovelace ")
print(n, repr(n), n.initials(), len(n), n[0], n.upper(), type(n.upper()).__name__)
print(n == "Ada Lovelace", n + "!", type(n + "!").__name__, "Ada" in n, n.startswith("Ada"))
print(hash(n) == hash("Ada Lovelace"), {n: 1}["Ada Lovelace"], sorted([Name("b"), Name("a")]))
print(isinstance(n, str), str(n), type(str(n)).__name__, f"[{n}]", "%s" % n, n.split())
n.extra = 7
print(n.extra, n.__dict__)

class Tag(str):
    pass
g = Tag("héllo")
print(g, repr(g), len(g), g[1], Tag(), Tag(12), Tag(b"ab", "ascii"), type(g).__name__)
print(g.encode(), list(Tag("xyz")), "-".join(Tag("abc")))

class Celsius(float):
    def __new__(cls, degrees=0.0):
        return super().__new__(cls, degrees)
    def to_f(self):
        return self * 9 / 5 + 32
    def __repr__(self):
        return "%s°C" % float.__repr__(self)

c = Celsius(36.6)
print(c, repr(c), c.to_f(), type(c.to_f()).__name__, c + 1, type(c + 1).__name__, round(c), int(c))
print(c == 36.6, c > 30, hash(c) == hash(36.6), isinstance(c, float), Celsius(), Celsius("1.5"))
c.label = "body"
c.me = c
print(c.label, c.me is c, c.__dict__.keys(), c.is_integer(), Celsius(2).as_integer_ratio())

class Unit(float):
    pass
u = Unit(2.5)
print(u, repr(u), u * 2, type(u * 2).__name__, -u, type(-u).__name__, u.real, Unit(7))

class Deep(Pair):
    def total(self):
        return sum(self)
d = Deep(3, 4)
print(d, d.total(), isinstance(d, Pair), type(d).__name__, [k.__name__ for k in Deep.__mro__])
