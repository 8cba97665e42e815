# property: getter, setter, deleter via decorators and via property(),
# read-only errors, docstrings, and inheritance/overriding of properties.
class Temp:
    def __init__(self, c):
        self._c = c

    @property
    def celsius(self):
        "temperature in degrees Celsius"
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("  deleting celsius")
        del self._c

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    def _get_k(self):
        return self._c + 273.15

    def _set_k(self, k):
        self.celsius = k - 273.15

    kelvin = property(_get_k, _set_k, None, "kelvin doc")


t = Temp(100)
print(t.celsius, t.fahrenheit, round(t.kelvin, 2))
t.celsius = -40
print(t.celsius, t.fahrenheit)
t.kelvin = 0
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
try:
    t.celsius
except AttributeError as e:
    print("AttributeError:", e)
print(Temp.celsius.__doc__, "|", Temp.kelvin.__doc__, "|", type(Temp.celsius).__name__)
print(Temp.celsius.fget.__name__, Temp.fahrenheit.fset)


class Sub(Temp):
    @property
    def fahrenheit(self):
        return round(super().fahrenheit)


s = Sub(37.2)
print(s.fahrenheit, Temp(37.2).fahrenheit)
s.__dict__["fahrenheit"] = "shadow?"
print(s.fahrenheit)
