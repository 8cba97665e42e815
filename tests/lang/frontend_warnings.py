# compile-time SyntaxWarnings go to stderr (the last one is checked); the
# program still runs
x = 1
if x is 2 or x is not "a":
    print("never")
print((1, 2) is x, x is None, x is ())
assert (x, "message")
try:
    1()
except TypeError as e:
    print(e)
try:
    print([1, 2]["a"])
except TypeError as e:
    print(e)
