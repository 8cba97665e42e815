# staticmethod and classmethod: calling through instances and classes,
# alternative constructors that respect subclasses, class-level counters.
class Shape:
    count = 0

    def __init__(self, name):
        self.name = name
        type(self).register()

    @classmethod
    def register(cls):
        cls.count += 1

    @classmethod
    def from_spec(cls, spec):
        return cls(spec.strip().lower())

    @staticmethod
    def area_of_square(side):
        return side * side

    @staticmethod
    def describe():
        return "shapes are fun"


class Circle(Shape):
    pass


s = Shape.from_spec("  SQUARE ")
c = Circle.from_spec("Round")
c2 = Circle("c2")
print(type(s).__name__, s.name, type(c).__name__, c.name)
print(Shape.count, Circle.count, s.count)
print(Shape.area_of_square(4), s.area_of_square(5), Circle.describe(), c.describe())
print(type(Shape.__dict__["register"]).__name__, type(Shape.__dict__["describe"]).__name__)
print(Shape.register.__self__ is Shape, Circle.register.__self__ is Circle)
f = Shape.__dict__["area_of_square"]
print(f.__func__(3), callable(f))
m = c.from_spec
print(m("X").name, type(m("Y")).__name__)
