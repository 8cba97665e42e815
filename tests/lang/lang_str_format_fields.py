# str.format field syntax: auto and manual numbering, keywords, indexing,
# attribute access, conversions, nested replacement fields in specs,
# literal braces, and the error messages for malformed formats.
class P:
    def __init__(self):
        self.x, self.y = 3, [10, 20]


p = P()
print("{} + {} = {}".format(1, 2, 3), "{1}{0}{1}".format("a", "b"), "{name}!".format(name="hi"))
print("{0.x} {0.y[1]} {d[key]} {d[key][0]} {t[2]}".format(p, d={"key": "vw"}, t=(7, 8, 9)))
print("{!r} {!s} {!a} {!r:>8}".format("é", "é", "é", "é"))
print("{:{}{}}|{:>{w}.{p}f}|{x:{f}^{n}}".format("c", "^", 7, 3.14159, w=8, p=2, x="m", f="*", n=5))
print("{{literal}} {{{0}}} }}{{".format("inside"))
print("{:%}".format(0.25), "{:,}".format(10 ** 9), "{0:b} {0:o} {0:x}".format(37))
print("{0[0]}{0[1]}".format("ab"), "{a.real}".format(a=5), "{[-1]}".format({"-1": "str key"}), "{[2]}".format({2: "int key"}))
for fmt, args, kwargs in [("{", (), {}), ("}", (), {}), ("{0}{}", (1, 2), {}), ("{}{0}", (1,), {}),
                          ("{2}", (1,), {}), ("{x}", (), {}), ("{0.nope}", (1,), {}),
                          ("{0[5]}", ([1],), {}), ("{!x}", (1,), {}), ("{:d}", ("s",), {})]:
    try:
        print(repr(fmt.format(*args, **kwargs)))
    except (ValueError, IndexError, KeyError, AttributeError) as e:
        print(f"{fmt!r:10} {type(e).__name__}: {e}")
print("{:>6}|{!s:<6}|{:^6}".format(True, None, 1.5), format(True, "d"), "{}".format([1, "a"]))
print("{0}-{0}".format(*["rep"]), "{k}".format(**{"k": "from dict"}), "{}".format_map.__name__)
print("{x} {y}".format_map({"x": 1, "y": 2}))
