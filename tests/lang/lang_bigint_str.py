# Converting big integers to and from strings in several bases, with
# underscores and signs, and the digit-limit error for huge decimals.
n = 2 ** 256 - 189
print(n, str(-n), repr(n), len(str(n)))
print(hex(n), oct(-n)[:20], bin(n).count("1"), format(n, ","), f"{n:_x}")
print(int("123456789" * 5), int("-0x" + "f" * 40, 16), int("0b" + "1" * 70, 0), int("zz" * 10, 36))
print(int("1_000_000_000_000_000_000"), int("  -42  "), int("+0017"), int("0o777", 0))
print(int(str(10 ** 100)) == 10 ** 100, str(10 ** 100).count("0"), int("9" * 300) + 1 == 10 ** 300)
big = 10 ** 5000
try:
    str(big)
except ValueError as e:
    print("ValueError:", str(e)[:60])
for s in ["12a", "", "0x", "1__0", "_1", "1_", "0b102"]:
    try:
        int(s, 0)
    except ValueError as e:
        print("ValueError:", e)
