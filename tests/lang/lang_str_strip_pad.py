# str stripping and padding: strip/lstrip/rstrip with char sets,
# removeprefix/removesuffix, ljust/rjust/center with fill, zfill, expandtabs.
s = "xxhello worldxx"
print(repr("  pad  ".strip()), repr("  pad  ".lstrip()), repr("  pad  ".rstrip()))
print(s.strip("x"), s.lstrip("xh"), s.rstrip("dx"), "www.example.com".strip("cmowz."), "\t\n x \r".strip())
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "abc".removeprefix("z"))
for w in (7, 8, 2):
    print(f"[{'abc'.ljust(w)}] [{'abc'.rjust(w, '*')}] [{'abc'.center(w, '-')}] [{'ab'.center(w)}]")
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(6), "123456".zfill(3), "".zfill(2))
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("\t".expandtabs(0)), repr("ab\n\tc".expandtabs(3)))
try:
    "x".center(5, "ab")
except TypeError as e:
    print("TypeError:", e)
try:
    "x".strip(5)
except TypeError as e:
    print("TypeError:", e)
