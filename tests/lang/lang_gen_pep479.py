# PEP 479: a StopIteration raised inside a generator body becomes a
# RuntimeError; next() on an exhausted iterator inside a generator.
def leaky():
    yield 1
    raise StopIteration("explicit")


try:
    print(list(leaky()))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


def uses_next(it):
    while True:
        yield next(it)


try:
    print(list(uses_next(iter([1, 2]))))
except RuntimeError as e:
    print("RuntimeError:", e)


def safe(it):
    for x in it:
        yield x
    return


print(list(safe(iter([1, 2]))))


def guarded(it):
    while True:
        try:
            yield next(it)
        except StopIteration:
            return


print(list(guarded(iter("ab"))))
