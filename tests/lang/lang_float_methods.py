# float behaviour: repr round-trips, is_integer, as_integer_ratio, hex,
# round half to even, float() parsing, comparisons with ints, and
# arithmetic corner cases.
vals = [0.1, 0.5, 2.5, -0.0, 1e16, 1e-5, 123.456, 2 ** 0.5, 1 / 3, 1e22, 1e23]
print([repr(v) for v in vals])
print([v.is_integer() for v in (1.0, 1.5, -0.0, 1e300)], (0.75).as_integer_ratio(), (0.1).as_integer_ratio())
print((1.5).hex(), float.fromhex("0x1.8p1"), (0.1).hex())
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(2.675, 2), round(1.005, 2), round(123.456, -1))
print(float("  1e3 "), float("-inf"), float("nan") != float("nan"), float("1_000.5"), float("+.5"), float("infinity"))
print(1.0 == 1, 0.1 + 0.2 == 0.3, 0.1 + 0.2, 1e308 * 10, -1e308 * 10, 1.7976931348623157e308)
print(7.0 // 2, -7.0 // 2, 7.5 % 2, -7.5 % 2, divmod(7.5, -2), 5e-324 / 2, 1 / 3 * 3)
print(int(2.5) == 2, float(2 ** 53) == 2 ** 53, 2 ** 53 + 1 > float(2 ** 53), 10 ** 400 > 1e308)
for s in ["1.2.3", "", "e5", "0x10"]:
    try:
        float(s)
    except ValueError as e:
        print("ValueError:", e)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
