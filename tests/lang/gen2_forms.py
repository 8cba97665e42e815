# generator forms: lambdas, star arguments, yield in expressions and finally
f = lambda: (yield 1)
g = f(); print(next(g), type(g).__name__, g.__qualname__)
def args(*a, k=2, **kw):
    yield a
    yield k
    yield sorted(kw.items())
print(list(args(1, 2, k=5, z=1)))
def loop():
    for i in range(5):
        try:
            if i == 1: continue
            if i == 3: break
            yield i
        finally:
            yield -i
print(list(loop()))
def expr_pos():
    x = [(yield 1), (yield 2)]
    print("x", x)
    y = (yield) or "none"
    print("y", y)
e = expr_pos(); next(e); e.send("a"); e.send("b"); 
try: e.send(None)
except StopIteration: print("stop")
def nested_def():
    def inner():
        yield from range(3)
    return [list(inner()), sum(inner())]
print(nested_def())
def simple():
    yield 1
print(simple.__code__.co_flags & 0x20, (lambda: 1).__code__.co_flags & 0x20)
