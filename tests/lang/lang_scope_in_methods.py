# global and nonlocal used inside methods and in closures created by
# methods; class attributes are not enclosing scopes for methods.
hits = 0


class Tracker:
    hits = 100

    def record(self):
        global hits
        hits += 1
        return hits

    def make_counter(self):
        count = 0

        def inc():
            nonlocal count
            count += 1
            return count
        return inc

    def read_hits(self):
        return hits, self.hits, Tracker.hits


t = Tracker()
print(t.record(), t.record(), hits, Tracker.hits)
c1, c2 = t.make_counter(), t.make_counter()
print(c1(), c1(), c2(), t.read_hits())


def outer():
    value = "enclosing"

    class Inner:
        value = "class attr"

        def get(self):
            return value

        def get_attr(self):
            return self.value

    return Inner()


i = outer()
print(i.get(), i.get_attr())
