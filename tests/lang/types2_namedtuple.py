# collections.namedtuple in depth.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, repr(p), str(p), p.x, p.y, p[0], p[1], p[-1], len(p))
print(Point._fields, Point.__name__, Point.__doc__, type(p).__name__, Point.__mro__)
x, y = p
print(x, y, list(p), tuple(p), p == (1, 2), p == Point(1, 2), p != Point(2, 1), hash(p) == hash((1, 2)))
print(isinstance(p, tuple), isinstance(p, Point), p + (3,), type(p + (3,)).__name__, p * 2, p[:1])
print(Point._make([5, 6]), Point._make(range(2)), p._asdict(), type(p._asdict()).__name__)
print(p._replace(x=10), p, Point(y=4, x=3), Point(7, y=8))
print(p.count(1), p.index(2), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]), max(Point(3, 9)))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    p.z = 5
except AttributeError as e:
    print("AttributeError", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError", e)
try:
    Point(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    p._replace(z=1)
except ValueError as e:
    print("ValueError", e)
try:
    Point._make([1])
except TypeError as e:
    print("TypeError", e)

P3 = namedtuple("P3", "a b c")
P4 = namedtuple("P4", "a, b, c, d")
print(P3(1, 2, 3), P3._fields, P4(*"wxyz"), P4._fields)

Opt = namedtuple("Opt", ["name", "level", "tags"], defaults=[0, ()])
print(Opt("a"), Opt("b", 3), Opt("c", tags=("t",)), Opt._field_defaults, Opt.__new__.__defaults__)
try:
    Opt()
except TypeError as e:
    print("TypeError", e)

R = namedtuple("R", ["ok", "def", "ok", "_x", "2y"], rename=True)
print(R._fields, R(1, 2, 3, 4, 5))
try:
    namedtuple("Bad", ["ok", "def"])
except ValueError as e:
    print("ValueError", e)
try:
    namedtuple("Bad", ["a", "a"])
except ValueError as e:
    print("ValueError", e)
try:
    namedtuple("Bad", ["_a"])
except ValueError as e:
    print("ValueError", e)
try:
    namedtuple("1Bad", ["a"])
except ValueError as e:
    print("ValueError", e)

class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()
    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)
    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return "<%d,%d>" % self

v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2, v._replace(x=0), type(v._replace(x=0)).__name__, Vec._make([9, 9]), v._asdict())
print(Vec.__bases__[0].__name__, isinstance(v, tuple), Vec.__mro__[1]._fields)

class Rec(namedtuple("Rec", "id name")):
    pass
r = Rec(1, "a")
r.extra = "dict"
print(r, r.extra, r.__dict__)

Empty = namedtuple("Empty", [])
print(Empty(), Empty._fields, len(Empty()), Empty._make([]))

Node = namedtuple("Node", "value children")
tree = Node(1, [Node(2, []), Node(3, [Node(4, [])])])
def total(n):
    return n.value + sum(total(c) for c in n.children)
print(tree, total(tree))
print({Point(1, 2): "a", Point(1, 2): "b"}, set([Point(0, 0), Point(0, 0)]))
print(Point.x, Point.y.__doc__, Point._field_defaults, namedtuple("M", "a", module="mymod").__module__)
rows = [Point(i, i * i) for i in range(4)]
print([r.y for r in rows], sum(r.x for r in rows), dict(zip(Point._fields, p)))
for fname, val in zip(p._fields, p):
    print(fname, "=", val)
