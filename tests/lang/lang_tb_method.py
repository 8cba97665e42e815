# An uncaught error deep in method calls: KeyError's message is the repr
# of the key; output printed before the error still appears.
class Store:
    def __init__(self):
        self.data = {"a": 1}

    def get(self, key):
        return self.data[key]

    def total(self, keys):
        return sum(self.get(k) for k in keys)


s = Store()
print(s.total(["a", "a"]))
print(s.total(["a", "missing key"]))
