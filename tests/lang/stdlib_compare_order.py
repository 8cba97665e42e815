# heapq, bisect and nlargest make the same comparisons, in the same order,
# as CPython: a key class logs every __lt__ and __eq__
import heapq
import bisect
from collections import Counter

log = []

class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        log.append("%s<%s" % (self.v, other.v))
        return self.v < other.v
    def __eq__(self, other):
        log.append("%s=%s" % (self.v, other.v))
        return self.v == other.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return "K(%s)" % self.v

def flush(label):
    print(label, len(log), " ".join(log))
    log.clear()

vals = [K(v) for v in [5, 3, 8, 1, 9, 2, 7]]
h = []
for k in vals:
    heapq.heappush(h, k)
flush("push")
print([heapq.heappop(h).v for _ in range(3)])
flush("pop")
h2 = list(vals)
heapq.heapify(h2)
flush("heapify")
heapq.heapreplace(h2, K(6))
heapq.heappushpop(h2, K(0))
heapq.heappushpop(h2, K(10))
flush("replace/pushpop")
print(heapq.nlargest(3, vals))
flush("nlargest")
print(heapq.nsmallest(2, vals, key=lambda k: k))
flush("nsmallest key")
print(heapq.nsmallest(2, [K(4), K(4), K(1), K(4)]))
flush("nsmallest ties")
s = sorted(vals, key=lambda k: k.v)
flush("sorted")
print(bisect.bisect_left(s, K(6)), bisect.bisect_right(s, K(7)))
flush("bisect")
bisect.insort(s, K(4))
flush("insort")
c = Counter([K(1), K(2), K(1)])
print(sorted(c.values()))
flush("counter")
print(list(heapq.merge([K(1), K(4)], [K(2), K(3)])))
flush("merge")
