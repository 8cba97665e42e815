# A TypeError from binding a call's arguments, and calling a non-callable.
def point(x, y):
    return (x, y)


def make():
    p = point(1, 2)
    q = point(1, z=3)
    return p, q


try:
    make()
except TypeError as e:
    print("caught", e)
data = {"n": 5}
data["n"](1)
