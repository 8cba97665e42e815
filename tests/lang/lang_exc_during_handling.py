# An exception raised while handling another: the traceback shows both,
# and the last stderr line is the new exception.
def cleanup(resource):
    raise OSError(f"could not release {resource}")


try:
    data = {"a": 1}
    print(data["b"])
except KeyError:
    print("handling KeyError")
    cleanup("lock")
