# abc: an abstract Shape hierarchy, the usual way programs use ABC.
from abc import ABC, ABCMeta, abstractmethod
import abc


class Shape(ABC):
    def __init__(self, name):
        self.name = name

    @abstractmethod
    def area(self):
        ...

    @abstractmethod
    def perimeter(self):
        ...

    def describe(self):
        return "%s: area=%.2f perimeter=%.2f" % (self.name, self.area(), self.perimeter())


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = "square"


class Half(Shape):
    def area(self):
        return 0.5


for cls in (Shape, Half):
    try:
        cls("x")
    except TypeError as e:
        print("TypeError:", e)

for s in [Rect(2, 3), Square(4)]:
    print(s.describe())
    print(isinstance(s, Shape), isinstance(s, ABC), issubclass(type(s), Shape))

print(sorted(Shape.__abstractmethods__))
print(sorted(Half.__abstractmethods__))
print(Rect.__abstractmethods__ == frozenset(), type(Rect.__abstractmethods__).__name__)
print(type(Shape) is ABCMeta, type(Shape).__name__, ABC.__slots__)
print(Shape.area.__isabstractmethod__, hasattr(Rect.area, "__isabstractmethod__"))
print(abc.ABC, abc.ABCMeta)


class Single(metaclass=ABCMeta):
    @abstractmethod
    def run(self):
        pass


try:
    Single()
except TypeError as e:
    print(e)


class Props(ABC):
    @property
    @abstractmethod
    def size(self):
        pass

    @classmethod
    @abstractmethod
    def make(cls):
        pass

    @staticmethod
    @abstractmethod
    def helper():
        pass


try:
    Props()
except TypeError as e:
    print(e)


class Concrete(Props):
    @property
    def size(self):
        return 3

    @classmethod
    def make(cls):
        return cls()

    @staticmethod
    def helper():
        return "help"


c = Concrete.make()
print(c.size, c.helper(), type(c).__name__)


class Plain(ABC):
    pass


print(type(Plain()).__name__, Plain.__abstractmethods__)
