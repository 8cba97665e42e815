# bisect: searching and inserting in sorted lists
import bisect
from bisect import bisect_left, bisect_right, insort, insort_left

a = [1, 2, 4, 4, 4, 7, 9]
for x in [0, 1, 3, 4, 5, 9, 10]:
    print(x, bisect_left(a, x), bisect_right(a, x), bisect.bisect(a, x))
print(bisect_left(a, 4, 4), bisect_right(a, 4, 0, 3), bisect_left(a, 4, lo=1, hi=2), bisect_right(a, 100, hi=None))
print(bisect_left([], 1), bisect_right([], 1))
s = []
for v in [5, 1, 4, 1, 5, 9, 2, 6, 5, 3]:
    insort(s, v)
print(s)
insort_left(s, 5)
bisect.insort_right(s, 5.0)
print(s)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect_right(breakpoints, score)]
print([grade(sc) for sc in [33, 99, 77, 70, 89, 90, 100, 60, 59]])
records = [("apple", 3), ("banana", 5), ("cherry", 8)]
print(bisect_left(records, 5, key=lambda r: r[1]), bisect_right(records, 5, key=lambda r: r[1]))
insort(records, ("date", 6), key=lambda r: r[1])
print(records)
words = sorted("the quick brown fox jumps over the lazy dog".split())
print(words, bisect_left(words, "m"), words[bisect_left(words, "m"):])
print(bisect.bisect_left("abcdef", "d"), bisect.bisect_right((1, 3, 5), 3))
for bad in [lambda: bisect_left(a, 1, -1), lambda: bisect_left(a), lambda: bisect_left(5, 1),
            lambda: bisect_left(a, 1, "x"), lambda: bisect_left(a, 1, 0, "x"), lambda: bisect_left(a, 1, 0, 99),
            lambda: bisect_left([1, "a"], 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
# a sorted set of ranges: find which range holds a number
starts = [0, 10, 25, 40, 100]
names = ["tiny", "small", "medium", "large", "huge"]
for n in [3, 10, 24, 99, 1000]:
    print(n, names[bisect_right(starts, n) - 1])
