"""A cell passes from a through b and c, which never use the name, to d."""


def a():
    x = "held by a's cell"

    def b():
        def c():
            def d():
                return x
            return d
        return c
    return b


if __name__ == "__main__":
    fb = a()
    fc = fb()
    fd = fc()
    for f in (a, fb, fc, fd):
        code = f.__code__
        print(f.__qualname__, "cellvars:", code.co_cellvars, "freevars:", code.co_freevars)
    print(fd())
    print(fd.__closure__[0].cell_contents is fb.__closure__[0].cell_contents)
