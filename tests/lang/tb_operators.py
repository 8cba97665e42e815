# Two-character operators and an operation nested in a larger expression.
def f(a, b, c):
    return a + (b ** c) // 0


def g(a, b):
    return [a, b, a // b]


print(g(7, 2))
try:
    g(1, 0)
except ZeroDivisionError as e:
    print("caught", e)
f(1, 2, 3)
