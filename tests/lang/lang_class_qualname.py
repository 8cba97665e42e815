# __name__, __qualname__ and __module__ of classes, nested classes, methods
# and functions defined inside methods.
class A:
    class B:
        def m(self):
            def inner():
                pass
            return inner

    def f(self):
        class Local:
            pass
        return Local


print(A.__name__, A.__qualname__, A.__module__)
print(A.B.__name__, A.B.__qualname__)
print(A.B.m.__qualname__, A.B().m().__qualname__)
print(A.f.__qualname__, A().f().__qualname__, A().f().__name__)
print(repr(A), repr(A.B), str(A().f()))
print(type(A()).__qualname__, A.__dict__["f"].__name__)


def factory():
    class Made:
        def go(self):
            return 1
    return Made


print(factory().__qualname__, factory().go.__qualname__)
