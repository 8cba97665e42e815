"""Retainers at the second mark: at mark "b" the jobs are held by
registry['jobs']; after it they move to the global `moved`."""
import heaptrail

registry = {}
heaptrail.mark("a")
registry["jobs"] = [[i] for i in range(4)]
heaptrail.mark("b")
moved = registry.pop("jobs")
print(len(moved))
