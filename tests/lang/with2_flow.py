# with blocks inside try/finally, loops and each other: __exit__ runs once,
# in the right order, whatever leaves the block.
log = []


class T:
    def __init__(self, tag, suppress=False):
        self.tag, self.suppress = tag, suppress

    def __enter__(self):
        log.append("+" + str(self.tag))
        return self.tag

    def __exit__(self, et, ev, tb):
        log.append("-" + str(self.tag) + ("!" + et.__name__ if et else ""))
        return self.suppress


def show(label):
    print(label, log)
    log.clear()


def ret_in_try_finally():
    try:
        with T("w") as w:
            try:
                return w + "1"
            finally:
                log.append("inner-finally")
    finally:
        log.append("outer-finally")


print(ret_in_try_finally())
show("ret_in_try_finally")


def nested_loops():
    out = []
    with T("outer"):
        for i in range(3):
            with T(i):
                for j in range(3):
                    with T(f"{i}{j}"):
                        if j == 1:
                            break
                        out.append((i, j))
                if i == 1:
                    continue
                out.append(i)
    return out


print(nested_loops())
show("nested_loops")


def while_with():
    n = 0
    while True:
        with T(n):
            n += 1
            if n < 3:
                continue
            break
    return n


print(while_with())
show("while_with")


def return_value_computed():
    with T("a"), T("b") as b:
        return [b] * 2


print(return_value_computed())
show("return_value_computed")


def finally_overrides():
    for i in range(2):
        try:
            with T(i):
                return i
        finally:
            if i == 0:
                continue
    return "done"


print(finally_overrides())
show("finally_overrides")


def except_in_with():
    with T("x"):
        try:
            raise KeyError("k")
        except KeyError as e:
            log.append("caught " + repr(e))
            with T("y"):
                return "from handler"


print(except_in_with())
show("except_in_with")


def suppressed_then_continue():
    total = 0
    for i in range(4):
        with T(i, suppress=True):
            if i % 2:
                raise ValueError(i)
            total += i
        log.append("after" + str(i))
    return total


print(suppressed_then_continue())
show("suppressed_then_continue")


def with_in_except_else():
    try:
        pass
    except Exception:
        pass
    else:
        with T("else"):
            log.append("in else")
    finally:
        with T("fin"):
            log.append("in finally")


with_in_except_else()
show("with_in_except_else")

# module-level with in a loop with break
for k in "abc":
    with T(k) as v:
        if v == "b":
            break
show("module_loop")
