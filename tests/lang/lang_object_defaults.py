# What object provides by default: __eq__/__ne__ (identity), __ne__
# derived from a custom __eq__, default __str__ = __repr__, __class__,
# __doc__, and comparisons returning NotImplemented.
class A:
    "A's docstring."


class E:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        return self.v == getattr(other, "v", None)


a = A()
print(a.__eq__(a), a.__eq__(A()), a.__ne__(a), A.__doc__, E.__doc__)
print(E(1) != E(1), E(1) != E(2), E(1).__ne__(E(1)), E(1) == E(1))
print(str(a) == repr(a), a.__class__ is A, A.__class__ is type, a.__lt__(a), object.__eq__(a, 1))
print(isinstance(a.__hash__(), int), A.__hash__ is object.__hash__, E.__hash__ is None)
print(type(object.__repr__(a)).__name__, object.__repr__(a).startswith("<__main__.A object at 0x"))
print(issubclass(A, object), A.__mro__, object.__bases__, type(a).__name__)
