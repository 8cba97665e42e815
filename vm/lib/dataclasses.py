"""Data classes: @dataclass writes __init__, __repr__, __eq__ and friends.

The decorator reads the class's annotations, in order, as its fields (base
dataclasses' fields first); a class attribute of the same name is the
field's default, or a field(...) object with more options.  It then adds
the methods the arguments ask for, with CPython 3.11's rules and error
texts: __init__ (generated as source and compiled, so that a bad call
raises exactly the TypeError a hand-written __init__ would), __repr__,
__eq__, the ordering methods, __hash__ by the eq/frozen/unsafe_hash table,
and __setattr__/__delattr__ guards for frozen classes.  asdict, astuple,
fields, replace and is_dataclass work on the results.
"""

import copy as _copy

__all__ = ["dataclass", "field", "Field", "FrozenInstanceError", "InitVar", "KW_ONLY",
           "MISSING", "fields", "asdict", "astuple", "make_dataclass", "replace",
           "is_dataclass"]


class FrozenInstanceError(AttributeError):
    """Raised when assigning to a field of a frozen dataclass."""


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return "<factory>"


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()


class _FIELD_BASE:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return self.name


_FIELD = _FIELD_BASE("_FIELD")
_FIELD_CLASSVAR = _FIELD_BASE("_FIELD_CLASSVAR")
_FIELD_INITVAR = _FIELD_BASE("_FIELD_INITVAR")

_FIELDS = "__dataclass_fields__"
_PARAMS = "__dataclass_params__"
_POST_INIT_NAME = "__post_init__"


class InitVar:
    """A pseudo-field passed to __init__ and __post_init__ only."""
    __slots__ = ("type",)

    def __init__(self, type):
        self.type = type

    def __repr__(self):
        if isinstance(self.type, type):
            type_name = self.type.__name__
        else:
            type_name = repr(self.type)
        return "dataclasses.InitVar[" + type_name + "]"

    def __class_getitem__(cls, type):
        return InitVar(type)


class Field:
    """One field of a dataclass: what fields() returns."""

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ("Field(name=" + repr(self.name) + ",type=" + repr(self.type)
                + ",default=" + repr(self.default)
                + ",default_factory=" + repr(self.default_factory)
                + ",init=" + repr(self.init) + ",repr=" + repr(self.repr)
                + ",hash=" + repr(self.hash) + ",compare=" + repr(self.compare)
                + ",metadata=" + repr(self.metadata) + ",kw_only=" + repr(self.kw_only)
                + ",_field_type=" + repr(self._field_type) + ")")

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), "__set_name__", None)
        if func:
            func(self.default, owner, name)


class _DataclassParams:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ("_DataclassParams(init=" + repr(self.init) + ",repr=" + repr(self.repr)
                + ",eq=" + repr(self.eq) + ",order=" + repr(self.order)
                + ",unsafe_hash=" + repr(self.unsafe_hash)
                + ",frozen=" + repr(self.frozen) + ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Describe one field: its default or default_factory and its options."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(a_type):
    if isinstance(a_type, str):
        s = a_type.strip()
        return (s == "ClassVar" or s.startswith("ClassVar[") or s == "typing.ClassVar"
                or s.startswith("typing.ClassVar["))
    origin = getattr(a_type, "__origin__", None)
    name = getattr(a_type, "_name", None)
    if name == "ClassVar" or repr(a_type) == "typing.ClassVar":
        return True
    return origin is not None and getattr(origin, "_name", None) == "ClassVar"


def _is_initvar(a_type):
    if a_type is InitVar or isinstance(a_type, InitVar):
        return True
    if isinstance(a_type, str):
        s = a_type.strip()
        return s.startswith("InitVar[") or s.startswith("dataclasses.InitVar[")
    return False


def _is_kw_only(a_type):
    if a_type is KW_ONLY:
        return True
    if isinstance(a_type, str):
        return a_type.strip() in ("KW_ONLY", "dataclasses.KW_ONLY")
    return False


def _get_field(cls, a_name, a_type, default_kw_only):
    default = cls.__dict__.get(a_name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = a_name
    f.type = a_type
    f._field_type = _FIELD
    if _is_classvar(a_type):
        f._field_type = _FIELD_CLASSVAR
    elif _is_initvar(a_type):
        f._field_type = _FIELD_INITVAR
    if f._field_type is not _FIELD:
        if f.default_factory is not MISSING:
            raise TypeError("field " + f.name + " cannot have a default factory")
    if f._field_type is _FIELD or f._field_type is _FIELD_INITVAR:
        if f.kw_only is MISSING:
            f.kw_only = default_kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and f.default is not MISSING:
        if type(f.default) in (list, dict, set) or getattr(type(f.default), "__hash__", 0) is None:
            raise ValueError("mutable default " + repr(type(f.default)) + " for field "
                             + f.name + " is not allowed: use default_factory")
    return f


def _field_value_repr(v):
    return repr(v)


_repr_running = set()


def _make_repr(cls_fields):
    shown = [f.name for f in cls_fields if f.repr]

    def __repr__(self):
        key = (id(self),)
        if key in _repr_running:
            return "..."
        _repr_running.add(key)
        try:
            parts = [name + "=" + repr(getattr(self, name)) for name in shown]
        finally:
            _repr_running.discard(key)
        return type(self).__qualname__ + "(" + ", ".join(parts) + ")"
    return __repr__


def _tuple_of(self, names):
    return tuple([getattr(self, n) for n in names])


def _make_eq(names):
    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _tuple_of(self, names) == _tuple_of(other, names)
        return NotImplemented
    return __eq__


def _make_order(op, names):
    if op == "__lt__":
        def fn(self, other):
            if other.__class__ is self.__class__:
                return _tuple_of(self, names) < _tuple_of(other, names)
            return NotImplemented
    elif op == "__le__":
        def fn(self, other):
            if other.__class__ is self.__class__:
                return _tuple_of(self, names) <= _tuple_of(other, names)
            return NotImplemented
    elif op == "__gt__":
        def fn(self, other):
            if other.__class__ is self.__class__:
                return _tuple_of(self, names) > _tuple_of(other, names)
            return NotImplemented
    else:
        def fn(self, other):
            if other.__class__ is self.__class__:
                return _tuple_of(self, names) >= _tuple_of(other, names)
            return NotImplemented
    fn.__name__ = op
    return fn


def _make_hash(names):
    def __hash__(self):
        return hash(_tuple_of(self, names))
    return __hash__


def _make_frozen(cls, field_names):
    def __setattr__(self, name, value):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError("cannot assign to field " + repr(name))
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in field_names:
            raise FrozenInstanceError("cannot delete field " + repr(name))
        super(cls, self).__delattr__(name)
    return __setattr__, __delattr__


def _make_init(cls, std_fields, kw_only_fields, frozen, has_post_init, self_name):
    """Compile an __init__ for the fields, as a hand-written one would read."""
    env = {"MISSING": MISSING, "_HAS_DEFAULT_FACTORY": _HAS_DEFAULT_FACTORY,
           "__dataclass_builtins_object__": object}
    params = [self_name]
    seen_default = False
    for f in std_fields:
        if not f.init:
            continue
        if f.default is MISSING and f.default_factory is MISSING:
            if seen_default:
                raise TypeError("non-default argument " + repr(f.name)
                                + " follows default argument")
            params.append(f.name)
        else:
            seen_default = True
            params.append(f.name + "=__dflt_" + f.name + "__")
    if kw_only_fields:
        params.append("*")
        for f in kw_only_fields:
            if not f.init:
                continue
            if f.default is MISSING and f.default_factory is MISSING:
                params.append(f.name)
            else:
                params.append(f.name + "=__dflt_" + f.name + "__")
    body = []
    all_fields = std_fields + kw_only_fields
    for f in all_fields:
        if f.default_factory is not MISSING:
            env["__dflt_" + f.name + "__"] = _HAS_DEFAULT_FACTORY
            env["__factory_" + f.name + "__"] = f.default_factory
            if f.init:
                value = ("__factory_" + f.name + "__() if " + f.name
                         + " is _HAS_DEFAULT_FACTORY else " + f.name)
            else:
                value = "__factory_" + f.name + "__()"
        elif f.init:
            if f.default is not MISSING:
                env["__dflt_" + f.name + "__"] = f.default
            value = f.name
        else:
            continue
        if f._field_type is _FIELD_INITVAR:
            continue
        if frozen:
            body.append("__dataclass_builtins_object__.__setattr__(" + self_name + ", "
                        + repr(f.name) + ", " + value + ")")
        else:
            body.append(self_name + "." + f.name + " = " + value)
    if has_post_init:
        initvars = [f.name for f in all_fields if f._field_type is _FIELD_INITVAR]
        body.append(self_name + "." + _POST_INIT_NAME + "(" + ", ".join(initvars) + ")")
    if not body:
        body = ["pass"]
    src = ("def __init__(" + ", ".join(params) + "):\n"
           + "".join(["    " + line + "\n" for line in body]))
    exec(src, env)
    return env["__init__"]


def _slots_follow_setattr():
    """Does assigning a dunder to an existing class change its behaviour?"""
    class Probe:
        pass
    Probe.__repr__ = lambda self: "probe"
    Probe.__init__ = lambda self, x: None
    try:
        return repr(Probe(1)) == "probe"
    except TypeError:
        return False


_SETATTR_OK = _slots_follow_setattr()


def _rebuild(cls, new_attrs):
    """Make cls again with new_attrs in its namespace (for a VM whose types
    read their special methods only when the class is created), and point
    zero-argument super() cells of its methods at the new class."""
    ns = {}
    old_slots = cls.__dict__.get("__slots__", ())
    if isinstance(old_slots, str):
        old_slots = (old_slots,)
    for k, v in list(cls.__dict__.items()):
        if k in ("__dict__", "__weakref__") or k in old_slots:
            # the new class makes its own slot descriptors
            continue
        ns[k] = v
    for k, v in new_attrs:
        ns[k] = v
    ns["__qualname__"] = cls.__qualname__
    new_cls = type(cls)(cls.__name__, cls.__bases__, ns)
    for v in list(ns.values()):
        funcs = [v]
        if isinstance(v, (classmethod, staticmethod)):
            funcs = [v.__func__]
        elif isinstance(v, property):
            funcs = [v.fget, v.fset, v.fdel]
        for fn in funcs:
            closure = getattr(fn, "__closure__", None)
            if not closure:
                continue
            for cell in closure:
                try:
                    if cell.cell_contents is cls:
                        cell.cell_contents = new_cls
                except ValueError:
                    pass
    return new_cls


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only,
                   slots):
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    fields_ = {}
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    any_frozen_base = False
    has_dataclass_bases = False
    for b in cls.__mro__[-1:0:-1]:
        base_fields = b.__dict__.get(_FIELDS)
        if base_fields is not None:
            has_dataclass_bases = True
            for f in list(base_fields.values()):
                fields_[f.name] = f
            if getattr(b, _PARAMS).frozen:
                any_frozen_base = True
    annotations = cls.__dict__.get("__annotations__", {})
    cls_fields = []
    kw_only_now = kw_only
    for name, a_type in list(annotations.items()):
        if _is_kw_only(a_type):
            kw_only_now = True
            continue
        cls_fields.append(_get_field(cls, name, a_type, kw_only_now))
    for f in cls_fields:
        fields_[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in list(cls.__dict__.items()):
        if isinstance(value, Field) and name not in annotations:
            raise TypeError(repr(name) + " is a field but has no type annotation")
    if has_dataclass_bases:
        if any_frozen_base and not frozen:
            raise TypeError("cannot inherit non-frozen dataclass from a frozen one")
        if not any_frozen_base and frozen:
            raise TypeError("cannot inherit frozen dataclass from a non-frozen one")
    setattr(cls, _FIELDS, fields_)
    class_hash = cls.__dict__.get("__hash__", MISSING)
    has_explicit_hash = not (class_hash is MISSING
                             or (class_hash is None and "__eq__" in cls.__dict__))
    all_fields = list(fields_.values())
    real_fields = [f for f in all_fields if f._field_type is _FIELD]
    new_attrs = []

    def add(name, value, overwrite_error=False):
        if name in cls.__dict__ and not (name == "__hash__" and class_hash is None):
            if overwrite_error:
                raise TypeError("Cannot overwrite attribute " + name + " in class "
                                + cls.__name__ + ". Consider using functools.total_ordering")
            return
        value_q = getattr(value, "__qualname__", None)
        if value_q is not None:
            try:
                value.__qualname__ = cls.__qualname__ + "." + name
            except (AttributeError, TypeError):
                pass
        new_attrs.append((name, value))

    if init:
        has_post_init = hasattr(cls, _POST_INIT_NAME)
        init_fields = [f for f in all_fields if f._field_type is not _FIELD_CLASSVAR]
        std = [f for f in init_fields if not f.kw_only]
        kwo = [f for f in init_fields if f.kw_only]
        self_name = "__dataclass_self__" if "self" in fields_ else "self"
        add("__init__", _make_init(cls, std, kwo, frozen, has_post_init, self_name))
    if repr:
        add("__repr__", _make_repr(real_fields))
    compare_names = [f.name for f in real_fields if f.compare]
    if eq:
        add("__eq__", _make_eq(compare_names))
    if order:
        for op in ("__lt__", "__le__", "__gt__", "__ge__"):
            add(op, _make_order(op, compare_names), True)
    if frozen:
        names = [f.name for f in real_fields]
        sa, da = _make_frozen(cls, names)
        for n, fn in (("__setattr__", sa), ("__delattr__", da)):
            if n in cls.__dict__:
                raise TypeError("Cannot overwrite attribute " + n + " in class "
                                + cls.__name__)
            add(n, fn)
    hash_names = [f.name for f in real_fields
                  if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash:
        if has_explicit_hash:
            raise TypeError("Cannot overwrite attribute __hash__ in class " + cls.__name__)
        new_attrs.append(("__hash__", _make_hash(hash_names)))
    elif eq and frozen:
        if not has_explicit_hash:
            new_attrs.append(("__hash__", _make_hash(hash_names)))
    elif eq and not frozen:
        if not has_explicit_hash:
            new_attrs.append(("__hash__", None))
    if not getattr(cls, "__doc__", None):
        new_attrs.append(("__doc__", cls.__name__ + _signature_text(all_fields, init)))
    if match_args and "__match_args__" not in cls.__dict__:
        new_attrs.append(("__match_args__",
                          tuple([f.name for f in all_fields
                                 if f._field_type is not _FIELD_CLASSVAR and f.init
                                 and not f.kw_only])))
    if slots:
        if "__slots__" in cls.__dict__:
            raise TypeError(cls.__name__ + " already specifies __slots__")
        new_attrs.append(("__slots__", tuple([f.name for f in real_fields])))
        for f in real_fields:
            if f.name in cls.__dict__:
                delattr(cls, f.name)
    if slots or not _SETATTR_OK:
        return _rebuild(cls, new_attrs)
    for name, value in new_attrs:
        setattr(cls, name, value)
    return cls


def _signature_text(all_fields, init):
    """What str(inspect.signature(cls)) gives for the generated __init__."""
    if not init:
        return "()"
    pos = []
    kwo = []
    for f in all_fields:
        if f._field_type is _FIELD_CLASSVAR or not f.init:
            continue
        text = f.name + ": " + _type_name(f.type)
        if f.default_factory is not MISSING:
            text += " = <factory>"
        elif f.default is not MISSING:
            text += " = " + repr(f.default)
        (kwo if f.kw_only else pos).append(text)
    if kwo:
        pos.append("*")
        pos.extend(kwo)
    return "(" + ", ".join(pos) + ")"


def _type_name(t):
    if isinstance(t, type):
        if t.__module__ == "builtins":
            return t.__qualname__
        return t.__module__ + "." + t.__qualname__
    if isinstance(t, str):
        return repr(t)
    return repr(t).replace("typing.", "")


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    """Add __init__, __repr__, __eq__ ... to a class from its annotations."""
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """The fields of a dataclass (or of an instance of one), as a tuple."""
    try:
        fs = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError("must be called with a dataclass type or instance") from None
    return tuple([f for f in fs.values() if f._field_type is _FIELD])


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def is_dataclass(obj):
    """True for a dataclass or an instance of one."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        result = []
        for f in fields(obj):
            result.append((f.name, _asdict_inner(getattr(obj, f.name), dict_factory)))
        return dict_factory(result)
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                          for k, v in obj.items()])
    return _copy.deepcopy(obj)


def asdict(obj, *, dict_factory=dict):
    """The fields of a dataclass instance as a dict, recursing into values."""
    if not _is_dataclass_instance(obj):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, "_fields"):
        return type(obj)(*[_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)([_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, dict):
        return type(obj)([(_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                          for k, v in obj.items()])
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """The fields of a dataclass instance as a tuple, recursing into values."""
    if not _is_dataclass_instance(obj):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple_inner(obj, tuple_factory)


def replace(obj, /, **changes):
    """A new instance like obj, with the fields named in changes replaced."""
    if not _is_dataclass_instance(obj):
        raise TypeError("replace() should be called on dataclass instances")
    for f in getattr(obj, _FIELDS).values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise ValueError("field " + f.name + " is declared with init=False, it "
                                 "cannot be specified with replace()")
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise ValueError("InitVar " + repr(f.name) + " must be specified with replace()")
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, init=True, repr=True,
                   eq=True, order=False, unsafe_hash=False, frozen=False,
                   match_args=True, kw_only=False, slots=False, weakref_slot=False):
    """Make a dataclass from a list of names, (name, type) or (name, type, Field)."""
    ns = {} if namespace is None else dict(namespace)
    annotations = {}
    seen = set()
    for item in fields:
        if isinstance(item, str):
            name, tp = item, "typing.Any"
        elif len(item) == 2:
            name, tp = item
        elif len(item) == 3:
            name, tp, spec = item
            ns[name] = spec
        else:
            raise TypeError("Invalid field: " + repr(item))
        if not isinstance(name, str) or not name.isidentifier():
            raise TypeError("Field names must be valid identifiers: " + repr(name))
        if name in seen:
            raise TypeError("Field name duplicated: " + repr(name))
        seen.add(name)
        annotations[name] = tp
    ns["__annotations__"] = annotations
    ns["__qualname__"] = cls_name
    cls = type(cls_name, bases, ns)
    return dataclass(cls, init=init, repr=repr, eq=eq, order=order,
                     unsafe_hash=unsafe_hash, frozen=frozen, match_args=match_args,
                     kw_only=kw_only, slots=slots)
