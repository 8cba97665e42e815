# list over-allocation: capacities seen through sys.getsizeof
import sys
base = sys.getsizeof([])
def cap(l):
    return (sys.getsizeof(l) - base) // 8

l = []
steps = []
last = 0
for i in range(300):
    l.append(i)
    if cap(l) != last:
        last = cap(l)
        steps.append((len(l), last))
print(steps)
while l:
    l.pop()
    if cap(l) != last:
        last = cap(l)
        steps.append((len(l), last))
print(steps[-12:])
print([cap(list(range(n))) for n in range(12)])
print([cap([x for x in range(n)]) for n in range(12)])
print([cap([0] * n) for n in range(12)])
print([cap(list(tuple(range(n)))) for n in range(12)])
a = list(range(50))
del a[5:]
print(cap(a))
a = []
for i in range(10):
    a.insert(0, i)
print(cap(a))
a = [0] * 3
a *= 10
print(cap(a))
a = []
a += range(7)
print(cap(a))
a.extend(range(3))
print(cap(a))
print(cap(list(range(20))[::2]), cap(list(range(20)).copy()))
