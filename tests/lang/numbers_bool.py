# bool: a subclass of int with two values.
print(True, False, repr(True), str(False), type(True).__name__, isinstance(True, int))
print(True + True, True * 10, -True, ~True, ~False, True / 2, True // 2, True % 2, True ** 10)
print(True & False, True | False, True ^ True, False ^ False, True & 1, True | 2, type(True & True).__name__,
      type(True & 1).__name__, True << 3, True >> 1)
print(True == 1, False == 0, True == 1.0, True is True, hash(True), hash(False), True < 2, False > -1)
print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool("a"), bool([]), bool([0]), bool(None), bool(2**100))
print({True: "a", 1: "b", 1.0: "c"}, sum([True, True, False]), max(True, 0), [1, 2, 3][True])
print(int(True), float(False), str(True).upper(), f"{True}", f"{True:d}", f"{False:>6}", "%d" % True)
print(True.bit_length(), True.real, True.imag, True.conjugate(), False.as_integer_ratio())
try:
    bool(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    bool(x=1)
except TypeError as e:
    print("TypeError:", e)
