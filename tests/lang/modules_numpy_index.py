# numpy subset: indexing rows and elements, views, assignment, iteration.
import numpy as np

m = np.arange(12).reshape(3, 4)
print(m[0], m[-1], m[1, 2], m[1][2], m[-1, -1], m[1, 2] + 1)
f = np.arange(6.0)
print(f[2], f[2] * 2, f[-1], f[1:4], f[:2], f[4:], f[10:], f[2:2].shape)
row = m[1]
row[0] = 100
print(m)
print(row.base is m.base, m[1:].shape, m[1:3][0])
m[2] = 7
m[0, 0] = -1
print(m)
m[1] = [1, 2, 3, 4]
m[0] = np.array([9, 8, 7, 6])
print(m)
m[:] = 0
print(m.sum())
g = np.zeros((2, 3))
g[1, 1] = 2.5
g[0] = 1
g[0, 2] = 7
print(g)
h = np.zeros(4, dtype=int)
h[1] = 3.9
h[2] = True
print(h)
print(len(m), len(f), [len(r) for r in m], list(np.arange(3)))
for r in np.arange(6).reshape(3, 2):
    print(r, r.shape)
print([float(v) * 2 for v in np.arange(3.0)])
print(np.arange(6).reshape(2, 3).tolist(), np.arange(3.0).tolist(), np.array([True]).tolist())
r2 = np.arange(6).reshape(3, 2)
print(r2.reshape(6), r2.reshape(2, 3), r2.reshape((1, 6)), r2.reshape(-1), r2.reshape(2, -1))
w = np.arange(4)
w2 = w.reshape(2, 2)
w2[0, 1] = 50
print(w, w2.base is w, w.base)
c = m.copy()
c[0, 0] = 5
print(c[0, 0], m[0, 0], c.base)
q = np.zeros(3)
q.fill(2.5)
print(q, np.arange(3).astype(float), np.array([1.7, -1.7]).astype(int))
for call in (lambda: m[5], lambda: m[0, 0, 0], lambda: m[1.5], lambda: m[0][7],
             lambda: m[-4], lambda: len(np.array(5.0)), lambda: iter(np.array(5.0)),
             lambda: r2.reshape(4), lambda: np.zeros((2, 3)).__setitem__(0, [1, 2])):
    try:
        print(call())
    except (IndexError, TypeError, ValueError) as err:
        print(type(err).__name__ + ":", err)
try:
    del m[0]
except ValueError as err:
    print("ValueError:", err)
