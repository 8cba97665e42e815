# __repr__ and __str__: print uses str, containers use repr of elements,
# str falls back to __repr__, and format()/f-strings use __str__/__format__.
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


class Both:
    def __repr__(self):
        return "Both<repr>"

    def __str__(self):
        return "Both<str>"


class OnlyStr:
    def __str__(self):
        return "just str"


a, b, c = OnlyRepr(), Both(), OnlyStr()
print(a, b, c)
print(repr(a), repr(b), str(a), str(b))
print([a, b], (b,), {"k": b})
print(f"{a} {b} {b!r} {b!s} {a!r}")
print("%s %r" % (b, b), "{} {!r}".format(b, b))
print(repr(c).startswith("<__main__.OnlyStr object at 0x"), str([c]).startswith("[<__main__.OnlyStr"))


class Inherits(Both):
    pass


print(Inherits(), [Inherits()])


class BadRepr:
    def __repr__(self):
        return 42


try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)


class Rec:
    def __init__(self):
        self.items = [1, self]

    def __repr__(self):
        return f"Rec({len(self.items)})"


r = Rec()
print(r, r.items)
lst = [1, 2]
lst.append(lst)
print(lst)
