import dis
def f(a, b=1):
    x = a + b
    if x > 3 and a:
        return [i * x for i in range(a)]
    for i in range(3):
        x += i
    return f"{x!r:>4}"
dis.dis(f)
