# numpy subset: elementwise arithmetic, broadcasting, comparisons.
import numpy as np

a = np.array([1.0, 2.0, 3.0])
b = np.array([0.5, 0.25, 4.0])
print(a + b, a - b, a * b, a / b)
print(a + 1, 1 + a, a * 2, 2 * a, a - 1, 10 - a, a / 2, 6 / a)
print(a // 2, a % 2, a ** 2, 2 ** a, -a, +a, abs(-a))
i = np.arange(6)
print(i + 1, i * i, i - 10, i / 2, i // 4, i % 4, i ** 2, -i, abs(i - 3))
print(repr(i + 1.5), repr(i * 0.5), (i + 1).dtype, (i / 1).dtype, (i + 1.0).dtype)
m = np.arange(6).reshape(2, 3)
row = np.array([10, 20, 30])
print(m + row)
print(m * np.array([[1], [2]]))
print(m + m, m * 0.5)
print(a + [1, 2, 3], repr(np.array([-7, 7]) // 2), repr(np.array([-7, 7]) % 3))
print(np.array([-7.5, 7.5]) // 2, np.array([-7.5, 7.5]) % 2)
print(a == 2, a > 1.5, a <= 2, 2 < a, a != a, i == 3)
print((i > 2).sum(), (i > 2).dtype, repr(a >= 2))
print(np.array([True, False]) + np.array([True, True]), np.array([True, False]) * np.array([True, True]))
print(np.array([True, False]) + 1, repr(np.array([True]) * 2.5))
big = np.ones((1000, 1000))
c = big * 3 + big
print(c.shape, c.sum(), (c / 4).sum(), (big - big).sum())
x = np.zeros(3)
y = x
x += 1
x *= np.array([1.0, 2.0, 3.0])
print(x, y is x, y)
n = np.arange(4)
n += 1
n *= 3
print(n, n.dtype)
v = np.ones((2, 3))
v[0] += 5
print(v)
s = np.arange(5)
s[1:] += s[:-1]
print(s)
print(a == None, a != None)
for call in (lambda: np.ones((2, 3)) + np.ones(4),
             lambda: np.arange(3) ** -1, lambda: np.array([True]) - np.array([False]),
             lambda: -np.array([True])):
    try:
        print(call())
    except (TypeError, ValueError) as err:
        print(type(err).__name__ + ":", err)
t = np.ones(3, dtype=int)
try:
    t += 1.5
except TypeError as err:
    print("TypeError:", err)
try:
    q = np.ones(3)
    q += np.ones((2, 3))
except ValueError as err:
    print("ValueError:", err)
try:
    bool(np.zeros(3))
except ValueError as err:
    print("ValueError:", err)
print(bool(np.ones(1)), bool(np.zeros(1)), bool(np.array(2.0)))
