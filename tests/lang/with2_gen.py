# with blocks in generators: suspended inside the block, closed early
# (GeneratorExit reaches __exit__), thrown into, and exhausted.
class T:
    def __init__(self, tag, suppress=False):
        self.tag, self.suppress = tag, suppress

    def __enter__(self):
        print("enter", self.tag)
        return self.tag

    def __exit__(self, et, ev, tb):
        print("exit", self.tag, et.__name__ if et else None)
        return self.suppress


def gen(tag, suppress=False):
    with T(tag, suppress) as t:
        for i in range(3):
            yield f"{t}{i}"
    print("gen", tag, "done")


print(list(gen("a")))
g = gen("b")
print(next(g))
g.close()
print("closed")
g = gen("c")
print(next(g))
try:
    g.throw(KeyError("thrown"))
except KeyError as e:
    print("propagated", e)
g = gen("d", suppress=True)
print(next(g))
try:
    g.throw(ValueError("swallowed"))
except StopIteration:
    print("StopIteration after suppress")


def delegating():
    with T("outer"):
        yield from gen("inner")
        return "result"


def runner():
    r = yield from delegating()
    print("delegating returned", r)


for v in runner():
    print("got", v)
g = delegating()
next(g)
next(g)
g.close()
print("end")
g = gen("e")
next(g)
del g
print("after del")
