# types: a module object made at run time by calling types.ModuleType.
import types

m = types.ModuleType("mymod", "a doc")
m.x = 1
print(m.__name__, m.__doc__, m.x, repr(m), str(m))
print(types.ModuleType("plain").__doc__, sorted(vars(types.ModuleType("v"))))
