# float.hex and float.fromhex: round trips, rounding, subnormals, errors.
import random
vals = [0.0, -0.0, 1.0, 1.5, 0.1, -2.5, 1e300, 5e-324, 2.2250738585072014e-308, 1e-310, 123456.789, float('inf'), float('-inf'), float('nan'), 1.7976931348623157e308]
print([v.hex() for v in vals])
print([float.fromhex(v.hex()) == v for v in vals if v == v])
r = random.Random(5)
ok = 0
for i in range(3000):
    x = r.uniform(-1e10, 1e10) * 2.0 ** r.randint(-1100, 1000)
    if x != x or x in (float('inf'), float('-inf')): continue
    h = x.hex()
    ok += float.fromhex(h) == x
print(ok > 0)
for s in ["0x1.8p1", "0X1P-1074", "0x1p-1075", "0x1.8p-1074", "0x3p-1076", "1", "ff", "0x.8", "0x1.fffffffffffff7ffp1023", "  0x10.1p-4  ", "inf", "-Infinity", "nan", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x1.000000000000080001p0", "0x0.0000000000000000000001p100", "123456789abcdef0123p0", "0x1p-1080"]:
    print(s, float.fromhex(s))
for s in ["", "0x", "x1", "0x1.2.3", "0x1p", "1e5x", "0x1p+-2"]:
    try:
        float.fromhex(s)
    except ValueError as e:
        print("ValueError", e)
for s in ["0x1p1024", "0x1.fffffffffffff8p1023"]:
    try:
        float.fromhex(s)
    except OverflowError as e:
        print("OverflowError", e)
class F(float): pass
print(type(F.fromhex("0x1p0")).__name__, F.fromhex("0x1p3"))
