# Multiple context managers in one with statement enter left to right and
# exit right to left; a failing __enter__ exits only the managers already
# entered; parenthesized multi-line form.
class M:
    def __init__(self, name, fail_enter=False):
        self.name, self.fail_enter = name, fail_enter

    def __enter__(self):
        if self.fail_enter:
            print("enter fails", self.name)
            raise OSError(f"cannot open {self.name}")
        print("enter", self.name)
        return self.name

    def __exit__(self, *exc):
        print("exit", self.name, exc[0].__name__ if exc[0] else "-")


with M("a") as a, M("b") as b, M("c") as c:
    print("body", a, b, c)
try:
    with M("x"), M("y", fail_enter=True), M("z"):
        print("unreachable")
except OSError as e:
    print("OSError:", e)
with (
    M("p") as p,
    M("q") as q,
):
    print("parenthesized", p, q)
