# Numbers meeting user classes: __index__, __int__, __trunc__, __float__,
# __floor__, __round__, reflected operators, int/float subclasses.
import math


class Idx:
    def __index__(self):
        return 2


class Tr:
    def __trunc__(self):
        return 3


class In:
    def __int__(self):
        return 9


class Half:
    def __float__(self):
        return 0.5

    def __floor__(self):
        return "floored"


class Rev:
    def __radd__(self, other):
        return ("radd", other)

    def __rmul__(self, other):
        return ("rmul", other)

    def __rpow__(self, other):
        return ("rpow", other)


print(int(Idx()), int(In()), hex(Idx()), bin(Idx()), [1, 2, 3, 4][Idx()], math.trunc(Tr()))
print(math.sqrt(Half()), math.floor(Half()), math.cos(Half()), math.ceil(Half()), float(Half()))
print(1 + Rev(), 2.5 * Rev(), 2 ** Rev(), True + Rev())
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)


class MyFloat(float):
    pass


m = MyFloat(2.5)
print(m, m + 1, type(m + 1).__name__, isinstance(m, float), m == 2.5, hash(m) == hash(2.5))
