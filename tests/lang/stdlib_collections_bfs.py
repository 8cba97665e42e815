# graph algorithms with deque, defaultdict and Counter
from collections import deque, defaultdict, Counter

edges = [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("e", "f"),
         ("c", "g"), ("g", "f"), ("h", "i")]
graph = defaultdict(list)
for u, v in edges:
    graph[u].append(v)
    graph[v].append(u)

def bfs(start):
    dist = {start: 0}
    order = []
    q = deque([start])
    while q:
        node = q.popleft()
        order.append(node)
        for nxt in graph[node]:
            if nxt not in dist:
                dist[nxt] = dist[node] + 1
                q.append(nxt)
    return order, dist

order, dist = bfs("a")
print(order)
print(dist)

def shortest_path(src, dst):
    prev = {src: None}
    q = deque([src])
    while q:
        node = q.popleft()
        if node == dst:
            break
        for nxt in graph[node]:
            if nxt not in prev:
                prev[nxt] = node
                q.append(nxt)
    if dst not in prev:
        return None
    path = deque()
    while dst is not None:
        path.appendleft(dst)
        dst = prev[dst]
    return list(path)

print(shortest_path("a", "f"), shortest_path("b", "g"), shortest_path("a", "h"))

def components():
    seen = set()
    comps = []
    for node in sorted(graph):
        if node in seen:
            continue
        o, _ = bfs(node)
        seen.update(o)
        comps.append(sorted(o))
    return comps

print(components())
print(Counter([len(v) for v in graph.values()]))

# topological sort (Kahn) of build steps
deps = {"link": ["compile", "assets"], "compile": ["configure"], "assets": ["configure"],
        "test": ["link"], "package": ["link", "docs"], "docs": [], "configure": []}
indeg = Counter()
users = defaultdict(list)
for step, reqs in deps.items():
    indeg[step] += 0
    for r in reqs:
        indeg[step] += 1
        users[r].append(step)
ready = deque(sorted([s for s in deps if indeg[s] == 0]))
plan = []
while ready:
    s = ready.popleft()
    plan.append(s)
    for u in sorted(users[s]):
        indeg[u] -= 1
        if indeg[u] == 0:
            ready.append(u)
print(plan)

# knight moves on a small board
def knight_distance(start, goal, n=8):
    moves = [(1, 2), (2, 1), (-1, 2), (-2, 1), (1, -2), (2, -1), (-1, -2), (-2, -1)]
    seen = {start: 0}
    q = deque([start])
    while q:
        x, y = q.popleft()
        if (x, y) == goal:
            return seen[(x, y)]
        for dx, dy in moves:
            nx, ny = x + dx, y + dy
            if 0 <= nx < n and 0 <= ny < n and (nx, ny) not in seen:
                seen[(nx, ny)] = seen[(x, y)] + 1
                q.append((nx, ny))
    return -1

print([knight_distance((0, 0), g) for g in [(0, 0), (1, 2), (7, 7), (3, 3), (0, 1)]])
