# str classification predicates over a table of sample strings.
samples = ["abc", "ABC", "Abc", "abc123", "123", "١٢٣", "½", "²", " ", "\t\n", "", "a b",
           "_id", "2x", "x2", "éà", "Ⅻ", "\x07", "if", "None"]
preds = ["isalpha", "isalnum", "isdigit", "isdecimal", "isnumeric", "isspace", "isidentifier",
         "isprintable", "isascii", "islower", "isupper"]
print(" " * 8 + " ".join(p[2:6] for p in preds))
for s in samples:
    row = " ".join(("T" if getattr(s, p)() else ".").center(4) for p in preds)
    print(f"{s!r:<8}{row}".rstrip())
