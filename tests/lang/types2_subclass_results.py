# Operations on instances of int/str/float/tuple subclasses: which give the base type.
import math, operator
class I(int): pass
x = I(5)
for name, v in [("pos", +x), ("abs", abs(x)), ("int", int(x)), ("index", operator.index(x)), ("floordiv1", x // 1), ("lsh0", x << 0), ("round", round(x)), ("real", x.real), ("num", x.numerator), ("floor", math.floor(x)), ("trunc", math.trunc(x)), ("mul1", x * 1), ("add0", x + 0), ("or0", x | 0), ("pow1", x ** 1), ("conj", x.conjugate()), ("neg", -x), ("inv", ~x), ("big", I(10**30) + 0), ("ceil", math.ceil(x)), ("float", float(x)), ("divmod", divmod(x, 1)[0]), ("format", format(x, "")), ("str", str(x)), ("bool", bool(x)), ("round2", round(x, 2)), ("sum", sum([x])), ("max", max(x, 1))]:
    print(name, type(v).__name__, v)
class S(str): pass
s = S("abc")
for name, v in [("strip", s.strip()), ("lower", s.lower()), ("replace", s.replace("z", "y")), ("mul1", s * 1), ("add", s + ""), ("slice", s[:]), ("str", str(s)), ("format", format(s, "")), ("fmt", f"{s}"), ("join", "".join([s])), ("center", s.center(2)), ("ljust", s.ljust(1)), ("zfill", s.zfill(1)), ("expand", s.expandtabs()), ("title", S("Abc").title()), ("rstrip", s.rstrip("z")), ("removeprefix", s.removeprefix("z")), ("translate", s.translate({})), ("casefold", s.casefold()), ("mod", S("%s") % ("q",)), ("split0", s.split()[0]), ("repr", repr(s)), ("getitem", s[0])]:
    print(name, type(v).__name__, v)
class F(float): pass
f = F(2.0)
for name, v in [("pos", +f), ("abs", abs(f)), ("float", float(f)), ("real", f.real), ("conj", f.conjugate()), ("mul1", f * 1), ("round", round(f, 1)), ("int", int(f))]:
    print(name, type(v).__name__, v)
class T(tuple): pass
t = T((1, 2))
for name, v in [("slice", t[:]), ("add", t + ()), ("mul1", t * 1), ("tuple", tuple(t)), ("radd", () + t)]:
    print(name, type(v).__name__, v)
