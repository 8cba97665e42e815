# A discrete-event simulator in the style of SimPy: processes are
# generators that yield events (timeouts, resource requests, signals); the
# environment keeps a priority queue with heapq, resumes processes with
# send(), interrupts them with throw(), and shuts them down with close().
import heapq


class Interrupt(Exception):
    def __init__(self, cause):
        super().__init__(cause)
        self.cause = cause


class Event:
    def __init__(self, env):
        self.env = env
        self.callbacks = []
        self.value = None
        self.triggered = False

    def succeed(self, value=None):
        if self.triggered:
            raise RuntimeError("event already triggered")
        self.triggered = True
        self.value = value
        self.env.schedule(self, 0)
        return self


class Timeout(Event):
    def __init__(self, env, delay, value=None):
        super().__init__(env)
        if delay < 0:
            raise ValueError(f"negative delay {delay}")
        self.triggered = True
        self.value = value
        env.schedule(self, delay)


class Process(Event):
    def __init__(self, env, gen, name):
        super().__init__(env)
        self.gen = gen
        self.name = name
        self.target = None
        start = Event(env)
        start.callbacks.append(self._resume)
        start.succeed()

    def _resume(self, event):
        if self.triggered:
            return
        self.env.active = self
        try:
            if isinstance(event, _InterruptEvent):
                nxt = self.gen.throw(Interrupt(event.value))
            else:
                nxt = self.gen.send(event.value)
        except StopIteration as stop:
            self.target = None
            self.succeed(stop.value)
            return
        finally:
            self.env.active = None
        self.target = nxt
        if nxt.triggered and nxt not in self.env.pending_events():
            self.env.schedule_call(self._resume, nxt)
        else:
            nxt.callbacks.append(self._resume)

    def interrupt(self, cause):
        if self.triggered:
            return
        if self.target is not None and self._resume in self.target.callbacks:
            self.target.callbacks.remove(self._resume)
        ev = _InterruptEvent(self.env)
        ev.callbacks.append(self._resume)
        ev.succeed(cause)


class _InterruptEvent(Event):
    pass


class Environment:
    def __init__(self):
        self.now = 0
        self.queue = []
        self.eid = 0
        self.active = None

    def schedule(self, event, delay):
        self.eid += 1
        heapq.heappush(self.queue, (self.now + delay, self.eid, event))

    def schedule_call(self, fn, event):
        holder = Event(self)
        holder.callbacks.append(lambda _ev: fn(event))
        holder.succeed()

    def pending_events(self):
        return [e for _, _, e in self.queue]

    def timeout(self, delay, value=None):
        return Timeout(self, delay, value)

    def process(self, gen, name="proc"):
        return Process(self, gen, name)

    def run(self, until=None):
        while self.queue:
            when, _, event = self.queue[0]
            if until is not None and when > until:
                self.now = until
                return
            heapq.heappop(self.queue)
            self.now = when
            callbacks, event.callbacks = event.callbacks, []
            for cb in callbacks:
                cb(event)


class Resource:
    def __init__(self, env, capacity):
        self.env = env
        self.capacity = capacity
        self.users = 0
        self.waiting = []
        self.max_queue = 0

    def request(self):
        ev = Event(self.env)
        if self.users < self.capacity:
            self.users += 1
            ev.succeed(self.env.now)
        else:
            self.waiting.append(ev)
            self.max_queue = max(self.max_queue, len(self.waiting))
        return ev

    def release(self):
        if self.waiting:
            self.waiting.pop(0).succeed(self.env.now)
        else:
            self.users -= 1


LOG = []


def log(env, msg):
    LOG.append(f"{env.now:6.1f}  {msg}")


def customer(env, name, counter, service, patience):
    arrive = env.now
    log(env, f"{name} arrives")
    req = counter.request()
    got = yield req
    wait = env.now - arrive
    if wait > patience:
        log(env, f"{name} waited {wait:.1f}, too long; leaves angry")
        counter.release()
        return ("angry", wait)
    log(env, f"{name} served after waiting {wait:.1f} (queued at {got:.1f})")
    try:
        yield env.timeout(service)
    except Interrupt as i:
        log(env, f"{name} interrupted: {i.cause}")
        counter.release()
        return ("interrupted", wait)
    counter.release()
    log(env, f"{name} done")
    return ("served", wait)


def source(env, counter, results):
    rng = 7
    for i in range(8):
        rng = (rng * 75 + 74) % 65537
        service = 2 + rng % 5
        p = env.process(customer(env, f"c{i}", counter, service, patience=3.2), f"c{i}")
        results.append(p)
        yield env.timeout(1.5)


def alarm(env, victims):
    yield env.timeout(0.75)
    log(env, "ALARM!")
    for p in victims:
        p.interrupt("fire drill")


def ticker(env):
    n = 0
    try:
        while True:
            yield env.timeout(5)
            n += 1
    finally:
        LOG.append(f"ticker stopped after {n} ticks")


env = Environment()
counter = Resource(env, 2)
results = []
env.process(source(env, counter, results), "source")
env.run(until=9)
env.process(alarm(env, results[2:5]), "alarm")
tick_gen = ticker(env)
env.process(tick_gen, "ticker")
env.run(until=60)
tick_gen.close()
for line in LOG:
    print(line)
print("outcomes:")
for p in results:
    print(f"  {p.name}: {p.value[0]:<12} waited {p.value[1]:4.1f}")
served = [p for p in results if p.value[0] == "served"]
print(f"served {len(served)}/{len(results)}, mean wait "
      f"{sum(p.value[1] for p in served) / len(served):.2f}, max queue {counter.max_queue}")
try:
    env.timeout(-1)
except ValueError as e:
    print("ValueError:", e)
ev = Event(env)
ev.succeed(1)
try:
    ev.succeed(2)
except RuntimeError as e:
    print("RuntimeError:", e)
