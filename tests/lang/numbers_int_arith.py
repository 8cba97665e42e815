# int arithmetic: signs of // and %, bitwise operators on negatives, shifts,
# powers, big values crossing the 2**30/2**60/2**64 boundaries.


def show(label, f):
    try:
        print(label, "=", f())
    except Exception as e:
        print(label, "!", type(e).__name__ + ":", e)


vals = [0, 1, -1, 7, -7, 2**30 - 1, 2**30, -2**30, 2**60 - 1, 2**60, -2**60,
        2**63 - 1, -2**63, 2**64 + 3, -(2**64) - 3, 10**30 + 7, -(10**30) - 7]
for a in vals:
    for b in [3, -3, 2**31 + 1, -(2**61) - 5, 10**20 + 1]:
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
for a in [-9, -1, 0, 1, 9, -2**70, 2**70 + 5]:
    for b in [-6, 6, 0, -1, 2**65 - 1, -(2**65)]:
        print(a, b, a & b, a | b, a ^ b, ~a)
for a in [5, -5, 1, -1, 2**100 + 1, -(2**100) - 1]:
    for s in [0, 1, 3, 29, 30, 31, 59, 60, 61, 64, 100, 200]:
        print(a, s, a << s, a >> s)
print(-1 >> 1000, 1 >> 1000, -(2**200) >> 199, (2**200 - 1) >> 199)
for base in [0, 1, -1, 2, -2, 3, 10, -7, 2**31]:
    print(base, [base ** e for e in range(0, 12)])
print(2 ** 100, (-3) ** 41, 7 ** 77)
print(2 ** -1, 2 ** -3, (-2) ** -3, 10 ** -5)
print(pow(3, 200, 10**9 + 7), pow(-3, 201, 1000), pow(3, 200, -1000), pow(7, -1, 13))
print(pow(2**100 + 3, 2**64 + 1, 2**89 - 1), pow(123, -5, 2**61 - 1))
print(7 / 2, -7 / 2, 1 / 3, 10**30 / 7, (2**80 + 1) / 2**80, 1 / 10**400, -3 / 10**400)
print((10**400 + 1) / 10**399, 2**1023 * 3 // 2 / 1)
show("10**400/1", lambda: 10**400 / 1)
show("1/0", lambda: 1 / 0)
show("1//0", lambda: 1 // 0)
show("1%0", lambda: 1 % 0)
show("divmod(1,0)", lambda: divmod(1, 0))
show("0**-1", lambda: 0 ** -1)
show("1<<-1", lambda: 1 << -1)
show("1>>-1", lambda: 1 >> -1)
show("pow(2,3,0)", lambda: pow(2, 3, 0))
show("pow(2,-1,4)", lambda: pow(2, -1, 4))
show("pow(2,1,1.5)", lambda: pow(2, 1, 1.5))
show("1+'a'", lambda: 1 + "a")
show("-'a'", lambda: -"a")
show("1<'a'", lambda: 1 < "a")
x = 10**50
for a, b in [(x, x + 1), (-x, x), (x, x), (1, 1.0), (2**53 + 1, 2.0**53), (2.0**53, 2**53 + 1)]:
    print(a < b, a <= b, a == b, a != b, a > b, a >= b)
print(abs(-5), abs(-2**80), -(-2**80), +(-3), ~(2**70))
print(hash(0), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**100), hash(-(10**30)))
print(sorted({2**61 + 5, 3, 2**62, -4, 10**20}))
print(sum(range(10**6)), sum([i * i for i in range(1000)]))
n = 1
for i in range(1, 60):
    n *= i
print(n, n % 1000003, n // 10**70)
print(int.__add__(3, 4), (5).__mul__(6), (2).__pow__(10), (7).__rtruediv__(14))
