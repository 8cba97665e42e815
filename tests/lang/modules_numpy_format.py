# numpy subset: repr and str layouts as numpy 1.24 prints them.
import numpy as np

cases = [
    np.zeros(3), np.ones((2, 3)), np.arange(5), np.arange(0, 1, 0.1),
    np.array([1.5, 2.25, 3.0]), np.array([1e10, 1.0]), np.array([1e-5, 1.0]),
    np.array([0.1, 123456.789]), np.array([-1.5, 2.0]), np.arange(12).reshape(3, 4),
    np.arange(12.0).reshape(3, 4) / 7, np.arange(2000), np.arange(2000.0),
    np.arange(30.0), np.array([[1, -2], [300, 4]]), np.array([-1e10, 1.0]),
    np.array([1e8, 1.0]), np.array([12345678.9, 1.0]), np.array([1e-4, 1.0]),
    np.array([0.0001, 0.1]), np.array([1 / 3, 2 / 3]), np.array([1.0, 2, 3]) * 1e-9,
    np.arange(100) * 1000000000000, np.array([[1e10, 1], [2, 3]]),
    np.array([True, False]), np.zeros((2, 2, 2)), np.arange(24).reshape(2, 3, 4),
    np.array([-0.0, 0.0]), np.array([1e100, 1.0]), np.array([123.456, -0.001]),
    np.array([0.5, 100.25]), np.arange(7) - 3, np.array([5.0]), np.ones((3, 1)),
    np.arange(40).reshape(2, 20) * 1.5, np.array([1.0, 2.0]) / 3 * 1e5,
    np.arange(10 ** 4).reshape(100, 100), np.ones((1000, 1000)), np.zeros((5, 0)),
    np.arange(3.0) + 0.123456789, np.array([99999999.0, 1.0]), np.array(2.5),
    np.array([2**40, -7]), np.array([[True, False], [False, True]]),
]
for c in cases:
    print(repr(c))
    print(c)
print([np.arange(3)], (np.zeros(2),), {"k": np.ones(1)})
print(str(np.arange(3.0)), "%s" % np.arange(2), "{}".format(np.zeros(2)), f"{np.ones(2)}")
