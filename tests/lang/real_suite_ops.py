# Sequence repetition against user classes (which operand gets its turn, and
# the TypeError texts), and %c with ints, __index__ objects and bad values.
class M:
    def __mul__(self, o):
        return NotImplemented


class R:
    def __rmul__(self, o):
        return "R.rmul(%r)" % (o,)


class Both:
    def __mul__(self, o):
        return "Both.mul"

    def __rmul__(self, o):
        return "Both.rmul"


class N:
    pass


class LL(list):
    pass


cases = [
    lambda: M() * "x", lambda: "x" * M(), lambda: "ab" * R(), lambda: R() * "ab",
    lambda: Both() * "s", lambda: "s" * Both(), lambda: N() * "x", lambda: "x" * N(),
    lambda: M() + "x", lambda: "x" + M(), lambda: [1] * M(), lambda: M() * [1],
    lambda: [1] * R(), lambda: R() * [1], lambda: [1] * Both(), lambda: Both() * [1],
    lambda: [1] * N(), lambda: [1] * LL([2]), lambda: LL([1, 2]) * 2, lambda: 2 * LL([3]),
    lambda: type(LL([1]) * 2).__name__, lambda: "ab" * 2.0, lambda: 2.0 * [1], lambda: None * "x",
]
for i, f in enumerate(cases):
    try:
        print(i, repr(f()))
    except TypeError as e:
        print(i, "TypeError:", e)
s = "ab"
s *= R()
print(s)
lst = [1]
lst *= R()
print(lst)
lst = [1]
try:
    lst *= N()
except TypeError as e:
    print("TypeError:", e)


class I:
    def __index__(self):
        return 0x263A


class Bad:
    def __index__(self):
        raise ValueError("nope")


class BadT:
    def __index__(self):
        raise TypeError("tt")


class Big:
    def __index__(self):
        return 2 ** 80


for v in (True, 65, I(), 2 ** 70, -1, "é", "", 1.0, Bad(), BadT(), Big(), [1]):
    try:
        print(repr("%c|%3c|%-3c|" % (v, v, v)))
    except Exception as e:
        print(type(e).__name__, e)


class RN:
    calls = 0

    def __rmul__(self, o):
        RN.calls += 1
        return NotImplemented


for f in (lambda: "ab" * RN(), lambda: [1] * RN(), lambda: RN() * "ab", lambda: RN() * [1]):
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)
print("RN.__rmul__ calls:", RN.calls)


class XN:
    def __radd__(self, o):
        return NotImplemented


class XR:
    def __radd__(self, o):
        return "XR.radd"


class XA:
    def __add__(self, o):
        return NotImplemented


for f in (lambda: "ab" + XN(), lambda: [1] + XN(), lambda: "ab" + XR(), lambda: [1] + XR(),
          lambda: XA() + "s", lambda: XA() + [1]):
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)
s = "a"
s += XR()
print(s)
lst = [1]
try:
    lst += XN()
except TypeError as e:
    print("TypeError:", e)
lst = [1]
lst += XR()
print(lst)
lst = [1]
lst += (2, 3)
lst += "ab"
print(lst)
