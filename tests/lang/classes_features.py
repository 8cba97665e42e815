# Classes (issue #4): properties, static/class methods, list/dict/Exception
# subclasses, iterator protocol, __getattr__/__setattr__/__call__, __del__,
# multiple inheritance and super(), metaclasses, type(), dunder slots,
# __set_name__ and __init_subclass__.
class A:
    def __init__(self): self._v = 2
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x
    @staticmethod
    def s(x): return x * 2
    @classmethod
    def c(cls): return cls.__name__
a = A(); a.v = 5
print(a.v, A.s(3), a.s(4), A.c(), a.c())
class L(list):
    def total(self): return sum(self)
l = L([1, 2, 3]); l.append(4)
print(l, l.total(), len(l), isinstance(l, list), type(l).__name__)
class D(dict):
    def __missing__(self, k): return 0
d = D(a=1); d['b'] = 2
print(d, d['a'], type(d))
class E(Exception):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
try:
    raise E("bad", 3)
except E as e:
    print(e, e.code, e.args, repr(e))
class It:
    def __init__(self, n): self.n = n; self.i = 0
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(It(3)), 2 in It(3))
class G:
    def __getattr__(self, name): return name.upper()
    def __call__(self, *a, **k): return (a, k)
g = G()
print(g.foo, g(1, x=2))
class S:
    def __setattr__(self, k, v):
        object.__setattr__(self, k, v * 2)
s = S(); s.x = 3; print(s.x)
class Del:
    def __del__(self): print("del")
x = Del(); del x
print("after")
class B1:
    def who(self): return "B1"
class B2:
    def who(self): return "B2"
class M(B1, B2):
    def who(self): return "M+" + super(M, self).who()
print(M().who(), [c.__name__ for c in M.__mro__], issubclass(M, B2))
class Bad:
    def __init__(self): return 1
try: Bad()
except TypeError as e: print(e)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns['tag'] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class W(metaclass=Meta): pass
print(W.tag, type(W).__name__)
T = type("T", (A,), {"z": 1})
print(T().z, T.__name__, repr(T()).startswith("<__main__.T object at"))
class N:
    def __init__(self, v): self.v = v
    def __iadd__(self, o): self.v += o; return self
    def __radd__(self, o): return o + self.v
    def __neg__(self): return N(-self.v)
    def __lt__(self, o): return self.v < o.v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return self.v == o.v
n = N(1); n += 5; print(n.v, 10 + n, (-n).v, sorted([N(3), N(1)])[0].v, len({N(1), N(1)}))
print(A.__dict__['s'].__class__.__name__, hasattr(a, '__dict__'), a.__dict__)
class D:
    def __set_name__(self, owner, name): self.name = name; print("set_name", owner.__name__, name)
    def __get__(self, obj, t=None): return self.name if obj else self
class A:
    x = D()
print(A().x)
class Base:
    subs = []
    def __init_subclass__(cls):
        Base.subs.append(cls.__name__)
class S1(Base): pass
class S2(S1): pass
print(Base.subs)
