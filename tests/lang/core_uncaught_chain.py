# An uncaught exception raised while handling another: both tracebacks,
# exit status 1.
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise LookupError("no value for " + repr(s))

print("before")
parse("x")
print("never")
