# an exception leaving a generator: traceback through the consumer
def producer():
    yield 1
    yield 2
    raise ValueError("producer failed")

def middle():
    yield from producer()

def consume():
    total = 0
    for v in middle():
        total += v
    return total

consume()
