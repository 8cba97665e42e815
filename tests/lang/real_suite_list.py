# test_list-style facts: construction, methods, slicing, sorting, comparisons.
results = []
def t(name, got, want):
    status = "ok" if got == want else "FAIL"
    results.append(status)
    print("%-22s %-4s %r" % (name, status, got))

a = [5, 3, 8, 1]
t("len", len(a), 4)
t("index", a.index(8), 2)
t("index range", [1, 2, 1, 2].index(2, 2), 3)
t("count", [1, 1, 2, 1].count(1), 3)
b = a.copy(); b.append(0)
t("copy independent", (a, b), ([5, 3, 8, 1], [5, 3, 8, 1, 0]))
b.extend("xy")
t("extend str", b[-2:], ["x", "y"])
b.insert(0, "start"); b.insert(-1, "mid")
t("insert", b, ["start", 5, 3, 8, 1, 0, "x", "mid", "y"])
t("pop default", b.pop(), "y")
t("pop index", b.pop(1), 5)
b.remove("x")
t("remove", b, ["start", 3, 8, 1, 0, "mid"])
b.reverse()
t("reverse", b, ["mid", 0, 1, 8, 3, "start"])
b.clear()
t("clear", b, [])
c = sorted(a)
a.sort()
t("sort in place", a, c)
t("sort returns None", [3, 1].sort(), None)
words = ["pear", "Apple", "fig", "banana", "Cherry", "date"]
t("sort key", sorted(words, key=str.lower), ["Apple", "banana", "Cherry", "date", "fig", "pear"])
t("sort len stable", sorted(words, key=len), ["fig", "pear", "date", "Apple", "banana", "Cherry"])
t("sort rev stable", sorted(words, key=len, reverse=True), ["banana", "Cherry", "Apple", "pear", "date", "fig"])
recs = [("b", 2), ("a", 2), ("c", 1), ("a", 1)]
t("multi-pass sort", sorted(sorted(recs, key=lambda r: r[0]), key=lambda r: r[1], reverse=True), [("a", 2), ("b", 2), ("a", 1), ("c", 1)])
t("tuple sort", sorted(recs), [("a", 1), ("a", 2), ("b", 2), ("c", 1)])
t("sort floats ints", sorted([3, 1.5, -2, 0.0, True]), [-2, 0.0, True, 1.5, 3])
t("sort strings", sorted(["b", "B", "a", "_", "1"]), ["1", "B", "_", "a", "b"])
t("slice copy", a[:] is not a and a[:] == a, True)
t("slice step", list(range(10))[1:8:3], [1, 4, 7])
t("slice neg step", list(range(10))[8:1:-3], [8, 5, 2])
t("slice oob", [1, 2][5:10], [])
s = list(range(6)); s[1:3] = []
t("slice delete", s, [0, 3, 4, 5])
s[1:1] = [9, 9]
t("slice insert", s, [0, 9, 9, 3, 4, 5])
s[::2] = "abc"
t("ext slice assign", s, ["a", 9, "b", 3, "c", 5])
del s[1::2]
t("ext slice del", s, ["a", "b", "c"])
t("mul", [0] * 3 + [1] * 2, [0, 0, 0, 1, 1])
nested = [[]] * 2; nested[0].append(1)
t("mul aliasing", nested, [[1], [1]])
t("compare", ([1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1.0, 2.0], [] < [0]), (True, True, True, True))
t("in", (3 in [1, 2, 3], [1] in [[1]], "a" in ["ab"]), (True, True, False))
t("comprehension", [x * y for x in range(3) for y in range(3) if x != y], [0, 0, 0, 2, 0, 2])
t("nested comp", [[i for i in range(j)] for j in range(3)], [[], [0], [0, 1]])
t("list of str", list("abc"), ["a", "b", "c"])
t("list of dict", list({"x": 1, "y": 2}), ["x", "y"])
t("enumerate", list(enumerate(["a", "b"], 1)), [(1, "a"), (2, "b")])
t("reversed", list(reversed([1, 2, 3])), [3, 2, 1])
t("iadd", (lambda l: (l.__iadd__((3,)), l)[1])([1]), [1, 3])
t("imul", (lambda l: [l.__imul__(2), l][1])([7]), [7, 7])
t("max key", max([[1, 2], [3], [0, 0, 0]], key=len), [0, 0, 0])
t("sum lists", sum([[1], [2, 3]], []), [1, 2, 3])
t("repr", repr([1, "a", None, 2.5, [True]]), "[1, 'a', None, 2.5, [True]]")
t("bool", (bool([]), bool([0])), (False, True))
for label, fn in [("index miss", lambda: [1].index(2)), ("pop empty", lambda: [].pop()), ("pop range", lambda: [1].pop(5)),
                  ("remove miss", lambda: [].remove(0)), ("getitem", lambda: [1][1]), ("setitem", lambda: [].__setitem__(0, 1)),
                  ("bad index", lambda: [1][str(0)]), ("sort mixed", lambda: sorted([1, None])), ("ext size", lambda: [1, 2, 3].__setitem__(slice(None, None, 2), [1])),
                  ("step zero", lambda: [1][::0]), ("hash", lambda: hash([])), ("add tuple", lambda: [1] + (2,)), ("mul float", lambda: [1] * 2.0)]:
    try:
        fn()
        print(label, "no error")
    except Exception as e:
        print("%-22s %s: %s" % (label, type(e).__name__, e))
print(results.count("ok"), "passed,", results.count("FAIL"), "failed")
