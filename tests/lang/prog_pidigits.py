# Big-integer work: the unbounded spigot for digits of pi (as in the
# pidigits benchmark), e by its series, square roots by Newton's method on
# integers, factorials and binomials, modular exponentiation with pow(),
# Fibonacci by fast doubling, and a Miller-Rabin primality test.


def pi_digits():
    """Gibbons' unbounded spigot, streaming decimal digits of pi."""
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    while True:
        if 4 * q + r - t < n * t:
            yield n
            q, r, t, k, n, l = (10 * q, 10 * (r - n * t), t, k,
                                (10 * (3 * q + r)) // t - 10 * n, l)
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)


def pidigits_lines(count):
    """Format like the benchmark: ten digits then a tab and running count."""
    digits = pi_digits()
    lines = []
    done = 0
    while done < count:
        chunk = "".join(str(next(digits)) for _ in range(min(10, count - done)))
        done += len(chunk)
        lines.append(f"{chunk:<10}\t:{done}")
    return lines


def e_digits(n):
    scale = 10 ** (n + 10)
    total, term, k = 0, scale, 0
    while term:
        total += term
        k += 1
        term //= k
    s = str(total // 10 ** 10)
    return s[0] + "." + s[1:]


def isqrt(n):
    if n < 0:
        raise ValueError("isqrt of negative number")
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def factorial(n):
    result = 1
    for i in range(2, n + 1):
        result *= i
    return result


def binomial(n, k):
    k = min(k, n - k)
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i
    return result


def fib_pair(n):
    """(F(n), F(n+1)) by fast doubling."""
    if n == 0:
        return 0, 1
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n & 1 else (c, d)


def is_probable_prime(n, bases=(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)):
    if n < 2:
        return False
    for p in bases:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in bases:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


def digit_sum(n):
    return sum(int(c) for c in str(n))


for line in pidigits_lines(127):
    print(line)
gen = pi_digits()
first = [next(gen) for _ in range(1000)]
print("digit frequencies in first 1000:", [first.count(d) for d in range(10)])
print("e =", e_digits(60))
root2 = isqrt(2 * 10 ** 100)
print("sqrt(2) =", str(root2)[0] + "." + str(root2)[1:])
print("isqrt checks:", all(isqrt(n) ** 2 <= n < (isqrt(n) + 1) ** 2 for n in range(0, 5000, 7)),
      isqrt(10 ** 40), isqrt(2 ** 127 - 1))
f100 = factorial(100)
print("100! has", len(str(f100)), "digits, digit sum", digit_sum(f100),
      "trailing zeros", len(str(f100)) - len(str(f100).rstrip("0")))
print("C(100, 50) =", binomial(100, 50), "| C(1000, 3) =", binomial(1000, 3))
print("F(300) =", fib_pair(300)[0])
print("F(1000) mod 10**9+7 =", fib_pair(1000)[0] % (10 ** 9 + 7))
print("2**521-1 prime:", is_probable_prime(2 ** 521 - 1), "| 2**523-1 prime:", is_probable_prime(2 ** 523 - 1))
m = 2 ** 127 - 1
print("pow(3, m-1, m) =", pow(3, m - 1, m), "| pow(7, 10**18, 10**9+7) =", pow(7, 10 ** 18, 10 ** 9 + 7))
print("pow(12345, -1, 1000003) =", pow(12345, -1, 1000003), "check", 12345 * pow(12345, -1, 1000003) % 1000003)
primes = [n for n in range(10 ** 12, 10 ** 12 + 200) if is_probable_prime(n)]
print("primes just above 10**12:", primes)
big = 3 ** 200
print(big // 7 ** 50, big % 7 ** 50, divmod(-big, 10 ** 30)[1], (-big) // 10 ** 80)
print(hex(2 ** 100 + 255), oct(8 ** 20), bin(2 ** 70 - 1).count("1"), (2 ** 200).bit_length())
print(int("9" * 50) + 1 == 10 ** 50, -(10 ** 30) < -(10 ** 29), abs(-(7 ** 40)) == 7 ** 40)
try:
    isqrt(-1)
except ValueError as e:
    print("ValueError:", e)
