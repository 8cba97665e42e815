data = [1, 5, 12, 7, 20]
big = [y for x in data if (y := x * 2) > 10]
print(big)
if (n := len(data)) > 3:
    print("long", n)
