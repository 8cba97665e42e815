# puzzles by brute force with itertools: n-queens, a cryptarithm, subset sums
from itertools import permutations, combinations, product, chain, islice, count

def queens(n):
    cols = range(n)
    found = []
    for perm in permutations(cols):
        if n == len(set([perm[i] + i for i in cols])) == len(set([perm[i] - i for i in cols])):
            found.append(perm)
    return found

for n in range(1, 8):
    sols = queens(n)
    print(n, len(sols), sols[0] if sols else None)

def show(sol):
    for c in sol:
        print(" ".join(["Q" if i == c else "." for i in range(len(sol))]))

show(queens(6)[0])

# TWO + TWO = FOUR
letters = "TWOFUR"
answers = []
for digits in permutations(range(10), len(letters)):
    env = dict(zip(letters, digits))
    if env["T"] == 0 or env["F"] == 0:
        continue
    two = env["T"] * 100 + env["W"] * 10 + env["O"]
    four = env["F"] * 1000 + env["O"] * 100 + env["U"] * 10 + env["R"]
    if two + two == four:
        answers.append((two, four))
print(len(answers), answers[:4])

# subsets of a set of weights that sum to a target
weights = [3, 34, 4, 12, 5, 2]
hits = [c for r in range(1, len(weights) + 1) for c in combinations(weights, r) if sum(c) == 9]
print(hits)
powerset = \
    list(chain.from_iterable([combinations("abc", r) for r in range(4)]))
print(powerset)
# all 3-digit binary strings with no two adjacent ones
print(["".join(map(str, p)) for p in product((0, 1), repeat=4) if "11" not in "".join(map(str, p))])
# the first ten primes from an infinite count
def primes():
    found = []
    out = []
    for n in count(2):
        if all([n % p for p in found]):
            found.append(n)
            out.append(n)
            if len(out) == 10:
                return out
print(primes())
print(list(islice(filter(lambda k: k % 7 == 3, count(100)), 5)))
