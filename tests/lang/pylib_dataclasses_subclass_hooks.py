# dataclasses: the decorator must not make the class a second time
# (__init_subclass__ and __set_name__ run once, the class keeps its identity).
from dataclasses import dataclass

made = []


class Plugin:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        made.append(cls.__name__)


class Named:
    def __set_name__(self, owner, name):
        made.append("set_name " + name)

    def __get__(self, obj, owner=None):
        return 42


class Original(Plugin):
    pass


before = Original


@dataclass
class Csv(Plugin):
    sep: str = ","
    tag = Named()


print(made, Csv().tag, Csv(";"))


def keep(cls):
    global kept
    kept = cls
    return cls


@dataclass
@keep
class Same:
    x: int = 0


print(kept is Same, Same())
