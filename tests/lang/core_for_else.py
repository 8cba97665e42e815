for x in [1, 2, 3]:
    if x == 5:
        break
else:
    print("no break")
for x in range(10):
    if x == 4:
        print("found", x)
        break
else:
    print("never")
for i in range(3):
    for j in range(3):
        if j == 1:
            continue
        if i == 2:
            break
        print(i, j)
