"""Cycles that only the cycle collector frees: each call of make() leaves
two Nodes pointing at each other; gc.collect() frees them."""
import gc


class Node:
    def __init__(self):
        self.other = None


def make():
    a = Node()
    b = Node()
    a.other = b
    b.other = a


for i in range(3):
    make()
print(gc.collect())
