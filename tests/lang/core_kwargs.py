def f(a, b, *args, key=None, **kw):
    print(a, b, args, key, sorted(kw.items()))
f(1, 2)
f(1, 2, 3, 4, key="k", z=1, y=2)
f(b=1, a=2)
args = (1, 2, 3)
kw = {"key": 5, "q": 6}
f(*args, **kw)
def kwonly(*, x, y=3):
    return x + y
print(kwonly(x=1), kwonly(x=1, y=1))
def posonly(a, b, /, c):
    return a * 100 + b * 10 + c
print(posonly(1, 2, 3), posonly(1, 2, c=4))
