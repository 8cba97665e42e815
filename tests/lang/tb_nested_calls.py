# Nested calls: each frame's line marks the call that was running.
def parse(text):
    return int(text)


def scale(value, factor):
    return value * factor


def compute(a, b):
    return scale(parse(a), parse(b)) + 1


result = [compute("2", "3"), compute("4", "x")]
