import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.me = self
    def __del__(self):
        print("del", self.name, self.me is self)
class Bad:
    def __del__(self):
        1/0
def f():
    Node("a")
    Node("b")
f()
print(gc.collect())
b = Bad()
del b
print("after bad")
class Res:
    keep = []
    def __init__(self): self.me = self
    def __del__(self):
        print("resurrect")
        Res.keep.append(self)
Res()
print(gc.collect())
print(len(Res.keep))
Res.keep.clear()
print(gc.collect())
c = Node("exit")
