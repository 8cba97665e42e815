# resource: getrusage returns a struct_rusage record.
import resource

r = resource.getrusage(resource.RUSAGE_SELF)
print(r.ru_maxrss > 1000, r.ru_maxrss == r[2], len(r))
print(type(r.ru_utime).__name__, type(r.ru_stime).__name__, type(r.ru_minflt).__name__)
print(r.ru_utime >= 0, r.ru_stime >= 0, r.ru_minflt > 0)
print(repr(r).startswith("resource.struct_rusage(ru_utime="), type(r).__name__)
print(resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN, resource.RUSAGE_THREAD)
c = resource.getrusage(resource.RUSAGE_CHILDREN)
print(c.ru_maxrss >= 0, tuple(r)[2] == r.ru_maxrss, r[-1] == r.ru_nivcsw)
print(resource.getpagesize() % 4096 == 0)
big = [0] * 3_000_000
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >= r.ru_maxrss)
for call in (lambda: resource.getrusage(5), lambda: resource.getrusage("a"),
             lambda: r.ru_nope, lambda: r[16]):
    try:
        call()
    except (TypeError, ValueError, AttributeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
