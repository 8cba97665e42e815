import a.b.c as d, e
from .. import f
from .g import (h as i, j,)
from k import *
global q; nonlocal r
assert x, "m"
lambda a, b=1, *c, d, **e: (a, b, c, d, e)
x = [i for i in range(3) if i for j in range(i)]
y = {k: v for k, v in z.items()}
s = {a for a in b}
g = (a for a in b)
w = (n := 10) if n > 5 else -n
print(*a, **b, c=1, *d)
v = 1 < 2 <= 3 != 4 is not None in [] not in ()
u = ~a ** -b // c % d @ e << f >> g & h ^ i | j
t = not a and b or c
z = b'x' b'\x00' rb'\d'
f"{a!r:{w}.{p}} {b=} {{}}" f'{c}' 'd'
0x_ff + 0o17 + 0b101 + 1_000 + 1.5e-3 + .5 + 5. + 3j
