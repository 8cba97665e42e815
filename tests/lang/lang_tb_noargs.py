# An uncaught exception class raised without arguments: the last line is
# just the qualified class name.
class Stop(Exception):
    pass


class Outer:
    class Inner(Exception):
        pass


def go(flag):
    if flag:
        raise Outer.Inner
    raise Stop


print("start")
go(True)
