# list: construction, indexing, slicing, slice assignment, methods, operators
a = list(range(10))
print(a, len(a))
print(a[0], a[-1], a[3:7], a[::2], a[::-1], a[-3:], a[:-3], a[7:2:-2])
print(a[100:], a[-100:2], a[5:5], a[::3], a[1::4], a[::-4])
b = a[:]
b[2:5] = ['x', 'y']
print(b)
b[1:1] = [7, 7, 7]
print(b)
b[::2] = range(len(b[::2]))
print(b)
del b[::3]
print(b)
del b[1:3]
print(b)
b[len(b):] = [100]
print(b)
c = [1, 2, 3]
c[0:1] = iter([5, 6])
print(c)
c[:] = c
print(c)
c[1:] = c
print(c)
del c[-1]
print(c)
c.append(9); c.extend([10, 11]); c.extend((12,)); c.extend([x for x in range(2)]); c.insert(0, -1); c.insert(-1, 'i'); c.insert(100, 'end')
print(c)
print(c.pop(), c.pop(0), c.pop(-2), c)
c.remove(9)
print(c, c.index(10), c.count(5), c.count(42))
print([1, 2, 3, 2, 1].index(2, 2), [1, 2, 3, 2, 1].index(1, -2, 5))
c.reverse(); print(c)
d = c.copy(); d.clear(); print(d, c)
print([1, 2] + [3], [1, 2] * 3, 3 * [0], [1] * 0, [1] * -1, [] * 5)
e = [1]; e += [2, 3]; e += (4,); e += range(5, 7); print(e)
e *= 2; print(e)
e *= 0; print(e)
print([1, 2] == [1, 2], [1, 2] != [1, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [] < [0], [1, 2] <= [1, 2], [3] >= [2, 9])
print(3 in [1, 2, 3], 4 not in [1, 2, 3], [1] in [[1]], 'a' in ['a'])
n = [1, 2]
n.append(n)
print(n, len(n))
m = [n, [n]]
print(m)
print(list(), list('abc'), list((1, 2)), list({'k': 1, 'j': 2}), list(range(3)), list([x * x for x in range(4)]))
print([[0] * 2] * 2, [[i, j] for i in range(2) for j in range(2)])
print(bool([]), bool([0]), [0] * 3 == [0, 0, 0])
nested = [[3, 4], [1, 2]]
nested[0][1] = 'z'
print(nested)
print([1, 2, 3][-1:-4:-1], [1, 2, 3][True], [1, 2, 3][False:])
x = [5, 4, 3]
x[-1] = 0
x[True] = 9
print(x)
print(list(reversed([1, 2, 3])), list(reversed([])))
it = iter([1, 2, 3])
print(next(it), list(it), list(it))
