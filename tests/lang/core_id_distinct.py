a = [1]
b = [1]
print(id(a) != id(b), id(a) == id(a))
objs = [object() for _ in range(100)]
print(len(set(id(o) for o in objs)))
