# The `as` targets: names, attributes, subscripts, unpacking, and a store
# that fails (which still calls __exit__ with the error).
class CM:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        print("enter ->", self.value)
        return self.value

    def __exit__(self, et, ev, tb):
        print("exit", et.__name__ if et else None, ev)
        return False


class Box:
    pass


box = Box()
d = {}
with CM((1, 2)) as (a, b):
    print("unpacked", a, b)
with CM([3, [4, 5]]) as [x, [y, z]]:
    print("nested", x, y, z)
with CM("attr") as box.attr, CM("item") as d["k"]:
    print("stored", box.attr, d)
with CM(range(5)) as (first, *rest):
    print("star", first, rest)
try:
    with CM((1, 2, 3)) as (p, q):
        print("not reached")
except ValueError as e:
    print("ValueError:", e)
try:
    with CM(7) as d[[]]:
        print("not reached")
except TypeError as e:
    print("TypeError:", e)


def local_targets():
    with CM("loc") as v:
        w = v.upper()
    return v, w


print(local_targets())


def closure_target():
    with CM("cell") as c:
        pass
    return lambda: c


print(closure_target()())
g = None


def global_target():
    global g
    with CM("glob") as g:
        pass


global_target()
print(g)
# enter() returning None and the manager itself
with CM(None) as n:
    print("n is", n)


class Self:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        print("Self exit", exc)


with Self() as s:
    print(type(s).__name__)
