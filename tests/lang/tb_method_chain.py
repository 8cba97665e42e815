# A method chain spread over lines: the failing call is located at its
# attribute name, on the attribute's line (CPython 3.11.2).
class Query:
    def __init__(self, rows):
        self.rows = rows

    def where(self, pred):
        return Query([r for r in self.rows if pred(r)])

    def first(self):
        return self.rows[0]


q = Query([1, 2, 3])
print((q
       .where(lambda r: r > 1)
       .first()))
value = (q
         .where(lambda r: r > 5)
         .first())
