# A small go board: stone placement, group capture via flood fill, liberties,
# ko detection, and random playouts driven by a seeded generator.
import random

EMPTY, BLACK, WHITE = ".", "X", "O"
SIZE = 7


class IllegalMove(Exception):
    pass


class Board:
    def __init__(self, size=SIZE):
        self.size = size
        self.cells = [EMPTY] * (size * size)
        self.captures = {BLACK: 0, WHITE: 0}
        self.ko = None
        self.history = []

    def neighbours(self, pos):
        r, c = divmod(pos, self.size)
        out = []
        if r > 0:
            out.append(pos - self.size)
        if r < self.size - 1:
            out.append(pos + self.size)
        if c > 0:
            out.append(pos - 1)
        if c < self.size - 1:
            out.append(pos + 1)
        return out

    def group(self, pos):
        colour = self.cells[pos]
        stones, libs, todo = {pos}, set(), [pos]
        while todo:
            p = todo.pop()
            for n in self.neighbours(p):
                v = self.cells[n]
                if v == EMPTY:
                    libs.add(n)
                elif v == colour and n not in stones:
                    stones.add(n)
                    todo.append(n)
        return stones, libs

    def play(self, pos, colour):
        if self.cells[pos] != EMPTY:
            raise IllegalMove("occupied: %s" % self.name(pos))
        if pos == self.ko:
            raise IllegalMove("ko at %s" % self.name(pos))
        other = WHITE if colour == BLACK else BLACK
        self.cells[pos] = colour
        captured = []
        for n in self.neighbours(pos):
            if self.cells[n] == other:
                stones, libs = self.group(n)
                if not libs:
                    captured.extend(stones)
                    for s in stones:
                        self.cells[s] = EMPTY
        stones, libs = self.group(pos)
        if not libs:
            self.cells[pos] = EMPTY
            raise IllegalMove("suicide at %s" % self.name(pos))
        self.captures[colour] += len(set(captured))
        self.ko = captured[0] if len(set(captured)) == 1 and len(stones) == 1 else None
        self.history.append((colour, pos))
        return len(set(captured))

    def name(self, pos):
        r, c = divmod(pos, self.size)
        return "ABCDEFGHJ"[c] + str(self.size - r)

    def legal_moves(self, colour):
        moves = []
        for pos, v in enumerate(self.cells):
            if v != EMPTY or pos == self.ko:
                continue
            # reject filling own eye
            ns = self.neighbours(pos)
            if all([self.cells[n] == colour for n in ns]):
                continue
            moves.append(pos)
        return moves

    def score(self):
        counts = {BLACK: 0, WHITE: 0}
        for v in self.cells:
            if v in counts:
                counts[v] += 1
        return counts

    def __str__(self):
        rows = []
        for r in range(self.size):
            row = self.cells[r * self.size:(r + 1) * self.size]
            rows.append("%d %s" % (self.size - r, " ".join(row)))
        rows.append("  " + " ".join("ABCDEFGHJ"[:self.size]))
        return "\n".join(rows)


def playout(board, rng, max_moves=120):
    colour = BLACK
    passes = 0
    illegal = 0
    for _ in range(max_moves):
        moves = board.legal_moves(colour)
        rng.shuffle(moves)
        for m in moves:
            try:
                board.play(m, colour)
                passes = 0
                break
            except IllegalMove:
                illegal += 1
        else:
            passes += 1
            if passes == 2:
                break
        colour = WHITE if colour == BLACK else BLACK
    return illegal


b = Board()
for colour, pos in [(BLACK, 8), (WHITE, 9), (BLACK, 1), (WHITE, 15), (BLACK, 7), (WHITE, 2)]:
    b.play(pos, colour)
print(b)
b.play(14, WHITE)
b.play(20, BLACK)
print("white captures", b.play(0, WHITE), b.captures)
print(b)
for pos, colour in [(0, BLACK), (8, BLACK), (24, WHITE)]:
    try:
        b.play(pos, colour)
        print("played", b.name(pos))
    except IllegalMove as e:
        print("illegal:", e)
rng = random.Random(42)
wins = {BLACK: 0, WHITE: 0}
for game in range(4):
    g = Board()
    bad = playout(g, rng)
    sc = g.score()
    winner = max(sc, key=lambda k: (sc[k], k))
    wins[winner] += 1
    print("game %d: %d moves, score %s, captures %s, illegal tries %d" % (game, len(g.history), sorted(sc.items()), sorted(g.captures.items()), bad))
print(g)
print(wins, [g.name(p) for c, p in g.history[:8]])
