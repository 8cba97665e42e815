def outer():
    a = 1
    def mid():
        def inner():
            nonlocal a
            a += 10
            return a
        return inner
    f = mid()
    f(); f()
    return a
print(outer())
