# numpy subset: reductions and numpy.random with a seed.
import numpy as np

print(np.arange(1000).sum(), np.arange(1000.0).sum(), np.ones((1000, 1000)).sum())
print(np.arange(10).mean(), np.arange(10.0).mean(), np.array([1, 2]).mean())
print(np.arange(5).max(), np.arange(5).min(), np.array([2.5, -1.0]).max(), np.array([2.5, -1.0]).min())
print(np.array([3, 1, 2]).max(), np.array([True, False]).sum(), np.zeros(0).sum())
print(np.array([1, 0]).any(), np.array([1, 0]).all(), np.zeros(3).any(), np.ones(3).all())
m = np.arange(12).reshape(3, 4)
print(m.sum(axis=0), m.sum(axis=1), m.sum(axis=-1), m.mean(axis=0), m.sum(0))
print(np.arange(0.1, 100, 0.1).sum(), (np.arange(10000) * 0.1).sum())
print(np.arange(100000).sum(), (np.arange(100000) / 7).sum(), (np.arange(30000) / 7).mean())
np.random.seed(0)
print(np.random.random(), np.random.random())
r = np.random.random((2, 3))
print(r)
print(r.shape, r.dtype, (r >= 0).all(), (r < 1).all())
np.random.seed(12345)
x = np.random.random((200, 300))
print(x.sum(), x.mean(), x.max(), x.min())
np.random.seed(7)
print(np.random.rand(3), np.random.rand())
np.random.seed(2**32 - 1)
print(np.random.random_sample(2))
np.random.seed()
u = np.random.random(1000)
print(u.shape, 0 < u.mean() < 1)
for call in (lambda: np.zeros(0).max(), lambda: np.zeros(0).min(),
             lambda: np.random.seed(-1), lambda: np.random.seed(2**32)):
    try:
        print(call())
    except ValueError as err:
        print("ValueError:", err)
