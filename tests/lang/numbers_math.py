# The math module: values (doubles as repr) and CPython's error texts.
import math


def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__ + ":", e)


print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
xs = [0.0, -0.0, 0.5, -0.5, 1.0, 2.0, 3.7, -3.7, 10.0, 100.0, 1e-10, 1e10, 710.0,
      float("inf"), float("-inf"), float("nan")]
names = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
         "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
         "erf", "erfc", "gamma", "lgamma", "fabs", "cbrt", "degrees", "radians", "ceil",
         "floor", "trunc", "isfinite", "isinf", "isnan", "frexp", "modf", "ulp"]
for name in names:
    fn = getattr(math, name)
    row = []
    for x in xs:
        try:
            row.append(fn(x))
        except Exception as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(name, row)
for x in [0.25, 1.5, 4.5, 20.5, 100.5, 171.5, -0.25, -1.5, -20.5, -150.5, 1e-30, 1e-300, 30.0]:
    print(x, math.gamma(x) if x < 171 else "big", math.lgamma(x))
for x, y in [(1.0, 2.0), (-1.0, 0.5), (0.0, -0.0), (-0.0, -0.0), (2.0, 3.0), (-8.0, 1 / 3),
             (0.0, -1.0), (float("inf"), 2.0), (float("-inf"), 3.0), (1.0, float("nan")),
             (10.0, 400.0), (-1.0, float("inf")), (0.5, float("-inf")), (7.0, -2.0)]:
    row = []
    for name in ["pow", "atan2", "copysign", "fmod", "remainder", "hypot", "ldexp", "nextafter", "dist", "log"]:
        fn = getattr(math, name)
        try:
            if name == "ldexp":
                r = fn(x, int(y) if math.isfinite(y) else 3)
            elif name == "dist":
                r = fn((x, 0.0), (0.0, y))
            else:
                r = fn(x, y)
            row.append(r)
        except Exception as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(x, y, row)
print(math.hypot(), math.hypot(3), math.hypot(3, 4), math.hypot(1, 2, 3, 4, 5), math.hypot(1e200, 1e200),
      math.hypot(1e-320, 1e-320), math.hypot(0.1, 0.2, 0.3), math.dist([1, 2, 3], [4, 5, 6]))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]),
      math.fsum([1e-16, 1, 1e16]), math.fsum([i / 7 for i in range(1000)]), math.fsum([]),
      math.fsum([float("inf"), 1.0]), sum([0.1] * 10))
show("fsum overflow", lambda: math.fsum([1e308, 1e308]))
show("fsum inf-inf", lambda: math.fsum([float("inf"), float("-inf")]))
print(math.prod([]), math.prod(range(1, 21)), math.prod([1.5, 2, 3]), math.prod([2, 3], start=0.5),
      math.prod(["ab", 3]))
print([math.factorial(n) for n in range(0, 25)], len(str(math.factorial(1000))))
print(math.factorial(170) == math.prod(range(1, 171)), math.factorial(3000) % (10**9 + 7))
print(math.comb(10, 3), math.comb(100, 50), math.comb(5, 6), math.comb(10**20, 2), math.perm(10, 3),
      math.perm(5), math.perm(5, 0), math.perm(4, 5), math.comb(2000, 1000) % 1000003)
print(math.gcd(), math.gcd(12), math.gcd(-12, 18), math.gcd(12, 18, 8), math.gcd(2**100, 6**50),
      math.lcm(), math.lcm(4, 6), math.lcm(-4, 6, 10), math.lcm(0, 5), math.lcm(2**40, 3**20))
print([math.isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 10**10, 2**52 - 1, 2**64, 10**40 + 1]])
print(math.isqrt(10**200 + 12345) == 10**100, math.isqrt(2**1001) ** 2 <= 2**1001 < (math.isqrt(2**1001) + 1) ** 2)
print(math.log(8, 2), math.log(100, 10), math.log(2**2000), math.log(2**2000, 2), math.log10(10**500),
      math.log2(2**3000 + 1), math.log(10**400, 10**200), math.log(True), math.log1p(1e-20))
print(math.isclose(1, 1 + 1e-10), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2),
      math.isclose(0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf), math.isclose(math.nan, math.nan))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7),
      math.floor(10**30), math.ceil(True), type(math.floor(2.0)).__name__)
print(math.ulp(1.0), math.ulp(0.0), math.ulp(1e308), math.nextafter(1, 2), math.nextafter(0.0, -1))
for label, f in [("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)),
                 ("log(-1)", lambda: math.log(-1)), ("log(10, 1)", lambda: math.log(10, 1)),
                 ("log(10, 0)", lambda: math.log(10, 0)), ("exp(1000)", lambda: math.exp(1000)),
                 ("factorial(-1)", lambda: math.factorial(-1)), ("factorial(1.5)", lambda: math.factorial(1.5)),
                 ("factorial(2**70)", lambda: math.factorial(2**70)), ("comb(-1, 2)", lambda: math.comb(-1, 2)),
                 ("perm(3, -1)", lambda: math.perm(3, -1)), ("isqrt(-1)", lambda: math.isqrt(-1)),
                 ("gcd(1.5)", lambda: math.gcd(1.5)), ("ldexp(1.0, 2.0)", lambda: math.ldexp(1.0, 2.0)),
                 ("ldexp(1, 10**100)", lambda: math.ldexp(1, 10**100)), ("pow(0, -1)", lambda: math.pow(0, -1)),
                 ("pow(-8, 1/3)", lambda: math.pow(-8, 1 / 3)), ("pow(10, 400)", lambda: math.pow(10, 400)),
                 ("fmod(inf, 1)", lambda: math.fmod(math.inf, 1)), ("isclose tol", lambda: math.isclose(1, 1, rel_tol=-1)),
                 ("dist dims", lambda: math.dist([1], [1, 2])), ("sqrt('a')", lambda: math.sqrt("a")),
                 ("sqrt()", lambda: math.sqrt()), ("sqrt(1, 2)", lambda: math.sqrt(1, 2)),
                 ("pow(1)", lambda: math.pow(1)), ("log()", lambda: math.log()),
                 ("trunc('a')", lambda: math.trunc("a")), ("floor('a')", lambda: math.floor("a")),
                 ("floor(inf)", lambda: math.floor(math.inf)), ("sqrt(10**400)", lambda: math.sqrt(10**400)),
                 ("gamma(0)", lambda: math.gamma(0)), ("gamma(-2)", lambda: math.gamma(-2)),
                 ("gamma(200)", lambda: math.gamma(200)), ("lgamma(-1)", lambda: math.lgamma(-1)),
                 ("acosh(0)", lambda: math.acosh(0)), ("remainder(inf, 1)", lambda: math.remainder(math.inf, 1))]:
    show(label, f)
