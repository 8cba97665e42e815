# copy.copy and copy.deepcopy: shallow copies share nested objects, deep
# copies do not; shared references and cycles are preserved by deepcopy;
# instances are copied attribute-wise; __copy__/__deepcopy__ hooks.
import copy

orig = {"list": [1, [2, 3]], "tuple": (4, [5]), "n": 6}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append("x")
orig["tuple"][1].append("y")
orig["n"] = 0
print(shallow, deep, shallow["list"] is orig["list"], deep["list"] is orig["list"])
shared = [1]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is cyc, len(dc))
t = (1, 2, "s")
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is not None)


class Node:
    def __init__(self, val, kids=()):
        self.val = val
        self.kids = list(kids)

    def __repr__(self):
        return f"Node({self.val}, {self.kids})"


tree = Node(1, [Node(2), Node(3, [Node(4)])])
t2 = copy.deepcopy(tree)
t3 = copy.copy(tree)
tree.kids[1].kids[0].val = 40
print(t2, t3, t3.kids is tree.kids, type(t2).__name__)


class Tracked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("  __copy__ called")
        return Tracked(self.v)

    def __deepcopy__(self, memo):
        print("  __deepcopy__ called")
        return Tracked(copy.deepcopy(self.v, memo))


tr = Tracked([1])
a, b = copy.copy(tr), copy.deepcopy(tr)
print(a.v is tr.v, b.v is tr.v, b.v == tr.v)
s = {1, 2}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy([s])[0] is s)
