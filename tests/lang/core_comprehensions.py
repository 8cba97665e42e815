print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print({x % 3 for x in range(10)})
print({x: x * x for x in range(5)})
print([[j for j in range(i)] for i in range(4)])
x = "outer"
print([x for x in "ab"], x)
print(sum(x for x in range(101)))
