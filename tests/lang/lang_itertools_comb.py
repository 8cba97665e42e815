# itertools combinatorics: product (with repeat), permutations (with r),
# combinations and combinations_with_replacement, and their counts.
from itertools import product, permutations, combinations, combinations_with_replacement
import math

print(list(product("ab", [0, 1])), list(product([1, 2], repeat=2)), list(product()), list(product("a", [])))
print(len(list(product(range(3), repeat=4))), list(product("xy", "z", "12"))[:3])
print(list(permutations("abc")), list(permutations(range(4), 2))[:5], list(permutations([], 0)))
print(list(combinations("abcd", 2)), list(combinations(range(5), 4)), list(combinations("ab", 3)))
print(list(combinations_with_replacement("abc", 2)), len(list(combinations_with_replacement(range(5), 3))))
print(all(len(list(combinations(range(n), k))) == math.comb(n, k) for n in range(7) for k in range(n + 1)))
print(all(len(list(permutations(range(n), k))) == math.perm(n, k) for n in range(6) for k in range(n + 1)))
print(sum(1 for p in permutations(range(6)) if all(p[i] != i for i in range(6))), "derangements of 6")
print(["".join(p) for p in product("HT", repeat=3) if p.count("H") == 2])
