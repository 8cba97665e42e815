# collections.namedtuple: field access, tuple behaviour, _replace,
# _asdict, _fields, _make, defaults, repr, and subclassing.
from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, y=4)
print(p, p.x, p[1], len(p), tuple(p), p == (3, 4), p._fields, Point._fields)
x, y = p
print(x + y, p._replace(x=10), p._asdict(), Point._make([5, 6]), hash(p) == hash((3, 4)))
Color = namedtuple("Color", "red green blue", defaults=[0])
print(Color(255, 128), Color._field_defaults, Color(1, 2, 3).blue)


class Vec(namedtuple("Vec", "x y")):
    __slots__ = ()

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    @property
    def norm2(self):
        return self.x ** 2 + self.y ** 2


v = Vec(1, 2) + Vec(3, 4)
print(v, v.norm2, isinstance(v, tuple), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
try:
    p.x = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)
try:
    namedtuple("Bad", ["ok", "class"])
except ValueError as e:
    print("ValueError:", e)
