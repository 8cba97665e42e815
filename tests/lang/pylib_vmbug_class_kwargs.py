# Keyword arguments of a class statement go to __init_subclass__ (and to
# the metaclass's __new__/__init__); object.__subclasshook__ exists.
class Base:
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag


class A(Base, tag="a"):
    pass


print(A.tag, object.__subclasshook__(int), Base.__subclasshook__(A))
