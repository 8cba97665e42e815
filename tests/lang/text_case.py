# Case mapping and character classes, ASCII and beyond (CPython's Unicode 14 tables).

words = ["hello world", "HELLO", "Hello World", "hELLO wORLD", "they're bill's friends",
         "straße", "ǆemal ǈubljana", "ΣΊΣΥΦΟΣ", "ὈΔΥΣΣΕΎΣ", "ﬁnal ﬂow", "İstanbul", "ß", "ǅ",
         "123abc", "a1b2", "", "  ", "MiXeD 42"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.title()), repr(w.capitalize()),
          repr(w.swapcase()), repr(w.casefold()))
    print(" ", w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isalnum(), w.isspace())

samples = ["123", "١٢٣", "½", "²", "Ⅻ", "abc", "", " \t\n", "\u3000", "a b", "x_1", "_", "1x",
           "class", "é", "\x00", "\x7f", "a\u200b", "\U0001f600", "ab\u0301"]
for x in samples:
    print(repr(x), x.isdigit(), x.isdecimal(), x.isnumeric(), x.isalpha(), x.isidentifier(),
          x.isprintable(), x.isascii(), x.isspace())

# final sigma
print("ΣΑΣ ΣΑΣ".lower(), "Σ".lower(), "AΣ".lower(), "AΣb".lower(), "A.Σ".lower(), "AΣ.".lower())
