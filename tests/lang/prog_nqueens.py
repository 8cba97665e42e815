# N-queens several ways: a recursive generator with yield from, a bitmask
# counter, an iterative backtracker with an explicit stack, symmetry
# classes of solutions, and a permutation-based check for small boards.
from itertools import permutations


def solve_gen(n, row=0, cols=(), diag1=frozenset(), diag2=frozenset()):
    """Yield each solution as a tuple of column indices, one per row."""
    if row == n:
        yield cols
        return
    for c in range(n):
        if c in cols or (row + c) in diag1 or (row - c) in diag2:
            continue
        yield from solve_gen(n, row + 1, cols + (c,), diag1 | {row + c}, diag2 | {row - c})


def count_bits(n):
    full = (1 << n) - 1
    total = 0

    def go(cols, ld, rd):
        nonlocal total
        if cols == full:
            total += 1
            return
        free = full & ~(cols | ld | rd)
        while free:
            bit = free & -free
            free ^= bit
            go(cols | bit, ((ld | bit) << 1) & full, (rd | bit) >> 1)

    go(0, 0, 0)
    return total


class Backtracker:
    def __init__(self, n):
        self.n = n
        self.nodes = 0

    def __iter__(self):
        n = self.n
        board = []
        stack = [0]
        while stack:
            c = stack.pop()
            if c >= n:
                if board:
                    prev = board.pop()
                    stack.append(prev + 1)
                continue
            self.nodes += 1
            row = len(board)
            if all(c != bc and abs(c - bc) != row - br for br, bc in enumerate(board)):
                board.append(c)
                if len(board) == n:
                    yield tuple(board)
                    board.pop()
                    stack.append(c + 1)
                else:
                    stack.append(0)
            else:
                stack.append(c + 1)


def transforms(sol):
    n = len(sol)
    grid = {(r, c) for r, c in enumerate(sol)}
    out = []
    for k in range(4):
        for flip in (False, True):
            cells = grid
            for _ in range(k):
                cells = {(c, n - 1 - r) for r, c in cells}
            if flip:
                cells = {(r, n - 1 - c) for r, c in cells}
            out.append(tuple(c for r, c in sorted(cells)))
    return out


def canonical(sol):
    return min(transforms(sol))


def draw(sol):
    n = len(sol)
    return "\n".join(" ".join("Q" if c == col else "." for c in range(n)) for col in sol)


def valid(sol):
    n = len(sol)
    return (len(set(sol)) == n and len({r + c for r, c in enumerate(sol)}) == n
            and len({r - c for r, c in enumerate(sol)}) == n)


KNOWN = {1: 1, 2: 0, 3: 0, 4: 2, 5: 10, 6: 4, 7: 40, 8: 92, 9: 352}

for n in range(1, 10):
    sols = list(solve_gen(n))
    bits = count_bits(n)
    unique = {canonical(s) for s in sols}
    status = "ok" if len(sols) == bits == KNOWN[n] else "MISMATCH"
    print(f"n={n}: {len(sols):4d} solutions, {len(unique):3d} unique, bitmask {bits:4d} {status}")

eight = list(solve_gen(8))
print("first:", eight[0], "last:", eight[-1])
print(draw(eight[0]))
bt = Backtracker(8)
bt_sols = list(bt)
print("backtracker agrees:", bt_sols == eight, "nodes visited:", bt.nodes)
print("all valid:", all(map(valid, eight)), "invalid caught:", valid((0, 1, 2, 3)))
uniq8 = sorted({canonical(s) for s in eight})
print("8-queens fundamental solutions:")
for s in uniq8:
    orbit = len(set(transforms(s)))
    print("  ", "".join(str(c + 1) for c in s), "orbit", orbit)
print("orbit sizes sum:", sum(len(set(transforms(s))) for s in uniq8))
perm_count = sum(1 for p in permutations(range(6)) if valid(p))
print("6-queens by permutations:", perm_count)
gen = solve_gen(10)
firsts = [next(gen) for _ in range(3)]
gen.close()
print("10-queens first three:", firsts)
try:
    next(gen)
except StopIteration:
    print("closed generator is exhausted")
print("12-queens count:", count_bits(12))
