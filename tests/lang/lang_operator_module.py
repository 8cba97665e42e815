# The operator module: arithmetic and comparison functions, itemgetter,
# attrgetter (dotted), methodcaller, and use as sort keys.
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.neg(5), operator.abs(-3), operator.not_(0), operator.truth([1]))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq("a", "a"), operator.ne(1, 1), operator.ge(1, 2), operator.gt(3, 2))
print(operator.and_(12, 10), operator.or_(12, 10), operator.xor(12, 10), operator.invert(5), operator.lshift(1, 4), operator.rshift(64, 2))
print(operator.contains([1, 2], 2), operator.getitem("abc", 1), operator.countOf([1, 1, 2], 1), operator.indexOf("xyz", "z"))
lst = [1, 2, 3]
operator.setitem(lst, 0, 10)
operator.delitem(lst, 1)
print(lst, operator.concat([1], [2]), operator.is_(None, None), operator.is_not(1, None), operator.index(7))
rows = [("b", 2, 9.5), ("a", 3, 1.0), ("c", 1, 5.0)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(2, 0)), itemgetter(0, 2)(rows[0]), itemgetter(slice(1, None))("hello"))


class P:
    def __init__(self, name, inner=None):
        self.name, self.inner = name, inner

    def shout(self, suffix="!"):
        return self.name.upper() + suffix


people = [P("cy", P("z")), P("al", P("y")), P("bo", P("x"))]
print([p.name for p in sorted(people, key=attrgetter("name"))], [p.name for p in sorted(people, key=attrgetter("inner.name"))])
print(attrgetter("name", "inner.name")(people[0]), methodcaller("shout")(people[1]), methodcaller("shout", "?")(people[2]))
print(list(map(operator.mul, [1, 2, 3], [4, 5, 6])), operator.iadd([1], [2]), operator.length_hint(iter(range(5))))
