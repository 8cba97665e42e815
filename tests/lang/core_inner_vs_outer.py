def functionA(n):
    def _innerFunction(x):
        return x * 2
    return _innerFunction(n)
def _outerFunction(x):
    return x * 2
def functionB(n):
    return _outerFunction(n)
print(sum(functionA(i) for i in range(100)), sum(functionB(i) for i in range(100)))
