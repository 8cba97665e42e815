# Making closures: each call builds a cell and a function object.
def make_multiplier_of(n):
    def multiplier(x):
        return x * n
    return multiplier

def run(n):
    total = 0
    for i in range(n):
        m = make_multiplier_of(i)
        total += m(3)
    return total

print(run(1000000))
