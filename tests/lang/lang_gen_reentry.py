# A generator cannot be resumed while it is running; generators keep their
# local state independently; many generators suspended at once.
def selfish():
    yield me.__next__()


me = selfish()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def counter(start):
    n = start
    while True:
        step = yield n
        n += step if step is not None else 1


gens = [counter(k * 100) for k in range(5)]
for g in gens:
    next(g)
for i, g in enumerate(gens):
    g.send(i)
print([next(g) for g in gens])
print([g.send(-1) for g in gens])


def interleave(*iters):
    iters = [iter(i) for i in iters]
    while iters:
        for it in list(iters):
            try:
                yield next(it)
            except StopIteration:
                iters.remove(it)


print(list(interleave("abc", [1, 2], (x for x in "XYZW"))))
