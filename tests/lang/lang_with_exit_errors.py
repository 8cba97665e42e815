# Errors involving context managers: an exception raised by __exit__
# replaces the original (which becomes its __context__); objects without
# __enter__/__exit__ give TypeError.
class BadExit:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        raise RuntimeError(f"exit failed while handling {et.__name__ if et else None}")


try:
    with BadExit():
        raise ValueError("original")
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__))
try:
    with BadExit():
        pass
except RuntimeError as e:
    print(e, "| context:", e.__context__)


class NoExit:
    def __enter__(self):
        return 1


class NoEnter:
    def __exit__(self, *a):
        pass


for obj in (NoExit(), NoEnter(), 42):
    try:
        with obj:
            print("body ran?!")
    except (TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
