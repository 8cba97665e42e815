def make_adders(n):
    adders = []
    for i in range(n):
        def add(x, i=i):
            return x + i
        adders.append(add)
    return adders
print([a(100) for a in make_adders(4)])
def make_multiplier_of(n):
    def multiplier(x):
        return x * n
    return multiplier
multipliers = [make_multiplier_of(n) for n in range(5)]
print(*[m(5) for m in multipliers])
