# A log-processing pipeline of generators: reading, parsing, filtering,
# windowed aggregation, plus a context manager timing each stage by counts.
import itertools

RAW = """2024-01-01 10:00:01 INFO  api  GET /users 200 12
2024-01-01 10:00:02 WARN  api  GET /users 200 250
2024-01-01 10:00:02 ERROR db   query timeout 0 5000
2024-01-01 10:00:03 INFO  api  POST /login 201 40
2024-01-01 10:00:04 INFO  web  GET / 200 8
bad line here
2024-01-01 10:00:05 ERROR api  GET /orders 500 31
2024-01-01 10:00:06 INFO  api  GET /orders 200 22
2024-01-01 10:00:07 DEBUG web  cache hit 0 1
2024-01-01 10:00:08 INFO  api  GET /users 200 15"""


class Stage:
    def __init__(self, name, stats):
        self.name = name
        self.stats = stats

    def __enter__(self):
        self.stats.setdefault(self.name, 0)
        return self

    def __exit__(self, exc_type, exc, tb):
        self.stats[self.name] += 1
        if exc_type is ValueError:
            print("  stage %s swallowed: %s" % (self.name, exc))
            return True
        return False


def read_lines(text):
    for lineno, line in enumerate(text.splitlines(), 1):
        yield lineno, line


def parse(lines, stats):
    for lineno, line in lines:
        with Stage("parse", stats):
            parts = line.split()
            if len(parts) < 8:
                raise ValueError("line %d: %r" % (lineno, line))
            date, time, level, svc = parts[:4]
            ms = int(parts[-1])
            yield {"t": time, "level": level, "svc": svc, "msg": " ".join(parts[4:-1]), "ms": ms}


def only(records, *levels):
    return (r for r in records if r["level"] in levels)


def window(items, size):
    buf = []
    for it in items:
        buf.append(it)
        if len(buf) == size:
            yield tuple(buf)
            buf = buf[1:]


def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return count
        total += value
        count += 1
        avg = total / count


stats = {}
records = list(parse(read_lines(RAW), stats))
print(len(records), stats)
errors = list(only(iter(records), "ERROR", "WARN"))
for r in errors:
    print("%(t)s %(level)-5s %(svc)s %(msg)s (%(ms)dms)" % r)
api_ms = [r["ms"] for r in records if r["svc"] == "api"]
print("api:", api_ms, ["%.1f" % (sum(w) / len(w)) for w in window(api_ms, 3)])
avg = averager()
next(avg)
for v in api_ms:
    cur = avg.send(v)
print("running avg %.3f" % cur)
try:
    avg.send(None)
except StopIteration as stop:
    print("averager consumed", stop.value)
by_svc = {}
for svc, group in itertools.groupby(sorted(records, key=lambda r: r["svc"]), key=lambda r: r["svc"]):
    ms = [g["ms"] for g in group]
    by_svc[svc] = (len(ms), max(ms))
print(by_svc)
print(sum(r["ms"] for r in records), max((r["ms"], r["t"]) for r in records), any(r["level"] == "DEBUG" for r in records))
squares = (n * n for n in itertools.count(1))
print(list(itertools.islice(squares, 5)), next(squares), list(zip("abc", squares)))
