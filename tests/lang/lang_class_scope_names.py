# More class-body name resolution: nonlocal-free reads, global declarations
# in class bodies, and methods referring to the class by its global name.
counter = 0


def make():
    n = 10

    class K:
        global counter
        counter += 1
        m = n + 1
        names = sorted(k for k in ("m", "n") if k)

        def get(self):
            return n, K_global_ref()

    return K


def K_global_ref():
    return "module function"


K = make()
print(counter, K.m, K.names, K().get())
K2 = make()
print(counter, K2 is K)


class Outer:
    value = 1

    class Inner:
        value = 2

        def which(self):
            return "Inner", self.value

    def make_inner(self):
        return Outer.Inner()


print(Outer.Inner().which(), Outer().make_inner().value, Outer.Inner.__qualname__)


class Shadow:
    len = len
    print = "not print"
    size = len("four")


print(Shadow.size, Shadow.print, Shadow.len("ab"))
