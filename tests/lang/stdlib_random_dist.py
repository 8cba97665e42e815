# the distributions are computed from random() exactly as random.py does
import random

random.seed(31337)
print([random.gauss(0, 1) for _ in range(4)])
print([random.gauss(10, 2.5) for _ in range(3)])
print([random.normalvariate() for _ in range(3)], random.normalvariate(5, 0.5))
print([random.lognormvariate(0, 0.25) for _ in range(2)])
print([random.expovariate(1.5) for _ in range(3)])
print([random.triangular() for _ in range(2)], random.triangular(1, 10), random.triangular(0, 10, 8))
print(random.triangular(3, 3, 3))
print([random.betavariate(2, 5) for _ in range(2)], random.betavariate(0.5, 0.5))
print([random.gammavariate(a, 2.0) for a in (0.3, 1.0, 2.5, 9.0)])
print([random.paretovariate(3) for _ in range(2)])
print([random.weibullvariate(1.0, 1.5) for _ in range(2)])
print([random.vonmisesvariate(0.5, 4.0) for _ in range(2)], random.vonmisesvariate(1.0, 0))

# a histogram of 2000 gaussian samples
random.seed(5)
bins = [0] * 8
for _ in range(2000):
    x = random.gauss(0, 1)
    i = int((x + 4) // 1)
    if 0 <= i < 8:
        bins[i] += 1
for i, n in enumerate(bins):
    print("%+d..%+d %4d %s" % (i - 4, i - 3, n, "#" * (n // 40)))
