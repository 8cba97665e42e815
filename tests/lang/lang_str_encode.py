# str.encode and bytes.decode with utf-8, ascii and latin-1, error
# handlers (strict, ignore, replace), and round trips.
samples = ["plain", "café", "日本", "emoji 🎉", ""]
for s in samples:
    u = s.encode("utf-8")
    print(repr(s), len(s), len(u), u, u.decode("utf-8") == s)
print("café".encode("latin-1"), "café".encode("ascii", "ignore"), "café".encode("ascii", "replace"))
print(b"caf\xe9".decode("latin-1"), b"caf\xe9".decode("utf-8", "replace"), b"caf\xe9".decode("ascii", "ignore"))
print("x".encode(), "Ω".encode("utf-8").hex(), bytes("ab", "ascii"), str(b"\xc3\xa9", "utf-8"))
for bad in (lambda: "日本".encode("ascii"), lambda: b"\xe6\x97".decode("utf-8"), lambda: b"\x80".decode("ascii")):
    try:
        bad()
    except UnicodeError as e:
        print(type(e).__name__ + ":", e)
