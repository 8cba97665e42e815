# generator expressions: the first iterable is evaluated at once, in the
# enclosing scope; the rest lazily, in the genexp's own scope
def noisy(name, items):
    print("iter", name)
    return items

g = (x * y for x in noisy("outer", [1, 2]) for y in noisy("inner", [10, 20]))
print("created")
print(list(g))

# an error in the first iterable is raised at creation
try:
    g = (x for x in 42)
except TypeError as e:
    print("TypeError:", e)

# an error in a later iterable only when run
g = (x for x in [1] for y in 42)
print("created lazily")
try:
    next(g)
except TypeError as e:
    print("TypeError:", e)

# class bodies: the first iterable sees class names, the element does not
class C:
    items = [1, 2, 3]
    doubled = list(x * 2 for x in items)
    factor = 10
    try:
        scaled = list(x * factor for x in items)
    except NameError as e:
        print("NameError:", e)
print(C.doubled)

# closures over the enclosing function's variables, late binding
def make():
    k = 1
    g = (x + k for x in range(3))
    k = 100
    return g
print(list(make()))

# the loop variable does not leak
x = "outer x"
total = sum(x for x in range(5))
print(total, x)

# nested generator expressions and conditions
print(list((i, j) for i in range(4) if i % 2 for j in range(i) if j != 1))
print(sorted((v for v in {3, 1, 2}), reverse=True))
print(max(len(w) for w in "a bb ccc".split()), any(c == "b" for c in "abc"))
print("".join(ch.upper() for ch in "gen"), dict((i, i * i) for i in range(3)))
ge = (i for i in range(2))
print(type(ge).__name__, ge.__name__, repr(ge).split(" at ")[0])
print(iter(ge) is ge, next(ge), next(ge), next(ge, "done"))
