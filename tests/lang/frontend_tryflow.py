# try/except/else/finally with break, continue and return crossing them
def f1(n):
    out = []
    for i in range(n):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append(-i)
    else:
        out.append("else")
    return out

print(f1(2))
print(f1(5))

def f2():
    try:
        return "try"
    finally:
        print("finally runs before the return value is used")

print(f2())

def f3():
    try:
        return "try"
    finally:
        return "finally wins"

print(f3())

def f4(x):
    try:
        r = 10 // x
    except ZeroDivisionError as e:
        print("caught:", e)
        r = None
    except (TypeError, ValueError):
        print("type or value")
        r = -1
    else:
        print("no error")
    finally:
        print("cleanup", x)
    return r

print(f4(2))
print(f4(0))
print(f4("a"))

def f5():
    try:
        try:
            raise KeyError("inner")
        except KeyError as e:
            print("handling", repr(e))
            raise ValueError("outer") from e
    except ValueError as e:
        print("got", e, "cause", repr(e.__cause__))
    try:
        e
    except NameError as ne:
        print("NameError:", ne)

f5()

def f6():
    for i in range(3):
        try:
            try:
                if i == 0:
                    raise RuntimeError("zero")
                if i == 1:
                    continue
                return i
            except RuntimeError:
                print("runtime", i)
                continue
            finally:
                print("inner finally", i)
        finally:
            print("outer finally", i)
    return "end"

print(f6())

def f7():
    while True:
        try:
            return "from while"
        finally:
            break
    return "after break"

print(f7())

def f8():
    try:
        raise IndexError("x")
    except IndexError:
        try:
            raise TypeError("y")
        except TypeError as t:
            print("nested", t)
        print("still handling")
    print("done")

f8()

def f9(seq):
    total = 0
    for x in seq:
        try:
            total += int(x)
        except ValueError:
            pass
    return total

print(f9(["1", "a", "3"]))

try:
    raise
except RuntimeError as e:
    print("bare raise:", e)

try:
    assert 1 == 2, "math"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("assert empty:", repr(e))
