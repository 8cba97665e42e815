def make_multiplier_of(n):
    def multiplier(x):
        return x * n
    return multiplier
times3 = make_multiplier_of(3)
times5 = make_multiplier_of(5)
print(times3(9), times5(3))
print([times5(i) for i in range(5)])
x = 10
while x > 0:
    x -= 3
    if x == 4:
        continue
    print(x, end=' ')
print()
for i in range(3):
    print(i)
else:
    print("done")
def f(a, b=2, *args, c=3, **kw):
    return a, b, args, c, kw
print(f(1), f(1, 5, 6, 7, c=9, z=1))
print(f"{x!r:>5} {times3.__qualname__}")
try:
    1/0
except ZeroDivisionError as e:
    print("caught", e)
finally:
    print("fin")
a, *b = [1, 2, 3]
print(a, b, {k: v for k, v in zip("ab", [1, 2])}, {1, 2} | {3})
