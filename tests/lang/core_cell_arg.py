def f(x, y):
    def g():
        return x + y
    x = x * 10
    return g
print(f(1, 2)())
print(f.__code__.co_cellvars, f.__code__.co_varnames)
