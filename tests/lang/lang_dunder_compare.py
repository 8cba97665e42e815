# Rich comparisons: __eq__/__ne__/__lt__/..., reflected operands,
# NotImplemented falling back to identity for ==, TypeError for ordering.
class V:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print(f"  V.__eq__({self.v}, {other!r})")
        if isinstance(other, V):
            return self.v == other.v
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, V):
            return self.v < other.v
        if isinstance(other, (int, float)):
            return self.v < other
        return NotImplemented

    def __le__(self, other):
        return self < other or self == other

    def __repr__(self):
        return f"V({self.v})"


a, b, c = V(1), V(2), V(1)
print(a == c, a != b, a == 1, 1 == a)
print(a < b, b < a, a < 5, 5 > a, a <= c)
print(sorted([V(3), V(1), V(2)]), max(V(7), V(4)), min([V(9), V(8)]))
try:
    a > "x"
except TypeError as e:
    print("TypeError:", e)
print(a >= b, b >= a)


class NoEq:
    pass


n = NoEq()
print(n == n, n == NoEq(), n != n)
try:
    NoEq() < NoEq()
except TypeError as e:
    print("TypeError:", e)
print(1 < 2 < 3, V(1) < V(2) < V(3), [V(1)] == [V(1)])
