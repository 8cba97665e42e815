# int(): strings in every base, errors, the 4300-digit limit, bytes
# conversion, bit operations and the numeric properties.
import sys


def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__ + ":", e)


for text, base in [("0", 10), ("-0", 10), (" 12 ", 10), ("+12", 10), ("1_000", 10),
                   ("0x1f", 16), ("0x_1f", 16), ("1F", 16), ("0b101", 0), ("0o17", 0),
                   ("0X1f", 0), ("0_0", 0), ("00", 0), ("z", 36), ("Zz", 36), ("777", 8),
                   ("-0b1010", 0), ("\u0663\u0664", 10), ("\u3000 7 \u3000", 10),
                   ("9" * 30, 10), ("-" + "f" * 40, 16), ("1" * 50, 2), ("zzz", 36)]:
    show("int(%r, %d)" % (text, base), lambda: int(text, base))
for text, base in [("", 10), (" ", 10), ("1__0", 10), ("_1", 10), ("1_", 10),
                   ("017", 0), ("9", 8), ("0x", 16), ("- 1", 10), ("12a", 10),
                   ("1.5", 10), ("0b2", 0), ("x" * 300, 10), ("12\x00", 10)]:
    show("int(%r, %d)" % (text[:20], base), lambda: int(text, base))
show("int('1', 1)", lambda: int("1", 1))
show("int('1', 37)", lambda: int("1", 37))
show("int(1.5, 10)", lambda: int(1.5, 10))
show("int(b'42')", lambda: int(b"42"))
show("int(b'4x')", lambda: int(b"4x"))
show("int(bytearray(b'17'), 8)", lambda: int(bytearray(b"17"), 8))
show("int('10', base=2)", lambda: int("10", base=2))
show("int(x='1')", lambda: int(x="1"))
show("int(base=2)", lambda: int(base=2))
show("int(1, 2, 3)", lambda: int(1, 2, 3))
show("int([])", lambda: int([]))
show("int(None)", lambda: int(None))
for f in [0.0, -0.0, 2.5, -2.5, 1e20, -1e300, 2.0**63, 123456789.99]:
    show("int(%r)" % f, lambda: int(f))
show("int(inf)", lambda: int(float("inf")))
show("int(nan)", lambda: int(float("nan")))
print(int(), int(True), int(False), int("  -42  "), type(int(True)).__name__)


show("limit str", lambda: len(str(10**4299)))
show("over limit str", lambda: str(10**4300))
show("over limit int", lambda: int("1" * 4301))
show("zeros over limit", lambda: int("0" * 5000))
show("hex of huge", lambda: len(hex(10**5000)))
show("int of huge hex", lambda: int("f" * 5000, 16).bit_length())
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(len(str(10**4999)), sys.get_int_max_str_digits())
show("over 5000", lambda: str(10**5000))
show("set 5", lambda: sys.set_int_max_str_digits(5))
sys.set_int_max_str_digits(0)
print(len(str(10**6000)))
sys.set_int_max_str_digits(4300)
for v in [0, 1, -1, 255, 256, -128, -129, 2**64 - 1, -(2**63), 10**30]:
    print(v, v.bit_length(), v.bit_count(), hex(v), oct(v), bin(v)[:40])
    show("to_bytes(%d)" % v, lambda: v.to_bytes(9, "big", signed=True))
    show("to_bytes unsigned", lambda: v.to_bytes(17, "little"))
show("(256).to_bytes(1)", lambda: (256).to_bytes(1, "big"))
show("(-1).to_bytes(1)", lambda: (-1).to_bytes(1, "big"))
show("(-129).to_bytes(1, signed)", lambda: (-129).to_bytes(1, "big", signed=True))
show("byteorder", lambda: (1).to_bytes(1, "middle"))
show("(5).to_bytes(2)", lambda: (5).to_bytes(2))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"),
      int.from_bytes(b"\xff\xff", "big", signed=True), int.from_bytes([1, 2, 3], "big"),
      int.from_bytes(b"", "big"), int.from_bytes(b"\x80" + b"\x00" * 20, "big", signed=True))
show("from_bytes(str)", lambda: int.from_bytes("ab", "big"))
print((7).real, (7).imag, (7).numerator, (7).denominator, (7).conjugate(), (-7).as_integer_ratio())
print(True.real, True.numerator, type(True.real).__name__, (5).__index__(), (5).__trunc__())
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1), round(7, 2))
print(round(10**30 + 5 * 10**9, -10), round(-(10**20) - 5, -1))
print(int.__name__, int.__doc__.splitlines()[0])
