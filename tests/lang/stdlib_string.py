# string constants and capwords
import string

for name in ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "digits", "hexdigits",
             "octdigits", "punctuation", "printable", "whitespace"]:
    print(name, repr(getattr(string, name)), len(getattr(string, name)))
print(string.capwords("hello   world  of\tpython"), "|" + string.capwords("  a b  ") + "|")
print(string.capwords("one,two,,three", ","), string.capwords("ÉCOLE élève"), string.capwords(""))
print(string.capwords("x-y z-w", "-"), string.capwords("mIxEd CaSe"))
print([c for c in "Hello, World! 42" if c in string.punctuation])
print("".join([c for c in "a1b2c3" if c in string.digits]))
table = {c: string.ascii_lowercase[(i + 13) % 26] for i, c in enumerate(string.ascii_lowercase)}
print("".join([table.get(c, c) for c in "hello world"]))
try:
    string.capwords()
except TypeError as e:
    print("TypeError", e)
try:
    string.capwords(5)
except AttributeError as e:
    print("AttributeError", e)
