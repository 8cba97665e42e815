# functools: reduce (with and without initializer), partial (positional
# and keyword, nested), and lru_cache (hits, misses, maxsize, clearing).
from functools import reduce, partial, lru_cache
import functools

print(reduce(lambda a, b: a * b, range(1, 11)), reduce(lambda a, b: a + [b * 2], [1, 2, 3], []),
      reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, [], "init"))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError:", e)


def power(base, exp, mod=None):
    return pow(base, exp, mod)


square = partial(power, exp=2)
cube_mod = partial(power, exp=3, mod=7)
two_to = partial(power, 2)
print(square(9), cube_mod(4), two_to(10), two_to(exp=5), square.func is power, square.args, square.keywords)
nested = partial(partial(max, 1), 5)
print(nested(3), nested(10), nested.args)
print(repr(partial(print, sep="-")).startswith("functools.partial(<built-in function print>"))


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(100), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache(maxsize=2)
def ident(x):
    print("  computing", x)
    return x


for v in [1, 2, 1, 3, 1, 2]:
    ident(v)
print(ident.cache_info(), ident.__name__, fib.__wrapped__(10))


@functools.lru_cache
def bare(x):
    return x * 2


print(bare(4), bare(4), bare.cache_info().hits)
