# Class attributes are shared by all instances: a mutable class-level list
# is the classic pitfall; assignment through an instance creates an
# instance attribute instead; augmented assignment reads then writes.
class Bad:
    items = []

    def add(self, x):
        self.items.append(x)


class Good:
    def __init__(self):
        self.items = []

    def add(self, x):
        self.items.append(x)


b1, b2 = Bad(), Bad()
b1.add(1)
b2.add(2)
g1, g2 = Good(), Good()
g1.add(1)
g2.add(2)
print(b1.items, b2.items, b1.items is Bad.items, g1.items, g2.items)


class Counter:
    total = 0

    def bump(self):
        self.total += 1
        return self.total


c1, c2 = Counter(), Counter()
print(c1.bump(), c1.bump(), c2.bump(), Counter.total, vars(c1), vars(c2))
Counter.total = 100
print(Counter().bump(), c1.total)


class Registry:
    members = {}

    def __init__(self, name):
        self.members[name] = self
        self.name = name


for n in ["x", "y", "z"]:
    Registry(n)
print(list(Registry.members), Registry.members["y"].name)
