# Instance and class namespaces: __dict__, vars(), __class__, dir()
# filtering, and class __dict__ entries.
class Base:
    kind = "base"

    def method(self):
        return 1


class Child(Base):
    extra = True

    def __init__(self):
        self.a = 1
        self.b = [2]


c = Child()
print(c.__dict__, vars(c) is c.__dict__)
c.__dict__["c"] = 3
print(c.c, sorted(vars(c)))
print(sorted(k for k in Child.__dict__ if not k.startswith("__")))
print(sorted(k for k in dir(c) if not k.startswith("__")))
print(c.__class__.__name__, c.__class__.__base__.__name__, Child.__dict__["extra"])
print("kind" in Child.__dict__, "kind" in Base.__dict__, Child.kind)
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
c.__dict__.clear()
print(hasattr(c, "a"), c.kind)
