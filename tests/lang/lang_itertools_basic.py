# itertools: count, islice, chain (and chain.from_iterable), repeat, with
# infinite iterators cut short.
from itertools import count, islice, chain, repeat

print(list(islice(count(), 5)), list(islice(count(10, 5), 4)), list(islice(count(1.5, 0.5), 3)))
print(list(islice("abcdefgh", 2, 6)), list(islice(range(20), 0, None, 7)), list(islice([1, 2], 10)))
print(list(chain([1, 2], "ab", (3,), {})), list(chain.from_iterable([[1], [2, 3], []])), list(chain()))
print(list(repeat("x", 3)), list(islice(repeat(0), 4)), list(repeat(1, 0)), list(repeat(None, -1)))
c = count(3)
print(next(c), next(c), repr(c), repr(count(2, 3)))
print(list(zip(count(1), "abc")), list(map(pow, range(5), repeat(2))))
it = iter(range(10))
print(list(islice(it, 3)), list(islice(it, 3)), next(it))
try:
    islice("abc", -1)
except ValueError as e:
    print("ValueError:", e)
