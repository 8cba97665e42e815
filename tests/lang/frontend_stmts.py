# imports, annotations, del, global at module level, star targets, while/else
import math
import math as m
from math import sqrt, pi as PI
print(math.floor(2.5), m.ceil(2.5), sqrt(16), round(PI, 2))
x: int = 5
y: "a string annotation"
z: list = [1, 2]
print(__annotations__)
def f(a: int, b: "str" = "x", *c: float, d: bool = True, **e: dict) -> None:
    v: int = 3
    return v
print(f.__annotations__)
print(f(1))
global gx
gx = 1
def setg():
    global gx
    gx += 10
setg()
print(gx)
data = [(1, [2, 3]), (4, [5, 6])]
for a, (b, *c) in data:
    print(a, b, c)
for i, (p, q) in enumerate(zip("ab", "cd")):
    print(i, p + q)
n = 0
while n < 3:
    n += 1
else:
    print("while else", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("not printed")
lst = list(range(10))
del lst[1], lst[-1]
del lst[::3]
print(lst)
v = 1
del v
try:
    print(v)
except NameError as err:
    print(err)
def g():
    del gx_local
try:
    g()
except UnboundLocalError as err:
    print(err)
d = {}
d["k"] = d.get("k", 0) + 1
d["k"] += 1
print(d)
class_free = 3
def h(k=class_free * 2, *, w=class_free + 1):
    return k, w
print(h(), h.__defaults__, h.__kwdefaults__)
if x > 3:
    pass
elif x:
    print("no")
else:
    print("no")
print(not x, -x, +x, ~x, x if x else 0)
s = "abc"
print(s[1], s[-1], s[::-1], s[0:2])
t = 1,
print(t, (), (1, 2) + (3,))
a = b = c = []
a.append(1)
print(a, b, c, a is b)
print(isinstance(3, int), type(3.0).__name__, len({1: 2}))
