# Subclassing dict: __missing__ for defaults, overridden __setitem__ (not
# used by update()), attribute access, and dict methods on subclasses.
class Default(dict):
    def __missing__(self, key):
        value = self[key] = len(key)
        return value


d = Default(a=1)
print(d["a"], d["hello"], d, "zz" in d, d.get("zz"), type(d).__name__)


class Lower(dict):
    def __setitem__(self, key, value):
        super().__setitem__(key.lower(), value)

    def __getitem__(self, key):
        return super().__getitem__(key.lower())


low = Lower()
low["KeY"] = 1
low.update({"UPDATED": 2})
print(low, low["KEY"], list(low))


class AttrDict(dict):
    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None

    def __setattr__(self, name, value):
        self[name] = value


ad = AttrDict(x=1)
ad.y = 2
print(ad.x, ad.y, ad, isinstance(ad, dict))
try:
    ad.z
except AttributeError as e:
    print("AttributeError:", e)


class Counting(dict):
    def __init__(self, iterable=()):
        super().__init__()
        for item in iterable:
            self[item] = self.get(item, 0) + 1


c = Counting("banana")
print(c, sorted(c.items(), key=lambda kv: -kv[1])[0], len(c), c.keys() == {"b", "a", "n"})
