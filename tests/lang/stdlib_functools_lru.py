# lru_cache and cache: memoization, statistics, eviction order
from functools import lru_cache, cache

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())
print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib(10), fib.cache_info())

calls = []
@lru_cache(maxsize=3)
def slow(x):
    calls.append(x)
    return x * x

for x in [1, 2, 3, 1, 4, 2, 5, 1, 3]:
    slow(x)
print(calls, slow.cache_info())

@lru_cache
def plain(x, y=0):
    calls.append((x, y))
    return x + y

calls.clear()
print(plain(1), plain(1), plain(1, 0), plain(1, y=0), plain(y=0, x=1), plain(x=1, y=0))
print(calls, plain.cache_info())

@lru_cache(typed=True)
def typed(x):
    calls.append(x)
    return repr(x)

calls.clear()
print(typed(1), typed(1.0), typed(True), typed(1), calls, typed.cache_info())

@lru_cache()
def untyped(x):
    calls.append(x)
    return repr(x)

calls.clear()
print(untyped(1), untyped(1.0), untyped(True), calls, untyped.cache_info())

@cache
def ways(n, coins=(1, 2, 5)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])

print(ways(100), ways.cache_info().currsize > 0)

@lru_cache(maxsize=0)
def nocache(x):
    return x

nocache(1); nocache(1)
print(nocache.cache_info())
print(lru_cache(maxsize=-5)(abs).cache_info())
print(fib.__name__, fib.__wrapped__.__name__, slow.cache_parameters(), plain.cache_parameters())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info) == tuple(info), len(info))
try:
    lru_cache("x")
except TypeError as e:
    print("TypeError", e)
try:
    plain([1])
except TypeError as e:
    print("TypeError", e)

@lru_cache(maxsize=32)
def edit(a, b):
    if not a:
        return len(b)
    if not b:
        return len(a)
    if a[0] == b[0]:
        return edit(a[1:], b[1:])
    return 1 + min(edit(a[1:], b), edit(a, b[1:]), edit(a[1:], b[1:]))

print(edit("kitten", "sitting"), edit("intention", "execution"), edit.cache_info())
