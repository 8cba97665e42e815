# generators defined in classes: methods, properties, class-body use
class Tree:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)

    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c

    def walk(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.walk(depth + 1)

    @property
    def leaves(self):
        if not self.children:
            yield self.value
        for c in self.children:
            yield from c.leaves

t = Tree(1, [Tree(2, [Tree(4), Tree(5)]), Tree(3, [Tree(6)])])
print(list(t))
print(list(t.walk()))
print(list(t.leaves))
g = t.walk()
print(repr(g).split(" at ")[0])

class Counter:
    def gen():
        yield "in class body"
    values = list(gen())
    squares = [n * n for n in range(4)]

    @staticmethod
    def count(n):
        i = 0
        while i < n:
            yield i
            i += 1

    @classmethod
    def names(cls):
        for k in sorted(vars(cls)):
            if not k.startswith("_"):
                yield k

print(Counter.values, Counter.squares)
print(list(Counter.count(3)), list(Counter().count(2)))
print(list(Counter.names()))
print(repr(Counter.count(1)).split(" at ")[0])

class Fib:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        a, b = 0, 1
        for _ in range(self.n):
            yield a
            a, b = b, a + b

print(list(Fib(10)), sum(Fib(20)))
print([x for x in Fib(8) if x % 2 == 0])
