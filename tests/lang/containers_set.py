# set and frozenset: CPython's iteration order for ints and tuples, methods, operators
s = {5, 3, 9, 1}
print(s, len(s), 3 in s, 4 in s)
print({100, 8, 16, 1000, -1, 33}, set(range(20, 0, -3)), {2**40, 7, -7, 64, 128, 256, 31})
print(set([i * i for i in range(30)]))
print({1, 9, 17, 25, 33, 41}, {-1, -2, -3, 0}, set(), frozenset(), frozenset({3, 1}))
s = set(range(10))
s.discard(3); s.discard(5); s.discard(42); s.add(100); s.add(3)
print(s)
s.remove(100)
print(s, s.pop(), s.pop(), s)
big = set(range(40))
for i in range(0, 40, 3):
    big.discard(i)
big.add(1000)
print(big)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b, [7]), a.intersection(b, {4}), a.difference([1], (2,)), a.symmetric_difference([4, 9]))
print(a <= b, a < a | b, a >= {1}, a > a, a == {4, 3, 2, 1}, a != b, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({9}))
c = a.copy(); c |= b; print(c)
c = a.copy(); c &= b; print(c)
c = a.copy(); c -= b; print(c)
c = a.copy(); c ^= b; print(c)
c = a.copy(); c.update([10, 11], {12}); print(c)
c.intersection_update(range(5, 12)); print(c)
c.difference_update([10]); print(c)
c.symmetric_difference_update({11, 99}); print(c)
c.clear(); print(c)
f = frozenset([1, 2, 3])
print(f, f | {4}, {4} | f, f & {2}, type(f | {4}).__name__, type({4} | f).__name__, f.copy() is f)
print(hash(f) == hash(frozenset({3, 2, 1})), hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2)})))
print({frozenset({1}): 'a', frozenset(): 'b'}, frozenset([1]) in {frozenset([1])}, {1} in [frozenset({1})])
print({1, 2} == frozenset({1, 2}), set() == frozenset(), {(0, 0), (1, 1), (2, 2), (0, 1)})
print(set('aaa'), set([1, 1.0, True]), {0, False, 0.0}, sorted({'x', 'y', 'z'}))
ss = {frozenset({1, 2})}
print(frozenset({1, 2}) in ss, {1, 2} in ss)
ss.remove({1, 2}); print(ss)
it = iter({7, 8})
print(next(it), list(it))
print({x % 7 for x in range(50)}, {(x, x % 2) for x in range(6)})
def show(fn):
    try:
        print('ok', fn())
    except Exception as e:
        print(type(e).__name__ + ':', e)
show(lambda: set().pop())
show(lambda: {1}.remove(2))
show(lambda: {[1]})
show(lambda: {1} | [1])
show(lambda: {1} < [1])
show(lambda: frozenset(1))
show(lambda: set(1, 2))
show(lambda: hash({1}))
show(lambda: {1}.union(1))
def grow():
    x = {1}
    for k in x:
        x.add(k + 1)
show(grow)
