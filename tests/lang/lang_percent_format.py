# printf-style % formatting: conversions, flags, width/precision from *,
# mapping keys, single non-tuple argument, and error messages.
print("%d %i %u %o %x %X %e %E %f %F %g %G %c %r %s %a %%" %
      (42, -3, 7, 8, 255, 255, 1234.5, 0.00012, 3.14159, 2.5, 1e-5, 1e20, 65, "r", "s", "é"))
print("[%5d] [%-5d] [%05d] [%+d] [% d] [%#o] [%#x] [%#X]" % (42, 42, 42, 42, 42, 8, 255, 255))
print("[%8.3f] [%-8.2f] [%08.2f] [%+.1e] [%.0f] [%#.0f] [%.3g] [%10.4s]" % (
    3.14159, 2.5, -1.5, 12345.678, 2.5, 2.5, 0.0001234, "truncate"))
print("%(name)s is %(age)d; %(name)r again" % {"name": "Ann", "age": 30})
print("%*d|%-*d|%.*f" % (6, 1, 6, 2, 2, 3.14159), "%s" % "single", "%s" % (("tuple",),))
print("%s %s" % ([1, 2], {"k": None}), "%d%%" % 50, "%c%c" % ("h", 105), "%x" % -255)
print("%.2s|%5.1s|%-4s|" % ("abc", "xyz", "a"), "%i" % 3.99, "%d" % True, "%s" % None)
for fmt, args in [("%d", "x"), ("%d %d", (1,)), ("%d", (1, 2)), ("%z", (1,)), ("%(k)s", (1,)),
                  ("%c", (300000000,)), ("%c", ("ab",)), ("%", ())]:
    try:
        print(fmt % args)
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(f"{fmt!r}: {type(e).__name__}: {e}")
