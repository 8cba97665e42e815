"""Type hints at run time: the names scripts import from typing.

Annotations are evaluated when a function or class is defined, so a script
that annotates with typing's names needs them to exist, to subscript, to
compare and to print as CPython 3.11 prints them.  This module gives that:
the special forms (Any, Union, Optional, Literal, ClassVar, Final ...), the
aliases of builtin and collection classes (List, Dict, Tuple, Callable ...),
TypeVar, Generic and Protocol as bases, NamedTuple, cast, overload and
get_type_hints.  It does no type checking, as CPython does none.
"""

import collections

TYPE_CHECKING = False

__all__ = [
    "Any", "AnyStr", "Callable", "ClassVar", "Counter", "DefaultDict", "Deque",
    "Dict", "Final", "FrozenSet", "Generic", "Hashable", "Iterable", "Iterator",
    "List", "Literal", "Mapping", "NamedTuple", "NoReturn", "Optional",
    "OrderedDict", "Protocol", "Sequence", "Set", "Sized", "Text", "Tuple",
    "Type", "TypeVar", "Union", "cast", "final", "get_type_hints", "overload",
    "TYPE_CHECKING",
]


def _type_repr(obj):
    """How typing prints one argument: classes by (module.)qualname."""
    if isinstance(obj, type) and not isinstance(obj, _Alias):
        if obj.__module__ == "builtins":
            return obj.__qualname__
        return obj.__module__ + "." + obj.__qualname__
    if obj is ...:
        return "..."
    return repr(obj)


def _type_check(arg, msg):
    if arg is None:
        return type(None)
    if isinstance(arg, str):
        return ForwardRef(arg)
    if isinstance(arg, (int, float, bytes)) or arg is ...:
        raise TypeError(msg + " Got " + repr(arg)[:100] + ".")
    return arg


def _unpack_args(params):
    return params if isinstance(params, tuple) else (params,)


def _collect_parameters(args):
    found = []
    for a in args:
        if isinstance(a, TypeVar):
            if a not in found:
                found.append(a)
        else:
            for p in getattr(a, "__parameters__", ()):
                if isinstance(p, TypeVar) and p not in found:
                    found.append(p)
    return tuple(found)


class ForwardRef:
    """A name written as a string in an annotation."""

    def __init__(self, arg):
        if not isinstance(arg, str):
            raise TypeError("Forward reference must be a string -- got " + repr(arg))
        self.__forward_arg__ = arg

    def __eq__(self, other):
        if not isinstance(other, ForwardRef):
            return NotImplemented
        return self.__forward_arg__ == other.__forward_arg__

    def __hash__(self):
        return hash(self.__forward_arg__)

    def __repr__(self):
        return "ForwardRef(" + repr(self.__forward_arg__) + ")"


class TypeVar:
    """A type variable: T = TypeVar('T')."""

    def __init__(self, name, *constraints, bound=None, covariant=False,
                 contravariant=False):
        if covariant and contravariant:
            raise ValueError("Bivariant types are not supported.")
        if len(constraints) == 1:
            raise TypeError("A single constraint is not allowed")
        self.__name__ = name
        self.__constraints__ = tuple(constraints)
        self.__bound__ = None if bound is None else _type_check(bound, "Bound must be a type.")
        self.__covariant__ = bool(covariant)
        self.__contravariant__ = bool(contravariant)

    def __repr__(self):
        if self.__covariant__:
            return "+" + self.__name__
        if self.__contravariant__:
            return "-" + self.__name__
        return "~" + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _Alias:
    """What subscripting a typing name gives: List[int], Union[int, str]."""

    def __init__(self, origin, args, name=None, inst=True):
        self.__origin__ = origin
        self.__args__ = args
        self.__parameters__ = _collect_parameters(args)
        self._name = name
        self._inst = inst

    def __repr__(self):
        if self._name:
            head = "typing." + self._name
        else:
            head = _type_repr(self.__origin__)
        if self.__args__ == ():
            return head + "[()]"
        return head + "[" + ", ".join([_type_repr(a) for a in self.__args__]) + "]"

    def __eq__(self, other):
        if not isinstance(other, _Alias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type " + str(self._name) + " cannot be instantiated; use "
                            + self.__origin__.__name__ + "() instead")
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        params = _unpack_args(params)
        if not self.__parameters__:
            raise TypeError(repr(self) + " is not a generic class")
        if len(params) != len(self.__parameters__):
            raise TypeError("Too " + ("many" if len(params) > len(self.__parameters__) else "few")
                            + " arguments for " + repr(self))
        subst = dict(zip(self.__parameters__, params))
        return self._copy_with(tuple([_substitute(a, subst) for a in self.__args__]))

    def _copy_with(self, args):
        return _Alias(self.__origin__, args, self._name, self._inst)

    def __mro_entries__(self, bases):
        if self.__origin__ is Generic or self.__origin__ is Protocol:
            later = bases[bases.index(self) + 1:]
            if any([isinstance(b, type) and issubclass(b, Generic) for b in later]):
                return ()
            return (self.__origin__,)
        if isinstance(self.__origin__, type):
            return (self.__origin__,)
        raise TypeError("Cannot subclass " + repr(self))

    def __instancecheck__(self, obj):
        raise TypeError("Subscripted generics cannot be used with class and instance checks")

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _substitute(arg, subst):
    if isinstance(arg, TypeVar):
        return subst.get(arg, arg)
    if isinstance(arg, _Alias) and arg.__parameters__:
        return arg[tuple([subst.get(p, p) for p in arg.__parameters__])]
    if isinstance(arg, list):
        return [_substitute(a, subst) for a in arg]
    return arg


class _UnionAlias(_Alias):

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[1] if args[0] is type(None) else args[0]
            return "typing.Optional[" + _type_repr(other) + "]"
        return "typing.Union[" + ", ".join([_type_repr(a) for a in args]) + "]"

    def __eq__(self, other):
        if not isinstance(other, _UnionAlias):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def _copy_with(self, args):
        return Union[args]

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass " + repr(self))


class _CallableAlias(_Alias):

    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and args[0] is ...:
            return "typing.Callable[..., " + _type_repr(args[1]) + "]"
        return ("typing.Callable[[" + ", ".join([_type_repr(a) for a in args[:-1]]) + "], "
                + _type_repr(args[-1]) + "]")

    def _copy_with(self, args):
        return _CallableAlias(self.__origin__, args, self._name)


class _SpecialAlias:
    """An unsubscripted alias of a class: List, Dict, Callable ..."""

    def __init__(self, origin, nparams, name, inst=True):
        self.__origin__ = origin
        self._nparams = nparams
        self._name = name
        self._inst = inst

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        params = _unpack_args(params)
        msg = "Parameters to generic types must be types."
        if self._name == "Tuple":
            if len(params) == 2 and params[1] is ...:
                return _Alias(tuple, (_type_check(params[0], msg), ...), "Tuple", False)
            if params == ((),):
                return _Alias(tuple, (), "Tuple", False)
            return _Alias(tuple, tuple([_type_check(p, msg) for p in params]), "Tuple", False)
        if self._name == "Callable":
            if len(params) != 2:
                raise TypeError("Callable must be used as Callable[[arg, ...], result].")
            args, result = params
            if args is ...:
                return _CallableAlias(self.__origin__, (..., _type_check(result, msg)), "Callable")
            if not isinstance(args, list):
                raise TypeError("Callable[args, result]: args must be a list. Got " + repr(args))
            return _CallableAlias(self.__origin__,
                                  tuple([_type_check(a, msg) for a in args]) + (_type_check(result, msg),),
                                  "Callable")
        if len(params) != self._nparams:
            raise TypeError("Too " + ("many" if len(params) > self._nparams else "few")
                            + " arguments for " + repr(self) + "; actual " + str(len(params))
                            + ", expected " + str(self._nparams))
        return _Alias(self.__origin__, tuple([_type_check(p, msg) for p in params]),
                      self._name, self._inst)

    def __call__(self, *args, **kwargs):
        if not self._inst:
            raise TypeError("Type " + self._name + " cannot be instantiated; use "
                            + self.__origin__.__name__ + "() instead")
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _SpecialForm:
    """Any, Union, Optional, Literal, ClassVar, Final, NoReturn ..."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return "typing." + self._name

    def __getitem__(self, params):
        if self._getitem is None:
            raise TypeError(repr(self) + " is not subscriptable")
        return self._getitem(self, params)

    def __call__(self, *args, **kwargs):
        raise TypeError("Cannot instantiate " + repr(self))

    def __mro_entries__(self, bases):
        raise TypeError("Cannot subclass " + repr(self))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union_getitem(self, params):
    if params == ():
        raise TypeError("Cannot take a Union of no types.")
    params = _unpack_args(params)
    members = []
    for p in params:
        p = _type_check(p, "Union[arg, ...]: each arg must be a type.")
        inner = p.__args__ if isinstance(p, _UnionAlias) else (p,)
        for q in inner:
            if q not in members:
                members.append(q)
    if len(members) == 1:
        return members[0]
    return _UnionAlias(Union, tuple(members), "Union", False)


def _optional_getitem(self, params):
    arg = _type_check(params, "Optional[t] requires a single type.")
    return Union[arg, type(None)]


def _wrapper_getitem(self, params):
    item = _type_check(params, self._name + " accepts only single type.")
    return _Alias(self, (item,), self._name, False)


def _literal_getitem(self, params):
    return _Alias(self, _unpack_args(params), self._name, False)


Any = _SpecialForm("Any")
NoReturn = _SpecialForm("NoReturn")
Never = _SpecialForm("Never")
Self = _SpecialForm("Self")
LiteralString = _SpecialForm("LiteralString")
Union = _SpecialForm("Union", _union_getitem)
Optional = _SpecialForm("Optional", _optional_getitem)
ClassVar = _SpecialForm("ClassVar", _wrapper_getitem)
Final = _SpecialForm("Final", _wrapper_getitem)
Literal = _SpecialForm("Literal", _literal_getitem)

Text = str
AnyStr = TypeVar("AnyStr", bytes, str)

List = _SpecialAlias(list, 1, "List", False)
Dict = _SpecialAlias(dict, 2, "Dict", False)
Set = _SpecialAlias(set, 1, "Set", False)
FrozenSet = _SpecialAlias(frozenset, 1, "FrozenSet", False)
Tuple = _SpecialAlias(tuple, -1, "Tuple", False)
Type = _SpecialAlias(type, 1, "Type", False)
Deque = _SpecialAlias(collections.deque, 1, "Deque")
DefaultDict = _SpecialAlias(collections.defaultdict, 2, "DefaultDict")
OrderedDict = _SpecialAlias(collections.OrderedDict, 2, "OrderedDict")
Counter = _SpecialAlias(collections.Counter, 1, "Counter")
ChainMap = _SpecialAlias(dict, 2, "ChainMap", False)


class _Abstract:
    """Stands for a collections.abc class, which this VM does not have."""

    def __init_subclass__(cls, *args, **kwargs):
        raise TypeError("subclassing typing's abstract collections is not supported")


Callable = _SpecialAlias(_Abstract, 2, "Callable", False)
Iterable = _SpecialAlias(_Abstract, 1, "Iterable", False)
Iterator = _SpecialAlias(_Abstract, 1, "Iterator", False)
Generator = _SpecialAlias(_Abstract, 3, "Generator", False)
Sequence = _SpecialAlias(_Abstract, 1, "Sequence", False)
MutableSequence = _SpecialAlias(_Abstract, 1, "MutableSequence", False)
Mapping = _SpecialAlias(_Abstract, 2, "Mapping", False)
MutableMapping = _SpecialAlias(_Abstract, 2, "MutableMapping", False)
AbstractSet = _SpecialAlias(_Abstract, 1, "AbstractSet", False)
MutableSet = _SpecialAlias(_Abstract, 1, "MutableSet", False)
Collection = _SpecialAlias(_Abstract, 1, "Collection", False)
Container = _SpecialAlias(_Abstract, 1, "Container", False)
Reversible = _SpecialAlias(_Abstract, 1, "Reversible", False)
KeysView = _SpecialAlias(_Abstract, 1, "KeysView", False)
ValuesView = _SpecialAlias(_Abstract, 1, "ValuesView", False)
ItemsView = _SpecialAlias(_Abstract, 2, "ItemsView", False)
Hashable = _SpecialAlias(_Abstract, 0, "Hashable", False)
Sized = _SpecialAlias(_Abstract, 0, "Sized", False)


class Generic:
    """Base of user-defined generic classes: class Stack(Generic[T])."""

    def __class_getitem__(cls, params):
        params = _unpack_args(params)
        if cls is Generic or cls is Protocol:
            for p in params:
                if not isinstance(p, TypeVar):
                    raise TypeError("Parameters to " + cls.__name__ + "[...] must all be type variables")
            if len(set(params)) != len(params):
                raise TypeError("Parameters to " + cls.__name__ + "[...] must all be unique")
            return _Alias(cls, params, None)
        msg = "Parameters to generic types must be types."
        return _Alias(cls, tuple([_type_check(p, msg) for p in params]), None)

    def __init_subclass__(cls, *args, **kwargs):
        super().__init_subclass__(*args, **kwargs)
        params = []
        for base in cls.__dict__.get("__orig_bases__", ()):
            if isinstance(base, _Alias):
                for p in base.__parameters__:
                    if p not in params:
                        params.append(p)
        cls.__parameters__ = tuple(params)


class Protocol(Generic):
    """Base of structural types; no run-time checks are made."""


def cast(typ, val):
    """Return VAL unchanged: a cast only informs type checkers."""
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(arg):
    return arg


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    """The object's annotations, with None as NoneType."""
    hints = {}
    if isinstance(obj, type):
        for base in reversed(obj.__mro__):
            hints.update(base.__dict__.get("__annotations__", {}))
    else:
        hints.update(getattr(obj, "__annotations__", {}))
    return {k: (type(None) if v is None else v) for k, v in hints.items()}


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def _make_namedtuple(name, fields, defaults, module):
    cls = collections.namedtuple(name, [f for f, _ in fields], defaults=defaults)
    cls.__annotations__ = dict(fields)
    cls.__module__ = module
    return cls


class _NamedTupleMeta(type):

    def __new__(mcls, name, bases, ns):
        if ns.get("_root"):
            return super().__new__(mcls, name, bases, ns)
        fields = list(ns.get("__annotations__", {}).items())
        defaults = []
        for field, _ in fields:
            if field in ns:
                defaults.append(ns[field])
            elif defaults:
                raise TypeError("Non-default namedtuple field " + field
                                + " cannot follow default field"
                                + ("s " if len(defaults) > 1 else " ")
                                + ", ".join([f for f, _ in fields if f in ns]))
        cls = _make_namedtuple(name, fields, defaults, ns.get("__module__", "__main__"))
        for key, value in ns.items():
            if key not in ("__module__", "__qualname__", "__annotations__", "__orig_bases__") \
                    and not any([key == f for f, _ in fields]):
                setattr(cls, key, value)
        return cls


def NamedTuple(typename, fields=None, **kwargs):
    """NamedTuple('P', [('x', int)]), or a base class: class P(NamedTuple)."""
    if fields is None:
        fields = list(kwargs.items())
    return _make_namedtuple(typename, list(fields), [], "__main__")


class _NamedTupleBase(metaclass=_NamedTupleMeta):
    _root = True


def _namedtuple_mro_entries(bases):
    return (_NamedTupleBase,)


NamedTuple.__mro_entries__ = _namedtuple_mro_entries
