# Assorted str behaviour: ord/chr, comparisons (code point order),
# iteration over code points, len of non-ASCII text, repr escapes, in,
# concatenation in loops, and immutability.
s = "héllo wörld ✓"
print(len(s), s[1], s[-1], [ord(c) for c in s[:3]], chr(10003), chr(233) in s, s.encode("utf-8")[:3])
print("apple" < "banana", "Zebra" < "apple", "a" < "aa", "" < "a", "é" > "z", sorted(["b", "A", "a", "B"]))
print(repr("tab\there"), repr("quote'd"), repr('dq"'), repr("both'\""), repr("\x00\x7f\u200b"), repr("\\"))
print(ascii("naïve ☃"), str(b"bytes", "ascii"), str(12.50), str(-0.0), str([1, "a"]))
acc = ""
for i in range(5):
    acc += str(i) * i
print(acc, len(acc), acc[::-2], acc[2:5], acc[-3:], acc[100:])
try:
    s[0] = "H"
except TypeError as e:
    print("TypeError:", e)
print("".join(reversed("stressed")), "abc" * 0, "a" in "", "" in "", "ab" "cd", "x".join("123"))
print(max("hello"), min("hello"), sorted(set("mississippi")), list(map(str.upper, "ab")))
