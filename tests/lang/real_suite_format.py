# Formatting facts: str.format mini-language, f-string specs and % specs,
# including fills, alignment, grouping, alternate forms and float corner cases.
print(len(str(2 ** 5000)), str(7 ** 77)[-10:])
try:
    print(len(str(10**5000)))
except ValueError as e: print(e)
print("{0.real} {0.imag}".format(5), "{!a}".format("é"), "{:=+8d}".format(42), "{:0=8.2f}".format(-3.5))
print("{:>{}}".format("x", 5), "{:{}{}}".format(3, "<", 4) + "|")
print(f"{1234567:_x}", f"{12345678:_b}", f"{-1234.5:010,.1f}", f"{0.000012345:.3}", f"{123456789.0:.3}", f"{1e16:.0f}")
print(format(1e100, ".2f")[:10], format(2**64, "e"), format(10**25, ".3e"), format(True, "d"), format(3, ".2f"), format(3, "%"))
print("%.3s|%-6.2f|%+05d|% d|%#.0f|%g|%.10g" % ("abcdef", 3.14159, 42, 7, 3.0, 1e-5, 1/3))
print("%(a)s %(a)r %%" % {"a": "x"}, "%c" % 0x1F600, "%5.1e" % 12345)
print(repr(1e16), repr(1.5e-7), repr(123456789012345678.0), str(0.1+0.2), repr(-0.0), 1e-320, 5e-324)
print("{:n}".format(1234567), "{:,}".format(1.5), "{:.2n}".format(3.14159))
print("{0:^#12x}|{0:<#10o}|".format(255), "{:#.3g}".format(1.0), "{:g}".format(1e15), "{:g}".format(1e16), "{:G}".format(float("nan")))
print(str(-1e300*1e10), "{:+}".format(float("inf")), round(-0.0), round(2.675, 2), round(1e20, -5), round(123.456, -1))
print("{:s}".format("x"), "{}".format(None), "{:>5}".format(None) if False else "", f"{None!r:>6}")
print("{:e}".format(0), "{:.0e}".format(15000), "{:#.0e}".format(15000), "{:%}".format(1))
print(format(-0.0, ".1f"), format(0.5, ".0f"), format(1.5, ".0f"), format(2.5, ".0f"), format(-1e-10, ".2f"))
print(f"{'abc':.{2}}", f"{3.14159:{'.3f'}}", f"{[1,2]}", f"{ {'a':1}['a'] }", f"{'a' 'b'}", f"{1:{0}>5}")
print("{:c}".format(97), "{:X}".format(3735928559), "{:#b}".format(-5), "{:08.3f}".format(-1.5), "{:+08,d}".format(1234))
print("a,b,,c".split(",", 0), "a b c".split(None, 0), "a,b,c".rsplit(",", -1), "x".center(4), "ab".center(5), "abc".center(6, "-"))
print("%-*s|" % (6, "ab"), "%.0s|" % "gone", "%3c|" % "x", "%05.1f|%-8.3e|%+.0f" % (2.25, 1234.5, 2.5), "%o %x" % (-8, -255))
print("%(x)05d %(y)-4s|" % {"x": 42, "y": "ab"}, "%s %s" % ([1], (2,)), "%r" % ((1, 2),), "%d%%" % 50, "%i" % 3.99)
print("{:.3}".format("abcdef"), "{:10.3}|".format("abcdef"), "{:<10.2f}|".format(2.5), "{:^10,}|".format(1234567))
print("{0!r:<8}|{0!s:>8}|{0!a}".format("ü"), "{:x<4d}".format(7), "{:{fill}{align}{width}}".format("z", fill="#", align="^", width=7))
print("{}".format(1.0), "{:}".format(1e20), "{:.1f}".format(0.05), "{:.1f}".format(0.15), "{:.1f}".format(0.25), "{:.2f}".format(1.005))
print("{:b}".format(True), "{:d}".format(False), "{:5}".format(True), "{}".format(True), f"{True!r:>6}", "{:.2f}".format(True))
print(f"{12:#o}", f"{12:#x}", f"{-12:#b}", f"{12:+#X}", f"{0:#x}", f"{255:_x}", f"{2**40:,}", f"{-2**40:_}")
print(f"{1234.5678:=^+14,.2f}", f"{-3:=5}", f"{3:=+5}", f"{'s':=^5}", f"{1.0:+}", f"{-0.0:+}", f"{0.0:-}", f"{1e-7:f}")
print(f"{float('inf'):08.2f}", f"{float('-inf'):+}", f"{float('nan'):x^9}", f"{1.5:<08}", f"{12.0:g}", f"{123456.0:g}", f"{1234567.0:g}")
print("{:.3e}".format(9.9995), "{:.2e}".format(-0.0), "{:.0e}".format(0.5), "{:E}".format(1.5e-300), "{:.15g}".format(0.1), "{:.17g}".format(0.1))
print("{:#g}".format(1.5), "{:#.3g}".format(100.0), "{:.0%}".format(0.125), "{:.1%}".format(-0.0005), "{:,.0f}".format(-1234.5))
for spec in ("{:z}", "{:=s}", "{:#s}", "{:+s}", "{!x}", "{:.5d}", "{0[}", "{", "}", "{:,d}x{:_,d}"):
    try:
        print(spec, "->", spec.format(5, 6) if "s" not in spec else spec.format("s"))
    except (ValueError, TypeError, IndexError, KeyError) as e:
        print(spec, type(e).__name__, e)
for fmt, arg in (("%z", 1), ("%d", "5"), ("%c", "ab"), ("%c", -1), ("%(k)s", 5), ("%s %s", (1, 2, 3)), ("%.f", 2.5), ("%", ())):
    try:
        print(repr(fmt), "->", fmt % arg)
    except (ValueError, TypeError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
