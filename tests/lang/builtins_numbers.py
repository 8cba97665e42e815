# abs, divmod, pow, round, hex/oct/bin, chr/ord, hash.
print(abs(-3), abs(2.5), abs(-0.0), abs(True), abs(-2**70))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), divmod(7, 0.5))
print(divmod(2**70, 7), divmod(True, 2))
print(pow(2, 10), pow(2, -2), pow(2.0, 0.5), pow(-2, 3), pow(2, 100))
print(pow(3, 4, 5), pow(3, -1, 7), pow(-3, 3, 7), pow(3, 4, -5), pow(2, 100, 1), pow(0, 0, 3))
print(pow(12345678901234567, 98765, 1000000007), pow(2, 10**5, 10**20 + 39))
print(pow(base=2, exp=5), pow(2, 5, mod=3), pow(2, 3, None))
print(round(2.5), round(3.5), round(-2.5), round(1.23456, 2), round(1234, -2), round(7))
print(round(2.675, 2), round(0.5), type(round(2.5)).__name__, round(2.5, None))
print(hex(255), hex(-255), oct(8), bin(5), bin(-5), hex(0), hex(2**70), bin(True))
print(chr(65), chr(0x263A), chr(0x1F600), ord("A"), ord("☺"), ord(b"a"), ord(bytearray(b"z")))
print(hash(1), hash(-1), hash(2**64), hash(1.5), hash(0.0) == hash(0), hash(True))
print(hash((1, 2)) == hash((1, 2)), hash("abc") == hash("abc"))


for call in (lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: divmod("a", 1),
             lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(2, -1, 4),
             lambda: pow("a", 2), lambda: pow(0, -1), lambda: abs("x"),
             lambda: round("x"), lambda: round(1.5, "a"), lambda: hex(1.5),
             lambda: chr(-1), lambda: chr(0x110000), lambda: chr("a"),
             lambda: chr(2**100), lambda: ord("ab"), lambda: ord(""), lambda: ord(5),
             lambda: hash([]), lambda: pow(1), lambda: divmod(1)):
    try:
        print(call())
    except (TypeError, ValueError, ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
