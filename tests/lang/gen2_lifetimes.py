# generator lifetimes: frames kept by tracebacks, cycles, close/throw early
import gc
def g():
    local = [1, 2]
    yield 1
    raise ValueError("x")
try:
    for x in g(): pass
except ValueError as e:
    saved = e
gc.collect()
tb = saved.__traceback__
while tb.tb_next: tb = tb.tb_next
print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals["local"], tb.tb_lineno)
del saved, tb
def h():
    try:
        yield 1
    finally:
        return "from finally"
x = h(); next(x); print(x.close())
y = h(); 
try:
    y.throw(KeyError("early"))
except KeyError as e:
    print("early", e)
def cyc():
    d = {}
    d["me"] = d
    while True:
        d["g"] = (yield d)
z = cyc(); d = next(z); z.send(z)
del z, d
print(gc.collect() > 0)
def inner_gc():
    for i in range(3):
        gc.collect()
        yield i
print(list(inner_gc()), [i for i in inner_gc()])
def chain(n):
    if n: yield from chain(n - 1)
    else: yield "bottom"
c = chain(50); print(next(c)); print(c.gi_yieldfrom is not None); c.close(); print(c.gi_frame)
gens = [(i for i in range(3)) for _ in range(3)]
print([next(q) for q in gens], [list(q) for q in gens])
