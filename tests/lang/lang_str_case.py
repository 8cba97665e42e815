# str case methods: upper, lower, title, capitalize, swapcase, casefold,
# and the is* predicates on mixed text.
words = ["hello world", "HELLO", "hElLo wOrLd", "o'neil mcdonald", "ß straße", "ǅemal", "123abc", "", "  x  "]
for w in words:
    print(repr(w), [w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold()])
for w in ["Hello World", "hello", "HELLO", "Hello world", "123", "A1", "", "ǅ"]:
    print(repr(w), w.istitle(), w.isupper(), w.islower())
