# generator state: gi_* attributes, send rules, exceptions across yields
def g():
    x = yield 1
    print("sent", x)
    y = yield 2
    return x, y

it = g()
print(it.gi_running, it.gi_frame is not None, it.gi_code.co_name, it.gi_suspended)
try:
    it.send("early")
except TypeError as e:
    print("TypeError:", e)
print(it.send(None), it.gi_suspended)
print(it.send("a"))
try:
    it.send("b")
except StopIteration as e:
    print("StopIteration", e.value, e.args)
print(it.gi_frame, it.gi_running, it.gi_suspended)
try:
    next(it)
except StopIteration as e:
    print("again", e.args)
try:
    it.send(5)
except StopIteration as e:
    print("send to finished", e.args)

def running():
    yield it2.gi_running
it2 = running()
print(next(it2))

# the handled exception is the generator's own across a yield
def exc_keeper():
    try:
        raise KeyError("inside")
    except KeyError:
        yield 1
        try:
            raise
        except KeyError as e:
            yield "re-raised " + repr(e)
    yield "out of the handler"

k = exc_keeper()
print(next(k))
try:
    raise ValueError("outside")
except ValueError:
    print(next(k))
    print(next(k))
try:
    raise ValueError("caller's")
except ValueError:
    try:
        next(k)
    except StopIteration:
        print("done, caller still handles ValueError")
    try:
        raise
    except ValueError as e:
        print("bare raise in caller:", repr(e))

# return inside try/finally
def ret_finally():
    try:
        yield 1
        return "r"
    finally:
        print("cleanup")

r = ret_finally()
next(r)
try:
    next(r)
except StopIteration as e:
    print("value", e.value)

# PEP 479 with the cause chain
def leaks_stop():
    yield 1
    raise StopIteration("inner stop")

try:
    list(leaks_stop())
except RuntimeError as e:
    print(e, "| cause:", repr(e.__cause__), e.__suppress_context__)

# next() with a default, iter() identity, generator in a while loop
gen = (i for i in range(2))
print(next(gen), next(gen), next(gen, "dflt"))
def evens():
    n = 0
    while True:
        yield n
        n += 2
e = evens()
out = []
while len(out) < 5:
    out.append(next(e))
print(out, iter(e) is e)
print(sorted(x for x in dir(e) if not x.startswith("__")))

# a thrown exception's __context__ is the generator's handled exception,
# never the caller's
def handler_gen():
    try:
        raise KeyError("k")
    except KeyError:
        try:
            yield 1
        except ValueError as e:
            print("context", repr(e.__context__))
            yield 2
x = handler_gen(); next(x); x.throw(ValueError("v"))
def plain_gen():
    yield 1
try:
    raise TypeError("outer")
except TypeError:
    y = plain_gen(); next(y)
    try:
        y.throw(ValueError("v2"))
    except ValueError as e:
        print("context", repr(e.__context__))
