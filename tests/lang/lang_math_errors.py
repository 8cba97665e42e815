# math module errors: domain errors, range errors, and type errors, with
# CPython's messages; inf/nan propagation.
import math

cases = [("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)),
         ("log(-1)", lambda: math.log(-1)), ("acos(2)", lambda: math.acos(2)),
         ("exp(1000)", lambda: math.exp(1000)), ("factorial(-1)", lambda: math.factorial(-1)),
         ("factorial(2.5)", lambda: math.factorial(2.5)), ("pow(0,-1)", lambda: math.pow(0, -1)),
         ("comb(3,-1)", lambda: math.comb(3, -1)), ("isqrt(-4)", lambda: math.isqrt(-4)),
         ("gcd(1.5)", lambda: math.gcd(1.5)), ("sqrt('x')", lambda: math.sqrt("x")),
         ("fmod(1,0)", lambda: math.fmod(1, 0)), ("ldexp(1,10000)", lambda: math.ldexp(1.0, 10000)),
         ("floor(inf)", lambda: math.floor(math.inf)), ("floor(nan)", lambda: math.floor(math.nan)),
         ("log(10,1)", lambda: math.log(10, 1)), ("gamma(0)", lambda: math.gamma(0))]
for name, fn in cases:
    try:
        print(name, "=", fn())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(f"{name}: {type(e).__name__}: {e}")
print(math.inf - math.inf, math.inf * 0, math.sqrt(math.inf), math.exp(-math.inf), math.atan(math.inf))
print(math.isnan(math.nan + 1), math.nan == math.nan, math.copysign(1, math.nan), math.hypot(math.inf, math.nan))
