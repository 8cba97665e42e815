# test_class-style facts: attribute lookup, scoping, MRO, super, dunders,
# properties, class/static methods, __slots__, __getattr__, __call__, __del__.
x = "global x"
y = "global y"

class Scope:
    x = "class x"
    def f():
        return x
    z = [x for _ in range(1)]
    w = x

print(Scope.f(), Scope.z, Scope.w)

def outer():
    y = "outer y"
    class Inner:
        y = y if False else "inner y"
        v = y
        def m(self):
            return y
    return Inner

I = outer()
print(I.v, I().m())

class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        Base.registry.append(cls.__name__)
    def hello(self):
        return "Base.hello from " + type(self).__name__
    def __repr__(self):
        return "<%s>" % type(self).__name__

class Left(Base):
    def hello(self):
        return "Left+" + super().hello()
class Right(Base):
    def hello(self):
        return "Right+" + super().hello()
class Both(Left, Right):
    pass

print(Both().hello(), Base.registry, [c.__name__ for c in Both.__mro__])
print(Both.hello is Left.hello, Both.__mro__[1] is Left, isinstance(Both(), Right), issubclass(Both, (int, Right)))
try:
    class Bad(Left, Base, Right): pass
except TypeError as e:
    print("TypeError:", e)

class Counter:
    instances = 0
    def __new__(cls, *args):
        Counter.instances += 1
        return super().__new__(cls)
    def __init__(self, start=0):
        self.n = start
    def __call__(self, step=1):
        self.n += step
        return self.n
    def __del__(self):
        print("bye", self.n)

c = Counter(10)
print(c(), c(5), Counter.instances, callable(c))
del c
print("after del")

class Temp:
    def __init__(self):
        self._c = 0.0
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9
    celsius = property(lambda self: self._c)

t = Temp()
t.fahrenheit = 212
print(t.celsius, t.fahrenheit)
try:
    t.celsius = 5
except AttributeError as e:
    print("AttributeError:", e)

class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def parse(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __eq__(self, o):
        return (self.y, self.m, self.d) == (o.y, o.m, o.d)
    def __hash__(self):
        return hash((self.y, self.m, self.d))
    def __str__(self):
        return "%04d-%02d-%02d" % (self.y, self.m, self.d)
    __repr__ = __str__

class EuroDate(Date):
    def __str__(self):
        return "%02d.%02d.%04d" % (self.d, self.m, self.y)

dd = EuroDate.parse("2024-02-29")
print(dd, repr(dd), type(dd).__name__, Date.is_leap(1900), dd.is_leap(2000), dd == Date(2024, 2, 29), len({dd, Date(2024, 2, 29)}))

class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("auto_"):
            value = name[5:] * 2
            setattr(self, name, value)
            return value
        raise AttributeError("%r has no %r" % (type(self).__name__, name))

lz = Lazy()
print(lz.real, lz.auto_ab, "auto_ab" in vars(lz), getattr(lz, "nothing", "fallback"))
try:
    lz.nothing
except AttributeError as e:
    print("AttributeError:", e)

class Point:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = Point(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), Point.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)

class Frozen:
    def __init__(self, v):
        object.__setattr__(self, "v", v)
    def __setattr__(self, k, v):
        raise AttributeError("frozen: cannot set %s" % k)
    def __delattr__(self, k):
        raise AttributeError("frozen: cannot delete %s" % k)
fz = Frozen(3)
for act in (lambda: setattr(fz, "v", 4), lambda: delattr(fz, "v")):
    try:
        act()
    except AttributeError as e:
        print(e, fz.v)

class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i * i
print(list(Seq(5)), 9 in Seq(4), len(Seq(3)), sorted(Seq(4), reverse=True), bool(Seq(0)))
print(Scope.__name__, Scope.__qualname__, I.__qualname__, Date.parse.__name__, type(Date.__dict__["parse"]).__name__)
print(Date.__dict__["is_leap"].__class__.__name__, Temp.fahrenheit.__class__.__name__, type(Base.hello).__name__, type(Base().hello).__name__)
