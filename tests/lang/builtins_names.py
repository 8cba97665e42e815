# The builtin names: types, constants and exception classes.
import builtins

for name in ("int", "float", "bool", "str", "bytes", "bytearray", "tuple", "list",
             "dict", "set", "frozenset", "range", "slice", "type", "object",
             "enumerate", "zip", "map", "filter", "reversed", "staticmethod",
             "classmethod", "property"):
    t = getattr(builtins, name)
    print(name, isinstance(t, type), t.__name__)
print(None, True, False, Ellipsis, NotImplemented, __debug__)
print(exit, quit, type(exit).__name__)
for exc in (BaseException, Exception, ValueError, KeyError, IndexError, ZeroDivisionError,
            StopIteration, RecursionError, NotImplementedError, AttributeError,
            ModuleNotFoundError, UnboundLocalError, OSError, SystemExit, KeyboardInterrupt):
    print(exc.__name__, [b.__name__ for b in exc.__mro__])
print(IOError is OSError, EnvironmentError is OSError)
print(issubclass(KeyError, LookupError), issubclass(SystemExit, Exception))
print(len([n for n in dir(builtins) if n in ("print", "len", "sum", "min", "max")]))
print(builtins.len is len, builtins.__name__)
