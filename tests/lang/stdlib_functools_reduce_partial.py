# reduce and partial
from functools import reduce, partial
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(operator.mul, range(1, 11)), reduce(max, [3, 9, 2]))
print(reduce(lambda acc, x: acc + [x * 2], [1, 2, 3], []), reduce(operator.add, [], 0), reduce(operator.add, [5]))
print(reduce(lambda a, b: a * 10 + b, [1, 2, 3], 7), reduce(operator.concat, ["ab", "cd", "ef"]))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError", e)
try:
    reduce(operator.add)
except TypeError as e:
    print("TypeError", e)
try:
    reduce(operator.add, 5)
except TypeError as e:
    print("TypeError", e)

def power(base, exp, *, mod=None):
    return pow(base, exp, mod) if mod else base ** exp

square = partial(power, exp=2)
cube = partial(power, exp=3)
print(square(5), cube(2), square(7, mod=10), square(3, exp=4))
two_to = partial(power, 2)
print(two_to(10), two_to(exp=5), two_to.func is power, two_to.args, two_to.keywords)
p = partial(max, 1, 2, key=abs)
print(p, p(-5), p(-1, 0))
pp = partial(partial(print, "a", sep="-"), "b", end="!\n")
pp("c")
print(pp.args, pp.keywords, pp.func is print)
def f(*args, **kw):
    return args, kw
g = partial(f, 1, x=1)
print(g(2, y=2), g(x=9), partial(f)(), partial(f, a=1)(a=2))
basetwo = partial(int, base=2)
print(basetwo("10010"), [basetwo(s) for s in ["1", "11", "111"]])
print(list(map(partial(operator.mul, 3), range(5))))
try:
    partial()
except TypeError as e:
    print("TypeError", e)
try:
    partial(5)
except TypeError as e:
    print("TypeError", e)
g.extra = "attr"
print(g.extra, g.__dict__)
