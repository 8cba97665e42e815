sq = lambda x: x * x
print(sq(7), (lambda: 42)(), (lambda a, b=1: a + b)(5))
fs = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in fs])
print(sorted([3, 1, 2], key=lambda v: -v))
print(sq.__name__)
