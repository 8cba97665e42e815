# A user sequence that wraps indices around and handles slices itself,
# plus the builtins that work on it (len, reversed, sorted, enumerate,
# list(), tuple unpacking); __iter__ bounds iteration, since __getitem__
# never raises IndexError.
class Ring:
    def __init__(self, items):
        self.items = list(items)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return self.items[i % len(self.items)]

    def __iter__(self):
        for k in range(len(self)):
            yield self[k]


r = Ring("abcde")
print(r[0], r[7], r[-1], r[-6], r[1:4], r[::-2], len(r))
print(list(reversed(r)), sorted(r, reverse=True), list(enumerate(r))[:2], "c" in r)
a, b, c, d, e = r
print(a + e, "".join(r))
