# tuple: construction, indexing, slicing, operators, hashing, methods
t = (1, 2, 3, 4, 5)
print(t, len(t), t[0], t[-1], t[1:3], t[::-1], t[::2], t[10:], t[-2:], t[4:1:-1])
print((), (1,), tuple(), tuple([1, 2]), tuple('ab'), tuple(range(3)), tuple([x for x in 'xyz']))
print(t + (6,), (0,) * 3, 2 * (1, 2), () * 9, t * 0, (1,) * -2)
print(t.count(3), (1, 1, 2).count(1), t.index(4), (1, 2, 1, 2).index(2, 2), (1, 2, 3).index(3, -1))
print(3 in t, 9 in t, (1, 2) in [(1, 2)], 2 not in t)
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 5), () < (0,), (1, 'a') != (1, 'b'))
print((1, 2) <= (1, 2), (1, (2, 3)) < (1, (2, 4)), (0.5, 1) > (0, 2))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash((-1,)), hash((0, 0)), hash(((), ())))
print(hash((1.5, 2)), hash((True, 2)), hash((10**20, -5)), hash((1, 2)) == hash((1, 2)))
print({(1, 2), (3, 4), (5, 6), (0, 0), (100, -1)})
print({(i, j) for i in range(3) for j in range(3)})
print({(i, -i): i for i in range(4)})
n = (1, [2, 3])
n[1].append(4)
print(n)
a, b, *c = (1, 2, 3, 4)
print(a, b, c)
print(tuple(reversed((1, 2, 3))), list(reversed(())))
print(max((3, 1), (2, 9)), min([(1, 'b'), (1, 'a')]))
x = (1, 2)
y = x + ()
print(y == x, bool(()), bool((0,)), len(((),)))
it = iter((7, 8))
print(next(it), next(it), list(it))
print(repr((1,)), str((1, 'a', None, 2.5)), ((1,),), (((),),))
d = {}
d[(1, 2)] = 'a'
d[1, 2] = 'b'
print(d, d[(1, 2)])
def f(*args):
    return args
print(f(), f(1), f(1, 2), type(f()))
def show(fn):
    try:
        print('ok', fn())
    except Exception as e:
        print(type(e).__name__ + ':', e)
show(lambda: t[9])
show(lambda: t['a'])
show(lambda: t + [1])
show(lambda: t * (1,))
show(lambda: t.index(42))
show(lambda: hash((1, [2])))
show(lambda: tuple(1))
show(lambda: tuple(1, 2))
show(lambda: (1,) < ('a',))
show(lambda: t.count())
