# A basic __new__: allocation through object.__new__, singletons, caching,
# and __init__ being skipped when __new__ returns a non-instance.
class Plain:
    def __new__(cls, *args, **kw):
        print("Plain.__new__", cls.__name__, args, kw)
        return super().__new__(cls)

    def __init__(self, a, b=0):
        print("Plain.__init__", a, b)
        self.total = a + b


p = Plain(1, b=2)
print(p.total, type(p).__name__)


class Singleton:
    _instance = None

    def __new__(cls):
        if cls._instance is None:
            cls._instance = object.__new__(cls)
            cls._instance.created = 0
        cls._instance.created += 1
        return cls._instance


s1, s2 = Singleton(), Singleton()
print(s1 is s2, s1.created)


class Weird:
    def __new__(cls, value):
        if value < 0:
            return "negative!"
        return super().__new__(cls)

    def __init__(self, value):
        print("Weird.__init__", value)
        self.value = value


print(Weird(5).value)
print(Weird(-1))


class Sub(Plain):
    pass


s = Sub(10)
print(type(s).__name__, s.total)
o = object.__new__(Plain)
print(type(o).__name__, hasattr(o, "total"))
