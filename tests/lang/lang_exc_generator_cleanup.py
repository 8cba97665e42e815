# Exceptions and generator cleanup: an exception raised inside a for body
# closes the generator when it is dropped; finally blocks inside
# generators run in the right order relative to the handler.
def resource(name):
    print(f"  open {name}")
    try:
        for i in range(3):
            yield f"{name}{i}"
    finally:
        print(f"  close {name}")


def consume():
    for item in resource("r"):
        print("  got", item)
        if item.endswith("1"):
            raise ValueError("stop at " + item)


try:
    consume()
except ValueError as e:
    print("handler:", e)


def nested():
    try:
        yield from resource("inner")
    finally:
        print("  outer finally")


g = nested()
print(next(g))
del g
print("after del")
