# __enter__/__exit__ are looked up on the type (special method lookup):
# instance attributes are ignored, inheritance and descriptors work, and the
# TypeError texts name the type.
class Base:
    def __enter__(self):
        print("Base.__enter__", type(self).__name__)
        return "base"

    def __exit__(self, *a):
        print("Base.__exit__", a[0])


class Child(Base):
    pass


with Child() as r:
    print("r =", r)


class Plain:
    pass


p = Plain()
p.__enter__ = lambda: "inst"
p.__exit__ = lambda *a: None
try:
    with p:
        print("not reached")
except TypeError as e:
    print("TypeError:", e)


class OnlyEnter:
    def __enter__(self):
        print("enter must not be called")


try:
    with OnlyEnter():
        pass
except TypeError as e:
    print("TypeError:", e)


class EnterNone:
    __enter__ = None

    def __exit__(self, *a):
        pass


try:
    with EnterNone():
        pass
except TypeError as e:
    print("TypeError:", e)


class Static:
    @staticmethod
    def __enter__():
        print("static enter")
        return 1

    @classmethod
    def __exit__(cls, et, ev, tb):
        print("classmethod exit", cls.__name__, et)


with Static() as one:
    print("one =", one)


class Prop:
    @property
    def __enter__(self):
        print("property read")
        return lambda: "from property"

    def __exit__(self, *a):
        print("exit", a)


with Prop() as v:
    print(v)


class EnterFails:
    def __enter__(self):
        raise RuntimeError("enter failed")

    def __exit__(self, *a):
        print("exit must not run")


try:
    with EnterFails():
        print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e)


# the second manager's __enter__ failing exits only the first
class Named:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print("enter", self.n)
        return self

    def __exit__(self, et, ev, tb):
        print("exit", self.n, et.__name__ if et else None)


try:
    with Named(1), EnterFails(), Named(3):
        print("not reached")
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in (None, 1.5, "s", [1], object()):
    try:
        with bad:
            pass
    except TypeError as e:
        print("TypeError:", e)
