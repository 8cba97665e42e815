# Properties with inheritance: overriding a getter, extending a setter via
# the parent's property object, and super() inside property methods.
class Base:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value


class Clamped(Base):
    @Base.v.setter
    def v(self, value):
        Base.v.fset(self, max(0, min(10, value)))


class Doubled(Base):
    @property
    def v(self):
        return super().v * 2

    @v.setter
    def v(self, value):
        super(Doubled, type(self)).v.fset(self, value)


c = Clamped()
c.v = 50
print(c.v)
c.v = -3
print(c.v)
d = Doubled()
d.v = 21
print(d.v, d._v, Doubled.v is Base.v, Clamped.v.fget is Base.v.fget)
b = Base()
b.v = 7
print(b.v, type(Clamped.__dict__["v"]).__name__)
