# dataclasses: __slots__ written in the class, and slots=True.
from dataclasses import dataclass, field, fields
@dataclass
class S:
    __slots__ = ("a", "b")
    a: int
    b: int
s = S(1, 2)
print(s, s.a)
try:
    s.c = 3
except AttributeError as e: print("AttributeError")
@dataclass(slots=True)
class T:
    x: int
    y: list = field(default_factory=list)
t = T(1)
print(t, T.__slots__, hasattr(t, "__dict__"))
try:
    t.z = 3
except AttributeError as e: print("AttributeError")
@dataclass(slots=True, frozen=True)
class U:
    x: int
print(U(1), hash(U(1)) == hash(U(1)))
