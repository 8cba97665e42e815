# isinstance/issubclass, callable and the attribute builtins on classes and
# instances; vars and dir.
class Base:
    kind = "base"

    def method(self):
        return 1


class Child(Base):
    def __init__(self):
        self.x = 1
        self.y = 2


c = Child()
print(isinstance(c, Child), isinstance(c, Base), isinstance(c, int), isinstance(1, (str, int)))
print(isinstance(True, int), isinstance(1, bool), isinstance(1, (str, (float, int))))
print(issubclass(Child, Base), issubclass(Base, Child), issubclass(bool, (str, int)))
print(issubclass(int, object), isinstance(None, object), isinstance(int, type))
print(type(1), type("s"), type(c).__name__, type(type), type(None).__name__)
a, b = [], []
print(id(a) == id(a), id(a) != id(b), isinstance(id(a), int))
print(repr("it's"), repr([1, "a"]), ascii("héllo ☃ \U0001f600"), ascii([1, "é"]))
print(format(3.14159, ".2f"), format(42, "08b"), format("x", ">3"), format(7), format(1.5, ""))
print(callable(len), callable(Child), callable(c), callable(c.method), callable(1), callable(lambda: 0))
print(getattr(c, "x"), getattr(c, "missing", "dflt"), getattr(c, "kind"), hasattr(c, "y"), hasattr(c, "nope"))
setattr(c, "z", 3)
print(c.z, vars(c))
delattr(c, "z")
print(hasattr(c, "z"), sorted(vars(c)))
print([n for n in dir(c) if not n.startswith("_")])
print([n for n in dir(Child) if not n.startswith("_")])
g = 10


def f(p, q=2):
    r = p + q
    return sorted(locals().items())


def outer():
    v = 1

    def inner():
        return locals()

    return inner


print(f(1), outer()())
print("g" in globals(), globals()["g"], globals() is globals())
print(type(globals()).__name__, "f" in dir())
for call in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, [int]),
             lambda: getattr(c, 1), lambda: getattr(c, "nope"), lambda: setattr(1, "x", 2),
             lambda: delattr(c, "nope"), lambda: vars(1), lambda: format(1, 2),
             lambda: isinstance(1), lambda: getattr(1, "a", 2, 3)):
    try:
        print(call())
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
