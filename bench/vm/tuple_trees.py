# Binary trees built as tuples (the binary-trees benchmark shape).
def make(d):
    if d == 0:
        return (None, None)
    d -= 1
    return (make(d), make(d))

def check(t):
    left, right = t
    if left is None:
        return 1
    return 1 + check(left) + check(right)

def run(max_depth):
    total = 0
    for d in range(4, max_depth + 1, 2):
        iters = 2 ** (max_depth - d + 4)
        for _ in range(iters):
            total += check(make(d))
    return total

long_lived = make(16)
print(run(16), check(long_lived))
