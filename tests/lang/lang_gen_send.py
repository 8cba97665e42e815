# generator.send(): the value becomes the result of the yield expression;
# the first send must be None; coroutine-style accumulators.
def accumulator():
    total = 0
    count = 0
    while True:
        value = yield total / count if count else None
        if value is None:
            continue
        total += value
        count += 1


acc = accumulator()
print(acc.send(None))
for v in [10, 20, 60]:
    print(acc.send(v))
print(next(acc))


def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if x == "stop":
            return received


e = echo()
print(next(e), e.send("a"), e.send("b"))
try:
    e.send("stop")
except StopIteration as s:
    print("returned", s.value)
g = echo()
try:
    g.send("too early")
except TypeError as t:
    print("TypeError:", t)


def pingpong():
    x = yield "ready"
    while True:
        x = yield f"got {x!r}"


p = pingpong()
print(p.send(None), p.send(1), p.send([2]), next(p))
