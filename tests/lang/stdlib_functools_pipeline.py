# function composition and memoized dynamic programming with functools
from functools import reduce, partial, lru_cache, cmp_to_key
import operator

def compose(*funcs):
    return reduce(lambda f, g: lambda x: f(g(x)), funcs, lambda x: x)

inc = partial(operator.add, 1)
dbl = partial(operator.mul, 2)
sq = partial(pow, exp=2)
pipeline = compose(str, inc, dbl, sq)
print([pipeline(x) for x in range(5)])
print(reduce(lambda acc, f: f(acc), [inc, dbl, sq, inc], 3))

@lru_cache(maxsize=None)
def lcs(a, b):
    if not a or not b:
        return ""
    if a[0] == b[0]:
        return a[0] + lcs(a[1:], b[1:])
    x, y = lcs(a[1:], b), lcs(a, b[1:])
    return x if len(x) >= len(y) else y

print(lcs("AGGTABQXYZ", "GXTXAYBQZ"), lcs.cache_info().currsize > 10)

@lru_cache(maxsize=None)
def partitions(n, largest=None):
    if largest is None:
        largest = n
    if n == 0:
        return 1
    return sum([partitions(n - k, k) for k in range(1, min(n, largest) + 1)])

print([partitions(n) for n in range(15)], partitions(60))

@lru_cache(maxsize=128)
def collatz(n):
    if n == 1:
        return 1
    return 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)

best = max(range(1, 3000), key=collatz)
print(best, collatz(best), collatz.cache_info().maxsize, collatz.cache_info().currsize)

def by_suit_then_rank(a, b):
    order = "23456789TJQKA"
    if a[1] != b[1]:
        return -1 if a[1] < b[1] else 1
    return order.index(a[0]) - order.index(b[0])

hand = ["KH", "2S", "TH", "AS", "9D", "3H", "JD"]
print(sorted(hand, key=cmp_to_key(by_suit_then_rank)))
totals = reduce(lambda acc, card: {**acc, card[1]: acc.get(card[1], 0) + 1}, hand, {})
print(totals)
adders = [partial(operator.add, n) for n in range(4)]
print([f(10) for f in adders], [f.args for f in adders])
print(reduce(operator.or_, [{1}, {2}, {3, 1}]), reduce(operator.and_, [{1, 2, 3}, {2, 3}, {3, 4}]))
