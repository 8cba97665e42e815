# return/break/continue in finally override the pending exception or
# return value; a finally without return keeps the original value.
def f1():
    try:
        return "try"
    finally:
        return "finally"


def f2():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"


def f3():
    x = 1
    try:
        return x
    finally:
        x = 2


def f4():
    for i in range(3):
        try:
            raise RuntimeError(i)
        finally:
            if i < 2:
                continue
            break
    return "loop done"


def f5():
    log = []
    try:
        try:
            raise KeyError("a")
        finally:
            log.append("inner")
    except KeyError:
        log.append("caught")
    return log


print(f1(), f2(), f3(), f4(), f5())


def counter():
    n = 0
    try:
        n += 1
        return n
    finally:
        n += 100
        print("finally sees", n)


print(counter())
