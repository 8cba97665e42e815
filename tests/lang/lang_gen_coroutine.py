# Generators used as coroutines: a primed consumer chain where each stage
# receives items with send(), filters/transforms them and forwards them,
# and close() propagates a final flush.
def coroutine(fn):
    def start(*args, **kwargs):
        g = fn(*args, **kwargs)
        next(g)
        return g
    start.__name__ = fn.__name__
    return start


@coroutine
def sink(out):
    try:
        while True:
            item = yield
            out.append(item)
    except GeneratorExit:
        out.append("<sink closed>")


@coroutine
def grep(pattern, target):
    try:
        while True:
            line = yield
            if pattern in line:
                target.send(line.upper())
    finally:
        target.close()


@coroutine
def batcher(size, target):
    batch = []
    try:
        while True:
            batch.append((yield))
            if len(batch) == size:
                target.send(tuple(batch))
                batch = []
    except GeneratorExit:
        if batch:
            target.send(tuple(batch))
        target.close()


out = []
pipe = grep("py", batcher(2, sink(out)))
for line in ["python rocks", "ruby", "pypy is fast", "cpython", "java", "mypy"]:
    pipe.send(line)
pipe.close()
print(out)
