a = list(range(10))
print(a, len(a))
print(a[0], a[-1], a[3:7], a[::2], a[::-1], a[-3:], a[:-3], a[7:2:-2])
b = a[:]
b[2:5] = ['x', 'y']
print(b)
b[::2] = range(len(b[::2]))
print(b)
del b[::3]
print(b)
c = [1, 2, 3]
c[0:1] = iter([5, 6])
c[1:] = c
print(c)
c.append(9); c.extend([10, 11]); c.insert(0, -1)
print(c, c.pop(), c.pop(0), c)
print([1, 2] + [3], [1, 2] * 3, 3 * [0])
e = [1]; e += [2, 3]; e *= 2; print(e)
n = [1, 2]; n.append(n); print(n)
t = (1, 2, 3)
print(t, t[::-1], t + (4,), hash(t), hash((1, (2, 3))))
print({(1, 2), (3, 4), (5, 6), (0, 0), (100, -1)})
print({5, 3, 9, 1}, {100, 8, 16, 1000, -1, 33}, set(range(20, 0, -3)))
d = {'b': 1, 'a': 2}
d['c'] = 3
del d['b']
d['b'] = 5
print(d, d.keys(), d.values(), d.items(), d.get('z'), d.get('a'))
print(d.pop('a'), d.popitem(), d, d | {'q': 1})
print(range(10)[2:5], range(0, 10, 3)[::-2], list(range(5, 0, -2)), 3 in range(5))
print(list(enumerate('abc')), list(zip('ab', [1, 2])), list(map(abs, [-1, 2])), list(filter(None, [0, 1, 2])), list(reversed((1, 2, 3))))
s = {1, 2, 3}
print(s | {4}, s & {2, 9}, s - {1}, s ^ {1, 5}, frozenset(s), s <= {1, 2, 3, 4})
l = [3, 1, 2]
l.sort()
print(l, sorted('hello'), sorted([(2, 'b'), (1, 'z'), (2, 'a')]))
print(slice(1, 2), [1,2,3][slice(None, None, -1)])
x = [[0] * 3 for i in range(2)]
print(x, list[int], dict[str, list[int]])
print({'x': [1, {2: (3,)}]}, {1: {}}, [{}], [()], [set()])
