# Class-body scoping: names in a class body are looked up locally, then in
# globals (not in enclosing function scopes for `x = x`), and functions
# defined in the class body do not see class-level names.
x = "global x"
y = "global y"


def outer():
    x = "outer x"
    y = "outer y"

    class C:
        x = x          # class body: local lookup, then GLOBAL -> "global x"
        z = y          # y is free: read from the enclosing function's cell
        w = z + "!"

        def method(self):
            return x   # function scope skips the class: outer's x

        def get_z(self):
            try:
                return z
            except NameError as e:
                return "NameError: " + str(e)

    return C


C = outer()
print(C.x)
print(C.z)
print(C.w)
print(C().method())
print(C().get_z())


def outer2():
    v = 1

    class D:
        v = 2
        items = [v * 10 for _ in range(2)]

        def f(self):
            return v

    return D


D = outer2()
print(D.v, D.items, D().f())


class E:
    a = 5
    b = [a + i for i in range(3)] if False else None
    c = a * 2

    def g(self):
        return E.a + self.a


print(E.c, E.b, E().g())
