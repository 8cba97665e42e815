# Class statement basics: class and instance attributes, methods, __dict__.
class Point:
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(3, -4)
print(p.x, p.y, p.dims, Point.dims, p.norm1())
q = p.moved(1, 1)
print(q.x, q.y, type(q) is Point, type(q).__name__)
print(sorted(p.__dict__.items()))
p.z = 10
print(sorted(vars(p)), "z" in p.__dict__, hasattr(q, "z"))
Point.dims = 3
print(p.dims, q.dims)
p.dims = 99
print(p.dims, q.dims, Point.dims)
del p.dims
print(p.dims)
print(Point.norm1(q), callable(Point.norm1), "norm1" in Point.__dict__)
print(p.__class__ is Point, isinstance(p, object), Point.__bases__)


class Empty:
    pass


e = Empty()
e.a = 1
print(e.a, Empty.__name__, Empty.__bases__[0].__name__, vars(e))
