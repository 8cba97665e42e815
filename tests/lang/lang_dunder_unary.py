# Unary and conversion dunders: __neg__, __pos__, __abs__, __invert__,
# __int__, __float__, __index__ (used by bin/hex, slicing, range).
class Z:
    def __init__(self, v):
        self.v = v

    def __neg__(self):
        return Z(-self.v)

    def __pos__(self):
        return Z(self.v + 0.5)

    def __abs__(self):
        return Z(abs(self.v))

    def __invert__(self):
        return Z(~self.v)

    def __int__(self):
        return int(self.v) * 10

    def __float__(self):
        return float(self.v) / 4

    def __index__(self):
        return int(self.v)

    def __repr__(self):
        return f"Z({self.v})"


z = Z(-3)
print(-z, +z, abs(z), ~z, int(z), float(z))
print(bin(Z(5)), hex(Z(255)), oct(Z(8)), [10, 20, 30, 40][Z(1)], list(range(Z(3))))
print("abcdef"[Z(1):Z(4)], [0] * Z(3))


class OnlyIndex:
    def __index__(self):
        return 2


print(int(OnlyIndex()), range(10)[OnlyIndex()], (1, 2, 3)[OnlyIndex()])
try:
    float(OnlyIndex())
    print("float from __index__ ok")
except TypeError as e:
    print("TypeError:", e)


class BadInt:
    def __int__(self):
        return "x"


try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
try:
    -object()
except TypeError as e:
    print("TypeError:", e)
try:
    idx = 1.0
    [1, 2][idx]
except TypeError as e:
    print("TypeError:", e)
