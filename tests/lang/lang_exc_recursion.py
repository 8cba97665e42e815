# RecursionError is an ordinary exception: it can be caught, the program
# continues normally afterwards, and deep-but-legal recursion still works.
import sys


def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError:", e)
print(sys.getrecursionlimit())


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))


class Loop:
    def __getattr__(self, name):
        return getattr(self, name + "x")


try:
    Loop().a
except RecursionError as e:
    print("RecursionError via __getattr__:", str(e)[:40])


def mutual_a(n):
    return mutual_b(n)


def mutual_b(n):
    return mutual_a(n)


try:
    mutual_a(1)
except RecursionError:
    print("mutual recursion caught")
print(depth(900))
