# Exception args and their str/repr with zero, one and several arguments;
# KeyError's str uses repr; exceptions compare by identity.
for e in [Exception(), Exception("msg"), Exception("a", 1), Exception(None), Exception(("t",)),
          ValueError(3.5), KeyError("key"), KeyError(), KeyError("a", "b"), IndexError(0),
          OSError("disk"), StopIteration(7), SystemExit(3)]:
    print(f"{type(e).__name__:<14} args={e.args!r:<22} str={str(e)!r:<26} repr={e!r}")
print(StopIteration(7).value, SystemExit(3).code, SystemExit().code)
a, b = ValueError("same"), ValueError("same")
print(a == b, a == a, a.args == b.args)
e = ValueError("x")
e.note = "custom attribute"
print(e.note, hasattr(e, "__traceback__"), e.__traceback__)
try:
    raise ValueError("tb")
except ValueError as caught:
    print(caught.__traceback__ is not None, type(caught.__traceback__).__name__)
print(str(Exception("  spaced  ")), repr(Exception("quote's")))
