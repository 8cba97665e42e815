# Indexing, slicing with steps, iteration, membership, comparison, + and *.

s = "abcdefghij"
u = "añb😀cdé"
for t in (s, u):
    print(len(t), t[0], t[-1], t[2:5], t[:3], t[-3:], t[::2], t[::-1], t[1::3], t[5:1:-1], t[-2:-8:-2])
    print(t[100:], t[-100:2], t[3:3], t[::-3], list(t), [c for c in t if c > "c"])
print(s[1:8:2], s[8:1:-3], s[::100], s[::-100])
for i in range(-len(u), len(u)):
    print(i, u[i], end=" ")
print()
print("b" in s, "ghi" in s, "" in s, "x" in s, "😀" in u, "ñb" in u)
print("abc" < "abd", "abc" < "ab", "Z" < "a", "é" > "z", "😀" > "\uffff", "a" == "a", "a" != "b")
print(sorted(["b", "é", "a", "Z", "😀", "ab", ""]))
print(max("hello"), min("hello"), "ab" + "cd", "ab" * 3, 3 * "xy", "x" * 0, "x" * -2, "" * 5)
t = "abc"
t += "def"
t *= 2
print(t, len(t))
for ch in "héllo":
    print(ch, ord(ch), end="; ")
print()
print(chr(65), chr(233), chr(0x1F600), ord("€"), str(123), str(-4.5), str(None), str(True))
print(hash("abc") == hash("ab" + "c"))
print(list(reversed("abc")), "".join(reversed("xyz")), enumerate("ab").__class__.__name__)
print([x for x in iter("hi")], list(zip("abc", "12")))
