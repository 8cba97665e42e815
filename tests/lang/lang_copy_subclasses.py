import copy
from collections import namedtuple
P = namedtuple("P", "x y")
p = P(1, [2, 3])
c = copy.copy(p); d = copy.deepcopy(p)
print(c, d, c.y is p.y, d.y is p.y, type(d).__name__)
class T(tuple):
    pass
t = T((1, [2]))
t.tag = "t"
ct = copy.copy(t); dt = copy.deepcopy(t)
print(ct, type(ct).__name__, ct.tag, dt[1] is t[1], dt.tag)
class S(str):
    pass
s = S("abc"); s.k = 5
print(copy.copy(s), type(copy.deepcopy(s)).__name__, copy.deepcopy(s).k)
class I(int):
    pass
i = I(7); i.a = [1]
j = copy.deepcopy(i)
print(j, type(j).__name__, j.a, j.a is i.a)
