# dataclasses: frozen instances, hashing rules and CPython's error texts.
from dataclasses import (dataclass, field, fields, asdict, astuple, replace,
                         FrozenInstanceError)


@dataclass
class P:
    x: int
    y: int = 0


for args, kw in [((), {}), ((1, 2, 3), {}), ((1,), {"z": 3}), ((1,), {"x": 2}),
                 ((), {"y": 1}), ((1, 2), {"y": 3})]:
    try:
        P(*args, **kw)
    except TypeError as e:
        print("TypeError:", e)

try:
    @dataclass
    class Q:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError:", e)

for bad in ([], {}, set()):
    try:
        @dataclass
        class R:
            x: object = bad
    except ValueError as e:
        print("ValueError:", e)

try:
    @dataclass(order=True, eq=False)
    class S:
        x: int
except ValueError as e:
    print("ValueError:", e)

try:
    field(default=1, default_factory=list)
except ValueError as e:
    print("ValueError:", e)


@dataclass(frozen=True)
class F:
    x: int
    y: str = "a"


f = F(1)
print(f, f == F(1), hash(f) == hash(F(1)), hash(f) == hash(F(2)), {f: 1}[F(1)])
for action in ("set", "del", "new"):
    try:
        if action == "set":
            f.x = 2
        elif action == "del":
            del f.x
        else:
            f.z = 3
    except FrozenInstanceError as e:
        print(type(e).__name__, e, isinstance(e, AttributeError))
print(replace(f, y="b"), f)


@dataclass(frozen=True)
class FrozenChild(F):
    z: float = 0.5


print(FrozenChild(1, "q"), FrozenChild(1) == FrozenChild(1))

try:
    @dataclass
    class Thaw(F):
        w: int = 0
except TypeError as e:
    print("TypeError:", e)

try:
    @dataclass(frozen=True)
    class Freeze(P):
        w: int = 0
except TypeError as e:
    print("TypeError:", e)


@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False)


print(hash(H(1)) == hash(H(1, [2])), H(1) == H(1, [2]))


@dataclass(eq=False)
class NoEq:
    a: int


n = NoEq(1)
print(n == NoEq(1), hash(n) == hash(n), NoEq.__hash__ is object.__hash__)


@dataclass
class ExplicitHash:
    a: int

    def __hash__(self):
        return 7


print(hash(ExplicitHash(1)), ExplicitHash(1) == ExplicitHash(1))

try:
    hash(P(1))
except TypeError as e:
    print("TypeError:", e)


@dataclass(order=True)
class O:
    x: int


try:
    O(1) < P(1)
except TypeError as e:
    print("TypeError:", e)
print(O(1) == P(1))

try:
    @dataclass(order=True)
    class O2:
        x: int

        def __lt__(self, other):
            return True
except TypeError as e:
    print("TypeError:", e)

for call in (lambda: fields(3), lambda: asdict(P), lambda: astuple(3), lambda: replace(3)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


@dataclass
class G:
    a: int
    b: int = field(init=False, default=5)


print(G(1))
try:
    replace(G(1), b=3)
except ValueError as e:
    print("ValueError:", e)
try:
    G(1, 2)
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Custom:
    a: int

    def __repr__(self):
        return "Custom<%d>" % self.a

    def __eq__(self, other):
        return True


print(Custom(1), Custom(1) == Custom(2), Custom.__hash__)


@dataclass
class Recursive:
    name: str
    children: list = field(default_factory=list)


root = Recursive("root")
root.children.append(Recursive("leaf"))
print(root)
