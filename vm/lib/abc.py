"""Abstract base classes: ABCMeta, ABC and abstractmethod.

A class made by ABCMeta records, in __abstractmethods__, the names of the
methods marked with @abstractmethod that neither it nor a base between it
and the marking class has overridden; calling such a class raises
CPython's TypeError.  register() makes a class a "virtual" subclass:
isinstance() and issubclass() answer True for it (and for its subclasses)
without its inheriting anything.  __subclasshook__ lets an ABC decide
issubclass() itself, as CPython's does.
"""

__all__ = ["ABC", "ABCMeta", "abstractmethod", "abstractclassmethod",
           "abstractstaticmethod", "abstractproperty", "get_cache_token",
           "update_abstractmethods"]


def abstractmethod(funcobj):
    """Mark a method abstract: a class that keeps it cannot be instantiated."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    """Deprecated spelling of @classmethod over @abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        # heaptrail's wrappers take the function in __new__; CPython's in __init__
        if getattr(self, "__func__", None) is not callable:
            super().__init__(callable)


class abstractstaticmethod(staticmethod):
    """Deprecated spelling of @staticmethod over @abstractmethod."""
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        # heaptrail's wrappers take the function in __new__; CPython's in __init__
        if getattr(self, "__func__", None) is not callable:
            super().__init__(callable)


class abstractproperty(property):
    """Deprecated spelling of @property over @abstractmethod."""
    __isabstractmethod__ = True


def _is_abstract(value):
    # Descriptors that wrap functions are abstract when what they wrap is:
    # CPython's property/classmethod/staticmethod forward __isabstractmethod__.
    if isinstance(value, property):
        for part in (value.fget, value.fset, value.fdel):
            if part is not None and getattr(part, "__isabstractmethod__", False):
                return True
        return getattr(value, "__isabstractmethod__", False) is True
    if isinstance(value, (classmethod, staticmethod)):
        if getattr(value.__func__, "__isabstractmethod__", False):
            return True
    try:
        return bool(getattr(value, "__isabstractmethod__", False))
    except Exception:
        return False


_token = [0]


def get_cache_token():
    """A number that changes whenever a class is registered with any ABC."""
    return _token[0]


def _compute_abstracts(cls, namespace_items, bases):
    abstracts = set()
    for name, value in namespace_items:
        if _is_abstract(value):
            abstracts.add(name)
    for base in bases:
        for name in getattr(base, "__abstractmethods__", ()):
            value = getattr(cls, name, None)
            if _is_abstract(value):
                abstracts.add(name)
    return frozenset(abstracts)


class ABCMeta(type):
    """Metaclass of the abstract base classes."""

    def __new__(mcls, name, bases, namespace, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, list(namespace.items()), bases)
        cls._abc_registry = []
        return cls

    def __call__(cls, *args, **kwargs):
        abstracts = getattr(cls, "__abstractmethods__", None)
        if abstracts:
            names = sorted(abstracts)
            word = " with abstract method " if len(names) == 1 else " with abstract methods "
            raise TypeError("Can't instantiate abstract class " + cls.__name__ + word
                            + ", ".join(names))
        return super().__call__(*args, **kwargs)

    def register(cls, subclass):
        """Make subclass a virtual subclass of this ABC; returns subclass."""
        if not isinstance(subclass, type):
            raise TypeError("Can only register classes")
        if issubclass(subclass, cls):
            return subclass
        if issubclass(cls, subclass):
            raise RuntimeError("Refusing to create an inheritance cycle")
        cls._abc_registry.append(subclass)
        _token[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        if cls.__subclasscheck__(subclass):
            return True
        subtype = type(instance)
        if subtype is not subclass:
            return cls.__subclasscheck__(subtype)
        return False

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError("issubclass() arg 1 must be a class")
        hook = getattr(cls, "__subclasshook__", None)
        hook = NotImplemented if hook is None else hook(subclass)
        if hook is not NotImplemented:
            if not isinstance(hook, bool):
                raise AssertionError("__subclasshook__ must return either False, True, or NotImplemented")
            return hook
        if cls in subclass.__mro__:
            return True
        for reg in cls.__dict__.get("_abc_registry", ()):
            if reg is subclass or issubclass(subclass, reg):
                return True
        for sub in getattr(cls, "__subclasses__", list)():
            if sub is not cls and issubclass(subclass, sub):
                return True
        return False

    def _abc_registry_clear(cls):
        """Forget every class registered with this ABC (test helper)."""
        cls._abc_registry = []

    def _abc_caches_clear(cls):
        """Caches are not kept: nothing to clear."""


def update_abstractmethods(cls):
    """Recompute __abstractmethods__ after methods were added to cls."""
    if not hasattr(cls, "__abstractmethods__"):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, "__abstractmethods__", ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    for name, value in list(cls.__dict__.items()):
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Inherit from ABC to make an abstract base class."""
    __slots__ = ()
