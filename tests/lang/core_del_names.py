x = 5
del x
try_ok = True
def f():
    y = 1
    del y
    return "deleted"
print(f())
z = [1, 2, 3]
del z[0]
print(z)
