# A task-scheduler simulation (issue #4's class-heavy shape): small objects,
# many method calls and property reads, a priority queue kept by hand.
class Task:
    def __init__(self, tid, priority, work, period):
        self.tid = tid
        self.priority = priority
        self.remaining = work
        self.period = period
        self.runs = 0
        self.waited = 0

    @property
    def done(self):
        return self.remaining <= 0

    @property
    def weight(self):
        return self.priority * 4 + self.waited // 8

    def run(self, quantum):
        used = quantum if quantum < self.remaining else self.remaining
        self.remaining -= used
        self.runs += 1
        self.waited = 0
        return used

    def age(self):
        self.waited += 1


class Event:
    def __init__(self, time, kind, task):
        self.time = time
        self.kind = kind
        self.task = task

    def before(self, other):
        if self.time != other.time:
            return self.time < other.time
        return self.task.tid < other.task.tid


class EventQueue:
    """A binary heap of Events ordered by Event.before."""

    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def push(self, ev):
        items = self.items
        items.append(ev)
        i = len(items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if items[i].before(items[parent]):
                items[i], items[parent] = items[parent], items[i]
                i = parent
            else:
                break

    def pop(self):
        items = self.items
        top = items[0]
        last = items.pop()
        if items:
            items[0] = last
            i = 0
            n = len(items)
            while True:
                left = 2 * i + 1
                if left >= n:
                    break
                best = left
                right = left + 1
                if right < n and items[right].before(items[left]):
                    best = right
                if items[best].before(items[i]):
                    items[i], items[best] = items[best], items[i]
                    i = best
                else:
                    break
        return top


class Stats:
    def __init__(self):
        self.slices = 0
        self.busy = 0
        self.finished = 0
        self.idle = 0

    def record(self, used):
        self.slices += 1
        self.busy += used


class Scheduler:
    def __init__(self, quantum):
        self.quantum = quantum
        self.ready = []
        self.events = EventQueue()
        self.clock = 0
        self.stats = Stats()
        self.log = []

    def submit(self, task, at):
        self.events.push(Event(at, "arrive", task))

    def pick(self):
        ready = self.ready
        best = 0
        best_weight = ready[0].weight
        for i in range(1, len(ready)):
            w = ready[i].weight
            if w > best_weight:
                best = i
                best_weight = w
        return ready.pop(best)

    def admit(self):
        events = self.events
        while len(events) and events.items[0].time <= self.clock:
            ev = events.pop()
            if ev.kind == "arrive":
                self.ready.append(ev.task)

    def step(self):
        self.admit()
        if not self.ready:
            self.stats.idle += 1
            self.clock += 1
            return
        task = self.pick()
        used = task.run(self.quantum)
        self.stats.record(used)
        self.clock += used
        for other in self.ready:
            other.age()
        if task.done:
            self.stats.finished += 1
            if task.period:
                task.remaining = task.period * 3
                self.submit(task, self.clock + task.period)
            elif len(self.log) < 5:
                self.log.append((task.tid, self.clock, task.runs))
        else:
            self.ready.append(task)


def simulate(ntasks, steps, seed):
    state = seed
    sched = Scheduler(quantum=5)
    for tid in range(ntasks):
        state = (state * 1103515245 + 12345) % 2147483648
        priority = state % 7
        work = 10 + state % 50
        period = 40 + state % 90 if tid % 3 == 0 else 0
        sched.submit(Task(tid, priority, work, period), state % 400)
    for _ in range(steps):
        sched.step()
    s = sched.stats
    return s.slices, s.busy, s.finished, s.idle, sched.clock, sched.log


total = 0
for seed in range(1, 33):
    result = simulate(60, 12000, seed)
    total += result[0] + result[1] + result[2]
    print(seed, result)
print("total", total)
