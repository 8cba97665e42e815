# *args and **kwargs passed through methods, super() calls and
# decorators; keyword-only parameters in methods; default values shared.
class Base:
    def __init__(self, *args, **kwargs):
        self.args = args
        self.kwargs = kwargs

    def describe(self, *, verbose=False):
        text = f"{type(self).__name__}{self.args}"
        return text + (f" {sorted(self.kwargs.items())}" if verbose else "")


class Child(Base):
    def __init__(self, first, *rest, tag="none", **extra):
        super().__init__(first, *rest, tag=tag, **extra)
        self.first = first


c = Child(1, 2, 3, tag="t", color="red")
print(c.args, c.kwargs, c.first, c.describe(), c.describe(verbose=True))
try:
    c.describe(True)
except TypeError as e:
    print("TypeError:", e)
args = (10, 20)
kw = {"tag": "from dict"}
c2 = Child(*args, **kw)
print(c2.describe(verbose=True))


class Log:
    def add(self, item, bucket=[]):
        bucket.append(item)
        return bucket


lg = Log()
print(lg.add(1), lg.add(2), Log().add(3))
