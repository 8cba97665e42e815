# random's error messages
import random

def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

r = random.Random(1)
check(lambda: r.choice([]))
check(lambda: r.randrange(0))
check(lambda: r.randrange(5, 5))
check(lambda: r.randrange(0, 10, 0))
check(lambda: r.randrange(10, 0, 2))
check(lambda: r.randint(1))
check(lambda: r.randint(1, 2, 3))
check(lambda: r.randint(5, 1))
check(lambda: r.getrandbits(-1))
check(lambda: r.getrandbits())
check(lambda: r.getrandbits(2.0))
check(lambda: r.random(1))
check(lambda: r.seed([1, 2]))
check(lambda: r.seed(1, 2, 3))
check(lambda: r.sample({1, 2}, 1))
check(lambda: r.sample([1, 2], 3))
check(lambda: r.sample([1, 2], -1))
check(lambda: r.sample([1, 2], 1, counts=[1]))
check(lambda: r.choices([1, 2], 3))
check(lambda: r.choices([1, 2], weights=[1], k=2))
check(lambda: r.choices([1, 2], weights=[0, 0]))
check(lambda: r.choices([1, 2], weights=[1, 1], cum_weights=[1, 2]))
check(lambda: r.setstate((1, (), None)))
check(lambda: r.shuffle((1, 2, 3)))
check(lambda: r.uniform(1))
check(lambda: r.gammavariate(-1, 1))
check(lambda: r.expovariate(0))
check(lambda: random.Random(1, 2))
check(lambda: r.randrange(1, 10, 1) in range(1, 10))
