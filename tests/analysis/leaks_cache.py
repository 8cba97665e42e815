"""A cache that never forgets: a global dict keeps a list per key."""
cache = {}


def load(key):
    if key not in cache:
        cache[key] = [key * 3 for _ in range(20)]
    return cache[key]


for i in range(8):
    load("k%d" % i)
print(len(cache), len(cache["k0"]))
