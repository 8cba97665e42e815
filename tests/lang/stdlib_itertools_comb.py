# product, permutations, combinations, combinations_with_replacement
from itertools import product, permutations, combinations, combinations_with_replacement as cwr

print(list(product("ab", range(2))))
print(list(product(range(2), repeat=3)))
print(list(product("ab", "xy", repeat=2))[:6], len(list(product("ab", "xy", repeat=2))))
print(list(product()), list(product([])), list(product("ab", [])), list(product("a", repeat=0)))
print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(list(permutations([])), list(permutations("ab", 0)), list(permutations("ab", 3)))
print(list(combinations("abcd", 2)), list(combinations(range(5), 3)))
print(list(combinations("ab", 0)), list(combinations("ab", 3)), list(combinations([], 0)))
print(list(cwr("abc", 2)), list(cwr(range(3), 3))[:5], list(cwr([], 2)), list(cwr([], 0)))
for n in range(6):
    print(n, len(list(permutations(range(n)))), len(list(combinations(range(6), n))),
          len(list(cwr(range(4), n))), len(list(product(range(3), repeat=n))))
# the tuples are independent objects
res = list(product([1, 2], [3, 4]))
print(res, res[0] is res[1])
# brute force: which 3 coins make 50 cents?
coins = [1, 5, 10, 25]
print([c for c in cwr(coins, 3) if sum(c) == 35])
# permutations find the shortest route through 5 cities
dist = {("A", "B"): 7, ("A", "C"): 9, ("A", "D"): 8, ("A", "E"): 20, ("B", "C"): 10,
        ("B", "D"): 4, ("B", "E"): 11, ("C", "D"): 15, ("C", "E"): 5, ("D", "E"): 17}
def d(a, b):
    return dist.get((a, b)) or dist[(b, a)]
best = None
for route in permutations("BCDE"):
    path = ("A",) + route + ("A",)
    length = sum([d(path[i], path[i + 1]) for i in range(len(path) - 1)])
    if best is None or length < best[0]:
        best = (length, "".join(path))
print(best)
# pairs of a poker hand
hand = ["AS", "AH", "7D", "7C", "KD"]
print([p for p in combinations(hand, 2) if p[0][0] == p[1][0]])
