def make():
    def inner():
        pass
    return inner
f1 = make(); f2 = make()
print(f1 is f2, f1.__code__ is f2.__code__, f1.__qualname__)
def top():
    pass
print(top is top, callable(top), callable(3))
print(type(top).__name__, type(top.__code__).__name__)
