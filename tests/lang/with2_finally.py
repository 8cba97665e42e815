# with blocks inside finally bodies that are inlined by return/continue/break,
# and return from a with block inside a finally.
class T:
    def __init__(self, t): self.t = t
    def __enter__(self): print("+", self.t); return self.t
    def __exit__(self, *a): print("-", self.t, a[0]); return self.t == "s"
def f():
    for i in range(3):
        try:
            if i == 0:
                continue
            if i == 1:
                return "r"
        finally:
            with T(i) as v:
                print("finally", v)
                if i == 1:
                    with T("s"):
                        raise KeyError
print(f())
def g():
    try:
        return "x"
    finally:
        with T("g"):
            return "y"
print(g())
def h():
    while True:
        with T("h1"), T("h2"):
            try:
                break
            finally:
                print("fin")
    return "h"
print(h())
