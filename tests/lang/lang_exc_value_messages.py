# Common ValueError/IndexError/KeyError messages from builtins.
cases = [
    lambda: int("abc"), lambda: int("12", 2), lambda: int("", 10), lambda: float("1,5"),
    lambda: int("5", 1), lambda: [1, 2].index(3), lambda: (1, 2).index(3), lambda: "ab".index("c"),
    lambda: [].pop(), lambda: [1][5], lambda: (1,)[2], lambda: "ab"[9], lambda: {}["k"],
    lambda: {1}.remove(2), lambda: range(5)[10], lambda: range(0, 10, 0), lambda: chr(-1),
    lambda: chr(0x110000), lambda: bytes([300]), lambda: divmod(1, 0),
    lambda: 10 % 0, lambda: 2.0 ** -1 / 0, lambda: [1, 2].remove(5),
    lambda: dict.fromkeys([1]).pop(2), lambda: ("a", "b")[1:][5], lambda: "x".center(-1, "ab"),
    lambda: (1, 2, 3)[-4], lambda: list(range(3))[3:][0], lambda: "%d" % "x",
]
for c in cases:
    try:
        c()
        print("no error?!")
    except (ValueError, IndexError, KeyError, ZeroDivisionError, LookupError, TypeError) as e:
        print(f"{type(e).__name__}: {e}")
