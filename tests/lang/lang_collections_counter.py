# collections.Counter: counting, most_common (ties in insertion order),
# arithmetic and set-like operators, update/subtract, elements, total.
from collections import Counter

c = Counter("abracadabra")
print(c, c["a"], c["z"], c.most_common(2), c.most_common()[-1], len(c))
c.update("aaz")
c.subtract({"b": 5})
print(c, c.total(), sorted(c.elements()))
d = Counter(a=3, b=1) + Counter(a=1, b=-4, c=2)
print(d, Counter(a=3, b=1) - Counter(a=1, b=2), Counter(a=3, b=1) | Counter(a=1, b=5), Counter(a=3, b=1) & Counter(a=1, b=5))
print(+Counter(a=2, b=-1, c=0), -Counter(a=2, b=-1), Counter({"x": 2}) == Counter(x=2), dict(Counter("aab")))
words = "the cat and the hat and the bat".split()
wc = Counter(words)
print(wc.most_common(3), [w for w, n in wc.items() if n == 1], sum(wc.values()))
print(Counter([1, 1, 2, (3, 4), (3, 4)]), Counter(), Counter("") == Counter())
del c["a"]
print("a" in c, c.get("a", "gone"), isinstance(c, dict))
