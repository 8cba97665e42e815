# __hash__: defining __eq__ without __hash__ makes instances unhashable;
# custom hashes make equal objects collide in sets and dicts.
class Key:
    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()

    def __hash__(self):
        return hash(self.name.lower())

    def __repr__(self):
        return f"Key({self.name!r})"


d = {Key("Alpha"): 1}
d[Key("ALPHA")] = 2
d[Key("beta")] = 3
print(len(d), d[Key("alpha")], list(d.values()))
print(len({Key("x"), Key("X"), Key("y")}), Key("q") in {Key("Q")})


class EqOnly:
    def __eq__(self, other):
        return True


print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print("TypeError:", e)
try:
    {EqOnly(): 1}
except TypeError as e:
    print("TypeError:", e)


class Default:
    pass


x = Default()
print(hash(x) == hash(x), x in {x}, Default() in {x})


class Explicit:
    __hash__ = None


try:
    {Explicit()}
except TypeError as e:
    print("TypeError:", e)


class IntHash:
    def __hash__(self):
        return 12345


print(hash(IntHash()), hash(7), hash(-1), hash((1, 2)) == hash((1, 2)))
