# Default equality is identity; list.index/remove/count and `in` use ==,
# which honours a custom __eq__.
class Plain:
    pass


class Same:
    def __init__(self, k):
        self.k = k

    def __eq__(self, other):
        return isinstance(other, Same) and other.k == self.k

    __hash__ = object.__hash__


a, b = Plain(), Plain()
lst = [a, b, a]
print(a == a, a == b, a != b, lst.count(a), lst.index(b), b in lst, Plain() in lst)
s = [Same(1), Same(2), Same(1)]
print(s.count(Same(1)), s.index(Same(2)), Same(3) in s, Same(1) in s)
s.remove(Same(1))
print([x.k for x in s])
print(len({Same(1), Same(1)}), Same(1) == Same(1), Same(1) is Same(1))
try:
    s.remove(Same(9))
except ValueError as e:
    print("ValueError:", e)
try:
    s.index(Same(9))
except ValueError as e:
    print("ValueError:", str(e).endswith(" is not in list"))
