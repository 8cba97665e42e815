# The exact error messages of str operations.

def err(f):
    try:
        r = f()
        print("no error:", repr(r))
    except Exception as e:
        print(type(e).__name__ + ":", e)

err(lambda: "a" + 1)
err(lambda: "a" * "b")
err(lambda: "a" * 1.5)
err(lambda: 1 in "a")
err(lambda: "abc"[5])
idx = 1.5
err(lambda: "abc"[idx])
err(lambda: "abc"["x":])
err(lambda: "abc"[::0])
err(lambda: "abc".index("z"))
err(lambda: "abc".rindex("z"))
err(lambda: "abc".find(1))
err(lambda: "abc".split(""))
err(lambda: "abc".split(1))
err(lambda: "abc".strip(1))
err(lambda: "abc".startswith(1))
err(lambda: "abc".startswith((1,)))
err(lambda: "abc".replace(1, "x"))
err(lambda: "abc".center(5, "xy"))
err(lambda: "abc".center("5"))
err(lambda: "abc".partition(""))
err(lambda: "-".join([1, 2]))
err(lambda: "-".join(["a", 2]))
err(lambda: "-".join(5))
err(lambda: "abc".encode("nope"))
err(lambda: "é".encode("ascii"))
err(lambda: "éé".encode("ascii"))
err(lambda: str.maketrans("ab", "c"))
err(lambda: str.maketrans(1))
err(lambda: "a".translate({97: 1.5}))
err(lambda: "abc".removeprefix(1))
err(lambda: chr(0x110000))
err(lambda: ord("ab"))
err(lambda: ord(""))
err(lambda: "abc".upper(1))
err(lambda: "abc".find())
err(lambda: "abc".ljust())
err(lambda: "abc".zfill())
err(lambda: "abc".split(x=1))
err(lambda: str(b"\xff", "utf-8"))
err(lambda: str(1, "utf-8"))
err(lambda: str("a", "utf-8"))

def setitem():
    s = "abc"
    s[0] = "x"
err(setitem)

def delitem():
    s = "abc"
    del s[0]
err(delitem)
