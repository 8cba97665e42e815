def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(4,)))
print(f(a=1, **{"b": 2}))
print(f(*range(3), **dict(x=1)))
