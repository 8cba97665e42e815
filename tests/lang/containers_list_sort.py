# list.sort / sorted: stability, key, reverse, comparisons made
data = [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z'), (3, 'a'), (2, 'a'), (0, 'q')]
print(sorted(data))
print(sorted(data, key=lambda p: p[0]))
print(sorted(data, key=lambda p: p[0], reverse=True))
print(sorted(data, key=lambda p: p[1], reverse=True))
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
nums = [5, -1, 3.5, 2, -7, 0, 3, 1e3, -0.5]
nums.sort(); print(nums)
nums.sort(key=abs); print(nums)
nums.sort(reverse=True); print(nums)
print(sorted([]), sorted([1]), sorted('hello'), sorted((3, 1, 2)), sorted({3: 'x', 1: 'y'}))

# a deterministic pseudo-random list big enough for runs, galloping, merges
seed = 12345
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
big = [rnd() % 1000 for i in range(3000)]
s = sorted(big)
print(s[:10], s[-10:], s == sorted(s), len(s))
pairs = [(v, i) for i, v in enumerate(big)]
st = sorted(pairs, key=lambda p: p[0])
print(all([st[i][1] < st[i + 1][1] for i in range(len(st) - 1) if st[i][0] == st[i + 1][0]]))
runs = list(range(100)) + list(range(50, 0, -1)) + list(range(200, 150, -2)) + [7] * 20
print(sorted(runs) == sorted(runs, key=lambda v: v), sum(runs), sorted(runs)[::37])
print(sorted(runs, reverse=True)[:12])

