# Exceptions: context, cause, args, repr/str, re-raise, finally ordering.
def f():
    try:
        raise ValueError("bad", 2)
    finally:
        print("finally runs")

try:
    f()
except ValueError as e:
    print(repr(e), e.args, str(e), type(e).__name__)

try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))

def in_handler():
    try:
        1 / 0
    except ZeroDivisionError:
        raise TypeError("in handler")

try:
    in_handler()
except TypeError as e:
    print(repr(e.__context__), e.__cause__)

def reraise():
    try:
        [][1]
    except IndexError:
        print("handling")
        raise

try:
    reraise()
except IndexError as e:
    print("re-raised", e)

try:
    raise KeyError
except LookupError as e:
    print("caught as LookupError:", repr(e), e.args)

try:
    raise
except RuntimeError as e:
    print(e)

try:
    raise 42
except TypeError as e:
    print(e)

for exc in (ValueError(), KeyError("x"), KeyError("a", "b"), OSError("disk"), RuntimeError("r", 1),
            StopIteration(7), SystemExit(3), AttributeError("n")):
    print(repr(exc), "|", str(exc), "|", exc.args)
print(StopIteration(7).value, SystemExit(3).code, SystemExit().code)

def order():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(order())

def ret_in_finally():
    try:
        return "body"
    finally:
        print("cleanup before return")
print(ret_in_finally())

e = None
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as err:
    print("NameError:", err)
