"""Suspended generators hold their frames.  Calling a generator function
allocates its frame (a FRAME block) and a generator object (a GENERATOR
block) that owns it; advancing the generator once leaves the frame
suspended at its first `yield`, with its locals -- here a list of eight
items -- alive for as long as the generator is.  Keeping N such generators
in a list keeps N frames; dropping the list frees all of them.  The marks
let `heaptrail sql` compare the live blocks before, while held, and after
(tests/samples/generator-frames.sh)."""
try:
    import heaptrail
    mark = heaptrail.mark
except ImportError:          # plain python3: no marks
    def mark(label):
        pass

N = 200

def reader(n, tag):
    buf = [tag] * n           # a local the suspended frame keeps alive
    for i in range(n):
        yield buf[i]

mark("before")
gens = []
for i in range(N):
    gen = reader(8, i)
    next(gen)
    gens.append(gen)
mark("held")
print(len(gens), "suspended generators, first yields", next(gens[0]), next(gens[-1]))
del gens, gen
mark("after")
print("dropped")
