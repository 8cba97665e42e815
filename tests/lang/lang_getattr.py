# __getattr__ is called only for missing attributes; it can synthesize
# values, delegate to a wrapped object, or raise AttributeError (so that
# getattr defaults and hasattr work).
class Proxy:
    def __init__(self, target):
        self._target = target
        self.hits = 0

    def __getattr__(self, name):
        self.hits += 1
        if name.startswith("secret"):
            raise AttributeError(f"{type(self).__name__!r} hides {name!r}")
        return getattr(self._target, name)


p = Proxy([3, 1, 2])
p.append(0)
print(p._target, p.count(1), p.hits)
print(hasattr(p, "secret_key"), getattr(p, "secret_x", "default"), p.hits)
try:
    p.secret
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.nonexistent
except AttributeError as e:
    print("AttributeError:", e)


class Dyn:
    x = 1

    def __getattr__(self, name):
        return name.upper() * 2


d = Dyn()
d.y = 5
print(d.x, d.y, d.zz, getattr(d, "abc"))


class Lazy:
    def __getattr__(self, name):
        if name == "expensive":
            print("  computing...")
            self.expensive = 42
            return self.expensive
        raise AttributeError(name)


lz = Lazy()
print(lz.expensive, lz.expensive)
