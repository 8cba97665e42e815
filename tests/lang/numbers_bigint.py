# Big integers: pidigits (the spigot), factorials, Fibonacci, big division
# and decimal conversion -- the workloads that need Karatsuba and fast
# base-10**9 output.


def pidigits(count):
    # The benchmarks-game program: a spigot over big ints.
    out = []
    i = k = ns = 0
    k1 = 1
    n, a, d, t, u = 1, 0, 1, 0, 0
    while True:
        k += 1
        t = n << 1
        n *= k
        a += t
        k1 += 2
        a *= k1
        d *= k1
        if a >= n:
            t, u = divmod(n * 3 + a, d)
            u += n
            if d > u:
                ns = ns * 10 + t
                i += 1
                if i % 10 == 0:
                    out.append("%010d\t:%d\n" % (ns, i))
                    ns = 0
                if i >= count:
                    break
                a -= d * t
                a *= 10
                n *= 10
    return "".join(out)


import sys
sys.stdout.write(pidigits(600))
f = 1
for i in range(2, 1501):
    f *= i
s = str(f)
print(len(s), s[:50], s[-50:].rstrip("0")[-20:], f.bit_length(), sum(map(int, s)))
a, b = 0, 1
for _ in range(5000):
    a, b = b, a + b
print(len(str(a)), str(a)[:30], a % (10**9 + 7))
x = 3**20000
y = 7**9000 + 12345
q, r = divmod(x, y)
print(q.bit_length(), r.bit_length(), q * y + r == x, str(q)[:40], x // -y == -(q + 1))
print((x * x).bit_length(), (x * y) % 1000000007, (x - y * q) == r, x ** 2 == x * x)
print(hex(2**300 - 1)[:20], int("9" * 4000) % 999999937, int("1" * 4000, 7) % 10**12)
print((-x) // y == -(q + 1), (-x) % y == y - r, x >> 30000, (x << 500) >> 500 == x, ~x == -x - 1)
print(pow(2, 4000, 10**50 + 151), pow(x, 3, y) % 10**40, (10**999 + 7) % 97)
n = 2**4423 - 1
print(pow(3, n - 1, n) == 1, n.bit_length(), len(str(n)))
