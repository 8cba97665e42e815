# Errors from class instantiation: missing/extra arguments to __init__,
# classes without __init__ taking no arguments, __init__ returning a
# value, and calling methods with the wrong arity.
class NeedsTwo:
    def __init__(self, a, b):
        self.a, self.b = a, b


class NoInit:
    pass


class ReturnsValue:
    def __init__(self):
        return 5


class KwOnly:
    def __init__(self, *, key):
        self.key = key


for make in (lambda: NeedsTwo(1), lambda: NeedsTwo(1, 2, 3), lambda: NeedsTwo(1, 2, c=3),
             lambda: NoInit(1), lambda: NoInit(x=1), lambda: ReturnsValue(), lambda: KwOnly(1),
             lambda: KwOnly(), lambda: NeedsTwo(1, a=2)):
    try:
        obj = make()
        print("made", type(obj).__name__)
    except TypeError as e:
        print("TypeError:", e)
print(NeedsTwo(b=2, a=1).a, KwOnly(key="k").key, type(NoInit()).__name__)
