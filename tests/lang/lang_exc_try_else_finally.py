# try/except/else/finally: which blocks run in each case, in order.
def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError("bad")
        if action == "return":
            return log + ["returned"]
        if action == "other":
            raise KeyError("k")
    except ValueError as e:
        log.append(f"except {e}")
    else:
        log.append("else")
    finally:
        log.append("finally")
    log.append("after")
    return log


for action in ["ok", "raise", "return"]:
    print(action, run(action))
try:
    run("other")
except KeyError as e:
    print("escaped:", repr(e))


def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer caught")
    else:
        print("no else")
    finally:
        print("outer finally")


nested()
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("finally", i)
while True:
    try:
        break
    finally:
        print("finally on break")
