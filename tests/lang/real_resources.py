# Context managers in everyday use: a transaction that rolls back on error,
# nested timers keyed by name, suppression of chosen exceptions, a
# redirecting writer, plus an LRU cache built on OrderedDict and lru_cache.
from collections import OrderedDict
from functools import lru_cache


class Transaction:
    def __init__(self, store):
        self.store = store

    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("  rolled back after %s: %s" % (exc_type.__name__, exc))
        return exc_type is KeyError


class Suppress:
    def __init__(self, *kinds):
        self.kinds = kinds
        self.caught = []

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kinds):
            self.caught.append(repr(exc))
            return True
        return False


class Collector:
    """Collects written text, like io.StringIO."""

    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def getvalue(self):
        return "".join(self.parts)


class Section:
    depth = 0

    def __init__(self, name, out):
        self.name, self.out = name, out

    def __enter__(self):
        print("  " * Section.depth + "<" + self.name + ">", file=self.out)
        Section.depth += 1
        return self

    def __exit__(self, *exc):
        Section.depth -= 1
        print("  " * Section.depth + "</" + self.name + ">", file=self.out)


store = {"a": 1, "b": 2}
with Transaction(store) as s:
    s["c"] = 3
print(store)
with Transaction(store) as s:
    s["a"] = 100
    del s["zzz"]
print(store)
try:
    with Transaction(store) as s:
        s["b"] = -1
        raise ValueError("invalid balance")
except ValueError as e:
    print("escaped:", e, store)

sup = Suppress(ZeroDivisionError, LookupError)
for i, job in enumerate([lambda: 1 / 0, lambda: [][1], lambda: {}["x"], lambda: "fine"]):
    with sup:
        print("job", i, "->", job())
print(sup.caught)
try:
    with Suppress(KeyError):
        int("nope")
except ValueError as e:
    print("not suppressed:", e)

out = Collector()
with Section("html", out), Section("body", out):
    with Section("p", out) as p:
        print("hello from", p.name, file=out)
print(out.getvalue(), end="")
print(len(out.parts), Section.depth)


def gen_with():
    with Section("gen", out):
        yield 1
        yield 2


out.parts.clear()
g = gen_with()
print(next(g), out.getvalue().strip())
g.close()
print(repr(out.getvalue()))


class LRU:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key, compute):
        if key in self.data:
            self.hits += 1
            self.data.move_to_end(key)
            return self.data[key]
        self.misses += 1
        value = compute(key)
        self.data[key] = value
        if len(self.data) > self.capacity:
            old, _ = self.data.popitem(last=False)
            print("  evict", old)
        return value


cache = LRU(3)
for k in [1, 2, 3, 1, 4, 2, 5, 1]:
    cache.get(k, lambda x: x * x)
print(list(cache.data.items()), cache.hits, cache.misses)


@lru_cache(maxsize=None)
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    return partitions(n - k, k) + partitions(n, k - 1)


print([partitions(n, n) for n in range(15)], partitions(60, 60))
info = partitions.cache_info()
print(info.hits > 0, info.misses > 0, info.maxsize, info.currsize == info.misses)
partitions.cache_clear()
print(partitions.cache_info())
