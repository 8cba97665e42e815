# abc: the legacy abstractclassmethod/staticmethod/property spellings,
# update_abstractmethods, and abstract special methods.
import abc
class A(abc.ABC):
    @abc.abstractclassmethod
    def make(cls): pass
    @abc.abstractstaticmethod
    def util(): pass
    @abc.abstractproperty
    def prop(self): pass
print(sorted(A.__abstractmethods__))
try: A()
except TypeError as e: print(e)
class B(A):
    @classmethod
    def make(cls): return cls
    @staticmethod
    def util(): return 1
    prop = 3
print(B().make().__name__, B.util(), B().prop, B.__abstractmethods__)
class C(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
class D(C): pass
D.f = lambda self: 1
abc.update_abstractmethods(D)
print(D().f(), abc.update_abstractmethods(int) is int)
print(isinstance(A, abc.ABCMeta), abc.get_cache_token() >= 0)
class Mixed(metaclass=abc.ABCMeta):
    @abc.abstractmethod
    def __len__(self): ...
class L(Mixed):
    def __len__(self): return 4
print(len(L()), Mixed.__abstractmethods__)
try: Mixed()
except TypeError as e: print(e)
