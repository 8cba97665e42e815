# generator.close(): GeneratorExit raised at the yield, finally blocks run,
# closing an unstarted or finished generator is a no-op, and a generator
# that yields while closing gives RuntimeError.
def worker(name):
    try:
        for i in range(10):
            yield f"{name}{i}"
    except GeneratorExit:
        print(f"  {name}: GeneratorExit")
        raise
    finally:
        print(f"  {name}: finally")


w = worker("w")
print(next(w), next(w))
w.close()
print("closed:", next(w, "done"))
w.close()
u = worker("u")
u.close()
print("unstarted closed:", list(u))


def stubborn():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("  ignoring GeneratorExit")


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    s.throw(ValueError("finish it"))
except ValueError as e:
    print("ValueError:", e)


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"


r = returns_on_close()
next(r)
print(r.close())


def gen_with_resource():
    print("  acquire")
    try:
        yield "res"
    finally:
        print("  release")


for item in gen_with_resource():
    print("using", item)
    break
print("after break")
