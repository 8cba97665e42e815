# functools.cached_property: computed once, then read from the instance dict
from functools import cached_property

class Circle:
    def __init__(self, r):
        self.r = r
    @cached_property
    def area(self):
        """The area, computed once."""
        print("computing area of", self.r)
        return 3.14159 * self.r * self.r

c = Circle(2)
print(c.area, c.area, "area" in c.__dict__, c.__dict__["area"])
c.area = 1.0
print(c.area)
del c.area
print(c.area)
d = Circle(3)
print(d.area, c.area)
print(type(Circle.__dict__["area"]).__name__, Circle.area.attrname, Circle.area.__doc__)
x = cached_property(lambda self: 1)
try:
    x.__set_name__(Circle, "a")
    x.__set_name__(Circle, "b")
except TypeError as e:
    print("TypeError", e)
