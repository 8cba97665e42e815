# throw() and close() into a generator suspended in `yield from`
def inner():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("inner caught", repr(e))
        yield "recovered"
        return "inner-ret"
    finally:
        print("inner finally")

def outer():
    r = yield from inner()
    print("outer got", r)
    yield "after"

g = outer()
print(next(g))
print(g.gi_yieldfrom is not None, type(g.gi_yieldfrom).__name__)
print(g.throw(ValueError("boom")))
print(next(g))
print(g.gi_yieldfrom)
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)

# an exception the inner generator does not catch surfaces in outer
def outer2():
    try:
        yield from inner()
    except KeyError as e:
        print("outer2 caught", e)
        yield "o2"

g = outer2()
next(g)
print(g.throw(KeyError("k")))

# close() closes the sub-generator first
g = outer()
next(g)
g.close()
print("closed", g.gi_frame)

# throw into a yield from over a plain iterator (no throw method)
def over_list():
    try:
        yield from [1, 2, 3]
    except ZeroDivisionError:
        yield "zde"

g = over_list()
print(next(g), g.throw(ZeroDivisionError), list(g))

# throw with a class and a value, and a tuple value
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print(type(e).__name__, e.args)

g = catcher()
next(g)
g.throw(ValueError, "v")
g.throw(KeyError, ("a", "b"))
g.throw(TypeError("inst"))
try:
    g.throw(TypeError("x"), "y")
except TypeError as e:
    print("TypeError:", e)
try:
    g.throw(42)
except TypeError as e:
    print("TypeError:", e)

# StopIteration thrown into a generator becomes RuntimeError
g = catcher()
next(g)
def stopper():
    yield 1
s = stopper()
next(s)
try:
    s.throw(StopIteration)
except RuntimeError as e:
    print("RuntimeError:", e, type(e.__cause__).__name__)

# the sub-generator's return value via send
def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x

def wrap():
    res = yield from acc()
    yield ("result", res)

w = wrap()
next(w)
for i in range(1, 5):
    print(w.send(i))
print(w.send(None))
