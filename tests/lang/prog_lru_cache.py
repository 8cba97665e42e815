# An LRU cache built by hand on a doubly linked list with sentinel nodes and
# a dict index; mapping dunders, statistics, eviction callbacks, a
# memoizing decorator with cache_info, and a comparison against a
# straightforward reference model driven by a deterministic LCG.


class _Node:
    __slots__ = ("key", "value", "prev", "next")

    def __init__(self, key=None, value=None):
        self.key, self.value = key, value
        self.prev = self.next = None


class LRUCache:
    def __init__(self, capacity, on_evict=None):
        if capacity <= 0:
            raise ValueError("capacity must be positive")
        self.capacity = capacity
        self.on_evict = on_evict
        self.index = {}
        self.head = _Node()
        self.tail = _Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = self.evictions = 0

    def _unlink(self, node):
        node.prev.next, node.next.prev = node.next, node.prev

    def _push_front(self, node):
        node.prev, node.next = self.head, self.head.next
        self.head.next.prev = node
        self.head.next = node

    def __getitem__(self, key):
        node = self.index.get(key)
        if node is None:
            self.misses += 1
            raise KeyError(key)
        self.hits += 1
        self._unlink(node)
        self._push_front(node)
        return node.value

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def __setitem__(self, key, value):
        node = self.index.get(key)
        if node is not None:
            node.value = value
            self._unlink(node)
            self._push_front(node)
            return
        if len(self.index) >= self.capacity:
            victim = self.tail.prev
            self._unlink(victim)
            del self.index[victim.key]
            self.evictions += 1
            if self.on_evict:
                self.on_evict(victim.key, victim.value)
        node = _Node(key, value)
        self.index[key] = node
        self._push_front(node)

    def __delitem__(self, key):
        node = self.index.pop(key)
        self._unlink(node)

    def __contains__(self, key):
        return key in self.index

    def __len__(self):
        return len(self.index)

    def __iter__(self):
        node = self.head.next
        while node is not self.tail:
            yield node.key
            node = node.next

    def items(self):
        return [(k, self.index[k].value) for k in self]

    def __repr__(self):
        body = ", ".join(f"{k!r}: {v!r}" for k, v in self.items())
        return f"LRUCache({self.capacity}, {{{body}}})"


def lru(maxsize=128):
    def decorator(func):
        cache = LRUCache(maxsize)

        def wrapper(*args):
            try:
                return cache[args]
            except KeyError:
                pass
            result = func(*args)
            cache[args] = result
            return result

        def cache_info():
            return f"hits={cache.hits} misses={cache.misses} size={len(cache)}/{maxsize}"

        wrapper.cache_info = cache_info
        wrapper.__name__ = func.__name__
        wrapper.__wrapped__ = func
        return wrapper
    return decorator


class ReferenceLRU:
    """The obvious O(n) model: a list ordered most-recent first."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.order = []
        self.data = {}

    def get(self, key):
        if key not in self.data:
            return None
        self.order.remove(key)
        self.order.insert(0, key)
        return self.data[key]

    def put(self, key, value):
        if key in self.data:
            self.order.remove(key)
        elif len(self.order) >= self.capacity:
            old = self.order.pop()
            del self.data[old]
        self.order.insert(0, key)
        self.data[key] = value


def lcg(seed):
    state = seed
    while True:
        state = (state * 1103515245 + 12345) % 2 ** 31
        yield state


evicted = []
c = LRUCache(3, on_evict=lambda k, v: evicted.append(k))
for k, v in [("a", 1), ("b", 2), ("c", 3)]:
    c[k] = v
print(c)
print(c["a"], c.get("zz", "missing"), "b" in c, len(c))
c["d"] = 4
print(c, "evicted", evicted)
c["c"] = 30
c["e"] = 5
print(list(c), "evicted", evicted)
del c["c"]
print(c.items(), f"hits={c.hits} misses={c.misses} evictions={c.evictions}")
try:
    c["nope"]
except KeyError as e:
    print("KeyError", e)
try:
    LRUCache(0)
except ValueError as e:
    print("ValueError", e)


@lru(maxsize=50)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@lru(maxsize=4)
def slow_square(n):
    return n * n


print("fib(120) =", fib(120), "|", fib.cache_info(), "|", fib.__name__)
for n in [1, 2, 3, 1, 4, 5, 1, 2, 6, 2]:
    slow_square(n)
print("squares:", slow_square.cache_info())

rng = lcg(2024)
fast, ref = LRUCache(16), ReferenceLRU(16)
mismatches = 0
ops = 0
for _ in range(3000):
    r = next(rng)
    key = (r >> 8) % 40
    if r % 3 == 0:
        fast[key] = r % 1000
        ref.put(key, r % 1000)
    else:
        a = fast.get(key)
        b = ref.get(key)
        if a != b:
            mismatches += 1
    ops += 1
print(f"{ops} random ops, mismatches={mismatches}, same order={list(fast) == ref.order}")
print(f"hit rate {fast.hits / (fast.hits + fast.misses):.3f}, evictions {fast.evictions}")
print("most recent five:", list(fast)[:5])
