# Functions and properties are descriptors: they have __get__ (enum and
# inspect-like code test hasattr(obj, '__get__')).
def f(self):
    return 1


class C:
    def m(self):
        return 2


print(hasattr(f, "__get__"), hasattr(property(), "__get__"), hasattr(property(), "__set__"))
print(f.__get__(C())(), hasattr(int.__repr__, "__get__"), hasattr(type(f), "__get__"))
print(property.__get__(property(lambda self: 7), C()))
