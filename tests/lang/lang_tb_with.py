# An exception propagating out of a with block: __exit__ runs (and
# prints) before the traceback; it does not suppress the error.
class Guard:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit with", exc_type.__name__ if exc_type else None)
        return False


with Guard():
    print("inside")
    [1, 2, 3][10]
