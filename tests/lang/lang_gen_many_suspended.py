# Many generators suspended at once, each holding its own frame and local
# state; round-robin scheduling over them until all finish.
def worker(wid, steps):
    total = 0
    for s in range(steps):
        total += wid * s
        yield f"w{wid}:{s}"
    return total


gens = {wid: worker(wid, wid % 4 + 1) for wid in range(1, 41)}
trace = []
results = {}
while gens:
    for wid in list(gens):
        try:
            trace.append(next(gens[wid]))
        except StopIteration as stop:
            results[wid] = stop.value
            del gens[wid]
print(len(trace), trace[:6], trace[-3:])
print(sum(results.values()), [results[k] for k in (1, 2, 3, 40)])
