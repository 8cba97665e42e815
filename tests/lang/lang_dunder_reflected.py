# Reflected operators: __radd__ etc. are tried when the left operand
# returns NotImplemented or lacks the method; a subclass's reflected method
# takes priority; sum() relies on __radd__ with 0.
class Meters:
    def __init__(self, v):
        self.v = v

    def __repr__(self):
        return f"{self.v}m"

    def __add__(self, other):
        print("  __add__", self, other)
        if isinstance(other, Meters):
            return Meters(self.v + other.v)
        if isinstance(other, (int, float)):
            return Meters(self.v + other)
        return NotImplemented

    def __radd__(self, other):
        print("  __radd__", self, other)
        return self + other

    def __rsub__(self, other):
        return Meters(other - self.v)

    def __rmul__(self, k):
        return Meters(self.v * k)

    def __rtruediv__(self, k):
        return k / self.v

    def __rpow__(self, base):
        return base ** self.v


m = Meters(3)
print(m + 2)
print(2 + m)
print(10 - m, 4 * m, 12 / m, 2 ** m)
print(sum([Meters(1), Meters(2), Meters(3)]))
try:
    m + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    m * 2
except TypeError as e:
    print("TypeError:", e)


class Base:
    def __add__(self, other):
        return "Base.__add__"

    def __radd__(self, other):
        return "Base.__radd__"


class Derived(Base):
    def __radd__(self, other):
        return "Derived.__radd__"


print(Base() + Derived(), Derived() + Base(), Base() + Base())
print(3 * [1], [1] * 3, 2 * "ab", (0,) * 2)
