# Classes made and freed in a loop: a new class may reuse a freed one's
# memory, and a cache entry for the old class must never match it.

def read(o):
    return o.value

def call(o):
    return o.get()

def store(o):
    o.slot = 1
    return o.__dict__ if hasattr(o, "__dict__") else "no dict"


results = []
for i in range(200):
    if i % 4 == 0:
        class K:
            value = i
            def get(self):
                return "K%d" % i
    elif i % 4 == 1:
        class K:
            @property
            def value(self):
                return -i
            def get(self):
                return ["list", i]
    elif i % 4 == 2:
        class K:
            __slots__ = ("value", "slot")
            def __init__(self):
                self.value = i * 10
            get = None
    else:
        class K:
            def __init__(self):
                self.value = "inst%d" % i
            def __getattr__(self, name):
                return lambda: "ga " + name
    o = K()
    r = read(o)
    try:
        m = call(o)
    except TypeError as e:
        m = "TypeError: " + str(e)
    results.append((r, m, store(o)))
    del K, o

for r in results[:8] + results[-4:]:
    print(r)
print(len(results))

# __slots__ members and a class attribute of the same-named subclass
class S:
    __slots__ = ("a",)
class T(S):
    pass

def get_a(o):
    return o.a

s, t = S(), T()
for o in (s, t):
    try:
        get_a(o)
    except AttributeError as e:
        print("AttributeError:", e)
s.a, t.a = 1, 2
print(get_a(s), get_a(t), t.__dict__)
t.__dict__["a"] = "shadow?"
print(get_a(t))
del s.a
try:
    get_a(s)
except AttributeError as e:
    print("AttributeError:", e)

# builtin types through the same sites
print(read.__name__)
def app(x, v):
    x.append(v)
    return x
l = []
for k in range(3):
    app(l, k)
class L(list):
    pass
ll = L()
app(ll, 5)
L.append = lambda self, v: list.append(self, v * 100)
app(ll, 6)
ll.append = "shadowed"
print(l, ll, ll.__dict__)
