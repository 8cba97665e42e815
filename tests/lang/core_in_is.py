print(3 in [1, 2, 3], 4 not in (1, 2), "a" in "cat", "k" in {"k": 1})
a = [1]; b = a; c = [1]
print(a is b, a is c, a is not c, a == c)
print(None is None, type(None))
