# Methods: the bound call and the failing attribute inside the method.
class Account:
    def __init__(self, owner):
        self.owner = owner
        self.history = []

    def describe(self):
        return self.owner.title() + " has " + str(len(self.history))

    def report(self, out):
        out.append(self.describe())
        return out


accounts = [Account("ann"), Account(None)]
lines = []
for a in accounts:
    a.report(lines)
