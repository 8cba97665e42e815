# __exit__ returning a true value suppresses the exception; returning a
# false value lets it propagate; the exception details reach __exit__.
class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            self.caught.append((exc_type.__name__, str(exc), tb is not None))
            return True
        return False


s = Suppress(KeyError, ZeroDivisionError)
with s:
    {}["x"]
print("after KeyError")
with s:
    1 / 0
    print("not reached")
print("after ZeroDivisionError")
with s:
    print("no error")
try:
    with s:
        raise ValueError("not suppressed")
except ValueError as e:
    print("propagated:", e)
print(s.caught)


class Truthy:
    def __enter__(self):
        pass

    def __exit__(self, *a):
        return "yes"


with Truthy():
    raise RuntimeError("swallowed by a truthy string")
print("still running")


def f():
    with Suppress(IndexError):
        return [][0]
    return "fell through"


print(f())
