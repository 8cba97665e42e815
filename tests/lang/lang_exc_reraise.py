# Bare `raise` re-raises the exception being handled (also from a nested
# function called in the handler); outside a handler it is a RuntimeError.
def risky(n):
    if n:
        raise ValueError(f"risky {n}")
    return "fine"


def wrapper(n):
    try:
        return risky(n)
    except ValueError:
        print("  logging and re-raising")
        raise


for n in (0, 1):
    try:
        print(wrapper(n))
    except ValueError as e:
        print("caught again:", e)


def reraise_current():
    raise


try:
    try:
        raise KeyError("inner")
    except KeyError:
        reraise_current()
except KeyError as e:
    print("re-raised from helper:", repr(e))
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    try:
        raise TypeError("t")
    except TypeError as e:
        err = e
    raise err
except TypeError as e2:
    print("re-raise saved object:", e2 is err)
