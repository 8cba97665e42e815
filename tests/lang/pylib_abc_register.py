# abc: virtual subclasses through register() and __subclasshook__.
from abc import ABC, ABCMeta, abstractmethod, get_cache_token


class Drawable(ABC):
    @abstractmethod
    def draw(self):
        pass


class Sprite:
    def draw(self):
        return "sprite"


class Tiny(Sprite):
    pass


print(isinstance(Sprite(), Drawable), issubclass(Sprite, Drawable))
t0 = get_cache_token()
r = Drawable.register(Sprite)
print(r is Sprite, get_cache_token() != t0)
print(isinstance(Sprite(), Drawable), issubclass(Sprite, Drawable), issubclass(Tiny, Drawable))
print(isinstance(Tiny(), Drawable), Drawable in Sprite.__mro__)
print(Sprite().draw())


@Drawable.register
class Widget:
    pass


print(Widget.__name__, issubclass(Widget, Drawable), isinstance(Widget(), Drawable))

Number = ABCMeta("Number", (), {})
Number.register(int)
Number.register(float)
for v in [1, 2.5, True, "s", None]:
    print(repr(v), isinstance(v, Number))
print(issubclass(bool, Number), issubclass(str, Number))

try:
    Number.register("int")
except TypeError as e:
    print("TypeError:", e)


class Base(ABC):
    pass


class Derived(Base):
    pass


print(Base.register(Derived) is Derived)
try:
    Derived.register(Base)
except RuntimeError as e:
    print("RuntimeError:", e)


class Sized2(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized2:
            for k in C.__mro__:
                if "__len__" in k.__dict__:
                    return True
        return NotImplemented


class Box:
    def __len__(self):
        return 0


print(issubclass(list, Sized2), issubclass(Box, Sized2), issubclass(int, Sized2))
print(isinstance([], Sized2), isinstance(3, Sized2))


class Sub(Drawable):
    def draw(self):
        return "sub"


class Leaf(Sub):
    pass


print(issubclass(Leaf, Drawable), isinstance(Leaf(), Sub), Leaf().draw())
print(issubclass(Sprite, Sub))
