# closures, cells passed through intermediate scopes, global / nonlocal / del
def make_multiplier_of(n):
    def multiplier(x):
        return x * n
    return multiplier

times5 = make_multiplier_of(5)
print([times5(i) for i in range(5)])
print(times5.__qualname__, times5.__code__.co_freevars, make_multiplier_of.__code__.co_cellvars)
print(times5.__closure__[0].cell_contents)

def a():
    x = "from a"
    def b():
        def c():
            def d():
                return x
            return d
        return c
    return b

d = a()()()
print(d(), d.__qualname__)
print(a.__code__.co_cellvars, a().__code__.co_freevars, a()().__code__.co_freevars,
      d.__code__.co_freevars)

counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)

def acc():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return add
add = acc()
add(3)
print(add(4))

def shadow():
    y = 1
    def inner():
        y = 2
        return y
    return inner(), y
print(shadow())

def args_cell(p, q):
    def g():
        return p + q
    p = p * 10
    return g()
print(args_cell(1, 2), args_cell.__code__.co_cellvars, args_cell.__code__.co_varnames)

def deleter():
    v = 5
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(deleter())

def free_error():
    def inner():
        return w
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    w = 1
free_error()

x = 10
def reads_global():
    return x + 1
print(reads_global())

def lam():
    k = 3
    return (lambda z, w=2: z * k + w)
print(lam()(4), lam()(4, 0), lam().__qualname__)

fs = [lambda: i for i in range(3)]
print([f() for f in fs])
fs2 = [lambda i=i: i for i in range(3)]
print([f() for f in fs2])

def walrus(data):
    if (n := len(data)) > 2:
        return n, [y for v in data if (y := v * 2) > 2], y
    return n
print(walrus([1, 2, 3]))
print([last := c for c in "abc"], last)

def deco(fn):
    def wrapper(*a, **k):
        return ("wrapped", fn(*a, **k))
    return wrapper

@deco
def greet(name):
    return "hi " + name
print(greet("bo"), greet.__qualname__)

def outer():
    def mid():
        def inner():
            return 1
        return inner
    return mid()
print(outer().__qualname__)
