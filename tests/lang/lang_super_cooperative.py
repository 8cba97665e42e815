# Cooperative multiple inheritance: every __init__ calls super().__init__
# with **kwargs, and a method chain visits each class once in MRO order.
class Root:
    def __init__(self, **kw):
        self.log = ["Root"]
        if kw:
            self.log.append(f"leftover {sorted(kw)}")

    def chain(self):
        return ["Root"]


class Named(Root):
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name
        self.log.append("Named")

    def chain(self):
        return ["Named"] + super().chain()


class Colored(Root):
    def __init__(self, color="red", **kw):
        super().__init__(**kw)
        self.color = color
        self.log.append("Colored")

    def chain(self):
        return ["Colored"] + super().chain()


class Sized(Root):
    def __init__(self, size=0, **kw):
        super().__init__(**kw)
        self.size = size
        self.log.append("Sized")

    def chain(self):
        return ["Sized"] + super().chain()


class Widget(Named, Colored, Sized):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Widget")

    def chain(self):
        return ["Widget"] + super().chain()


w = Widget(name="w1", color="blue", size=3)
print(w.log, w.name, w.color, w.size)
print(w.chain())
w2 = Widget(name="w2", extra=1)
print(w2.log, w2.color, w2.size)
print([c.__name__ for c in Widget.__mro__])
