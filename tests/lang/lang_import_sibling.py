# Importing a sibling .py module: its code runs once, its namespace is a
# module object, attributes are shared, and from-imports bind names.
import _helper_mod
import _helper_mod as again
from _helper_mod import greet, Shape as S, registry

print(_helper_mod.greet("ann"), greet is _helper_mod.greet, again is _helper_mod)
print(_helper_mod.__name__, type(_helper_mod).__name__, _helper_mod.VERSION, S is _helper_mod.Shape)
print(_helper_mod.register("x"), _helper_mod.register("y"), registry, registry is _helper_mod.registry)
sq = _helper_mod.make_square()
print(sq, isinstance(sq, S), sq.sides, type(sq).__module__, S.__module__, S.__qualname__)
_helper_mod.VERSION = (2, 0)
import _helper_mod as third
print(third.VERSION, sorted(k for k in vars(_helper_mod) if not k.startswith("__"))[:4])
print(repr(_helper_mod).startswith("<module '_helper_mod' from "), hasattr(_helper_mod, "_private"))
