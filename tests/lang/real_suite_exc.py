# test_exceptions-style facts: hierarchy, args, chaining, finally ordering,
# custom exception classes, re-raise, exception attributes.
print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__], [c.__name__ for c in FileNotFoundError.__mro__])
for sub, sup in [(IndexError, LookupError), (UnicodeDecodeError if False else ValueError, Exception), (StopIteration, Exception),
                 (KeyboardInterrupt, Exception), (KeyboardInterrupt, BaseException), (RecursionError, RuntimeError),
                 (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError), (OverflowError, ArithmeticError),
                 (TimeoutError, OSError), (bool, int), (IndentationError, SyntaxError), (UnboundLocalError, NameError)]:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))

class AppError(Exception):
    """Base for the app."""

class ConfigError(AppError):
    def __init__(self, key, problem="missing"):
        super().__init__(key, problem)
        self.key = key

    def __str__(self):
        return "config %s: %s" % (self.args[0], self.args[1])

class Retry(AppError):
    pass

def load(key):
    if key.startswith("_"):
        raise ConfigError(key, "private")
    if key == "flaky":
        raise Retry("try again", 3)
    if key == "zero":
        return 1 / 0
    return key.upper()

for key in ["name", "_secret", "flaky", "zero"]:
    try:
        v = load(key)
    except ConfigError as e:
        print("config:", e, "|", repr(e), "|", e.args, e.key, isinstance(e, AppError))
    except AppError as e:
        print("app:", e, "|", repr(e), e.args)
    except ArithmeticError as e:
        print("arith:", type(e).__name__, e)
    else:
        print("ok:", v)
    finally:
        print("  done", key)

order = []
def nested(n):
    try:
        order.append("try%d" % n)
        if n == 0:
            raise ValueError("bottom")
        nested(n - 1)
    except ValueError as e:
        order.append("except%d" % n)
        if n < 2:
            raise
        return "handled"
    finally:
        order.append("finally%d" % n)
print(nested(3), order)

def returns_in_finally():
    try:
        raise KeyError("lost")
    finally:
        return "finally wins"
print(returns_in_finally())

def chained():
    try:
        int("x")
    except ValueError as e:
        raise RuntimeError("could not parse") from e
try:
    chained()
except RuntimeError as e:
    print(repr(e), "cause:", repr(e.__cause__), "ctx same:", e.__context__ is e.__cause__)
try:
    try:
        raise TypeError("first")
    except TypeError:
        raise ValueError("second") from None
except ValueError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        [].pop()
    except IndexError:
        {}["k"]
except KeyError as e:
    print("implicit context:", repr(e.__context__))
e = ValueError("a", 1)
print(e.args, str(e), repr(e), str(ValueError("only")), repr(ValueError()), str(ValueError()), len(e.args))
print(repr(StopIteration(5).value), repr(SystemExit(3).code), str(KeyError("x")), str(KeyError(1, 2)), repr(OSError("m")))
err = None
try:
    raise IndexError
except IndexError as caught:
    err = caught
print(type(err).__name__, err.args, repr(err))
try:
    caught
except NameError as ne:
    print("NameError:", ne)
def raise_class():
    raise AppError
try:
    raise_class()
except Exception as x:
    print(repr(x), x.__doc__)
try:
    raise 5
except TypeError as x:
    print("TypeError:", x)
try:
    raise ValueError("v") from 3
except TypeError as x:
    print("TypeError:", x)
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise Retry(count)
        break
    except Retry as r:
        print("retry", r.args[0])
        continue
    finally:
        print("attempt", count)
def multi(v):
    try:
        return {"a": 1}[v] + [0][v == "b"]
    except (KeyError, IndexError) as e:
        return "caught " + type(e).__name__
    except TypeError:
        return "type"
print(multi("a"), multi("z"), multi(None))
e1 = Exception("x"); e2 = Exception("x")
print(e1 == e2, e1 == e1, bool(Exception()), isinstance(e1, BaseException))
try:
    assert isinstance(3, str), "3 is no str"
except AssertionError as a:
    print("assert:", a.args)
