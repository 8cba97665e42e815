# C3 method resolution order: diamonds, deeper hierarchies, mro() and the
# attribute each class resolves to.
class O:
    def who(self):
        return "O"


class A(O):
    def who(self):
        return "A"


class B(O):
    def who(self):
        return "B"


class C(O):
    pass


class D(A, B):
    pass


class E(B, C):
    def who(self):
        return "E"


class F(D, E):
    pass


def names(cls):
    return [k.__name__ for k in cls.__mro__]


for cls in (D, E, F):
    print(cls.__name__, names(cls), cls().who())
print([k.__name__ for k in F.mro()])


class K1: pass
class K2: pass
class K3: pass
class Z1(K1, K2): pass
class Z2(K2, K3): pass
class Z3(K1, K3): pass
class Top(Z1, Z2, Z3): pass


print(names(Top))
print(issubclass(Top, K3), isinstance(Top(), Z2), object in Top.__mro__)
