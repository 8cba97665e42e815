# gc: collect returns the number of unreachable objects it found.
import gc

gc.collect()
for i in range(100):
    cycle = []
    cycle.append(cycle)
del cycle
print(gc.collect())


print(gc.collect())
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
count = gc.get_count()
print(type(count).__name__, len(count), all([isinstance(c, int) for c in count]))
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.is_tracked([]), gc.is_tracked(1))
print(gc.collect(0) >= 0, gc.collect(generation=1) >= 0)
for call in (lambda: gc.collect(3), lambda: gc.collect("a"), lambda: gc.enable(1)):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
