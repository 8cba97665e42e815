# copy.copy and copy.deepcopy on builtin containers
import copy

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(99)
a[2]["k"].append(100)
print(a, s, d, s[1] is a[1], d[1] is a[1])
t = (1, 2, (3, 4))
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
dt = copy.deepcopy(t2)
print(dt, dt is t2, dt[1] is t2[1])
cyc = [1, 2]
cyc.append(cyc)
cc = copy.deepcopy(cyc)
print(cc[2] is cc, cc[2] is cyc, len(cc))
dd = {"self": None}
dd["self"] = dd
cd = copy.deepcopy(dd)
print(cd["self"] is cd, cd is dd)
shared = [0]
pair = [shared, shared]
cp = copy.deepcopy(pair)
print(cp[0] is cp[1], cp[0] is shared)
st = {1, 2, 3}
print(copy.copy(st), copy.copy(st) is st, copy.deepcopy(frozenset([1, 2])))
print(copy.copy(5), copy.copy("s"), copy.copy(None), copy.copy(len) is len, copy.deepcopy(3.5))
ba = bytearray(b"xyz")
cb = copy.copy(ba)
cb[0] = 65
print(ba, cb)
memo = {}
inner = [1]
outer = [inner, inner]
r = copy.deepcopy(outer, memo)
print(r, id(inner) in memo, memo[id(inner)] is r[0])
nested = {"a": [1, {"b": (2, [3])}]}
deep = copy.deepcopy(nested)
deep["a"][1]["b"][1].append(4)
print(nested, deep)
def f():
    return 1
print(copy.copy(f) is f, copy.deepcopy(f) is f, copy.deepcopy(range(3)))
import sys
try:
    copy.copy(sys)
except TypeError as e:
    print("TypeError", e)
print(issubclass(copy.Error, Exception), copy.error is copy.Error)
from collections import deque, defaultdict, OrderedDict, Counter
dq = deque([[1], [2]], maxlen=5)
dq2 = copy.deepcopy(dq)
dq[0].append(0)
print(dq, dq2, copy.copy(dq))
df = defaultdict(list, {"a": [1]})
df2 = copy.deepcopy(df)
df["a"].append(2)
print(df, df2, copy.copy(df) == df)
od = OrderedDict([("x", [1]), ("y", [2])])
print(copy.deepcopy(od), copy.copy(od))
cn = Counter("hello")
print(copy.deepcopy(cn), copy.copy(cn))
