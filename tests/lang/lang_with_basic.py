# with statements: __enter__'s return value bound by `as`, __exit__ called
# with (None, None, None) on normal exit, nesting order, and a context
# manager object reused.
class CM:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()

    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}", exc_type, exc, tb)
        return None


with CM("a") as v:
    print("body got", v)
with CM("outer") as o:
    with CM("inner") as i:
        print("nested", o, i)
with CM("no-as"):
    print("without as")
cm = CM("reused")
for k in range(2):
    with cm as val:
        print("pass", k, val)


class Self:
    def __enter__(self):
        return self

    def __exit__(self, *args):
        print("exit args:", args)


with Self() as s:
    print(type(s).__name__)
with CM("t") as (first, *rest):
    print(first, rest)
