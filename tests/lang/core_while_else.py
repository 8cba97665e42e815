i = 0
while i < 5:
    i += 1
    if i == 3:
        continue
    print(i)
else:
    print("done", i)
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("not printed")
print(n)
