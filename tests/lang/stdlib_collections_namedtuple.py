# namedtuple: fields, defaults, _make, _replace, _asdict, errors
from collections import namedtuple

Point = namedtuple("Point", "x y")
p = Point(1, 2)
print(p, p.x, p.y, p[0], p[1], len(p), p == (1, 2), tuple(p), isinstance(p, tuple))
print(Point(x=3, y=4), Point(5, y=6), Point._make([7, 8]), p._replace(y=9), p._asdict())
print(Point._fields, Point.__name__, Point.__doc__, Point.x.__doc__, Point._field_defaults)
x, y = p
print(x + y, sum(p), max(p), p * 2, p + (3,), sorted([Point(2, 1), Point(1, 5), Point(1, 2)]))
Color = namedtuple("Color", ["red", "green", "blue"], defaults=[0, 0])
print(Color(255), Color(1, 2, 3), Color._field_defaults, Color(red=9, blue=1))
Row = namedtuple("Row", "id, name,  score")
rows = [Row(1, "ann", 90), Row(2, "bob", 75), Row(3, "cid", 82)]
print(max(rows, key=lambda r: r.score).name, [r.name for r in sorted(rows, key=lambda r: -r.score)])
print(namedtuple("R", ["a", "def", "_b", "a"], rename=True)._fields)
print(hash(p) == hash((1, 2)), {p: "pt"}[(1, 2)], type(p).__name__, Point.__mro__[1])
for bad in [lambda: Point(1), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, 2, x=2),
            lambda: Point._make([1]), lambda: p._replace(z=1), lambda: setattr(p, "x", 5),
            lambda: namedtuple("1x", "a"), lambda: namedtuple("X", "a def"),
            lambda: namedtuple("X", "_a"), lambda: namedtuple("X", "a a"),
            lambda: namedtuple("X", "a", defaults=[1, 2])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
Card = namedtuple("Card", "rank suit")
deck = [Card(r, s) for s in "SH" for r in "AKQ"]
print(deck[:3], deck[-1].suit)
