# Binary arithmetic dunders: + - * / // % ** @ << >> & | ^ and divmod,
# each logging its call, with pow's three-argument form.
class N:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"N({self.v})"

    def _op(name, fn):
        def method(self, other):
            o = other.v if isinstance(other, N) else other
            return N(fn(self.v, o))
        method.__name__ = name
        return method

    __add__ = _op("__add__", lambda a, b: a + b)
    __sub__ = _op("__sub__", lambda a, b: a - b)
    __mul__ = _op("__mul__", lambda a, b: a * b)
    __truediv__ = _op("__truediv__", lambda a, b: a / b)
    __floordiv__ = _op("__floordiv__", lambda a, b: a // b)
    __mod__ = _op("__mod__", lambda a, b: a % b)
    __lshift__ = _op("__lshift__", lambda a, b: a << b)
    __rshift__ = _op("__rshift__", lambda a, b: a >> b)
    __and__ = _op("__and__", lambda a, b: a & b)
    __or__ = _op("__or__", lambda a, b: a | b)
    __xor__ = _op("__xor__", lambda a, b: a ^ b)
    __matmul__ = _op("__matmul__", lambda a, b: a * b + 1000)
    del _op

    def __pow__(self, other, mod=None):
        o = other.v if isinstance(other, N) else other
        return N(pow(self.v, o, mod) if mod is not None else self.v ** o)

    def __divmod__(self, other):
        return divmod(self.v, other.v if isinstance(other, N) else other)


a, b = N(17), N(5)
print(a + b, a - b, a * b, a / b, a // b, a % b)
print(a ** 2, pow(a, 3, 10), a << 2, a >> 1, a & b, a | b, a ^ b, a @ b)
print(divmod(a, b), divmod(a, 3), a + 1, (a + b) * 2 - 1)
print(N.__add__.__name__, hasattr(N, "_op"))
try:
    1 + a
except TypeError as e:
    print("TypeError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
try:
    -a
except TypeError as e:
    print("TypeError:", e)
