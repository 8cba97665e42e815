# Expressions spanning lines: the first line is shown, carets run to its
# last non-blank character.
def combine(a, b, c):
    return a + b + c


def build(x):
    return combine(x,
                   "y",
                   3)


build("x")
