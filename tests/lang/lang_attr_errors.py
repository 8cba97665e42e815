# AttributeError messages for instances, classes, modules and builtins, and
# the getattr/setattr/hasattr/delattr builtins.
import math


class A:
    cls_attr = 1


a = A()
cases = [lambda: a.missing, lambda: A.missing, lambda: math.nope, lambda: (1).nope,
         lambda: "s".nope, lambda: None.nope, lambda: [].nope, lambda: A.cls_attr.real.nope]
for f in cases:
    try:
        f()
    except AttributeError as e:
        print("AttributeError:", e)
setattr(a, "dyn", 5)
print(getattr(a, "dyn"), getattr(a, "nope", "dflt"), hasattr(a, "cls_attr"), hasattr(a, "zz"))
delattr(a, "dyn")
print(hasattr(a, "dyn"))
try:
    delattr(a, "cls_attr")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(a, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    (5).real = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    "abc".upper = None
except AttributeError as e:
    print("AttributeError:", e)
