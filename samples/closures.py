"""Closures keep their cells, and whatever the cells hold, alive."""


def make_multiplier_of(n):
    def multiplier(x):
        return x * n
    return multiplier


multipliers = [make_multiplier_of(n) for n in range(5)]

if __name__ == "__main__":
    print(*[m(5) for m in multipliers])
    m = multipliers[3]
    print(m.__qualname__, m.__code__.co_freevars)
    print(type(m.__closure__[0]).__name__, m.__closure__[0].cell_contents)
