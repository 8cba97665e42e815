# functools.wraps copies __name__, __qualname__, __doc__ and __wrapped__
# onto the wrapper; decorators on methods still bind self.
import functools


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        print(f"  {fn.__name__}{args[1:] if args and hasattr(args[0], 'v') else args} -> {result!r}")
        return result
    return wrapper


@logged
def area(w, h):
    """Area of a rectangle."""
    return w * h


class Box:
    def __init__(self, v):
        self.v = v

    @logged
    def scaled(self, k):
        "Scale the box."
        return self.v * k


print(area(3, 4))
print(area.__name__, area.__qualname__, area.__doc__, area.__wrapped__(2, 2))
b = Box(5)
print(b.scaled(3), Box.scaled.__name__, Box.scaled.__qualname__, Box.scaled.__doc__)


def plain_deco(fn):
    def wrapper(*a):
        return fn(*a)
    return wrapper


@plain_deco
def named():
    "doc"


print(named.__name__, named.__doc__, hasattr(named, "__wrapped__"))
