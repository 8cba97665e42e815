# The builtins over user iterators and generator expressions.
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)), next(Countdown(0), "empty"), sum(Countdown(4)))
