# An exact Fraction class used the way numeric code uses fractions.Fraction:
# the full set of arithmetic dunders with ints and floats on either side,
# hashing consistent with int, ordering, rounding, formatting, and a
# Gaussian elimination over exact rationals.
import math


class Fraction:
    __slots__ = ("num", "den")

    def __init__(self, num=0, den=1):
        if isinstance(num, Fraction) and den == 1:
            num, den = num.num, num.den
        if not isinstance(num, int) or not isinstance(den, int):
            raise TypeError("Fraction needs ints, got %s and %s" % (type(num).__name__, type(den).__name__))
        if den == 0:
            raise ZeroDivisionError("Fraction(%d, 0)" % num)
        g = math.gcd(num, den)
        if den < 0:
            g = -g
        self.num = num // g
        self.den = den // g

    @staticmethod
    def _coerce(other):
        if isinstance(other, Fraction):
            return other
        if isinstance(other, int):
            return Fraction(other)
        return NotImplemented

    def __add__(self, other):
        if isinstance(other, float):
            return float(self) + other
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return Fraction(self.num * o.den + o.num * self.den, self.den * o.den)

    __radd__ = __add__

    def __sub__(self, other):
        return self + (-other)

    def __rsub__(self, other):
        return -self + other

    def __mul__(self, other):
        if isinstance(other, float):
            return float(self) * other
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return Fraction(self.num * o.num, self.den * o.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        if isinstance(other, float):
            return float(self) / other
        o = self._coerce(other)
        if o is NotImplemented:
            return o
        return Fraction(self.num * o.den, self.den * o.num)

    def __rtruediv__(self, other):
        o = self._coerce(other)
        if o is NotImplemented:
            return float(other) / float(self) if isinstance(other, float) else o
        return o / self

    def __floordiv__(self, other):
        q = self / other
        return math.floor(q)

    def __mod__(self, other):
        return self - other * (self // other)

    def __divmod__(self, other):
        return self // other, self % other

    def __pow__(self, exp, mod=None):
        if mod is not None:
            if self.den != 1:
                raise ValueError("modular power of a non-integer Fraction")
            return Fraction(pow(self.num, exp, mod))
        if isinstance(exp, int):
            if exp >= 0:
                return Fraction(self.num ** exp, self.den ** exp)
            return Fraction(self.den ** -exp, self.num ** -exp)
        return float(self) ** exp

    def __rpow__(self, base):
        if self.den == 1:
            return base ** self.num
        return base ** float(self)

    def __neg__(self):
        return Fraction(-self.num, self.den)

    def __pos__(self):
        return self

    def __abs__(self):
        return Fraction(abs(self.num), self.den)

    def __float__(self):
        return self.num / self.den

    def __int__(self):
        return int(self.num / self.den) if abs(self.num) < 2 ** 52 else -(-self.num // self.den) if self.num < 0 else self.num // self.den

    def __floor__(self):
        return self.num // self.den

    def __ceil__(self):
        return -(-self.num // self.den)

    def __round__(self, ndigits=None):
        if ndigits is None:
            q, r = divmod(self.num, self.den)
            if 2 * r > self.den or (2 * r == self.den and q % 2):
                q += 1
            return q
        shift = 10 ** ndigits
        return Fraction(round(self * shift), shift)

    def __bool__(self):
        return self.num != 0

    def _cmp(self, other):
        if isinstance(other, float):
            return float(self) - other
        o = self._coerce(other)
        if o is NotImplemented:
            return None
        return self.num * o.den - o.num * self.den

    def __eq__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c == 0

    def __lt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c < 0

    def __le__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c <= 0

    def __gt__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c > 0

    def __ge__(self, other):
        c = self._cmp(other)
        return NotImplemented if c is None else c >= 0

    def __hash__(self):
        return hash(self.num) if self.den == 1 else hash((self.num, self.den))

    def __repr__(self):
        return "Fraction(%d, %d)" % (self.num, self.den)

    def __str__(self):
        return str(self.num) if self.den == 1 else "%d/%d" % (self.num, self.den)

    def __format__(self, spec):
        if spec and spec[-1] in "eEfFgG%":
            return format(float(self), spec)
        return format(str(self), spec)


F = Fraction
a, b = F(1, 3), F(-3, 4)
print(a, b, repr(a + b), a - b, a * b, a / b, b / a, -a, abs(b), +a)
print(1 + a, a + 1, 2 * b, b * 2, 1 - a, a - 1, 1 / a, 2 / b, a ** 2, b ** -3, 2 ** F(3), 4 ** F(1, 2), a ** 0.5)
print(a + 0.5, 0.5 + a, a * 1.5, 1.5 / F(3, 2), F(7, 2) // 2, F(7, 2) % 2, divmod(F(7, 2), 2), divmod(F(-7, 2), F(1, 3)))
print(pow(F(3), 4, 5), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(22, 7), 3), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), int(F(-7, 2)), float(F(1, 8)))
print(a == F(2, 6), a == 1 / 3, F(2) == 2, 2 == F(2), F(1, 2) == 0.5, a != b, a < 1, 1 > a, b < a <= F(1, 3), F(1, 2) < 0.6, 0.4 < F(1, 2))
print(hash(F(4, 2)) == hash(2), {F(4, 2): "two"}[2], len({F(1, 2), F(2, 4), F(3, 6)}), bool(F(0)), bool(a), sorted([F(1, 2), F(1, 3), 0.4, 1, F(-1)]))
print(sum([F(1, n) for n in range(1, 11)]), sum([F(1, 2)] * 4, F(0)), max([F(1, 2), F(2, 3)]), min(F(5), 4, key=float))
print(f"{a:>8}|{a:<8}|{a:.4f}|{b:+.2e}|{F(5):^5}|{F(1, 8):.1%}", "{0!r} {0!s} {0}".format(F(3, 9)))
for bad in (lambda: F(1, 0), lambda: F(1.5), lambda: a + "x", lambda: "x" * a, lambda: a < "x", lambda: pow(F(1, 2), 2, 5), lambda: F(1) / F(0)):
    try:
        print(bad())
    except (TypeError, ValueError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)


def solve(matrix, rhs):
    n = len(matrix)
    m = [[F(v) for v in row] + [F(r)] for row, r in zip(matrix, rhs)]
    for col in range(n):
        pivot = next(r for r in range(col, n) if m[r][col])
        m[col], m[pivot] = m[pivot], m[col]
        pv = m[col][col]
        m[col] = [v / pv for v in m[col]]
        for r in range(n):
            if r != col and m[r][col]:
                factor = m[r][col]
                m[r] = [x - factor * y for x, y in zip(m[r], m[col])]
    return [row[-1] for row in m]


sol = solve([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3])
print(sol, [str(x) for x in sol])
hilbert = [[F(1, i + j + 1) for j in range(4)] for i in range(4)]
x = solve(hilbert, [1, 0, 0, 0])
print([str(v) for v in x], sum(x), [sum([hilbert[i][j] * x[j] for j in range(4)]) for i in range(4)])
