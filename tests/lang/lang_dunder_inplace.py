# In-place operators: __iadd__ and friends mutate and return self; when
# absent, `a += b` falls back to __add__ and rebinds; lists vs tuples.
class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        self.items.append(other)
        return self

    def __isub__(self, other):
        self.items.remove(other)
        return self

    def __imul__(self, k):
        self.items = self.items * k
        return self

    def __ior__(self, other):
        self.items.extend(other)
        return self


a = Acc()
alias = a
a += 1
a += 2
a -= 1
a *= 2
a |= [9]
print(a.items, a is alias)


class Imm:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Imm(self.v + other)


x = Imm(1)
y = x
x += 5
print(x.v, y.v, x is y)


class Bad:
    def __iadd__(self, other):
        return None


b = Bad()
b += 1
print(b)
lst = [1]
keep = lst
lst += (2, 3)
print(lst, keep is lst)
t = (1,)
tkeep = t
t += (2,)
print(t, tkeep, t is tkeep)
s = "ab"
s *= 3
print(s)
n = 7
n **= 2
n //= 3
n %= 10
n <<= 3
n |= 1
n ^= 0b110
n &= 0xff
n >>= 1
print(n)
try:
    lst += 5
except TypeError as e:
    print("TypeError:", e)
