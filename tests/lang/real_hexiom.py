# A hexiom-like tile puzzle: place numbered tiles on a small hex grid so
# each tile's number equals its count of occupied neighbours.  Solved by
# backtracking with constraint checks; grid built with axial coordinates.

class Hex:
    __slots__ = ("q", "r")

    def __init__(self, q, r):
        self.q = q
        self.r = r

    def __add__(self, other):
        return Hex(self.q + other.q, self.r + other.r)

    def __eq__(self, other):
        return (self.q, self.r) == (other.q, other.r)

    def __hash__(self):
        return hash((self.q, self.r))

    def __lt__(self, other):
        return (self.r, self.q) < (other.r, other.q)

    def __repr__(self):
        return "Hex(%d,%d)" % (self.q, self.r)


DIRS = [Hex(1, 0), Hex(1, -1), Hex(0, -1), Hex(-1, 0), Hex(-1, 1), Hex(0, 1)]


class Grid:
    def __init__(self, radius):
        self.cells = sorted([Hex(q, r) for q in range(-radius, radius + 1)
                             for r in range(-radius, radius + 1) if abs(q + r) <= radius])
        self.index = {h: i for i, h in enumerate(self.cells)}
        self.adj = [[self.index[h + d] for d in DIRS if (h + d) in self.index] for h in self.cells]
        self.radius = radius

    def render(self, placement):
        lines = []
        rows = {}
        for i, h in enumerate(self.cells):
            rows.setdefault(h.r, []).append(placement[i])
        for r in sorted(rows):
            pad = " " * abs(r)
            lines.append(pad + " ".join(["." if v is None else str(v) for v in rows[r]]))
        return "\n".join(lines)


class Solver:
    def __init__(self, grid, tiles):
        self.grid = grid
        self.tiles = dict(tiles)
        self.place = [None] * len(grid.cells)
        self.nodes = 0
        self.solutions = []

    def consistent(self, i):
        # every placed neighbour (and i itself) must still be satisfiable
        for j in [i] + self.grid.adj[i]:
            v = self.place[j]
            if v is None or v == "-":
                continue
            occupied = sum([1 for k in self.grid.adj[j] if self.place[k] not in (None, "-")])
            undecided = sum([1 for k in self.grid.adj[j] if self.place[k] is None])
            if occupied > v or occupied + undecided < v:
                return False
        return True

    def solve(self, i=0, limit=3):
        if len(self.solutions) >= limit:
            return
        self.nodes += 1
        if i == len(self.place):
            if not any(self.tiles.values()):
                self.solutions.append(list(self.place))
            return
        for v in sorted(self.tiles, key=lambda t: (t == "-", t if t != "-" else 0)):
            if self.tiles[v] == 0:
                continue
            self.tiles[v] -= 1
            self.place[i] = v
            if self.consistent(i):
                self.solve(i + 1, limit)
            self.place[i] = None
            self.tiles[v] += 1


g = Grid(1)
print(len(g.cells), g.cells)
print([len(a) for a in g.adj])
tiles = {3: 6, 6: 1}
s = Solver(g, tiles)
s.solve()
print("nodes:", s.nodes, "solutions:", len(s.solutions))
for sol in s.solutions:
    print(g.render(sol))
    print("-" * 7)

s2 = Solver(g, {1: 2, 2: 2, "-": 3})
s2.solve(limit=2)
print("nodes:", s2.nodes, "solutions:", len(s2.solutions))
for sol in s2.solutions:
    print(g.render(sol))
    print()
g2 = Grid(2)
print(len(g2.cells), sum(map(len, g2.adj)) // 2, g2.cells[:3], Hex(0, 0) in g2.index, g2.index[Hex(1, 1)])
counts = {}
for a in g2.adj:
    counts[len(a)] = counts.get(len(a), 0) + 1
print(sorted(counts.items()))
s3 = Solver(g2, {6: 1, 3: 6, 4: 6, "-": 6})
s3.solve(limit=1)
print("nodes:", s3.nodes, "found:", len(s3.solutions))
if s3.solutions:
    print(g2.render(s3.solutions[0]))
