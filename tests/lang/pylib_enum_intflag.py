# enum: IntEnum, StrEnum-like mixins, Flag and IntFlag.
from enum import Enum, IntEnum, Flag, IntFlag, auto


class Level(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10


print(repr(Level.LOW), str(Level.LOW), format(Level.MID), f"{Level.HIGH:>4}|")
print(Level.LOW + 1, Level.MID * 2, Level.HIGH - Level.LOW, -Level.LOW, Level.MID // 2)
print(Level.LOW == 1, Level.LOW < Level.HIGH, Level.MID > 3, 5 in [Level.MID])
print(sorted([Level.HIGH, Level.LOW, Level.MID]), max(Level), min(Level.MID, 2))
print(Level(5), Level["HIGH"], int(Level.HIGH), isinstance(Level.LOW, int))
print(type(Level.LOW + 1).__name__, hash(Level.MID) == hash(5), [1, 2, 3][Level.LOW])
print({Level.LOW: "low"}[1], "%d items" % Level.MID, Level.MID.real)
try:
    Level(2)
except ValueError as e:
    print("ValueError:", e)


class Code(str, Enum):
    OK = "ok"
    FAIL = "fail"


print(repr(Code.OK), str(Code.OK), Code.OK == "ok", Code.OK.upper(), Code("fail"))
print(Code.OK + "!", len(Code.FAIL), isinstance(Code.OK, str))


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(repr(Perm), repr(rw), str(rw), rw.name, rw.value)
print(Perm.R in rw, Perm.X in rw, bool(rw & Perm.X), repr(rw & Perm.X))
print(repr(~Perm.R), list(rw), len(rw), repr(Perm(0)), str(Perm(0)), Perm(0).name)
print(repr(Perm(7)), repr(Perm.R ^ Perm.W), rw == Perm(3), rw is Perm(3))
print([p.value for p in Perm], bool(Perm(0)))


class Mode(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


m = Mode.READ | Mode.WRITE
print(repr(m), str(m), m, m == 6, m + 1, type(m + 1).__name__)
print(repr(Mode.READ | 8), repr(Mode(0)), repr(~Mode.READ), repr(Mode.READ & 6))
print(Mode.EXEC in m, Mode.READ in m, format(m), isinstance(m, int), repr(Mode))
print(repr(Mode(5)), [x.name for x in Mode])


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


for p in Planet:
    print(p, p.value, "%.2f" % p.surface_gravity)
print(Planet((5.976e+24, 6.37814e6)))


class Coded(Enum):
    A = "a", "first"
    B = "b", "second"

    def __new__(cls, code, label):
        obj = object.__new__(cls)
        obj._value_ = code
        obj.label = label
        return obj


print(Coded("b"), Coded.A.label, Coded.B.value, repr(Coded.A))


class Weekday(Enum):
    MON = 1
    TUE = 2

    def __str__(self):
        return self.name.title()

    def __repr__(self):
        return "Weekday(" + self.name + ")"


print(Weekday.MON, repr(Weekday.TUE), [Weekday.MON], f"{Weekday.TUE}")

Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, repr(Animal))
Shape = Enum("Shape", [("SQUARE", 4), ("TRI", 3)])
print(list(Shape), Shape(3))
Opt = Enum("Opt", ["yes", "no"])
Dct = Enum("Dct", {"one": 1, "two": 2})
print(list(Opt), list(Dct))


class Priority(IntEnum):
    A = auto()
    B = auto()


print(list(Priority), Priority.B + Priority.A)
