# __exit__ runs when the block is left by return, break, continue, or an
# exception, and runs exactly once.
class Log:
    def __init__(self, tag, log):
        self.tag, self.log = tag, log

    def __enter__(self):
        self.log.append(f"+{self.tag}")

    def __exit__(self, et, ev, tb):
        self.log.append(f"-{self.tag}" + (f"!{et.__name__}" if et else ""))


log = []


def ret():
    with Log("ret", log):
        return "value"


print(ret(), log)
log.clear()
for i in range(4):
    with Log(i, log):
        if i == 1:
            continue
        if i == 2:
            break
        log.append(f"body{i}")
print(log)
log.clear()
try:
    with Log("a", log), Log("b", log):
        log.append("inside")
        raise ValueError
except ValueError:
    log.append("handled")
print(log)
log.clear()


def gen():
    with Log("gen", log):
        yield 1
        yield 2


for v in gen():
    log.append(v)
print(log)
