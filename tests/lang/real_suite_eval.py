# exec/eval/compile facts: namespaces (caller's, explicit globals/locals,
# class bodies), code objects from compile(), round-tripping repr() through
# eval, and the errors for bad arguments.
x = 5
name = "bob"
print(eval("1 + 2 * x"), eval("name.upper()", {"name": "z"}), eval("a", {}, {"a": 7}), eval("x", None, None))
exec("y = x * 10\nprint('exec', y)")
print(y)
ns = {}
exec("def sq(v): return v * v\nr = sq(9)", ns)
print(ns["r"], ns["sq"](3), sorted(k for k in ns if k != "__builtins__"), "__builtins__" in ns)
code = compile("3 + 4", "<expr>", "eval")
print(eval(code), eval(code, {}), exec(code), type(code).__name__)
prog = compile("total = sum(range(n))\nitems = [total] * 2", "<calc>", "exec")
for n in (3, 10):
    env = {"n": n}
    print(exec(prog, env), env["total"], env["items"], eval(prog, env))


def func(a):
    b = a * 2
    exec("c = a + b")
    return eval("a + b"), eval("[a * i for i in range(3)]", {"a": a}), eval("lambda q: q + a", {"a": a})(1)


print(func(5))


class K:
    exec("z = 42")
    w = eval("z + 1")


print(K.z, K.w)
g = {}
exec("def f(n):\n    return 1 if n < 2 else n * f(n - 1)\nval = f(10)\n", g)
print(g["val"], g["f"](5))
for value in [1.5, None, (2,), {"k": {3}}, "it's \"q\" \n", [1, [2, [3]]], -0.0, 10 ** 30, True, {}]:
    back = eval(repr(value))
    print(repr(back), back == value, type(back) is type(value))
print([eval("i * i") for i in range(4)], eval("lambda v: v + x", {"x": 10})(5), eval("max(x)", {"x": [3, 9]}))
print(eval(b"1+1"), eval("\t 3"), eval("\n1\n"), eval("(1,\n 2)"), eval("x  # comment"), eval("__name__"))
print(eval("[n for n in range(20) if n % 7 == 3]"), eval("{k: v for k, v in zip('ab', 'xy')}"), eval("sorted({3, 1, 2})"))
loc = {"q": 1}
exec("q += 1\nr = q * 3", {}, loc)
print(sorted(loc.items()))
for src in ["x = 1", "import os", "1; 2", "pass", "", "   ", "# just a comment", "1 +", "(1", "del x"]:
    try:
        print(repr(src), "->", eval(src, {"x": 1}))
    except SyntaxError as e:
        print(repr(src), "SyntaxError", e.msg)
for fn in (lambda: eval(5), lambda: exec(5), lambda: compile("1", "f", "bad"), lambda: eval("1\0"), lambda: compile(5, "f", "exec"),
           lambda: compile("1", 5, "exec"), lambda: compile("1", "f"), lambda: eval(), lambda: eval("1", {}, {}, {}),
           lambda: eval("1", globals={}), lambda: eval("1/0"), lambda: exec("raise KeyError('k')"), lambda: eval("1", []),
           lambda: exec("1", []), lambda: eval("1", {}, 5), lambda: exec("1", {}, 5), lambda: eval("undefined_name"),
           lambda: exec("a = 1\nb = a +\n")):
    try:
        print("value:", fn())
    except Exception as e:
        print(type(e).__name__ + ":", e)
d = {}
print(exec(compile("1 + 2", "f", "eval"), d), sorted(k for k in d if k != "__builtins__"))
print(eval(compile("(q := 4) * 2", "f", "eval"), d), d["q"])
