# heapq: the heap functions and nlargest / nsmallest
import heapq
from heapq import heappush, heappop, heapify, heapreplace, heappushpop, nlargest, nsmallest

h = []
for v in [5, 7, 9, 1, 3, 8, 2, 6, 4, 0]:
    heappush(h, v)
    print(h)
print([heappop(h) for _ in range(len(h))])
data = [19, 3, 45, 7, 23, 1, 12, 17, 9, 30, 2, 8]
heapify(data)
print(data)
print(heapreplace(data, 50), data)
print(heappushpop(data, 0), heappushpop(data, 11), data)
print(heappushpop([], 5))
def heapsort(it):
    hp = list(it)
    heapify(hp)
    return [heappop(hp) for _ in range(len(hp))]
print(heapsort([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5]))
big = [(i * 7919) % 3001 for i in range(3000)]
heapify(big)
print(big[:10], heapsort(big)[:5], heapsort(big)[-5:])
print(nlargest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]), nsmallest(3, [1, 8, 2, 23, 7, -4, 18, 23, 42, 37, 2]))
print(nlargest(1, [3, 1, 2]), nsmallest(1, []), nlargest(0, [1]), nlargest(-1, [1]), nsmallest(10, [3, 1]))
print(nlargest(2, iter([5, 1, 9, 7])), nsmallest(2, iter([5, 1, 9, 7])), nlargest(3, "hello"))
portfolio = [("IBM", 100, 91.1), ("AAPL", 50, 543.22), ("FB", 200, 21.09), ("HPQ", 35, 31.75),
             ("YHOO", 45, 16.35), ("ACME", 75, 115.65)]
print(nsmallest(3, portfolio, key=lambda s: s[2]))
print(nlargest(3, portfolio, key=lambda s: s[2]))
print(nlargest(2, [(1, "b"), (1, "a"), (2, "c")]), nlargest(4, ["a", "B", "c", "D"], key=str.lower))
print(nsmallest(3, [5, 5, 5, 1, 1], key=lambda v: -v))
tasks = []
heappush(tasks, (2, "write code"))
heappush(tasks, (5, "release"))
heappush(tasks, (1, "write spec"))
heappush(tasks, (3, "create tests"))
while tasks:
    print(heappop(tasks))
mx = [3, 1, 4, 1, 5]
heapq._heapify_max(mx)
print(mx, heapq._heappop_max(mx), heapq._heapreplace_max(mx, 2), mx)
for bad in [lambda: heappop([]), lambda: heappop(5), lambda: heappush([]), lambda: heappush(5, 1),
            lambda: heapify(3), lambda: heapreplace([], 1), lambda: heappushpop(1, 1),
            lambda: nlargest(2), lambda: heappush([1, "a"], 2)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
# merge: lazily merges sorted inputs
print(list(heapq.merge([1, 3, 5], [2, 4, 6], [0, 7])), list(heapq.merge([5, 3, 1], [4, 2], reverse=True)))
print(list(heapq.merge(["bb", "a"], ["ccc"], key=len)), list(heapq.merge()), list(heapq.merge("ace", "bdf", "")))
print(list(heapq.merge([(1, "b"), (3, "x")], [(1, "a"), (2, "z")], key=lambda t: t[0])))
m = heapq.merge(range(0, 10, 3), range(1, 10, 3))
print(next(m), next(m), list(m))
try:
    list(heapq.merge(1))
except TypeError as e:
    print("TypeError", e)
