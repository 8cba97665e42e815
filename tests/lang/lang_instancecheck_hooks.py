class Meta(type):
    def __instancecheck__(cls, obj):
        print("instancecheck", cls.__name__, obj)
        return obj == 42
    def __subclasscheck__(cls, sub):
        return sub is int
class Answer(metaclass=Meta):
    pass
print(isinstance(42, Answer), isinstance(3, Answer), isinstance(3, (str, Answer)))
print(issubclass(int, Answer), issubclass(str, Answer))
class Checker:
    def __instancecheck__(self, obj):
        return isinstance(obj, str) and obj.isdigit()
print(isinstance("123", Checker()), isinstance("12a", Checker()))
try:
    isinstance(3, 4)
except TypeError as e:
    print(e)
print(object.__init_subclass__())
try:
    object.__init_subclass__(1)
except TypeError as e:
    print(e)
class Base:
    registry = []
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Base.registry.append(cls.__name__)
class X(Base): pass
class Y(X): pass
print(Base.registry)
class A:
    pass
A.__module__ = "pkg.mod"
print(A, A.__module__)
try:
    int.__module__ = "q"
except TypeError as e:
    print(e)
try:
    del A.__module__
except TypeError as e:
    print(e)
