# random with a fixed integer seed reproduces CPython's Mersenne Twister
# stream: random, randint, randrange, choice, shuffle and uniform.
import random

random.seed(12345)
print([random.random() for _ in range(3)])
print([random.randint(1, 6) for _ in range(10)])
print([random.randrange(100) for _ in range(5)], [random.randrange(10, 20, 3) for _ in range(5)])
deck = list(range(10))
random.shuffle(deck)
print(deck, random.choice("abcdefg"), random.choice(deck))
print([round(random.uniform(-1, 1), 12) for _ in range(3)], random.uniform(5, 5))
print(random.randrange(2 ** 70), random.randint(-10 ** 20, 10 ** 20))
random.seed(12345)
first = random.random()
random.seed(12345)
print(first == random.random())
for seed in (0, 1, 2 ** 40, -5):
    random.seed(seed)
    print(seed, random.random(), random.randint(0, 99))
for bad in (lambda: random.randint(5, 1), lambda: random.choice([]), lambda: random.randrange(0)):
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__ + ":", e)
