# Parenthesized multi-item with (3.10+ grammar), trailing commas, and
# line-spanning items; a parenthesized expression is a single manager.
class CM:
    def __init__(self, n):
        self.n = n

    def __enter__(self):
        print("enter", self.n)
        return self.n * 10

    def __exit__(self, *a):
        print("exit", self.n)


with (CM(1) as a, CM(2) as b):
    print(a, b)
with (CM(3), CM(4),):
    print("no targets")
with (
    CM(5) as c,
    CM(6),
    CM(7) as d,
):
    print(c, d)
with (CM(8)) as e:
    print(e)
with (CM(9)):
    print("one")
with CM(10) as f, (CM(11)) as g:
    print(f, g)
with CM(12) if True else None as h:
    print(h)


def many():
    with CM(1), CM(2), CM(3), CM(4), CM(5), CM(6), CM(7), CM(8):
        return "deep"


print(many())
