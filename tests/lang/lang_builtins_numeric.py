# Numeric builtins: sum with start (and floats), round with ndigits,
# divmod on ints and floats, abs, pow, min/max mixing int and float,
# any/all short-circuit.
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 3), sum([[1], [2]], []), sum(range(101)), sum((), 5))
print(round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(1234.5678, -2), round(7), type(round(2.0)).__name__)
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(-17.5, 5), abs(-7.25), abs(3), abs(-0.0))
print(pow(2, 10), pow(2.0, -1), pow(-8, 3), max(1, 2.5, 2), min(-1, -1.0), max(True, 0))
calls = []


def check(v):
    calls.append(v)
    return v


print(any(check(v) for v in [0, 0, 3, 4]), calls)
calls.clear()
print(all(check(v) for v in [1, 2, 0, 4]), calls)
print(any([]), all([]), any("0"), all([[]]), hex(-255), oct(64), bin(-5), int("-0b101", 0))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
