# yield from: delegating to sub-generators and any iterable, flattening
# recursively, and receiving the sub-generator's return value.
def inner(tag, n):
    for i in range(n):
        yield f"{tag}{i}"
    return f"{tag} done"


def outer():
    r1 = yield from inner("a", 2)
    yield r1
    r2 = yield from inner("b", 1)
    yield r2
    yield from [10, 20]
    yield from "xy"
    yield from (i * i for i in range(3))
    yield from {"k": 1}


print(list(outer()))


def flatten(obj):
    if isinstance(obj, (list, tuple)):
        for item in obj:
            yield from flatten(item)
    else:
        yield obj


print(list(flatten([1, [2, [3, (4, 5)], []], [[[6]]], 7])))


def tree(depth, path=""):
    yield path or "/"
    if depth:
        for child in "lr":
            yield from tree(depth - 1, path + child)


print(list(tree(2)))
try:
    def bad():
        yield from 42
    list(bad())
except TypeError as e:
    print("TypeError:", e)
