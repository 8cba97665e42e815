# input() at end of input (the tests run with stdin from /dev/null), and
# type checks that name complex without making complex numbers.
try:
    line = input("prompt> ")
except EOFError as e:
    print("EOFError:", e)
try:
    input()
except EOFError as e:
    print("EOFError again:", e.args)
for v in (1, 2.5, True, "3", None, [1]):
    print(repr(v), isinstance(v, (int, float, complex)), isinstance(v, complex), type(v) is complex)
print(complex, complex.__name__, issubclass(complex, object), issubclass(bool, complex))
try:
    input("a", "b")
except TypeError as e:
    print("TypeError:", e)
import sys  # input() writes its prompt to a replaced sys.stdout (no flush method)
class W:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s); return len(s)
w = W(); old = sys.stdout; sys.stdout = w
try:
    input(42)
except EOFError as e:
    err = e
sys.stdout = old
print(w.parts, repr(err))
