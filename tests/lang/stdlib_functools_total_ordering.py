# total_ordering fills in the missing comparisons
from functools import total_ordering

@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple([int(p) for p in text.split(".")])
    def __eq__(self, other):
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return "Version(%s)" % ".".join([str(p) for p in self.parts])

a, b, c = Version("1.2.0"), Version("1.10"), Version("1.2.0")
print(a < b, a <= b, a > b, a >= b, a == c, a <= c, a >= c, b > a)
print(sorted([Version("2.0"), Version("1.9.9"), Version("1.10"), Version("1.2")]))
print(max(Version("0.1"), Version("0.0.9")))

@total_ordering
class Weight:
    def __init__(self, kg):
        self.kg = kg
    def __eq__(self, other):
        return self.kg == other.kg
    def __gt__(self, other):
        return self.kg > other.kg

w1, w2 = Weight(3), Weight(5)
print(w1 < w2, w1 <= w2, w1 >= w2, w2 >= w2, w1 > w2)
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print("ValueError", e)
