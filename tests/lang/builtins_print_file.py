# print() through an object's write()/flush(), and objects with __str__.
class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


c = Collector()
print("to", "collector", sep="+", end="!", file=c)
print(42, file=c, flush=True)
print(c.parts)


class Shout:
    def __str__(self):
        return "SHOUT"

    def __repr__(self):
        return "shout()"


print(Shout(), [Shout()])
