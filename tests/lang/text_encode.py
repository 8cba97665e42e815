# Encoding and decoding: utf-8, ascii, latin-1 and the error handlers.

s = "Grüße, €5 😀"
for enc in ("utf-8", "UTF8", "latin-1", "ascii"):
    for errors in ("strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"):
        try:
            print(enc, errors, s.encode(enc, errors))
        except Exception as e:
            print(enc, errors, type(e).__name__ + ":", e)
data = s.encode()
print(data, len(data), data.decode(), data.decode("utf-8") == s)
for bad in (b"\xff", b"a\xc3", b"\xc3a", b"\xe2\x82", b"\xe2\x82x", b"\xf0\x9f\x98x", b"\xed\xa0\x80", b"ok\x80\x80ok"):
    for errors in ("strict", "replace", "ignore", "backslashreplace", "surrogateescape"):
        try:
            r = bad.decode("utf-8", errors)
            print(bad, errors, ascii(r))
        except Exception as e:
            print(bad, errors, type(e).__name__ + ":", e)
print(b"\xe9t\xe9".decode("latin-1"), b"abc".decode("ascii"), "é".encode("latin1"), str(b"caf\xc3\xa9", "utf-8"))
try:
    b"\xe9".decode("ascii")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e)
try:
    ("x" + chr(0xdc80) + "y").encode("utf-8")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError", e)
print(("x" + chr(0xdcff) + "y").encode("utf-8", "surrogateescape"))
try:
    "a".encode("utf-8", errors=1)
except TypeError as e:
    print("TypeError", e)
try:
    "é".encode("ascii", "bogus")
except LookupError as e:
    print("LookupError", e)
print("a".encode("ascii", "bogus"))
