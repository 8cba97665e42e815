# test_int / test_float style facts: arithmetic identities, conversions,
# rounding, repr of floats, int/float mixing, math helpers.
import math
import sys

def row(label, *vals):
    print("%-16s" % label, " ".join([repr(v) for v in vals]))

row("floordiv", 7 // 3, -7 // 3, 7 // -3, -7 // -3, 7.0 // 3, -7.0 // 3, 1 // 0.3)
row("mod", 7 % 3, -7 % 3, 7 % -3, -7 % -3, 7.5 % 2, -7.5 % 2, 5 % 0.3, -0.0 % 1)
row("truediv", 1 / 3, 2 / 3, 10 / 4, -1 / 7, 1e300 / 1e-10, 3 / 2 ** 70)
row("pow", 2 ** 0.5, 10 ** -2, (-8) ** 3, 2.0 ** 10, 0.0 ** 0, (-1) ** 0.5 if False else 1, 4 ** 0.5, 1.1 ** 50)
row("int()", int(3.99), int(-3.99), int("-0"), int("0b101", 0), int("0o17", 0), int(" 12_345 "), int(1e20))
row("float()", float("1.5e3"), float("-inf"), float("  .25"), float(10 ** 20), float("1_000.5"), float(True))
row("round half", round(0.5), round(1.5), round(2.5), round(-1.5), round(0.125, 2), round(0.375, 2), round(2.675, 2))
row("round neg", round(1234.5678, -2), round(-1250, -2), round(1350, -2), round(15, -1), round(25, -1))
row("repr float", 0.1, 0.1 + 0.2, 1 / 3, 1e16, 1e15, 123456789.123456789, 1e-5, 0.0001, 2.5e-310, 1.7976931348623157e308)
row("str float", str(1e22), str(1.0), str(-0.0), str(100.0), str(1e100), str(3.0e-7))
row("int repr", 0, -0, 10 ** 18, -(10 ** 19), 0xFFFF, 0o777, 0b1111)
row("bool mix", True + 1, True * 2.5, False - 1, True / 2, True // 1, 3 * False)
row("compare mix", 1 == 1.0, 2 ** 53 + 1 == float(2 ** 53 + 1), 1 < 1.5 < 2, -0.0 == 0, float("nan") == float("nan"), 10 ** 30 > 1e29)
row("min/max mix", max(1, 1.0), max(1.0, 1), min(0, -0.0), min(-0.0, 0), max([2, 2.0, 1]))
row("abs/neg", abs(-7), abs(-7.5), -(-3), +True, abs(-(2 ** 65)))
row("divmod", divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17.5, -5), divmod(2 ** 65, 7))
row("bit ops", 6 & 3, 6 | 3, 6 ^ 3, ~6, 1 << 10, 1024 >> 3, -1024 >> 3, -1 & 0xFF, 5 & -2)
row("bit_length", (0).bit_length(), (1).bit_length(), (255).bit_length(), (-256).bit_length(), (2 ** 100).bit_length())
row("int methods", (10).bit_count() if hasattr(int, "bit_count") else 2, (-7).__abs__(), (7).conjugate(), (3).real, (3).imag, (3).numerator, (3).denominator)
row("float methods", (2.5).as_integer_ratio(), (0.1).as_integer_ratio(), (-3.0).is_integer(), (1e300).is_integer(), (7.5).__trunc__(), (2.5).real)
row("int(float) big", int(1.5e30), int(-2.0 ** 70), int(float("1e16") + 1))
row("hash", hash(0), hash(1), hash(-1), hash(1.5), hash(-2.5), hash(2 ** 61), hash(2 ** 61 - 1), hash(10 ** 20), hash(float(2 ** 61)), hash(0.1))
row("math int", math.floor(2.7), math.ceil(-2.7), math.trunc(2.7), math.floor(-0.5), type(math.floor(1.5)).__name__)
row("math float", math.sqrt(16), math.fabs(-3), math.exp(0), math.log(1), math.pow(2, -1), math.hypot(5, 12), math.cbrt(27.0) if hasattr(math, "cbrt") else 3.0)
row("math special", math.isnan(float("nan")), math.isinf(float("-inf")), math.copysign(1, -0.0), math.fmod(7, -3), math.nextafter(1, 2) > 1 if hasattr(math, "nextafter") else True)
row("float_info", sys.float_info.max, sys.float_info.min, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, 1.0 + sys.float_info.epsilon > 1.0, tuple(sys.int_info)[:2])
row("sum floats", sum([0.1] * 10), math.fsum([0.1] * 10), sum([1e100, 1.0, -1e100]), math.fsum([1e100, 1.0, -1e100]))
row("format", format(1 / 3, ".5f"), format(1e6, ".3g"), format(-1.5, "+.2e"), format(1234567, ",d"), format(0.000123, "g"), format(5, "05.1f"))
row("nan/inf arith", float("inf") - float("inf") != 0, float("inf") * 0 != 0, 1 / float("inf"), -float("inf") < -1e308, float("inf") == 10 ** 400 if False else True)
for fn in (lambda: 1 // 0, lambda: 1.0 % 0, lambda: 0 ** -1, lambda: int(float("inf")), lambda: int(float("nan")), lambda: 2.0 ** 5000,
           lambda: math.sqrt(-4), lambda: float("1.2.3"), lambda: int("1e5"), lambda: 1 << -1, lambda: (-8) ** (1 / 3) if False else math.log(-1),
           lambda: round(1.5, "x"), lambda: int(None), lambda: float([])):
    try:
        print("value", fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)
