# Recursion: every level is a frame.
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)

print(fib(32))
total = 0
for i in range(20000):
    total += factorial(50) % 1000003
print(total)
