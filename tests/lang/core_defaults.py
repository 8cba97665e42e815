def f(a, b=2, c=[]):
    c.append(a)
    return a, b, len(c)
print(f(1)); print(f(1, 3)); print(f(5, c=[9]))
print(f.__defaults__[0])
counter = 10
def g(x=counter):
    return x
counter = 20
print(g())
