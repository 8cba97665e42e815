# getrandbits, big ranges and the seed types
import random

random.seed(2024)
for k in (1, 5, 31, 32, 33, 63, 64, 65, 100, 128, 129, 300):
    print(k, random.getrandbits(k))
print(random.getrandbits(0))
print(random.randrange(10**25), random.randrange(-10**30, 10**30, 7))
print(random.randint(2**70, 2**71))
print(random.choice(range(10**6, 10**7)))

for s in (-1, -12345, 2**64 + 1, 2**200 - 5, 10**50, True, False):
    random.seed(s)
    print("int", s, random.random(), random.randint(1, 1000))

for s in (0.5, 1.0, -2.25, 1e300, 3.141592653589793):
    random.seed(s)
    print("float", s, random.random())

for s in ("", "a", "hello", "hello world " * 20, "naïve café ☕", b"", b"bytes\x00\xff", bytearray(b"abc")):
    random.seed(s)
    print("text", repr(s)[:30], random.random(), random.getrandbits(40))

for s in ("", "a", "hello", b"hello", "ünï"):
    random.seed(s, version=1)
    print("v1", repr(s), random.random())

print(random.Random(3).randbytes(0), random.Random(3).randbytes(7), len(random.Random(3).randbytes(33)))
