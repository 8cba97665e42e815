# A sudoku solver: constraint propagation (naked singles, hidden singles)
# plus backtracking search on the cell with fewest candidates; a board
# class with validation, candidate bookkeeping and pretty printing.


class InvalidPuzzle(ValueError):
    pass


class Unsolvable(Exception):
    pass


DIGITS = "123456789"
ROWS = range(9)


def box_of(r, c):
    return (r // 3) * 3 + c // 3


UNITS = ([[(r, c) for c in range(9)] for r in ROWS]
         + [[(r, c) for r in ROWS] for c in range(9)]
         + [[(br + i, bc + j) for i in range(3) for j in range(3)]
            for br in (0, 3, 6) for bc in (0, 3, 6)])
PEERS = {}
for r in ROWS:
    for c in range(9):
        ps = set()
        for unit in UNITS:
            if (r, c) in unit:
                ps.update(unit)
        ps.discard((r, c))
        PEERS[r, c] = tuple(sorted(ps))


class Board:
    def __init__(self, text):
        chars = [ch for ch in text if ch in DIGITS or ch in ".0"]
        if len(chars) != 81:
            raise InvalidPuzzle(f"need 81 cells, got {len(chars)}")
        self.cand = {(r, c): set(DIGITS) for r in ROWS for c in range(9)}
        self.stats = {"assign": 0, "guess": 0, "backtrack": 0}
        for i, ch in enumerate(chars):
            if ch in DIGITS:
                if not self.assign((i // 9, i % 9), ch):
                    raise InvalidPuzzle(f"contradiction at cell {i // 9},{i % 9} = {ch}")

    def copy(self):
        b = Board.__new__(Board)
        b.cand = {k: set(v) for k, v in self.cand.items()}
        b.stats = self.stats
        return b

    def assign(self, cell, d):
        self.stats["assign"] += 1
        others = self.cand[cell] - {d}
        return all(self.eliminate(cell, o) for o in sorted(others))

    def eliminate(self, cell, d):
        cands = self.cand[cell]
        if d not in cands:
            return True
        cands.discard(d)
        if not cands:
            return False
        if len(cands) == 1:
            (only,) = cands
            if not all(self.eliminate(p, only) for p in PEERS[cell]):
                return False
        for unit in UNITS:
            if cell not in unit:
                continue
            places = [sq for sq in unit if d in self.cand[sq]]
            if not places:
                return False
            if len(places) == 1 and len(self.cand[places[0]]) > 1:
                if not self.assign(places[0], d):
                    return False
        return True

    @property
    def solved(self):
        return all(len(v) == 1 for v in self.cand.values())

    def value(self, cell):
        v = self.cand[cell]
        return next(iter(v)) if len(v) == 1 else "."

    def __str__(self):
        lines = []
        for r in ROWS:
            row = ""
            for c in range(9):
                row += self.value((r, c)) + (" | " if c in (2, 5) else " ")
            lines.append(row.rstrip())
            if r in (2, 5):
                lines.append("------+-------+------")
        return "\n".join(lines)

    def check(self):
        for unit in UNITS:
            vals = sorted(self.value(c) for c in unit)
            if "".join(vals) != DIGITS:
                return False
        return True


def search(board, depth=0):
    if board.solved:
        return board
    cell = min((k for k, v in board.cand.items() if len(v) > 1),
               key=lambda k: (len(board.cand[k]), k))
    for d in sorted(board.cand[cell]):
        trial = board.copy()
        board.stats["guess"] += 1
        if trial.assign(cell, d):
            try:
                return search(trial, depth + 1)
            except Unsolvable:
                pass
        board.stats["backtrack"] += 1
    raise Unsolvable(f"dead end at depth {depth}")


PUZZLES = {
    "easy": "003020600900305001001806400008102900700000008006708200002609500800203009005010300",
    "hard": "4.....8.5.3..........7......2.....6.....8.4......1.......6.3.7.5..2.....1.4......",
    "broken": "11.......................................................................",
    "short": "123",
    "impossible": "12345678." + "........9" + "." * 63,
}

for name, text in PUZZLES.items():
    print(f"--- {name}")
    try:
        b = Board(text)
        given = sum(ch in DIGITS for ch in text)
        after_prop = sum(len(v) == 1 for v in b.cand.values())
        print(f"givens {given}, fixed after propagation {after_prop}")
        solution = search(b)
    except InvalidPuzzle as e:
        print("invalid:", e)
        continue
    except Unsolvable as e:
        print("unsolvable:", e)
        continue
    print(solution)
    print("valid:", solution.check(), "| stats:", sorted(solution.stats.items()))
    row0 = "".join(solution.value((0, c)) for c in range(9))
    diag = "".join(solution.value((i, i)) for i in range(9))
    print("row 0:", row0, "diagonal:", diag, "checksum:", sum(int(solution.value(k)) * (k[0] + 1) for k in solution.cand))
