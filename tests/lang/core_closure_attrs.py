def functionA():
    def _innerFunction():
        return 1
    return _innerFunction
f = functionA()
print(f.__name__)
print(f.__qualname__)
print(functionA.__qualname__)
print(f.__closure__)
def outer(v):
    def inner():
        return v
    return inner
g = outer(5)
print(len(g.__closure__), g.__closure__[0].cell_contents)
print(outer.__code__.co_cellvars, outer.__code__.co_freevars)
print(g.__code__.co_cellvars, g.__code__.co_freevars)
print(outer.__code__.co_varnames, g.__code__.co_varnames)
print(outer.__code__.co_name, g.__code__.co_name)
