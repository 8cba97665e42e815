def outer():
    def inner():
        return v
    r = inner()
    v = 3
    return r
outer()
