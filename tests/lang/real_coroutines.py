# A round-robin scheduler of generator-based tasks (pyperformance's
# "generators"/"coroutines" style): tasks yield system calls, a mailbox
# passes values with send(), and a tree walker uses yield from.
from collections import deque


class SysCall:
    def handle(self, sched, task):
        raise NotImplementedError


class GetTid(SysCall):
    def handle(self, sched, task):
        task.sendval = task.tid
        sched.ready.append(task)


class Spawn(SysCall):
    def __init__(self, gen, name):
        self.gen, self.name = gen, name

    def handle(self, sched, task):
        task.sendval = sched.new(self.gen, self.name)
        sched.ready.append(task)


class Send(SysCall):
    def __init__(self, tid, value):
        self.tid, self.value = tid, value

    def handle(self, sched, task):
        sched.mailboxes.setdefault(self.tid, deque()).append(self.value)
        waiting = sched.waiting.pop(self.tid, None)
        if waiting is not None:
            waiting.sendval = sched.mailboxes[self.tid].popleft()
            sched.ready.append(waiting)
        sched.ready.append(task)


class Recv(SysCall):
    def handle(self, sched, task):
        box = sched.mailboxes.get(task.tid)
        if box:
            task.sendval = box.popleft()
            sched.ready.append(task)
        else:
            sched.waiting[task.tid] = task


class Task:
    def __init__(self, tid, gen, name):
        self.tid, self.gen, self.name = tid, gen, name
        self.sendval = None
        self.steps = 0

    def run(self):
        self.steps += 1
        return self.gen.send(self.sendval)


class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.tasks = {}
        self.mailboxes = {}
        self.waiting = {}
        self.next_tid = 0
        self.log = []

    def new(self, gen, name):
        self.next_tid += 1
        t = Task(self.next_tid, gen, name)
        self.tasks[t.tid] = t
        self.ready.append(t)
        return t.tid

    def mainloop(self):
        switches = 0
        while self.ready:
            task = self.ready.popleft()
            switches += 1
            try:
                result = task.run()
            except StopIteration as stop:
                self.log.append("%s(%d) exited with %r after %d steps" % (task.name, task.tid, stop.value, task.steps))
                del self.tasks[task.tid]
                continue
            if isinstance(result, SysCall):
                result.handle(self, task)
            else:
                task.sendval = None
                self.ready.append(task)
        return switches


def consumer(results):
    me = yield GetTid()
    total = 0
    while True:
        item = yield Recv()
        if item is None:
            break
        total += item
        results.append((me, item))
    return total


def producer(target, items):
    for it in items:
        yield Send(target, it)
        yield
    yield Send(target, None)
    return len(items)


def boss(results):
    c = yield Spawn(consumer(results), "consumer")
    p1 = yield Spawn(producer(c, [1, 2, 3]), "producer-a")
    p2 = yield Spawn(producer(c, [10, 20]), "producer-b")
    return (c, p1, p2)


results = []
s = Scheduler()
s.new(boss(results), "boss")
print("switches:", s.mainloop())
for line in s.log:
    print(line)
print(results, s.tasks, s.waiting, {k: list(v) for k, v in s.mailboxes.items()})


def walk(tree, depth=0):
    label, children = tree
    yield "  " * depth + label
    for ch in children:
        yield from walk(ch, depth + 1)


def leaves(tree):
    label, children = tree
    if not children:
        yield label
    for ch in children:
        yield from leaves(ch)


tree = ("root", [("a", [("a1", []), ("a2", [("a2x", [])])]), ("b", []), ("c", [("c1", [])])])
print("\n".join(walk(tree)))
print(list(leaves(tree)), sum(1 for _ in walk(tree)), max(walk(tree), key=len).strip())


def running_stats():
    n = total = 0
    sq = 0.0
    value = yield None
    while value is not None:
        n += 1
        total += value
        sq += value * value
        mean = total / n
        value = yield (n, mean, (sq / n - mean * mean) ** 0.5)
    return n


gen = running_stats()
next(gen)
for v in [2, 4, 4, 4, 5, 5, 7, 9]:
    n, mean, sd = gen.send(v)
print(n, mean, sd)
try:
    gen.send(None)
except StopIteration as e:
    print("final count", e.value)
g2 = running_stats()
next(g2)
g2.close()
print(g2.gi_frame is None if hasattr(g2, "gi_frame") else True)
try:
    g3 = consumer([])
    next(g3)
    g3.throw(ValueError("bad item"))
except ValueError as e:
    print("thrown through:", e)
