# Class-body scoping (issue #4): a class body looks names up in its own
# namespace first, then in the globals -- never in the enclosing function.
# So inside a function, `x = x` in a class body reads the GLOBAL x (the
# body assigns x, so x is local to the class namespace and skipped over
# the enclosing function), while `y = x2` reads the enclosing function's
# x2 through a free variable (LOAD_CLASSDEREF).

x = "global x"
x2 = "global x2"


def make():
    x = "function x"
    x2 = "function x2"

    class C:
        x = x       # assigned in the body: looked up in the class, then globals
        y = x2      # only read: the enclosing function's cell

        def method(self):
            return x    # methods skip the class scope: the function's x

    return C


C = make()
print("C.x =", C.x)
print("C.y =", C.y)
print("C().method() =", C().method())


class Counter:
    total = 0
    names = [n for n in ("a", "b")]  # the comprehension cannot see `total`

    def __init__(self, name):
        self.name = name
        Counter.total += 1

    def __repr__(self):
        return f"Counter({self.name!r})"


cs = [Counter(n) for n in Counter.names]
print(cs, Counter.total)
