# Generators as __iter__ methods of classes, generators holding references
# to their objects, and several independent iterations at once.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def levels(self):
        level = [self]
        while level:
            yield [t.value for t in level]
            level = [c for t in level for c in t.children]

    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves()


t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6, Tree(7))))
print(list(t), sum(t), max(t), 6 in t, 9 in t)
print(list(t.levels()), list(t.leaves()))
a, b = iter(t), iter(t)
print(next(a), next(a), next(b), next(a), next(b))
print([(x, y) for x in Tree(1, Tree(2)) for y in Tree(3, Tree(4))])


class Range2:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1

    def __reversed__(self):
        return iter(range(self.n - 1, -1, -1))


r = Range2(4)
print(list(r), list(reversed(r)), list(zip(r, reversed(r))))
