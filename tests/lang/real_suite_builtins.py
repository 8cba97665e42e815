# test_builtin-style: facts about builtin functions, printed one per line.
import sys

def show(label, *vals):
    print(label + ":", *[repr(v) for v in vals])

show("abs", abs(-3), abs(-2.5), abs(True), abs(-0.0))
show("all/any", all([]), any([]), all([1, 0]), any([0, "", None, 3]))
show("bin/oct/hex", bin(10), bin(-10), oct(64), hex(-255), hex(2 ** 70))
show("bool", bool(), bool([]), bool([0]), bool(0.0), bool("0"))
show("chr/ord", chr(97), ord("a"), chr(0x1F600) == "\U0001F600")
show("divmod", divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(7.5, 2), divmod(-7.5, 2))
show("enumerate", list(enumerate("abc", start=10)))
show("filter", list(filter(None, [0, 1, "", "x", None, [], [0]])), list(filter(lambda x: x % 3, range(10))))
show("float", float("1e3"), float(" -2.5 "), float("inf"), float("-nan") != float("nan"), float(7))
show("int", int("ff", 16), int("0x1f", 0), int("  42 "), int(-3.9), int("1_000"), int("z", 36), int(True))
show("isinstance", isinstance(1, (str, int)), isinstance(True, int), isinstance([], (tuple, dict)))
show("issubclass", issubclass(bool, int), issubclass(int, (str, object)), issubclass(KeyError, LookupError))
show("iter/next", next(iter([5])), next(iter([]), "dflt"))
show("len", len(""), len([1, 2]), len({1: 2}), len(range(0, 10, 3)), len(set("aab")))
show("list/tuple", list("ab"), tuple([1, 2]), list(range(3)), tuple(), list({"a": 1, "b": 2}))
show("map", list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")), list(map(lambda a, b: a + b, "ab", "xyz")))
show("max", max(3, 1, 2), max([1, 5, 3]), max([], default=0), max("a", "bb", key=len), max([(1, "b"), (1, "a")]))
show("min", min(3, 1, 2), min([4, 2, 8], key=lambda x: -x), min((), default=None), min([3, 1, 1.0]))
show("pow", pow(2, 10), pow(2, -1), pow(3, 4, 5), pow(-2, 3), pow(2.0, 0.5), pow(7, -1, 13), 0 ** 0)
show("range", list(range(5, 0, -2)), range(3)[1], range(10)[2:8:3], 5 in range(0, 10, 5), range(0, 10, 3).index(6))
show("repr", repr(None), repr(1.0), repr([1, (2,), {3: "4"}]), repr(()), repr((1,)), repr(set()), repr({1}))
show("reversed", list(reversed([1, 2, 3])), list(reversed(range(4))), "".join(reversed("abc")))
show("round", round(2.5), round(3.5), round(-0.5), round(1.25, 1), round(1234, -2), round(0.125, 2), round(5))
show("sorted", sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted({3: 1, 1: 2}))
show("str", str(1.5), str(None), str(b"x"), str([1.0, "a"]), str(10 ** 30))
show("sum", sum([1, 2, 3]), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101), 1000), sum([True, True]))
show("type", type(1).__name__, type("").__name__, type(None).__name__, type(type).__name__)
show("zip", list(zip("ab", [1, 2, 3])), list(zip()), list(zip(*[(1, 2), (3, 4)])))
show("callable", callable(len), callable(1), callable(str), callable(lambda: 0))
show("hash eq", hash(1) == hash(1.0), hash(True) == hash(1), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
show("getattr", getattr([], "append").__name__, getattr(1, "nope", "d"), hasattr("", "join"), hasattr(1, "x"))
show("id", id(None) == id(None), id([]) is not None)
show("ascii", ascii("naïve"), ascii([1, "é"]))
show("format", format(1234.5, ",.1f"), format("x", ">3"), format(255, "#06x"), format(True), format(None))
show("slice", slice(1, 5, 2), slice(3).indices(10), slice(None, None, -1).indices(4), [0, 1, 2, 3][slice(1, 3)])
show("vars", sorted(vars(type("K", (), {"a": 1}))) [:3] if False else "skip")
show("dict", dict(a=1, b=2), dict([(1, 2)], c=3), dict.fromkeys("ab", 0), dict(zip("xy", range(2))))
show("set ops", {1, 2} | {3}, {1, 2} & {2, 3}, {1, 2} - {2}, {1, 2} ^ {2, 3}, frozenset([1]) == {1})
show("int big", 2 ** 100, -(2 ** 64) // 3, (2 ** 64) % 1000, int("9" * 30) + 1, 10 ** 20 // 7 ** 10)
show("float ops", 7 / 2, 7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** -2, 1e308 * 10, 7.0 // 2, -7.5 % 2)
show("cmp chain", 1 < 2 < 3, 1 < 3 < 2, 1 == 1.0 == True, "a" < "b" > "a")
show("bool arith", True + True, True * 10, -True, ~True, True & False, True | 0)
show("int methods", (255).bit_length(), (-1).bit_length(), (10).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
show("float methods", (0.5).as_integer_ratio(), (3.0).is_integer(), (2.5).is_integer(), float.fromhex("0x1p-2") if hasattr(float, "fromhex") else 0.25)
show("sys", sys.maxsize == 2 ** 63 - 1, type(sys.argv).__name__, sys.version_info[0], sys.version_info >= (3, 8))

errors = [
    lambda: int("abc"), lambda: float("x1"), lambda: chr(-1), lambda: ord("ab"), lambda: [].pop(),
    lambda: {}["k"], lambda: (1, 2)[5], lambda: 1 / 0, lambda: 1 % 0, lambda: 2.0 / 0, lambda: max([]),
    lambda: min(1), lambda: sum(["a"]), lambda: sorted([1, "a"]), lambda: next(iter([])), lambda: len(5),
    lambda: divmod(1, 0), lambda: pow(2, -1, 4), lambda: int("10", 1), lambda: range(1, 2, 0),
    lambda: round("x"), lambda: abs("x"), lambda: hash([]), lambda: [1, 2].index(3), lambda: "a" * 1.5,
    lambda: list(1), lambda: dict([1]), lambda: zip(1), lambda: bin(1.0), lambda: getattr(1, "real_x"),
    lambda: isinstance(1, 1), lambda: (1).__add__("x") + 1, lambda: [].remove(1), lambda: setattr(1, "x", 2),
]
for i, f in enumerate(errors):
    try:
        r = f()
        print(i, "returned", repr(r))
    except Exception as e:
        print(i, type(e).__name__, "-", e)
