# int/float/bool arithmetic, comparison and hashing over random operands
# (a fixed LCG, so the same cases every run), errors included.
seed = 777
def rnd(n):
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2**64
    return (seed >> 33) % n
def rint():
    k = rnd(6)
    if k == 0: return rnd(600) - 300
    if k == 1: return (rnd(2**30) << 30 | rnd(2**30)) - 2**59
    if k == 2: return 2 ** rnd(130) - rnd(3)
    if k == 3: return -(3 ** rnd(90))
    if k == 4: return (rnd(2**31) * rnd(2**31) * rnd(2**31)) * (1 if rnd(2) else -1)
    return [0, 1, -1, True, False, 2**63, -2**63, 2**64 - 1][rnd(8)]
def rflt():
    k = rnd(5)
    if k == 0: return (rnd(2**40) - 2**39) / 2 ** rnd(40)
    if k == 1: return float(rint()) if rnd(2) else 0.5
    if k == 2: return [0.0, -0.0, float("inf"), float("-inf"), float("nan"), 1e308, 5e-324, 2.5, -7.5][rnd(9)]
    if k == 3: return rnd(1000) * 10.0 ** (rnd(60) - 30)
    return -(rnd(10**6) / 7)
ops = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "<", "<=", "==", "!=", ">", ">=", "divmod", "pow3"]
out = []
for i in range(6000):
    a = rint() if rnd(3) else rflt()
    b = rint() if rnd(3) else rflt()
    op = ops[rnd(len(ops))]
    try:
        if op == "+": r = a + b
        elif op == "-": r = a - b
        elif op == "*": r = a * b
        elif op == "/": r = a / b
        elif op == "//": r = a // b
        elif op == "%": r = a % b
        elif op == "**":
            if isinstance(b, int) and abs(b) > 300: b = b % 300
            if isinstance(a, int) and abs(a) > 2**64 and isinstance(b, int): b = b % 20
            if a < 0 and isinstance(b, float) and b == b and abs(b) != float("inf") and b != int(b):
                a = -a   # a complex result: no complex type here
            r = a ** b
        elif op == "<<": r = a << (b % 200 if isinstance(b, int) else b)
        elif op == ">>": r = a >> b
        elif op == "&": r = a & b
        elif op == "|": r = a | b
        elif op == "^": r = a ^ b
        elif op == "<": r = a < b
        elif op == "<=": r = a <= b
        elif op == "==": r = a == b
        elif op == "!=": r = a != b
        elif op == ">": r = a > b
        elif op == ">=": r = a >= b
        elif op == "divmod": r = divmod(a, b)
        else:
            m = rint()
            if isinstance(b, int) and b < 0 and rnd(2): b = -b
            r = pow(a, b if not isinstance(b, int) or abs(b) < 10**6 else b % 10**6, m)
        s = repr(r)
        if isinstance(r, int) and abs(r) > 10**200: s = hex(r)[:60] + "/" + str(r % 1000003)
    except Exception as e:
        s = type(e).__name__ + ": " + str(e)
    out.append("%s %s %s -> %s" % (repr(a) if not isinstance(a, int) or abs(a) < 10**200 else hex(a)[:40], op, repr(b) if not isinstance(b, int) or abs(b) < 10**200 else hex(b)[:40], s))
    out.append("h %s %s" % (hash(a), hash(b)) if not (a != a or b != b) else "h nan")
print("\n".join(out))
