# A pipeline of generators: read -> parse -> filter -> window -> report,
# each stage lazy, with the interleaving made visible.
def read(lines):
    for n, line in enumerate(lines, 1):
        yield n, line


def parse(records):
    for n, line in records:
        name, _, value = line.partition("=")
        try:
            yield n, name.strip(), float(value)
        except ValueError:
            print(f"  skip line {n}: {line!r}")


def positive(items):
    return ((n, k, v) for n, k, v in items if v > 0)


def window(items, size):
    buf = []
    for item in items:
        buf.append(item)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)


DATA = ["a = 1.5", "b = -2", "junk", "c = 4", "d = 0.25", "e = x", "f = 10", "g = 3"]
pipeline = window(positive(parse(read(DATA))), 2)
for pair in pipeline:
    names = "+".join(k for _, k, _ in pair)
    print(f"{names:<4} sum={sum(v for *_, v in pair):6.2f} lines={[n for n, _, _ in pair]}")


def take(n, it):
    for _, x in zip(range(n), it):
        yield x


def naturals():
    n = 0
    while True:
        yield n
        n += 1


evens = (n for n in naturals() if n % 2 == 0)
print(list(take(5, (e * e for e in evens))))
