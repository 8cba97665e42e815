# enum: plain Enum members, lookup, iteration, aliases, errors.
from enum import Enum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1

    def describe(self):
        return "%s is %d" % (self.name.lower(), self.value)

    @classmethod
    def default(cls):
        return cls.GREEN

    @property
    def warm(self):
        return self is Color.RED


print(repr(Color.RED), str(Color.RED), Color.RED.name, Color.RED.value)
print(Color.CRIMSON, Color.CRIMSON is Color.RED, repr(Color))
print(list(Color), len(Color))
print(Color.__members__)
print(list(Color.__members__), list(Color.__members__.keys()))
print([(k, v.name) for k, v in Color.__members__.items()])
print(Color(1), Color(3), Color['GREEN'], Color['CRIMSON'])
print(Color(Color.BLUE) is Color.BLUE)
print(Color.RED in Color, Color.RED == Color.RED, Color.RED != Color.GREEN)
print(Color.RED == 1, Color.RED is Color(1))
print(format(Color.RED), f"{Color.BLUE}", "%s" % Color.GREEN, "[%-12s]" % Color.GREEN)
print(f"{Color.RED:>12}|")
print(Color.RED.describe(), Color.default(), Color.RED.warm, Color.BLUE.warm)
print(type(Color.RED), isinstance(Color.RED, Color), type(Color.RED).__name__)
print(Color.RED.__class__ is Color, list(reversed(Color)))
print(bool(Color), bool(Color.RED))

try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)
try:
    Color("RED")
except ValueError as e:
    print("ValueError:", e)
try:
    Color["PURPLE"]
except KeyError as e:
    print("KeyError:", repr(e))
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError:", e)
try:
    Color.RED = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Color.GREEN
except AttributeError as e:
    print("AttributeError:", e)
try:
    Color.RED.value = 9
except AttributeError as e:
    print("AttributeError:", e)

counts = {}
for c in [Color.RED, Color.BLUE, Color.RED, Color.CRIMSON]:
    counts[c] = counts.get(c, 0) + 1
print(counts)
print(sorted(Color, key=lambda c: c.value, reverse=True))
print({Color.RED, Color.CRIMSON, Color.GREEN} == {Color.RED, Color.GREEN})


class Step(Enum):
    START = auto()
    MIDDLE = auto()
    FIXED = 10
    END = auto()


print(list(Step), Step.END.value)


class Lower(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    ALPHA = auto()
    BETA = auto()


print(list(Lower), Lower("beta"))

try:
    @unique
    class Dupes(Enum):
        a = 1
        b = 1
        c = 2
        d = 2
        e = 3
except ValueError as e:
    print("ValueError:", e)


@unique
class Ok(Enum):
    x = 1
    y = 2


print(Ok.x, Ok.y.value)


class Empty(Enum):
    pass


print(list(Empty), len(Empty))
try:
    class More(Color):
        PINK = 4
except TypeError as e:
    print("TypeError:", e)


class Base(Enum):
    def shout(self):
        return self.name.upper() + "!"


class Animal(Base):
    cat = "meow"
    dog = "woof"


print(Animal.cat.shout(), Animal("woof"), isinstance(Animal.dog, Base))
