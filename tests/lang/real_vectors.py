# Float-heavy vector and matrix classes: operator overloading, reflected and
# in-place operators, rotations, Gram-Schmidt, and a little ray-sphere test.
import math


class Vec3:
    __slots__ = ("x", "y", "z")

    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x, self.y, self.z = float(x), float(y), float(z)

    def __add__(self, o):
        return Vec3(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec3(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        if isinstance(k, Vec3):
            return self.x * k.x + self.y * k.y + self.z * k.z
        return Vec3(self.x * k, self.y * k, self.z * k)

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vec3(self.x / k, self.y / k, self.z / k)

    def __neg__(self):
        return Vec3(-self.x, -self.y, -self.z)

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        self.z += o.z
        return self

    def __matmul__(self, o):
        return Vec3(self.y * o.z - self.z * o.y, self.z * o.x - self.x * o.z, self.x * o.y - self.y * o.x)

    def __abs__(self):
        return math.sqrt(self * self)

    def __eq__(self, o):
        return isinstance(o, Vec3) and abs(self - o) < 1e-9

    def __iter__(self):
        return iter((self.x, self.y, self.z))

    def __getitem__(self, i):
        return (self.x, self.y, self.z)[i]

    def normalized(self):
        n = abs(self)
        if n == 0:
            raise ZeroDivisionError("cannot normalize the zero vector")
        return self / n

    def __repr__(self):
        return "Vec3(%.4f, %.4f, %.4f)" % (self.x, self.y, self.z)

    def __format__(self, spec):
        return "<" + ", ".join([format(c, spec or "g") for c in self]) + ">"


class Mat3:
    def __init__(self, rows):
        self.rows = [list(map(float, r)) for r in rows]

    @classmethod
    def identity(cls):
        return cls([[1 if i == j else 0 for j in range(3)] for i in range(3)])

    @classmethod
    def rotation_z(cls, angle):
        c, s = math.cos(angle), math.sin(angle)
        return cls([[c, -s, 0], [s, c, 0], [0, 0, 1]])

    def __mul__(self, other):
        if isinstance(other, Vec3):
            return Vec3(*[sum([r[i] * other[i] for i in range(3)]) for r in self.rows])
        cols = list(zip(*other.rows))
        return Mat3([[sum([a * b for a, b in zip(r, c)]) for c in cols] for r in self.rows])

    def det(self):
        (a, b, c), (d, e, f), (g, h, i) = self.rows
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)

    def transpose(self):
        return Mat3(zip(*self.rows))

    def __repr__(self):
        return "\n".join(["[" + " ".join(["%8.4f" % v for v in r]) + "]" for r in self.rows])


def gram_schmidt(vs):
    basis = []
    for v in vs:
        w = v
        for b in basis:
            w = w - b * (v * b)
        basis.append(w.normalized())
    return basis


a, b = Vec3(1, 2, 3), Vec3(-2, 0.5, 4)
print(a + b, a - b, a * 2, 3 * a, a * b, a @ b, -a, a / 4)
print(abs(a), a.normalized(), f"{a:.2f}", f"{b}", list(a), a == Vec3(1.0, 2.0, 3.0), a == (1, 2, 3))
c = Vec3()
for v in (a, b, a @ b):
    c += v
print(c, (a @ b) * a, (a @ b) * b)
r = Mat3.rotation_z(math.pi / 2)
print(r * Vec3(1, 0, 0), (r * r) * Vec3(1, 0, 0), round(r.det(), 12))
print(r * r.transpose())
m = Mat3([[2, 0, 1], [1, 3, 2], [1, 1, 1]])
print(m.det(), m * Mat3.identity() == m if False else (m * Mat3.identity()).rows == m.rows)
basis = gram_schmidt([Vec3(1, 1, 0), Vec3(1, 0, 1), Vec3(0, 1, 1)])
for e in basis:
    print(e, "%.12f" % abs(e))
print(["%.1e" % abs(basis[i] * basis[j]) for i in range(3) for j in range(i + 1, 3)])


def ray_sphere(origin, direction, center, radius):
    oc = origin - center
    bq = oc * direction
    cq = oc * oc - radius * radius
    disc = bq * bq - cq
    if disc < 0:
        return None
    t = -bq - math.sqrt(disc)
    return t if t > 0 else None


hits = []
for i in range(-3, 4):
    for j in range(-3, 4):
        d = Vec3(i * 0.2, j * 0.2, 1).normalized()
        t = ray_sphere(Vec3(0, 0, -5), d, Vec3(0.3, 0, 0), 1.2)
        hits.append("#" if t is not None else ".")
    hits.append("\n")
print("".join(hits), end="")
try:
    Vec3().normalized()
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    a < b
except TypeError as e:
    print("TypeError:", e)
