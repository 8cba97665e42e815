# Docstrings on classes, methods, functions and properties, including
# inherited lookup and absent docstrings.
class Widget:
    """A widget.

    With a second paragraph.
    """

    def method(self):
        """Do the thing."""

    def undocumented(self):
        pass

    @property
    def size(self):
        """The size."""
        return 1


class Sub(Widget):
    pass


def func():
    "single quoted doc"
    return 1


print(repr(Widget.__doc__))
print(Widget.method.__doc__, Widget.undocumented.__doc__, Widget.size.__doc__, Sub.__doc__)
print(func.__doc__, func(), Sub().method.__doc__, (lambda: 0).__doc__)
