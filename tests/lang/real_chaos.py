# Chaos game: an iterated function system drawn on a character grid, with
# a small Point class, affine transforms and a seeded random number generator.
import random
import math


class Point:
    def __init__(self, x, y):
        self.x = float(x)
        self.y = float(y)

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Point(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Point(self.x * k, self.y * k)

    __rmul__ = __mul__

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Affine:
    def __init__(self, a, b, c, d, e, f, weight):
        self.m = (a, b, c, d, e, f)
        self.weight = weight

    def __call__(self, p):
        a, b, c, d, e, f = self.m
        return Point(a * p.x + b * p.y + e, c * p.x + d * p.y + f)


class Chaos:
    def __init__(self, transforms, width=48, height=20):
        self.transforms = transforms
        total = sum([t.weight for t in transforms])
        acc = 0.0
        self.cumulative = []
        for t in transforms:
            acc += t.weight / total
            self.cumulative.append(acc)
        self.width, self.height = width, height
        self.grid = [[" "] * width for _ in range(height)]
        self.minx = self.miny = float("inf")
        self.maxx = self.maxy = float("-inf")

    def pick(self, rng):
        r = rng.random()
        for t, c in zip(self.transforms, self.cumulative):
            if r <= c:
                return t
        return self.transforms[-1]

    def run(self, n, rng):
        p = Point(0, 0)
        pts = []
        for i in range(n):
            p = self.pick(rng)(p)
            if i >= 20:
                pts.append(p)
                self.minx = min(self.minx, p.x)
                self.maxx = max(self.maxx, p.x)
                self.miny = min(self.miny, p.y)
                self.maxy = max(self.maxy, p.y)
        for q in pts:
            col = int((q.x - self.minx) / (self.maxx - self.minx) * (self.width - 1))
            row = int((self.maxy - q.y) / (self.maxy - self.miny) * (self.height - 1))
            self.grid[row][col] = "#" if self.grid[row][col] != " " else "."
        return pts

    def render(self):
        return "\n".join(["".join(r).rstrip() for r in self.grid])


rng = random.Random(1234)
fern = Chaos([
    Affine(0.0, 0.0, 0.0, 0.16, 0.0, 0.0, 1),
    Affine(0.85, 0.04, -0.04, 0.85, 0.0, 1.6, 85),
    Affine(0.2, -0.26, 0.23, 0.22, 0.0, 1.6, 7),
    Affine(-0.15, 0.28, 0.26, 0.24, 0.0, 0.44, 7),
])
pts = fern.run(3000, rng)
print(fern.render())
print("bounds x [%.4f, %.4f] y [%.4f, %.4f]" % (fern.minx, fern.maxx, fern.miny, fern.maxy))
print("points:", len(pts), "distinct:", len(set(pts)))
cx = sum([p.x for p in pts]) / len(pts)
cy = sum([p.y for p in pts]) / len(pts)
print("centroid:", Point(round(cx, 6), round(cy, 6)))
print("farthest:", max(pts, key=abs))

random.seed(7)
tri = [Point(0, 0), Point(1, 0), Point(0.5, math.sqrt(3) / 2)]
p = Point(0.3, 0.3)
for i in range(10):
    v = random.choice(tri)
    p = (p + v) * 0.5
    print(i, "%.6f %.6f" % (p.x, p.y), v == tri[2], abs(p - v) < 0.5)
print(2 * Point(1, 2), Point(1, 2) * 3, Point(1, 2) == Point(1.0, 2.0), Point(1, 2) == (1, 2))
print(random.uniform(1, 2), random.randint(1, 100), random.randrange(0, 100, 5))
