# enum: StrEnum, _missing_, members in containers,
# ordering methods defined on the enum, and enums used as a state machine.
from enum import Enum, IntEnum, StrEnum, auto, unique
import enum


class Http(StrEnum):
    GET = auto()
    POST = auto()
    CUSTOM = "X-Custom"


print(repr(Http.GET), str(Http.GET), Http.GET == "get", Http("post"), f"{Http.CUSTOM}")
print(Http.GET.upper(), Http.POST + "!", sorted(Http), isinstance(Http.GET, str))
try:
    class Bad(StrEnum):
        A = 1
except TypeError as e:
    print("TypeError:", e)


class Shade(Enum):
    LIGHT = 1
    DARK = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.name == value.upper():
                    return m
        return None


print(Shade("light"), Shade(2), Shade("DARK"))
try:
    Shade("medium")
except ValueError as e:
    print("ValueError:", e)


class Size(Enum):
    S = 1
    M = 2
    L = 3

    def __lt__(self, other):
        if self.__class__ is other.__class__:
            return self.value < other.value
        return NotImplemented


print(sorted([Size.L, Size.S, Size.M]), Size.S < Size.L, max([Size.M, Size.L, Size.S]))


class State(Enum):
    IDLE = "idle"
    RUNNING = "running"
    DONE = "done"

    def next(self):
        order = list(State)
        i = order.index(self)
        return order[min(i + 1, len(order) - 1)]


s = State.IDLE
trail = [s]
while s is not State.DONE:
    s = s.next()
    trail.append(s)
print(trail, [x.value for x in trail])


def describe(st):
    if st is State.IDLE:
        return "waiting"
    if st in (State.RUNNING, State.DONE):
        return "busy or finished"


print([describe(x) for x in State])


class Grade(IntEnum):
    F = 0
    D = 1
    C = 2
    B = 3
    A = 4


scores = {"ann": Grade.A, "bob": Grade.C, "cy": Grade.F}
print(sorted(scores.items(), key=lambda kv: kv[1]), sum(scores.values()))
print([g.name for g in Grade if g >= Grade.C], Grade(3), list(range(Grade.C)))
print(Grade.A.__class__.__mro__[1:3], issubclass(Grade, int), issubclass(Grade, Enum))
print(enum.Enum, enum.IntEnum, enum.EnumMeta is enum.EnumType, type(Grade))
print(Http.__members__["GET"], "POST" in Http.__members__, len(Http.__members__))


@unique
class Direction(Enum):
    NORTH = (0, 1)
    SOUTH = (0, -1)

    @property
    def dx(self):
        return self.value[0]

    @property
    def dy(self):
        return self.value[1]


print(Direction.NORTH, Direction((0, -1)), Direction.SOUTH.dy, repr(Direction.NORTH))
