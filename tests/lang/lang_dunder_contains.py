# The `in` operator: __contains__ first, then iteration via __iter__,
# then the old __getitem__ protocol; results are coerced to bool.
class WithContains:
    def __contains__(self, x):
        print(f"  __contains__({x!r})")
        return x % 2 == 0


class WithIter:
    def __iter__(self):
        print("  __iter__ used")
        return iter([1, 2, 3])


class WithGetitem:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 5


class Truthy:
    def __contains__(self, x):
        return "non-empty string"


print(4 in WithContains(), 3 not in WithContains())
print(2 in WithIter(), 9 in WithIter())
print(10 in WithGetitem(), 11 in WithGetitem())
print(1 in Truthy())
try:
    1 in 5
except TypeError as e:
    print("TypeError:", e)
