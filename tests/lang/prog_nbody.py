# N-body simulation of the outer planets with a fixed time step, plus a
# small vector class with dunder arithmetic; energies printed with fixed
# formatting so output is exact.
import math

PI = 3.14159265358979323
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Vec:
    __slots__ = ("x", "y", "z")

    def __init__(self, x=0.0, y=0.0, z=0.0):
        self.x, self.y, self.z = x, y, z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __iadd__(self, o):
        self.x += o.x
        self.y += o.y
        self.z += o.z
        return self

    def __isub__(self, o):
        self.x -= o.x
        self.y -= o.y
        self.z -= o.z
        return self

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def __abs__(self):
        return math.sqrt(self.dot(self))

    def __repr__(self):
        return f"Vec({self.x:.6f}, {self.y:.6f}, {self.z:.6f})"


class Body:
    def __init__(self, name, pos, vel, mass):
        self.name = name
        self.pos = Vec(*pos)
        self.vel = Vec(*vel) * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS

    def kinetic(self):
        return 0.5 * self.mass * self.vel.dot(self.vel)

    def __repr__(self):
        return f"<{self.name} at {self.pos!r}>"


def make_system():
    bodies = [
        Body("sun", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
        Body("jupiter",
             (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
             (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
             9.54791938424326609e-04),
        Body("saturn",
             (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
             (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
             2.85885980666130812e-04),
        Body("uranus",
             (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
             (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
             4.36624404335156298e-05),
        Body("neptune",
             (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
             (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
             5.15138902046611451e-05),
    ]
    return bodies


def offset_momentum(bodies):
    p = Vec()
    for b in bodies:
        p += b.vel * b.mass
    sun = bodies[0]
    sun.vel = -p * (1.0 / SOLAR_MASS)
    return p


def pairs(seq):
    for i in range(len(seq)):
        for j in range(i + 1, len(seq)):
            yield seq[i], seq[j]


def energy(bodies):
    e = sum(b.kinetic() for b in bodies)
    for a, b in pairs(bodies):
        e -= a.mass * b.mass / abs(a.pos - b.pos)
    return e


def advance(bodies, dt, steps):
    body_pairs = list(pairs(bodies))
    for _ in range(steps):
        for a, b in body_pairs:
            d = a.pos - b.pos
            dist2 = d.dot(d)
            mag = dt / (dist2 * math.sqrt(dist2))
            a.vel -= d * (b.mass * mag)
            b.vel += d * (a.mass * mag)
        for body in bodies:
            body.pos += dt * body.vel


def center_of_mass(bodies):
    total = sum(b.mass for b in bodies)
    c = Vec()
    for b in bodies:
        c += b.pos * (b.mass / total)
    return c


def main():
    bodies = make_system()
    p = offset_momentum(bodies)
    print(f"initial momentum |p| = {abs(p):.9f}")
    print(f"energy before: {energy(bodies):.9f}")
    for chunk in range(5):
        advance(bodies, 0.01, 200)
        print(f"after {(chunk + 1) * 200:4d} steps: e = {energy(bodies):.9f}")
    for b in sorted(bodies, key=lambda b: abs(b.pos)):
        print(f"  {b.name:<8s} r = {abs(b.pos):10.5f}  v = {abs(b.vel):8.5f}")
    print("center of mass:", center_of_mass(bodies))
    distances = {b.name: round(abs(b.pos - bodies[0].pos), 3) for b in bodies[1:]}
    print(distances)
    farthest = max(distances, key=distances.get)
    print("farthest from the sun:", farthest)


main()
