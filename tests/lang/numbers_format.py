# format() / f-strings / str.format / % with numbers: every presentation
# type, fill, alignment, sign, '#', '0', grouping, precision, z.


def show(label, f):
    try:
        print(label, "=", repr(f()))
    except Exception as e:
        print(label, "!", type(e).__name__ + ":", e)


ints = [0, 7, -7, 65, 255, -255, 1234567, -1234567, 10**30, -(2**70)]
for spec in ["", "d", "5", "<6", "^7", "=+8", "08", "+", " ", ",", "_", "_x", "_b",
             "#x", "#X", "#o", "#b", "#010x", "012,", "08,d", "09,d", "x", "X", "o",
             "b", "n", "e", ".3e", "f", ".2f", "g", "%", ".1%", "*^9", "020_d",
             "07_x", "=10", "0=10", "x<10,", ">+12,", "#_b", "E", "G"]:
    print(repr(spec), [format(v, spec) for v in ints])
for v in [65, 0x263a, 0x1f600]:
    print(format(v, "c"), format(v, "^5c"), format(v, "*>4c"))
floats = [0.0, -0.0, 1.0, -1.0, 0.1, 1.5, 2.5, 1234567.891, -0.001, 1e16, 1e-5,
          123456789012345.0, 1e100, 5e-324, float("inf"), float("-inf"), float("nan"), 99.995]
for spec in ["", "e", "E", "f", "F", "g", "G", "%", "n", ".0f", ".1f", ".2f", ".10f",
             ".0e", ".3e", ".0g", ".1g", ".3g", ".10g", ".17g", "#g", "#.3g", "#.0f",
             "#.0e", "#", ".3", ".16", "10", "<10", "^12", "=+12", "012", "+", " ",
             ",", "_", ",.2f", "015,.3f", "010,", "z", "z.1f", "+z.2f", ".2%", "*>15.4e",
             "012.3e", "-^9.2f"]:
    print(repr(spec), [format(v, spec) for v in floats])
for spec in [".2", "q", ",x", ",_", "_,", "+c", "#c", "z", "5x5", ".", "c"]:
    show("format(1, %r)" % spec, lambda: format(1, spec))
for spec in ["d", "x", "c", ".", "5.5.5", "=5s"]:
    show("format(1.5, %r)" % spec, lambda: format(1.5, spec))
show("format(2**40, 'c')", lambda: format(2**40, "c"))
show("format(-1, 'c')", lambda: format(-1, "c"))
show("format(10**400, 'e')", lambda: format(10**400, "e"))
print(format(True, ""), format(True, "d"), format(False, "^7"), format(True, ".2f"), format(True, "#x"))
x, y, n = 3.14159, -2.5, 42
print(f"{x:.2f}|{y:+.3e}|{n:05d}|{n:#x}|{n:>6}|{x:10.4}|{n:,}|{2**40:_}|{x!r}|{y:%}")
print("{:.3f} {:>8.2e} {:<6d}| {:^9,} {:b}".format(x, x * 1e6, n, 1234567, n))
for fmt in ["%d", "%5d", "%-5d|", "%05d", "%+d", "% d", "%x", "%X", "%#x", "%#o", "%o",
            "%.3d", "%e", "%.2e", "%E", "%f", "%.3f", "%10.2f", "%-10.2f|", "%010.2f",
            "%g", "%.3g", "%G", "%#g", "%i", "%u", "%+.1f", "%c"]:
    vals = []
    for v in [42, -42, 3.75, -0.0005, 1e20, 2**70]:
        try:
            vals.append(fmt % v)
        except Exception as e:
            vals.append(type(e).__name__ + ": " + str(e))
    print(fmt, vals)
show("'%d' % 'a'", lambda: "%d" % "a")
show("'%x' % 1.5", lambda: "%x" % 1.5)
show("'%f' % 'a'", lambda: "%f" % "a")
show("'%c' % 2**40", lambda: "%c" % 2**40)
print("%s %r %s" % (1.5, 2.5, True), "%d%%" % 50, "%(a)05.1f" % {"a": 2.25})
fmts = ["%.3d", "%#x", "%#X", "%#o", "%05.1f", "%+05d", "% 05d", "%-05d|", "%010.3e", "%+.2e",
        "%#.0f", "%#.0e", "%#g", "%.0g", "%10.4g|", "%-8x|", "%08X", "%+x", "% o", "%.5x", "%#.5x",
        "%c", "%5c|", "%-3c|", "%3.1f%%", "%010f", "%-010f|", "%+f", "% f", "%F", "%E"]
for f in fmts:
    row = []
    for v in [0, 5, -5, 255, 2**70, -(2**70), 3.7, -0.25, 1e100, float("inf"), float("-inf"),
              float("nan"), True, 65]:
        try:
            row.append(f % v)
        except Exception as e:
            row.append(type(e).__name__ + ": " + str(e))
    print(f, row)
