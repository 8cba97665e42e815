# dataclasses: inheritance with super(), __post_init__ chains, ClassVar,
# kw_only, InitVar, make_dataclass and dataclasses under other metaclasses.
from dataclasses import dataclass, field, fields, InitVar, KW_ONLY, make_dataclass, asdict
from typing import ClassVar, List, Optional
from abc import ABC, abstractmethod


@dataclass
class Animal:
    name: str
    sound: str = "..."
    registry: ClassVar[list] = []

    def __post_init__(self):
        Animal.registry.append(self.name)

    def speak(self):
        return self.name + " says " + self.sound


@dataclass
class Dog(Animal):
    tricks: List[str] = field(default_factory=list)

    def __post_init__(self):
        super().__post_init__()
        self.sound = "woof"

    def speak(self):
        return super().speak() + " and knows " + str(len(self.tricks)) + " tricks"


d = Dog("rex", tricks=["sit"])
print(d, d.speak(), Animal("cat", "meow").speak())
print(Animal.registry, [f.name for f in fields(Dog)], "registry" in Dog.__dataclass_fields__)
print(Dog.__doc__)


@dataclass
class Config:
    host: str
    port: int = 80
    _: KW_ONLY
    debug: bool = False
    retries: int = 3


print(Config("h"), Config("h", 8080, debug=True))
try:
    Config("h", 1, True)
except TypeError as e:
    print("TypeError:", e)


@dataclass(kw_only=True)
class Opts:
    a: int
    b: int = 2


print(Opts(a=1), Opts(b=3, a=4))
try:
    Opts(1)
except TypeError as e:
    print("TypeError:", e)
try:
    Opts()
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Account:
    owner: str
    balance: float = 0.0
    rate: InitVar[float] = 0.1

    def __post_init__(self, rate):
        self.balance = round(self.balance * (1 + rate), 2)


acc = Account("ann", 100.0, 0.5)
print(acc, [f.name for f in fields(acc)], asdict(acc))


@dataclass
class Node:
    value: int
    next: Optional["Node"] = None

    def __iter__(self):
        node = self
        out = []
        while node is not None:
            out.append(node.value)
            node = node.next
        return iter(out)


chain = Node(1, Node(2, Node(3)))
print(chain, list(chain))

Pair = make_dataclass("Pair", [("left", int), ("right", int, field(default=0))])
print(Pair(1), Pair(1, 2) == Pair(1, 2), [f.name for f in fields(Pair)])


class Shape(ABC):
    @abstractmethod
    def area(self):
        pass


@dataclass
class Square(Shape):
    side: float

    def area(self):
        return self.side ** 2


print(Square(3), Square(3).area(), isinstance(Square(2), Shape))


@dataclass
class Stack:
    items: list = field(default_factory=list)

    def push(self, x):
        self.items.append(x)

    def pop(self):
        return self.items.pop()

    def __len__(self):
        return len(self.items)

    def __bool__(self):
        return bool(self.items)


s = Stack()
s.push(1)
s.push(2)
print(s, len(s), bool(s), s.pop(), s)


@dataclass
class self_named:
    self: int


print(self_named(5))


@dataclass
class Matrix:
    rows: int
    cols: int
    data: list = field(default=None, repr=False)

    def __post_init__(self):
        if self.data is None:
            self.data = [[0] * self.cols for _ in range(self.rows)]

    def __getitem__(self, rc):
        r, c = rc
        return self.data[r][c]


m = Matrix(2, 3)
print(m, m[1, 2], m.data)
