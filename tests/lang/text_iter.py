# Iterating over strings and str iterators.

it = iter("añ😀")
print(type(it).__name__, type(iter("abc")).__name__)
print(next(it), next(it), next(it))
try:
    next(it)
except StopIteration:
    print("done")
n = 0
for c in "héllo wörld" * 3:
    if c in "éö":
        n += 1
print(n)
print([c * 2 for c in "ab😀"], {c: ord(c) for c in "xyz"}, "".join([c for c in "a1b2c3" if c.isdigit()]))
s = "Ünïcödé"
print(list(enumerate(s))[:3], s[::-1], s[1:-1:2], len(s), s.upper(), s.encode()[:4])
a, b, *rest = "hello"
print(a, b, rest)
print(sum([1 for _ in "abcdef"]), any([c.isupper() for c in "abC"]), all([c.islower() for c in "abC"]))
print(list("日本語"), "本" in "日本語", "日本語".index("語"), "日本語".find("x"))
