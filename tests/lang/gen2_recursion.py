# recursion inside generators
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            yield [items[i]] + p

print(list(permutations([1, 2, 3])))
print(sum(1 for _ in permutations(list(range(6)))))

def flatten(x):
    if isinstance(x, list):
        for item in x:
            yield from flatten(item)
    else:
        yield x

print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]])))

def countdown(n):
    if n > 0:
        yield n
        yield from countdown(n - 1)

print(list(countdown(50))[-3:], len(list(countdown(200))))

def hanoi(n, a, b, c):
    if n:
        yield from hanoi(n - 1, a, c, b)
        yield (a, c)
        yield from hanoi(n - 1, b, a, c)

moves = list(hanoi(4, "A", "B", "C"))
print(len(moves), moves[:3])

# a generator that recurses without yield from
def depth(n):
    if n == 0:
        yield 0
    else:
        for d in depth(n - 1):
            yield d + 1

print(list(depth(30)))

# infinite recursion is a RecursionError, not a crash
def forever():
    yield from forever()

try:
    next(forever())
except RecursionError as e:
    print("RecursionError:", e)

# re-entering a running generator
def reenter():
    yield next(me)
me = reenter()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)
