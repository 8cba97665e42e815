# count, islice, chain, repeat, cycle, accumulate
from itertools import count, islice, chain, repeat, cycle, accumulate
import operator

print(list(islice(count(), 5)), list(islice(count(10, 5), 4)), list(islice(count(2.5, 0.5), 3)))
print(list(islice(count(-3, -2), 4)), list(islice(count(10**20), 2)))
c = count(7)
next(c); next(c)
print(c, count(1, 2), count(1.5), count(0, 1.0))
print(list(islice("abcdefg", 3)), list(islice("abcdefg", 2, 5)), list(islice("abcdefg", 0, None, 2)))
print(list(islice(range(20), 3, 15, 4)), list(islice(range(5), 10)), list(islice([], 3)))
print(list(islice(count(), 0)), list(islice(range(10), None)), list(islice(range(10), 5, None)))
it = iter(range(10))
print(list(islice(it, 3)), list(it))
print(list(chain("ab", [1, 2], (), range(3))), list(chain()), list(chain.from_iterable(["xy", "z", ""])))
print(list(chain.from_iterable([[1], [2, 3]] * 2)))
print(list(repeat("x", 3)), list(repeat(None, 0)), list(repeat(1, -5)), list(islice(repeat(9), 4)))
r = repeat([1], 3)
print(r, next(r), r, r.__length_hint__())
print(list(map(pow, range(5), repeat(2))))
print(list(islice(cycle("abc"), 8)), list(cycle([])), list(islice(cycle(range(2)), 5)))
print(list(accumulate([1, 2, 3, 4, 5])), list(accumulate([1, 2, 3, 4], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2, 6], max)), list(accumulate([], initial=100)))
print(list(accumulate([1, 2, 3], initial=10)), list(accumulate("abc")), list(accumulate([1.5, 2, 3])))
print(list(accumulate([1, 2, 3], lambda a, b: a * 10 + b)))
# running balance of a bank account
tx = [100, -30, -20, 50, -75, 10]
for t, bal in zip(tx, accumulate(tx, initial=0)):
    print("%5d %5d" % (t, bal))
print(list(zip(count(1), "xyz")))
print(dict(zip("abc", count(100, 10))))
