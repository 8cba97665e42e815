"""Every call, each level of a recursion included, is a frame on the heap;
an inner function is made anew at each level."""


def factorial(n):
    if n <= 1:
        return 1
    return n * factorial(n - 1)


def factorial_inner(n):
    def step(k):
        return k * factorial_inner(k - 1)
    if n <= 1:
        return 1
    return step(n)


if __name__ == "__main__":
    print(factorial(20))
    print(factorial_inner(20))
    print(factorial(200) == factorial_inner(200))
