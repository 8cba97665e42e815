"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto and unique.

The metaclass (EnumType, also called EnumMeta) turns each plain attribute
of an Enum class body into a member: an instance of the class holding
_name_ and _value_.  Members keep their definition order; a second name
for an existing value becomes an alias of the first member.  Calling the
class with a value looks a member up (Color(1)); subscripting it with a
name does the same by name (Color['RED']).  The reprs, strs and error
texts are those of CPython 3.11; data-type mixins (int, str, ...) make the
members instances of that type too, as IntEnum's are of int.
"""

__all__ = ["EnumType", "EnumMeta", "Enum", "IntEnum", "StrEnum", "Flag", "IntFlag",
           "ReprEnum", "auto", "unique", "member", "nonmember", "global_enum_repr", "KEEP", "STRICT",
           "CONFORM", "EJECT"]


class auto:
    """Stands for a member's value, computed by _generate_next_value_."""

    def __init__(self, value=None):
        self.value = value

    def __repr__(self):
        return "auto(" + repr(self.value) + ")"


class member:
    """Force a value (a function, say) to become a member."""

    def __init__(self, value):
        self.value = value


class nonmember:
    """Keep a value out of the members: it stays a plain class attribute."""

    def __init__(self, value):
        self.value = value


class mappingproxy:
    """A read-only view of a dict: what EnumType.__members__ returns."""
    __module__ = "builtins"

    def __init__(self, mapping):
        self._mapping = mapping

    def __getitem__(self, key):
        return self._mapping[key]

    def __iter__(self):
        return iter(list(self._mapping))

    def __len__(self):
        return len(self._mapping)

    def __contains__(self, key):
        return key in self._mapping

    def get(self, key, default=None):
        return self._mapping.get(key, default)

    def keys(self):
        return self._mapping.keys()

    def values(self):
        return self._mapping.values()

    def items(self):
        return self._mapping.items()

    def copy(self):
        return dict(self._mapping)

    def __eq__(self, other):
        return self._mapping == other

    def __repr__(self):
        return "mappingproxy(" + repr(self._mapping) + ")"

    def __str__(self):
        return str(self._mapping)


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == "__" and name[-2:] == "__"
            and name[2] != "_" and name[-3] != "_")


def _is_sunder(name):
    return (len(name) > 2 and name[0] == "_" and name[-1] == "_"
            and name[1] != "_" and name[-2] != "_")


def _is_private(cls_name, name):
    prefix = "_" + cls_name.lstrip("_") + "__"
    return name.startswith(prefix) and not name.endswith("__")


def _function():
    pass


_FunctionType = type(_function)


def _is_descriptor(obj):
    if isinstance(obj, (staticmethod, classmethod, property, _FunctionType)):
        return True
    return hasattr(obj, "__get__") or hasattr(obj, "__set__") or hasattr(obj, "__delete__")


def _power_of_two(n):
    return n > 0 and (n & (n - 1)) == 0


def _bits(n):
    """The single-bit values of n, lowest first."""
    out = []
    b = 1
    while b <= n:
        if n & b:
            out.append(b)
        b <<= 1
    return out


# Flag boundaries (3.11 names; this module only uses them as markers).
STRICT = "strict"
CONFORM = "conform"
EJECT = "eject"
KEEP = "keep"

_enum_base_made = [False]


def _mro_lookup(bases, name):
    """What a class with these bases would find for name (left first)."""
    for base in bases:
        for k in base.__mro__:
            if name in k.__dict__:
                return k.__dict__[name]
    return None


def _fix_data_type_methods(ns, bases, first_enum, member_type):
    """Enum's repr/str/format win over the data type's (as CPython's do):
    an int mixin must not make a member print as a bare int."""
    for name in ("__repr__", "__str__", "__format__", "__reduce_ex__"):
        if name in ns:
            continue
        found = _mro_lookup(bases, name)
        enum_method = _mro_lookup((first_enum,), name)
        if found is None or enum_method is None or found is enum_method:
            continue
        if found is object.__dict__.get(name) or found is member_type.__dict__.get(name):
            ns[name] = enum_method


class _EnumDict(dict):
    """The namespace of an Enum class body: a member's name is bound once."""

    def __init__(self):
        super().__init__()
        self._member_keys = []

    def __setitem__(self, key, value):
        if key in self._member_keys:
            raise TypeError(repr(key) + " already defined as " + repr(self[key]))
        if isinstance(value, member) or not (_is_dunder(key) or _is_sunder(key)
                                             or _is_descriptor(value)
                                             or isinstance(value, nonmember)):
            self._member_keys.append(key)
        elif key in self and key in self._member_keys:
            raise TypeError(repr(key) + " already defined as " + repr(self[key]))
        dict.__setitem__(self, key, value)


class EnumType(type):
    """Metaclass of Enum: makes the members and answers lookups."""

    @classmethod
    def __prepare__(metacls, cls, bases, **kwds):
        return _EnumDict()

    def __new__(metacls, cls, bases, classdict, boundary=None, _simple=False, **kwds):
        if not _enum_base_made[0]:
            # Enum itself (and ReprEnum/Flag before they exist): no members.
            mt = object
            if bases:
                classdict = dict(classdict)
                for b in bases:
                    if not isinstance(b, EnumType):
                        mt = b
                        break
                _fix_data_type_methods(classdict, bases, bases[-1], mt)
            enum_class = super().__new__(metacls, cls, bases, classdict, **kwds)
            type.__setattr__(enum_class, "_member_names_", [])
            type.__setattr__(enum_class, "_member_map_", {})
            type.__setattr__(enum_class, "_value2member_map_", {})
            type.__setattr__(enum_class, "_unhashable_values_", [])
            type.__setattr__(enum_class, "_member_type_", mt if bases else object)
            if "_new_member_" not in classdict:
                type.__setattr__(enum_class, "_new_member_", None)
            return enum_class
        member_type, first_enum = metacls._get_mixins_(cls, bases)
        ignore = classdict.get("_ignore_", [])
        if isinstance(ignore, str):
            ignore = ignore.replace(",", " ").split()
        ns = {}
        members = []
        for key, value in list(classdict.items()):
            if key in ignore or key == "_ignore_":
                continue
            if isinstance(value, nonmember):
                ns[key] = value.value
            elif isinstance(value, member):
                members.append((key, value.value))
            elif (_is_dunder(key) or _is_sunder(key) or _is_private(cls, key)
                    or _is_descriptor(value)):
                ns[key] = value
            else:
                members.append((key, value))
        if "_generate_next_value_" in classdict:
            gen = classdict["_generate_next_value_"]
            if isinstance(gen, staticmethod):
                gen = gen.__func__
        else:
            gen = first_enum._generate_next_value_
        # auto() values, in definition order
        resolved = []
        last_values = []
        for key, value in members:
            if isinstance(value, auto):
                if value.value is None:
                    value.value = gen(key, 1, len(resolved), last_values[:])
                value = value.value
            elif isinstance(value, tuple):
                fixed = []
                for v in value:
                    if isinstance(v, auto):
                        if v.value is None:
                            v.value = gen(key, 1, len(resolved), last_values[:])
                        v = v.value
                    fixed.append(v)
                value = tuple(fixed)
            resolved.append((key, value))
            last_values.append(value)
        new_member = ns.pop("__new__", None)
        if isinstance(new_member, staticmethod):
            new_member = new_member.__func__
        if new_member is None:
            for base in first_enum.__mro__:
                found = base.__dict__.get("_new_member_")
                if found is not None:
                    new_member = found
                    if isinstance(new_member, staticmethod):
                        new_member = new_member.__func__
                    break
        if first_enum._member_names_:
            raise TypeError("<enum " + repr(cls) + "> cannot extend " + repr(first_enum))
        _fix_data_type_methods(ns, bases, first_enum, member_type)
        enum_class = super().__new__(metacls, cls, bases, ns, **kwds)
        setattr_ = type.__setattr__
        setattr_(enum_class, "_member_names_", [])
        setattr_(enum_class, "_member_map_", {})
        setattr_(enum_class, "_value2member_map_", {})
        setattr_(enum_class, "_unhashable_values_", [])
        setattr_(enum_class, "_member_type_", member_type)
        setattr_(enum_class, "_new_member_", new_member)
        if boundary is not None:
            setattr_(enum_class, "_boundary_", boundary)
        for key, value in resolved:
            enum_class._add_member_(key, value)
        if issubclass(enum_class, Flag):
            flag_mask = 0
            for m in enum_class._member_map_.values():
                if isinstance(m._value_, int):
                    flag_mask |= m._value_
            setattr_(enum_class, "_flag_mask_", flag_mask)
        return enum_class

    def _add_member_(enum_class, key, value):
        setattr_ = type.__setattr__
        member_type = enum_class._member_type_
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        new_member = enum_class._new_member_
        if new_member is not None:
            member = new_member(enum_class, *args)
        elif member_type is object:
            member = object.__new__(enum_class)
        else:
            member = member_type.__new__(enum_class, *args)
        if not hasattr(member, "_value_"):
            if member_type is object:
                member._value_ = value
            else:
                member._value_ = member_type(*args)
        value = member._value_
        member._name_ = key
        member.__objclass__ = enum_class
        member.__init__(*args)
        member._sort_order_ = len(enum_class._member_names_)
        # an alias: a second name for a value already defined
        canonical = None
        try:
            canonical = enum_class._value2member_map_.get(value)
        except TypeError:
            for m in enum_class._member_map_.values():
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is None:
            for m in enum_class._unhashable_values_:
                if m._value_ == value:
                    canonical = m
                    break
        if canonical is not None:
            member = canonical
        else:
            enum_class._member_names_.append(key)
        enum_class._member_map_[key] = member
        try:
            if value not in enum_class._value2member_map_:
                enum_class._value2member_map_[value] = member
        except TypeError:
            enum_class._unhashable_values_.append(member)
        setattr_(enum_class, key, member)

    @staticmethod
    def _get_mixins_(class_name, bases):
        if not bases:
            return object, Enum
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError("new enumerations should be created as "
                            "`EnumName([mixin_type, ...] [data_type,] enum_type)`")
        member_type = object
        for chain in bases:
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    mt = base.__dict__.get("_member_type_")
                    if mt is not None and mt is not object:
                        member_type = mt
                        break
                    continue
                if "__new__" in base.__dict__ or base in (int, str, float, bytes, tuple):
                    member_type = base
                    break
            if member_type is not object:
                break
        return member_type, first_enum

    def __call__(cls, value, names=None, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        if names is None:
            return cls._lookup_(value)
        return cls._create_(value, names, module=module, qualname=qualname, type=type,
                            start=start, boundary=boundary)

    def _lookup_(cls, value):
        if isinstance(value, cls) and value in cls._member_map_.values():
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for m in cls._unhashable_values_:
                if m._value_ == value:
                    return m
        result = cls._missing_(value)
        if isinstance(result, cls):
            return result
        if result is not None:
            raise TypeError("error in " + cls.__name__ + "._missing_: returned "
                            + repr(result) + " instead of None or a valid member")
        raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)

    def _create_(cls, class_name, names, *, module=None, qualname=None, type=None,
                 start=1, boundary=None):
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(",", " ").split()
        items = []
        if isinstance(names, (tuple, list)) and names and isinstance(names[0], str):
            last = []
            for i, name in enumerate(names):
                v = cls._generate_next_value_(name, start, i, last[:])
                last.append(v)
                items.append((name, v))
        elif isinstance(names, dict):
            items = list(names.items())
        else:
            items = [(n, v) for n, v in names]
        body = {"__module__": module if module is not None else "__main__"}
        if qualname is not None:
            body["__qualname__"] = qualname
        for n, v in items:
            body[n] = v
        return EnumType.__new__(EnumType if not isinstance(cls, EnumType) else cls.__class__,
                                class_name, bases, body, boundary=boundary)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '"
                            + type(member).__qualname__ + "' and '"
                            + type(cls).__qualname__ + "'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    def __dir__(cls):
        interesting = set(["__class__", "__contains__", "__doc__", "__getitem__", "__iter__",
                           "__len__", "__members__", "__module__", "__name__", "__qualname__"]
                          + cls._member_names_)
        if cls._new_member_ is not None:
            interesting.add("__new__")
        if "__init_subclass__" in Enum.__dict__ or cls.__dict__.get("__init_subclass__"):
            interesting.add("__init_subclass__")
        if cls._member_type_ is object:
            return sorted(interesting)
        return sorted(set(dir(cls._member_type_)) | interesting)

    @property
    def __members__(cls):
        return mappingproxy(dict(cls._member_map_))

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag " + repr(cls.__name__) + ">"
        return "<enum " + repr(cls.__name__) + ">"

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get("_member_map_", {}):
            raise AttributeError("cannot reassign member " + repr(name))
        type.__setattr__(cls, name, value)

    def __delattr__(cls, attr):
        if attr in cls.__dict__.get("_member_map_", {}):
            raise AttributeError(repr(cls.__name__) + " cannot delete member "
                                 + repr(attr) + ".")
        type.__delattr__(cls, attr)


EnumMeta = EnumType


class _member_property:
    """name and value of a member: read-only, with CPython's error text."""

    def __init__(self, name, attr):
        self.name = name
        self.attr = attr

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return instance.__dict__[self.attr]

    def __set__(self, instance, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute " + repr(self.name))

    def __delete__(self, instance):
        raise AttributeError("<enum 'Enum'> cannot delete attribute " + repr(self.name))
Flag = None


class Enum(metaclass=EnumType):
    """Base class of enumerations: subclass it and list the members."""

    def __init__(self, *args, **kwds):
        pass

    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        last = None
        for v in reversed(last_values):
            if isinstance(v, int):
                last = v
                break
        if last is None:
            raise TypeError("unable to sort non-numeric values")
        return last + 1

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        vr = type(self)._member_type_.__repr__ if type(self)._member_type_ is not object else repr
        return "<" + type(self).__name__ + "." + str(self._name_) + ": " + vr(self._value_) + ">"

    def __str__(self):
        return type(self).__name__ + "." + str(self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return self.__class__, (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    name = _member_property("name", "_name_")
    value = _member_property("value", "_value_")

    def __init_subclass__(cls, **kwds):
        super().__init_subclass__(**kwds)

    def __dir__(self):
        if type(self)._member_type_ is object:
            interesting = set()
        else:
            object_dir = getattr(object, "__dir__", None)
            if object_dir is not None:
                interesting = set(object_dir(self))
            else:
                interesting = set(list(self.__dict__) + dir(type(self)))
        for name in list(self.__dict__):
            if name[0] != "_":
                interesting.add(name)
        for klass in type(self).__mro__:
            for name, obj in list(klass.__dict__.items()):
                if name[0] == "_":
                    continue
                if isinstance(obj, property):
                    if obj.fget is not None or name not in type(self)._member_map_:
                        interesting.add(name)
                    else:
                        interesting.discard(name)
                else:
                    interesting.add(name)
        return sorted(set(["__class__", "__doc__", "__eq__", "__hash__", "__module__"])
                      | interesting)


class ReprEnum(Enum):
    """An Enum whose str() and format() are those of its data type."""


class IntEnum(int, ReprEnum):
    """Enum whose members are ints too."""

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(self, format_spec)


class StrEnum(str, ReprEnum):
    """Enum whose members are strs too."""

    @staticmethod
    def _new_member_(cls, *values):
        if len(values) > 3:
            raise TypeError("too many arguments for str(): " + repr(values))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError(repr(values[0]) + " is not a string")
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    def __str__(self):
        return str.__str__(self)

    def __format__(self, format_spec):
        return str.__format__(str.__str__(self), format_spec)

    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    """Members combine with |, & and ^ into flags of the same class."""

    _boundary_ = STRICT

    def _generate_next_value_(name, start, count, last_values):
        if not count:
            return start if start is not None else 1
        high = 0
        for v in last_values:
            if not isinstance(v, int):
                raise TypeError("invalid flag value " + repr(v))
            if v > high:
                high = v
        b = 1
        while b <= high:
            b <<= 1
        return b

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)
        mask = cls._flag_mask_
        if cls._member_type_ is object:
            # Flag's boundary is CONFORM in 3.11: unknown bits are dropped
            value = value & mask
            if value in cls._value2member_map_:
                return cls._value2member_map_[value]
            pseudo = object.__new__(cls)
        else:
            pseudo = cls._member_type_.__new__(cls, value)
        pseudo._value_ = value
        known = []
        for name in cls._member_names_:
            m = cls._member_map_[name]
            mv = m._value_
            if _power_of_two(mv) and value & mv == mv:
                known.append(name)
        extra = value & ~mask
        if value == 0 or not known:
            pseudo._name_ = None
        else:
            if extra:
                known.append(str(extra))
            pseudo._name_ = "|".join(known)
        cls._value2member_map_[value] = pseudo
        return pseudo

    def _members_in_(self):
        value = self._value_
        out = []
        for name in type(self)._member_names_:
            m = type(self)._member_map_[name]
            if m._value_ and _power_of_two(m._value_) and value & m._value_ == m._value_:
                out.append(m)
        return out

    def __repr__(self):
        cls = type(self)
        vr = cls._member_type_.__repr__ if cls._member_type_ is not object else repr
        if self._name_ is None:
            return "<" + cls.__name__ + ": " + vr(self._value_) + ">"
        return "<" + cls.__name__ + "." + self._name_ + ": " + vr(self._value_) + ">"

    def __str__(self):
        cls = type(self)
        if self._name_ is None:
            return cls.__name__ + "(" + repr(self._value_) + ")"
        return cls.__name__ + "." + self._name_

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': '"
                            + type(other).__qualname__ + "' and '"
                            + type(self).__qualname__ + "'")
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        return iter(self._members_in_())

    def __len__(self):
        return len(self._members_in_())

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if isinstance(other, type(self)):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return type(self)(self._value_ | other)

    def __and__(self, other):
        if isinstance(other, type(self)):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return type(self)(self._value_ & other)

    def __xor__(self, other):
        if isinstance(other, type(self)):
            other = other._value_
        elif self._member_type_ is not object and isinstance(other, self._member_type_):
            pass
        else:
            return NotImplemented
        return type(self)(self._value_ ^ other)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        cls = type(self)
        return cls(cls._flag_mask_ & ~self._value_)


class IntFlag(int, ReprEnum, Flag):
    """Flag whose members are ints too; unknown bits are kept."""

    _boundary_ = KEEP
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__

    def __str__(self):
        return int.__repr__(self)

    def __format__(self, format_spec):
        return int.__format__(self, format_spec)

    def __invert__(self):
        cls = type(self)
        return cls(cls._flag_mask_ & ~self._value_)


_enum_base_made[0] = True


def unique(enumeration):
    """Class decorator: raise ValueError if the enum has aliases."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member._name_:
            duplicates.append((name, member._name_))
    if duplicates:
        alias_details = ", ".join([a + " -> " + b for a, b in duplicates])
        raise ValueError("duplicate values found in " + repr(enumeration) + ": "
                         + alias_details)
    return enumeration


def global_enum_repr(self):
    """repr() of a member of a module-level (global) enum: module.NAME."""
    module = type(self).__module__.split(".")[-1]
    return module + "." + str(self._name_)
