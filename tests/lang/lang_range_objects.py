# range objects: len, indexing, slicing to new ranges, containment for big
# values, index/count, equality, reversed, and repr.
r = range(3, 30, 4)
print(r, len(r), r[0], r[-1], r[2:5], r[::-1], r[::2], list(r[1:3]))
print(7 in r, 8 in r, 10 ** 20 in range(0, 10 ** 21, 10), r.index(15), r.count(15), r.count(16))
print(range(0) == range(5, 5), range(0, 3) == range(3), range(1, 10, 3) == range(1, 11, 3), list(reversed(range(5))))
print(range(10 ** 20)[-1], len(range(-5, 5)), len(range(5, -5, -2)), list(range(5, -5, -3)), bool(range(0)))
print(sum(range(1, 101)), max(range(7)), list(range(2, -2, -1)), range(1, 5).start, range(1, 5, 2).step)
try:
    r[100]
except IndexError as e:
    print("IndexError:", e)
try:
    r.index(16)
except ValueError as e:
    print("ValueError:", e)
