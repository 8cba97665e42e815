# Subclassing list: extra methods and attributes, overridden append,
# slicing and concatenation returning plain lists, isinstance and repr.
class Stack(list):
    def push(self, x):
        self.append(x)
        return self

    def peek(self):
        if not self:
            raise IndexError("peek at empty stack")
        return self[-1]


s = Stack([1, 2])
s.push(3).push(4)
print(s, len(s), s.peek(), s.pop(), s, isinstance(s, list), type(s).__name__)
print(type(s[1:]).__name__, type(s + [9]).__name__, s == [1, 2, 3], sorted(s, reverse=True))
s.label = "mine"
print(s.label, sum(s), 2 in s, list(reversed(s)))
try:
    Stack().peek()
except IndexError as e:
    print("IndexError:", e)


class Logged(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.log = []

    def append(self, x):
        self.log.append(f"append {x!r}")
        super().append(x)

    def __setitem__(self, i, v):
        self.log.append(f"set [{i}]={v!r}")
        super().__setitem__(i, v)

    def __repr__(self):
        return f"Logged({list.__repr__(self)})"


L = Logged("ab")
L.append("c")
L[0] = "A"
L.extend("de")
print(L, L.log, len(L))


class Uniq(list):
    def append(self, x):
        if x not in self:
            super().append(x)


u = Uniq()
for ch in "mississippi":
    u.append(ch)
print(u, u.count("s"), u.index("p"))
