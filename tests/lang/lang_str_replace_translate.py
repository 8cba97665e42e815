# str replace with counts, translate with maketrans tables (1-arg dict,
# 2-arg and 3-arg forms), and str multiplication/concatenation.
s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 2), s.replace("", "-"), s.replace("x", "y"), s.replace("one", "", -1))
print("aaa".replace("a", "aa"), "abc".replace("", "|", 2), "".replace("", "x"))
table = str.maketrans("abc", "xyz")
print("aabbcc cab".translate(table), sorted(table.items()))
t2 = str.maketrans("ae", "AE", "lo")
print("hello apple".translate(t2))
t3 = str.maketrans({"a": "4", "e": None, ord("s"): "$$"})
print("seashells".translate(t3), sorted(t3.items()))
print("abc".translate({97: 98, 98: None}), "x" * 3 + "y" * 0, 2 * "ab", "-" * -1 == "")
try:
    str.maketrans("ab", "c")
except ValueError as e:
    print("ValueError:", e)
try:
    "x".replace("a")
except TypeError as e:
    print("TypeError:", e)
