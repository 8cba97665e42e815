# random after seed(n): the Mersenne Twister must give CPython's sequence
import random

for seed in (0, 1, 42, 12345, 2**32 - 1, 2**32, 987654321987654321):
    random.seed(seed)
    print("seed", seed)
    print("  random:", [random.random() for _ in range(3)])
    print("  randint:", [random.randint(1, 6) for _ in range(12)])
    print("  randrange:", [random.randrange(100) for _ in range(6)],
          [random.randrange(-50, 50, 3) for _ in range(4)],
          [random.randrange(100, 0, -7) for _ in range(4)])
    print("  choice:", "".join([random.choice("abcdefghij") for _ in range(15)]))
    deck = list(range(1, 14))
    random.shuffle(deck)
    print("  shuffle:", deck)
    print("  uniform:", random.uniform(0, 1), random.uniform(-3, 7), random.uniform(10, 5))

# the same seed gives the same sequence again
random.seed(99)
a = [random.random() for _ in range(5)]
random.seed(99)
b = [random.random() for _ in range(5)]
print(a == b)

# module functions share one generator; Random instances are separate
random.seed(7)
r = random.Random(7)
print(random.random() == r.random(), random.randint(0, 10**6) == r.randint(0, 10**6))
r2 = random.Random()
r2.seed(7)
print(r2.random() == random.Random(7).random())
