# Truth testing: __bool__ first, then __len__, else always true; errors
# for wrong return types and negative lengths.
class B:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print(f"  __bool__({self.v})")
        return self.v


class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class Both(L):
    def __bool__(self):
        return True


print(bool(B(True)), bool(B(False)))
print(bool(L(0)), bool(L(3)), len(L(7)), bool(Both(0)), bool(object()))
print("yes" if L(2) else "no", not L(0), [x for x in [L(0), L(1), L(2)] if x].__len__())
print(B(False) or "fallback", B(True) and "second")
if not B(False):
    print("not works")
while L(0):
    print("never")
for bad in (B(1), B("yes")):
    try:
        bool(bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    len(L(-1))
except ValueError as e:
    print("ValueError:", e)
try:
    len(L("3"))
except TypeError as e:
    print("TypeError:", e)
try:
    len(object())
except TypeError as e:
    print("TypeError:", e)
