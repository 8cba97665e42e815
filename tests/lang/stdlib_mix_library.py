# a small library system: classes together with functools, operator,
# collections, copy, heapq, bisect and random
import copy
import heapq
import bisect
import random
from collections import defaultdict, Counter, deque, OrderedDict
from functools import total_ordering, lru_cache, partial, reduce, wraps
from operator import attrgetter, methodcaller, itemgetter

def audited(func):
    @wraps(func)
    def wrapper(self, *args):
        self.audit.append(func.__name__)
        return func(self, *args)
    return wrapper

@total_ordering
class Book:
    def __init__(self, isbn, title, author, year):
        self.isbn, self.title, self.author, self.year = isbn, title, author, year
    def __eq__(self, other):
        return self.isbn == other.isbn
    def __lt__(self, other):
        return (self.year, self.title) < (other.year, other.title)
    def __hash__(self):
        return hash(self.isbn)
    def __repr__(self):
        return "Book(%r, %d)" % (self.title, self.year)
    def slug(self):
        return self.title.lower().replace(" ", "-")

class Library:
    def __init__(self):
        self.books = {}
        self.by_author = defaultdict(list)
        self.loans = Counter()
        self.waitlist = defaultdict(deque)
        self.audit = []
        self.years = []
    @audited
    def add(self, book):
        self.books[book.isbn] = book
        self.by_author[book.author].append(book)
        bisect.insort(self.years, book.year)
    @audited
    def lend(self, isbn, who):
        if self.loans[isbn]:
            self.waitlist[isbn].append(who)
            return "queued"
        self.loans[isbn] += 1
        return "lent"
    @audited
    def give_back(self, isbn):
        if self.waitlist[isbn]:
            return "to " + self.waitlist[isbn].popleft()
        self.loans[isbn] -= 1
        return "shelved"
    @lru_cache(maxsize=None)
    def decade(self, year):
        return year // 10 * 10

lib = Library()
data = [("111", "Dune", "Herbert", 1965), ("222", "Emma", "Austen", 1815),
        ("333", "Persuasion", "Austen", 1817), ("444", "Neuromancer", "Gibson", 1984),
        ("555", "Solaris", "Lem", 1961), ("666", "Count Zero", "Gibson", 1986)]
for row in data:
    lib.add(Book(*row))
print(sorted(lib.books.values()))
print(sorted(lib.books.values(), key=attrgetter("author", "title")))
print(max(lib.books.values()), min(lib.books.values()), Book("x", "A", "B", 1) <= Book("y", "A", "B", 1))
print({a: [b.title for b in bs] for a, bs in sorted(lib.by_author.items())})
print(lib.years, bisect.bisect(lib.years, 1900), lib.years[bisect.bisect_left(lib.years, 1961):])
print([lib.lend("111", w) for w in ["ann", "bob", "cy"]], lib.give_back("111"), lib.give_back("111"),
      lib.give_back("111"), lib.loans["111"])
print(Counter(lib.audit), lib.add.__name__)
print(Counter([lib.decade(b.year) for b in lib.books.values()]).most_common(2), lib.decade.cache_info().hits)
dune = lib.books["111"]
print(dune.slug(), list(map(methodcaller("upper"), [dune.slug()])), methodcaller("slug")(dune))
snapshot = copy.deepcopy(lib.by_author)
lib.by_author["Lem"].append(Book("777", "Eden", "Lem", 1959))
print(len(snapshot["Lem"]), len(lib.by_author["Lem"]), snapshot["Lem"][0] == lib.by_author["Lem"][0])
shallow = copy.copy(dune)
print(shallow is dune, shallow == dune, shallow.title)
oldest = heapq.nsmallest(2, lib.books.values(), key=attrgetter("year"))
print(oldest, heapq.nlargest(1, lib.books.values()))
rng = random.Random(42)
picks = rng.sample(sorted(lib.books), 3)
print(picks, rng.choice(sorted(lib.books.values())))
titles = OrderedDict()
for b in sorted(lib.books.values(), key=attrgetter("title")):
    titles[b.isbn] = b.title
titles.move_to_end("444", last=False)
print(list(titles.values()))
total_years = reduce(lambda acc, b: acc + b.year, lib.books.values(), 0)
print(total_years, partial(sorted, key=itemgetter(1))([(1, "b"), (2, "a")]))
