# A vector class exercising many dunders together: construction from any
# iterable, __len__/__getitem__ with slices, __iter__, __eq__/__hash__,
# __bool__, arithmetic with scalars and vectors, __abs__, __repr__.
import math


class Vector:
    def __init__(self, components):
        self._c = tuple(float(x) for x in components)

    def __len__(self):
        return len(self._c)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return Vector(self._c[i])
        return self._c[i]

    def __iter__(self):
        return iter(self._c)

    def __repr__(self):
        return f"Vector({list(self._c)})"

    def __eq__(self, other):
        return isinstance(other, Vector) and self._c == other._c

    def __hash__(self):
        return hash(self._c)

    def __bool__(self):
        return any(self._c)

    def __abs__(self):
        return math.sqrt(sum(x * x for x in self))

    def __add__(self, other):
        if len(self) != len(other):
            raise ValueError("dimension mismatch")
        return Vector(a + b for a, b in zip(self, other))

    def __mul__(self, k):
        if isinstance(k, Vector):
            return sum(a * b for a, b in zip(self, k))
        return Vector(x * k for x in self)

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + -other


v, w = Vector([3, 4]), Vector(range(2))
print(v, w, len(v), v[0], v[-1], v[::-1], list(v), abs(v), bool(v), bool(Vector([0, 0])))
print(v + w, v - w, v * 2, 3 * w, v * w, -v, v == Vector([3.0, 4.0]), v != w)
print({v: "v", Vector([3, 4]): "same"}, sorted([Vector([2]), Vector([1])], key=abs))
x, y = v
print(x, y, max(v), sum(Vector([1, 2, 3])), Vector([1, 2, 3])[1:])
try:
    v + Vector([1])
except ValueError as e:
    print("ValueError:", e)
