# fannkuch-redux: count pancake flips over all permutations, plus a
# checksum, done with plain lists and the classic counting permutation walk.

def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    nperm = 0
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += flips if sign == 1 else -flips
        nperm += 1
        sign = -sign
        while True:
            if r == n:
                return max_flips, checksum, nperm
            p0 = perm1[0]
            i = 0
            while i < r:
                j = i + 1
                perm1[i] = perm1[j]
                i = j
            perm1[r] = p0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def flips_of(seq):
    seq = list(seq)
    n = 0
    while seq[0] != 0:
        k = seq[0]
        seq[:k + 1] = reversed(seq[:k + 1])
        n += 1
    return n


def all_perms(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i, x in enumerate(items):
        rest = items[:i] + items[i + 1:]
        for p in all_perms(rest):
            out.append([x] + p)
    return out


for n in range(3, 8):
    mf, cs, np = fannkuch(n)
    print("n=%d: %d permutations, checksum %d, Pfannkuchen(%d) = %d" % (n, np, cs, n, mf))

perms = all_perms(list(range(5)))
print(len(perms), perms[:3], perms[-1])
hist = {}
for p in perms:
    f = flips_of(p)
    hist[f] = hist.get(f, 0) + 1
print(sorted(hist.items()))
worst = max(perms, key=flips_of)
print("worst:", worst, flips_of(worst))
best = [p for p in perms if flips_of(p) == 0]
print("zero-flip count:", len(best), best[:2])

# slice assignment corner cases the kernel relies on
a = list(range(8))
a[:4] = a[3::-1]
print(a)
a[2:6] = []
print(a)
a[1:1] = "xy"
print(a)
del a[::2]
print(a)
b = list(range(10))
b[::3] = ["a", "b", "c", "d"]
print(b)
try:
    b[::3] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
print(b[-3:], b[:-7:-2], b[100:], b[-100:2])
