# heapq: heappush/heappop ordering, heapify, heappushpop vs heapreplace,
# nlargest/nsmallest with key, merge, and tuple priorities with ties.
import heapq

h = []
for x in [5, 3, 8, 1, 9, 2, 7]:
    heapq.heappush(h, x)
print(h, [heapq.heappop(h) for _ in range(3)], h)
data = [9, 4, 7, 1, 8, 2, 6, 3, 5, 0]
heapq.heapify(data)
print(data, data[0])
print(heapq.heappushpop(data, -1), heapq.heapreplace(data, 100), data[0])
print(heapq.nlargest(3, [5, 1, 8, 3, 9]), heapq.nsmallest(2, [5, 1, 8, 3, 9]))
words = ["kiwi", "fig", "banana", "apple", "date"]
print(heapq.nlargest(2, words, key=len), heapq.nsmallest(3, words, key=lambda w: (len(w), w)))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])), list(heapq.merge(["b", "d"], ["a", "c"], reverse=False)))
tasks = []
for prio, name in [(2, "write"), (1, "plan"), (3, "test"), (1, "coffee"), (2, "review")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks) for _ in range(len(tasks))])
seq = [(1, 0, "a"), (1, 1, "b"), (0, 2, "c")]
heapq.heapify(seq)
print([heapq.heappop(seq)[2] for _ in range(3)])
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
print(sorted(heapq.nlargest(4, range(100), key=lambda x: x % 10)))
