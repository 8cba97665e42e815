# int methods and constructors: to_bytes/from_bytes, as_integer_ratio,
# conjugate, real/imag, numerator/denominator, int() of floats and bools,
# and round() with negative ndigits.
n = 1025
print(n.to_bytes(2, "big"), n.to_bytes(4, "little"), (-2).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x04\x01", "big"), int.from_bytes(b"\x01\x04", "little"), int.from_bytes(b"\xff\xfe", "big", signed=True))
print((2 ** 70).to_bytes(9, "big").hex(), int.from_bytes(bytes(range(1, 20)), "big"))
print(n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator)
print(int(3.99), int(-3.99), int(True), int("  12 "), int(1e18), round(1234567, -3), round(-1550, -2), round(25, -1))
print(abs(-10 ** 30), divmod(-7, 2), divmod(7, -2), -7 // 2, -7 % 2, 7 % -2)
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    (-1).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
