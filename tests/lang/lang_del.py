# __del__ runs when the last reference goes away (reference counting):
# on del, on rebinding, when a container is cleared, and at function exit.
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)

    def __del__(self):
        print("close", self.name)


a = Res("a")
del a
print("after del a")
b = Res("b1")
b = Res("b2")
print("after rebinding b")
items = [Res("l1"), Res("l2")]
items.clear()
print("after clear")


def scope():
    r = Res("local")
    print("leaving scope")


scope()
print("after scope")
x = Res("shared")
y = x
del x
print("x deleted, y still alive:", y.name)
y = None
print("after y = None")
d = {"k": Res("in dict")}
d.pop("k")
print("after pop")
del b
keep = Res("end of program")
print("done")
