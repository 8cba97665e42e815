# dataclasses holding enum members: asdict/astuple, copy and deepcopy.
import copy
from enum import Enum, IntEnum, Flag
from dataclasses import dataclass, field, asdict, astuple
class Color(Enum):
    RED = 1
class N(IntEnum):
    A = 1
@dataclass
class Item:
    color: Color
    n: N = N.A
    tags: set = field(default_factory=set)
    meta: dict = field(default_factory=dict)
i = Item(Color.RED, tags={1}, meta={"k": [1, (2, 3)]})
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.RED) is Color.RED, copy.deepcopy(N.A) is N.A)
d = asdict(i)
print(d, d["color"] is Color.RED, astuple(i))
j = copy.deepcopy(i)
print(j, j == i, j.meta is not i.meta, j.color is Color.RED)
k = copy.copy(i)
print(k == i, k.meta is i.meta)
print(sorted([Item(Color.RED, N.A)], key=lambda x: x.n))
