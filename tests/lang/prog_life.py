# Conway's Game of Life two ways: a set-of-cells infinite board and a
# fixed toroidal grid class; pattern parsing, period detection, population
# statistics and ASCII rendering.
from itertools import product


def parse(pattern):
    cells = set()
    for r, line in enumerate(pattern.strip("\n").splitlines()):
        for c, ch in enumerate(line):
            if ch in "#O*":
                cells.add((r, c))
    return frozenset(cells)


def neighbours(cell):
    r, c = cell
    for dr, dc in product((-1, 0, 1), repeat=2):
        if dr or dc:
            yield r + dr, c + dc


def step(cells):
    counts = {}
    for cell in cells:
        for n in neighbours(cell):
            counts[n] = counts.get(n, 0) + 1
    return frozenset(c for c, k in counts.items() if k == 3 or (k == 2 and c in cells))


def bounds(cells):
    rows = [r for r, _ in cells]
    cols = [c for _, c in cells]
    return min(rows), min(cols), max(rows), max(cols)


def render(cells, pad=0):
    if not cells:
        return "(empty)"
    r0, c0, r1, c1 = bounds(cells)
    lines = []
    for r in range(r0 - pad, r1 + pad + 1):
        lines.append("".join("#" if (r, c) in cells else "." for c in range(c0 - pad, c1 + pad + 1)))
    return "\n".join(lines)


def normalize(cells):
    if not cells:
        return cells
    r0, c0, _, _ = bounds(cells)
    return frozenset((r - r0, c - c0) for r, c in cells)


def analyse(name, cells, limit=200):
    seen = {}
    history = []
    cur = cells
    for gen in range(limit):
        key = normalize(cur)
        if key in seen:
            first = seen[key]
            moved = bounds(cur)[:2] != bounds(history[first])[:2] if cur else False
            kind = "still life" if gen - first == 1 and not moved else (
                "spaceship" if moved else "oscillator")
            if not cur:
                kind = "dies out"
            return f"{name}: {kind}, period {gen - first}, settles at gen {first}, " \
                   f"max pop {max(len(h) for h in history)}"
        seen[key] = gen
        history.append(cur)
        cur = step(cur)
    return f"{name}: no cycle within {limit} generations, pop {len(cur)}"


class Torus:
    def __init__(self, rows, cols, alive=()):
        self.rows, self.cols = rows, cols
        self.grid = [[False] * cols for _ in range(rows)]
        for r, c in alive:
            self[r, c] = True
        self.generation = 0

    def __getitem__(self, pos):
        r, c = pos
        return self.grid[r % self.rows][c % self.cols]

    def __setitem__(self, pos, value):
        r, c = pos
        self.grid[r % self.rows][c % self.cols] = bool(value)

    def __len__(self):
        return sum(row.count(True) for row in self.grid)

    def __iter__(self):
        for r in range(self.rows):
            for c in range(self.cols):
                if self.grid[r][c]:
                    yield r, c

    def live_neighbours(self, r, c):
        return sum(self[r + dr, c + dc] for dr, dc in product((-1, 0, 1), repeat=2)
                   if dr or dc)

    def tick(self):
        new = [[False] * self.cols for _ in range(self.rows)]
        for r in range(self.rows):
            for c in range(self.cols):
                n = self.live_neighbours(r, c)
                new[r][c] = n == 3 or (n == 2 and self.grid[r][c])
        self.grid = new
        self.generation += 1
        return self

    def __str__(self):
        return "\n".join("".join("O" if x else "." for x in row) for row in self.grid)


PATTERNS = {
    "block": "##\n##",
    "blinker": "###",
    "toad": ".###\n###.",
    "beacon": "##..\n##..\n..##\n..##",
    "glider": ".#.\n..#\n###",
    "r-pentomino": ".##\n##.\n.#.",
    "diehard": "......#.\n##......\n.#...###",
    "pulsar-quarter": "..###\n\n#....#\n#....#\n#....#\n..###",
}

for name in ["block", "blinker", "toad", "beacon", "glider", "diehard", "pulsar-quarter"]:
    print(analyse(name, parse(PATTERNS[name])))

g = parse(PATTERNS["glider"])
for i in range(4):
    g = step(g)
print("glider after 4 steps moved to", bounds(g)[:2], "same shape:",
      normalize(g) == normalize(parse(PATTERNS["glider"])))

r = parse(PATTERNS["r-pentomino"])
pops = []
for gen in range(60):
    pops.append(len(r))
    r = step(r)
print("r-pentomino populations:", pops[:20])
print("r-pentomino gen 60: pop", len(r), "bbox", bounds(r))
print(render(step(step(parse(PATTERNS["toad"]))), pad=1))

t = Torus(6, 8, [(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)])
for _ in range(24):
    t.tick()
print(f"torus glider after {t.generation} gens: {len(t)} cells at {sorted(t)}")
print(t)
t2 = Torus(5, 5, [(2, 1), (2, 2), (2, 3)])
states = [str(t2)]
for _ in range(3):
    states.append(str(t2.tick()))
print("blinker on torus period 2:", states[0] == states[2], states[1] == states[3], states[0] != states[1])
