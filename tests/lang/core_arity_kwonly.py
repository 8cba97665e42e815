# Keyword-only, positional-only, *args/**kwargs binding and their errors.
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6))
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_varnames, f.__code__.co_argcount,
      f.__code__.co_kwonlyargcount, f.__code__.co_flags)

def g(p, /, q, *, r):
    return p, q, r
print(g(1, 2, r=3), g(1, q=2, r=3))

def h(*, a, b):
    return a + b

def k(a, *, b):
    return a, b

tests = [
    lambda: f(),
    lambda: f(1),
    lambda: h(),
    lambda: h(a=1),
    lambda: k(1, 2),
    lambda: k(1, 2, b=3),
    lambda: g(p=1, q=2, r=3),
    lambda: g(1, 2, 3),
    lambda: f(1, c=2, a=3),
    lambda: f(**{"a": 1, "c": 2, "zz": 3}),
    lambda: f(*[1, 2, 3], c=1, **{"d": 9}),
    lambda: h(**{1: 2}),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)

def outer():
    def inner(x, y):
        return x
    return inner
try:
    outer()(1)
except TypeError as e:
    print(e)
