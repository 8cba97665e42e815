def f():
    y = 10
    return [x + y for x in range(3)]
print(f())
def g():
    fs = [lambda: k for k in range(3)]
    return [h() for h in fs]
print(g())
