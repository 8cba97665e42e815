# A richards-like task scheduler: tasks with priorities, packets passed
# between device, handler, worker and idle tasks, all as classes.

I_IDLE, I_WORK, I_HANDLERA, I_HANDLERB, I_DEVA, I_DEVB = range(1, 7)
K_DEV, K_WORK = 1000, 1001
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, lst):
        self.link = None
        if lst is None:
            return self
        p = lst
        while p.link is not None:
            p = p.link
        p.link = self
        return lst

    def __repr__(self):
        return "Packet(id=%d, kind=%d, datum=%d)" % (self.ident, self.kind, self.datum)


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def is_held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and not self.task_waiting)


class Scheduler:
    def __init__(self):
        self.tasks = {}
        self.order = []
        self.hold_count = 0
        self.qpkt_count = 0
        self.trace = []

    def add(self, task):
        self.tasks[task.ident] = task
        self.order.append(task)
        self.order.sort(key=lambda t: -t.priority)

    def find(self, ident):
        t = self.tasks.get(ident)
        if t is None:
            raise KeyError("no task %r" % ident)
        return t

    def queue(self, pkt):
        target = self.find(pkt.ident)
        self.qpkt_count += 1
        pkt.link = None
        pkt.ident = self.current.ident
        target.inbox = pkt.append_to(target.inbox)
        target.state.packet_pending = True

    def run(self, limit):
        steps = 0
        while steps < limit:
            ready = [t for t in self.order if not t.state.is_held_or_suspended()]
            if not ready:
                break
            for t in ready:
                self.current = t
                t.step(self)
                steps += 1
        return steps


class Task:
    def __init__(self, ident, priority, inbox):
        self.ident = ident
        self.priority = priority
        self.inbox = inbox
        self.state = TaskState()
        self.count = 0

    def take(self):
        p = self.inbox
        if p is not None:
            self.inbox = p.link
            p.link = None
        if self.inbox is None:
            self.state.packet_pending = False
        return p

    def __str__(self):
        return "%s#%d(p=%d, n=%d)" % (type(self).__name__, self.ident, self.priority, self.count)


class IdleTask(Task):
    def __init__(self, ident, priority, seed):
        super().__init__(ident, priority, None)
        self.seed = seed
        self.state.packet_pending = True

    def step(self, sched):
        self.count += 1
        if self.count > 60:
            self.state.task_holding = True
            return
        if self.seed & 1:
            self.seed = (self.seed >> 1) ^ 0xD008
            target = I_DEVB
        else:
            self.seed >>= 1
            target = I_DEVA
        sched.trace.append("i%d" % target)
        sched.hold_count += 1


class WorkTask(Task):
    def __init__(self, ident, priority, inbox):
        super().__init__(ident, priority, inbox)
        self.dest = I_HANDLERA
        self.n = 0

    def step(self, sched):
        p = self.take()
        if p is None:
            return
        self.count += 1
        self.dest = I_HANDLERB if self.dest == I_HANDLERA else I_HANDLERA
        p.ident = self.dest
        p.datum = 0
        for i in range(BUFSIZE):
            self.n += 1
            if self.n > 26:
                self.n = 1
            p.data[i] = ord("A") + self.n - 1
        sched.trace.append("w" + "".join(map(chr, p.data)))
        sched.queue(p)


class HandlerTask(Task):
    def step(self, sched):
        p = self.take()
        if p is None:
            return
        self.count += 1
        p.datum = sum(p.data) % 97
        sched.trace.append("h%d:%d" % (self.ident, p.datum))
        p.ident = I_WORK if self.count % 3 else I_IDLE
        if p.ident == I_IDLE:
            sched.trace.append("drop")
            return
        sched.queue(p)


def build():
    s = Scheduler()
    s.add(IdleTask(I_IDLE, 1, 10000))
    wkq = Packet(None, 0, K_WORK)
    wkq = Packet(wkq, 0, K_WORK)
    s.add(WorkTask(I_WORK, 1000, wkq))
    s.add(HandlerTask(I_HANDLERA, 2000, None))
    s.add(HandlerTask(I_HANDLERB, 3000, None))
    return s


sched = build()
steps = sched.run(400)
print("steps:", steps)
print("queued:", sched.qpkt_count, "holds:", sched.hold_count)
for t in sched.order:
    print(t)
print(" ".join(sched.trace[:30]))
print(len(sched.trace), sched.trace[-5:])
print(repr(Packet(None, 3, K_DEV)))
try:
    sched.find(99)
except KeyError as e:
    print("KeyError", e)
