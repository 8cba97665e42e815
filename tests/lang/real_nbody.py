# n-body: the Jovian planets integrated with a symplectic step; bodies kept
# in a dict of name -> Body, pairs precomputed, energy printed as floats.
import math

PI = math.pi
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    def __init__(self, name, pos, vel, mass):
        self.name = name
        self.x, self.y, self.z = pos
        self.vx, self.vy, self.vz = [v * DAYS_PER_YEAR for v in vel]
        self.mass = mass * SOLAR_MASS

    def kinetic(self):
        return 0.5 * self.mass * (self.vx * self.vx + self.vy * self.vy + self.vz * self.vz)

    def __repr__(self):
        return "<%s at (%.3f, %.3f, %.3f)>" % (self.name, self.x, self.y, self.z)


BODIES = {
    "sun": Body("sun", (0.0, 0.0, 0.0), (0.0, 0.0, 0.0), 1.0),
    "jupiter": Body("jupiter",
                    (4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01),
                    (1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05),
                    9.54791938424326609e-04),
    "saturn": Body("saturn",
                   (8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01),
                   (-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05),
                   2.85885980666130812e-04),
    "uranus": Body("uranus",
                   (1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01),
                   (2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05),
                   4.36624404335156298e-05),
    "neptune": Body("neptune",
                    (1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01),
                    (2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05),
                    5.15138902046611451e-05),
}
SYSTEM = list(BODIES.values())
PAIRS = [(SYSTEM[i], SYSTEM[j]) for i in range(len(SYSTEM)) for j in range(i + 1, len(SYSTEM))]


def advance(dt, n):
    for _ in range(n):
        for b1, b2 in PAIRS:
            dx = b1.x - b2.x
            dy = b1.y - b2.y
            dz = b1.z - b2.z
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt * (d2 ** -1.5)
            b1m = b1.mass * mag
            b2m = b2.mass * mag
            b1.vx -= dx * b2m
            b1.vy -= dy * b2m
            b1.vz -= dz * b2m
            b2.vx += dx * b1m
            b2.vy += dy * b1m
            b2.vz += dz * b1m
        for b in SYSTEM:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


def energy():
    e = 0.0
    for b in SYSTEM:
        e += b.kinetic()
    for b1, b2 in PAIRS:
        dx, dy, dz = b1.x - b2.x, b1.y - b2.y, b1.z - b2.z
        e -= (b1.mass * b2.mass) / math.sqrt(dx * dx + dy * dy + dz * dz)
    return e


def offset_momentum(ref):
    px = py = pz = 0.0
    for b in SYSTEM:
        px -= b.vx * b.mass
        py -= b.vy * b.mass
        pz -= b.vz * b.mass
    ref.vx = px / ref.mass
    ref.vy = py / ref.mass
    ref.vz = pz / ref.mass


offset_momentum(BODIES["sun"])
print("%.9f" % energy())
for chunk in range(5):
    advance(0.01, 200)
    print("after %4d steps: %.9f" % ((chunk + 1) * 200, energy()))
for name in sorted(BODIES, key=lambda k: BODIES[k].mass, reverse=True):
    b = BODIES[name]
    print("{:<8} m={:.6e} r={:9.4f}".format(name, b.mass, math.sqrt(b.x ** 2 + b.y ** 2 + b.z ** 2)))
print(BODIES["jupiter"])
print(repr(energy()), len(PAIRS))
