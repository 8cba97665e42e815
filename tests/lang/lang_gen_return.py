# return in a generator: the value travels in StopIteration.value, is the
# result of `yield from`, and is ignored by for loops and list().
def g(n):
    yield n
    return n * 10


it = g(4)
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
print(list(g(5)))


def no_value():
    yield 1


it2 = no_value()
next(it2)
try:
    next(it2)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)


def delegator():
    result = yield from g(7)
    print("  sub-generator returned", result)
    return result + 1


d = delegator()
print(next(d))
try:
    next(d)
except StopIteration as e:
    print("outer value:", e.value)


def early(flag):
    if flag:
        return "early exit"
    yield "normal"


print(list(early(True)), list(early(False)))
