# The cycle collector: gc.collect() returns the number of unreachable
# objects it found, as CPython's does.
import gc

gc.collect()
a = []
a.append(a)
del a
print(gc.collect())

def make_pair():
    l = [1]
    d = {"l": l}
    l.append(d)
make_pair()
print(gc.collect())

def closure_cycle():
    def inner():
        return inner
    return None
for _ in range(3):
    closure_cycle()
print(gc.collect())

x = [1, 2, 3]
print(gc.collect(), x)
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
