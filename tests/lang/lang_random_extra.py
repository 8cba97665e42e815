# More of random: Random instances with their own state, sample,
# getrandbits, choices with weights, seeding with a string, and gauss.
import random

r1, r2 = random.Random(7), random.Random(7)
print(r1.random() == r2.random(), r1.randint(0, 10 ** 12), r1.choice([1, 2, 3]))
random.seed(99)
print(random.sample(range(100), 5), random.sample("abcdef", 3), random.getrandbits(40))
print(random.choices("abc", k=5), random.choices(range(3), weights=[10, 1, 1], k=6))
print(round(random.gauss(0, 1), 10), round(random.expovariate(2.0), 10))
random.seed("string seed")
print(random.random())
state = random.getstate()
a = random.random()
random.setstate(state)
print(a == random.random())
