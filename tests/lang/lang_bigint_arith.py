# Big-integer arithmetic: products, floor division and modulo with mixed
# signs (floor semantics), divmod identities, comparisons, and mixing
# with floats.
a = 3 ** 150
b = -(7 ** 60)
c = 10 ** 40 + 12345
print(a, b)
print(a * b, a + b, a - b)
print(a // c, a % c, b // c, b % c, (-a) // 7, (-a) % 7)
q, r = divmod(b, 10 ** 17)
print(q, r, q * 10 ** 17 + r == b)
for x, y in [(a, c), (b, c), (a, -c), (b, -c)]:
    q, r = divmod(x, y)
    assert q * y + r == x and (r == 0 or (r > 0) == (y > 0))
print("divmod identities hold")
print(a > b, a == 3 ** 150, a != a + 1, -a < b, abs(b) == 7 ** 60, max(a, b, c) is a)
print(2 ** 64 - 1, -(2 ** 63), (2 ** 64) // 2 ** 32, 2 ** 100 % 1000, (10 ** 30) / (10 ** 28))
print(float(2 ** 80), 2 ** 80 + 0.5, 2 ** 53 + 1 == float(2 ** 53 + 1), int(1e20), int(-2.5e15))
print(sum(range(10 ** 6, 10 ** 6 + 1000)) * 10 ** 20, 12345678901234567890 * 98765432109876543210)
f = 1
for i in range(1, 61):
    f *= i
print(f, f // (2 ** 56), len(str(f)))
try:
    2 ** 10000 / 1
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    a // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    a % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
