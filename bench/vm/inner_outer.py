# Function-call heavy: an inner def per call (functionA) vs a module-level
# helper (functionB).
def functionA(n):
    def _innerFunction(x):
        return x * 2 + 1
    return _innerFunction(n)

def _outerFunction(x):
    return x * 2 + 1

def functionB(n):
    return _outerFunction(n)

def run(n):
    total = 0
    for i in range(n):
        total += functionA(i)
        total += functionB(i)
    return total

print(run(1000000))
