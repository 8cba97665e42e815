# A matrix library over exact rationals: a hand-written Fraction type with
# full arithmetic dunders (reflected and in-place), a Matrix class with
# indexing, multiplication, powers, transpose, determinant, inverse and
# Gaussian elimination, and checks of the algebra.
from math import gcd


class Frac:
    __slots__ = ("n", "d")

    def __init__(self, n, d=1):
        if isinstance(n, Frac):
            n, d = n.n, n.d * d
        if d == 0:
            raise ZeroDivisionError("Frac with zero denominator")
        if d < 0:
            n, d = -n, -d
        g = gcd(n, d) or 1
        self.n, self.d = n // g, d // g

    @staticmethod
    def _coerce(x):
        if isinstance(x, Frac):
            return x
        if isinstance(x, int):
            return Frac(x)
        return NotImplemented

    def __add__(self, o):
        o = Frac._coerce(o)
        if o is NotImplemented:
            return o
        return Frac(self.n * o.d + o.n * self.d, self.d * o.d)

    __radd__ = __add__

    def __sub__(self, o):
        o = Frac._coerce(o)
        if o is NotImplemented:
            return o
        return Frac(self.n * o.d - o.n * self.d, self.d * o.d)

    def __rsub__(self, o):
        return Frac._coerce(o) - self

    def __mul__(self, o):
        o = Frac._coerce(o)
        if o is NotImplemented:
            return o
        return Frac(self.n * o.n, self.d * o.d)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = Frac._coerce(o)
        if o is NotImplemented:
            return o
        return Frac(self.n * o.d, self.d * o.n)

    def __rtruediv__(self, o):
        return Frac._coerce(o) / self

    def __neg__(self):
        return Frac(-self.n, self.d)

    def __pow__(self, k):
        if k < 0:
            return Frac(self.d ** -k, self.n ** -k)
        return Frac(self.n ** k, self.d ** k)

    def __eq__(self, o):
        o = Frac._coerce(o)
        if o is NotImplemented:
            return False
        return self.n == o.n and self.d == o.d

    def __hash__(self):
        return hash((self.n, self.d))

    def __lt__(self, o):
        o = Frac._coerce(o)
        return self.n * o.d < o.n * self.d

    def __bool__(self):
        return self.n != 0

    def __float__(self):
        return self.n / self.d

    def __repr__(self):
        return str(self.n) if self.d == 1 else f"{self.n}/{self.d}"


class Matrix:
    def __init__(self, rows):
        rows = [[x if isinstance(x, Frac) else Frac(x) for x in r] for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]

    def __setitem__(self, idx, value):
        i, j = idx
        self.rows[i][j] = Frac(value) if isinstance(value, int) else value

    def __iter__(self):
        return iter(self.rows)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    def __add__(self, other):
        if self.shape != other.shape:
            raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
        return Matrix([[a + b for a, b in zip(r, s)] for r, s in zip(self, other)])

    def __sub__(self, other):
        return self + other * -1

    def __mul__(self, other):
        if isinstance(other, (int, Frac)):
            return Matrix([[x * other for x in r] for r in self])
        return NotImplemented

    def __rmul__(self, k):
        return self * k

    def __matmul__(self, other):
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"cannot multiply {self.shape} by {other.shape}")
        cols = list(zip(*other.rows))
        return Matrix([[sum((a * b for a, b in zip(r, c)), Frac(0)) for c in cols]
                       for r in self.rows])

    def __pow__(self, k):
        result = Matrix.identity(self.shape[0])
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result

    @property
    def T(self):
        return Matrix([list(c) for c in zip(*self.rows)])

    def copy(self):
        return Matrix([r[:] for r in self.rows])

    def det(self):
        m = self.copy().rows
        n = len(m)
        sign = 1
        for col in range(n):
            pivot = next((r for r in range(col, n) if m[r][col]), None)
            if pivot is None:
                return Frac(0)
            if pivot != col:
                m[col], m[pivot] = m[pivot], m[col]
                sign = -sign
            for r in range(col + 1, n):
                f = m[r][col] / m[col][col]
                m[r] = [a - f * b for a, b in zip(m[r], m[col])]
        result = Frac(sign)
        for i in range(n):
            result *= m[i][i]
        return result

    def inverse(self):
        n = self.shape[0]
        aug = [r[:] + e for r, e in zip(self.copy().rows, Matrix.identity(n).rows)]
        for col in range(n):
            pivot = next((r for r in range(col, n) if aug[r][col]), None)
            if pivot is None:
                raise ZeroDivisionError("matrix is singular")
            aug[col], aug[pivot] = aug[pivot], aug[col]
            p = aug[col][col]
            aug[col] = [x / p for x in aug[col]]
            for r in range(n):
                if r != col and aug[r][col]:
                    f = aug[r][col]
                    aug[r] = [a - f * b for a, b in zip(aug[r], aug[col])]
        return Matrix([r[n:] for r in aug])

    def __repr__(self):
        cells = [[repr(x) for x in r] for r in self.rows]
        w = max(len(c) for r in cells for c in r)
        return "\n".join("[ " + " ".join(c.rjust(w) for c in r) + " ]" for r in cells)


A = Matrix([[2, 1, 1], [1, 3, 2], [1, 0, 0]])
B = Matrix([[1, 2, 3], [0, 1, 4], [5, 6, 0]])
print(A, "", B, sep="\n")
print("A+B:\n", A + B, sep="")
print("A@B:\n", A @ B, sep="")
print("3*A - A:\n", 3 * A - A, sep="")
print("det A =", A.det(), " det B =", B.det(), " det AB =", (A @ B).det())
Ai = A.inverse()
print("inverse A:\n", Ai, sep="")
print("A @ A^-1 == I:", A @ Ai == Matrix.identity(3))
print("(AB)^T == B^T A^T:", (A @ B).T == B.T @ A.T)
F = Matrix([[1, 1], [1, 0]])
print("fib via power:", (F ** 90)[0, 1])
H = Matrix([[Frac(1, i + j + 1) for j in range(4)] for i in range(4)])
print("hilbert det:", H.det())
print("hilbert inverse row 0:", H.inverse().rows[0])
x = Frac(1, 3)
x += Frac(1, 6)
x *= 4
print(x, 1 - x, 3 / Frac(4, 5), Frac(2, 3) ** -2, -Frac(5, 10), float(Frac(1, 8)))
print(sorted([Frac(1, 2), Frac(-1, 3), Frac(5, 7), Frac(2, 4)]))
print(Frac(6, 4) == Frac(3, 2), Frac(4, 2) == 2, bool(Frac(0, 5)), len({Frac(1, 2), Frac(2, 4)}))
for bad in (lambda: A @ Matrix([[1, 2]]), lambda: A + Matrix([[1]]),
            lambda: Matrix([[1, 2], [2, 4]]).inverse(), lambda: Matrix([[1], [1, 2]]),
            lambda: Frac(1, 0), lambda: A * "x"):
    try:
        bad()
    except (ValueError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__ + ":", e)
m = Matrix.identity(2)
m[0, 1] = 7
print(m.rows, m.shape)
