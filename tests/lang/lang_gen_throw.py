# generator.throw(): the exception is raised at the suspended yield; the
# generator can handle it and yield again, or let it propagate; throwing
# into a fresh or finished generator.
def resilient():
    n = 0
    while True:
        try:
            yield n
        except ValueError as e:
            print("  handled", e)
            n += 100
        n += 1


g = resilient()
print(next(g), next(g))
print(g.throw(ValueError("oops")))
print(next(g))
try:
    g.throw(KeyError("fatal"))
except KeyError as k:
    print("propagated", repr(k))
print(next(g, "closed after unhandled throw"))


def fresh():
    print("  never starts")
    yield 1


f = fresh()
try:
    f.throw(IndexError("into fresh generator"))
except IndexError as e:
    print("IndexError:", e)
print(list(f))


def cleanup():
    try:
        yield 1
    finally:
        print("  cleanup ran")


c = cleanup()
next(c)
try:
    c.throw(RuntimeError("thrown instance"))
except RuntimeError as e:
    print("RuntimeError:", e)


def converter():
    try:
        yield "a"
    except ZeroDivisionError:
        raise ValueError("converted")


cv = converter()
next(cv)
try:
    cv.throw(ZeroDivisionError())
except ValueError as e:
    print("ValueError:", e, "| context:", type(e.__context__).__name__)
