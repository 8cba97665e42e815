# pow with big exponents and three-argument modular pow (including
# negative exponents as modular inverses), and ** with negative bases.
print(pow(2, 200), (-3) ** 41, (-2) ** 64, 2 ** -2, (-2) ** -3)
print(pow(3, 10 ** 6, 10 ** 9 + 7), pow(2, 2 ** 100, 97), pow(123456789, 987654321, 2 ** 61 - 1))
print(pow(7, -1, 13), pow(3, -5, 1000003), (3 * pow(3, -1, 101)) % 101, pow(10, 20, 1))
print(pow(-5, 3, 7), pow(5, 3, -7), pow(-5, 3, -7), pow(0, 0), pow(0, 0, 5), 0 ** 0)
print(pow(2, 1000) % 10 ** 10, 1 << 300 >> 295, (1 << 200) - 1 == 2 ** 200 - 1)
rsa_n = 3233
e, d = 17, 2753
msg = 65
enc = pow(msg, e, rsa_n)
print(enc, pow(enc, d, rsa_n))
for args in [(2, -1, 4), (2, 3, 0), (2.0, 3, 5), (2, 0.5, 5)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError) as ex:
        print(f"pow{args}: {type(ex).__name__}: {ex}")
