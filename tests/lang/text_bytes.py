# bytes and bytearray basics.

b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], b[::2], list(b[:3]))
print(b"it's", b'both \'"', b"\x00\x7f\x80\xff\t\n\r\\", b"")
print(b + b"!", b * 2, 2 * b"ab", b"lo" in b, 104 in b, 200 in b, b == b"hello world", b < b"help")
print(b.upper(), b.lower(), b.split(), b.split(b"o"), b.split(b"o", 1), b.rsplit(b"o", 1))
print(b.find(b"o"), b.rfind(b"o"), b.find(111), b.index(b"w"), b.count(b"l"), b.count(b""))
print(b.startswith(b"he"), b.endswith((b"x", b"ld")), b.replace(b"l", b"L"), b.replace(b"l", b"", 2))
print(b"  x y  ".strip(), b"xxhixx".strip(b"x"), b"  a".lstrip(), b"a  ".rstrip())
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"a,b".partition(b","), b"a,b,c".rpartition(b","))
print(b.hex(), b"\x01\xab".hex(":"), bytes.fromhex("de ad be ef"), b"abc".decode(), b"caf\xc3\xa9".decode("utf-8"))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), bytes(b"copy"), bytes())
print(b"123".isdigit(), b"abc".isalpha(), b"a1".isalnum(), b" \t".isspace(), b"".isdigit())
print([x for x in b"hi"], hash(b"abc") == hash(b"ab" + b"c"), type(b).__name__)

ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba.extend([103, 104])
ba[0] = 65
print(ba, len(ba), ba[0], ba[1:3])
ba[1:3] = b"XYZ"
print(ba)
del ba[0]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 33)
ba.remove(ord("Z"))
print(ba, ba.copy(), ba + b"!", bytearray(2), bytearray("hé", "utf-8"), bytearray([1, 2]))
ba.reverse()
print(ba, ba.upper(), ba.replace(b"e", b"E"), ba.decode("ascii"), ba.hex())
ba += b"++"
print(ba, ba == bytearray(ba), b"x" == bytearray(b"x"))
ba.clear()
print(ba, len(ba), bool(ba), bool(b"x"))
r = bytearray()
for i in range(20):
    r.append(i)
print(r)

def err(f):
    try:
        r = f()
        print("no error:", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

err(lambda: b"a" + "b")
err(lambda: b"abc"[5])
err(lambda: bytes([256]))
err(lambda: bytes("a"))
err(lambda: bytes(-1))
err(lambda: bytes(1.5))
err(lambda: "a" in b"abc")
err(lambda: 300 in b"abc")
err(lambda: b"x".startswith("x"))
err(lambda: b"-".join(["a"]))
err(lambda: bytes.fromhex("zz"))
err(lambda: bytearray(b"a").pop(5))
err(lambda: bytearray().pop())
err(lambda: bytearray(b"a").remove(5))
err(lambda: b"abc".index(b"z"))
err(lambda: hash(bytearray(b"x")))

def setb():
    x = bytearray(b"abc")
    x[0] = 256
err(setb)
