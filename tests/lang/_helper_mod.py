# A sibling module imported by the lang_import_* tests: it prints once
# when first executed, and exports functions, a class, constants and
# state that importers can mutate.
print("executing _helper_mod as", __name__)

VERSION = (1, 4)
registry = []
_private = "underscore names are skipped by import *"
__all__ = ["VERSION", "greet", "Shape", "register"]


def greet(name):
    return f"hello {name} from {__name__}"


def register(item):
    registry.append(item)
    return len(registry)


class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


class Square(Shape):
    sides = 4


def make_square():
    return Square("sq")
