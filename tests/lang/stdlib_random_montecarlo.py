# Monte Carlo with a seeded generator: estimates, random walks, a dice game
import random
import math

rng = random.Random(20240601)

def estimate_pi(n):
    inside = 0
    for _ in range(n):
        x, y = rng.random(), rng.random()
        if x * x + y * y <= 1.0:
            inside += 1
    return 4.0 * inside / n

for n in (100, 1000, 20000):
    print(n, estimate_pi(n))

def walk(steps):
    x = y = 0
    for _ in range(steps):
        dx, dy = rng.choice([(1, 0), (-1, 0), (0, 1), (0, -1)])
        x += dx
        y += dy
    return x, y

ends = [walk(100) for _ in range(50)]
dist = [math.hypot(x, y) for x, y in ends]
print("mean distance %.6f max %.6f" % (sum(dist) / len(dist), max(dist)))
print(ends[:5])

def play(rounds):
    score = {"alice": 0, "bob": 0}
    for _ in range(rounds):
        a = rng.randint(1, 6) + rng.randint(1, 6)
        b = rng.randint(1, 6) + rng.randint(1, 6)
        if a > b:
            score["alice"] += 1
        elif b > a:
            score["bob"] += 1
    return score

print(play(500))

counts = [0] * 11
for _ in range(3600):
    counts[rng.randint(1, 6) + rng.randint(1, 6) - 2] += 1
for total, c in enumerate(counts, start=2):
    print("%2d %3d %s" % (total, c, "*" * (c // 20)))

weights = {"common": 70, "rare": 25, "epic": 5}
drops = rng.choices(list(weights), weights=list(weights.values()), k=1000)
print({k: drops.count(k) for k in weights})
print(rng.sample(range(1, 50), 6))
