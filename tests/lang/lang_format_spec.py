# The format-spec mini-language through format(): fill, align, sign, '#',
# '0', width, grouping, precision and type, for int, float and str.
ints = [0, 7, -42, 1234567, 255]
for spec in ["", "5", "<6", "^7", ">+6", "=+8", "08", "-", " ", ",", "_", "x", "#x", "X",
             "#o", "b", "#010b", "_b", "c", "n", "e", "%", ".3f"]:
    row = []
    for v in ints:
        try:
            row.append(format(v, spec))
        except (ValueError, OverflowError) as e:
            row.append(f"<{type(e).__name__}>")
    print(f"{spec!r:>9}: {row}")
floats = [0.0, -0.0, 3.14159, -2.5, 1234567.891, 1e-7, 1.5e22, float("inf"), float("nan")]
for spec in ["", ".2f", "10.3f", "<10.1f", "+.1e", ".3g", "g", ",.2f", "_.1f", "%", ".0%",
             "012.4f", "#.0f", ".0f", "E", ".10g", "#g", "=+12.2f", "*^12.3G"]:
    print(f"{spec!r:>9}: {[format(v, spec) for v in floats]}")
for spec in ["", "10", "<10", ">10", "^10", "*^11", ".3", "8.2", "-<6"]:
    print(f"{spec!r:>9}: {[format(s, spec) for s in ['', 'py', 'heaptrail']]}")
for bad in [(1.5, "d"), ("s", "d"), (5, ".2s"), ("x", "+"), (3, ",d,"), (2, "_,"), (1.0, "#c")]:
    try:
        format(*bad)
    except ValueError as e:
        print(f"{bad!r}: ValueError: {e}")
