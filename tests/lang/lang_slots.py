# __slots__: no per-instance __dict__, assignment restricted to the slots,
# unset slots raise AttributeError, and subclasses without __slots__ get a
# __dict__ again.
class P:
    __slots__ = ("x", "y")

    def __init__(self, x):
        self.x = x


p = P(1)
p.y = 2
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
q = P(5)
try:
    q.y
except AttributeError as e:
    print("AttributeError:", e)
del p.y
print(hasattr(p, "y"))
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)


class Q(P):
    pass


q2 = Q(9)
q2.anything = "ok"
print(q2.x, q2.anything, hasattr(q2, "__dict__"))


class R(P):
    __slots__ = ("z",)


r = R(1)
r.z = 26
print(r.x, r.z, hasattr(r, "__dict__"))
try:
    r.w = 0
except AttributeError as e:
    print("AttributeError:", e)


class S:
    __slots__ = "only"


s = S()
s.only = "single string slot"
print(s.only, type(S.__dict__["only"]).__name__)
