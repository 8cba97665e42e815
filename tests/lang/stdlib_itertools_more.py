# zip_longest, takewhile, dropwhile, starmap, groupby, tee, compress, filterfalse, pairwise
from itertools import (zip_longest, takewhile, dropwhile, starmap, groupby, tee,
                       compress, filterfalse, pairwise, count, islice)

print(list(zip_longest("abc", [1, 2])), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(zip_longest()), list(zip_longest([], [])), list(zip_longest([1], [], [2, 3], fillvalue=0)))
print(list(takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(takewhile(bool, [])))
print(list(dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(dropwhile(lambda x: True, [1, 2])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])), list(starmap(max, [[1, 5, 2], "az"])))
print(list(compress("ABCDEF", [1, 0, 1, 0, 1, 1])), list(compress(range(10), [0, 1] * 3)))
print(list(filterfalse(lambda x: x % 2, range(10))), list(filterfalse(None, [0, 1, "", "a", [], [0]])))
print(list(pairwise("abcd")), list(pairwise([1])), list(pairwise([])))
print([k for k, g in groupby("AAAABBBCCDAABBB")])
print([list(g) for k, g in groupby("AAAABBBCCD")])
print([(k, len(list(g))) for k, g in groupby([1, 1, 2, 3, 3, 3, 1])])
words = ["apple", "avocado", "banana", "blueberry", "cherry", "apricot"]
for key, grp in groupby(sorted(words), key=lambda w: w[0]):
    print(key, list(grp))
# a group is only valid until the groupby advances
g = groupby("aabbc")
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2))
a, b = tee(range(5))
print(list(a), list(b))
a, b, c = tee(iter("xyz"), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
t1, t2 = tee(count())
print(list(islice(t1, 100))[-1], next(t2), next(t2))
print(tee([1, 2], 0))
t3, = tee([4, 5], 1)
print(list(t3))
x, y = tee(map(lambda v: v * v, range(200)))
print(sum(x), sum(y))
# run-length encoding and decoding
def rle(s):
    return [(ch, len(list(grp))) for ch, grp in groupby(s)]
enc = rle("WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW")
print(enc)
print("".join([ch * n for ch, n in enc]))
print(list(starmap(lambda a, b: b - a, pairwise([1, 4, 9, 16, 25]))))
