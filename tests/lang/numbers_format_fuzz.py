# format(value, spec) over random specs from the mini-language grammar (a
# fixed LCG, so the same specs every run): values and error messages.
seed = 4242
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
fills = ["", "", "", "*", "0", " ", "x", "\u00e9", "<"]
aligns = ["", "", "<", ">", "^", "="]
signs = ["", "", "+", "-", " "]
types = ["", "", "d", "x", "X", "o", "b", "c", "n", "e", "E", "f", "F", "g", "G", "%", "s", "r", "q"]
vals = [0, 1, -1, 7, -42, 255, 65, 1234567, -987654321, 2**64, -(2**100), True, False,
        0.0, -0.0, 1.5, -2.25, 3.14159, 1e-7, 123456.789, 1e22, 1e-300, float("inf"), float("-inf"), float("nan"), 0.1]
out = []
for i in range(4000):
    spec = ""
    a = aligns[rnd(len(aligns))]
    if a:
        spec += fills[rnd(len(fills))] + a
    spec += signs[rnd(len(signs))]
    if rnd(8) == 0: spec += "z"
    if rnd(5) == 0: spec += "#"
    if rnd(5) == 0: spec += "0"
    if rnd(2): spec += str(rnd(25))
    g = rnd(6)
    if g == 0: spec += ","
    elif g == 1: spec += "_"
    if rnd(3) == 0: spec += "." + str(rnd(20))
    spec += types[rnd(len(types))]
    v = vals[rnd(len(vals))]
    try:
        r = format(v, spec)
    except Exception as e:
        r = type(e).__name__ + ": " + str(e)
    out.append("%r %r %r" % (v, spec, r))
print("\n".join(out))
