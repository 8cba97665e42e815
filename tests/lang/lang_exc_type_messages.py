# Common TypeError messages from operators and builtins, as CPython 3.11
# words them.
five, none, pair = 5, None, (1, 2)
cases = [
    lambda: "a" + 1, lambda: 1 + "a", lambda: [1] + (2,), lambda: "a" * 2.0, lambda: None + 1,
    lambda: five[0], lambda: none[0], lambda: pair[0:1:"x"], lambda: {}[[]], lambda: len(5),
    lambda: int([1]), lambda: float({}), lambda: abs("x"), lambda: -"x", lambda: ~1.5,
    lambda: "x" < 1, lambda: [1] < (1,), lambda: sorted([None, 1]), lambda: sum(["a", "b"]),
    lambda: pair[none], lambda: "abc".index(1), lambda: iter(5), lambda: hash([]),
    lambda: {1: 2}.get(), lambda: "".join([1]), lambda: divmod("a", 1), lambda: round("x"),
    lambda: chr("a"), lambda: ord("ab"), lambda: range(1.5), lambda: list(1), lambda: tuple(None),
    lambda: max(1, "a"), lambda: (lambda x: x)(), lambda: print(sep=1),
]
for c in cases:
    try:
        c()
        print("no error?!")
    except TypeError as e:
        print("TypeError:", e)
