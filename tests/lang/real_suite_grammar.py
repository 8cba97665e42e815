# test_grammar-style: assignment forms, calls, scoping, operators; results printed.
x = y = z = 1
a, (b, c), *d = 1, (2, 3), 4, 5
print(x, y, z, a, b, c, d)
first, *mid, last = "abcde"
print(first, mid, last)
*init, tail = [1]
print(init, tail)
[p, q] = (q, p) = 7, 8
print(p, q)
l = [0, 1, 2, 3]
l[1:3], l[0] = ("x",), "y"
print(l)
i = 0
l2 = [10, 20, 30]
i, l2[i] = 1, 99
print(i, l2)
n = 5
n += 3; n -= 1; n *= 2; n //= 3; n **= 2; n %= 7; n <<= 3; n >>= 1; n |= 1; n &= 13; n ^= 6
print(n)
s = "a"; s *= 3; s += "b"
print(s)
t = (1,); t += (2,)
print(t)

def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 2, 3, 4, c=5, e=6, f=7))
print(f(*[1, 2], *(3,), c=0, **{"d": 9, "z": 1}))
def g(pos, /, norm, *, kw): return pos, norm, kw
print(g(1, 2, kw=3), g(1, norm=2, kw=3))
for call in (lambda: g(pos=1, norm=2, kw=3), lambda: f(), lambda: f(1, c=1, c2=2, b=3, **{"b": 4}), lambda: g(1, 2, 3)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
def defaults(x, acc=[]):
    acc.append(x)
    return acc
defaults(1)
print(defaults(2), defaults.__defaults__, f.__kwdefaults__, f.__name__, g.__code__.co_argcount if hasattr(g, "__code__") else "")

counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)

def make_acc():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    return add
acc = make_acc()
print(acc(5), acc(10), [acc(i) for i in range(3)])

funcs = [lambda k=k: k * k for k in range(4)]
late = [lambda: k for k in range(4)]
print([fn() for fn in funcs], [fn() for fn in late])

print(1 if 0 else 2, "yes" if [] else "no", (lambda *a, **k: (a, k))(1, x=2))
print(not 1, not 0, 1 and 2, 0 and 2, 1 or 2, 0 or "", None or 0 or [] or "last")
print(-2 ** 2, (-2) ** 2, 2 ** 3 ** 2, 7 // 2 * 2 + 7 % 2, 1 + 2 * 3 - 4 / 2, ~5, -~5, 1 << 2 + 1)
print(3 < 5 != 4, 1 < 2 > 1.5, "b" in "abc" not in "xyz", [1] == [1] is not None, (1, 2) < (1, 2, 0))
if (m := len("hello")) > 3:
    print("walrus", m)
vals = [y for x in range(5) if (y := x * x) % 2 == 0]
print(vals, y)
print([(i, j) for i in range(3) for j in range(i) if j != 1], {k: v for k, v in zip("ab", "xy")}, {c for c in "hello"} == set("helo"))
print([[r * c for c in range(3)] for r in range(3)])

k = 0
while True:
    k += 1
    if k % 2:
        continue
    if k > 6:
        break
else:
    print("not reached")
for j in range(3):
    pass
else:
    print("for-else", j)
while k < 0:
    pass
else:
    print("while-else", k)

del l[0], l2[:]
print(l, l2)
dd = {"a": 1, "b": 2}
del dd["a"]
print(dd)
try:
    del dd["zz"]
except KeyError as e:
    print("KeyError", e)
try:
    print(undefined_name)
except NameError as e:
    print("NameError:", e)
def uses_before():
    try:
        print(local_v)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    local_v = 1
uses_before()
print(0x_ff if False else 0xff, 0o17, 0b1010, 1_000_000, 1e3, 1.5e-3, .5, 5., 0.0 == -0.0, "a" "b" 'c', r"\n", b"x" + b"y")
print("""tri
ple""", '\x41\u0042\u0063', "\101", len("\\"), "tab\there")
assert True, "never"
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("AssertionError:", e)
print(type(Ellipsis).__name__, ... is Ellipsis, None is None, NotImplemented)
