# raise ... from: __cause__, __context__, __suppress_context__ and
# `from None`; re-raising inside except keeps the context chain.
def describe(e):
    return (type(e).__name__, str(e), type(e.__cause__).__name__ if e.__cause__ else None,
            type(e.__context__).__name__ if e.__context__ else None, e.__suppress_context__)


try:
    try:
        int("x")
    except ValueError as err:
        raise RuntimeError("conversion failed") from err
except RuntimeError as e:
    print(describe(e))
    print(e.__cause__ is e.__context__)

try:
    try:
        {}["k"]
    except KeyError:
        raise LookupError("hidden") from None
except LookupError as e:
    print(describe(e))

try:
    try:
        [][1]
    except IndexError:
        raise TypeError("implicit")
except TypeError as e:
    print(describe(e))

try:
    raise ValueError("v") from KeyError("explicit cause")
except ValueError as e:
    print(describe(e), repr(e.__cause__))

e = RuntimeError("manual")
e.__cause__ = ZeroDivisionError("z")
print(describe(e))
try:
    raise ValueError from 5
except TypeError as t:
    print("TypeError:", t)
try:
    raise 5
except TypeError as t:
    print("TypeError:", t)
try:
    raise ValueError
except ValueError as v:
    print(repr(v), v.args)
