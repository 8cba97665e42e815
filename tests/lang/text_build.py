# Building strings: concatenation in loops, join, repetition, str() of objects.

parts = []
for i in range(12):
    parts.append(str(i) * (i % 3 + 1))
print("".join(parts), len("".join(parts)))
acc = ""
for ch in "abcdef":
    acc = acc + ch.upper() + ch
print(acc)
acc = ""
for i in range(200):
    acc += chr(0x3b1 + i % 25)
print(len(acc), acc[:30], acc[-5:], acc.count("α"))
print(str(1), str(-0), str(2 ** 70), str(1.25), str(1e300), str(-1e-7), str(True), str(None))
print(str([1, "a"]), str((1,)), str({"k": "v"}), str(""), str("x"), str(b"raw"), str(bytearray(b"ba")))
print(repr(str()), str(str("nested")), type(str(5)).__name__)
words = "the quick brown fox jumps over the lazy dog".split()
print(" ".join([w.capitalize() for w in words]), "".join(map(str.upper, iter(words[:2]))))
print(" ".join(sorted(words, key=len)))
print(sorted(set("mississippi")))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
line = "-" * 20
print(line, len(line))
table = [("name", "qty"), ("apple", 3), ("kiwi", 12)]
for name, qty in table:
    print(f"{name:<8}|{qty!s:>5}|")
print("\n".join(["%2d: %s" % (i, w) for i, w in enumerate(words[:3])]))
print("a b c".split(" "), ",".join(map(str, range(5))), list(map(len, words)))
