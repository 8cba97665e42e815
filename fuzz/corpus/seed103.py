def f(a, b=1, *c, d, e=2, **g) -> int:
    """doc"""
    return a
x = f'a{b!r:>{w}} {c=}'
y = b'\x00' + u'z' + 1.5 + 10**100 + 0x1F + 1e300*1e10 + 3j + ...
del x[1:2:3], y.z
for i in range(3): pass
else: pass
try: pass
except E as e: pass
finally: pass
with a as b, c: pass
import a.b as c
from ..x import (y as z, w)
global q
lambda: 0
[i for i in j if k]
{1: 2, **d}
a if b else c
a < b <= c
not a and b or c
-a
f(*a, b=1, **c)
class C(B, metaclass=M): pass
"a\n'\\\x7f\u20ac\U0001F600\t\""
