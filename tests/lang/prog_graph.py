# Graph algorithms toolkit: an adjacency-list Graph class; BFS, iterative and
# recursive DFS, Dijkstra with heapq, topological sort (Kahn and DFS),
# connected and strongly connected components, cycle detection, MST.
import heapq
from collections import deque, defaultdict


class CycleError(Exception):
    def __init__(self, cycle):
        super().__init__("graph has a cycle: " + " -> ".join(cycle))
        self.cycle = cycle


class Graph:
    def __init__(self, directed=False):
        self.directed = directed
        self.adj = defaultdict(dict)

    def add_edge(self, u, v, w=1):
        self.adj[u][v] = w
        if self.directed:
            self.adj[v]
        else:
            self.adj[v][u] = w

    @classmethod
    def from_spec(cls, spec, directed=False):
        g = cls(directed)
        for part in spec.split():
            ends, _, weight = part.partition(":")
            u, v = ends.split("-")
            g.add_edge(u, v, int(weight) if weight else 1)
        return g

    def __contains__(self, node):
        return node in self.adj

    def __len__(self):
        return len(self.adj)

    def __iter__(self):
        return iter(sorted(self.adj))

    def neighbors(self, u):
        return sorted(self.adj[u])

    def edges(self):
        seen = set()
        for u in self:
            for v in self.neighbors(u):
                if self.directed or (v, u) not in seen:
                    seen.add((u, v))
                    yield u, v, self.adj[u][v]

    def bfs(self, start):
        order, dist = [], {start: 0}
        q = deque([start])
        while q:
            u = q.popleft()
            order.append(u)
            for v in self.neighbors(u):
                if v not in dist:
                    dist[v] = dist[u] + 1
                    q.append(v)
        return order, dist

    def dfs(self, start):
        order, seen, stack = [], set(), [start]
        while stack:
            u = stack.pop()
            if u in seen:
                continue
            seen.add(u)
            order.append(u)
            stack.extend(reversed(self.neighbors(u)))
        return order

    def dfs_recursive(self, start, seen=None):
        seen = set() if seen is None else seen
        seen.add(start)
        yield start
        for v in self.neighbors(start):
            if v not in seen:
                yield from self.dfs_recursive(v, seen)

    def dijkstra(self, src):
        dist, prev = {src: 0}, {}
        pq = [(0, src)]
        done = set()
        while pq:
            d, u = heapq.heappop(pq)
            if u in done:
                continue
            done.add(u)
            for v, w in sorted(self.adj[u].items()):
                nd = d + w
                if nd < dist.get(v, float("inf")):
                    dist[v], prev[v] = nd, u
                    heapq.heappush(pq, (nd, v))
        return dist, prev

    def path(self, src, dst):
        dist, prev = self.dijkstra(src)
        if dst not in dist:
            return None, None
        p = [dst]
        while p[-1] != src:
            p.append(prev[p[-1]])
        return dist[dst], p[::-1]

    def toposort_kahn(self):
        indeg = {u: 0 for u in self.adj}
        for u in self.adj:
            for v in self.adj[u]:
                indeg[v] += 1
        ready = sorted(u for u, d in indeg.items() if d == 0)
        heapq.heapify(ready)
        out = []
        while ready:
            u = heapq.heappop(ready)
            out.append(u)
            for v in self.neighbors(u):
                indeg[v] -= 1
                if indeg[v] == 0:
                    heapq.heappush(ready, v)
        if len(out) != len(self.adj):
            raise CycleError(self.find_cycle())
        return out

    def find_cycle(self):
        color = {u: 0 for u in self.adj}
        parent = {}

        def visit(u):
            color[u] = 1
            for v in self.neighbors(u):
                if color[v] == 1:
                    cyc = [v, u]
                    while cyc[-1] != v:
                        cyc.append(parent[cyc[-1]])
                    return list(reversed(cyc))
                if color[v] == 0:
                    parent[v] = u
                    found = visit(v)
                    if found:
                        return found
            color[u] = 2
            return None

        for u in self:
            if color[u] == 0:
                c = visit(u)
                if c:
                    return c
        return []

    def components(self):
        seen, comps = set(), []
        for u in self:
            if u not in seen:
                comp = sorted(self.dfs_recursive(u, seen))
                comps.append(comp)
        return comps

    def scc(self):
        index, low, on_stack, stack, result = {}, {}, set(), [], []
        counter = [0]

        def strong(u):
            index[u] = low[u] = counter[0]
            counter[0] += 1
            stack.append(u)
            on_stack.add(u)
            for v in self.neighbors(u):
                if v not in index:
                    strong(v)
                    low[u] = min(low[u], low[v])
                elif v in on_stack:
                    low[u] = min(low[u], index[v])
            if low[u] == index[u]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == u:
                        break
                result.append(sorted(comp))

        for u in self:
            if u not in index:
                strong(u)
        return sorted(result)

    def mst_kruskal(self):
        parent = {u: u for u in self.adj}

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        tree = []
        for u, v, w in sorted(self.edges(), key=lambda e: (e[2], e[0], e[1])):
            ru, rv = find(u), find(v)
            if ru != rv:
                parent[ru] = rv
                tree.append((u, v, w))
        return tree


roads = Graph.from_spec("A-B:4 A-C:2 B-C:5 B-D:10 C-E:3 E-D:4 D-F:11 G-H:1 E-F:20")
print("nodes:", list(roads), "edges:", len(list(roads.edges())))
order, dist = roads.bfs("A")
print("bfs:", order, dist)
print("dfs:", roads.dfs("A"), list(roads.dfs_recursive("A")))
for target in ["D", "F", "H"]:
    cost, p = roads.path("A", target)
    print(f"A->{target}: cost={cost} path={p}")
print("components:", roads.components())
mst = roads.mst_kruskal()
print("mst:", mst, "weight", sum(w for *_, w in mst))

deps = Graph.from_spec("shirt-tie tie-jacket pants-shoes pants-belt belt-jacket "
                       "shirt-belt socks-shoes undershorts-pants undershorts-shoes",
                       directed=True)
print("wear order:", deps.toposort_kahn())
deps.add_edge("jacket", "shirt")
try:
    deps.toposort_kahn()
except CycleError as e:
    print(e, "| length", len(e.cycle))
print("scc:", deps.scc())
print("G in roads:", "G" in roads, "Z in roads:", "Z" in roads, "size:", len(roads))

grid = ["S.#.....",
        ".##.###.",
        "...#...E",
        ".#...#.."]
maze = Graph()
for r, row in enumerate(grid):
    for c, ch in enumerate(row):
        if ch == "#":
            continue
        for dr, dc in ((0, 1), (1, 0)):
            rr, cc = r + dr, c + dc
            if rr < len(grid) and cc < len(row) and grid[rr][cc] != "#":
                maze.add_edge((r, c), (rr, cc))
cost, p = maze.path((0, 0), (2, 7))
print("maze steps:", cost)
canvas = [list(row) for row in grid]
for r, c in p[1:-1]:
    canvas[r][c] = "*"
print("\n".join("".join(row) for row in canvas))
