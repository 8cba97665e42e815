# bytes: construction, indexing yields ints, slicing, methods shared with
# str, hex/fromhex, decode/encode, comparisons and errors.
b = b"Hello, World"
print(b[0], b[-1], b[:5], b[::-1], len(b), b.lower(), b.upper(), b.swapcase())
print(b.find(b"o"), b.rfind(b"o"), b.count(b"l"), b.index(b"W"), b.startswith(b"He"), b.endswith((b"x", b"ld")))
print(b.split(b", "), b.replace(b"l", b"L", 2), b"-".join([b"a", b"b"]), b.partition(b","))
print(b"  pad  ".strip(), b"xxhixx".strip(b"x"), b"abc".center(7, b"*"), b"7".zfill(3))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), b"a" * 3 + b"b")
print(b"\x00\xff".hex(), bytes.fromhex("de ad be ef"), b"abc".hex("-"), list(b"hi"))
print("naïve".encode(), "naïve".encode("latin-1"), b"na\xc3\xafve".decode(), b"\xff".decode("latin-1"))
print(b"abc" < b"abd", b"a" == "a", b"ab" in b"cabd", 98 in b"abc", b"" < b"\x00")
print(b"abc".isalpha(), b"123".isdigit(), b"a1".isalnum(), b" \t".isspace(), b"Ab".istitle())
print(repr(b"quote'\"\n\t\\"), bytes.maketrans(b"ab", b"xy")[97:99], b"abc".translate(bytes.maketrans(b"a", b"z")))
for op in (lambda: b"abc"[5], lambda: bytes([256]), lambda: b"x" + "y", lambda: b"\xff".decode(),
           lambda: "é".encode("ascii"), lambda: bytes.fromhex("zz")):
    try:
        op()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
