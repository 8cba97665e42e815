# isinstance/issubclass, type, id, repr/ascii/format, callable, getattr on
# builtin objects, globals/locals/vars/dir.
print(isinstance(1, (str, int)), isinstance(True, int), isinstance(1, bool))
print(isinstance(1, (str, (float, int))), isinstance("s", ()), isinstance([], (list, list)))
print(issubclass(bool, (str, int)), issubclass(int, object), isinstance(None, object))
print(isinstance(int, type), issubclass(type, object), issubclass(bool, bool))
print(type(1), type("s"), type(type), type(None).__name__, type([]) is list)
a, b = [], []
print(id(a) == id(a), id(a) != id(b), isinstance(id(a), int), id(None) == id(None))
print(repr("it's"), repr([1, "a"]), repr(None), repr(2.5), repr((1,)))
print(ascii("héllo ☃ \U0001f600"), ascii([1, "é"]), ascii("plain"), ascii(5))
print(format(3.14159, ".2f"), format(42, "08b"), format("x", ">3"), format(7), format(1.5, ""))
print(callable(len), callable(int), callable(1), callable(lambda: 0), callable("s".upper), callable(print))
print(getattr(1, "real"), getattr(1, "missing", "dflt"), hasattr(1, "imag"), hasattr(1, "nope"))
print(getattr("abc", "upper")(), hasattr([], "append"), getattr(getattr, "__name__"))
g = 10


def f(p, q=2):
    r = p + q
    return sorted(locals().items())


def outer():
    v = 1

    def inner():
        return v + 1

    return sorted(locals())


def no_locals():
    return locals()


print(f(1), outer(), no_locals())
print("g" in globals(), globals()["g"], globals() is globals(), type(globals()).__name__)
print("f" in dir(), dir() == sorted(dir()), vars() is globals())
print([n for n in dir([]) if not n.startswith("_")])
import sys
print("getsizeof" in dir(sys), "argv" in vars(sys))
for call in (lambda: isinstance(1, 1), lambda: issubclass(1, int), lambda: issubclass(int, [int]),
             lambda: getattr(1, 1), lambda: getattr(1, "nope"), lambda: setattr(1, "x", 2),
             lambda: delattr(1, "real"), lambda: vars(1), lambda: format(1, 2),
             lambda: isinstance(1), lambda: getattr(1, "a", 2, 3), lambda: hasattr(1, 2),
             lambda: format(1, "q"), lambda: callable(), lambda: id(1, 2)):
    try:
        print(call())
    except (TypeError, AttributeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
