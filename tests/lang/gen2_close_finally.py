# try/finally in generators: close(), dropping the last reference, errors
def counted(name):
    try:
        for i in range(3):
            yield i
    finally:
        print("finally", name)

g = counted("a")
print(next(g))
g.close()
print("after close", g.gi_frame, g.gi_running)
g.close()  # closing twice is fine

g = counted("b")
next(g)
del g      # refcount drop runs the finally
print("after del")

g = counted("c")
print(list(g))

# a generator that was never started runs no code on close
g = counted("never")
g.close()
print("never started closed")

# catching GeneratorExit and returning is fine
def polite():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        return "ignored value"

p = polite()
next(p)
print(p.close())

# yielding after GeneratorExit is an error
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2

s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)

# an exception in finally propagates out of close()
def bad():
    try:
        yield 1
    finally:
        raise KeyError("from finally")

b = bad()
next(b)
try:
    b.close()
except KeyError as e:
    print("KeyError:", e)

# a generator in a for loop that breaks is closed when dropped
for x in counted("loop"):
    if x == 1:
        break
print("after loop")

# nested finally order
def nested():
    try:
        try:
            yield 1
        finally:
            print("inner finally")
    finally:
        print("outer finally")

n = nested()
next(n)
n = None
print("end")

# dropping a generator that refuses to close reports it on stderr
s2 = stubborn()
next(s2)
del s2
print("reported")
