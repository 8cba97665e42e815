# collections.deque: appends and pops at both ends, maxlen, rotate,
# extendleft order, indexing, and errors.
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, d.pop(), d.popleft(), d, len(d), d[0], d[-1], 2 in d)
d.extend([7, 8])
d.extendleft("ab")
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d, d.index(7), d.count("a"))
d.remove("a")
d.reverse()
print(d, list(reversed(d)))
ring = deque(maxlen=3)
for i in range(6):
    ring.append(i)
print(ring, ring.maxlen)
ring.appendleft(-1)
print(ring, deque("hello", maxlen=2))
d2 = deque(range(5))
d2[2] = "mid"
del d2[0]
print(d2, d2.copy() == d2, deque() == deque([]), bool(deque()))
d2.clear()
for op in (d2.pop, d2.popleft, lambda: deque([1]).remove(5), lambda: deque()[0]):
    try:
        op()
    except (IndexError, ValueError) as e:
        print(type(e).__name__ + ":", e)
q = deque()
order = []
for job in ["a", "b", "c"]:
    q.append(job)
while q:
    job = q.popleft()
    order.append(job)
    if job == "a":
        q.append("a2")
print(order)
