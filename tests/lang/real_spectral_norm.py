# spectral-norm: power iteration on the infinite matrix A[i][j] = 1/((i+j)(i+j+1)/2+i+1),
# with a small matrix/vector helper class and float formatting of results.
import math


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v):
    n = len(v)
    return [_row(i, v) for i in range(n)]


def _row(i, v):
    s = 0.0
    for j, vj in enumerate(v):
        s += eval_a(i, j) * vj
    return s


def mul_atv(v):
    out = []
    for i in range(len(v)):
        s = 0.0
        for j in range(len(v)):
            s += eval_a(j, i) * v[j]
        out.append(s)
    return out


def mul_atav(v):
    return mul_atv(mul_av(v))


def spectral_norm(n, rounds=10):
    u = [1.0] * n
    for _ in range(rounds):
        v = mul_atav(u)
        u = mul_atav(v)
    vbv = vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    return math.sqrt(vbv / vv)


class Vec:
    __slots__ = ("xs",)

    def __init__(self, xs):
        self.xs = list(xs)

    def dot(self, other):
        return sum([a * b for a, b in zip(self.xs, other.xs)])

    def norm(self):
        return math.sqrt(self.dot(self))

    def scaled(self, k):
        return Vec([k * x for x in self.xs])

    def __len__(self):
        return len(self.xs)

    def __repr__(self):
        return "Vec([" + ", ".join(["%.4f" % x for x in self.xs[:4]]) + (", ..." if len(self.xs) > 4 else "") + "])"


for n in (5, 10, 30, 60):
    print("n=%3d  %.9f" % (n, spectral_norm(n)))

u = Vec([1.0] * 8)
for step in range(6):
    w = Vec(mul_atav(u.xs))
    lam = w.dot(u) / u.dot(u)
    u = w.scaled(1.0 / w.norm())
    print(step, "%.12f" % lam, repr(u), len(u))

m = [[eval_a(i, j) for j in range(4)] for i in range(4)]
for row in m:
    print(" ".join(map("{:8.5f}".format, row)))
print(m[0][0], m[3][3], eval_a(10, 20), 1 / eval_a(7, 7))
print(round(spectral_norm(12), 6), f"{spectral_norm(7):.3e}", f"{math.pi * 1e6:,.2f}")
