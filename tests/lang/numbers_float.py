# float: repr (shortest round trip), arithmetic with CPython's special cases
# and messages, mixed int/float comparison, hash, round, float().


def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__ + ":", e)


print(0.1, 0.2, 0.1 + 0.2, 1.0, -0.0, 1e16, 1e15, 1e-5, 1e-4, 123456789012345.0,
      1.2345678901234567e19, 1.5, 2.0**0.5, 1 / 3, 5e-324, 1.7976931348623157e308,
      float("inf"), -float("inf"), float("nan"), 100.0, 1e22, 1e23, 9007199254740993.0)
print(str(0.1), repr(2.5), str(1e300 * 10), [0.5, -1.25], (3.0,), {1.5: 2.5})
seed = 12345


def rand():
    # A linear congruential generator: the same doubles on every Python.
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 11) / 2.0**53


vals = [rand() * 2e6 - 1e6 for _ in range(40)] + [rand() * 10.0 ** (int(rand() * 600) - 300) for _ in range(40)]
for v in vals:
    print(repr(v), str(-v), v == float(repr(v)))
for a in [0.0, -0.0, 1.5, -1.5, 7.0, -7.0, 1e308, 5e-324, float("inf"), float("-inf"), float("nan")]:
    for b in [2.0, -2.0, 0.5, 3, -3, float("inf"), float("-inf")]:
        row = []
        for f in (lambda: a + b, lambda: a - b, lambda: a * b, lambda: a / b,
                  lambda: a // b, lambda: a % b, lambda: divmod(a, b), lambda: abs(a) ** b,
                  lambda: a ** int(b) if b == b and abs(b) != float("inf") else None):
            try:
                row.append(f())
            except Exception as e:
                row.append(type(e).__name__)
        print(a, b, row)
show("1.0/0", lambda: 1.0 / 0)
show("1.0//0.0", lambda: 1.0 // 0.0)
show("1.0%0", lambda: 1.0 % 0)
show("divmod(1.0, 0)", lambda: divmod(1.0, 0))
show("0.0**-1", lambda: 0.0 ** -1)
show("10.0**400", lambda: 10.0 ** 400)
show("2.0**-1100", lambda: 2.0 ** -1100)
show("(-8.0)**3", lambda: (-8.0) ** 3)
show("1.5+10**400", lambda: 1.5 + 10**400)
show("float(10**400)", lambda: float(10**400))
show("1e308*10", lambda: 1e308 * 10)
for i, f in [(2**53 + 1, 2.0**53), (10**30, 1e30), (-5, -5.0), (3, 2.9999999999999996),
             (2**1024, float("inf")), (-(2**1024), float("-inf")), (7, float("nan"))]:
    print(i, f, i == f, i < f, i > f, f <= i, f != i, f >= i)
print(hash(1.0) == hash(1), hash(0.5), hash(-0.5), hash(1e100), hash(float("inf")),
      hash(float("-inf")), hash(2.0**70) == hash(2**70), hash(-1.0), hash(1e-300))
print({1.0: "a", 1: "b", True: "c"}, {0.5, 1.5, 2.5, 1e10, -0.0, 0})
for x in [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 0.125, 1e300, -2.5e-7, 123.456]:
    print(x, round(x), round(x, 0), round(x, 1), round(x, 2), round(x, -1), round(x, -2), round(x, 400))
show("round(inf)", lambda: round(float("inf")))
show("round(nan)", lambda: round(float("nan")))
show("round(1.8e308, -308)", lambda: round(1.7976931348623157e308, -308))
for s in ["1.5", " 1e3 ", "-inf", "INFINITY", "+nan", "1_0.5", ".5", "5.", "1e-500",
          "1e500", "  -0.0  ", "\u0661\u0662.5", "0x10", "1__0", "1_.5", "", "abc", "1e", "infinit"]:
    show("float(%r)" % s, lambda: float(s))
show("float(b'2.5')", lambda: float(b"2.5"))
show("float([])", lambda: float([]))
show("float(x=1)", lambda: float(x=1))
print(float(), float(3), float(True), float(-2**60), float("  7  "))
print((2.5).is_integer(), (2.0).is_integer(), (0.75).as_integer_ratio(), (-2.5).as_integer_ratio(),
      (1e300).as_integer_ratio()[1], (5e-324).as_integer_ratio()[1].bit_length())
show("inf ratio", lambda: float("inf").as_integer_ratio())
show("nan ratio", lambda: float("nan").as_integer_ratio())
print((2.5).real, (2.5).imag, (2.5).conjugate(), (-2.5).__trunc__(), (2.5).__floor__(), (2.5).__ceil__())
print(int(2.9), int(-2.9), abs(-2.5), -(0.0), +(-0.0), bool(0.0), bool(-0.0), bool(1e-300))
s = 0.0
for i in range(1, 100001):
    s += 1.0 / i
print(s, s * s, s / 7)
