"""Names for the interpreter's own types, and SimpleNamespace.

Each name is bound to the VM's real type, found by taking type() of a
sample object, so isinstance() checks against them are exact.  A type the
VM does not have (it makes no frames or coroutines visible, for one) is
left out: using its name is an AttributeError, not a stand-in.
"""

import sys as _sys

__all__ = ["FunctionType", "LambdaType", "CodeType", "GeneratorType", "MethodType",
           "BuiltinFunctionType", "BuiltinMethodType", "ModuleType", "NoneType",
           "EllipsisType", "NotImplementedType", "CellType", "GenericAlias", "UnionType",
           "SimpleNamespace", "new_class", "prepare_class",
           "resolve_bases", "TracebackType", "ClassMethodDescriptorType",
           "MethodWrapperType", "WrapperDescriptorType", "MethodDescriptorType",
           "GetSetDescriptorType", "MemberDescriptorType"]


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
if MappingProxyType is dict:
    # this VM hands out the class dict itself: it has no read-only view
    del MappingProxyType


def _cell_sample():
    a = 1

    def inner():
        return a
    return inner.__closure__[0]


CellType = type(_cell_sample())


def _g():
    yield 1


GeneratorType = type(_g())


class _C:
    __slots__ = ("_slot",)

    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
GenericAlias = type(list[int])
UnionType = type(int | str)
WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__["fromkeys"])
MemberDescriptorType = type(_C.__dict__["_slot"])
GetSetDescriptorType = type(FunctionType.__dict__["__code__"]) \
    if "__code__" in FunctionType.__dict__ else None
if GetSetDescriptorType is None:
    del GetSetDescriptorType


def _tb_sample():
    try:
        raise ValueError
    except ValueError as e:
        return e.__traceback__


TracebackType = type(_tb_sample())

del _f, _g, _C, _cell_sample, _tb_sample


_ns_repr_running = set()


class SimpleNamespace:
    """An object whose attributes are the keyword arguments it was made with."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self):
        name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in _ns_repr_running:
            return name + "(...)"
        _ns_repr_running.add(key)
        try:
            items = [k + "=" + repr(v) for k, v in list(self.__dict__.items())]
        finally:
            _ns_repr_running.discard(key)
        return name + "(" + ", ".join(items) + ")"

    def __getattr__(self, name):
        tname = "types.SimpleNamespace" if type(self) is SimpleNamespace else type(self).__name__
        raise AttributeError("'" + tname + "' object has no attribute '" + name + "'")

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self):
        tname = "types.SimpleNamespace" if type(self) is SimpleNamespace else type(self).__name__
        raise TypeError("unhashable type: '" + tname + "'")

    def __lt__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ < other.__dict__
        return NotImplemented

    def __le__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ <= other.__dict__
        return NotImplemented

    def __gt__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ > other.__dict__
        return NotImplemented

    def __ge__(self, other):
        if isinstance(other, SimpleNamespace):
            return self.__dict__ >= other.__dict__
        return NotImplemented

    def __reduce__(self):
        return (type(self), (), dict(self.__dict__))


def resolve_bases(bases):
    """Replace bases that define __mro_entries__ by what it returns."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        entries = getattr(base, "__mro_entries__", None)
        if entries is None:
            continue
        new = entries(bases)
        updated = True
        if not isinstance(new, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        new_bases[i + shift:i + shift + 1] = list(new)
        shift += len(new) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def prepare_class(name, bases=(), kwds=None):
    """The metaclass, namespace and remaining keywords a class statement would use."""
    kwds = {} if kwds is None else dict(kwds)
    if "metaclass" in kwds:
        meta = kwds.pop("metaclass")
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        winner = meta
        for base in bases:
            base_meta = type(base)
            if issubclass(winner, base_meta):
                continue
            if issubclass(base_meta, winner):
                winner = base_meta
                continue
            raise TypeError("metaclass conflict: the metaclass of a derived class must be "
                            "a (non-strict) subclass of the metaclasses of all its bases")
        meta = winner
    prep = getattr(meta, "__prepare__", None)
    ns = prep(name, bases, **kwds) if prep is not None else {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Make a class as a class statement would, filling its namespace with exec_body."""
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns["__orig_bases__"] = bases
    return meta(name, resolved, ns, **kwds)

