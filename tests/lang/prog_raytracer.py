# An ASCII ray tracer: a vector class with operator dunders, spheres and a
# plane behind an abstract Shape base, Lambert and Phong shading with
# shadows and one reflection bounce, rendered to characters by brightness.
import math


class Vec3:
    __slots__ = ("x", "y", "z")

    def __init__(self, x, y, z):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec3(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec3(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec3(self.x * k, self.y * k, self.z * k)

    def __rmul__(self, k):
        return self * k

    def __truediv__(self, k):
        return Vec3(self.x / k, self.y / k, self.z / k)

    def __neg__(self):
        return Vec3(-self.x, -self.y, -self.z)

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def __abs__(self):
        return math.sqrt(self @ self)

    def norm(self):
        return self / abs(self)

    def __iter__(self):
        yield self.x
        yield self.y
        yield self.z

    def __repr__(self):
        return "Vec3({:.3f}, {:.3f}, {:.3f})".format(*self)


class Ray:
    def __init__(self, origin, direction):
        self.origin = origin
        self.direction = direction.norm()

    def at(self, t):
        return self.origin + self.direction * t


class Shape:
    def __init__(self, reflect=0.0, shine=0):
        self.reflect = reflect
        self.shine = shine

    def intersect(self, ray):
        raise NotImplementedError

    def normal(self, point):
        raise NotImplementedError

    def albedo(self, point):
        return 1.0


class Sphere(Shape):
    def __init__(self, center, radius, **kw):
        super().__init__(**kw)
        self.center = center
        self.radius = radius

    def intersect(self, ray):
        oc = ray.origin - self.center
        b = oc @ ray.direction
        c = oc @ oc - self.radius * self.radius
        disc = b * b - c
        if disc < 0:
            return None
        s = math.sqrt(disc)
        for t in (-b - s, -b + s):
            if t > 1e-6:
                return t
        return None

    def normal(self, point):
        return (point - self.center).norm()


class Plane(Shape):
    def __init__(self, point, normal, **kw):
        super().__init__(**kw)
        self.point = point
        self.n = normal.norm()

    def intersect(self, ray):
        denom = self.n @ ray.direction
        if abs(denom) < 1e-9:
            return None
        t = ((self.point - ray.origin) @ self.n) / denom
        return t if t > 1e-6 else None

    def normal(self, point):
        return self.n

    def albedo(self, point):
        checker = (math.floor(point.x) + math.floor(point.z)) % 2
        return 0.9 if checker else 0.35


class Scene:
    def __init__(self, shapes, light, ambient=0.08):
        self.shapes = shapes
        self.light = light
        self.ambient = ambient
        self.rays = 0

    def hit(self, ray):
        best = None
        for shape in self.shapes:
            t = shape.intersect(ray)
            if t is not None and (best is None or t < best[0]):
                best = (t, shape)
        return best

    def shade(self, ray, depth=0):
        self.rays += 1
        found = self.hit(ray)
        if found is None:
            return 0.0
        t, shape = found
        p = ray.at(t)
        n = shape.normal(p)
        to_light = self.light - p
        dist = abs(to_light)
        l = to_light / dist
        lit = self.ambient
        shadow = self.hit(Ray(p + n * 1e-4, l))
        if shadow is None or shadow[0] > dist:
            lit += max(0.0, n @ l) * shape.albedo(p)
            if shape.shine:
                r = n * (2 * (n @ l)) - l
                lit += max(0.0, r @ -ray.direction) ** shape.shine * 0.6
        if shape.reflect and depth < 2:
            d = ray.direction
            refl = d - n * (2 * (d @ n))
            lit = lit * (1 - shape.reflect) + self.shade(Ray(p + n * 1e-4, refl), depth + 1) * shape.reflect
        return lit


RAMP = " .:-=+*#%@"


def render(scene, width, height, eye):
    rows = []
    hist = [0] * len(RAMP)
    for j in range(height):
        row = []
        for i in range(width):
            x = (i + 0.5) / width * 2 - 1
            y = 1 - (j + 0.5) / height * 2
            ray = Ray(eye, Vec3(x * 1.6, y, 1.5))
            v = scene.shade(ray)
            k = min(len(RAMP) - 1, int(v * (len(RAMP) - 1) + 0.5))
            hist[k] += 1
            row.append(RAMP[k])
        rows.append("".join(row).rstrip())
    return rows, hist


shapes = [
    Sphere(Vec3(0.0, 0.0, 4.0), 1.0, shine=20),
    Sphere(Vec3(-1.9, -0.4, 5.0), 0.6, reflect=0.5),
    Sphere(Vec3(1.7, -0.6, 3.4), 0.4, shine=8),
    Plane(Vec3(0.0, -1.0, 0.0), Vec3(0.0, 1.0, 0.0), reflect=0.2),
]
scene = Scene(shapes, light=Vec3(-3.0, 4.0, 0.0))
rows, hist = render(scene, 64, 24, Vec3(0.0, 0.3, -0.5))
print("+" + "-" * 64 + "+")
for r in rows:
    print("|" + r.ljust(64) + "|")
print("+" + "-" * 64 + "+")
print("rays traced:", scene.rays)
print("histogram:", " ".join(f"{c!r}:{n}" for c, n in zip(RAMP, hist)))
probe = Ray(Vec3(0.0, 0.0, 0.0), Vec3(0.0, 0.0, 1.0))
t, shape = scene.hit(probe)
print(f"centre ray hits {type(shape).__name__} at t={t:.4f}, point {probe.at(t)!r}")
print("normal there:", shape.normal(probe.at(t)), "brightness", round(scene.shade(probe), 4))
print(Vec3(1, 2, 2).norm(), abs(Vec3(3, 4, 12)), Vec3(1, 0, 0) @ Vec3(0, 1, 0), list(-Vec3(1, 2, 3)))
try:
    Shape().intersect(probe)
except NotImplementedError:
    print("abstract Shape.intersect raises NotImplementedError")
