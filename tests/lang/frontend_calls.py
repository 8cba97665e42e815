# calls: positional, keyword, *args, **kwargs, keyword-only, defaults,
# method calls, nested calls, and the code objects that describe them
def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())

print(f(1, c=3))
print(f(1, 5, 6, 7, c=3, d=0, e=9, f=8))
print(f(*[1, 2, 3], **{"c": 4, "z": 5}))
print(f(1, *(2,), *[3, 4], c=0, **{"x": 1}, **{"y": 2}))
args, kw = (10,), {"c": 30}
print(f(*args, **kw), f(*args, b=20, **kw))

def pos_only(a, b, /, c, *, d):
    return a + b + c + d
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))

print("-".join(["a", "b"]), "x y".split(), " pad ".strip().upper())
print(sorted([3, 1, 2], key=lambda v: -v), sorted("bca", reverse=True))
print(max([1, 5, 3], key=lambda v: (v % 3, v)), min(4, 2, 8, key=abs))
print(dict(a=1, **{"b": 2}), list(map(int, "123")), list(zip("ab", [1, 2])))
print(print is print, callable(f), f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount, f.__code__.co_posonlyargcount,
      f.__code__.co_varnames)
print(pos_only.__code__.co_posonlyargcount, pos_only.__code__.co_argcount)

def consts():
    """doc"""
    return (1, 2), -3, 2 ** 8, "a" "b", b"x", 1.5, None, ..., [4, 5][0], 10 // 4
print(consts.__code__.co_consts, consts.__doc__)

def fmt(a, b):
    return "%s=%r" % (a, b), "%5s|%-4s|" % (a, b)
print(fmt("k", "v"), fmt.__code__.co_consts)

def loop(n):
    t = 0
    for i in [1, 2, 3]:
        if i in [2, 3] and n not in {7, 8}:
            t += i * n
    return t
print(loop(2), loop(7), loop.__code__.co_consts)
print(len(consts.__code__.co_code) > 0, type(consts.__code__.co_code).__name__)
