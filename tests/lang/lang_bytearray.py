# bytearray: a mutable bytes; item and slice assignment, append, extend,
# insert, pop, remove, reverse, +=, and conversion to bytes.
ba = bytearray(b"hello")
ba[0] = ord("J")
ba.append(33)
ba.extend(b" ok")
print(ba, len(ba), bytes(ba), ba.decode())
ba[1:3] = b"EE"
ba[-3:] = b""
print(ba)
ba.insert(0, 60)
x = ba.pop()
ba.remove(ord("E"))
print(ba, x, ba.count(b"l"), ba.find(b"l"))
ba.reverse()
print(ba, ba.upper(), ba.hex())
ba += b"++"
ba *= 2
print(ba, ba == bytearray(ba), ba == bytes(ba), type(ba + b"x").__name__)
del ba[::2]
print(ba)
print(bytearray(4), bytearray(range(65, 70)), bytearray("ü", "utf-8"), bytearray.fromhex("4142"))
ba2 = bytearray(b"abc")
for op in (lambda: ba2.__setitem__(0, 300), lambda: ba2.__setitem__(0, b"x"), lambda: ba2.remove(122),
           lambda: bytearray().pop(), lambda: hash(ba2)):
    try:
        op()
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
