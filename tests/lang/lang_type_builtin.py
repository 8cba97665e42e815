# type(): one argument gives the class; three arguments create a class
# dynamically, with bases and a namespace of methods and attributes.
print(type(1), type("a"), type([]), type(None), type(type), type(len))


def greet(self):
    return f"hi from {type(self).__name__} ({self.x})"


Base = type("Base", (), {"x": 1, "greet": greet})
Derived = type("Derived", (Base,), {"x": 2, "__repr__": lambda self: "Derived()"})
b, d = Base(), Derived()
print(b.greet(), d.greet(), repr(d), Derived.__mro__)
print(Base.__name__, Derived.__bases__, isinstance(d, Base), type(d) is Derived)
Point = type("Point", (object,), {"__init__": lambda self, x, y: setattr(self, "xy", (x, y))})
print(Point(3, 4).xy, Point.__qualname__)
try:
    type(1, 2)
except TypeError as e:
    print("TypeError:", e)
