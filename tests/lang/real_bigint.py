# Big-integer work: pidigits by the spigot algorithm, factorials, Fibonacci
# by doubling, modular exponentiation, integer square roots and base conversion.
import math


def pidigits(n):
    out = []
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))


def fib(n):
    def pair(k):
        if k == 0:
            return 0, 1
        a, b = pair(k >> 1)
        c = a * (2 * b - a)
        d = a * a + b * b
        return (d, c + d) if k & 1 else (c, d)
    return pair(n)[0]


def to_base(n, base):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, d = divmod(n, base)
        out.append(digits[d])
    return sign + "".join(reversed(out))


def is_probable_prime(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


digits = pidigits(300)
for i in range(0, 300, 60):
    print(digits[i:i + 60])
f100 = math.factorial(100)
print(f100)
print(len(str(math.factorial(500))), sum(map(int, str(2 ** 1000))), str(f100).count("0"))
print(fib(300), fib(1000) % 10 ** 12)
print(fib(91) * fib(92) - fib(90) * fib(93))
big = 3 ** 200
print(big // 7 ** 50, big % 7 ** 50, divmod(-big, 10 ** 40)[1], -big // 10 ** 90)
print(math.isqrt(big), math.isqrt(big) ** 2 <= big < (math.isqrt(big) + 1) ** 2)
print(to_base(2 ** 128 - 1, 16), to_base(-(10 ** 30), 36), int(to_base(f100, 7), 7) == f100)
print(hex(2 ** 130), oct(-(2 ** 70)), bin(3 ** 40), int("1" * 50, 2), int("-" + "zz" * 10, 36))
mersenne = [p for p in range(2, 130) if is_probable_prime(p) and is_probable_prime(2 ** p - 1)]
print(mersenne)
print(pow(2, 10 ** 18, 10 ** 9 + 7), pow(123456789, -1, 10 ** 9 + 7), pow(3, 1000, 2 ** 64))
print((2 ** 200) >> 190, (2 ** 200 + 1) & 0xFFFF, ~(2 ** 100), -(2 ** 100) >> 98, (1 << 100) | 1, (2 ** 64) ^ (2 ** 64 - 1))
print(math.gcd(fib(200), fib(150)) == fib(50), math.lcm(2 ** 40, 3 ** 20) == 2 ** 40 * 3 ** 20, math.comb(100, 50))
x = 10 ** 50 + 12345
print(x / 10 ** 40, float(x), int(float(2 ** 80)), 2 ** 80 == float(2 ** 80), 10 ** 400 > 1e308, (10 ** 30) * 1.5)
print(abs(-(10 ** 25)), (10 ** 25).bit_length(), hash(10 ** 25) == hash(10 ** 25), (-7) ** 31, round(10 ** 25 + 5, -1))
print(sorted([10 ** 20, -(10 ** 20), 3, 2.5e20, -1]), max(2 ** 70, 1e21), 2 ** 64 - 1 < 1.8446744073709552e19)
try:
    print(2 ** 10000 * 1.0)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(10 ** 400 / 3)
except OverflowError as e:
    print("OverflowError:", e)
print(10 ** 400 // 3 % 1000, (10 ** 400) // (10 ** 399 + 1))
