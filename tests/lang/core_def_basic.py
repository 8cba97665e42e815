def add(a, b):
    return a + b
def noret():
    pass
print(add(2, 3), add("a", "b"), noret())
def early(x):
    if x > 0:
        return "pos"
    return "nonpos"
print(early(1), early(-1))
