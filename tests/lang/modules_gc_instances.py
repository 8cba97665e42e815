# gc: cycles through instance attributes are collected.
import gc

gc.collect()


class Node:
    pass


for i in range(10):
    a = Node()
    b = Node()
    a.other = b
    b.other = a
del a, b
print(gc.collect() >= 20)
