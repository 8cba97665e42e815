# operator: the operators as functions, itemgetter, attrgetter, methodcaller
import operator as op
from operator import itemgetter, attrgetter, methodcaller

print(op.add(2, 3), op.sub(2, 3), op.mul("ab", 3), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3),
      op.pow(2, 10), op.neg(5), op.pos(-5), op.abs(-3.5), op.inv(5), op.invert(0))
print(op.lshift(1, 10), op.rshift(1024, 3), op.and_(12, 10), op.or_(12, 10), op.xor(12, 10))
print(op.eq(1, 1.0), op.ne(1, 2), op.lt(1, 2), op.le(2, 2), op.gt("b", "a"), op.ge([1], [2]))
print(op.not_(0), op.truth([]), op.truth("x"), op.is_(None, None), op.is_not(1, None))
print(op.concat([1], [2]), op.concat("a", "b"), op.contains([1, 2], 2), op.countOf([1, 2, 1], 1), op.indexOf("abc", "c"))
print(op.index(7), op.length_hint([1, 2, 3]), op.length_hint(iter(range(9))), op.length_hint(5, 7))
lst = [1, 2, 3]
op.setitem(lst, 0, 9)
op.delitem(lst, 1)
print(lst, op.getitem(lst, -1), op.getitem("hello", slice(1, 3)))
x = [1]
y = op.iadd(x, [2])
print(x, y is x, op.iadd(1, 2), op.imul([0], 3), op.iconcat([1], (2,)), op.ixor(5, 1), op.ipow(2, 5))
print(op.call(max, 1, 5, 2), op.__add__(1, 2), op.__not__(1))
for name in ["add", "sub", "mul", "floordiv", "mod", "pow", "lshift", "and_", "or_", "xor"]:
    print(name, getattr(op, name)(13, 4))
try:
    op.concat(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    op.add(1)
except TypeError as e:
    print("TypeError", e)
try:
    op.indexOf([1], 5)
except ValueError as e:
    print("ValueError", e)

rows = [("carol", 35, "nyc"), ("alice", 30, "sf"), ("bob", 30, "la"), ("dave", 25, "sf")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(1, 0)))
print(itemgetter(0)(rows), itemgetter(0, 2)("abcd"), itemgetter("k")({"k": "v"}), itemgetter(slice(None, 2))("xyz"))
print(itemgetter(1), itemgetter(1, "a"), attrgetter("real"), attrgetter("a.b", "c"), methodcaller("f", 1, k=2))
print(attrgetter("real")(3 + 0), attrgetter("real", "imag")(7), attrgetter("__class__.__name__")(1.5))
print(methodcaller("upper")("abc"), methodcaller("split", ",")("a,b,c"), methodcaller("replace", "a", "o", 1)("banana"))
print(methodcaller("count", "a")("banana"), list(map(methodcaller("strip"), [" x ", "y  "])))
people = [{"name": "zed", "age": 3}, {"name": "amy", "age": 9}]
print(sorted(people, key=itemgetter("name")), max(people, key=itemgetter("age"))["name"])
print(list(map(itemgetter(0), ["ab", "cd"])), [op.itemgetter(-1)(s) for s in ["xy", "z"]])
try:
    itemgetter(5)([1])
except IndexError as e:
    print("IndexError", e)
try:
    attrgetter(1)
except TypeError as e:
    print("TypeError", e)
try:
    methodcaller()
except TypeError as e:
    print("TypeError", e)
try:
    itemgetter(0)("a", "b")
except TypeError as e:
    print("TypeError", e)
