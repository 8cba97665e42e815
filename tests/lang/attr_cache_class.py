# Attribute caches must notice every change to a class: each helper runs the
# same LOAD_ATTR / LOAD_METHOD / STORE_ATTR sites before and after a change.

def read_x(o):
    return o.x

def call_m(o):
    return o.m()

def set_y(o, v):
    o.y = v


class A:
    x = 1
    def m(self):
        return "A.m"

class B(A):
    pass

class C(B):
    pass


a, b, c = A(), B(), C()
print([read_x(o) for o in (a, b, c)], [call_m(o) for o in (a, b, c)])

# class attribute reassigned after use, on the class itself and on a base
A.x = 2
print([read_x(o) for o in (a, b, c)])
B.x = 3
print([read_x(o) for o in (a, b, c)])

# method replaced on a base class after calls through a subclass
for _ in range(3):
    call_m(c)
A.m = lambda self: "new A.m"
print([call_m(o) for o in (a, b, c)])
B.m = lambda self: "B.m"
print([call_m(o) for o in (a, b, c)])

# del of a class attribute: falls back to the base, then to an error
del B.x
print([read_x(o) for o in (a, b, c)])
del B.m
print([call_m(o) for o in (a, b, c)])
del A.x
for o in (a, b, c):
    try:
        read_x(o)
    except AttributeError as e:
        print("AttributeError:", e)

# instance attribute shadowing a method (and the class attribute)
A.x = 10
for _ in range(3):
    call_m(b)
b.m = lambda: "instance m"
b.x = "instance x"
print(call_m(a), call_m(b), call_m(c), read_x(a), read_x(b), read_x(c))
del b.m
print(call_m(b))

# property added later takes precedence over the instance dict
for _ in range(3):
    set_y(c, 1)
print(c.y, c.__dict__)
A.y = property(lambda self: "prop y", lambda self, v: print("setter", v))
set_y(c, 5)
print(c.y, c.__dict__)
del A.y
print(c.y)
set_y(c, 6)
print(c.y)

# a non-data descriptor added later does not beat the instance dict
class NonData:
    def __get__(self, obj, typ=None):
        return "nondata"
A.z = NonData()
c.z = "dict z"
print(c.z, a.z)

# __getattr__ added later: called only for missing names
def read_missing(o):
    return o.missing

for o in (a, b):
    try:
        read_missing(o)
    except AttributeError as e:
        print("AttributeError:", e)
A.__getattr__ = lambda self, name: "getattr " + name
print(read_missing(a), read_missing(c), read_x(c))
del A.__getattr__
try:
    read_missing(c)
except AttributeError as e:
    print("AttributeError:", e)

# __getattribute__ added later overrides everything
B.__getattribute__ = lambda self, name: "ga " + name
print(read_x(a), read_x(b), read_x(c), call_m(a))
del B.__getattribute__
print(read_x(a), read_x(b), read_x(c))

# __setattr__ added later
log = []
A.__setattr__ = lambda self, name, v: log.append((name, v))
set_y(a, 7)
set_y(c, 8)
print(log, "y" in a.__dict__)
del A.__setattr__
set_y(a, 9)
print(a.y)
