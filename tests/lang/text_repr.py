# repr() and ascii() quoting rules.

samples = ["plain", "it's", 'say "hi"', "both ' and \"", "back\\slash", "tab\there",
           "new\nline", "cr\rx", "nul\x00", "bell\x07", "del\x7f", "é", "\x85", "\xa0", "\xad",
           "\u200b", "\u2028", "€", "😀", "\U000e0001", chr(0xd800), "日本語", "", "'", '"', "\\"]
for s in samples:
    print(repr(s), ascii(s), len(repr(s)))
print(repr(samples[:4]))
print(["a'b", 'c"d'], ("é",), {"k": "v"})
print(str(["x"]), str("x"), "%r" % "x", f"{'x'!r}")
