a = 1
def f():
    return a + b
b = 2
print(f())
print(__name__)
