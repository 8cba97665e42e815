n = 0
total = 0
while n < 100000:
    total += n * n
    n += 1
print(total)
