# assert statements: messages, expressions evaluated only on failure,
# AssertionError args.
def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x


print(check(3))
for bad in (0, -5):
    try:
        check(bad)
    except AssertionError as e:
        print("AssertionError:", e, e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
try:
    assert 1 == 2
except AssertionError as e:
    print(repr(e), e.args)
calls = []


def msg():
    calls.append(1)
    return "m"


assert True, msg()
print("message evaluated:", len(calls))
try:
    assert None, ("tuple", "message")
except AssertionError as e:
    print(e.args)
