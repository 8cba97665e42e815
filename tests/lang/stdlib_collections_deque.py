# deque: both ends, maxlen, rotation, indexing, comparisons
from collections import deque

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], d[2])
print(d.pop(), d.popleft(), d)
d.extend("ab")
d.extendleft("xy")
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.rotate(0)
d.rotate(len(d) * 5 + 1)
print(d, d.count("a"), d.index(2), d.index("a", 1), 3 in d, "q" in d)
d.remove("a")
d.insert(1, "ins")
d.insert(-1, "neg")
d.insert(100, "end")
d.insert(-100, "start")
print(d)
d[0] = "S"
del d[1]
print(d, list(reversed(d)))
d.reverse()
print(d)
c = d.copy()
c.clear()
print(c, d.maxlen, bool(c), bool(d))

m = deque(range(5), maxlen=3)
print(m, m.maxlen)
m.append(10)
print(m)
m.appendleft(-1)
print(m)
m.extend(range(20, 25))
print(m)
m.extendleft([7, 8])
print(m)
print(deque([], maxlen=0), deque("abc", 0))
z = deque(maxlen=0)
z.append(1)
print(z, len(z))

print(deque([1, 2]) + deque([3]), deque([1, 2]) * 3, 2 * deque("ab"), deque("abc", 2) * 2)
e = deque([1])
e += [2, 3]
e *= 2
print(e)
print(deque([1, 2]) == deque([1, 2]), deque([1, 2]) != deque([1, 3]), deque([1, 2]) < deque([1, 3]),
      deque([1, 2, 3]) > deque([1, 2]), deque([1]) == [1], deque() <= deque())
big = deque()
for i in range(1000):
    big.append(i)
    if i % 3 == 0:
        big.popleft()
print(len(big), big[0], big[-1], sum(big))
for i in range(660):
    big.pop()
print(big)
# sliding window maximum
def window_max(seq, k):
    q, out = deque(), []
    for i, v in enumerate(seq):
        while q and seq[q[-1]] <= v:
            q.pop()
        q.append(i)
        if q[0] <= i - k:
            q.popleft()
        if i >= k - 1:
            out.append(seq[q[0]])
    return out
print(window_max([1, 3, -1, -3, 5, 3, 6, 7], 3))
# recent history with maxlen
hist = deque(maxlen=4)
for cmd in ["ls", "cd", "make", "vim", "git", "ls"]:
    hist.append(cmd)
print(list(hist), hist)
r = deque([1, 2])
r.append(r)
print(r)
