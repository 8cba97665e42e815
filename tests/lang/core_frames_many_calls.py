def leaf(x):
    return x + 1
def mid(x):
    return leaf(x) * 2
total = 0
for i in range(10000):
    total += mid(i)
print(total)
