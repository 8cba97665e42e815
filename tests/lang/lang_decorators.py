# Decorators: plain, with arguments, stacked (applied bottom-up), class
# decorators, and decorators that keep state on the wrapper.
calls = []


def trace(fn):
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        return fn(*args, **kwargs)
    wrapper.inner = fn
    return wrapper


def repeat(n):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(n)]
        return wrapper
    return deco


def tag(label):
    print("making tag", label)

    def deco(fn):
        print("applying tag", label, "to", fn.__name__)

        def wrapper(*a):
            return f"<{label}>{fn(*a)}</{label}>"
        wrapper.__name__ = fn.__name__
        return wrapper
    return deco


@trace
def add(a, b=1):
    return a + b


@repeat(3)
def hello(name):
    return "hi " + name


@tag("b")
@tag("i")
def text(s):
    return s


print(add(1), add(2, b=5), calls, add.__name__, add.inner.__name__)
print(hello("x"))
print(text("bold italic"), text.__name__)


def count_instances(cls):
    orig_init = cls.__init__

    def __init__(self, *a, **k):
        cls.instances += 1
        orig_init(self, *a, **k)
    cls.instances = 0
    cls.__init__ = __init__
    return cls


@count_instances
class Thing:
    def __init__(self, v):
        self.v = v


Thing(1), Thing(2), Thing(3)
print(Thing.instances, Thing(9).v, Thing.instances)


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), len(fib.cache))


class Deco:
    def __init__(self, fn):
        self.fn = fn
        self.n = 0

    def __call__(self, *a):
        self.n += 1
        return self.fn(*a) * 2


@Deco
def double_plus(x):
    return x + 1


print(double_plus(1), double_plus(10), double_plus.n, type(double_plus).__name__)
