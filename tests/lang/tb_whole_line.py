# When the failing range covers the whole line no caret line is printed.
def helper():
    undefined_function()


def caller():
    helper()


caller()
