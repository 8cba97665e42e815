# deque's errors
from collections import deque

def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

d = deque([1, 2, 3], maxlen=5)
check(lambda: deque().pop())
check(lambda: deque().popleft())
check(lambda: d[10])
check(lambda: d[-4])
check(lambda: d["a"])
check(lambda: d[1:2])
check(lambda: d.index(9))
check(lambda: d.remove(9))
check(lambda: deque([1], 1).insert(0, 5))
check(lambda: deque([], -1))
check(lambda: deque([], "a"))
check(lambda: deque(1))
check(lambda: deque(x=1))
check(lambda: deque([], 2, 3))
check(lambda: deque([1]) + [2])
check(lambda: deque([1]) < [2])
check(lambda: hash(deque()))
check(lambda: d.rotate("a"))
check(lambda: d.append())
check(lambda: d.count())

def mutate():
    q = deque([1, 2, 3])
    for x in q:
        q.append(x)
check(mutate)

def mutate2():
    q = deque([1, 2, 3])
    for x in q:
        q.rotate()
check(mutate2)
