# dataclasses: the everyday uses -- records with defaults, repr, eq, order.
from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass


@dataclass
class Point:
    x: int
    y: int = 0

    def dist2(self):
        return self.x * self.x + self.y * self.y


p = Point(3, 4)
print(p, repr(p), p.x, p.y, p.dist2())
print(Point(1), Point(y=2, x=1), Point(1, 2) == Point(1, 2), Point(1, 2) != Point(2, 1))
print(Point(1) == (1, 0), Point.__hash__ is None, Point.y, hasattr(Point, "x"))
print([f.name for f in fields(Point)], [f.type for f in fields(Point)])
print(asdict(p), astuple(p), replace(p, y=10), p)
print(is_dataclass(Point), is_dataclass(p), is_dataclass(3), is_dataclass(int))
print(Point.__match_args__, Point.__doc__)
p.x = 30
print(p)


@dataclass
class Inventory:
    name: str
    items: list = field(default_factory=list)
    tags: dict = field(default_factory=dict)
    count: int = field(default=0, repr=False)
    secret: str = field(default="s", compare=False)


a = Inventory("a")
b = Inventory("b")
a.items.append(1)
print(a, b, a.items is not b.items)
print(Inventory("x", [1]) == Inventory("x", [1], secret="other"))
print(Inventory("x", count=5) == Inventory("x"), hasattr(Inventory, "items"))
print(Inventory.__doc__)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default="", compare=False)


vs = [Version(1, 2), Version(1, 0, 5), Version(0, 9), Version(1, 2, 0, "rc")]
print(sorted(vs))
print(Version(1) < Version(1, 1), Version(2) >= Version(1, 9), max(vs), min(vs))
print(Version(1, 2) == Version(1, 2, 0, "rc"), Version(1, 2) <= Version(1, 2, 0, "x"))


@dataclass
class Line:
    start: Point
    end: Point
    points: list = field(default_factory=list)


ln = Line(Point(0, 0), Point(1, 1), [Point(2, 2)])
print(ln)
print(asdict(ln))
print(astuple(ln))
d = asdict(ln)
d["start"]["x"] = 99
print(ln.start.x)


@dataclass
class Temp:
    celsius: float
    fahrenheit: float = field(init=False)

    def __post_init__(self):
        self.fahrenheit = self.celsius * 9 / 5 + 32


t = Temp(100)
print(t, t.fahrenheit)
print(replace(t, celsius=0))


@dataclass
class Base:
    id: int
    name: str = "?"


@dataclass
class Child(Base):
    extra: list = field(default_factory=list)
    name: str = "child"


c = Child(1)
print(c, [f.name for f in fields(c)], isinstance(c, Base))
print(Child(2, "n", [1]), Base(3) == Child(3, "?"))


class Outer:
    @dataclass
    class Inner:
        v: int = 1


print(Outer.Inner(), repr(Outer.Inner(5)))


@dataclass()
class Empty:
    pass


print(Empty(), Empty() == Empty(), fields(Empty))


@dataclass(repr=False, eq=False)
class Raw:
    v: int


r = Raw(1)
print(r.v, r == Raw(1), r == r, repr(r).startswith("<"))


@dataclass
class WithMethods:
    values: list = field(default_factory=list)

    def add(self, v):
        self.values.append(v)
        return self

    @property
    def total(self):
        return sum(self.values)

    @classmethod
    def of(cls, *vs):
        return cls(list(vs))

    def __len__(self):
        return len(self.values)


w = WithMethods.of(1, 2).add(3)
print(w, w.total, len(w))
