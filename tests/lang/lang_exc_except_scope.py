# The `as` name is deleted at the end of the except block, even if it
# shadowed an existing variable; exceptions stored elsewhere survive.
e = "original"
try:
    raise ValueError("boom")
except ValueError as e:
    saved = e
    print("inside:", e)
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
print("saved:", repr(saved))


def f():
    err = None
    try:
        1 / 0
    except ZeroDivisionError as err:
        pass
    return err


try:
    f()
except UnboundLocalError as u:
    print("UnboundLocalError:", u)
try:
    raise KeyError("a")
except (TypeError, KeyError) as multi:
    print("tuple handler:", type(multi).__name__)
handlers = (IndexError, ZeroDivisionError)
try:
    [][0]
except handlers as h:
    print("dynamic tuple:", h)
try:
    try:
        raise ValueError
    except "not a class":
        pass
except TypeError as t:
    print("TypeError:", t)
