def g():
    try:
        yield 1
    finally:
        print("finally ran", len([1, 2]))
class Node:
    def __init__(self):
        self.me = self
    def __del__(self):
        print("del", type(self).__name__)
x = g()
next(x)
holder = [x]
holder.append(holder)
n = Node()
print("end of script")
