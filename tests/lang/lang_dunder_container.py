# Container protocol: __len__, __getitem__, __setitem__, __delitem__,
# __contains__, including slices passed to __getitem__.
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}

    def __len__(self):
        return self.w * self.h

    def _check(self, key):
        x, y = key
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {key} out of range")

    def __getitem__(self, key):
        self._check(key)
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self._check(key)
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __contains__(self, value):
        return value in self.cells.values()


g = Grid(3, 2)
g[0, 0] = "a"
g[2, 1] = "b"
print(len(g), g[0, 0], g[1, 1], "a" in g, "z" in g, "z" not in g)
del g[0, 0]
print(g[0, 0], "a" in g)
for op in (lambda: g[5, 5], lambda: g.__setitem__((9, 0), 1)):
    try:
        op()
    except IndexError as e:
        print("IndexError:", e)
try:
    del g[1, 1]
except KeyError as e:
    print("KeyError:", e)


class Seq:
    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return ("slice", idx.start, idx.stop, idx.step)
        if idx >= 4:
            raise IndexError(idx)
        return idx * 10


s = Seq()
print(s[1], s[1:3], s[::2], s[:-1:], 20 in s, 25 in s, list(s))
print(slice(1, 5, 2), slice(3).indices(10), slice(None, None, -1).indices(4))
try:
    s["x"]
except TypeError as e:
    print("TypeError:", e)
try:
    object()[0]
except TypeError as e:
    print("TypeError:", e)
