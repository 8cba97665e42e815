# A Richards-like operating-system simulation: task control blocks linked
# in priority order, packets passed between an idle task, a worker, two
# handlers and two devices; class hierarchy with overridden `run`, task
# state flags, and the classic queue-count / hold-count checks.

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_DEVICE, KIND_WORK = 0, 1
BUFSIZE = 4


class Packet:
    def __init__(self, link, ident, kind):
        self.link = link
        self.ident = ident
        self.kind = kind
        self.datum = 0
        self.data = [0] * BUFSIZE

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class TaskState:
    def __init__(self):
        self.packet_pending = True
        self.task_waiting = False
        self.task_holding = False

    def waiting_with_packet(self):
        self.packet_pending, self.task_waiting, self.task_holding = True, True, False
        return self

    def running(self):
        self.packet_pending = self.task_waiting = self.task_holding = False
        return self

    def waiting(self):
        self.packet_pending, self.task_waiting, self.task_holding = False, True, False
        return self

    @property
    def held_or_suspended(self):
        return self.task_holding or (not self.packet_pending and self.task_waiting)

    @property
    def waiting_with_packet_now(self):
        return self.packet_pending and self.task_waiting and not self.task_holding


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 6
        self.task_list = None
        self.current = None
        self.current_id = None
        self.queue_count = 0
        self.hold_count = 0
        self.trace = []

    def add(self, task):
        self.tasks[task.ident] = task
        task.link = self.task_list
        self.task_list = task

    def schedule(self):
        self.current = self.task_list
        while self.current is not None:
            t = self.current
            if t.state.held_or_suspended:
                self.current = t.link
                continue
            self.current_id = t.ident
            if len(self.trace) < 40:
                self.trace.append(str(t.ident))
            if t.state.waiting_with_packet_now:
                pkt = t.input
                t.input = pkt.link
                if t.input is None:
                    t.state.running()
                else:
                    t.state.packet_pending = True
                    t.state.task_waiting = t.state.task_holding = False
            else:
                pkt = None
            self.current = t.run(pkt)

    def find(self, ident):
        t = self.tasks[ident]
        if t is None:
            raise LookupError(f"no task {ident}")
        return t

    def hold_self(self):
        self.hold_count += 1
        t = self.tasks[self.current_id]
        t.state.task_holding = True
        return t.link

    def release(self, ident):
        t = self.find(ident)
        t.state.task_holding = False
        return t if t.priority > self.tasks[self.current_id].priority else self.tasks[self.current_id]

    def wait(self):
        self.tasks[self.current_id].state.task_waiting = True
        return self.tasks[self.current_id]

    def queue_packet(self, pkt):
        t = self.find(pkt.ident)
        self.queue_count += 1
        pkt.link = None
        pkt.ident = self.current_id
        return t.add_input(pkt, self.tasks[self.current_id])


class Task:
    def __init__(self, sched, ident, priority, input_queue, state):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.input = input_queue
        self.state = state
        self.link = None
        sched.add(self)

    def add_input(self, pkt, old):
        if self.input is None:
            self.input = pkt
            self.state.packet_pending = True
            if self.priority > old.priority:
                return self
        else:
            self.input = pkt.append_to(self.input)
        return old

    def run(self, pkt):
        raise NotImplementedError(type(self).__name__)


class IdleTask(Task):
    def __init__(self, sched, ident, priority, count):
        super().__init__(sched, ident, priority, None, TaskState().running())
        self.control = 1
        self.count = count

    def run(self, pkt):
        self.count -= 1
        if self.count == 0:
            return self.sched.hold_self()
        if self.control & 1 == 0:
            self.control //= 2
            return self.sched.release(DEVICE_A)
        self.control = (self.control // 2) ^ 0xD008
        return self.sched.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, TaskState().waiting_with_packet())
        self.dest = HANDLER_A
        self.count = 0

    def run(self, pkt):
        if pkt is None:
            return self.sched.wait()
        self.dest = HANDLER_B if self.dest == HANDLER_A else HANDLER_A
        pkt.ident = self.dest
        pkt.datum = 0
        for i in range(BUFSIZE):
            self.count += 1
            if self.count > 26:
                self.count = 1
            pkt.data[i] = ord("A") + self.count - 1
        return self.sched.queue_packet(pkt)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        super().__init__(sched, ident, priority, queue, TaskState().waiting_with_packet())
        self.work_in = None
        self.device_in = None

    def run(self, pkt):
        if pkt is not None:
            if pkt.kind == KIND_WORK:
                self.work_in = pkt.append_to(self.work_in)
            else:
                self.device_in = pkt.append_to(self.device_in)
        work = self.work_in
        if work is not None:
            count = work.datum
            if count < BUFSIZE:
                dev = self.device_in
                if dev is not None:
                    self.device_in = dev.link
                    dev.datum = work.data[count]
                    work.datum = count + 1
                    return self.sched.queue_packet(dev)
            else:
                self.work_in = work.link
                return self.sched.queue_packet(work)
        return self.sched.wait()


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        super().__init__(sched, ident, priority, None, TaskState().waiting())
        self.pending = None
        self.output = []

    def run(self, pkt):
        if pkt is None:
            if self.pending is None:
                return self.sched.wait()
            p, self.pending = self.pending, None
            return self.sched.queue_packet(p)
        self.pending = pkt
        self.output.append(chr(pkt.datum))
        return self.sched.hold_self()


def richards(count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, count)
    wq = Packet(None, 0, KIND_WORK)
    wq = Packet(wq, 0, KIND_WORK)
    WorkerTask(s, WORKER, 1000, wq)
    for hid, dev, pri in ((HANDLER_A, DEVICE_A, 2000), (HANDLER_B, DEVICE_B, 3000)):
        q = Packet(None, dev, KIND_DEVICE)
        q = Packet(q, dev, KIND_DEVICE)
        q = Packet(q, dev, KIND_DEVICE)
        HandlerTask(s, hid, pri, q)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.schedule()
    return s


for count in (100, 1000, 10000):
    s = richards(count)
    a = "".join(s.tasks[DEVICE_A].output)
    b = "".join(s.tasks[DEVICE_B].output)
    print(f"count={count:6d} queue={s.queue_count:6d} hold={s.hold_count:6d} "
          f"devA={len(a)} devB={len(b)}")
    print("   A:", a[:48])
    print("   B:", b[:48])
s = richards(10000)
ok = s.queue_count == 23246 and s.hold_count == 9297
print("classic check (queue 23246, hold 9297):", "passed" if ok else "failed")
print("schedule trace:", " ".join(s.trace))
try:
    Task(Scheduler(), IDLE, 0, None, TaskState()).run(None)
except NotImplementedError as e:
    print("NotImplementedError:", e)
try:
    Scheduler().find(3)
except LookupError as e:
    print("LookupError:", e)
