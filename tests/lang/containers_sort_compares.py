# list.sort makes exactly CPython's sequence of < comparisons
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
log = []
class Counted:
    calls = 0
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        Counted.calls += 1
        log.append((self.v, other.v))
        return self.v < other.v
    def __repr__(self):
        return 'C%d' % self.v

items = [Counted(rnd() % 100) for i in range(300)]
out = sorted(items)
print(Counted.calls, out[:5])
Counted.calls = 0
items2 = [Counted(i // 3) for i in range(200)] + [Counted(i) for i in range(100, 0, -1)]
items2.sort()
print(Counted.calls, items2[:6], items2[-3:])
Counted.calls = 0
small = [Counted(v) for v in [5, 1, 4, 1, 5, 9, 2, 6]]
small.sort(reverse=True)
print(Counted.calls, small)
print(log[:20])
log.clear()
Counted.calls = 0
pairs = [Counted(rnd() % 10) for i in range(70)]
sorted(pairs, key=lambda c: c)
print(Counted.calls, log[:15], log[-15:])
