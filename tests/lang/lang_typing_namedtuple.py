import typing as t

class Pt(t.NamedTuple):
    x: int
    y: float = 0.0
    def norm(self):
        return abs(self.x) + abs(self.y)
p = Pt(3)
print(p, p.norm(), Pt._fields, p._replace(y=2.5), Pt(1, 2) == (1, 2))
Emp = t.NamedTuple("Emp", [("name", str), ("id", int)])
print(Emp("a", 1))
