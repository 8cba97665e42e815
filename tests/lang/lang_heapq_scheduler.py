# A time-ordered event loop on heapq with (time, seq) keys so that events
# at the same time run in insertion order; events schedule more events.
import heapq

queue = []
seq = 0
log = []


def schedule(t, name, action=None):
    global seq
    heapq.heappush(queue, (t, seq, name, action))
    seq += 1


def spawn_children(t):
    for k in range(2):
        schedule(t + 1 + k, f"child{k}@{t}")


schedule(5, "five")
schedule(1, "one", spawn_children)
schedule(1, "one-b")
schedule(3, "three", lambda t: schedule(t, "three-again"))
schedule(0, "zero")
while queue:
    t, s, name, action = heapq.heappop(queue)
    log.append(f"{t}:{name}")
    if action:
        action(t)
print(log)
print(seq, heapq.nsmallest(0, [1]), queue)
