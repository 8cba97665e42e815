# str splitting: split/rsplit with and without sep and maxsplit,
# splitlines with keepends, partition/rpartition, and join.
lines = "  alpha  beta\tgamma\n delta  "
print(lines.split(), lines.split(None, 1), lines.rsplit(None, 1), lines.split(" "))
csv = "a,b,,c,"
print(csv.split(","), csv.split(",", 2), csv.rsplit(",", 2), csv.split(",,"), "".split(","), "".split())
print("1 2 3".split(maxsplit=1), "1 2 3".rsplit(maxsplit=1), "a--b--c".split("--"), "abc".split("abc"))
doc = "line1\nline2\r\nline3\rline4\n\nlast"
print(doc.splitlines(), doc.splitlines(True), "x\n".splitlines(), "\n".splitlines(), "".splitlines())
print("k=v=w".partition("="), "k=v=w".rpartition("="), "none".partition("="), "none".rpartition("="))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "/".join(("usr", "lib")))
try:
    "x".split("")
except ValueError as e:
    print("ValueError:", e)
try:
    "-".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".partition("")
except ValueError as e:
    print("ValueError:", e)
print("a b  c".split(" ", -1), "a\u2003b\u00a0c".split(), "x\x1cy\x1dz".splitlines())
