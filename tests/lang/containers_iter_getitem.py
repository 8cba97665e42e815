# the sequence protocol through __len__/__getitem__: iter, reversed, in
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()), list(iter(Seq())), 20 in Seq())
class Squares:
    def __getitem__(self, i):
        if i > 4:
            raise StopIteration
        return i * i
print(list(Squares()), 9 in Squares(), 10 in Squares(), sorted(Squares(), reverse=True))
for v in Squares():
    print(v, end=' ')
print()
a, b, *rest = Squares()
print(a, b, rest)
