"""Python 3.11's error for a free variable read before its enclosing scope
assigns it."""


def outer():
    def inner():
        return x
    value = inner()
    x = 1
    return value


if __name__ == "__main__":
    print("calling outer()")
    outer()
