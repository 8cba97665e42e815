"""Leaks between two marks: work() keeps a string per call in a global list
(the leak) and drops its temporary list on return."""
import heaptrail

cache = []


def work(n):
    tmp = [i * 2 for i in range(n)]
    cache.append(str(n) * 100)
    return len(tmp)


heaptrail.mark("start")
for i in range(10):
    work(50 + i)
heaptrail.mark("end")
print(len(cache), len(cache[0]))
