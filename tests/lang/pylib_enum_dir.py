# enum: dir() of enum classes and members (what interactive code and
# simple introspection print).
from enum import Enum, Flag, StrEnum, auto


class C(Enum):
    A = 1
    B = 2
    ALIAS = 1

    def f(self):
        return self.value

    @property
    def p(self):
        return 1


print(dir(C))
print(dir(C.A))
C.A.extra = "x"
print(dir(C.A))


class F(Flag):
    R = 1
    W = 2


print(dir(F), dir(F.R))


class H(StrEnum):
    A = auto()


print("__new__" in dir(H), "A" in dir(H), [n for n in dir(C) if not n.startswith("_")])
