# super() with and without arguments, in methods, classmethods and
# __init__, including super(Class, obj) from outside the class.
class Base:
    def __init__(self, tag):
        self.tags = [tag]

    def hello(self):
        return "Base.hello"

    @classmethod
    def make(cls):
        return f"Base.make({cls.__name__})"


class Mid(Base):
    def __init__(self, tag):
        super().__init__(tag)
        self.tags.append("mid")

    def hello(self):
        return "Mid>" + super().hello()

    @classmethod
    def make(cls):
        return "Mid>" + super().make()


class Leaf(Mid):
    def __init__(self):
        super(Leaf, self).__init__("leaf")
        self.tags.append("leaf")

    def hello(self):
        return "Leaf>" + super(Leaf, self).hello()

    def skip(self):
        return super(Mid, self).hello()


obj = Leaf()
print(obj.tags)
print(obj.hello())
print(obj.skip())
print(Leaf.make(), Mid.make())
print(super(Leaf, obj).hello(), super(Mid, obj).hello())
s = super(Leaf, obj)
print(type(s).__name__)
try:
    super(Leaf, Base("x")).hello()
except TypeError as e:
    print("TypeError:", e)
