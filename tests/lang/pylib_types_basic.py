# types: SimpleNamespace and the names of the interpreter's types.
import types
import sys
from types import SimpleNamespace


def plain(a, b=1):
    return a + b


def gen():
    yield 1


class K:
    def meth(self):
        return 1


checks = [
    (plain, types.FunctionType), (lambda: 0, types.LambdaType), (gen(), types.GeneratorType),
    (K().meth, types.MethodType), (len, types.BuiltinFunctionType),
    ([].append, types.BuiltinMethodType), (sys, types.ModuleType), (None, types.NoneType),
    (..., types.EllipsisType), (NotImplemented, types.NotImplementedType),
    (plain.__code__, types.CodeType), (list[int], types.GenericAlias),
    (int | str, types.UnionType),
]
for obj, t in checks:
    print(t.__name__, isinstance(obj, t), type(obj) is t)
print(isinstance(gen, types.GeneratorType), isinstance(K.meth, types.MethodType))
print(isinstance(K.meth, types.FunctionType), isinstance(print, types.FunctionType))
print(types.FunctionType is types.LambdaType, types.NoneType is type(None))
print(repr(types.UnionType), repr(types.NoneType))


def dispatch(x):
    if isinstance(x, types.FunctionType):
        return "function " + x.__name__
    if isinstance(x, types.BuiltinFunctionType):
        return "builtin " + x.__name__
    if isinstance(x, types.MethodType):
        return "method " + x.__func__.__name__
    if isinstance(x, types.ModuleType):
        return "module " + x.__name__
    return "other " + type(x).__name__


for x in [plain, len, K().meth, sys, 3]:
    print(dispatch(x))

ns = SimpleNamespace(b=2, a="x")
print(ns, repr(ns), ns.a, ns.b, vars(ns))
print(ns == SimpleNamespace(a="x", b=2), ns != SimpleNamespace(), ns == {"a": "x", "b": 2})
ns.c = [1]
del ns.b
ns.a += "y"
print(ns, sorted(ns.__dict__), hasattr(ns, "b"), getattr(ns, "b", "gone"))
for bad in ((1,), ({"a": 1},)):
    try:
        SimpleNamespace(*bad)
    except TypeError as e:
        print("TypeError:", e)
try:
    ns.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    hash(ns)
except TypeError as e:
    print("TypeError:", e)
try:
    {ns: 1}
except TypeError as e:
    print("TypeError:", e)


class Config(SimpleNamespace):
    def describe(self):
        return ", ".join([k + "=" + str(v) for k, v in sorted(vars(self).items())])


cfg = Config(debug=True, level=3)
print(cfg, cfg.describe(), isinstance(cfg, SimpleNamespace), Config() == SimpleNamespace())
me = SimpleNamespace()
me.me = me
print(me, SimpleNamespace(), type(ns), SimpleNamespace.__module__)
print(SimpleNamespace(**{"x y": 1}), SimpleNamespace(nested=SimpleNamespace(v=[1, 2])))
records = [SimpleNamespace(name=n, score=s) for n, s in [("a", 3), ("b", 1), ("c", 2)]]
print([r.name for r in sorted(records, key=lambda r: r.score)])

Dyn = types.new_class("Dyn", (K,), {}, lambda ns: ns.update({"v": 5}))
print(Dyn.__name__, Dyn.v, Dyn().meth(), Dyn.__bases__)
print(types.resolve_bases((int, str)), types.prepare_class("X", (int,))[0])
m = types.ModuleType("mymod", "a doc")
m.x = 1
print(m.__name__, m.__doc__, m.x)
