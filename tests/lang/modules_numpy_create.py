# numpy subset: constructors, dtypes, shapes and attributes.
import numpy as np

z = np.zeros(3)
print(z, repr(z), z.shape, z.dtype, z.ndim, z.size, z.nbytes, z.itemsize)
o = np.ones((2, 3))
print(o.shape, o.nbytes, o.dtype, o.sum())
e = np.empty((4, 2))
print(e.shape, e.dtype, e.nbytes)
i = np.zeros((2, 2), dtype=int)
print(repr(i), i.dtype, i.nbytes)
print(repr(np.ones(3, dtype=np.int64)), repr(np.ones(2, dtype="float64")), repr(np.zeros(2, "int64")))
print(repr(np.ones(2, dtype=bool)), np.ones(2, dtype=bool).dtype)
print(repr(np.arange(5)), repr(np.arange(2, 10, 3)), repr(np.arange(10, 0, -3)))
print(repr(np.arange(5.0)), repr(np.arange(0, 1, 0.25)), repr(np.arange(1, 2, 0.3)))
print(repr(np.arange(0, 1, 0.1)))
print(repr(np.arange(3, dtype=float)), repr(np.arange(0)), np.arange(5.5).shape)
print(repr(np.array([1, 2, 3])), repr(np.array([1.5, 2])), repr(np.array([[1, 2], [3, 4]])))
print(repr(np.array([True, False])), repr(np.array([True, 2])), repr(np.array((1, 2.5))))
print(repr(np.array([])), repr(np.zeros((0, 3))), repr(np.array([[], []])), np.zeros(0))
print(repr(np.array(5.0)), np.array(5.0), repr(np.array(3)), np.array(7).shape)
a = np.array([1, 2, 3])
b = np.array(a)
b[0] = 100
print(a, b, np.array(a, dtype=float))
print(type(z).__name__, type(z) is np.ndarray, isinstance(z, np.ndarray))
print(z.dtype == np.float64, z.dtype == "float64", z.dtype == float, i.dtype == int, z.dtype == i.dtype)
print(str(z.dtype), z.dtype.name, i.dtype.itemsize, repr(i.dtype))
print(np.float64(1.5), np.float64(2), np.int64(7), repr(np.float64(0.1)))
print(np.zeros((2, 3, 4)).shape, np.zeros([2, 3]).shape, np.zeros(()).shape, np.zeros(()).size)
print(np.ones((1000, 1000)).nbytes, np.zeros((1000, 1000)).shape)
for call in (lambda: np.zeros(-1), lambda: np.zeros("a"), lambda: np.zeros(2.5),
             lambda: np.zeros(3, dtype="foo"), lambda: np.zeros(3, dtype=5),
             lambda: np.arange(0, 5, 0), lambda: np.arange(), lambda: np.array([[1, 2], [3]]),
             lambda: np.array([1, [2]]), lambda: np.zeros((2**62, 4)),
             lambda: np.nosuchthing):
    try:
        print(call())
    except (TypeError, ValueError, ZeroDivisionError, AttributeError) as err:
        print(type(err).__name__ + ":", err)
