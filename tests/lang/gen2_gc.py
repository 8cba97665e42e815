# the cycle collector and suspended generators
import gc

def holds_itself():
    me = yield "started"
    try:
        yield "holding"
    finally:
        print("finally of the self-referencing generator")

g = holds_itself()
print(next(g))
print(g.send(g))
del g
print("dropped")
gc.collect()
print("collected")

def plain_cycle():
    box = []
    box.append((yield))
    yield len(box)

g = plain_cycle()
next(g)
g.send(g)
del g
gc.collect()
print("plain cycle collected")

# many suspended generators kept and then dropped
gens = []
for i in range(100):
    def gen(i=i):
        data = [i] * 10
        yield sum(data)
        yield i
    gi = gen()
    next(gi)
    gens.append(gi)
print(sum(next(x) for x in gens))
del gens
gc.collect()
print("many dropped")

# a frame kept alive by gi_frame outlives the generator's run
def local_holder():
    secret = "kept"
    yield 1

g = local_holder()
next(g)
fr = g.gi_frame
print(fr.f_locals["secret"], fr.f_code.co_name)
print(list(g), g.gi_frame)
del g
print(fr.f_code.co_name)
