# N-queens three ways: permutations filtered by diagonals (itertools),
# bitmask backtracking, and a class-based solver that records placements.
from itertools import permutations


def queens_perm(n):
    cols = range(n)
    out = []
    for vec in permutations(cols):
        if n == len(set([vec[i] + i for i in cols])) == len(set([vec[i] - i for i in cols])):
            out.append(vec)
    return out


def queens_bits(n):
    full = (1 << n) - 1
    count = 0
    stack = [(0, 0, 0)]
    while stack:
        cols, d1, d2 = stack.pop()
        if cols == full:
            count += 1
            continue
        avail = full & ~(cols | d1 | d2)
        while avail:
            bit = avail & -avail
            avail ^= bit
            stack.append((cols | bit, ((d1 | bit) << 1) & full, (d2 | bit) >> 1))
    return count


class Board:
    def __init__(self, n):
        self.n = n
        self.queens = []
        self.solutions = []
        self.tried = 0

    def safe(self, row, col):
        for r, c in enumerate(self.queens):
            if c == col or abs(c - col) == row - r:
                return False
        return True

    def solve(self, row=0):
        if row == self.n:
            self.solutions.append(tuple(self.queens))
            return
        for col in range(self.n):
            self.tried += 1
            if self.safe(row, col):
                self.queens.append(col)
                self.solve(row + 1)
                self.queens.pop()

    def draw(self, sol):
        return "\n".join([" ".join(["Q" if c == q else "." for c in range(self.n)]) for q in sol])


for n in range(1, 8):
    print(n, len(queens_perm(n)), queens_bits(n))
print([queens_bits(n) for n in range(8, 11)])
b = Board(6)
b.solve()
print(len(b.solutions), b.tried, b.solutions)
print(b.draw(b.solutions[0]))
sols = queens_perm(6)
print(sorted(sols) == sorted(b.solutions), sols[0] in set(b.solutions))


def mirror(sol):
    return tuple([len(sol) - 1 - c for c in sol])


def rotate(sol):
    n = len(sol)
    out = [0] * n
    for r, c in enumerate(sol):
        out[c] = n - 1 - r
    return tuple(out)


def canonical(sol):
    forms = []
    s = sol
    for _ in range(4):
        forms.append(s)
        forms.append(mirror(s))
        s = rotate(s)
    return min(forms)


b8 = Board(8)
b8.solve()
unique = sorted(set(map(canonical, b8.solutions)))
print(len(b8.solutions), len(unique), unique[:3])
print(b8.draw(unique[0]))
