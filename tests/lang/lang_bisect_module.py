# bisect: bisect_left/right with lo/hi, insort keeping order (stable for
# equal keys on the right), key= (3.10+), and a grading table.
import bisect

a = [1, 2, 4, 4, 4, 7, 9]
print([bisect.bisect_left(a, x) for x in (0, 4, 5, 9, 10)], [bisect.bisect_right(a, x) for x in (0, 4, 5, 9, 10)])
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4, 4), bisect.bisect_right(a, 4, 0, 3), bisect.bisect_left([], 1))
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 5)
bisect.insort_right(b, 0)
print(b)


def grade(score, breakpoints=(60, 70, 80, 90), grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]


print([grade(s) for s in (33, 99, 77, 70, 89, 90, 100, 59)])
records = [("ann", 25), ("bob", 31), ("cy", 31), ("dee", 40)]
ages = [r[1] for r in records]
i = bisect.bisect_left(ages, 31)
j = bisect.bisect_right(ages, 31)
print(records[i:j], bisect.bisect_left(records, 35, key=lambda r: r[1]))
bisect.insort(records, ("eve", 31), key=lambda r: r[1])
print(records)
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError:", e)
