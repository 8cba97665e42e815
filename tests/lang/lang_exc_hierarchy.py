# The builtin exception hierarchy: each class's direct base and some
# issubclass relations, as CPython 3.11 defines them.
names = ["BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception",
         "StopIteration", "StopAsyncIteration", "ArithmeticError", "FloatingPointError",
         "OverflowError", "ZeroDivisionError", "AssertionError", "AttributeError",
         "BufferError", "EOFError", "ImportError", "ModuleNotFoundError", "LookupError",
         "IndexError", "KeyError", "MemoryError", "NameError", "UnboundLocalError",
         "OSError", "FileNotFoundError", "PermissionError", "ReferenceError", "RuntimeError",
         "NotImplementedError", "RecursionError", "SyntaxError", "IndentationError",
         "TabError", "SystemError", "TypeError", "ValueError", "UnicodeError",
         "UnicodeDecodeError", "UnicodeEncodeError", "Warning", "UserWarning",
         "DeprecationWarning"]
import builtins
for n in names:
    cls = getattr(builtins, n)
    print(f"{n:<22} <- {cls.__base__.__name__}")
print(issubclass(KeyError, LookupError), issubclass(UnboundLocalError, NameError),
      issubclass(RecursionError, RuntimeError), issubclass(ModuleNotFoundError, ImportError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(StopIteration, Exception),
      issubclass(GeneratorExit, Exception), issubclass(bool, Exception))
print(IOError is OSError, EnvironmentError is OSError)
try:
    raise KeyboardInterrupt
except Exception:
    print("wrongly caught by Exception")
except BaseException as e:
    print("caught by BaseException:", type(e).__name__)
for exc in (ZeroDivisionError, OverflowError, KeyError, IndexError):
    try:
        raise exc("x")
    except (ArithmeticError, LookupError) as e:
        print(type(e).__name__, "is", "ArithmeticError" if isinstance(e, ArithmeticError) else "LookupError")
