# Counter: counting, most_common, elements, arithmetic
from collections import Counter

c = Counter("abracadabra")
print(c, c["a"], c["z"], len(c))
print(c.most_common(), c.most_common(2), c.most_common(0), c.most_common(100)[:2])
print(sorted(c.elements()), c.total())
c.update("zzz")
c.update({"a": 10})
c.update(b=1)
print(c)
c.subtract("aaa")
c.subtract({"z": 5})
print(c)
print(Counter(), Counter([]), Counter({"x": 2, "y": -1}), Counter(a=3, b=1))
words = "the quick brown fox jumps over the lazy dog the fox".split()
wc = Counter(words)
print(wc.most_common(3))
a = Counter(a=3, b=1, c=0)
b = Counter(a=1, b=2, d=4)
print(a + b, a - b, a | b, a & b)
print(+Counter(a=2, b=-3, c=0), -Counter(a=2, b=-3, c=0))
x = Counter(a=3, b=1)
x += Counter(a=1, c=2)
print(x)
x -= Counter(a=10)
print(x)
x |= Counter(b=5, e=1)
print(x)
x &= Counter(b=2, c=9)
print(x)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), Counter(a=1) <= Counter(a=2),
      Counter(a=3) < Counter(a=3), Counter(a=3) >= Counter(), Counter(a=1, b=1) > Counter(a=1))
del c["nothere"]
del c["a"]
print("a" in c, c)
print(Counter(c.copy()) == c, type(c.copy()).__name__)
print(isinstance(c, dict), Counter("aab") == {"a": 2, "b": 1})
inventory = Counter(apples=5, pears=2)
order = Counter(apples=3, pears=3, kiwis=1)
print(inventory - order, order - inventory)
try:
    Counter.fromkeys("abc")
except NotImplementedError as e:
    print("NotImplementedError", e)
try:
    Counter(a=1) + {}
except TypeError as e:
    print("TypeError", e)
print(Counter({1: "x", 2: 3}) if False else Counter([3, 1, 3, 2, 1, 3]))
letters = Counter()
for line in ["hello world", "goodbye world"]:
    for ch in line:
        if ch != " ":
            letters[ch] += 1
print(letters.most_common(4))
