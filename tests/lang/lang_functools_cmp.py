# functools.cmp_to_key and total_ordering: sorting with an old-style
# comparison function, and deriving comparisons from __eq__ and __lt__.
from functools import cmp_to_key, total_ordering


def by_len_then_reverse_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


words = ["pear", "fig", "apple", "kiwi", "date", "plum"]
print(sorted(words, key=cmp_to_key(by_len_then_reverse_alpha)))
print(max(words, key=cmp_to_key(by_len_then_reverse_alpha)))


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))


vs = [Version(t) for t in ["1.10", "1.2", "1.2.1", "0.9", "1.2"]]
print(sorted(vs), Version("1.0") <= Version("1.0"), Version("2.0") >= Version("1.9"), Version("1.1") > Version("1.10"))
