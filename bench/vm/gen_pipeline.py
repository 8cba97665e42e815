# A pipeline of generators: a source, a map-like stage, a filter-like
# stage and a consumer, the shape of stream processing code.  Every item
# crosses three suspended frames (plus a generator expression), so the cost
# is dominated by resuming generators: what issue #4 asks to be as fast as
# CPython's.
def source(n):
    i = 0
    while i < n:
        yield i
        i += 1

def scale(items, k):
    for x in items:
        yield x * k

def keep_odd(items):
    for x in items:
        if x & 1:
            yield x

def chunks(items, size):
    buf = []
    for x in items:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf

def run(n):
    total = 0
    for v in keep_odd(scale(source(n), 3)):
        total += v
    total += sum(len(c) for c in chunks(source(n // 4), 7))
    total += sum(y for y in (x + 1 for x in source(n // 4)) if y % 3)
    return total

print(run(10_000_000))
