# A cooperative task scheduler: tasks are generators, the ready queue is a
# hand-written binary heap keyed by (time, sequence); tasks sleep, spawn
# children, wait on each other and exchange messages through channels.


class Heap:
    """A min-heap of (key, item) pairs, implemented by hand."""

    def __init__(self):
        self._a = []

    def __len__(self):
        return len(self._a)

    def __bool__(self):
        return bool(self._a)

    def push(self, key, item):
        a = self._a
        a.append((key, item))
        i = len(a) - 1
        while i > 0:
            parent = (i - 1) // 2
            if a[parent][0] <= a[i][0]:
                break
            a[parent], a[i] = a[i], a[parent]
            i = parent

    def pop(self):
        a = self._a
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i, n = 0, len(a)
            while True:
                l, r, small = 2 * i + 1, 2 * i + 2, i
                if l < n and a[l][0] < a[small][0]:
                    small = l
                if r < n and a[r][0] < a[small][0]:
                    small = r
                if small == i:
                    break
                a[i], a[small] = a[small], a[i]
                i = small
        return top


class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks


class Spawn:
    def __init__(self, gen, name):
        self.gen, self.name = gen, name


class Join:
    def __init__(self, task_id):
        self.task_id = task_id


class Recv:
    def __init__(self, chan):
        self.chan = chan


class Send:
    def __init__(self, chan, value):
        self.chan, self.value = chan, value


class Task:
    next_id = 1

    def __init__(self, gen, name):
        self.gen = gen
        self.name = name
        self.id = Task.next_id
        Task.next_id += 1
        self.result = None
        self.done = False
        self.waiters = []
        self.send_value = None

    def __repr__(self):
        state = "done" if self.done else "live"
        return f"Task#{self.id}({self.name}, {state})"


class Scheduler:
    def __init__(self):
        self.now = 0
        self.seq = 0
        self.queue = Heap()
        self.tasks = {}
        self.channels = {}
        self.log = []
        self.switches = 0

    def spawn(self, gen, name):
        t = Task(gen, name)
        self.tasks[t.id] = t
        self.schedule(t, 0)
        return t.id

    def schedule(self, task, delay, value=None):
        self.seq += 1
        task.send_value = value
        self.queue.push((self.now + delay, self.seq), task)

    def emit(self, msg):
        self.log.append(f"[t={self.now:3d}] {msg}")

    def run(self):
        while self.queue:
            (when, _), task = self.queue.pop()
            self.now = when
            self.step(task)
        return self.now

    def step(self, task):
        self.switches += 1
        try:
            request = task.gen.send(task.send_value)
        except StopIteration as stop:
            task.done = True
            task.result = stop.value
            self.emit(f"{task.name} finished -> {stop.value!r}")
            for w in task.waiters:
                self.schedule(w, 0, stop.value)
            return
        except Exception as exc:
            task.done = True
            self.emit(f"{task.name} crashed: {type(exc).__name__}: {exc}")
            for w in task.waiters:
                self.schedule(w, 0, None)
            return
        if isinstance(request, Sleep):
            self.schedule(task, request.ticks)
        elif isinstance(request, Spawn):
            child = self.spawn(request.gen, request.name)
            self.schedule(task, 0, child)
        elif isinstance(request, Join):
            target = self.tasks[request.task_id]
            if target.done:
                self.schedule(task, 0, target.result)
            else:
                target.waiters.append(task)
        elif isinstance(request, Recv):
            chan = self.channels.setdefault(request.chan, ([], []))
            items, receivers = chan
            if items:
                self.schedule(task, 0, items.pop(0))
            else:
                receivers.append(task)
        elif isinstance(request, Send):
            items, receivers = self.channels.setdefault(request.chan, ([], []))
            if receivers:
                self.schedule(receivers.pop(0), 0, request.value)
            else:
                items.append(request.value)
            self.schedule(task, 0)
        else:
            raise TypeError(f"bad request {request!r} from {task.name}")


def worker(name, n, delay):
    total = 0
    for i in range(n):
        yield Sleep(delay)
        total += i * delay
    return f"{name}:{total}"


def producer(chan, items):
    for it in items:
        yield Sleep(3)
        yield Send(chan, it)
    yield Send(chan, None)
    return len(items)


def consumer(chan):
    got = []
    while True:
        item = yield Recv(chan)
        if item is None:
            break
        got.append(item * 2)
    return got


def faulty():
    yield Sleep(5)
    raise ValueError("sensor offline")


def supervisor():
    ids = []
    for k in range(1, 4):
        tid = yield Spawn(worker(f"w{k}", k + 2, k), f"w{k}")
        ids.append(tid)
    results = []
    for tid in ids:
        r = yield Join(tid)
        results.append(r)
    bad = yield Spawn(faulty(), "faulty")
    r = yield Join(bad)
    results.append(r)
    return results


def pipeline():
    c = yield Spawn(consumer("jobs"), "consumer")
    p = yield Spawn(producer("jobs", [5, 1, 4]), "producer")
    got = yield Join(c)
    count = yield Join(p)
    return (count, got)


def main():
    s = Scheduler()
    s.spawn(supervisor(), "supervisor")
    s.spawn(pipeline(), "pipeline")
    end = s.run()
    for line in s.log:
        print(line)
    print("finished at", end, "after", s.switches, "switches")
    for tid in sorted(s.tasks):
        t = s.tasks[tid]
        print(f"  {t!r:28} result={t.result!r}")
    h = Heap()
    for k, word in enumerate("the quick brown fox jumps over lazy dogs".split()):
        h.push((len(word), word), k)
    order = []
    while h:
        order.append(h.pop()[0][1])
    print(" ".join(order))


main()
