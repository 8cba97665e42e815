# yield from forwards send(), throw() and close() to the sub-generator.
def averager():
    total, n = 0, 0
    try:
        while True:
            x = yield (total / n if n else 0.0)
            if x is None:
                break
            total += x
            n += 1
    except KeyError as e:
        print("  averager handled", repr(e))
        yield "recovered"
    finally:
        print("  averager finally")
    return (n, total)


def group(results):
    while True:
        r = yield from averager()
        results.append(r)


results = []
g = group(results)
next(g)
print(g.send(10), g.send(20), g.send(60))
print(g.send(None))
print(g.send(5))
print(g.throw(KeyError("k")))
print(results)
g.close()
print("closed", results)


def sub():
    try:
        yield 1
        yield 2
    except ValueError:
        yield "sub caught"


def top():
    yield from sub()
    yield "top continues"


t = top()
print(next(t), t.throw(ValueError), next(t))
