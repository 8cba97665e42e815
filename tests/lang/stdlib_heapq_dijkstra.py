# shortest paths with heapq: Dijkstra on a weighted graph and on a grid
import heapq
from collections import defaultdict

roads = [("A", "B", 7), ("A", "C", 9), ("A", "F", 14), ("B", "C", 10), ("B", "D", 15),
         ("C", "D", 11), ("C", "F", 2), ("D", "E", 6), ("E", "F", 9)]
adj = defaultdict(list)
for u, v, w in roads:
    adj[u].append((v, w))
    adj[v].append((u, w))

def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    pops = 0
    while pq:
        d, u = heapq.heappop(pq)
        pops += 1
        if d > dist.get(u, float("inf")):
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev, pops

dist, prev, pops = dijkstra("A")
print(sorted(dist.items()), pops)
node, path = "E", []
while node != "A":
    path.append(node)
    node = prev[node]
path.append("A")
print("->".join(reversed(path)))

grid = ["S.#.......",
        ".##..###..",
        "......#...",
        ".####.#.#.",
        "......#.#G"]
cost = {".": 1, "S": 1, "G": 1}

def grid_path():
    rows, cols = len(grid), len(grid[0])
    start = goal = None
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "S":
                start = (r, c)
            elif grid[r][c] == "G":
                goal = (r, c)
    best = {start: 0}
    pq = [(0, start)]
    while pq:
        d, (r, c) = heapq.heappop(pq)
        if (r, c) == goal:
            return d
        for dr, dc in ((0, 1), (1, 0), (0, -1), (-1, 0)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#":
                nd = d + cost[grid[nr][nc]]
                if nd < best.get((nr, nc), 10**9):
                    best[(nr, nc)] = nd
                    heapq.heappush(pq, (nd, (nr, nc)))
    return None

print(grid_path())

# merge sorted runs with a heap of (value, run, index)
runs = [[1, 4, 9, 16], [2, 3, 5, 7, 11], [0, 10, 20], []]
heap = [(r[0], i, 0) for i, r in enumerate(runs) if r]
heapq.heapify(heap)
merged = []
while heap:
    v, i, j = heapq.heappop(heap)
    merged.append(v)
    if j + 1 < len(runs[i]):
        heapq.heappush(heap, (runs[i][j + 1], i, j + 1))
print(merged)

# the k most frequent words, ties broken by the word
text = "a b c a b a d e d d d c c c c".split()
freq = {}
for w in text:
    freq[w] = freq.get(w, 0) + 1
print(heapq.nsmallest(3, freq.items(), key=lambda kv: (-kv[1], kv[0])))
print(heapq.nlargest(2, freq, key=freq.get))
