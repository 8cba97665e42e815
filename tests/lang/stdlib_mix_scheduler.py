# a discrete-event simulation of a print shop: heapq events, deque queues,
# random arrivals, Counter statistics, itertools ids
import heapq
import random
from collections import deque, Counter
from itertools import count
from functools import partial

rng = random.Random(1234)
ids = count(1)
events = []
seq = count()

def schedule(time, kind, job=None):
    heapq.heappush(events, (time, next(seq), kind, job))

printers = {"fast": None, "slow": None}
speed = {"fast": 2.0, "slow": 5.0}
waiting = deque()
done = []
stats = Counter()
log = []

def arrive(now):
    job = {"id": next(ids), "pages": rng.randint(1, 20), "arrived": now}
    stats["arrived"] += 1
    waiting.append(job)
    schedule(now + rng.expovariate(1 / 6.0), "arrive")

def start_jobs(now):
    for name in sorted(printers):
        if printers[name] is None and waiting:
            job = waiting.popleft()
            printers[name] = job
            finish = now + job["pages"] / speed[name]
            schedule(finish, "finish", (name, job))
            stats["started_" + name] += 1

def finish(now, payload):
    name, job = payload
    printers[name] = None
    job["done"] = now
    done.append(job)
    stats["finished"] += 1

schedule(0.0, "arrive")
handlers = {"arrive": lambda now, job: arrive(now), "finish": finish}
while events:
    now, _, kind, job = heapq.heappop(events)
    if now > 120:
        break
    handlers[kind](now, job)
    start_jobs(now)
    if len(log) < 12:
        log.append("%7.3f %-6s queue=%d" % (now, kind, len(waiting)))

print("\n".join(log))
print(sorted(stats.items()))
waits = [j["done"] - j["arrived"] for j in done]
print("jobs done:", len(done), "mean turnaround: %.4f" % (sum(waits) / len(waits)))
print("longest:", max(done, key=lambda j: j["done"] - j["arrived"])["id"])
buckets = Counter([min(int(w // 5) * 5, 30) for w in waits])
for b in sorted(buckets):
    print("%2d-%2d %s" % (b, b + 4, "#" * buckets[b]))
pages = Counter()
for j in done:
    pages["small" if j["pages"] <= 5 else "medium" if j["pages"] <= 12 else "large"] += 1
print(pages.most_common())
fmt = partial("{:>4}: {}".format)
for j in done[:5]:
    print(fmt(j["id"], j["pages"]))
