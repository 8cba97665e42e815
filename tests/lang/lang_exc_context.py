# Implicit exception chaining: an exception raised while handling another
# gets __context__; errors in finally blocks; the context chain walked.
def chain(e):
    out = []
    while e is not None:
        out.append(f"{type(e).__name__}({e})")
        e = e.__context__
    return " <- ".join(out)


try:
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise KeyError("second")
    except KeyError:
        raise IndexError("third")
except IndexError as e:
    print(chain(e))

try:
    try:
        raise ValueError("in try")
    finally:
        raise TypeError("in finally")
except TypeError as e:
    print(chain(e))

try:
    try:
        raise ValueError("outer")
    except ValueError:
        try:
            raise KeyError("inner")
        except KeyError:
            pass
        raise
except ValueError as e:
    print(chain(e))


def handler():
    try:
        1 / 0
    except ZeroDivisionError as exc:
        return exc


e = handler()
print(chain(e), e.__context__)
err = RuntimeError("r")
try:
    try:
        raise err
    except RuntimeError:
        raise err
except RuntimeError as x:
    print(x.__context__ is None, x is err)
