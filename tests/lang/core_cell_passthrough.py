def a():
    x = 1
    def b():
        def c():
            def d():
                return x
            return d
        return c
    return b
fb = a(); fc = fb(); fd = fc()
for f in (a, fb, fc, fd):
    print(f.__code__.co_cellvars, f.__code__.co_freevars)
print(fd())
