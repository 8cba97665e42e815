for a in range(4):
    print("even" if a % 2 == 0 else "odd", 1 < a < 3, 0 <= a <= 1 < 2, a == a != a + 1)
x = 5
print(1 < x > 3, 1 < x < 3)
