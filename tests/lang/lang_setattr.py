# __setattr__ and __delattr__: intercepting every assignment (including
# in __init__), using object.__setattr__ to store, and validation.
class Record:
    def __init__(self, **fields):
        object.__setattr__(self, "_log", [])
        for k, v in fields.items():
            setattr(self, k, v)

    def __setattr__(self, name, value):
        self._log.append(f"set {name}={value!r}")
        if name.startswith("_"):
            raise AttributeError(f"cannot set private attribute {name!r}")
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        self._log.append(f"del {name}")
        if name == "id":
            raise AttributeError("id is permanent")
        object.__delattr__(self, name)


r = Record(id=7, name="x")
r.name = "y"
r.extra = [1]
del r.extra
for action in (lambda: setattr(r, "_hidden", 1), lambda: delattr(r, "id"),
               lambda: delattr(r, "missing")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
print(r._log)
print(sorted(k for k in vars(r) if not k.startswith("_")), r.id, r.name)


class Frozen:
    __slots__ = ()

    def __setattr__(self, name, value):
        raise TypeError(f"{type(self).__name__} is frozen")


try:
    Frozen().a = 1
except TypeError as e:
    print("TypeError:", e)


class Counted:
    def __setattr__(self, name, value):
        super().__setattr__(name, value)
        super().__setattr__("count", getattr(self, "count", 0) + 1)


c = Counted()
c.a = 1
c.b = 2
c.a = 3
print(c.a, c.b, c.count)
