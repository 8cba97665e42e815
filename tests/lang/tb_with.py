# A with block whose __exit__ fails while the body's exception propagates.
class Resource:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        return self.name.missing_attribute


def use():
    with Resource("db") as r, Resource("cache"):
        return r.name + 1


use()
