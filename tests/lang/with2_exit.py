# What __exit__ receives and returns: (type, value, traceback), truthiness
# of the result decides suppression, errors in __exit__ chain __context__.
class Inspect:
    def __init__(self, result=None):
        self.result = result

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print("exit got", et, repr(ev), type(tb).__name__)
        if tb is not None:
            print("  tb line", tb.tb_lineno, "tb is ev's:", tb is ev.__traceback__)
        return self.result


with Inspect():
    pass
for result in (None, False, 0, "", [], True, 1, "yes", [0]):
    try:
        with Inspect(result):
            raise KeyError(repr(result))
        print(repr(result), "suppressed")
    except KeyError as e:
        print(repr(result), "propagated", e)


class BadBool:
    def __bool__(self):
        raise ZeroDivisionError("bool failed")


try:
    with Inspect(BadBool()):
        raise ValueError("body")
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e, "| context:", repr(e.__context__))


class Raiser:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise RuntimeError(self.name + " exit")


def chain(e):
    out = []
    while e is not None:
        out.append(f"{type(e).__name__}({e})")
        e = e.__context__
    return " <- ".join(out)


try:
    with Raiser("outer"), Raiser("inner"):
        raise ValueError("body")
except RuntimeError as e:
    print(chain(e))


def ret():
    with Raiser("ret"):
        return 1


try:
    ret()
except RuntimeError as e:
    print(chain(e))

# suppressing restores the previous handled exception
try:
    raise OSError("outer handled")
except OSError:
    with Inspect(True):
        raise ValueError("inner")
    try:
        raise
    except OSError as again:
        print("after suppress, re-raised:", repr(again))


# an exception inside the suppressed body keeps its traceback
class Keep:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        self.ev = ev
        return True


k = Keep()
with k:
    def inner():
        raise LookupError("deep")
    inner()
print(repr(k.ev), k.ev.__traceback__ is not None)


# raise ... from inside a with
try:
    with Inspect():
        try:
            1 / 0
        except ZeroDivisionError as z:
            raise ValueError("wrapped") from z
except ValueError as e:
    print("cause:", repr(e.__cause__), "suppress:", e.__suppress_context__)
