# containers built from generator expressions (no length hint: lists start
# at 8 slots and are cut back, as CPython does)
import sys
base = sys.getsizeof([])
def cap(l):
    return (sys.getsizeof(l) - base) // 8
print([cap(list(x for x in range(n))) for n in range(12)])
print(tuple(x for x in 'xyz'), set(i * i for i in range(30)), frozenset(c for c in 'aab' if c != 'b'))
print(dict((k, len(k)) for k in ['a', 'bb']), sorted(x % 3 for x in range(7)), sum(x for x in range(10)))
print(all(x < 5 for x in range(5)), any(x > 3 for x in range(3)), max(x * -1 for x in range(4)))
l = [0]
l.extend(x for x in range(3))
l += (x * 2 for x in range(2))
print(l, cap(l))
print(list(zip((x for x in 'ab'), (y for y in range(5)))), list(enumerate(x for x in 'hi')))
print(list(map(abs, (x - 2 for x in range(4)))), list(filter(None, (x % 2 for x in range(5)))))
g = (x for x in [1, 2, 3])
print(list(reversed(list(g))), list(g))
