# int() and float() over random strings built from number-ish pieces (a fixed
# LCG, so the same strings every run): values and error messages.
seed = 99
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
pieces = ["0", "1", "7", "9", "_", ".", "e", "E", "+", "-", " ", "x", "0x", "0b", "0o", "a", "f", "inf", "nan", "infinity", "\t", "\u0663", "\u00a0", "1_0", "00", "j", "\n", "i", "n"]
out = []
for i in range(3000):
    s = "".join([pieces[rnd(len(pieces))] for _ in range(rnd(7))])
    row = [repr(s)]
    for f in (lambda: int(s), lambda: int(s, 0), lambda: int(s, 16), lambda: int(s, 36), lambda: float(s), lambda: int(s.encode("utf-8") if s.isascii() else "x", 8)):
        try:
            row.append(repr(f()))
        except Exception as e:
            row.append(type(e).__name__ + ": " + str(e))
    out.append(" | ".join(row))
print("\n".join(out))
