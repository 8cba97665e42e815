# enum: member() and nonmember() (3.11), functions as member values.
from enum import Enum, member, nonmember


class Op(Enum):
    ADD = member(lambda a, b: a + b)
    MUL = member(lambda a, b: a * b)
    LIMIT = nonmember(10)
    NAMES = nonmember(("add", "mul"))

    def __call__(self, *args):
        return self.value(*args)


print(len(Op), [m.name for m in Op], Op.LIMIT, Op.NAMES)
print(Op.ADD(2, 3), Op.MUL(2, 3), Op["MUL"](4, 5), isinstance(Op.LIMIT, int))
print(type(member(1)).__name__, type(nonmember(1)).__name__, member(5).value)


class Config(Enum):
    DEV = "dev"
    PROD = "prod"
    default = nonmember("dev")

    @classmethod
    def current(cls):
        return cls(cls.default)


print(Config.current(), list(Config), Config.default)
