# Uncaught RecursionError: the traceback elides repeated frames and the
# last line names the error.
def f(n):
    return f(n + 1) + 1


print("recursing")
f(0)
