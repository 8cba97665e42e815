# An inconsistent hierarchy raises TypeError at class creation; duplicate
# bases too.
class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass


try:
    class C(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(X, X):
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(X, A):
        pass
except TypeError as e:
    print("TypeError:", e)


class Fine(A, X):
    pass


print([k.__name__ for k in Fine.__mro__])
