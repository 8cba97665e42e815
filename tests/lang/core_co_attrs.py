def f(a, b=1, *args, c, **kw):
    d = a + b
    def g():
        return d
    return g
co = f.__code__
print(co.co_name, co.co_argcount, co.co_kwonlyargcount)
print(co.co_varnames)
print(co.co_cellvars, co.co_freevars)
print(type(co.co_code).__name__, len(co.co_code) > 0)
print(co.co_names)
