# The math module, function by function, on ordinary arguments.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(2), math.cbrt(27.0), math.exp(1), math.exp2(10), math.expm1(1e-10), math.log(100), math.log(8, 2))
print(math.log10(1000), math.log2(1024), math.log1p(1e-10), math.pow(2, 0.5), math.hypot(3, 4), math.hypot(1, 2, 2))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.asin(1), math.acos(0), math.atan(1), math.atan2(-1, -1))
print(math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.fabs(-3))
print(math.floor(7), math.ceil(10 ** 20 + 0.0), type(math.floor(2.5)).__name__, math.copysign(3, -0.0), math.fmod(-7, 3))
print(math.modf(3.75), math.modf(-2.5), math.frexp(80.0), math.ldexp(0.625, 7), math.remainder(10, 3))
print(math.factorial(20), math.gcd(462, 1071), math.gcd(0, 0), math.gcd(12, 18, 27), math.lcm(4, 6, 10), math.lcm())
print(math.comb(52, 5), math.perm(10, 3), math.perm(5), math.isqrt(10 ** 20 + 1), math.prod([1, 2, 3, 4]), math.prod([], start=7))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.dist((0, 0), (3, 4)), math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2))
print(math.isfinite(1e308), math.isinf(-math.inf), math.erf(1), math.erfc(1), math.gamma(5), math.lgamma(10))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.ulp(0.0), math.fsum([1e100, 1.0, -1e100]))
