# bytes and bytearray: case, padding, tabs, lines and translation methods.
for T in (bytes, bytearray):
    b = T(b"hello World-foo bAR")
    print(b.swapcase(), b.capitalize(), b.title(), T(b"").title(), T(b"3abc dEF").capitalize())
    print(b.isascii(), T(b"\xff").isascii(), T(b"").isascii(), b.islower(), T(b"abc1").islower(), T(b"ABC1").isupper(), T(b"1").isupper())
    print(T(b"Hello World").istitle(), T(b"Hello world").istitle(), T(b"").istitle(), T(b"A1B").istitle(), T(b"1A Bc").istitle())
    print(T(b"ab").center(7), T(b"ab").center(7, b"*"), T(b"abc").center(6, b"-"), T(b"abc").center(2), T(b"x").ljust(4, bytearray(b"!")), T(b"x").rjust(3))
    print(T(b"42").zfill(5), T(b"-42").zfill(5), T(b"+4").zfill(4), T(b"").zfill(3), T(b"abc").zfill(2))
    print(T(b"a\tbc\t\td\nx\ty").expandtabs(), T(b"a\tb").expandtabs(4), T(b"a\tb").expandtabs(tabsize=0), T(b"ab\r\tc").expandtabs(3))
    print(T(b"a\nb\r\nc\rd\n").splitlines(), T(b"a\nb\r\nc\rd\n").splitlines(True), T(b"").splitlines(), T(b"x\n\ny").splitlines(keepends=True))
    tbl = T.maketrans(b"abc", b"xyz")
    print(type(tbl).__name__, len(tbl), tbl[97:100], T(b"aabbcc").translate(tbl), T(b"abcdef").translate(None, b"bd"), T(b"abcdef").translate(tbl, delete=b"f"))
    for f in (lambda: b.center(5, b"ab"), lambda: b.center(5, "x"), lambda: b.center(), lambda: T.maketrans(b"a", b"bc"), lambda: b.translate(b"x"), lambda: b.zfill("3"), lambda: b.swapcase(1)):
        try:
            f()
        except (TypeError, ValueError) as e:
            print(type(e).__name__, e)
print(bytes(b"ab").__bytes__(), bytes.maketrans(bytearray(b"a"), b"b")[97])
b = b"abc"
print(b.translate(None) is b, b.center(2) is b, b.ljust(3) is b)
