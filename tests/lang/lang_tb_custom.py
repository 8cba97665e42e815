# An uncaught custom exception: stdout is flushed first, the traceback
# goes to stderr, its last line names the class, and the status is 1.
class ConfigError(Exception):
    pass


def load(name):
    print("loading", name)
    if not name.endswith(".cfg"):
        raise ConfigError(f"unsupported config file {name!r}")


load("a.cfg")
load("b.ini")
print("never printed")
