# str methods: searching, splitting, stripping, joining, padding, replacing.

def show(*xs):
    print(*[repr(x) for x in xs])

s = "Hello, World! Hello!"
show(s.find("Hello"), s.find("Hello", 1), s.find("Hello", 1, 10), s.find("xyz"))
show(s.rfind("Hello"), s.rfind("Hello", 0, 10), s.rfind(""), s.find(""), s.find("", 100))
show(s.index("World"), s.rindex("l"), s.count("l"), s.count("l", 5), s.count(""), s.count("", 3, 6))
show(s.startswith("Hell"), s.startswith("ello", 1), s.startswith(("x", "He")), s.endswith("!"))
show(s.endswith("Hello", 0, -1), s.endswith(("a", "b")), "".startswith(""), "abc".startswith("", 3), "abc".startswith("", 4))

show("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "  a  b  c  ".split())
show("  a  b  c  ".split(None, 1), "  a  b  c  ".rsplit(None, 1), "a b".split(maxsplit=0), "".split(), "".split(","))
show("x--y--z".split("--"), "x--y--z".rsplit("--", maxsplit=1), "a\tb\nc\x0bd\x1ce".split())
show("one\ntwo\r\nthree\rfour\n".splitlines(), "one\ntwo\r\n".splitlines(True), "".splitlines(), "x\u2028y\x85z".splitlines())

show("  pad  ".strip(), "  pad  ".lstrip(), "  pad  ".rstrip(), "xxpadyx".strip("xy"), "abc".strip(""), "\u3000a\u3000".strip())
show("www.example.com".lstrip("cmowz."), "mississippi".rstrip("ips"), "abc".removeprefix("ab"), "abc".removesuffix("bc"), "abc".removeprefix("x"))

show(", ".join(["a", "b", "c"]), "".join(("x", "y")), "-".join("abc"), "-".join([]), "+".join(map(str, range(5))), "".join(iter("it")))
show("abc".center(9), "abc".center(8, "*"), "abc".ljust(6, "."), "abc".rjust(6), "abc".center(2), "ab".center(5, "é"))
show("42".zfill(5), "-42".zfill(6), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
show("a\tbc\td".expandtabs(), "a\tbc\td".expandtabs(4), "x\ty\n\tz".expandtabs(2), "\t".expandtabs(0))
show("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"))
show("banana".partition("an"), "banana".rpartition("an"), "banana".partition("x"), "banana".rpartition("x"))

t = str.maketrans("abc", "xyz", "d")
show(t)
show("abcdd-cab".translate(t), "hello".translate({ord("l"): None, ord("o"): "0!"}), "abc".translate({97: 98}))
show(str.maketrans({"a": "1", 98: None}))
show("%s|%s" % ("x", 1), "{}-{}".format("a", "b"), "{0}{1}{0}".format("ab", "cd"))
print("ok" if "Hello" in s and "xyz" not in s else "bad")
r = "café".replace("é", "e")
print(r, r.isascii(), type(iter(r)).__name__, "añb".replace("ñ", "n").isascii(), "ab".replace("a", "é").isascii())
