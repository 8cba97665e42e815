# list methods: append/extend/insert (negative and out-of-range indices),
# remove/pop/index with bounds, count, reverse, copy, clear, and slice
# assignment and deletion.
L = [1, 2, 3]
L.append([4])
L.extend(range(5, 7))
L.insert(0, 0)
L.insert(-1, "before last")
L.insert(100, "end")
L.insert(-100, "start")
print(L)
print(L.pop(), L.pop(0), L.pop(-2), L)
L.remove(2)
print(L, L.index(3), L.index(6, 2), L.count(3), [1, 1, 2, 1].count(1))
L.reverse()
c = L.copy()
c.append("only in copy")
print(L, c[-1], len(L), len(c))
L[1:3] = ["a", "b", "c", "d"]
L[::2] = [0] * len(L[::2])
del L[-2:]
print(L)
L[len(L):] = [9, 9]
L[:0] = ["head"]
del L[1::3]
print(L)
L.clear()
print(L, [] == L)
for op in (lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(2), lambda: [1].index(2),
           lambda: [1, 2].__setitem__(slice(None, None, 2), [1, 2]), lambda: [1, 2, 3].index(3, 0, 2)):
    try:
        op()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
