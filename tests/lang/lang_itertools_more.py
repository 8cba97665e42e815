# More of itertools: cycle, accumulate, takewhile, dropwhile, groupby,
# starmap, zip_longest and compress.
import itertools
import operator

print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.accumulate([1, 2, 3, 4])))
print(list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.dropwhile(lambda x: x < 3, [1, 2, 5, 1])))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")], list(itertools.starmap(max, [(1, 5), (7, 2)])))
print(list(itertools.zip_longest("ab", [1, 2, 3], fillvalue="-")), list(itertools.compress("abcd", [1, 0, 1, 0])))
print(list(itertools.accumulate([3, 1, 4, 1, 5], max)), list(itertools.accumulate([1, 2, 3], operator.mul, initial=10)))
print([len(list(g)) for _, g in itertools.groupby(sorted("mississippi"))], list(itertools.pairwise("abcd")))
print(list(itertools.filterfalse(str.isdigit, "a1b2")), [list(t) for t in itertools.tee("xy", 2)])
