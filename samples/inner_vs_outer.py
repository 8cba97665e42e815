"""An inner `def` makes a new function object on every call; a module-level
function is made once.  Profile it: functionA allocates one FUNCTION per
call (and frees it on return), functionB allocates none."""


def functionA(n):
    def _innerFunction(x):
        return x * 2 + 1
    return _innerFunction(n)


def _outerFunction(x):
    return x * 2 + 1


def functionB(n):
    return _outerFunction(n)


if __name__ == "__main__":
    calls = 1000
    total_a = 0
    for i in range(calls):
        total_a += functionA(i)
    total_b = 0
    for i in range(calls):
        total_b += functionB(i)
    print("functionA total:", total_a)
    print("functionB total:", total_b)
    print("same result:", total_a == total_b)
