# copy and deepcopy of class instances
import copy

class Node:
    def __init__(self, name, children=None):
        self.name = name
        self.children = children or []
    def __repr__(self):
        return "Node(%s, %r)" % (self.name, self.children)

tree = Node("root", [Node("a"), Node("b", [Node("c")])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
tree.children[1].children.append(Node("new"))
print(shallow.children is tree.children, deep.children is tree.children)
print(tree)
print(deep)
print(type(deep).__name__, deep.__dict__.keys())

class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Custom(self.v)
    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))

c = Custom([1, 2])
c2 = copy.copy(c)
c3 = copy.deepcopy(c)
print(c2.v is c.v, c3.v == c.v, c3.v is c.v)

class Stateful:
    def __init__(self):
        self.data = [1]
        self.cache = "big"
    def __getstate__(self):
        state = self.__dict__.copy()
        del state["cache"]
        return state
    def __setstate__(self, state):
        self.__dict__.update(state)
        self.cache = "rebuilt"

s = copy.deepcopy(Stateful())
print(s.data, s.cache)

class Ring:
    pass
r = Ring()
r.me = r
r.items = [r, 1]
rc = copy.deepcopy(r)
print(rc.me is rc, rc.items[0] is rc, rc is not r)

class MyList(list):
    pass
ml = MyList([1, [2]])
ml.tag = "t"
mc = copy.deepcopy(ml)
print(type(mc).__name__, mc, mc.tag, mc[1] is ml[1])
